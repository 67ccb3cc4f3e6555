"""Idempotent candidate steps and station heartbeats.

A station names each step it sends with a client-generated id (`step_id`, 32 hex digits); the
unique index (attempt_id, step_id) makes a replayed step (a reply lost on a dropped link, the
station journal replayed on reconnect) find the original instead of adding a second step.
Steps saved before this revision have none (NULL; NULLs never collide in a unique index).

Heartbeats: every ~15 s a candidate station says the attempt is still being worked on; each is a
checkpoint of the time ledger (never an audit entry). `station_mono` is the station's own
monotonic reading, kept for heartbeats made while the centre was unreachable and delivered later
(`offline`), so the time a candidate worked meanwhile can be charged by a rule decided elsewhere.

Revision ID: 0008
Revises: 0013
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # a plain ADD COLUMN: a batch (copy-and-move) table would drop attempt_steps' append-only triggers
    op.add_column("attempt_steps", sa.Column("step_id", sa.String(length=32), nullable=True))
    op.create_index("ux_attempt_steps_step_id", "attempt_steps", ["attempt_id", "step_id"], unique=True)
    op.create_table(
        "attempt_heartbeats",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("attempt_id", sa.Integer(), nullable=False),
        sa.Column("step_id", sa.String(length=32), nullable=True),
        sa.Column("epoch", sa.Integer(), nullable=False),
        sa.Column("mono", sa.Float(), nullable=False),
        sa.Column("station_mono", sa.Float(), nullable=True),
        sa.Column("offline", sa.Boolean(), nullable=False),
        sa.Column("wall", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(["attempt_id"], ["attempts.id"]),
        sa.ForeignKeyConstraint(["epoch"], ["clock_epochs.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ux_attempt_heartbeats_step_id", "attempt_heartbeats", ["attempt_id", "step_id"], unique=True)
    op.create_index("ix_attempt_heartbeats_attempt_epoch", "attempt_heartbeats", ["attempt_id", "epoch", "mono"])
    # append-only, as the ledger's other events (the function examdesk_append_only exists since 0001)
    if op.get_bind().dialect.name == "sqlite":
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER attempt_heartbeats_no_{verb.lower()} BEFORE {verb} ON attempt_heartbeats "
                "BEGIN SELECT RAISE(ABORT, 'attempt_heartbeats is append-only'); END"
            )
    else:
        op.execute(
            "CREATE TRIGGER attempt_heartbeats_append_only BEFORE UPDATE OR DELETE ON attempt_heartbeats "
            "FOR EACH ROW EXECUTE FUNCTION examdesk_append_only()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for verb in ("update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS attempt_heartbeats_no_{verb}")
    else:
        op.execute("DROP TRIGGER IF EXISTS attempt_heartbeats_append_only ON attempt_heartbeats")
    op.drop_index("ix_attempt_heartbeats_attempt_epoch", table_name="attempt_heartbeats")
    op.drop_index("ux_attempt_heartbeats_step_id", table_name="attempt_heartbeats")
    op.drop_table("attempt_heartbeats")
    op.drop_index("ux_attempt_steps_step_id", table_name="attempt_steps")
    with op.batch_alter_table("attempt_steps") as batch:
        batch.drop_column("step_id")
