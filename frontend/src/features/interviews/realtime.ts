import type { RealtimeFeatureFactory } from '../../hooks/realtimeTypes';
import { applyInterviewFeedback, interviewKeys, markFeedbackIncomplete } from './useInterviews';

/** Feedback on an interview answer: streamed text, then the score and the criteria. */
export const interviewsRealtime: RealtimeFeatureFactory = ({ queryClient }) => ({
  handlers: {
    'interview.feedback': (event) => applyInterviewFeedback(queryClient, event.data),
  },
  catchUp: [interviewKeys.all],
  onReconnect: markFeedbackIncomplete,
});
