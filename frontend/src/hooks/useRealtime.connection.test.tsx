// Realtime connection: the URL and backoff, the auth handshake, re-authentication, reconnecting and signing out.
import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { backoffDelay, realtimeUrl } from '../client/realtime';
import { renderApp } from '../test/render';
import { json, noContent, TOKEN } from '../test/fakeServer';
import { envelope, FakeWebSocket } from '../test/fakeWebSocket';
import { notification } from '../test/fixtures';
import { ALPHA, dashboardServer, pause, socket } from './useRealtime.testkit';

afterEach(() => {
  vi.useRealTimers();
});

describe('backoffDelay and realtimeUrl', () => {
  it('doubles from 1 s to 30 s with jitter in the upper half', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 10].map((n) => backoffDelay(n, () => 1))).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000,
    ]);
    expect([0, 1, 5].map((n) => backoffDelay(n, () => 0))).toEqual([500, 1000, 15000]);
  });

  it('uses the page origin, wss under https', () => {
    expect(realtimeUrl({ protocol: 'https:', host: 'copilot.example.com' })).toBe('wss://copilot.example.com/api/v1/ws');
    expect(realtimeUrl({ protocol: 'http:', host: 'localhost:5173' })).toBe('ws://localhost:5173/api/v1/ws');
  });
});

