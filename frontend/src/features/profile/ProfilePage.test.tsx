import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test/render';
import { installFakeServer, json, PROFILE, TOKEN, USER } from '../../test/fakeServer';

const NO_RESUMES = { items: [], total: 0, page: 1, size: 10 };

describe('Profile page', () => {
  it('PATCHes the profile, then PUTs the skills, then confirms', async () => {
    const server = installFakeServer({
      'POST /api/v1/auth/refresh': () => json(200, TOKEN('t1')),
      'GET /api/v1/auth/me': () => json(200, USER),
      'GET /api/v1/resumes': () => json(200, NO_RESUMES),
      'GET /api/v1/users/me': () => json(200, { ...PROFILE, skills: [{ name: 'Python', source: 'resume', level: 4 }] }),
      'PATCH /api/v1/users/me': async (request) => json(200, { ...PROFILE, ...(await request.json()) }),
      'PUT /api/v1/users/me/skills': async (request) => {
        const { skills } = await request.json();
        return json(200, { ...PROFILE, full_name: 'Ada King', skills: skills.map((s: object) => ({ source: 'manual', ...s })) });
      },
    });
    const { user } = renderApp('/profile');

    const name = await screen.findByLabelText(/^Full name/);
    await user.clear(name);
    await user.type(name, 'Ada King');
    const goal = screen.getByLabelText(/^Daily application goal/);
    await user.clear(goal);
    await user.type(goal, '7');
    await user.type(screen.getByLabelText('Add skill'), 'SQL{Enter}');
    await user.click(screen.getByRole('button', { name: 'Save profile' }));

    expect(await screen.findByText('Profile saved')).toBeInTheDocument();
    const writes = server.requests.filter((r) => r.method === 'PATCH' || r.method === 'PUT').map((r) => r.method);
    expect(writes).toEqual(['PATCH', 'PUT']);
    expect(await server.calls('PATCH /api/v1/users/me')[0].json()).toEqual({
      full_name: 'Ada King',
      pitch: '',
      timezone: 'Europe/London',
      daily_application_goal: 7,
    });
    expect(await server.calls('PUT /api/v1/users/me/skills')[0].json()).toEqual({
      skills: [
        { name: 'Python', level: 4 },
        { name: 'SQL', level: null },
      ],
    });
  });

  it('shows field errors and does not call the server for an invalid goal', async () => {
    const server = installFakeServer({
      'POST /api/v1/auth/refresh': () => json(200, TOKEN('t1')),
      'GET /api/v1/auth/me': () => json(200, USER),
      'GET /api/v1/resumes': () => json(200, NO_RESUMES),
      'GET /api/v1/users/me': () => json(200, PROFILE),
    });
    const { user } = renderApp('/profile');
    const name = await screen.findByLabelText(/^Full name/);
    await user.clear(name);
    await user.clear(screen.getByLabelText(/^Daily application goal/));
    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    expect(await screen.findByText('Enter your name')).toBeInTheDocument();
    expect(screen.getByText('Enter a goal between 0 and 50')).toBeInTheDocument();
    expect(server.calls('PATCH /api/v1/users/me')).toHaveLength(0);
  });

  it('shows the server error when saving fails', async () => {
    installFakeServer({
      'POST /api/v1/auth/refresh': () => json(200, TOKEN('t1')),
      'GET /api/v1/auth/me': () => json(200, USER),
      'GET /api/v1/resumes': () => json(200, NO_RESUMES),
      'GET /api/v1/users/me': () => json(200, PROFILE),
      'PATCH /api/v1/users/me': () =>
        json(422, { detail: 'Unknown timezone: Mars/Base', code: 'validation_error', errors: [{ loc: ['body', 'timezone'], msg: 'Unknown timezone' }] }),
    });
    const { user } = renderApp('/profile');
    await user.click(await screen.findByRole('button', { name: 'Save profile' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Unknown timezone: Mars/Base');
    expect(screen.getByText('Unknown timezone')).toBeInTheDocument();
  });

  it('saves the pitch employers read, and keeps what was saved in the form', async () => {
    const pitch = 'I turn messy data into reports people use.\nLooking for a small team that ships often.';
    const server = installFakeServer({
      'POST /api/v1/auth/refresh': () => json(200, TOKEN('t1')),
      'GET /api/v1/auth/me': () => json(200, USER),
      'GET /api/v1/resumes': () => json(200, NO_RESUMES),
      'GET /api/v1/users/me': () => json(200, { ...PROFILE, pitch: 'Old pitch' }),
      'PATCH /api/v1/users/me': async (request) => json(200, { ...PROFILE, ...(await request.json()) }),
      'PUT /api/v1/users/me/skills': () => json(200, { ...PROFILE, pitch }),
    });
    const { user } = renderApp('/profile');
    const field = await screen.findByLabelText('What I want employers to know');
    expect(field).toHaveValue('Old pitch');
    expect(field).toHaveAttribute('maxlength', '1500');
    expect(screen.getByText(/Cover letters quote this as you write it, and never invent traits/)).toBeInTheDocument();
    await user.clear(field);
    await user.type(field, `  ${pitch}  `);
    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    expect(await screen.findByText('Profile saved')).toBeInTheDocument();
    expect(await server.calls('PATCH /api/v1/users/me')[0].json()).toMatchObject({ pitch });
    expect(screen.getByLabelText('What I want employers to know')).toHaveValue(pitch);
  });

  it('offers a retry when the profile cannot be loaded', async () => {
    const server = installFakeServer({
      'POST /api/v1/auth/refresh': () => json(200, TOKEN('t1')),
      'GET /api/v1/auth/me': () => json(200, USER),
      'GET /api/v1/resumes': () => json(200, NO_RESUMES),
      'GET /api/v1/users/me': () => json(500, { detail: 'Database is unavailable', code: 'internal_error' }),
    });
    const { user } = renderApp('/profile');
    expect(await screen.findByRole('alert')).toHaveTextContent('Database is unavailable');
    server.on('GET /api/v1/users/me', () => json(200, PROFILE));
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByLabelText(/^Full name/)).toHaveValue('Ada Lovelace');
  });

  it('offers the browser timezone when it differs from the saved one', async () => {
    const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const saved = browserZone === 'Pacific/Auckland' ? 'Europe/London' : 'Pacific/Auckland';
    const server = installFakeServer({
      'POST /api/v1/auth/refresh': () => json(200, TOKEN('t1')),
      'GET /api/v1/auth/me': () => json(200, USER),
      'GET /api/v1/resumes': () => json(200, NO_RESUMES),
      'GET /api/v1/users/me': () => json(200, { ...PROFILE, timezone: saved }),
      'PATCH /api/v1/users/me': async (request) => json(200, { ...PROFILE, ...(await request.json()) }),
      'PUT /api/v1/users/me/skills': () => json(200, PROFILE),
    });
    const { user } = renderApp('/profile');
    await user.click(await screen.findByRole('button', { name: `Use browser timezone (${browserZone})` }));
    await waitFor(() => expect(screen.queryByRole('button', { name: /Use browser timezone/ })).not.toBeInTheDocument());
    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    await screen.findByText('Profile saved');
    expect(await server.calls('PATCH /api/v1/users/me')[0].json()).toMatchObject({ timezone: browserZone });
  });
});
