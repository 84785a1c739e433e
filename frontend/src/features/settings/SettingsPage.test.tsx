import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderApp } from '../../test/render';
import { AUTH_CONFIG, installFakeServer, json, noContent, TOKEN, USER } from '../../test/fakeServer';

const signedIn = {
  'POST /api/v1/auth/refresh': () => json(200, TOKEN('t1')),
  'GET /api/v1/auth/me': () => json(200, USER),
  'GET /api/v1/auth/config': () => json(200, AUTH_CONFIG),
  'GET /api/v1/users/me/connections': () => json(200, { has_password: true, connections: [], available: [] }),
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
