import { Button, Checkbox, Group, NativeSelect, NumberInput, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ProfileRead } from '../../client/types';
import { FormError } from '../../components/FormError';
import { useProfile, useUpdateProfile } from '../profile/useProfile';
import { discoverKeys } from './useDiscover';

interface Needs {
  needs_sponsorship: boolean;
  remote_only: boolean;
  work_location: string;
  /** '' when none is set. */
  min_salary: number | '';
  salary_currency: string;
}

/** Currencies offered for the salary floor (postings in another currency are not compared). */
export const CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'CAD', 'AUD', 'INR', 'PLN', 'SEK'];

function needsOf(profile: ProfileRead): Needs {
  return {
    needs_sponsorship: profile.needs_sponsorship,
    remote_only: profile.remote_only,
    work_location: profile.work_location,
    min_salary: profile.min_salary ?? '',
    salary_currency: profile.salary_currency ?? 'EUR',
  };
}

/**
 * "What you need from a job": the hard requirements Discover marks postings against (and hides them by default):
 * visa sponsorship, remote only, where the user may work. Saving them rescores the feed in the background.
 */
export function NeedsPanel() {
  const profile = useProfile();
  return profile.data ? <NeedsForm saved={profile.data} /> : null;
}

function NeedsForm({ saved }: { saved: ProfileRead }) {
  const update = useUpdateProfile();
  const queryClient = useQueryClient();
  const [needs, setNeeds] = useState<Needs>(() => needsOf(saved));
  const before = needsOf(saved);
  const changed =
    needs.needs_sponsorship !== before.needs_sponsorship ||
    needs.remote_only !== before.remote_only ||
    needs.work_location.trim() !== before.work_location ||
    needs.min_salary !== before.min_salary ||
    (needs.min_salary !== '' && needs.salary_currency !== before.salary_currency);

  const save = () =>
    update.mutate(
      {
        needs_sponsorship: needs.needs_sponsorship,
        remote_only: needs.remote_only,
        work_location: needs.work_location.trim(),
        // 0 clears the floor on the server.
        min_salary: needs.min_salary === '' ? 0 : needs.min_salary,
        ...(needs.min_salary === '' ? {} : { salary_currency: needs.salary_currency }),
      },
      {
        onSuccess: (next) => {
          setNeeds(needsOf(next));
          notifications.show({ color: 'green', title: 'Saved', message: 'Your matches are being scored again.' });
          void queryClient.invalidateQueries({ queryKey: discoverKeys.all });
        },
      },
    );

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="discover-needs-title">
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4" id="discover-needs-title">
            What you need from a job
          </Title>
          <Text size="sm" c="dimmed">
            Postings that fail one of these are marked, and hidden unless you choose to see them.
          </Text>
        </div>
        <Group gap="lg" wrap="wrap" align="flex-end">
          <Checkbox
            label="I need visa sponsorship"
            checked={needs.needs_sponsorship}
            onChange={(event) => setNeeds({ ...needs, needs_sponsorship: event.currentTarget.checked })}
          />
          <Checkbox
            label="Remote work only"
            checked={needs.remote_only}
            onChange={(event) => setNeeds({ ...needs, remote_only: event.currentTarget.checked })}
          />
          <TextInput
            label="Where you can work"
            description="A country or region, e.g. Germany, EU, United States"
            maxLength={200}
            value={needs.work_location}
            onChange={(event) => setNeeds({ ...needs, work_location: event.currentTarget.value })}
            flex="1 1 14rem"
            miw={0}
          />
          <Group gap="xs" align="flex-end" wrap="nowrap">
            <NumberInput
              label="Minimum yearly salary"
              description="Leave empty for none"
              min={0}
              max={10_000_000}
              step={1000}
              thousandSeparator=","
              allowDecimal={false}
              allowNegative={false}
              value={needs.min_salary}
              onChange={(value) => setNeeds({ ...needs, min_salary: typeof value === 'number' ? value : '' })}
              w={170}
            />
            <NativeSelect
              label="Currency"
              data={CURRENCIES}
              value={needs.salary_currency}
              onChange={(event) => setNeeds({ ...needs, salary_currency: event.currentTarget.value })}
              w={90}
            />
          </Group>
          <Button onClick={save} loading={update.isPending} disabled={!changed}>
            Save
          </Button>
        </Group>
        <FormError error={update.error} title="Not saved" />
      </Stack>
    </Paper>
  );
}
