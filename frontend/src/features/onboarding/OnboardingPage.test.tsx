import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { OnboardingRead, OnboardingStep } from '../../client/types';
import { renderApp } from '../../test/render';
import { installFakeServer, json, PROFILE, USER, type Handler } from '../../test/fakeServer';
import { application, board, jobRead, onboarding, SIGNED_IN, summary, today } from '../../test/fixtures';

/** A new user: the setup remembers its step like the API, and every endpoint it calls answers. */
function onboardingServer(start: OnboardingRead = onboarding(), extra: Record<string, Handler> = {}) {
  const state = { onboarding: start, profile: { ...PROFILE } };
  const server = installFakeServer({
    ...SIGNED_IN,
    'GET /api/v1/users/me': () => json(200, state.profile),
    'GET /api/v1/onboarding': () => json(200, state.onboarding),
    'PUT /api/v1/onboarding': async (request) => {
      const { step } = (await request.json()) as { step: OnboardingStep };
      state.onboarding = { ...state.onboarding, step, finished: false, skipped: false };
      return json(200, state.onboarding);
    },
    'POST /api/v1/onboarding/finish': async (request) => {
      const { skipped } = (await request.json()) as { skipped: boolean };
      state.onboarding = { ...state.onboarding, step: null, finished: true, skipped };
      return json(200, state.onboarding);
    },
    'PATCH /api/v1/users/me': async (request) => {
      state.profile = { ...state.profile, ...((await request.json()) as object) };
      return json(200, state.profile);
    },
    'PUT /api/v1/users/me/skills': async (request) => {
      const { skills } = (await request.json()) as { skills: { name: string; level: number | null }[] };
      state.profile = { ...state.profile, skills: skills.map((skill) => ({ ...skill, source: 'manual' as const })) };
      return json(200, state.profile);
    },
    'POST /api/v1/saved-searches': async (request) =>
      json(201, { ...((await request.json()) as object), id: 1, created_at: '2025-11-20T10:00:00Z' }),
    'POST /api/v1/jobs': async (request) => {
      const body = (await request.json()) as { title: string; company: string };
      return json(201, jobRead({ id: 55, title: body.title, company: body.company }));
    },
    'POST /api/v1/applications': () => json(201, application({ id: 9, job_posting_id: 55 })),
    // Where the setup ends: the board (after finishing) or the dashboard (after skipping).
    'GET /api/v1/applications/board': () => json(200, board([])),
    'GET /api/v1/users/me/today': () => json(200, today()),
    'GET /api/v1/analytics/summary': () => json(200, summary()),
    ...extra,
  });
  return { server, state };
}

async function bodies(requests: Request[]): Promise<unknown[]> {
  return Promise.all(requests.map((request) => request.json()));
}

const stepHeading = (name: string) => screen.findByRole('heading', { level: 2, name });

