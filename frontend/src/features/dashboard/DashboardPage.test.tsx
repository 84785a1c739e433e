import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test/render';
import { installFakeServer, json, PROFILE } from '../../test/fakeServer';
import { application, board, DASHBOARD_EXTRAS, onboarding, SIGNED_IN, summary, today } from '../../test/fixtures';

describe('Dashboard', () => {
  it('counts applications per status from the board, linking to it', async () => {
    installFakeServer({
      ...SIGNED_IN,
      ...DASHBOARD_EXTRAS,
      'GET /api/v1/users/me': () => json(200, PROFILE),
      'GET /api/v1/users/me/today': () => json(200, today()),
      'GET /api/v1/applications/board': () =>
        json(
          200,
          board([
            application({ id: 1, status: 'applied' }),
            application({ id: 2, status: 'applied' }),
            application({ id: 3, status: 'interview' }),
          ]),
        ),
    });
    renderApp('/');
    const card = (await screen.findByRole('heading', { name: 'Pipeline by status' })).closest('section')!;
    expect(await within(card).findByText('3 applications tracked.')).toBeInTheDocument();
    const applied = within(card).getByRole('link', { name: '2 Applied' });
    expect(applied).toHaveAttribute('href', '/board?column=applied');
    expect(within(card).getByRole('link', { name: '0 Offer' })).toBeInTheDocument();
    expect(within(card).getByRole('link', { name: 'Open the board' })).toHaveAttribute('href', '/board');
    // No placeholder for tiles that never came (job sources shipped without them).
    expect(screen.queryByText('Coming soon')).not.toBeInTheDocument();
  });

  it('invites to track a job when nothing is tracked', async () => {
    installFakeServer({
      ...SIGNED_IN,
      ...DASHBOARD_EXTRAS,
      'GET /api/v1/users/me': () => json(200, PROFILE),
      'GET /api/v1/applications/board': () => json(200, board([])),
      'GET /api/v1/users/me/today': () => json(200, today()),
    });
    renderApp('/');
    expect(await screen.findByText('Nothing tracked yet.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Find or add a job' })).toHaveAttribute('href', '/jobs');
  });
});

describe('Dashboard: Today', () => {
  const change = (n: number, to_status: string, from_status: string | null = 'interested') => ({
    title: `Job ${n}`,
    company: `Company ${n}`,
    from_status,
    to_status,
    at: `2025-11-20T${String(8 + n).padStart(2, '0')}:00:00Z`,
  });

  function todayCard() {
    return screen.findByRole('region', { name: 'Today' });
  }

  it('shows applications against the goal, the streak, new jobs and the latest status changes', async () => {
    installFakeServer({
      ...SIGNED_IN,
      ...DASHBOARD_EXTRAS,
      'GET /api/v1/users/me': () => json(200, PROFILE),
      'GET /api/v1/applications/board': () => json(200, board([])),
      'GET /api/v1/users/me/today': () =>
        json(
          200,
          today({
            goal: 5,
            applied_today: 2,
            streak_days: 3,
            new_jobs: 4,
            changes: [
              change(1, 'applied', null),
              change(2, 'applied'),
              change(3, 'interview', 'applied'),
              change(4, 'rejected', 'interview'),
              change(5, 'offer', 'interview'),
              change(6, 'applied'),
            ],
          }),
        ),
    });
    renderApp('/');
    const card = await todayCard();
    expect(within(card).getByRole('heading', { level: 2, name: 'Today' })).toBeInTheDocument();
    expect(await within(card).findByText('2 of 5 applications today')).toBeInTheDocument();
    expect(within(card).getByRole('progressbar', { name: 'Daily goal' })).toHaveAttribute(
      'aria-valuetext',
      '2 of 5 applications today',
    );
    expect(within(card).getByText('3 more to reach your goal.')).toBeInTheDocument();
    expect(within(card).getByText('3-day streak')).toBeInTheDocument();
    expect(within(card).getByText('4 new jobs today')).toBeInTheDocument();

    // The five latest, newest first; the oldest is counted.
    const items = within(within(card).getByRole('list', { name: 'Status changes today' })).getAllByRole('listitem');
    expect(items.map((item) => item.textContent?.split(' · ')[0])).toEqual(['Job 6', 'Job 5', 'Job 4', 'Job 3', 'Job 2']);
    expect(items[1]).toHaveTextContent('Company 5');
    expect(within(items[1]).getByText('Interview')).toBeInTheDocument();
    expect(within(items[1]).getByText('Offer')).toBeInTheDocument();
    expect(within(card).getByText('…and 1 earlier change.')).toBeInTheDocument();

    // No placeholder tiles: what they promised (new jobs, latest status changes) is in the Today card.
    expect(screen.queryByText('Today vs your goal')).not.toBeInTheDocument();
    expect(screen.queryByText('More of your overview')).not.toBeInTheDocument();
  });

  it('says when there is no goal or streak yet, and links to the profile', async () => {
    installFakeServer({
      ...SIGNED_IN,
      ...DASHBOARD_EXTRAS,
      'GET /api/v1/users/me': () => json(200, { ...PROFILE, daily_application_goal: 0 }),
      'GET /api/v1/applications/board': () => json(200, board([])),
      'GET /api/v1/users/me/today': () => json(200, today({ goal: 0, applied_today: 1 })),
    });
    renderApp('/');
    const card = await todayCard();
    expect(await within(card).findByText('1 application today')).toBeInTheDocument();
    expect(within(card).getByText(/You have no daily goal\./)).toBeInTheDocument();
    expect(within(card).getByRole('link', { name: 'Set a daily goal' })).toHaveAttribute('href', '/profile');
    expect(within(card).queryByRole('progressbar')).not.toBeInTheDocument();
    expect(within(card).getByText('No streak yet')).toBeInTheDocument();
    expect(within(card).getByText('No new jobs today')).toBeInTheDocument();
    expect(within(card).getByText('No status changes yet today.')).toBeInTheDocument();
  });
});

