import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SessionRead } from '../../client/types';
import { renderApp } from '../../test/render';
import { installFakeServer, json, PROFILE, type Handler } from '../../test/fakeServer';
import { envelope, FakeWebSocket } from '../../test/fakeWebSocket';
import { interviewQuestion, interviewStats, jobRead, page, sessionRead, SIGNED_IN } from '../../test/fixtures';

const FEEDBACK = {
  criteria: { structure: 80, relevance: 70, evidence: 40 },
  strengths: ['Clear comparison with threads.'],
  improvements: ['Give an example from your own work.'],
  hint: 'Mention the scheduler and a real service you built.',
  notes: 'A **solid** start.',
  provider: 'groq', // a model's prose is shown; offline notes would restate the lists
};

function interviewServer(initial: SessionRead = sessionRead(), extra: Record<string, Handler> = {}) {
  const state = { session: initial };
  const server = installFakeServer({
    ...SIGNED_IN,
    'GET /api/v1/users/me': () => json(200, PROFILE),
    'GET /api/v1/jobs/5': () => json(200, jobRead({ id: 5, title: 'Platform Engineer', company: 'Fjord Payments' })),
    'GET /api/v1/documents': () => json(200, page([], 0, 1, 5)),
    'GET /api/v1/interviews/3': () => json(200, state.session),
    'POST /api/v1/interviews/3/answers/31': async (request) => {
      const { answer } = (await request.json()) as { answer: string };
      const question = { ...state.session.questions[0], answer, answered_at: '2025-11-20T09:05:00Z' };
      state.session = { ...state.session, questions: [question, ...state.session.questions.slice(1)] };
      return json(202, question);
    },
    ...extra,
  });
  return { server, state };
}

async function live() {
  await waitFor(() => expect(FakeWebSocket.instances).toHaveLength(1));
  const ws = FakeWebSocket.latest();
  ws.open();
  ws.ready();
  return ws;
}

