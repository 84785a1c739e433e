import { Anchor, Group, Text, Title, VisuallyHidden } from '@mantine/core';
import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useMemo } from 'react';
import { Link } from 'react-router';
import type { ApplicationRead, ApplicationStatus } from '../../client/types';
import { STATUS_COLORS, STATUS_LABELS } from '../applications/statuses';
import { BoardCard, type FocusTarget } from './BoardCard';
import { cardId, columnId } from './boardLogic';

interface BoardColumnProps {
  status: ApplicationStatus;
  items: ApplicationRead[];
  total: number;
  /** A card is being dragged and may not go here: why. */
  refused: string | null;
  /** A card is being dragged and may go here. */
  accepting: boolean;
  /** The drag is over this column. */
  over: boolean;
  onMove: (application: ApplicationRead, status: ApplicationStatus) => void;
  focusTarget?: FocusTarget | null;
  onFocused?: () => void;
  /** Full width (phones: one column at a time). */
  single?: boolean;
}

export function BoardColumn({
  status,
  items,
  total,
  refused,
  accepting,
  over,
  onMove,
  focusTarget,
  onFocused,
  single,
}: BoardColumnProps) {
  const { setNodeRef } = useDroppable({ id: columnId(status), data: { type: 'column', status } });
  const ids = useMemo(() => items.map((item) => cardId(item.id)), [items]);
  const label = STATUS_LABELS[status];
  const hidden = total - items.length;
  const headingId = `board-column-${status}`;
  return (
    <section
      ref={setNodeRef}
      aria-label={label}
      className="board-column"
      data-single={single || undefined}
      data-refused={refused ? true : undefined}
      data-accepting={accepting || undefined}
      data-over={over || undefined}
      style={{ '--column-color': `var(--mantine-color-${STATUS_COLORS[status]}-6)` } as React.CSSProperties}
    >
      <Group justify="space-between" wrap="nowrap" gap="xs" className="board-column-header">
        <Title order={2} size="h5" id={headingId}>
          {label}
        </Title>
        <Text size="sm" fw={600} className="board-column-count">
          {total}
          <VisuallyHidden> {total === 1 ? 'application' : 'applications'}</VisuallyHidden>
        </Text>
      </Group>
      {refused ? (
        <Text size="xs" fw={600} className="board-column-refused">
          {refused}
        </Text>
      ) : null}
      <SortableContext id={status} items={ids} strategy={verticalListSortingStrategy}>
        <ul className="board-cards" aria-labelledby={headingId}>
          {items.map((application) => (
            <BoardCard
              key={application.id}
              application={application}
              onMove={onMove}
              focusTarget={focusTarget}
              onFocused={onFocused}
            />
          ))}
        </ul>
      </SortableContext>
      {items.length === 0 ? (
        <Text size="sm" className="board-column-empty">
          No applications here
        </Text>
      ) : null}
      {hidden > 0 ? (
        <Text size="xs" mt="xs" c="dimmed">
          {hidden} more not shown.{' '}
          <Anchor component={Link} to="/board?view=list" size="xs">
            See all in the list
          </Anchor>
        </Text>
      ) : null}
    </section>
  );
}
