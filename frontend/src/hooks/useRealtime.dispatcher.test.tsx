// The realtime dispatcher on its own: how resume, task, content and interview events update the query cache.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jobRead, page, resumeRead, resumeSummary, sessionRead } from '../test/fixtures';
import { QueryClient } from '@tanstack/react-query';
import type { RealtimeMessage } from '../client/realtime';
import type { ResumePage, ResumeRead, SessionRead } from '../client/types';
import { documentKeys } from '../features/documents/useDocuments';
import { interviewKeys } from '../features/interviews/useInterviews';
import { jobKeys } from '../features/jobs/useJobs';
import { resumeKeys } from '../features/resumes/useResumes';
import { createRealtimeDispatcher } from './useRealtime';

afterEach(() => {
  vi.useRealTimers();
});

describe('Realtime: resumes and job skills', () => {
  const LIST = resumeKeys.list({ page: 1, size: 10 });

  function setup() {
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
    const dispatcher = createRealtimeDispatcher(queryClient);
    const send = (type: string, data: Record<string, unknown>) =>
      // Any type and data, malformed ones included: handlers read what a server of another version may send.
      dispatcher.handle({ id: null, type, data, ts: '' } as unknown as RealtimeMessage);
    return { queryClient, dispatcher, send };
  }

  const progress = (status: string, percent: number, message = '', resumeId = 1) => ({
    resume_id: resumeId,
    status,
    percent,
    message,
    skills_count: status === 'ready' ? 3 : 0,
  });

  it('moves a cached resume and the list to the stage of resume.progress, never backwards', () => {
    const { queryClient, send } = setup();
    queryClient.setQueryData<ResumeRead>(resumeKeys.detail(1), resumeRead({ status: 'uploaded', skills: [] }));
    queryClient.setQueryData<ResumePage>(LIST, page([resumeSummary({ id: 1 }), resumeSummary({ id: 2, status: 'ready' })]));

    send('resume.progress', progress('extracting', 70, 'Finding skills'));
    expect(queryClient.getQueryData<ResumeRead>(resumeKeys.detail(1))?.status).toBe('extracting');
    expect(queryClient.getQueryData<ResumePage>(LIST)?.items.map((r) => r.status)).toEqual(['extracting', 'ready']);
    expect(queryClient.getQueryState(resumeKeys.detail(1))?.isInvalidated).toBe(false);

    // Late news of an earlier stage changes nothing; neither does an event we cannot read.
    send('resume.progress', progress('reading', 30));
    send('resume.progress', { resume_id: '1', status: 'ready' });
    send('resume.progress', progress('sleeping', 50));
    expect(queryClient.getQueryData<ResumeRead>(resumeKeys.detail(1))?.status).toBe('extracting');
  });

  it('fetches a finished resume again, keeping the reason of a failure meanwhile', () => {
    const { queryClient, send } = setup();
    queryClient.setQueryData<ResumeRead>(resumeKeys.detail(1), resumeRead({ status: 'reading', skills: [] }));
    queryClient.setQueryData<ResumePage>(LIST, page([resumeSummary({ id: 1, status: 'reading' })]));
    send('resume.progress', progress('failed', 100, 'This PDF has no extractable text.'));
    const failed = queryClient.getQueryData<ResumeRead>(resumeKeys.detail(1));
    expect(failed).toMatchObject({ status: 'failed', error: 'This PDF has no extractable text.' });
    expect(queryClient.getQueryState(resumeKeys.detail(1))?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(LIST)?.isInvalidated).toBe(true);
  });

  it('refreshes jobs when jobs.extract_skills reaches 100 %, and only then', () => {
    const { queryClient, send } = setup();
    queryClient.setQueryData(jobKeys.detail(5), jobRead({ id: 5 }));
    send('task.progress', { task_id: 'a', name: 'jobs.extract_skills', progress: 40, message: '' });
    send('task.progress', { task_id: 'b', name: 'jobs.ingest_jobs', progress: 100, message: '' });
    expect(queryClient.getQueryState(jobKeys.detail(5))?.isInvalidated).toBe(false);
    send('task.progress', { task_id: 'a', name: 'jobs.extract_skills', progress: 100, message: 'Found 4 skills' });
    expect(queryClient.getQueryState(jobKeys.detail(5))?.isInvalidated).toBe(true);
  });

  it('catches up on resumes loaded before the socket listened', () => {
    const { queryClient, dispatcher } = setup();
    queryClient.setQueryData(LIST, page([resumeSummary()]), { updatedAt: 1_000 });
    queryClient.setQueryData(resumeKeys.detail(1), resumeRead(), { updatedAt: 5_000 });
    dispatcher.catchUp(2_000);
    expect(queryClient.getQueryState(LIST)?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(resumeKeys.detail(1))?.isInvalidated).toBe(false);
  });
});

