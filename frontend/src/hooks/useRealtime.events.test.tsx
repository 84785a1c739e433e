// Realtime events on the rendered app: what each one refreshes, and the toasts they raise.
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from '../test/render';
import { json } from '../test/fakeServer';
import { envelope } from '../test/fakeWebSocket';
import { achievementKeys } from '../features/achievements/useAchievements';
import { analyticsKeys } from '../features/analytics/useAnalytics';
import { application, notification, summary, today } from '../test/fixtures';
import { ALPHA, dashboardServer, pause, socket } from './useRealtime.testkit';

afterEach(() => {
  vi.useRealTimers();
});

describe('Realtime', () => {
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
      ws.receive(envelope('task.progress', { task_id: taskId, name: 'notifications.deliver_evening_summary', title: 'Evening summary', progress: value, message }));

    // The title is the server's (the task registered it), not a table of the frontend's.
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

    // Another task gets its own toast; one without a title (an older server) still reads well.
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
});
