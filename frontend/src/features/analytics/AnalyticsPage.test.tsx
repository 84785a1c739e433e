import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { formatDay, localDay, shiftDay } from '../../lib/format';
import { renderApp } from '../../test/render';
import { installFakeServer, json, PROFILE, type Handler } from '../../test/fakeServer';
import { envelope, FakeWebSocket } from '../../test/fakeWebSocket';
import { activity, funnel, rates, SIGNED_IN, skillGap, skillTrend, skillTrends, summary } from '../../test/fixtures';

const SUMMARY = summary({
  success: {
    funnel: funnel({ tracked: 12, applied: 10, interview: 4, offer: 1, accepted: 0, rejected: 3, withdrawn: 1, ghosted: 2 }),
    rates: rates({ applied_to_interview: 0.4, interview_to_offer: 0.25, offer_to_accepted: null, overall: 0 }),
    by_source: [
      { source: 'added by you', funnel: funnel({ tracked: 7, applied: 6, interview: 3 }), rates: rates({ applied_to_interview: 0.5 }) },
      { source: 'job boards', funnel: funnel({ tracked: 5, applied: 4, interview: 1 }), rates: rates({ applied_to_interview: 0.25 }) },
    ],
    by_month: [
      { month: '2025-10', funnel: funnel({ tracked: 5, applied: 5, interview: 1 }), rates: rates({ applied_to_interview: 0.2 }) },
      { month: '2025-11', funnel: funnel({ tracked: 7, applied: 5, interview: 3 }), rates: rates({ applied_to_interview: 0.6 }) },
    ],
  },
  time_in_stage: {
    stages: [
      { stage: 'interested', median_days: 2, mean_days: 3.25, transitions: 10 },
      { stage: 'applied', median_days: 6.5, mean_days: 8, transitions: 5 },
    ],
    first_response: { median_days: 5, answered: 4 },
  },
  streak: { current: 3, longest: 7, today_met: true },
});

const series = (...shares: number[]) => shares.map((share) => ({ share, count: Math.round(share) }));

const MARKET = skillTrends({
  scope: 'market',
  skills: [
    skillTrend({ skill: 'Python', count: 42, share: 42, change_pp: 3.5, trend: 'rising', series: series(30, 32, 35, 36, 38.5, 42) }),
    skillTrend({ skill: 'SQL', count: 30, share: 30, change_pp: 0.4, trend: 'steady', series: series(30, 30, 29, 30, 29.6, 30) }),
    skillTrend({ skill: 'COBOL', count: 5, share: 5, change_pp: -2.5, trend: 'declining', series: series(9, 9, 8, 8, 7.5, 5) }),
  ],
  rising: ['Python'],
  declining: ['COBOL'],
});

const TRACKED = skillTrends({
  scope: 'tracked',
  skills: [skillTrend({ skill: 'Kubernetes', count: 3, share: 60, change_pp: 20, trend: 'rising', series: series(0, 0, 20, 20, 40, 60) })],
  rising: ['Kubernetes'],
  declining: [],
});

const GAP = skillGap({
  tracked_jobs: 5,
  missing: [{ skill: 'Kubernetes', jobs: 3, share: 60, have: false }],
  matched: [{ skill: 'Python', jobs: 4, share: 80, have: true }],
});

function analyticsServer(extra: Record<string, Handler> = {}) {
  return installFakeServer({
    ...SIGNED_IN,
    'GET /api/v1/users/me': () => json(200, PROFILE),
    'GET /api/v1/analytics/summary': () => json(200, SUMMARY),
    'GET /api/v1/analytics/skill-trends': (request) =>
      json(200, new URL(request.url).searchParams.get('scope') === 'tracked' ? TRACKED : MARKET),
    'GET /api/v1/analytics/skill-gap': () => json(200, GAP),
    'GET /api/v1/analytics/activity': () => {
      const body = activity({ '2025-11-18': 2, '2025-11-19': 5, '2025-11-20': 6 });
      return json(200, { ...body, streak: { current: 3, longest: 7, today_met: true } });
    },
    ...extra,
  });
}

const region = (name: string) => screen.findByRole('region', { name });

