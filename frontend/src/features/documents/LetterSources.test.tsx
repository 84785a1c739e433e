import { render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { DocumentRead } from '../../client/types';
import { renderApp } from '../../test/render';
import { installFakeServer, json, PROFILE, type Handler } from '../../test/fakeServer';
import { documentRead, documentVersion, jobRead, page, SIGNED_IN } from '../../test/fixtures';
import { Markdown } from './markdown';
import { placeholdersIn, reportSentences, segmentLetter } from './provenance';

const GREETING = 'Dear Harbor Health team,';
const FACT = 'At Initech Corp I cut report times by 40%.';
const WHY = '[Why Harbor Health: one sentence in your words]';
const THANKS = 'Thank you for your time.';
const LETTER = `${GREETING}\n\n${FACT} ${WHY}\n\n${THANKS}\n\n[What you would like to do in this role, in your words]`;

/** A cover letter with its sentences' sources, two placeholders and one claim left out. */
function letter(overrides: Partial<DocumentRead> = {}): DocumentRead {
  return documentRead({
    company: 'Harbor Health',
    content: LETTER,
    report: {
      removed: [{ kind: 'skill', text: 'I am an expert in Kubernetes.', reason: 'Kubernetes is not in your resume or profile' }],
      sentences: [
        { text: GREETING, sources: [{ kind: 'courtesy', ref: '', label: 'Courtesy', quote: 'Dear {company} team,' }] },
        {
          text: FACT,
          sources: [
            { kind: 'resume', ref: 'work[0].highlights[2]', label: 'Senior Engineer at Initech Corp (2019–2024)', quote: 'Cut report generation time by 40%' },
            { kind: 'posting', ref: 'posting.responsibilities[0]', label: 'The posting', quote: 'Speed up our reporting' },
          ],
        },
        { text: WHY, sources: [{ kind: 'placeholder', ref: 'why_company', label: 'Write this yourself', quote: WHY }] },
        { text: THANKS, sources: [{ kind: 'courtesy', ref: '', label: 'Courtesy', quote: THANKS }] },
      ],
    },
    ...overrides,
  });
}

function documentServer(document: DocumentRead, extra: Record<string, Handler> = {}) {
  return installFakeServer({
    ...SIGNED_IN,
    'GET /api/v1/users/me': () => json(200, PROFILE),
    'GET /api/v1/jobs/5': () => json(200, jobRead({ id: 5, title: 'Data Engineer', company: 'Harbor Health' })),
    'GET /api/v1/documents': () => json(200, page([document], 1, 1, 5)),
    'GET /api/v1/documents/7': () => json(200, document),
    'GET /api/v1/documents/7/versions': () => json(200, page([documentVersion({ content: document.content })], 1, 1, 50)),
    ...extra,
  });
}

describe('Where a cover letter’s sentences come from', () => {
  it('lists a chosen sentence’s sources (click or keyboard), says what courtesy and placeholders are', async () => {
    documentServer(letter());
    const { user } = renderApp('/documents/7');
    const sources = await screen.findByRole('region', { name: 'Where each sentence comes from' });
    const panel = within(sources).getByRole('region', { name: 'Sources' });
    expect(panel).toHaveTextContent('Choose a sentence of the letter to see where it comes from.');

    const fact = within(sources).getByRole('button', { name: FACT });
    await user.click(fact);
    expect(fact).toHaveAttribute('aria-pressed', 'true');
    const items = within(within(panel).getByRole('list', { name: 'Sources of this sentence' })).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('Resume');
    expect(items[0]).toHaveTextContent('Senior Engineer at Initech Corp (2019–2024)');
    expect(within(items[0]).getByText('Cut report generation time by 40%').tagName).toBe('BLOCKQUOTE');
    expect(items[1]).toHaveTextContent('Job posting');
    expect(items[1]).toHaveTextContent('Speed up our reporting');

    // From the keyboard: Tab to the next sentence (the placeholder), Enter.
    await user.tab();
    expect(within(sources).getByRole('button', { name: WHY })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(panel).toHaveTextContent('To fill in');
    expect(panel).toHaveTextContent('Fill this in before sending');
    expect(fact).toHaveAttribute('aria-pressed', 'false');

    await user.click(within(sources).getByRole('button', { name: GREETING }));
    expect(panel).toHaveTextContent('A standard courtesy sentence');
  });

  it('counts the placeholders and marks them, and lists the claims left out with their reason', async () => {
    documentServer(letter());
    renderApp('/documents/7');
    expect(await screen.findByText('This letter has 2 placeholders to fill in before you send it')).toBeInTheDocument();
    const sources = screen.getByRole('region', { name: 'Where each sentence comes from' });
    const marks = [...sources.querySelectorAll('mark.placeholder')].map((mark) => mark.textContent);
    expect(marks).toEqual([WHY, '[What you would like to do in this role, in your words]']);
    // The preview beside the editor marks them too.
    const preview = screen.getByRole('region', { name: 'Preview' });
    expect(within(preview).getByText(WHY).tagName).toBe('MARK');

    const leftOut = screen.getByRole('region', { name: 'Left out: not supported by your resume' });
    expect(leftOut).toHaveTextContent('“I am an expert in Kubernetes.”');
    expect(leftOut).toHaveTextContent('Kubernetes is not in your resume or profile');
  });

  it('still shows a letter written before sentences were recorded, without the sources card', async () => {
    documentServer(letter({ report: { removed: [] }, content: 'Dear team,\n\nI build platforms.' }));
    renderApp('/documents/7');
    expect(await screen.findByRole('textbox', { name: 'Markdown' })).toHaveValue('Dear team,\n\nI build platforms.');
    expect(screen.queryByRole('region', { name: 'Where each sentence comes from' })).not.toBeInTheDocument();
    expect(screen.queryByText(/placeholders? to fill in/)).not.toBeInTheDocument();
  });
});

describe('Writing a cover letter with “why this company”', () => {
  it('sends the user’s words as why_company, and says what happens without them', async () => {
    const generating = letter({ status: 'generating', content: '' });
    const server = documentServer(generating, { 'POST /api/v1/jobs/5/documents': () => json(202, generating) });
    const { user } = renderApp('/jobs/5');
    await user.click(await screen.findByRole('button', { name: 'Write cover letter' }));
    const dialog = await screen.findByRole('dialog', { name: 'Write a cover letter' });
    const why = within(dialog).getByLabelText('Why this company?');
    expect(why).toHaveAccessibleDescription(expect.stringContaining('Without them, the letter leaves a placeholder for you to fill in.'));
    expect(why).toHaveAttribute('maxlength', '400');
    await user.type(why, '  Your clinics run on data I know how to clean.  ');
    await user.click(within(dialog).getByRole('button', { name: 'Write cover letter' }));
    await waitFor(() => expect(server.calls('POST /api/v1/jobs/5/documents')).toHaveLength(1));
    expect(await server.calls('POST /api/v1/jobs/5/documents')[0].json()).toEqual({
      kind: 'cover_letter',
      tone: 'professional',
      length: 'medium',
      why_company: 'Your clinics run on data I know how to clean.',
    });
  });

  it('does not ask it for a tailored resume', async () => {
    documentServer(letter());
    const { user } = renderApp('/jobs/5');
    await user.click(await screen.findByRole('button', { name: 'Tailor resume' }));
    const dialog = await screen.findByRole('dialog', { name: 'Tailor your resume' });
    expect(within(dialog).queryByLabelText('Why this company?')).not.toBeInTheDocument();
  });
});

describe('Downloading a tailored resume', () => {
  it('uses the chosen template for PDF and DOCX, and offers JSON Resume', async () => {
    const server = documentServer(letter({ kind: 'tailored_resume', title: 'Resume for Data Engineer', report: {}, content: '# Ada Lovelace' }), {
      'GET /api/v1/documents/7/export': (request) => {
        const format = new URL(request.url).searchParams.get('format');
        return new Response('x', { status: 200, headers: { 'Content-Disposition': `attachment; filename="resume.${format}"` } });
      },
    });
    Object.defineProperty(URL, 'createObjectURL', { value: vi.fn(() => 'blob:doc-7'), configurable: true, writable: true });
    Object.defineProperty(URL, 'revokeObjectURL', { value: vi.fn(), configurable: true, writable: true });
    const saved: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    const { user } = renderApp('/documents/7');
    const template = await screen.findByLabelText('Template');
    expect(template).toHaveValue('classic');
    await user.selectOptions(template, 'modern');
    await user.click(screen.getByRole('button', { name: 'Download PDF' }));
    await waitFor(() => expect(saved).toEqual(['resume.pdf']));
    await user.click(screen.getByRole('button', { name: 'Download DOCX' }));
    await user.click(screen.getByRole('button', { name: 'Download JSON Resume' }));
    await waitFor(() => expect(saved).toEqual(['resume.pdf', 'resume.docx', 'resume.json']));
    const searches = server.calls('GET /api/v1/documents/7/export').map((call) => new URL(call.url).search);
    expect(searches).toEqual(['?format=pdf&template=modern', '?format=docx&template=modern', '?format=json']);
  });

  it('offers no template or JSON for a cover letter', async () => {
    documentServer(letter());
    renderApp('/documents/7');
    expect(await screen.findByRole('button', { name: 'Download PDF' })).toBeInTheDocument();
    expect(screen.queryByLabelText('Template')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Download JSON Resume' })).not.toBeInTheDocument();
  });
});

describe('provenance helpers', () => {
  it('cuts the letter into its sentences, skipping ones edited away', () => {
    const sentences = [{ text: 'A b.', sources: [] }, { text: 'Gone.', sources: [] }, { text: 'C d.', sources: [] }];
    expect(segmentLetter('Hi\n\nA b. C d.', sentences)).toEqual({
      segments: [
        { type: 'text', text: 'Hi\n\n' },
        { type: 'sentence', index: 0, text: 'A b.' },
        { type: 'text', text: ' ' },
        { type: 'sentence', index: 2, text: 'C d.' },
      ],
      missing: 1,
    });
  });

  it('reads sentences defensively and finds placeholders, not links', () => {
    expect(reportSentences({ report: {} })).toEqual([]);
    expect(reportSentences({ report: { sentences: [{ text: 'x', sources: [{ kind: 'llm' }, 'bad'] }, { nope: 1 }] } })).toEqual([
      { text: 'x', sources: [{ kind: 'llm', ref: '', label: '', quote: '' }] },
    ]);
    expect(placeholdersIn('See [site](https://x.org) and [Your words here] [x]')).toEqual(['[Your words here]']);
  });

  it('marks placeholders in the preview', () => {
    const { container } = render(<Markdown>{'I want [Why Acme: one sentence] and [a link](https://example.com).'}</Markdown>);
    expect(container.querySelector('mark.placeholder')).toHaveTextContent('[Why Acme: one sentence]');
    expect(screen.getByRole('link', { name: 'a link' })).toBeInTheDocument();
  });
});
