"""Queue monitoring and management over `task_run` (the same view in embedded and Redis mode)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from app.core.config import Settings
from app.core.exceptions import Conflict, NotFound
from app.models.base import utcnow
from app.models.task import TASK_STATES, TaskRun
from app.tasks import repository
from app.tasks.celery_app import SCHEDULE
from app.tasks.recovery import interrupted_reason, worker_gone
from app.tasks.registry import enqueue
from app.tasks.schemas import QueueOverview, ScheduleEntry, TaskRunRead, WorkerRead

RETRYABLE = ("failed", "cancelled")
CANCELLABLE = ("queued", "running", "retrying")


class TaskNotFound(NotFound):
    code = "task_not_found"

    def __init__(self) -> None:
        super().__init__("This task does not exist or is not yours.")


class ScheduleEntryNotFound(NotFound):
    code = "schedule_entry_not_found"

    def __init__(self, key: str) -> None:
        super().__init__(f"No scheduled task is called '{key}'.")


async def list_page(
    session: AsyncSession, *, user_id: int | None, state: str | None, offset: int, limit: int
) -> tuple[Sequence[TaskRun], int]:
    return await repository.list_page(session, user_id=user_id, state=state, offset=offset, limit=limit)


async def get(session: AsyncSession, run_id: int, user_id: int | None = None) -> TaskRun:
    row = await repository.get(session, run_id, user_id)
    if row is None:
        raise TaskNotFound()
    return row


async def _is_stranded(session: AsyncSession, row: TaskRun) -> bool:
    """Running, but on a worker that is gone: nothing will ever finish it (recovery.worker_gone)."""
    if row.state != "running":
        return False
    seen = await repository.worker_seen(session, row.worker or "")
    return worker_gone(row, seen, utcnow())


async def retry(session: AsyncSession, run_id: int) -> TaskRun:
    """Run a failed or cancelled task again with the arguments it was given; also a running one whose worker is gone
    (that run is marked failed first, so it cannot be mistaken for a live one)."""
    row = await get(session, run_id)
    if row.state == "running" and await _is_stranded(session, row):
        row.state, row.error, row.finished_at = (
            "failed",
            f"{interrupted_reason(row)} Retried by an administrator.",
            utcnow(),
        )
    elif row.state == "running":
        raise Conflict(
            f"This task is still running on {row.worker}; cancel it first or wait for it.", code="not_retryable"
        )
    if row.state not in RETRYABLE:
        raise Conflict(f"Only failed or cancelled tasks can be retried; this one is {row.state}.", code="not_retryable")
    return enqueue(session, row.name, *row.args, user_id=row.user_id, retry_of_id=row.id)


async def cancel(session: AsyncSession, run_id: int) -> TaskRun:
    """Ask a task to stop. A queued task is skipped when a worker picks it up; a running one stops at its next
    check between steps (threads cannot be killed); one whose worker is gone is cancelled at once."""
    row = await get(session, run_id)
    if row.state not in CANCELLABLE:
        raise Conflict(f"This task has already ended ({row.state}).", code="not_cancellable")
    row.cancel_requested = True
    if row.state in ("queued", "retrying"):
        row.state, row.error = "cancelled", "cancelled by an administrator"
    elif await _is_stranded(session, row):
        row.state, row.error = "cancelled", f"cancelled by an administrator. {interrupted_reason(row)}"
        row.finished_at = utcnow()
    await session.flush()
    return row


def run_scheduled_now(session: AsyncSession, key: str) -> TaskRun:
    if key not in SCHEDULE:
        raise ScheduleEntryNotFound(key)
    return enqueue(session, SCHEDULE[key][0])


async def overview(session: AsyncSession, settings: Settings, now: datetime | None = None) -> QueueOverview:
    now = now or datetime.now(UTC)
    counts = dict.fromkeys(TASK_STATES, 0) | await repository.counts_by_state(session)
    beat_started = await repository.beat_started_at(session)
    schedule = []
    for key, (task, every) in SCHEDULE.items():
        last = await repository.last_scheduled_run(session, task)
        last_at = (last[0] or last[1]) if last else None
        # Beat runs an entry one interval after it started, then one interval after each run.
        base = max(d for d in (last_at, beat_started) if d is not None) if (last_at or beat_started) else None
        next_at = max(now, base + every) if base is not None else None
        schedule.append(
            ScheduleEntry(
                key=key,
                task=task,
                every_seconds=int(every.total_seconds()),
                last_run_at=last_at,
                last_state=last[2] if last else None,
                next_run_at=next_at,
            )
        )
    workers = await repository.recent_workers(session)
    return QueueOverview(
        mode="redis" if settings.redis_url else "embedded",
        counts=counts,
        schedule=schedule,
        workers=[WorkerRead.model_validate(w) for w in workers],
    )


def present(row: TaskRun) -> TaskRunRead:
    return TaskRunRead.model_validate(row)
