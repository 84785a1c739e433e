import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderApp } from '../../test/render';
import { AUTH_CONFIG, installFakeServer, json, noContent, PROFILE, TOKEN, USER } from '../../test/fakeServer';
import { aiStatus, taskRun } from '../../test/fixtures';

const signedIn = {
  'POST /api/v1/auth/refresh': () => json(200, TOKEN('t1')),
  'GET /api/v1/auth/me': () => json(200, USER),
  'GET /api/v1/auth/config': () => json(200, AUTH_CONFIG),
  'GET /api/v1/users/me/connections': () => json(200, { has_password: true, connections: [], available: [] }),
  'GET /api/v1/users/me': () => json(200, PROFILE),
  'GET /api/v1/users/me/exports': () => json(200, []),
  'GET /api/v1/ai/status': () => json(200, aiStatus()),
};

const GOOGLE = { provider: 'google', label: 'Google', email: 'ada.l@gmail.example' };

describe('Settings: change password', () => {
  it('shows the server error for a wrong current password', async () => {
    installFakeServer({
      ...signedIn,
      'POST /api/v1/auth/password/change': () =>
        json(400, { detail: 'The current password is not correct.', code: 'wrong_password' }),
    });
    const { user } = renderApp('/settings');
    await user.type(await screen.findByLabelText(/^Current password/), 'not it');
    await user.type(screen.getByLabelText(/^New password/), 'a much better password');
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The current password is not correct.');
  });

  it('changes the password, confirms, and clears the form', async () => {
    const server = installFakeServer({ ...signedIn, 'POST /api/v1/auth/password/change': () => noContent() });
    const { user } = renderApp('/settings');
    await user.type(await screen.findByLabelText(/^Current password/), 'old password 123');
    await user.type(screen.getByLabelText(/^New password/), 'a much better password');
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    expect(await screen.findByText('Password changed')).toBeInTheDocument();
    expect(screen.getByLabelText(/^Current password/)).toHaveValue('');
    const [change] = server.calls('POST /api/v1/auth/password/change');
    expect(change.headers.get('Authorization')).toBe('Bearer t1');
    expect(await change.json()).toEqual({ current_password: 'old password 123', new_password: 'a much better password' });
  });
});

