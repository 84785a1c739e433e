import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { QueueOverview, ScheduleEntry } from '../../client/types';
import { FormError } from '../../components/FormError';
import { formatDateTime, formatEvery, timeUntil } from '../../lib/format';
import { Ago, STATE_COLORS, STATE_LABELS, StateBadge } from './TaskQueueShared';
import { TASK_STATES, useRunScheduledNow } from './useTaskQueue';

const MODE_LABELS: Record<QueueOverview['mode'], string> = {
  embedded: 'Embedded worker (in the web process)',
  redis: 'Redis workers',
};

export function Counts({ overview }: { overview: QueueOverview }) {
  return (
    <Stack gap="sm">
      <Text size="sm">
        <Text span c="dimmed">
          Mode:{' '}
        </Text>
        <Text span fw={600}>
          {MODE_LABELS[overview.mode] ?? overview.mode}
        </Text>
      </Text>
      <Group component="ul" gap="xs" p={0} m={0} className="plain-list" aria-label="Tasks by state">
        {TASK_STATES.map((state) => (
          <li key={state}>
            <Badge variant="light" color={STATE_COLORS[state]} radius="sm" tt="none" size="lg" fw={600}>
              {`${(overview.counts[state] ?? 0).toLocaleString()} ${STATE_LABELS[state].toLowerCase()}`}
            </Badge>
          </li>
        ))}
      </Group>
    </Stack>
  );
}

export function ScheduleTable({ schedule }: { schedule: ScheduleEntry[] }) {
  const runNow = useRunScheduledNow();
  if (schedule.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Nothing is scheduled.
      </Text>
    );
  }
  return (
    <Stack gap="sm">
      <FormError error={runNow.error} title="The task was not started" />
      <Table.ScrollContainer minWidth={640} type="native">
        <Table verticalSpacing="sm">
          <caption className="visually-hidden">Scheduled tasks</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Task</Table.Th>
              <Table.Th scope="col">Runs</Table.Th>
              <Table.Th scope="col">Last run</Table.Th>
              <Table.Th scope="col">Next run</Table.Th>
              <Table.Th scope="col">
                <span className="visually-hidden">Actions</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {schedule.map((entry) => (
              <Table.Tr key={entry.key}>
                <Table.Td>
                  <Text size="sm" fw={600} className="wrap-anywhere">
                    {entry.title}
                  </Text>
                  <Text size="xs" c="dimmed" className="wrap-anywhere">
                    {entry.task} · {entry.key}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatEvery(entry.every_seconds).replace(/^e/, 'E')}</Text>
                </Table.Td>
                <Table.Td>
                  {entry.last_run_at ? (
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm">
                        <Ago value={entry.last_run_at} />
                      </Text>
                      {entry.last_state ? <StateBadge state={entry.last_state} /> : null}
                    </Group>
                  ) : (
                    <Text size="sm" c="dimmed">
                      Never
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {entry.next_run_at ? (
                    <Text size="sm" title={formatDateTime(entry.next_run_at)}>
                      <time dateTime={entry.next_run_at}>{timeUntil(entry.next_run_at)}</time>
                    </Text>
                  ) : (
                    <Text size="sm" c="dimmed" title="No scheduler (copilot beat) has reported in yet">
                      Unknown
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  <Button
                    size="xs"
                    variant="light"
                    aria-label={`Run now ${entry.task}`}
                    loading={runNow.isPending && runNow.variables?.key === entry.key}
                    onClick={() =>
                      runNow.mutate(entry, {
                        onSuccess: (run) =>
                          notifications.show({
                            color: 'green',
                            title: `${entry.task} queued`,
                            message: `Task #${run.id} runs as soon as a worker is free.`,
                          }),
                      })
                    }
                  >
                    Run now
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

export function WorkersTable({ workers }: { workers: QueueOverview['workers'] }) {
  if (workers.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No worker has reported in yet.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={520} type="native">
      <Table verticalSpacing="sm">
        <caption className="visually-hidden">Workers</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Hostname</Table.Th>
            <Table.Th scope="col">Mode</Table.Th>
            <Table.Th scope="col">Started</Table.Th>
            <Table.Th scope="col">Last seen</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {workers.map((worker) => (
            <Table.Tr key={`${worker.hostname}-${worker.started_at}`}>
              <Table.Td>
                <Text size="sm" fw={600} className="wrap-anywhere">
                  {worker.hostname}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{worker.mode}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  <Ago value={worker.started_at} />
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  <Ago value={worker.last_seen_at} />
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
