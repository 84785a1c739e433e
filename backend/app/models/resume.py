"""Uploaded resumes: the stored file, the text and sections read from it, and the skills found in it."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Enum, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, utcnow


class ResumeStatus(enum.StrEnum):
    uploaded = "uploaded"
    reading = "reading"  # reading the text out of the file
    extracting = "extracting"  # finding skills
    ready = "ready"
    failed = "failed"


class Resume(Base):
    __tablename__ = "resume"
    __table_args__ = (Index("ix_resume_user_id_created_at", "user_id", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"))
    filename: Mapped[str] = mapped_column(String(200))
    content_type: Mapped[str] = mapped_column(String(100))
    size_bytes: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64))
    storage_name: Mapped[str] = mapped_column(String(100))  # the file under <uploads>/<user>/resumes/
    status: Mapped[ResumeStatus] = mapped_column(
        Enum(ResumeStatus, native_enum=False, length=16, validate_strings=True), default=ResumeStatus.uploaded
    )
    error: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text, default="")
    sections: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    skills: Mapped[list[str]] = mapped_column(JSON, default=list)
    pages: Mapped[int | None]
    provider: Mapped[str | None] = mapped_column(String(60))  # what found the skills: "offline", "hybrid:groq", …
    task_id: Mapped[str | None] = mapped_column(String(36))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    processed_at: Mapped[datetime | None]
    reviewed_at: Mapped[datetime | None]  # when the user merged its skills into the profile
    # The resume as structure (JSON Resume, app/resumes/jsonresume.py): parsed from the text, then the user's to fix.
    structure: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))
    structure_origin: Mapped[str | None] = mapped_column(String(16))  # parsed | edited | imported
    structure_version: Mapped[str | None] = mapped_column(String(16))  # the parser's STRUCTURE_VERSION, when parsed
