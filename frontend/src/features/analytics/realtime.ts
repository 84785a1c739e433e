import type { RealtimeFeatureFactory } from '../../hooks/realtimeTypes';
import { analyticsKeys } from './useAnalytics';

/** The analytics page: `application.updated` and the `analytics.updated` that follows it make one refetch. */
export const analyticsRealtime: RealtimeFeatureFactory = ({ queryClient }) => {
  const refresh = () => void queryClient.invalidateQueries({ queryKey: analyticsKeys.all });
  return {
    handlers: {
      'application.updated': (_event, { coalesce }) => coalesce(refresh),
      'analytics.updated': (_event, { coalesce }) => coalesce(refresh),
    },
    catchUp: [analyticsKeys.all],
  };
};
