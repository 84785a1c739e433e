"""SQL for achievements and the figures their rules read, always scoped to one user."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import Row, case, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.db import local_date, upsert_insert
from app.models.application import Application
from app.models.base import utcnow
from app.models.progress import Achievement
from app.models.user import UserSkill


async def applied_per_local_day(
    session: AsyncSession, user_id: int, tz: str, applied_from: datetime | None = None
) -> Sequence[Row[str, int]]:
    """(local day 'YYYY-MM-DD' or None, applications sent) rows, grouped in SQL by `applied_at` in timezone `tz`;
    with `applied_from`, only applications sent from that moment on."""
    day = local_date(session, Application.applied_at, tz).label("day")
    query = (
        select(day, func.count())
        .where(Application.user_id == user_id, Application.applied_at.is_not(None))
        .group_by(day)
    )
    if applied_from is not None:
        query = query.where(Application.applied_at >= applied_from)
    return (await session.execute(query)).all()


async def pipeline_counts(session: AsyncSession, user_id: int) -> tuple[int, int, int, int]:
    """(tracked, applied, interviewed, offered): applications, and those whose furthest stage reached (the
    `reached_stage` rollup, kept on every move) is at least Applied, Interview, Offer; one statement."""
    stage = Application.reached_stage
    row = (
        await session.execute(
            select(
                func.count(),
                func.coalesce(func.sum(case((stage >= 1, 1), else_=0)), 0),
                func.coalesce(func.sum(case((stage >= 2, 1), else_=0)), 0),
                func.coalesce(func.sum(case((stage >= 3, 1), else_=0)), 0),
            ).where(Application.user_id == user_id)
        )
    ).one()
    tracked, applied, interviewed, offered = (int(v) for v in row)
    return tracked, applied, interviewed, offered


async def skill_count(session: AsyncSession, user_id: int) -> int:
    counted = await session.scalar(select(func.count()).select_from(UserSkill).where(UserSkill.user_id == user_id))
    return int(counted or 0)


async def earned(session: AsyncSession, user_id: int) -> Sequence[Row[str, datetime]]:
    """(code, awarded_at) of every achievement the user has earned."""
    rows = await session.execute(select(Achievement.code, Achievement.awarded_at).where(Achievement.user_id == user_id))
    return rows.all()


async def count_earned(session: AsyncSession, user_id: int) -> int:
    earned = await session.scalar(select(func.count()).select_from(Achievement).where(Achievement.user_id == user_id))
    return int(earned or 0)


async def award(session: AsyncSession, user_id: int, code: str) -> int | None:
    """Insert the achievement unless the user has it (unique user_id + code): its id when this insert won, None when
    it was already there."""
    insert = upsert_insert(session)
    return await session.scalar(
        insert(Achievement)
        .values(user_id=user_id, code=code, awarded_at=utcnow())
        .on_conflict_do_nothing(index_elements=["user_id", "code"])
        .returning(Achievement.id)
    )
