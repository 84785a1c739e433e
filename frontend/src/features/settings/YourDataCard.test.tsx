import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ExportRead } from '../../client/types';
import { renderApp } from '../../test/render';
import { AUTH_CONFIG, installFakeServer, json, noContent, PROFILE, type Handler } from '../../test/fakeServer';
import { envelope, FakeWebSocket } from '../../test/fakeWebSocket';
import { aiStatus, dataExport, notification, SIGNED_IN } from '../../test/fixtures';
import { importSummary } from './YourDataCard';

/** Settings for a signed-in user with a password; `exports` is what GET /users/me/exports answers. */
function dataServer(extra: Record<string, Handler> = {}, initial: ExportRead[] = []) {
  const state = { exports: initial };
  const server = installFakeServer({
    ...SIGNED_IN,
    'GET /api/v1/auth/config': () => json(200, AUTH_CONFIG),
    'GET /api/v1/users/me/connections': () => json(200, { has_password: true, connections: [], available: [] }),
    'GET /api/v1/users/me': () => json(200, PROFILE),
    'GET /api/v1/users/me/exports': () => json(200, state.exports),
    'GET /api/v1/ai/status': () => json(200, aiStatus()),
    ...extra,
  });
  return { server, state };
}

function region(name: string) {
  return screen.findByRole('region', { name });
}

afterEach(() => {
  vi.useRealTimers();
});

describe('Settings: your data, download', () => {
  it('lists recent exports: a ready one has a download link, size and expiry', async () => {
    dataServer({}, [
      dataExport({ id: 3, status: 'running' }),
      dataExport({ id: 2 }),
      dataExport({ id: 1, status: 'failed', error: 'The disk is full.' }),
    ]);
    renderApp('/settings');
    const card = await region('Your data');
    expect(within(card).getByRole('heading', { level: 2, name: 'Your data' })).toBeInTheDocument();
    const download = await region('Download my data');
    expect(
      within(download).getByText(/profile, skills, the jobs you added, your applications with their history and notes/),
    ).toBeInTheDocument();
    const rows = within(await within(download).findByRole('list', { name: 'Recent exports' })).getAllByRole('listitem');
    expect(rows).toHaveLength(3);
    expect(rows[0]).toHaveTextContent('Export #3');
    expect(rows[0]).toHaveTextContent('Preparing');
    expect(within(rows[0]).queryByRole('link')).not.toBeInTheDocument();

    expect(rows[1]).toHaveTextContent('Ready');
    expect(rows[1]).toHaveTextContent('48 kB');
    expect(rows[1]).toHaveTextContent(/expires in 2[23] hours/);
    const link = within(rows[1]).getByRole('link', { name: 'Download export #2' });
    expect(link).toHaveAttribute('href', '/api/v1/exports/download?token=signed-2');
    expect(link).toHaveAttribute('download');

    expect(rows[2]).toHaveTextContent('Failed');
    expect(rows[2]).toHaveTextContent('The disk is full.');
    expect(within(rows[2]).queryByRole('link')).not.toBeInTheDocument();
  });

  it('asks for an export, then polls every 2 s until it is ready', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { server, state } = dataServer({
      'POST /api/v1/users/me/exports': () => {
        state.exports = [dataExport({ id: 4, status: 'pending' })];
        return json(202, state.exports[0]);
      },
    });
    const { user } = renderApp('/settings');
    const download = await region('Download my data');
    expect(await within(download).findByText('You have not exported your data yet.')).toBeInTheDocument();

    await user.click(within(download).getByRole('button', { name: 'Prepare my data export' }));
    expect(await screen.findByText('Preparing your data export')).toBeInTheDocument();
    const [request] = server.calls('POST /api/v1/users/me/exports');
    expect(request.headers.get('Authorization')).toBe('Bearer t1');
    const row = await within(download).findByRole('listitem');
    expect(row).toHaveTextContent('Export #4');
    expect(row).toHaveTextContent('Waiting');

    state.exports = [dataExport({ id: 4 })];
    const lists = server.calls('GET /api/v1/users/me/exports').length;
    await act(() => vi.advanceTimersByTimeAsync(2_100));
    await waitFor(() => expect(server.calls('GET /api/v1/users/me/exports').length).toBeGreaterThan(lists));
    expect(await within(download).findByRole('link', { name: 'Download export #4' })).toHaveAttribute(
      'href',
      '/api/v1/exports/download?token=signed-4',
    );

    // Nothing in progress any more: no more polling.
    const settled = server.calls('GET /api/v1/users/me/exports').length;
    await act(() => vi.advanceTimersByTimeAsync(4_500));
    expect(server.calls('GET /api/v1/users/me/exports')).toHaveLength(settled);
  });

  it("shows the server's message when an export is already being prepared", async () => {
    dataServer({
      'POST /api/v1/users/me/exports': () =>
        json(429, { detail: 'An export is already being prepared; it will be ready in a moment.', code: 'rate_limited' }),
    });
    const { user } = renderApp('/settings');
    const download = await region('Download my data');
    await user.click(within(download).getByRole('button', { name: 'Prepare my data export' }));
    const alert = await within(download).findByRole('alert');
    expect(alert).toHaveTextContent('No new export was started');
    expect(alert).toHaveTextContent('An export is already being prepared; it will be ready in a moment.');
    expect(screen.queryByText('Preparing your data export')).not.toBeInTheDocument();
  });

  it('refreshes the list when a notification says the export is ready', async () => {
    // Nothing in progress here (so no polling): another tab asked for the export.
    const { server, state } = dataServer({}, [dataExport({ id: 4 })]);
    renderApp('/settings');
    const download = await region('Download my data');
    expect(await within(download).findByRole('link', { name: 'Download export #4' })).toBeInTheDocument();
    await waitFor(() => expect(FakeWebSocket.instances).toHaveLength(1));
    const ws = FakeWebSocket.latest();
    ws.open();
    ws.ready();

    state.exports = [dataExport({ id: 5 }), dataExport({ id: 4 })];
    const lists = server.calls('GET /api/v1/users/me/exports').length;
    ws.receive(
      envelope('notification.created', notification({ id: 9, type: 'export.ready', title: 'Your data export is ready' }), 9),
    );
    expect(await within(download).findByRole('link', { name: 'Download export #5' })).toBeInTheDocument();
    expect(server.calls('GET /api/v1/users/me/exports').length).toBeGreaterThan(lists);
  });
});

