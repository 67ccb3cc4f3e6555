"""Staff sign-ins as opaque tokens: every call to the services carries one, the service derives
who is acting from it. Only the token's SHA-256 digest is stored; a token is bound to the
station it was issued to and expires. Candidates' station logins are looked up by their token
digest on every call, hence the index.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "staff_tokens",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_digest", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("station", sa.String(length=64), nullable=False),
        sa.Column("issued_wall", sa.String(length=40), nullable=False),
        sa.Column("expires_at", sa.Float(), nullable=False),
        sa.Column("revoked", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("token_digest"),
    )
    op.create_index("ix_station_logins_token_digest", "station_logins", ["token_digest"])


def downgrade() -> None:
    op.drop_index("ix_station_logins_token_digest", table_name="station_logins")
    op.drop_table("staff_tokens")
