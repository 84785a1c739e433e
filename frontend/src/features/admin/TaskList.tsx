import { Button, Code, Group, Loader, NativeSelect, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TaskRunRead, TaskState } from '../../client/types';
import { AdminSection, RowsSkeleton } from './AdminSection';
import { FormError } from '../../components/FormError';
import { pageCount, Pager } from '../../components/Pager';
import { QueryError } from '../../components/QueryError';
import { formatDateTime, formatDuration, plural, timeUntil } from '../../lib/format';
import { Ago, STATE_LABELS, StateBadge } from './TaskQueueShared';
import {
  isTaskState,
  TASK_STATES,
  TASKS_PAGE_SIZE,
  useAdminTasks,
  useTaskAction,
  type TaskActionInput,
} from './useTaskQueue';

const RETRYABLE: readonly TaskState[] = ['failed', 'cancelled'];
const CANCELLABLE: readonly TaskState[] = ['queued', 'running', 'retrying'];

/** Errors are shown up to this many characters until expanded. */
const ERROR_PREVIEW = 60;

function ErrorCell({ error }: { error: string | null }) {
  if (!error) return <Text size="sm">—</Text>;
  const firstLine = error.split('\n', 1)[0];
  if (firstLine.length <= ERROR_PREVIEW && firstLine === error) {
    return (
      <Text size="sm" c="red.8" className="wrap-anywhere">
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
      <Code block mt={6} maw="36rem" className="pre-wrap wrap-anywhere">
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
        <Text size="sm" fw={600} className="wrap-anywhere">
          {run.title}
        </Text>
        <Text size="xs" c="dimmed" className="wrap-anywhere">
          {run.name} #{run.id}
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

export function TaskList({ state, page, onState, onPage }: {
  state: TaskState | null;
  page: number;
  onState: (state: TaskState | null) => void;
  onPage: (page: number) => void;
}) {
  const list = useAdminTasks({ state, page, size: TASKS_PAGE_SIZE });
  const action = useTaskAction();
  const total = list.data?.total ?? 0;
  const pages = pageCount(total, TASKS_PAGE_SIZE);

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
            <Table striped highlightOnHover verticalSpacing="sm" opacity={list.isPlaceholderData ? 0.6 : 1}>
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
          <Pager page={page} pages={pages} onChange={onPage} />
        </>
      )}
    </AdminSection>
  );
}
