"""Origins explained, passages indexed, and why each report joined its transfer.

``article_versions`` gains what its origin rests on (``origin_basis``: credit,
shared passages or the outlet; ``origin_note``; ``origin_from``, the version whose
origin it took) and its number of passage fingerprints; ``passages`` indexes those
fingerprints by value (resolve/passages.py), replacing MinHash bands for finding
copies (``minhash_bands`` is kept for the rows older versions wrote); ``mentions``
gains ``merge_reason``. Texts stored before this revision have no fingerprints: later
copies of them are found again once they are re-ingested.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("article_versions") as batch:
        batch.add_column(
            sa.Column(
                "origin_basis",
                sa.String(16),
                nullable=True,
                comment="credit, shared (passages) or outlet",
            )
        )
        batch.add_column(
            sa.Column(
                "origin_note",
                sa.Text(),
                nullable=True,
                comment="the credit phrase, or the passages shared",
            )
        )
        batch.add_column(
            sa.Column(
                "origin_from",
                sa.Integer(),
                nullable=True,
                comment="id of the version whose origin it took",
            )
        )
        batch.add_column(
            sa.Column(
                "passages",
                sa.Integer(),
                nullable=True,
                comment="number of passage fingerprints indexed",
            )
        )
    with op.batch_alter_table("mentions") as batch:
        batch.add_column(
            sa.Column(
                "merge_reason",
                sa.Text(),
                nullable=True,
                comment="why it joined its transfer, or started one",
            )
        )
    op.create_table(
        "passages",
        sa.Column(
            "fingerprint",
            sa.BigInteger(),
            nullable=False,
            comment="winnowed hash of a word 5-shingle (see resolve/passages.py)",
        ),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["version_id"], ["article_versions.id"]),
        sa.PrimaryKeyConstraint("fingerprint", "version_id"),
    )
    op.create_index("passages_version", "passages", ["version_id"])


def downgrade() -> None:
    op.drop_index("passages_version", table_name="passages")
    op.drop_table("passages")
    with op.batch_alter_table("mentions") as batch:
        batch.drop_column("merge_reason")
    with op.batch_alter_table("article_versions") as batch:
        for column in ("passages", "origin_from", "origin_note", "origin_basis"):
            batch.drop_column(column)
