import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SourceHealth } from '../../client/types';
import { renderApp } from '../../test/render';
import { installFakeServer, json } from '../../test/fakeServer';
import { SIGNED_IN, sourceHealth } from '../../test/fixtures';
import { sourceStatus } from './SourcesPage';
import { SOURCES_POLL_MS } from './useSources';

const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const LONG_ERROR =
  'HTTPStatusError: Server error 503 Service Unavailable for url https://remotive.com/api/remote-jobs?search=python\nTraceback …';

const SOURCES: SourceHealth[] = [
  sourceHealth({
    name: 'adzuna',
    label: 'Adzuna',
    enabled: false,
    needs_key: true,
    key_configured: false,
    keys: 'ADZUNA_APP_ID, ADZUNA_APP_KEY',
    attribution: 'Jobs by Adzuna',
  }),
  sourceHealth({
    name: 'usajobs',
    label: 'USAJOBS',
    needs_key: true,
    key_configured: true,
    keys: 'USAJOBS_API_KEY, USAJOBS_EMAIL',
    last_success_at: ago(120),
    last_fetched: 3,
    total_fetched: 40,
  }),
  sourceHealth({
    name: 'remotive',
    label: 'Remotive',
    attribution: 'Jobs by Remotive (https://remotive.com): each job links back to its Remotive page.',
    last_success_at: ago(60 * 24 * 2),
    last_error_at: ago(5),
    last_error: LONG_ERROR,
    rate_limited_until: new Date(Date.now() + 30 * 60_000).toISOString(),
    last_fetched: 0,
    total_fetched: 1234,
  }),
  sourceHealth({ name: 'themuse', label: 'The Muse', enabled: false }),
  sourceHealth({
    name: 'greenhouse',
    label: 'Greenhouse',
    kind: 'company',
    last_success_at: ago(10),
    last_error: 'Board not found',
    last_error_at: ago(30),
    last_fetched: 12,
    total_fetched: 340,
  }),
];

function rowOf(name: string) {
  const table = screen.getByRole('table', { name: 'Job boards' });
  return within(table).getByRole('row', { name: new RegExp(`^${name}`) });
}

afterEach(() => {
  vi.useRealTimers();
});

describe('Sources', () => {
  it('shows every board with its type, status, last success and error, counts and key', async () => {
    installFakeServer({ ...SIGNED_IN, 'GET /api/v1/sources': () => json(200, SOURCES) });
    renderApp('/sources');
    expect(await screen.findByRole('heading', { level: 1, name: 'Sources' })).toBeInTheDocument();
    expect(screen.getByText(/API keys are set in the server's environment/)).toHaveTextContent(/not in the app/);
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Sources' })).toHaveAttribute('aria-current', 'page');

    const table = await screen.findByRole('table', { name: 'Job boards' });
    const rows = within(table).getAllByRole('row');
    expect(within(rows[0]).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual([
      'Board',
      'Type',
      'Status',
      'Last success',
      'Last error',
      'Fetched (last / total)',
      'Key',
    ]);
    expect(rows).toHaveLength(6);

    const adzuna = rowOf('Adzuna');
    expect(adzuna).toHaveTextContent('Jobs by Adzuna');
    expect(adzuna).toHaveTextContent('Search');
    expect(within(adzuna).getByText('Needs a key')).toBeInTheDocument();
    expect(adzuna).toHaveTextContent('Never');
    expect(adzuna).toHaveTextContent('Set ADZUNA_APP_ID, ADZUNA_APP_KEY');
    expect(adzuna).toHaveTextContent('0 / 0');

    const usajobs = rowOf('USAJOBS');
    expect(within(usajobs).getByText('Enabled')).toBeInTheDocument();
    expect(usajobs).toHaveTextContent('Configured');
    expect(usajobs).toHaveTextContent('2 hours ago');
    expect(usajobs).toHaveTextContent('3 / 40');

    const remotive = rowOf('Remotive');
    expect(within(remotive).getByText(/^Rate limited until /)).toBeInTheDocument();
    expect(remotive).toHaveTextContent('2 days ago');
    expect(remotive).toHaveTextContent(`0 / ${(1234).toLocaleString()}`);
    expect(remotive).toHaveTextContent('Not needed');
    expect(remotive).toHaveTextContent('each job links back to its Remotive page');
    // A long error shows its start; the whole of it is one click away.
    const details = remotive.querySelector('details')!;
    expect(details.querySelector('summary')).toHaveTextContent(/^HTTPStatusError: Server error 503 Service Unavailable for ur…$/);
    expect(details).not.toHaveAttribute('open');
    expect(details).toHaveTextContent('Traceback');
    expect(remotive).toHaveTextContent('5 minutes ago');

    expect(within(rowOf('The Muse')).getByText('Disabled')).toBeInTheDocument();

    const greenhouse = rowOf('Greenhouse');
    expect(greenhouse).toHaveTextContent('Company board');
    expect(within(greenhouse).getByText('Enabled')).toBeInTheDocument();
    expect(greenhouse).toHaveTextContent('Board not found');
    expect(greenhouse).toHaveTextContent('30 minutes ago');
    expect(greenhouse).toHaveTextContent('12 / 340');
  });

  it('works out the status: missing key, off, rate limited, or enabled', () => {
    const now = Date.parse('2025-11-20T12:00:00Z');
    expect(sourceStatus(sourceHealth({ name: 'a', needs_key: true, key_configured: false, enabled: false }), now)).toBe('needs_key');
    expect(sourceStatus(sourceHealth({ name: 'b', enabled: false, rate_limited_until: '2025-11-20T13:00:00Z' }), now)).toBe('disabled');
    expect(sourceStatus(sourceHealth({ name: 'c', rate_limited_until: '2025-11-20T13:00:00Z' }), now)).toBe('rate_limited');
    expect(sourceStatus(sourceHealth({ name: 'd', rate_limited_until: '2025-11-20T11:00:00Z' }), now)).toBe('enabled');
    expect(sourceStatus(sourceHealth({ name: 'e', needs_key: true, key_configured: true }), now)).toBe('enabled');
  });

  it('refreshes every 10 seconds while open', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const server = installFakeServer({ ...SIGNED_IN, 'GET /api/v1/sources': () => json(200, SOURCES) });
    renderApp('/sources');
    await screen.findByRole('table', { name: 'Job boards' });
    const calls = server.calls('GET /api/v1/sources').length;
    await act(() => vi.advanceTimersByTimeAsync(SOURCES_POLL_MS + 100));
    await waitFor(() => expect(server.calls('GET /api/v1/sources').length).toBe(calls + 1));
  });

  it('shows a load error with a retry', async () => {
    const server = installFakeServer({
      ...SIGNED_IN,
      'GET /api/v1/sources': () => json(503, { detail: 'Starting up', code: 'unavailable' }),
    });
    const { user } = renderApp('/sources');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the job boards');
    server.on('GET /api/v1/sources', () => json(200, SOURCES));
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('table', { name: 'Job boards' })).toBeInTheDocument();
  });
});
