"""Indexes in the order listings read: newest first, most independent origins first.

A listing sorts by a column, descending with NULLs last, then by id. Indexes in exactly
that order let a page be read off the index instead of sorting every match: "Iran's
transfers, newest first" went from 12.6 to under 5 ms on a 100,000-article store, and
the page at offset 500 by origins from 3.7 to 0.6 ms.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _newest_first(column: str) -> sa.TextClause:
    # PostgreSQL puts NULLs first in a descending index unless told; SQLite's descending
    # index already has them last and does not accept the clause.
    nulls = " NULLS LAST" if op.get_bind().dialect.name == "postgresql" else ""
    return sa.text(f"{column} DESC{nulls}")


def upgrade() -> None:
    op.drop_index("transfers_last_reported", table_name="transfers")
    op.drop_index("transfers_recipient", table_name="transfers")
    op.create_index("transfers_last_reported", "transfers", [_newest_first("last_reported"), "id"])
    for side in ("supplier", "recipient"):
        op.create_index(
            f"transfers_{side}_recent", "transfers", [side, _newest_first("last_reported"), "id"]
        )
    op.create_index("transfers_origins", "transfers", [_newest_first("origins"), "id"])
    # A category, newest first: the category filter, and a system filter narrowed to the
    # system's category (queries.narrow).
    op.create_index(
        "transfers_category_recent", "transfers", ["category", _newest_first("last_reported"), "id"]
    )


def downgrade() -> None:
    for name in (
        "category_recent",
        "origins",
        "recipient_recent",
        "supplier_recent",
        "last_reported",
    ):
        op.drop_index(f"transfers_{name}", table_name="transfers")
    op.create_index("transfers_recipient", "transfers", ["recipient"])
    op.create_index("transfers_last_reported", "transfers", ["last_reported"])
