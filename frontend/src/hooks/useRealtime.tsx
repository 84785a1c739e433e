import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient, type Query, type QueryClient } from '@tanstack/react-query';
import { RealtimeConnection, type RealtimeMessage, type RealtimeState } from '../client/realtime';
import { REALTIME_FEATURES } from '../features/realtime';
import type { RealtimeFeature, RealtimeFeatureFactory, RealtimeTools } from './realtimeTypes';

export type { RealtimeState } from '../client/realtime';
export { taskProgressKeys, taskTitle, useTaskProgress, type TaskProgress } from './realtimeTasks';

export interface RealtimeContextValue {
  /** `connecting` (first connection), `live`, or `offline` (lost; reconnecting with backoff). */
  state: RealtimeState;
}

const RealtimeContext = createContext<RealtimeContextValue | null>(null);

/** Coalesce a burst of events (`application.updated` then `analytics.updated`) into one refetch. */
const COALESCE_MS = 50;
/** While a mutation is in flight (an optimistic board move), wait: it refreshes the board itself afterwards. */
const MUTATION_WAIT_MS = 250;

/**
 * What each event does to the cache and the screen: every feature's handlers for its type, in the order of
 * `features` (src/features/realtime.ts). Unknown event types are ignored.
 */
export function createRealtimeDispatcher(
  queryClient: QueryClient,
  features: readonly RealtimeFeatureFactory[] = REALTIME_FEATURES,
) {
  const timers = new Map<() => void, ReturnType<typeof setTimeout>>();
  const tools: RealtimeTools = {
    queryClient,
    coalesce(work, options = {}) {
      if (timers.has(work)) return;
      const run = () => {
        if (options.waitForMutations && queryClient.isMutating() > 0) {
          timers.set(work, setTimeout(run, MUTATION_WAIT_MS));
          return;
        }
        timers.delete(work);
        work();
      };
      timers.set(work, setTimeout(run, COALESCE_MS));
    },
  };
  const parts: RealtimeFeature[] = features.map((make) => make(tools));

  return {
    handle(message: RealtimeMessage): void {
      for (const part of parts) {
        // The handler of this message's type: typed per type where it is declared (RealtimeHandlers).
        const handler = part.handlers[message.type] as ((event: RealtimeMessage, t: RealtimeTools) => void) | undefined;
        handler?.(message, tools);
      }
    },
    /** After a (re)connection: refetch what was loaded before this socket listened, it may have missed events. */
    catchUp(openedAt: number): void {
      const predicate = (query: Query) => query.state.dataUpdatedAt > 0 && query.state.dataUpdatedAt < openedAt;
      for (const part of parts) part.onReconnect?.(queryClient);
      for (const part of parts) {
        for (const queryKey of part.catchUp ?? []) {
          void queryClient.invalidateQueries({ queryKey, predicate });
        }
      }
    },
    dispose(): void {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      for (const part of parts) part.dispose?.();
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
