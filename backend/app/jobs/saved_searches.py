"""SQL for saved searches, always scoped to one user."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import delete as sql_delete
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.models.sources import SavedSearch


async def list_for(session: AsyncSession, user_id: int) -> Sequence[SavedSearch]:
    return (
        await session.scalars(select(SavedSearch).where(SavedSearch.user_id == user_id).order_by(SavedSearch.id))
    ).all()


async def create(session: AsyncSession, user_id: int, fields: dict[str, Any]) -> SavedSearch:
    row = SavedSearch(user_id=user_id, **fields)
    session.add(row)
    await session.flush()
    return row


async def delete(session: AsyncSession, user_id: int, search_id: int) -> bool:
    """Whether the search existed and was this user's."""
    result = await session.execute(
        sql_delete(SavedSearch).where(SavedSearch.id == search_id, SavedSearch.user_id == user_id)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]
