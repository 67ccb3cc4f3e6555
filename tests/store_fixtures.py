"""Stores for tests: SQLite in a temporary folder, and PostgreSQL when EXAMDESK_TEST_PG_URL is set
(scripts/test.sh starts a private server on loopback and sets it)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from app.security import passwords
from app.security.envelope import FAST_KDF
from app.services.accounts import AccountService
from app.services.base import Actor
from app.services.exam import ExamService
from app.store.database import Database, sqlite_url

PASSPHRASE = "correct horse battery staple"
PG_URL = os.environ.get("EXAMDESK_TEST_PG_URL")

BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


def fresh_url(backend: str, tmp_path: Path) -> str:
    if backend == "sqlite":
        return sqlite_url(tmp_path / "examdesk.db")
    if not PG_URL:
        message = "EXAMDESK_TEST_PG_URL is not set: scripts/test.sh starts PostgreSQL and sets it"
        if os.environ.get("CI"):
            pytest.fail(message)  # CI must run the PostgreSQL half; never skip it silently there
        pytest.skip(message)
    name = "t_" + uuid.uuid4().hex[:12]
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return PG_URL.rsplit("/", 1)[0] + "/" + name


@dataclass
class World:
    """A set-up centre: store, services, admin and proctor, one session with two candidates."""

    url: str
    db: Database
    accounts: AccountService
    exam: ExamService
    admin: Actor
    proctor: Actor
    session_id: int
    candidates: dict[str, int]
    attempts: dict[str, int]

    def reopen(self, passphrase: str = PASSPHRASE) -> World:
        self.db.close()
        db = Database.open(self.url, passphrase)
        return World(self.url, db, AccountService(db), ExamService(db), self.admin, self.proctor,
                     self.session_id, self.candidates, self.attempts)  # fmt: skip


CANDIDATES = {
    # ticket: (name, ID number)
    "T001": ("王晓明", "11010519491231002X"),
    "T002": ("李华", "440524198001010013"),
}


def sample_content(n: int = 5) -> dict:
    items = []
    for slot in range(n):
        items.append({"slot": slot, "id": f"Q{slot}", "type": "single", "area": "学情分析", "points": "2",
                      "stem": f"第{slot + 1}题 独特题干文本{slot}", "options": [["A", "甲"], ["B", "乙"], ["C", "丙"]],
                      "key": "B"})  # fmt: skip
    return {"seed": "s", "standard": "4-13-99-02", "level": "5", "items": items}


@pytest.fixture(autouse=True)
def fast_passwords(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2 with small costs in tests; the construction is the same."""
    from argon2 import PasswordHasher

    monkeypatch.setattr(passwords, "_hasher", PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1))


def build_world(url: str, duration: float = 5400.0) -> World:
    db = Database.create(url, PASSPHRASE, kdf=FAST_KDF)
    accounts, exam = AccountService(db), ExamService(db)
    admin = accounts.set_up_centre(code="C01", name="测试考点", admin_username="admin", admin_password="admin-pass-1")
    accounts.create_user(admin, username="proctor1", role="proctor", display_name="监考一", password="proctor-pass-1")
    proctor = accounts.login("proctor1", "proctor-pass-1")
    session_id = exam.schedule_session(
        admin, code="S1", room="101", part="theory", standard="4-13-99-02", level="5",
        scheduled_start="2026-11-24T09:00", duration_minutes=90,
    )  # fmt: skip
    candidates, attempts = {}, {}
    for ticket, (name, number) in CANDIDATES.items():
        photo = b"PHOTO-" + ticket.encode()
        cid = exam.add_candidate(admin, session_id, ticket=ticket, name=name, id_number=number, photo=photo)
        candidates[ticket] = cid
        attempts[ticket] = exam.prepare_attempt(admin, cid, sample_content(), duration)
    return World(url, db, accounts, exam, admin, proctor, session_id, candidates, attempts)


@pytest.fixture(params=BACKENDS)
def world(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[World]:
    url = fresh_url(request.param, tmp_path)
    w = build_world(url)
    yield w
    w.db.close()
