import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test/render';
import { AUTH_CONFIG, installFakeServer, json, PROFILE, TOKEN, USER } from '../../test/fakeServer';
import { DASHBOARD_EXTRAS } from '../../test/fixtures';

const PROVIDERS = [
  { name: 'google', label: 'Google' },
  { name: 'github', label: 'GitHub' },
  { name: 'linkedin', label: 'LinkedIn' },
];

const anonymous = {
  'POST /api/v1/auth/refresh': () => json(401, { detail: 'No session', code: 'not_authenticated' }),
  'GET /api/v1/auth/config': () => json(200, AUTH_CONFIG),
};

const signedIn = {
  'POST /api/v1/auth/refresh': () => json(200, TOKEN('t1')),
  'GET /api/v1/auth/me': () => json(200, USER),
  'GET /api/v1/users/me': () => json(200, PROFILE),
  'GET /api/v1/users/me/connections': () =>
    json(200, { has_password: true, connections: [{ provider: 'google', label: 'Google', email: 'ada@example.com' }], available: [] }),
  'GET /api/v1/auth/config': () => json(200, AUTH_CONFIG),
};

describe('Continue with a provider', () => {
  it('offers one link per configured provider, returning to the page the visitor wanted', async () => {
    installFakeServer({ ...anonymous, 'GET /api/v1/auth/oauth/providers': () => json(200, PROVIDERS) });
    renderApp('/profile?tab=skills'); // protected: sent to /login with `from`

    const google = await screen.findByRole('link', { name: 'Continue with Google' });
    expect(google).toHaveAttribute('href', '/api/v1/auth/oauth/google/login?return_to=%2Fprofile%3Ftab%3Dskills');
    expect(screen.getByRole('link', { name: 'Continue with GitHub' })).toHaveAttribute(
      'href',
      '/api/v1/auth/oauth/github/login?return_to=%2Fprofile%3Ftab%3Dskills',
    );
    expect(screen.getByRole('link', { name: 'Continue with LinkedIn' })).toHaveAttribute(
      'href',
      '/api/v1/auth/oauth/linkedin/login?return_to=%2Fprofile%3Ftab%3Dskills',
    );
    expect(screen.getByText('or')).toBeInTheDocument();
    // The logos are decorative.
    expect(google.querySelector('svg')).toHaveAttribute('aria-hidden', 'true');
  });

  it('returns to "/" by default, and is offered on the registration page too', async () => {
    installFakeServer({ ...anonymous, 'GET /api/v1/auth/oauth/providers': () => json(200, [PROVIDERS[0]]) });
    const { unmount } = renderApp('/login');
    expect(await screen.findByRole('link', { name: 'Continue with Google' })).toHaveAttribute(
      'href',
      '/api/v1/auth/oauth/google/login?return_to=%2F',
    );
    unmount();

    renderApp('/register');
    await screen.findByLabelText(/^Full name/);
    expect(await screen.findByRole('link', { name: 'Continue with Google' })).toHaveAttribute(
      'href',
      '/api/v1/auth/oauth/google/login?return_to=%2F',
    );
    expect(screen.queryByRole('link', { name: 'Continue with GitHub' })).not.toBeInTheDocument();
  });

  it('shows nothing at all when no provider is configured', async () => {
    const server = installFakeServer({ ...anonymous, 'GET /api/v1/auth/oauth/providers': () => json(200, []) });
    renderApp('/login');
    await screen.findByRole('button', { name: 'Sign in' });
    await vi.waitFor(() => expect(server.calls('GET /api/v1/auth/oauth/providers')).toHaveLength(1));
    await screen.findByRole('link', { name: 'Create account' }); // config loaded too
    expect(screen.queryByRole('link', { name: /^Continue with/ })).not.toBeInTheDocument();
    expect(screen.queryByText('or')).not.toBeInTheDocument();
  });

  it('keeps the form working when the provider list cannot be loaded', async () => {
    const server = installFakeServer({
      ...anonymous,
      'GET /api/v1/auth/oauth/providers': () => json(500, { detail: 'Boom', code: 'internal' }),
      'POST /api/v1/auth/login': () => json(200, TOKEN('t1')),
      'GET /api/v1/auth/me': () => json(200, USER),
      'GET /api/v1/users/me': () => json(200, PROFILE),
    });
    const { user } = renderApp('/login');
    await vi.waitFor(() => expect(server.calls('GET /api/v1/auth/oauth/providers')).toHaveLength(1));
    expect(screen.queryByRole('link', { name: /^Continue with/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    await user.type(screen.getByLabelText(/^Email/), 'ada@example.com');
    await user.type(screen.getByLabelText(/^Password/), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Dashboard' })).toBeInTheDocument();
  });
});

describe('/oauth/complete', () => {
  it('signs in through the refresh cookie and goes on to `next`', async () => {
    const server = installFakeServer({
      ...signedIn,
      'GET /api/v1/jobs': () => json(200, { items: [], total: 0, page: 1, size: 20 }),
    });
    renderApp('/oauth/complete?next=%2Fsettings&provider=google');
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent(/^\/settings$/);
    expect(server.calls('POST /api/v1/auth/refresh')).toHaveLength(1);
    expect(server.calls('GET /api/v1/auth/me')[0].headers.get('Authorization')).toBe('Bearer t1');
  });

  it('welcomes a new account and opens the profile', async () => {
    installFakeServer(signedIn);
    renderApp('/oauth/complete?next=%2Fprofile&provider=google&created=1');
    expect(await screen.findByRole('heading', { level: 1, name: 'Profile' })).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/profile');
    expect(await screen.findByText('Welcome! Your account was created with Google.')).toBeInTheDocument();
  });

  it('confirms a newly connected provider and returns to settings', async () => {
    installFakeServer(signedIn);
    renderApp('/oauth/complete?next=%2Fsettings&provider=github&linked=1');
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeInTheDocument();
    expect(await screen.findByText('GitHub connected')).toBeInTheDocument();
  });

  it('never leaves the app for a foreign `next`', async () => {
    installFakeServer({ ...signedIn, ...DASHBOARD_EXTRAS, 'GET /api/v1/applications/board': () => json(200, { columns: [] }) });
    renderApp('/oauth/complete?next=%2F%2Fevil.example%2Fx&provider=google');
    expect(await screen.findByRole('heading', { level: 1, name: 'Dashboard' })).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent(/^\/$/);
  });

  it("shows the server's message and a way back to sign in", async () => {
    installFakeServer(anonymous);
    renderApp(
      '/oauth/complete?error=denied&message=' + encodeURIComponent('Signing in with Google was cancelled.'),
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign-in did not complete' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Signing in with Google was cancelled.');
    expect(screen.getByRole('link', { name: 'Back to sign in' })).toHaveAttribute('href', '/login');
    expect(screen.queryByRole('link', { name: 'Back to settings' })).not.toBeInTheDocument();
    expect(document.title).toMatch(/^Sign-in did not complete/);
  });

  it('offers a way back to settings when the user is signed in (failed connect)', async () => {
    installFakeServer(signedIn);
    renderApp(
      '/oauth/complete?error=already_linked&message=' +
        encodeURIComponent('Another Google account is connected already. Disconnect it first.'),
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Another Google account is connected already. Disconnect it first.');
    expect(screen.getByRole('link', { name: 'Back to settings' })).toHaveAttribute('href', '/settings');
    expect(screen.queryByRole('link', { name: 'Back to sign in' })).not.toBeInTheDocument();
  });

  it('falls back to a sentence for the code only when the message is missing', async () => {
    installFakeServer(anonymous);
    renderApp('/oauth/complete?error=expired_flow');
    expect(await screen.findByRole('alert')).toHaveTextContent('Signing in took too long. Please start again.');
  });

  it('explains when the session could not be started after a successful provider step', async () => {
    installFakeServer(anonymous);
    renderApp('/oauth/complete?next=%2F&provider=google');
    const heading = await screen.findByRole('heading', { level: 1, name: 'Sign-in did not complete' });
    expect(heading).toBeInTheDocument();
    expect(within(document.body).getByRole('alert')).toHaveTextContent('Please sign in again.');
    expect(screen.getByTestId('location')).toHaveTextContent('/oauth/complete');
  });
});
