import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, unwrap } from '../../client';
import type { BackupRead, QueueOverview, ScheduleEntry, TaskRunPage, TaskRunRead, TaskState } from '../../client/types';

export const TASKS_PAGE_SIZE = 20;
/** The page refreshes itself this often while open. */
export const QUEUE_POLL_MS = 5_000;

/** After "Back up now", the list is asked again this long later (a small server's backup takes seconds). */
export const BACKUP_REFRESH_MS = 3_000;

export const TASK_STATES: readonly TaskState[] = ['queued', 'running', 'retrying', 'succeeded', 'failed', 'cancelled'];

export interface AdminTaskListQuery {
  state: TaskState | null;
  page: number;
  size: number;
}

export const adminTaskKeys = {
  all: ['admin', 'tasks'] as const,
  overview: () => ['admin', 'tasks', 'overview'] as const,
  list: (params: AdminTaskListQuery) => ['admin', 'tasks', 'list', params] as const,
};

export const backupKeys = {
  all: ['admin', 'backups'] as const,
};

export function isTaskState(value: unknown): value is TaskState {
  return typeof value === 'string' && (TASK_STATES as readonly string[]).includes(value);
}

/** The API's answer to a signed-in user who is not an administrator. */
export function isForbidden(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403;
}

/** Poll while the page is open; a 403 will not change by asking again. */
function pollUnlessForbidden(query: { state: { error: unknown } }): number | false {
  return isForbidden(query.state.error) ? false : QUEUE_POLL_MS;
}

/** Counts by state, the schedule with next runs, and the workers seen. */
export function useQueueOverview() {
  return useQuery<QueueOverview>({
    queryKey: adminTaskKeys.overview(),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/admin/tasks/overview', { signal })),
    refetchInterval: pollUnlessForbidden,
  });
}

/** Every user's tasks, newest first, a page at a time, optionally in one state. */
export function useAdminTasks(params: AdminTaskListQuery) {
  return useQuery<TaskRunPage>({
    queryKey: adminTaskKeys.list(params),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/admin/tasks', {
          params: { query: { page: params.page, size: params.size, state: params.state ?? undefined } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
    refetchInterval: pollUnlessForbidden,
  });
}

export interface TaskActionInput {
  action: 'retry' | 'cancel';
  run: TaskRunRead;
}

/** Retry a failed or cancelled task, or ask a queued or running one to stop; the page refreshes afterwards. */
export function useTaskAction() {
  const queryClient = useQueryClient();
  return useMutation<TaskRunRead, Error, TaskActionInput>({
    mutationFn: ({ action, run }) =>
      action === 'retry'
        ? unwrap(api.POST('/api/v1/admin/tasks/{run_id}/retry', { params: { path: { run_id: run.id } } }))
        : unwrap(api.POST('/api/v1/admin/tasks/{run_id}/cancel', { params: { path: { run_id: run.id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminTaskKeys.all }),
  });
}

/** Run a scheduled task now instead of waiting for its next turn. */
export function useRunScheduledNow() {
  const queryClient = useQueryClient();
  return useMutation<TaskRunRead, Error, ScheduleEntry>({
    mutationFn: (entry) => unwrap(api.POST('/api/v1/admin/schedule/{key}/run', { params: { path: { key: entry.key } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminTaskKeys.all }),
  });
}

/** The backup files in the server's data folder (backups/), newest first. */
export function useBackups() {
  return useQuery<BackupRead[]>({
    queryKey: backupKeys.all,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/admin/backups', { signal })),
    refetchInterval: pollUnlessForbidden,
  });
}

/** Make a backup now: a background task (202); the list is refreshed once it has had time to finish. */
export function useCreateBackup() {
  const queryClient = useQueryClient();
  return useMutation<TaskRunRead, Error, void>({
    mutationFn: () => unwrap(api.POST('/api/v1/admin/backups')),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: adminTaskKeys.all });
      setTimeout(() => void queryClient.invalidateQueries({ queryKey: backupKeys.all }), BACKUP_REFRESH_MS);
    },
  });
}
