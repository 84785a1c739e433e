import { Button, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { TaskState } from '../../client/types';
import { EmptyState } from '../../components/EmptyState';
import { AdminSection, RowsSkeleton } from './AdminSection';
import { PageTitle } from '../../components/PageTitle';
import { QueryError } from '../../components/QueryError';
import { Backups } from './Backups';
import { Counts, ScheduleTable, WorkersTable } from './QueueOverviewSections';
import { TaskList } from './TaskList';
import { isForbidden, useQueueOverview } from './useTaskQueue';

export { STATE_LABELS } from './TaskQueueShared';

// ---------------------------------------------------------------- page

function NotAllowed() {
  return (
    <EmptyState
      title="Only administrators can see the task queue"
      actions={
        <Button component={Link} to="/" variant="light">
          Back to the dashboard
        </Button>
      }
    >
      The task queue shows the background work of every account on this server. Ask its administrator if you need
      to see it.
    </EmptyState>
  );
}

/** `/admin/tasks`: the background task queue, for administrators. Refreshes every few seconds while open. */
export function TaskQueuePage() {
  const overview = useQueueOverview();
  const [state, setState] = useState<TaskState | null>(null);
  const [page, setPage] = useState(1);
  // Shown once the server has said no (the list may still be on its way).
  const forbidden = isForbidden(overview.error);

  return (
    <>
      <PageTitle title="Task queue" />
      <div>
        <Title order={1}>Task queue</Title>
        <Text c="dimmed" mt={4}>
          Background work on this server: what is queued, running, scheduled and failed.
        </Text>
      </div>
      {forbidden ? (
        <NotAllowed />
      ) : (
        <Stack gap="lg">
          <AdminSection id="queue-overview-title" title="Overview">
            {overview.isPending ? (
              <RowsSkeleton label="Loading the overview" rows={2} />
            ) : overview.isError && !overview.data ? (
              <QueryError
                error={overview.error}
                onRetry={() => overview.refetch()}
                retrying={overview.isFetching}
                title="Could not load the queue overview"
              />
            ) : (
              <Counts overview={overview.data} />
            )}
          </AdminSection>
          <AdminSection id="queue-schedule-title" title="Scheduled">
            {overview.isPending ? (
              <RowsSkeleton label="Loading the schedule" rows={2} />
            ) : overview.data ? (
              <ScheduleTable schedule={overview.data.schedule} />
            ) : (
              <Text size="sm" c="dimmed">
                Not available.
              </Text>
            )}
          </AdminSection>
          <AdminSection id="queue-workers-title" title="Workers">
            {overview.isPending ? (
              <RowsSkeleton label="Loading the workers" rows={1} />
            ) : overview.data ? (
              <WorkersTable workers={overview.data.workers} />
            ) : (
              <Text size="sm" c="dimmed">
                Not available.
              </Text>
            )}
          </AdminSection>
          <TaskList
            state={state}
            page={page}
            onState={(next) => {
              setState(next);
              setPage(1);
            }}
            onPage={setPage}
          />
          <Backups />
        </Stack>
      )}
    </>
  );
}
