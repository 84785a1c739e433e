import { Button, Group, NativeSelect, SegmentedControl, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { ApplicationStatus } from '../../client/types';
import { EmptyState } from '../../components/EmptyState';
import { ColumnsIcon } from '../../components/icons';
import { PageTitle } from '../../components/PageTitle';
import { QueryError } from '../../components/QueryError';
import { isStatus, STATUS_LABELS, STATUS_ORDER } from '../applications/statuses';
import { useBoard } from '../applications/useApplications';
import { ApplicationsTable } from './ApplicationsTable';
import { totalsOf } from './boardLogic';
import { KanbanBoard } from './KanbanBoard';

const COLUMN_OPTIONS = STATUS_ORDER.map((status) => ({ value: status, label: STATUS_LABELS[status] }));

function BoardSkeleton({ single }: { single: boolean }) {
  return (
    <div className="board-columns" data-single={single || undefined} role="status" aria-busy="true" aria-label="Loading board">
      {(single ? [0] : [0, 1, 2, 3]).map((index) => (
        <div key={index} className="board-column">
          <Skeleton h={18} w="50%" mb="sm" />
          <Stack gap="sm">
            <Skeleton h={88} radius="md" />
            <Skeleton h={88} radius="md" />
          </Stack>
        </div>
      ))}
    </div>
  );
}

export function BoardPage() {
  const board = useBoard();
  const [params, setParams] = useSearchParams();
  const isPhone = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });
  const urlView = params.get('view') === 'list' ? 'list' : 'board';
  // Mirrors the URL, but changes at once: the router applies URL changes in a transition.
  const [view, setView] = useState<'board' | 'list'>(urlView);
  const [seenView, setSeenView] = useState(urlView);
  if (urlView !== seenView) {
    setSeenView(urlView);
    setView(urlView);
  }
  const page = Math.max(1, Number(params.get('page')) || 1);
  const requested = params.get('column');
  const totals = useMemo(() => (board.data ? totalsOf(board.data) : null), [board.data]);
  const firstWithCards = totals ? STATUS_ORDER.find((status) => totals[status] > 0) : undefined;
  const column: ApplicationStatus = isStatus(requested) ? requested : (firstWithCards ?? 'interested');
  const empty = totals !== null && STATUS_ORDER.every((status) => totals[status] === 0);

  const setParam = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageTitle title={view === 'list' ? 'Board (list)' : 'Board'} />
      <Group justify="space-between" align="flex-end" gap="sm">
        <div>
          <Title order={1}>Board</Title>
          <Text c="dimmed" mt={4}>
            {isPhone
              ? 'Every job you track, by status. Use a card’s menu to move it.'
              : 'Every job you track, by status. Drag a card to move it, or use its menu.'}
          </Text>
        </div>
        {empty ? null : (
          <SegmentedControl
            aria-label="View"
            value={view}
            onChange={(next) => {
              setView(next === 'list' ? 'list' : 'board');
              setParam({ view: next === 'list' ? 'list' : null, page: null });
            }}
            data={[
              { value: 'board', label: 'Board' },
              { value: 'list', label: 'List' },
            ]}
          />
        )}
      </Group>

      {board.isPending ? (
        <BoardSkeleton single={isPhone} />
      ) : board.isError ? (
        <QueryError error={board.error} onRetry={() => board.refetch()} retrying={board.isFetching} title="Could not load your board" />
      ) : empty ? (
        <EmptyState
          title="Nothing tracked yet"
          icon={<ColumnsIcon size={28} />}
          actions={
            <Button component={Link} to="/jobs">
              Find or add a job
            </Button>
          }
        >
          Your board fills up as you track jobs. Open a job and choose “Track this job”, then move it from Interested
          to Applied, Interview and beyond as things happen.
        </EmptyState>
      ) : view === 'list' ? (
        <ApplicationsTable page={page} onPage={(next) => setParam({ page: next > 1 ? String(next) : null })} />
      ) : isPhone ? (
        <Stack gap="sm">
          <NativeSelect
            label="Column"
            data={COLUMN_OPTIONS}
            value={column}
            onChange={(event) => setParam({ column: event.currentTarget.value })}
          />
          <KanbanBoard board={board.data} visible={[column]} single />
        </Stack>
      ) : (
        <KanbanBoard board={board.data} visible={STATUS_ORDER} />
      )}
    </>
  );
}
