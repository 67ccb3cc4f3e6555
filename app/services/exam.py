"""The exam day: sessions, candidates, papers, logins, answers, the time ledger, submission.

Invariants kept here (see ../shared/DESIGN.md):
- `save_answer` returns only after its step is committed (synchronous=FULL): the screen may then
  show "saved". A save names the sequence number it expects to follow; a stale or replayed save
  is refused.
- Remaining time comes from the ledger (app.domain.time_ledger), never from a wall clock; at
  zero the attempt is submitted automatically.
- Candidates act only on their own attempt, from the one station they are logged in on, and only
  while it is open; they never receive answer keys.
"""

from __future__ import annotations

import hashlib
import secrets
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Connection, bindparam, func, insert, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.api.types import AttemptView, CandidateRow, Identity, RosterEntry, SaveAck, SessionInfo
from app.banks.catalog import Catalog
from app.banks.roster_file import RosterRow
from app.domain.answers import AnswerShape
from app.domain.attempt_state import AttemptState, Step, StepKind, derive
from app.domain.identity import id_number_problem, mask_id_number, normalise_id_number
from app.domain.paper_content import paper_content as paper_content  # re-exported: now in the domain
from app.domain.paper_content import skill_paper_content as skill_paper_content
from app.domain.paper_content import task_minutes
from app.domain.session_start import check_start, minutes_early
from app.domain.staffing import (
    STAFFING_SECTION,
    Finding,
    check_duration,
    check_session,
    check_task_minutes,
    cite,
    refusal,
)
from app.domain.standards import Level, Part, Standard
from app.domain.time_ledger import Instant, LedgerState, LedgerView, TimeEvent, TimeEventKind, view
from app.errors import Message
from app.security.canonical import canonical_json
from app.services import overview
from app.services.base import (
    SYSTEM,
    Actor,
    Conflict,
    NotFound,
    PermissionDenied,
    Service,
    ServiceError,
    require_duty,
    require_role,
    unfrozen_session,
)
from app.services.scoring import ABSENT, ClosingGrades, grade_closed_theory_from, write_grades
from app.services.snapshot import Scope, audit_head, changes_since, gc_paused, snapshot
from app.store.clock import local_today
from app.store.database import Database
from app.store.models import (
    Attempt,
    AttemptStep,
    Candidate,
    CheckIn,
    ExamSession,
    Incident,
    PaperInstance,
    SessionStaff,
    StationLogin,
    TimeEventRow,
)
from app.store.types import EncryptedJSON

RETENTION_YEARS = 5  # seed 003: records are kept at least five years
INCIDENT_CATEGORIES = (
    "technical.freeze", "technical.power", "technical.network", "environment.noise",
    "environment.disturbance", "illness", "misconduct", "complaint",
)  # fmt: skip


class StaleSave(Conflict):
    """The save was based on an older state of the attempt (replayed, or another tab saved)."""

    code = "stale_save"


class AttemptClosed(Conflict):
    code = "attempt_closed"


class EarlyStart(Conflict):
    """The session is scheduled more than half an hour from now: start it only with `early_ok`."""

    code = "early_start"


class StandardRuleRefused(ServiceError):
    """The plan breaks a rule of the standard (section 1.9) or of the drawn tasks' time: its
    message is the findings, one per line (template LINES, each finding a part)."""

    code = "standard_rule"

    def __init__(self, findings: list[Finding]):
        super().__init__(refusal(findings))
        self.findings = findings



