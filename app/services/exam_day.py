"""What the exam day's role services share: an attempt's fixed facts, its time ledger, its log's
last step, the statements of the answer-save path, and the checks every action on an attempt makes.

The role services (app/services/sessions.py, answers.py, proctoring.py) each build on `ExamDay`;
`app.services.exam.ExamService` composes them for the callers that still use one object.

Invariants kept here (see ../shared/DESIGN.md):
- Remaining time comes from the ledger (app.domain.time_ledger), never from a wall clock.
- Candidates act only on their own attempt, from the one station they are logged in on, and only
  while it is open.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Connection, bindparam, func, insert, or_, select
from sqlalchemy.orm import Session

from app.api.types import Identity
from app.domain.answers import AnswerShape
from app.domain.attempt_state import StepKind
from app.domain.identity import mask_id_number
from app.domain.time_ledger import (
    Instant,
    LedgerState,
    LedgerView,
    OutageCharge,
    StationBeat,
    TimeEvent,
    TimeEventKind,
    outage_charge,
    view,
)
from app.services.base import Actor, Conflict, NotFound, PermissionDenied, Service, require_duty
from app.store.database import Database
from app.store.models import (
    Attempt,
    AttemptHeartbeat,
    AttemptStep,
    Candidate,
    ExamSession,
    PaperInstance,
    StationLogin,
    TimeEventRow,
)
from app.store.types import EncryptedJSON, RowBound, step_row


class AttemptClosed(Conflict):
    code = "attempt_closed"


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


# Statements on the answer-save path, built once (building them is most of a save's Python cost).
_Q_FACTS = select(Attempt.session_id, Attempt.candidate_id, Attempt.paper_id, Attempt.duration_seconds).where(
    Attempt.id == bindparam("aid")
)
_Q_CONTENT = select(PaperInstance.content).where(PaperInstance.id == bindparam("pid"))
_Q_TOKEN = select(StationLogin.token_digest).where(StationLogin.candidate_id == bindparam("cid"), StationLogin.open)
_Q_LAST_SEQ = select(func.max(AttemptStep.seq)).where(AttemptStep.attempt_id == bindparam("aid"))
_Q_OLD_EPOCH_STEPS = (
    select(AttemptStep.epoch, func.max(AttemptStep.mono))
    .where(AttemptStep.attempt_id == bindparam("aid"), AttemptStep.epoch != bindparam("epoch"))
    .group_by(AttemptStep.epoch)
)
_Q_EVENTS = select(TimeEventRow.kind, TimeEventRow.epoch, TimeEventRow.mono, TimeEventRow.seconds).where(
    TimeEventRow.session_id == bindparam("sid"),
    or_(TimeEventRow.attempt_id == bindparam("aid"), TimeEventRow.attempt_id.is_(None)),
)
_Q_STEP_OF = select(AttemptStep.seq, AttemptStep.kind, AttemptStep.slot).where(
    AttemptStep.attempt_id == bindparam("aid"), AttemptStep.step_id == bindparam("sid")
)
_Q_OLD_EPOCH_HEARTBEATS = (
    select(AttemptHeartbeat.epoch, func.max(AttemptHeartbeat.mono))
    .where(AttemptHeartbeat.attempt_id == bindparam("aid"), AttemptHeartbeat.epoch != bindparam("epoch"))
    .group_by(AttemptHeartbeat.epoch)
)
_Q_STATION_BEATS = select(AttemptHeartbeat.epoch, AttemptHeartbeat.mono, AttemptHeartbeat.station_mono,
                          AttemptHeartbeat.offline).where(AttemptHeartbeat.attempt_id == bindparam("aid"),
                                                          AttemptHeartbeat.station_mono.is_not(None))  # fmt: skip
_ADD_STEP = insert(AttemptStep)

# The answer-save path on the embedded store's own sqlite3 connection (see _step_sqlite).
_SQLITE_TOKEN = "SELECT token_digest FROM station_logins WHERE candidate_id = ? AND open = 1"
_SQLITE_LAST_SEQ = "SELECT max(seq) FROM attempt_steps WHERE attempt_id = ?"
_SQLITE_OLD_EPOCH_STEPS = (
    "SELECT epoch, max(mono) FROM attempt_steps WHERE attempt_id = ? AND epoch != ? GROUP BY epoch"
)
_SQLITE_EVENTS = (
    "SELECT kind, epoch, mono, seconds FROM time_events WHERE session_id = ? AND (attempt_id = ? OR attempt_id IS NULL)"
)
_SQLITE_STEP_OF = "SELECT seq, kind, slot FROM attempt_steps WHERE attempt_id = ? AND step_id = ?"
_SQLITE_OLD_EPOCH_HEARTBEATS = (
    "SELECT epoch, max(mono) FROM attempt_heartbeats WHERE attempt_id = ? AND epoch != ? GROUP BY epoch"
)
_SQLITE_ADD_STEP = (
    "INSERT INTO attempt_steps (attempt_id, seq, kind, slot, data, actor, epoch, mono, wall, step_id) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_STEP_DATA_TYPE = cast(EncryptedJSON, AttemptStep.__table__.c.data.type)
_STEP_DATA_CONTEXT = _STEP_DATA_TYPE.context  # the column-bound associated data
_ADD_TIME_EVENT = insert(TimeEventRow)


class _CoreStatements:
    """The attempt's statements on a SQLAlchemy connection: PostgreSQL's saves, and the actions
    that run in an ORM session (submit, terminate, login, close)."""

    def __init__(self, c: Connection):
        self.c = c

    def facts(self, attempt_id: int) -> tuple[int, int, int, float, int, tuple[AnswerShape, ...]] | None:
        """(session, candidate, paper, duration, slots, each slot's answer shape) of an attempt."""
        row = self.c.execute(_Q_FACTS, {"aid": attempt_id}).first()
        if row is None:
            return None
        content = self.c.execute(_Q_CONTENT, {"pid": row[2]}).scalar()
        assert content is not None  # attempts.paper_id is a foreign key; a paper's content is not null
        items = content["items"]
        return row[0], row[1], row[2], row[3], len(items), tuple(AnswerShape.of(item) for item in items)

    def token(self, candidate_id: int) -> str | None:
        return self.c.execute(_Q_TOKEN, {"cid": candidate_id}).scalar()

    def last_seq(self, attempt_id: int) -> int:
        return self.c.execute(_Q_LAST_SEQ, {"aid": attempt_id}).scalar() or 0

    def step_of(self, attempt_id: int, step_id: str) -> tuple[int, str, int | None] | None:
        """(seq, kind, slot) of the attempt's step the station named `step_id`, if the store holds it."""
        row = self.c.execute(_Q_STEP_OF, {"aid": attempt_id, "sid": step_id}).first()
        return None if row is None else (row[0], row[1], row[2])

    def old_epoch_steps(self, attempt_id: int, epoch: int) -> Iterable[tuple[int, float]]:
        params = {"aid": attempt_id, "epoch": epoch}
        return [*self.c.execute(_Q_OLD_EPOCH_STEPS, params).all(), *self.c.execute(_Q_OLD_EPOCH_HEARTBEATS, params)]

    def events(self, session_id: int, attempt_id: int) -> Iterable[Any]:
        return self.c.execute(_Q_EVENTS, {"sid": session_id, "aid": attempt_id}).all()

    def add_step(self, row: dict[str, Any]) -> None:
        data = row["data"]
        bound = None if data is None else RowBound(data, step_row(row["attempt_id"], row["seq"]))
        self.c.execute(_ADD_STEP, [{**row, "data": bound}])


class _SqliteStatements:
    """The same statements on the embedded store's own sqlite3 connection (a third of the Python
    cost of a save through SQLAlchemy). Only how they run differs: the step's data is sealed as
    its column type would seal it."""

    def __init__(self, raw: sqlite3.Connection, db: Database):
        self.raw, self.db = raw, db

    def facts(self, attempt_id: int) -> tuple[int, int, int, float, int, tuple[AnswerShape, ...]] | None:
        with self.db.reader() as s:  # once per attempt and process: the paper decrypts through its type
            return _CoreStatements(s.connection()).facts(attempt_id)

    def token(self, candidate_id: int) -> str | None:
        row = self.raw.execute(_SQLITE_TOKEN, (candidate_id,)).fetchone()
        return None if row is None else row[0]

    def last_seq(self, attempt_id: int) -> int:
        return self.raw.execute(_SQLITE_LAST_SEQ, (attempt_id,)).fetchone()[0] or 0

    def step_of(self, attempt_id: int, step_id: str) -> tuple[int, str, int | None] | None:
        row = self.raw.execute(_SQLITE_STEP_OF, (attempt_id, step_id)).fetchone()
        return None if row is None else (row[0], row[1], row[2])

    def old_epoch_steps(self, attempt_id: int, epoch: int) -> Iterable[tuple[int, float]]:
        return [*self.raw.execute(_SQLITE_OLD_EPOCH_STEPS, (attempt_id, epoch)).fetchall(),
                *self.raw.execute(_SQLITE_OLD_EPOCH_HEARTBEATS, (attempt_id, epoch)).fetchall()]  # fmt: skip

    def events(self, session_id: int, attempt_id: int) -> Iterable[Any]:
        return self.raw.execute(_SQLITE_EVENTS, (session_id, attempt_id)).fetchall()

    def add_step(self, row: dict[str, Any]) -> None:
        data = row["data"]
        sealed = None if data is None else self.db.cipher.encrypt(
            _STEP_DATA_TYPE.plaintext(data), _STEP_DATA_CONTEXT, step_row(row["attempt_id"], row["seq"]))
        self.raw.execute(_SQLITE_ADD_STEP, (row["attempt_id"], row["seq"], row["kind"], row["slot"], sealed,
                                            row["actor"], row["epoch"], row["mono"], row["wall"],
                                            row.get("step_id")))  # fmt: skip


_Statements = _CoreStatements | _SqliteStatements
_InTx = Session | Connection | sqlite3.Connection | _Statements  # the caller's transaction, however it runs


def _ledger_from(duration: float, rows: Iterable[Any], checkpoints: Sequence[TimeEvent],
                 now: Instant | None) -> LedgerView:  # fmt: skip
    """The ledger of one attempt from its (kind, epoch, mono, seconds) rows and checkpoints."""
    events = [TimeEvent(TimeEventKind(k), Instant(e, m), sec) for k, e, m, sec in rows]
    events.extend(checkpoints)
    events.sort(key=lambda ev: (ev.at.epoch, ev.at.mono))
    return view(duration, events, now)


@dataclass(frozen=True)
class _AttemptFacts:
    attempt_id: int
    session_id: int
    candidate_id: int
    paper_id: int
    duration: float
    slots: int
    shapes: tuple[AnswerShape, ...]  # what an answer to each slot may look like


class ExamDay(Service):
    """The base of the exam day's role services: the per-process caches of attempts' fixed facts
    and earlier clock epochs' checkpoints, and the helpers every role's actions use."""

    def __init__(self, db: Database):
        super().__init__(db)
        self._facts_cache: dict[int, _AttemptFacts] = {}
        # Caches shared by every thread of the process: a key's value is computed whole, then set
        # (never changed in place), so a racing thread at worst computes it again.
        self._old_checkpoints: dict[int, tuple[TimeEvent, ...]] = {}

    def _statements(self, c: _InTx) -> _Statements:
        """How the attempt's statements run in the caller's transaction."""
        if isinstance(c, (_CoreStatements, _SqliteStatements)):
            return c
        if isinstance(c, sqlite3.Connection):
            return _SqliteStatements(c, self.db)
        return _CoreStatements(c.connection() if isinstance(c, Session) else c)

    def _check_candidate_id(self, c: _InTx, actor: Actor, candidate_id: int) -> None:
        if actor.role != "candidate":
            return
        if candidate_id != actor.id:
            raise PermissionDenied("this is not your attempt")
        token = self._statements(c).token(actor.id)
        if token is None or token != _digest(actor.token):
            raise self._stale_login(actor.id)

    def _stale_login(self, candidate_id: int) -> PermissionDenied:
        """The refusal for a station whose candidate login was closed (app/services/seating.py says
        where a proctor moved the candidate)."""
        return PermissionDenied("this station's login is no longer valid: log in again")

    @staticmethod
    def _candidate(s: Session, candidate_id: int) -> Candidate:
        candidate = s.get(Candidate, candidate_id)
        if candidate is None:
            raise NotFound("no candidate {candidate}", candidate=candidate_id)
        return candidate

    def _require_proctor_of_attempt(self, s: Session, actor: Actor, attempt_id: int) -> int:
        """The attempt's session id, when `actor` proctors that session."""
        session_id = self._facts(s.connection(), attempt_id).session_id
        require_duty(s, actor, session_id, "proctor")
        return session_id

    def _session_in(self, s: Session, session_id: int, *states: str,
                    refusal: str = "session {code} is {state}") -> ExamSession:  # fmt: skip
        """The session, which must be in one of `states`; NotFound or Conflict (with `refusal`) otherwise."""
        session = s.get(ExamSession, session_id)
        if session is None:
            raise NotFound("no session {session}", session=session_id)
        if states and session.state not in states:
            raise Conflict(refusal, code=session.code, state=session.state)
        return session

    def _identity(self, session: ExamSession, cand: Candidate) -> Identity:
        """What the candidate confirms before the rules: photo, name, masked ID, the session."""
        return Identity(cand.ticket, cand.name, mask_id_number(cand.id_number), cand.photo, session.code,
                        session.room, session.standard, session.level, session.duration_minutes,
                        session.part, session.subtype)  # fmt: skip

    # -- the time ledger ----------------------------------------------------------------------

    def _instant(self) -> Instant:
        return Instant(self.db.epoch, self.db.mono())

    def _facts(self, c: _InTx, attempt_id: int) -> _AttemptFacts:
        """The attempt's fixed facts; its row never changes, so they are cached per process."""
        facts = self._facts_cache.get(attempt_id)
        if facts is None:
            row = self._statements(c).facts(attempt_id)
            if row is None:
                raise NotFound("no attempt {attempt}", attempt=attempt_id)
            facts = _AttemptFacts(attempt_id, *row)
            self._facts_cache[attempt_id] = facts
        return facts

    def _steps_summary(self, c: _InTx, attempt_id: int) -> tuple[int, tuple[TimeEvent, ...]]:
        """Last sequence number, and for each earlier clock epoch the last step's or heartbeat's
        instant: saved answers and a station's heartbeats prove the attempt was running then, so a
        crash costs nothing up to them. Those of the current epoch add nothing (its clock runs on),
        and earlier epochs are over, so their checkpoints are looked up once per process."""
        ex = self._statements(c)
        last_seq = ex.last_seq(attempt_id)
        checkpoints = self._old_checkpoints.get(attempt_id)
        if checkpoints is None:
            rows = ex.old_epoch_steps(attempt_id, self.db.epoch)
            checkpoints = tuple(TimeEvent(TimeEventKind.CHECKPOINT, Instant(e, m)) for e, m in rows)
            self._old_checkpoints[attempt_id] = checkpoints
        return last_seq, checkpoints

    def _ledger_of(self, c: _InTx, facts: _AttemptFacts,
                   checkpoints: Sequence[TimeEvent], now: Instant | None) -> LedgerView:  # fmt: skip
        rows = self._statements(c).events(facts.session_id, facts.attempt_id)
        return _ledger_from(facts.duration, rows, checkpoints, now)

    def _ledger(self, s: Session, attempt: Attempt, now: Instant | None) -> LedgerView:
        ex = self._statements(s)
        facts = self._facts(ex, attempt.id)
        return self._ledger_of(ex, facts, self._steps_summary(ex, attempt.id)[1], now)

    def _time_event(
        self, s: Session | Connection, session_id: int, attempt_id: int | None, kind: TimeEventKind, actor: Actor,
        seconds: float = 0.0, reason: str | None = None,
    ) -> None:  # fmt: skip
        c = s.connection() if isinstance(s, Session) else s
        c.execute(
            _ADD_TIME_EVENT,
            [{"session_id": session_id, "attempt_id": attempt_id, "kind": kind.value, "epoch": self.db.epoch,
              "mono": self.db.mono(), "seconds": seconds, "reason": reason, "actor": actor.label,
              "wall": self.db.wall_now()}],
        )  # fmt: skip

    def _charge_outage(self, s: Session | Connection, facts: _AttemptFacts, ledger: LedgerView, actor: Actor,
                       now_station: float | None = None) -> OutageCharge | None:  # fmt: skip
        """After a restart of the centre's machine: charge the time the attempt's station proves it
        went on (app.domain.time_ledger.outage_charge) as a BRIDGE event, which also runs the clock
        on from now. None when the attempt is not interrupted or nothing was charged. With
        `now_station` (a live heartbeat) the event is written only when the proof reaches it, so
        the clock never runs on across a silence; without (a resume), whatever is proven is charged."""
        if ledger.state is not LedgerState.INTERRUPTED or ledger.stopped_at is None:
            return None
        c = s.connection() if isinstance(s, Session) else s
        rows = c.execute(_Q_STATION_BEATS, {"aid": facts.attempt_id})
        beats = [StationBeat(Instant(e, m), station, bool(offline))
                 for e, m, station, offline in rows if station is not None]  # fmt: skip
        charge = outage_charge(ledger.stopped_at, beats, now_station)
        if now_station is not None and not charge.reaches_now:
            return None
        if now_station is None and charge.seconds <= 0:
            return None
        self._time_event(c, facts.session_id, facts.attempt_id, TimeEventKind.BRIDGE, actor, charge.seconds)
        return charge

    # -- the attempt's log ----------------------------------------------------------------------

    def _open_attempt(self, c: _InTx, actor: Actor,
                      attempt_id: int) -> tuple[_AttemptFacts, LedgerView, int]:  # fmt: skip
        """The attempt's facts, ledger and last step, once the actor may act on it and it is open."""
        ex = self._statements(c)
        facts = self._facts(ex, attempt_id)
        self._check_candidate_id(ex, actor, facts.candidate_id)
        last_seq, checkpoints = self._steps_summary(ex, attempt_id)
        ledger = self._ledger_of(ex, facts, checkpoints, self._instant())
        if ledger.state is LedgerState.SUBMITTED:  # every submit writes a SUBMIT time event
            raise AttemptClosed("the attempt has been submitted")
        return facts, ledger, last_seq

    def _append_step(self, c: _InTx, attempt_id: int, seq: int, kind: StepKind,
                     slot: int | None, data: Any, actor: Actor, step_id: str | None = None) -> None:  # fmt: skip
        self._statements(c).add_step(
            {"attempt_id": attempt_id, "seq": seq, "kind": kind.value, "slot": slot, "data": data,
             "actor": actor.label, "epoch": self.db.epoch, "mono": self.db.mono(), "wall": self.db.wall_now(),
             "step_id": step_id},
        )  # fmt: skip