describe('Realtime', () => {
  it('authenticates with the first frame, then follows application changes on the dashboard', async () => {
    const { server, state } = dashboardServer();
    renderApp('/');
    const card = (await screen.findByRole('heading', { name: 'Pipeline by status' })).closest('section')!;
    expect(await within(card).findByRole('link', { name: '1 Interested' })).toBeInTheDocument();

    const ws = await socket();
    expect(ws.url).toBe(`ws://${window.location.host}/api/v1/ws`);
    expect(ws.sent).toHaveLength(0);
    ws.open();
    expect(ws.frames).toEqual([{ type: 'auth', token: 't1' }]);
    ws.ready();
    const boardCalls = server.calls('GET /api/v1/applications/board').length;

    // Another tab moved the card.
    state.apps = [{ ...ALPHA, status: 'applied' }];
    ws.receive(envelope('application.updated', { id: 1, job_posting_id: ALPHA.job_posting_id, status: 'applied', change: 'updated' }));
    expect(await within(card).findByRole('link', { name: '1 Applied' })).toBeInTheDocument();
    expect(within(card).getByRole('link', { name: '0 Interested' })).toBeInTheDocument();
    expect(server.calls('GET /api/v1/applications/board')).toHaveLength(boardCalls + 1);

    // Event types of later releases, pings and garbage change nothing.
    ws.receive(envelope('job.matched', { job_id: 4, score: 0.9 }));
    ws.receive(envelope('ping'));
    ws.receive('not json');
    ws.receive({ nonsense: true });
    await pause(120);
    expect(server.calls('GET /api/v1/applications/board')).toHaveLength(boardCalls + 1);
    expect(screen.queryByText('Reconnecting…')).not.toBeInTheDocument();
    expect(FakeWebSocket.instances).toHaveLength(1);
  });

  it('re-authenticates on the same socket when the server says the token expired', async () => {
    let refreshes = 0;
    const { server } = dashboardServer({
      'POST /api/v1/auth/refresh': () => json(200, TOKEN(++refreshes === 1 ? 't1' : 't2')),
    });
    renderApp('/');
    const ws = await socket();
    ws.open();
    ws.ready();
    ws.receive(envelope('auth.expired'));
    await waitFor(() => expect(ws.frames).toHaveLength(2));
    expect(ws.frames[1]).toEqual({ type: 'auth', token: 't2' });
    expect(server.calls('POST /api/v1/auth/refresh')).toHaveLength(2);
    ws.receive(envelope('auth.ok'));
    expect(FakeWebSocket.instances).toHaveLength(1);
    expect(ws.closedWith).toBeNull();
    // The REST client uses the new token too.
    await screen.findByRole('heading', { level: 1, name: 'Dashboard' });
  });

  it('reconnects with backoff after a lost connection, asks for missed notifications, and catches up', async () => {
    const { server } = dashboardServer();
    renderApp('/');
    const card = (await screen.findByRole('heading', { name: 'Pipeline by status' })).closest('section')!;
    await within(card).findByRole('link', { name: '1 Interested' });
    const first = await socket();
    first.open();
    first.ready();
    first.receive(envelope('notification.created', notification({ id: 7 }), 7));
    first.receive(envelope('notification.created', notification({ id: 5 }), 5));
    expect(screen.queryByText('Reconnecting…')).not.toBeInTheDocument();
    const boardCalls = server.calls('GET /api/v1/applications/board').length;

    vi.useFakeTimers();
    first.serverClose(1006);
    expect(screen.getByRole('status')).toHaveTextContent('Reconnecting…');
    expect(screen.getByRole('status')).toHaveAttribute('aria-live', 'polite');

    // Attempt 1 waits 0.5–1 s.
    await act(() => vi.advanceTimersByTimeAsync(499));
    expect(FakeWebSocket.instances).toHaveLength(1);
    await act(() => vi.advanceTimersByTimeAsync(501));
    expect(FakeWebSocket.instances).toHaveLength(2);

    // The handshake fails too: attempt 2 waits 1–2 s.
    FakeWebSocket.latest().serverClose(1006);
    await act(() => vi.advanceTimersByTimeAsync(999));
    expect(FakeWebSocket.instances).toHaveLength(2);
    await act(() => vi.advanceTimersByTimeAsync(1001));
    expect(FakeWebSocket.instances).toHaveLength(3);

    const third = FakeWebSocket.latest();
    third.open();
    expect(third.frames).toEqual([{ type: 'auth', token: 't1', last_id: 7 }]);
    third.ready();
    expect(screen.getByRole('status')).toHaveTextContent('');

    // A successful ready resets the backoff: the next loss waits at most 1 s again.
    third.serverClose(1006);
    await act(() => vi.advanceTimersByTimeAsync(1000));
    expect(FakeWebSocket.instances).toHaveLength(4);
    vi.useRealTimers();

    // Data loaded before the reconnect is fetched again once live.
    await waitFor(() => expect(server.calls('GET /api/v1/applications/board').length).toBeGreaterThan(boardCalls));
  });

  it('retries at once when the browser comes back online', async () => {
    dashboardServer();
    renderApp('/');
    const first = await socket();
    first.open();
    first.ready();
    vi.useFakeTimers();
    first.serverClose(1006);
    for (let attempt = 0; attempt < 4; attempt += 1) {
      await act(() => vi.advanceTimersByTimeAsync(30_000));
      FakeWebSocket.latest().serverClose(1006);
    }
    const count = FakeWebSocket.instances.length;
    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    expect(FakeWebSocket.instances).toHaveLength(count + 1);
    FakeWebSocket.latest().open();
    expect(FakeWebSocket.latest().frames).toEqual([{ type: 'auth', token: 't1' }]);
  });

  it('on close 1008 refreshes the token first, then reconnects with the new one', async () => {
    let refreshes = 0;
    const { server } = dashboardServer({
      'POST /api/v1/auth/refresh': () => json(200, TOKEN(++refreshes === 1 ? 't1' : 't2')),
    });
    renderApp('/');
    const first = await socket();
    first.open();
    first.ready();
    first.serverClose(1008, 'Invalid or expired token');
    await waitFor(() => expect(server.calls('POST /api/v1/auth/refresh')).toHaveLength(2));
    expect(FakeWebSocket.instances).toHaveLength(1);
    const second = await waitFor(() => {
      expect(FakeWebSocket.instances).toHaveLength(2);
      return FakeWebSocket.latest();
    });
    second.open();
    expect(second.frames).toEqual([{ type: 'auth', token: 't2' }]);
  });

  it('on close 1008 with the session gone, signs out and stops', async () => {
    let refreshes = 0;
    dashboardServer({
      'POST /api/v1/auth/refresh': () =>
        ++refreshes === 1 ? json(200, TOKEN('t1')) : json(401, { detail: 'Session expired', code: 'not_authenticated' }),
      'GET /api/v1/auth/config': () => json(200, { allow_registration: true, password_min_length: 10, email_delivery: true }),
    });
    renderApp('/');
    const ws = await socket();
    ws.open();
    ws.ready();
    ws.serverClose(1008);
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    await pause(1200);
    expect(FakeWebSocket.instances).toHaveLength(1);
  });

  it('closes the socket on sign-out', async () => {
    dashboardServer({
      'POST /api/v1/auth/logout': () => noContent(),
      'GET /api/v1/auth/config': () => json(200, { allow_registration: true, password_min_length: 10, email_delivery: true }),
    });
    const { user } = renderApp('/');
    const ws = await socket();
    ws.open();
    ws.ready();
    await user.click(await screen.findByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(ws.closedWith).toEqual({ code: 1000, reason: 'Signed out' });
    await pause(1200);
    expect(FakeWebSocket.instances).toHaveLength(1);
  });
});
