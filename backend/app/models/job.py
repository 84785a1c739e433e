"""The job catalogue: postings (public, or private to the user who added them), their skills and what they ask."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Enum, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, query_expression

from app.models.base import Base, TimestampMixin, utcnow


class RemoteType(enum.StrEnum):
    onsite = "onsite"
    hybrid = "hybrid"
    remote = "remote"
    unknown = "unknown"


class SalaryPeriod(enum.StrEnum):
    year = "year"
    month = "month"
    week = "week"
    day = "day"
    hour = "hour"


class JobPosting(TimestampMixin, Base):
    __tablename__ = "job_posting"
    __table_args__ = (
        Index("ix_job_posting_owner_id_posted_at", "owner_id", "posted_at"),
        Index("ix_job_posting_posted_at_id", "posted_at", "id"),  # the default "newest first" order
        Index("ix_job_posting_archived_at_owner_id", "archived_at", "owner_id"),  # counts of visible postings
        Index("ix_job_posting_company", "company"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"))
    fingerprint: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(String(300))
    company: Mapped[str] = mapped_column(String(200))
    location: Mapped[str] = mapped_column(String(200), default="")
    remote_type: Mapped[RemoteType] = mapped_column(
        Enum(RemoteType, native_enum=False, length=16, validate_strings=True), default=RemoteType.unknown
    )
    employment_type: Mapped[str | None] = mapped_column(String(40))
    salary_min: Mapped[int | None]
    salary_max: Mapped[int | None]
    salary_currency: Mapped[str | None] = mapped_column(String(3))
    salary_period: Mapped[SalaryPeriod | None] = mapped_column(
        Enum(SalaryPeriod, native_enum=False, length=8, validate_strings=True)
    )
    description_html: Mapped[str] = mapped_column(Text, default="")
    description_text: Mapped[str] = mapped_column(Text, default="")
    search_text: Mapped[str] = mapped_column(Text, default="")
    url: Mapped[str | None] = mapped_column(String(2000))
    posted_at: Mapped[datetime] = mapped_column(default=utcnow)
    ingested_at: Mapped[datetime] = mapped_column(default=utcnow)
    tech_stack: Mapped[list[str]] = mapped_column(JSON, default=list)
    responsibilities: Mapped[list[str]] = mapped_column(JSON, default=list)
    seniority: Mapped[str | None] = mapped_column(String(40))
    # Skill extraction: which provider filled tech_stack/responsibilities, from which text (sha256 + taxonomy version).
    skills_provider: Mapped[str | None] = mapped_column(String(60))
    skills_hash: Mapped[str | None] = mapped_column(String(64))
    skills_extracted_at: Mapped[datetime | None]
    archived_at: Mapped[datetime | None]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    # Lists load the start of the description only (`repository.LIST_OPTIONS`), not the full texts.
    description_head: Mapped[str | None] = query_expression()


class JobPostingSkill(Base):
    __tablename__ = "job_posting_skill"
    __table_args__ = (Index("ix_job_posting_skill_skill", "skill"),)

    job_posting_id: Mapped[int] = mapped_column(ForeignKey("job_posting.id", ondelete="CASCADE"), primary_key=True)
    skill: Mapped[str] = mapped_column(String(80), primary_key=True)


class JobRequirements(Base):
    """What a posting asks, as `app.jobs.requirements` reads it (without the section texts) plus its title's role:
    stored so Discover scores thousands of postings per user without reading their texts again. `version` is the
    parser's and the title reader's; a stale or missing row is computed afresh when read."""

    __tablename__ = "job_requirements"

    job_posting_id: Mapped[int] = mapped_column(ForeignKey("job_posting.id", ondelete="CASCADE"), primary_key=True)
    version: Mapped[str] = mapped_column(String(16))
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    computed_at: Mapped[datetime] = mapped_column(default=utcnow)


# Public postings are deduplicated by fingerprint; users' own hand-added copies are not.
Index(
    "uq_job_posting_public_fingerprint",
    JobPosting.fingerprint,
    unique=True,
    sqlite_where=JobPosting.owner_id.is_(None),
    postgresql_where=JobPosting.owner_id.is_(None),
)
