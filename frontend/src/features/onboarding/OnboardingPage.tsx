import { Card, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { OnboardingStep } from '../../client/types';
import { PageTitle } from '../../components/PageTitle';
import { QueryError } from '../../components/QueryError';
import { useProfile } from '../profile/useProfile';
import { OnboardingFlow } from './OnboardingFlow';
import { useOnboarding } from './useOnboarding';

/** /welcome: the guided setup for new users, resumable at the stored step; every step can be left. */
export function OnboardingPage() {
  const onboarding = useOnboarding();
  const profile = useProfile();
  const failed = onboarding.isError ? onboarding : profile.isError ? profile : null;
  // A finished or skipped setup can be gone through again, from the start.
  const initial: OnboardingStep = onboarding.data?.step && !onboarding.data.finished ? onboarding.data.step : 'welcome';
  return (
    <>
      <PageTitle title="Guided setup" />
      <div>
        <Title order={1}>Guided setup</Title>
        <Text c="dimmed" mt={4}>
          A few steps to get your copilot ready. You can leave at any time and pick up later from the dashboard.
        </Text>
      </div>
      {failed ? (
        <QueryError error={failed.error} onRetry={() => failed.refetch()} retrying={failed.isFetching} title="Could not load the setup" />
      ) : !profile.data || onboarding.isPending ? (
        <Card role="status" aria-busy="true" aria-label="Loading the setup">
          <Stack gap="md">
            <Skeleton h={32} />
            <Skeleton h={24} w="50%" />
            <Skeleton h={80} />
          </Stack>
        </Card>
      ) : (
        <OnboardingFlow initial={initial} profile={profile.data} />
      )}
    </>
  );
}
