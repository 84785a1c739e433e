import {
  Button,
  Card,
  Checkbox,
  Group,
  List,
  NumberInput,
  Skeleton,
  Stack,
  Stepper,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../client';
import type { OnboardingStep, ProfileRead, SavedSearchIn } from '../../client/types';
import { FormError } from '../../components/FormError';
import { PageTitle } from '../../components/PageTitle';
import { QueryError } from '../../components/QueryError';
import { browserTimezone } from '../../hooks/useAuth';
import { applyServerFieldErrors } from '../../lib/forms';
import { applicationKeys } from '../applications/useApplications';
import { jobFormValidation } from '../jobs/jobForm';
import { jobKeys } from '../jobs/useJobs';
import { MAX_SKILLS, normaliseSkillName, sameSkill } from '../profile/skills';
import { TimezoneSelect } from '../profile/TimezoneSelect';
import { timezoneOptions } from '../profile/timezones';
import { useProfile, useReplaceSkills, useUpdateProfile } from '../profile/useProfile';
import {
  ONBOARDING_STEPS,
  STEP_LABELS,
  useCreateSavedSearch,
  useFinishOnboarding,
  useOnboarding,
  useSetOnboardingStep,
} from './useOnboarding';

const DEFAULT_GOAL = 5;

interface StepProps {
  /** Go to another step (stored on the server, so a reload resumes there). */
  go: (step: OnboardingStep) => void;
  /** The footer's "Back" and "Skip for now". */
  nav: ReactNode;
}

/** Heading of the current step; focused on each step change so screen readers follow. */
function StepHeading({ children, focus }: { children: string; focus: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return (
    <Title order={2} size="h3" ref={ref} tabIndex={-1} style={{ outline: 'none' }}>
      {children}
    </Title>
  );
}

/** The buttons every step has: back to the previous step, and out of the whole setup. */
function StepNav({ onBack, onSkip, skipping }: { onBack?: () => void; onSkip: () => void; skipping: boolean }) {
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
function StepFooter({ nav, children }: { nav: ReactNode; children: ReactNode }) {
  return (
    <Group justify="space-between" gap="sm" mt="xs">
      {nav}
      <Group gap="xs">{children}</Group>
    </Group>
  );
}

// ---------------------------------------------------------------- steps

function WelcomeStep({ go, nav }: StepProps) {
  return (
    <Stack gap="md">
      <Text>
        Career Copilot keeps your job search in one place: the jobs you find, where each application stands, and how
        you are doing. This short setup takes a few minutes:
      </Text>
      <List spacing={4} size="sm">
        <List.Item>your timezone and a daily goal,</List.Item>
        <List.Item>your skills,</List.Item>
        <List.Item>what you are looking for,</List.Item>
        <List.Item>a first job to track, and a quick look at your board.</List.Item>
      </List>
      <StepFooter nav={nav}>
        <Button onClick={() => go('profile')}>Get started</Button>
      </StepFooter>
    </Stack>
  );
}

interface BasicsValues {
  timezone: string;
  daily_application_goal: number | string;
}

function ProfileStep({ go, nav, profile }: StepProps & { profile: ProfileRead }) {
  const update = useUpdateProfile();
  const detected = browserTimezone();
  const zones = useMemo(() => timezoneOptions(profile.timezone, detected), [profile.timezone, detected]);
  const form = useForm<BasicsValues>({
    initialValues: {
      timezone: detected ?? profile.timezone,
      daily_application_goal: profile.daily_application_goal ?? DEFAULT_GOAL,
    },
    validate: {
      timezone: (value) => (value ? null : 'Choose your timezone'),
      daily_application_goal: (value) => {
        if (value === '' || value === null) return 'Enter a goal between 0 and 50';
        const goal = Number(value);
        if (!Number.isInteger(goal)) return 'Use a whole number';
        return goal < 0 || goal > 50 ? 'Enter a goal between 0 and 50' : null;
      },
    },
  });
  const { setFieldValue } = form;
  const setTimezone = useCallback((timezone: string) => setFieldValue('timezone', timezone), [setFieldValue]);
  const submit = form.onSubmit((values) =>
    update.mutate(
      { timezone: values.timezone, daily_application_goal: Number(values.daily_application_goal) },
      {
        onSuccess: () => go('skills'),
        onError: (error) => applyServerFieldErrors(form, error, ['timezone', 'daily_application_goal']),
      },
    ),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text>Your day and your goal: applications are counted per day in your own timezone.</Text>
        <FormError error={update.error} title="Your details were not saved" />
        <TimezoneSelect value={form.values.timezone} onChange={setTimezone} zones={zones} browserZone={detected} error={form.errors.timezone} />
        <NumberInput
          label="Daily application goal"
          name="daily_application_goal"
          description="Applications you aim to send per day (0–50). Meeting it day after day builds your streak."
          min={0}
          max={50}
          step={1}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="strict"
          maw={320}
          {...form.getInputProps('daily_application_goal')}
        />
        <StepFooter nav={nav}>
          <Button type="submit" loading={update.isPending}>
            Continue
          </Button>
        </StepFooter>
      </Stack>
    </form>
  );
}

/** Typed skills, trimmed, without duplicates (first spelling wins), at most MAX_SKILLS. */
function cleanSkills(names: string[]): string[] {
  const result: string[] = [];
  for (const raw of names) {
    const name = normaliseSkillName(raw);
    if (name && !result.some((kept) => sameSkill(kept, name))) result.push(name);
  }
  return result.slice(0, MAX_SKILLS);
}

function SkillsStep({ go, nav, profile }: StepProps & { profile: ProfileRead }) {
  const replace = useReplaceSkills();
  const [skills, setSkills] = useState<string[]>(() => profile.skills.map((skill) => skill.name));
  const save = (event: FormEvent) => {
    event.preventDefault();
    const names = cleanSkills(skills);
    // Keep the level of skills already on the profile.
    const body = names.map((name) => ({ name, level: profile.skills.find((skill) => sameSkill(skill.name, name))?.level ?? null }));
    replace.mutate(body, { onSuccess: () => go('search') });
  };
  return (
    <form onSubmit={save} noValidate>
      <Stack gap="md">
        <Text>
          What can you do? Job matching and the skill gap on Analytics compare postings with this list. Uploading your
          résumé to fill it in comes in a later release; you can rate each skill on your profile afterwards.
        </Text>
        <FormError error={replace.error} title="Your skills were not saved" />
        <TagsInput
          label="Skills"
          description="Press Enter or comma after each, e.g. Python, SQL, Public speaking."
          value={skills}
          onChange={setSkills}
          splitChars={[',']}
          acceptValueOnBlur
          clearable
          maxTags={MAX_SKILLS}
          // No suggestion list: an empty listbox would only share (and blur) the field's label.
          dropdownOpened={false}
          comboboxProps={{ keepMounted: false }}
        />
        <StepFooter nav={nav}>
          <Button type="submit" loading={replace.isPending}>
            Continue
          </Button>
        </StepFooter>
      </Stack>
    </form>
  );
}

function SearchStep({ go, nav }: StepProps) {
  const create = useCreateSavedSearch();
  const form = useForm<SavedSearchIn>({
    initialValues: { keywords: '', location: '', remote_only: false },
    validate: {
      keywords: (value) => {
        if (!value.trim()) return 'Enter what you are looking for, e.g. backend engineer';
        return value.trim().length > 200 ? 'Keep the keywords to 200 characters or fewer' : null;
      },
      location: (value) => (value.trim().length > 200 ? 'Keep the location to 200 characters or fewer' : null),
    },
  });
  const submit = form.onSubmit((values) =>
    create.mutate(
      { keywords: values.keywords.trim(), location: values.location.trim(), remote_only: values.remote_only },
      {
        onSuccess: () => go('track'),
        onError: (error) => applyServerFieldErrors(form, error, ['keywords', 'location', 'remote_only']),
      },
    ),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text>Save a search: job sources look for postings that match it as they arrive.</Text>
        <FormError error={create.error} title="Your search was not saved" />
        <TextInput label="Keywords" name="keywords" required placeholder="e.g. Python backend engineer" {...form.getInputProps('keywords')} />
        <TextInput label="Location" name="location" placeholder="e.g. Berlin" autoComplete="off" {...form.getInputProps('location')} />
        <Checkbox label="Remote only" name="remote_only" {...form.getInputProps('remote_only', { type: 'checkbox' })} />
        <StepFooter nav={nav}>
          <Button variant="default" onClick={() => go('track')}>
            I'll do this later
          </Button>
          <Button type="submit" loading={create.isPending}>
            Save and continue
          </Button>
        </StepFooter>
      </Stack>
    </form>
  );
}

interface TrackValues {
  title: string;
  company: string;
  url: string;
}

function TrackStep({ go, nav }: StepProps) {
  const queryClient = useQueryClient();
  const form = useForm<TrackValues>({
    initialValues: { title: '', company: '', url: '' },
    validate: { title: jobFormValidation.title, company: jobFormValidation.company, url: jobFormValidation.url },
  });
  const track = useMutation({
    mutationFn: async (values: TrackValues) => {
      const job = await unwrap(
        api.POST('/api/v1/jobs', {
          body: {
            title: values.title.trim(),
            company: values.company.trim(),
            url: values.url.trim() || null,
            location: '',
            remote_type: 'unknown',
            description: '',
          },
        }),
      );
      await unwrap(api.POST('/api/v1/applications', { body: { job_posting_id: job.id, status: 'interested', notes: '' } }));
      return job;
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: jobKeys.all });
      void queryClient.invalidateQueries({ queryKey: applicationKeys.all });
    },
  });
  const submit = form.onSubmit((values) =>
    track.mutate(values, {
      onSuccess: (job) => {
        notifications.show({ color: 'green', title: 'Job tracked', message: `${job.title} at ${job.company} is on your board.` });
        go('tour');
      },
      onError: (error) => applyServerFieldErrors(form, error, ['title', 'company', 'url']),
    }),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text>Found a posting you like? Add it here and it lands on your board, under Interested.</Text>
        <FormError error={track.error} title="The job was not tracked" />
        <TextInput label="Title" name="title" required placeholder="e.g. Backend Engineer" {...form.getInputProps('title')} />
        <TextInput label="Company" name="company" required autoComplete="organization" {...form.getInputProps('company')} />
        <TextInput
          label="Job URL"
          name="url"
          type="url"
          description="Optional: where the posting lives."
          placeholder="https://"
          {...form.getInputProps('url')}
        />
        <StepFooter nav={nav}>
          <Button variant="default" onClick={() => go('tour')}>
            I'll do this later
          </Button>
          <Button type="submit" loading={track.isPending}>
            Track this job
          </Button>
        </StepFooter>
      </Stack>
    </form>
  );
}

function TourStep({ nav, onFinish, finishing }: StepProps & { onFinish: () => void; finishing: boolean }) {
  return (
    <Stack gap="md">
      <Text>The board is where your applications live. Three things to know:</Text>
      <List type="ordered" spacing="xs">
        <List.Item>Each column is a stage: Interested, Applied, Interview, Offer, and the ways an application ends.</List.Item>
        <List.Item>
          Drag a card to another column to move it, or use the card’s menu (handy on a phone or with the keyboard).
        </List.Item>
        <List.Item>Open a job to see its history: every move is kept on its timeline, with your notes.</List.Item>
      </List>
      <StepFooter nav={nav}>
        <Button onClick={onFinish} loading={finishing}>
          Finish
        </Button>
      </StepFooter>
    </Stack>
  );
}

const STEP_HEADINGS: Record<OnboardingStep, string> = {
  welcome: 'Welcome to Career Copilot',
  profile: 'About you',
  skills: 'Your skills',
  search: 'What are you looking for?',
  track: 'Track your first job',
  tour: 'Your board',
};

// ---------------------------------------------------------------- the flow

function OnboardingFlow({ initial, profile }: { initial: OnboardingStep; profile: ProfileRead }) {
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
