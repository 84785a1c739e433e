import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test/render';
import { AUTH_CONFIG, installFakeServer, json, noContent, TOKEN, USER } from '../../test/fakeServer';

const signedIn = {
  'POST /api/v1/auth/refresh': () => json(200, TOKEN('t1')),
  'GET /api/v1/auth/me': () => json(200, USER),
  'GET /api/v1/auth/config': () => json(200, AUTH_CONFIG),
};

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
