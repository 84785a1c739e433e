import { Anchor, Button, Card, Group, List, SimpleGrid, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { ProfileRead } from '../../client/types';
import { PageTitle } from '../../components/PageTitle';
import { QueryError } from '../../components/QueryError';
import { firstName } from '../../lib/forms';
import { GetStartedCard } from '../onboarding/GetStartedCard';
import { onboardingPending, useOnboarding } from '../onboarding/useOnboarding';
import { useProfile } from '../profile/useProfile';
import { PipelineCard } from './PipelineCard';
import { StreakCard } from './StreakCard';
import { TodayCard } from './TodayCard';

function greeting(now = new Date()): string {
  const hour = now.getHours();
  if (hour < 5) return 'Working late';
  if (hour < 12) return 'Good morning';
  if (hour < 18) return 'Good afternoon';
  return 'Good evening';
}

function GoalLine({ profile }: { profile: ProfileRead }) {
  const goal = profile.daily_application_goal;
  if (goal === 0) {
    return (
      <Text c="dimmed">
        You have no daily application goal yet.{' '}
        <Anchor component={Link} to="/profile">
          Set one on your profile
        </Anchor>
        .
      </Text>
    );
  }
  return (
    <Text c="dimmed">
      Your daily goal is{' '}
      <Text span fw={700} c="var(--mantine-color-text)">
        {goal} {goal === 1 ? 'application' : 'applications'}
      </Text>
      .
    </Text>
  );
}

function CompleteProfileCard() {
  return (
    <Card className="callout-card" bg="var(--mantine-color-brand-0)">
      <Group justify="space-between" align="center" gap="md">
        <Group gap="md" wrap="nowrap" align="flex-start" flex="1 1 260px">
          <ThemeIcon size="lg" radius="xl" variant="filled" aria-hidden>
            !
          </ThemeIcon>
          <div>
            <Title order={2} size="h4">
              Complete your profile
            </Title>
            <Text size="sm" c="dimmed" mt={4}>
              You have not listed any skills yet. Add them so your copilot can tell which jobs fit you.
            </Text>
          </div>
        </Group>
        <Button component={Link} to="/profile">
          Add your skills
        </Button>
      </Group>
    </Card>
  );
}

function DashboardSkeleton() {
  return (
    <Stack gap="lg" role="status" aria-busy="true" aria-label="Loading dashboard">
      <Skeleton h={20} w={280} maw="100%" />
      <Card>
        <Stack gap="sm">
          <Skeleton h={20} w="40%" />
          <Skeleton h={14} />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <Skeleton h={72} />
            <Skeleton h={72} />
            <Skeleton h={72} />
            <Skeleton h={72} />
          </SimpleGrid>
        </Stack>
      </Card>
    </Stack>
  );
}

/** The guided setup while it is to do (it covers skills too); else a nudge to list skills if there are none. */
function SetupCard({ hasSkills }: { hasSkills: boolean }) {
  const onboarding = useOnboarding();
  if (onboarding.isPending) return null;
  if (onboardingPending(onboarding.data)) return <GetStartedCard />;
  return hasSkills ? null : <CompleteProfileCard />;
}

export function DashboardPage() {
  const profile = useProfile();
  return (
    <>
      <PageTitle title="Dashboard" />
      <Title order={1}>Dashboard</Title>
      {profile.isPending ? (
        <DashboardSkeleton />
      ) : profile.isError ? (
        <QueryError
          error={profile.error}
          onRetry={() => profile.refetch()}
          retrying={profile.isFetching}
          title="Could not load your dashboard"
        />
      ) : (
        <Stack gap="lg">
          <div>
            <Text size="xl" fw={600}>
              {greeting()}, {firstName(profile.data.full_name, profile.data.email)}!
            </Text>
            <GoalLine profile={profile.data} />
          </div>
          <SetupCard hasSkills={profile.data.skills.length > 0} />
          <TodayCard />
          <StreakCard />
          <PipelineCard />
          {profile.data.skills.length > 0 ? (
            <Card>
              <Title order={2} size="h4">
                Your skills
              </Title>
              <List size="sm" mt="xs" c="dimmed" listStyleType="none" spacing={0}>
                <List.Item>
                  {profile.data.skills.length} {profile.data.skills.length === 1 ? 'skill' : 'skills'} on file.{' '}
                  <Anchor component={Link} to="/profile">
                    Review them
                  </Anchor>
                </List.Item>
              </List>
            </Card>
          ) : null}
        </Stack>
      )}
    </>
  );
}
