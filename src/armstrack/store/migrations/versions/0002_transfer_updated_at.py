"""When each resolved transfer last changed, for the Atom feed of new and changed transfers.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("transfers") as batch:
        batch.add_column(
            sa.Column(
                "updated_at",
                sa.DateTime(),
                nullable=True,
                comment="when a report last created or changed this transfer (UTC)",
            )
        )
    op.create_index("transfers_updated_at", "transfers", ["updated_at"])


def downgrade() -> None:
    op.drop_index("transfers_updated_at", table_name="transfers")
    with op.batch_alter_table("transfers") as batch:
        batch.drop_column("updated_at")
