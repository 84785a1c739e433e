import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { notifications, type NotificationData } from '@mantine/notifications';
import { skipToken, useQuery, useQueryClient, type Query, type QueryClient } from '@tanstack/react-query';
import { RealtimeConnection, type RealtimeMessage, type RealtimeState } from '../client/realtime';
import type { JobRead } from '../client/types';
import { ACHIEVEMENT_NOTIFICATION_TYPE, achievementKeys } from '../features/achievements/useAchievements';
import { analyticsKeys } from '../features/analytics/useAnalytics';
import { applicationKeys } from '../features/applications/useApplications';
import { EXTRACT_SKILLS_TASK, jobKeys } from '../features/jobs/useJobs';
import { todayKeys } from '../features/dashboard/useToday';
import { discoverKeys } from '../features/discover/useDiscover';
import { applyContentDelta, documentKeys, markStreamsIncomplete } from '../features/documents/useDocuments';
import { applyInterviewFeedback, interviewKeys, markFeedbackIncomplete } from '../features/interviews/useInterviews';
import { notificationKeys } from '../features/notifications/useNotifications';
import { applyResumeProgress, parseResumeProgress, resumeKeys } from '../features/resumes/useResumes';
import { EXPORT_NOTIFICATION_TYPES, exportKeys } from '../features/settings/useYourData';

export type { RealtimeState } from '../client/realtime';

export interface RealtimeContextValue {
  /** `connecting` (first connection), `live`, or `offline` (lost; reconnecting with backoff). */
  state: RealtimeState;
}

const RealtimeContext = createContext<RealtimeContextValue | null>(null);

/** Coalesce a burst of `application.updated` into one refetch. */
const INVALIDATE_DELAY_MS = 50;
/** While a mutation is in flight (an optimistic board move), wait: it refreshes the board itself afterwards. */
const MUTATION_WAIT_MS = 250;
/** More toasts than this within TOAST_WINDOW_MS (a replay after a long absence) collapse into one (Notifications shows 3 at a time). */
const TOAST_BURST = 2;
const TOAST_WINDOW_MS = 2_000;
const MORE_TOAST_ID = 'realtime-more-notifications';
/** A finished task's toast stays this long. */
const TASK_DONE_CLOSE_MS = 4_000;
/** A task toast with no news for this long is taken down (the task failed, or its last event was lost). */
const TASK_SILENT_MS = 120_000;
/** Task toasts remembered (shown or dismissed), so a dismissed one does not come back on the next event. */
const TASK_MEMORY = 200;

/** Titles for the task names users see progress of; others are derived from the name. */
const TASK_TITLES: Record<string, string> = {
  'notifications.deliver_evening_summary': 'Evening summary',
  'notifications.send_evening_summary': 'Evening summaries',
  'auth.purge_expired': 'Housekeeping',
  'jobs.ingest_jobs': 'Job refresh',
  'jobs.extract_skills': 'Finding skills',
  'match.rebuild_discover': 'Scoring your matches',
  'resumes.process': 'Reading your resume',
  'content.generate': 'Writing',
  'interviews.prepare': 'Preparing your interview',
  'interviews.feedback': 'Scoring your answer',
};

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

