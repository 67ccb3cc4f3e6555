"""Realistic stores for the benchmarks: a centre run through its own services.

Sessions are scheduled on their day (a `FixedClock`), staffed by the standard's rules (two proctors
per room and one per 15 candidates), rostered with registration photos (JPEG, 20-60 KB), given real
papers from the sample banks (`PaperService.prepare_papers`), started, logged into, answered,
submitted, closed and graded. Two fast paths keep building thousands of candidates affordable, and
neither changes what ends up in the store:

- `building(db)`: while building, the store's connections run with `synchronous=OFF` (no fsync per
  commit); the rows are the same. Measurements always run after it, at `synchronous=FULL`.
- `answer_directly`: the rows a run of `save_answer` calls would leave (one encrypted step and one
  audit entry per answer, chained), written in one transaction per candidate instead of one per
  answer. The answers are the paper's own (right with the candidate's ability, wrong otherwise).

Used by bench/*.py; run as a script it builds a store and prints what it holds and how long it took.
"""

from __future__ import annotations

import io
import math
import random
import statistics
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import event, insert, select

from app.banks.catalog import Catalog
from app.banks.roster_file import RosterRow
from app.demo import _answer_for, demo_people, simulated_keys
from app.domain.identity import check_digit
from app.security import passwords
from app.security.envelope import FAST_KDF
from app.services.accounts import AccountService
from app.services.base import Actor
from app.services.exam import CandidateLogin, ExamService
from app.services.papers import PaperService
from app.services.scoring import ScoringService
from app.store import audit
from app.store.clock import FixedClock
from app.store.database import Database, sqlite_url
from app.store.models import AttemptStep

PASSPHRASE = "bench passphrase: realistic store"
STANDARD, LEVEL = "4-13-99-02", "5"
PER_PROCTOR = 15  # 1.9.3: at most 15 candidates per proctor in a theory room, and at least 2 proctors
FIRST_DAY = date(2026, 3, 2)  # sessions of the store's past are held from this day on, one day each


# -- measuring -----------------------------------------------------------------------------------


def percentile(values: Sequence[float], p: float) -> float:
    """The p-th percentile (nearest rank) of `values`; NaN when there are none."""
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(p / 100 * len(ordered)) - 1))]


def ms(seconds: float) -> str:
    return f"{seconds * 1e3:8.2f} ms"


def verdict(ok: bool) -> str:
    return "met" if ok else "NOT met"


def summary(values: Sequence[float]) -> str:
    top, mean = (max(values), statistics.fmean(values)) if values else (math.nan, math.nan)
    return f"p50 {ms(percentile(values, 50))}  p99 {ms(percentile(values, 99))}  max {ms(top)}  mean {ms(mean)}"


class FsyncBaseline:
    """What a WAL commit costs the disk: overwrite a small file in place, then fdatasync."""

    def __init__(self, folder: Path, size: int = 4096):
        import os

        self._os = os
        self.path = folder / "baseline.bin"
        self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        self.block = os.urandom(size)
        os.pwrite(self.fd, self.block, 0)
        os.fsync(self.fd)

    def once(self) -> float:
        t0 = time.perf_counter()
        self._os.pwrite(self.fd, self.block, 0)
        self._os.fdatasync(self.fd)
        return time.perf_counter() - t0

    def close(self) -> None:
        self._os.close(self.fd)


