import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../client';
import type { TodayRead } from '../../client/types';

export const todayKeys = {
  all: ['today'] as const,
  /** The signed-in user's local day: applications against the goal, streak, new jobs, status changes. */
  mine: () => ['today', 'me'] as const,
};

/** Today in the user's timezone (live updates refresh it on `application.updated` and `analytics.updated`). */
export function useToday() {
  return useQuery<TodayRead>({
    queryKey: todayKeys.mine(),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/users/me/today', { signal })),
  });
}
