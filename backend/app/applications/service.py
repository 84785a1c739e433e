"""The tracker: track a job, move it through the pipeline under the transition rules, keep every move."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.applications import repository, rollups
from app.applications.exceptions import AlreadyTracked, ApplicationNotFound, BadEventTime, IllegalTransition
from app.applications.schemas import (
    ApplicationChange,
    ApplicationCreate,
    ApplicationEventRead,
    ApplicationRead,
    ApplicationUpdate,
    ApplicationUpdated,
    ApplicationUpdatedData,
    BoardColumn,
    BoardRead,
)
from app.applications.transitions import allowed_targets, refusal, stage
from app.jobs import service as jobs
from app.jobs.schemas import JobSummary
from app.models.application import Application, ApplicationEvent, ApplicationStatus
from app.models.base import utcnow
from app.realtime.envelope import AnalyticsUpdated, AnalyticsUpdatedData, publish_after_commit

CLOCK_SKEW = timedelta(minutes=5)


def _reached_applied(status: ApplicationStatus) -> bool:
    s = stage(status)
    return s is not None and s >= 1


def present(app: Application, user_id: int, previous: ApplicationStatus | None) -> ApplicationRead:
    return ApplicationRead(
        id=app.id,
        job_posting_id=app.job_posting_id,
        status=app.status,
        position=app.position,
        notes=app.notes,
        applied_at=app.applied_at,
        status_changed_at=app.status_changed_at,
        created_at=app.created_at,
        updated_at=app.updated_at,
        allowed_statuses=allowed_targets(app.status, previous),
        job=jobs.present(JobSummary, app.job, user_id, None),
    )


def present_card(row: Any, user_id: int) -> ApplicationRead:
    """A card from a row of `repository` card columns (the board and lists read rows, not ORM objects)."""
    job = JobSummary(
        id=row.job_id,
        title=row.job_title,
        company=row.job_company,
        location=row.job_location,
        remote_type=row.job_remote_type,
        employment_type=row.job_employment_type,
        salary_min=row.job_salary_min,
        salary_max=row.job_salary_max,
        salary_currency=row.job_salary_currency,
        salary_period=row.job_salary_period,
        url=row.job_url,
        posted_at=row.job_posted_at,
        tech_stack=row.job_tech_stack,
        is_own=row.job_owner_id == user_id,
    )
    return ApplicationRead(
        id=row.id,
        job_posting_id=row.job_posting_id,
        status=row.status,
        position=row.position,
        notes=row.notes,
        applied_at=row.applied_at,
        status_changed_at=row.status_changed_at,
        created_at=row.created_at,
        updated_at=row.updated_at,
        allowed_statuses=allowed_targets(row.status, row.previous_status),
        job=job,
    )


async def _present_many(session: AsyncSession, apps: Sequence[Application], user_id: int) -> list[ApplicationRead]:
    previous = await repository.previous_statuses(session, [a.id for a in apps])
    return [present(a, user_id, previous.get(a.id)) for a in apps]


async def get_owned(session: AsyncSession, user_id: int, application_id: int) -> Application:
    app = await repository.get_owned(session, user_id, application_id)
    if app is None:
        raise ApplicationNotFound()
    return app


async def read(session: AsyncSession, user_id: int, application_id: int) -> ApplicationRead:
    app = await get_owned(session, user_id, application_id)
    return (await _present_many(session, [app], user_id))[0]


async def track(session: AsyncSession, user_id: int, data: ApplicationCreate) -> ApplicationRead:
    job = await jobs.get_visible(session, user_id, data.job_posting_id)
    existing = await repository.get_for_job(session, user_id, job.id)
    if existing is not None:
        raise AlreadyTracked(existing.id)
    now = utcnow()
    top = await repository.min_position(session, user_id, data.status)
    app = Application(
        user_id=user_id,
        job_posting_id=job.id,
        status=data.status,
        notes=data.notes,
        position=(top - 1.0) if top is not None else 0.0,
        applied_at=now if _reached_applied(data.status) else None,
        status_changed_at=now,
    )
    session.add(app)
    await session.flush()
    session.add(
        ApplicationEvent(application_id=app.id, user_id=user_id, from_status=None, to_status=data.status, at=now)
    )
    await rollups.refresh_application(session, app.id)
    _announce(session, app, "tracked")
    return await read(session, user_id, app.id)


def _announce(session: AsyncSession, app: Application, change: ApplicationChange) -> None:
    """Other tabs of this user refresh their board, job page and dashboard (after commit)."""
    data = ApplicationUpdatedData(id=app.id, job_posting_id=app.job_posting_id, status=app.status, change=change)
    publish_after_commit(session, app.user_id, ApplicationUpdated(data=data))
    publish_after_commit(
        session, app.user_id, AnalyticsUpdated(data=AnalyticsUpdatedData(reason=f"application.{change}"))
    )


async def update(
    session: AsyncSession, user_id: int, application_id: int, data: ApplicationUpdate
) -> tuple[ApplicationRead, bool]:
    """The application after the change, and whether the change could earn an achievement: a move to a stage
    further than any reached before, or one that sends the application (every achievement over applications
    counts furthest stages and days with applications sent; a move back or sideways changes neither)."""
    app = await get_owned(session, user_id, application_id)
    moved_from: ApplicationStatus | None = None
    progressed = False
    if data.status is not None and data.status != app.status:
        moved_from = app.status
        was_sent = app.applied_at is not None
        progressed = (stage(data.status) or 0) > app.reached_stage
        await _move(session, app, data.status, data.occurred_at, data.event_note, explicit_position=data.position)
        progressed = progressed or (not was_sent and app.applied_at is not None)
    if data.position is not None:
        app.position = data.position
    if data.notes is not None:
        app.notes = data.notes
    if data.applied_at is not None:
        app.applied_at = data.applied_at
    await session.flush()
    _announce(session, app, "updated")
    if moved_from is not None:  # the status before this move is what an undo returns to
        return present(app, user_id, moved_from), progressed
    return await read(session, user_id, app.id), progressed


async def _move(
    session: AsyncSession,
    app: Application,
    target: ApplicationStatus,
    occurred_at: datetime | None,
    note: str,
    explicit_position: float | None,
) -> None:
    last = await repository.last_event(session, app.id)
    previous = last.from_status if last is not None else None
    reason = refusal(app.status, target, previous)
    if reason:
        raise IllegalTransition(reason)
    now = utcnow()
    at = occurred_at or now
    if at > now + CLOCK_SKEW:
        raise BadEventTime("The date of a status change cannot be in the future.")
    if last is not None and at < last.at:
        raise BadEventTime("The date of a status change cannot be before the previous change.")
    session.add(
        ApplicationEvent(
            application_id=app.id, user_id=app.user_id, from_status=app.status, to_status=target, at=at, note=note
        )
    )
    if explicit_position is None:
        top = await repository.min_position(session, app.user_id, target)
        app.position = (top - 1.0) if top is not None else 0.0
    app.status = target
    app.status_changed_at = at
    if app.applied_at is None and _reached_applied(target):
        app.applied_at = at
    await rollups.after_move(session, app.id, last, at)


async def delete(session: AsyncSession, user_id: int, application_id: int) -> None:
    app = await get_owned(session, user_id, application_id)
    _announce(session, app, "deleted")
    await session.delete(app)
    await session.flush()


async def list_page(
    session: AsyncSession, user_id: int, status: ApplicationStatus | None, offset: int, limit: int
) -> tuple[list[ApplicationRead], int]:
    rows, total = await repository.list_page(session, user_id, status, offset, limit)
    return [present_card(r, user_id) for r in rows], total


async def board(session: AsyncSession, user_id: int, per_column: int) -> BoardRead:
    counts = await repository.counts_by_status(session, user_id)
    cards = [present_card(r, user_id) for r in await repository.board_cards(session, user_id, per_column)]
    by_status: dict[ApplicationStatus, list[ApplicationRead]] = {}
    for card in cards:
        by_status.setdefault(card.status, []).append(card)
    columns = [
        BoardColumn(status=status, total=counts.get(status, 0), items=by_status.get(status, []))
        for status in ApplicationStatus
    ]
    return BoardRead(columns=columns)


async def events(
    session: AsyncSession, user_id: int, application_id: int, offset: int, limit: int
) -> tuple[list[ApplicationEventRead], int]:
    await get_owned(session, user_id, application_id)
    rows, total = await repository.events_page(session, application_id, offset, limit)
    return [ApplicationEventRead.model_validate(e) for e in rows], total
