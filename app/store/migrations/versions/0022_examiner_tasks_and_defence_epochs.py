"""Per-task examiner duties, the defence timer's clock epoch, and materials marked received or missing.

examiner_tasks: the skill tasks an examiner of a session scores (an examiner with no row scores
every task of the session). review_events.epoch: the clock epoch (one per boot of the machine)
a defence instant was read in, so a defence that spans a reboot is measured within each boot,
never across two machine clocks (docs/papers-and-scoring.md). review_events.material_id: the entry
of the materials register an event marks expected, received or missing (the register itself is
append-only, so its entries' state is told by events).

Revision ID: 0022
Revises: 0020
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0022"
down_revision = "0020"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "examiner_tasks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("task", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["session_id"], ["exam_sessions.id"]),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("session_id", "user_id", "task"),
    )
    # review_events is append-only: its triggers refuse row changes, not ADD COLUMN
    op.add_column("review_events", sa.Column("epoch", sa.Integer(), nullable=True))
    op.add_column("review_events", sa.Column("material_id", sa.Integer(), nullable=True))


def downgrade() -> None:
    op.drop_column("review_events", "material_id")
    op.drop_column("review_events", "epoch")
    op.drop_table("examiner_tasks")