describe('Settings: your data, accessibility', () => {
  it('underlines links inside text, and gives the file field a readable placeholder', async () => {
    dataServer({}, [dataExport({ id: 2 })]);
    renderApp('/settings');
    const download = await region('Download my data');
    // Not told from the text around it by colour alone (axe: link-in-text-block).
    expect(await within(download).findByRole('link', { name: 'Download export #2' })).toHaveAttribute('data-underline', 'always');
    expect(screen.getByRole('link', { name: 'Change your timezone' })).toHaveAttribute('data-underline', 'always');
    // The FileInput placeholder is real text: Mantine's grey (2:1 on white) fails contrast; the dimmed colour passes.
    const section = await region('Bring data from another Career Copilot');
    expect(within(section).getByText('Choose a file')).toHaveStyle({ color: 'var(--mantine-color-dimmed)' });
  });
});

describe('Settings: your data, import', () => {
  const ZIP = () => new File(['PK'], 'career-copilot-export-7.zip', { type: 'application/zip' });

  async function chooseFile(user: ReturnType<typeof renderApp>['user']) {
    const section = await region('Bring data from another Career Copilot');
    expect(within(section).getByText(/only into a new, empty account/)).toBeInTheDocument();
    const input = section.querySelector<HTMLInputElement>('input[type="file"]')!;
    expect(input).toHaveAttribute('accept', '.zip,application/zip');
    expect(within(section).getByRole('button', { name: 'Import' })).toBeDisabled();
    await user.upload(input, ZIP());
    expect(within(section).getByRole('button', { name: /Export file \(\.zip\)/ })).toHaveTextContent(
      'career-copilot-export-7.zip',
    );
    return section;
  }

  it('uploads the ZIP as multipart, summarises what came in and refreshes everything', async () => {
    const { server } = dataServer({
      'POST /api/v1/users/me/import': () =>
        json(200, {
          imported: { skills: 3, jobs: 2, applications: 2, application_events: 5, notifications: 0, outbox_messages: 1, files: 1 },
        }),
    });
    const { user } = renderApp('/settings');
    const section = await chooseFile(user);
    const profileCalls = server.calls('GET /api/v1/users/me').length;
    const meCalls = server.calls('GET /api/v1/auth/me').length;

    await user.click(within(section).getByRole('button', { name: 'Import' }));
    expect(await screen.findByText('Imported 2 jobs and 2 applications')).toBeInTheDocument();
    expect(screen.getByText('Also 3 skills and 1 file.')).toBeInTheDocument();

    const [upload] = server.calls('POST /api/v1/users/me/import');
    expect(upload.headers.get('Authorization')).toBe('Bearer t1');
    expect(upload.headers.get('Content-Type')).toMatch(/^multipart\/form-data; boundary=/);
    const form = await upload.formData();
    expect(form.get('file')).toMatchObject({ type: 'application/zip' });
    // Every query is invalidated (the profile on this page is fetched again), and the session's user too.
    await waitFor(() => expect(server.calls('GET /api/v1/users/me').length).toBeGreaterThan(profileCalls));
    await waitFor(() => expect(server.calls('GET /api/v1/auth/me').length).toBeGreaterThan(meCalls));
    expect(within(section).getByRole('button', { name: 'Import' })).toBeDisabled();
  });

  it('says nothing was imported, and why', async () => {
    dataServer({
      'POST /api/v1/users/me/import': () =>
        json(400, { detail: 'This ZIP is not a Career Copilot export.', code: 'import_refused' }),
    });
    const { user } = renderApp('/settings');
    const section = await chooseFile(user);
    await user.click(within(section).getByRole('button', { name: 'Import' }));
    const alert = await within(section).findByRole('alert');
    expect(alert).toHaveTextContent('Nothing was imported');
    expect(alert).toHaveTextContent('This ZIP is not a Career Copilot export.');
    expect(screen.queryByText(/^Imported /)).not.toBeInTheDocument();
  });

  it('summarises counts in words', () => {
    expect(importSummary({ imported: { jobs: 1, applications: 0 } })).toEqual({
      title: 'Imported 1 job and 0 applications',
      message: 'Your data is in place.',
    });
    expect(importSummary({ imported: { jobs: 0, applications: 1, skills: 1, notifications: 4, files: 2 } }).message).toBe(
      'Also 1 skill, 4 notifications, and 2 files.',
    );
  });
});

