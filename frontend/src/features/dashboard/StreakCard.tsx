import { Anchor, Badge, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { QueryError } from '../../components/QueryError';
import { plural } from '../../lib/format';
import { useAnalyticsSummary } from '../analytics/useAnalytics';

/** Days in a row the daily goal was met: now and at best, and whether today counts yet. */
export function StreakCard() {
  const summary = useAnalyticsSummary();
  const streak = summary.data?.streak;
  return (
    <Card component="section" aria-labelledby="streak-title">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" align="baseline">
          <Title order={2} size="h4" id="streak-title">
            Streak
          </Title>
          <Anchor component={Link} to="/analytics" size="sm" fw={600}>
            See analytics
          </Anchor>
        </Group>
        {summary.isPending ? (
          <Stack gap="xs" role="status" aria-busy="true" aria-label="Loading streak">
            <Skeleton h={28} w={160} />
            <Skeleton h={14} w={220} />
          </Stack>
        ) : summary.isError || !streak ? (
          <QueryError
            error={summary.error}
            onRetry={() => summary.refetch()}
            retrying={summary.isFetching}
            title="Could not load your streak"
          />
        ) : (
          <Group justify="space-between" gap="sm" align="center">
            <div>
              <Text fz={26} fw={700} lh={1.2}>
                {streak.current > 0 ? `${streak.current.toLocaleString()}-day streak` : 'No streak yet'}
              </Text>
              <Text size="sm" c="dimmed">
                Longest: {plural(streak.longest, 'day')}
              </Text>
            </div>
            <Badge
              variant="light"
              color={streak.today_met ? 'green' : 'gray'}
              radius="sm"
              tt="none"
              size="lg"
              fw={600}
            >
              {streak.today_met ? "Today's goal met" : "Today's goal not met yet"}
            </Badge>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
