"""SQL for the day in figures and the evening summary deliveries (one `summary_delivery` row per user and local day)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import Row, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.db import upsert_insert
from app.models.application import Application, ApplicationEvent
from app.models.base import utcnow
from app.models.job import JobPosting
from app.models.mail import SummaryDelivery
from app.models.user import User


async def count_applied(session: AsyncSession, user_id: int, start: datetime, end: datetime) -> int:
    """Applications the user sent from `start` (included) to `end` (excluded)."""
    applied = await session.scalar(
        select(func.count())
        .select_from(Application)
        .where(Application.user_id == user_id, Application.applied_at >= start, Application.applied_at < end)
    )
    return int(applied or 0)


async def status_changes(
    session: AsyncSession, user_id: int, start: datetime, end: datetime
) -> Sequence[Row[str, str, ApplicationEvent]]:
    """(job title, company, ApplicationEvent) rows of the user's status changes from `start` to `end`, oldest
    first."""
    rows = await session.execute(
        select(JobPosting.title, JobPosting.company, ApplicationEvent)
        .join(Application, Application.id == ApplicationEvent.application_id)
        .join(JobPosting, JobPosting.id == Application.job_posting_id)
        .where(ApplicationEvent.user_id == user_id, ApplicationEvent.at >= start, ApplicationEvent.at < end)
        .order_by(ApplicationEvent.at)
    )
    return rows.all()


async def count_new_jobs(session: AsyncSession, user_id: int, start: datetime, end: datetime) -> int:
    """Postings of the user's catalogue (the shared one and their own), not archived, ingested from `start` to
    `end`."""
    new_jobs = await session.scalar(
        select(func.count())
        .select_from(JobPosting)
        .where(
            or_(JobPosting.owner_id.is_(None), JobPosting.owner_id == user_id),
            JobPosting.archived_at.is_(None),
            JobPosting.ingested_at >= start,
            JobPosting.ingested_at < end,
        )
    )
    return int(new_jobs or 0)


async def summary_recipients(session: AsyncSession) -> Sequence[User]:
    """Active users with the evening summary on."""
    users = await session.scalars(select(User).where(User.is_active.is_(True), User.evening_summary_enabled.is_(True)))
    return users.all()


async def claim_delivery(session: AsyncSession, user_id: int, day: date, now: datetime) -> int | None:
    """Insert a pending delivery for the user's local `day` unless one exists (unique user_id + local_date): its id
    when this insert won, None when the day was already claimed."""
    insert = upsert_insert(session)
    return await session.scalar(
        insert(SummaryDelivery)
        .values(user_id=user_id, local_date=day, status="pending", attempts=0, created_at=now)
        .on_conflict_do_nothing(index_elements=["user_id", "local_date"])
        .returning(SummaryDelivery.id)
    )


async def mark_sent(session: AsyncSession, delivery_id: int) -> None:
    await session.execute(
        update(SummaryDelivery)
        .where(SummaryDelivery.id == delivery_id)
        .values(status="sent", sent_at=utcnow(), error=None)
    )


async def record_error(session: AsyncSession, delivery_id: int, reason: str) -> None:
    """Note why the last attempt failed; the delivery stays as it is (a retry follows)."""
    await session.execute(update(SummaryDelivery).where(SummaryDelivery.id == delivery_id).values(error=reason))


async def mark_failed(session: AsyncSession, delivery_id: int, reason: str) -> None:
    await session.execute(
        update(SummaryDelivery).where(SummaryDelivery.id == delivery_id).values(status="failed", error=reason)
    )
