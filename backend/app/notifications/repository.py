"""SQL for notifications, always scoped to one user."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.models.base import utcnow
from app.models.notification import Notification


async def list_page(
    session: AsyncSession, user_id: int, unread_only: bool, offset: int, limit: int
) -> tuple[Sequence[Notification], int]:
    """A page of the user's notifications, newest first, and how many there are in all."""
    where = [Notification.user_id == user_id]
    if unread_only:
        where.append(Notification.read_at.is_(None))
    rows = await session.scalars(
        select(Notification).where(*where).order_by(Notification.id.desc()).offset(offset).limit(limit)
    )
    total = await session.scalar(select(func.count()).select_from(Notification).where(*where))
    return rows.all(), int(total or 0)


async def count_unread(session: AsyncSession, user_id: int) -> int:
    count = await session.scalar(
        select(func.count())
        .select_from(Notification)
        .where(Notification.user_id == user_id, Notification.read_at.is_(None))
    )
    return int(count or 0)


async def get_owned(session: AsyncSession, user_id: int, notification_id: int) -> Notification | None:
    return await session.scalar(
        select(Notification).where(Notification.id == notification_id, Notification.user_id == user_id)
    )


async def mark_all_read(session: AsyncSession, user_id: int) -> int:
    """Mark every unread notification of the user read now; how many were."""
    result = await session.execute(
        update(Notification)
        .where(Notification.user_id == user_id, Notification.read_at.is_(None))
        .values(read_at=utcnow())
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


async def list_after(session: AsyncSession, user_id: int, last_id: int, limit: int) -> Sequence[Notification]:
    """The user's notifications after `last_id`, oldest first, at most `limit`."""
    rows = await session.scalars(
        select(Notification)
        .where(Notification.user_id == user_id, Notification.id > last_id)
        .order_by(Notification.id)
        .limit(limit)
    )
    return rows.all()
