import type { RealtimeFeatureFactory } from '../../hooks/realtimeTypes';
import { str } from '../../hooks/realtimeTypes';
import { ACHIEVEMENT_NOTIFICATION_TYPE, achievementKeys } from './useAchievements';

/** Achievements: progress moves with applications; "Achievement unlocked: …" shows it earned. */
export const achievementsRealtime: RealtimeFeatureFactory = ({ queryClient }) => {
  const refresh = () => void queryClient.invalidateQueries({ queryKey: achievementKeys.all });
  return {
    handlers: {
      'application.updated': (_event, { coalesce }) => coalesce(refresh),
      'analytics.updated': (_event, { coalesce }) => coalesce(refresh),
      'notification.created': (event) => {
        if (str(event.data.type) === ACHIEVEMENT_NOTIFICATION_TYPE) refresh();
      },
    },
    catchUp: [achievementKeys.all],
  };
};
