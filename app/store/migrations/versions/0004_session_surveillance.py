"""Full electronic surveillance of a theory room (全方位电子监控), recorded with a reason.

4-07-03-01 1.9.3 lets a room under full electronic surveillance have fewer proctors than 1 per 15
candidates; the admin records that for a session, and the start check reads it.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("exam_sessions") as batch:
        batch.add_column(sa.Column("surveillance_reason", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("exam_sessions") as batch:
        batch.drop_column("surveillance_reason")
