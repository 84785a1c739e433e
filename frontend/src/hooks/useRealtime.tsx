import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { notifications } from '@mantine/notifications';
import { useQueryClient, type Query, type QueryClient } from '@tanstack/react-query';
import { RealtimeConnection, type RealtimeMessage, type RealtimeState } from '../client/realtime';
import type { JobRead } from '../client/types';
import { applicationKeys } from '../features/applications/useApplications';
import { jobKeys } from '../features/jobs/useJobs';
import { notificationKeys } from '../features/notifications/useNotifications';

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

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** What each event does to the cache and the screen. Unknown event types are ignored. */
export function createRealtimeDispatcher(queryClient: QueryClient) {
  let invalidateTimer: ReturnType<typeof setTimeout> | undefined;
  let toastTimes: number[] = [];
  let collapsed = 0;
  let collapsedAt = 0;

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

  return {
    handle(message: RealtimeMessage): void {
      switch (message.type) {
        case 'application.updated':
          applicationUpdated(message.data);
          return;
        case 'notification.created':
          void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
          toast(message.id ?? num(message.data.id), message.data);
          return;
        case 'notification.read':
          void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
          return;
        default:
          // job.matched, resume.progress, content.delta, … arrive with their features.
          return;
      }
    },
    /** After a (re)connection: refetch what was loaded before this socket listened, it may have missed events. */
    catchUp(openedAt: number): void {
      const predicate = (query: Query) => query.state.dataUpdatedAt > 0 && query.state.dataUpdatedAt < openedAt;
      for (const queryKey of [applicationKeys.all, jobKeys.all, notificationKeys.all]) {
        void queryClient.invalidateQueries({ queryKey, predicate });
      }
    },
    dispose(): void {
      clearTimeout(invalidateTimer);
      invalidateTimer = undefined;
    },
  };
}

/**
 * Owns the tab's one WebSocket while signed in (mount it inside the signed-in shell): live board and
 * dashboard, notification toasts and the bell count. Closes the socket on sign-out/unmount.
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
