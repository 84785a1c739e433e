import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test/render';
import { installFakeServer, json, PROFILE, type Handler } from '../../test/fakeServer';
import { aiStatus, documentRead, interviewQuestion, jobRead, page, sessionRead, SIGNED_IN } from '../../test/fixtures';
import { dataSentText, producedBy, SKILLS_NOTE } from './providers';

const GROQ = aiStatus({ provider: 'groq', provider_label: 'Groq', model: 'llama-3.3-70b-versatile', offline: false, source: 'settings' });

function server(status = GROQ, extra: Record<string, Handler> = {}) {
  return installFakeServer({
    ...SIGNED_IN,
    'GET /api/v1/users/me': () => json(200, PROFILE),
    'GET /api/v1/ai/status': () => json(200, status),
    'GET /api/v1/jobs/5': () => json(200, jobRead({ id: 5, title: 'Platform Engineer', company: 'Fjord Payments' })),
    'GET /api/v1/documents': () => json(200, page([], 0, 1, 5)),
    ...extra,
  });
}

describe('producedBy and dataSentText', () => {
  it('names the provider in words, with the model', () => {
    expect(producedBy({ provider: 'groq', model: 'llama-3.3-70b-versatile', verb: 'Written' })).toBe('Written by Groq · llama-3.3-70b-versatile');
    expect(producedBy({ provider: 'offline', model: null, verb: 'Written' })).toBe('Written offline');
    expect(producedBy({ provider: 'nim', verb: 'Feedback' })).toBe('Feedback by NVIDIA NIM');
    expect(producedBy({ provider: null, verb: 'Written' })).toBeNull();
    // No recorded model: the configured one, when it is the same provider.
    expect(producedBy({ provider: 'hybrid:groq', ...SKILLS_NOTE }, GROQ)).toBe('Found by Groq · llama-3.3-70b-versatile');
    expect(producedBy({ provider: 'hybrid:openai', ...SKILLS_NOTE }, GROQ)).toBe('Found by OpenAI');
    expect(producedBy({ provider: 'manual', ...SKILLS_NOTE })).toBe('Skills as you entered them');
    expect(producedBy({ provider: 'vllm-box', verb: 'Written' })).toBe('Written by vllm-box');
  });

  it('says where the data goes, and nothing leaves with the offline provider', () => {
    expect(dataSentText('Your resume and this posting', GROQ, 'offline')).toBe(
      'Your resume and this posting are sent to Groq (llama-3.3-70b-versatile).',
    );
    expect(dataSentText('This posting', GROQ, 'offline', true)).toBe('This posting is sent to Groq (llama-3.3-70b-versatile).');
    expect(dataSentText('Your resume', aiStatus(), 'Written offline: nothing leaves this server.')).toBe(
      'Written offline: nothing leaves this server.',
    );
  });
});

describe('Where the data goes, where it came from', () => {
  it('names the provider and model that wrote a document', async () => {
    server(GROQ, {
      'GET /api/v1/documents/7': () => json(200, documentRead({ provider: 'groq', model: 'llama-3.3-70b-versatile' })),
      'GET /api/v1/documents/7/versions': () => json(200, page([], 0, 1, 50)),
    });
    renderApp('/documents/7');
    expect(await screen.findByText('Written by Groq · llama-3.3-70b-versatile')).toBeInTheDocument();
  });

  it('says what writing sends, and to which provider, before it starts; offline, that nothing leaves', async () => {
    server();
    const { user } = renderApp('/jobs/5');
    const card = (await screen.findByRole('heading', { name: 'Prepare' })).closest('section')!;
    expect(await within(card).findByText('For practice questions, this posting is sent to Groq (llama-3.3-70b-versatile).')).toBeInTheDocument();
    await user.click(within(card).getByRole('button', { name: 'Write cover letter' }));
    const dialog = await screen.findByRole('dialog', { name: 'Write a cover letter' });
    expect(
      within(dialog).getByText('Your resume, your profile’s skills and pitch, what you write here and this posting are sent to Groq (llama-3.3-70b-versatile).'),
    ).toBeInTheDocument();
  });

  it('offline: nothing leaves the server', async () => {
    server(aiStatus());
    const { user } = renderApp('/jobs/5');
    const card = (await screen.findByRole('heading', { name: 'Prepare' })).closest('section')!;
    expect(await within(card).findByText('Practice questions come from the built-in bank: nothing leaves this server.')).toBeInTheDocument();
    await user.click(within(card).getByRole('button', { name: 'Tailor resume' }));
    const dialog = await screen.findByRole('dialog', { name: 'Tailor your resume' });
    expect(within(dialog).getByText('Written offline: nothing leaves this server.')).toBeInTheDocument();
    expect(within(dialog).queryByText(/sent to/)).not.toBeInTheDocument();
  });

  it('on interview practice: where an answer goes, and who wrote the questions and the feedback', async () => {
    const answered = interviewQuestion({
      id: 31,
      answer: 'Goroutines are cheap.',
      score: 72,
      feedback: { notes: 'A solid start.', provider: 'groq', details: { model: 'llama-3.3-70b-versatile' } },
    });
    const session = sessionRead({ provider: 'groq', model: 'llama-3.3-70b-versatile', questions: [answered, interviewQuestion({ id: 32, position: 2 })] });
    server(GROQ, { 'GET /api/v1/interviews/3': () => json(200, session) });
    renderApp('/interviews/3');
    expect(await screen.findByText('Questions by Groq · llama-3.3-70b-versatile')).toBeInTheDocument();
    const feedback = await screen.findByRole('region', { name: 'Feedback on question 1' });
    expect(within(feedback).getByText('Feedback by Groq · llama-3.3-70b-versatile')).toBeInTheDocument();
    const next = screen.getByRole('region', { name: 'Question 2' });
    expect(
      await within(next).findByText('For feedback, the question, the job’s title and skills and your answer are sent to Groq (llama-3.3-70b-versatile).'),
    ).toBeInTheDocument();
  });

  it('on the resume upload: what is read and where it goes', async () => {
    server(GROQ, { 'GET /api/v1/resumes': () => json(200, page([], 0, 1, 10)) });
    renderApp('/profile');
    expect(
      await screen.findByText('To find its skills, your resume’s text (with the contact details in it) is sent to Groq (llama-3.3-70b-versatile).'),
    ).toBeInTheDocument();
  });
});
