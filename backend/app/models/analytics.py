"""Analytics computed ahead of the request path."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, utcnow


class AnalyticsSnapshot(Base):
    """A pre-computed analytics answer shared by every user (the market's skill trends): a scheduled task writes
    it, requests read it by name, so a figure that aggregates millions of rows never runs on the request path."""

    __tablename__ = "analytics_snapshot"

    name: Mapped[str] = mapped_column(String(120), primary_key=True)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    computed_at: Mapped[datetime] = mapped_column(default=utcnow)
    duration_ms: Mapped[int] = mapped_column(default=0)
