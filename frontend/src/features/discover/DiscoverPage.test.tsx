import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MatchRead } from '../../client/types';
import { formatSalary } from '../../lib/format';
import { renderApp } from '../../test/render';
import { installFakeServer, json, noContent, type Handler } from '../../test/fakeServer';
import { envelope, FakeWebSocket } from '../../test/fakeWebSocket';
import { application, COMPANY_BOARDS, match, page, SIGNED_IN, taskRun } from '../../test/fixtures';
import { PROFILE } from '../../test/fakeServer';
import { REFRESH_FALLBACK_MS } from './DiscoverPage';
import { REBUILD_POLL_MS } from './useDiscover';

function queryOf(request: Request): URLSearchParams {
  return new URL(request.url).searchParams;
}

/**
 * A signed-in Discover page; GET /discover honours min_score, remote_only, hide_blocked, page and size like the
 * API, and says `rebuilding` while `state.rebuilding` is set.
 */
function discoverServer(items: MatchRead[], extra: Record<string, Handler> = {}) {
  const state = { items, rebuilding: false };
  const server = installFakeServer({
    ...SIGNED_IN,
    'GET /api/v1/discover': (request) => {
      const query = queryOf(request);
      const min = Number(query.get('min_score') ?? 0);
      const remote = query.get('remote_only') === 'true';
      const size = Number(query.get('size') ?? 20);
      const number = Number(query.get('page') ?? 1);
      const hide = query.get('hide_blocked') !== 'false';
      const filtered = state.items.filter((item) => item.score >= min && (!remote || item.job.remote_type === 'remote'));
      const matching = filtered.filter((item) => !hide || item.blockers.length === 0);
      return json(200, {
        ...page(matching.slice((number - 1) * size, number * size), matching.length, number, size),
        rebuilding: state.rebuilding,
        hidden_blocked: filtered.length - matching.length,
      });
    },
    'POST /api/v1/discover/rebuild': () => json(202, { rebuilding: state.rebuilding }),
    'GET /api/v1/saved-searches': () => json(200, []),
    'GET /api/v1/followed-companies': () => json(200, []),
    'GET /api/v1/sources': () => json(200, COMPANY_BOARDS),
    ...extra,
  });
  return { server, state };
}

function card(name: string) {
  return screen.findByRole('article', { name });
}

