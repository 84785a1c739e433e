import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { JobFitRead } from '../../client/types';
import { installFakeServer, json } from '../../test/fakeServer';
import { documentRead, jobRead, page, SIGNED_IN } from '../../test/fixtures';
import { renderApp } from '../../test/render';

const FIT: JobFitRead = {
  score: 72,
  resume_id: 3,
  blockers: ['No visa sponsorship, and you said you need it.'],
  parts: [
    { key: 'role', label: 'Role', value: 0.9, status: 'met', detail: 'Close to your role as Senior Backend Engineer.' },
    { key: 'must_have', label: 'Must-have skills', value: 0.5, status: 'partly', detail: 'You have 2 of 3; missing: Kubernetes.' },
    { key: 'education', label: 'Education', value: null, status: 'unknown', detail: 'No degree asked.' },
  ],
  skills: [
    { name: 'Python', where: 'resume', required: true },
    { name: 'Kubernetes', where: 'profile', required: true },
    { name: 'Terraform', where: 'missing', required: false },
  ],
  suggestions: [
    {
      text: 'Your resume never says Kubernetes, though your profile does; the posting asks for it.',
      gain: 9,
      add_skills: ['Kubernetes'],
    },
  ],
  requirements: {
    seniority: 'senior',
    min_years: 5,
    degree: null,
    degree_required: false,
    remote: 'remote',
    sponsorship: 'none',
    location_rules: [],
    years: [],
    read_by: 'offline',
  },
};

function server(fit: JobFitRead) {
  return installFakeServer({
    ...SIGNED_IN,
    'GET /api/v1/documents': () => json(200, page([])),
    'GET /api/v1/jobs/5': () => json(200, jobRead({ id: 5, title: 'Senior Backend Engineer' })),
    'GET /api/v1/jobs/5/match': () => json(200, fit),
  });
}

describe('How you match', () => {
  it('shows the score in words, each part, the skills by where they are, and what to do next', async () => {
    server(FIT);
    renderApp('/jobs/5');
    const card = (await screen.findByRole('heading', { level: 2, name: 'How you match' })).closest('section')!;
    expect(await within(card).findByText('of 100: a good match, with gaps')).toBeInTheDocument();
    expect(within(card).getByText('72')).toBeInTheDocument();
    const parts = within(within(card).getByRole('list', { name: 'The parts of the score' })).getAllByRole('listitem');
    expect(parts.map((item) => item.textContent)).toEqual([
      expect.stringContaining('Role✓ MetClose to your role as Senior Backend Engineer.'),
      expect.stringContaining('Must-have skills◐ PartlyYou have 2 of 3; missing: Kubernetes.'),
      expect.stringContaining('Education? UnknownNo degree asked.'),
    ]);
    expect(within(within(card).getByRole('list', { name: 'In your resume' })).getByText('Python')).toBeInTheDocument();
    expect(within(within(card).getByRole('list', { name: 'Say it in your resume' })).getByText('Kubernetes')).toBeInTheDocument();
    expect(within(within(card).getByRole('list', { name: 'Missing' })).getByText('Terraform')).toBeInTheDocument();
    expect(within(card).getByText(/Your resume never says Kubernetes/)).toHaveTextContent('(+9 points)');
    expect(within(card).getByRole('list', { name: 'Hard requirements you do not meet' })).toHaveTextContent(
      'No visa sponsorship, and you said you need it.',
    );
    expect(within(card).getByText('What the posting asks was read offline, from its text.')).toBeInTheDocument();
  });

  it('says when the AI model read what the posting asks', async () => {
    server({ ...FIT, requirements: { ...FIT.requirements, read_by: 'hybrid:groq' } });
    renderApp('/jobs/5');
    expect(
      await screen.findByText('What the posting asks was read by the AI model (groq), keeping only what its text says.'),
    ).toBeInTheDocument();
  });

  it('tailors the resume with the suggested profile skills and opens it', async () => {
    const fake = server(FIT);
    const tailored = documentRead({ id: 77, kind: 'tailored_resume', job_posting_id: 5 });
    fake.on('POST /api/v1/jobs/5/documents', () => json(202, tailored));
    fake.on('GET /api/v1/documents/77', () => json(200, tailored));
    fake.on('GET /api/v1/documents/77/versions', () => json(200, page([])));
    const { user } = renderApp('/jobs/5');
    await user.click(await screen.findByRole('button', { name: 'Tailor my resume with these' }));
    await waitFor(() => expect(fake.calls('POST /api/v1/jobs/5/documents')).toHaveLength(1));
    expect(await fake.calls('POST /api/v1/jobs/5/documents')[0].json()).toMatchObject({ kind: 'tailored_resume' });
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/documents/77'));
  });

  it('offers no tailoring when no suggestion names a skill', async () => {
    server({ ...FIT, suggestions: [{ text: 'Say in your roles how long you have used Go.', gain: 2, add_skills: [] }] });
    renderApp('/jobs/5');
    expect(await screen.findByText(/how long you have used Go/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Tailor my resume with these' })).not.toBeInTheDocument();
  });

  it('asks for a resume when there is none to compare', async () => {
    server({ ...FIT, resume_id: null, suggestions: [], blockers: [] });
    renderApp('/jobs/5');
    const link = await screen.findByRole('link', { name: 'profile' });
    expect(link).toHaveAttribute('href', '/profile');
    expect(link.closest('p')).toHaveTextContent('Upload your resume on your profile to see how your experience fits');
  });
});
