import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test/render';
import { installFakeServer, json, PROFILE } from '../../test/fakeServer';
import { application, board, SIGNED_IN, today } from '../../test/fixtures';

describe('Dashboard', () => {
  it('counts applications per status from the board, linking to it', async () => {
    installFakeServer({
      ...SIGNED_IN,
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
    // The tiles still to come stay labelled as such.
    expect(screen.getByText('Coming soon')).toBeInTheDocument();
  });

  it('invites to track a job when nothing is tracked', async () => {
    installFakeServer({
      ...SIGNED_IN,
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

    // The placeholder tile is gone; the others stay.
    expect(screen.queryByText('Today vs your goal')).not.toBeInTheDocument();
    expect(screen.getByText('Recent activity')).toBeInTheDocument();
    expect(screen.getByText('Strong new matches')).toBeInTheDocument();
  });

  it('says when there is no goal or streak yet, and links to the profile', async () => {
    installFakeServer({
      ...SIGNED_IN,
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
