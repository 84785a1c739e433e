import { Badge } from '@mantine/core';
import type { TaskState } from '../../client/types';
import { formatDateTime, relativeTime } from '../../lib/format';

export const STATE_LABELS: Record<TaskState, string> = {
  queued: 'Queued',
  running: 'Running',
  retrying: 'Retrying',
  succeeded: 'Succeeded',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

export const STATE_COLORS: Record<TaskState, string> = {
  queued: 'cyan',
  running: 'blue',
  retrying: 'orange',
  succeeded: 'green',
  failed: 'red',
  cancelled: 'gray',
};

export function StateBadge({ state }: { state: TaskState }) {
  return (
    <Badge variant="light" color={STATE_COLORS[state]} radius="sm" tt="none" fw={600}>
      {STATE_LABELS[state]}
    </Badge>
  );
}

/** A past moment as "5 minutes ago", the exact time on hover. */
export function Ago({ value }: { value: string | null }) {
  if (!value) return <>—</>;
  return (
    <time dateTime={value} title={formatDateTime(value)}>
      {relativeTime(value)}
    </time>
  );
}