class BareCommit:
    """The least a save can cost in SQLite: one row of a step's size inserted and committed
    (WAL, synchronous=FULL, as the store runs), with no service, no encryption and no audit."""

    def __init__(self, folder: Path, row_bytes: int = 160):
        import os
        import sqlite3

        self.db = sqlite3.connect(folder / "bare.db", isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=FULL")
        self.db.execute("CREATE TABLE steps (id INTEGER PRIMARY KEY, attempt INT, seq INT, data BLOB, "
                        "UNIQUE (attempt, seq))")  # fmt: skip
        self.row, self.seq = os.urandom(row_bytes), 0

    def once(self) -> float:
        self.seq += 1
        t0 = time.perf_counter()
        self.db.execute("BEGIN IMMEDIATE")
        self.db.execute("INSERT INTO steps (attempt, seq, data) VALUES (1, ?, ?)", (self.seq, self.row))
        self.db.execute("COMMIT")
        return time.perf_counter() - t0

    def close(self) -> None:
        self.db.close()


# -- people and photos ------------------------------------------------------------------------


def registration_photo(n: int) -> bytes:
    """A registration photo as a centre receives it: 295x413 (one inch at 300 dpi), JPEG, 20-60 KB.
    The demo's silhouette (app.demo.demo_photo) on a background with sensor noise, which is what
    makes a real photo's JPEG that size."""
    from PIL import Image, ImageDraw

    rng = random.Random(n)
    backgrounds = ((219, 234, 254), (254, 226, 226), (220, 252, 231), (254, 249, 195), (237, 233, 254))
    image = Image.new("RGB", (295, 413), backgrounds[n % len(backgrounds)])
    draw = ImageDraw.Draw(image)
    tone = (90 + 7 * (n % 5), 96 + 5 * (n % 7), 110)
    draw.ellipse((92, 62, 203, 198), fill=tone)  # head
    draw.rounded_rectangle((43, 216, 252, 445), radius=86, fill=tone)  # shoulders
    noise = Image.effect_noise((295, 413), 18 + rng.random() * 14).convert("RGB")
    image = Image.blend(image, noise, 0.2 + 0.1 * rng.random())
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=90)
    return out.getvalue()


_PHOTOS: list[bytes] = []


def photo(n: int) -> bytes:
    """One of 16 distinct photos (making thousands is slow and they all cost the same to store)."""
    if not _PHOTOS:
        _PHOTOS.extend(registration_photo(k) for k in range(16))
    return _PHOTOS[n % len(_PHOTOS)]


@dataclass(frozen=True)
class Person:
    ticket: str
    name: str
    id_number: str
    ability: float


def people(count: int, prefix: str, first: int, seed: int) -> list[Person]:
    """`count` candidates with tickets `prefix` + number and ID numbers unique across the store
    (`first` is the running number of the first one)."""
    out = []
    for n, (_t, name, number, ability) in enumerate(demo_people(count, random.Random(seed))):
        k = first + n
        first17 = f"{number[:14]}{k % 1000:03d}"  # region + birth date of demo_people, a unique sequence
        first17 = f"{int(first17[:6]) + k // 1000:06d}{first17[6:]}"
        out.append(Person(f"{prefix}{n + 1:05d}", name, first17 + check_digit(first17), ability))
    return out


# -- the centre ----------------------------------------------------------------------------------


def fast_staff_passwords() -> None:
    """Argon2 with small costs for the bench's staff accounts (the construction is the same)."""
    from argon2 import PasswordHasher

    passwords._hasher = PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1)


@dataclass
class Plan:
    """A scheduled session of the centre and its candidates."""

    session_id: int
    code: str
    day: date
    people: list[Person]
    attempts: dict[str, int] = field(default_factory=dict)  # ticket -> attempt id
    logins: dict[str, CandidateLogin] = field(default_factory=dict)  # ticket -> login
    seqs: dict[int, int] = field(default_factory=dict)  # attempt id -> last step


