import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SystemStatus } from '../../client/types';
import { renderApp } from '../../test/render';
import { installFakeServer, json, TOKEN, USER, type Handler } from '../../test/fakeServer';
import { systemStatus } from '../../test/fixtures';

const ADMIN = { ...USER, is_admin: true };

const POSTGRES = systemStatus({
  database: 'postgresql',
  cache_backend: 'redis',
  pool: { size: 10, max_overflow: 10, checked_out: 1, timeout_seconds: 30, recycle_seconds: 1800 },
  partition_months_ahead: 3,
  time_series: [
    {
      table: 'job_source_record',
      time_column: 'fetched_at',
      partitioned: true,
      retention_months: 12,
      rows: 1_234_567,
      partitions: [
        { name: 'job_source_record_p202610', month: '2026-10-01', rows: 1_200_000, bytes: 350_000_000 },
        { name: 'job_source_record_p202611', month: '2026-11-01', rows: 34_567, bytes: 12_000_000 },
        { name: 'job_source_record_p202612', month: '2026-12-01', rows: 0, bytes: 16_384 },
        { name: 'job_source_record_default', month: null, rows: 0, bytes: 8_192 },
      ],
    },
    {
      table: 'application_event',
      time_column: 'at',
      partitioned: true,
      retention_months: 0,
      rows: 5_000,
      partitions: [{ name: 'application_event_p202611', month: '2026-11-01', rows: 5_000, bytes: 900_000 }],
    },
  ],
  catalogue: { active: 12_345, archived: 678, retention_days: 120 },
  cache: [
    { family: 'jobs.search', hits: 7, misses: 1, errors: 0, hit_ratio: 0.875 },
    { family: 'skills.trends', hits: 0, misses: 0, errors: 2, hit_ratio: null },
  ],
});

const SQLITE = systemStatus({
  database: 'sqlite',
  cache_backend: 'memory',
  pool: { size: null, max_overflow: null, checked_out: null, timeout_seconds: 30, recycle_seconds: 1800 },
  time_series: [
    { table: 'llm_call', time_column: 'created_at', partitioned: false, retention_months: 6, rows: 42, partitions: [] },
  ],
  catalogue: { active: 3, archived: 0, retention_days: 0 },
  cache: [],
});

function systemServer(handler: Handler, me = ADMIN) {
  return installFakeServer({
    'POST /api/v1/auth/refresh': () => json(200, TOKEN('t1')),
    'GET /api/v1/auth/me': () => json(200, me),
    'GET /api/v1/admin/system': handler,
  });
}

const answer = (status: SystemStatus) => () => json(200, status);

function section(name: string) {
  return screen.findByRole('region', { name });
}

afterEach(() => {
  vi.useRealTimers();
});

