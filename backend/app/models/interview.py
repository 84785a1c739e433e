"""Interview practice: sessions and their questions with answers, feedback and scores."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, utcnow


class InterviewSession(Base):
    __tablename__ = "interview_session"
    __table_args__ = (Index("ix_interview_session_user_id_created_at", "user_id", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"))
    job_posting_id: Mapped[int | None] = mapped_column(ForeignKey("job_posting.id", ondelete="SET NULL"))
    title: Mapped[str] = mapped_column(String(300), default="")
    status: Mapped[str] = mapped_column(String(16), default="active")  # preparing | active | finished | failed
    provider: Mapped[str | None] = mapped_column(String(60))
    model: Mapped[str | None] = mapped_column(String(200))
    prompt_version: Mapped[str | None] = mapped_column(String(80))
    score: Mapped[float | None]  # mean of the answered questions' scores
    task_id: Mapped[str | None] = mapped_column(String(36))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None]


class InterviewAnswer(Base):
    """One question of a session and, once given, the answer with its feedback and score."""

    __tablename__ = "interview_answer"
    __table_args__ = (
        UniqueConstraint("session_id", "position"),
        Index("ix_interview_answer_user_id_category", "user_id", "category"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("interview_session.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"))
    position: Mapped[int]
    category: Mapped[str] = mapped_column(String(20))  # technical | behavioural | role
    skill: Mapped[str | None] = mapped_column(String(80))
    question: Mapped[str] = mapped_column(Text)
    answer: Mapped[str | None] = mapped_column(Text)
    feedback: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # criteria scores, notes, hint
    score: Mapped[int | None]  # 0 to 100
    retry_of_id: Mapped[int | None] = mapped_column(ForeignKey("interview_answer.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    answered_at: Mapped[datetime | None]
