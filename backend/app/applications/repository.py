"""SQL for applications and their history, always scoped to one user."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

from sqlalchemy import Row, Select, bindparam, func, select, union_all
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload

from app.jobs.schemas import JobSummary
from app.models.application import Application, ApplicationEvent, ApplicationStatus
from app.models.job import JobPosting

# What a card shows of its job (the JobSummary fields): never the description, the search text or the vector.
_CARD_JOB_FIELDS = (*(name for name in JobSummary.model_fields if name != "is_own"), "owner_id")
CARD_JOB = joinedload(Application.job).load_only(
    *(getattr(JobPosting, name) for name in _CARD_JOB_FIELDS if name != "id"), raiseload=True
)


def _owned(user_id: int) -> Select[Any]:
    return select(Application).where(Application.user_id == user_id).options(CARD_JOB)


async def get_owned(session: AsyncSession, user_id: int, application_id: int) -> Application | None:
    return await session.scalar(_owned(user_id).where(Application.id == application_id))


async def get_for_job(session: AsyncSession, user_id: int, job_id: int) -> Application | None:
    return await session.scalar(
        select(Application).where(Application.user_id == user_id, Application.job_posting_id == job_id)
    )


async def list_page(
    session: AsyncSession, user_id: int, status: ApplicationStatus | None, offset: int, limit: int
) -> tuple[Sequence[Row[Any]], int]:
    params: dict[str, Any] = {"list_user_id": user_id, "list_offset": offset, "list_limit": limit}
    count = select(func.count()).select_from(Application).where(Application.user_id == user_id)
    if status is not None:
        params["list_status"] = status
        count = count.where(Application.status == status)
    rows = (await session.execute(_list_statement(status is not None), params)).all()
    return rows, int(await session.scalar(count) or 0)


async def counts_by_status(session: AsyncSession, user_id: int) -> dict[ApplicationStatus, int]:
    rows = await session.execute(
        select(Application.status, func.count()).where(Application.user_id == user_id).group_by(Application.status)
    )
    return {status: int(n) for status, n in rows.all()}


@cache
def _board_ids_statement() -> Any:
    """The ids of the first cards of every column: one index range per status (user, status, position) with its
    own LIMIT, in one round trip. Built once (the expressions cost more to build than the query takes to run);
    the user and N are bound."""
    branches = []
    for status in ApplicationStatus:
        first = (
            select(Application.id)
            .where(Application.user_id == bindparam("board_user_id"), Application.status == status)
            .order_by(Application.position, Application.id.desc())
            .limit(bindparam("board_per_column"))
            .subquery()
        )
        branches.append(select(first.c.id))
    return union_all(*branches)


# A card as one row: the application, the status an undo returns to, and what the card shows of its job.
CARD_COLUMNS = (
    Application.id,
    Application.job_posting_id,
    Application.status,
    Application.position,
    Application.notes,
    Application.applied_at,
    Application.status_changed_at,
    Application.created_at,
    Application.updated_at,
)
JOB_COLUMNS = tuple(getattr(JobPosting, name).label(f"job_{name}") for name in _CARD_JOB_FIELDS)


def _previous_status() -> Any:
    """The from-status of the application's latest event: one probe of the (application_id, at) index."""
    return (
        select(ApplicationEvent.from_status)
        .where(ApplicationEvent.application_id == Application.id)
        .order_by(ApplicationEvent.at.desc(), ApplicationEvent.id.desc())
        .limit(1)
        .scalar_subquery()
        .label("previous_status")
    )


def _cards() -> Select[Any]:
    return select(*CARD_COLUMNS, _previous_status(), *JOB_COLUMNS).join(
        JobPosting, JobPosting.id == Application.job_posting_id
    )


@cache
def _board_statement() -> Select[Any]:
    first = _board_ids_statement().subquery()
    return _cards().where(Application.id.in_(select(first.c.id)))


async def board_cards(session: AsyncSession, user_id: int, per_column: int) -> list[Row[Any]]:
    """Up to `per_column` cards of each status as rows (no ORM objects: a board is read, never changed), in
    board order (position, newest first on a tie)."""
    params = {"board_user_id": user_id, "board_per_column": per_column}
    rows = (await session.execute(_board_statement(), params)).all()
    return sorted(rows, key=lambda r: (r.position, -r.id))


@cache
def _list_statement(with_status: bool) -> Select[Any]:
    stmt = _cards().where(Application.user_id == bindparam("list_user_id"))
    if with_status:
        stmt = stmt.where(Application.status == bindparam("list_status"))
    order = (Application.status, Application.position, Application.id.desc())
    return stmt.order_by(*order).offset(bindparam("list_offset")).limit(bindparam("list_limit"))


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
    rows = await session.execute(_previous_statement(), {"previous_ids": list(application_ids)})
    return {app_id: prev for app_id, prev in rows.all()}


@cache
def _previous_statement() -> Select[Any]:
    return select(Application.id, _previous_status()).where(
        Application.id.in_(bindparam("previous_ids", expanding=True))
    )


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
