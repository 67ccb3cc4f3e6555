"""The clock epoch of each examiner's live record: `live_observations.epoch`, the boot of the
machine (one clock epoch per boot) a timer start or stop, or a note, was read in, so an examiner's
timer that runs through a restart of the centre's PC is measured within each boot, never across two
machine clocks (docs/papers-and-scoring.md, "Observed: timer, notes, files"). Rows written before
this revision keep no epoch and are read in the store's current one, as before.

Revision ID: 0023
Revises: 0018
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0023"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # live_observations is append-only: its triggers refuse row changes, not ADD COLUMN (a batch
    # table copy would drop them). Existing rows get NULL; the reseal after the upgrade covers it.
    op.add_column("live_observations", sa.Column("epoch", sa.Integer(), nullable=True))


def downgrade() -> None:
    op.drop_column("live_observations", "epoch")