@dataclass(frozen=True)
class CandidateLogin:
    actor: Actor
    attempt_id: int
    candidate_id: int







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
_SQLITE_ADD_STEP = (
    "INSERT INTO attempt_steps (attempt_id, seq, kind, slot, data, actor, epoch, mono, wall) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_STEP_DATA_CONTEXT = cast(EncryptedJSON, AttemptStep.__table__.c.data.type).context  # the column-bound associated data
_ADD_TIME_EVENT = insert(TimeEventRow)


_CLOSE_TRIES = 3  # closing reads again when an attempt moved on between its read and its write


class _Moved(Exception):
    """Something closing relied on changed between its read and its write."""


@dataclass(frozen=True)
class _ClosingPlan:
    code: str  # the session's
    head: int  # the audit head of the snapshot it was read from
    scope: Scope
    absent: list[int]  # attempts of candidates who never came
    grades: ClosingGrades | None  # theory sessions


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

    def old_epoch_steps(self, attempt_id: int, epoch: int) -> Iterable[tuple[int, float]]:
        return self.c.execute(_Q_OLD_EPOCH_STEPS, {"aid": attempt_id, "epoch": epoch}).all()

    def events(self, session_id: int, attempt_id: int) -> Iterable[Any]:
        return self.c.execute(_Q_EVENTS, {"sid": session_id, "aid": attempt_id}).all()

    def add_step(self, row: dict[str, Any]) -> None:
        self.c.execute(_ADD_STEP, [row])


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

    def old_epoch_steps(self, attempt_id: int, epoch: int) -> Iterable[tuple[int, float]]:
        return self.raw.execute(_SQLITE_OLD_EPOCH_STEPS, (attempt_id, epoch)).fetchall()

    def events(self, session_id: int, attempt_id: int) -> Iterable[Any]:
        return self.raw.execute(_SQLITE_EVENTS, (session_id, attempt_id)).fetchall()

    def add_step(self, row: dict[str, Any]) -> None:
        data = row["data"]
        sealed = None if data is None else self.db.cipher.encrypt(canonical_json(data), _STEP_DATA_CONTEXT)
        self.raw.execute(_SQLITE_ADD_STEP, (row["attempt_id"], row["seq"], row["kind"], row["slot"], sealed,
                                            row["actor"], row["epoch"], row["mono"], row["wall"]))  # fmt: skip


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


class ExamService(Service):
    def __init__(self, db: Database, catalog: Catalog):
        super().__init__(db)
        self.catalog = catalog
        self._names: dict[int, str] = {}
        self._paper_slots: dict[int, int] = {}  # paper id -> slots (a drawn paper never changes)
        self._overviews = overview.OverviewCaches()
        self._facts_cache: dict[int, _AttemptFacts] = {}
        # Caches shared by every thread of the process: a key's value is computed whole, then set
        # (never changed in place), so a racing thread at worst computes it again.
        self._old_checkpoints: dict[int, tuple[TimeEvent, ...]] = {}

    # -- planning (admin) -----------------------------------------------------------------

    def _rules(self, standard: str, level: str, subtype: str | None) -> tuple[Standard, Level]:
        """The standard and level from the catalogue; a code, 工种 or level it lacks is refused."""
        std = self.catalog.standard(standard)
        return std, self.catalog.level(std, level, subtype)

    def schedule_session(
        self, actor: Actor, *, code: str, room: str, part: str, standard: str, level: str,
        scheduled_start: str, duration_minutes: int, subtype: str | None = None,
    ) -> int:  # fmt: skip
        """Plan a session. The standard, 工种 and level must be in the catalogue, the part one the
        level has (a comprehensive review only where it is required) and the duration at least the
        standard's minimum for the part (1.9.4)."""
        require_role(actor, "admin")
        if part not in {p.value for p in Part}:
            raise ServiceError("unknown part {part}; use theory, skill or review", part=part)
        try:
            datetime.fromisoformat(scheduled_start)
        except ValueError:
            raise ServiceError("the start {start} is not a date and time like 2026-12-05T09:00",
                               start=scheduled_start) from None
        std, lv = self._rules(standard, str(level), subtype or None)
        findings = check_duration(std, lv, Part(part), duration_minutes)
        if findings:
            raise StandardRuleRefused(findings)
        data = {"code": code, "room": room, "part": part, "standard": standard, "level": level}
        with self.action(actor, "session.schedule", f"session:{code}", data) as s:
            if s.scalar(select(ExamSession).where(ExamSession.code == code)):
                raise Conflict("session {code} already exists", code=repr(code))
            row = ExamSession(
                code=code, room=room, part=part, standard=standard, subtype=subtype or None, level=str(lv.level),
                scheduled_start=scheduled_start, duration_minutes=duration_minutes, state="scheduled",
            )  # fmt: skip
            s.add(row)
            s.flush()
            return row.id

    def add_candidate(
        self, actor: Actor, session_id: int, *, ticket: str, name: str, id_number: str, photo: bytes | None = None
    ) -> int:
        require_role(actor, "admin")
        problem = id_number_problem(id_number)
        if problem:
            raise ServiceError("candidate {ticket}: ID number {problem}", ticket=ticket, problem=problem)
        number = normalise_id_number(id_number)
        with self.action(actor, "candidate.add", f"session:{session_id}/ticket:{ticket}", {"ticket": ticket}) as s:
            self._session_in(s, session_id, "scheduled", "open")  # a closed session's roster is final
            if s.scalar(select(Candidate).where(Candidate.session_id == session_id, Candidate.ticket == ticket)):
                raise Conflict("ticket {ticket} is already in this session", ticket=ticket)
            row = Candidate(
                session_id=session_id, ticket=ticket, name=name, id_number=number,
                id_index=self.db.cipher.blind_index(number, b"id_number"), photo=photo,
                anonymous_code=secrets.token_hex(4).upper(),
            )  # fmt: skip
            s.add(row)
            s.flush()
            self._check_review_time(s, session_id)
            return row.id

    def _check_review_time(self, s: Session, session_id: int) -> None:
        """A review session lasts at least the standard's review minutes per candidate (1.9.4)."""
        session = s.get(ExamSession, session_id)
        assert session is not None  # both callers have found it (_session_in)
        if session.part != Part.REVIEW:
            return
        std, lv = self._rules(session.standard, session.level, session.subtype)
        count = s.scalar(select(func.count()).select_from(Candidate).where(Candidate.session_id == session_id))
        findings = check_duration(std, lv, Part.REVIEW, session.duration_minutes, count or 0)
        if findings:
            raise StandardRuleRefused(findings)

    def import_roster(self, actor: Actor, session_id: int, rows: list[RosterRow], source: str) -> int:
        """Add every candidate of a checked roster, or none (a clash names its row)."""
        require_role(actor, "admin")
        with self.action(actor, "roster.import", f"session:{session_id}", {"file": source, "rows": len(rows)}) as s:
            self._session_in(s, session_id, "scheduled", "open")
            existing = set(s.scalars(select(Candidate.ticket).where(Candidate.session_id == session_id)))
            clashes = [Message("row {row}: ticket {ticket} is already in this session", row=r.row, ticket=r.ticket)
                       for r in rows if r.ticket in existing]  # fmt: skip
            if clashes:
                raise Conflict("{file}: nothing imported; {clashes}", file=source, clashes=clashes[:10])
            for r in rows:
                s.add(
                    Candidate(
                        session_id=session_id, ticket=r.ticket, name=r.name, id_number=r.id_number,
                        id_index=self.db.cipher.blind_index(r.id_number, b"id_number"), photo=r.photo,
                        anonymous_code=secrets.token_hex(4).upper(),
                    )
                )  # fmt: skip
            s.flush()
            self._check_review_time(s, session_id)
            return len(rows)

    def prepare_attempt(self, actor: Actor, candidate_id: int, content: dict[str, Any], duration_seconds: float) -> int:
        """Fix the candidate's paper (the content snapshot, keys included) and open an attempt."""
        require_role(actor, "admin", "proctor")
        with self.action(actor, "attempt.prepare", f"candidate:{candidate_id}", {"seed": content.get("seed")}) as s:
            candidate = self._candidate(s, candidate_id)
            if actor.role != "admin":
                require_duty(s, actor, candidate.session_id, "proctor")
            paper = PaperInstance(
                session_id=candidate.session_id, candidate_id=candidate_id, seed=content.get("seed", ""),
                content=content,
            )  # fmt: skip
            s.add(paper)
            s.flush()
            attempt = Attempt(
                session_id=candidate.session_id, candidate_id=candidate_id, paper_id=paper.id,
                duration_seconds=duration_seconds + candidate.extra_seconds,
            )  # fmt: skip
            s.add(attempt)
            s.flush()
            return attempt.id

    # -- logins -----------------------------------------------------------------------------

    def candidate_login(self, *, ticket: str, id_number: str, station: str) -> CandidateLogin:
        """Ticket + ID number; refused while the candidate is logged in on another station."""
        index = self.db.cipher.blind_index(normalise_id_number(id_number), b"id_number")
        with self.db.reader() as s:
            # one admission ticket may serve several sittings (theory, skill): the open one counts
            matches = s.execute(
                select(Candidate, ExamSession.state)
                .join(ExamSession, ExamSession.id == Candidate.session_id)
                .where(Candidate.ticket == ticket, Candidate.id_index == index)
            ).all()
            if not matches:
                raise PermissionDenied("ticket number and ID number do not match")

            def rank(row: tuple[Candidate, str]) -> int:
                cand, state = row
                attempt_id = s.scalar(select(Attempt.id).where(Attempt.candidate_id == cand.id))
                done = (
                    attempt_id is not None
                    and s.scalar(
                        select(AttemptStep.id).where(AttemptStep.attempt_id == attempt_id, AttemptStep.kind == "submit")
                    )
                    is not None
                )
                # a sitting still to be taken first: open before scheduled; finished ones last
                return {"open": 0, "scheduled": 1}.get(state, 9) + (5 if done else 0)

            ranked = sorted(matches, key=rank)
            if rank(ranked[0]) >= 9:
                raise Conflict("ticket {ticket} has no session open now", ticket=ticket)
            if len(ranked) > 1 and rank(ranked[0]) == rank(ranked[1]):
                raise Conflict("ticket {ticket} is in more than one session now: ask the proctor", ticket=ticket)
            candidate = ranked[0][0]
            attempt = s.scalar(select(Attempt).where(Attempt.candidate_id == candidate.id))
        if attempt is None:
            raise Conflict("ticket {ticket} has no paper yet: ask the proctor", ticket=ticket)
        token = secrets.token_urlsafe(32)
        data = {"station": station}
        with self.action(Actor("candidate", candidate.id), "candidate.login", f"candidate:{candidate.id}", data) as s:
            current = s.scalar(select(StationLogin).where(StationLogin.candidate_id == candidate.id, StationLogin.open))
            if current is not None and current.station != station:
                raise Conflict(
                    "ticket {ticket} is logged in on station {station}; a proctor must allow the move first",
                    ticket=ticket, station=current.station,
                )
            if current is not None:
                current.open = False  # same station again (e.g. after a restart): new token
            attempt_row = s.get(Attempt, attempt.id)
            assert attempt_row is not None  # read above; attempts are never deleted
            if self._ledger(s, attempt_row, self._instant()).state is LedgerState.INTERRUPTED:
                # back after a crash or a move: the clock runs again from here, not from the outage
                who = Actor("candidate", candidate.id)
                self._time_event(s, attempt.session_id, attempt.id, TimeEventKind.RESUME, who)
            s.add(StationLogin(candidate_id=candidate.id, station=station, token_digest=_digest(token),
                               wall=self.db.wall_now()))  # fmt: skip
        return CandidateLogin(Actor("candidate", candidate.id, token), attempt.id, candidate.id)

    def allow_move(self, actor: Actor, candidate_id: int, reason: str) -> None:
        """Let a candidate continue on another station: closes the current station login."""
        require_role(actor, "proctor")
        if not reason.strip():
            raise ServiceError("a reason is required to move a candidate")
        with self.action(actor, "candidate.allow_move", f"candidate:{candidate_id}", {"reason": reason}) as s:
            candidate = self._candidate(s, candidate_id)
            require_duty(s, actor, candidate.session_id, "proctor")
            self._session_in(s, candidate.session_id, "open")
            for row in s.scalars(
                select(StationLogin).where(StationLogin.candidate_id == candidate_id, StationLogin.open)
            ):
                row.open = False
            s.add(
                Incident(
                    session_id=candidate.session_id, candidate_id=candidate_id,
                    category="technical.freeze", text=f"moved to another station: {reason}",
                    actor=actor.label, epoch=self.db.epoch, mono=self.db.mono(), wall=self.db.wall_now(),
                )
            )  # fmt: skip

    def _statements(self, c: _InTx) -> _Statements:
        """How the attempt's statements run in the caller's transaction."""
        if isinstance(c, (_CoreStatements, _SqliteStatements)):
            return c
        if isinstance(c, sqlite3.Connection):
            return _SqliteStatements(c, self.db)
        return _CoreStatements(c.connection() if isinstance(c, Session) else c)

    def _check_candidate(self, s: Session, actor: Actor, attempt: Attempt) -> None:
        self._check_candidate_id(s, actor, attempt.candidate_id)

    def _check_candidate_id(self, c: _InTx, actor: Actor, candidate_id: int) -> None:
        if actor.role != "candidate":
            return
        if candidate_id != actor.id:
            raise PermissionDenied("this is not your attempt")
        token = self._statements(c).token(actor.id)
        if token is None or token != _digest(actor.token):
            raise PermissionDenied("this station's login is no longer valid: log in again")

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

    # -- time ledger --------------------------------------------------------------------------

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
        """Last sequence number, and for each earlier clock epoch the last step's instant: saved
        answers prove the attempt was running then, so a crash costs nothing up to them. Steps of
        the current epoch add nothing (its clock runs on), and earlier epochs are over, so their
        checkpoints are looked up once per process."""
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

    def _session_in(self, s: Session, session_id: int, *states: str,
                    refusal: str = "session {code} is {state}") -> ExamSession:  # fmt: skip
        """The session, which must be in one of `states`; NotFound or Conflict (with `refusal`) otherwise."""
        session = s.get(ExamSession, session_id)
        if session is None:
            raise NotFound("no session {session}", session=session_id)
        if states and session.state not in states:
            raise Conflict(refusal, code=session.code, state=session.state)
        return session

    def record_surveillance(self, actor: Actor, session_id: int, reason: str) -> None:
        """Record that a theory room is under full electronic surveillance (全方位电子监控), and why.
        Where the standard allows it (4-07-03-01 1.9.3: 实行全方位电子监控的考场可适当降低监考人员比例)
        the start then no longer asks for 1 proctor per 15 candidates; 2 per room still hold."""
        require_role(actor, "admin")
        reason = reason.strip()
        if not reason:
            raise ServiceError("a reason is required to record electronic surveillance")
        with self.action(actor, "session.surveillance", f"session:{session_id}", {"reason": reason}) as s:
            session = self._session_in(s, session_id, "scheduled")
            if session.part != Part.THEORY:
                raise ServiceError("electronic surveillance relaxes only a theory room's proctor ratio")
            std, lv = self._rules(session.standard, session.level, session.subtype)
            if not std.staffing_for(lv).surveillance_relaxes_ratio:
                source = cite(std, STAFFING_SECTION, "staffing", lv, Part.THEORY)
                raise ServiceError("{source}: the standard does not lower the proctor ratio for electronic "
                                   "surveillance", source=source)  # fmt: skip
            session.surveillance_reason = reason

    def start_findings(self, s: Session, session: ExamSession) -> list[Finding]:
        """What the standard and the drawn tasks say against starting `session` (the date aside)."""
        std, lv = self._rules(session.standard, session.level, session.subtype)
        part = Part(session.part)
        candidates = s.scalar(select(func.count()).select_from(Candidate).where(Candidate.session_id == session.id))
        duties = dict(
            s.execute(
                select(SessionStaff.duty, func.count()).where(SessionStaff.session_id == session.id)
                .group_by(SessionStaff.duty)
            ).all()
        )  # fmt: skip
        findings = check_session(
            std, lv, part, candidates=candidates or 0, minutes=session.duration_minutes,
            proctors=duties.get("proctor", 0),
            examiners=duties.get("review" if part is Part.REVIEW else "examiner", 0),
            surveilled=bool(session.surveillance_reason),
        )  # fmt: skip
        if part is Part.SKILL:
            contents = s.scalars(select(PaperInstance.content).where(PaperInstance.session_id == session.id))
            findings += check_task_minutes(session.duration_minutes, [task_minutes(c) for c in contents])
        return findings

    def minutes_to_start(self, actor: Actor, session_id: int) -> int:
        """How many minutes before its scheduled start the session is now, by the store's clock
        (0 when on time or late): the console asks before starting more than 30 minutes early."""
        require_role(actor, "proctor")
        with self.db.reader() as s:
            session = require_duty(s, actor, session_id, "proctor")
            now = self.db.clock.now().astimezone().replace(tzinfo=None)
            return minutes_early(session.scheduled_start, now)

    def start_session(self, actor: Actor, session_id: int, *, early_ok: bool = False) -> None:
        """Open the session and start its clock. Refused on another local date than the scheduled
        one, when the standard's staffing or time rules are not met, and more than 30 minutes
        before the scheduled time unless `early_ok` (the proctor confirmed; the audit records it)."""
        require_role(actor, "proctor")
        data: dict[str, Any] = {}
        with self.action(actor, "session.start", f"session:{session_id}", data) as s:
            require_duty(s, actor, session_id, "proctor")
            session = self._session_in(s, session_id, "scheduled")
            now = self.db.clock.now().astimezone().replace(tzinfo=None)  # the centre's local time
            dated = [f for f in check_start(session.code, session.scheduled_start, now) if f.rule == "start_date"]
            if dated:
                raise Conflict(refusal(dated))
            findings = self.start_findings(s, session)
            if findings:
                raise StandardRuleRefused(findings)
            early = check_start(session.code, session.scheduled_start, now, early_ok=early_ok)
            if early:
                raise EarlyStart(refusal(early))
            ahead = minutes_early(session.scheduled_start, now)
            if early_ok and ahead:
                data.update(early_ok=True, minutes_early=ahead)
            session.state = "open"
            self._time_event(s, session_id, None, TimeEventKind.START, actor)

    def pause(self, actor: Actor, session_id: int, attempt_id: int | None, reason: str) -> None:
        self._clock_action(actor, session_id, attempt_id, TimeEventKind.PAUSE, reason)

    def resume(self, actor: Actor, session_id: int, attempt_id: int | None, reason: str = "") -> None:
        self._clock_action(actor, session_id, attempt_id, TimeEventKind.RESUME, reason or None)

    def extend(self, actor: Actor, session_id: int, attempt_id: int | None, seconds: float, reason: str) -> None:
        if seconds <= 0:
            raise ServiceError("extra time must be positive")
        self._clock_action(actor, session_id, attempt_id, TimeEventKind.EXTEND, reason, seconds)

    def _clock_action(
        self, actor: Actor, session_id: int, attempt_id: int | None, kind: TimeEventKind,
        reason: str | None, seconds: float = 0.0,
    ) -> None:  # fmt: skip
        require_role(actor, "proctor")
        if kind in (TimeEventKind.PAUSE, TimeEventKind.EXTEND) and not (reason or "").strip():
            raise ServiceError("a reason is required to {what} time", what=kind.value)
        target = f"session:{session_id}" + (f"/attempt:{attempt_id}" if attempt_id else "")
        data = {"kind": kind.value, "seconds": seconds, "reason": reason}
        with self.action(actor, f"time.{kind.value}", target, data) as s:
            session = require_duty(s, actor, session_id, "proctor")
            if attempt_id is not None and self._facts(s.connection(), attempt_id).session_id != session_id:
                raise NotFound("no attempt {attempt} in session {code}", attempt=attempt_id, code=session.code)
            if session.state != "open":
                raise Conflict("session {session} is not open: its clock cannot change", session=session_id)
            self._time_event(s, session_id, attempt_id, kind, actor, seconds, reason)

    # -- answering ----------------------------------------------------------------------------

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
                     slot: int | None, data: Any, actor: Actor) -> None:  # fmt: skip
        self._statements(c).add_step(
            {"attempt_id": attempt_id, "seq": seq, "kind": kind.value, "slot": slot, "data": data,
             "actor": actor.label, "epoch": self.db.epoch, "mono": self.db.mono(), "wall": self.db.wall_now()},
        )  # fmt: skip

    def save_answer(self, actor: Actor, attempt_id: int, expected_seq: int, slot: int, answer: Any) -> SaveAck:
        """Durably record an answer (None clears it). Returns after commit, never before."""
        return self._step(actor, attempt_id, expected_seq, StepKind.CLEAR if answer is None else StepKind.ANSWER,
                          slot, None if answer is None else {"value": answer})  # fmt: skip

    def set_flag(self, actor: Actor, attempt_id: int, expected_seq: int, slot: int, flagged: bool) -> SaveAck:
        return self._step(actor, attempt_id, expected_seq, StepKind.FLAG if flagged else StepKind.UNFLAG, slot, None)

    def _step(self, actor: Actor, attempt_id: int, expected_seq: int, kind: StepKind, slot: int | None,
              data: Any) -> SaveAck:  # fmt: skip
        """One step of the candidate's log: the same rules on every store, in one transaction with
        its audit entry (`fast_action`: on the embedded store its statements run on a sqlite3
        connection of their own, which is all that differs)."""
        if actor.role != "candidate":
            raise PermissionDenied("only the candidate answers")
        audit_data = {"seq": expected_seq + 1, "slot": slot, "data": data}
        try:
            with self.fast_action(actor, f"attempt.{kind.value}", f"attempt:{attempt_id}", audit_data) as c:
                ex = self._statements(c)
                facts, ledger, last_seq = self._open_attempt(ex, actor, attempt_id)
                self._check_step(facts, ledger, last_seq, expected_seq, slot)
                if kind is StepKind.ANSWER and slot is not None:
                    problem = facts.shapes[slot].problem(data["value"])
                    if problem:  # steps are kept for ever: an answer the grader cannot read never enters
                        raise ServiceError("question {number}: {problem}", number=slot + 1, problem=problem)
                self._append_step(ex, attempt_id, last_seq + 1, kind, slot, data, actor)
                return SaveAck(last_seq + 1, ledger.remaining)
        except (IntegrityError, sqlite3.IntegrityError):
            raise StaleSave("another save for this attempt landed first") from None
        except AttemptClosed:
            self.auto_submit_if_due(attempt_id)
            raise

    @staticmethod
    def _check_step(facts: _AttemptFacts, ledger: LedgerView, last_seq: int, expected_seq: int,
                    slot: int | None) -> None:  # fmt: skip
        if expected_seq != last_seq:
            raise StaleSave("the attempt is at step {step}, this save expected {expected}",
                            step=last_seq, expected=expected_seq)
        if ledger.state is LedgerState.SUBMITTED:
            raise AttemptClosed("the attempt has been submitted")
        if ledger.state is not LedgerState.RUNNING:
            raise AttemptClosed("the exam is {state}: answers cannot be saved now", state=ledger.state.value)
        if ledger.remaining <= 0:
            raise AttemptClosed("time is up")
        if slot is not None and not 0 <= slot < facts.slots:
            raise ServiceError("no question {n} on this paper", n=slot + 1)

    def submit(self, actor: Actor, attempt_id: int, *, reason: str = "candidate") -> int:
        """Close the attempt: by the candidate, a proctor (force-submit, with reason) or the clock."""
        if actor.role == "candidate":
            reason = "candidate"
        elif actor.role == "proctor":
            if reason in ("", "candidate"):
                raise ServiceError("a reason is required to force-submit")
        elif actor.role != "system":
            raise PermissionDenied("{role} may not submit an attempt", role=actor.role)
        with self.action(actor, "attempt.submit", f"attempt:{attempt_id}", {"reason": reason}) as s:
            if actor.role == "proctor":  # a force-submit
                self._require_proctor_of_attempt(s, actor, attempt_id)
            facts, _ledger, last_seq = self._open_attempt(s.connection(), actor, attempt_id)
            submit_data = {"reason": reason}
            self._append_step(s.connection(), attempt_id, last_seq + 1, StepKind.SUBMIT, None, submit_data, actor)
            self._time_event(s, facts.session_id, attempt_id, TimeEventKind.SUBMIT, actor, reason=reason)
            return last_seq + 1

    def auto_submit_if_due(self, attempt_id: int) -> bool:
        """Submit on the clock's behalf when no time remains. Called by saves and the tick.

        A candidate who never logged in has no paper to submit: closing the session records
        them as absent instead, so their result is 缺考, not a fail with no answers.
        """
        with self.db.reader() as s:
            c = s.connection()
            facts = self._facts(c, attempt_id)
            last_seq, checkpoints = self._steps_summary(c, attempt_id)
            ledger = self._ledger_of(c, facts, checkpoints, self._instant())
            if ledger.state is not LedgerState.RUNNING or ledger.remaining > 0:
                return False
            never_came = last_seq == 0 and s.scalar(
                select(StationLogin.id).where(StationLogin.candidate_id == facts.candidate_id).limit(1)
            ) is None  # fmt: skip
        if never_came:
            return False
        try:
            self.submit(SYSTEM, attempt_id, reason="time")
        except AttemptClosed:
            return False
        return True

    def attempt_view(self, actor: Actor, attempt_id: int) -> AttemptView:
        """The candidate's own paper (without keys), answers, flags and time."""
        with self.db.reader() as s:
            attempt = s.get(Attempt, attempt_id)
            if attempt is None:
                raise NotFound("no attempt {attempt}", attempt=attempt_id)
            if actor.role == "candidate":
                self._check_candidate(s, actor, attempt)
            elif actor.role == "proctor":
                require_duty(s, actor, attempt.session_id, "proctor")
            else:
                raise PermissionDenied("{role} may not read attempts", role=actor.role)
            state = self._state(s, attempt_id)
            ledger = self._ledger(s, attempt, self._instant())
            paper = s.get(PaperInstance, attempt.paper_id)
            assert paper is not None  # attempt.paper_id is a foreign key (enforced)
            hidden = ("key", "rubric") if actor.role == "candidate" else ("key",)  # the rubric gives answers away
            items = [{k: v for k, v in it.items() if k not in hidden} for it in paper.content["items"]]
        return AttemptView(
            attempt_id, LedgerState.SUBMITTED if state.submitted else ledger.state, ledger.remaining,
            state.last_seq, dict(state.answers), frozenset(state.flagged), state.submitted, items,
        )  # fmt: skip

    def _state(self, s: Session, attempt_id: int) -> AttemptState:
        rows = s.scalars(select(AttemptStep).where(AttemptStep.attempt_id == attempt_id).order_by(AttemptStep.seq))
        return derive(
            Step(r.seq, StepKind(r.kind), r.slot, (r.data or {}).get("value") if r.kind == "answer" else r.data)
            for r in rows
        )

    def answer_key(self, actor: Actor, attempt_id: int) -> list[Any]:
        """Keys of a paper, for its session's examiners (and the admin, for results and item
        analysis), and only once the session is closed: never while anyone still answers."""
        if actor.role not in ("admin", "chief", "examiner", "system"):
            raise PermissionDenied("{role} may not read answer keys", role=actor.role)
        with self.db.reader() as s:
            attempt = s.get(Attempt, attempt_id)
            if attempt is None:
                raise NotFound("no attempt {attempt}", attempt=attempt_id)
            session: ExamSession | None
            if actor.role in ("chief", "examiner"):
                session = require_duty(s, actor, attempt.session_id, "examiner", "chief")
            else:
                session = s.get(ExamSession, attempt.session_id)
            assert session is not None  # attempt.session_id is a foreign key (enforced)
            if actor.role != "system" and session.state not in ("closed", "archived"):
                raise Conflict("session {code} is {state}: answer keys are read only after it closes",
                               code=session.code, state=session.state)
            paper = s.get(PaperInstance, attempt.paper_id)
            assert paper is not None  # attempt.paper_id is a foreign key (enforced)
            return [it["key"] for it in paper.content["items"]]

    def terminate(self, actor: Actor, attempt_id: int, reason: str) -> None:
        """End an attempt for misconduct: a misconduct incident and a submit, in one action."""
        require_role(actor, "proctor")
        if not reason.strip():
            raise ServiceError("a reason is required to terminate an attempt")
        with self.action(actor, "attempt.terminate", f"attempt:{attempt_id}", {"reason": reason}) as s:
            self._require_proctor_of_attempt(s, actor, attempt_id)
            c = s.connection()
            facts, _ledger, last_seq = self._open_attempt(c, actor, attempt_id)
            self._append_step(c, attempt_id, last_seq + 1, StepKind.SUBMIT, None,
                              {"reason": "terminated", "detail": reason}, actor)  # fmt: skip
            self._time_event(c, facts.session_id, attempt_id, TimeEventKind.SUBMIT, actor, reason=reason)
            s.add(
                Incident(
                    session_id=facts.session_id, candidate_id=facts.candidate_id, category="misconduct",
                    text=reason, actor=actor.label, epoch=self.db.epoch, mono=self.db.mono(), wall=self.db.wall_now(),
                )
            )  # fmt: skip

    def close_session(self, actor: Actor, session_id: int) -> dict[str, int]:
        """Close a session once every attempt in it is submitted or terminated.

        Candidates who never logged in are recorded as absent (缺考), and submitted theory papers
        that need no examiner are graded, in the same action. Returns what was done, by count.

        Everything is read in one read-only transaction and graded outside any lock; the write
        transaction only checks that nothing in the session changed since (else it reads again)
        and inserts the steps, results and the audit entry in bulk.
        """
        require_role(actor, "proctor")
        with self.db.reader() as s:
            require_duty(s, actor, session_id, "proctor")  # staff are assigned, never unassigned
        for _ in range(_CLOSE_TRIES):
            plan = self._closing_plan(session_id)
            done: dict[str, int] = {"absent": len(plan.absent)}
            if plan.grades is not None:
                done.update(plan.grades.counts())
            try:
                self._close_as_planned(actor, session_id, plan, done)
            except _Moved:
                continue  # an attempt moved on since the read (a late save, a login): read again
            return done
        raise Conflict("session {code} kept changing while it was being closed: close it again", code=plan.code)

    def _close_as_planned(self, actor: Actor, session_id: int, plan: _ClosingPlan, done: dict[str, int]) -> None:
        """The write transaction of closing: nothing else happens in it but checks and bulk inserts."""
        with self.action(actor, "session.close", f"session:{session_id}", done) as s:
            session = self._session_in(s, session_id, "open", refusal="session {code} is {state}, not open")
            if changes_since(s, plan.head, plan.scope):
                raise _Moved  # rolls the transaction back: no audit entry
            c = s.connection()
            if plan.absent:
                wall, mono = self.db.wall_now(), self.db.mono()
                c.execute(_ADD_STEP, [
                    {"attempt_id": a, "seq": 1, "kind": StepKind.SUBMIT.value, "slot": None,
                     "data": {"reason": ABSENT}, "actor": actor.label, "epoch": self.db.epoch, "mono": mono,
                     "wall": wall}
                    for a in plan.absent
                ])  # fmt: skip
                c.execute(_ADD_TIME_EVENT, [
                    {"session_id": session_id, "attempt_id": a, "kind": TimeEventKind.SUBMIT.value,
                     "epoch": self.db.epoch, "mono": mono, "seconds": 0.0, "reason": ABSENT, "actor": actor.label,
                     "wall": wall}
                    for a in plan.absent
                ])  # fmt: skip
            if plan.grades is not None:
                write_grades(c, self.db, actor, session.part, plan.grades.grades)
            session.state = "closed"

    def _closing_plan(self, session_id: int) -> _ClosingPlan:
        """What closing will write, from one snapshot: who is absent, and the grades."""
        with gc_paused(), snapshot(self.db) as s:
            session = self._session_in(s, session_id, "open", refusal="session {code} is {state}, not open")
            head = audit_head(s)
            attempts = dict(s.execute(select(Attempt.id, Attempt.candidate_id)
                                      .where(Attempt.session_id == session_id)).all())  # fmt: skip
            in_session = select(Attempt.id).where(Attempt.session_id == session_id).scalar_subquery()
            submitted = set(s.scalars(select(AttemptStep.attempt_id).where(
                AttemptStep.attempt_id.in_(in_session), AttemptStep.kind == StepKind.SUBMIT.value)))  # fmt: skip
            came = set(s.scalars(select(StationLogin.candidate_id).where(StationLogin.candidate_id.in_(
                select(Attempt.candidate_id).where(Attempt.session_id == session_id)))))  # fmt: skip
            with_steps = set(s.scalars(select(AttemptStep.attempt_id).where(AttemptStep.attempt_id.in_(in_session))
                                       .distinct()))  # fmt: skip
            still_open = [a for a in attempts if a not in submitted]
            absent = sorted(a for a in still_open if attempts[a] not in came and a not in with_steps)
            if len(still_open) > len(absent):
                raise Conflict(
                    "{count} attempt(s) are still open: submit or terminate them first",
                    count=len(still_open) - len(absent),
                )
            grades = None
            if session.part == Part.THEORY:
                grades = grade_closed_theory_from(s, self.db.cipher, session_id, session.part, absent)
        return _ClosingPlan(session.code, head, Scope.of(session_id, attempts, attempts.values()), absent, grades)

    def reschedule_session(self, actor: Actor, session_id: int, scheduled_start: str, reason: str) -> None:
        """Move a session that has not started to another time (a postponement), with a reason."""
        require_role(actor, "admin")
        if not reason.strip():
            raise ServiceError("a reason is required to reschedule a session")
        try:
            datetime.fromisoformat(scheduled_start)
        except ValueError:
            raise ServiceError("the start {start} is not a date and time like 2026-12-05T09:00",
                               start=scheduled_start) from None
        data = {"start": scheduled_start, "reason": reason}
        with self.action(actor, "session.reschedule", f"session:{session_id}", data) as s:
            session = self._session_in(
                s, session_id, "scheduled", refusal="session {code} is {state}: only a session not yet started moves"
            )
            data["was"] = session.scheduled_start
            session.scheduled_start = scheduled_start

    def archive_session(self, actor: Actor, session_id: int, *, retain_years: int = RETENTION_YEARS) -> str:
        """Archive a closed session: it stays in the store, verifiable, kept until the returned date."""
        require_role(actor, "admin")
        if retain_years < RETENTION_YEARS:
            raise ServiceError("records are kept at least {years} years", years=RETENTION_YEARS)
        with self.action(actor, "session.archive", f"session:{session_id}", {"years": retain_years}) as s:
            session = self._session_in(
                s, session_id, "closed", refusal="only a closed session can be archived; {code} is {state}"
            )
            today = local_today(self.db.clock)
            try:
                until = today.replace(year=today.year + retain_years)
            except ValueError:  # 29 February
                until = today.replace(year=today.year + retain_years, day=28)
            session.state, session.retain_until = "archived", until.isoformat()
            return session.retain_until

    def sessions(self, actor: Actor) -> list[SessionInfo]:
        """Sessions staff may see: all for an admin, those they are assigned to otherwise."""
        require_role(actor, "admin", "proctor", "examiner", "chief")
        with self.db.reader() as s:
            query = select(ExamSession).order_by(ExamSession.scheduled_start, ExamSession.code)
            if actor.role != "admin":
                query = query.join(SessionStaff, SessionStaff.session_id == ExamSession.id).where(
                    SessionStaff.user_id == actor.id
                )
            counts = dict(s.execute(select(Candidate.session_id, func.count()).group_by(Candidate.session_id)).all())
            return [
                SessionInfo(x.id, x.code, x.room, x.part, x.standard, x.subtype, x.level, x.scheduled_start,
                            x.duration_minutes, x.state, counts.get(x.id, 0), x.surveillance_reason)
                for x in s.scalars(query).unique()
            ]  # fmt: skip

    def roster(self, actor: Actor, session_id: int) -> list[RosterEntry]:
        """The session's candidates by ticket, and their paper once prepared: for the admin (who
        imported them and prepares the papers) and the session's proctors. No live state, no ID."""
        require_role(actor, "admin", "proctor")
        with self.db.reader() as s:
            if actor.role != "admin":
                require_duty(s, actor, session_id, "proctor")
            else:
                self._session_in(s, session_id)
            rows = s.execute(
                select(Candidate.id, Candidate.ticket, Candidate.name, Attempt.id)
                .outerjoin(Attempt, Attempt.candidate_id == Candidate.id)
                .where(Candidate.session_id == session_id).order_by(Candidate.ticket, Candidate.id)
            ).all()  # fmt: skip
        return [RosterEntry(cid, ticket, name, aid) for cid, ticket, name, aid in rows]

    # -- check-in, identity, rules, focus -------------------------------------------------

    def check_in(self, actor: Actor, candidate_id: int, station: str) -> None:
        """The proctor has compared the candidate with the photo and ID card and seated them."""
        require_role(actor, "proctor")
        if not station.strip():
            raise ServiceError("a station is required for check-in")
        with self.action(actor, "candidate.check_in", f"candidate:{candidate_id}", {"station": station}) as s:
            candidate = self._candidate(s, candidate_id)
            require_duty(s, actor, candidate.session_id, "proctor")
            self._session_in(s, candidate.session_id, "scheduled", "open")
            s.add(CheckIn(candidate_id=candidate_id, station=station, actor=actor.label, wall=self.db.wall_now()))

    def identity(self, actor: Actor, candidate_id: int | None = None) -> Identity:
        """What the candidate confirms before the rules: photo, name, masked ID, the session."""
        if actor.role == "candidate":
            candidate_id = actor.id
        elif actor.role != "proctor":
            raise PermissionDenied("{role} may not see candidate identities", role=actor.role)
        with self.db.reader() as s:
            cand = s.get(Candidate, candidate_id)
            if cand is None:
                raise NotFound("no candidate {candidate}", candidate=candidate_id)
            if actor.role == "candidate":
                self._check_candidate_id(s.connection(), actor, cand.id)
                session = s.get(ExamSession, cand.session_id)
            else:
                session = require_duty(s, actor, cand.session_id, "proctor")
            assert session is not None  # cand.session_id is a foreign key (enforced)
            return Identity(cand.ticket, cand.name, mask_id_number(cand.id_number), cand.photo, session.code,
                            session.room, session.standard, session.level, session.duration_minutes,
                            session.part, session.subtype)  # fmt: skip

    def accept_rules(self, actor: Actor) -> None:
        if actor.role != "candidate":
            raise PermissionDenied("only the candidate accepts the exam rules")
        with self.action(actor, "candidate.accept_rules", f"candidate:{actor.id}", {}) as s:
            self._check_candidate_id(s.connection(), actor, actor.id)

    def report_focus_loss(self, actor: Actor, attempt_id: int, expected_seq: int) -> SaveAck:
        """The exam window lost focus: recorded in the attempt's log, shown to the proctor."""
        return self._step(actor, attempt_id, expected_seq, StepKind.FOCUS_LOST, None, None)

    # -- the proctor's live grid -------------------------------------------------------------

    def session_overview(self, actor: Actor, session_id: int) -> list[CandidateRow]:
        """Every candidate of a session with state, progress, time and focus losses.

        A call reads the candidate list and what was written since the previous call (see
        app/services/overview.py); safe to call from several threads at once.
        """
        require_role(actor, "proctor")
        now = self._instant()
        with self.db.reader() as s:
            require_duty(s, actor, session_id, "proctor")
            c = s.connection()  # Core statements: the ORM's per-statement cost is most of a small query's
            cache = overview.refreshed(c, self._overviews.get(session_id), session_id, now.epoch,
                                       self._old_checkpoints)  # fmt: skip
            listed = c.execute(overview.Q_LISTED, {"sid": session_id}).all()
            unknown = [row[0] for row in listed if row[0] not in self._names]
            if unknown:  # names never change: decrypt each once per process, not on every refresh
                found = c.execute(select(Candidate.id, Candidate.name).where(Candidate.id.in_(unknown))).all()
                self._names.update(found)
            logged = dict(c.execute(overview.Q_LOGGED, {"sid": session_id}).all())
            papers = {facts.paper_id for facts in cache.attempts.values() if facts.paper_id not in self._paper_slots}
            if papers:  # a drawn paper never changes: count its slots once per process
                self._paper_slots.update(overview.paper_slots(c, papers))
        self._overviews.put(cache)
        attempts, progresses, timelines, checked = cache.attempts, cache.progress, cache.timelines, cache.checked
        names, slots, epoch, no_steps = self._names, self._paper_slots, now.epoch, overview.NO_STEPS
        out = []
        for cid, ticket, extra in listed:  # every candidate, every call: kept to plain lookups
            facts = attempts.get(cid)
            state, remaining, since = "absent", None, None
            if cid in checked:
                state = "checked_in"
            if cid in logged:
                state = "logged_in"
            if facts is None:
                out.append(CandidateRow(cid, ticket, names[cid], None, logged.get(cid) or checked.get(cid), state,
                                        0, 0, 0, None, None, 0, extra))  # fmt: skip
                continue
            progress = progresses.get(facts.attempt_id) or no_steps
            if progress.ended:
                state, remaining = progress.ended, 0.0  # an ended attempt's clock says nothing more
            else:
                ledger = view(facts.duration, timelines[facts.attempt_id], now)
                remaining = ledger.remaining
                if ledger.state is LedgerState.RUNNING and cid in logged:
                    state = "answering"
                elif ledger.state is LedgerState.PAUSED:
                    state = "paused"
                elif ledger.state is LedgerState.INTERRUPTED:
                    state = "interrupted"
            last_at = progress.last_at
            if last_at and last_at[0] == epoch:
                since = max(0.0, now.mono - last_at[1])
            out.append(
                CandidateRow(
                    cid, ticket, names[cid], facts.attempt_id, logged.get(cid) or checked.get(cid), state,
                    progress.answered, slots[facts.paper_id], progress.flagged, remaining, since, progress.focus, extra,
                )
            )  # fmt: skip
        return out

    def incidents(self, actor: Actor, session_id: int) -> list[tuple[str, str | None, str, str, str]]:
        """The session's incident record: (when, ticket or None, category, text, who recorded it)."""
        require_role(actor, "proctor", "chief")
        with self.db.reader() as s:
            require_duty(s, actor, session_id, "proctor", "chief")
            query = select(Candidate.id, Candidate.ticket).where(Candidate.session_id == session_id)
            tickets: dict[int | None, str] = dict(s.execute(query).all())  # looked up by optional candidate ids
            return [
                (i.wall, tickets.get(i.candidate_id), i.category, i.text, i.actor)
                for i in s.scalars(select(Incident).where(Incident.session_id == session_id).order_by(Incident.id))
            ]

    def record_incident(self, actor: Actor, session_id: int, category: str, text: str,
                        candidate_id: int | None = None) -> None:  # fmt: skip
        require_role(actor, "proctor")
        if category not in INCIDENT_CATEGORIES:
            raise ServiceError("unknown incident category {category}", category=repr(category))
        with self.action(actor, "incident.record", f"session:{session_id}",
                         {"category": category, "candidate": candidate_id, "text": text}) as s:  # fmt: skip
            require_duty(s, actor, session_id, "proctor")
            session = unfrozen_session(s, session_id)
            if candidate_id is not None and self._candidate(s, candidate_id).session_id != session_id:
                raise NotFound("no candidate {candidate} in session {code}", candidate=candidate_id, code=session.code)
            s.add(
                Incident(
                    session_id=session_id, candidate_id=candidate_id, category=category, text=text,
                    actor=actor.label, epoch=self.db.epoch, mono=self.db.mono(), wall=self.db.wall_now(),
                )
            )  # fmt: skip
