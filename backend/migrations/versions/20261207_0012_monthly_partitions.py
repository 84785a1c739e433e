"""monthly partitions for the time-series tables (PostgreSQL)

On PostgreSQL `job_source_record`, `llm_call`, `application_event` and `notification` become tables partitioned
by month on their time column (app/core/partitions.py): the primary key becomes (id, <time column>), the rows are
copied into partitions, and the indexes and foreign keys are recreated as they were. SQLite keeps plain tables.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07
"""

from __future__ import annotations

from datetime import UTC, datetime

from alembic import op
from sqlalchemy import Connection, text

from app.core.partitions import PARTITIONED, add_months, month_start, partition_name

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

MONTHS_AHEAD = 3
MONTHS_BACK = 24  # months with existing rows get their own partition; anything older goes to DEFAULT


def _definitions(conn: Connection, table: str) -> tuple[list[str], list[tuple[str, str]]]:
    """The table's secondary index DDL and its foreign keys (name, definition), before it is renamed."""
    indexes = [
        row[0]
        for row in conn.execute(
            text("SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = :t AND indexname <> :pk"),
            {"t": table, "pk": f"pk_{table}"},
        )
    ]
    fks = [
        (row[0], row[1])
        for row in conn.execute(
            text(
                "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
                "WHERE conrelid = to_regclass(:t) AND contype = 'f' ORDER BY conname"
            ),
            {"t": table},
        )
    ]
    return indexes, fks


def _index_names(conn: Connection, table: str) -> list[str]:
    return [
        row[0]
        for row in conn.execute(
            text(
                "SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND tablename = :t AND indexname <> :pk"
            ),
            {"t": table, "pk": f"pk_{table}"},
        )
    ]


def _rebuild(conn: Connection, table: str, column: str, partitioned: bool) -> None:
    """Recreate `table` partitioned (or plain, for downgrade) with the same columns, rows, indexes and keys."""
    indexes, fks = _definitions(conn, table)
    old = f"{table}_old"
    for name in _index_names(conn, table):
        conn.execute(text(f"DROP INDEX {name}"))
    conn.execute(text(f"ALTER TABLE {table} RENAME TO {old}"))
    conn.execute(text(f"ALTER TABLE {old} RENAME CONSTRAINT pk_{table} TO pk_{old}"))
    for name, _ in fks:
        conn.execute(text(f"ALTER TABLE {old} DROP CONSTRAINT {name}"))
    suffix = f" PARTITION BY RANGE ({column})" if partitioned else ""
    conn.execute(text(f"CREATE TABLE {table} (LIKE {old} INCLUDING DEFAULTS){suffix}"))
    key = f"id, {column}" if partitioned else "id"
    conn.execute(text(f"ALTER TABLE {table} ADD CONSTRAINT pk_{table} PRIMARY KEY ({key})"))
    if partitioned:
        this_month = month_start(datetime.now(UTC).date())
        oldest = conn.scalar(text(f"SELECT min({column}) FROM {old}"))  # noqa: S608 - names from PARTITIONED
        first = max(month_start(oldest.date()), add_months(this_month, -MONTHS_BACK)) if oldest else this_month
        month = min(first, this_month)
        while month <= add_months(this_month, MONTHS_AHEAD):
            start, end = month.isoformat(), add_months(month, 1).isoformat()
            conn.execute(
                text(
                    f"CREATE TABLE {partition_name(table, month)} PARTITION OF {table} "
                    f"FOR VALUES FROM ('{start} 00:00:00+00') TO ('{end} 00:00:00+00')"
                )
            )
            month = add_months(month, 1)
        conn.execute(text(f"CREATE TABLE {table}_default PARTITION OF {table} DEFAULT"))
    conn.execute(text(f"INSERT INTO {table} SELECT * FROM {old}"))  # noqa: S608 - names from PARTITIONED
    conn.execute(text(f"ALTER SEQUENCE {table}_id_seq OWNED BY {table}.id"))
    conn.execute(text(f"DROP TABLE {old}"))
    for name, definition in fks:
        conn.execute(text(f"ALTER TABLE {table} ADD CONSTRAINT {name} {definition}"))
    for ddl in indexes:  # a partitioned index's definition reads "ON ONLY": it must reach the partitions too
        conn.execute(text(ddl.replace(" ON ONLY ", " ON ")))


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "postgresql":
        return
    for table, column in PARTITIONED.items():
        _rebuild(conn, table, column, partitioned=True)


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "postgresql":
        return
    for table, column in PARTITIONED.items():
        _rebuild(conn, table, column, partitioned=False)
