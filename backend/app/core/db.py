"""Async engine and sessions. SQLite gets WAL, a busy timeout, foreign keys and `BEGIN IMMEDIATE` for writers."""

from __future__ import annotations

import contextvars
import functools
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, case, event, func
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine

from app.core.config import Settings

# A read-only request (GET/HEAD) may start a deferred transaction; everything else starts IMMEDIATE so a
# writer takes SQLite's write lock up front instead of failing with SQLITE_BUSY_SNAPSHOT half-way (WAL).
sqlite_deferred_begin: contextvars.ContextVar[bool] = contextvars.ContextVar("sqlite_deferred", default=False)

SQLITE_BUSY_TIMEOUT_MS = 15_000
# Moments whose local day has a name in every timezone (years 1 to 9999). Older rows may hold others: asyncpg stores
# 0001-01-01 00:00 as -infinity, and 9999-12-31 in UTC+14 is in year 10000. Their local day is NULL on both databases.
NAMEABLE_DAYS = (datetime(1, 1, 2, tzinfo=UTC), datetime(9999, 12, 30, tzinfo=UTC))


def _install_sqlite_pragmas(engine: AsyncEngine) -> None:
    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let us issue BEGIN ourselves (pysqlite's implicit BEGIN is always deferred).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()
        # PostgreSQL converts to a user's timezone in SQL (AT TIME ZONE); SQLite gets the same as a function.
        dbapi_connection.create_function("copilot_local_date", 2, _local_date, deterministic=True)

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN" if sqlite_deferred_begin.get() else "BEGIN IMMEDIATE")


@functools.lru_cache(maxsize=512)
def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (KeyError, ValueError):
        return ZoneInfo("UTC")


def _local_date(value: str | None, tz: str) -> str | None:
    """'YYYY-MM-DD' of a stored UTC timestamp in the timezone `tz` (SQLite side of `local_date()`)."""
    if value is None:
        return None
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    if not NAMEABLE_DAYS[0] <= moment <= NAMEABLE_DAYS[1]:
        return None
    return moment.astimezone(_zone(tz)).date().isoformat()


def local_date(session: AsyncSession, column: Any, tz: str) -> ColumnElement[str]:
    """SQL for the calendar date ('YYYY-MM-DD') of a UTC timestamp column in the user's timezone (NULL outside
    NAMEABLE_DAYS)."""
    if dialect_of(session) == "sqlite":
        return func.copilot_local_date(column, tz)
    return case((column.between(*NAMEABLE_DAYS), func.to_char(func.timezone(tz, column), "YYYY-MM-DD")), else_=None)


def seconds_between(session: AsyncSession | str, start: Any, end: Any) -> Any:
    """SQL for the seconds from `start` to `end` (timestamps) on either database (a session or dialect name)."""
    dialect = session if isinstance(session, str) else dialect_of(session)
    if dialect == "sqlite":
        return (func.julianday(end) - func.julianday(start)) * 86400.0
    return func.extract("epoch", end - start)


def make_engine(settings: Settings, pool_size: int | None = None) -> AsyncEngine:
    """The engine for a process. PostgreSQL pools are sized per process (DB_POOL_SIZE + DB_MAX_OVERFLOW
    connections at most; a Celery worker thread passes its own, smaller size): the reasoning is in
    docs/decisions/013-database-at-scale.md."""
    url = make_url(settings.async_database_url)
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:":
            from pathlib import Path

            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_async_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
        _install_sqlite_pragmas(engine)
        return engine
    size = pool_size or settings.db_pool_size
    return create_async_engine(
        url,
        pool_size=size,
        max_overflow=settings.db_max_overflow if pool_size is None else size,
        pool_timeout=settings.db_pool_timeout_seconds,
        pool_pre_ping=True,  # a connection PostgreSQL or a proxy closed is replaced, not handed to a request
        pool_recycle=settings.db_pool_recycle_seconds,
    )


def make_session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """The process's sessions. The first call installs the cache's commit hooks (`core.cache_invalidation`), so
    every process that writes through the app (web, worker, CLI) bumps the cache tags its writes touch; importing a
    module installs nothing."""
    from app.core import cache_invalidation

    cache_invalidation.install()
    return async_sessionmaker(engine, expire_on_commit=False, autoflush=True)


@asynccontextmanager
async def session_scope(factory: async_sessionmaker[AsyncSession]) -> AsyncIterator[AsyncSession]:
    """A unit of work outside a request (CLI, tasks): commit on success, roll back on error."""
    async with factory() as session:
        try:
            yield session
            await session.commit()
        except BaseException:
            await session.rollback()
            raise


@asynccontextmanager
async def read_scope(factory: async_sessionmaker[AsyncSession]) -> AsyncIterator[AsyncSession]:
    """A short read outside a request: on SQLite a deferred transaction (no write lock), closed on exit."""
    token = sqlite_deferred_begin.set(True)
    try:
        async with factory() as session:
            yield session
    finally:
        sqlite_deferred_begin.reset(token)


def upsert_insert(session: AsyncSession) -> Any:
    """The dialect's `insert` (PostgreSQL or SQLite), which has `on_conflict_do_nothing/do_update`."""
    from sqlalchemy.dialects.postgresql import insert as pg_insert
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return pg_insert if dialect_of(session) == "postgresql" else sqlite_insert


def dialect_of(session: AsyncSession) -> str:
    """ "sqlite" or "postgresql": the few queries that differ (full-text search) branch on this."""
    bind = session.bind
    assert bind is not None, "session is not bound to an engine"
    return bind.dialect.name
