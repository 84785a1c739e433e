"""Background work as the admin queue page sees it: one `task_run` per task execution request, and the
workers that have reported in (Celery keeps no list of failed tasks and `memory://` cannot be inspected)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, utcnow

TASK_STATES = ("queued", "running", "retrying", "succeeded", "failed", "cancelled")


class TaskRun(Base):
    __tablename__ = "task_run"
    __table_args__ = (
        Index("ix_task_run_state_queued_at", "state", "queued_at"),
        Index("ix_task_run_user_id_queued_at", "user_id", "queued_at"),
        Index("ix_task_run_name_started_at", "name", "started_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[str] = mapped_column(String(36), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"))
    args: Mapped[list[Any]] = mapped_column(JSON, default=list)
    state: Mapped[str] = mapped_column(String(16), default="queued")
    attempts: Mapped[int] = mapped_column(default=0)
    error: Mapped[str | None] = mapped_column(Text)
    progress: Mapped[int | None]
    progress_message: Mapped[str | None] = mapped_column(String(200))
    worker: Mapped[str | None] = mapped_column(String(200))
    cancel_requested: Mapped[bool] = mapped_column(default=False)
    retry_of_id: Mapped[int | None] = mapped_column(ForeignKey("task_run.id", ondelete="SET NULL"))
    queued_at: Mapped[datetime] = mapped_column(default=utcnow)
    started_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]
    next_attempt_at: Mapped[datetime | None]
    duration_ms: Mapped[int | None]


class WorkerSeen(Base):
    """A worker process (or the embedded worker of a web process), updated when it starts and runs tasks."""

    __tablename__ = "worker_seen"

    id: Mapped[int] = mapped_column(primary_key=True)
    hostname: Mapped[str] = mapped_column(String(200), unique=True)
    mode: Mapped[str] = mapped_column(String(16))  # embedded | redis
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(default=utcnow)