describe('Interview practice', () => {
  it('starts from the job page and opens the session', async () => {
    const { server } = interviewServer(sessionRead({ status: 'preparing', questions: [] }), {
      'POST /api/v1/interviews': () => json(202, sessionRead({ status: 'preparing', questions: [] })),
    });
    const { user } = renderApp('/jobs/5');
    await user.click(await screen.findByRole('button', { name: 'Practice interview' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/interviews/3'));
    expect(await server.calls('POST /api/v1/interviews')[0].json()).toEqual({ job_posting_id: 5, question_count: 6 });
    expect(await screen.findByText('Preparing your questions…')).toBeInTheDocument();
  });

  it('sends an answer, streams the feedback, then shows the score, criteria and hint, and moves on', async () => {
    const { server, state } = interviewServer();
    const { user } = renderApp('/interviews/3');
    const ws = await live();
    expect(await screen.findByRole('heading', { level: 1, name: 'Interview practice' })).toBeInTheDocument();
    expect(screen.getByText('How do goroutines differ from threads?')).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Your answer' }), 'Goroutines are cheap.');
    await user.click(screen.getByRole('button', { name: 'Submit answer' }));
    await waitFor(() => expect(server.calls('POST /api/v1/interviews/3/answers/31')).toHaveLength(1));
    expect(await server.calls('POST /api/v1/interviews/3/answers/31')[0].json()).toEqual({ answer: 'Goroutines are cheap.' });

    const panel = await screen.findByRole('region', { name: 'Feedback on question 1' });
    const live_ = panel.querySelector('[aria-live="polite"]') as HTMLElement;
    expect(live_).toHaveTextContent('Reading your answer…');
    ws.receive(envelope('interview.feedback', { session_id: 3, answer_id: 31, delta: 'A solid ' }));
    ws.receive(envelope('interview.feedback', { session_id: 3, answer_id: 31, delta: 'start.' }));
    await waitFor(() => expect(live_).toHaveTextContent('A solid start.'));

    state.session = sessionRead({
      score: 72,
      questions: [
        interviewQuestion({ id: 31, answer: 'Goroutines are cheap.', score: 72, feedback: FEEDBACK }),
        state.session.questions[1],
      ],
    });
    ws.receive(envelope('interview.feedback', { session_id: 3, answer_id: 31, done: true, score: 72, feedback: FEEDBACK }));
    expect(await within(panel).findByText('72 / 100')).toBeInTheDocument();
    const criteria = within(panel).getByRole('list', { name: 'Scores by criterion' });
    expect(within(criteria).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Structure80 out of 100',
      'Relevance70 out of 100',
      'Evidence40 out of 100',
    ]);
    expect(within(panel).getByText('Clear comparison with threads.')).toBeInTheDocument();
    expect(within(panel).getByText('Give an example from your own work.')).toBeInTheDocument();
    expect(within(panel).getByText('Mention the scheduler and a real service you built.')).toBeInTheDocument();
    expect(within(panel).getByText('solid').tagName).toBe('STRONG');

    await user.click(screen.getByRole('button', { name: 'Next question' }));
    expect(await screen.findByText('Tell me about a time you disagreed with a colleague.')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Your answer' })).toHaveValue('');
    expect(screen.getByText('Try the STAR shape: situation, task, action, result.')).toBeInTheDocument();
  });

  it('says in words why an answer was not sent', async () => {
    interviewServer(sessionRead(), {
      'POST /api/v1/interviews/3/answers/31': () => json(409, { detail: 'This question was answered already.', code: 'already_answered' }),
    });
    const { user } = renderApp('/interviews/3');
    await user.type(await screen.findByRole('textbox', { name: 'Your answer' }), 'Something');
    await user.click(screen.getByRole('button', { name: 'Submit answer' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This question was answered already.');
  });

  it('offers a retry on a weak answer', async () => {
    const weak = interviewQuestion({ id: 31, answer: 'Not sure.', score: 30, feedback: { ...FEEDBACK, notes: 'Too short.' } });
    const { server } = interviewServer(sessionRead({ score: 30, questions: [weak, interviewQuestion({ id: 32, position: 2 })] }), {
      'POST /api/v1/interviews/3/answers/31/retry': () => json(201, interviewQuestion({ id: 33, position: 3, retry_of_id: 31 })),
    });
    const { user } = renderApp('/interviews/3');
    await user.click(await screen.findByRole('button', { name: 'Retry this question' }));
    await waitFor(() => expect(server.calls('POST /api/v1/interviews/3/answers/31/retry')).toHaveLength(1));
    expect(await screen.findByRole('button', { name: 'Added to the end' })).toBeDisabled();
  });
});

describe('Interviews overview', () => {
  it('lists past sessions, scores by kind of question as text, and retries a weakest answer', async () => {
    const { server } = interviewServer(sessionRead({ id: 1 }), {
      'GET /api/v1/interviews': () => json(200, page([sessionRead({ score: 72, answered: 2 })])),
      'GET /api/v1/interviews/stats': () => json(200, interviewStats()),
      'GET /api/v1/interviews/1': () => json(200, sessionRead({ id: 1 })),
      'POST /api/v1/interviews/1/answers/12/retry': () => json(201, interviewQuestion({ id: 40, position: 3, retry_of_id: 12 })),
    });
    const { user } = renderApp('/interviews');
    expect(await screen.findByRole('heading', { level: 1, name: 'Interviews' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Interviews' })).toHaveAttribute('aria-current', 'page');
    const sessions = await screen.findByRole('table', { name: 'Your practice sessions' });
    expect(within(sessions).getByRole('link', { name: 'Platform Engineer at Fjord Payments' })).toHaveAttribute('href', '/interviews/3');
    const byCategory = await screen.findByRole('list', { name: 'Mean score by kind of question' });
    expect(within(byCategory).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Technical: 70 / 100 (4 answered)',
      'Behavioural: 48 / 100 (2 answered)',
    ]);
    expect(screen.getByRole('table', { name: 'Score per session' })).toHaveTextContent('Backend Engineer55 / 100');

    await user.click(screen.getByRole('button', { name: 'Retry: Describe a failure you learned from.' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/interviews/1'));
    expect(server.calls('POST /api/v1/interviews/1/answers/12/retry')).toHaveLength(1);
  });

  it('invites a first practice when there is none', async () => {
    interviewServer(sessionRead(), {
      'GET /api/v1/interviews': () => json(200, page([])),
      'GET /api/v1/interviews/stats': () => json(200, interviewStats({ sessions: [], by_category: [], weakest: [] })),
    });
    renderApp('/interviews');
    expect(await screen.findByRole('heading', { name: 'No practice yet' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Choose a job' })).toHaveAttribute('href', '/jobs');
  });
});
