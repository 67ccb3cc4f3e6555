"""Candidates at their seat: failed candidate logins (slowed and shown to the proctor), station
moves authorised by a one-time code, and the candidate's settings and rules reading kept at the
centre so they follow the candidate to another station.

Revision ID: 0009
Revises: 0011
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "login_failures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket", sa.String(length=64), nullable=False),
        sa.Column("station", sa.String(length=64), nullable=False),
        sa.Column("epoch", sa.Integer(), nullable=False),
        sa.Column("mono", sa.Float(), nullable=False),
        sa.Column("wall", sa.String(length=40), nullable=False),
        sa.Column("cleared_by", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(["epoch"], ["clock_epochs.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_login_failures_ticket", "login_failures", ["ticket"])
    op.create_index("ix_login_failures_station", "login_failures", ["station"])
    op.create_table(
        "station_moves",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("code_index", sa.String(length=64), nullable=False),
        sa.Column("reason", sa.LargeBinary(), nullable=False),
        sa.Column("from_station", sa.String(length=64), nullable=True),
        sa.Column("to_station", sa.String(length=64), nullable=True),
        sa.Column("paused", sa.Boolean(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("epoch", sa.Integer(), nullable=False),
        sa.Column("mono", sa.Float(), nullable=False),
        sa.Column("wall", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(["candidate_id"], ["candidates.id"]),
        sa.ForeignKeyConstraint(["epoch"], ["clock_epochs.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_station_moves_candidate", "station_moves", ["candidate_id"])
    op.create_table(
        "candidate_settings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("settings", sa.LargeBinary(), nullable=True),
        sa.Column("rules_read_wall", sa.String(length=40), nullable=True),
        sa.Column("wall", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(["candidate_id"], ["candidates.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("candidate_id"),
    )


def downgrade() -> None:
    op.drop_table("candidate_settings")
    op.drop_index("ix_station_moves_candidate", table_name="station_moves")
    op.drop_table("station_moves")
    op.drop_index("ix_login_failures_station", table_name="login_failures")
    op.drop_index("ix_login_failures_ticket", table_name="login_failures")
    op.drop_table("login_failures")
