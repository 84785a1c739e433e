"""Mail the app sends on its own: the evening summary's once-a-day ledger and the outbox used when no SMTP
server is configured (embedded default)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, utcnow


class SummaryDelivery(Base):
    """Inserted *before* the summary is sent: the unique key is what makes a day's summary go out once."""

    __tablename__ = "summary_delivery"
    __table_args__ = (UniqueConstraint("user_id", "local_date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"))
    local_date: Mapped[date]
    status: Mapped[str] = mapped_column(String(16), default="pending")  # pending | sent | outbox | failed
    attempts: Mapped[int] = mapped_column(default=0)
    error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None]


class OutboxMessage(Base):
    """A message that would have been mailed: kept here (and logged) when SMTP_HOST is unset."""

    __tablename__ = "outbox_message"
    __table_args__ = (Index("ix_outbox_message_user_id_created_at", "user_id", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"))
    to: Mapped[str] = mapped_column(String(320))
    subject: Mapped[str] = mapped_column(String(300))
    text: Mapped[str] = mapped_column(Text)
    html: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
