import type { RealtimeFeatureFactory } from '../../hooks/realtimeTypes';
import { str } from '../../hooks/realtimeTypes';
import { EXPORT_NOTIFICATION_TYPES, exportKeys } from './useYourData';

/** "Your data export is ready" (or failed): Settings' list of exports shows the download link. */
export const settingsRealtime: RealtimeFeatureFactory = ({ queryClient }) => ({
  handlers: {
    'notification.created': (event) => {
      if (EXPORT_NOTIFICATION_TYPES.includes(str(event.data.type))) {
        void queryClient.invalidateQueries({ queryKey: exportKeys.all });
      }
    },
  },
  catchUp: [exportKeys.all],
});
