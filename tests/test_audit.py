"""The audit chain catches edits, deletions, reordering and truncation; `examdesk audit verify`."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import select

from app.cli import main
from app.store import audit
from app.store.models import AuditEntry
from tests.store_fixtures import PASSPHRASE, build_world, fresh_url


@pytest.fixture
def store(tmp_path):
    url = fresh_url("sqlite", tmp_path)
    w = build_world(url)
    w.exam.start_session(w.proctor, w.session_id)
    w.db.close()
    return tmp_path / "examdesk.db"


def tamper(path, *statements):
    """What someone with the file but without the passphrase can do: drop the guards and edit."""
    con = sqlite3.connect(path)
    con.execute("DROP TRIGGER audit_entries_no_update")
    con.execute("DROP TRIGGER audit_entries_no_delete")
    for sql in statements:
        con.execute(sql)
    con.commit()
    con.close()


def report(path):
    from app.store.database import Database, sqlite_url

    db = Database.open(sqlite_url(path), PASSPHRASE)
    with db.reader() as s:
        result = audit.verify(s, db.cipher)
        count = len(s.scalars(select(AuditEntry)).all())
    db.close()
    return result, count


def test_intact_chain_verifies(store):
    result, count = report(store)
    assert result.intact and result.entries == count > 5


@pytest.mark.parametrize(
    ("statements", "first_broken", "reason"),
    [
        (["UPDATE audit_entries SET actor = 'admin:9' WHERE seq = 4"], 4, "changed"),
        (["DELETE FROM audit_entries WHERE seq = 3"], 3, "missing"),
        (["UPDATE audit_entries SET seq = 100 WHERE seq = 2", "UPDATE audit_entries SET seq = 2 WHERE seq = 3",
          "UPDATE audit_entries SET seq = 3 WHERE seq = 100"], 2, "does not follow"),
        (["DELETE FROM audit_entries WHERE seq = (SELECT MAX(seq) FROM audit_entries)"], None, "cut off"),
    ],
)  # fmt: skip
def test_tampering_is_named(store, statements, first_broken, reason):
    tamper(store, *statements)
    result, _count = report(store)
    assert not result.intact and reason in result.reason
    if first_broken is not None:
        assert result.first_broken == first_broken


def test_cli_verify(store, capsys, monkeypatch):
    monkeypatch.setenv("EXAMDESK_PASSPHRASE", PASSPHRASE)
    assert main(["audit", "verify", "--data", str(store.parent)]) == 0
    assert "intact" in capsys.readouterr().out
    tamper(store, "UPDATE audit_entries SET action = 'x' WHERE seq = 5")
    assert main(["audit", "verify", "--data", str(store.parent)]) == 1
    assert "entry 5" in capsys.readouterr().out
    monkeypatch.setenv("EXAMDESK_PASSPHRASE", "wrong")
    assert main(["audit", "verify", "--data", str(store.parent)]) == 1
    assert "passphrase" in capsys.readouterr().err
