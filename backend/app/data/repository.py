"""SQL for exports and account deletion."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Select, String, column, delete, select, table
from sqlalchemy.ext.asyncio import AsyncSession

from app.models.base import utcnow
from app.models.data import DataExport
from app.models.user import User

_REVISION: Select[str] = select(column("version_num", String)).select_from(table("alembic_version")).limit(1)


async def busy_export_id(session: AsyncSession, user_id: int) -> int | None:
    """An export of this user still pending or running, if any."""
    return await session.scalar(
        select(DataExport.id).where(DataExport.user_id == user_id, DataExport.status.in_(("pending", "running")))
    )


async def recent_exports(session: AsyncSession, user_id: int) -> list[DataExport]:
    """The user's ten newest exports."""
    rows = await session.scalars(
        select(DataExport).where(DataExport.user_id == user_id).order_by(DataExport.id.desc()).limit(10)
    )
    return list(rows.all())


async def get_export(session: AsyncSession, user_id: int, export_id: int) -> DataExport | None:
    return await session.scalar(select(DataExport).where(DataExport.id == export_id, DataExport.user_id == user_id))


async def expired_ready_exports(session: AsyncSession) -> Sequence[DataExport]:
    """Ready exports past their expiry (their files are due for removal)."""
    return (
        await session.scalars(select(DataExport).where(DataExport.status == "ready", DataExport.expires_at < utcnow()))
    ).all()


async def delete_user(session: AsyncSession, user_id: int) -> None:
    """Remove the user; every row of theirs goes with it (foreign keys cascade)."""
    await session.execute(delete(User).where(User.id == user_id))


async def schema_revision(session: AsyncSession) -> str | None:
    """The Alembic revision the database is at (written into an export, so an import knows what it reads)."""
    revision: str | None = await session.scalar(_REVISION)
    return revision
