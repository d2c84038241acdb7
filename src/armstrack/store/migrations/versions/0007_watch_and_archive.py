"""Watched sources, fetched pages, and where each fetched page lies in the WARC archive.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "watched_sources",
        sa.Column("url", sa.Text(), primary_key=True, comment="a feed, sitemap or OPML list"),
        sa.Column(
            "etag", sa.Text(), comment="validators of the last answer, for a conditional GET"
        ),
        sa.Column("last_modified", sa.Text()),
        sa.Column("polled_at", sa.DateTime(), comment="when it was last asked (UTC)"),
        sa.Column(
            "status",
            sa.String(32),
            comment="what the last poll found: new, not modified, failed",
        ),
        sa.Column("error", sa.Text(), comment="why the last poll failed"),
        sa.Column(
            "failures",
            sa.Integer(),
            nullable=False,
            server_default="0",
            comment="failed polls in a row",
        ),
    )
    op.create_table(
        "fetched_pages",
        sa.Column("url", sa.Text(), primary_key=True, comment="a page a watched source listed"),
        sa.Column("fetched_at", sa.DateTime(), nullable=False),
        sa.Column("outcome", sa.String(16), nullable=False, comment="ingested, or why not"),
    )
    op.add_column(
        "article_versions",
        sa.Column(
            "warc_file", sa.Text(), comment="WARC file of the fetched page, in the archive folder"
        ),
    )
    op.add_column(
        "article_versions",
        sa.Column(
            "warc_offset", sa.BigInteger(), comment="offset of its response record in that file"
        ),
    )


def downgrade() -> None:
    with op.batch_alter_table("article_versions") as batch:
        batch.drop_column("warc_offset")
        batch.drop_column("warc_file")
    op.drop_table("fetched_pages")
    op.drop_table("watched_sources")
