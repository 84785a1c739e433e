import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { backoffDelay, realtimeUrl } from '../client/realtime';
import { renderApp } from '../test/render';
import { installFakeServer, json, noContent, PROFILE, TOKEN, type Handler } from '../test/fakeServer';
import { envelope, FakeWebSocket } from '../test/fakeWebSocket';
import { achievementKeys } from '../features/achievements/useAchievements';
import { analyticsKeys } from '../features/analytics/useAnalytics';
import { application, board, DASHBOARD_EXTRAS, jobRead, notification, page, resumeRead, resumeSummary, sessionRead, SIGNED_IN, summary, today } from '../test/fixtures';
import { QueryClient } from '@tanstack/react-query';
import type { RealtimeMessage } from '../client/realtime';
import type { ResumePage, ResumeRead, SessionRead } from '../client/types';
import { documentKeys } from '../features/documents/useDocuments';
import { interviewKeys } from '../features/interviews/useInterviews';
import { jobKeys } from '../features/jobs/useJobs';
import { resumeKeys } from '../features/resumes/useResumes';
import { createRealtimeDispatcher } from './useRealtime';

const ALPHA = application({ id: 1, title: 'Alpha Engineer', status: 'interested' });

/** A signed-in dashboard: profile, board, and an unread count the test can change. */
function dashboardServer(extra: Record<string, Handler> = {}) {
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
async function socket(count = 1): Promise<FakeWebSocket> {
  await waitFor(() => expect(FakeWebSocket.instances).toHaveLength(count));
  return FakeWebSocket.latest();
}

/** Wait out real time (for "nothing happens" checks). */
const pause = (ms: number) => act(() => new Promise<void>((resolve) => setTimeout(resolve, ms)));

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

  it('refreshes the dashboard\'s Today on application.updated and analytics.updated', async () => {
    const { server, state } = dashboardServer();
    renderApp('/');
    const card = await screen.findByRole('region', { name: 'Today' });
    expect(await within(card).findByText('0 of 5 applications today')).toBeInTheDocument();
    const ws = await socket();
    ws.open();
    ws.ready();
    const todayCalls = server.calls('GET /api/v1/users/me/today').length;

    state.apps = [{ ...ALPHA, status: 'applied' }];
    state.today = today({
      applied_today: 1,
      streak_days: 1,
      changes: [{ title: 'Alpha Engineer', company: 'Northwind Analytics', from_status: 'interested', to_status: 'applied', at: '2025-11-20T10:00:00Z' }],
    });
    ws.receive(envelope('application.updated', { id: 1, job_posting_id: ALPHA.job_posting_id, status: 'applied', change: 'updated' }));
    expect(await within(card).findByText('1 of 5 applications today')).toBeInTheDocument();
    expect(within(card).getByText('1-day streak')).toBeInTheDocument();
    expect(within(card).getByRole('listitem')).toHaveTextContent('Alpha Engineer');
    expect(server.calls('GET /api/v1/users/me/today')).toHaveLength(todayCalls + 1);

    state.today = { ...state.today, new_jobs: 2 };
    ws.receive(envelope('analytics.updated', {}));
    expect(await within(card).findByText('2 new jobs today')).toBeInTheDocument();
  });

  it('refreshes analytics (the streak) and achievements on analytics.updated, once per burst', async () => {
    const state = { streak: { current: 1, longest: 4, today_met: false } };
    const { server } = dashboardServer({
      'GET /api/v1/analytics/summary': () => json(200, summary({ streak: state.streak })),
    });
    const { queryClient } = renderApp('/');
    const card = await screen.findByRole('region', { name: 'Streak' });
    expect(await within(card).findByText('1-day streak')).toBeInTheDocument();
    // Loaded elsewhere before (the analytics page, the achievements page): to be refreshed too.
    queryClient.setQueryData(analyticsKeys.skillGap(), { tracked_jobs: 0, missing: [], matched: [] });
    queryClient.setQueryData(achievementKeys.all, []);
    const ws = await socket();
    ws.open();
    ws.ready();
    const summaryCalls = server.calls('GET /api/v1/analytics/summary').length;

    state.streak = { current: 2, longest: 4, today_met: true };
    ws.receive(envelope('analytics.updated', {}));
    expect(await within(card).findByText('2-day streak')).toBeInTheDocument();
    expect(within(card).getByText("Today's goal met")).toBeInTheDocument();
    expect(queryClient.getQueryState(analyticsKeys.skillGap())?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(achievementKeys.all)?.isInvalidated).toBe(true);
    expect(server.calls('GET /api/v1/analytics/summary')).toHaveLength(summaryCalls + 1);

    // An application change and the analytics.updated that follows it: one refetch.
    state.streak = { current: 3, longest: 4, today_met: true };
    ws.receive(envelope('application.updated', { id: 1, job_posting_id: ALPHA.job_posting_id, status: 'applied', change: 'updated' }));
    ws.receive(envelope('analytics.updated', {}));
    expect(await within(card).findByText('3-day streak')).toBeInTheDocument();
    await pause(120);
    expect(server.calls('GET /api/v1/analytics/summary')).toHaveLength(summaryCalls + 2);
  });

  it('refreshes the achievements when one is earned', async () => {
    dashboardServer();
    const { queryClient } = renderApp('/');
    await screen.findByRole('region', { name: 'Streak' });
    queryClient.setQueryData(achievementKeys.all, []);
    const ws = await socket();
    ws.open();
    ws.ready();
    ws.receive(
      envelope(
        'notification.created',
        notification({ id: 8, type: 'achievement.earned', title: 'Achievement unlocked: First Application', body: 'Well done.' }),
        8,
      ),
    );
    expect(await screen.findByText('Achievement unlocked: First Application')).toBeInTheDocument();
    expect(queryClient.getQueryState(achievementKeys.all)?.isInvalidated).toBe(true);
  });

  it('shows one toast per task, updated as it progresses, spinning until done', async () => {
    dashboardServer();
    renderApp('/');
    const ws = await socket();
    ws.open();
    ws.ready();
    const progress = (value: number, message: string, taskId = 'abc') =>
      ws.receive(envelope('task.progress', { task_id: taskId, name: 'notifications.deliver_evening_summary', progress: value, message }));

    progress(10, 'Counting your applications');
    expect(await screen.findByText('Evening summary')).toBeInTheDocument();
    expect(screen.getByText('Counting your applications (10%)')).toBeInTheDocument();
    const toast = () => screen.getByText('Evening summary').closest('[role="alert"]')!;
    const spinning = () => toast().querySelector('.mantine-Loader-root') !== null;
    expect(spinning()).toBe(true);

    progress(60, 'Writing the email');
    expect(await screen.findByText('Writing the email (60%)')).toBeInTheDocument();
    expect(screen.queryByText('Counting your applications (10%)')).not.toBeInTheDocument();
    expect(screen.getAllByText('Evening summary')).toHaveLength(1);

    progress(100, 'Sent');
    expect(await screen.findByText('Sent')).toBeInTheDocument();
    expect(spinning()).toBe(false);
    expect(screen.getAllByText('Evening summary')).toHaveLength(1);

    // Another task gets its own toast; an unknown name still reads well.
    ws.receive(envelope('task.progress', { task_id: 'def', name: 'resumes.parse_upload', progress: 0, message: '' }));
    expect(await screen.findByText('Parse upload')).toBeInTheDocument();
    expect(screen.getByText('0% done')).toBeInTheDocument();
  });

  it('refreshes the board page when an application is tracked elsewhere', async () => {
    const { state } = dashboardServer();
    renderApp('/board');
    await screen.findByRole('link', { name: 'Alpha Engineer' });
    const ws = await socket();
    ws.open();
    ws.ready();
    const beta = application({ id: 2, title: 'Beta Engineer', status: 'interested', position: -1 });
    state.apps = [beta, ALPHA];
    ws.receive(envelope('application.updated', { id: 2, job_posting_id: beta.job_posting_id, status: 'interested', change: 'tracked' }));
    const interested = screen.getByRole('region', { name: 'Interested' });
    expect(await within(interested).findByRole('link', { name: 'Beta Engineer' })).toBeInTheDocument();
  });

  it('toasts a new notification, bumps the bell, and ignores a duplicate id', async () => {
    const { server, state } = dashboardServer();
    renderApp('/');
    expect(await screen.findByRole('button', { name: 'Notifications' })).toBeInTheDocument();
    const ws = await socket();
    ws.open();
    ws.ready();

    state.unread = 1;
    const created = notification({ id: 7, title: 'Résumé parsed', body: 'We found 12 skills in cv.pdf.' });
    ws.receive(envelope('notification.created', created, 7));
    expect(await screen.findByText('Résumé parsed')).toBeInTheDocument();
    expect(screen.getByText('We found 12 skills in cv.pdf.')).toBeInTheDocument();
    const bell = await screen.findByRole('button', { name: 'Notifications, 1 unread' });
    const badge = within(bell).getByTestId('bell-badge');
    expect(badge).toHaveTextContent('1');
    expect(badge).toHaveAttribute('aria-hidden', 'true');

    const countCalls = server.calls('GET /api/v1/notifications/unread-count').length;
    ws.receive(envelope('notification.created', created, 7)); // replayed after a reconnect race, say
    await pause(120);
    expect(screen.getAllByText('Résumé parsed')).toHaveLength(1);
    expect(server.calls('GET /api/v1/notifications/unread-count')).toHaveLength(countCalls);

    // Read in another tab: the bell follows.
    state.unread = 0;
    ws.receive(envelope('notification.read', { ids: [7] }));
    expect(await screen.findByRole('button', { name: 'Notifications' })).toBeInTheDocument();
  });

  it('collapses a burst of replayed notifications into one toast', async () => {
    dashboardServer();
    renderApp('/');
    const ws = await socket();
    ws.open();
    ws.ready();
    for (let id = 1; id <= 6; id += 1) ws.receive(envelope('notification.created', notification({ id, title: `Replayed ${id}` }), id));
    expect(await screen.findByText('Replayed 1')).toBeInTheDocument();
    expect(screen.getByText('Replayed 2')).toBeInTheDocument();
    expect(screen.queryByText('Replayed 3')).not.toBeInTheDocument();
    expect(screen.getByText('4 more new notifications')).toBeInTheDocument();
    expect(screen.getAllByRole('alert')).toHaveLength(3);
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

describe('Realtime: resumes and job skills', () => {
  const LIST = resumeKeys.list({ page: 1, size: 10 });

  function setup() {
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
    const dispatcher = createRealtimeDispatcher(queryClient);
    const send = (type: string, data: Record<string, unknown>) =>
      dispatcher.handle({ id: null, type, data, ts: '' } satisfies RealtimeMessage);
    return { queryClient, dispatcher, send };
  }

  const progress = (status: string, percent: number, message = '', resumeId = 1) => ({
    resume_id: resumeId,
    status,
    percent,
    message,
    skills_count: status === 'ready' ? 3 : 0,
  });

  it('moves a cached resume and the list to the stage of resume.progress, never backwards', () => {
    const { queryClient, send } = setup();
    queryClient.setQueryData<ResumeRead>(resumeKeys.detail(1), resumeRead({ status: 'uploaded', skills: [] }));
    queryClient.setQueryData<ResumePage>(LIST, page([resumeSummary({ id: 1 }), resumeSummary({ id: 2, status: 'ready' })]));

    send('resume.progress', progress('extracting', 70, 'Finding skills'));
    expect(queryClient.getQueryData<ResumeRead>(resumeKeys.detail(1))?.status).toBe('extracting');
    expect(queryClient.getQueryData<ResumePage>(LIST)?.items.map((r) => r.status)).toEqual(['extracting', 'ready']);
    expect(queryClient.getQueryState(resumeKeys.detail(1))?.isInvalidated).toBe(false);

    // Late news of an earlier stage changes nothing; neither does an event we cannot read.
    send('resume.progress', progress('reading', 30));
    send('resume.progress', { resume_id: '1', status: 'ready' });
    send('resume.progress', progress('sleeping', 50));
    expect(queryClient.getQueryData<ResumeRead>(resumeKeys.detail(1))?.status).toBe('extracting');
  });

  it('fetches a finished resume again, keeping the reason of a failure meanwhile', () => {
    const { queryClient, send } = setup();
    queryClient.setQueryData<ResumeRead>(resumeKeys.detail(1), resumeRead({ status: 'reading', skills: [] }));
    queryClient.setQueryData<ResumePage>(LIST, page([resumeSummary({ id: 1, status: 'reading' })]));
    send('resume.progress', progress('failed', 100, 'This PDF has no extractable text.'));
    const failed = queryClient.getQueryData<ResumeRead>(resumeKeys.detail(1));
    expect(failed).toMatchObject({ status: 'failed', error: 'This PDF has no extractable text.' });
    expect(queryClient.getQueryState(resumeKeys.detail(1))?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(LIST)?.isInvalidated).toBe(true);
  });

  it('refreshes jobs when jobs.extract_skills reaches 100 %, and only then', () => {
    const { queryClient, send } = setup();
    queryClient.setQueryData(jobKeys.detail(5), jobRead({ id: 5 }));
    send('task.progress', { task_id: 'a', name: 'jobs.extract_skills', progress: 40, message: '' });
    send('task.progress', { task_id: 'b', name: 'jobs.ingest_jobs', progress: 100, message: '' });
    expect(queryClient.getQueryState(jobKeys.detail(5))?.isInvalidated).toBe(false);
    send('task.progress', { task_id: 'a', name: 'jobs.extract_skills', progress: 100, message: 'Found 4 skills' });
    expect(queryClient.getQueryState(jobKeys.detail(5))?.isInvalidated).toBe(true);
  });

  it('catches up on resumes loaded before the socket listened', () => {
    const { queryClient, dispatcher } = setup();
    queryClient.setQueryData(LIST, page([resumeSummary()]), { updatedAt: 1_000 });
    queryClient.setQueryData(resumeKeys.detail(1), resumeRead(), { updatedAt: 5_000 });
    dispatcher.catchUp(2_000);
    expect(queryClient.getQueryState(LIST)?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(resumeKeys.detail(1))?.isInvalidated).toBe(false);
  });
});

describe('content and interview streams', () => {
  const message = (type: string, data: Record<string, unknown>): RealtimeMessage => ({ id: null, type, data, ts: '' });

  it('appends content.delta in arrival order, then refetches the finished document', () => {
    const queryClient = new QueryClient();
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries');
    const dispatcher = createRealtimeDispatcher(queryClient);
    for (const delta of ['One ', 'two ', 'three.']) dispatcher.handle(message('content.delta', { document_id: 4, delta, done: false }));
    dispatcher.handle(message('content.delta', { document_id: 5, delta: 'other', done: false }));
    dispatcher.handle(message('content.delta', { document_id: 'x', delta: 'bad' }));
    expect(queryClient.getQueryData(documentKeys.stream(4))).toMatchObject({ text: 'One two three.', done: false });
    expect(queryClient.getQueryData(documentKeys.stream(5))).toMatchObject({ text: 'other' });
    expect(invalidate).not.toHaveBeenCalled();

    dispatcher.handle(message('content.delta', { document_id: 4, done: true, status: 'ready' }));
    expect(queryClient.getQueryData(documentKeys.stream(4))).toMatchObject({ text: 'One two three.', done: true, status: 'ready' });
    expect(invalidate).toHaveBeenCalledWith({ queryKey: documentKeys.detail(4) });
    expect(invalidate).toHaveBeenCalledWith({ queryKey: documentKeys.lists });
    dispatcher.dispose();
  });

  it('streams interview.feedback, then puts the score on the cached question', () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(interviewKeys.detail(3), sessionRead());
    const dispatcher = createRealtimeDispatcher(queryClient);
    dispatcher.handle(message('interview.feedback', { session_id: 3, answer_id: 31, delta: 'Good ' }));
    dispatcher.handle(message('interview.feedback', { session_id: 3, answer_id: 31, delta: 'structure.' }));
    expect(queryClient.getQueryData(interviewKeys.feedback(31))).toMatchObject({ text: 'Good structure.', done: false, score: null });
    const feedback = { criteria: { structure: 90 }, strengths: [], improvements: [], hint: 'More numbers.' };
    dispatcher.handle(message('interview.feedback', { session_id: 3, answer_id: 31, done: true, score: 81, feedback }));
    expect(queryClient.getQueryData(interviewKeys.feedback(31))).toMatchObject({ done: true, score: 81, feedback });
    const session = queryClient.getQueryData<SessionRead>(interviewKeys.detail(3));
    expect(session?.questions[0]).toMatchObject({ id: 31, score: 81, feedback });
    dispatcher.dispose();
  });

  it('after a reconnection, no longer trusts streams heard before it', () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(documentKeys.stream(4), { text: 'Half', done: false, status: null, fromStart: true });
    queryClient.setQueryData(interviewKeys.feedback(31), { text: 'Half', done: false, score: null, feedback: null, fromStart: true });
    const dispatcher = createRealtimeDispatcher(queryClient);
    dispatcher.catchUp(Date.now() + 1);
    expect(queryClient.getQueryData(documentKeys.stream(4))).toMatchObject({ fromStart: false });
    expect(queryClient.getQueryData(interviewKeys.feedback(31))).toMatchObject({ fromStart: false });
    dispatcher.dispose();
  });
});
