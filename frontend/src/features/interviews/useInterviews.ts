import { keepPreviousData, skipToken, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../client';
import type {
  InterviewCategory,
  InterviewCreate,
  InterviewFeedback,
  InterviewQuestion,
  InterviewStats,
  SessionPage,
  SessionRead,
} from '../../client/types';

export const interviewKeys = {
  all: ['interviews'] as const,
  lists: ['interviews', 'list'] as const,
  list: (params: { page: number; size: number }) => ['interviews', 'list', params] as const,
  detail: (id: number) => ['interviews', 'detail', id] as const,
  stats: ['interviews', 'stats'] as const,
  /** Feedback streamed by `interview.feedback` for one answer (written by the realtime dispatcher, never fetched). */
  feedback: (answerId: number) => ['interviews', 'feedback', answerId] as const,
};

export const CATEGORY_LABELS: Record<InterviewCategory, string> = {
  technical: 'Technical',
  behavioural: 'Behavioural',
  role: 'Role',
};

/** Scores run 0–100; below this an answer is offered a retry. */
export const WEAK_SCORE = 60;
/** While questions are prepared or feedback is written, the session is asked again this often (live updates are faster). */
export const SESSION_POLL_MS = 3_000;

/** An answered question whose feedback has not arrived yet. */
export function awaitingFeedback(question: Pick<InterviewQuestion, 'answer' | 'score'>): boolean {
  return question.answer !== null && question.score === null;
}

function sessionBusy(session: SessionRead | undefined): boolean {
  return session?.status === 'preparing' || (session?.questions.some(awaitingFeedback) ?? false);
}

export function useSessionList(params = { page: 1, size: 20 }) {
  return useQuery<SessionPage>({
    queryKey: interviewKeys.list(params),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/interviews', { params: { query: params }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useSession(id: number | null) {
  return useQuery<SessionRead>({
    queryKey: interviewKeys.detail(id ?? -1),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/interviews/{session_id}', { params: { path: { session_id: id as number } }, signal })),
    enabled: id !== null,
    refetchInterval: (query) => (sessionBusy(query.state.data) ? SESSION_POLL_MS : false),
  });
}

export function useInterviewStats() {
  return useQuery<InterviewStats>({
    queryKey: interviewKeys.stats,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/interviews/stats', { signal })),
  });
}

/** Start practising for a job (202: the questions are prepared in the background). */
export function useStartInterview() {
  const queryClient = useQueryClient();
  return useMutation<SessionRead, Error, InterviewCreate>({
    mutationFn: (body) => unwrap(api.POST('/api/v1/interviews', { body })),
    onSuccess: (session) => {
      queryClient.setQueryData(interviewKeys.detail(session.id), { ...session, questions: session.questions ?? [] });
      void queryClient.invalidateQueries({ queryKey: interviewKeys.lists });
    },
  });
}

/** Send an answer (202): its feedback streams in as `interview.feedback`. */
export function useSubmitAnswer(sessionId: number) {
  const queryClient = useQueryClient();
  return useMutation<unknown, Error, { answerId: number; answer: string }>({
    mutationFn: ({ answerId, answer }) =>
      unwrap(
        api.POST('/api/v1/interviews/{session_id}/answers/{answer_id}', {
          params: { path: { session_id: sessionId, answer_id: answerId } },
          body: { answer },
        }),
      ),
    onMutate: ({ answerId }) => {
      // This tab hears the feedback from its first word.
      queryClient.setQueryData<FeedbackStream>(interviewKeys.feedback(answerId), { ...EMPTY_FEEDBACK, fromStart: true });
    },
    onSuccess: (_, { answerId, answer }) => {
      queryClient.setQueryData<SessionRead>(interviewKeys.detail(sessionId), (session) =>
        session
          ? {
              ...session,
              questions: session.questions.map((q) =>
                q.id === answerId ? { ...q, answer, answered_at: new Date().toISOString() } : q,
              ),
            }
          : session,
      );
    },
    onError: (_, { answerId }) => queryClient.removeQueries({ queryKey: interviewKeys.feedback(answerId) }),
  });
}

export function useFinishInterview(sessionId: number) {
  const queryClient = useQueryClient();
  return useMutation<unknown, Error, void>({
    mutationFn: () =>
      unwrap(api.POST('/api/v1/interviews/{session_id}/finish', { params: { path: { session_id: sessionId } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: interviewKeys.all }),
  });
}

/** Ask a weak answer's question again (201: a new question at the end of its session). */
export function useRetryQuestion() {
  const queryClient = useQueryClient();
  return useMutation<InterviewQuestion, Error, { sessionId: number; answerId: number }>({
    mutationFn: ({ sessionId, answerId }) =>
      unwrap(
        api.POST('/api/v1/interviews/{session_id}/answers/{answer_id}/retry', {
          params: { path: { session_id: sessionId, answer_id: answerId } },
        }),
      ),
    onSuccess: (_, { sessionId }) => queryClient.invalidateQueries({ queryKey: interviewKeys.detail(sessionId) }),
  });
}

export function useDeleteInterview() {
  const queryClient = useQueryClient();
  return useMutation<unknown, Error, number>({
    mutationFn: (id) => unwrap(api.DELETE('/api/v1/interviews/{session_id}', { params: { path: { session_id: id } } })),
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: interviewKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: interviewKeys.lists });
      void queryClient.invalidateQueries({ queryKey: interviewKeys.stats });
    },
  });
}

// ---------------------------------------------------------------------------
// Streamed feedback (`interview.feedback`)

export interface FeedbackStream {
  text: string;
  done: boolean;
  score: number | null;
  feedback: InterviewFeedback | null;
  /** This tab heard the stream from its first delta (it sent the answer), so `text` is whole. */
  fromStart: boolean;
}

const EMPTY_FEEDBACK: FeedbackStream = { text: '', done: false, score: null, feedback: null, fromStart: false };

export function useFeedbackStream(answerId: number): FeedbackStream | undefined {
  return useQuery<FeedbackStream>({ queryKey: interviewKeys.feedback(answerId), queryFn: skipToken }).data;
}

function isFeedback(value: unknown): value is InterviewFeedback {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A question's feedback, `{}` (or null) until it was scored. */
export function feedbackOf(question: Pick<InterviewQuestion, 'feedback'>): InterviewFeedback {
  return isFeedback(question.feedback) ? question.feedback : {};
}

/** `interview.feedback`: append the delta; when done, put the score and feedback on the question and refetch. */
export function applyInterviewFeedback(queryClient: QueryClient, data: Record<string, unknown>): void {
  const { session_id: sessionId, answer_id: answerId } = data;
  if (typeof sessionId !== 'number' || typeof answerId !== 'number') return;
  const done = data.done === true;
  const delta = typeof data.delta === 'string' ? data.delta : '';
  const score = typeof data.score === 'number' ? data.score : null;
  const feedback = isFeedback(data.feedback) ? data.feedback : null;
  queryClient.setQueryData<FeedbackStream>(interviewKeys.feedback(answerId), (known = EMPTY_FEEDBACK) => ({
    ...known,
    text: known.text + delta,
    done: known.done || done,
    score: score ?? known.score,
    feedback: feedback ?? known.feedback,
  }));
  if (!done) return;
  if (score !== null) {
    queryClient.setQueryData<SessionRead>(interviewKeys.detail(sessionId), (session) =>
      session
        ? { ...session, questions: session.questions.map((q) => (q.id === answerId ? { ...q, score, feedback: feedback ?? q.feedback } : q)) }
        : session,
    );
  }
  void queryClient.invalidateQueries({ queryKey: interviewKeys.detail(sessionId) });
  void queryClient.invalidateQueries({ queryKey: interviewKeys.lists });
  void queryClient.invalidateQueries({ queryKey: interviewKeys.stats });
}

/** After a reconnection deltas may have been lost: streamed feedback is no longer whole. */
export function markFeedbackIncomplete(queryClient: QueryClient): void {
  queryClient.setQueriesData<FeedbackStream>({ queryKey: ['interviews', 'feedback'] }, (stream) =>
    stream ? { ...stream, fromStart: false } : stream,
  );
}
