import { Box, Button, Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link } from 'react-router';
import { FormError } from '../../components/FormError';
import { ONBOARDING_STEPS, onboardingPending, STEP_LABELS, useFinishOnboarding, useOnboarding } from './useOnboarding';

/**
 * The dashboard's invitation to the guided setup, while it is neither finished nor skipped. (No automatic
 * redirect: signing in always lands on the dashboard.)
 */
export function GetStartedCard() {
  const onboarding = useOnboarding();
  const finish = useFinishOnboarding();
  if (!onboardingPending(onboarding.data)) return null;
  const step = onboarding.data?.step ?? 'welcome';
  const index = ONBOARDING_STEPS.indexOf(step);
  const resuming = index > 0;
  return (
    <Card component="section" aria-labelledby="get-started-title" className="callout-card" bg="var(--mantine-color-brand-0)">
      <Stack gap="md">
        <Group gap="md" wrap="nowrap" align="flex-start">
          <ThemeIcon size="lg" radius="xl" variant="filled" aria-hidden>
            ★
          </ThemeIcon>
          <Box miw={0}>
            <Title order={2} size="h4" id="get-started-title">
              Get started
            </Title>
            <Text size="sm" c="dimmed" mt={4}>
              {resuming
                ? `You stopped at step ${index + 1} of ${ONBOARDING_STEPS.length} (${STEP_LABELS[step]}). Pick up where you left off: it takes a few minutes.`
                : 'A few minutes to set things up: your timezone and daily goal, your skills, what you are looking for, and a first job to track.'}
            </Text>
          </Box>
        </Group>
        <FormError error={finish.error} title="Setup was not skipped" />
        <Group gap="sm">
          <Button component={Link} to="/welcome">
            Start the guided setup
          </Button>
          <Button
            variant="default"
            loading={finish.isPending}
            onClick={() =>
              finish.mutate(
                { skipped: true },
                {
                  onSuccess: () =>
                    notifications.show({
                      title: 'Setup skipped',
                      message: 'Your profile, jobs and board are in the menu whenever you are ready.',
                    }),
                },
              )
            }
          >
            Skip setup
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