@dataclass
class Centre:
    folder: Path
    db: Database
    catalog: Catalog
    admin: Actor
    proctors: list[Actor]
    exam: ExamService = field(init=False)
    papers: PaperService = field(init=False)
    scoring: ScoringService = field(init=False)
    accounts: AccountService = field(init=False)
    _issued: int = 0
    _sessions: int = 0

    def __post_init__(self) -> None:
        self.exam, self.papers = ExamService(self.db, self.catalog), PaperService(self.db, self.catalog)
        self.scoring, self.accounts = ScoringService(self.db, self.catalog), AccountService(self.db)

    @property
    def clock(self) -> FixedClock:
        return self.db.clock  # type: ignore[return-value]

    def on_day(self, day: date, hour: int = 8, minute: int = 50) -> None:
        self.clock.at = datetime(day.year, day.month, day.day, hour, minute).astimezone()

    def ensure_proctors(self, count: int) -> None:
        while len(self.proctors) < count:
            n = len(self.proctors) + 1
            view = self.accounts.create_user(self.admin, username=f"proctor{n}", role="proctor",
                                             display_name=f"监考员{n}", password=f"proctor-pass-{n}")  # fmt: skip
            self.proctors.append(Actor("proctor", view.id))

    def schedule(self, candidates: int, day: date, *, code: str | None = None, papers: bool = True) -> Plan:
        """A theory session of `candidates` on `day` at 09:00, staffed, rostered with photos and
        (unless `papers` is False) with its papers prepared."""
        self._sessions += 1
        code = code or f"T{self._sessions:03d}"
        self.on_day(day)
        session_id = self.exam.schedule_session(
            self.admin, code=code, room=f"机房{300 + self._sessions}", part="theory", standard=STANDARD, level=LEVEL,
            scheduled_start=f"{day.isoformat()}T09:00", duration_minutes=90,
        )  # fmt: skip
        needed = max(2, math.ceil(candidates / PER_PROCTOR))
        self.ensure_proctors(needed)
        for proctor in self.proctors[:needed]:
            self.scoring.assign_staff(self.admin, session_id, proctor.id, "proctor")
        group = people(candidates, f"{code}-", self._issued, seed=self._sessions)
        self._issued += candidates
        rows = [RosterRow(n + 2, p.ticket, p.name, p.id_number, photo(self._issued + n)) for n, p in enumerate(group)]
        self.exam.import_roster(self.admin, session_id, rows, f"{code}-roster.xlsx")
        plan = Plan(session_id, code, day, group)
        if papers:
            self.prepare(plan)
        return plan

    def prepare(self, plan: Plan) -> None:
        self.papers.prepare_papers(self.admin, plan.session_id)
        rows = self.exam.roster(self.admin, plan.session_id)
        plan.attempts = {r.ticket: r.attempt_id for r in rows if r.attempt_id is not None}

    def start(self, plan: Plan) -> None:
        self.on_day(plan.day)
        self.exam.start_session(self.proctors[0], plan.session_id)

    def seat(self, plan: Plan, group: Sequence[Person], station: Callable[[int], str]) -> None:
        """The proctor checks `group` in, the n-th at `station(n)`: a candidate logs in only at their seat."""
        ids = {r.ticket: r.candidate_id for r in self.exam.roster(self.admin, plan.session_id)}
        for n, p in enumerate(group):
            self.exam.check_in(self.proctors[0], ids[p.ticket], station(n))

    def log_in(self, plan: Plan, group: Sequence[Person]) -> list[CandidateLogin]:
        out = []
        self.seat(plan, group, lambda n: f"PC-{n + 1:04d}")
        for n, p in enumerate(group):
            login = self.exam.candidate_login(ticket=p.ticket, id_number=p.id_number, station=f"PC-{n + 1:04d}")
            plan.logins[p.ticket] = login
            plan.seqs.setdefault(login.attempt_id, 0)
            out.append(login)
        return out

    def answer_directly(self, plan: Plan, person: Person, rng: random.Random, *, fraction: float = 1.0,
                        flags: int = 0) -> int:  # fmt: skip
        """Write what `save_answer` (and `set_flag`) would leave for this candidate answering the first
        `fraction` of the paper (some answers changed once), in one transaction; returns the last step."""
        login = plan.logins[person.ticket]
        attempt_id = login.attempt_id
        paper = self.exam.attempt_view(login.actor, attempt_id)
        keys = simulated_keys(self.db, attempt_id)  # the invented candidate answers with its ability
        seq = paper.last_seq
        steps: list[tuple[str, int, Any]] = []
        answered = paper.items[: max(0, round(len(paper.items) * fraction))]
        for entry, key in zip(answered, keys, strict=False):
            steps.append(("answer", entry["slot"], {"value": _answer_for({**entry, "key": key}, person.ability, rng)}))
            if rng.random() < 0.15:  # a second thought
                steps.append(("answer", entry["slot"], {"value": _answer_for({**entry, "key": key}, person.ability,
                                                                             rng)}))  # fmt: skip
        for slot in rng.sample(range(len(paper.items)), min(flags, len(paper.items))):
            steps.append(("flag", slot, None))
        db, label = self.db, login.actor.label
        with db.write() as c:
            head = c.execute(audit._HEAD_GET).scalar()
            step_rows, audit_rows = [], []
            for kind, slot, data in steps:
                seq += 1
                wall = db.wall_now()
                step_rows.append({"attempt_id": attempt_id, "seq": seq, "kind": kind, "slot": slot, "data": data,
                                  "actor": label, "epoch": db.epoch, "mono": db.mono(), "wall": wall})  # fmt: skip
                row, head = audit.next_entry(db.cipher, head, wall=wall, actor=label, action=f"attempt.{kind}",
                                             target=f"attempt:{attempt_id}",
                                             data={"seq": seq, "slot": slot, "data": data})  # fmt: skip
                audit_rows.append(row)
            if step_rows:
                c.execute(insert(AttemptStep), step_rows)
                c.execute(audit._ENTRY_ADD, audit_rows)
                c.execute(audit._HEAD_SET, {"value": head})
        plan.seqs[attempt_id] = seq
        return seq

    def finish(self, plan: Plan, rng: random.Random, *, absent: int = 0) -> dict[str, int]:
        """Start, everyone but `absent` candidates logs in, answers and submits; close and grade."""
        self.start(plan)
        sitting = plan.people[absent:]
        self.log_in(plan, sitting)
        for p in sitting:
            self.answer_directly(plan, p, rng, flags=rng.choice((0, 0, 1, 2)))
            self.exam.submit(plan.logins[p.ticket].actor, plan.logins[p.ticket].attempt_id)
        return self.exam.close_session(self.proctors[0], plan.session_id)

    def close(self) -> None:
        self.db.close()


