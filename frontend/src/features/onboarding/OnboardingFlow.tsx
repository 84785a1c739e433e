import { Card, Stack, Stepper, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useState } from 'react';
import { useNavigate } from 'react-router';
import type { OnboardingStep, ProfileRead } from '../../client/types';
import { FormError } from '../../components/FormError';
import { ProfileStep } from './ProfileStep';
import { SearchStep } from './SearchStep';
import { SkillsStep } from './SkillsStep';
import { STEP_HEADINGS, StepHeading, StepNav, type StepProps } from './StepParts';
import { TourStep } from './TourStep';
import { TrackStep } from './TrackStep';
import { ONBOARDING_STEPS, STEP_LABELS, useFinishOnboarding, useSetOnboardingStep } from './useOnboarding';
import { WelcomeStep } from './WelcomeStep';

/** The steps, one at a time: the stepper, the step's heading (focused on each change), the step, its buttons. */
export function OnboardingFlow({ initial, profile }: { initial: OnboardingStep; profile: ProfileRead }) {
  const navigate = useNavigate();
  const [step, setStep] = useState<OnboardingStep>(initial);
  const [moved, setMoved] = useState(false);
  const { mutate: storeStep } = useSetOnboardingStep();
  const finish = useFinishOnboarding();
  const index = ONBOARDING_STEPS.indexOf(step);

  // Moving on never waits for the server: a step that was not stored only means a reload resumes earlier.
  const go = useCallback(
    (next: OnboardingStep) => {
      setStep(next);
      setMoved(true);
      storeStep(next);
    },
    [storeStep],
  );

  const skip = () =>
    finish.mutate(
      { skipped: true },
      {
        onSuccess: () => {
          notifications.show({
            title: 'Setup skipped',
            message: 'Your profile, jobs and board are in the menu whenever you are ready.',
          });
          navigate('/');
        },
      },
    );

  const done = () => finish.mutate({ skipped: false }, { onSuccess: () => navigate('/board') });

  const nav = (
    <StepNav
      onBack={index > 0 ? () => go(ONBOARDING_STEPS[index - 1]) : undefined}
      onSkip={skip}
      skipping={finish.isPending && finish.variables?.skipped === true}
    />
  );
  const props: StepProps = { go, nav };

  return (
    <Card>
      <Stack gap="lg">
        <Stepper
          active={index}
          onStepClick={(target) => {
            if (target < index) go(ONBOARDING_STEPS[target]);
          }}
          allowNextStepsSelect={false}
          size="sm"
          visibleFrom="sm"
        >
          {ONBOARDING_STEPS.map((item, position) => (
            <Stepper.Step key={item} label={STEP_LABELS[item]} aria-current={position === index ? 'step' : undefined} />
          ))}
        </Stepper>
        <div>
          <Text size="sm" c="dimmed" fw={500}>
            Step {index + 1} of {ONBOARDING_STEPS.length}
          </Text>
          <StepHeading focus={moved}>{STEP_HEADINGS[step]}</StepHeading>
        </div>
        <FormError error={finish.error} title={finish.variables?.skipped ? 'Setup was not skipped' : 'Setup was not finished'} />
        {step === 'welcome' ? (
          <WelcomeStep key={step} {...props} />
        ) : step === 'profile' ? (
          <ProfileStep key={step} {...props} profile={profile} />
        ) : step === 'skills' ? (
          <SkillsStep key={step} {...props} profile={profile} />
        ) : step === 'search' ? (
          <SearchStep key={step} {...props} />
        ) : step === 'track' ? (
          <TrackStep key={step} {...props} />
        ) : (
          <TourStep key={step} {...props} onFinish={done} finishing={finish.isPending && finish.variables?.skipped === false} />
        )}
      </Stack>
    </Card>
  );
}