describe('Settings: delete my account', () => {
  async function openDialog(user: ReturnType<typeof renderApp>['user']) {
    const section = await region('Delete my account');
    await user.click(within(section).getByRole('button', { name: 'Delete my account…' }));
    return screen.findByRole('dialog', { name: 'Delete your account?' });
  }

  it("asks for the password; a wrong one keeps the dialog open with the server's message", async () => {
    const { server } = dataServer({
      'DELETE /api/v1/users/me': () =>
        json(403, { detail: 'That password is not right. Your account was not deleted.', code: 'deletion_not_confirmed' }),
    });
    const { user } = renderApp('/settings');
    const dialog = await openDialog(user);
    expect(dialog).toHaveTextContent('Job postings shared with other users stay.');
    expect(dialog).toHaveTextContent('download it first');
    const confirm = within(dialog).getByRole('button', { name: 'Delete my account forever' });
    expect(confirm).toBeDisabled();
    expect(within(dialog).queryByLabelText(/Type "delete my account" to confirm/)).not.toBeInTheDocument();

    await user.type(within(dialog).getByLabelText(/^Your password/), 'not my password');
    expect(confirm).toBeEnabled();
    await user.click(confirm);
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'That password is not right. Your account was not deleted.',
    );
    expect(screen.getByRole('dialog', { name: 'Delete your account?' })).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/settings');
    const [request] = server.calls('DELETE /api/v1/users/me');
    expect(request.headers.get('Authorization')).toBe('Bearer t1');
    expect(await request.json()).toEqual({ password: 'not my password' });
  });

  it('deletes the account, signs out here without asking the server, and lands on /login', async () => {
    const { server } = dataServer({
      'DELETE /api/v1/users/me': () => noContent(),
      'GET /api/v1/auth/oauth/providers': () => json(200, []),
    });
    const { user } = renderApp('/settings');
    const dialog = await openDialog(user);
    await user.type(within(dialog).getByLabelText(/^Your password/), 'correct horse battery');
    await user.click(within(dialog).getByRole('button', { name: 'Delete my account forever' }));

    expect(await screen.findByText('Your account was deleted')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/login$/));
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(await server.calls('DELETE /api/v1/users/me')[0].json()).toEqual({ password: 'correct horse battery' });
    expect(server.calls('POST /api/v1/auth/logout')).toHaveLength(0);
    expect(document.cookie).not.toContain('copilot_session=1');
  });

  it('asks an account without a password to type the phrase, and sends it', async () => {
    const { server } = dataServer({
      'GET /api/v1/users/me/connections': () =>
        json(200, {
          has_password: false,
          connections: [{ provider: 'google', label: 'Google', email: 'ada.l@gmail.example' }],
          available: [],
        }),
      'DELETE /api/v1/users/me': () => noContent(),
    });
    const { user } = renderApp('/settings');
    const dialog = await openDialog(user);
    expect(within(dialog).queryByLabelText(/^Your password/)).not.toBeInTheDocument();
    const phrase = await within(dialog).findByLabelText(/^Type "delete my account" to confirm/);
    const confirm = within(dialog).getByRole('button', { name: 'Delete my account forever' });
    expect(confirm).toBeDisabled();
    await user.type(phrase, 'delete my account');
    await user.click(confirm);
    expect(await screen.findByText('Your account was deleted')).toBeInTheDocument();
    expect(await server.calls('DELETE /api/v1/users/me')[0].json()).toEqual({ confirm: 'delete my account' });
  });
});
