import { Alert, Button, FileButton, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRef, useState } from 'react';
import { ApiError, errorMessage } from '../../client';
import type { ResumeSummary } from '../../client/types';
import { formatBytes } from '../../lib/format';
import { MAX_JSON_RESUME_BYTES, useImportJsonResume } from './useStructure';

const LIMIT = '512 KB';

/** Why a chosen file is refused before it is sent, or null when it may go. */
export function jsonFileProblem(file: File): string | null {
  const json = file.type === 'application/json' || /\.json$/i.test(file.name);
  if (!json) return `“${file.name}” is not a JSON file. Choose the .json file your JSON Resume tool exported.`;
  if (file.size > MAX_JSON_RESUME_BYTES) return `“${file.name}” is ${formatBytes(file.size)}; a JSON Resume file can be at most ${LIMIT}.`;
  return null;
}

/** The server's reason; a proxy's bare 413 (no JSON body) still reads as the size limit. */
function importErrorMessage(error: unknown): string {
  if (error instanceof ApiError && error.status === 413 && !error.code) return `The file is too large: a JSON Resume file can be at most ${LIMIT}.`;
  return errorMessage(error);
}

/** Import a JSON Resume file (jsonresume.org) as a new resume: its structure is kept as written. */
export function JsonResumeImport({ onImported }: { onImported: (resume: ResumeSummary) => void }) {
  const importer = useImportJsonResume();
  const [problem, setProblem] = useState<string | null>(null);
  const resetRef = useRef<() => void>(null);

  const choose = (file: File | null) => {
    resetRef.current?.(); // the same file can be chosen again after a refusal
    if (!file) return;
    importer.reset();
    const refused = jsonFileProblem(file);
    setProblem(refused);
    if (refused) return;
    importer.mutate(file, {
      onSuccess: (resume) => {
        notifications.show({ color: 'green', title: 'JSON Resume imported', message: 'We are finding its skills now.' });
        onImported(resume);
      },
    });
  };

  const failure = problem ?? (importer.error ? importErrorMessage(importer.error) : null);

  return (
    <Stack gap="xs">
      {failure ? (
        <Alert color="red" variant="light" role="alert" title="Your JSON Resume was not imported">
          {failure}
        </Alert>
      ) : null}
      <Group gap="sm" wrap="wrap">
        <FileButton onChange={choose} accept="application/json,.json" resetRef={resetRef} inputProps={{ 'aria-label': 'JSON Resume file' }}>
          {(props) => (
            <Button variant="default" size="xs" loading={importer.isPending} {...props}>
              Import JSON Resume
            </Button>
          )}
        </FileButton>
        <Text size="sm" c="dimmed" flex="1 1 14rem">
          Have your resume as a JSON Resume file? Import it and its roles, dates and highlights are kept exactly as written.
        </Text>
      </Group>
    </Stack>
  );
}
