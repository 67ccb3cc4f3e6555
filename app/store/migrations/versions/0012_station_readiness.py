"""Station readiness: the last readiness report of each station (one row per station, the next
report replaces it), for the proctor's per-seat view. The report itself is encrypted under the
data key (authenticated, bound to its column); the status and room stay in clear for the lookup.

Revision ID: 0012
Revises: 0010
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "station_readiness",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("station", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("room", sa.String(length=64), nullable=False),
        sa.Column("report", sa.LargeBinary(), nullable=False),
        sa.Column("reported_wall", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("station"),
    )


def downgrade() -> None:
    op.drop_table("station_readiness")
