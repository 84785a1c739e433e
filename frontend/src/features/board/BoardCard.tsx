import { ActionIcon, Anchor, Box, Group, Menu, Paper, Text, VisuallyHidden } from '@mantine/core';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useEffect, useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { Link } from 'react-router';
import type { ApplicationRead, ApplicationStatus } from '../../client/types';
import { ClockIcon, DotsIcon, GripIcon, PinIcon } from '../../components/icons';
import { daysSince, formatDate } from '../../lib/format';
import { inBoardOrder, STATUS_LABELS } from '../applications/statuses';
import { cardId } from './boardLogic';

/** How long a card has sat in its column: "Today", "1 day", "12 days". */
export function timeInStatus(application: Pick<ApplicationRead, 'status_changed_at'>, now = new Date()): string {
  const days = daysSince(application.status_changed_at, now);
  if (days === 0) return 'Today';
  return `${days} ${days === 1 ? 'day' : 'days'}`;
}

interface CardBodyProps {
  application: ApplicationRead;
  /** The floating copy under the pointer: no links, no focusable controls. */
  preview?: boolean;
}

function CardBody({ application, preview }: CardBodyProps) {
  const { job } = application;
  return (
    <Box miw={0} flex={1}>
      <Text fw={600} size="sm" lh={1.35} className="wrap-anywhere">
        {preview ? (
          job.title
        ) : (
          <Anchor component={Link} to={`/jobs/${job.id}`} c="inherit" fw={600} className="board-card-link">
            {job.title}
          </Anchor>
        )}
      </Text>
      <Text size="sm" mt={2} className="wrap-anywhere">
        {job.company}
      </Text>
      <Group gap={10} mt={6} c="dimmed" wrap="wrap">
        {job.location ? (
          <Group gap={3} wrap="nowrap" miw={0}>
            <PinIcon size={13} />
            <Text size="xs" truncate maw={140}>
              {job.location}
            </Text>
          </Group>
        ) : null}
        <Group gap={3} wrap="nowrap">
          <ClockIcon size={13} />
          <Text size="xs" title={`In ${STATUS_LABELS[application.status]} since ${formatDate(application.status_changed_at)}`}>
            {timeInStatus(application)}
            <VisuallyHidden> in {STATUS_LABELS[application.status]}</VisuallyHidden>
          </Text>
        </Group>
      </Group>
    </Box>
  );
}

/** The card shown under the pointer while dragging. */
export function CardPreview({ application }: { application: ApplicationRead }) {
  return (
    <Paper withBorder shadow="lg" p="xs" radius="md" className="board-card board-card-preview" aria-hidden>
      <Group gap={4} wrap="nowrap" align="flex-start">
        <span className="board-handle board-handle-static">
          <GripIcon size={16} />
        </span>
        <CardBody application={application} preview />
      </Group>
    </Paper>
  );
}

export interface FocusTarget {
  id: number;
  status: ApplicationStatus;
}

interface BoardCardProps {
  application: ApplicationRead;
  onMove: (application: ApplicationRead, status: ApplicationStatus) => void;
  /** After a move by menu: the card, once in its new column, takes the focus back. */
  focusTarget?: FocusTarget | null;
  onFocused?: () => void;
}

const NO_DRAG = 'button, input, textarea, select, [role="menuitem"], [data-no-drag]';

/** A card on the board: drag it by the handle (or the card itself with a pointer), or use its menu. */
export function BoardCard({ application, onMove, focusTarget, onFocused }: BoardCardProps) {
  const { job } = application;
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: cardId(application.id),
    data: { type: 'card', status: application.status },
  });
  const targets = inBoardOrder(application.allowed_statuses);
  const menuButton = useRef<HTMLButtonElement>(null);
  const shouldFocus = focusTarget?.id === application.id && focusTarget.status === application.status;
  useEffect(() => {
    if (!shouldFocus) return;
    menuButton.current?.focus();
    onFocused?.();
  }, [shouldFocus, onFocused]);

  // Pointer drags start anywhere on the card but the buttons; keyboard drags only from the handle.
  const onCardPointerDown = (event: PointerEvent<HTMLElement>) => {
    const target = event.target as Element;
    if (target.closest(NO_DRAG) && !target.closest('.board-handle')) return;
    listeners?.onPointerDown?.(event);
  };
  const onHandleKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => listeners?.onKeyDown?.(event);

  return (
    <Paper
      component="li"
      ref={setNodeRef}
      withBorder
      p="xs"
      radius="md"
      className="board-card"
      data-dragging={isDragging || undefined}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      onPointerDown={onCardPointerDown}
    >
      <Group gap={4} wrap="nowrap" align="flex-start">
        <ActionIcon
          ref={setActivatorNodeRef}
          variant="subtle"
          color="gray"
          size="md"
          className="board-handle"
          {...attributes}
          onKeyDown={onHandleKeyDown}
          aria-label={`Move ${job.title}`}
        >
          <GripIcon size={16} />
        </ActionIcon>
        <CardBody application={application} />
        <Menu position="bottom-end" withinPortal shadow="md" width={220}>
          <Menu.Target>
            <ActionIcon ref={menuButton} variant="subtle" color="gray" size="md" aria-label={`Actions for ${job.title}`}>
              <DotsIcon size={16} />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Label>Move to</Menu.Label>
            {targets.length ? (
              targets.map((status) => (
                <Menu.Item key={status} onClick={() => onMove(application, status)}>
                  Move to {STATUS_LABELS[status]}
                </Menu.Item>
              ))
            ) : (
              <Menu.Item disabled>No moves allowed from {STATUS_LABELS[application.status]}</Menu.Item>
            )}
            <Menu.Divider />
            <Menu.Item component={Link} to={`/jobs/${job.id}`}>
              Open job
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
    </Paper>
  );
}
