"""Accounts, their skills and their refresh tokens."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import Enum, ForeignKey, Index, String, Text, UniqueConstraint, false, true
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, TimestampMixin, utcnow


class SkillSource(enum.StrEnum):
    manual = "manual"
    resume = "resume"
    llm = "llm"


class User(TimestampMixin, Base):
    __tablename__ = "user"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    hashed_password: Mapped[str | None] = mapped_column(String(255))
    full_name: Mapped[str] = mapped_column(String(200), default="")
    # "What I want employers to know": the user's own words on strengths and motivation; letters may quote it.
    pitch: Mapped[str] = mapped_column(Text, default="", server_default="")
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    daily_application_goal: Mapped[int] = mapped_column(default=5)
    evening_summary_hour: Mapped[int] = mapped_column(default=18)
    evening_summary_enabled: Mapped[bool] = mapped_column(default=True, server_default=true())
    onboarding_step: Mapped[str | None] = mapped_column(String(40))
    onboarding_finished_at: Mapped[datetime | None]
    is_admin: Mapped[bool] = mapped_column(default=False)
    is_active: Mapped[bool] = mapped_column(default=True)
    password_changed_at: Mapped[datetime | None]
    # What the user needs from a job (Discover's hard requirements): postings that fail one are marked and can be
    # hidden. `work_location` is where they live or may work ("Germany", "Berlin, Germany", "EU").
    needs_sponsorship: Mapped[bool] = mapped_column(default=False, server_default=false())
    remote_only: Mapped[bool] = mapped_column(default=False, server_default=false())
    work_location: Mapped[str] = mapped_column(String(200), default="", server_default="")
    min_salary: Mapped[int | None]  # the least yearly pay they take, in salary_currency
    salary_currency: Mapped[str | None] = mapped_column(String(3))
    # A digest of the inputs Discover was last scored from: app/match/discover.py.
    discover_built: Mapped[str | None] = mapped_column(String(40))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    skills: Mapped[list[UserSkill]] = relationship(
        back_populates="user",
        lazy="raise",
        cascade="all, delete-orphan",
        order_by="UserSkill.name",
    )


class UserSkill(TimestampMixin, Base):
    __tablename__ = "user_skill"
    __table_args__ = (UniqueConstraint("user_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(80))
    source: Mapped[SkillSource] = mapped_column(
        Enum(SkillSource, native_enum=False, length=16, validate_strings=True), default=SkillSource.manual
    )
    level: Mapped[int | None]

    user: Mapped[User] = relationship(back_populates="skills", lazy="raise")


class RefreshToken(TimestampMixin, Base):
    """One row per issued refresh token; rotation revokes the old row, reuse revokes the whole family."""

    __tablename__ = "refresh_token"
    __table_args__ = (
        # Every authenticated request asks "does this family still hold an unrevoked token?" (app/auth/repository).
        Index("ix_refresh_token_family_revoked_at", "family", "revoked_at"),
        Index("ix_refresh_token_user_id", "user_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    family: Mapped[str] = mapped_column(String(36))
    expires_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]
    user_agent: Mapped[str | None] = mapped_column(String(255))
