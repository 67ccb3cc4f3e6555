"""Records are kept: no deletes on sessions, candidates, papers, attempts, results, users;
sessions get a retention date when archived.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

KEPT = ("exam_sessions", "candidates", "paper_instances", "attempts", "results", "users", "centres")


def upgrade() -> None:
    with op.batch_alter_table("exam_sessions") as batch:
        batch.add_column(sa.Column("retain_until", sa.String(length=10), nullable=True))
    sqlite = op.get_bind().dialect.name == "sqlite"
    if not sqlite:
        op.execute(
            "CREATE OR REPLACE FUNCTION examdesk_keep_records() RETURNS trigger AS $$ "
            "BEGIN RAISE EXCEPTION '% rows are kept, not deleted', TG_TABLE_NAME; END; $$ LANGUAGE plpgsql"
        )
    for table in KEPT:
        if sqlite:
            op.execute(
                f"CREATE TRIGGER {table}_kept BEFORE DELETE ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{table} rows are kept, not deleted'); END"
            )
        else:
            op.execute(
                f"CREATE TRIGGER {table}_kept BEFORE DELETE ON {table} "
                f"FOR EACH ROW EXECUTE FUNCTION examdesk_keep_records()"
            )
            op.execute(
                f"CREATE TRIGGER {table}_kept_truncate BEFORE TRUNCATE ON {table} "
                f"FOR EACH STATEMENT EXECUTE FUNCTION examdesk_keep_records()"
            )


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table in KEPT:
        if sqlite:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_kept")
        else:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_kept ON {table}")
            op.execute(f"DROP TRIGGER IF EXISTS {table}_kept_truncate ON {table}")
    with op.batch_alter_table("exam_sessions") as batch:
        batch.drop_column("retain_until")
