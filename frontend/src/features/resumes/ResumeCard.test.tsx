import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../client';
import type { ProfileRead, ResumeRead, ResumeSummary } from '../../client/types';
import { renderApp } from '../../test/render';
import { installFakeServer, json, noContent, PROFILE, type Handler } from '../../test/fakeServer';
import { envelope, FakeWebSocket } from '../../test/fakeWebSocket';
import { aiStatus, page, resumeRead, resumeSummary, SIGNED_IN } from '../../test/fixtures';
import { rejectionMessage, uploadErrorMessage } from './ResumeDropzone';
import { orderedSections } from './ResumeSections';

const PDF = () => new File(['%PDF-1.7 Ada Lovelace'], 'ada-lovelace-cv.pdf', { type: 'application/pdf' });
const UPLOADED = resumeSummary({ id: 1 });

/** The profile page of a user with SQL among their skills; resumes answered from `state`. */
function resumeServer(extra: Record<string, Handler> = {}, resumes: ResumeSummary[] = []) {
  const state: { resumes: ResumeSummary[]; detail: ResumeRead; profile: ProfileRead } = {
    resumes,
    detail: { ...resumeRead(), ...UPLOADED, text: '', sections: {}, skills: [] },
    profile: { ...PROFILE, skills: [{ name: 'SQL', source: 'manual', level: 3 }] },
  };
  const server = installFakeServer({
    ...SIGNED_IN,
    'GET /api/v1/users/me': () => json(200, state.profile),
    'GET /api/v1/ai/status': () => json(200, aiStatus()),
    'GET /api/v1/resumes': () => json(200, page(state.resumes, state.resumes.length, 1, 10)),
    'GET /api/v1/resumes/1': () => json(200, state.detail),
    'POST /api/v1/resumes': () => {
      state.resumes = [UPLOADED, ...state.resumes];
      return json(202, UPLOADED);
    },
    'POST /api/v1/resumes/1/skills': async (request) => {
      const { accept } = (await request.json()) as { accept: string[] };
      const added = accept.map((name) => ({ name, source: 'resume' as const, level: null }));
      state.profile = { ...state.profile, skills: [...state.profile.skills, ...added] };
      state.detail = { ...state.detail, reviewed_at: '2025-11-20T09:01:00Z' };
      state.resumes = [{ ...UPLOADED, status: 'ready', reviewed_at: '2025-11-20T09:01:00Z' }];
      return json(200, state.profile);
    },
    ...extra,
  });
  return { server, state };
}

async function card() {
  return screen.findByRole('region', { name: 'Resume' });
}

async function live(): Promise<FakeWebSocket> {
  await waitFor(() => expect(FakeWebSocket.instances).toHaveLength(1));
  const ws = FakeWebSocket.latest();
  ws.open();
  ws.ready();
  return ws;
}

function progress(ws: FakeWebSocket, status: string, percent: number, message = '', skills = 0) {
  ws.receive(envelope('resume.progress', { resume_id: 1, status, percent, message, skills_count: skills }));
}

afterEach(() => {
  vi.useRealTimers();
});

