import { Badge, Box, Card, Group, Progress, SimpleGrid, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { AchievementRead } from '../../client/types';
import { EmptyState } from '../../components/EmptyState';
import { PageTitle } from '../../components/PageTitle';
import { QueryError } from '../../components/QueryError';
import { formatDate } from '../../lib/format';
import { sortAchievements, useAchievements } from './useAchievements';

function AchievementCard({ achievement }: { achievement: AchievementRead }) {
  const { code, title, description, earned, awarded_at: awardedAt, progress, target, available } = achievement;
  const titleId = `achievement-${code}`;
  const percent = target > 0 ? Math.min(100, Math.round((progress / target) * 100)) : 0;
  return (
    <li>
      <Card
        component="article"
        aria-labelledby={titleId}
        h="100%"
        bg={earned ? 'var(--mantine-color-yellow-0)' : undefined}
        style={earned ? { borderColor: 'var(--mantine-color-yellow-4)' } : undefined}
      >
        <Stack gap="sm" h="100%">
          <Group gap="sm" wrap="nowrap" align="flex-start">
            <ThemeIcon
              size={40}
              radius="xl"
              variant={earned ? 'filled' : 'light'}
              color={earned ? 'yellow' : 'gray'}
              aria-hidden
            >
              {earned ? '★' : '☆'}
            </ThemeIcon>
            <Box miw={0} flex={1}>
              <Title order={2} size="h5" id={titleId} className="wrap-anywhere">
                {title}
              </Title>
              {description ? (
                <Text size="sm" c="dimmed" mt={2}>
                  {description}
                </Text>
              ) : null}
            </Box>
          </Group>
          <Box mt="auto">
            {earned ? (
              <Group gap="xs" justify="space-between">
                <Badge variant="light" color="yellow" radius="sm" tt="none" fw={600}>
                  Earned
                </Badge>
                {awardedAt ? (
                  <Text size="sm" c="dimmed">
                    Earned on <time dateTime={awardedAt}>{formatDate(awardedAt)}</time>
                  </Text>
                ) : null}
              </Group>
            ) : !available ? (
              <Group gap="xs" justify="space-between">
                <Badge variant="light" color="gray" radius="sm" tt="none" fw={600}>
                  Coming soon
                </Badge>
                <Text size="sm" c="dimmed">
                  Arrives with a later release.
                </Text>
              </Group>
            ) : (
              <Stack gap={6}>
                <Group gap="xs" justify="space-between">
                  <Badge variant="light" color="gray" radius="sm" tt="none" fw={600}>
                    Locked
                  </Badge>
                  <Text size="sm" c="dimmed">
                    {progress.toLocaleString()} of {target.toLocaleString()}
                  </Text>
                </Group>
                <Progress value={percent} aria-label={`${title}: ${progress} of ${target}`} size="md" radius="xl" />
              </Stack>
            )}
          </Box>
        </Stack>
      </Card>
    </li>
  );
}

function AchievementsSkeleton() {
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md" role="status" aria-busy="true" aria-label="Loading achievements">
      {Array.from({ length: 6 }, (_, index) => (
        <Skeleton key={index} h={140} radius="md" />
      ))}
    </SimpleGrid>
  );
}

/** Milestones of the search: earned ones first with the date, then locked ones with progress. */
export function AchievementsPage() {
  const achievements = useAchievements();
  const items = achievements.data ? sortAchievements(achievements.data) : [];
  const earned = items.filter((item) => item.earned).length;
  return (
    <>
      <PageTitle title="Achievements" />
      <div>
        <Title order={1}>Achievements</Title>
        <Text c="dimmed" mt={4}>
          {achievements.data && items.length > 0
            ? `${earned.toLocaleString()} of ${items.length.toLocaleString()} earned. Milestones of your job search, earned as you go.`
            : 'Milestones of your job search, earned as you go.'}
        </Text>
      </div>
      {achievements.isPending ? (
        <AchievementsSkeleton />
      ) : achievements.isError ? (
        <QueryError
          error={achievements.error}
          onRetry={() => achievements.refetch()}
          retrying={achievements.isFetching}
          title="Could not load your achievements"
        />
      ) : items.length === 0 ? (
        <EmptyState title="No achievements yet">Achievements arrive with the next release.</EmptyState>
      ) : (
        <SimpleGrid
          component="ul"
          cols={{ base: 1, xs: 2, md: 3 }}
          spacing="md"
          p={0}
          m={0}
          className="plain-list"
          aria-label="Achievements"
        >
          {items.map((item) => (
            <AchievementCard key={item.code} achievement={item} />
          ))}
        </SimpleGrid>
      )}
    </>
  );
}
