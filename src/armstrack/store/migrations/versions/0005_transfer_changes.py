"""Each transfer's change log: what changed in its summary, when, and which report did it.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "transfer_changes",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("transfer_id", sa.Integer(), sa.ForeignKey("transfers.id"), nullable=False),
        sa.Column("mention_id", sa.Integer(), comment="the newest report when it changed"),
        sa.Column("at", sa.DateTime(), nullable=False, comment="when it was stored (UTC)"),
        sa.Column("field", sa.String(32), nullable=False, comment="a column of transfers"),
        sa.Column("old", sa.Text(), comment="the value before, as text (none: created)"),
        sa.Column("new", sa.Text(), comment="the value after, as text"),
    )
    op.create_index("transfer_changes_transfer", "transfer_changes", ["transfer_id", "id"])


def downgrade() -> None:
    op.drop_index("transfer_changes_transfer", table_name="transfer_changes")
    op.drop_table("transfer_changes")
