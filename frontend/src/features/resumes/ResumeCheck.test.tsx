import { screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import type { ResumeSummary } from '../../client/types';
import { renderApp } from '../../test/render';
import { installFakeServer, json, PROFILE, type Handler } from '../../test/fakeServer';
import { aiStatus, page, resumeRead, resumeSummary, SIGNED_IN } from '../../test/fixtures';
import { findingCounts, scoreText } from './ResumeCheck';
import type { ResumeCheck } from './useResumeCheck';

function check(overrides: Partial<ResumeCheck> = {}): ResumeCheck {
  return {
    score: 67,
    label: 'several things to fix',
    file_type: 'pdf',
    pages: 1,
    words: 412,
    findings: [
      {
        code: 'contact_email',
        severity: 'error',
        title: 'No email address found',
        detail: 'An ATS fills in your contact details from the text.',
        fix: 'Add your email address as plain text near the top, under your name.',
      },
      {
        code: 'columns',
        severity: 'warning',
        title: 'Two or more columns',
        detail: 'Page 1 is laid out in columns side by side.',
        fix: 'Use a single column.',
      },
      { code: 'text', severity: 'ok', title: 'The text can be read', detail: 'This PDF stores its text as characters.', fix: null },
      { code: 'file_type', severity: 'ok', title: 'PDF', detail: 'Every ATS accepts a PDF with real text in it.', fix: null },
    ],
    parsed: {
      text: 'Ada Lovelace\nEXPERIENCE\nAnalyst, Analytical Engine Company (1843 - 1852)',
      name: 'Ada Lovelace',
      email: '',
      phone: '+44 20 7946 0000',
      titles: ['Analyst'],
      employers: ['Analytical Engine Company'],
      schools: [],
      headings: ['Contact', 'Experience'],
    },
    ...overrides,
  };
}

const SCANNED = check({
  score: 0,
  label: 'an ATS will struggle with this file',
  words: 0,
  findings: [
    {
      code: 'text',
      severity: 'error',
      title: 'This PDF looks scanned: it holds pictures of text, not text',
      detail: 'An ATS reads the characters stored in a PDF. This one has images and (almost) no characters.',
      fix: 'Export it as a PDF from the editor you wrote it in, or upload a DOCX.',
    },
    { code: 'file_type', severity: 'ok', title: 'PDF', detail: 'Every ATS accepts a PDF with real text in it.', fix: null },
  ],
  parsed: { text: '', name: '', email: '', phone: '', titles: [], employers: [], schools: [], headings: [] },
});

/** The profile page with one resume (id 1) in `resume`'s state, and its check answered by `checkHandler`. */
function checkServer(resume: ResumeSummary, checkHandler: Handler) {
  return installFakeServer({
    ...SIGNED_IN,
    'GET /api/v1/users/me': () => json(200, PROFILE),
    'GET /api/v1/ai/status': () => json(200, aiStatus()),
    'GET /api/v1/resumes': () => json(200, page([resume], 1, 1, 10)),
    'GET /api/v1/resumes/1': () => json(200, { ...resumeRead(), ...resume }),
    'GET /api/v1/resumes/1/check': checkHandler,
  });
}

async function checkSection() {
  const card = await screen.findByRole('region', { name: 'Resume' });
  return within(card).findByRole('region', { name: 'Resume check' });
}

describe('Resume check', () => {
  it('shows the score in words, what to fix (errors first) with how, what is fine, and what an ATS reads', async () => {
    const server = checkServer(resumeSummary({ status: 'ready' }), () => json(200, check()));
    const { user } = renderApp('/profile');
    const section = await checkSection();

    expect(await within(section).findByText('67 of 100 — several things to fix')).toBeInTheDocument();
    expect(within(section).getByText('1 must fix, 1 worth fixing, 2 fine')).toBeInTheDocument();
    const toFix = within(section).getByRole('list', { name: 'Things to fix' });
    const items = within(toFix).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      expect.stringMatching(/^Must fixNo email address found.*How to fix: Add your email address/),
      expect.stringMatching(/^Worth fixingTwo or more columns.*How to fix: Use a single column\./),
    ]);
    const [request] = server.calls('GET /api/v1/resumes/1/check');
    expect(request.headers.get('Authorization')).toBe('Bearer t1');

    // What is fine stays folded away until asked for.
    const fine = within(section).getByRole('button', { name: 'What is fine (2)' });
    expect(fine).toHaveAttribute('aria-expanded', 'false');
    await user.click(fine);
    const fineList = await within(section).findByRole('list', { name: 'What is fine' });
    expect(within(fineList).getByText('The text can be read')).toBeVisible();
    expect(within(fineList).queryByText(/How to fix/)).not.toBeInTheDocument();

    await user.click(within(section).getByRole('button', { name: 'What an ATS reads' }));
    const fields = await within(section).findByLabelText('Fields an ATS fills in');
    // The panel opens with a transition: its fields count as shown once it is done.
    const terms = await within(fields).findAllByRole('term');
    const pairs = terms.map((term) => `${term.textContent}: ${term.nextElementSibling?.textContent}`);
    expect(pairs).toEqual([
      'Name: Ada Lovelace',
      'Email: Not found',
      'Phone: +44 20 7946 0000',
      'Job titles: Analyst',
      'Employers: Analytical Engine Company',
      'Schools: Not found',
      'Sections: Contact, Experience',
    ]);
    expect(within(section).getByLabelText('The text an ATS reads')).toHaveTextContent('Analytical Engine Company (1843 - 1852)');

    const results = await axe.run(section, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });

  it('checks a resume that could not be read, and says it looks scanned', async () => {
    const failed = resumeSummary({ status: 'failed', error: 'This PDF has no extractable text (it looks like a scanned image).' });
    checkServer(failed, () => json(200, SCANNED));
    const { user } = renderApp('/profile');
    const card = await screen.findByRole('region', { name: 'Resume' });
    await user.click(await within(card).findByRole('button', { name: 'Show ada-lovelace-cv.pdf' }));

    expect(await within(card).findByText(/We could not read/)).toBeInTheDocument();
    const section = await checkSection();
    expect(await within(section).findByText('0 of 100 — an ATS will struggle with this file')).toBeInTheDocument();
    const [finding] = within(within(section).getByRole('list', { name: 'Things to fix' })).getAllByRole('listitem');
    expect(finding).toHaveTextContent('This PDF looks scanned');
    expect(finding).toHaveTextContent('How to fix: Export it as a PDF');
    await user.click(within(section).getByRole('button', { name: 'What an ATS reads' }));
    expect(await within(section).findByText('An ATS gets no text from this file.')).toBeInTheDocument();
  });

  it("shows the server's reason when the check fails, and tries again", async () => {
    let answer: Response = json(409, { detail: 'This resume is still being read.', code: 'resume_not_ready' });
    const server = checkServer(resumeSummary({ status: 'ready' }), () => answer);
    const { user } = renderApp('/profile');
    const section = await checkSection();

    const alert = await within(section).findByRole('alert');
    expect(alert).toHaveTextContent('Could not check this resume');
    expect(alert).toHaveTextContent('This resume is still being read.');
    answer = json(200, check({ score: 100, label: 'ready for an ATS', findings: check().findings.slice(2) }));
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await within(section).findByText('100 of 100 — ready for an ATS')).toBeInTheDocument();
    expect(within(section).getByText('Nothing to fix: an ATS reads this file as you wrote it.')).toBeInTheDocument();
    await waitFor(() => expect(server.calls('GET /api/v1/resumes/1/check')).toHaveLength(2));
  });
});

describe('Resume check: words for the score', () => {
  it('says the score and the findings in words', () => {
    expect(scoreText({ score: 78, label: 'a few things to fix' })).toBe('78 of 100 — a few things to fix');
    expect(findingCounts([{ severity: 'ok' }, { severity: 'warning' }, { severity: 'ok' }])).toBe('1 worth fixing, 2 fine');
  });
});