describe('System (admin)', () => {
  it('shows the database, catalogue, partitions and cache of a PostgreSQL deployment', async () => {
    const server = systemServer(answer(POSTGRES));
    const { user } = renderApp('/admin/system');
    expect(await screen.findByRole('heading', { level: 1, name: 'System' })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'System' })).toHaveAttribute('aria-current', 'page');

    const database = await section('Database');
    expect(await within(database).findByText('PostgreSQL')).toBeInTheDocument();
    expect(within(database).getByText('10 kept + 10 overflow per process, 1 in use')).toBeInTheDocument();
    expect(within(database).getByText('Up to 30 seconds')).toBeInTheDocument();
    expect(within(database).getByText('Every 30 minutes')).toBeInTheDocument();

    const catalogue = await section('Catalogue');
    expect(within(catalogue).getByText((12_345).toLocaleString())).toBeInTheDocument();
    expect(within(catalogue).getByText('678')).toBeInTheDocument();
    expect(
      within(catalogue).getByText('Postings no board has listed for 120 days, and that nobody tracks, are archived.'),
    ).toBeInTheDocument();

    const series = await section('Time series');
    expect(within(series).getByText(/created 3 months ahead/)).toBeInTheDocument();
    const rows = within(within(series).getByRole('table', { name: 'Time-series tables' })).getAllByRole('row');
    expect(within(rows[0]).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual([
      'Table',
      'Partitioned by month',
      'Rows',
      'Retention',
      'Partitions',
    ]);
    expect(rows[1]).toHaveTextContent('job_source_record');
    expect(rows[1]).toHaveTextContent('Yes, on fetched_at');
    expect(rows[1]).toHaveTextContent((1_234_567).toLocaleString());
    expect(rows[1]).toHaveTextContent('12 months');
    expect(rows[1]).toHaveTextContent('4 partitions');
    expect(rows[1]).toHaveTextContent('newest Dec 2026, oldest Oct 2026');
    expect(rows[2]).toHaveTextContent('kept forever');
    expect(rows[2]).toHaveTextContent('1 partition');

    // The partitions, newest first and the default last, are one click away.
    const summary = within(series).getByText('Partitions of job_source_record (4)');
    const details = summary.closest('details')!;
    expect(details).not.toHaveAttribute('open');
    await user.click(summary);
    expect(details).toHaveAttribute('open');
    const partitions = within(within(details).getByRole('table', { name: 'Partitions of job_source_record' })).getAllByRole('row');
    expect(partitions.slice(1).map((row) => within(row).getByRole('rowheader').firstChild?.textContent)).toEqual([
      'Dec 2026',
      'Nov 2026',
      'Oct 2026',
      'Default (outside the months above)',
    ]);
    expect(partitions[3]).toHaveTextContent((1_200_000).toLocaleString());
    expect(partitions[3]).toHaveTextContent('350 MB');
    expect(partitions[1]).toHaveTextContent('16 kB');
    expect(partitions[4]).toHaveTextContent('8.2 kB');

    const cache = await section('Cache');
    expect(within(cache).getByText('Redis (shared by every process)')).toBeInTheDocument();
    expect(within(cache).getByText(/this web process since it started/)).toBeInTheDocument();
    const families = within(within(cache).getByRole('table', { name: 'Cache lookups by key family' })).getAllByRole('row');
    expect(families[1]).toHaveTextContent('jobs.search');
    expect(within(families[1]).getByText('87.5%')).toBeInTheDocument();
    expect(families[2]).toHaveTextContent('skills.trends');
    expect(families[2]).toHaveTextContent('—');

    const [call] = server.calls('GET /api/v1/admin/system');
    expect(call.headers.get('Authorization')).toBe('Bearer t1');
  });

  it('says SQLite has no pool and no partitions, and when nothing has been cached', async () => {
    systemServer(answer(SQLITE));
    renderApp('/admin/system');
    const database = await section('Database');
    expect(await within(database).findByText('SQLite')).toBeInTheDocument();
    expect(within(database).getByText('SQLite: one file, no pool')).toBeInTheDocument();
    expect(within(database).queryByText(/kept \+/)).not.toBeInTheDocument();
    expect(within(database).queryByText(/in use/)).not.toBeInTheDocument();

    expect(within(await section('Catalogue')).getByText('Postings are never archived.')).toBeInTheDocument();

    const series = await section('Time series');
    expect(within(series).getByText(/plain tables: the daily upkeep deletes rows/)).toBeInTheDocument();
    const rows = within(series).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('No (created_at)');
    expect(rows[1]).toHaveTextContent('6 months');
    expect(within(series).queryByText(/^Partitions of/)).not.toBeInTheDocument();

    const cache = await section('Cache');
    expect(within(cache).getByText('In this process')).toBeInTheDocument();
    expect(within(cache).getByText('No cache lookups yet on this web process.')).toBeInTheDocument();
    expect(within(cache).queryByRole('table')).not.toBeInTheDocument();
  });

  it('refreshes every 10 seconds while open', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let status = POSTGRES;
    const server = systemServer(() => json(200, status));
    renderApp('/admin/system');
    const catalogue = await section('Catalogue');
    expect(await within(catalogue).findByText('678')).toBeInTheDocument();
    const calls = server.calls('GET /api/v1/admin/system').length;

    status = { ...POSTGRES, catalogue: { ...POSTGRES.catalogue, archived: 700 } };
    await act(() => vi.advanceTimersByTimeAsync(10_100));
    await waitFor(() => expect(server.calls('GET /api/v1/admin/system')).toHaveLength(calls + 1));
    expect(await within(catalogue).findByText('700')).toBeInTheDocument();
  });

  it('shows the error with a retry', async () => {
    let fail = true;
    systemServer(() =>
      fail ? json(500, { detail: 'The database did not answer.', code: 'internal' }) : json(200, POSTGRES),
    );
    const { user } = renderApp('/admin/system');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the system status');
    expect(alert).toHaveTextContent('The database did not answer.');
    expect(screen.queryByRole('region', { name: 'Database' })).not.toBeInTheDocument();

    fail = false;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await within(await section('Database')).findByText('PostgreSQL')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('tells a non-administrator the page is not for them, stops asking, and has no link to it', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const server = systemServer(() => json(403, { detail: 'Only an administrator can do this.', code: 'forbidden' }), USER);
    renderApp('/admin/system');
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Only administrators can see the system status' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to the dashboard' })).toHaveAttribute('href', '/');
    expect(screen.queryByRole('region', { name: 'Database' })).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).queryByRole('link', { name: 'System' })).not.toBeInTheDocument();

    await act(() => vi.advanceTimersByTimeAsync(20_100));
    expect(server.calls('GET /api/v1/admin/system')).toHaveLength(1);
  });
});