describe('Guided setup', () => {
  it('goes through every step, saving each one, and ends on the board', async () => {
    const { server } = onboardingServer();
    const { user } = renderApp('/welcome');
    expect(await screen.findByRole('heading', { level: 1, name: 'Guided setup' })).toBeInTheDocument();

    // Welcome
    expect(await stepHeading('Welcome to Career Copilot')).toBeInTheDocument();
    expect(screen.getByText('Step 1 of 6')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Back' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Get started' }));

    // Profile: the browser's timezone, a daily goal.
    expect(await stepHeading('About you')).toBeInTheDocument();
    expect(screen.getByText('Step 2 of 6')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'About you' })).toHaveFocus();
    expect(screen.getByRole('combobox', { name: /^Timezone/ })).toHaveValue(Intl.DateTimeFormat().resolvedOptions().timeZone);
    const goal = screen.getByLabelText(/^Daily application goal/);
    expect(goal).toHaveValue('5');
    await user.clear(goal);
    await user.type(goal, '3');
    await user.click(screen.getByRole('button', { name: 'Continue' }));

    // Skills
    expect(await stepHeading('Your skills')).toBeInTheDocument();
    expect(screen.getByText(/résumé/)).toBeInTheDocument();
    await user.type(screen.getByLabelText('Skills'), 'Python{Enter}SQL{Enter}');
    await user.click(screen.getByRole('button', { name: 'Continue' }));

    // Search: keywords are required.
    expect(await stepHeading('What are you looking for?')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save and continue' }));
    expect(await screen.findByText('Enter what you are looking for, e.g. backend engineer')).toBeInTheDocument();
    expect(server.calls('POST /api/v1/saved-searches')).toHaveLength(0);
    await user.type(screen.getByLabelText(/^Keywords/), 'Backend engineer');
    await user.type(screen.getByLabelText(/^Location/), 'Berlin');
    await user.click(screen.getByLabelText('Remote only'));
    await user.click(screen.getByRole('button', { name: 'Save and continue' }));

    // Track a first job.
    expect(await stepHeading('Track your first job')).toBeInTheDocument();
    await user.type(screen.getByLabelText(/^Title/), 'Platform Engineer');
    await user.type(screen.getByLabelText(/^Company/), 'Acme');
    await user.type(screen.getByLabelText(/^Job URL/), 'https://acme.example/jobs/1');
    await user.click(screen.getByRole('button', { name: 'Track this job' }));
    expect(await screen.findByText('Platform Engineer at Acme is on your board.')).toBeInTheDocument();

    // The board tour, then finish.
    expect(await stepHeading('Your board')).toBeInTheDocument();
    const tips = within(screen.getByRole('list')).getAllByRole('listitem');
    expect(tips).toHaveLength(3);
    expect(tips[1]).toHaveTextContent(/Drag a card/);
    await user.click(screen.getByRole('button', { name: 'Finish' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Board' })).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent(/^\/board$/);

    expect(await bodies(server.calls('PUT /api/v1/onboarding'))).toEqual([
      { step: 'profile' },
      { step: 'skills' },
      { step: 'search' },
      { step: 'track' },
      { step: 'tour' },
    ]);
    expect(await bodies(server.calls('PATCH /api/v1/users/me'))).toEqual([
      { timezone: Intl.DateTimeFormat().resolvedOptions().timeZone, daily_application_goal: 3 },
    ]);
    expect(await bodies(server.calls('PUT /api/v1/users/me/skills'))).toEqual([
      { skills: [{ name: 'Python', level: null }, { name: 'SQL', level: null }] },
    ]);
    expect(await bodies(server.calls('POST /api/v1/saved-searches'))).toEqual([
      { keywords: 'Backend engineer', location: 'Berlin', remote_only: true },
    ]);
    const [job] = (await bodies(server.calls('POST /api/v1/jobs'))) as Record<string, unknown>[];
    expect(job).toMatchObject({ title: 'Platform Engineer', company: 'Acme', url: 'https://acme.example/jobs/1' });
    expect(await bodies(server.calls('POST /api/v1/applications'))).toEqual([
      { job_posting_id: 55, status: 'interested', notes: '' },
    ]);
    expect(await bodies(server.calls('POST /api/v1/onboarding/finish'))).toEqual([{ skipped: false }]);
  });

  it('resumes at the stored step, goes back, and can be left for later', async () => {
    const { server } = onboardingServer(onboarding({ step: 'search' }));
    const { user } = renderApp('/welcome');
    expect(await stepHeading('What are you looking for?')).toBeInTheDocument();
    expect(screen.getByText('Step 4 of 6')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(await stepHeading('Your skills')).toBeInTheDocument();
    await waitFor(() => expect(server.calls('PUT /api/v1/onboarding')).toHaveLength(1));
    expect(await server.calls('PUT /api/v1/onboarding')[0].json()).toEqual({ step: 'skills' });

    await user.click(screen.getByRole('button', { name: 'Skip for now' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Dashboard' })).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent(/^\/$/);
    expect(await server.calls('POST /api/v1/onboarding/finish')[0].json()).toEqual({ skipped: true });
    expect(await screen.findByText('Setup skipped')).toBeInTheDocument();
    // Skipped: the dashboard no longer invites to it.
    await screen.findByRole('region', { name: 'Today' });
    expect(screen.queryByRole('region', { name: 'Get started' })).not.toBeInTheDocument();
  });

  it('lets the first job wait', async () => {
    const { server } = onboardingServer(onboarding({ step: 'track' }));
    const { user } = renderApp('/welcome');
    expect(await stepHeading('Track your first job')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: "I'll do this later" }));
    expect(await stepHeading('Your board')).toBeInTheDocument();
    expect(server.calls('POST /api/v1/jobs')).toHaveLength(0);
    await waitFor(() => expect(server.calls('PUT /api/v1/onboarding')).toHaveLength(1));
    expect(await server.calls('PUT /api/v1/onboarding')[0].json()).toEqual({ step: 'tour' });
  });

  it('starts from the dashboard card', async () => {
    onboardingServer(onboarding(), { 'GET /api/v1/auth/me': () => json(200, USER) });
    const { user } = renderApp('/');
    const card = await screen.findByRole('region', { name: 'Get started' });
    await user.click(within(card).getByRole('link', { name: 'Start the guided setup' }));
    expect(await stepHeading('Welcome to Career Copilot')).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/welcome');
  });
});
