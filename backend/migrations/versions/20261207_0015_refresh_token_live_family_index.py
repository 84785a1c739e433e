"""refresh token live family index

Access tokens name their session (refresh-token family); every authenticated request checks that the family still
holds an unrevoked token. (family, revoked_at) answers that in one index probe however long the family has rotated.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07 07:49:10.642306
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_refresh_token_family_revoked_at", "refresh_token", ["family", "revoked_at"], unique=False)
    op.drop_index("ix_refresh_token_family", table_name="refresh_token")


def downgrade() -> None:
    op.create_index("ix_refresh_token_family", "refresh_token", ["family"], unique=False)
    op.drop_index("ix_refresh_token_family_revoked_at", table_name="refresh_token")
