"""Gamification and onboarding: achievements earned (once each) and the searches a user saved."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, TimestampMixin, utcnow


class Achievement(Base):
    __tablename__ = "achievement"
    __table_args__ = (UniqueConstraint("user_id", "code"),)  # awarded exactly once, whatever races

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(40))
    awarded_at: Mapped[datetime] = mapped_column(default=utcnow)


class SavedSearch(TimestampMixin, Base):
    """What the user is looking for; job sources run these (`ingest_jobs`)."""

    __tablename__ = "saved_search"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    keywords: Mapped[str] = mapped_column(String(200))
    location: Mapped[str] = mapped_column(String(200), default="")
    remote_only: Mapped[bool] = mapped_column(default=False)
    min_salary: Mapped[int | None]  # yearly; postings that state less rank lower


class AnalyticsSnapshot(Base):
    """A pre-computed analytics answer shared by every user (the market's skill trends): a scheduled task writes
    it, requests read it by name, so a figure that aggregates millions of rows never runs on the request path."""

    __tablename__ = "analytics_snapshot"

    name: Mapped[str] = mapped_column(String(120), primary_key=True)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    computed_at: Mapped[datetime] = mapped_column(default=utcnow)
    duration_ms: Mapped[int] = mapped_column(default=0)
