import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { JobRead } from '../../client/types';
import { renderApp } from '../../test/render';
import { installFakeServer, json, PROFILE, type Handler } from '../../test/fakeServer';
import { envelope, FakeWebSocket } from '../../test/fakeWebSocket';
import { aiStatus, jobRead, SIGNED_IN, taskRun } from '../../test/fixtures';

const JOB = jobRead({
  id: 5,
  title: 'Data Engineer',
  tech_stack: ['Python', 'Airflow', 'SQL'],
  responsibilities: ['Build the data pipelines', 'Own the warehouse'],
  skills_provider: 'hybrid:groq',
});

function jobServer(job: JobRead, extra: Record<string, Handler> = {}) {
  const state = { job };
  const server = installFakeServer({
    ...SIGNED_IN,
    'GET /api/v1/jobs/5': () => json(200, state.job),
    'GET /api/v1/users/me': () =>
      json(200, { ...PROFILE, skills: [{ name: 'python', source: 'manual', level: 4 }, { name: 'SQL', source: 'resume', level: null }] }),
    'GET /api/v1/ai/status': () =>
      json(200, aiStatus({ provider: 'groq', provider_label: 'Groq', model: 'llama-3.3-70b-versatile', offline: false })),
    ...extra,
  });
  return { server, state };
}

async function skillsSection() {
  return (await screen.findByRole('heading', { level: 2, name: 'Skills' })).closest('section')!;
}

describe('Job page: skills and responsibilities', () => {
  it('highlights the skills in your profile, with a legend, and says who found them', async () => {
    jobServer(JOB);
    renderApp('/jobs/5');
    const section = await skillsSection();
    const list = within(section).getByRole('list', { name: 'Skills this job asks for' });
    await waitFor(() => expect(within(list).getByText('Python')).toHaveTextContent('Python (in your profile)'));
    expect(within(list).getByText('SQL')).toHaveTextContent('SQL (in your profile)');
    expect(within(list).getByText('Airflow')).toHaveTextContent(/^Airflow$/);
    expect(within(section).getByText('In your profile')).toBeInTheDocument();
    expect(within(section).getByText('Not in your profile yet')).toBeInTheDocument();
    expect(await within(section).findByText('Found by Groq · llama-3.3-70b-versatile')).toBeInTheDocument();

    const responsibilities = (await screen.findByRole('heading', { level: 2, name: 'Responsibilities' })).closest('section')!;
    expect(within(responsibilities).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Build the data pipelines',
      'Own the warehouse',
    ]);
  });

  it('says "Finding skills…" for a new job and shows them once they are found', async () => {
    const { server, state } = jobServer({ ...JOB, tech_stack: [], responsibilities: [], skills_provider: null, skills_extracted_at: null });
    renderApp('/jobs/5');
    const section = await skillsSection();
    expect(within(section).getByRole('status')).toHaveTextContent('Finding skills…');
    expect(within(section).getByRole('button', { name: 'Find skills again' })).toBeDisabled();

    state.job = { ...JOB, skills_provider: 'offline' };
    expect(await within(section).findByText('Airflow')).toBeInTheDocument();
    expect(within(section).queryByRole('status')).not.toBeInTheDocument();
    expect(within(section).getByText('Found offline by the built-in skills taxonomy')).toBeInTheDocument();
    expect(server.calls('GET /api/v1/jobs/5').length).toBeGreaterThanOrEqual(2);
  });

  it('finds skills again and shows them when the task reports 100 %', async () => {
    const { server, state } = jobServer(JOB, {
      'POST /api/v1/jobs/5/skills/refresh': () =>
        json(202, taskRun({ task_id: 'extract-5', name: 'jobs.extract_skills', args: [5, true], state: 'queued' })),
    });
    const { user } = renderApp('/jobs/5');
    const section = await skillsSection();
    await waitFor(() => expect(FakeWebSocket.instances).toHaveLength(1));
    const ws = FakeWebSocket.latest();
    ws.open();
    ws.ready();

    const button = within(section).getByRole('button', { name: 'Find skills again' });
    await user.click(button);
    await waitFor(() => expect(button).toHaveAttribute('data-loading', 'true'));
    expect(server.calls('POST /api/v1/jobs/5/skills/refresh')).toHaveLength(1);
    const reads = server.calls('GET /api/v1/jobs/5').length;

    state.job = { ...JOB, tech_stack: ['Python', 'Airflow', 'SQL', 'dbt'] };
    ws.receive(envelope('task.progress', { task_id: 'extract-5', name: 'jobs.extract_skills', title: 'Finding skills', progress: 40, message: 'Reading the posting' }));
    expect(await screen.findByText('Finding skills')).toBeInTheDocument(); // the task's toast
    expect(button).toHaveAttribute('data-loading', 'true');
    ws.receive(envelope('task.progress', { task_id: 'extract-5', name: 'jobs.extract_skills', title: 'Finding skills', progress: 100, message: 'Found 4 skills' }));
    expect(await within(section).findByText('dbt')).toBeInTheDocument();
    expect(server.calls('GET /api/v1/jobs/5').length).toBeGreaterThan(reads);
    await waitFor(() => expect(button).not.toHaveAttribute('data-loading'));
  });

  it('says when no skills were found', async () => {
    jobServer({ ...JOB, tech_stack: [], responsibilities: [], skills_provider: 'offline' });
    renderApp('/jobs/5');
    const section = await skillsSection();
    expect(within(section).getByText('No skills were found in this posting.')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Responsibilities' })).not.toBeInTheDocument();
  });
});
