import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, unwrap } from '../../client';
import type { JsonResume, ResumeRead, ResumeSummary } from '../../client/types';
import { filenameFrom, saveBlob } from '../../lib/download';
import { resumeKeys } from './useResumes';

/** The server's limit for a JSON Resume file (512 KB): bigger files are refused before they are sent. */
export const MAX_JSON_RESUME_BYTES = 512 * 1024;

/** Save the corrected structure; letters and tailored resumes written later use it. */
export function useSaveStructure(id: number) {
  const queryClient = useQueryClient();
  return useMutation<ResumeRead, Error, JsonResume>({
    mutationFn: (structure) =>
      unwrap(api.PUT('/api/v1/resumes/{resume_id}/structure', { params: { path: { resume_id: id } }, body: structure })),
    onSuccess: (resume) => {
      queryClient.setQueryData(resumeKeys.detail(id), resume);
      void queryClient.invalidateQueries({ queryKey: resumeKeys.lists });
    },
  });
}

/** "ada-lovelace-cv.pdf" → "ada-lovelace-cv.json": the name a download falls back on. */
export function jsonResumeName(filename: string): string {
  return `${filename.replace(/\.[^.]+$/, '') || 'resume'}.json`;
}

/** Download the structure as a JSON Resume file (fetched with the bearer token). */
export async function downloadJsonResume(resume: Pick<ResumeSummary, 'id' | 'filename'>): Promise<string> {
  const { data, error, response } = await api.GET('/api/v1/resumes/{resume_id}/json-resume', {
    params: { path: { resume_id: resume.id } },
    parseAs: 'blob',
  });
  if (!response.ok) throw new ApiError(response.status, error);
  const filename = filenameFrom(response.headers.get('Content-Disposition'), jsonResumeName(resume.filename));
  saveBlob(data as Blob, filename);
  return filename;
}

export function useDownloadJsonResume() {
  return useMutation<string, Error, Pick<ResumeSummary, 'id' | 'filename'>>({ mutationFn: downloadJsonResume });
}

/** POST a JSON Resume file (multipart, 202): a new resume, read for skills like an upload. */
export function importJsonResume(file: File): Promise<ResumeSummary> {
  return unwrap(
    api.POST('/api/v1/resumes/json-resume', {
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

export function useImportJsonResume() {
  const queryClient = useQueryClient();
  return useMutation<ResumeSummary, Error, File>({
    mutationFn: importJsonResume,
    onSuccess: (created) => {
      queryClient.setQueryData<ResumeRead>(resumeKeys.detail(created.id), (known) =>
        known ?? { ...created, text: '', sections: {}, skills: [], structure: {}, structure_origin: 'imported' },
      );
      void queryClient.invalidateQueries({ queryKey: resumeKeys.lists });
    },
  });
}
