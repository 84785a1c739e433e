"""The server -> client messages of docs/design.md §4: `{"id", "type", "data", "ts"}`, one Pydantic model per type.

Each domain declares the events it sends beside its other bodies (`ApplicationUpdated` in applications/schemas.py,
…); the ones that belong to no domain, or to several, are here. `app/api/v1/ws.py` gathers them into `ServerEvent`,
a union discriminated by `type` that the OpenAPI document publishes, so the frontend's client has the same union.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.events import queue_event, user_channel


def _now() -> datetime:
    return datetime.now(UTC)


class EventData(BaseModel):
    """The `data` of a message. Text is sent as it is (a streamed piece of a letter may begin with a space), and
    fields with defaults are still sent, so the generated TypeScript marks every field present."""

    model_config = ConfigDict(from_attributes=True, json_schema_serialization_defaults_required=True)


class Event(EventData):
    """One message. `id` is the notification's id for `notification.created` (the client de-duplicates replays),
    else null."""

    id: int | None = None
    ts: datetime = Field(default_factory=_now)


class NoData(EventData):
    pass


class ReadyData(EventData):
    heartbeat_seconds: int


class Ready(Event):
    """First message after a socket signed in: how often the server pings."""

    type: Literal["ready"] = "ready"
    data: ReadyData


class AuthOk(Event):
    type: Literal["auth.ok"] = "auth.ok"
    data: NoData = Field(default_factory=NoData)


class AuthExpired(Event):
    """The access token the socket signed in with is about to expire: send a fresh one (`{"type": "auth"}`)."""

    type: Literal["auth.expired"] = "auth.expired"
    data: NoData = Field(default_factory=NoData)


class Ping(Event):
    type: Literal["ping"] = "ping"
    data: NoData = Field(default_factory=NoData)


class Pong(Event):
    type: Literal["pong"] = "pong"
    data: NoData = Field(default_factory=NoData)


class AnalyticsUpdatedData(EventData):
    reason: str


class AnalyticsUpdated(Event):
    """The user's figures changed (an application moved, an achievement was earned): refetch analytics."""

    type: Literal["analytics.updated"] = "analytics.updated"
    data: AnalyticsUpdatedData


class JobMatchedData(EventData):
    count: int
    strong: int
    rebuilt: bool = False


class JobMatched(Event):
    """New Discover matches: from an ingest (`count`, of which `strong`), or a rebuild of the whole feed."""

    type: Literal["job.matched"] = "job.matched"
    data: JobMatchedData


class TaskProgressData(EventData):
    task_id: str
    name: str
    title: str = Field(description="What to call the task on screen, e.g. 'Reading your resume'")
    progress: int
    message: str


class TaskProgress(Event):
    """A background task the user started moved on."""

    type: Literal["task.progress"] = "task.progress"
    data: TaskProgressData


def envelope(event: Event) -> dict[str, Any]:
    """The event as sent on the wire (and over the bus between processes)."""
    return event.model_dump(mode="json")


def publish_after_commit(session: AsyncSession, user_id: int, event: Event) -> None:
    """Tell the user's open tabs once the current transaction has committed."""
    queue_event(session, user_channel(user_id), envelope(event))
