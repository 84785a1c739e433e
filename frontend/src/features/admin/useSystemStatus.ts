import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../client';
import type { SystemStatus } from '../../client/types';
import { isForbidden } from './useTaskQueue';

/** The page refreshes itself this often while open (the figures are cheap to gather). */
export const SYSTEM_POLL_MS = 10_000;

export const systemKeys = {
  all: ['admin', 'system'] as const,
};

/** Poll while the page is open; a 403 will not change by asking again. */
function pollUnlessForbidden(query: { state: { error: unknown } }): number | false {
  return isForbidden(query.state.error) ? false : SYSTEM_POLL_MS;
}

/** How the deployment is doing: database and pool, time-series partitions and retention, catalogue, cache. */
export function useSystemStatus() {
  return useQuery<SystemStatus>({
    queryKey: systemKeys.all,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/admin/system', { signal })),
    refetchInterval: pollUnlessForbidden,
  });
}
