import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../client';
import type {
  ApplicationEventPage,
  ApplicationPage,
  ApplicationRead,
  ApplicationUpdate,
  BoardRead,
  JobRead,
} from '../../client/types';

export const BOARD_PER_COLUMN = 50;
export const EVENTS_PAGE_SIZE = 100;

export const applicationKeys = {
  all: ['applications'] as const,
  board: () => ['applications', 'board', { per_column: BOARD_PER_COLUMN }] as const,
  list: (params: { page: number; size: number }) => ['applications', 'list', params] as const,
  detail: (id: number) => ['applications', 'detail', id] as const,
  events: (id: number) => ['applications', 'events', id] as const,
};

/** All eight columns, in order, with up to BOARD_PER_COLUMN cards each. */
export function useBoard() {
  return useQuery<BoardRead>({
    queryKey: applicationKeys.board(),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/applications/board', { params: { query: { per_column: BOARD_PER_COLUMN } }, signal })),
  });
}

export function useApplicationList(params: { page: number; size: number }) {
  return useQuery<ApplicationPage>({
    queryKey: applicationKeys.list(params),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/applications', { params: { query: params }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useApplication(id: number | null) {
  return useQuery<ApplicationRead>({
    queryKey: applicationKeys.detail(id ?? -1),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/applications/{application_id}', { params: { path: { application_id: id as number } }, signal })),
    enabled: id !== null,
  });
}

/** The status history, oldest first, a page at a time. */
export function useApplicationEvents(id: number) {
  return useInfiniteQuery<ApplicationEventPage>({
    queryKey: applicationKeys.events(id),
    initialPageParam: 1,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/api/v1/applications/{application_id}/events', {
          params: { path: { application_id: id }, query: { page: pageParam as number, size: EVENTS_PAGE_SIZE } },
          signal,
        }),
      ),
    getNextPageParam: (last) => (last.page * last.size < last.total ? last.page + 1 : undefined),
  });
}

export interface UpdateApplicationInput {
  id: number;
  body: ApplicationUpdate;
}

/** PATCH an application; everything that shows it is refreshed afterwards. */
export function useUpdateApplication() {
  const queryClient = useQueryClient();
  return useMutation<ApplicationRead, Error, UpdateApplicationInput>({
    mutationFn: ({ id, body }) =>
      unwrap(api.PATCH('/api/v1/applications/{application_id}', { params: { path: { application_id: id } }, body })),
    onSuccess: (saved) => {
      queryClient.setQueryData(applicationKeys.detail(saved.id), saved);
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ['jobs'] });
      return queryClient.invalidateQueries({ queryKey: applicationKeys.all });
    },
  });
}

export interface StopTrackingInput {
  id: number;
  jobId: number;
}

/** DELETE an application: the job stays, its tracking (status, notes, timeline) goes. */
export function useStopTracking() {
  const queryClient = useQueryClient();
  return useMutation<void, Error, StopTrackingInput>({
    mutationFn: async ({ id }) => {
      await unwrap(api.DELETE('/api/v1/applications/{application_id}', { params: { path: { application_id: id } } }));
    },
    onSuccess: (_data, { id, jobId }) => {
      // Show the job as untracked at once, so nothing asks for the deleted application again.
      queryClient.setQueryData<JobRead>(['jobs', 'detail', jobId], (job) => (job ? { ...job, tracking: null } : job));
      queryClient.removeQueries({ queryKey: applicationKeys.detail(id) });
      queryClient.removeQueries({ queryKey: applicationKeys.events(id) });
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ['applications', 'board'] });
      void queryClient.invalidateQueries({ queryKey: ['applications', 'list'] });
      return queryClient.invalidateQueries({ queryKey: ['jobs'] });
    },
  });
}
