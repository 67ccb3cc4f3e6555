"""Row seals: a keyed seal per row of every sealed table (app/store/seals.py, docs/store.md).

The seals themselves are computed under the data key, which a migration does not have: the rows of
an existing store are sealed at its first unlock after this revision (`Database.open`, audited as
`store.sealed`). On PostgreSQL the triggers that note changed rows are created here; they write
only into a TEMP table that ExamDesk's own sessions create. On SQLite they are TEMP triggers each
ExamDesk connection creates for itself.

Revision ID: 0018
Revises: 0019
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "row_seals",
        sa.Column("tbl", sa.String(length=64), nullable=False),
        sa.Column("row_id", sa.Integer(), nullable=False),
        sa.Column("seal", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("tbl", "row_id"),
    )
    if op.get_bind().dialect.name != "sqlite":
        from app.store.seals import install_postgres_triggers

        install_postgres_triggers(op.get_bind())


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        from app.store.seals import drop_postgres_triggers

        drop_postgres_triggers(op.get_bind())
    op.drop_table("row_seals")
