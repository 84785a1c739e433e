"""Generated documents (cover letters, tailored resumes) with their versions."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Enum, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, utcnow


class DocumentKind(enum.StrEnum):
    cover_letter = "cover_letter"
    tailored_resume = "tailored_resume"


class GenerationStatus(enum.StrEnum):
    generating = "generating"
    ready = "ready"
    failed = "failed"
    cancelled = "cancelled"


class GeneratedDocument(Base):
    __tablename__ = "generated_document"
    __table_args__ = (Index("ix_generated_document_user_id_job_posting_id", "user_id", "job_posting_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"))
    job_posting_id: Mapped[int] = mapped_column(ForeignKey("job_posting.id", ondelete="CASCADE"))
    resume_id: Mapped[int | None] = mapped_column(ForeignKey("resume.id", ondelete="SET NULL"))
    kind: Mapped[DocumentKind] = mapped_column(Enum(DocumentKind, native_enum=False, length=20, validate_strings=True))
    title: Mapped[str] = mapped_column(String(300), default="")
    options: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # tone, length, …
    status: Mapped[GenerationStatus] = mapped_column(
        Enum(GenerationStatus, native_enum=False, length=16, validate_strings=True),
        default=GenerationStatus.generating,
    )
    error: Mapped[str | None] = mapped_column(Text)
    content: Mapped[str] = mapped_column(Text, default="")  # Markdown of the current version
    report: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # guard removals, missing skills, …
    provider: Mapped[str | None] = mapped_column(String(60))
    model: Mapped[str | None] = mapped_column(String(200))
    prompt_version: Mapped[str | None] = mapped_column(String(80))
    task_id: Mapped[str | None] = mapped_column(String(36))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    edited_at: Mapped[datetime | None]


class DocumentVersion(Base):
    __tablename__ = "document_version"
    __table_args__ = (UniqueConstraint("document_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("generated_document.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"))
    number: Mapped[int]
    origin: Mapped[str] = mapped_column(String(16))  # original | edited
    content: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
