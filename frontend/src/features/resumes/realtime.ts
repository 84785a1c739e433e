import type { RealtimeFeatureFactory } from '../../hooks/realtimeTypes';
import { applyResumeProgress, parseResumeProgress, resumeKeys } from './useResumes';

/** The profile's resume stepper moves; a finished resume is fetched with its skills. */
export const resumesRealtime: RealtimeFeatureFactory = ({ queryClient }) => ({
  handlers: {
    'resume.progress': (event) => {
      const progress = parseResumeProgress(event.data);
      if (progress) applyResumeProgress(queryClient, progress);
    },
  },
  catchUp: [resumeKeys.all],
});
