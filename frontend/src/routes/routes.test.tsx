import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../test/render';
import { AUTH_CONFIG, installFakeServer, json, noContent, PROFILE, TOKEN, USER } from '../test/fakeServer';
import { DASHBOARD_EXTRAS } from '../test/fixtures';

describe('routing', () => {
  it('redirects an anonymous visitor from a protected page to /login, and back after signing in', async () => {
    const server = installFakeServer({
      'POST /api/v1/auth/refresh': () => json(401, { detail: 'No session', code: 'not_authenticated' }),
      'GET /api/v1/auth/config': () => json(200, AUTH_CONFIG),
      'POST /api/v1/auth/login': () => json(200, TOKEN('t1')),
      'GET /api/v1/auth/me': () => json(200, USER),
      'GET /api/v1/users/me': () => json(200, PROFILE),
    });
    const { user } = renderApp('/profile?tab=skills');

    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/login');
    expect(server.calls('GET /api/v1/users/me')).toHaveLength(0);

    await user.type(screen.getByLabelText(/^Email/), 'ada@example.com');
    await user.type(screen.getByLabelText(/^Password/), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Profile' })).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/profile?tab=skills');
  });

  it('keeps a reloaded session signed in through the refresh cookie', async () => {
    const server = installFakeServer({
      'POST /api/v1/auth/refresh': () => json(200, TOKEN('from-cookie')),
      'GET /api/v1/auth/me': () => json(200, USER),
      'GET /api/v1/users/me': () => json(200, PROFILE),
    });
    renderApp('/settings');
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeInTheDocument();
    expect(server.calls('GET /api/v1/auth/me')[0].headers.get('Authorization')).toBe('Bearer from-cookie');

    const nav = screen.getByRole('navigation', { name: 'Main' });
    const links = within(nav).getAllByRole('link').map((link) => link.textContent);
    expect(links).toEqual([
      'Dashboard',
      'Discover',
      'Analytics',
      'Jobs',
      'Board',
      'Interviews',
      'Achievements',
      'Profile',
      'Sources',
      'Settings',
    ]);
    expect(within(nav).getByRole('link', { name: 'Settings' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('button', { name: 'Sign out' })).toBeInTheDocument();
  });

  it('signs out: calls /auth/logout and returns to the sign-in page', async () => {
    const server = installFakeServer({
      ...DASHBOARD_EXTRAS,
      'POST /api/v1/auth/refresh': () => json(200, TOKEN('t1')),
      'GET /api/v1/auth/me': () => json(200, USER),
      'GET /api/v1/users/me': () => json(200, PROFILE),
      'POST /api/v1/auth/logout': () => noContent(),
      'GET /api/v1/auth/config': () => json(200, AUTH_CONFIG),
    });
    const { user } = renderApp('/');
    await user.click(await screen.findByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    const [logout] = server.calls('POST /api/v1/auth/logout');
    expect(logout.headers.get('X-Requested-With')).toBe('XMLHttpRequest');
  });

  it('shows a friendly 404 inside the shell for unknown routes', async () => {
    installFakeServer({
      'POST /api/v1/auth/refresh': () => json(200, TOKEN('t1')),
      'GET /api/v1/auth/me': () => json(200, USER),
    });
    renderApp('/no/such/page');
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to the dashboard' })).toHaveAttribute('href', '/');
  });
});
