"""SQL for sessions (refresh-token families)."""

from __future__ import annotations

from sqlalchemy import exists, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.selectable import Exists

from app.models.user import RefreshToken, User


def _live(user_id: int, family: str) -> Exists:
    # A session lives while its family holds an unrevoked token: rotation swaps one for the next in a single
    # transaction, sign-out, reuse detection and a password change revoke them all (ix_refresh_token_family_revoked_at).
    return exists().where(
        RefreshToken.family == family, RefreshToken.revoked_at.is_(None), RefreshToken.user_id == user_id
    )


async def get_user_in_live_session(session: AsyncSession, user_id: int, family: str) -> User | None:
    """The user, in the same statement as the check that this session has not ended."""
    return await session.scalar(select(User).where(User.id == user_id, _live(user_id, family)))


async def session_is_live(session: AsyncSession, user_id: int, family: str) -> bool:
    return bool(await session.scalar(select(_live(user_id, family))))
