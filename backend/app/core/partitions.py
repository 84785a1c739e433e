"""Monthly partitions of the append-only time-series tables on PostgreSQL, and retention on both databases.

docs/design.md §3: `job_source_record`, `llm_call`, `application_event` and `notification` only ever grow, and almost
every read asks for recent rows of one user. On PostgreSQL each is `PARTITION BY RANGE (<time column>)` with one
partition per calendar month (`<table>_pYYYYMM`) and a DEFAULT partition (`<table>_default`) that catches anything
outside the months that exist (an imported history from 2019, a clock far in the future), so an insert never
fails because the scheduled task has not run. The primary key is `(id, <time column>)`: PostgreSQL requires every
unique key of a partitioned table to include the partition column. Ids still come from one sequence, so `id`
alone stays unique in practice and the ORM keeps addressing rows by it.

`maintain()` (the daily `db.maintain_partitions` task, and the migration that creates the tables) makes the
partitions for this month and `PARTITION_MONTHS_AHEAD` more. A month whose rows already sit in the DEFAULT
partition gets its table filled from there before it is attached, so attaching never fails.

Retention (`<TABLE>_RETENTION_MONTHS`, 0 = keep forever): a whole month older than the cutoff is detached and
dropped, which costs no more than dropping a table (no DELETE of millions of rows, no vacuum debt); rows older
than the cutoff in the DEFAULT partition are deleted. SQLite keeps plain tables, and retention is a DELETE.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

import structlog
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from app.core.config import Settings

log = structlog.get_logger(__name__)

# table → the time column it is partitioned by
PARTITIONED: dict[str, str] = {
    "job_source_record": "fetched_at",
    "llm_call": "created_at",
    "application_event": "at",
    "notification": "created_at",
}
PARTITION_NAME = re.compile(r"^(?P<table>[a-z_]+)_(?:p(?P<year>\d{4})(?P<month>\d{2})|default)$")


def is_partition_name(name: str) -> bool:
    """A child partition's table name (`notification_p202612`, `notification_default`): not in the models."""
    match = PARTITION_NAME.match(name)
    return bool(match and match["table"] in PARTITIONED)


def month_start(day: date) -> date:
    return date(day.year, day.month, 1)


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def partition_name(table: str, month: date) -> str:
    return f"{table}_p{month.year:04d}{month.month:02d}"


def _bound(month: date) -> str:
    return f"'{month.isoformat()} 00:00:00+00'"


def retention_months(settings: Settings) -> dict[str, int]:
    return {
        "job_source_record": settings.job_source_record_retention_months,
        "llm_call": settings.llm_call_retention_months,
        "application_event": settings.application_event_retention_months,
        "notification": settings.notification_retention_months,
    }


@dataclass
class MaintenanceReport:
    created: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    deleted_rows: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, object]:
        return {"created": self.created, "dropped": self.dropped, "deleted_rows": self.deleted_rows}


async def is_partitioned(conn: AsyncConnection, table: str) -> bool:
    kind = await conn.scalar(text("SELECT relkind::text FROM pg_class WHERE oid = to_regclass(:t)"), {"t": table})
    return kind == "p"


async def existing_partitions(conn: AsyncConnection, table: str) -> dict[str, date | None]:
    """Child partition name → the month it holds (None for DEFAULT)."""
    rows = await conn.execute(
        text(
            "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
            "WHERE i.inhparent = to_regclass(:t)"
        ),
        {"t": table},
    )
    found: dict[str, date | None] = {}
    for (name,) in rows.all():
        match = PARTITION_NAME.match(name)
        if match is None or match["table"] != table:
            continue
        found[name] = date(int(match["year"]), int(match["month"]), 1) if match["year"] else None
    return found


async def ensure_month(conn: AsyncConnection, table: str, month: date) -> bool:
    """Create (or fill from DEFAULT and attach) the partition for `month`; False when it already existed."""
    name = partition_name(table, month)
    if await conn.scalar(text("SELECT to_regclass(:n) IS NOT NULL"), {"n": name}):
        return False
    column = PARTITIONED[table]
    start, end = _bound(month), _bound(add_months(month, 1))
    default = f"{table}_default"
    has_default = bool(await conn.scalar(text("SELECT to_regclass(:n) IS NOT NULL"), {"n": default}))
    probe = f"SELECT EXISTS (SELECT 1 FROM {default} WHERE {column} >= {start} AND {column} < {end})"  # noqa: S608
    stranded = has_default and bool(await conn.scalar(text(probe)))
    if not stranded:
        await conn.execute(text(f"CREATE TABLE {name} PARTITION OF {table} FOR VALUES FROM ({start}) TO ({end})"))
        return True
    # Rows for this month landed in DEFAULT (e.g. an import of old history): move them, then attach.
    await conn.execute(text(f"CREATE TABLE {name} (LIKE {table} INCLUDING DEFAULTS INCLUDING CONSTRAINTS)"))
    await conn.execute(
        text(
            f"WITH moved AS (DELETE FROM {default} WHERE {column} >= {start} AND {column} < {end} RETURNING *) "  # noqa: S608
            f"INSERT INTO {name} SELECT * FROM moved"
        )
    )
    await conn.execute(text(f"ALTER TABLE {table} ATTACH PARTITION {name} FOR VALUES FROM ({start}) TO ({end})"))
    return True


async def ensure_default(conn: AsyncConnection, table: str) -> bool:
    default = f"{table}_default"
    if await conn.scalar(text("SELECT to_regclass(:n) IS NOT NULL"), {"n": default}):
        return False
    await conn.execute(text(f"CREATE TABLE {default} PARTITION OF {table} DEFAULT"))
    return True


async def maintain(conn: AsyncConnection, settings: Settings, now: datetime | None = None) -> MaintenanceReport:
    """Create the coming months' partitions and apply retention. Safe to run any number of times."""
    now = now or datetime.now(UTC)
    report = MaintenanceReport()
    this_month = month_start(now.date())
    keep = retention_months(settings)
    if conn.dialect.name != "postgresql":
        for table, column in PARTITIONED.items():
            if keep[table] > 0:
                cutoff = datetime.combine(add_months(this_month, -keep[table]), datetime.min.time(), tzinfo=UTC)
                delete_old = f"DELETE FROM {table} WHERE {column} < :cutoff"  # noqa: S608 - names from PARTITIONED
                result = await conn.execute(text(delete_old), {"cutoff": cutoff})
                report.deleted_rows[table] = int(result.rowcount or 0)
        return report

    for table, column in PARTITIONED.items():
        if not await is_partitioned(conn, table):
            continue
        if await ensure_default(conn, table):
            report.created.append(f"{table}_default")
        for ahead in range(settings.partition_months_ahead + 1):
            month = add_months(this_month, ahead)
            if await ensure_month(conn, table, month):
                report.created.append(partition_name(table, month))
        if keep[table] <= 0:
            continue
        cutoff_month = add_months(this_month, -keep[table])
        for name, held in sorted((await existing_partitions(conn, table)).items()):
            if held is not None and add_months(held, 1) <= cutoff_month:
                await conn.execute(text(f"ALTER TABLE {table} DETACH PARTITION {name}"))
                await conn.execute(text(f"DROP TABLE {name}"))
                report.dropped.append(name)
        result = await conn.execute(
            text(f"DELETE FROM {table}_default WHERE {column} < {_bound(cutoff_month)}"),  # noqa: S608
        )
        report.deleted_rows[table] = int(result.rowcount or 0)
    if report.created or report.dropped:
        log.info("partitions_maintained", **report.as_dict())
    return report
