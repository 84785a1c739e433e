"""Bodies of /api/v1/notifications."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from app.core.schemas import Schema


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