describe('Dashboard: Streak', () => {
  function streakServer(streak: { current: number; longest: number; today_met: boolean }) {
    return installFakeServer({
      ...SIGNED_IN,
      ...DASHBOARD_EXTRAS,
      'GET /api/v1/users/me': () => json(200, PROFILE),
      'GET /api/v1/applications/board': () => json(200, board([])),
      'GET /api/v1/users/me/today': () => json(200, today()),
      'GET /api/v1/analytics/summary': () => json(200, summary({ streak })),
    });
  }

  it('shows the current and longest streak, today\'s goal, and links to analytics', async () => {
    const server = streakServer({ current: 4, longest: 9, today_met: true });
    renderApp('/');
    const card = await screen.findByRole('region', { name: 'Streak' });
    expect(within(card).getByRole('heading', { level: 2, name: 'Streak' })).toBeInTheDocument();
    expect(await within(card).findByText('4-day streak')).toBeInTheDocument();
    expect(within(card).getByText('Longest: 9 days')).toBeInTheDocument();
    expect(within(card).getByText("Today's goal met")).toBeInTheDocument();
    expect(within(card).getByRole('link', { name: 'See analytics' })).toHaveAttribute('href', '/analytics');
    // All time: no range asked for.
    expect(new URL(server.calls('GET /api/v1/analytics/summary')[0].url).search).toBe('');
  });

  it('says when there is no streak yet', async () => {
    streakServer({ current: 0, longest: 1, today_met: false });
    renderApp('/');
    const card = await screen.findByRole('region', { name: 'Streak' });
    expect(await within(card).findByText('No streak yet')).toBeInTheDocument();
    expect(within(card).getByText('Longest: 1 day')).toBeInTheDocument();
    expect(within(card).getByText("Today's goal not met yet")).toBeInTheDocument();
  });
});

describe('Dashboard: Get started', () => {
  function setupServer(state = onboarding()) {
    return installFakeServer({
      ...SIGNED_IN,
      ...DASHBOARD_EXTRAS,
      'GET /api/v1/users/me': () => json(200, PROFILE),
      'GET /api/v1/applications/board': () => json(200, board([])),
      'GET /api/v1/users/me/today': () => json(200, today()),
      'GET /api/v1/onboarding': () => json(200, state),
      'POST /api/v1/onboarding/finish': () => json(200, onboarding({ step: null, finished: true, skipped: true })),
    });
  }

  it('invites a new user to the guided setup without leaving the dashboard', async () => {
    setupServer();
    renderApp('/');
    const card = await screen.findByRole('region', { name: 'Get started' });
    expect(screen.getByTestId('location')).toHaveTextContent(/^\/$/);
    expect(screen.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeInTheDocument();
    expect(within(card).getByRole('link', { name: 'Start the guided setup' })).toHaveAttribute('href', '/welcome');
    // The setup covers skills: no second invitation.
    expect(screen.queryByRole('heading', { name: 'Complete your profile' })).not.toBeInTheDocument();
  });

  it('says where a started setup stopped', async () => {
    setupServer(onboarding({ step: 'search' }));
    renderApp('/');
    const card = await screen.findByRole('region', { name: 'Get started' });
    expect(within(card).getByText(/You stopped at step 4 of 6 \(Search\)/)).toBeInTheDocument();
  });

  it('skips the setup for good', async () => {
    const server = setupServer();
    const { user } = renderApp('/');
    const card = await screen.findByRole('region', { name: 'Get started' });
    await user.click(within(card).getByRole('button', { name: 'Skip setup' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Get started' })).not.toBeInTheDocument());
    expect(await server.calls('POST /api/v1/onboarding/finish')[0].json()).toEqual({ skipped: true });
    expect(await screen.findByText('Setup skipped')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Complete your profile' })).toBeInTheDocument();
  });

  it('is not shown once the setup is finished or skipped', async () => {
    setupServer(onboarding({ step: null, finished: true, skipped: true }));
    renderApp('/');
    expect(await screen.findByRole('heading', { name: 'Complete your profile' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Get started' })).not.toBeInTheDocument();
  });
});
