import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TaskRunRead } from '../../client/types';
import { renderApp } from '../../test/render';
import { installFakeServer, json, TOKEN, USER, type Handler } from '../../test/fakeServer';
import { backup, page, queueOverview, taskRun } from '../../test/fixtures';

const ADMIN = { ...USER, is_admin: true };
const minutesFromNow = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

const FAILED = taskRun({
  id: 12,
  state: 'failed',
  attempts: 3,
  error: 'SMTPServerDisconnected: Connection unexpectedly closed by smtp.example.com while sending the evening summary',
  duration_ms: 1234,
});
const RUNNING = taskRun({ id: 13, name: 'notifications.send_evening_summary', user_id: null, state: 'running', duration_ms: null });
const RETRYING = taskRun({ id: 14, state: 'retrying', attempts: 2, next_attempt_at: minutesFromNow(5), error: 'Timeout' });
const DONE = taskRun({ id: 11, state: 'succeeded', duration_ms: 850 });

const OVERVIEW = queueOverview({
  mode: 'embedded',
  counts: { queued: 2, running: 1, retrying: 1, succeeded: 40, failed: 1 },
  schedule: [
    {
      key: 'evening-summaries',
      task: 'notifications.send_evening_summary',
      title: 'Evening summaries',
      every_seconds: 900,
      last_run_at: new Date(Date.now() - 3 * 60_000).toISOString(),
      last_state: 'succeeded',
      next_run_at: minutesFromNow(12),
    },
    {
      key: 'auth-housekeeping',
      task: 'auth.purge_expired',
      title: 'Housekeeping',
      every_seconds: 3600,
      last_run_at: null,
      last_state: null,
      next_run_at: minutesFromNow(50),
    },
  ],
  workers: [
    {
      hostname: 'copilot-web-1',
      mode: 'embedded',
      started_at: new Date(Date.now() - 2 * 3_600_000).toISOString(),
      last_seen_at: new Date(Date.now() - 10_000).toISOString(),
    },
  ],
});

/** An admin session; the list honours `state`, `page` and `size` like the API. */
function queueServer(items: TaskRunRead[] = [RETRYING, RUNNING, FAILED, DONE], extra: Record<string, Handler> = {}) {
  return installFakeServer({
    'POST /api/v1/auth/refresh': () => json(200, TOKEN('t1')),
    'GET /api/v1/auth/me': () => json(200, ADMIN),
    'GET /api/v1/admin/tasks/overview': () => json(200, OVERVIEW),
    'GET /api/v1/admin/backups': () => json(200, []),
    'GET /api/v1/admin/tasks': (request) => {
      const query = new URL(request.url).searchParams;
      const state = query.get('state');
      const size = Number(query.get('size') ?? 20);
      const number = Number(query.get('page') ?? 1);
      const matching = state ? items.filter((item) => item.state === state) : items;
      return json(200, page(matching.slice((number - 1) * size, number * size), matching.length, number, size));
    },
    ...extra,
  });
}

function section(name: string) {
  return screen.findByRole('region', { name });
}

afterEach(() => {
  vi.useRealTimers();
});

