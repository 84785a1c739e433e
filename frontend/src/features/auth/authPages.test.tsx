import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test/render';
import { AUTH_CONFIG, installFakeServer, json, noContent, TOKEN, USER } from '../../test/fakeServer';
import { DASHBOARD_EXTRAS } from '../../test/fixtures';

const anonymous = {
  'POST /api/v1/auth/refresh': () => json(401, { detail: 'No session', code: 'not_authenticated' }),
};

describe('Create account', () => {
  it("registers with the browser's timezone and signs the user in", async () => {
    const server = installFakeServer({
      ...anonymous,
      ...DASHBOARD_EXTRAS,
      'GET /api/v1/auth/config': () => json(200, AUTH_CONFIG),
      'POST /api/v1/auth/register': () => json(201, TOKEN('new')),
      'GET /api/v1/auth/me': () => json(200, USER),
      'GET /api/v1/users/me': () => json(200, { ...USER, skills: [] }),
    });
    const { user } = renderApp('/register');

    const name = await screen.findByLabelText(/^Full name/);
    expect(name).toHaveAttribute('name', 'full_name');
    await user.type(name, 'Ada Lovelace');
    await user.type(screen.getByLabelText(/^Email/), 'ada@example.com');
    await user.type(screen.getByLabelText(/^Password/), 'short');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByText('Use at least 10 characters')).toBeInTheDocument(); // min length from /auth/config
    expect(server.calls('POST /api/v1/auth/register')).toHaveLength(0);

    await user.type(screen.getByLabelText(/^Password/), ' but longer now');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Dashboard' })).toBeInTheDocument();
    expect(await server.calls('POST /api/v1/auth/register')[0].json()).toEqual({
      full_name: 'Ada Lovelace',
      email: 'ada@example.com',
      password: 'short but longer now',
      timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    });
  });

  it('shows the server error (e.g. email taken)', async () => {
    installFakeServer({
      ...anonymous,
      'GET /api/v1/auth/config': () => json(200, AUTH_CONFIG),
      'POST /api/v1/auth/register': () =>
        json(409, { detail: 'An account with this email already exists.', code: 'email_taken' }),
    });
    const { user } = renderApp('/register');
    await user.type(await screen.findByLabelText(/^Full name/), 'Ada');
    await user.type(screen.getByLabelText(/^Email/), 'ada@example.com');
    await user.type(screen.getByLabelText(/^Password/), 'long enough password');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('An account with this email already exists.');
  });

  it('explains that registration is closed instead of showing the form', async () => {
    installFakeServer({
      ...anonymous,
      'GET /api/v1/auth/config': () => json(200, { ...AUTH_CONFIG, allow_registration: false }),
    });
    renderApp('/register');
    expect(await screen.findByText('Registration is closed')).toBeInTheDocument();
    expect(screen.queryByLabelText(/^Password/)).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Create account' })).not.toBeInTheDocument();
  });
});

describe('Password reset', () => {
  it('tells the user to ask the administrator when the server sends no email', async () => {
    installFakeServer({
      ...anonymous,
      'GET /api/v1/auth/config': () => json(200, { ...AUTH_CONFIG, email_delivery: false }),
    });
    renderApp('/forgot-password');
    expect(await screen.findByText(/This server does not send email/)).toHaveTextContent(
      'This server does not send email. Ask your administrator to run copilot users reset-password <your email> and send you the link.',
    );
    expect(screen.queryByRole('button', { name: 'Send reset link' })).not.toBeInTheDocument();
  });

  it("sends the reset link request and shows the server's answer", async () => {
    const server = installFakeServer({
      ...anonymous,
      'GET /api/v1/auth/config': () => json(200, AUTH_CONFIG),
      'POST /api/v1/auth/password/forgot': () => json(202, { detail: 'If that address has an account, a link is on its way.' }),
    });
    const { user } = renderApp('/forgot-password');
    await user.type(await screen.findByLabelText(/^Email/), 'ada@example.com');
    await user.click(screen.getByRole('button', { name: 'Send reset link' }));
    expect(await screen.findByText('If that address has an account, a link is on its way.')).toBeInTheDocument();
    expect(await server.calls('POST /api/v1/auth/password/forgot')[0].json()).toEqual({ email: 'ada@example.com' });
  });

  it('sets a new password with the token from the link, then offers sign-in', async () => {
    const server = installFakeServer({
      ...anonymous,
      'GET /api/v1/auth/config': () => json(200, AUTH_CONFIG),
      'POST /api/v1/auth/password/reset': () => noContent(),
    });
    const { user } = renderApp('/reset-password?token=XYZ-123-abc');
    await user.type(await screen.findByLabelText(/^New password/), 'a brand new password');
    await user.click(screen.getByRole('button', { name: 'Set new password' }));
    expect(await screen.findByText('Password updated')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/login');
    expect(await server.calls('POST /api/v1/auth/password/reset')[0].json()).toEqual({
      token: 'XYZ-123-abc',
      new_password: 'a brand new password',
    });
  });

  it('shows an invalid-token error from the server', async () => {
    installFakeServer({
      ...anonymous,
      'GET /api/v1/auth/config': () => json(200, AUTH_CONFIG),
      'POST /api/v1/auth/password/reset': () =>
        json(400, { detail: 'This reset link is invalid, already used or expired.', code: 'invalid_reset_token' }),
    });
    const { user } = renderApp('/reset-password?token=used-token-123');
    await user.type(await screen.findByLabelText(/^New password/), 'a brand new password');
    await user.click(screen.getByRole('button', { name: 'Set new password' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This reset link is invalid, already used or expired.');
  });
});
