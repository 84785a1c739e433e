"""Where postings come from: each board listing seen (`job_source`, unique per source and id), the raw payloads
(`job_source_record`, append-only), each board's health (`source_state`, survives restarts), the companies a user
follows, the searches a user saved (`saved_search`, run by `ingest_jobs`), and the Discover feed (`job_match`)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, TimestampMixin, utcnow


class JobSource(Base):
    __tablename__ = "job_source"
    __table_args__ = (UniqueConstraint("source", "source_id"), Index("ix_job_source_job_posting_id", "job_posting_id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(String(40))
    source_id: Mapped[str] = mapped_column(String(200))
    job_posting_id: Mapped[int] = mapped_column(ForeignKey("job_posting.id", ondelete="CASCADE"))
    url: Mapped[str | None] = mapped_column(String(2000))
    first_seen_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(default=utcnow)


class JobSourceRecord(Base):
    """The payload as the board sent it, per fetch: what normalisation can be re-run from."""

    __tablename__ = "job_source_record"
    __table_args__ = (Index("ix_job_source_record_source_source_id", "source", "source_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(String(40))
    source_id: Mapped[str] = mapped_column(String(200))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    fetched_at: Mapped[datetime] = mapped_column(default=utcnow)


class SourceState(Base):
    __tablename__ = "source_state"

    source: Mapped[str] = mapped_column(String(40), primary_key=True)
    last_run_at: Mapped[datetime | None]
    last_success_at: Mapped[datetime | None]
    last_error_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)
    last_fetched: Mapped[int] = mapped_column(default=0)
    total_fetched: Mapped[int] = mapped_column(default=0)
    rate_limited_until: Mapped[datetime | None]


class FollowedCompany(Base):
    __tablename__ = "followed_company"
    __table_args__ = (UniqueConstraint("user_id", "source", "token"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"))
    source: Mapped[str] = mapped_column(String(40))
    token: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class JobMatch(Base):
    __tablename__ = "job_match"
    __table_args__ = (
        UniqueConstraint("user_id", "job_posting_id"),
        Index("ix_job_match_user_id_dismissed_score", "user_id", "dismissed", "score"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"))
    job_posting_id: Mapped[int] = mapped_column(ForeignKey("job_posting.id", ondelete="CASCADE"))
    score: Mapped[float]
    matched_skills: Mapped[list[str]] = mapped_column(JSON, default=list)
    missing_skills: Mapped[list[str]] = mapped_column(JSON, default=list)
    # The match score's parts, {key: [value 0..1 or None when unknown, status]}, and the hard requirements the
    # user set that the posting fails (`blocked` when there is one): see app/match/discover.py.
    parts: Mapped[dict[str, list[Any]]] = mapped_column(JSON, default=dict)
    blockers: Mapped[list[str]] = mapped_column(JSON, default=list)
    blocked: Mapped[bool] = mapped_column(default=False)
    score_version: Mapped[str | None] = mapped_column(String(16))
    dismissed: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class SavedSearch(TimestampMixin, Base):
    """What the user is looking for; job sources run these (`ingest_jobs`)."""

    __tablename__ = "saved_search"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    keywords: Mapped[str] = mapped_column(String(200))
    location: Mapped[str] = mapped_column(String(200), default="")
    remote_only: Mapped[bool] = mapped_column(default=False)
    min_salary: Mapped[int | None]  # yearly; postings that state less rank lower
