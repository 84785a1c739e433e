import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../client';
import type { AchievementRead } from '../../client/types';

export const achievementKeys = {
  all: ['achievements'] as const,
};

/** The notification type the server sends when an achievement is earned (see useRealtime). */
export const ACHIEVEMENT_NOTIFICATION_TYPE = 'achievement.earned';

/** Every achievement: earned ones with the date, locked ones with progress, future ones unavailable. */
export function useAchievements() {
  return useQuery<AchievementRead[]>({
    queryKey: achievementKeys.all,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/achievements', { signal })),
  });
}

/** Earned first, then the locked ones that can be earned today, then those still to come; catalogue order within each. */
export function sortAchievements(items: readonly AchievementRead[]): AchievementRead[] {
  const rank = (item: AchievementRead) => (item.earned ? 0 : item.available ? 1 : 2);
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => rank(a.item) - rank(b.item) || a.index - b.index)
    .map(({ item }) => item);
}
