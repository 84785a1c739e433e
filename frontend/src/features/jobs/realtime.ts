import type { JobRead } from '../../client/types';
import type { RealtimeFeatureFactory } from '../../hooks/realtimeTypes';
import { num, str } from '../../hooks/realtimeTypes';
import { EXTRACT_SKILLS_TASK, jobKeys } from './useJobs';

/** The jobs list and job pages: their `tracking` follows the applications; a job's skills arrive by task. */
export const jobsRealtime: RealtimeFeatureFactory = ({ queryClient }) => {
  const refresh = () => void queryClient.invalidateQueries({ queryKey: jobKeys.all });
  return {
    handlers: {
      'application.updated': (event, { coalesce }) => {
        const jobId = num(event.data.job_posting_id);
        if (event.data.change === 'deleted' && jobId !== null) {
          queryClient.setQueryData<JobRead>(jobKeys.detail(jobId), (job) => (job ? { ...job, tracking: null } : job));
        }
        coalesce(refresh, { waitForMutations: true });
      },
      'task.progress': (event) => {
        // A job's skills were found (on creation, or "Find skills again"): its page shows them.
        if ((num(event.data.progress) ?? 0) >= 100 && str(event.data.name) === EXTRACT_SKILLS_TASK) refresh();
      },
    },
    catchUp: [jobKeys.all],
  };
};
