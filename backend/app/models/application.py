"""The tracker: one application per user and posting, and the history of its status."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import Enum, ForeignKey, Index, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, TimestampMixin, utcnow
from app.models.job import JobPosting


class ApplicationStatus(enum.StrEnum):
    interested = "interested"
    applied = "applied"
    interview = "interview"
    offer = "offer"
    accepted = "accepted"
    rejected = "rejected"
    withdrawn = "withdrawn"
    ghosted = "ghosted"


def _status_enum() -> Enum:
    return Enum(ApplicationStatus, native_enum=False, length=16, validate_strings=True)


class Application(TimestampMixin, Base):
    __tablename__ = "application"
    __table_args__ = (
        UniqueConstraint("user_id", "job_posting_id"),
        Index("ix_application_user_id_status_position", "user_id", "status", "position"),
        Index("ix_application_job_posting_id", "job_posting_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"))
    job_posting_id: Mapped[int] = mapped_column(ForeignKey("job_posting.id", ondelete="CASCADE"))
    status: Mapped[ApplicationStatus] = mapped_column(_status_enum(), default=ApplicationStatus.interested)
    # Order within a board column: smaller first; moves pick a value between the neighbours.
    position: Mapped[float] = mapped_column(default=0.0)
    notes: Mapped[str] = mapped_column(Text, default="")
    applied_at: Mapped[datetime | None]
    status_changed_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    # Rollups of the history, kept by applications.rollups.refresh() so analytics never re-reads every event:
    # furthest pipeline stage ever reached (0 interested … 4 accepted), how it ended, days to a first answer.
    reached_stage: Mapped[int] = mapped_column(default=0, server_default="0")
    withdrew: Mapped[bool] = mapped_column(default=False, server_default=false())
    ghosted: Mapped[bool] = mapped_column(default=False, server_default=false())
    rejected: Mapped[bool] = mapped_column(default=False, server_default=false())
    response_s: Mapped[float | None]

    job: Mapped[JobPosting] = relationship(lazy="raise")


class ApplicationEvent(Base):
    """Append-only: every status change, with when it happened. Funnels and time-in-stage come from here."""

    __tablename__ = "application_event"
    __table_args__ = (
        Index("ix_application_event_application_id_at", "application_id", "at"),
        Index("ix_application_event_user_id_at", "user_id", "at"),
        # time in stage: per user and status, durations in order (medians read the index, not the table)
        Index("ix_application_event_user_id_to_status_duration_s", "user_id", "to_status", "duration_s"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("application.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"))
    from_status: Mapped[ApplicationStatus | None] = mapped_column(_status_enum())
    to_status: Mapped[ApplicationStatus] = mapped_column(_status_enum())
    at: Mapped[datetime] = mapped_column(default=utcnow)
    note: Mapped[str] = mapped_column(String(500), default="")
    duration_s: Mapped[float | None]  # time until the next change; null while this status is current
