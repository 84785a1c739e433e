"""Notifications: stored for the bell and the page, and pushed live to the user's open tabs."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.exceptions import NotFound
from app.models.base import utcnow
from app.models.notification import Notification
from app.notifications.schemas import NotificationCreated, NotificationRead, NotificationsRead, NotificationsReadData
from app.realtime.envelope import publish_after_commit

REPLAY_LIMIT = 100


class NotificationNotFound(NotFound):
    code = "notification_not_found"

    def __init__(self) -> None:
        super().__init__("This notification does not exist or is not yours.")


def created_event(row: Notification) -> NotificationCreated:
    """`notification.created` for a stored notification (sent live, and replayed to a socket that reconnects)."""
    return NotificationCreated(id=row.id, data=NotificationRead.model_validate(row))


async def notify(
    session: AsyncSession, user_id: int, type_: str, title: str, body: str = "", data: dict[str, Any] | None = None
) -> Notification:
    """Store a notification and, after commit, push it as `notification.created` with its id."""
    row = Notification(user_id=user_id, type=type_, title=title, body=body, data=data or {}, created_at=utcnow())
    session.add(row)
    await session.flush()
    publish_after_commit(session, user_id, created_event(row))
    return row


async def list_page(
    session: AsyncSession, user_id: int, unread_only: bool, offset: int, limit: int
) -> tuple[Sequence[Notification], int]:
    where = [Notification.user_id == user_id]
    if unread_only:
        where.append(Notification.read_at.is_(None))
    rows = await session.scalars(
        select(Notification).where(*where).order_by(Notification.id.desc()).offset(offset).limit(limit)
    )
    total = await session.scalar(select(func.count()).select_from(Notification).where(*where))
    return rows.all(), int(total or 0)


async def unread_count(session: AsyncSession, user_id: int) -> int:
    count = await session.scalar(
        select(func.count())
        .select_from(Notification)
        .where(Notification.user_id == user_id, Notification.read_at.is_(None))
    )
    return int(count or 0)


async def mark_read(session: AsyncSession, user_id: int, notification_id: int) -> None:
    row = await session.scalar(
        select(Notification).where(Notification.id == notification_id, Notification.user_id == user_id)
    )
    if row is None:
        raise NotificationNotFound()
    if row.read_at is None:
        row.read_at = utcnow()
        await session.flush()
    publish_after_commit(session, user_id, NotificationsRead(data=NotificationsReadData(ids=[notification_id])))


async def mark_all_read(session: AsyncSession, user_id: int) -> int:
    result = await session.execute(
        update(Notification)
        .where(Notification.user_id == user_id, Notification.read_at.is_(None))
        .values(read_at=utcnow())
    )
    publish_after_commit(session, user_id, NotificationsRead(data=NotificationsReadData(all=True)))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


async def since(session: AsyncSession, user_id: int, last_id: int) -> Sequence[Notification]:
    """What a reconnecting tab missed: notifications after the last id it saw (oldest first, capped)."""
    rows = await session.scalars(
        select(Notification)
        .where(Notification.user_id == user_id, Notification.id > last_id)
        .order_by(Notification.id)
        .limit(REPLAY_LIMIT)
    )
    return rows.all()
