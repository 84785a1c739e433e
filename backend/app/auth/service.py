"""Accounts and sessions: register, sign in, refresh-token rotation with reuse detection, passwords."""

from __future__ import annotations

import asyncio
import uuid
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.auth import repository
from app.auth.exceptions import (
    EmailTaken,
    InvalidCredentials,
    InvalidRefreshToken,
    InvalidResetToken,
    RefreshTokenReused,
    RegistrationClosed,
    WeakPassword,
    WrongPassword,
)
from app.auth.passwords import password_problem
from app.auth.schemas import RegisterRequest
from app.core import security
from app.core.config import Settings
from app.models.base import utcnow
from app.models.user import RefreshToken, User


@dataclass(frozen=True)
class IssuedTokens:
    user: User
    access_token: str
    refresh_token: str
    expires_in: int


def _check_password(settings: Settings, password: str, email: str) -> None:
    problem = password_problem(password, email, settings.password_min_length)
    if problem:
        raise WeakPassword(problem)


def make_access_token(settings: Settings, user: User, session_id: str) -> str:
    """A signed access token. Its `sid` names the session (refresh-token family) that ends it early: every access
    token belongs to one, so sign-out, a password change or reset ends every token issued before it."""
    return security.encode_token(
        settings.signing_key,
        str(user.id),
        "access",
        timedelta(seconds=settings.access_token_ttl_seconds),
        sid=session_id,
    )


async def register(session: AsyncSession, settings: Settings, data: RegisterRequest) -> User:
    if not settings.allow_registration:
        raise RegistrationClosed()
    email = data.email.lower()
    _check_password(settings, data.password, email)
    if await repository.get_by_email(session, email):
        raise EmailTaken()
    first_user = not await repository.any_user_exists(session)
    user = User(
        email=email,
        hashed_password=await asyncio.to_thread(security.hash_password, data.password),
        full_name=data.full_name,
        timezone=data.timezone or "UTC",
        is_admin=first_user,
        onboarding_step="welcome",
        password_changed_at=utcnow(),
    )
    session.add(user)
    await session.flush()
    return user


async def authenticate(session: AsyncSession, email: str, password: str) -> User:
    user = await repository.get_by_email(session, email)
    # argon2 takes ~0.2 s of CPU by design: keep it off the event loop.
    valid, new_hash = await asyncio.to_thread(
        security.password_hash.verify_and_update,
        password,
        user.hashed_password if user and user.hashed_password else security.dummy_hash(),
    )
    if user is None or not user.hashed_password or not valid or not user.is_active:
        raise InvalidCredentials()
    if new_hash:
        user.hashed_password = new_hash
    return user


async def issue_tokens(
    session: AsyncSession,
    settings: Settings,
    user: User,
    *,
    family: str | None = None,
    user_agent: str | None,
) -> IssuedTokens:
    raw = security.new_opaque_token()
    family = family or str(uuid.uuid4())
    session.add(
        RefreshToken(
            user_id=user.id,
            token_hash=security.sha256_hex(raw),
            family=family,
            expires_at=utcnow() + timedelta(days=settings.refresh_token_ttl_days),
            user_agent=(user_agent or "")[:255] or None,
        )
    )
    await session.flush()
    access = make_access_token(settings, user, family)
    return IssuedTokens(user, access, raw, settings.access_token_ttl_seconds)


async def rotate(session: AsyncSession, settings: Settings, raw: str | None, user_agent: str | None) -> IssuedTokens:
    """Trade a refresh token for a new pair. A token presented twice revokes its family (the caller commits)."""
    if not raw:
        raise InvalidRefreshToken("You are not signed in.")
    row = await repository.get_refresh_token(session, security.sha256_hex(raw))
    if row is None:
        raise InvalidRefreshToken()
    if row.revoked_at is not None:
        # Reuse detection: a revoked token presented again was stolen (or replayed); end the whole session.
        await repository.revoke_family(session, row.family)
        raise RefreshTokenReused()
    if row.expires_at <= utcnow():
        raise InvalidRefreshToken("Your session has expired. Please sign in again.")
    user = await repository.get_by_id(session, row.user_id)
    if user is None or not user.is_active:
        raise InvalidRefreshToken()
    row.revoked_at = utcnow()
    return await issue_tokens(session, settings, user, family=row.family, user_agent=user_agent)


async def logout(session: AsyncSession, raw: str | None) -> None:
    """End this session: its refresh tokens, and with them its access tokens (their `sid`). Other devices stay
    signed in; a password change or reset is what ends them all."""
    if not raw:
        return
    row = await repository.get_refresh_token(session, security.sha256_hex(raw))
    if row is not None:
        await repository.revoke_family(session, row.family)


async def change_password(session: AsyncSession, settings: Settings, user: User, current: str, new: str) -> None:
    if not await asyncio.to_thread(security.verify_password, current, user.hashed_password):
        raise WrongPassword()
    _check_password(settings, new, user.email)
    await _set_password(session, user, new)


async def _set_password(session: AsyncSession, user: User, new: str) -> None:
    user.hashed_password = await asyncio.to_thread(security.hash_password, new)
    user.password_changed_at = utcnow()
    # A new password ends every session, on every device: whoever knew the old one is signed out.
    await repository.revoke_user_sessions(session, user.id)
    await session.flush()


def _password_fingerprint(user: User) -> str:
    # Changes whenever the password does, so a reset link works once and dies with the old password.
    return security.sha256_hex(user.hashed_password or f"no-password-{user.id}")[:16]


def make_reset_token(settings: Settings, user: User) -> str:
    return security.encode_token(
        settings.signing_key,
        str(user.id),
        "password_reset",
        timedelta(seconds=settings.password_reset_ttl_seconds),
        pwd=_password_fingerprint(user),
    )


def reset_link(settings: Settings, user: User) -> str:
    return f"{settings.public_url.rstrip('/')}/reset-password?token={make_reset_token(settings, user)}"


async def reset_password(session: AsyncSession, settings: Settings, token: str, new: str) -> User:
    claims = security.decode_token(settings.signing_key, token, "password_reset")
    if claims is None or not str(claims["sub"]).isdigit():
        raise InvalidResetToken()
    user = await repository.get_by_id(session, int(claims["sub"]))
    if user is None or not user.is_active or claims.get("pwd") != _password_fingerprint(user):
        raise InvalidResetToken()
    _check_password(settings, new, user.email)
    await _set_password(session, user, new)
    return user


def access_claims(settings: Settings, token: str) -> dict[str, Any] | None:
    """The claims of a valid, unexpired access token naming its session, else None. Whether the session still lives
    is not checked. A token without a session (signed by an older release, or by hand) is refused: nothing could
    end it before it expires."""
    claims = security.decode_token(settings.signing_key, token, "access")
    if claims is None or not str(claims["sub"]).isdigit():
        return None
    sid = claims.get("sid")
    if not isinstance(sid, str) or not 0 < len(sid) <= 64:
        return None
    return claims


async def user_from_access_token(session: AsyncSession, settings: Settings, token: str) -> User | None:
    """The active user of a valid access token whose session has not ended (sign-out, password change or reset)."""
    claims = access_claims(settings, token)
    if claims is None:
        return None
    user = await repository.get_user_in_live_session(session, int(claims["sub"]), claims["sid"])
    return user if user is not None and user.is_active else None


async def session_is_live(session: AsyncSession, user_id: int, session_id: str) -> bool:
    """Whether a session has not ended since its access token was checked (a socket asks now and then)."""
    return await repository.session_is_live(session, user_id, session_id)
