"""Rollups of an application's history, in SQL, for every writer of `application_event` (the tracker service,
the demo, import, benchmarks, tests): each event's duration (until the next change) and, per application, the
furthest stage reached, how it ended and the time to a first answer. Analytics reads these instead of
re-deriving them from every event on each request (decision 007)."""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, and_, bindparam, case, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from app.core.db import dialect_of, seconds_between
from app.models.application import Application, ApplicationEvent, ApplicationStatus

S = ApplicationStatus
E = ApplicationEvent
RANK = case(
    (E.to_status == S.accepted, 4),
    (E.to_status == S.offer, 3),
    (E.to_status == S.interview, 2),
    (E.to_status == S.applied, 1),
    else_=0,
)
SENT = (S.applied, S.interview, S.offer, S.accepted)
ANSWERS = (S.interview, S.offer, S.accepted, S.rejected)


async def refresh(session: AsyncSession, scope: ColumnElement[bool]) -> None:
    """Recompute the rollups of the applications matching `scope` (e.g. `Application.id == 5` or
    `Application.user_id == 3`) from their events."""
    await session.flush()
    for statement in statements(dialect_of(session), scope):
        await session.execute(statement.execution_options(synchronize_session=False))


async def refresh_application(session: AsyncSession, application_id: int) -> None:
    """`refresh` for one application, with statements built once per dialect (a status change runs this on
    every move: building the expressions cost more than running them)."""
    await session.flush()
    for statement in _one_application(dialect_of(session)):
        await session.execute(statement, {"rollup_application_id": application_id})


async def after_move(session: AsyncSession, application_id: int, last: ApplicationEvent | None, at: Any) -> None:
    """A move appends an event after `last` (never before it: the service refuses that), so only `last`'s
    duration changes (it ends at `at`; the new event stays open) and the application's rollups are recomputed.
    The same result as `refresh`, without re-reading every event of the application."""
    if last is not None:
        last.duration_s = (at - last.at).total_seconds()
    await session.flush()
    _durations, per_application = _one_application(dialect_of(session))
    await session.execute(per_application, {"rollup_application_id": application_id})


@cache
def _one_application(dialect: str) -> tuple[Any, Any]:
    """`statements` for the application bound as `rollup_application_id`: (durations, per-application)."""
    durations, per_application = statements(dialect, Application.id == bindparam("rollup_application_id"))
    return (
        durations.execution_options(synchronize_session=False),
        per_application.execution_options(synchronize_session=False),
    )


def statements(dialect: str, scope: ColumnElement[bool]) -> list[Any]:
    """The UPDATEs behind `refresh` (also run by the migration that introduced the rollups)."""
    later = aliased(E)
    next_at = (
        select(func.min(later.at))
        .where(
            later.application_id == E.application_id,
            or_(later.at > E.at, and_(later.at == E.at, later.id > E.id)),
        )
        .scalar_subquery()
    )
    in_scope = select(Application.id).where(scope)
    durations = (
        update(E).where(E.application_id.in_(in_scope)).values(duration_s=seconds_between(dialect, E.at, next_at))
    )

    def of_app(expr: Any) -> Any:
        return select(expr).where(E.application_id == Application.id).scalar_subquery()

    def ever(status: S) -> Any:
        return func.coalesce(of_app(func.max(case((E.to_status == status, 1), else_=0))), 0) == 1

    first_sent = of_app(func.min(case((E.to_status.in_(SENT), E.at))))
    first_answer = of_app(func.min(case((E.to_status.in_(ANSWERS), E.at))))
    per_application = (
        update(Application)
        .where(scope)
        .values(
            reached_stage=func.coalesce(of_app(func.max(RANK)), 0),
            withdrew=ever(S.withdrawn),
            ghosted=ever(S.ghosted),
            rejected=ever(S.rejected),
            response_s=case(
                (first_answer >= first_sent, seconds_between(dialect, first_sent, first_answer)), else_=None
            ),
            # Rollups are derived, not an edit: without this the column's onupdate would stamp every application
            # (migration 0007's backfill lost each one's last-change time that way).
            updated_at=Application.updated_at,
        )
    )
    return [durations, per_application]