describe('Task queue (admin)', () => {
  it('shows the mode, counts by state, the schedule, the workers and the tasks', async () => {
    const server = queueServer();
    const { user } = renderApp('/admin/tasks');
    expect(await screen.findByRole('heading', { level: 1, name: 'Task queue' })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Task queue' })).toHaveAttribute('aria-current', 'page');

    const overview = await section('Overview');
    expect(await within(overview).findByText('Embedded worker (in the web process)')).toBeInTheDocument();
    const counts = within(within(overview).getByRole('list', { name: 'Tasks by state' })).getAllByRole('listitem');
    expect(counts.map((item) => item.textContent)).toEqual([
      '2 queued',
      '1 running',
      '1 retrying',
      '40 succeeded',
      '1 failed',
      '0 cancelled',
    ]);

    const schedule = within(await section('Scheduled')).getAllByRole('row');
    expect(schedule).toHaveLength(3);
    expect(schedule[1]).toHaveTextContent('notifications.send_evening_summary');
    expect(schedule[1]).toHaveTextContent('Evening summaries');
    expect(schedule[1]).toHaveTextContent('Every 15 minutes');
    expect(schedule[1]).toHaveTextContent('3 minutes ago');
    expect(schedule[1]).toHaveTextContent('Succeeded');
    expect(schedule[1]).toHaveTextContent(/in 1[12] minutes/);
    expect(schedule[2]).toHaveTextContent('Every hour');
    expect(schedule[2]).toHaveTextContent('Never');

    const workers = within(await section('Workers')).getAllByRole('row');
    expect(workers[1]).toHaveTextContent('copilot-web-1');
    expect(workers[1]).toHaveTextContent('just now');

    const tasks = await section('Tasks');
    const rows = (await within(tasks).findAllByRole('row')).slice(1);
    expect(rows).toHaveLength(4);
    expect(within(tasks).getByText('4 tasks')).toBeInTheDocument();
    expect(rows[0]).toHaveTextContent('Retrying');
    expect(rows[0]).toHaveTextContent(/Next attempt in [45] minutes/);
    expect(rows[1]).toHaveTextContent('system');
    expect(rows[2]).toHaveTextContent('notifications.deliver_evening_summary');
    // What the task is called on screen comes from the server, with its name beside it for operators.
    expect(rows[2]).toHaveTextContent('Evening summary');
    expect(rows[2]).toHaveTextContent('#12');
    expect(rows[2]).toHaveTextContent('1.2 s');
    expect(rows[3]).toHaveTextContent('850 ms');

    // A long error is cut short; the whole text is one click away.
    const error = within(rows[2]).getByText(/^SMTPServerDisconnected: Connection unexpectedly closed by .*…$/);
    const details = error.closest('details')!;
    expect(details).not.toHaveAttribute('open');
    expect(within(details).getByText(FAILED.error!)).not.toBeVisible();
    await user.click(error);
    expect(details).toHaveAttribute('open');
    expect(within(details).getByText(FAILED.error!)).toBeVisible();

    // Only what makes sense for each state.
    expect(within(rows[0]).getByRole('button', { name: 'Cancel notifications.deliver_evening_summary #14' })).toBeInTheDocument();
    expect(within(rows[1]).getByRole('button', { name: 'Cancel notifications.send_evening_summary #13' })).toBeInTheDocument();
    expect(within(rows[2]).getByRole('button', { name: 'Retry notifications.deliver_evening_summary #12' })).toBeInTheDocument();
    expect(within(rows[3]).queryByRole('button')).not.toBeInTheDocument();

    const [list] = server.calls('GET /api/v1/admin/tasks');
    expect(list.headers.get('Authorization')).toBe('Bearer t1');
    const query = new URL(list.url).searchParams;
    expect(query.get('page')).toBe('1');
    expect(query.get('size')).toBe('20');
    expect(query.has('state')).toBe(false);
  });

  it('filters by state and pages through the list', async () => {
    const many = Array.from({ length: 25 }, (_, index) => taskRun({ id: 100 - index, state: 'failed', error: 'boom' }));
    const server = queueServer([...many, DONE]);
    const { user } = renderApp('/admin/tasks');
    const tasks = await section('Tasks');
    const filter = within(tasks).getByLabelText('State');
    expect(filter).toHaveValue('all');
    await within(tasks).findByText('26 tasks, page 1 of 2');

    await user.selectOptions(filter, 'Failed');
    expect(await within(tasks).findByText('25 tasks, page 1 of 2')).toBeInTheDocument();
    expect(new URL(server.calls('GET /api/v1/admin/tasks').at(-1)!.url).searchParams.get('state')).toBe('failed');
    expect(within(tasks).getAllByRole('row')).toHaveLength(21);

    await user.click(within(tasks).getByRole('button', { name: 'Page 2' }));
    expect(await within(tasks).findByText('25 tasks, page 2 of 2')).toBeInTheDocument();
    const last = new URL(server.calls('GET /api/v1/admin/tasks').at(-1)!.url).searchParams;
    expect(last.get('page')).toBe('2');
    expect(last.get('state')).toBe('failed');
    await waitFor(() => expect(within(tasks).getAllByRole('row')).toHaveLength(6));
  });

  it('retries a failed task and cancels a running one, then refreshes', async () => {
    const server = queueServer(undefined, {
      'POST /api/v1/admin/tasks/12/retry': () => json(202, taskRun({ id: 15, state: 'queued', retry_of_id: 12 })),
      'POST /api/v1/admin/tasks/13/cancel': () => json(200, { ...RUNNING, cancel_requested: true }),
    });
    const { user } = renderApp('/admin/tasks');
    const retry = await screen.findByRole('button', { name: 'Retry notifications.deliver_evening_summary #12' });
    const listCalls = server.calls('GET /api/v1/admin/tasks').length;
    const overviewCalls = server.calls('GET /api/v1/admin/tasks/overview').length;

    await user.click(retry);
    expect(await screen.findByText('notifications.deliver_evening_summary #12 queued again as #15.')).toBeInTheDocument();
    const [retried] = server.calls('POST /api/v1/admin/tasks/12/retry');
    expect(retried.headers.get('Authorization')).toBe('Bearer t1');
    await waitFor(() => expect(server.calls('GET /api/v1/admin/tasks').length).toBeGreaterThan(listCalls));
    await waitFor(() => expect(server.calls('GET /api/v1/admin/tasks/overview').length).toBeGreaterThan(overviewCalls));

    await user.click(screen.getByRole('button', { name: 'Cancel notifications.send_evening_summary #13' }));
    expect(await screen.findByText('Cancel requested for notifications.send_evening_summary #13.')).toBeInTheDocument();
    expect(server.calls('POST /api/v1/admin/tasks/13/cancel')).toHaveLength(1);
  });

  it('shows why a task could not be cancelled', async () => {
    queueServer(undefined, {
      'POST /api/v1/admin/tasks/13/cancel': () =>
        json(409, { detail: 'This task has already ended (succeeded).', code: 'not_cancellable' }),
    });
    const { user } = renderApp('/admin/tasks');
    await user.click(await screen.findByRole('button', { name: 'Cancel notifications.send_evening_summary #13' }));
    const tasks = await section('Tasks');
    const alert = await within(tasks).findByRole('alert');
    expect(alert).toHaveTextContent('The task was not cancelled');
    expect(alert).toHaveTextContent('This task has already ended (succeeded).');
  });

  it('runs a scheduled task now', async () => {
    const server = queueServer(undefined, {
      'POST /api/v1/admin/schedule/evening-summaries/run': () =>
        json(202, taskRun({ id: 20, name: 'notifications.send_evening_summary', state: 'queued', user_id: null })),
    });
    const { user } = renderApp('/admin/tasks');
    await user.click(await screen.findByRole('button', { name: 'Run now notifications.send_evening_summary' }));
    expect(await screen.findByText('notifications.send_evening_summary queued')).toBeInTheDocument();
    expect(screen.getByText('Task #20 runs as soon as a worker is free.')).toBeInTheDocument();
    expect(server.calls('POST /api/v1/admin/schedule/evening-summaries/run')).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Run now auth.purge_expired' })).toBeInTheDocument();
  });

  it('refreshes the overview and the list every 5 seconds while open', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const server = queueServer();
    renderApp('/admin/tasks');
    await screen.findByRole('button', { name: 'Retry notifications.deliver_evening_summary #12' });
    const lists = server.calls('GET /api/v1/admin/tasks').length;
    const overviews = server.calls('GET /api/v1/admin/tasks/overview').length;
    await act(() => vi.advanceTimersByTimeAsync(5_100));
    await waitFor(() => expect(server.calls('GET /api/v1/admin/tasks').length).toBe(lists + 1));
    expect(server.calls('GET /api/v1/admin/tasks/overview')).toHaveLength(overviews + 1);
  });

  it('lists the backups, and says so when there are none', async () => {
    queueServer(undefined, {
      'GET /api/v1/admin/backups': () =>
        json(200, [
          backup({ name: 'copilot-backup-20251120-0300.zip', size_bytes: 2_400_000 }),
          backup({ name: 'copilot-backup-20251119-0300.zip', size_bytes: 512, created_at: minutesFromNow(-26 * 60) }),
        ]),
    });
    renderApp('/admin/tasks');
    const backups = await section('Backups');
    expect(within(backups).getByText('backups/')).toBeInTheDocument();
    expect(within(backups).getByText('copilot restore FILE')).toBeInTheDocument();
    const table = await within(backups).findByRole('table', { name: 'Backups, newest first' });
    const rows = within(table).getAllByRole('row');
    expect(within(rows[0]).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['Name', 'Size', 'Made']);
    expect(rows).toHaveLength(3);
    expect(rows[1]).toHaveTextContent('copilot-backup-20251120-0300.zip');
    expect(rows[1]).toHaveTextContent('2.4 MB');
    expect(rows[1]).toHaveTextContent('3 hours ago');
    expect(rows[2]).toHaveTextContent('512 bytes');
    expect(rows[2]).toHaveTextContent('yesterday');
  });

  it('backs up now, says it started, and looks for the new file a few seconds later', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let files: ReturnType<typeof backup>[] = [];
    const server = queueServer(undefined, {
      'GET /api/v1/admin/backups': () => json(200, files),
      'POST /api/v1/admin/backups': () => json(202, taskRun({ id: 30, name: 'data.backup', state: 'queued', user_id: null })),
    });
    const { user } = renderApp('/admin/tasks');
    const backups = await section('Backups');
    expect(await within(backups).findByText('No backups yet.')).toBeInTheDocument();

    await user.click(within(backups).getByRole('button', { name: 'Back up now' }));
    expect(await screen.findByText('Backup started')).toBeInTheDocument();
    const [started] = server.calls('POST /api/v1/admin/backups');
    expect(started.headers.get('Authorization')).toBe('Bearer t1');

    files = [backup({ name: 'copilot-backup-now.zip', created_at: new Date().toISOString() })];
    await act(() => vi.advanceTimersByTimeAsync(3_100));
    expect(await within(backups).findByText('copilot-backup-now.zip')).toBeInTheDocument();
    expect(within(backups).queryByText('No backups yet.')).not.toBeInTheDocument();
  });

  it('tells a non-administrator the page is not for them, and has no link to it', async () => {
    const forbidden = () => json(403, { detail: 'Only an administrator can do this.', code: 'forbidden' });
    const server = installFakeServer({
      'POST /api/v1/auth/refresh': () => json(200, TOKEN('t1')),
      'GET /api/v1/auth/me': () => json(200, USER),
      'GET /api/v1/admin/tasks/overview': forbidden,
      'GET /api/v1/admin/tasks': forbidden,
    });
    renderApp('/admin/tasks');
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Only administrators can see the task queue' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to the dashboard' })).toHaveAttribute('href', '/');
    expect(screen.queryByRole('region', { name: 'Tasks' })).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).queryByRole('link', { name: 'Task queue' })).not.toBeInTheDocument();
    expect(server.calls('GET /api/v1/admin/tasks/overview')).toHaveLength(1);
  });
});
