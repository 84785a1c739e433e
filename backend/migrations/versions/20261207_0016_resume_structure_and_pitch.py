"""resume structure and pitch

A resume keeps its structure (JSON Resume) beside its text: `structure`, where it came from (`structure_origin`:
parsed, edited, imported) and which parser version read it. Resumes uploaded before have none; the
`resumes.backfill_structure` task fills them in. The profile gains `pitch`, the user's own words for letters.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-07 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("resume") as batch:
        batch.add_column(sa.Column("structure", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("structure_origin", sa.String(length=16), nullable=True))
        batch.add_column(sa.Column("structure_version", sa.String(length=16), nullable=True))
    with op.batch_alter_table("user") as batch:
        batch.add_column(sa.Column("pitch", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("user") as batch:
        batch.drop_column("pitch")
    with op.batch_alter_table("resume") as batch:
        batch.drop_column("structure_version")
        batch.drop_column("structure_origin")
        batch.drop_column("structure")
