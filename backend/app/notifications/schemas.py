"""Bodies of /api/v1/notifications."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import Field

from app.core.schemas import Schema
from app.realtime.envelope import Event, EventData


class NotificationRead(Schema):
    id: int
    type: str
    title: str
    body: str
    data: dict[str, Any]
    read_at: datetime | None
    created_at: datetime


class UnreadCount(Schema):
    count: int


class MarkedRead(Schema):
    updated: int


class NotificationCreated(Event):
    """A notification was stored (`id` is its id): the bell counts it and a toast shows it."""

    type: Literal["notification.created"] = "notification.created"
    data: NotificationRead


class NotificationsReadData(EventData):
    ids: list[int] = Field(default_factory=list, description="The notifications marked read (empty with `all`)")
    all: bool = False


class NotificationsRead(Event):
    type: Literal["notification.read"] = "notification.read"
    data: NotificationsReadData
