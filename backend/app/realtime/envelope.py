"""The server -> client message shape of docs/design.md §4."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.core.events import queue_event, user_channel


def envelope(type_: str, data: dict[str, Any], id_: int | None = None) -> dict[str, Any]:
    return {"id": id_, "type": type_, "data": data, "ts": datetime.now(UTC).isoformat()}


def publish_after_commit(
    session: AsyncSession, user_id: int, type_: str, data: dict[str, Any], id_: int | None = None
) -> None:
    """Tell the user's open tabs once the current transaction has committed."""
    queue_event(session, user_channel(user_id), envelope(type_, data, id_))