describe('content and interview streams', () => {
  const message = (type: string, data: Record<string, unknown>) => ({ id: null, type, data, ts: '' }) as unknown as RealtimeMessage;

  it('appends content.delta in arrival order, then refetches the finished document', () => {
    const queryClient = new QueryClient();
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries');
    const dispatcher = createRealtimeDispatcher(queryClient);
    for (const delta of ['One ', 'two ', 'three.']) dispatcher.handle(message('content.delta', { document_id: 4, delta, done: false }));
    dispatcher.handle(message('content.delta', { document_id: 5, delta: 'other', done: false }));
    dispatcher.handle(message('content.delta', { document_id: 'x', delta: 'bad' }));
    expect(queryClient.getQueryData(documentKeys.stream(4))).toMatchObject({ text: 'One two three.', done: false });
    expect(queryClient.getQueryData(documentKeys.stream(5))).toMatchObject({ text: 'other' });
    expect(invalidate).not.toHaveBeenCalled();

    dispatcher.handle(message('content.delta', { document_id: 4, done: true, status: 'ready' }));
    expect(queryClient.getQueryData(documentKeys.stream(4))).toMatchObject({ text: 'One two three.', done: true, status: 'ready' });
    expect(invalidate).toHaveBeenCalledWith({ queryKey: documentKeys.detail(4) });
    expect(invalidate).toHaveBeenCalledWith({ queryKey: documentKeys.lists });
    dispatcher.dispose();
  });

  it('streams interview.feedback, then puts the score on the cached question', () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(interviewKeys.detail(3), sessionRead());
    const dispatcher = createRealtimeDispatcher(queryClient);
    dispatcher.handle(message('interview.feedback', { session_id: 3, answer_id: 31, delta: 'Good ' }));
    dispatcher.handle(message('interview.feedback', { session_id: 3, answer_id: 31, delta: 'structure.' }));
    expect(queryClient.getQueryData(interviewKeys.feedback(31))).toMatchObject({ text: 'Good structure.', done: false, score: null });
    const feedback = { criteria: { structure: 90 }, strengths: [], improvements: [], hint: 'More numbers.' };
    dispatcher.handle(message('interview.feedback', { session_id: 3, answer_id: 31, done: true, score: 81, feedback }));
    expect(queryClient.getQueryData(interviewKeys.feedback(31))).toMatchObject({ done: true, score: 81, feedback });
    const session = queryClient.getQueryData<SessionRead>(interviewKeys.detail(3));
    expect(session?.questions[0]).toMatchObject({ id: 31, score: 81, feedback });
    dispatcher.dispose();
  });

  it('after a reconnection, no longer trusts streams heard before it', () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(documentKeys.stream(4), { text: 'Half', done: false, status: null, fromStart: true });
    queryClient.setQueryData(interviewKeys.feedback(31), { text: 'Half', done: false, score: null, feedback: null, fromStart: true });
    const dispatcher = createRealtimeDispatcher(queryClient);
    dispatcher.catchUp(Date.now() + 1);
    expect(queryClient.getQueryData(documentKeys.stream(4))).toMatchObject({ fromStart: false });
    expect(queryClient.getQueryData(interviewKeys.feedback(31))).toMatchObject({ fromStart: false });
    dispatcher.dispose();
  });
});

describe('features register their own handlers', () => {
  const event = (type: string, data: Record<string, unknown> = {}) => ({ id: null, type, data, ts: '' }) as unknown as RealtimeMessage;

  it('calls each feature for the types it declares, in order, and coalesces a burst into one run', () => {
    vi.useFakeTimers();
    const queryClient = new QueryClient();
    const seen: string[] = [];
    const refresh = vi.fn();
    const dispatcher = createRealtimeDispatcher(queryClient, [
      () => ({ handlers: { 'job.matched': (e) => seen.push(`a:${e.data.count}`) } }),
      ({ coalesce }) => ({
        handlers: {
          'job.matched': (e) => seen.push(`b:${e.data.count}`),
          'analytics.updated': () => coalesce(refresh),
        },
      }),
    ]);
    dispatcher.handle(event('job.matched', { count: 2, strong: 0, rebuilt: false }));
    dispatcher.handle(event('ping'));
    dispatcher.handle(event('no.such.type'));
    expect(seen).toEqual(['a:2', 'b:2']);

    for (let i = 0; i < 5; i += 1) dispatcher.handle(event('analytics.updated', { reason: 'x' }));
    expect(refresh).not.toHaveBeenCalled();
    vi.advanceTimersByTime(60);
    expect(refresh).toHaveBeenCalledTimes(1);
    dispatcher.dispose();
  });

  it('waits while a mutation is in flight when asked to', () => {
    vi.useFakeTimers();
    const queryClient = new QueryClient();
    const refresh = vi.fn();
    let mutating = 1;
    vi.spyOn(queryClient, 'isMutating').mockImplementation(() => mutating);
    const dispatcher = createRealtimeDispatcher(queryClient, [
      ({ coalesce }) => ({ handlers: { 'analytics.updated': () => coalesce(refresh, { waitForMutations: true }) } }),
    ]);
    dispatcher.handle(event('analytics.updated', { reason: 'x' }));
    vi.advanceTimersByTime(1_000);
    expect(refresh).not.toHaveBeenCalled();
    mutating = 0;
    vi.advanceTimersByTime(300);
    expect(refresh).toHaveBeenCalledTimes(1);
    dispatcher.dispose();
  });

  it('runs every feature’s reconnect step and refetches its stale queries on catch-up', () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(['mine'], 1);
    const reconnect = vi.fn();
    const dispatcher = createRealtimeDispatcher(queryClient, [() => ({ handlers: {}, catchUp: [['mine']], onReconnect: reconnect })]);
    dispatcher.catchUp(Date.now() + 1_000);
    expect(reconnect).toHaveBeenCalledWith(queryClient);
    expect(queryClient.getQueryState(['mine'])?.isInvalidated).toBe(true);
  });
});
