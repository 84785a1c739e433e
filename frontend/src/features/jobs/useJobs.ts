import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../client';
import type {
  ApplicationRead,
  JobCreate,
  JobListPage,
  JobListParams,
  JobRead,
  JobUpdate,
  TaskRunRead,
  UrlImportIn,
} from '../../client/types';

export const jobKeys = {
  all: ['jobs'] as const,
  list: (params: JobListParams) => ['jobs', 'list', params] as const,
  detail: (id: number) => ['jobs', 'detail', id] as const,
};

/** One page of the jobs the user can see, filtered and sorted by the server. */
export function useJobList(params: JobListParams) {
  return useQuery<JobListPage>({
    queryKey: jobKeys.list(params),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/jobs', { params: { query: params }, signal })),
    // Keep the previous page on screen while the next one loads: no flash of skeletons.
    placeholderData: keepPreviousData,
  });
}

interface JobQueryOptions {
  /** Ask again this often (ms), e.g. while the job's skills are being found; false: do not poll. */
  refetchInterval?: number | false;
}

export function useJob(id: number | null, { refetchInterval = false }: JobQueryOptions = {}) {
  return useQuery<JobRead>({
    queryKey: jobKeys.detail(id ?? -1),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/jobs/{job_id}', { params: { path: { job_id: id as number } }, signal })),
    enabled: id !== null,
    refetchInterval,
  });
}

/** The background task that finds a job's skills and responsibilities (see useRealtime). */
export const EXTRACT_SKILLS_TASK = 'jobs.extract_skills';

/** Find the job's skills again with the configured provider (202, a background task to follow). */
export function useRefreshJobSkills(id: number) {
  return useMutation<TaskRunRead, Error, void>({
    mutationFn: () => unwrap(api.POST('/api/v1/jobs/{job_id}/skills/refresh', { params: { path: { job_id: id } } })),
  });
}

export function useCreateJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: JobCreate) => unwrap(api.POST('/api/v1/jobs', { body })),
    onSuccess: (job) => {
      queryClient.setQueryData(jobKeys.detail(job.id), job);
      return queryClient.invalidateQueries({ queryKey: ['jobs', 'list'] });
    },
  });
}

/**
 * Add a job from its link: Greenhouse, Lever and Ashby through their APIs, other pages through their job posting
 * data (400 `url_import_failed` with a readable reason when it cannot).
 */
export function useImportJob() {
  const queryClient = useQueryClient();
  return useMutation<JobRead, Error, UrlImportIn>({
    mutationFn: (body) => unwrap(api.POST('/api/v1/jobs/import-url', { body })),
    onSuccess: (job) => {
      queryClient.setQueryData(jobKeys.detail(job.id), job);
      return queryClient.invalidateQueries({ queryKey: ['jobs', 'list'] });
    },
  });
}

export function useUpdateJob(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: JobUpdate) =>
      unwrap(api.PATCH('/api/v1/jobs/{job_id}', { params: { path: { job_id: id } }, body })),
    onSuccess: (job) => {
      queryClient.setQueryData(jobKeys.detail(job.id), job);
      // Titles and companies also show on the board.
      void queryClient.invalidateQueries({ queryKey: ['applications'] });
      return queryClient.invalidateQueries({ queryKey: ['jobs', 'list'] });
    },
  });
}

export function useDeleteJob(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/jobs/{job_id}', { params: { path: { job_id: id } } })),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: jobKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: ['applications'] });
      return queryClient.invalidateQueries({ queryKey: ['jobs', 'list'] });
    },
  });
}

/** Start tracking a job: it lands in "Interested" at the top of the board. */
export function useTrackJob(jobId: number) {
  const queryClient = useQueryClient();
  return useMutation<ApplicationRead, Error, void>({
    mutationFn: () => unwrap(api.POST('/api/v1/applications', { body: { job_posting_id: jobId, status: 'interested', notes: '' } })),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ['applications'] });
      return queryClient.invalidateQueries({ queryKey: jobKeys.all });
    },
  });
}
