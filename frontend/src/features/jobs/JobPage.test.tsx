import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test/render';
import { installFakeServer, json, noContent } from '../../test/fakeServer';
import { application, event, jobRead, page, SIGNED_IN } from '../../test/fixtures';

const TRACKED_JOB = jobRead({ id: 5, title: 'Platform Engineer', company: 'Fjord Payments', tracking: { id: 9, status: 'interview' } });
const TRACKED_APP = application({
  id: 9,
  job_posting_id: 5,
  title: 'Platform Engineer',
  status: 'interview',
  notes: 'Recruiter: Anna',
  allowed_statuses: ['applied', 'offer', 'accepted', 'rejected', 'withdrawn', 'ghosted'],
});

describe('Job page', () => {
  it('shows the job, its description and an "Open posting" link', async () => {
    installFakeServer({
      ...SIGNED_IN,
      'GET /api/v1/documents': () => json(200, page([])),
      'GET /api/v1/jobs/5': () =>
        json(200, jobRead({ id: 5, title: 'Platform Engineer', description_html: '<h1>About</h1><ul><li>Go</li></ul>', tech_stack: ['Go', 'AWS'] })),
    });
    renderApp('/jobs/5');
    expect(await screen.findByRole('heading', { level: 1, name: 'Platform Engineer' })).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(screen.getByRole('heading', { level: 3, name: 'About' })).toBeInTheDocument();
    const posting = screen.getByRole('link', { name: 'Open posting' });
    expect(posting).toHaveAttribute('href', 'https://example.com/jobs/1');
    expect(posting).toHaveAttribute('target', '_blank');
    expect(posting.getAttribute('rel')).toContain('noopener');
    expect(screen.getByRole('link', { name: 'Edit job' })).toHaveAttribute('href', '/jobs/5/edit');
    expect(screen.getByRole('button', { name: 'Track this job' })).toBeInTheDocument();
    expect(screen.getByText('AWS')).toBeInTheDocument();
  });

  it('renders the timeline events in order, oldest first', async () => {
    installFakeServer({
      ...SIGNED_IN,
      'GET /api/v1/documents': () => json(200, page([])),
      'GET /api/v1/jobs/5': () => json(200, TRACKED_JOB),
      'GET /api/v1/applications/9': () => json(200, TRACKED_APP),
      'GET /api/v1/applications/9/events': () =>
        json(
          200,
          page([
            event({ id: 1, from_status: null, to_status: 'interested', at: '2025-10-01T08:00:00Z' }),
            event({ id: 2, from_status: 'interested', to_status: 'applied', at: '2025-10-03T12:30:00Z', note: 'Sent via the careers page' }),
            event({ id: 3, from_status: 'applied', to_status: 'interview', at: '2025-10-10T15:00:00Z' }),
          ]),
        ),
    });
    renderApp('/jobs/5');
    const heading = await screen.findByRole('heading', { level: 2, name: 'Timeline' });
    const timeline = heading.closest('section')!;
    const items = await within(timeline).findAllByRole('listitem');
    expect(within(timeline).getByRole('list').tagName).toBe('OL');
    expect(items.map((item) => item.querySelector('p')?.textContent)).toEqual(['Interested', 'Applied', 'Interview']);
    expect(items[0]).toHaveTextContent('Started tracking as Interested');
    expect(items[1]).toHaveTextContent('Interested → to Applied');
    expect(items[1]).toHaveTextContent('Sent via the careers page');
    expect(items[2].querySelector('time')).toHaveAttribute('dateTime', '2025-10-10T15:00:00Z');
    expect(items[2].querySelector('time')?.textContent).toBe(
      new Date('2025-10-10T15:00:00Z').toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }),
    );
  });

  it('offers the current and allowed statuses, and shows why a move was refused', async () => {
    const server = installFakeServer({
      ...SIGNED_IN,
      'GET /api/v1/documents': () => json(200, page([])),
      'GET /api/v1/jobs/5': () => json(200, TRACKED_JOB),
      'GET /api/v1/applications/9': () => json(200, TRACKED_APP),
      'GET /api/v1/applications/9/events': () => json(200, page([event()])),
      'PATCH /api/v1/applications/9': () =>
        json(409, {
          detail: 'Cannot move back from Interview to Interested: only one step back is allowed (to Applied).',
          code: 'illegal_transition',
        }),
    });
    const { user } = renderApp('/jobs/5');
    const status = await screen.findByLabelText('Status');
    expect(status).toHaveValue('interview');
    expect(within(status).getAllByRole('option').map((option) => option.textContent)).toEqual([
      'Applied',
      'Interview',
      'Offer',
      'Accepted',
      'Rejected',
      'Withdrawn',
      'Ghosted',
    ]);

    await user.selectOptions(status, 'Offer');
    expect(await screen.findByRole('alert')).toHaveTextContent('only one step back is allowed');
    expect(await server.calls('PATCH /api/v1/applications/9')[0].json()).toMatchObject({ status: 'offer' });
    await waitFor(() => expect(screen.getByLabelText('Status')).toHaveValue('interview'));
  });

  it('saves notes and stops tracking after a confirmation', async () => {
    let tracked = true;
    const server = installFakeServer({
      ...SIGNED_IN,
      'GET /api/v1/documents': () => json(200, page([])),
      'GET /api/v1/jobs/5': () => json(200, tracked ? TRACKED_JOB : { ...TRACKED_JOB, tracking: null }),
      'GET /api/v1/applications/9': () => json(200, TRACKED_APP),
      'GET /api/v1/applications/9/events': () => json(200, page([event()])),
      'PATCH /api/v1/applications/9': async (request) => json(200, { ...TRACKED_APP, ...(await request.json()) }),
      'DELETE /api/v1/applications/9': () => {
        tracked = false;
        return noContent();
      },
    });
    const { user } = renderApp('/jobs/5');
    const notes = await screen.findByLabelText('Notes');
    expect(notes).toHaveValue('Recruiter: Anna');
    expect(screen.getByRole('button', { name: 'Save notes' })).toBeDisabled();
    await user.type(notes, ', call Friday');
    await user.click(screen.getByRole('button', { name: 'Save notes' }));
    expect(await screen.findByText('Notes saved')).toBeInTheDocument();
    expect(await server.calls('PATCH /api/v1/applications/9')[0].json()).toMatchObject({ notes: 'Recruiter: Anna, call Friday' });

    await user.click(screen.getByRole('button', { name: 'Stop tracking' }));
    const dialog = await screen.findByRole('dialog', { name: 'Stop tracking this job?' });
    await user.click(within(dialog).getByRole('button', { name: 'Stop tracking' }));
    expect(await screen.findByRole('button', { name: 'Track this job' })).toBeInTheDocument();
    expect(server.calls('DELETE /api/v1/applications/9')).toHaveLength(1);
  });

  it('starts tracking a job', async () => {
    let tracked = false;
    const server = installFakeServer({
      ...SIGNED_IN,
      'GET /api/v1/documents': () => json(200, page([])),
      'GET /api/v1/jobs/5': () => json(200, tracked ? TRACKED_JOB : { ...TRACKED_JOB, tracking: null }),
      'POST /api/v1/applications': () => {
        tracked = true;
        return json(201, TRACKED_APP);
      },
      'GET /api/v1/applications/9': () => json(200, TRACKED_APP),
      'GET /api/v1/applications/9/events': () => json(200, page([event()])),
    });
    const { user } = renderApp('/jobs/5');
    await user.click(await screen.findByRole('button', { name: 'Track this job' }));
    expect(await screen.findByLabelText('Status')).toBeInTheDocument();
    expect(await server.calls('POST /api/v1/applications')[0].json()).toMatchObject({ job_posting_id: 5 });
  });

  it('says so when the job does not exist or is not visible', async () => {
    installFakeServer({
      ...SIGNED_IN,
      'GET /api/v1/documents': () => json(200, page([])),
      'GET /api/v1/jobs/404': () => json(404, { detail: 'Job not found', code: 'not_found' }),
    });
    renderApp('/jobs/404');
    expect(await screen.findByText('This job does not exist or is not visible to you.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to Jobs' })).toHaveAttribute('href', '/jobs');
  });
});
