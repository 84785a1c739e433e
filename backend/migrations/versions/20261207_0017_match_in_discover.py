"""the match score in Discover

Postings keep what they ask (`job_requirements`: the requirements parser's result and the title's role, without
the texts), so Discover scores thousands of postings per user without reading them again. Discover's rows keep the
match score's parts and the hard requirements a posting fails (`blockers`, `blocked`) instead of the old score's
`reasons`; rows scored before are marked stale (`score_version` NULL) and rescored on the user's next visit. The
profile gains what the user needs from a job: visa sponsorship, remote only, where they can work, a minimum
yearly salary in a currency; and the digest
of the inputs their Discover was built from.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-07 16:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.models.base

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "job_requirements",
        sa.Column(
            "job_posting_id", sa.Integer(), sa.ForeignKey("job_posting.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("version", sa.String(length=16), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("computed_at", app.models.base.UTCDateTime(timezone=True), nullable=False),
    )
    with op.batch_alter_table("job_match") as batch:
        batch.add_column(sa.Column("parts", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("blockers", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("blocked", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("score_version", sa.String(length=16), nullable=True))
    op.execute("UPDATE job_match SET parts = '{}', blockers = '[]'")
    with op.batch_alter_table("job_match") as batch:
        batch.alter_column("parts", existing_type=sa.JSON(), nullable=False)
        batch.alter_column("blockers", existing_type=sa.JSON(), nullable=False)
        batch.drop_column("reasons")
    with op.batch_alter_table("user") as batch:
        batch.add_column(sa.Column("needs_sponsorship", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("remote_only", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("work_location", sa.String(length=200), nullable=False, server_default=""))
        batch.add_column(sa.Column("min_salary", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("salary_currency", sa.String(length=3), nullable=True))
        batch.add_column(sa.Column("discover_built", sa.String(length=40), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("user") as batch:
        for column in (
            "discover_built",
            "salary_currency",
            "min_salary",
            "work_location",
            "remote_only",
            "needs_sponsorship",
        ):
            batch.drop_column(column)
    with op.batch_alter_table("job_match") as batch:
        batch.add_column(sa.Column("reasons", sa.JSON(), nullable=True))
    op.execute("UPDATE job_match SET reasons = '{}'")
    with op.batch_alter_table("job_match") as batch:
        batch.alter_column("reasons", existing_type=sa.JSON(), nullable=False)
        for column in ("score_version", "blocked", "blockers", "parts"):
            batch.drop_column(column)
    op.drop_table("job_requirements")
