"""Notifications: stored for the bell and the page, and pushed live to the user's open tabs."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.core.exceptions import NotFound
from app.models.base import utcnow
from app.models.notification import Notification
from app.notifications import repository
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
    return await repository.list_page(session, user_id, unread_only, offset, limit)


async def unread_count(session: AsyncSession, user_id: int) -> int:
    return await repository.count_unread(session, user_id)


async def mark_read(session: AsyncSession, user_id: int, notification_id: int) -> None:
    row = await repository.get_owned(session, user_id, notification_id)
    if row is None:
        raise NotificationNotFound()
    if row.read_at is None:
        row.read_at = utcnow()
        await session.flush()
    publish_after_commit(session, user_id, NotificationsRead(data=NotificationsReadData(ids=[notification_id])))


async def mark_all_read(session: AsyncSession, user_id: int) -> int:
    updated = await repository.mark_all_read(session, user_id)
    publish_after_commit(session, user_id, NotificationsRead(data=NotificationsReadData(all=True)))
    return updated


async def since(session: AsyncSession, user_id: int, last_id: int) -> Sequence[Notification]:
    """What a reconnecting tab missed: notifications after the last id it saw (oldest first, capped)."""
    return await repository.list_after(session, user_id, last_id, REPLAY_LIMIT)
