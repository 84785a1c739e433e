import {
  Badge,
  Button,
  Code,
  Group,
  Loader,
  NativeSelect,
  Pagination,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link } from 'react-router';
import type { BackupRead, QueueOverview, ScheduleEntry, TaskRunRead, TaskState } from '../../client/types';
import { EmptyState } from '../../components/EmptyState';
import { AdminSection, RowsSkeleton } from './AdminSection';
import { FormError } from '../../components/FormError';
import { PageTitle } from '../../components/PageTitle';
import { QueryError } from '../../components/QueryError';
import { formatBytes, formatDateTime, formatDuration, formatEvery, plural, relativeTime, timeUntil } from '../../lib/format';
import {
  isForbidden,
  isTaskState,
  TASK_STATES,
  TASKS_PAGE_SIZE,
  useAdminTasks,
  useBackups,
  useCreateBackup,
  useQueueOverview,
  useRunScheduledNow,
  useTaskAction,
  type TaskActionInput,
} from './useTaskQueue';

export const STATE_LABELS: Record<TaskState, string> = {
  queued: 'Queued',
  running: 'Running',
  retrying: 'Retrying',
  succeeded: 'Succeeded',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

const STATE_COLORS: Record<TaskState, string> = {
  queued: 'cyan',
  running: 'blue',
  retrying: 'orange',
  succeeded: 'green',
  failed: 'red',
  cancelled: 'gray',
};

const MODE_LABELS: Record<QueueOverview['mode'], string> = {
  embedded: 'Embedded worker (in the web process)',
  redis: 'Redis workers',
};

const RETRYABLE: readonly TaskState[] = ['failed', 'cancelled'];
const CANCELLABLE: readonly TaskState[] = ['queued', 'running', 'retrying'];

/** Errors are shown up to this many characters until expanded. */
const ERROR_PREVIEW = 60;

function StateBadge({ state }: { state: TaskState }) {
  return (
    <Badge variant="light" color={STATE_COLORS[state]} radius="sm" tt="none" fw={600}>
      {STATE_LABELS[state]}
    </Badge>
  );
}

/** A past moment as "5 minutes ago", the exact time on hover. */
function Ago({ value }: { value: string | null }) {
  if (!value) return <>—</>;
  return (
    <time dateTime={value} title={formatDateTime(value)}>
      {relativeTime(value)}
    </time>
  );
}

// ---------------------------------------------------------------- overview

function Counts({ overview }: { overview: QueueOverview }) {
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
      <Group component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Tasks by state">
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

function ScheduleTable({ schedule }: { schedule: ScheduleEntry[] }) {
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
                  <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {entry.task}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {entry.key}
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

function WorkersTable({ workers }: { workers: QueueOverview['workers'] }) {
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
                <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
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

// ---------------------------------------------------------------- task list

function ErrorCell({ error }: { error: string | null }) {
  if (!error) return <Text size="sm">—</Text>;
  const firstLine = error.split('\n', 1)[0];
  if (firstLine.length <= ERROR_PREVIEW && firstLine === error) {
    return (
      <Text size="sm" c="red.8" style={{ overflowWrap: 'anywhere' }}>
        {error}
      </Text>
    );
  }
  const preview = `${firstLine.slice(0, ERROR_PREVIEW).trimEnd()}…`;
  return (
    <details className="task-error">
      <summary>
        <Text span size="sm" c="red.8">
          {preview}
        </Text>
      </summary>
      <Code block mt={6} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', maxWidth: '36rem' }}>
        {error}
      </Code>
    </details>
  );
}

function taskLabel(run: TaskRunRead): string {
  return `${run.name} #${run.id}`;
}

interface TaskRowProps {
  run: TaskRunRead;
  onAction: (input: TaskActionInput) => void;
  busy: TaskActionInput | undefined;
}

function TaskRow({ run, onAction, busy }: TaskRowProps) {
  const retryable = RETRYABLE.includes(run.state);
  const cancellable = CANCELLABLE.includes(run.state) && !run.cancel_requested;
  const busyHere = busy?.run.id === run.id ? busy.action : null;
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
          {run.name}
        </Text>
        <Text size="xs" c="dimmed">
          #{run.id}
          {run.state === 'running' && run.progress !== null
            ? ` · ${run.progress}%${run.progress_message ? ` ${run.progress_message}` : ''}`
            : ''}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{run.user_id ?? 'system'}</Text>
      </Table.Td>
      <Table.Td>
        <StateBadge state={run.state} />
        {run.state === 'retrying' && run.next_attempt_at ? (
          <Text size="xs" c="dimmed" mt={2} title={formatDateTime(run.next_attempt_at)}>
            Next attempt <time dateTime={run.next_attempt_at}>{timeUntil(run.next_attempt_at)}</time>
          </Text>
        ) : null}
        {run.cancel_requested && CANCELLABLE.includes(run.state) ? (
          <Text size="xs" c="dimmed" mt={2}>
            Cancel requested
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{run.attempts}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">
          <Ago value={run.queued_at} />
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{formatDuration(run.duration_ms) || '—'}</Text>
      </Table.Td>
      <Table.Td maw={280}>
        <ErrorCell error={run.error} />
      </Table.Td>
      <Table.Td ta="right">
        {retryable ? (
          <Button
            size="xs"
            variant="light"
            aria-label={`Retry ${taskLabel(run)}`}
            loading={busyHere === 'retry'}
            disabled={busy !== undefined && busyHere === null}
            onClick={() => onAction({ action: 'retry', run })}
          >
            Retry
          </Button>
        ) : cancellable ? (
          <Button
            size="xs"
            variant="default"
            aria-label={`Cancel ${taskLabel(run)}`}
            loading={busyHere === 'cancel'}
            disabled={busy !== undefined && busyHere === null}
            onClick={() => onAction({ action: 'cancel', run })}
          >
            Cancel
          </Button>
        ) : null}
      </Table.Td>
    </Table.Tr>
  );
}

const STATE_FILTER = [{ value: 'all', label: 'All' }, ...TASK_STATES.map((state) => ({ value: state, label: STATE_LABELS[state] }))];

function TaskList({ state, page, onState, onPage }: {
  state: TaskState | null;
  page: number;
  onState: (state: TaskState | null) => void;
  onPage: (page: number) => void;
}) {
  const list = useAdminTasks({ state, page, size: TASKS_PAGE_SIZE });
  const action = useTaskAction();
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / TASKS_PAGE_SIZE));

  const run = (input: TaskActionInput) =>
    action.mutate(input, {
      onSuccess: (result) =>
        notifications.show({
          color: 'green',
          message:
            input.action === 'retry'
              ? `${taskLabel(input.run)} queued again as #${result.id}.`
              : `Cancel requested for ${taskLabel(input.run)}.`,
        }),
    });

  return (
    <AdminSection
      id="task-list-title"
      title="Tasks"
      aside={list.isFetching && !list.isPending ? <Loader size="xs" role="status" aria-label="Updating" /> : null}
    >
      <Group justify="space-between" align="flex-end" gap="sm">
        <NativeSelect
          label="State"
          data={STATE_FILTER}
          value={state ?? 'all'}
          onChange={(event) => {
            const value = event.currentTarget.value;
            onState(isTaskState(value) ? value : null);
          }}
          w={200}
        />
        {list.data ? (
          <Text size="sm" c="dimmed">
            {plural(total, 'task')}
            {pages > 1 ? `, page ${Math.min(page, pages)} of ${pages}` : ''}
          </Text>
        ) : null}
      </Group>
      <FormError
        error={action.error}
        title={action.variables?.action === 'retry' ? 'The task was not retried' : 'The task was not cancelled'}
      />
      {list.isPending ? (
        <RowsSkeleton label="Loading tasks" rows={5} />
      ) : list.isError && !list.data ? (
        <QueryError error={list.error} onRetry={() => list.refetch()} retrying={list.isFetching} title="Could not load the tasks" />
      ) : list.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {state ? `No ${STATE_LABELS[state].toLowerCase()} tasks.` : 'No tasks yet.'}
        </Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={960} type="native">
            <Table striped highlightOnHover verticalSpacing="sm" style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
              <caption className="visually-hidden">Tasks, newest first</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Task</Table.Th>
                  <Table.Th scope="col">User</Table.Th>
                  <Table.Th scope="col">State</Table.Th>
                  <Table.Th scope="col">Attempts</Table.Th>
                  <Table.Th scope="col">Queued</Table.Th>
                  <Table.Th scope="col">Duration</Table.Th>
                  <Table.Th scope="col">Error</Table.Th>
                  <Table.Th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((item) => (
                  <TaskRow key={item.id} run={item} onAction={run} busy={action.isPending ? action.variables : undefined} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {pages > 1 ? (
            <Group justify="center" role="group" aria-label="Pages">
              <Pagination
                total={pages}
                value={Math.min(page, pages)}
                onChange={onPage}
                siblings={1}
                getItemProps={(item) => ({ 'aria-label': `Page ${item}` })}
                getControlProps={(control) => ({
                  'aria-label': control === 'next' ? 'Next page' : control === 'previous' ? 'Previous page' : control,
                })}
              />
            </Group>
          ) : null}
        </>
      )}
    </AdminSection>
  );
}

// ---------------------------------------------------------------- backups

function BackupsTable({ backups }: { backups: BackupRead[] }) {
  if (backups.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No backups yet.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={520} type="native">
      <Table verticalSpacing="sm">
        <caption className="visually-hidden">Backups, newest first</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Size</Table.Th>
            <Table.Th scope="col">Made</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {backups.map((backup) => (
            <Table.Tr key={backup.name}>
              <Table.Td>
                <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {backup.name}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatBytes(backup.size_bytes)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  <Ago value={backup.created_at} />
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Backups() {
  const backups = useBackups();
  const create = useCreateBackup();
  return (
    <AdminSection
      id="backups-title"
      title="Backups"
      aside={
        <Button
          size="xs"
          variant="light"
          loading={create.isPending}
          onClick={() =>
            create.mutate(undefined, {
              onSuccess: (run) =>
                notifications.show({
                  color: 'green',
                  title: 'Backup started',
                  message: `Task #${run.id} is writing it; it appears here when done.`,
                }),
            })
          }
        >
          Back up now
        </Button>
      }
    >
      <Text size="sm" c="dimmed">
        Backups are ZIP files in the server's data folder, under <Code>backups/</Code>; restore one on the server
        with <Code>copilot restore FILE</Code>.
      </Text>
      <FormError error={create.error} title="The backup was not started" />
      {backups.isPending ? (
        <RowsSkeleton label="Loading the backups" rows={2} />
      ) : backups.isError && !backups.data ? (
        <QueryError
          error={backups.error}
          onRetry={() => backups.refetch()}
          retrying={backups.isFetching}
          title="Could not load the backups"
        />
      ) : (
        <BackupsTable backups={backups.data} />
      )}
    </AdminSection>
  );
}

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
