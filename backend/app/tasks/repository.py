"""SQL for the queue's monitoring: task runs, their counts and the workers seen."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import Row, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models.task import TaskRun, WorkerSeen


async def list_page(
    session: AsyncSession, *, user_id: int | None, state: str | None, offset: int, limit: int
) -> tuple[Sequence[TaskRun], int]:
    """A page of runs, newest first (of one user and in one state when given), and how many there are."""
    where = []
    if user_id is not None:
        where.append(TaskRun.user_id == user_id)
    if state is not None:
        where.append(TaskRun.state == state)
    rows = await session.scalars(select(TaskRun).where(*where).order_by(TaskRun.id.desc()).offset(offset).limit(limit))
    total = await session.scalar(select(func.count()).select_from(TaskRun).where(*where))
    return rows.all(), int(total or 0)


async def get(session: AsyncSession, run_id: int, user_id: int | None = None) -> TaskRun | None:
    """The run (only if it is this user's, when a user is given)."""
    where = [TaskRun.id == run_id]
    if user_id is not None:
        where.append(TaskRun.user_id == user_id)
    return await session.scalar(select(TaskRun).where(*where))


async def worker_seen(session: AsyncSession, hostname: str) -> WorkerSeen | None:
    return await session.scalar(select(WorkerSeen).where(WorkerSeen.hostname == hostname))


async def counts_by_state(session: AsyncSession) -> dict[str, int]:
    counted = await session.execute(select(TaskRun.state, func.count()).group_by(TaskRun.state))
    return {state: int(n) for state, n in counted.all()}


async def beat_started_at(session: AsyncSession) -> datetime | None:
    """When the running beat started (the latest start of a beat process seen)."""
    return await session.scalar(select(func.max(WorkerSeen.started_at)).where(WorkerSeen.mode == "beat"))


async def last_scheduled_run(session: AsyncSession, task: str) -> Row[datetime | None, datetime, str] | None:
    """(started_at, queued_at, state) of the newest run of `task` that beat (no user) enqueued."""
    return (
        await session.execute(
            select(TaskRun.started_at, TaskRun.queued_at, TaskRun.state)
            .where(TaskRun.name == task, TaskRun.user_id.is_(None))
            .order_by(TaskRun.id.desc())
            .limit(1)
        )
    ).first()


async def recent_workers(session: AsyncSession) -> Sequence[WorkerSeen]:
    """The 50 workers seen most recently."""
    return (await session.scalars(select(WorkerSeen).order_by(WorkerSeen.last_seen_at.desc()).limit(50))).all()