describe('Settings: connected accounts', () => {
  it('lists connections and the providers that can be connected', async () => {
    installFakeServer({
      ...signedIn,
      'GET /api/v1/users/me/connections': () =>
        json(200, { has_password: true, connections: [GOOGLE], available: [{ name: 'github', label: 'GitHub' }] }),
    });
    renderApp('/settings');
    expect(await screen.findByRole('heading', { level: 2, name: 'Connected accounts' })).toBeInTheDocument();
    expect(await screen.findByText('ada.l@gmail.example')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Disconnect Google' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Connect GitHub' })).toBeInTheDocument();
    expect(screen.queryByText('No sign-in providers are configured on this server.')).not.toBeInTheDocument();
    // Has a password: the usual change-password form.
    expect(screen.getByLabelText(/^Current password/)).toBeInTheDocument();
  });

  it('says so when no provider is configured and none is connected', async () => {
    installFakeServer(signedIn);
    renderApp('/settings');
    expect(await screen.findByText('No sign-in providers are configured on this server.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^(Connect|Disconnect) / })).not.toBeInTheDocument();
  });

  it('connects: asks the server for the provider address and sends the browser there', async () => {
    const assign = vi.fn();
    const server = installFakeServer({
      ...signedIn,
      'GET /api/v1/users/me/connections': () =>
        json(200, { has_password: true, connections: [], available: [{ name: 'github', label: 'GitHub' }] }),
      'POST /api/v1/auth/oauth/github/link': () =>
        json(200, { authorize_url: 'https://github.example/login/oauth/authorize?state=s1' }),
    });
    const { user } = renderApp('/settings');
    const button = await screen.findByRole('button', { name: 'Connect GitHub' });
    vi.stubGlobal('location', { ...window.location, assign });
    await user.click(button);
    await vi.waitFor(() => expect(assign).toHaveBeenCalledWith('https://github.example/login/oauth/authorize?state=s1'));
    const [link] = server.calls('POST /api/v1/auth/oauth/github/link');
    expect(link.headers.get('Authorization')).toBe('Bearer t1');
    expect(link.headers.get('X-Requested-With')).toBe('XMLHttpRequest');
    expect(link.credentials).toBe('include');
  });

  it('shows why connecting failed (provider unreachable)', async () => {
    const assign = vi.fn();
    installFakeServer({
      ...signedIn,
      'GET /api/v1/users/me/connections': () =>
        json(200, { has_password: true, connections: [], available: [{ name: 'google', label: 'Google' }] }),
      'POST /api/v1/auth/oauth/google/link': () =>
        json(502, { detail: 'Google could not be reached. Please try again later.', code: 'provider_unavailable' }),
    });
    const { user } = renderApp('/settings');
    const button = await screen.findByRole('button', { name: 'Connect Google' });
    vi.stubGlobal('location', { ...window.location, assign });
    await user.click(button);
    expect(await screen.findByRole('alert')).toHaveTextContent('Google could not be reached. Please try again later.');
    expect(assign).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Connect Google' })).toBeEnabled();
  });

  it("disconnects after confirming, and shows the server's refusal", async () => {
    const server = installFakeServer({
      ...signedIn,
      'GET /api/v1/users/me/connections': () =>
        json(200, { has_password: false, connections: [GOOGLE], available: [] }),
      'DELETE /api/v1/users/me/connections/google': () =>
        json(409, {
          detail: 'This is your only way to sign in. Set a password or connect another provider first.',
          code: 'last_sign_in_method',
        }),
    });
    const { user } = renderApp('/settings');
    await user.click(await screen.findByRole('button', { name: 'Disconnect Google' }));
    const dialog = await screen.findByRole('dialog', { name: 'Disconnect Google?' });
    expect(server.calls('DELETE /api/v1/users/me/connections/google')).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Disconnect' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'This is your only way to sign in. Set a password or connect another provider first.',
    );
    const [request] = server.calls('DELETE /api/v1/users/me/connections/google');
    expect(request.headers.get('Authorization')).toBe('Bearer t1');
  });

  it('disconnects and refreshes the list', async () => {
    let connected = true;
    installFakeServer({
      ...signedIn,
      'GET /api/v1/users/me/connections': () =>
        json(
          200,
          connected
            ? { has_password: true, connections: [GOOGLE], available: [] }
            : { has_password: true, connections: [], available: [{ name: 'google', label: 'Google' }] },
        ),
      'DELETE /api/v1/users/me/connections/google': () => {
        connected = false;
        return noContent();
      },
    });
    const { user } = renderApp('/settings');
    await user.click(await screen.findByRole('button', { name: 'Disconnect Google' }));
    const dialog = await screen.findByRole('dialog', { name: 'Disconnect Google?' });
    await user.click(within(dialog).getByRole('button', { name: 'Disconnect' }));
    expect(await screen.findByRole('button', { name: 'Connect Google' })).toBeInTheDocument();
    expect(screen.getByText('Google disconnected')).toBeInTheDocument();
    await vi.waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.queryByText('ada.l@gmail.example')).not.toBeInTheDocument();
  });

  it('explains how to get a password instead of asking for a current one the user does not have', async () => {
    installFakeServer({
      ...signedIn,
      'GET /api/v1/users/me/connections': () =>
        json(200, {
          has_password: false,
          connections: [GOOGLE, { provider: 'github', label: 'GitHub', email: null }],
          available: [],
        }),
    });
    renderApp('/settings');
    expect(
      await screen.findByText(
        (_, element) =>
          element?.tagName === 'P' &&
          element.textContent ===
            "You sign in with Google and GitHub. To also sign in with a password, use 'Forgot password?' on the sign-in page to set one.",
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Forgot password?' })).toHaveAttribute('href', '/forgot-password');
    expect(screen.queryByLabelText(/^Current password/)).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Change password' })).not.toBeInTheDocument();
  });
});

