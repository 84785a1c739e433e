/** Shared setup for the useRealtime tests (whole-app rendering against a fake server and socket). */
import { act, waitFor } from '@testing-library/react';
import { expect } from 'vitest';
import { installFakeServer, json, PROFILE, type Handler } from '../test/fakeServer';
import { FakeWebSocket } from '../test/fakeWebSocket';
import { application, board, DASHBOARD_EXTRAS, SIGNED_IN, today } from '../test/fixtures';

export const ALPHA = application({ id: 1, title: 'Alpha Engineer', status: 'interested' });

/** A signed-in dashboard: profile, board, and an unread count the test can change. */
export function dashboardServer(extra: Record<string, Handler> = {}) {
  const state = { apps: [ALPHA], unread: 0, today: today() };
  const server = installFakeServer({
    ...SIGNED_IN,
    ...DASHBOARD_EXTRAS,
    'GET /api/v1/users/me': () => json(200, PROFILE),
    'GET /api/v1/applications/board': () => json(200, board(state.apps)),
    'GET /api/v1/users/me/today': () => json(200, state.today),
    'GET /api/v1/notifications/unread-count': () => json(200, { count: state.unread }),
    ...extra,
  });
  return { server, state };
}

/** The app's socket, once it has made one. */
export async function socket(count = 1): Promise<FakeWebSocket> {
  await waitFor(() => expect(FakeWebSocket.instances).toHaveLength(count));
  return FakeWebSocket.latest();
}

/** Wait out real time (for "nothing happens" checks). */
export const pause = (ms: number) => act(() => new Promise<void>((resolve) => setTimeout(resolve, ms)));
