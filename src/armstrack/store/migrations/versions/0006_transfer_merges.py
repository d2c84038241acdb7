"""Transfers an analyst merges: the absorbed one keeps its id, which redirects.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # No foreign key: SQLite cannot add one to an existing table without copying it.
    op.add_column(
        "transfers",
        sa.Column(
            "merged_into",
            sa.Integer(),
            comment="the transfer an analyst merged this one into: its id redirects there",
        ),
    )


def downgrade() -> None:
    with op.batch_alter_table("transfers") as batch:
        batch.drop_column("merged_into")
