"""Request and response bodies of /api/v1/applications."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field

from app.core.schemas import Id, Schema, UserDateTime
from app.jobs.schemas import JobSummary
from app.models.application import ApplicationStatus
from app.realtime.envelope import Event, EventData


class ApplicationCreate(Schema):
    job_posting_id: Id
    status: ApplicationStatus = ApplicationStatus.interested
    notes: str = Field(default="", max_length=20_000)


class ApplicationUpdate(Schema):
    status: ApplicationStatus | None = None
    position: float | None = Field(default=None, description="Order within the board column (smaller first)")
    notes: str | None = Field(default=None, max_length=20_000)
    applied_at: UserDateTime | None = None
    occurred_at: UserDateTime | None = Field(
        default=None, description="When the status change happened, if not now (not in the future)"
    )
    event_note: str = Field(default="", max_length=500, description="A note kept with this status change")


class ApplicationRead(Schema):
    id: int
    job_posting_id: int
    status: ApplicationStatus
    position: float
    notes: str
    applied_at: datetime | None
    status_changed_at: datetime
    created_at: datetime
    updated_at: datetime
    allowed_statuses: list[ApplicationStatus] = Field(description="Statuses this application may move to now")
    job: JobSummary


class ApplicationEventRead(Schema):
    id: int
    from_status: ApplicationStatus | None
    to_status: ApplicationStatus
    at: datetime
    note: str


class BoardColumn(Schema):
    status: ApplicationStatus
    total: int
    items: list[ApplicationRead]


class BoardRead(Schema):
    columns: list[BoardColumn]


ApplicationChange = Literal["tracked", "updated", "deleted"]


class ApplicationUpdatedData(EventData):
    id: int
    job_posting_id: int
    status: ApplicationStatus
    change: ApplicationChange


class ApplicationUpdated(Event):
    """An application was tracked, changed or deleted (in any tab): refresh the board, the job and the dashboard."""

    type: Literal["application.updated"] = "application.updated"
    data: ApplicationUpdatedData
