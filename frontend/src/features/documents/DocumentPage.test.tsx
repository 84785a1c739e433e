import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { DocumentRead, DocumentVersion } from '../../client/types';
import { renderApp } from '../../test/render';
import { installFakeServer, json, PROFILE, type Handler } from '../../test/fakeServer';
import { envelope, FakeWebSocket } from '../../test/fakeWebSocket';
import { documentRead, documentVersion, jobRead, page, SIGNED_IN } from '../../test/fixtures';
import { filenameFrom } from './useDocuments';

/** Document 7 (a cover letter for job 5) answered from `state`. */
function documentServer(initial: DocumentRead = documentRead(), extra: Record<string, Handler> = {}) {
  const state: { document: DocumentRead; versions: DocumentVersion[] } = { document: initial, versions: [documentVersion()] };
  const server = installFakeServer({
    ...SIGNED_IN,
    'GET /api/v1/users/me': () => json(200, PROFILE),
    'GET /api/v1/jobs/5': () => json(200, jobRead({ id: 5, title: 'Platform Engineer', company: 'Fjord Payments' })),
    'GET /api/v1/documents': () => json(200, page(state.document ? [state.document] : [], 1, 1, 5)),
    'GET /api/v1/documents/7': () => json(200, state.document),
    'GET /api/v1/documents/7/versions': () => json(200, page([...state.versions].reverse(), state.versions.length, 1, 50)),
    'PATCH /api/v1/documents/7': async (request) => {
      const { content } = (await request.json()) as { content: string };
      const number = state.versions.length + 1;
      state.versions = [...state.versions, documentVersion({ number, origin: 'edited', content, created_at: '2025-11-21T10:00:00Z' })];
      state.document = { ...state.document, content, version_count: number, edited_at: '2025-11-21T10:00:00Z' };
      return json(200, state.document);
    },
    ...extra,
  });
  return { server, state };
}

async function live(): Promise<FakeWebSocket> {
  await waitFor(() => expect(FakeWebSocket.instances).toHaveLength(1));
  const ws = FakeWebSocket.latest();
  ws.open();
  ws.ready();
  return ws;
}

