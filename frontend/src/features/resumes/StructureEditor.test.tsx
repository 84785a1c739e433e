import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../client';
import type { JsonResume, ResumeRead, ResumeSummary } from '../../client/types';
import { renderApp } from '../../test/render';
import { installFakeServer, json, PROFILE, type Handler } from '../../test/fakeServer';
import { aiStatus, page, resumeRead, resumeStructure, resumeSummary, SIGNED_IN } from '../../test/fixtures';
import { structureFieldErrors, toStructure, toValues } from './structure';

const DATE_RULE = 'a date is "YYYY", "YYYY-MM" or "YYYY-MM-DD", between 1950 and 2100';

/** The profile page with resume 1 read and waiting for its review (so the card opens it). */
function structureServer(extra: Record<string, Handler> = {}, resumes: ResumeSummary[] = [resumeSummary({ id: 1, status: 'ready', skills_count: 3 })]) {
  const state: { detail: ResumeRead; resumes: ResumeSummary[] } = { detail: resumeRead(), resumes };
  const server = installFakeServer({
    ...SIGNED_IN,
    'GET /api/v1/users/me': () => json(200, PROFILE),
    'GET /api/v1/ai/status': () => json(200, aiStatus()),
    'GET /api/v1/resumes': () => json(200, page(state.resumes, state.resumes.length, 1, 10)),
    'GET /api/v1/resumes/1': () => json(200, state.detail),
    ...extra,
  });
  return { server, state };
}

async function structureSection() {
  return screen.findByRole('region', { name: 'Your resume, as structure' });
}

