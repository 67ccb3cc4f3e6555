"""Clock epochs per boot of a machine, and the indexes that keep saves and logins flat as the store ages.

A clock epoch was one per process, so two processes on one machine read each other's time as
stopped. Now an epoch is one boot of one machine (host, boot_id), shared by all its processes;
rows from before have no boot_id and stay what they were, one process each.

The indexes serve the lookups every answer save and every login makes (the open station login of
a candidate, the time events of one attempt or room, a candidate by ticket); without them each of
these scans its table, and records are kept for years.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("clock_epochs") as batch:
        batch.add_column(sa.Column("boot_id", sa.String(200), nullable=True))
        batch.create_unique_constraint("uq_clock_epochs_host_boot_id", ["host", "boot_id"])
    op.create_index("ix_time_events_session_attempt", "time_events", ["session_id", "attempt_id"])
    op.create_index("ix_station_logins_candidate_open", "station_logins", ["candidate_id", "open"])
    op.create_index("ix_candidates_ticket", "candidates", ["ticket"])
    op.create_index("ix_candidates_id_index", "candidates", ["id_index"])
    op.create_index("ix_attempts_session", "attempts", ["session_id"])


def downgrade() -> None:
    for name, table in (("ix_attempts_session", "attempts"), ("ix_candidates_id_index", "candidates"),
                        ("ix_candidates_ticket", "candidates"),
                        ("ix_station_logins_candidate_open", "station_logins"),
                        ("ix_time_events_session_attempt", "time_events")):  # fmt: skip
        op.drop_index(name, table_name=table)
    with op.batch_alter_table("clock_epochs") as batch:
        batch.drop_constraint("uq_clock_epochs_host_boot_id", type_="unique")
        batch.drop_column("boot_id")
