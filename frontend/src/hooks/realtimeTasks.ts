import { notifications, type NotificationData } from '@mantine/notifications';
import { skipToken, useQuery } from '@tanstack/react-query';
import type { RealtimeFeatureFactory } from './realtimeTypes';
import { num, str } from './realtimeTypes';

/** A finished task's toast stays this long. */
const TASK_DONE_CLOSE_MS = 4_000;
/** A task toast with no news for this long is taken down (the task failed, or its last event was lost). */
const TASK_SILENT_MS = 120_000;
/** Task toasts remembered (shown or dismissed), so a dismissed one does not come back on the next event. */
const TASK_MEMORY = 200;

/** The last `task.progress` of a task, kept in the query cache so a page can follow a task it started. */
export interface TaskProgress {
  progress: number;
  message: string;
  /** When it arrived (ms since the epoch). */
  at: number;
}

export const taskProgressKeys = {
  all: ['tasks', 'progress'] as const,
  detail: (taskId: string) => ['tasks', 'progress', taskId] as const,
};

/** The latest progress of a background task (`task_id`) as the live updates reported it; undefined before any. */
export function useTaskProgress(taskId: string | null): TaskProgress | undefined {
  const { data } = useQuery<TaskProgress>({
    queryKey: taskProgressKeys.detail(taskId ?? ''),
    // Written by the realtime dispatcher only, never fetched.
    queryFn: skipToken,
  });
  return taskId ? data : undefined;
}

/** What to call a task: the title the server registered it with; else its verb ("resumes.parse_upload" → "Parse upload"). */
export function taskTitle(name: string, title = ''): string {
  if (title) return title;
  const verb = name.split('.').pop()?.replace(/[_-]+/g, ' ').trim();
  return verb ? verb.charAt(0).toUpperCase() + verb.slice(1) : 'Background task';
}

/** `task.progress`: one toast per task, updated in place, spinning until 100 %; pages follow their own tasks. */
export const tasksRealtime: RealtimeFeatureFactory = ({ queryClient }) => {
  /** Task toasts by task id: `closed` once dismissed or finished. */
  const tasks = new Map<string, { closed: boolean; silence?: ReturnType<typeof setTimeout> }>();
  return {
    handlers: {
      'task.progress': ({ data }) => {
        const taskId = str(data.task_id);
        if (!taskId) return;
        const progress = Math.max(0, Math.min(100, Math.round(num(data.progress) ?? 0)));
        const done = progress >= 100;
        const detail = str(data.message);
        // Pages that started the task follow it (e.g. Discover's "Refresh jobs now"), toast dismissed or not.
        queryClient.setQueryData<TaskProgress>(taskProgressKeys.detail(taskId), { progress, message: detail, at: Date.now() });
        let entry = tasks.get(taskId);
        if (entry?.closed) return;
        const id = `task-${taskId}`;
        const toast: NotificationData = {
          id,
          title: taskTitle(str(data.name), str(data.title)),
          message: done ? detail || 'Done.' : detail ? `${detail} (${progress}%)` : `${progress}% done`,
          loading: !done,
          color: done ? 'green' : undefined,
          autoClose: done ? TASK_DONE_CLOSE_MS : false,
        };
        if (!entry) {
          const created: { closed: boolean; silence?: ReturnType<typeof setTimeout> } = { closed: false };
          entry = created;
          tasks.set(taskId, created);
          if (tasks.size > TASK_MEMORY) {
            const oldest = tasks.keys().next().value;
            if (oldest !== undefined) {
              clearTimeout(tasks.get(oldest)?.silence);
              tasks.delete(oldest);
            }
          }
          notifications.show({
            ...toast,
            onClose: () => {
              created.closed = true;
              clearTimeout(created.silence);
            },
          });
        } else {
          notifications.update(toast);
        }
        clearTimeout(entry.silence);
        if (done) {
          entry.closed = true;
        } else {
          entry.silence = setTimeout(() => notifications.hide(id), TASK_SILENT_MS);
        }
      },
    },
    dispose() {
      for (const entry of tasks.values()) clearTimeout(entry.silence);
      tasks.clear();
    },
  };
};