/** The app's socket, open and ready. */
async function liveSocket(): Promise<FakeWebSocket> {
  await waitFor(() => expect(FakeWebSocket.instances).toHaveLength(1));
  const ws = FakeWebSocket.latest();
  ws.open();
  ws.ready();
  return ws;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('Discover', () => {
  it('shows the matches as cards: job, fit, skills and why', async () => {
    const { server } = discoverServer([
      match({ id: 1, score: 0.82, job: { title: 'Backend Engineer', id: 101 } }),
      match({ id: 2, score: 0.55, job: { title: 'Data Engineer', remote_type: 'hybrid', salary_min: null, salary_max: null } }),
    ]);
    renderApp('/discover');
    expect(await screen.findByRole('heading', { level: 1, name: 'Discover' })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Discover' })).toHaveAttribute('aria-current', 'page');

    const first = await card('Backend Engineer');
    expect(within(first).getByRole('heading', { level: 3, name: 'Backend Engineer' })).toBeInTheDocument();
    expect(within(first).getByRole('link', { name: 'Backend Engineer' })).toHaveAttribute('href', '/jobs/101');
    expect(first).toHaveTextContent('Northwind Analytics');
    expect(first).toHaveTextContent('Berlin');
    expect(within(first).getByText('Remote')).toBeInTheDocument();
    expect(first).toHaveTextContent(formatSalary(match().job)!);
    expect(first).toHaveTextContent('per year');
    expect(first).toHaveTextContent('Posted 2 days ago');
    expect(within(first).getByText('82% match')).toBeInTheDocument();
    const have = within(first).getByRole('list', { name: 'You have' });
    expect(within(have).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Python', 'PostgreSQL']);
    const missing = within(first).getByRole('list', { name: 'Missing' });
    expect(within(missing).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Kubernetes']);
    // The parts that count, each with its status in words (unknown ones are left out, as from the score).
    const parts = within(first).getByRole('list', { name: 'How you match' });
    expect(within(parts).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      '✓ Role: Met',
      '◐ Must-have skills: Partly',
      '✗ Seniority: Not met',
    ]);
    expect(within(first).queryByRole('list', { name: 'Fails what you need' })).toBeNull();
    expect(within(first).getByRole('button', { name: 'Save to tracker' })).toBeEnabled();
    expect(within(first).getByRole('button', { name: 'Dismiss' })).toBeEnabled();

    const second = await card('Data Engineer');
    expect(within(second).getByText('55% match')).toBeInTheDocument();
    expect(within(second).getByText('Hybrid')).toBeInTheDocument();
    expect(second).not.toHaveTextContent('per year');
    expect(screen.getByText('2 matches')).toBeInTheDocument();

    const query = queryOf(server.calls('GET /api/v1/discover')[0]);
    expect(query.get('page')).toBe('1');
    expect(query.get('size')).toBe('20');
    expect(query.has('min_score')).toBe(false);
    expect(query.has('remote_only')).toBe(false);
  });

  it('saves a match to the tracker, then shows it on the board', async () => {
    const { server } = discoverServer([match({ id: 1, job: { id: 101, title: 'Backend Engineer' } })], {
      'POST /api/v1/applications': () => json(201, application({ id: 9, job_posting_id: 101 })),
    });
    const { user } = renderApp('/discover');
    const item = await card('Backend Engineer');
    await user.click(within(item).getByRole('button', { name: 'Save to tracker' }));

    expect(await screen.findByText('Saved to your board')).toBeInTheDocument();
    const [request] = server.calls('POST /api/v1/applications');
    expect(await request.json()).toEqual({ job_posting_id: 101, status: 'interested', notes: '' });
    expect(within(item).queryByRole('button', { name: 'Save to tracker' })).not.toBeInTheDocument();
    expect(within(item).getByRole('link', { name: 'On your board' })).toHaveAttribute('href', '/board');
  });

  it('says so when the job is already tracked (409)', async () => {
    discoverServer([match({ id: 1, job: { title: 'Backend Engineer' } })], {
      'POST /api/v1/applications': () => json(409, { detail: 'You already track this job.', code: 'already_tracked' }),
    });
    const { user } = renderApp('/discover');
    const item = await card('Backend Engineer');
    await user.click(within(item).getByRole('button', { name: 'Save to tracker' }));
    expect(await screen.findByText('Already tracked')).toBeInTheDocument();
    expect(screen.getByText('Backend Engineer at Northwind Analytics is already on your board.')).toBeInTheDocument();
    expect(screen.queryByText('Saved to your board')).not.toBeInTheDocument();
    expect(within(item).getByRole('link', { name: 'On your board' })).toBeInTheDocument();
  });

  it('dismisses a match: the card goes, the keyboard stays in the feed', async () => {
    const { server, state } = discoverServer(
      [match({ id: 1, job: { title: 'Backend Engineer' } }), match({ id: 2, job: { title: 'Data Engineer' } })],
      {
        'POST /api/v1/discover/1/dismiss': () => {
          state.items = state.items.filter((item) => item.id !== 1);
          return noContent();
        },
      },
    );
    const { user } = renderApp('/discover');
    const item = await card('Backend Engineer');
    await user.click(within(item).getByRole('button', { name: 'Dismiss' }));

    await waitFor(() => expect(screen.queryByRole('article', { name: 'Backend Engineer' })).not.toBeInTheDocument());
    expect(server.calls('POST /api/v1/discover/1/dismiss')).toHaveLength(1);
    expect(screen.getByRole('article', { name: 'Data Engineer' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Matches' })).toHaveFocus();
    expect(await screen.findByText('1 match')).toBeInTheDocument();
  });

  it('filters by remote and minimum match: in the URL and in the query', async () => {
    const { server } = discoverServer([
      match({ id: 1, score: 0.9, job: { title: 'Strong Remote' } }),
      match({ id: 2, score: 0.6, job: { title: 'Fair Remote' } }),
      match({ id: 3, score: 0.8, job: { title: 'Strong Onsite', remote_type: 'onsite' } }),
    ]);
    const { user } = renderApp('/discover');
    await card('Strong Onsite');
    expect(screen.getByText('3 matches')).toBeInTheDocument();

    const filters = screen.getByRole('group', { name: 'Filters' });
    await user.click(within(filters).getByRole('switch', { name: 'Remote only' }));
    await waitFor(() => expect(screen.queryByRole('article', { name: 'Strong Onsite' })).not.toBeInTheDocument());
    expect(screen.getByTestId('location')).toHaveTextContent(/^\/discover\?remote=true$/);
    expect(queryOf(server.calls('GET /api/v1/discover').at(-1)!).get('remote_only')).toBe('true');

    const minimum = within(filters).getByRole('radiogroup', { name: 'Minimum match' });
    expect(within(minimum).getAllByRole('radio').map((radio) => radio.closest('div')?.textContent)).toEqual(['Any', '50%', '70%']);
    await user.click(within(minimum).getByRole('radio', { name: '70%' }));
    await waitFor(() => expect(screen.queryByRole('article', { name: 'Fair Remote' })).not.toBeInTheDocument());
    expect(screen.getByRole('article', { name: 'Strong Remote' })).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent(/^\/discover\?remote=true&min=70$/);
    const query = queryOf(server.calls('GET /api/v1/discover').at(-1)!);
    expect(query.get('min_score')).toBe('0.7');
    expect(query.get('remote_only')).toBe('true');
    expect(query.get('page')).toBe('1');
  });

  it('offers to show all matches when the filters leave none', async () => {
    discoverServer([match({ id: 1, score: 0.4, job: { title: 'Weak Match' } })]);
    const { user } = renderApp('/discover?min=70');
    expect(await screen.findByRole('heading', { name: 'No matches with these filters' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: '70%' })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Show all matches' }));
    expect(await card('Weak Match')).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent(/^\/discover$/);
  });

  it('pages through the feed, 20 at a time', async () => {
    const items = Array.from({ length: 45 }, (_, index) => match({ id: index + 1, score: 0.9 - index / 100 }));
    const { server } = discoverServer(items);
    const { user } = renderApp('/discover');
    await card('Backend Engineer 1');
    expect(screen.getAllByRole('article')).toHaveLength(20);
    await user.click(screen.getByRole('button', { name: 'Page 3' }));
    expect(await card('Backend Engineer 41')).toBeInTheDocument();
    expect(screen.getAllByRole('article')).toHaveLength(5);
    expect(screen.getByTestId('location')).toHaveTextContent('/discover?page=3');
    expect(queryOf(server.calls('GET /api/v1/discover').at(-1)!).get('page')).toBe('3');
  });

  it('hides postings that fail what you need, says how many, and shows them with why on request', async () => {
    const noVisa = 'No visa sponsorship, and you said you need it.';
    const { server } = discoverServer([
      match({ id: 1, score: 0.8, job: { title: 'Backend Engineer' } }),
      match({ id: 2, score: 0.9, blockers: [noVisa], job: { title: 'Platform Engineer' } }),
    ]);
    const { user } = renderApp('/discover');
    expect(await card('Backend Engineer')).toBeInTheDocument();
    expect(screen.queryByRole('article', { name: 'Platform Engineer' })).toBeNull();
    expect(screen.getByText('1 match')).toBeInTheDocument();
    expect(screen.getByText('(1 more hidden: it fails what you need)')).toBeInTheDocument();

    await user.click(screen.getByRole('switch', { name: 'Show jobs that fail what I need' }));
    const blocked = await card('Platform Engineer');
    const why = within(blocked).getByRole('list', { name: 'Fails what you need' });
    expect(within(why).getAllByRole('listitem').map((item) => item.textContent)).toEqual([noVisa]);
    expect(screen.getByTestId('location')).toHaveTextContent('/discover?blocked=show');
    expect(queryOf(server.calls('GET /api/v1/discover').at(-1)!).get('hide_blocked')).toBe('false');
  });

  it('offers to show the hidden ones when every match fails what you need', async () => {
    discoverServer([match({ id: 2, blockers: ['On site, and you said you want remote work only.'], job: { title: 'Office Job' } })]);
    const { user } = renderApp('/discover');
    expect(await screen.findByRole('heading', { name: 'No matches with these filters' })).toBeInTheDocument();
    expect(screen.getByText(/Every match fails something you need/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show all matches' }));
    expect(await card('Office Job')).toBeInTheDocument();
  });

  it('saves what you need, and says the feed is being scored again until it is', async () => {
    let profile = { ...PROFILE };
    const { server, state } = discoverServer([match({ id: 1, job: { title: 'Backend Engineer' } })], {
      'GET /api/v1/users/me': () => json(200, profile),
      'PATCH /api/v1/users/me': async (request) => {
        profile = { ...profile, ...((await request.clone().json()) as Partial<typeof PROFILE>) };
        if (profile.min_salary === 0) profile.min_salary = null; // as the API: 0 clears the floor
        state.rebuilding = true;
        return json(200, profile);
      },
    });
    const { user } = renderApp('/discover');
    const panel = await screen.findByRole('region', { name: 'What you need from a job' });
    const save = within(panel).getByRole('button', { name: 'Save' });
    expect(save).toBeDisabled();
    await user.click(within(panel).getByRole('checkbox', { name: 'I need visa sponsorship' }));
    await user.type(within(panel).getByRole('textbox', { name: /Where you can work/ }), '  Berlin, Germany ');
    await user.click(save);
    await waitFor(() => expect(server.calls('PATCH /api/v1/users/me')).toHaveLength(1));
    expect(await server.calls('PATCH /api/v1/users/me')[0].json()).toEqual({
      needs_sponsorship: true,
      remote_only: false,
      work_location: 'Berlin, Germany',
      min_salary: 0,
    });
    expect(await screen.findByText(/your matches are being scored again/)).toBeInTheDocument();
    await waitFor(() => expect(server.calls('POST /api/v1/discover/rebuild').length).toBeGreaterThanOrEqual(1));

    // A salary floor goes with its currency.
    await user.type(within(panel).getByRole('textbox', { name: /Minimum yearly salary/ }), '70000');
    await user.selectOptions(within(panel).getByRole('combobox', { name: 'Currency' }), 'GBP');
    await user.click(save);
    await waitFor(() => expect(server.calls('PATCH /api/v1/users/me')).toHaveLength(2));
    expect(await server.calls('PATCH /api/v1/users/me')[1].json()).toMatchObject({ min_salary: 70000, salary_currency: 'GBP' });
    state.rebuilding = false;
    await waitFor(() => expect(screen.queryByText(/your matches are being scored again/)).toBeNull(), { timeout: 15_000 });
  });

  it('asks again for a rebuild while the feed stays out of date (one already running started before the change)', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { server, state } = discoverServer([match({ id: 1, job: { title: 'Backend Engineer' } })]);
    state.rebuilding = true;
    renderApp('/discover');
    expect(await screen.findByText(/your matches are being scored again/)).toBeInTheDocument();
    await waitFor(() => expect(server.calls('POST /api/v1/discover/rebuild')).toHaveLength(1));
    // The server sent nothing (a rebuild was running); that one ends with the feed still out of date.
    await act(() => vi.advanceTimersByTimeAsync(REBUILD_POLL_MS + 100));
    await waitFor(() => expect(server.calls('POST /api/v1/discover/rebuild')).toHaveLength(2));
    state.rebuilding = false;
    await act(() => vi.advanceTimersByTimeAsync(REBUILD_POLL_MS + 100));
    await waitFor(() => expect(screen.queryByText(/your matches are being scored again/)).toBeNull());
    const asked = server.calls('POST /api/v1/discover/rebuild').length;
    await act(() => vi.advanceTimersByTimeAsync(REBUILD_POLL_MS * 2));
    expect(server.calls('POST /api/v1/discover/rebuild')).toHaveLength(asked);
  });

  it('explains how to get matches when there are none', async () => {
    discoverServer([]);
    renderApp('/discover');
    const empty = await screen.findByRole('heading', { name: 'No matches yet' });
    const box = empty.closest('div')!.parentElement!;
    expect(box).toHaveTextContent(/add a saved search or follow a company's job board below, then press “Refresh jobs now”/);
    expect(screen.getByRole('link', { name: 'Add a saved search' })).toHaveAttribute('href', '#saved-searches');
    expect(screen.getByRole('link', { name: 'Follow a company board' })).toHaveAttribute('href', '#followed-companies');
    expect(document.getElementById('saved-searches')).toBe(screen.getByRole('region', { name: 'Saved searches' }));
    expect(document.getElementById('followed-companies')).toBe(screen.getByRole('region', { name: 'Company boards you follow' }));
    expect(screen.getByRole('button', { name: 'Refresh jobs now' })).toBeEnabled();
  });

  it('refreshes jobs now: the button waits for the task, and the feed follows job.matched', async () => {
    const { server, state } = discoverServer([], {
      'POST /api/v1/sources/ingest': () => json(202, taskRun({ id: 5, task_id: 'ingest-5', name: 'jobs.ingest_jobs', state: 'queued' })),
    });
    const { user } = renderApp('/discover');
    await screen.findByRole('heading', { name: 'No matches yet' });
    const ws = await liveSocket();
    const button = screen.getByRole('button', { name: 'Refresh jobs now' });

    await user.click(button);
    expect(await screen.findByText('Looking for new jobs…', { selector: '.mantine-Notification-title' })).toBeInTheDocument();
    expect(server.calls('POST /api/v1/sources/ingest')).toHaveLength(1);
    await waitFor(() => expect(button).toBeDisabled());

    ws.receive(envelope('task.progress', { task_id: 'ingest-5', name: 'jobs.ingest_jobs', progress: 50, message: '1 of 2 searches' }));
    expect(await screen.findByText('Looking for new jobs: 1 of 2 searches, 50%')).toBeInTheDocument();
    expect(button).toBeDisabled();

    state.items = [match({ id: 7, job: { title: 'Fresh Match' } })];
    ws.receive(envelope('task.progress', { task_id: 'ingest-5', name: 'jobs.ingest_jobs', progress: 100, message: '2 of 2 searches' }));
    ws.receive(envelope('job.matched', { count: 1, strong: 1 }));
    expect(await card('Fresh Match')).toBeInTheDocument();
    await waitFor(() => expect(button).toBeEnabled());
  });

  it('without news of the task, enables the button again after 10 s', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    discoverServer([], {
      'POST /api/v1/sources/ingest': () => json(202, taskRun({ id: 6, task_id: 'ingest-6', name: 'jobs.ingest_jobs', state: 'queued' })),
    });
    const { user } = renderApp('/discover');
    await screen.findByRole('heading', { name: 'No matches yet' });
    const button = screen.getByRole('button', { name: 'Refresh jobs now' });
    await user.click(button);
    await waitFor(() => expect(button).toBeDisabled());
    await act(() => vi.advanceTimersByTimeAsync(REFRESH_FALLBACK_MS - 2_000));
    expect(button).toBeDisabled();
    await act(() => vi.advanceTimersByTimeAsync(2_500));
    await waitFor(() => expect(button).toBeEnabled());
  });

  it('shows why jobs were not refreshed (429)', async () => {
    discoverServer([], {
      'POST /api/v1/sources/ingest': () =>
        json(429, { detail: 'You can refresh jobs 3 times in 10 minutes.', code: 'rate_limited' }, { 'Retry-After': '300' }),
    });
    const { user } = renderApp('/discover');
    await screen.findByRole('heading', { name: 'No matches yet' });
    await user.click(screen.getByRole('button', { name: 'Refresh jobs now' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Jobs were not refreshed');
    expect(alert).toHaveTextContent('You can refresh jobs 3 times in 10 minutes.');
    expect(screen.getByRole('button', { name: 'Refresh jobs now' })).toBeEnabled();
  });
});
