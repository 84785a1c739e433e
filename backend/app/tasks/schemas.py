"""Bodies of the task monitoring API (admin queue page, a user's own tasks)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import Field, computed_field

from app.core.schemas import Schema
from app.tasks.registry import task_title

TaskState = Literal["queued", "running", "retrying", "succeeded", "failed", "cancelled"]


class TaskRunRead(Schema):
    id: int
    task_id: str
    name: str
    user_id: int | None
    args: list[Any]
    state: TaskState
    attempts: int
    error: str | None
    progress: int | None
    progress_message: str | None
    worker: str | None
    cancel_requested: bool
    retry_of_id: int | None
    queued_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    next_attempt_at: datetime | None
    duration_ms: int | None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def title(self) -> str:
        """What the task is called on screen, e.g. "Reading your resume" for `resumes.process`."""
        return task_title(self.name)


class ScheduleEntry(Schema):
    key: str
    task: str
    every_seconds: int
    last_run_at: datetime | None
    last_state: TaskState | None
    next_run_at: datetime | None = Field(description="Unknown (null) until a scheduler (beat) has been seen")

    @computed_field  # type: ignore[prop-decorator]
    @property
    def title(self) -> str:
        """What the task is called on screen, e.g. "Job refresh" for `jobs.ingest_jobs`."""
        return task_title(self.task)


class WorkerRead(Schema):
    hostname: str
    mode: str
    started_at: datetime
    last_seen_at: datetime


class QueueOverview(Schema):
    mode: Literal["embedded", "redis"]
    counts: dict[str, int]
    schedule: list[ScheduleEntry]
    workers: list[WorkerRead]
