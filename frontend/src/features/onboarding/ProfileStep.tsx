import { Button, NumberInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useCallback, useMemo } from 'react';
import type { ProfileRead } from '../../client/types';
import { FormError } from '../../components/FormError';
import { browserTimezone } from '../../hooks/useAuth';
import { applyServerFieldErrors } from '../../lib/forms';
import { TimezoneSelect } from '../profile/TimezoneSelect';
import { timezoneOptions } from '../profile/timezones';
import { useUpdateProfile } from '../profile/useProfile';
import { StepFooter, type StepProps } from './StepParts';

const DEFAULT_GOAL = 5;

interface BasicsValues {
  timezone: string;
  daily_application_goal: number | string;
}

export function ProfileStep({ go, nav, profile }: StepProps & { profile: ProfileRead }) {
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
