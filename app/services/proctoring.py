"""The proctor's actions and live read model: check-in, station moves, the clock (pause, resume,
extend), termination for misconduct, incidents, the candidates' identities, and the session's
live overview (its engine is app/services/overview.py)."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.api.types import CandidateRow, Identity, MoveCode
from app.domain.attempt_state import StepKind
from app.domain.time_ledger import LedgerState, TimeEventKind, view
from app.services import overview
from app.services.base import (
    Actor,
    Conflict,
    NotFound,
    PermissionDenied,
    ServiceError,
    require_duty,
    require_role,
    unfrozen_session,
)
from app.services.exam_day import AttemptClosed
from app.services.incident_log import incident_record
from app.services.seating import MOVE_CODE_DIGITS, MOVE_CODE_SECONDS, Seating
from app.store.database import Database
from app.store.models import (
    Attempt,
    AttemptHeartbeat,
    Candidate,
    CheckIn,
    ExamSession,
    Incident,
    StationLogin,
    StationMove,
)

INCIDENT_CATEGORIES = (
    "technical.freeze", "technical.power", "technical.network", "environment.noise",
    "environment.disturbance", "illness", "misconduct", "complaint",
)  # fmt: skip


MOVE_CATEGORY = "station.move"  # the record's entry of a move (换机续考), never chosen in the incident dialog


class ProctorService(Seating):
    """What a proctor's console calls while a session runs."""

    def __init__(self, db: Database):
        super().__init__(db)
        self._names: dict[int, str] = {}
        # paper id -> (questions answered by typing, observed and oral tasks): a drawn paper never changes
        self._paper_slots: dict[int, tuple[int, int]] = {}
        self._overviews = overview.OverviewCaches()

    # -- candidates ---------------------------------------------------------------------------

    @contextmanager
    def _on_candidate(self, actor: Actor, name: str, candidate_id: int, data: Any,
                      *states: str) -> Iterator[tuple[Session, Candidate]]:  # fmt: skip
        """The action `name` on a candidate, by a proctor of their session while it is in `states`."""
        with self.action(actor, name, f"candidate:{candidate_id}", data) as s:
            candidate = self._candidate(s, candidate_id)
            require_duty(s, actor, candidate.session_id, "proctor")
            self._session_in(s, candidate.session_id, *states)
            yield s, candidate

    def check_in(self, actor: Actor, candidate_id: int, station: str) -> None:
        """The proctor has compared the candidate with the photo and ID card and seated them: the
        candidate may log in at that station only. A seat holds one candidate; once the candidate
        has logged in, another seat needs a move (`allow_move`)."""
        require_role(actor, "proctor")
        station = station.strip()
        if not station:
            raise ServiceError("a station is required for check-in")
        with self._on_candidate(actor, "candidate.check_in", candidate_id, {"station": station},
                                "scheduled", "open") as (s, candidate):  # fmt: skip
            seat = self._seat_of(s, candidate_id)
            if seat is not None and seat != station and s.scalar(
                select(StationLogin.id).where(StationLogin.candidate_id == candidate_id).limit(1)
            ) is not None:  # fmt: skip
                raise Conflict("ticket {ticket} has logged in at station {station}: move the candidate instead",
                               ticket=candidate.ticket, station=seat)  # fmt: skip
            self._require_free_seat(s, station, candidate_id)
            s.add(CheckIn(candidate_id=candidate_id, station=station, actor=actor.label, wall=self.db.wall_now()))

    def identity(self, actor: Actor, candidate_id: int) -> Identity:
        """A candidate's identity as the candidate confirms it, for a proctor of their session."""
        if actor.role != "proctor":
            raise PermissionDenied("{role} may not see candidate identities", role=actor.role)
        with self.db.reader() as s:
            cand = s.get(Candidate, candidate_id)
            if cand is None:
                raise NotFound("no candidate {candidate}", candidate=candidate_id)
            return self._identity(require_duty(s, actor, cand.session_id, "proctor"), cand)

    def allow_move(self, actor: Actor, candidate_id: int, reason: str) -> MoveCode:
        """Let a candidate continue at another station (换机续考): a one-time code for the
        candidate to type at the new station's login, valid for a few minutes and once. The current
        station login closes at once (its writes are refused from now on) and the attempt's clock
        stops until the candidate logs in again; the move and its reason are on record."""
        require_role(actor, "proctor")
        if not reason.strip():
            raise ServiceError("a reason is required to move a candidate")
        code = "".join(secrets.choice("0123456789") for _ in range(MOVE_CODE_DIGITS))
        with self._on_candidate(actor, "candidate.allow_move", candidate_id, {"reason": reason},
                                "scheduled", "open") as (
            s, candidate,
        ):  # fmt: skip
            attempt = s.scalar(select(Attempt).where(Attempt.candidate_id == candidate_id))
            ledger = None if attempt is None else self._ledger(s, attempt, self._instant())
            if ledger is not None and ledger.state is LedgerState.SUBMITTED:
                raise AttemptClosed("the attempt has been submitted")
            from_station = None
            for row in s.scalars(
                select(StationLogin).where(StationLogin.candidate_id == candidate_id, StationLogin.open)
            ):
                row.open, from_station = False, row.station
            for earlier in s.scalars(
                select(StationMove).where(StationMove.candidate_id == candidate_id, StationMove.state == "issued")
            ):
                earlier.state = "void"  # one code at a time: the newest
            paused = attempt is not None and ledger is not None and ledger.state is LedgerState.RUNNING
            if paused:
                assert attempt is not None
                self._time_event(s, candidate.session_id, attempt.id, TimeEventKind.PAUSE, actor, reason=reason)
            s.add(StationMove(candidate_id=candidate_id, code_index=self._move_code_index(code), reason=reason,
                              from_station=from_station, paused=paused, state="issued", actor=actor.label,
                              epoch=self.db.epoch, mono=self.db.mono(), wall=self.db.wall_now()))  # fmt: skip
            s.add(
                Incident(
                    session_id=candidate.session_id, candidate_id=candidate_id,
                    category=MOVE_CATEGORY, text=reason,  # the proctor's words; the category says it is a move
                    actor=actor.label, epoch=self.db.epoch, mono=self.db.mono(), wall=self.db.wall_now(),
                )
            )  # fmt: skip
        return MoveCode(code, MOVE_CODE_SECONDS)

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

    # -- the clock ----------------------------------------------------------------------------

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
            if kind is TimeEventKind.RESUME:
                self._charge_proven_outages(s, session_id, attempt_id, actor)
            self._time_event(s, session_id, attempt_id, kind, actor, seconds, reason)

    def _charge_proven_outages(self, s: Session, session_id: int, attempt_id: int | None, actor: Actor) -> None:
        """Before a resume: each attempt a restart of the centre's machine interrupted is charged
        what its station proves it went on for meanwhile (app.domain.time_ledger.outage_charge)."""
        if attempt_id is not None:
            ids = [attempt_id]
        else:  # only attempts a station heartbeated in an earlier epoch can have anything to charge
            ids = list(s.scalars(
                select(AttemptHeartbeat.attempt_id).distinct()
                .join(Attempt, Attempt.id == AttemptHeartbeat.attempt_id)
                .where(Attempt.session_id == session_id, AttemptHeartbeat.epoch != self.db.epoch)
            ))  # fmt: skip
        for aid in ids:
            attempt = s.get(Attempt, aid)
            assert attempt is not None
            ledger = self._ledger(s, attempt, self._instant())
            if ledger.state is LedgerState.INTERRUPTED:
                self._charge_outage(s, self._facts(s.connection(), aid), ledger, actor)

    # -- incidents ----------------------------------------------------------------------------

    def incidents(self, actor: Actor, session_id: int) -> list[tuple[str, str | None, str, str, str]]:
        """The session's incident record: (when, ticket or None, category, text, who recorded it, by
        name); the proctors' reasons for pauses, resumes, extra time and submitting for a candidate
        are part of it (app/services/incident_log.py)."""
        require_role(actor, "proctor", "chief")
        with self.db.reader() as s:
            require_duty(s, actor, session_id, "proctor", "chief")
            return [(e["at"], e["ticket"], e["category"], e["text"], e["by"]) for e in incident_record(s, session_id)]

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

    # -- the live grid ------------------------------------------------------------------------

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
                part = c.execute(select(ExamSession.part).where(ExamSession.id == session_id)).scalar()
                self._paper_slots.update(overview.paper_slots(c, papers, live=part == "skill"))
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
            heard = since
            beat = cache.heard.get(facts.attempt_id)
            if beat is not None and beat[0] == epoch:
                beat_age = max(0.0, now.mono - beat[1])
                heard = beat_age if heard is None else min(heard, beat_age)
            typed, performed = slots[facts.paper_id]  # observed and oral tasks: neither answered nor unanswered
            out.append(
                CandidateRow(
                    cid, ticket, names[cid], facts.attempt_id, logged.get(cid) or checked.get(cid), state,
                    progress.answered, typed, progress.flagged, remaining, since, progress.focus, extra,
                    heard, performed,
                )
            )  # fmt: skip
        return out

