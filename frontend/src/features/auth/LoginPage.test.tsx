import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test/render';
import { AUTH_CONFIG, deferred, installFakeServer, json, TOKEN, USER } from '../../test/fakeServer';
import { DASHBOARD_EXTRAS } from '../../test/fixtures';

function anonymousServer() {
  return installFakeServer({
    'POST /api/v1/auth/refresh': () => json(401, { detail: 'No session', code: 'not_authenticated' }),
    'GET /api/v1/auth/config': () => json(200, AUTH_CONFIG),
  });
}

describe('Sign-in form', () => {
  it("shows the server's error detail in an alert and re-enables the button", async () => {
    const server = anonymousServer();
    const answer = deferred<Response>();
    server.on('POST /api/v1/auth/login', () => answer.promise);
    const { user } = renderApp('/login');

    await screen.findByRole('heading', { name: 'Sign in' });
    expect(screen.getByLabelText(/^Email/)).toHaveAttribute('type', 'email');
    expect(screen.getByLabelText(/^Password/)).toHaveAttribute('type', 'password');
    expect(await screen.findByRole('link', { name: 'Create account' })).toHaveAttribute('href', '/register');
    expect(screen.getByRole('link', { name: 'Forgot password?' })).toHaveAttribute('href', '/forgot-password');

    await user.type(screen.getByLabelText(/^Email/), 'ada@example.com');
    await user.type(screen.getByLabelText(/^Password/), 'wrong-password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    // Pending: the submit button is disabled while the request is in flight.
    await vi.waitFor(() => expect(screen.getByRole('button', { name: 'Sign in' })).toBeDisabled());
    answer.resolve(json(401, { detail: 'Incorrect email or password.', code: 'invalid_credentials' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Incorrect email or password.');
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled();
    const [login] = server.calls('POST /api/v1/auth/login');
    expect(await login.json()).toEqual({ email: 'ada@example.com', password: 'wrong-password' });
    expect(server.calls('POST /api/v1/auth/refresh')).toHaveLength(1); // only the silent start-up attempt
  });

  it('validates fields before calling the server', async () => {
    const server = anonymousServer();
    const { user } = renderApp('/login');
    await user.click(await screen.findByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Enter your email address')).toBeInTheDocument();
    expect(screen.getByText('Enter your password')).toBeInTheDocument();
    expect(server.calls('POST /api/v1/auth/login')).toHaveLength(0);
  });

  it('hides "Create account" when registration is closed', async () => {
    const server = anonymousServer();
    server.on('GET /api/v1/auth/config', () => json(200, { ...AUTH_CONFIG, allow_registration: false }));
    renderApp('/login');
    expect(await screen.findByText('New accounts are created by your administrator.')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Create account' })).not.toBeInTheDocument();
  });

  it('signs in and lands on the dashboard', async () => {
    const server = anonymousServer();
    server.on('POST /api/v1/auth/login', () => json(200, TOKEN('t1')));
    server.on('GET /api/v1/auth/me', () => json(200, USER));
    server.on('GET /api/v1/users/me', () => json(200, { ...USER, skills: [] }));
    for (const [route, handler] of Object.entries(DASHBOARD_EXTRAS)) server.on(route, handler);
    const { user } = renderApp('/login');

    await user.type(await screen.findByLabelText(/^Email/), 'ada@example.com');
    await user.type(screen.getByLabelText(/^Password/), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Dashboard' })).toBeInTheDocument();
    expect(await screen.findByText(/Ada!/)).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Complete your profile' })).toBeInTheDocument();
    expect(server.calls('GET /api/v1/users/me')[0].headers.get('Authorization')).toBe('Bearer t1');
  });
});
