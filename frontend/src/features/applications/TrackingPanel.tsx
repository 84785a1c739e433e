import { Alert, Button, Card, Divider, Group, Modal, NativeSelect, Skeleton, Stack, Text, Textarea, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { errorMessage } from '../../client';
import type { ApplicationRead, ApplicationStatus, JobRead } from '../../client/types';
import { FormError } from '../../components/FormError';
import { QueryError } from '../../components/QueryError';
import { formatDate } from '../../lib/format';
import { useTrackJob } from '../jobs/useJobs';
import { inBoardOrder, STATUS_LABELS } from './statuses';
import { Timeline } from './Timeline';
import { useApplication, useStopTracking, useUpdateApplication } from './useApplications';

function StatusField({ application }: { application: ApplicationRead }) {
  const update = useUpdateApplication();
  const options = inBoardOrder([application.status, ...application.allowed_statuses]).map((status) => ({
    value: status,
    label: STATUS_LABELS[status],
  }));
  return (
    <Stack gap="xs">
      <NativeSelect
        label="Status"
        data={options}
        value={application.status}
        disabled={update.isPending}
        inputWrapperOrder={['label', 'input', 'description', 'error']}
        description={
          (application.applied_at && application.status !== 'applied'
            ? `Applied on ${formatDate(application.applied_at)}. `
            : '') + `In ${STATUS_LABELS[application.status]} since ${formatDate(application.status_changed_at)}.`
        }
        onChange={(event) => {
          const status = event.currentTarget.value as ApplicationStatus;
          if (status === application.status) return;
          update.mutate(
            { id: application.id, body: { status, event_note: '' } },
            {
              onSuccess: (saved) =>
                notifications.show({ color: 'green', title: `Moved to ${STATUS_LABELS[saved.status]}`, message: 'The timeline has the change.' }),
            },
          );
        }}
      />
      {update.isError ? (
        <Alert color="red" variant="light" role="alert" title="The status was not changed">
          {errorMessage(update.error)}
        </Alert>
      ) : null}
    </Stack>
  );
}

function NotesField({ application }: { application: ApplicationRead }) {
  const update = useUpdateApplication();
  const [draft, setDraft] = useState(application.notes);
  const [saved, setSaved] = useState(application.notes);
  // Someone (another tab, the board) changed the notes: follow, unless there are unsaved edits.
  if (application.notes !== saved) {
    setSaved(application.notes);
    if (draft === saved) setDraft(application.notes);
  }
  const dirty = draft !== application.notes;
  return (
    <Stack gap="xs">
      <Textarea
        label="Notes"
        description="Contacts, salary talks, what to prepare: only you see these."
        autosize
        minRows={3}
        maxRows={12}
        maxLength={20000}
        value={draft}
        onChange={(event) => setDraft(event.currentTarget.value)}
      />
      <FormError error={update.error} title="Your notes were not saved" />
      <Group justify="flex-end">
        <Button
          size="sm"
          variant={dirty ? 'filled' : 'default'}
          disabled={!dirty || update.isPending}
          loading={update.isPending}
          onClick={() =>
            update.mutate(
              { id: application.id, body: { notes: draft, event_note: '' } },
              { onSuccess: () => notifications.show({ color: 'green', title: 'Notes saved', message: 'Your notes are up to date.' }) },
            )
          }
        >
          Save notes
        </Button>
      </Group>
    </Stack>
  );
}

function StopTracking({ application, jobTitle }: { application: ApplicationRead; jobTitle: string }) {
  const [opened, { open, close }] = useDisclosure(false);
  const stop = useStopTracking();
  return (
    <>
      <Button variant="subtle" color="red" size="sm" onClick={open}>
        Stop tracking
      </Button>
      <Modal opened={opened} onClose={close} title="Stop tracking this job?" centered>
        <Stack gap="md">
          <Text size="sm">
            Your application for <strong>{jobTitle}</strong>, its notes and its timeline will be deleted. The job itself
            stays, and you can track it again later.
          </Text>
          <FormError error={stop.error} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button
              color="red"
              loading={stop.isPending}
              onClick={() =>
                stop.mutate({ id: application.id, jobId: application.job_posting_id }, {
                  onSuccess: () => {
                    close();
                    notifications.show({ color: 'green', title: 'No longer tracked', message: `${jobTitle} is off your board.` });
                  },
                })
              }
            >
              Stop tracking
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

function TrackedPanel({ applicationId, jobTitle }: { applicationId: number; jobTitle: string }) {
  const application = useApplication(applicationId);
  if (application.isPending) {
    return (
      <Stack gap="md" role="status" aria-busy="true" aria-label="Loading your application">
        <Skeleton h={56} />
        <Skeleton h={96} />
        <Skeleton h={80} />
      </Stack>
    );
  }
  if (application.isError) {
    return (
      <QueryError
        error={application.error}
        onRetry={() => application.refetch()}
        retrying={application.isFetching}
        title="Could not load your application"
      />
    );
  }
  return (
    <Stack gap="md">
      <StatusField application={application.data} />
      <NotesField key={application.data.id} application={application.data} />
      <Divider />
      <Timeline applicationId={application.data.id} />
      <Divider />
      <Group justify="flex-end" gap="xs">
        <StopTracking application={application.data} jobTitle={jobTitle} />
      </Group>
    </Stack>
  );
}

/** Track a job, then follow it: status, notes, history. */
export function TrackingPanel({ job }: { job: JobRead }) {
  const track = useTrackJob(job.id);
  return (
    <Card component="section" aria-labelledby="tracking-title">
      <Stack gap="md">
        <Title order={2} size="h4" id="tracking-title">
          Your application
        </Title>
        {job.tracking ? (
          <TrackedPanel applicationId={job.tracking.id} jobTitle={job.title} />
        ) : (
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              Not tracked yet. Track this job to put it on your board, follow its status and keep notes.
            </Text>
            <FormError error={track.error} title="The job is not tracked" />
            <Button
              onClick={() =>
                track.mutate(undefined, {
                  onSuccess: () =>
                    notifications.show({ color: 'green', title: 'Tracking started', message: `${job.title} is on your board as Interested.` }),
                })
              }
              loading={track.isPending}
            >
              Track this job
            </Button>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
