import { Button, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { PageTitle } from '../../components/PageTitle';

/** A job id that is unknown, deleted, or someone else's hand-added job. */
export function JobNotFound() {
  return (
    <Stack align="flex-start" gap="md" py="xl">
      <PageTitle title="Job not found" />
      <Text c="brand" fw={700} size="sm">
        404
      </Text>
      <Title order={1}>Job not found</Title>
      <Text c="dimmed">This job does not exist or is not visible to you.</Text>
      <Button component={Link} to="/jobs">
        Back to Jobs
      </Button>
    </Stack>
  );
}
