import type { RealtimeFeatureFactory } from '../../hooks/realtimeTypes';
import { applyContentDelta, documentKeys, markStreamsIncomplete } from './useDocuments';

/** A cover letter or tailored resume being written: its page shows the text as it arrives. */
export const documentsRealtime: RealtimeFeatureFactory = ({ queryClient }) => ({
  handlers: {
    'content.delta': (event) => applyContentDelta(queryClient, event.data),
  },
  catchUp: [documentKeys.all],
  // Deltas sent while the socket was away are lost: streamed text is no longer whole (pages show the server's).
  onReconnect: markStreamsIncomplete,
});
