import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test/render';
import { installFakeServer, json, type Handler } from '../../test/fakeServer';
import { jobListItem, jobRead, page, SIGNED_IN } from '../../test/fixtures';

const IMPORTED = jobRead({ id: 55, title: 'Platform Engineer', company: 'Stripe', is_own: true });

function importServer(extra: Record<string, Handler> = {}) {
  return installFakeServer({
    ...SIGNED_IN,
    'GET /api/v1/jobs': () => json(200, page([jobListItem({ id: 1, title: 'Backend Engineer' })])),
    'GET /api/v1/jobs/55': () => json(200, IMPORTED),
    'POST /api/v1/jobs/import-url': () => json(201, IMPORTED),
    ...extra,
  });
}

async function openDialog() {
  const { user } = renderApp('/jobs');
  await screen.findByRole('link', { name: 'Backend Engineer' });
  await user.click(screen.getByRole('button', { name: 'Import from link' }));
  const dialog = await screen.findByRole('dialog', { name: 'Import a job from a link' });
  return { user, dialog };
}

describe('Import a job from a link', () => {
  it('imports the link, then opens the new job', async () => {
    const server = importServer();
    const { user, dialog } = await openDialog();
    expect(dialog).toHaveTextContent('It works for Greenhouse, Lever and Ashby links, and for career pages');
    const field = within(dialog).getByLabelText(/^Job link/);
    await waitFor(() => expect(field).toHaveFocus());

    await user.type(field, ' https://boards.greenhouse.io/stripe/jobs/123 ');
    await user.click(within(dialog).getByRole('button', { name: 'Import' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Platform Engineer' })).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/jobs/55');
    expect(screen.getByText('Job imported')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    const [request] = server.calls('POST /api/v1/jobs/import-url');
    expect(await request.json()).toEqual({ url: 'https://boards.greenhouse.io/stripe/jobs/123' });
  });

  it('keeps the dialog open and shows why a link could not be imported (400)', async () => {
    const server = importServer({
      'POST /api/v1/jobs/import-url': () =>
        json(400, {
          detail: 'This page has no job posting data (schema.org JobPosting) to import.',
          code: 'url_import_failed',
        }),
    });
    const { user, dialog } = await openDialog();
    await user.type(within(dialog).getByLabelText(/^Job link/), 'https://example.com/careers');
    await user.click(within(dialog).getByRole('button', { name: 'Import' }));

    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('The job was not imported');
    expect(alert).toHaveTextContent('This page has no job posting data (schema.org JobPosting) to import.');
    expect(screen.getByRole('dialog', { name: 'Import a job from a link' })).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent(/^\/jobs$/);

    // A 422 (not an http(s) address) reads as well.
    server.on('POST /api/v1/jobs/import-url', () =>
      json(422, {
        detail: "Url: uRL scheme should be 'http' or 'https'.",
        code: 'validation_error',
        errors: [{ loc: ['body', 'url'], msg: "URL scheme should be 'http' or 'https'", type: 'url_scheme' }],
      }),
    );
    const field = within(dialog).getByLabelText(/^Job link/);
    await user.clear(field);
    await user.type(field, 'ftp://example.com/job');
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Import' }));
    const invalid = await within(dialog).findByRole('alert');
    expect(invalid).toHaveTextContent('The job was not imported');
    expect(invalid).toHaveTextContent("URL scheme should be 'http' or 'https'");
    expect(invalid).not.toHaveTextContent('Url:');
  });

  it('asks for a link before calling the server, and Cancel closes', async () => {
    const server = importServer();
    const { user, dialog } = await openDialog();
    await user.click(within(dialog).getByRole('button', { name: 'Import' }));
    expect(await within(dialog).findByText('Paste the link of a job posting')).toBeInTheDocument();
    expect(server.calls('POST /api/v1/jobs/import-url')).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('is offered in the empty state too', async () => {
    installFakeServer({ ...SIGNED_IN, 'GET /api/v1/jobs': () => json(200, page([])) });
    const { user } = renderApp('/jobs');
    await screen.findByRole('heading', { name: 'No jobs yet' });
    expect(screen.getAllByRole('button', { name: 'Import from link' })).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Import from link' }));
    expect(await screen.findByRole('dialog', { name: 'Import a job from a link' })).toBeInTheDocument();
  });
});
