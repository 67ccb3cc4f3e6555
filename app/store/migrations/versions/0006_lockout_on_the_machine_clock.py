"""Staff lockouts measured on the machine clock: the clock epoch and the wall stamp of a lock.

A lock was kept as wall-clock seconds, so setting the system clock forward unlocked an account.
Now `locked_until` is seconds on the machine clock of `locked_epoch` (app/domain/lockout.py).
Locks in force during the upgrade are dropped: their wall-clock seconds mean nothing on the
machine clock, and an admin could unlock them anyway.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("locked_epoch", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("locked_wall", sa.Float(), nullable=True))
    op.execute("UPDATE users SET locked_until = 0")


def downgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.drop_column("locked_wall")
        batch.drop_column("locked_epoch")
