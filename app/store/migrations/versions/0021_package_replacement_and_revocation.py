"""Sealed packages replaced and revoked: each package's version (a replacement for the same session
carries a higher one), and the packages this centre must refuse, superseded by a newer version or
revoked by their exam owner with a signed revocation (docs/packages.md).

Revision ID: 0021
Revises: 0017
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sealed_packages") as batch:
        batch.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
    op.create_table(
        "package_notices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("package_id", sa.String(length=32), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("session_code", sa.String(length=64), nullable=False),
        sa.Column("owner_fingerprint", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=True),
        sa.Column("superseded_by", sa.String(length=32), nullable=True),
        sa.Column("superseded_wall", sa.String(length=40), nullable=True),
        sa.Column("revoked_wall", sa.String(length=40), nullable=True),
        sa.Column("revoked_at", sa.String(length=40), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("revocation", sa.LargeBinary(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("package_id"),
    )


def downgrade() -> None:
    op.drop_table("package_notices")
    with op.batch_alter_table("sealed_packages") as batch:
        batch.drop_column("version")
