import { Button, Group, Title } from '@mantine/core';
import { useEffect, useRef, type ReactNode } from 'react';
import type { OnboardingStep } from '../../client/types';

export interface StepProps {
  /** Go to another step (stored on the server, so a reload resumes there). */
  go: (step: OnboardingStep) => void;
  /** The footer's "Back" and "Skip for now". */
  nav: ReactNode;
}

/** Heading of the current step; focused on each step change so screen readers follow. */
export function StepHeading({ children, focus }: { children: string; focus: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return (
    <Title order={2} size="h3" ref={ref} tabIndex={-1} className="focus-target">
      {children}
    </Title>
  );
}

/** The buttons every step has: back to the previous step, and out of the whole setup. */
export function StepNav({ onBack, onSkip, skipping }: { onBack?: () => void; onSkip: () => void; skipping: boolean }) {
  return (
    <Group gap="xs">
      {onBack ? (
        <Button variant="default" onClick={onBack}>
          Back
        </Button>
      ) : null}
      <Button variant="subtle" color="gray" onClick={onSkip} loading={skipping}>
        Skip for now
      </Button>
    </Group>
  );
}

/** The step's actions: navigation on the left, what moves on (`children`) on the right (and last in tab order). */
export function StepFooter({ nav, children }: { nav: ReactNode; children: ReactNode }) {
  return (
    <Group justify="space-between" gap="sm" mt="xs">
      {nav}
      <Group gap="xs">{children}</Group>
    </Group>
  );
}

export const STEP_HEADINGS: Record<OnboardingStep, string> = {
  welcome: 'Welcome to Career Copilot',
  profile: 'About you',
  skills: 'Your skills',
  search: 'What are you looking for?',
  track: 'Track your first job',
  tour: 'Your board',
};