describe('Resume structure editor', () => {
  it('edits a role and its highlights, shows a date the server refuses next to its field, then saves', async () => {
    let refuse = true;
    const { server, state } = structureServer({
      'PUT /api/v1/resumes/1/structure': async (request) => {
        const structure = (await request.json()) as JsonResume;
        if (refuse) {
          refuse = false;
          return json(422, {
            detail: `Work.1.endDate: ${DATE_RULE}.`,
            code: 'validation_error',
            errors: [{ loc: ['body', 'work', 1, 'endDate'], msg: DATE_RULE, type: 'value_error' }],
          });
        }
        state.detail = { ...state.detail, structure, structure_origin: 'edited' };
        return json(200, state.detail);
      },
    });
    const { user } = renderApp('/profile');
    const section = await structureSection();
    expect(within(section).getByText('Read from your file — check it')).toBeInTheDocument();

    const current = within(section).getByRole('group', { name: 'Role 1: Analyst at Analytical Engine Company' });
    expect(within(current).getByLabelText('I still work here')).toBeChecked();
    expect(within(current).getByLabelText(/^End/)).toBeDisabled();
    const title = within(current).getByLabelText(/^Job title/);
    await user.clear(title);
    await user.type(title, 'Lead Analyst');
    expect(within(section).getByRole('group', { name: 'Role 1: Lead Analyst at Analytical Engine Company' })).toBe(current);

    // A new highlight, typed at once (focus lands on it), moved to the top; the second one removed.
    await user.click(within(current).getByRole('button', { name: 'Add highlight' }));
    expect(within(current).getByLabelText('Highlight 3')).toHaveFocus();
    await user.keyboard('Led a team of three');
    await user.click(within(current).getByRole('button', { name: 'Move highlight 3 up' }));
    await user.click(within(current).getByRole('button', { name: 'Move highlight 2 up' }));
    expect(within(current).getByLabelText('Highlight 1')).toHaveValue('Led a team of three');
    await user.click(within(current).getByRole('button', { name: 'Remove highlight 3' }));

    // The shape of a date is checked here; the server checks the rest.
    const earlier = within(section).getByRole('group', { name: 'Role 2: Translator at Babbage & Co' });
    const end = within(earlier).getByLabelText(/^End/);
    await user.clear(end);
    await user.type(end, 'last year');
    await user.click(within(section).getByRole('button', { name: 'Save structure' }));
    expect(await within(earlier).findByText('Write the date as YYYY, YYYY-MM or YYYY-MM-DD')).toBeInTheDocument();
    expect(server.calls('PUT /api/v1/resumes/1/structure')).toHaveLength(0);

    await user.clear(end);
    await user.type(end, '1899');
    await user.click(within(section).getByRole('button', { name: 'Save structure' }));
    expect(await within(earlier).findByText(`A date is "YYYY", "YYYY-MM" or "YYYY-MM-DD", between 1950 and 2100`)).toBeInTheDocument();
    expect(end).toHaveAttribute('aria-invalid', 'true');
    expect(within(section).getByRole('alert')).toHaveTextContent('Your corrections were not saved');

    await user.clear(end);
    await user.type(end, '1952');
    await user.click(within(section).getByRole('button', { name: 'Save structure' }));
    expect(await screen.findByText('Resume structure saved')).toBeInTheDocument();
    const sent = (await server.calls('PUT /api/v1/resumes/1/structure')[1].json()) as JsonResume;
    expect(sent.work?.[0]).toMatchObject({
      position: 'Lead Analyst',
      name: 'Analytical Engine Company',
      startDate: '1843-01',
      endDate: null,
      highlights: ['Led a team of three', 'Wrote the first published algorithm'],
    });
    expect(sent.work?.[1]).toMatchObject({ startDate: '1840', endDate: '1952' });
    expect(sent.skills).toEqual([{ name: 'Languages', level: '', keywords: ['Python', 'SQL'] }]);
    // The saved structure is what the form shows, and the badge says whose it is now.
    expect(await within(section).findByText('Corrected by you')).toBeInTheDocument();
    expect(within(section).getByLabelText('Highlight 1')).toHaveValue('Led a team of three');
    expect(end).not.toHaveAttribute('aria-invalid');
    expect(within(section).queryByText('Unsaved changes')).not.toBeInTheDocument();
  });

  it('adds a role that is still going, and a language', async () => {
    const { server, state } = structureServer({
      'PUT /api/v1/resumes/1/structure': async (request) => {
        state.detail = { ...state.detail, structure: (await request.json()) as JsonResume, structure_origin: 'edited' };
        return json(200, state.detail);
      },
    });
    const { user } = renderApp('/profile');
    const section = await structureSection();
    await user.click(within(section).getByRole('button', { name: 'Add role' }));
    const role = within(section).getByRole('group', { name: 'Role 3: New role' });
    expect(within(role).getByLabelText(/^Job title/)).toHaveFocus();
    await user.type(within(role).getByLabelText(/^Job title/), 'Consultant');
    await user.type(within(role).getByLabelText(/^Start/), '2024-02');
    await user.click(within(role).getByLabelText('I still work here'));
    await user.type(within(role).getByLabelText('Highlight 1'), 'Advised on engines');
    await user.click(within(section).getByRole('button', { name: /^Languages/ }));
    // Removing an entry leaves focus on its section's "Add" button, never on the page. (The part opens with a
    // transition: wait for its button rather than expecting it at once.)
    await user.click(await within(section).findByRole('button', { name: 'Add language' }));
    await user.click(within(section).getByRole('button', { name: 'Remove language 1' }));
    expect(within(section).getByRole('button', { name: 'Add language' })).toHaveFocus();
    await user.click(within(section).getByRole('button', { name: 'Add language' }));
    const language = within(section).getByRole('group', { name: 'Language 1: New language' });
    expect(within(language).getByLabelText(/^Language/)).toHaveFocus();
    await user.type(within(language).getByLabelText(/^Language/), 'French');
    await user.type(within(language).getByLabelText(/^Fluency/), 'Fluent');
    await user.click(within(section).getByRole('button', { name: 'Save structure' }));
    await waitFor(() => expect(server.calls('PUT /api/v1/resumes/1/structure')).toHaveLength(1));
    const sent = (await server.calls('PUT /api/v1/resumes/1/structure')[0].json()) as JsonResume;
    expect(sent.work?.[2]).toMatchObject({ position: 'Consultant', startDate: '2024-02', endDate: null, highlights: ['Advised on engines'] });
    expect(sent.languages).toEqual([{ language: 'French', fluency: 'Fluent' }]);
  });

  it('downloads the structure as a JSON Resume file with the token', async () => {
    const { server } = structureServer({
      'GET /api/v1/resumes/1/json-resume': () =>
        new Response('{"basics":{}}', { status: 200, headers: { 'Content-Type': 'application/json', 'Content-Disposition': 'attachment; filename="ada-lovelace.json"' } }),
    });
    Object.defineProperty(URL, 'createObjectURL', { value: vi.fn(() => 'blob:json-1'), configurable: true, writable: true });
    Object.defineProperty(URL, 'revokeObjectURL', { value: vi.fn(), configurable: true, writable: true });
    const saved: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(`${this.download} ${this.href}`);
    });
    const { user } = renderApp('/profile');
    const section = await structureSection();
    await user.click(within(section).getByRole('button', { name: 'Download JSON Resume' }));
    await waitFor(() => expect(saved).toEqual(['ada-lovelace.json blob:json-1']));
    expect(server.calls('GET /api/v1/resumes/1/json-resume')[0].headers.get('Authorization')).toBe('Bearer t1');
  });
});

