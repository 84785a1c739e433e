"""Alembic environment: async engine from Settings (or the URL a caller put in the config), batch mode for SQLite."""

from __future__ import annotations

import asyncio
from typing import Any

from alembic import context
from sqlalchemy.engine import Connection

from app.core.config import get_settings
from app.core.db import make_engine
from app.core.partitions import is_partition_name
from app.models import Base

config = context.config
target_metadata = Base.metadata

# Dialect-specific objects (FTS5 tables, tsvector columns and GIN indexes, partitions) are created by
# hand-written, dialect-guarded migration steps; autogenerate must not try to drop or recreate them.
EXCLUDED_TABLE_PREFIXES = ("job_posting_fts",)
EXCLUDED_NAMES = {
    "search_vector",
    "ix_job_posting_search_vector",
    "ix_job_posting_fts_visibility",
    "ix_job_posting_company_trgm",  # pg_trgm GIN, PostgreSQL only (0011)
    "ix_job_posting_location_trgm",
}


def include_object(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
    if type_ == "table" and name and (name.startswith(EXCLUDED_TABLE_PREFIXES) or is_partition_name(name)):
        return False  # the monthly partitions of app/core/partitions.py are made by migration 0012 and a task
    return name not in EXCLUDED_NAMES


def do_run_migrations(connection: Connection) -> None:
    if connection.dialect.name != "sqlite":
        _run(connection)
        return
    _sqlite_foreign_keys(connection, on=False)
    _run(connection)
    _check_sqlite_foreign_keys(connection)
    if not connection.in_transaction():  # a comparison (`alembic check`) leaves its read open; the engine goes next
        _sqlite_foreign_keys(connection, on=True)


def _sqlite_foreign_keys(connection: Connection, *, on: bool) -> None:
    """SQLite changes a column by copying its table and dropping the old one (batch mode). With foreign keys on,
    that DROP deletes every row that refers to the table through ON DELETE CASCADE: upgrading 0003 to 0004 emptied
    `refresh_token` and every other table of users. So migrations run with them off, as SQLite's documented
    procedure for schema changes says, and the references are checked afterwards. The PRAGMA is a no-op inside a
    transaction, so it goes to the driver before Alembic begins one."""
    if connection.in_transaction():
        raise RuntimeError("migrations on SQLite must start outside a transaction (foreign keys are switched off)")
    cursor = connection.connection.cursor()
    try:
        cursor.execute(f"PRAGMA foreign_keys={'ON' if on else 'OFF'}")
    finally:
        cursor.close()


def _check_sqlite_foreign_keys(connection: Connection) -> None:
    cursor = connection.connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_key_check")
        broken = cursor.fetchall()
    finally:
        cursor.close()
    if broken:
        raise RuntimeError(f"after the migration, rows refer to rows that do not exist: {broken[:10]}")


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        include_object=include_object,
    )
    with context.begin_transaction():
        context.run_migrations()


async def run_async_migrations() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        do_run_migrations(connection)
        return
    settings = config.attributes.get("settings") or get_settings()
    engine = make_engine(settings)
    try:
        async with engine.connect() as conn:
            await conn.run_sync(do_run_migrations)
            await conn.commit()
    finally:
        await engine.dispose()


def run_offline() -> None:
    settings = config.attributes.get("settings") or get_settings()
    context.configure(url=settings.async_database_url, target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_offline()
elif config.attributes.get("connection") is not None:
    do_run_migrations(config.attributes["connection"])
else:
    asyncio.run(run_async_migrations())
