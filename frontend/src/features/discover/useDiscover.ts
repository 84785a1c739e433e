import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../client';
import type { ApplicationRead, DiscoverParams, MatchPage, MatchRead, TaskRunRead } from '../../client/types';
import { applicationKeys } from '../applications/useApplications';
import { jobKeys } from '../jobs/useJobs';

export const DISCOVER_PAGE_SIZE = 20;

/** "Minimum match" choices: the value is a percentage, 0 meaning any. */
export const MIN_MATCH_OPTIONS = [
  { value: '0', label: 'Any' },
  { value: '50', label: '50%' },
  { value: '70', label: '70%' },
] as const;

export type MinMatch = 0 | 50 | 70;

/** What the feed shows lives in the URL (`?remote=true&min=70&blocked=show&page=2`), so reload and back keep it. */
export interface DiscoverSearch {
  remoteOnly: boolean;
  minMatch: MinMatch;
  /** Also show postings that fail a hard requirement the user set (hidden by default). */
  showBlocked: boolean;
  page: number;
}

export const EMPTY_DISCOVER_SEARCH: DiscoverSearch = { remoteOnly: false, minMatch: 0, showBlocked: false, page: 1 };

/** While the feed is being scored again, ask for it this often (live updates usually tell sooner). */
export const REBUILD_POLL_MS = 4_000;

export function isMinMatch(value: unknown): value is MinMatch {
  return value === 0 || value === 50 || value === 70;
}

export function parseDiscoverSearch(params: URLSearchParams): DiscoverSearch {
  const min = Number(params.get('min'));
  const page = Number(params.get('page'));
  return {
    remoteOnly: params.get('remote') === 'true',
    minMatch: isMinMatch(min) ? min : 0,
    showBlocked: params.get('blocked') === 'show',
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** URL form of the feed's filters; defaults are left out so a plain /discover stays plain. */
export function toDiscoverParams(search: DiscoverSearch): URLSearchParams {
  const params = new URLSearchParams();
  if (search.remoteOnly) params.set('remote', 'true');
  if (search.minMatch) params.set('min', String(search.minMatch));
  if (search.showBlocked) params.set('blocked', 'show');
  if (search.page > 1) params.set('page', String(search.page));
  return params;
}

/** What GET /discover is asked: defaults left out. */
export function toDiscoverQuery(search: DiscoverSearch): DiscoverParams {
  const query: DiscoverParams = { page: search.page, size: DISCOVER_PAGE_SIZE };
  if (search.minMatch) query.min_score = search.minMatch / 100;
  if (search.remoteOnly) query.remote_only = true;
  if (search.showBlocked) query.hide_blocked = false;
  return query;
}

export const discoverKeys = {
  all: ['discover'] as const,
  list: (params: DiscoverParams) => ['discover', 'list', params] as const,
};

/**
 * One page of matches, best first (live updates refresh it on `job.matched`). While the feed is out of date
 * (`rebuilding`: the resume, profile, searches or needs changed), it is asked again every REBUILD_POLL_MS as well.
 */
export function useDiscover(params: DiscoverParams) {
  return useQuery<MatchPage>({
    queryKey: discoverKeys.list(params),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/discover', { params: { query: params }, signal })),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.rebuilding ? REBUILD_POLL_MS : false),
  });
}

/**
 * Hide a match for good: it leaves the page at once, and the page is asked again to fill the gap.
 * `onDismissed` runs here rather than in `mutate`'s callbacks: the card that asked is gone by then.
 */
export function useDismissMatch(onDismissed?: (match: MatchRead) => void) {
  const queryClient = useQueryClient();
  return useMutation<void, Error, MatchRead>({
    mutationFn: async (match) => {
      await unwrap(api.POST('/api/v1/discover/{match_id}/dismiss', { params: { path: { match_id: match.id } } }));
    },
    onSuccess: (_data, match) => {
      queryClient.setQueriesData<MatchPage>({ queryKey: ['discover', 'list'] }, (page) =>
        page && page.items.some((item) => item.id === match.id)
          ? { ...page, items: page.items.filter((item) => item.id !== match.id), total: Math.max(0, page.total - 1) }
          : page,
      );
      onDismissed?.(match);
      return queryClient.invalidateQueries({ queryKey: discoverKeys.all });
    },
  });
}

/** "Save to tracker": the job lands on the board under Interested (409 `already_tracked` when it is there). */
export function useSaveMatch() {
  const queryClient = useQueryClient();
  return useMutation<ApplicationRead, Error, MatchRead>({
    mutationFn: (match) =>
      unwrap(api.POST('/api/v1/applications', { body: { job_posting_id: match.job.id, status: 'interested', notes: '' } })),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: applicationKeys.all });
      return queryClient.invalidateQueries({ queryKey: jobKeys.all });
    },
  });
}

/**
 * Ask for the feed to be scored again (the server sends one task at most; the feed's polling and `job.matched`
 * show the result). The page calls it when the feed says it is out of date.
 */
export function useRequestRebuild() {
  return useMutation<{ rebuilding: boolean }, Error, void>({
    mutationFn: () => unwrap(api.POST('/api/v1/discover/rebuild')),
  });
}

/** "Refresh jobs now": fetch fresh postings for the user's searches and follows in the background (429 when too often). */
export function useRefreshJobs() {
  return useMutation<TaskRunRead, Error, void>({
    mutationFn: () => unwrap(api.POST('/api/v1/sources/ingest')),
  });
}
