"""SQL for accounts and sessions (refresh-token families) and their housekeeping."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import delete, exists, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.selectable import Exists

from app.models.oauth import OAuthFlow
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


async def purge_expired(session: AsyncSession, flows_before: datetime) -> int:
    """Drop refresh tokens past their expiry and sign-in flows started before `flows_before`; how many went."""
    # Revoked but unexpired tokens stay: they are what detects the reuse of a stolen token.
    tokens = await session.execute(delete(RefreshToken).where(RefreshToken.expires_at < datetime.now(UTC)))
    flows = await session.execute(delete(OAuthFlow).where(OAuthFlow.created_at < flows_before))
    return int(tokens.rowcount or 0) + int(flows.rowcount or 0)  # type: ignore[attr-defined]


async def get_by_email(session: AsyncSession, email: str) -> User | None:
    return await session.scalar(select(User).where(User.email == email.lower()))


async def get_by_id(session: AsyncSession, user_id: int) -> User | None:
    return await session.get(User, user_id)


async def any_user_exists(session: AsyncSession) -> bool:
    return bool(await session.scalar(select(exists().where(User.id.is_not(None)))))
