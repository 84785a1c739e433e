"""Indexes for list, search and analytics query paths (checked by the EXPLAIN guard, tests/core/test_query_plans.py).

On PostgreSQL the job list's company and location filters (`ILIKE '%…%'`, a substring anywhere) get trigram GIN
indexes: no B-tree can serve a pattern with a leading wildcard. They need the pg_trgm extension (in contrib and
trusted since PostgreSQL 13, so the database owner may create it); where it cannot be created the filters still
work, by reading the postings the visibility index selects. Excluded from autogenerate in migrations/env.py.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

TRIGRAM_INDEXES = {"ix_job_posting_company_trgm": "company", "ix_job_posting_location_trgm": "location"}


def _create_trigram_indexes() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    available = bind.execute(sa.text("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'")).scalar()
    if not available:
        return
    savepoint = bind.begin_nested()
    try:
        bind.execute(sa.text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
    except sa.exc.DBAPIError:  # not allowed to create it here: the filters keep working without the index
        savepoint.rollback()
        return
    savepoint.commit()
    for name, column in TRIGRAM_INDEXES.items():
        op.execute(f"CREATE INDEX IF NOT EXISTS {name} ON job_posting USING gin ({column} gin_trgm_ops)")


def upgrade() -> None:
    _create_trigram_indexes()


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for name in TRIGRAM_INDEXES:
            op.execute(f"DROP INDEX IF EXISTS {name}")
