"""Item statistics per item version and session: after a session's item analysis the admin keeps
each item version's n, p, D, point-biserial and omitted rate, so that paper assembly can use an
item's observed difficulty once enough candidates have answered it (docs/papers-and-scoring.md).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "item_statistics",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("item_version", sa.String(length=255), nullable=False),
        sa.Column("bank", sa.String(length=64), nullable=False),
        sa.Column("bank_version", sa.String(length=64), nullable=False),
        sa.Column("item_id", sa.String(length=64), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("max_score", sa.Float(), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.Column("p", sa.Float(), nullable=True),
        sa.Column("d", sa.Float(), nullable=True),
        sa.Column("r", sa.Float(), nullable=True),
        sa.Column("omitted", sa.Float(), nullable=True),
        sa.Column("recorded_wall", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(["session_id"], ["exam_sessions.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("session_id", "item_version", "max_score"),
    )
    op.create_index("ix_item_statistics_item", "item_statistics", ["bank", "item_id"])


def downgrade() -> None:
    op.drop_index("ix_item_statistics_item", table_name="item_statistics")
    op.drop_table("item_statistics")
