import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../client';
import type { JobFitRead } from '../../client/types';

export const matchKeys = {
  all: ['match'] as const,
  job: (jobId: number) => ['match', jobId] as const,
};

/** How well the user fits a job. Asked afresh whenever the job page opens: a resume or profile change elsewhere
 * changes it (the server caches it until then). */
export function useMatch(jobId: number) {
  return useQuery<JobFitRead>({
    queryKey: matchKeys.job(jobId),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/jobs/{job_id}/match', { params: { path: { job_id: jobId } }, signal })),
    staleTime: 0,
  });
}
