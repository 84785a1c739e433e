import { Anchor, Button, Card, Group, NativeSelect, Skeleton, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../client';
import type { ProfileRead, TaskRunRead } from '../../client/types';
import { FormError } from '../../components/FormError';
import { QueryError } from '../../components/QueryError';
import { useAuth } from '../../hooks/useAuth';
import { useAuthConfig } from '../auth/useAuthConfig';
import { profileKey, useProfile } from '../profile/useProfile';

/** The evening summary's settings, as PATCH /users/me takes them. */
interface SummarySettings {
  evening_summary_enabled?: boolean;
  evening_summary_hour?: number;
}

const SAVED_TOAST_ID = 'evening-summary-saved';

export function hourLabel(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

const HOURS = Array.from({ length: 24 }, (_, hour) => ({ value: String(hour), label: hourLabel(hour) }));

/** Where a summary lands: by email, or in the bell when the server has no mail server (unknown: either). */
function deliveryNote(emailDelivery: boolean | undefined): string {
  if (emailDelivery === undefined) return 'It arrives by email, or in your notifications when no mail server is configured.';
  return emailDelivery
    ? 'It arrives by email in a minute or two.'
    : 'This server has no mail server configured, so it arrives in your notifications.';
}

function EveningSummaryForm({ profile }: { profile: ProfileRead }) {
  const queryClient = useQueryClient();
  const { updateUser } = useAuth();
  const config = useAuthConfig();
  const emailDelivery = config.data?.email_delivery;
  // Changes not saved yet (in flight, or refused): shown as chosen, and sent again with the next change or retry.
  const [unsaved, setUnsaved] = useState<SummarySettings>({});

  const save = useMutation<ProfileRead, Error, SummarySettings>({
    mutationFn: (body) => unwrap(api.PATCH('/api/v1/users/me', { body })),
    // One after the other: the last change the user made is the one that stays.
    scope: { id: 'evening-summary-settings' },
    onSuccess: (saved) => {
      queryClient.setQueryData(profileKey, saved);
      updateUser(saved);
      setUnsaved((current) => {
        const next = { ...current };
        if (next.evening_summary_enabled === saved.evening_summary_enabled) delete next.evening_summary_enabled;
        if (next.evening_summary_hour === saved.evening_summary_hour) delete next.evening_summary_hour;
        return next;
      });
      notifications.hide(SAVED_TOAST_ID);
      notifications.show({
        id: SAVED_TOAST_ID,
        color: 'green',
        title: saved.evening_summary_enabled ? 'Evening summary on' : 'Evening summary off',
        message: saved.evening_summary_enabled
          ? `You will get it every day after ${hourLabel(saved.evening_summary_hour)} (${saved.timezone} time).`
          : 'You will not get a summary in the evening.',
      });
    },
  });

  const send = useMutation<TaskRunRead, Error, void>({
    mutationFn: () => unwrap(api.POST('/api/v1/users/me/evening-summary')),
    onSuccess: () => {
      notifications.show({ color: 'green', title: 'Summary on its way', message: deliveryNote(emailDelivery) });
    },
  });

  const commit = (change: SummarySettings) => {
    const next = { ...unsaved, ...change };
    setUnsaved(next);
    save.mutate(next);
  };

  const enabled = unsaved.evening_summary_enabled ?? profile.evening_summary_enabled;
  const hour = unsaved.evening_summary_hour ?? profile.evening_summary_hour;
  const failed = save.isError && Object.keys(unsaved).length > 0;

  return (
    <Stack gap="md">
      {failed ? (
        <Stack gap="xs">
          <FormError error={save.error} title="Your change was not saved" />
          <Group>
            <Button variant="light" size="xs" onClick={() => commit({})} loading={save.isPending}>
              Try saving again
            </Button>
          </Group>
        </Stack>
      ) : null}
      <div>
        {/* The description sits outside the switch's <label>, so the switch is named by its label alone. */}
        <Switch
          label="Email me an evening summary"
          aria-describedby="evening-summary-switch-description"
          checked={enabled}
          onChange={(event) => commit({ evening_summary_enabled: event.currentTarget.checked })}
        />
        <Text
          id="evening-summary-switch-description"
          size="xs"
          c="dimmed"
          mt={4}
          pl="calc(2.375rem * var(--mantine-scale) + var(--mantine-spacing-sm))"
        >
          Applications sent against your goal, your streak, new jobs and today's status changes.
        </Text>
      </div>
      <NativeSelect
        label="Send it after"
        description={
          <>
            In your local time, {profile.timezone}.{' '}
            <Anchor component={Link} to="/profile" inherit underline="always">
              Change your timezone
            </Anchor>
          </>
        }
        data={HOURS}
        value={String(hour)}
        onChange={(event) => {
          const next = Number(event.currentTarget.value);
          if (Number.isInteger(next) && next !== hour) commit({ evening_summary_hour: next });
        }}
        disabled={!enabled}
        maw={320}
      />
      <FormError error={send.error} title="The summary was not sent" />
      <Group justify="space-between" gap="sm">
        <Text size="sm" c="dimmed" maw={420}>
          Want to see what it looks like? Get today's summary now; it does not replace tonight's.
        </Text>
        <Button variant="default" onClick={() => send.mutate()} loading={send.isPending}>
          Send today's summary now
        </Button>
      </Group>
    </Stack>
  );
}

/** Settings section: the daily evening summary (on/off, the hour), and a "send it now" to try it. */
export function EveningSummaryCard() {
  const profile = useProfile();
  return (
    <Card component="section" aria-labelledby="evening-summary-title">
      <Stack gap="md">
        <div>
          <Title order={2} size="h4" id="evening-summary-title">
            Evening summary
          </Title>
          <Text size="sm" c="dimmed">
            Your day in figures, once a day after the hour you choose.
          </Text>
        </div>
        {profile.isPending ? (
          <Stack gap="sm" role="status" aria-busy="true" aria-label="Loading evening summary settings">
            <Skeleton h={24} w="60%" />
            <Skeleton h={56} w={320} maw="100%" />
          </Stack>
        ) : profile.isError ? (
          <QueryError
            error={profile.error}
            onRetry={() => profile.refetch()}
            retrying={profile.isFetching}
            title="Could not load your evening summary settings"
          />
        ) : (
          <EveningSummaryForm profile={profile.data} />
        )}
      </Stack>
    </Card>
  );
}
