import { Anchor, Group, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useNavigate } from 'react-router';
import { ArrowLeftIcon } from '../../components/icons';
import { PageTitle } from '../../components/PageTitle';
import { JobForm } from './JobForm';
import { EMPTY_JOB_FORM, toJobCreate } from './jobForm';
import { useCreateJob } from './useJobs';

export function BackLink({ to, children }: { to: string; children: string }) {
  return (
    <Anchor component={Link} to={to} size="sm" fw={500} w="fit-content">
      <Group gap={4} wrap="nowrap" component="span">
        <ArrowLeftIcon size={14} />
        {children}
      </Group>
    </Anchor>
  );
}

export function NewJobPage() {
  const create = useCreateJob();
  const navigate = useNavigate();
  return (
    <>
      <PageTitle title="Add job" />
      <div>
        <BackLink to="/jobs">Jobs</BackLink>
        <Title order={1} mt="xs">
          Add job
        </Title>
        <Text c="dimmed" mt={4}>
          Found a posting somewhere? Keep it here to track your application. Only you can see jobs you add.
        </Text>
      </div>
      <JobForm
        initialValues={EMPTY_JOB_FORM}
        submitLabel="Save job"
        pending={create.isPending}
        error={create.error}
        errorTitle="The job was not saved"
        cancelTo="/jobs"
        onSubmit={async (values) => {
          const job = await create.mutateAsync(toJobCreate(values));
          notifications.show({ color: 'green', title: 'Job added', message: `${job.title} at ${job.company} is saved.` });
          navigate(`/jobs/${job.id}`);
        }}
      />
    </>
  );
}
