import { Anchor, Badge, Box, Card, Group, RingProgress, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { StatusChange, TodayRead } from '../../client/types';
import { QueryError } from '../../components/QueryError';
import { plural } from '../../lib/format';
import { StatusBadge } from '../applications/StatusBadge';
import { isStatus } from '../applications/statuses';
import { useToday } from './useToday';

/** The most recent status changes shown on the card. */
export const TODAY_CHANGES_SHOWN = 5;

/** "Thursday, 20 November" for the API's `YYYY-MM-DD` (a calendar date, not an instant). */
function formatLocalDate(value: string): string {
  const [year, month, day] = value.split('-').map(Number);
  if (!year || !month || !day) return '';
  return new Date(year, month - 1, day).toLocaleDateString(undefined, { weekday: 'long', month: 'long', day: 'numeric' });
}

/** "14:05" in the user's timezone (the day is theirs, not the browser's). */
function formatTime(value: string, timeZone: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  try {
    return date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', timeZone });
  } catch {
    return date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  }
}

function StatusPill({ status }: { status: string }) {
  return isStatus(status) ? (
    <StatusBadge status={status} size="sm" />
  ) : (
    <Badge variant="light" color="gray" radius="sm" tt="none" size="sm">
      {status}
    </Badge>
  );
}

function ChangeItem({ change, timeZone }: { change: StatusChange; timeZone: string }) {
  return (
    <Group component="li" justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
      <Box miw={0}>
        <Text size="sm" fw={600} className="wrap-anywhere">
          {change.title}
          <Text span c="dimmed" fw={400}>
            {' '}
            · {change.company}
          </Text>
        </Text>
        <Group gap={6} mt={2} wrap="wrap">
          {change.from_status ? (
            <>
              <StatusPill status={change.from_status} />
              <span aria-hidden="true">→</span>
              <span className="visually-hidden">to</span>
            </>
          ) : (
            <Text span size="xs" c="dimmed">
              Now tracked as
            </Text>
          )}
          <StatusPill status={change.to_status} />
        </Group>
      </Box>
      <Text size="xs" c="dimmed" flex="none">
        <time dateTime={change.at}>{formatTime(change.at, timeZone)}</time>
      </Text>
    </Group>
  );
}

function GoalProgress({ today }: { today: TodayRead }) {
  const { goal, applied_today: applied } = today;
  if (goal === 0) {
    return (
      <div>
        <Text fw={600}>{plural(applied, 'application')} today</Text>
        <Text size="sm" c="dimmed">
          You have no daily goal.{' '}
          <Anchor component={Link} to="/profile" inherit>
            Set a daily goal
          </Anchor>
        </Text>
      </div>
    );
  }
  const reached = applied >= goal;
  const percent = Math.min(100, Math.round((applied / goal) * 100));
  const summary = `${applied.toLocaleString()} of ${plural(goal, 'application')} today`;
  return (
    <Group gap="md" wrap="nowrap">
      <Box
        role="progressbar"
        aria-label="Daily goal"
        aria-valuemin={0}
        aria-valuemax={goal}
        aria-valuenow={Math.min(applied, goal)}
        aria-valuetext={summary}
        flex="none"
      >
        <RingProgress
          size={88}
          thickness={9}
          roundCaps
          sections={[{ value: percent, color: reached ? 'green' : 'brand' }]}
          label={
            <Text ta="center" fw={700} size="sm" aria-hidden="true">
              {percent}%
            </Text>
          }
        />
      </Box>
      <div>
        <Text fw={600}>{summary}</Text>
        <Text size="sm" c="dimmed">
          {reached ? 'Goal reached. Well done!' : `${(goal - applied).toLocaleString()} more to reach your goal.`}
        </Text>
      </div>
    </Group>
  );
}

/** Today in the user's timezone: applications against the daily goal, the streak, new jobs, status changes. */
export function TodayCard() {
  const today = useToday();
  const recent = today.data ? [...today.data.changes].sort((a, b) => b.at.localeCompare(a.at)).slice(0, TODAY_CHANGES_SHOWN) : [];
  const more = today.data ? today.data.changes.length - recent.length : 0;
  return (
    <Card component="section" aria-labelledby="today-title">
      <Stack gap="md">
        <Group justify="space-between" gap="xs" align="baseline">
          <Title order={2} size="h4" id="today-title">
            Today
          </Title>
          {today.data ? (
            <Text size="sm" c="dimmed">
              {formatLocalDate(today.data.local_date)}
            </Text>
          ) : null}
        </Group>
        {today.isPending ? (
          <Stack gap="sm" role="status" aria-busy="true" aria-label="Loading today">
            <Skeleton h={88} />
            <Skeleton h={14} w="60%" />
          </Stack>
        ) : today.isError ? (
          <QueryError error={today.error} onRetry={() => today.refetch()} retrying={today.isFetching} title="Could not load today's figures" />
        ) : (
          <>
            <GoalProgress today={today.data} />
            <Group gap="xs" wrap="wrap">
              <Badge variant="light" color={today.data.streak_days > 0 ? 'orange' : 'gray'} radius="sm" tt="none" size="lg" fw={600}>
                {today.data.streak_days > 0 ? `${today.data.streak_days}-day streak` : 'No streak yet'}
              </Badge>
              <Badge variant="light" color="blue" radius="sm" tt="none" size="lg" fw={600}>
                {today.data.new_jobs > 0 ? `${plural(today.data.new_jobs, 'new job')} today` : 'No new jobs today'}
              </Badge>
            </Group>
            <div>
              <Title order={3} size="h6" mb={6}>
                Status changes today
              </Title>
              {recent.length === 0 ? (
                <Text size="sm" c="dimmed">
                  No status changes yet today.
                </Text>
              ) : (
                <Stack component="ul" gap="sm" p={0} m={0} className="plain-list" aria-label="Status changes today">
                  {recent.map((change, index) => (
                    <ChangeItem key={`${change.at}-${index}`} change={change} timeZone={today.data.timezone} />
                  ))}
                </Stack>
              )}
              {more > 0 ? (
                <Text size="sm" c="dimmed" mt="xs">
                  …and {plural(more, 'earlier change')}.
                </Text>
              ) : null}
            </div>
          </>
        )}
      </Stack>
    </Card>
  );
}
