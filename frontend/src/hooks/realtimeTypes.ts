/**
 * How a feature takes part in live updates (docs/decisions/004-real-time.md): it declares a `RealtimeFeature`
 * in its own `realtime.ts` (handlers per event type, the queries to refetch after a reconnection) and
 * src/features/realtime.ts lists them. `RealtimeProvider` (useRealtime.tsx) owns the socket and calls them.
 */
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { RealtimeEventOf, RealtimeEventType } from '../client/realtime';

export interface RealtimeTools {
  queryClient: QueryClient;
  /**
   * Run `work` once for a burst of events: `COALESCE_MS` after the first; with `waitForMutations`, not while a
   * mutation is in flight (an optimistic board move refreshes the board itself afterwards). The same function
   * given again before it ran is one run.
   */
  coalesce(work: () => void, options?: { waitForMutations?: boolean }): void;
}

export type RealtimeHandlers = {
  [T in RealtimeEventType]?: (event: RealtimeEventOf<T>, tools: RealtimeTools) => void;
};

export interface RealtimeFeature {
  handlers: RealtimeHandlers;
  /** Queries to refetch after a (re)connection when they were loaded before the socket listened. */
  catchUp?: readonly QueryKey[];
  /** After a (re)connection, before the refetch: e.g. streamed text sent while away is no longer whole. */
  onReconnect?(queryClient: QueryClient): void;
  /** The provider unmounts: clear timers. */
  dispose?(): void;
}

/** A feature's part, made once per provider (so it may keep state, e.g. its toasts). */
export type RealtimeFeatureFactory = (tools: RealtimeTools) => RealtimeFeature;

/** Reads a field of a message defensively: a server of another version may send another type, or none. */
export function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
