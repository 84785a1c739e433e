import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../client';
import type { paths } from '../../client/schema';

/** The resume check: the stored file as an applicant tracking system (ATS) reads it. */
export type ResumeCheck = paths['/api/v1/resumes/{resume_id}/check']['get']['responses'][200]['content']['application/json'];
export type AtsFinding = ResumeCheck['findings'][number];
export type AtsSeverity = AtsFinding['severity'];

/** Under `resumes`, so whatever refreshes a resume refreshes its check too. */
export const resumeCheckKey = (id: number) => ['resumes', 'check', id] as const;

/**
 * The check of one resume that has been read (ready, or failed: a scan fails, and the check says why). The stored
 * file does not change, so the answer is kept for the session; the server computes it on request.
 */
export function useResumeCheck(id: number) {
  return useQuery<ResumeCheck>({
    queryKey: resumeCheckKey(id),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/resumes/{resume_id}/check', { params: { path: { resume_id: id } }, signal })),
    staleTime: Infinity,
  });
}
