"""Dependencies every router shares: settings, the request's session, the current user."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.ext.asyncio import AsyncSession

from app.auth import service as auth_service
from app.core.config import Settings
from app.core.db import sqlite_deferred_begin
from app.core.exceptions import Forbidden, Unauthorized
from app.core.mail import Mailer
from app.core.ratelimit import RateLimiter
from app.models.user import User


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


async def get_session(request: Request) -> AsyncIterator[AsyncSession]:
    """The request's unit of work. `CommittingRoute` commits it before the response is sent."""
    token = sqlite_deferred_begin.set(request.method in ("GET", "HEAD", "OPTIONS"))
    session: AsyncSession = request.app.state.session_factory()
    request.state.db_session = session
    try:
        yield session
    finally:
        request.state.db_session = None
        await session.close()
        sqlite_deferred_begin.reset(token)


async def end_transaction(session: AsyncSession) -> None:
    """Commit what the request has read or written so far, before it waits on another server (an LLM, a job
    board, an OAuth provider): no transaction is held across network I/O (docs/architecture.md). The request's
    next query begins a new, short one."""
    await session.commit()


def get_rate_limiter(request: Request) -> RateLimiter:
    return request.app.state.rate_limiter


def get_mailer(request: Request) -> Mailer:
    return request.app.state.mailer


SettingsDep = Annotated[Settings, Depends(get_settings)]
SessionDep = Annotated[AsyncSession, Depends(get_session)]
RateLimiterDep = Annotated[RateLimiter, Depends(get_rate_limiter)]
MailerDep = Annotated[Mailer, Depends(get_mailer)]

_bearer = HTTPBearer(auto_error=False, description="Access token from /api/v1/auth/login")


async def get_current_user(
    session: SessionDep,
    settings: SettingsDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> User:
    if credentials is None:
        raise Unauthorized("Sign in to continue.")
    user = await auth_service.user_from_access_token(session, settings, credentials.credentials)
    if user is None:
        raise Unauthorized("Your sign-in has expired. Please sign in again.", code="invalid_token")
    return user


CurrentUser = Annotated[User, Depends(get_current_user)]


async def get_admin_user(user: CurrentUser) -> User:
    if not user.is_admin:
        raise Forbidden("Only an administrator can do this.")
    return user


AdminUser = Annotated[User, Depends(get_admin_user)]


def client_ip(request: Request) -> str:
    # ProxyHeadersMiddleware has already replaced this with X-Forwarded-For when the peer is trusted.
    return request.client.host if request.client else "unknown"
