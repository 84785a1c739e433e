"""Dependencies every router shares: settings, the request's session, the rate limiter, the mailer (the signed-in
user is `app.auth.dependencies.CurrentUser`)."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.exceptions import RequestValidationError
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.requests import HTTPConnection

from app.core.config import Settings
from app.core.db import sqlite_deferred_begin
from app.core.mail import Mailer
from app.core.ratelimit import RateLimiter


async def get_settings(request: Request) -> Settings:
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


async def get_rate_limiter(request: Request) -> RateLimiter:
    return request.app.state.rate_limiter


async def get_mailer(request: Request) -> Mailer:
    return request.app.state.mailer


SettingsDep = Annotated[Settings, Depends(get_settings)]
SessionDep = Annotated[AsyncSession, Depends(get_session)]
RateLimiterDep = Annotated[RateLimiter, Depends(get_rate_limiter)]
MailerDep = Annotated[Mailer, Depends(get_mailer)]


def client_ip(request: Request) -> str:
    # ProxyHeadersMiddleware has already replaced this with X-Forwarded-For when the peer is trusted.
    return request.client.host if request.client else "unknown"


_NUL_MESSAGE = "Text must not contain NUL characters (\\u0000)"


def _nul_in(value: Any, loc: tuple[str | int, ...]) -> tuple[str | int, ...] | None:
    """Where in a parsed JSON value a string (or key) holds a NUL character, if anywhere."""
    if isinstance(value, str):
        return loc if "\x00" in value else None
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        found = (*loc, key) if isinstance(key, str) and "\x00" in key else _nul_in(item, (*loc, key))
        if found is not None:
            return found
    return None


async def reject_nul_characters(conn: HTTPConnection) -> None:
    """Every API route: a NUL character in the path, the query string or a JSON body is a 422 here, the same on
    both databases (PostgreSQL cannot store one in text and would answer 500; SQLite would keep it)."""
    loc: tuple[str | int, ...] | None = None
    if "\x00" in conn.url.path:
        loc = ("path",)
    for key, value in conn.query_params.multi_items():
        if loc is None and ("\x00" in key or "\x00" in value):
            loc = ("query", key)
    if loc is None and isinstance(conn, Request) and "json" in conn.headers.get("content-type", ""):
        body = await conn.body()  # already read (and kept) by FastAPI for the body parameter
        if b"\\u0000" in body:  # the only way JSON spells NUL; parsed to tell it from an escaped backslash
            try:
                loc = _nul_in(json.loads(body), ("body",))
            except ValueError:
                return  # not JSON: FastAPI answers that itself
    if loc is not None:
        raise RequestValidationError([{"type": "string_nul", "loc": loc, "msg": _NUL_MESSAGE, "input": None}])
