import type { RealtimeFeatureFactory } from '../../hooks/realtimeTypes';
import { num } from '../../hooks/realtimeTypes';
import { applicationKeys } from './useApplications';

/** The board, the list view, application details and timelines (also the dashboard's pipeline: board key). */
export const applicationsRealtime: RealtimeFeatureFactory = ({ queryClient }) => {
  const refresh = () => void queryClient.invalidateQueries({ queryKey: applicationKeys.all });
  return {
    handlers: {
      'application.updated': (event, { coalesce }) => {
        const id = num(event.data.id);
        if (event.data.change === 'deleted' && id !== null) {
          // As after "Stop tracking" in this tab: nothing asks for the deleted application again.
          queryClient.removeQueries({ queryKey: applicationKeys.detail(id) });
          queryClient.removeQueries({ queryKey: applicationKeys.events(id) });
        }
        coalesce(refresh, { waitForMutations: true });
      },
    },
    catchUp: [applicationKeys.all],
  };
};
