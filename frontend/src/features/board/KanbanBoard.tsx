import {
  closestCenter,
  DndContext,
  DragOverlay,
  KeyboardCode,
  KeyboardSensor,
  MeasuringStrategy,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
  type KeyboardCoordinateGetter,
  type ScreenReaderInstructions,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { ApplicationRead, ApplicationStatus, BoardRead } from '../../client/types';
import { STATUS_LABELS, STATUS_ORDER } from '../applications/statuses';
import { CardPreview, type FocusTarget } from './BoardCard';
import { BoardColumn } from './BoardColumn';
import {
  applicationIdOf,
  canDrop,
  cardId,
  columnId,
  columnsOf,
  moveBetweenColumns,
  planDrop,
  positionAt,
  statusOf,
  statusOfColumnId,
  totalsOf,
  type Columns,
} from './boardLogic';
import { useMoveApplication } from './useMoveApplication';

export const SCREEN_READER_INSTRUCTIONS: ScreenReaderInstructions = {
  draggable:
    'To pick up a card, press Space or Enter. Use the left and right arrow keys to move it between columns, ' +
    'and the up and down arrow keys to move it within a column. Press Space or Enter again to drop it, or Escape to cancel.',
};

const ARROWS: string[] = [KeyboardCode.Left, KeyboardCode.Right, KeyboardCode.Up, KeyboardCode.Down];

interface KanbanBoardProps {
  board: BoardRead;
  /** Statuses shown, in order (all eight on desktop, one on phones). */
  visible: readonly ApplicationStatus[];
  single?: boolean;
}

/** The columns, drag and drop (pointer and keyboard), and the card menus. */
export function KanbanBoard({ board, visible, single }: KanbanBoardProps) {
  const move = useMoveApplication();
  const serverColumns = useMemo(() => columnsOf(board), [board]);
  const totals = useMemo(() => totalsOf(board), [board]);

  // While dragging (and until the cache shows the drop) the board is drawn from this local copy.
  const [local, setLocal] = useState<Columns | null>(null);
  const [boardAtDrop, setBoardAtDrop] = useState<BoardRead | null>(null);
  const [active, setActive] = useState<ApplicationRead | null>(null);
  const [overStatus, setOverStatus] = useState<ApplicationStatus | null>(null);
  const [focusTarget, setFocusTarget] = useState<FocusTarget | null>(null);
  const clearFocusTarget = useCallback(() => setFocusTarget(null), []);
  if (local && !active && boardAtDrop && board !== boardAtDrop) {
    setLocal(null);
    setBoardAtDrop(null);
  }
  const columns = local ?? serverColumns;

  // Read by dnd-kit callbacks, which outlive a render.
  const columnsRef = useRef(columns);
  const visibleRef = useRef(visible);
  const keyboardTarget = useRef<UniqueIdentifier | null>(null);
  const lookup = useRef(new Map<number, ApplicationRead>());
  useEffect(() => {
    columnsRef.current = columns;
    visibleRef.current = visible;
    const map = new Map<number, ApplicationRead>();
    for (const status of STATUS_ORDER) for (const item of serverColumns[status]) map.set(item.id, item);
    lookup.current = map;
  });

  const coordinateGetter = useCallback<KeyboardCoordinateGetter>((event, { context }) => {
    if (!ARROWS.includes(event.code)) return undefined;
    event.preventDefault();
    const { active: dragged, over, droppableRects, collisionRect } = context;
    if (!dragged || !collisionRect) return undefined;
    const cols = columnsRef.current;
    const order = visibleRef.current;
    const current = statusOf(over?.id ?? dragged.id, cols);
    if (!current) return undefined;

    if (event.code === KeyboardCode.Left || event.code === KeyboardCode.Right) {
      const step = event.code === KeyboardCode.Right ? 1 : -1;
      for (let i = order.indexOf(current) + step; i >= 0 && i < order.length; i += step) {
        const status = order[i];
        const first = cols[status].find((item) => cardId(item.id) !== dragged.id);
        const targetId = first ? cardId(first.id) : columnId(status);
        const rect = droppableRects.get(targetId) ?? droppableRects.get(columnId(status));
        if (!rect) continue; // not on screen (phones show one column)
        keyboardTarget.current = rect === droppableRects.get(targetId) ? targetId : columnId(status);
        return { x: rect.left, y: rect.top };
      }
      return undefined;
    }

    // Up and down: only within the column that holds the card.
    const items = cols[current];
    const ownIndex = items.findIndex((item) => cardId(item.id) === dragged.id);
    if (ownIndex === -1) return undefined;
    const overIndex = items.findIndex((item) => cardId(item.id) === over?.id);
    const from = overIndex === -1 ? ownIndex : overIndex;
    const next = from + (event.code === KeyboardCode.Down ? 1 : -1);
    if (next < 0 || next >= items.length) return undefined;
    const targetId = cardId(items[next].id);
    const rect = droppableRects.get(targetId);
    if (!rect) return undefined;
    keyboardTarget.current = targetId;
    return { x: collisionRect.left, y: rect.top };
  }, []);

  const collisionDetection = useCallback<CollisionDetection>((args) => {
    if (!args.pointerCoordinates && keyboardTarget.current !== null) {
      const target = args.droppableContainers.find((container) => container.id === keyboardTarget.current);
      if (target) return [{ id: target.id, data: { droppableContainer: target, value: 0 } }];
    }
    const within = pointerWithin(args);
    const hits = within.length ? within : rectIntersection(args);
    const card = hits.find((hit) => applicationIdOf(hit.id) !== null);
    if (card) return [card];
    const column = hits.find((hit) => statusOfColumnId(hit.id) !== null);
    if (!column) return [];
    const status = statusOfColumnId(column.id) as ApplicationStatus;
    const ids = new Set(columnsRef.current[status].map((item) => cardId(item.id)));
    if (ids.size === 0) return [column];
    // Over the column's free space: the nearest card in it.
    const nearest = closestCenter({
      ...args,
      droppableContainers: args.droppableContainers.filter((container) => ids.has(String(container.id))),
    });
    return nearest.length ? [nearest[0]] : [column];
  }, []);

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter }),
  );

  const titleOf = (id: UniqueIdentifier): string => {
    const applicationId = applicationIdOf(id);
    return (applicationId !== null && lookup.current.get(applicationId)?.job.title) || 'The card';
  };
  const placeOf = (id: UniqueIdentifier | undefined): string => {
    if (id === undefined) return '';
    const cols = columnsRef.current;
    const status = statusOf(id, cols);
    if (!status) return '';
    const index = cols[status].findIndex((item) => cardId(item.id) === id);
    return index === -1
      ? STATUS_LABELS[status]
      : `${STATUS_LABELS[status]}, position ${index + 1} of ${cols[status].length}`;
  };

  const announcements: Announcements = {
    onDragStart: ({ active: dragged }) => `Picked up ${titleOf(dragged.id)} in ${placeOf(dragged.id)}.`,
    onDragOver: ({ active: dragged, over }) => {
      if (!over) return `${titleOf(dragged.id)} is no longer over a column.`;
      const application = lookup.current.get(applicationIdOf(dragged.id) ?? -1);
      const status = statusOf(over.id, columnsRef.current);
      if (application && status) {
        const check = canDrop(application, status);
        if (!check.ok) return `${titleOf(dragged.id)} is over ${STATUS_LABELS[status]}. ${check.reason}.`;
      }
      return `${titleOf(dragged.id)} is over ${placeOf(over.id)}.`;
    },
    onDragEnd: ({ active: dragged, over }) => {
      const application = lookup.current.get(applicationIdOf(dragged.id) ?? -1);
      const status = over ? statusOf(over.id, columnsRef.current) : null;
      if (!application || !status) return `${titleOf(dragged.id)} was dropped and stays where it was.`;
      const check = canDrop(application, status);
      if (!check.ok) {
        return `${titleOf(dragged.id)} was not moved: ${check.reason}. It is back in ${STATUS_LABELS[application.status]}.`;
      }
      return `${titleOf(dragged.id)} was dropped in ${STATUS_LABELS[status]}.`;
    },
    onDragCancel: ({ active: dragged }) => {
      const application = lookup.current.get(applicationIdOf(dragged.id) ?? -1);
      return `Moving was cancelled. ${titleOf(dragged.id)} is back in ${application ? STATUS_LABELS[application.status] : 'its column'}.`;
    },
  };

  const reset = () => {
    keyboardTarget.current = null;
    setActive(null);
    setOverStatus(null);
  };

  const onDragStart = ({ active: dragged }: DragStartEvent) => {
    const application = lookup.current.get(applicationIdOf(dragged.id) ?? -1) ?? null;
    setActive(application);
    setLocal(serverColumns);
    setBoardAtDrop(null);
    setOverStatus(application?.status ?? null);
  };

  const onDragOver = ({ active: dragged, over }: DragOverEvent) => {
    const cols = columnsRef.current;
    const application = lookup.current.get(applicationIdOf(dragged.id) ?? -1);
    const to = over ? statusOf(over.id, cols) : null;
    setOverStatus(to);
    if (!application || !over || !to) return;
    const from = statusOf(dragged.id, cols);
    if (!from || from === to || !canDrop(application, to).ok) return;
    // Into another (allowed) column: make room where the card hovers.
    let index = cols[to].length;
    const overApplication = applicationIdOf(over.id);
    if (overApplication !== null) {
      const overIndex = cols[to].findIndex((item) => item.id === overApplication);
      const translated = dragged.rect.current.translated;
      const below = translated ? translated.top > over.rect.top + over.rect.height / 2 : false;
      index = overIndex === -1 ? index : overIndex + (below ? 1 : 0);
    }
    const next = moveBetweenColumns(cols, application.id, to, index);
    columnsRef.current = next;
    setLocal(next);
    // The card now sits where the keyboard pointed: it is its own target until the next key.
    if (keyboardTarget.current !== null) keyboardTarget.current = dragged.id;
  };

  const onDragEnd = ({ active: dragged, over }: DragEndEvent) => {
    const cols = columnsRef.current;
    const application = lookup.current.get(applicationIdOf(dragged.id) ?? -1);
    const to = over ? statusOf(over.id, cols) : null;
    reset();
    if (!application || !to) {
      setLocal(null);
      return;
    }
    const check = canDrop(application, to);
    if (!check.ok) {
      setLocal(null);
      notifications.show({
        color: 'red',
        title: check.reason,
        message: `${application.job.title} stays in ${STATUS_LABELS[application.status]}.`,
      });
      return;
    }
    const plan = planDrop(cols, serverColumns, application.id, to, over?.id);
    if (!plan) {
      setLocal(null);
      return;
    }
    setLocal({ ...moveBetweenColumns(cols, application.id, to, 0), [to]: plan.items });
    setBoardAtDrop(board);
    move.mutate({ application, status: plan.status, position: plan.position });
  };

  const onDragCancel = () => {
    reset();
    setLocal(null);
  };

  const moveByMenu = useCallback(
    (application: ApplicationRead, status: ApplicationStatus) => {
      const others = columnsOf(board)[status].filter((item) => item.id !== application.id);
      setFocusTarget({ id: application.id, status });
      move.mutate(
        { application, status, position: positionAt(others, 0), confirm: true },
        { onError: () => setFocusTarget(null) },
      );
    },
    [board, move],
  );

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collisionDetection}
      measuring={{ droppable: { strategy: MeasuringStrategy.Always } }}
      accessibility={{ announcements, screenReaderInstructions: SCREEN_READER_INSTRUCTIONS }}
      onDragStart={onDragStart}
      onDragOver={onDragOver}
      onDragEnd={onDragEnd}
      onDragCancel={onDragCancel}
    >
      <div className="board-columns" data-single={single || undefined} data-dragging={active ? true : undefined}>
        {visible.map((status) => {
          const check = active ? canDrop(active, status) : null;
          const refused = check && !check.ok ? check.reason : null;
          return (
            <BoardColumn
              key={status}
              status={status}
              items={columns[status]}
              total={local ? columns[status].length + (totals[status] - serverColumns[status].length) : totals[status]}
              refused={refused}
              accepting={Boolean(active) && !refused}
              over={overStatus === status && Boolean(active)}
              onMove={moveByMenu}
              focusTarget={focusTarget}
              onFocused={clearFocusTarget}
              single={single}
            />
          );
        })}
      </div>
      {typeof document !== 'undefined'
        ? createPortal(
            <DragOverlay dropAnimation={{ duration: 180, easing: 'ease-out' }}>
              {active ? <CardPreview application={active} /> : null}
            </DragOverlay>,
            document.body,
          )
        : null}
    </DndContext>
  );
}

