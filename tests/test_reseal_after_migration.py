"""A migration that changes existing rows changes what their seals cover: a sealed store is
checked in full before it is upgraded and resealed after, in one transaction (Database.open,
`_upgrade_sealed`). A probe migration after the newest revision adds a column with a default to
`users`, so every row of that table changes, as a real future migration would."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from app.store import migrate
from app.store.database import Database
from app.store.seals import StoreTampered
from tests.store_fixtures import PASSPHRASE, World

PROBE = """
import sqlalchemy as sa
from alembic import op

revision = "9001"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("probe", sa.String(8), nullable=False, server_default="p"))
"""


@pytest.fixture
def probe_migration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    folder = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS, folder, ignore=shutil.ignore_patterns("__pycache__"))
    (folder / "versions" / "9001_probe_column.py").write_text(PROBE.format(head=migrate.HEAD), encoding="utf-8")
    monkeypatch.setattr(migrate, "MIGRATIONS", folder)
    monkeypatch.setattr(migrate, "HEAD", "9001")
    return "9001"


def _revision(url: str) -> str:
    engine = create_engine(url)
    with engine.connect() as c:
        found = c.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
    engine.dispose()
    return str(found)


def _actions(db: Database) -> list[str]:
    with db.read_connection() as c:
        return [r[0] for r in c.execute(text("SELECT action FROM audit_entries ORDER BY seq"))]


def test_an_upgrade_that_changes_rows_reseals_them_and_says_so(world: World, probe_migration: str):
    before = _revision(world.url)
    world.db.close()
    db = Database.open(world.url, PASSPHRASE)  # check=True: the unlock check would refuse broken seals
    try:
        assert _revision(world.url) == probe_migration
        assert db.verify_seals(full=True).intact
        assert _actions(db)[-1] == "store.resealed"
        with db.read_connection() as c:
            assert set(c.execute(text("SELECT probe FROM users")).scalars()) == {"p"}  # the rows did change
    finally:
        db.close()
    assert before != probe_migration
    Database.open(world.url, PASSPHRASE).close()  # and the next unlock finds it intact


def test_an_edit_made_before_the_upgrade_is_refused_not_sealed_over(world: World, probe_migration: str):
    before = _revision(world.url)
    world.db.close()
    outsider = create_engine(world.url)  # another program: none of ExamDesk's hooks
    with outsider.begin() as c:
        c.execute(text("UPDATE users SET role = 'admin' WHERE username = 'proctor1'"))
    outsider.dispose()
    with pytest.raises(StoreTampered, match="users"):
        Database.open(world.url, PASSPHRASE)
    assert _revision(world.url) == before  # nothing was migrated


def test_a_wrong_passphrase_changes_nothing(world: World, probe_migration: str):
    before = _revision(world.url)
    world.db.close()
    with pytest.raises(Exception):  # noqa: B017 - whichever error unwrapping raises, nothing may change
        Database.open(world.url, "not the passphrase")
    assert _revision(world.url) == before
