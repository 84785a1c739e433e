import { Box, Button, Skeleton, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import type { ApplicationEvent } from '../../client/types';
import { QueryError } from '../../components/QueryError';
import { formatDateTime } from '../../lib/format';
import { STATUS_COLORS, STATUS_LABELS } from './statuses';
import { useApplicationEvents } from './useApplications';

function TimelineItem({ event, last }: { event: ApplicationEvent; last: boolean }) {
  const color = STATUS_COLORS[event.to_status];
  return (
    <li className="timeline-item" data-last={last || undefined}>
      <span
        className="timeline-dot"
        aria-hidden
        style={{ background: `var(--mantine-color-${color}-filled)` }}
      />
      <Text fw={600} size="sm">
        {STATUS_LABELS[event.to_status]}
      </Text>
      <Text size="sm" c="dimmed">
        {event.from_status ? (
          <>
            {STATUS_LABELS[event.from_status]}
            <span aria-hidden> → </span>
            <VisuallyHidden> to </VisuallyHidden>
            {STATUS_LABELS[event.to_status]}
          </>
        ) : (
          <>Started tracking as {STATUS_LABELS[event.to_status]}</>
        )}
      </Text>
      <Text size="xs" c="dimmed">
        <time dateTime={event.at}>{formatDateTime(event.at)}</time>
      </Text>
      {event.note ? (
        <Text size="sm" mt={4} className="timeline-note">
          {event.note}
        </Text>
      ) : null}
    </li>
  );
}

/** The status history of one application, oldest first. */
export function Timeline({ applicationId }: { applicationId: number }) {
  const events = useApplicationEvents(applicationId);
  const items = events.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Box component="section" aria-labelledby={`timeline-${applicationId}`}>
      <Title order={2} size="h4" id={`timeline-${applicationId}`} mb="sm">
        Timeline
      </Title>
      {events.isPending ? (
        <Stack gap="sm" role="status" aria-busy="true" aria-label="Loading timeline">
          <Skeleton h={40} />
          <Skeleton h={40} />
        </Stack>
      ) : events.isError ? (
        <QueryError error={events.error} onRetry={() => events.refetch()} retrying={events.isFetching} title="Could not load the timeline" />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No changes yet.
        </Text>
      ) : (
        <>
          <ol className="timeline">
            {items.map((event, index) => (
              <TimelineItem key={event.id} event={event} last={index === items.length - 1 && !events.hasNextPage} />
            ))}
          </ol>
          {events.hasNextPage ? (
            <Button variant="subtle" size="compact-sm" mt="xs" onClick={() => events.fetchNextPage()} loading={events.isFetchingNextPage}>
              Show later changes
            </Button>
          ) : null}
        </>
      )}
    </Box>
  );
}
