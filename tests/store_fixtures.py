"""Stores for tests: SQLite in a temporary folder, and PostgreSQL when EXAMDESK_TEST_PG_URL is set
(scripts/test.sh starts a private server on loopback and sets it)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from app.banks.catalog import Catalog
from app.security import passwords
from app.security.envelope import FAST_KDF
from app.services.accounts import AccountService
from app.services.base import Actor
from app.services.exam import ExamService
from app.services.review import ReviewService
from app.services.scoring import ScoringService
from app.store.clock import FixedClock, MachineClock
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


# The store clock of every test world: a fixed local time, so no test depends on today's date.
# The world's session is scheduled for 09:00 that day; the clock reads 08:50 (local time).
EXAM_DAY = "2026-12-05"
SESSION_START = f"{EXAM_DAY}T09:00"


def exam_day_clock(hour: int = 8, minute: int = 50) -> FixedClock:
    """A clock at `hour:minute` local time on EXAM_DAY."""
    return FixedClock(datetime.fromisoformat(f"{EXAM_DAY}T{hour:02d}:{minute:02d}").astimezone())


def on_the_day(world: World, scheduled_start: str, minutes_before: int = 10) -> None:
    """Set the world's store clock to `minutes_before` minutes before `scheduled_start` (local time)."""
    at = datetime.fromisoformat(scheduled_start) - timedelta(minutes=minutes_before)
    world.db.clock.at = at.astimezone()  # type: ignore[attr-defined]  # a FixedClock


@cache
def shared_catalog() -> Catalog:
    """The bundled catalogue, loaded once (services only read it)."""
    return Catalog.load()


@dataclass
class World:
    """A set-up centre: store (on a fixed clock), services, admin and proctor, one theory session
    on the clock's day with two candidates and the two proctors a room needs; and staff with no
    duty anywhere: a proctor (`outsider`) and an examiner (`examiner`)."""

    url: str
    db: Database
    accounts: AccountService
    exam: ExamService
    admin: Actor
    proctor: Actor
    session_id: int
    candidates: dict[str, int]
    attempts: dict[str, int]
    outsider: Actor  # a proctor of no session
    examiner: Actor  # an examiner of no session

    def reopen(self, passphrase: str = PASSPHRASE, *, machine: MachineClock | None = None) -> World:
        """The store opened again, as another process does: on the same boot of the machine unless
        `machine` says otherwise (a restarted PC is a new boot)."""
        self.db.close()
        db = Database.open(self.url, passphrase, clock=self.db.clock, machine=machine or self.db.machine)
        return World(self.url, db, AccountService(db), ExamService(db, shared_catalog()), self.admin, self.proctor,
                     self.session_id, self.candidates, self.attempts, self.outsider, self.examiner)  # fmt: skip

    @property
    def scoring(self) -> ScoringService:
        return ScoringService(self.db, shared_catalog())

    @property
    def review(self) -> ReviewService:
        return ReviewService(self.db, shared_catalog())


CANDIDATES = {
    # ticket: (name, ID number)
    "T001": ("王晓明", "11010519491231002X"),
    "T002": ("李华", "440524198001010013"),
}


def sample_content(n: int = 5, *, written: bool = False) -> dict:
    """A paper of `n` single-choice questions (key B), or with `written` of short-answer questions."""
    items = []
    for slot in range(n):
        item = {"slot": slot, "id": f"Q{slot}", "type": "single", "area": "学情分析", "points": "2",
                "stem": f"第{slot + 1}题 独特题干文本{slot}", "options": [["A", "甲"], ["B", "乙"], ["C", "丙"]],
                "key": "B"}  # fmt: skip
        if written:
            item.update(type="short", options=[], key=None, rubric=[["要点", "2"]])
        items.append(item)
    return {"seed": "s", "standard": "4-13-99-02", "level": "5", "items": items}


