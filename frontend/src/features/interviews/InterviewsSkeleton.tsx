import { Card, Skeleton, Stack, Title } from '@mantine/core';
import { PageTitle } from '../../components/PageTitle';

/** While the interviews overview (and its charts) load for the first time. */
export function InterviewsSkeleton() {
  return (
    <>
      <PageTitle title="Interviews" />
      <Title order={1}>Interviews</Title>
      <Stack gap="lg" role="status" aria-busy="true" aria-label="Loading interviews">
        <Card>
          <Stack gap="sm">
            <Skeleton h={20} w="30%" />
            <Skeleton h={160} />
          </Stack>
        </Card>
      </Stack>
    </>
  );
}
