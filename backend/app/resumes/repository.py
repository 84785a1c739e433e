"""SQL for resumes: the user's list and count, the one the other features read, and the structure backfill."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import ColumnElement, and_, delete, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models.resume import Resume, ResumeStatus
from app.resumes.structure import STRUCTURE_VERSION


async def count_of_user(session: AsyncSession, user_id: int) -> int:
    return await session.scalar(select(func.count()).select_from(Resume).where(Resume.user_id == user_id)) or 0


async def latest_ready(session: AsyncSession, user_id: int) -> Resume | None:
    return await session.scalar(
        select(Resume)
        .where(Resume.user_id == user_id, Resume.status == ResumeStatus.ready)
        .order_by(Resume.created_at.desc(), Resume.id.desc())
        .limit(1)
    )


async def get_owned(session: AsyncSession, user_id: int, resume_id: int) -> Resume | None:
    return await session.scalar(select(Resume).where(Resume.id == resume_id, Resume.user_id == user_id))


async def list_page(session: AsyncSession, user_id: int, offset: int, limit: int) -> tuple[list[Resume], int]:
    """A page of the user's resumes, newest first, and how many they have."""
    where = Resume.user_id == user_id
    total = await session.scalar(select(func.count()).select_from(Resume).where(where)) or 0
    rows = await session.scalars(
        select(Resume).where(where).order_by(Resume.created_at.desc(), Resume.id.desc()).offset(offset).limit(limit)
    )
    return list(rows.all()), total


async def delete_resume(session: AsyncSession, resume_id: int) -> None:
    await session.execute(delete(Resume).where(Resume.id == resume_id))


def _stale_structure() -> ColumnElement[bool]:
    """No structure yet, or one read by an older parser (an edited or imported one is the user's: never stale)."""
    return or_(
        Resume.structure.is_(None),
        and_(Resume.structure_origin == "parsed", Resume.structure_version != STRUCTURE_VERSION),
    )


async def stale_structure_ids(session: AsyncSession, limit: int) -> list[int]:
    """Ids of read resumes whose structure the backfill should (re)write, oldest first."""
    rows = await session.scalars(
        select(Resume.id)
        .where(Resume.status == ResumeStatus.ready, _stale_structure())
        .order_by(Resume.id)
        .limit(limit)
    )
    return list(rows.all())


async def stale_structure_batch(session: AsyncSession, ids: Sequence[int]) -> Sequence[Resume]:
    """Those of `ids` still stale (a resume edited since the ids were read is left alone)."""
    rows = await session.scalars(select(Resume).where(Resume.id.in_(ids), _stale_structure()))
    return rows.all()