@dataclass
class Writer:
    """A logged-in candidate who saves answers to the real paper, one after another."""

    exam: ExamService
    login: CandidateLogin
    items: list[dict[str, Any]]
    keys: list[Any]
    seq: int
    ability: float
    rng: random.Random

    @classmethod
    def of(cls, exam: ExamService, admin: Actor, login: CandidateLogin, ability: float, seed: int) -> Writer:
        view = exam.attempt_view(login.actor, login.attempt_id)
        return cls(exam, login, view.items, simulated_keys(exam.db, login.attempt_id), view.last_seq, ability,
                   random.Random(seed))  # fmt: skip

    def next_answer(self) -> tuple[int, Any]:
        slot = self.rng.randrange(len(self.items))
        return slot, _answer_for({**self.items[slot], "key": self.keys[slot]}, self.ability, self.rng)

    def save(self) -> float:
        """One save_answer, timed (seconds); the acknowledged step becomes the next expected one."""
        slot, value = self.next_answer()
        t0 = time.perf_counter()
        ack = self.exam.save_answer(self.login.actor, self.login.attempt_id, self.seq, slot, value)
        elapsed = time.perf_counter() - t0
        self.seq = ack.seq
        return elapsed


def writers(centre: Centre, plan: Plan, logins: Sequence[CandidateLogin], seed: int = 5) -> list[Writer]:
    ability = {p.ticket: p.ability for p in plan.people}
    tickets = {login.attempt_id: t for t, login in plan.logins.items()}
    return [Writer.of(centre.exam, centre.admin, login, ability[tickets[login.attempt_id]], seed + n)
            for n, login in enumerate(logins)]  # fmt: skip


def create_centre(folder: Path, *, proctors: int = 2) -> Centre:
    """An empty centre (admin and `proctors` proctors) in `folder`, on a fixed clock."""
    fast_staff_passwords()
    clock = FixedClock(datetime(FIRST_DAY.year, FIRST_DAY.month, FIRST_DAY.day, 8, 50).astimezone())
    folder.mkdir(parents=True, exist_ok=True)
    db = Database.create(sqlite_url(folder / "examdesk.db"), PASSPHRASE, kdf=FAST_KDF, clock=clock)
    accounts = AccountService(db)
    admin = accounts.set_up_centre(code="3701001", name="济南市基准测试考点", admin_username="admin",
                                   admin_password="admin-pass-1")  # fmt: skip
    centre = Centre(folder, db, Catalog.load(), admin, [])
    centre.ensure_proctors(proctors)
    return centre


