"""Tasks a stopped worker left behind (docs/decisions/005-background-work.md, "Restarts").

A `task_run` row is `running` while a worker holds it. When that worker is gone (it started again since the row
started, or its heartbeat stopped) nothing will ever finish the row, so it is reconciled: a task declared
`acks_late` (safe to run twice) is sent again with the same id; any other task fails with a reason. In embedded
mode the `memory://` broker dies with the process, so after a start `queued` and `retrying` rows are sent again too.

Every change is a compare-and-set on (state, attempts, started_at): a worker that picked the row up meanwhile, or
another reconciler, wins and the row is left alone."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.models.task import TaskRun, WorkerSeen

HEARTBEAT_SECONDS = 30.0
STALE_AFTER = timedelta(seconds=3 * HEARTBEAT_SECONDS)
MAX_INTERRUPTIONS = 3  # a task that keeps taking its worker down is not sent again for ever


@dataclass
class PendingSend:
    """A task to send once the transaction that recorded it commits (new, or sent again after a restart)."""

    name: str
    args: list[Any]
    task_id: str
    retries: int  # what `ctx.retries` was for the lost message, so retry schedules carry on where they were
    countdown: float = 0.0


def worker_gone(row: TaskRun, seen: WorkerSeen | None, now: datetime) -> bool:
    """The worker that holds this running row will never finish it."""
    if seen is None:
        return True
    if row.started_at is not None and seen.started_at > row.started_at:
        return True  # that worker has started again since: this run died with its previous life
    return seen.last_seen_at < now - STALE_AFTER


def interrupted_reason(row: TaskRun) -> str:
    return f"Its worker ({row.worker or 'unknown'}) stopped while it ran (a restart or a crash)."


async def reconcile(
    session: AsyncSession, *, safe_to_repeat: Callable[[str], bool], broker_was_lost: bool, now: datetime
) -> list[PendingSend]:
    """Settle the rows no worker will finish; returns what to send once this transaction commits.

    `broker_was_lost`: the queue itself was lost (embedded start-up), so `queued` and `retrying` rows are no longer
    in any queue either."""
    states = ("running", "queued", "retrying") if broker_was_lost else ("running",)
    rows = (await session.scalars(select(TaskRun).where(TaskRun.state.in_(states)).order_by(TaskRun.id))).all()
    if not rows:
        return []
    seen = {w.hostname: w for w in (await session.scalars(select(WorkerSeen))).all()}
    resends: list[PendingSend] = []
    for row in rows:
        if row.state == "running" and not worker_gone(row, seen.get(row.worker or ""), now):
            continue
        values, resend = _settle(row, safe_to_repeat(row.name), now)
        if not values:  # still queued: only its message has to be sent again
            resends.extend([resend] if resend is not None else [])
            continue
        claimed = await session.execute(
            update(TaskRun)
            .where(TaskRun.id == row.id, TaskRun.state == row.state, TaskRun.attempts == row.attempts)
            .values(**values)
            .execution_options(synchronize_session=False)
        )
        if claimed.rowcount == 1 and resend is not None:  # type: ignore[attr-defined]
            resends.append(resend)
    return resends


def _settle(row: TaskRun, safe_to_repeat: bool, now: datetime) -> tuple[dict[str, Any], PendingSend | None]:
    if row.state == "queued":  # embedded: the message was in the memory of the process that stopped
        return {}, PendingSend(row.name, list(row.args), row.task_id, retries=max(0, row.attempts - 1))
    if row.state == "retrying":  # embedded: its countdown message was lost with the process
        due = (row.next_attempt_at - now).total_seconds() if row.next_attempt_at is not None else 0.0
        return {}, PendingSend(row.name, list(row.args), row.task_id, retries=row.attempts, countdown=max(0.0, due))
    reason = interrupted_reason(row)
    if row.cancel_requested:
        return {"state": "cancelled", "error": f"cancelled by an administrator. {reason}", "finished_at": now}, None
    if not safe_to_repeat:
        error = f"{reason} It was not run again because running it twice is not known to be safe; retry it if needed."
        return {"state": "failed", "error": error, "finished_at": now}, None
    if row.attempts >= MAX_INTERRUPTIONS:
        error = f"{reason} It was interrupted {row.attempts} times, so it is not run again automatically."
        return {"state": "failed", "error": error, "finished_at": now}, None
    values = {"state": "queued", "error": f"{reason} Running it again.", "progress": None, "progress_message": None}
    return values, PendingSend(row.name, list(row.args), row.task_id, retries=max(0, row.attempts - 1))
