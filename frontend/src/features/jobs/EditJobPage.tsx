import { Alert, Button, Group, Modal, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMemo } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../client';
import type { JobRead } from '../../client/types';
import { FormError } from '../../components/FormError';
import { PageTitle } from '../../components/PageTitle';
import { QueryError } from '../../components/QueryError';
import { JobForm } from './JobForm';
import { jobToFormValues, toJobUpdate } from './jobForm';
import { JobNotFound } from './JobNotFound';
import { BackLink } from './NewJobPage';
import { useDeleteJob, useJob, useUpdateJob } from './useJobs';

export function parseJobId(raw: string | undefined): number | null {
  if (!raw || !/^\d{1,12}$/.test(raw)) return null;
  const id = Number(raw);
  return id > 0 ? id : null;
}

function DeleteJob({ job }: { job: JobRead }) {
  const [opened, { open, close }] = useDisclosure(false);
  const remove = useDeleteJob(job.id);
  const navigate = useNavigate();
  return (
    <>
      <Button variant="outline" color="red" onClick={open}>
        Delete job
      </Button>
      <Modal opened={opened} onClose={close} title="Delete this job?" centered>
        <Stack gap="md">
          <Text size="sm">
            <strong>{job.title}</strong> at {job.company} will be deleted
            {job.tracking ? ', together with its application, notes and timeline' : ''}. This cannot be undone.
          </Text>
          <FormError error={remove.error} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() =>
                remove.mutate(undefined, {
                  onSuccess: () => {
                    close();
                    notifications.show({ color: 'green', title: 'Job deleted', message: `${job.title} is gone.` });
                    navigate('/jobs', { replace: true });
                  },
                })
              }
            >
              Delete job
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

function EditForm({ job }: { job: JobRead }) {
  const update = useUpdateJob(job.id);
  const navigate = useNavigate();
  const initial = useMemo(() => jobToFormValues(job), [job]);
  return (
    <JobForm
      initialValues={initial}
      submitLabel="Save changes"
      pending={update.isPending}
      error={update.error}
      errorTitle="Your changes were not saved"
      cancelTo={`/jobs/${job.id}`}
      extraActions={<DeleteJob job={job} />}
      onSubmit={async (values) => {
        const body = toJobUpdate(values, initial);
        if (Object.keys(body).length > 0) await update.mutateAsync(body);
        notifications.show({ color: 'green', title: 'Changes saved', message: `${values.title.trim()} is up to date.` });
        navigate(`/jobs/${job.id}`);
      }}
    />
  );
}

export function EditJobPage() {
  const id = parseJobId(useParams().id);
  const job = useJob(id);
  if (id === null || (job.error instanceof ApiError && job.error.status === 404)) return <JobNotFound />;
  return (
    <>
      <PageTitle title={job.data ? `Edit ${job.data.title}` : 'Edit job'} />
      <div>
        <BackLink to={`/jobs/${id}`}>{job.data?.title ?? 'Job'}</BackLink>
        <Title order={1} mt="xs">
          Edit job
        </Title>
      </div>
      {job.isPending ? (
        <Stack gap="lg" role="status" aria-busy="true" aria-label="Loading job">
          <Skeleton h={220} radius="md" />
          <Skeleton h={140} radius="md" />
        </Stack>
      ) : job.isError ? (
        <QueryError error={job.error} onRetry={() => job.refetch()} retrying={job.isFetching} title="Could not load this job" />
      ) : !job.data.is_own ? (
        <Alert color="yellow" variant="light" title="This job cannot be edited">
          It comes from a job board and is shared with everyone. Only jobs you added yourself can be edited.
        </Alert>
      ) : (
        <EditForm key={job.data.updated_at} job={job.data} />
      )}
    </>
  );
}
