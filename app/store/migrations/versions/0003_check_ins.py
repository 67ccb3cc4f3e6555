"""Check-ins: a proctor confirms a candidate's identity at a station (append-only).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "check_ins",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("station", sa.String(length=64), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("wall", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(["candidate_id"], ["candidates.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    if op.get_bind().dialect.name == "sqlite":
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER check_ins_no_{verb.lower()} BEFORE {verb} ON check_ins "
                "BEGIN SELECT RAISE(ABORT, 'check_ins is append-only'); END"
            )
    else:
        op.execute(
            "CREATE TRIGGER check_ins_append_only BEFORE UPDATE OR DELETE ON check_ins "
            "FOR EACH ROW EXECUTE FUNCTION examdesk_append_only()"
        )


def downgrade() -> None:
    op.drop_table("check_ins")
