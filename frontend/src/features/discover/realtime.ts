import type { RealtimeFeatureFactory } from '../../hooks/realtimeTypes';
import { discoverKeys } from './useDiscover';

/** A job refresh found matches (this tab's "Refresh jobs now", or the nightly run): Discover shows them. */
export const discoverRealtime: RealtimeFeatureFactory = ({ queryClient }) => ({
  handlers: {
    'job.matched': () => void queryClient.invalidateQueries({ queryKey: discoverKeys.all }),
  },
  catchUp: [discoverKeys.all],
});
