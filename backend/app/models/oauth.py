"""Sign-in providers linked to accounts, and the short-lived state of a sign-in in progress."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, TimestampMixin


class OAuthAccount(TimestampMixin, Base):
    __tablename__ = "oauth_account"
    __table_args__ = (UniqueConstraint("provider", "subject"), UniqueConstraint("user_id", "provider"))

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"))
    provider: Mapped[str] = mapped_column(String(20))
    subject: Mapped[str] = mapped_column(String(255))
    email: Mapped[str | None] = mapped_column(String(320))


class OAuthFlow(TimestampMixin, Base):
    """One authorization request: kept server-side so a state is used once and a nonce never replays."""

    __tablename__ = "oauth_flow"

    state: Mapped[str] = mapped_column(String(64), primary_key=True)
    provider: Mapped[str] = mapped_column(String(20))
    nonce: Mapped[str] = mapped_column(String(64))
    code_verifier: Mapped[str] = mapped_column(String(128))
    intent: Mapped[str] = mapped_column(String(10))  # "login" or "link"
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"))
    return_to: Mapped[str] = mapped_column(String(500), default="/")
    used_at: Mapped[datetime | None]
