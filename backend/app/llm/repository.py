"""SQL for the AI layer's stored settings, their audit trail, and usage accounting."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models.llm import AIProviderSetting, AuditEvent, LLMCall
from app.models.user import User

SETTINGS_ROW_ID = 1
AUDIT_ACTION = "ai.provider_settings"


async def get_settings_row(session: AsyncSession, *, lock: bool = False) -> AIProviderSetting | None:
    query = select(AIProviderSetting).where(AIProviderSetting.id == SETTINGS_ROW_ID)
    if lock:
        query = query.with_for_update()
    return (await session.execute(query)).scalar_one_or_none()


def add_settings_row(session: AsyncSession) -> AIProviderSetting:
    row = AIProviderSetting(id=SETTINGS_ROW_ID, provider="offline")
    session.add(row)
    return row


def add_audit(session: AsyncSession, event: AuditEvent) -> None:
    session.add(event)


async def recent_changes(session: AsyncSession, limit: int = 10) -> Sequence[tuple[AuditEvent, str | None]]:
    """The latest changes with their author's e-mail (None once that account is deleted)."""
    query = (
        select(AuditEvent, User.email)
        .outerjoin(User, User.id == AuditEvent.actor_id)
        .where(AuditEvent.action == AUDIT_ACTION)
        .order_by(AuditEvent.created_at.desc(), AuditEvent.id.desc())
        .limit(limit)
    )
    return [(event, email) for event, email in (await session.execute(query)).all()]


async def tokens_since(session: AsyncSession, user_id: int, since: datetime) -> int:
    """The user's tokens in `llm_call` rows recorded at or after `since`."""
    query = select(func.coalesce(func.sum(LLMCall.total_tokens), 0)).where(
        LLMCall.user_id == user_id, LLMCall.created_at >= since
    )
    return int((await session.execute(query)).scalar_one())
