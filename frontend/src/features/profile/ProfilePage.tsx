import { Button, Card, Group, NumberInput, Skeleton, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { ProfileRead } from '../../client/types';
import { FormError } from '../../components/FormError';
import { PageTitle } from '../../components/PageTitle';
import { QueryError } from '../../components/QueryError';
import { browserTimezone } from '../../hooks/useAuth';
import { ResumeCard } from '../resumes/ResumeCard';
import { applyServerFieldErrors } from '../../lib/forms';
import { SkillsEditor } from './SkillsEditor';
import { TimezoneSelect } from './TimezoneSelect';
import { sameSkill, type SkillDraft } from './skills';
import { timezoneOptions } from './timezones';
import { useProfile, useSaveProfile } from './useProfile';

/** The server's limit for the pitch (characters). */
export const PITCH_MAX = 1500;

interface ProfileValues {
  full_name: string;
  pitch: string;
  timezone: string;
  daily_application_goal: number | string;
  skills: SkillDraft[];
}

function toValues(profile: ProfileRead): ProfileValues {
  return {
    full_name: profile.full_name,
    pitch: profile.pitch ?? '',
    timezone: profile.timezone,
    daily_application_goal: profile.daily_application_goal,
    skills: profile.skills.map((skill) => ({ name: skill.name, level: skill.level ?? null, source: skill.source })),
  };
}

/**
 * Skills can reach the profile from elsewhere (a resume's review): bring the new ones into the form without
 * losing edits that are not saved yet.
 */
function useSkillsArriving(profile: ProfileRead, form: UseFormReturnType<ProfileValues>) {
  const previous = useRef(profile);
  useEffect(() => {
    const before = previous.current;
    previous.current = profile;
    if (before === profile) return;
    if (!form.isDirty()) {
      const next = toValues(profile);
      form.setValues(next);
      form.resetDirty(next);
      return;
    }
    const known = new Set(before.skills.map((skill) => skill.name.toLowerCase()));
    const shown = form.getValues().skills;
    const arrived = profile.skills.filter(
      (skill) => !known.has(skill.name.toLowerCase()) && !shown.some((s) => sameSkill(s.name, skill.name)),
    );
    if (arrived.length === 0) return;
    form.setFieldValue('skills', [
      ...shown,
      ...arrived.map((skill) => ({ name: skill.name, level: skill.level ?? null, source: skill.source })),
    ]);
  }, [profile, form]);
}

function ProfileForm({ profile }: { profile: ProfileRead }) {
  const save = useSaveProfile();
  const detectedTimezone = browserTimezone();
  const zones = useMemo(() => timezoneOptions(profile.timezone, detectedTimezone), [profile.timezone, detectedTimezone]);

  const form = useForm<ProfileValues>({
    initialValues: toValues(profile),
    validate: {
      full_name: (value) => {
        if (!value.trim()) return 'Enter your name';
        return value.trim().length > 200 ? 'Keep your name to 200 characters or fewer' : null;
      },
      pitch: (value) => (value.trim().length > PITCH_MAX ? `Keep it to ${PITCH_MAX} characters or fewer` : null),
      timezone: (value) => (value ? null : 'Choose your timezone'),
      daily_application_goal: (value) => {
        if (value === '' || value === null) return 'Enter a goal between 0 and 50';
        const goal = Number(value);
        if (!Number.isInteger(goal)) return 'Use a whole number';
        return goal < 0 || goal > 50 ? 'Enter a goal between 0 and 50' : null;
      },
    },
  });

  useSkillsArriving(profile, form);

  const { setFieldValue } = form;
  const setTimezone = useCallback((timezone: string) => setFieldValue('timezone', timezone), [setFieldValue]);

  const submit = form.onSubmit((values) => {
    save.mutate(
      {
        profile: {
          full_name: values.full_name.trim(),
          pitch: values.pitch.trim(),
          timezone: values.timezone,
          daily_application_goal: Number(values.daily_application_goal),
        },
        skills: values.skills.map(({ name, level }) => ({ name, level })),
      },
      {
        onSuccess: (saved) => {
          const next = toValues(saved);
          form.setValues(next);
          form.resetDirty(next);
          notifications.show({
            color: 'green',
            title: 'Profile saved',
            message: 'Your details and skills are up to date.',
          });
        },
        onError: (error) => {
          applyServerFieldErrors(form, error, ['full_name', 'pitch', 'timezone', 'daily_application_goal']);
        },
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <FormError error={save.error} title="Your profile was not saved" />
        <Card>
          <Stack gap="md">
            <div>
              <Title order={2} size="h4">
                About you
              </Title>
              <Text size="sm" c="dimmed">
                Used to greet you and to count your applications per day in your own timezone.
              </Text>
            </div>
            <TextInput
              label="Full name"
              name="full_name"
              autoComplete="name"
              required
              {...form.getInputProps('full_name')}
            />
            <TimezoneSelect
              value={form.values.timezone}
              onChange={setTimezone}
              zones={zones}
              browserZone={detectedTimezone}
              error={form.errors.timezone}
            />
            <NumberInput
              label="Daily application goal"
              name="daily_application_goal"
              description="Applications you aim to send per day (0–50)."
              min={0}
              max={50}
              step={1}
              allowDecimal={false}
              allowNegative={false}
              clampBehavior="strict"
              maw={320}
              {...form.getInputProps('daily_application_goal')}
            />
          </Stack>
        </Card>

        <Card>
          <Stack gap="md">
            <div>
              <Title order={2} size="h4">
                Your pitch
              </Title>
              <Text size="sm" c="dimmed">
                Cover letters quote this as you write it, and never invent traits you did not state here or in your resume.
              </Text>
            </div>
            <Textarea
              label="What I want employers to know"
              name="pitch"
              description="Your strengths and what you are looking for, in your own words."
              placeholder="e.g. I turn messy operational data into reports people use. I am looking for a team that ships often."
              autosize
              minRows={3}
              maxRows={10}
              maxLength={PITCH_MAX}
              {...form.getInputProps('pitch')}
            />
            <Text size="xs" c="dimmed" ta="right" mt={-8}>
              {form.values.pitch.length} / {PITCH_MAX}
            </Text>
          </Stack>
        </Card>

        <Card>
          <Stack gap="md">
            <div>
              <Title order={2} size="h4">
                Skills
              </Title>
              <Text size="sm" c="dimmed">
                What you can do, optionally rated from 1 (beginner) to 5 (expert). Job matching uses these.
              </Text>
            </div>
            <SkillsEditor
              value={form.values.skills}
              onChange={(skills) => form.setFieldValue('skills', skills)}
            />
          </Stack>
        </Card>

        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending} disabled={save.isPending}>
            Save profile
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ProfileSkeleton() {
  return (
    <Stack gap="lg" role="status" aria-busy="true" aria-label="Loading profile">
      <Card>
        <Stack gap="md">
          <Skeleton h={20} w="30%" />
          <Skeleton h={56} />
          <Skeleton h={56} />
          <Skeleton h={56} w={240} />
        </Stack>
      </Card>
      <Card>
        <Stack gap="md">
          <Skeleton h={20} w="20%" />
          <Skeleton h={56} />
          <Group gap="xs">
            <Skeleton h={28} w={90} radius="xl" />
            <Skeleton h={28} w={120} radius="xl" />
            <Skeleton h={28} w={70} radius="xl" />
          </Group>
        </Stack>
      </Card>
    </Stack>
  );
}

export function ProfilePage() {
  const profile = useProfile();
  return (
    <>
      <PageTitle title="Profile" />
      <div>
        <Title order={1}>Profile</Title>
        <Text c="dimmed" mt={4}>
          Tell your copilot who you are and what you are good at.
        </Text>
      </div>
      <ResumeCard />
      {profile.isPending ? (
        <ProfileSkeleton />
      ) : profile.isError ? (
        <QueryError
          error={profile.error}
          onRetry={() => profile.refetch()}
          retrying={profile.isFetching}
          title="Could not load your profile"
        />
      ) : (
        <ProfileForm profile={profile.data} />
      )}
    </>
  );
}