@pytest.fixture(autouse=True)
def fast_passwords(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2 with small costs in tests; the construction is the same."""
    from argon2 import PasswordHasher

    monkeypatch.setattr(passwords, "_hasher", PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1))


def build_world(url: str, duration: float = 5400.0, *, written: bool = False) -> World:
    db = Database.create(url, PASSPHRASE, kdf=FAST_KDF, clock=exam_day_clock())
    accounts, exam = AccountService(db), ExamService(db, shared_catalog())
    admin = accounts.set_up_centre(code="C01", name="测试考点", admin_username="admin", admin_password="admin-pass-1")
    accounts.create_user(admin, username="proctor1", role="proctor", display_name="监考一", password="proctor-pass-1")
    proctor = accounts.login("proctor1", "proctor-pass-1")
    accounts.create_user(admin, username="proctor2", role="proctor", display_name="监考二", password="proctor-pass-2")
    outsider = accounts.create_user(admin, username="lone-proctor", role="proctor", display_name="监考九",
                                    password="proctor-pass-9")  # fmt: skip
    examiner = accounts.create_user(admin, username="lone-examiner", role="examiner", display_name="考评九",
                                    password="examiner-pass-9")  # fmt: skip
    session_id = exam.schedule_session(
        admin, code="S1", room="101", part="theory", standard="4-13-99-02", level="5",
        scheduled_start=SESSION_START, duration_minutes=90,
    )  # fmt: skip
    assign_proctors(db, admin, session_id)
    candidates, attempts = {}, {}
    for ticket, (name, number) in CANDIDATES.items():
        photo = b"PHOTO-" + ticket.encode()
        cid = exam.add_candidate(admin, session_id, ticket=ticket, name=name, id_number=number, photo=photo)
        candidates[ticket] = cid
        attempts[ticket] = exam.prepare_attempt(admin, cid, sample_content(written=written), duration)
    return World(url, db, accounts, exam, admin, proctor, session_id, candidates, attempts,
                 Actor("proctor", outsider.id), Actor("examiner", examiner.id))  # fmt: skip


def assign_proctors(db: Database, admin: Actor, session_id: int, usernames: tuple[str, ...] = ("proctor1", "proctor2"),
                    ) -> None:  # fmt: skip
    """Assign proctors a theory room needs (1.9.3: at least 2 per room)."""
    accounts, scoring = AccountService(db), ScoringService(db, shared_catalog())
    ids = {u.username: u.id for u in accounts.users(admin)}
    for username in usernames:
        scoring.assign_staff(admin, session_id, ids[username], "proctor")


@pytest.fixture(params=BACKENDS)
def world(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[World]:
    url = fresh_url(request.param, tmp_path)
    w = build_world(url)
    yield w
    w.db.close()


def seat(exam: ExamService, proctor: Actor, ticket: str, station: str) -> None:
    """Check the candidate with `ticket` (its sitting still to be taken, in a session not yet
    closed) in at `station`, as a proctor does before the candidate may log in there; nothing when
    already seated there."""
    from sqlalchemy import select

    from app.domain.attempt_state import StepKind
    from app.services.answer_log import read_log
    from app.store.models import Attempt, Candidate, CheckIn, ExamSession

    with exam.db.reader() as s:
        sittings = s.scalars(
            select(Candidate.id)
            .join(ExamSession, ExamSession.id == Candidate.session_id)
            .where(Candidate.ticket == ticket, ExamSession.state.in_(("scheduled", "open")))
            .order_by(Candidate.id.desc())
        ).all()

        def done(cid: int) -> bool:
            attempt = s.scalar(select(Attempt.id).where(Attempt.candidate_id == cid))
            return attempt is not None and read_log(s, attempt, kinds=(StepKind.SUBMIT,)).submitted

        cid = next((c for c in sittings if not done(c)), None)
        assert cid is not None, f"no sitting of ticket {ticket} to take"
        seated = s.scalar(select(CheckIn.station).where(CheckIn.candidate_id == cid).order_by(CheckIn.id.desc()))
    if seated != station:
        exam.check_in(proctor, cid, station)


def seated_login(exam: ExamService, proctor: Actor, ticket: str, id_number: str, station: str):  # type: ignore[no-untyped-def]
    """The candidate checked in at `station` (`seat`), then logged in there."""
    seat(exam, proctor, ticket, station)
    return exam.candidate_login(ticket=ticket, id_number=id_number, station=station)


def first_proctor(exam: ExamService) -> Actor:
    """proctor1 of a test world (a proctor of its session), signed in on `exam`'s store."""
    return AccountService(exam.db).login("proctor1", "proctor-pass-1")
