"""Indexes for listing transfers of one actor, newest first, and by independent origins.

Without them "every transfer Iran supplied, newest first" sorts all of Iran's transfers
for each page (12.6 -> under 5 ms on a 100,000-article store), and sorting by origins
sorts the whole table.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("transfers_supplier_recent", "transfers", ["supplier", "last_reported"])
    op.create_index("transfers_recipient_recent", "transfers", ["recipient", "last_reported"])
    op.create_index("transfers_origins", "transfers", ["origins"])
    # (recipient, last_reported) serves every lookup the recipient index served.
    op.drop_index("transfers_recipient", table_name="transfers")


def downgrade() -> None:
    op.create_index("transfers_recipient", "transfers", ["recipient"])
    op.drop_index("transfers_origins", table_name="transfers")
    op.drop_index("transfers_recipient_recent", table_name="transfers")
    op.drop_index("transfers_supplier_recent", table_name="transfers")