describe('Analytics', () => {
  it('shows the funnel, its rates, sources, months and time in stage', async () => {
    analyticsServer();
    renderApp('/analytics');
    expect(await screen.findByRole('heading', { level: 1, name: 'Analytics' })).toBeInTheDocument();

    const funnelRegion = await region('Funnel');
    const counts = within(await within(funnelRegion).findByRole('list', { name: 'Funnel' })).getAllByRole('listitem');
    expect(counts.map((item) => item.textContent)).toEqual(['12 Tracked', '10 Applied', '4 Interview', '1 Offer', '0 Accepted']);
    const rateItems = within(within(funnelRegion).getByRole('list', { name: 'Conversion rates' })).getAllByRole('listitem');
    expect(rateItems.map((item) => item.textContent)).toEqual([
      'Applied → Interview 40%',
      'Interview → Offer 25%',
      'Offer → Accepted —',
      'Overall (Applied → Accepted) 0%',
    ]);
    const ended = within(within(funnelRegion).getByRole('list', { name: 'Ended' })).getAllByRole('listitem');
    expect(ended.map((item) => item.textContent)).toEqual(['3 Rejected', '1 Withdrawn', '2 Ghosted']);

    const sources = within(await region('By source')).getByRole('table', { name: 'Applications by source' });
    expect(within(sources).getByRole('row', { name: /Added by you 7 6 3 0 50%/ })).toBeInTheDocument();
    expect(within(sources).getByRole('row', { name: /Job boards 5 4 1 0 25%/ })).toBeInTheDocument();

    const months = within(await region('By month')).getByRole('table', { name: 'Applications by month' });
    expect(within(months).getAllByRole('row')).toHaveLength(3);
    expect(within(months).getByRole('row', { name: /60%/ })).toHaveTextContent('Nov 2025');

    const stages = await region('Time in stage');
    const stageTable = within(stages).getByRole('table', { name: 'Days in each stage' });
    expect(within(stageTable).getByRole('row', { name: 'Applied 6.5 days 8 days 5' })).toBeInTheDocument();
    expect(within(stageTable).getByRole('row', { name: 'Interested 2 days 3.3 days 10' })).toBeInTheDocument();
    expect(within(stages).getByText(/Median time to first response:/)).toHaveTextContent(
      'Median time to first response: 5 days (from 4 answered applications)',
    );
  });

  it('shows the activity heatmap with the streak, and skill demand and gap', async () => {
    analyticsServer();
    renderApp('/analytics');

    const activityRegion = await region('Activity');
    expect(await within(activityRegion).findByText('Current streak 3 days')).toBeInTheDocument();
    expect(within(activityRegion).getByText('Longest streak 7 days')).toBeInTheDocument();
    const heatmap = within(activityRegion).getByRole('img');
    expect(heatmap).toHaveAccessibleName(/13 applications on 3 days; your daily goal of 5 was met on 2 days\.$/);
    const days = within(activityRegion).getByRole('table', { name: 'Days with applications' });
    expect(within(days).getAllByRole('row')).toHaveLength(4);
    expect(within(days).getByRole('row', { name: `${formatDay('2025-11-20')} 6 Met` })).toBeInTheDocument();

    const demand = await region('Skill demand');
    const top = await within(demand).findByRole('list', { name: 'Top skills' });
    const items = within(top).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'Python 42% of postings Rising +3.5 pts',
      'SQL 30% of postings Steady +0.4 pts',
      'COBOL 5% of postings Declining -2.5 pts',
    ]);
    expect(within(within(demand).getByRole('list', { name: 'Rising' })).getByRole('listitem')).toHaveTextContent('Python +3.5 pts');
    expect(within(within(demand).getByRole('list', { name: 'Declining' })).getByRole('listitem')).toHaveTextContent('COBOL -2.5 pts');
    // The chart's figures as text.
    const shares = within(demand).getByRole('table', { name: /Share of postings listing the top 3 skills/ });
    expect(within(shares).getByRole('row', { name: /^Python 30% 32% 35% 36% 38.5% 42%$/ })).toBeInTheDocument();

    const gap = await region('Skill gap');
    const missing = within(gap).getByRole('list', { name: 'Missing from your profile' });
    expect(within(missing).getByRole('listitem')).toHaveTextContent('Kubernetes in 3 of 5 jobs');
    const matched = within(gap).getByRole('list', { name: 'On your profile' });
    expect(within(matched).getByRole('listitem')).toHaveTextContent('Python in 4 of 5 jobs');
    expect(within(gap).getByRole('link', { name: 'Add skills to your profile' })).toHaveAttribute('href', '/profile');
  });

  it('switches skill demand between all postings and the jobs you track', async () => {
    const server = analyticsServer();
    const { user } = renderApp('/analytics');
    const demand = await region('Skill demand');
    await within(demand).findByRole('list', { name: 'Top skills' });
    const scope = within(demand).getByRole('radiogroup', { name: 'Jobs' });
    expect(within(scope).getByLabelText('All postings')).toBeChecked();
    expect(new URL(server.calls('GET /api/v1/analytics/skill-trends')[0].url).searchParams.toString()).toBe(
      'scope=market&window_days=30&windows=6',
    );

    await user.click(within(scope).getByLabelText('Jobs I track'));
    await waitFor(() =>
      expect(within(within(demand).getByRole('list', { name: 'Top skills' })).getByRole('listitem')).toHaveTextContent(
        'Kubernetes 60% of postings Rising +20 pts',
      ),
    );
    expect(new URL(server.calls('GET /api/v1/analytics/skill-trends').at(-1)!.url).searchParams.get('scope')).toBe('tracked');
    expect(within(within(demand).getByRole('list', { name: 'Rising' })).getByRole('listitem')).toHaveTextContent('Kubernetes');
    expect(within(demand).getByText('None right now.')).toBeInTheDocument();
  });

  it('asks for the chosen period', async () => {
    const server = analyticsServer();
    const { user } = renderApp('/analytics');
    await within(await region('Funnel')).findByRole('list', { name: 'Funnel' });
    const period = screen.getByRole('radiogroup', { name: 'Period' });
    expect(within(period).getByLabelText('All time')).toBeChecked();
    expect(new URL(server.calls('GET /api/v1/analytics/summary')[0].url).search).toBe('');

    await user.click(within(period).getByLabelText('Last 30 days'));
    const today = localDay('Europe/London');
    await waitFor(() => expect(server.calls('GET /api/v1/analytics/summary')).toHaveLength(2));
    const params = new URL(server.calls('GET /api/v1/analytics/summary')[1].url).searchParams;
    expect(params.get('since')).toBe(shiftDay(today, -29));
    expect(params.get('until')).toBe(today);
    expect(screen.getByTestId('location')).toHaveTextContent('/analytics?period=30d');

    await user.click(within(period).getByLabelText('Last 90 days'));
    await waitFor(() => expect(server.calls('GET /api/v1/analytics/summary')).toHaveLength(3));
    expect(new URL(server.calls('GET /api/v1/analytics/summary')[2].url).searchParams.get('since')).toBe(shiftDay(today, -89));
  });

  it('says what to do when there is nothing yet', async () => {
    analyticsServer({
      'GET /api/v1/analytics/summary': () => json(200, summary()),
      'GET /api/v1/analytics/skill-trends': () => json(200, skillTrends()),
      'GET /api/v1/analytics/skill-gap': () => json(200, skillGap()),
      'GET /api/v1/analytics/activity': () => json(200, activity()),
    });
    renderApp('/analytics');
    const funnelRegion = await region('Funnel');
    expect(await within(funnelRegion).findByText('Track and apply to jobs to see your funnel.')).toBeInTheDocument();
    expect(within(funnelRegion).getByRole('link', { name: 'Find or add a job' })).toHaveAttribute('href', '/jobs');
    expect(within(await region('By source')).getByText('No applications in this period yet.')).toBeInTheDocument();
    expect(within(await region('By month')).getByText('No applications in this period yet.')).toBeInTheDocument();
    expect(within(await region('Time in stage')).getByText('No answers yet')).toBeInTheDocument();
    const activityRegion = await region('Activity');
    expect(await within(activityRegion).findByText('No applications sent in this period yet.')).toBeInTheDocument();
    expect(within(activityRegion).getByText('Current streak 0 days')).toBeInTheDocument();
    expect(within(activityRegion).queryByRole('table')).not.toBeInTheDocument();
    expect(await within(await region('Skill demand')).findByText('No job postings in these months yet.')).toBeInTheDocument();
    expect(await within(await region('Skill gap')).findByText(/Track jobs to see which of the skills they ask for/)).toBeInTheDocument();
  });

  it('follows live updates', async () => {
    let current = summary();
    let gap = skillGap();
    const server = analyticsServer({
      'GET /api/v1/analytics/summary': () => json(200, current),
      'GET /api/v1/analytics/skill-gap': () => json(200, gap),
    });
    renderApp('/analytics');
    const funnelRegion = await region('Funnel');
    expect(await within(funnelRegion).findByText('Track and apply to jobs to see your funnel.')).toBeInTheDocument();
    await waitFor(() => expect(FakeWebSocket.instances).toHaveLength(1));
    const ws = FakeWebSocket.latest();
    ws.open();
    ws.ready();
    const trendCalls = server.calls('GET /api/v1/analytics/skill-trends').length;

    // Tracked in another tab.
    current = summary({ success: { ...SUMMARY.success, funnel: funnel({ tracked: 1 }) } });
    gap = GAP;
    ws.receive(envelope('analytics.updated', {}));
    const counts = await within(funnelRegion).findByRole('list', { name: 'Funnel' });
    expect(within(counts).getAllByRole('listitem')[0]).toHaveTextContent('1 Tracked');
    expect(await within(await region('Skill gap')).findByText('Kubernetes')).toBeInTheDocument();
    expect(server.calls('GET /api/v1/analytics/skill-trends')).toHaveLength(trendCalls + 1);
  });

  it('is in the main navigation, after the dashboard and Discover', async () => {
    analyticsServer();
    renderApp('/analytics');
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Analytics' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getAllByRole('link').map((link) => link.textContent).slice(0, 3)).toEqual(['Dashboard', 'Discover', 'Analytics']);
  });
});