/** "resumes.parse_upload" → "Parse upload"; "" → "Background task". */
export function taskTitle(name: string): string {
  if (TASK_TITLES[name]) return TASK_TITLES[name];
  const verb = name.split('.').pop()?.replace(/[_-]+/g, ' ').trim();
  return verb ? verb.charAt(0).toUpperCase() + verb.slice(1) : 'Background task';
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** What each event does to the cache and the screen. Unknown event types are ignored. */
export function createRealtimeDispatcher(queryClient: QueryClient) {
  let invalidateTimer: ReturnType<typeof setTimeout> | undefined;
  let analyticsTimer: ReturnType<typeof setTimeout> | undefined;
  let toastTimes: number[] = [];
  let collapsed = 0;
  let collapsedAt = 0;
  /** Task toasts by task id: `closed` once dismissed or finished. */
  const tasks = new Map<string, { closed: boolean; silence?: ReturnType<typeof setTimeout> }>();

  const refreshApplications = () => {
    invalidateTimer = undefined;
    if (queryClient.isMutating() > 0) {
      invalidateTimer = setTimeout(refreshApplications, MUTATION_WAIT_MS);
      return;
    }
    // The board, the list view, application details and timelines, the dashboard pipeline (board key),
    // and the jobs list and job pages (their `tracking`).
    void queryClient.invalidateQueries({ queryKey: applicationKeys.all });
    void queryClient.invalidateQueries({ queryKey: jobKeys.all });
    // The dashboard's "Today" (applications sent today, the streak, today's status changes).
    void queryClient.invalidateQueries({ queryKey: todayKeys.all });
  };

  /** The analytics page, the dashboard's streak and the achievements (progress moves with applications). */
  const refreshAnalytics = () => {
    analyticsTimer = undefined;
    void queryClient.invalidateQueries({ queryKey: analyticsKeys.all });
    void queryClient.invalidateQueries({ queryKey: achievementKeys.all });
  };

  /** `application.updated` and the `analytics.updated` that follows it make one refetch. */
  const scheduleAnalytics = () => {
    if (analyticsTimer === undefined) analyticsTimer = setTimeout(refreshAnalytics, INVALIDATE_DELAY_MS);
  };

  const scheduleApplications = () => {
    if (invalidateTimer === undefined) invalidateTimer = setTimeout(refreshApplications, INVALIDATE_DELAY_MS);
  };

  const applicationUpdated = (data: Record<string, unknown>) => {
    const id = num(data.id);
    const jobId = num(data.job_posting_id);
    if (data.change === 'deleted' && id !== null) {
      // As after "Stop tracking" in this tab: nothing asks for the deleted application again.
      if (jobId !== null) {
        queryClient.setQueryData<JobRead>(jobKeys.detail(jobId), (job) => (job ? { ...job, tracking: null } : job));
      }
      queryClient.removeQueries({ queryKey: applicationKeys.detail(id) });
      queryClient.removeQueries({ queryKey: applicationKeys.events(id) });
    }
    scheduleApplications();
    scheduleAnalytics();
  };

  const toast = (id: number | null, data: Record<string, unknown>) => {
    const now = Date.now();
    toastTimes = toastTimes.filter((at) => now - at < TOAST_WINDOW_MS);
    if (toastTimes.length >= TOAST_BURST) {
      if (now - collapsedAt > TOAST_WINDOW_MS) collapsed = 0;
      collapsed += 1;
      collapsedAt = now;
      const more = {
        id: MORE_TOAST_ID,
        title: `${collapsed} more new ${collapsed === 1 ? 'notification' : 'notifications'}`,
        message: 'Open the bell to see them all.',
        autoClose: 8000,
      };
      if (collapsed === 1) notifications.show(more);
      else notifications.update(more);
      return;
    }
    toastTimes.push(now);
    const title = str(data.title) || 'New notification';
    notifications.show({
      id: id !== null ? `notification-${id}` : undefined,
      title,
      message: str(data.body) || title,
      autoClose: 6000,
    });
  };

  /** `task.progress`: one toast per task, updated in place, spinning until 100 %. */
  const taskProgress = (data: Record<string, unknown>) => {
    const taskId = str(data.task_id);
    if (!taskId) return;
    const progress = Math.max(0, Math.min(100, Math.round(num(data.progress) ?? 0)));
    const done = progress >= 100;
    const detail = str(data.message);
    // Pages that started the task follow it (e.g. Discover's "Refresh jobs now"), toast dismissed or not.
    queryClient.setQueryData<TaskProgress>(taskProgressKeys.detail(taskId), { progress, message: detail, at: Date.now() });
    // A job's skills were found (on creation, or "Find skills again"): its page shows them.
    if (done && str(data.name) === EXTRACT_SKILLS_TASK) void queryClient.invalidateQueries({ queryKey: jobKeys.all });
    let entry = tasks.get(taskId);
    if (entry?.closed) return;
    const id = `task-${taskId}`;
    const toast: NotificationData = {
      id,
      title: taskTitle(str(data.name)),
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
  };

  return {
    handle(message: RealtimeMessage): void {
      switch (message.type) {
        case 'application.updated':
          applicationUpdated(message.data);
          return;
        case 'notification.created':
          void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
          // "Your data export is ready" (or failed): Settings' list of exports shows the download link.
          if (EXPORT_NOTIFICATION_TYPES.includes(str(message.data.type))) {
            void queryClient.invalidateQueries({ queryKey: exportKeys.all });
          }
          // "Achievement unlocked: …": the achievements page shows it earned.
          if (str(message.data.type) === ACHIEVEMENT_NOTIFICATION_TYPE) {
            void queryClient.invalidateQueries({ queryKey: achievementKeys.all });
          }
          toast(message.id ?? num(message.data.id), message.data);
          return;
        case 'notification.read':
          void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
          return;
        case 'analytics.updated':
          void queryClient.invalidateQueries({ queryKey: todayKeys.all });
          scheduleAnalytics();
          return;
        case 'task.progress':
          taskProgress(message.data);
          return;
        case 'job.matched':
          // A job refresh found matches (this tab's "Refresh jobs now", or the nightly run): Discover shows them.
          void queryClient.invalidateQueries({ queryKey: discoverKeys.all });
          return;
        case 'resume.progress': {
          // The profile's resume stepper moves; a finished resume is fetched with its skills.
          const progress = parseResumeProgress(message.data);
          if (progress) applyResumeProgress(queryClient, progress);
          return;
        }
        case 'content.delta':
          // A cover letter or tailored resume being written: its page shows the text as it arrives.
          applyContentDelta(queryClient, message.data);
          return;
        case 'interview.feedback':
          // Feedback on an interview answer: streamed text, then the score and the criteria.
          applyInterviewFeedback(queryClient, message.data);
          return;
        default:
          return;
      }
    },
    /** After a (re)connection: refetch what was loaded before this socket listened, it may have missed events. */
    catchUp(openedAt: number): void {
      const predicate = (query: Query) => query.state.dataUpdatedAt > 0 && query.state.dataUpdatedAt < openedAt;
      const keys = [
        applicationKeys.all,
        jobKeys.all,
        notificationKeys.all,
        todayKeys.all,
        exportKeys.all,
        analyticsKeys.all,
        achievementKeys.all,
        discoverKeys.all,
        resumeKeys.all,
        documentKeys.all,
        interviewKeys.all,
      ];
      // Deltas sent while the socket was away are lost: streamed text is no longer whole (pages show the server's).
      markStreamsIncomplete(queryClient);
      markFeedbackIncomplete(queryClient);
      for (const queryKey of keys) {
        void queryClient.invalidateQueries({ queryKey, predicate });
      }
    },
    dispose(): void {
      clearTimeout(invalidateTimer);
      invalidateTimer = undefined;
      clearTimeout(analyticsTimer);
      analyticsTimer = undefined;
      for (const entry of tasks.values()) clearTimeout(entry.silence);
      tasks.clear();
    },
  };
}

/**
 * Owns the tab's one WebSocket while signed in (mount it inside the signed-in shell): live board, dashboard,
 * analytics and achievements, notification toasts and the bell count. Closes the socket on sign-out/unmount.
 */
export function RealtimeProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<RealtimeState>('connecting');

  useEffect(() => {
    const dispatcher = createRealtimeDispatcher(queryClient);
    const connection = new RealtimeConnection({
      onState: setState,
      onReady: (openedAt) => dispatcher.catchUp(openedAt),
      onMessage: (message) => dispatcher.handle(message),
    });
    connection.start();
    return () => {
      connection.stop();
      dispatcher.dispose();
    };
  }, [queryClient]);

  const value = useMemo<RealtimeContextValue>(() => ({ state }), [state]);
  return <RealtimeContext.Provider value={value}>{children}</RealtimeContext.Provider>;
}

export function useRealtime(): RealtimeContextValue {
  const context = useContext(RealtimeContext);
  if (!context) throw new Error('useRealtime must be used inside <RealtimeProvider>');
  return context;
}