describe('Settings: evening summary', () => {
  /** A profile the PATCH handler really changes. */
  function summaryServer(extra: Parameters<typeof installFakeServer>[0] = {}) {
    const state = { profile: { ...PROFILE } };
    const server = installFakeServer({
      ...signedIn,
      'GET /api/v1/users/me': () => json(200, state.profile),
      'PATCH /api/v1/users/me': async (request) => {
        state.profile = { ...state.profile, ...(await request.json()) };
        return json(200, state.profile);
      },
      ...extra,
    });
    return { server, state };
  }

  async function summaryCard() {
    return (await screen.findByRole('heading', { level: 2, name: 'Evening summary' })).closest('section')!;
  }

  it('turns the summary on, then picks the hour, saving each change', async () => {
    const { server } = summaryServer();
    const { user } = renderApp('/settings');
    const card = await summaryCard();
    const toggle = await within(card).findByRole('switch', { name: 'Email me an evening summary' });
    const hour = within(card).getByLabelText('Send it after');
    expect(toggle).not.toBeChecked();
    expect(hour).toHaveValue('20');
    expect(hour).toBeDisabled();
    expect(hour).toHaveAccessibleDescription(/In your local time, Europe\/London\./);
    expect(within(hour).getAllByRole('option')).toHaveLength(24);
    expect(within(hour).getAllByRole('option')[0]).toHaveTextContent('00:00');

    await user.click(toggle);
    expect(toggle).toBeChecked();
    expect(await screen.findByText('Evening summary on')).toBeInTheDocument();
    expect(screen.getByText('You will get it every day after 20:00 (Europe/London time).')).toBeInTheDocument();
    const [enable] = server.calls('PATCH /api/v1/users/me');
    expect(enable.headers.get('Authorization')).toBe('Bearer t1');
    expect(await enable.json()).toEqual({ evening_summary_enabled: true });

    await waitFor(() => expect(hour).toBeEnabled());
    await user.selectOptions(hour, '21:00');
    expect(hour).toHaveValue('21');
    expect(await screen.findByText('You will get it every day after 21:00 (Europe/London time).')).toBeInTheDocument();
    const patches = server.calls('PATCH /api/v1/users/me');
    expect(patches).toHaveLength(2);
    expect(await patches[1].json()).toEqual({ evening_summary_hour: 21 });

    await user.click(toggle);
    expect(await screen.findByText('Evening summary off')).toBeInTheDocument();
    expect(await server.calls('PATCH /api/v1/users/me')[2].json()).toEqual({ evening_summary_enabled: false });
    expect(hour).toBeDisabled();
  });

  it('keeps a change that was not saved, says why, and saves it on retry', async () => {
    let fail = true;
    const { server } = summaryServer();
    server.on('PATCH /api/v1/users/me', async (request) => {
      const body = await request.json();
      if (fail) return json(503, { detail: 'The database is busy. Please try again.', code: 'unavailable' });
      return json(200, { ...PROFILE, ...body });
    });
    const { user } = renderApp('/settings');
    const card = await summaryCard();
    const toggle = await within(card).findByRole('switch', { name: 'Email me an evening summary' });
    await user.click(toggle);
    const alert = await within(card).findByRole('alert');
    expect(alert).toHaveTextContent('Your change was not saved');
    expect(alert).toHaveTextContent('The database is busy. Please try again.');
    expect(toggle).toBeChecked();

    fail = false;
    await user.click(within(card).getByRole('button', { name: 'Try saving again' }));
    expect(await screen.findByText('Evening summary on')).toBeInTheDocument();
    await waitFor(() => expect(within(card).queryByRole('alert')).not.toBeInTheDocument());
    const patches = server.calls('PATCH /api/v1/users/me');
    expect(patches).toHaveLength(2);
    expect(await patches[1].json()).toEqual({ evening_summary_enabled: true });
    expect(toggle).toBeChecked();
  });

  it("sends today's summary now and says where it arrives", async () => {
    const { server } = summaryServer({
      'GET /api/v1/auth/config': () => json(200, { ...AUTH_CONFIG, email_delivery: false }),
      'POST /api/v1/users/me/evening-summary': () => json(202, taskRun({ id: 12, state: 'queued' })),
    });
    const { user } = renderApp('/settings');
    const card = await summaryCard();
    await user.click(await within(card).findByRole('button', { name: "Send today's summary now" }));
    expect(await screen.findByText('Summary on its way')).toBeInTheDocument();
    expect(
      screen.getByText('This server has no mail server configured, so it arrives in your notifications.'),
    ).toBeInTheDocument();
    const [send] = server.calls('POST /api/v1/users/me/evening-summary');
    expect(send.headers.get('Authorization')).toBe('Bearer t1');
  });

  it("shows the server's message when summaries were sent too often", async () => {
    summaryServer({
      'POST /api/v1/users/me/evening-summary': () =>
        json(429, { detail: 'You can send a summary 3 times in 10 minutes.', code: 'rate_limited' }, { 'Retry-After': '600' }),
    });
    const { user } = renderApp('/settings');
    const card = await summaryCard();
    await user.click(await within(card).findByRole('button', { name: "Send today's summary now" }));
    const alert = await within(card).findByRole('alert');
    expect(alert).toHaveTextContent('The summary was not sent');
    expect(alert).toHaveTextContent('You can send a summary 3 times in 10 minutes.');
    expect(screen.queryByText('Summary on its way')).not.toBeInTheDocument();
    expect(within(card).getByRole('button', { name: "Send today's summary now" })).toBeEnabled();
  });
});