describe('Writing a cover letter', () => {
  it('starts from the job page, streams the text in order into a live region, then opens the editor', async () => {
    const generating = documentRead({ status: 'generating', content: '', provider: null });
    const { server, state } = documentServer(generating, {
      'POST /api/v1/jobs/5/documents': () => json(202, generating),
    });
    const { user } = renderApp('/jobs/5');
    const ws = await live();
    await user.click(await screen.findByRole('button', { name: 'Write cover letter' }));
    const dialog = await screen.findByRole('dialog', { name: 'Write a cover letter' });
    await user.click(within(dialog).getByRole('radio', { name: /Friendly/ }));
    await user.click(within(dialog).getByRole('radio', { name: 'Short' }));
    await user.click(within(dialog).getByRole('button', { name: 'Write cover letter' }));

    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/documents/7'));
    expect(await server.calls('POST /api/v1/jobs/5/documents')[0].json()).toEqual({ kind: 'cover_letter', tone: 'friendly', length: 'short', why_company: '' });
    const region = await screen.findByRole('log', { name: 'Text so far' });
    expect(region).toHaveAttribute('aria-live', 'polite');
    for (const delta of ['Dear ', 'Fjord ', 'Payments,']) {
      ws.receive(envelope('content.delta', { document_id: 7, delta, done: false }));
    }
    // Another document's deltas stay out of this one.
    ws.receive(envelope('content.delta', { document_id: 99, delta: 'ignored', done: false }));
    await waitFor(() => expect(region).toHaveTextContent(/^Dear Fjord Payments,$/));
    expect(screen.queryByText(/You stopped the writing/)).not.toBeInTheDocument(); // still writing, not stopped

    state.document = documentRead({ content: 'Dear Fjord Payments,\n\nI build **reliable** platforms.' });
    ws.receive(envelope('content.delta', { document_id: 7, done: true, status: 'ready' }));
    const editor = await screen.findByRole('textbox', { name: 'Markdown' });
    expect(editor).toHaveValue('Dear Fjord Payments,\n\nI build **reliable** platforms.');
    expect(screen.getByText('Written offline')).toBeInTheDocument();
    const preview = screen.getByRole('region', { name: 'Preview' });
    expect(within(preview).getByText('reliable').tagName).toBe('STRONG');
  });

  it('stops the writing with Stop', async () => {
    const generating = documentRead({ status: 'generating', content: '' });
    const { server, state } = documentServer(generating, {
      'POST /api/v1/documents/7/cancel': () => {
        state.document = { ...state.document, status: 'cancelled' };
        return json(200, state.document);
      },
    });
    const { user } = renderApp('/documents/7');
    await user.click(await screen.findByRole('button', { name: 'Stop' }));
    expect(await screen.findByText('You stopped the writing. What was written so far is kept below.')).toBeInTheDocument();
    expect(server.calls('POST /api/v1/documents/7/cancel')).toHaveLength(1);
  });

  it('says in words why writing could not start', async () => {
    documentServer(documentRead(), {
      'POST /api/v1/jobs/5/documents': () =>
        json(409, { detail: 'Add a resume or some skills to your profile first: there is nothing to write from.', code: 'no_profile' }),
    });
    const { user } = renderApp('/jobs/5');
    await user.click(await screen.findByRole('button', { name: 'Tailor resume' }));
    const dialog = await screen.findByRole('dialog', { name: 'Tailor your resume' });
    await user.click(within(dialog).getByRole('button', { name: 'Tailor resume' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Add a resume or some skills to your profile first');
    expect(within(dialog).getByRole('link', { name: 'Add skills or a resume on your profile' })).toHaveAttribute('href', '/profile');
  });

  it('lists the job’s documents on the job page', async () => {
    documentServer(documentRead({ title: 'Letter for Fjord' }));
    renderApp('/jobs/5');
    const list = await screen.findByRole('list', { name: 'Your documents for this job' });
    expect(within(list).getByRole('link', { name: 'Letter for Fjord' })).toHaveAttribute('href', '/documents/7');
  });
});

describe('Editing a document', () => {
  it('saves an edit as a new version, and loads an earlier version into the editor', async () => {
    const { server } = documentServer();
    const { user } = renderApp('/documents/7');
    const editor = await screen.findByRole('textbox', { name: 'Markdown' });
    const preview = screen.getByRole('region', { name: 'Preview' });
    expect(within(preview).getByRole('heading', { level: 3, name: 'Dear Fjord Payments' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();

    await user.clear(editor);
    await user.type(editor, 'Hello _there_');
    expect(within(preview).getByText('there').tagName).toBe('EM');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(server.calls('PATCH /api/v1/documents/7')).toHaveLength(1));
    expect(await server.calls('PATCH /api/v1/documents/7')[0].json()).toEqual({ content: 'Hello _there_' });
    const versions = await screen.findByRole('list', { name: 'Saved versions' });
    await waitFor(() => expect(within(versions).getAllByRole('button')).toHaveLength(2));
    const [newest, oldest] = within(versions).getAllByRole('button');
    expect(newest).toHaveTextContent('Version 2 · Edited');
    expect(oldest).toHaveTextContent('Version 1 · Original');

    await user.click(oldest);
    expect(editor).toHaveValue('# Dear Fjord Payments\n\nI build **reliable** platforms.');
    expect(screen.getByText('Version 1 is loaded. Save to keep it as the latest version.')).toBeInTheDocument();
  });

  it('downloads the PDF with the bearer token under the server’s file name, and says why a download failed', async () => {
    const { server } = documentServer(documentRead(), {
      'GET /api/v1/documents/7/export': (request) =>
        new URL(request.url).searchParams.get('format') === 'pdf'
          ? new Response('%PDF-1.7', {
              status: 200,
              headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': 'attachment; filename="cover-letter-fjord.pdf"' },
            })
          : json(503, { detail: 'DOCX export is not available on this server.', code: 'export_unavailable' }),
    });
    Object.defineProperty(URL, 'createObjectURL', { value: vi.fn(() => 'blob:doc-7'), configurable: true, writable: true });
    Object.defineProperty(URL, 'revokeObjectURL', { value: vi.fn(), configurable: true, writable: true });
    const saved: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(`${this.download} ${this.href}`);
    });
    const { user } = renderApp('/documents/7');
    await user.click(await screen.findByRole('button', { name: 'Download PDF' }));
    await waitFor(() => expect(saved).toEqual(['cover-letter-fjord.pdf blob:doc-7']));
    const call = server.calls('GET /api/v1/documents/7/export')[0];
    expect(new URL(call.url).search).toBe('?format=pdf');
    expect(call.headers.get('Authorization')).toBe('Bearer t1');

    await user.click(screen.getByRole('button', { name: 'Download DOCX' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('DOCX export is not available on this server.');
  });

  it('shows a tailored resume’s changes with + and −, the removed claims and the missing skills', async () => {
    documentServer(
      documentRead({
        kind: 'tailored_resume',
        title: 'Resume for Platform Engineer',
        provider: 'groq',
        model: 'llama-3.3-70b',
        report: {
          removed: [{ kind: 'skill', text: 'Expert in Kubernetes', reason: 'not in your profile' }],
          missing_skills: ['Kubernetes', 'Terraform'],
          matching_skills: ['Go'],
        },
        diff: [
          { op: 'equal', text: 'Ada Lovelace' },
          { op: 'delete', text: 'Analyst' },
          { op: 'insert', text: 'Platform engineer' },
        ],
      }),
    );
    renderApp('/documents/7');
    expect(await screen.findByText('Written by Groq · llama-3.3-70b')).toBeInTheDocument();
    expect(screen.getByText(/We removed 1 claim your profile doesn’t support/)).toBeInTheDocument();
    expect(screen.getByText('“Expert in Kubernetes”')).toBeInTheDocument();
    const missing = screen.getByRole('region', { name: 'Skills this job asks for that you don’t have' });
    expect(within(missing).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Kubernetes', 'Terraform']);
    const diff = screen.getByRole('list', { name: 'Changes, line by line' });
    const lines = within(diff).getAllByRole('listitem');
    expect(lines.map((line) => line.textContent)).toEqual([' Ada Lovelace', '−Removed: Analyst', '+Added: Platform engineer']);
    expect(lines[1].querySelector('del')).not.toBeNull();
    expect(lines[2].querySelector('ins')).not.toBeNull();
  });
});

describe('filenameFrom', () => {
  it('reads plain and encoded file names', () => {
    expect(filenameFrom('attachment; filename="letter.pdf"', 'x')).toBe('letter.pdf');
    expect(filenameFrom("attachment; filename*=UTF-8''lettre%20%C3%A9t%C3%A9.docx", 'x')).toBe('lettre été.docx');
    expect(filenameFrom(null, 'document-7.pdf')).toBe('document-7.pdf');
  });
});
