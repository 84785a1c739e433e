import { Heatmap } from '@mantine/charts';
import { Badge, Box, Group, Stack, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import type { Activity } from '../../client/types';
import { QueryError } from '../../components/QueryError';
import { formatDay, plural } from '../../lib/format';
import { AnalyticsSection, SectionSkeleton } from './AnalyticsSection';
import { useActivity } from './useAnalytics';

/** Days whose goal was met get this outline on the heatmap. */
const GOAL_MET_STROKE = 'var(--mantine-color-orange-7)';

function dayLabel(date: string, count: number): string {
  return `${formatDay(date)}: ${plural(count, 'application')}`;
}

function ActivityBody({ activity }: { activity: Activity }) {
  const { points, streak, goal } = activity;
  const scroller = useRef<HTMLDivElement>(null);
  // On a narrow screen the year does not fit: show its recent end first.
  useEffect(() => {
    const box = scroller.current;
    if (box) box.scrollLeft = box.scrollWidth;
  }, [points.length]);
  // Only days with applications get a colour; the others stay empty (grey).
  const counts: Record<string, number> = {};
  for (const point of points) if (point.count > 0) counts[point.date] = point.count;
  const busiest = Math.max(1, ...points.map((point) => point.count));
  const metDays = new Set(points.filter((point) => point.met).map((point) => point.date));
  const active = points.filter((point) => point.count > 0);
  const total = active.reduce((sum, point) => sum + point.count, 0);
  const first = points[0]?.date;
  const last = points.at(-1)?.date;
  const summary =
    total === 0
      ? 'No applications sent in this period yet.'
      : `${plural(total, 'application')} on ${plural(active.length, 'day')}` +
        (goal > 0 ? `; your daily goal of ${goal.toLocaleString()} was met on ${plural(metDays.size, 'day')}.` : '.');

  return (
    <Stack gap="md">
      <Group gap="xs" wrap="wrap">
        <Badge variant="light" color={streak.current > 0 ? 'orange' : 'gray'} radius="sm" tt="none" size="lg" fw={600}>
          Current streak {plural(streak.current, 'day')}
        </Badge>
        <Badge variant="light" color="gray" radius="sm" tt="none" size="lg" fw={600}>
          Longest streak {plural(streak.longest, 'day')}
        </Badge>
        <Badge variant="light" color={streak.today_met ? 'green' : 'gray'} radius="sm" tt="none" size="lg" fw={600}>
          {streak.today_met ? "Today's goal met" : "Today's goal not met yet"}
        </Badge>
      </Group>
      {first && last ? (
        // Wider than a phone: it scrolls on its own (and can be focused to scroll with the keyboard).
        <Box ref={scroller} className="scroll-x" tabIndex={0} role="group" aria-label="Applications per day, scrollable">
          <Heatmap
            data={counts}
            domain={[0, busiest]}
            startDate={first}
            endDate={last}
            withMonthLabels
            withWeekdayLabels
            withOutsideDates={false}
            rectSize={12}
            gap={2}
            withTooltip
            getTooltipLabel={({ date, value }) => dayLabel(date, value ?? 0)}
            getRectProps={({ date }) =>
              metDays.has(date) ? { stroke: GOAL_MET_STROKE, strokeWidth: 2 } : {}
            }
            role="img"
            aria-label={`Applications per day from ${formatDay(first)} to ${formatDay(last)}: ${summary}`}
          />
        </Box>
      ) : null}
      <Text size="sm">{summary}</Text>
      <Text size="xs" c="dimmed">
        Darker squares: more applications that day.
        {goal > 0 ? ' Outlined squares: daily goal met.' : ' Set a daily goal on your profile to see the days you met it.'}
      </Text>
      {active.length > 0 ? (
        <table className="visually-hidden">
          <caption>Days with applications</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Applications</th>
              <th scope="col">Daily goal</th>
            </tr>
          </thead>
          <tbody>
            {active.map((point) => (
              <tr key={point.date}>
                <th scope="row">{formatDay(point.date)}</th>
                <td>{point.count.toLocaleString()}</td>
                <td>{point.met ? 'Met' : point.met === false ? 'Not met' : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Stack>
  );
}

/** The last year as a calendar heatmap, days meeting the goal outlined, and the streak. */
export function ActivitySection() {
  const activity = useActivity();
  return (
    <AnalyticsSection id="activity-title" title="Activity" description="Applications sent per day over the last year.">
      {activity.isPending ? (
        <SectionSkeleton label="Loading activity" />
      ) : activity.isError ? (
        <QueryError error={activity.error} onRetry={() => activity.refetch()} retrying={activity.isFetching} title="Could not load your activity" />
      ) : (
        <ActivityBody activity={activity.data} />
      )}
    </AnalyticsSection>
  );
}