@contextmanager
def building(db: Database) -> Iterator[None]:
    """Commits without fsync while building (see the module's doc); FULL again afterwards."""

    def unsynced(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute("PRAGMA synchronous=OFF")

    event.listen(db.engine, "connect", unsynced)
    db.engine.dispose()  # pooled connections (the saves' too) reconnect through the listener
    try:
        yield
    finally:
        event.remove(db.engine, "connect", unsynced)
        db.engine.dispose()


def age(centre: Centre, candidates: int, *, per_session: int = 300, log: Any = print) -> list[Plan]:
    """The store's past: `candidates` finished candidates in sessions of `per_session`, one a day
    from FIRST_DAY; about 3% of each session absent (缺考)."""
    rng = random.Random(11)
    plans = []
    t0 = time.perf_counter()
    with building(centre.db):
        for n in range(math.ceil(candidates / per_session)):
            size = min(per_session, candidates - n * per_session)
            plan = centre.schedule(size, FIRST_DAY + timedelta(days=n))
            done = centre.finish(plan, rng, absent=max(0, size // 33))
            plans.append(plan)
            log(f"  aged: session {plan.code} of {size} finished ({done}), {time.perf_counter() - t0:.0f} s")
    return plans


def dispose_widget(widget: Any) -> None:
    """Stop a widget's timers and delete it now (a deleteLater would wait for an event loop that
    a bench never runs, and its timers would go on reading a store already closed)."""
    import shiboken6
    from PySide6.QtCore import QTimer

    for timer in widget.findChildren(QTimer):
        timer.stop()
    widget.close()
    shiboken6.delete(widget)


def exit_after_qt(code: int) -> None:
    """End a Qt bench: the caller has closed its widgets and stores; deferred deletions run and the
    garbage is collected while the interpreter is alive, then the process exits with `code`.
    Interpreter finalisation is skipped on purpose: PySide6 6.12 can abort there ("Fatal Python
    error: bool_dealloc" while garbage-collecting, SIGABRT) after everything of ours is closed."""
    import gc
    import os
    import sys

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is not None:
        app.processEvents()
    gc.collect()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def store_summary(db: Database) -> str:
    from sqlalchemy import func

    from app.store.models import AuditEntry, Candidate, TimeEventRow

    with db.reader() as s:
        counts = {
            "candidates": s.scalar(select(func.count()).select_from(Candidate)),
            "steps": s.scalar(select(func.count()).select_from(AttemptStep)),
            "time events": s.scalar(select(func.count()).select_from(TimeEventRow)),
            "audit entries": s.scalar(select(func.count()).select_from(AuditEntry)),
        }
    path = Path(db.engine.url.database or "")
    size = path.stat().st_size / 1e6 if path.exists() else 0.0
    modes = {0: "OFF", 1: "NORMAL", 2: "FULL", 3: "EXTRA"}
    with db.engine.connect() as c:  # from the pool, which the saves use too
        sync = modes[c.exec_driver_sql("PRAGMA synchronous").scalar()]
    return ", ".join(f"{v:,} {k}" for k, v in counts.items()) + f"; file {size:.0f} MB; synchronous={sync}"


def main() -> None:
    import argparse
    import tempfile

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--candidates", type=int, default=3000)
    args = parser.parse_args()
    sizes = [len(registration_photo(n)) for n in range(16)]
    print(f"registration photos: {min(sizes) / 1e3:.0f}-{max(sizes) / 1e3:.0f} KB")
    with tempfile.TemporaryDirectory() as tmp:
        centre = create_centre(Path(tmp))
        t0 = time.perf_counter()
        age(centre, args.candidates)
        print(f"built in {time.perf_counter() - t0:.1f} s: {store_summary(centre.db)}")
        centre.close()


if __name__ == "__main__":
    main()