describe('Profile: resume upload and progress', () => {
  it('uploads a dropped PDF, follows resume.progress, then adds the kept skills to the profile', async () => {
    const { server, state } = resumeServer();
    const { user } = renderApp('/profile');
    const section = await card();
    const ws = await live();
    await user.upload(within(section).getByLabelText('Resume file'), PDF());

    const bar = await within(section).findByRole('progressbar', { name: 'Reading your resume' });
    expect(bar).toHaveAttribute('aria-valuenow', '5');
    const [upload] = server.calls('POST /api/v1/resumes');
    expect(upload.headers.get('Authorization')).toBe('Bearer t1');
    expect(upload.headers.get('Content-Type')).toMatch(/^multipart\/form-data; boundary=/);
    expect((await upload.formData()).get('file')).toMatchObject({ type: 'application/pdf' });

    progress(ws, 'reading', 30, 'Reading the text');
    await waitFor(() => expect(within(section).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '30'));
    const steps = within(section).getByRole('list', { name: 'Steps' });
    expect(within(steps).getByText('Reading text').closest('li')).toHaveAttribute('aria-current', 'step');
    progress(ws, 'extracting', 70, 'Finding skills');
    await waitFor(() => expect(within(section).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '70'));
    expect(within(steps).getByText('Finding skills').closest('li')).toHaveAttribute('aria-current', 'step');
    expect(within(steps).getByText('Reading text')).toHaveTextContent('Reading text: done');

    state.detail = resumeRead();
    progress(ws, 'ready', 100, 'Found 3 skills', 3);
    const chips = await within(section).findByRole('list', { name: 'Skills to add' });
    expect(within(chips).getByRole('button', { name: 'Python' })).toHaveAttribute('aria-pressed', 'true');
    expect(within(chips).getByRole('button', { name: 'Pandas' })).toHaveAttribute('aria-pressed', 'true');
    expect(within(chips).queryByRole('button', { name: 'SQL' })).not.toBeInTheDocument();
    expect(within(within(section).getByRole('list', { name: 'Already in your profile' })).getByText('SQL')).toBeInTheDocument();
    expect(within(section).getByText('Found offline by the built-in skills taxonomy')).toBeInTheDocument();

    // Leave Pandas out, add one the resume missed, put Pandas back and out again.
    await user.click(within(chips).getByRole('button', { name: 'Pandas' }));
    expect(within(chips).getByRole('button', { name: 'Pandas' })).toHaveAttribute('aria-pressed', 'false');
    await user.type(within(section).getByLabelText('Add a skill the resume does not mention'), 'Kubernetes{Enter}');
    expect(within(chips).getByRole('button', { name: 'Kubernetes' })).toHaveAttribute('aria-pressed', 'true');
    await user.type(within(section).getByLabelText('Add a skill the resume does not mention'), 'sql{Enter}');
    expect(within(section).getByText('“SQL” is already in the list')).toBeInTheDocument();

    await user.click(within(section).getByRole('button', { name: 'Add 2 skills to profile' }));
    expect(await screen.findByText('Added 2 skills to your profile')).toBeInTheDocument();
    expect(await server.calls('POST /api/v1/resumes/1/skills')[0].json()).toEqual({ accept: ['Python', 'Kubernetes'] });
    // The profile's skills (the editor below) show them; the card is ready for another file.
    const skills = await screen.findByRole('list', { name: 'Your skills' });
    await waitFor(() => expect(within(skills).getAllByRole('listitem').map((li) => li.textContent)).toEqual(
      expect.arrayContaining([expect.stringContaining('Python'), expect.stringContaining('Kubernetes')]),
    ));
    expect(within(skills).queryByText('Pandas')).not.toBeInTheDocument();
    // The structure stays open to be checked; "Done" makes the card ready for another file.
    expect(await within(section).findByText(/Skills settled/)).toBeInTheDocument();
    expect(within(section).getByRole('region', { name: 'Your resume, as structure' })).toBeInTheDocument();
    await user.click(within(section).getByRole('button', { name: 'Done' }));
    expect(await within(section).findByLabelText('Resume file')).toBeInTheDocument();
  });

  it('polls the resume when no live update arrives', async () => {
    const { state } = resumeServer();
    const { user } = renderApp('/profile');
    const section = await card();
    await user.upload(within(section).getByLabelText('Resume file'), PDF());
    expect(await within(section).findByRole('progressbar')).toHaveAttribute('aria-valuenow', '5');
    state.detail = resumeRead();
    expect(await within(section).findByRole('list', { name: 'Skills to add' })).toBeInTheDocument();
  });

  it("shows the server's reason when reading fails, and offers another file", async () => {
    const { state } = resumeServer();
    const { user } = renderApp('/profile');
    const section = await card();
    const ws = await live();
    await user.upload(within(section).getByLabelText('Resume file'), PDF());
    await within(section).findByRole('progressbar');
    const reason = 'This PDF has no extractable text (it looks like a scan). Export it again from your editor.';
    state.detail = { ...state.detail, status: 'failed', error: reason };
    progress(ws, 'failed', 100, reason);
    const alert = await within(section).findByRole('alert');
    expect(alert).toHaveTextContent('We could not read “ada-lovelace-cv.pdf”');
    expect(alert).toHaveTextContent(reason);
    await user.click(within(alert).getByRole('button', { name: 'Try another file' }));
    expect(within(section).getByLabelText('Resume file')).toBeInTheDocument();
    expect(within(section).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('refuses a file over 5 MB before sending it', async () => {
    const { server } = resumeServer();
    const { user } = renderApp('/profile');
    const section = await card();
    const big = new File([new Uint8Array(6 * 1024 * 1024)], 'big.pdf', { type: 'application/pdf' });
    await user.upload(within(section).getByLabelText('Resume file'), big);
    const alert = await within(section).findByRole('alert');
    expect(alert).toHaveTextContent('“big.pdf” is 6.3 MB; a resume can be at most 5 MB.');
    expect(server.calls('POST /api/v1/resumes')).toHaveLength(0);
  });

  it('refuses other file types, and shows a server refusal in words', async () => {
    const { server } = resumeServer({
      'POST /api/v1/resumes': () => json(400, { detail: 'This file is empty.', code: 'resume_empty' }),
    });
    renderApp('/profile');
    const user = userEvent.setup({ applyAccept: false });
    const section = await card();
    const input = within(section).getByLabelText('Resume file');
    expect(input).toHaveAttribute('accept', expect.stringContaining('.docx'));
    await user.upload(input, new File(['png'], 'photo.png', { type: 'image/png' }));
    expect(await within(section).findByRole('alert')).toHaveTextContent('“photo.png” is not a PDF, Word (.docx) or text file.');
    expect(server.calls('POST /api/v1/resumes')).toHaveLength(0);

    await user.upload(input, new File([''], 'empty.txt', { type: 'text/plain' }));
    await waitFor(() => expect(within(section).getByRole('alert')).toHaveTextContent('This file is empty.'));
    expect(within(section).getByRole('alert')).toHaveTextContent('Your resume was not uploaded');
  });
});

describe('Profile: earlier resumes', () => {
  const REVIEWED = resumeSummary({ id: 2, filename: 'cv-2024.docx', status: 'ready', skills_count: 12, reviewed_at: '2025-11-01T10:00:00Z' });
  const FAILED = resumeSummary({ id: 3, filename: 'scan.pdf', status: 'failed', error: 'No text.' });

  it('lists them; downloads one with the token, and deletes one after a confirmation', async () => {
    const { server, state } = resumeServer(
      {
        'GET /api/v1/resumes/2/file': () => new Response('PK docx', { status: 200, headers: { 'Content-Type': 'application/octet-stream' } }),
        'DELETE /api/v1/resumes/3': () => {
          state.resumes = [REVIEWED];
          return noContent();
        },
      },
      [REVIEWED, FAILED],
    );
    const createObjectURL = vi.fn(() => 'blob:resume-2');
    Object.defineProperty(URL, 'createObjectURL', { value: createObjectURL, configurable: true, writable: true });
    Object.defineProperty(URL, 'revokeObjectURL', { value: vi.fn(), configurable: true, writable: true });
    const saved: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(`${this.download} ${this.href}`);
    });
    const { user } = renderApp('/profile');
    const section = await card();
    // The newest was reviewed already: the card offers a new upload.
    expect(within(section).getByLabelText('Resume file')).toBeInTheDocument();
    const rows = within(await within(section).findByRole('list', { name: 'Your resumes' })).getAllByRole('listitem');
    expect(rows[0]).toHaveTextContent('cv-2024.docx');
    expect(rows[0]).toHaveTextContent('12 skills');
    expect(rows[1]).toHaveTextContent('Failed');

    await user.click(within(rows[0]).getByRole('button', { name: 'Download cv-2024.docx' }));
    await waitFor(() => expect(saved).toEqual(['cv-2024.docx blob:resume-2']));
    expect(server.calls('GET /api/v1/resumes/2/file')[0].headers.get('Authorization')).toBe('Bearer t1');
    expect(createObjectURL).toHaveBeenCalledTimes(1);

    await user.click(within(rows[1]).getByRole('button', { name: 'Delete scan.pdf' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete this resume?' });
    expect(dialog).toHaveTextContent('Skills you already added to your profile stay.');
    await user.click(within(dialog).getByRole('button', { name: 'Delete resume' }));
    expect(await screen.findByText('Resume deleted')).toBeInTheDocument();
    await waitFor(() => expect(within(section).getAllByRole('listitem')).toHaveLength(1));
    expect(server.calls('DELETE /api/v1/resumes/3')).toHaveLength(1);
  });

  it('opens the review of a resume read but not reviewed, naming the model that found the skills', async () => {
    const { state } = resumeServer(
      { 'GET /api/v1/ai/status': () => json(200, aiStatus({ provider: 'groq', provider_label: 'Groq', model: 'llama-3.3-70b-versatile', offline: false })) },
      [resumeSummary({ id: 1, status: 'ready', provider: 'hybrid:groq', skills_count: 3 })],
    );
    state.detail = resumeRead({ provider: 'hybrid:groq' });
    const { user } = renderApp('/profile');
    const section = await card();
    expect(await within(section).findByText('Found by Groq · llama-3.3-70b-versatile')).toBeInTheDocument();
    expect(within(section).getByText('2 pages. Open a section to check the text was read correctly.')).toBeInTheDocument();
    const experience = within(section).getByRole('button', { name: 'Experience' });
    expect(experience).toHaveAttribute('aria-expanded', 'false');
    await user.click(experience);
    expect(experience).toHaveAttribute('aria-expanded', 'true');
    expect(within(section).getByText('Analyst at the Analytical Engine Company, 1843–1852')).toBeInTheDocument();
    await user.click(within(section).getByRole('button', { name: 'Not now' }));
    expect(within(section).queryByRole('button', { name: 'Not now' })).not.toBeInTheDocument();
    expect(within(section).getByRole('region', { name: 'Your resume, as structure' })).toBeInTheDocument();
    await user.click(within(section).getByRole('button', { name: 'Done' }));
    expect(within(section).getByLabelText('Resume file')).toBeInTheDocument();
  });
});

describe('Profile: skills from a resume and unsaved edits', () => {
  it('adds the new skills to the form without losing edits not saved yet', async () => {
    const { state } = resumeServer({}, [resumeSummary({ id: 1, status: 'ready', skills_count: 3 })]);
    state.detail = resumeRead();
    const { user } = renderApp('/profile');
    const section = await card();
    const name = await screen.findByLabelText(/^Full name/);
    await user.clear(name);
    await user.type(name, 'Ada King');
    await user.click(await within(section).findByRole('button', { name: 'Add 2 skills to profile' }));
    const skills = screen.getByRole('list', { name: 'Your skills' });
    await waitFor(() => expect(within(skills).getAllByRole('listitem')).toHaveLength(3));
    expect(skills).toHaveTextContent(/SQL.*Python.*Pandas/);
    expect(screen.getByLabelText(/^Full name/)).toHaveValue('Ada King');
  });
});

describe('resume helpers', () => {
  it('orders sections as a resume reads, skipping empty ones', () => {
    expect(orderedSections({ other: 'x', skills: 'y', contact: 'z', summary: ' ', hobbies: 'w' }).map(([key]) => key)).toEqual([
      'contact',
      'skills',
      'other',
      'hobbies',
    ]);
  });

  it('explains refusals in words', () => {
    const file = Object.assign(new File(['x'], 'cv.pdf'), { path: 'cv.pdf', relativePath: 'cv.pdf' });
    expect(rejectionMessage([{ file, errors: [{ code: 'too-many-files', message: '' }] }])).toBe('Drop one file at a time.');
    expect(rejectionMessage([
      { file, errors: [] },
      { file, errors: [] },
    ])).toMatch(/^Drop one file at a time/);
    expect(uploadErrorMessage(new ApiError(413, '<html>Too large</html>'))).toBe('The file is too large: a resume can be at most 5 MB.');
    expect(uploadErrorMessage(new ApiError(413, { detail: 'Resumes can be at most 5 MB.', code: 'resume_too_large' }))).toBe(
      'Resumes can be at most 5 MB.',
    );
  });
});
