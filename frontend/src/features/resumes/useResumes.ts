import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../client';
import { saveBlob } from '../../lib/download';
import type { ProfileRead, ResumePage, ResumeRead, ResumeStatus, ResumeSummary } from '../../client/types';
import { analyticsKeys } from '../analytics/useAnalytics';
import { profileKey } from '../profile/useProfile';

export const resumeKeys = {
  all: ['resumes'] as const,
  lists: ['resumes', 'list'] as const,
  list: (params: { page: number; size: number }) => ['resumes', 'list', params] as const,
  detail: (id: number) => ['resumes', 'detail', id] as const,
};

/** The server's limit (5 MiB): bigger files are refused before they are sent. */
export const MAX_RESUME_BYTES = 5 * 1024 * 1024;

/** How many earlier resumes the card lists. */
export const RESUME_LIST_SIZE = 10;

/** While a resume is being read, its query is asked again this often (the live updates are usually faster). */
export const RESUME_POLL_MS = 3_000;

export const RESUME_DONE: readonly ResumeStatus[] = ['ready', 'failed'];

/** How far along each stage is, as the server's `resume.progress` events report it. */
export const STAGE_PERCENT: Record<ResumeStatus, number> = {
  uploaded: 5,
  reading: 30,
  extracting: 70,
  ready: 100,
  failed: 100,
};

export function isResumeProcessing(resume: Pick<ResumeSummary, 'status'>): boolean {
  return !RESUME_DONE.includes(resume.status);
}

/** Your resumes, newest first; polls while one is still being read. */
export function useResumeList(size = RESUME_LIST_SIZE) {
  const params = { page: 1, size };
  return useQuery<ResumePage>({
    queryKey: resumeKeys.list(params),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/resumes', { params: { query: params }, signal })),
    refetchInterval: (query) => (query.state.data?.items.some(isResumeProcessing) ? RESUME_POLL_MS : false),
  });
}

/** One resume with its text, sections and skills; polls until it is ready or failed (fallback for live updates). */
export function useResume(id: number | null) {
  return useQuery<ResumeRead>({
    queryKey: resumeKeys.detail(id ?? -1),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/resumes/{resume_id}', { params: { path: { resume_id: id as number } }, signal })),
    enabled: id !== null,
    refetchInterval: (query) => (query.state.data && isResumeProcessing(query.state.data) ? RESUME_POLL_MS : false),
  });
}

/** POST the file as multipart/form-data (202); the server decides its type by its content. */
export function uploadResume(file: File): Promise<ResumeSummary> {
  return unwrap(
    api.POST('/api/v1/resumes', {
      // The schema types the binary part as a string; the serializer sends the File itself.
      body: { file: file as unknown as string },
      bodySerializer: () => {
        const form = new FormData();
        form.append('file', file, file.name);
        return form;
      },
    }),
  );
}

export function useUploadResume() {
  const queryClient = useQueryClient();
  return useMutation<ResumeSummary, Error, File>({
    mutationFn: uploadResume,
    onSuccess: (created) => {
      // The stepper shows at once; live updates and polling take it from here.
      queryClient.setQueryData<ResumeRead>(resumeKeys.detail(created.id), (known) =>
        known ?? { ...created, text: '', sections: {}, skills: [], structure: {}, structure_origin: null },
      );
      void queryClient.invalidateQueries({ queryKey: resumeKeys.lists });
    },
  });
}

/** Add the kept skills to the profile (merged with source "resume"; manual skills stay). */
export function useApplyResumeSkills(id: number) {
  const queryClient = useQueryClient();
  return useMutation<ProfileRead, Error, string[]>({
    mutationFn: (accept) =>
      unwrap(api.POST('/api/v1/resumes/{resume_id}/skills', { params: { path: { resume_id: id } }, body: { accept } })),
    onSuccess: (profile) => {
      queryClient.setQueryData(profileKey, profile);
      void queryClient.invalidateQueries({ queryKey: profileKey });
      // `in_profile` of the found skills and `reviewed_at` changed.
      void queryClient.invalidateQueries({ queryKey: resumeKeys.all });
      // The skill gap compares jobs with the profile's skills.
      void queryClient.invalidateQueries({ queryKey: analyticsKeys.all });
    },
  });
}

export function useDeleteResume() {
  const queryClient = useQueryClient();
  return useMutation<void, Error, number>({
    mutationFn: (id) => unwrap(api.DELETE('/api/v1/resumes/{resume_id}', { params: { path: { resume_id: id } } })),
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: resumeKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: resumeKeys.lists });
    },
  });
}

/**
 * Save the uploaded file. The download needs the bearer token, so it is fetched through the client as a blob
 * and handed to the browser through a temporary object URL.
 */
export async function downloadResume(resume: Pick<ResumeSummary, 'id' | 'filename'>): Promise<void> {
  const blob = await unwrap(
    api.GET('/api/v1/resumes/{resume_id}/file', { params: { path: { resume_id: resume.id } }, parseAs: 'blob' }),
  );
  saveBlob(blob as Blob, resume.filename);
}

export function useDownloadResume() {
  return useMutation<void, Error, Pick<ResumeSummary, 'id' | 'filename'>>({ mutationFn: downloadResume });
}

/** What a `resume.progress` event carries. */
export interface ResumeProgress {
  resume_id: number;
  status: ResumeStatus;
  percent: number;
  message: string;
  skills_count: number;
}

const STATUSES = Object.keys(STAGE_PERCENT) as ResumeStatus[];

/** The data of a `resume.progress` event, or null when it is not one we understand. */
export function parseResumeProgress(data: Record<string, unknown>): ResumeProgress | null {
  const { resume_id: id, status, percent, message, skills_count: count } = data;
  if (typeof id !== 'number' || typeof status !== 'string' || !STATUSES.includes(status as ResumeStatus)) return null;
  return {
    resume_id: id,
    status: status as ResumeStatus,
    percent: typeof percent === 'number' ? percent : STAGE_PERCENT[status as ResumeStatus],
    message: typeof message === 'string' ? message : '',
    skills_count: typeof count === 'number' ? count : 0,
  };
}

/** Move a cached resume to the event's stage; never backwards (a poll may have seen a later stage already). */
function advance<T extends ResumeSummary>(resume: T, event: ResumeProgress): T {
  if (resume.id !== event.resume_id) return resume;
  if (!isResumeProcessing(resume) || STAGE_PERCENT[event.status] < STAGE_PERCENT[resume.status]) return resume;
  return {
    ...resume,
    status: event.status,
    skills_count: event.skills_count,
    error: event.status === 'failed' ? event.message || resume.error : resume.error,
  };
}

/**
 * `resume.progress`: the stepper moves at once from the event; when the resume is ready (or failed) its
 * text, sections and skills are fetched, and the list of resumes too.
 */
export function applyResumeProgress(queryClient: QueryClient, event: ResumeProgress): void {
  queryClient.setQueryData<ResumeRead>(resumeKeys.detail(event.resume_id), (resume) =>
    resume ? advance(resume, event) : resume,
  );
  queryClient.setQueriesData<ResumePage>({ queryKey: resumeKeys.lists }, (page) =>
    page ? { ...page, items: page.items.map((item) => advance(item, event)) } : page,
  );
  if (RESUME_DONE.includes(event.status)) {
    void queryClient.invalidateQueries({ queryKey: resumeKeys.detail(event.resume_id) });
    void queryClient.invalidateQueries({ queryKey: resumeKeys.lists });
  }
}