describe('Importing a JSON Resume', () => {
  it('refuses a file that is not JSON before sending it, and shows the server’s reason for a bad one', async () => {
    const { server } = structureServer(
      {
        'POST /api/v1/resumes/json-resume': () =>
          json(400, { detail: 'This JSON Resume file has no content: no name, roles, education or skills.', code: 'resume_refused' }),
      },
      [],
    );
    renderApp('/profile');
    const user = userEvent.setup({ applyAccept: false });
    const card = await screen.findByRole('region', { name: 'Resume' });
    const input = within(card).getByLabelText('JSON Resume file');
    expect(input).toHaveAttribute('accept', 'application/json,.json');

    await user.upload(input, new File(['%PDF'], 'cv.pdf', { type: 'application/pdf' }));
    expect(await within(card).findByRole('alert')).toHaveTextContent('“cv.pdf” is not a JSON file.');
    expect(server.calls('POST /api/v1/resumes/json-resume')).toHaveLength(0);

    await user.upload(input, new File(['{}'], 'resume.json', { type: 'application/json' }));
    await waitFor(() => expect(within(card).getByRole('alert')).toHaveTextContent('This JSON Resume file has no content'));
    expect(within(card).getByRole('alert')).toHaveTextContent('Your JSON Resume was not imported');
    const [sent] = server.calls('POST /api/v1/resumes/json-resume');
    expect((await sent.formData()).get('file')).toMatchObject({ type: 'application/json' });
  });

  it('opens the imported resume while it is read, then shows it as imported', async () => {
    const imported = resumeSummary({ id: 1, filename: 'resume.txt', content_type: 'text/plain' });
    const { state } = structureServer(
      {
        'POST /api/v1/resumes/json-resume': () => {
          state.resumes = [imported];
          return json(202, imported);
        },
      },
      [],
    );
    state.detail = { ...resumeRead({ filename: 'resume.txt' }), structure_origin: 'imported' };
    const { user } = renderApp('/profile');
    const card = await screen.findByRole('region', { name: 'Resume' });
    await user.upload(within(card).getByLabelText('JSON Resume file'), new File(['{"basics":{"name":"Ada"}}'], 'resume.json', { type: 'application/json' }));
    expect(await screen.findByText('JSON Resume imported')).toBeInTheDocument();
    const section = await screen.findByRole('region', { name: 'Your resume, as structure' });
    expect(within(section).getByText('Imported')).toBeInTheDocument();
  });
});

describe('structure helpers', () => {
  it('round-trips a structure, keeping fields the editor does not show', () => {
    const structure = resumeStructure({ projects: [{ name: 'Notes', description: '', url: 'https://example.com', highlights: ['A'], keywords: [], startDate: '1843' }] });
    const back = toStructure(toValues(structure));
    expect(back.work?.[0]).toMatchObject({ url: '', endDate: null, highlights: structure.work?.[0].highlights });
    expect(back.basics?.location).toEqual({ address: '', city: 'London', region: '', countryCode: 'GB' });
    expect(back.projects?.[0]).toMatchObject({ url: 'https://example.com', startDate: '1843', endDate: null });
  });

  it('places a 422 entry on its form field, a highlight on its text', () => {
    const error = new ApiError(422, {
      detail: 'x',
      errors: [
        { loc: ['body', 'work', 0, 'highlights', 2], msg: 'too long', type: 'x' },
        { loc: ['body', 'basics', 'email'], msg: 'bad', type: 'x' },
      ],
    });
    expect(structureFieldErrors(error)).toEqual({ 'work.0.highlights.2.text': 'Too long', 'basics.email': 'Bad' });
    expect(structureFieldErrors(new Error('x'))).toEqual({});
  });
});
