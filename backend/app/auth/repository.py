"""SQL for accounts, sessions (refresh-token families), sign-in providers and their housekeeping."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import delete, exists, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.selectable import Exists

from app.models.base import utcnow
from app.models.oauth import OAuthAccount, OAuthFlow
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


async def get_refresh_token(session: AsyncSession, token_hash: str) -> RefreshToken | None:
    """The refresh token with this hash, revoked or not (a revoked one presented again is a reuse)."""
    return await session.scalar(select(RefreshToken).where(RefreshToken.token_hash == token_hash))


async def revoke_family(session: AsyncSession, family: str) -> None:
    """End one session: every unrevoked token of its family (sign-out, or reuse of a stolen token detected)."""
    await session.execute(
        update(RefreshToken)
        .where(RefreshToken.family == family, RefreshToken.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    )


async def revoke_user_sessions(session: AsyncSession, user_id: int) -> None:
    """End every session of the user, on every device (a password change or reset)."""
    await session.execute(
        update(RefreshToken)
        .where(RefreshToken.user_id == user_id, RefreshToken.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    )


async def delete_flows_started_before(session: AsyncSession, before: datetime) -> None:
    await session.execute(delete(OAuthFlow).where(OAuthFlow.created_at < before))


async def get_oauth_account(session: AsyncSession, provider: str, subject: str) -> OAuthAccount | None:
    """The account linked to this provider identity, whoever's it is."""
    return await session.scalar(
        select(OAuthAccount).where(OAuthAccount.provider == provider, OAuthAccount.subject == subject)
    )


async def get_user_oauth_account(session: AsyncSession, user_id: int, provider: str) -> OAuthAccount | None:
    return await session.scalar(
        select(OAuthAccount).where(OAuthAccount.user_id == user_id, OAuthAccount.provider == provider)
    )


async def list_oauth_accounts(session: AsyncSession, user_id: int) -> list[OAuthAccount]:
    rows = await session.scalars(
        select(OAuthAccount).where(OAuthAccount.user_id == user_id).order_by(OAuthAccount.provider)
    )
    return list(rows)


async def count_other_oauth_accounts(session: AsyncSession, user_id: int, account_id: int) -> int:
    """How many providers the user has linked besides this one."""
    count = await session.scalar(
        select(func.count())
        .select_from(OAuthAccount)
        .where(OAuthAccount.user_id == user_id, OAuthAccount.id != account_id)
    )
    return int(count or 0)
