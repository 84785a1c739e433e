import { describe, expect, it } from 'vitest';
import { application, board } from '../../test/fixtures';
import {
  applicationIdOf,
  applyMove,
  canDrop,
  cardId,
  columnId,
  columnsOf,
  moveBetweenColumns,
  planDrop,
  positionAt,
  positionBetween,
  statusOf,
  statusOfColumnId,
} from './boardLogic';

describe('positionBetween (the midpoint helper)', () => {
  it('takes the midpoint between two neighbours', () => {
    expect(positionBetween(1, 2)).toBe(1.5);
    expect(positionBetween(-3, 5)).toBe(1);
    expect(positionBetween(0.25, 0.5)).toBe(0.375);
  });

  it('goes one above the first card at the top, one below the last at the bottom', () => {
    expect(positionBetween(undefined, 4)).toBe(3);
    expect(positionBetween(undefined, -2.5)).toBe(-3.5);
    expect(positionBetween(7, undefined)).toBe(8);
  });

  it('starts an empty column at 0', () => {
    expect(positionBetween(undefined, undefined)).toBe(0);
  });
});

describe('positionAt', () => {
  const others = [{ position: 1 }, { position: 2 }, { position: 4 }];
  it('places a card at an index among the other cards of a column', () => {
    expect(positionAt(others, 0)).toBe(0);
    expect(positionAt(others, 1)).toBe(1.5);
    expect(positionAt(others, 2)).toBe(3);
    expect(positionAt(others, 3)).toBe(5);
    expect(positionAt([], 0)).toBe(0);
  });

  it('clamps indexes outside the column', () => {
    expect(positionAt(others, -4)).toBe(0);
    expect(positionAt(others, 99)).toBe(5);
  });
});

describe('canDrop (allowed-drop logic)', () => {
  const applied = application({ status: 'applied', allowed_statuses: ['interested', 'interview', 'rejected'] });

  it('allows the statuses the server lists, and reordering within the own column', () => {
    expect(canDrop(applied, 'interview')).toEqual({ ok: true });
    expect(canDrop(applied, 'interested')).toEqual({ ok: true });
    expect(canDrop(applied, 'applied')).toEqual({ ok: true });
  });

  it('refuses anything else, saying from where', () => {
    expect(canDrop(applied, 'accepted')).toEqual({ ok: false, reason: 'Not allowed from Applied' });
    const accepted = application({ status: 'accepted', allowed_statuses: ['offer'] });
    expect(canDrop(accepted, 'interested')).toEqual({ ok: false, reason: 'Not allowed from Accepted' });
    expect(canDrop(accepted, 'offer')).toEqual({ ok: true });
  });
});

describe('dnd ids', () => {
  it('round-trips card and column ids', () => {
    expect(applicationIdOf(cardId(42))).toBe(42);
    expect(applicationIdOf(columnId('offer'))).toBeNull();
    expect(statusOfColumnId(columnId('ghosted'))).toBe('ghosted');
    expect(statusOfColumnId('column-nope')).toBeNull();
    expect(statusOfColumnId(cardId(1))).toBeNull();
  });
});

describe('board moves', () => {
  const a = application({ id: 1, status: 'interested', position: 0 });
  const b = application({ id: 2, status: 'interested', position: 1 });
  const c = application({ id: 3, status: 'applied', position: 0 });
  const d = application({ id: 4, status: 'applied', position: 2 });
  const data = board([a, b, c, d]);

  it('applyMove moves a card, re-sorts by position and fixes the totals', () => {
    const now = new Date('2025-12-01T10:00:00Z');
    const next = applyMove(data, 1, 'applied', 1, now);
    const applied = next.columns.find((column) => column.status === 'applied')!;
    const interested = next.columns.find((column) => column.status === 'interested')!;
    expect(applied.items.map((item) => item.id)).toEqual([3, 1, 4]);
    expect(applied.total).toBe(3);
    expect(interested.items.map((item) => item.id)).toEqual([2]);
    expect(interested.total).toBe(1);
    expect(applied.items[1]).toMatchObject({ status: 'applied', position: 1, status_changed_at: now.toISOString() });
  });

  it('applyMove within a column only reorders', () => {
    const next = applyMove(data, 1, 'interested', 5);
    const interested = next.columns.find((column) => column.status === 'interested')!;
    expect(interested.items.map((item) => item.id)).toEqual([2, 1]);
    expect(interested.total).toBe(2);
    expect(interested.items[1].status_changed_at).toBe(a.status_changed_at);
  });

  it('moveBetweenColumns and statusOf follow a card around during a drag', () => {
    const columns = moveBetweenColumns(columnsOf(data), 2, 'applied', 1);
    expect(columns.applied.map((item) => item.id)).toEqual([3, 2, 4]);
    expect(columns.interested.map((item) => item.id)).toEqual([1]);
    expect(statusOf(cardId(2), columns)).toBe('applied');
    expect(statusOf(columnId('offer'), columns)).toBe('offer');
    expect(statusOf(cardId(99), columns)).toBeNull();
  });

  it('planDrop computes the landing position from the neighbours', () => {
    const original = columnsOf(data);
    // Dragged into "applied" between 3 and 4.
    const during = moveBetweenColumns(original, 1, 'applied', 1);
    expect(planDrop(during, original, 1, 'applied', cardId(1))).toMatchObject({ status: 'applied', position: 1 });
    // Over the top card of the column: it takes its place.
    expect(planDrop(during, original, 1, 'applied', cardId(3))).toMatchObject({ status: 'applied', position: -1 });
    // Dropped on an empty column.
    expect(planDrop(original, original, 1, 'offer', columnId('offer'))).toMatchObject({ status: 'offer', position: 0 });
    // Reordered within its own column: to the bottom.
    expect(planDrop(original, original, 1, 'interested', cardId(2))).toMatchObject({ status: 'interested', position: 2 });
    // Dropped where it was: nothing to do.
    expect(planDrop(original, original, 1, 'interested', cardId(1))).toBeNull();
  });
});
