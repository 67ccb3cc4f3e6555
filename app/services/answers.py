"""The candidate's answer path: login at a station, identity and rules, the paper, answers, flags,
focus losses, submission (by the candidate, a proctor's force-submit, or the clock at zero), and
the keys, which only examiners read, after the session has closed.

Invariants kept here (see ../shared/DESIGN.md):
- `save_answer` returns only after its step is committed (synchronous=FULL): the screen may then
  show "saved". A save names the sequence number it expects to follow; a stale or replayed save
  is refused.
- At zero the attempt is submitted automatically.
- Candidates act only on their own attempt, from the one station they are logged in on, and only
  while it is open; they never receive answer keys.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import sqlite3
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.api.types import AttemptStatus, AttemptView, Identity, OralCardView, SaveAck
from app.domain.attempt_state import StepKind, answer_sheet
from app.domain.identity import normalise_id_number
from app.domain.items import TaskMode
from app.domain.live_tasks import card_index
from app.domain.time_ledger import LedgerState, LedgerView, TimeEventKind
from app.services.answer_log import read_log
from app.services.base import SYSTEM, Actor, Conflict, NotFound, PermissionDenied, ServiceError, require_duty
from app.services.exam_day import AttemptClosed, _AttemptFacts, _digest
from app.services.live_scoring import live_entry, store_task_file
from app.services.seating import Seating, WrongSeat
from app.store.models import (
    Attempt,
    AttemptHeartbeat,
    Candidate,
    CheckIn,
    ExamSession,
    PaperInstance,
    StationLogin,
    StationMove,
)


class StaleSave(Conflict):
    """The save was based on an older state of the attempt (replayed, or another tab saved)."""

    code = "stale_save"


STEP_ID = re.compile(r"[0-9a-f]{32}")  # a station's id for one step: uuid4().hex


def checked_step_id(step_id: str | None) -> str | None:
    """The station's id of a step, which must look like uuid4().hex (32 lowercase hex digits)."""
    if step_id is not None and not STEP_ID.fullmatch(step_id):
        raise ServiceError("a step id is 32 lowercase hexadecimal digits, not {step_id}", step_id=step_id[:40])
    return step_id


class _Replayed(Exception):
    """A step the store already holds (by its step id): leave the transaction, writing nothing."""

    def __init__(self, ack: SaveAck):
        super().__init__(ack)
        self.ack = ack


@dataclass(frozen=True)
class CandidateLogin:
    actor: Actor
    attempt_id: int
    candidate_id: int
    rules_read: bool = False


class _NotBridged(Exception):
    def __init__(self, remaining: float):
        super().__init__(remaining)
        self.remaining = remaining


class _WrongMoveCode(Exception):
    """Inside the login's transaction: the move code did not match (recorded as a failed login)."""


