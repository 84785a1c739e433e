import { Alert, Stack, Text } from '@mantine/core';
import { Dropzone, type FileRejection } from '@mantine/dropzone';
import { useId, useState } from 'react';
import type { ResumeSummary } from '../../client/types';
import { ApiError, errorMessage } from '../../client';
import { formatBytes } from '../../lib/format';
import { DataSentNote } from '../ai/ProviderNote';
import { MAX_RESUME_BYTES, useUploadResume } from './useResumes';

/** PDF, Word (.docx) or plain text: by type and by extension (some systems send .docx without a type). */
export const RESUME_ACCEPT = {
  'application/pdf': ['.pdf'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['.docx'],
  'text/plain': ['.txt'],
};

const LIMIT = '5 MB';

/** Why the dropped files were refused, in words. */
export function rejectionMessage(rejections: readonly FileRejection[]): string {
  if (rejections.length > 1) return 'Drop one file at a time: your resume as a PDF, Word (.docx) or text file.';
  const [rejection] = rejections;
  if (!rejection) return 'That file cannot be used.';
  const { file, errors } = rejection;
  const codes = errors.map((error) => error.code);
  if (codes.includes('file-too-large')) {
    return `“${file.name}” is ${formatBytes(file.size)}; a resume can be at most ${LIMIT}. Try a smaller export, for example without images.`;
  }
  if (codes.includes('file-invalid-type')) {
    return `“${file.name}” is not a PDF, Word (.docx) or text file. Save your resume in one of these formats and try again.`;
  }
  if (codes.includes('too-many-files')) return 'Drop one file at a time.';
  return errors[0]?.message ?? 'That file cannot be used.';
}

/** The server's reason; a proxy's bare 413 (no JSON body) still reads as the size limit. */
export function uploadErrorMessage(error: unknown): string {
  if (error instanceof ApiError && error.status === 413 && !error.code) {
    return `The file is too large: a resume can be at most ${LIMIT}.`;
  }
  return errorMessage(error);
}

interface ResumeDropzoneProps {
  onUploaded: (resume: ResumeSummary) => void;
}

/** Drag a resume in (or choose one): checked here for type and size, then uploaded for reading. */
export function ResumeDropzone({ onUploaded }: ResumeDropzoneProps) {
  const upload = useUploadResume();
  const [problem, setProblem] = useState<string | null>(null);
  const hintId = useId();

  const send = (file: File) => {
    setProblem(null);
    upload.mutate(file, { onSuccess: onUploaded });
  };

  const failure = problem ?? (upload.error ? uploadErrorMessage(upload.error) : null);

  return (
    <Stack gap="sm">
      {failure ? (
        <Alert color="red" variant="light" role="alert" title="Your resume was not uploaded">
          {failure}
        </Alert>
      ) : null}
      <Dropzone
        onDrop={(files) => {
          if (files[0]) send(files[0]);
        }}
        onReject={(rejections) => {
          upload.reset();
          setProblem(rejectionMessage(rejections));
        }}
        accept={RESUME_ACCEPT}
        maxSize={MAX_RESUME_BYTES}
        multiple={false}
        loading={upload.isPending}
        role="button"
        aria-label="Upload your resume"
        aria-describedby={hintId}
        inputProps={{ 'aria-label': 'Resume file' }}
      >
        <Stack align="center" gap={4} py="lg" ta="center" className="dropzone-body">
          <Dropzone.Accept>
            <Text fw={600}>Drop your resume to upload it</Text>
          </Dropzone.Accept>
          <Dropzone.Reject>
            <Text fw={600} c="red.8">
              Only one PDF, Word (.docx) or text file
            </Text>
          </Dropzone.Reject>
          <Dropzone.Idle>
            <Text fw={600}>Drag your resume here, or click to choose a file</Text>
          </Dropzone.Idle>
          <Text size="sm" c="dimmed" id={hintId}>
            PDF, Word (.docx) or plain text, up to {LIMIT}. We read the text and suggest skills for your profile;
            nothing is added until you review it.
          </Text>
        </Stack>
      </Dropzone>
      <DataSentNote
        what="To find its skills, your resume’s text (with the contact details in it)"
        singular
        offline="Read offline: your resume does not leave this server."
      />
    </Stack>
  );
}
