import type { ApplicationRead, ApplicationStatus, BoardRead } from '../../client/types';
import { isStatus, STATUS_LABELS, STATUS_ORDER } from '../applications/statuses';

export type Columns = Record<ApplicationStatus, ApplicationRead[]>;

// ---------------------------------------------------------------------------
// Ids used by dnd-kit: cards and columns share one id space.

export function cardId(applicationId: number): string {
  return `card-${applicationId}`;
}

export function columnId(status: ApplicationStatus): string {
  return `column-${status}`;
}

export function applicationIdOf(id: unknown): number | null {
  const match = typeof id === 'string' ? /^card-(\d+)$/.exec(id) : null;
  return match ? Number(match[1]) : null;
}

export function statusOfColumnId(id: unknown): ApplicationStatus | null {
  const value = typeof id === 'string' && id.startsWith('column-') ? id.slice('column-'.length) : null;
  return isStatus(value) ? value : null;
}

// ---------------------------------------------------------------------------
// Positions: a card's `position` orders its column (smaller = higher).

/** A position between two neighbours; either may be missing (top or bottom of the column). */
export function positionBetween(before: number | undefined, after: number | undefined): number {
  if (before === undefined && after === undefined) return 0;
  if (before === undefined) return (after as number) - 1;
  if (after === undefined) return before + 1;
  return (before + after) / 2;
}

/**
 * Position for a card dropped at `index` of a column whose other cards are
 * `others` (in board order, without the moving card).
 */
export function positionAt(others: readonly { position: number }[], index: number): number {
  const i = Math.max(0, Math.min(index, others.length));
  return positionBetween(others[i - 1]?.position, others[i]?.position);
}

// ---------------------------------------------------------------------------
// Which drops are allowed

export type DropCheck = { ok: true } | { ok: false; reason: string };

/** The server's transition rules, as it reports them in `allowed_statuses`. Reordering a column is always fine. */
export function canDrop(application: Pick<ApplicationRead, 'status' | 'allowed_statuses'>, target: ApplicationStatus): DropCheck {
  if (target === application.status || application.allowed_statuses.includes(target)) return { ok: true };
  return { ok: false, reason: `Not allowed from ${STATUS_LABELS[application.status]}` };
}

// ---------------------------------------------------------------------------
// Board data

export function emptyColumns(): Columns {
  return Object.fromEntries(STATUS_ORDER.map((status) => [status, [] as ApplicationRead[]])) as unknown as Columns;
}

export function columnsOf(board: BoardRead): Columns {
  const columns = emptyColumns();
  for (const column of board.columns) columns[column.status] = column.items;
  return columns;
}

export function totalsOf(board: BoardRead): Record<ApplicationStatus, number> {
  const totals = Object.fromEntries(STATUS_ORDER.map((status) => [status, 0])) as Record<ApplicationStatus, number>;
  for (const column of board.columns) totals[column.status] = column.total;
  return totals;
}

/** The column a card (by dnd id) or a column id stands for, in `columns`. */
export function statusOf(id: unknown, columns: Columns): ApplicationStatus | null {
  const column = statusOfColumnId(id);
  if (column) return column;
  const applicationId = applicationIdOf(id);
  if (applicationId === null) return null;
  for (const status of STATUS_ORDER) {
    if (columns[status].some((item) => item.id === applicationId)) return status;
  }
  return null;
}

/** Move one card to `to` at `index` of that column (local, during a drag). */
export function moveBetweenColumns(columns: Columns, applicationId: number, to: ApplicationStatus, index: number): Columns {
  let moving: ApplicationRead | undefined;
  const next = { ...columns };
  for (const status of STATUS_ORDER) {
    const found = columns[status].find((item) => item.id === applicationId);
    if (found) {
      moving = found;
      next[status] = columns[status].filter((item) => item.id !== applicationId);
    }
  }
  if (!moving) return columns;
  const target = [...next[to]];
  target.splice(Math.max(0, Math.min(index, target.length)), 0, moving);
  next[to] = target;
  return next;
}

/**
 * The board after one card moved to `to` with `position` (for an optimistic
 * update): cards re-sorted by position, totals adjusted.
 */
export function applyMove(
  board: BoardRead,
  applicationId: number,
  to: ApplicationStatus,
  position: number,
  now: Date = new Date(),
): BoardRead {
  let moving: ApplicationRead | undefined;
  for (const column of board.columns) {
    moving = column.items.find((item) => item.id === applicationId) ?? moving;
  }
  if (!moving) return board;
  const from = moving.status;
  const moved: ApplicationRead = {
    ...moving,
    status: to,
    position,
    status_changed_at: from === to ? moving.status_changed_at : now.toISOString(),
  };
  return {
    ...board,
    columns: board.columns.map((column) => {
      let items = column.items.filter((item) => item.id !== applicationId);
      let total = column.total;
      if (column.status === from && from !== to) total -= 1;
      if (column.status === to) {
        items = [...items, moved].sort((a, b) => a.position - b.position || b.id - a.id);
        if (from !== to) total += 1;
      }
      return { ...column, items, total: Math.max(0, total) };
    }),
  };
}

export interface DropPlan {
  status: ApplicationStatus;
  position: number;
  /** The target column as it will look. */
  items: ApplicationRead[];
}

/**
 * Where a dragged card lands: in column `to`, just where `overId` (a card) is,
 * or where it already sits in that column (over the column itself), else at
 * the bottom. Returns null when nothing would change.
 */
export function planDrop(
  columns: Columns,
  original: Columns,
  applicationId: number,
  to: ApplicationStatus,
  overId: unknown,
): DropPlan | null {
  const items = columns[to];
  const overApplication = applicationIdOf(overId);
  let arranged = items.some((item) => item.id === applicationId)
    ? items
    : moveBetweenColumns(columns, applicationId, to, items.length)[to];
  const from = arranged.findIndex((item) => item.id === applicationId);
  if (from === -1) return null;
  if (overApplication !== null && overApplication !== applicationId) {
    const target = arranged.findIndex((item) => item.id === overApplication);
    if (target !== -1) {
      arranged = [...arranged];
      const [card] = arranged.splice(from, 1);
      arranged.splice(target, 0, card);
    }
  }
  const index = arranged.findIndex((item) => item.id === applicationId);
  const card = arranged[index];
  const unchanged =
    card.status === to &&
    original[to].length === arranged.length &&
    original[to].every((item, i) => item.id === arranged[i].id);
  if (unchanged) return null;
  const others = arranged.filter((item) => item.id !== applicationId);
  return { status: to, position: positionAt(others, index), items: arranged };
}
