"""Async engine and sessions. SQLite gets WAL, a busy timeout, foreign keys and `BEGIN IMMEDIATE` for writers."""

from __future__ import annotations

import contextvars
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine

from app.core.config import Settings

# A read-only request (GET/HEAD) may start a deferred transaction; everything else starts IMMEDIATE so a
# writer takes SQLite's write lock up front instead of failing with SQLITE_BUSY_SNAPSHOT half-way (WAL).
sqlite_deferred_begin: contextvars.ContextVar[bool] = contextvars.ContextVar("sqlite_deferred", default=False)

SQLITE_BUSY_TIMEOUT_MS = 15_000


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

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN" if sqlite_deferred_begin.get() else "BEGIN IMMEDIATE")


def make_engine(settings: Settings, pool_size: int = 10) -> AsyncEngine:
    url = make_url(settings.async_database_url)
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:":
            from pathlib import Path

            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_async_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
        _install_sqlite_pragmas(engine)
        return engine
    return create_async_engine(
        url, pool_size=pool_size, max_overflow=2 * pool_size, pool_pre_ping=True, pool_recycle=1800
    )


def make_session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
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


def dialect_of(session: AsyncSession) -> str:
    """ "sqlite" or "postgresql": the few queries that differ (full-text search) branch on this."""
    bind = session.bind
    assert bind is not None, "session is not bound to an engine"
    return bind.dialect.name
