"""What the proctor's overview and closing need of a paper, stored with it when it is drawn.

`slots`: how many questions (or tasks) the paper has; the overview's "answered N of M" needed to
decrypt and parse every paper once per process for M (2.9 s at 3,000 candidates). `scoring`: the
part of the paper that grading reads (each entry's slot, id, type, area, points and key, and how
multiple-choice answers are credited), encrypted like the paper; closing parsed every whole paper,
stems and options included. Both are copies of the content made in the same write; papers drawn
before this revision have neither and are read from their content as before.

Revision ID: 0011
Revises: 0016
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # plain ALTER TABLE ADD COLUMN (no batch copy of the table, which would lose its "kept" trigger)
    op.add_column("paper_instances", sa.Column("slots", sa.Integer(), nullable=True))
    op.add_column("paper_instances", sa.Column("scoring", sa.LargeBinary(), nullable=True))


def downgrade() -> None:
    op.drop_column("paper_instances", "scoring")
    op.drop_column("paper_instances", "slots")
