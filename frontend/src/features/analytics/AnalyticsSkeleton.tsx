import { Card, Skeleton, Stack, Title } from '@mantine/core';
import { PageTitle } from '../../components/PageTitle';

/** While the analytics page (and its charts) load for the first time. */
export function AnalyticsSkeleton() {
  return (
    <>
      <PageTitle title="Analytics" />
      <Title order={1}>Analytics</Title>
      <Stack gap="lg" role="status" aria-busy="true" aria-label="Loading analytics">
        <Card>
          <Stack gap="sm">
            <Skeleton h={20} w="30%" />
            <Skeleton h={200} />
          </Stack>
        </Card>
        <Card>
          <Stack gap="sm">
            <Skeleton h={20} w="25%" />
            <Skeleton h={120} />
          </Stack>
        </Card>
      </Stack>
    </>
  );
}
