"""Usage accounting for AI calls: one `llm_call` row per request to a provider or answer from the cache. Per-user
daily budgets and the AI status page sum it (index on user and time)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, TimestampMixin, utcnow

LLM_CALL_STATUSES = ("ok", "error", "cancelled")


class LLMCall(TimestampMixin, Base):
    __tablename__ = "llm_call"
    __table_args__ = (Index("ix_llm_call_user_id_created_at", "user_id", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"))
    purpose: Mapped[str] = mapped_column(String(80))
    provider: Mapped[str] = mapped_column(String(40))
    model: Mapped[str] = mapped_column(String(200))
    prompt_version: Mapped[str] = mapped_column(String(80))
    input_hash: Mapped[str] = mapped_column(String(64))
    prompt_tokens: Mapped[int] = mapped_column(default=0)
    completion_tokens: Mapped[int] = mapped_column(default=0)
    total_tokens: Mapped[int] = mapped_column(default=0)
    latency_ms: Mapped[int] = mapped_column(default=0)
    cache_hit: Mapped[bool] = mapped_column(default=False)
    cost_usd: Mapped[float | None]
    status: Mapped[str] = mapped_column(String(16), default="ok")
    error: Mapped[str | None] = mapped_column(Text)


class AIProviderSetting(Base):
    """The AI provider an administrator chose in Settings (one row, id 1). Environment variables, when set, win
    field by field. The API key is sealed with `core.secrets_box` (never stored or returned in clear)."""

    __tablename__ = "ai_provider_setting"

    id: Mapped[int] = mapped_column(primary_key=True)
    provider: Mapped[str] = mapped_column(String(40), default="offline")
    model: Mapped[str | None] = mapped_column(String(200))
    base_url: Mapped[str | None] = mapped_column(String(500))
    api_key_sealed: Mapped[str | None] = mapped_column(Text)
    daily_token_budget: Mapped[int | None]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)  # who: the latest `audit_event`


class AuditEvent(Base):
    """An administrator's change to how the server works (AI provider today); `detail` never holds a secret. The
    row outlives its author's account (actor set to NULL: no personal data stays behind)."""

    __tablename__ = "audit_event"
    __table_args__ = (Index("ix_audit_event_action_created_at", "action", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    action: Mapped[str] = mapped_column(String(80))
    summary: Mapped[str] = mapped_column(String(1000))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
