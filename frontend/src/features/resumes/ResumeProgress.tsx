import { Alert, Box, Button, Group, Loader, Progress, Stack, Text } from '@mantine/core';
import type { ResumeStatus, ResumeSummary } from '../../client/types';
import { STAGE_PERCENT } from './useResumes';

const STEPS: { status: ResumeStatus; label: string }[] = [
  { status: 'uploaded', label: 'Uploaded' },
  { status: 'reading', label: 'Reading text' },
  { status: 'extracting', label: 'Finding skills' },
  { status: 'ready', label: 'Done' },
];

const ORDER: ResumeStatus[] = STEPS.map((step) => step.status);

type StepState = 'done' | 'current' | 'todo';

function stepState(step: ResumeStatus, current: ResumeStatus): StepState {
  const at = ORDER.indexOf(current);
  const index = ORDER.indexOf(step);
  if (current === 'ready' || index < at) return 'done';
  return index === at ? 'current' : 'todo';
}

const STATE_TEXT: Record<StepState, string> = { done: 'done', current: 'in progress', todo: 'to do' };

function Step({ label, state }: { label: string; state: StepState }) {
  return (
    <Group component="li" gap={6} wrap="nowrap" aria-current={state === 'current' ? 'step' : undefined}>
      {state === 'current' ? (
        <Loader size={14} aria-hidden="true" />
      ) : (
        <Box
          aria-hidden="true"
          w={14}
          h={14}
          className="progress-dot"
          data-done={state === 'done' || undefined}
        />
      )}
      <Text size="sm" fw={state === 'current' ? 600 : 400} c={state === 'todo' ? 'dimmed' : undefined}>
        {label}
        <span className="visually-hidden">{`: ${STATE_TEXT[state]}`}</span>
      </Text>
    </Group>
  );
}

interface ResumeProgressProps {
  resume: Pick<ResumeSummary, 'filename' | 'status' | 'error'>;
  onTryAnother: () => void;
}

/** Uploaded → reading text → finding skills → done; a failure shows the server's reason and a way forward. */
export function ResumeProgress({ resume, onTryAnother }: ResumeProgressProps) {
  if (resume.status === 'failed') {
    return (
      <Alert color="red" variant="light" role="alert" title={`We could not read “${resume.filename}”`}>
        <Stack gap="sm" align="flex-start">
          <Text size="sm">{resume.error || 'Something went wrong while reading this file.'}</Text>
          <Button size="xs" variant="white" color="red" onClick={onTryAnother}>
            Try another file
          </Button>
        </Stack>
      </Alert>
    );
  }
  const percent = STAGE_PERCENT[resume.status];
  return (
    <Stack gap="sm">
      <Text size="sm" className="wrap-anywhere">
        Reading <strong>{resume.filename}</strong>…
      </Text>
      <Progress value={percent} aria-label="Reading your resume" animated={resume.status !== 'ready'} />
      <Group
        component="ol"
        gap="lg"
        aria-label="Steps"
        className="plain-list" m={0} p={0}
        role="list"
      >
        {STEPS.map((step) => (
          <Step key={step.status} label={step.label} state={stepState(step.status, resume.status)} />
        ))}
      </Group>
      <Text size="xs" c="dimmed" aria-live="polite">
        {resume.status === 'extracting' ? 'Finding skills in the text…' : 'This takes a few seconds.'}
      </Text>
    </Stack>
  );
}
