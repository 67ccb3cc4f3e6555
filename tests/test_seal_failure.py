"""A failure to seal fails the commit: the transaction is rolled back and no row is left unsealed
(app/store/seals.py, `seal_pending`, run just before every commit)."""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest
from sqlalchemy import func, select

from app.services.audit_log import AuditService
from app.store import seals
from app.store.models import AttemptStep, User
from tests.store_fixtures import CANDIDATES, seated_login


@pytest.fixture
def sealing_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading the connection's list of changed rows fails (as a full disk or a lost table would make it)."""
    real = seals._Raw.rows

    def rows(self: seals._Raw, sql: str, params: dict[str, Any] | None = None) -> Any:
        if sql.startswith(f"SELECT tbl, row_id FROM {seals.DIRTY}"):
            raise sqlite3.OperationalError("disk I/O error")
        return real(self, sql, params)

    monkeypatch.setattr(seals._Raw, "rows", rows)


def _unchanged(world: Any, head_before: Any) -> None:
    assert AuditService(world.db).head() == head_before  # the action's audit entry was rolled back with it
    report = world.db.verify_seals(full=True)
    assert report.intact, report.message  # nothing unsealed was committed


def test_a_failed_seal_rolls_back_a_service_action(world: Any, request: pytest.FixtureRequest) -> None:
    head = AuditService(world.db).head()
    request.getfixturevalue("sealing_fails")
    with pytest.raises(seals.SealingFailed, match="cannot be sealed"):
        world.accounts.create_user(world.admin, username="late-proctor", role="proctor", display_name="迟到",
                                   password="late-pass-1")  # fmt: skip
    with world.db.reader() as s:
        assert s.scalar(select(User.id).where(User.username == "late-proctor")) is None
    _unchanged(world, head)


def test_a_failed_seal_rolls_back_an_answer_save(world: Any, request: pytest.FixtureRequest) -> None:
    world.exam.start_session(world.proctor, world.session_id)
    cand = seated_login(world.exam, world.proctor, "T001", CANDIDATES["T001"][1], "PC-01")
    head = AuditService(world.db).head()
    request.getfixturevalue("sealing_fails")
    with pytest.raises(seals.SealingFailed):
        world.exam.save_answer(cand.actor, cand.attempt_id, 0, 0, "B")  # the hot path's own COMMIT (SQLite)
    with world.db.reader() as s:
        assert (
            s.scalar(select(func.count()).select_from(AttemptStep).where(AttemptStep.attempt_id == cand.attempt_id))
            == 0
        )
    _unchanged(world, head)
