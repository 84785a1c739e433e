import type { RealtimeFeatureFactory } from '../../hooks/realtimeTypes';
import { todayKeys } from './useToday';

/** The dashboard's "Today": applications sent today, the streak, today's status changes. */
export const dashboardRealtime: RealtimeFeatureFactory = ({ queryClient }) => {
  const refresh = () => void queryClient.invalidateQueries({ queryKey: todayKeys.all });
  return {
    handlers: {
      'application.updated': (_event, { coalesce }) => coalesce(refresh, { waitForMutations: true }),
      'analytics.updated': () => refresh(),
    },
    catchUp: [todayKeys.all],
  };
};
