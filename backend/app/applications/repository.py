"""SQL for applications and their history, always scoped to one user."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload

from app.models.application import Application, ApplicationEvent, ApplicationStatus


def _owned(user_id: int) -> Select[Any]:
    return select(Application).where(Application.user_id == user_id).options(joinedload(Application.job))


async def get_owned(session: AsyncSession, user_id: int, application_id: int) -> Application | None:
    return await session.scalar(_owned(user_id).where(Application.id == application_id))


async def get_for_job(session: AsyncSession, user_id: int, job_id: int) -> Application | None:
    return await session.scalar(
        select(Application).where(Application.user_id == user_id, Application.job_posting_id == job_id)
    )


async def list_page(
    session: AsyncSession, user_id: int, status: ApplicationStatus | None, offset: int, limit: int
) -> tuple[Sequence[Application], int]:
    stmt = _owned(user_id)
    count = select(func.count()).select_from(Application).where(Application.user_id == user_id)
    if status is not None:
        stmt = stmt.where(Application.status == status)
        count = count.where(Application.status == status)
    stmt = stmt.order_by(Application.status, Application.position, Application.id.desc())
    rows = (await session.scalars(stmt.offset(offset).limit(limit))).all()
    return rows, int(await session.scalar(count) or 0)


async def counts_by_status(session: AsyncSession, user_id: int) -> dict[ApplicationStatus, int]:
    rows = await session.execute(
        select(Application.status, func.count()).where(Application.user_id == user_id).group_by(Application.status)
    )
    return {status: int(n) for status, n in rows.all()}


async def column(session: AsyncSession, user_id: int, status: ApplicationStatus, limit: int) -> Sequence[Application]:
    stmt = (
        _owned(user_id)
        .where(Application.status == status)
        .order_by(Application.position, Application.id.desc())
        .limit(limit)
    )
    return (await session.scalars(stmt)).all()


async def min_position(session: AsyncSession, user_id: int, status: ApplicationStatus) -> float | None:
    return await session.scalar(
        select(func.min(Application.position)).where(Application.user_id == user_id, Application.status == status)
    )


async def last_event(session: AsyncSession, application_id: int) -> ApplicationEvent | None:
    return await session.scalar(
        select(ApplicationEvent)
        .where(ApplicationEvent.application_id == application_id)
        .order_by(ApplicationEvent.at.desc(), ApplicationEvent.id.desc())
        .limit(1)
    )


async def previous_statuses(
    session: AsyncSession, application_ids: Sequence[int]
) -> dict[int, ApplicationStatus | None]:
    """For each application, the status it had before its last move (what an undo returns to)."""
    if not application_ids:
        return {}
    latest = (
        select(
            ApplicationEvent.application_id,
            ApplicationEvent.from_status,
            func.row_number()
            .over(
                partition_by=ApplicationEvent.application_id,
                order_by=(ApplicationEvent.at.desc(), ApplicationEvent.id.desc()),
            )
            .label("rn"),
        )
        .where(ApplicationEvent.application_id.in_(application_ids))
        .subquery()
    )
    rows = await session.execute(select(latest.c.application_id, latest.c.from_status).where(latest.c.rn == 1))
    return {app_id: prev for app_id, prev in rows.all()}


async def events_page(
    session: AsyncSession, application_id: int, offset: int, limit: int
) -> tuple[Sequence[ApplicationEvent], int]:
    where = ApplicationEvent.application_id == application_id
    rows = await session.scalars(
        select(ApplicationEvent)
        .where(where)
        .order_by(ApplicationEvent.at, ApplicationEvent.id)
        .offset(offset)
        .limit(limit)
    )
    total = await session.scalar(select(func.count()).select_from(ApplicationEvent).where(where))
    return rows.all(), int(total or 0)
