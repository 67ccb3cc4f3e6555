"""Sealed exam packages: the exam owners' public keys the admin trusts, and the packages imported
before the day (kept as they arrived: encrypted by the owner, signed), with their content under the
data key once opened with the release key (docs/packages.md).

Revision ID: 0016
Revises: 0008 (the brief's base was 0007; chained after main's head so that this branch has one head)
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "owner_keys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("public_pem", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("trusted_wall", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("fingerprint"),
    )
    op.create_table(
        "sealed_packages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("package_id", sa.String(length=32), nullable=False),
        sa.Column("session_code", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("owner_fingerprint", sa.String(length=64), nullable=False),
        sa.Column("not_before", sa.String(length=40), nullable=False),
        sa.Column("package", sa.LargeBinary(), nullable=False),
        sa.Column("imported_wall", sa.String(length=40), nullable=False),
        sa.Column("opened_wall", sa.String(length=40), nullable=True),
        sa.Column("content", sa.LargeBinary(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("digest"),
        sa.UniqueConstraint("package_id"),
        sa.UniqueConstraint("session_code"),
    )


def downgrade() -> None:
    op.drop_table("sealed_packages")
    op.drop_table("owner_keys")
