import { Button, Checkbox, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
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
  const [needs, setNeeds] = useState<Needs>({
    needs_sponsorship: saved.needs_sponsorship,
    remote_only: saved.remote_only,
    work_location: saved.work_location,
  });
  const changed =
    needs.needs_sponsorship !== saved.needs_sponsorship ||
    needs.remote_only !== saved.remote_only ||
    needs.work_location.trim() !== saved.work_location;

  const save = () =>
    update.mutate(
      { ...needs, work_location: needs.work_location.trim() },
      {
        onSuccess: (next) => {
          setNeeds({ needs_sponsorship: next.needs_sponsorship, remote_only: next.remote_only, work_location: next.work_location });
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
            style={{ flex: '1 1 14rem', minWidth: 0 }}
          />
          <Button onClick={save} loading={update.isPending} disabled={!changed}>
            Save
          </Button>
        </Group>
        <FormError error={update.error} title="Not saved" />
      </Stack>
    </Paper>
  );
}