class AnswerService(Seating):
    """What a candidate's station calls, from login to submit; and the keys, for examiners."""

    # -- login, identity, rules -------------------------------------------------------------

    def candidate_login(self, *, ticket: str, id_number: str, station: str, move_code: str = "") -> CandidateLogin:
        """Ticket + ID number, at the seat a proctor checked the candidate in to, or at another
        station with the one-time code of a proctor's move (app/services/seating.py). Failed logins
        are recorded and slow the next ones of that ticket and at that station; refused while the
        candidate is logged in on another station."""
        self._check_login_wait(ticket, station)
        index = self.db.cipher.blind_index(normalise_id_number(id_number), b"id_number")
        with self.db.reader() as s:
            # one admission ticket may serve several sittings (theory, skill): the open one counts
            matches = s.execute(
                select(Candidate, ExamSession.state)
                .join(ExamSession, ExamSession.id == Candidate.session_id)
                .where(Candidate.ticket == ticket, Candidate.id_index == index)
            ).all()

            def rank(row: tuple[Candidate, str]) -> int:
                cand, state = row
                attempt_id = s.scalar(select(Attempt.id).where(Attempt.candidate_id == cand.id))
                done = attempt_id is not None and read_log(s, attempt_id, kinds=(StepKind.SUBMIT,)).submitted
                # a sitting still to be taken first: open before scheduled; finished ones last
                return {"open": 0, "scheduled": 1}.get(state, 9) + (5 if done else 0)

            ranked = sorted(matches, key=rank)
            if ranked and rank(ranked[0]) >= 9:
                raise Conflict("ticket {ticket} has no session open now", ticket=ticket)
            if len(ranked) > 1 and rank(ranked[0]) == rank(ranked[1]):
                raise Conflict("ticket {ticket} is in more than one session now: ask the proctor", ticket=ticket)
            candidate = ranked[0][0] if ranked else None
            attempt = None
            if candidate is not None:
                attempt = s.scalar(select(Attempt).where(Attempt.candidate_id == candidate.id))
        if candidate is None:
            self._login_failed(ticket, station, "id_number")
            raise PermissionDenied("ticket number and ID number do not match")
        if attempt is None:
            raise Conflict("ticket {ticket} has no paper yet: ask the proctor", ticket=ticket)
        token = secrets.token_urlsafe(32)
        who = Actor("candidate", candidate.id)
        data: dict[str, Any] = {"station": station}
        try:
            with self.action(who, "candidate.login", f"candidate:{candidate.id}", data) as s:
                seat = self._seat_of(s, candidate.id)
                if seat is None:
                    raise Conflict("ticket {ticket} is not checked in: ask the proctor", ticket=ticket)
                move = None
                if station != seat:
                    if not move_code.strip():
                        raise WrongSeat("this seat is not yours: ask the proctor")
                    move = self._usable_move(s, candidate.id, move_code)
                    if move is None:
                        raise _WrongMoveCode()
                    self._require_free_seat(s, station, candidate.id)
                    s.add(CheckIn(candidate_id=candidate.id, station=station, actor=move.actor,
                                  wall=self.db.wall_now()))  # fmt: skip
                    move.state, move.to_station = "used", station
                    data.update(moved_from=seat, move=move.id)  # the audit entry names the move
                current = s.scalar(select(StationLogin).where(StationLogin.candidate_id == candidate.id,
                                                              StationLogin.open))  # fmt: skip
                if current is not None and current.station != station:
                    raise Conflict(
                        "ticket {ticket} is logged in on station {station}; a proctor must allow the move first",
                        ticket=ticket, station=current.station,
                    )
                if current is not None:
                    current.open = False  # same station again (e.g. after a restart): new token
                paused_by_move = False
                for issued in s.scalars(select(StationMove).where(StationMove.candidate_id == candidate.id,
                                                                  StationMove.state.in_(("issued", "used")),
                                                                  StationMove.paused)):  # fmt: skip
                    paused_by_move = True  # the move stopped the clock: it runs again now
                    issued.paused = False
                    if issued.state == "issued":
                        issued.state = "void"  # back at their own seat: the code is no longer needed
                attempt_row = s.get(Attempt, attempt.id)
                assert attempt_row is not None  # read above; attempts are never deleted
                ledger = self._ledger(s, attempt_row, self._instant())
                state = ledger.state
                if state is LedgerState.INTERRUPTED:  # what the station proves it went on for is charged
                    self._charge_outage(s, self._facts(s.connection(), attempt.id), ledger, who)
                if state is LedgerState.INTERRUPTED or (paused_by_move and state is LedgerState.PAUSED):
                    # back after a crash or a move: the clock runs again from here, not from the outage
                    self._time_event(s, attempt.session_id, attempt.id, TimeEventKind.RESUME, who,
                                     reason=None if move is None else f"moved to station {station}")  # fmt: skip
                s.add(StationLogin(candidate_id=candidate.id, station=station, token_digest=_digest(token),
                                   wall=self.db.wall_now()))  # fmt: skip
                rules_read = self._rules_read(s, candidate.id)
        except _WrongMoveCode:
            self._login_failed(ticket, station, "move_code")
            raise WrongSeat("the move code is wrong or has expired: ask the proctor") from None
        return CandidateLogin(Actor("candidate", candidate.id, token), attempt.id, candidate.id, rules_read)

    def identity(self, actor: Actor) -> Identity:
        """The candidate's own identity, to confirm before the rules: photo, name, masked ID, the session."""
        if actor.role != "candidate":
            raise PermissionDenied("{role} may not see candidate identities", role=actor.role)
        with self.db.reader() as s:
            cand = self._candidate(s, actor.id)
            self._check_candidate_id(s.connection(), actor, cand.id)
            session = s.get(ExamSession, cand.session_id)
            assert session is not None  # cand.session_id is a foreign key (enforced)
            return self._identity(session, cand)

    def accept_rules(self, actor: Actor) -> None:
        if actor.role != "candidate":
            raise PermissionDenied("only the candidate accepts the exam rules")
        with self.action(actor, "candidate.accept_rules", f"candidate:{actor.id}", {}) as s:
            self._check_candidate_id(s.connection(), actor, actor.id)
            row = self._settings_row(s, actor.id, self.db.wall_now())
            row.rules_read_wall = row.rules_read_wall or self.db.wall_now()  # once per attempt

    # -- the paper and its answers ------------------------------------------------------------

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
            state = read_log(s, attempt_id)
            ledger = self._ledger(s, attempt, self._instant())
            paper = s.get(PaperInstance, attempt.paper_id)
            assert paper is not None  # attempt.paper_id is a foreign key (enforced)
            # the rubric gives answers away; where an item came from is none of the candidate's business
            # an oral task's pool too: the candidate sees only the card drawn, never the expected points
            hidden = ("key", "rubric", "bank", "bank_version", "cards") if actor.role == "candidate" else ("key",)
            items = [{k: v for k, v in it.items() if k not in hidden} for it in paper.content["items"]]
            for shown, entry in zip(items, paper.content["items"], strict=True):
                drawn = state.cards.get(entry["slot"])
                if drawn is not None and entry.get("cards"):
                    shown["card"] = [drawn + 1, len(entry["cards"]), entry["cards"][drawn][0]]
        return AttemptView(
            attempt_id, LedgerState.SUBMITTED if state.submitted else ledger.state, ledger.remaining,
            state.last_seq, dict(state.answers), frozenset(state.flagged), state.submitted, items,
        )  # fmt: skip

    def attempt_status(self, actor: Actor, attempt_id: int) -> AttemptStatus:
        """The candidate's own attempt: its state, time left and last step, from the attempt's fixed
        facts (cached), its last step and its time events; no paper, no answer read or decrypted."""
        if actor.role != "candidate":
            raise PermissionDenied("{role} may not read attempts", role=actor.role)  # the candidate's own only
        with self.db.read_connection() as c, c.begin():  # one snapshot
            ex = self._statements(c)
            facts = self._facts(ex, attempt_id)
            self._check_candidate_id(ex, actor, facts.candidate_id)
            last_seq, checkpoints = self._steps_summary(ex, attempt_id)
            ledger = self._ledger_of(ex, facts, checkpoints, self._instant())
        submitted = ledger.state is LedgerState.SUBMITTED  # every submit writes a SUBMIT time event
        return AttemptStatus(attempt_id, ledger.state, ledger.remaining, last_seq, submitted)

    def _check_candidate(self, s: Session, actor: Actor, attempt: Attempt) -> None:
        self._check_candidate_id(s, actor, attempt.candidate_id)

    def save_answer(self, actor: Actor, attempt_id: int, expected_seq: int, slot: int, answer: Any,
                    step_id: str | None = None) -> SaveAck:  # fmt: skip
        """Durably record an answer (None clears it). Returns after commit, never before."""
        return self._step(actor, attempt_id, expected_seq, StepKind.CLEAR if answer is None else StepKind.ANSWER,
                          slot, None if answer is None else {"value": answer}, step_id)  # fmt: skip

    def set_flag(self, actor: Actor, attempt_id: int, expected_seq: int, slot: int, flagged: bool,
                 step_id: str | None = None) -> SaveAck:  # fmt: skip
        kind = StepKind.FLAG if flagged else StepKind.UNFLAG
        return self._step(actor, attempt_id, expected_seq, kind, slot, None, step_id)

    def report_focus_loss(self, actor: Actor, attempt_id: int, expected_seq: int,
                          step_id: str | None = None) -> SaveAck:  # fmt: skip
        """The exam window lost focus: recorded in the attempt's log, shown to the proctor."""
        return self._step(actor, attempt_id, expected_seq, StepKind.FOCUS_LOST, None, None, step_id)

    def _step(self, actor: Actor, attempt_id: int, expected_seq: int, kind: StepKind, slot: int | None,
              data: Any, step_id: str | None = None) -> SaveAck:  # fmt: skip
        """One step of the candidate's log: the same rules on every store, in one transaction with
        its audit entry (`fast_action`: on the embedded store its statements run on a sqlite3
        connection of their own, which is all that differs).

        `step_id`: the station's id of this step. A step the store already holds under that id (a
        reply lost on the way, a journal replayed) is not recorded again: the caller gets the
        original acknowledgement (its seq, the remaining time now) and nothing is written, not even
        an audit entry (the original step's entry is the record; a replay changes nothing)."""
        if actor.role != "candidate":
            raise PermissionDenied("only the candidate answers")
        step_id = checked_step_id(step_id)
        audit_data: dict[str, Any] = {"seq": expected_seq + 1, "slot": slot, "data": data}
        if step_id is not None:
            audit_data["step_id"] = step_id
        try:
            with self.fast_action(actor, f"attempt.{kind.value}", f"attempt:{attempt_id}", audit_data) as c:
                ex = self._statements(c)
                try:
                    facts, ledger, last_seq = self._open_attempt(ex, actor, attempt_id)
                    self._check_step(facts, ledger, last_seq, expected_seq, slot)
                except (StaleSave, AttemptClosed):
                    # a step already recorded under its id can only look stale or late: found
                    # here, it costs nothing on the path of a step that is new
                    if step_id is not None:
                        self._raise_if_held(ex, actor, attempt_id, step_id, kind, slot)
                    raise
                if kind is StepKind.ANSWER and slot is not None:
                    problem = facts.shapes[slot].problem(data["value"])
                    if problem:  # steps are kept for ever: an answer the grader cannot read never enters
                        raise ServiceError("question {number}: {problem}", number=slot + 1, problem=problem)
                self._append_step(ex, attempt_id, last_seq + 1, kind, slot, data, actor, step_id)
                return SaveAck(last_seq + 1, ledger.remaining)
        except _Replayed as replay:
            return replay.ack
        except (IntegrityError, sqlite3.IntegrityError):
            if step_id is not None:  # the same step landed meanwhile (another process of the centre)
                with self.db.reader() as s:
                    try:
                        self._raise_if_held(s.connection(), actor, attempt_id, step_id, kind, slot)
                    except _Replayed as replay:
                        return replay.ack
            raise StaleSave("another save for this attempt landed first") from None
        except AttemptClosed:
            self.auto_submit_if_due(attempt_id)
            raise

    def _raise_if_held(self, c: Any, actor: Actor, attempt_id: int, step_id: str, kind: StepKind,
                       slot: int | None) -> None:  # fmt: skip
        """_Replayed with the original acknowledgement when the store holds the step `step_id`."""
        ex = self._statements(c)
        facts = self._facts(ex, attempt_id)
        self._check_candidate_id(ex, actor, facts.candidate_id)
        held = ex.step_of(attempt_id, step_id)
        if held is None:
            return
        seq, held_kind, held_slot = held
        if held_kind != kind.value or held_slot != slot:
            raise Conflict("step {step_id} was already used for another step", step_id=step_id)
        _last, checkpoints = self._steps_summary(ex, attempt_id)
        raise _Replayed(SaveAck(seq, self._ledger_of(ex, facts, checkpoints, self._instant()).remaining))

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

    # -- observed and oral tasks (app/services/live_scoring.py) ----------------------------------

    def draw_card(self, actor: Actor, attempt_id: int, slot: int) -> OralCardView:
        """The candidate draws the question card of an oral task: chosen by the paper's seed (the same
        card every time: a second draw, or one after a move, shows the first), recorded as a step."""
        if actor.role != "candidate":
            raise PermissionDenied("only the candidate draws a question card")
        with self.action(actor, "attempt.draw_card", f"attempt:{attempt_id}/slot:{slot}", {"slot": slot}) as s:
            attempt = s.get(Attempt, attempt_id)
            if attempt is None:
                raise NotFound("no attempt {attempt}", attempt=attempt_id)
            _facts, ledger, last_seq = self._open_attempt(s.connection(), actor, attempt_id)
            if ledger.state is not LedgerState.RUNNING:
                raise AttemptClosed("the exam is {state}: answers cannot be saved now", state=ledger.state.value)
            entry = live_entry(s, attempt, slot)
            cards = entry.get("cards") or []
            if entry["mode"] != TaskMode.ORAL.value or not cards:
                raise Conflict("question {n} is not an oral task", n=slot + 1)
            drawn = read_log(s, attempt_id).cards.get(slot)
            if drawn is None:
                seed = s.get(PaperInstance, attempt.paper_id).content["seed"]  # type: ignore[union-attr]
                drawn = card_index(str(seed), slot, str(entry["id"]), len(cards))
                self._append_step(s.connection(), attempt_id, last_seq + 1, StepKind.DRAW, slot, {"card": drawn},
                                  actor)  # fmt: skip
            return OralCardView(slot, drawn + 1, len(cards), cards[drawn][0])

    def attach_task_file(self, actor: Actor, attempt_id: int, slot: int, filename: str, content: bytes) -> int:
        """The candidate's station attaches a file an observed task produced (kept encrypted, recorded
        as a step of the attempt) while the attempt is open. Its id."""
        if actor.role != "candidate":
            raise PermissionDenied("only the candidate's station attaches files here")
        data = {"slot": slot, "filename": filename, "sha256": hashlib.sha256(content).hexdigest()}
        with self.action(actor, "attempt.attach", f"attempt:{attempt_id}/slot:{slot}", data) as s:
            attempt = s.get(Attempt, attempt_id)
            if attempt is None:
                raise NotFound("no attempt {attempt}", attempt=attempt_id)
            self._open_attempt(s.connection(), actor, attempt_id)
            entry = live_entry(s, attempt, slot)
            if entry["mode"] != TaskMode.OBSERVED.value:
                raise Conflict("files are attached to observed tasks only")
            return store_task_file(s, self.db, attempt_id, slot, filename, content, "candidate", actor)

    # -- submission ---------------------------------------------------------------------------

    def submit(self, actor: Actor, attempt_id: int, *, reason: str = "candidate", step_id: str | None = None,
               expected_seq: int | None = None) -> int:  # fmt: skip
        """Close the attempt: by the candidate, a proctor (force-submit, with reason) or the clock.

        The candidate's station may name the step (`step_id`: a replayed submission returns the
        original step's seq, writing nothing) and the step it expects to follow (`expected_seq`):
        a window that has not seen the attempt's latest step cannot hand in a paper it never
        showed (two windows, two papers), it gets `stale_save` and shows the attempt again."""
        if actor.role == "candidate":
            reason = "candidate"
        elif actor.role == "proctor":
            if reason in ("", "candidate"):
                raise ServiceError("a reason is required to force-submit")
        elif actor.role != "system":
            raise PermissionDenied("{role} may not submit an attempt", role=actor.role)
        step_id = checked_step_id(step_id) if actor.role == "candidate" else None
        audit_data: dict[str, Any] = {"reason": reason}
        if step_id is not None:
            audit_data["step_id"] = step_id
        try:
            with self.action(actor, "attempt.submit", f"attempt:{attempt_id}", audit_data) as s:
                if actor.role == "proctor":  # a force-submit
                    self._require_proctor_of_attempt(s, actor, attempt_id)
                if step_id is not None:
                    self._raise_if_held(s.connection(), actor, attempt_id, step_id, StepKind.SUBMIT, None)
                facts, _ledger, last_seq = self._open_attempt(s.connection(), actor, attempt_id)
                if expected_seq is not None and expected_seq != last_seq:
                    raise StaleSave("the attempt is at step {step}, this submission expected {expected}",
                                    step=last_seq, expected=expected_seq)  # fmt: skip
                # the answer sheet as it stands, from the whole log: the close grades from it (one step
                # per attempt instead of every answer); app/domain/attempt_state.py
                sheet = answer_sheet(read_log(s.connection(), attempt_id).answers)
                submit_data = {"reason": reason, "answers": sheet}
                self._append_step(s.connection(), attempt_id, last_seq + 1, StepKind.SUBMIT, None, submit_data, actor,
                                  step_id)  # fmt: skip
                self._time_event(s, facts.session_id, attempt_id, TimeEventKind.SUBMIT, actor, reason=reason)
                return last_seq + 1
        except _Replayed as replay:
            return replay.ack.seq

    def heartbeat(self, actor: Actor, attempt_id: int, *, step_id: str | None = None,
                  station_mono: float | None = None, offline: bool = False) -> float:  # fmt: skip
        """The candidate's station is still answering (every ~15 s): a checkpoint of the time
        ledger, so that when the station is lost its time stops here, not at its last answer. Not
        an audit entry (a heartbeat changes no record anyone acts on). `offline`: made while the
        centre was unreachable and delivered from the station's journal, with the station's
        monotonic reading (`station_mono`), for the rule that charges time worked meanwhile.
        Idempotent by `step_id`. Returns the remaining time (0 once submitted)."""
        if actor.role != "candidate":
            raise PermissionDenied("only the candidate's station sends heartbeats")
        step_id = checked_step_id(step_id)
        try:
            with self.db.write() as c:
                facts = self._facts(c, attempt_id)
                self._check_candidate_id(c, actor, facts.candidate_id)
                held = step_id is not None and c.execute(
                    select(AttemptHeartbeat.id).where(AttemptHeartbeat.attempt_id == attempt_id,
                                                      AttemptHeartbeat.step_id == step_id)
                ).first() is not None  # fmt: skip
                _last_seq, checkpoints = self._steps_summary(c, attempt_id)
                ledger = self._ledger_of(c, facts, checkpoints, self._instant())
                if ledger.state is LedgerState.SUBMITTED:
                    return 0.0
                restarted = (ledger.state is LedgerState.INTERRUPTED and not offline and not held
                             and station_mono is not None)  # fmt: skip
                if not restarted and not held and (offline or ledger.state is LedgerState.RUNNING):
                    self._add_heartbeat(c, attempt_id, step_id, station_mono, offline)
                if not restarted:
                    return ledger.remaining
            assert station_mono is not None
            return self._bridge_outage(actor, facts, step_id, station_mono)
        except IntegrityError:  # the same heartbeat landed meanwhile (another process of the centre)
            if step_id is None:
                raise
            return self.heartbeat(actor, attempt_id, step_id=step_id, station_mono=station_mono, offline=offline)

    def _add_heartbeat(self, c: Connection, attempt_id: int, step_id: str | None, station_mono: float | None,
                       offline: bool) -> None:  # fmt: skip
        c.execute(insert(AttemptHeartbeat), [{
            "attempt_id": attempt_id, "step_id": step_id, "epoch": self.db.epoch, "mono": self.db.mono(),
            "station_mono": station_mono, "offline": offline, "wall": self.db.wall_now()}])  # fmt: skip

    def _bridge_outage(self, actor: Actor, facts: _AttemptFacts, step_id: str | None, station_mono: float) -> float:
        """A live heartbeat of an attempt the centre's restart interrupted (a new boot): when the
        station's heartbeats prove it went on all along, the outage is charged and the clock runs on
        (one audited action, `time.bridge`); otherwise the attempt waits for a resume, as after a
        crash. Returns the remaining time."""
        attempt_id = facts.attempt_id
        data: dict[str, Any] = {"station_mono": station_mono}
        try:
            with self.action(actor, "time.bridge", f"attempt:{attempt_id}", data) as s:
                c = s.connection()
                ledger = self._ledger_of(c, facts, self._steps_summary(c, attempt_id)[1], self._instant())
                charge = self._charge_outage(c, facts, ledger, actor, station_mono)
                if charge is None:
                    raise _NotBridged(ledger.remaining)  # nothing written, no audit entry
                data["seconds"] = round(charge.seconds, 3)
                self._add_heartbeat(c, attempt_id, step_id, station_mono, False)
                return self._ledger_of(c, facts, self._steps_summary(c, attempt_id)[1], self._instant()).remaining
        except _NotBridged as unproven:
            return unproven.remaining

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

    # -- the keys -----------------------------------------------------------------------------

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

