"""Observed and oral skill tasks scored live (docs/papers-and-scoring.md, "Observed and oral
tasks"): the groups of candidates each set of examiners observes, each examiner's task timer and
notes per scoring point, and the files a task produced (kept encrypted; the attempt's "attach"
step records each one with its SHA-256).

Revision ID: 0019
Revises: 0022
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0022"
branch_labels = None
depends_on = None

APPEND_ONLY = ("live_observations", "attempt_files")


def _append_only(table: str) -> None:
    if op.get_bind().dialect.name == "sqlite":
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
            )
    else:
        op.execute(
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION examdesk_append_only()"
        )


def upgrade() -> None:
    op.create_table(
        "observation_groups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=32), nullable=False),
        sa.Column("members", sa.LargeBinary(), nullable=False),
        sa.Column("wall", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(["session_id"], ["exam_sessions.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("session_id", "name"),
    )
    op.create_table(
        "live_observations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("attempt_id", sa.Integer(), nullable=False),
        sa.Column("slot", sa.Integer(), nullable=False),
        sa.Column("examiner_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("point", sa.Integer(), nullable=True),
        sa.Column("at", sa.Float(), nullable=True),
        sa.Column("text", sa.LargeBinary(), nullable=True),
        sa.Column("wall", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(["attempt_id"], ["attempts.id"]),
        sa.ForeignKeyConstraint(["examiner_id"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_live_observations_attempt", "live_observations", ["attempt_id", "slot"])
    op.create_table(
        "attempt_files",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("attempt_id", sa.Integer(), nullable=False),
        sa.Column("slot", sa.Integer(), nullable=False),
        sa.Column("filename", sa.LargeBinary(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("added_by", sa.String(length=64), nullable=False),
        sa.Column("wall", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(["attempt_id"], ["attempts.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    for table in APPEND_ONLY:
        _append_only(table)


def downgrade() -> None:
    op.drop_table("attempt_files")
    op.drop_index("ix_live_observations_attempt", table_name="live_observations")
    op.drop_table("live_observations")
    op.drop_table("observation_groups")
