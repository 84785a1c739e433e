"""The notification bell and page."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query, status

from app.api.deps import SessionDep
from app.api.routing import Router
from app.auth.dependencies import CurrentUser
from app.core.pagination import Page, PageDep
from app.core.schemas import Id
from app.notifications import service
from app.notifications.schemas import MarkedRead, NotificationRead, UnreadCount

router = Router(prefix="/notifications", tags=["notifications"])


@router.get("", operation_id="notifications-list")
async def list_notifications(
    user: CurrentUser,
    session: SessionDep,
    paging: PageDep,
    unread_only: Annotated[bool, Query(description="Only unread ones")] = False,
) -> Page[NotificationRead]:
    """Your notifications, newest first."""
    rows, total = await service.list_page(session, user.id, unread_only, paging.offset, paging.size)
    return Page(
        items=[NotificationRead.model_validate(r) for r in rows], total=total, page=paging.page, size=paging.size
    )


@router.get("/unread-count", operation_id="notifications-unread_count")
async def unread_count(user: CurrentUser, session: SessionDep) -> UnreadCount:
    """The number on the bell."""
    return UnreadCount(count=await service.unread_count(session, user.id))


@router.post("/{notification_id}/read", status_code=status.HTTP_204_NO_CONTENT, operation_id="notifications-mark_read")
async def mark_read(notification_id: Id, user: CurrentUser, session: SessionDep) -> None:
    """Mark one as read."""
    await service.mark_read(session, user.id, notification_id)


@router.post("/read-all", operation_id="notifications-mark_all_read")
async def mark_all_read(user: CurrentUser, session: SessionDep) -> MarkedRead:
    """Mark every unread notification as read."""
    return MarkedRead(updated=await service.mark_all_read(session, user.id))
