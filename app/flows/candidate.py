"""The candidate's path through an exam, as a state machine with no Qt in it.

login -> confirm identity -> read the rules (a minimum time) -> wait for the start -> answer
(navigate, flag, save) -> review -> submit. The screens render the current stage and forward
what the candidate does; everything that changes the record is one call of the contract's
CandidateApi, through the station's client (signed in as the candidate by `log_in`).

With a journal (app/station/journal.py; centre mode) every step is written to it first, with a
fresh step id and the sequence number it expects, and sent second. When the centre cannot be
reached (`Unreachable`) the step stays in the journal, the screen shows it, the countdown runs on
from the last remaining time the centre gave, on this PC's monotonic clock, and `save_status`
says "only on this PC (N waiting)". `sync()` sends what waits, in order, each with its step id
(a step the centre already holds is acknowledged, not recorded twice) and forgets a record only
after its acknowledgement; a flow started on the same journal after a crash replays what the
dead one left. A submission made offline waits in the journal like any step and is delivered by
`sync()`; it names the step it follows, so a paper changed meanwhile by someone else is not handed
in unseen: the flow shows the attempt again and says so (`notice`).

A screen never waits for the network: it gives the flow `send_soon`, and a step then returns as
soon as it is journaled (milliseconds, on this PC's disk) and `send_soon()` asks the screen's worker
thread to run `sync()`, which also sends the screen settings last changed. A save the centre holds
(its standby just died) or a slow link then holds that worker, not the screen; `live_refusal()` says
afterwards why a step sent at once did not go in. Without `send_soon` (the harness's station
processes) a step is sent before the call returns.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from app.api.client import Client
from app.api.errors import ApiError, Unreachable
from app.api.types import (
    AttemptStatus,
    AttemptView,
    CandidateSession,
    CandidateSettings,
    Identity,
    OralCardView,
    SaveAck,
)
from app.domain.answers import LIVE_MODES
from app.domain.time_ledger import LedgerState
from app.station.journal import Journal, JournalRecord

log = logging.getLogger("examdesk.flows.candidate")
WARN_AT = (15 * 60, 5 * 60)  # countdown warnings, in seconds before the end


class Stage(StrEnum):
    LOGIN = "login"
    CONFIRM = "confirm"
    RULES = "rules"
    WAITING = "waiting"
    ANSWERING = "answering"
    PAUSED = "paused"
    SUBMITTED = "submitted"


class Notice(StrEnum):
    """Something the candidate must be told after a sync."""

    NONE = ""
    SUBMISSION_NOT_DELIVERED = "submission_not_delivered"  # the paper changed elsewhere: check and submit again
    STEPS_REFUSED = "steps_refused"  # the centre refused waiting steps (e.g. time was up there)


@dataclass(frozen=True)
class SaveStatus:
    """Where the candidate's answers are: all at the centre, or `waiting` of them only on this PC;
    `reachable`: whether the last call reached the centre."""

    waiting: int
    reachable: bool

    @property
    def at_centre(self) -> bool:
        return self.waiting == 0

    def plain(self) -> str:
        if self.at_centre:
            return "saved at the centre"
        return f"only on this PC ({self.waiting} waiting)"


HEARTBEAT_SECONDS = 15.0
_PAUSED = "the exam is {state}: answers cannot be saved now"


def _not_now(exc: ApiError) -> bool:
    """A refusal that says "not now" or "not from here", not "never": the step stays in the journal.
    This station's login was closed (a new login, a move): sent after the next login here, or
    exported for the proctor; the exam is paused: sent once it runs again."""
    if exc.code in ("invalid_token", "permission_denied"):
        return True
    return exc.code == "attempt_closed" and exc.message.template == _PAUSED


def _interrupted(exc: ApiError) -> bool:
    """The centre refused a step because the attempt's clock stopped at a restart of its machine."""
    return exc.code == "attempt_closed" and exc.message.template == _PAUSED and exc.message.params.get("state") == (
        LedgerState.INTERRUPTED.value
    )


_SEQ_STEPS = {"answer", "clear", "flag", "unflag", "focus", "submit"}
# what a light refresh may show by itself: interrupted and submitted attempts take the whole view
_LIGHT_STAGES = {LedgerState.NOT_STARTED: Stage.WAITING, LedgerState.RUNNING: Stage.ANSWERING,
                 LedgerState.PAUSED: Stage.PAUSED}  # fmt: skip


class RulesNotRead(Exception):
    def __init__(self, seconds_left: float):
        self.seconds_left = seconds_left
        super().__init__(f"please keep reading the rules for {int(seconds_left) + 1} more seconds")


@dataclass
class CandidateFlow:
    client: Client  # the station's client: not signed in until `log_in`
    min_rules_seconds: float = 60.0
    clock: Callable[[], float] = time.monotonic

    stage: Stage = Stage.LOGIN
    login: CandidateSession | None = None
    ticket: str = ""
    identity: Identity | None = None
    exam_names: tuple[str, str] = ("", "")  # (occupation, level) as the standard names them; empty if unknown
    view: AttemptView | None = None
    current: int = 0
    seq: int = 0
    answers: dict[int, Any] = field(default_factory=dict)
    flagged: set[int] = field(default_factory=set)
    journal: Journal | None = None  # centre mode: every step is kept here until the centre has it
    reachable: bool = True  # whether the last call reached the centre
    notice: Notice = Notice.NONE
    refused: list[tuple[JournalRecord, ApiError]] = field(default_factory=list)  # steps the centre refused
    needs_refresh: bool = False  # a sync without refreshes (off the GUI thread) left the view to refresh
    held_back: ApiError | None = None  # why the last sync left steps waiting though the centre answered
    settings: CandidateSettings = field(default_factory=CandidateSettings)
    _rules_from: float | None = None
    _viewed_at: float = 0.0
    _warned: set[int] = field(default_factory=set)
    _submitted_locally: bool = False
    # a sync may run on a worker thread while the screen makes steps: the journal and the seq
    # change under this lock, never while a call waits on the network
    _lock: threading.RLock = field(default_factory=threading.RLock)
    _syncing: bool = False
    _bridge_tried: bool = False  # this sync sent a live heartbeat for a restarted centre already
    # the screen's worker sends the journal: a step returns once journaled, then this is called
    send_soon: Callable[[], None] | None = None
    _fresh: set[str] = field(default_factory=set)  # steps handed to send_soon while the centre answered
    _fresh_refusals: list[ApiError] = field(default_factory=list)  # why the centre refused one of them
    _settings_unsent: CandidateSettings | None = None  # with send_soon: sent by the next sync

    # -- before the exam -------------------------------------------------------------------

    @property
    def station(self) -> str:
        return self.client.station

    def log_in(self, ticket: str, id_number: str, move_code: str = "") -> Stage:
        """Sign in at this station; at a station other than the candidate's seat, with the move
        code a proctor gave them (without it the service refuses with code `wrong_seat`)."""
        self.login = self.client.candidate_sign_in(ticket.strip(), id_number.strip(), move_code.strip())
        self.ticket = ticket.strip()
        self.identity = self.client.candidate.identity()
        self.exam_names = self.client.candidate.exam_names()
        self.settings = self.client.candidate.settings()  # as the candidate left them (at another station)
        self.current = self.settings.current
        self.stage = Stage.CONFIRM
        return self.stage

    def confirm_identity(self) -> Stage:
        self._require(Stage.CONFIRM)
        assert self.login is not None
        if self.login.rules_read:  # once per attempt: back after a move or a restart, straight on
            return self.refresh()
        self._rules_from = self.clock()
        self.stage = Stage.RULES
        return self.stage

    def save_settings(self, *, font_size: int | None = None, high_contrast: bool | None = None) -> None:
        """Keep the screen settings and the current question at the centre, so that they follow
        the candidate to another station; nothing is sent when nothing changed."""
        old = self.settings
        size = old.font_size if font_size is None else font_size
        contrast = old.high_contrast if high_contrast is None else high_contrast
        new = CandidateSettings(size, contrast, self.current)
        if new != old and self.login is not None:
            if self.send_soon is not None:  # a commit the centre holds must not freeze the screen either
                with self._lock:
                    self._settings_unsent = new
                self.settings = new
                self.send_soon()
                return
            self.client.candidate.save_settings(new)
            self.settings = new

    def settings_waiting(self) -> bool:
        """Screen settings made with `send_soon` wait to be sent (by the next sync)."""
        return self._settings_unsent is not None

    def _send_settings(self) -> None:
        with self._lock:
            settings = self._settings_unsent
        if settings is None:
            return
        try:
            self.client.candidate.save_settings(settings)
        except Unreachable:
            self.reachable = False
            return
        except ApiError:  # the exam goes on; only the settings would not follow a move
            log.warning("the screen settings could not be kept at the centre", exc_info=True)
        with self._lock:
            if self._settings_unsent == settings:
                self._settings_unsent = None

    def reject_identity(self) -> Stage:
        """Not me: back to the login, nothing recorded beyond the login itself."""
        if self.login is not None:
            with contextlib.suppress(ApiError):  # the token is dropped all the same
                self.client.sign_out()  # the station forgets the token (a candidate's sign-out records nothing)
        self.login, self.identity, self.exam_names, self.stage = None, None, ("", ""), Stage.LOGIN
        self.settings, self.current = CandidateSettings(), 0
        return self.stage

    def rules_seconds_left(self) -> float:
        if self._rules_from is None:
            return self.min_rules_seconds
        return max(0.0, self.min_rules_seconds - (self.clock() - self._rules_from))

    def accept_rules(self) -> Stage:
        self._require(Stage.RULES)
        left = self.rules_seconds_left()
        if left > 0:
            raise RulesNotRead(left)
        assert self.login is not None
        self.client.candidate.accept_rules()
        return self.refresh()

    # -- during the exam ---------------------------------------------------------------------

    def attempt_status(self) -> AttemptStatus:
        """Where the attempt stands at the centre (state, time left, last step), without its paper:
        a call that changes nothing here, so the screen asks it from a worker thread and hands the
        answer to `refresh(status=...)` on its own thread."""
        assert self.login is not None
        return self.client.candidate.attempt_status(self.login.attempt_id)

    def refresh(self, *, light: bool = False, status: AttemptStatus | None = None) -> Stage:
        """Ask the store where the attempt stands (started? paused? extended? submitted?).
        `light` (the screen's timer, every few seconds): ask for the state alone, and for the whole
        view (paper and answers) only when the attempt's last step is not the one this station
        knows, or the state needs more than a new figure (interrupted, time up, submitted).
        `status`: that state, already asked (`attempt_status`); it is checked against what this
        station holds now, so one asked before a step made meanwhile takes the whole view."""
        assert self.login is not None
        candidate, attempt_id = self.client.candidate, self.login.attempt_id
        if light and status is None:
            status = candidate.attempt_status(attempt_id)
        if status is not None and self._refreshed_lightly(status):
            return self.stage
        view = candidate.attempt_view(attempt_id)
        went_on = (view.state is LedgerState.INTERRUPTED and self.stage is Stage.ANSWERING and self.journal is not None
                   and not (self.held_back is not None and _interrupted(self.held_back)))  # fmt: skip
        if went_on and not self._pending():
            # the centre's machine restarted while this PC went on: a live heartbeat with this PC's
            # clock reading, after the journaled ones, lets the centre charge that time and run on
            candidate.heartbeat(attempt_id, uuid.uuid4().hex, self.clock(), False)
            view = candidate.attempt_view(attempt_id)
            went_on = False
        if view.state is LedgerState.RUNNING and view.remaining <= 0:
            candidate.submit_if_due(attempt_id)
            view = candidate.attempt_view(attempt_id)
        with self._lock:
            if went_on and self.view is not None:  # the journal goes first (sync): the countdown runs on meanwhile
                view = AttemptView(view.attempt_id, self.view.state, self.remaining(), view.last_seq, view.answers,
                                   view.flagged, view.submitted, view.items)  # fmt: skip
            self.view, self._viewed_at = view, self.clock()
            self.seq = view.last_seq
            self.answers = dict(view.answers)
            self.flagged = set(view.flagged)
            self._overlay_pending()
        if view.submitted:
            self.stage = Stage.SUBMITTED
        elif view.state is LedgerState.NOT_STARTED:
            self.stage = Stage.WAITING
        elif view.state in (LedgerState.PAUSED, LedgerState.INTERRUPTED):
            self.stage = Stage.PAUSED
        elif self._submitted_locally:
            self.stage = Stage.SUBMITTED  # handed in on this PC; delivered by sync()
        else:
            self.stage = Stage.ANSWERING
        return self.stage

    def _refreshed_lightly(self, status: AttemptStatus) -> bool:
        """Take the state and time of `status` into the view this station holds; False when the
        whole view must be fetched instead."""
        with self._lock:
            view = self.view
            stage = _LIGHT_STAGES.get(status.state)
            if (view is None or stage is None or status.attempt_id != view.attempt_id
                    or status.last_seq != view.last_seq or status.submitted
                    or view.submitted or self._submitted_locally
                    or (status.state is LedgerState.RUNNING and status.remaining <= 0)):  # fmt: skip
                return False
            self.view = AttemptView(view.attempt_id, status.state, status.remaining, view.last_seq, view.answers,
                                    view.flagged, view.submitted, view.items)  # fmt: skip
            self._viewed_at = self.clock()
        self.stage = stage
        return True

    def _overlay_pending(self) -> None:
        """What this PC holds and the centre has not acknowledged yet, on top of the centre's
        state: restored answers are shown, and counted as waiting, never as sent."""
        seq = self.seq
        for record in self._pending():
            if record.kind not in _SEQ_STEPS:
                continue
            if record.kind == "submit":
                self._submitted_locally = True
            self._apply_locally(record.kind, record.slot, record.value)
            seq = max(seq, (record.expected_seq or 0) + 1)
        self.seq = seq

    def _apply_locally(self, kind: str, slot: int | None, value: Any) -> None:
        if slot is None:
            return
        if kind == "answer":
            self.answers[slot] = value
        elif kind == "clear":
            self.answers.pop(slot, None)
        elif kind == "flag":
            self.flagged.add(slot)
        elif kind == "unflag":
            self.flagged.discard(slot)

    def remaining(self) -> float:
        """Seconds left: the store's figure, counted down locally between refreshes."""
        if self.view is None:
            return 0.0
        if self.stage is not Stage.ANSWERING:
            return self.view.remaining
        return max(0.0, self.view.remaining - (self.clock() - self._viewed_at))

    def due_warnings(self) -> list[int]:
        """Thresholds (seconds) just crossed, each reported once: 15 and 5 minutes."""
        left = self.remaining()
        due = [t for t in WARN_AT if left <= t and t not in self._warned and self.stage is Stage.ANSWERING]
        self._warned.update(due)
        return due

    @property
    def items(self) -> list[dict[str, Any]]:
        return self.view.items if self.view else []

    def goto(self, index: int) -> int:
        if self.items:
            self.current = max(0, min(len(self.items) - 1, index))
        return self.current

    def next(self) -> int:
        return self.goto(self.current + 1)

    def previous(self) -> int:
        return self.goto(self.current - 1)

    def _save(self, call: Callable[[], SaveAck]) -> SaveAck:
        try:
            ack = call()
        except ApiError as exc:
            if exc.code == "stale_save":
                # another station (after a move) or a restart saved meanwhile: take the store's state
                self.refresh()
            raise
        self._acked(ack)
        return ack

    def _acked(self, ack: SaveAck) -> None:
        with self._lock:
            self.seq = max(self.seq, ack.seq) if self._pending() else ack.seq
            if self.view is not None:
                self.view = AttemptView(
                    self.view.attempt_id, self.view.state, ack.remaining, ack.seq, self.view.answers,
                    self.view.flagged, self.view.submitted, self.view.items,
                )  # fmt: skip
                self._viewed_at = self.clock()

    # -- the journal (centre mode) -----------------------------------------------------------

    def _pending(self) -> list[JournalRecord]:
        if self.journal is None or self.login is None:
            return []
        return self.journal.pending(self.login.attempt_id)

    def save_status(self) -> SaveStatus:
        """Saved at the centre, or only on this PC (how many steps wait)."""
        return SaveStatus(sum(1 for r in self._pending() if r.kind in _SEQ_STEPS), self.reachable)

    def _journaled_step(self, kind: str, slot: int | None, value: Any) -> SaveAck | None:
        """Journal the step, then send everything that waits (this step last). The ack of this
        step, or None when it waits on this PC (the centre was unreachable)."""
        assert self.login is not None and self.journal is not None
        with self._lock:
            record = JournalRecord(uuid.uuid4().hex, self.login.attempt_id, self.ticket, kind, self.seq, slot,
                                   value, self.clock())  # fmt: skip
            self.journal.append(record)  # durable before it is sent
            self.seq += 1
            self._apply_locally(kind, slot, value)
            later = self.send_soon is not None or not self.reachable or self._syncing
            send_soon = self.send_soon if self.reachable else None
            if send_soon is not None:
                self._fresh.add(record.step_id)
        if later:
            # the screen's worker sends it now (`send_soon`: the candidate never waits for the
            # network, not even once); or the centre was away at the last try, and the station's
            # sync (a timer) sends it, so the candidate never waits for a network timeout per answer
            if send_soon is not None:
                send_soon()
            return None
        refused_before = len(self.refused)
        acks = self.sync()
        if self.held_back is not None and record.step_id not in acks and kind != "submit":
            raise self.held_back  # kept on this PC; the candidate is told why it did not reach the centre
        for done, exc in self.refused[refused_before:]:
            if done.step_id == record.step_id and kind != "submit":  # refused now, with the candidate looking
                self.refused.remove((done, exc))
                if not any(r.kind == "submit" for r, _e in self.refused[refused_before:]):
                    self.notice = Notice.NONE
                raise exc
        return acks.get(record.step_id)

    def sync(self, *, refresh: bool = True) -> dict[str, SaveAck]:
        """Send the journal's waiting records in order, each with its step id and expected seq;
        forget each only once the centre acknowledged it. Stops at the first Unreachable (the rest
        waits for the next sync). Returns the acknowledgements by step id. One sync at a time (a
        second returns at once); `refresh=False` (a worker thread): no view refresh, `needs_refresh`
        says when the screen's thread should do one."""
        with self._lock:
            if self._syncing or self.journal is None or self.login is None:
                return {}
            self._syncing = True
        try:
            acks: dict[str, SaveAck] = {}
            self.held_back = None
            self._bridge_tried = False
            while self._pending() and self._send_waiting(acks, refresh):
                pass  # steps made meanwhile are sent by the next round
            if self.reachable or not self._pending():  # not when the centre failed this sync already
                self._send_settings()
            return acks
        finally:
            with self._lock:
                self._syncing = False

    def _send_waiting(self, acks: dict[str, SaveAck], refresh: bool) -> bool:
        """One round over what waits now; False when the centre could not be reached."""
        assert self.journal is not None
        candidate = self.client.candidate
        shift = 0  # how far the centre's log is ahead of the journal's expected seqs
        for record in self._pending():
            try:
                if record.kind == "heartbeat":
                    candidate.heartbeat(record.attempt_id, record.step_id, record.station_mono, True)
                    self.journal.acknowledge(record.step_id)
                    continue
                expected = (record.expected_seq or 0) + shift
                try:
                    ack = self._send(record, expected)
                except ApiError as exc:
                    if exc.code != "stale_save" or record.kind == "submit":
                        raise
                    # the centre's log moved on without this PC (a reply lost before an earlier
                    # step, a refused step): the step applies on top of the centre's state, in order
                    at = candidate.attempt_status(record.attempt_id).last_seq
                    shift = at - (record.expected_seq or 0)
                    ack = self._send(record, at)
            except Unreachable:
                self.reachable = False
                return False
            except ApiError as exc:
                self.reachable = True
                if _interrupted(exc) and not self._bridge_tried and self.stage is Stage.ANSWERING:
                    # the centre's machine restarted while this PC went on (its journaled heartbeats
                    # were sent first, in order): a live heartbeat with this PC's clock reading lets
                    # the centre charge that time and run the clock on; then this round again
                    self._bridge_tried = True
                    try:
                        candidate.heartbeat(record.attempt_id, uuid.uuid4().hex, self.clock(), False)
                    except Unreachable:
                        self.reachable = False
                        return False
                    return True
                if _not_now(exc):  # kept: a later sync, or the proctor's import of this journal, delivers it
                    self.held_back = exc
                    return False
                with self._lock:
                    self.journal.acknowledge(record.step_id)  # the centre will never take it: not kept for ever
                self._refused(record, exc, refresh)
                continue
            self.reachable = True
            with self._lock:
                self.journal.acknowledge(record.step_id)
            acks[record.step_id] = ack
            if record.kind != "submit":
                self._acked(ack)
        self.reachable = True
        if self._submitted_locally and not self._pending():
            self._submitted_locally = False
            self._refresh_after_sync(refresh)
        return True

    def live_refusal(self) -> ApiError | None:
        """After a sync on the screen's worker (`send_soon`): why a step sent at once did not go in,
        to be shown as a refused save is (the centre refused it; or held it back, "not now": the exam
        is paused, this login was closed, and it waits in the journal); None when there is nothing to
        tell. Steps still waiting from then on are steps of this PC, delivered by later syncs."""
        with self._lock:
            found = self._fresh_refusals[0] if self._fresh_refusals else None
            self._fresh_refusals.clear()
            waiting = {r.step_id: r.kind for r in self._pending()}
            live_steps = [step for step in self._fresh if waiting.get(step) not in (None, "submit")]
            if found is None and self.held_back is not None and live_steps:
                found = self.held_back
            if self.reachable and self.held_back is None:
                self._fresh &= waiting.keys()  # made after the sync's last round: still to be sent now
            else:
                self._fresh.clear()  # kept on this PC: the station's timer tries again
            return found

    def fresh_waiting(self) -> bool:
        """Steps sent at once wait still (made after the last round of a sync): sync again now."""
        with self._lock:
            waiting = {r.step_id for r in self._pending()}
            return bool(self._fresh & waiting) and self.reachable and self.held_back is None

    def _refresh_after_sync(self, refresh: bool) -> None:
        if not refresh:
            self.needs_refresh = True
            return
        with contextlib.suppress(Unreachable):
            self.refresh()

    def _send(self, record: JournalRecord, expected: int) -> SaveAck:
        candidate, aid, sid = self.client.candidate, record.attempt_id, record.step_id
        kind, slot = record.kind, record.slot
        if kind == "submit":
            seq = candidate.submit(aid, sid, expected)
            return SaveAck(seq, 0.0)
        if kind in ("answer", "clear"):
            assert slot is not None
            return candidate.save_answer(aid, expected, slot, record.value if kind == "answer" else None, sid)
        if kind in ("flag", "unflag"):
            assert slot is not None
            return candidate.set_flag(aid, expected, slot, kind == "flag", sid)
        return candidate.report_focus_loss(aid, expected, sid)

    def _refused(self, record: JournalRecord, exc: ApiError, refresh: bool = True) -> None:
        """A waiting step the centre refused: the candidate is told; the screen shows the centre's state."""
        self.refused.append((record, exc))
        if record.kind == "submit":
            self._submitted_locally = False
            self.notice = Notice.SUBMISSION_NOT_DELIVERED
        elif record.step_id in self._fresh:  # sent at once, with the candidate looking: told as such
            self._fresh_refusals.append(exc)
        elif self.notice is Notice.NONE:
            self.notice = Notice.STEPS_REFUSED
        self._refresh_after_sync(refresh)

    def heartbeat(self) -> float | None:
        """Tell the centre this station is still answering (every HEARTBEAT_SECONDS); kept in the
        journal, with this PC's monotonic reading, when the centre cannot be reached."""
        if self.stage is not Stage.ANSWERING or self.login is None:
            return None
        attempt_id = self.login.attempt_id
        if self.journal is not None and (self._pending() or not self.reachable):
            self._journal_heartbeat()  # delivered, in order, by the next sync
            return None
        try:
            remaining = self.client.candidate.heartbeat(attempt_id, uuid.uuid4().hex, self.clock(), False)
        except Unreachable:
            self.reachable = False
            if self.journal is not None:
                self._journal_heartbeat()
            return None
        self.reachable = True
        return remaining

    def _journal_heartbeat(self) -> None:
        assert self.login is not None and self.journal is not None
        with self._lock:
            self.journal.append(JournalRecord(uuid.uuid4().hex, self.login.attempt_id, self.ticket, "heartbeat",
                                              station_mono=self.clock()))  # fmt: skip

    # -- the steps -----------------------------------------------------------------------------

    def answer(self, slot: int, value: Any) -> SaveAck | None:
        """Save an answer (None clears it). Returns once it is durably stored at the centre; with
        a journal, None when it is durably kept only on this PC (the centre was unreachable)."""
        assert self.login is not None
        if self.journal is not None:
            return self._journaled_step("answer" if value is not None else "clear", slot, value)
        attempt_id = self.login.attempt_id
        ack = self._save(lambda: self.client.candidate.save_answer(attempt_id, self.seq, slot, value))
        if value is None:
            self.answers.pop(slot, None)
        else:
            self.answers[slot] = value
        return ack

    def toggle_flag(self, slot: int) -> SaveAck | None:
        assert self.login is not None
        flagged = slot not in self.flagged
        if self.journal is not None:
            return self._journaled_step("flag" if flagged else "unflag", slot, None)
        attempt_id = self.login.attempt_id
        ack = self._save(lambda: self.client.candidate.set_flag(attempt_id, self.seq, slot, flagged))
        (self.flagged.add if flagged else self.flagged.discard)(slot)
        return ack

    def focus_lost(self) -> None:
        if self.stage is Stage.ANSWERING and self.login is not None:
            if self.journal is not None:
                self._journaled_step("focus", None, None)
                return
            attempt_id = self.login.attempt_id
            self._save(lambda: self.client.candidate.report_focus_loss(attempt_id, self.seq))

    def draw_card(self, slot: int) -> OralCardView:
        """An oral task's question card, drawn at the centre (by the paper's seed; again: the same)."""
        assert self.login is not None
        card = self.client.candidate.draw_card(self.login.attempt_id, slot)
        self.refresh()  # the draw is a step of the attempt: the next save follows it
        return card

    def attach_file(self, slot: int, filename: str, content: bytes) -> int:
        """A file an observed task produced, kept encrypted at the centre; its id."""
        assert self.login is not None
        file_id = self.client.candidate.attach_task_file(self.login.attempt_id, slot, filename, content)
        self.refresh()
        return file_id

    def submit_summary(self) -> tuple[int, int]:
        """(unanswered, flagged), shown before the candidate confirms; an observed or oral task is
        performed, not typed, and is never counted as unanswered."""
        unanswered = sum(1 for it in self.items if it["slot"] not in self.answers and it.get("mode") not in LIVE_MODES)
        return unanswered, len(self.flagged)

    def submit(self) -> Stage:
        """Hand the paper in, as the candidate sees it (the step it follows is named: a paper
        changed elsewhere meanwhile is refused as stale and shown again). With a journal the
        submission is journaled first; offline it is delivered by `sync()`."""
        assert self.login is not None
        if self.journal is None:
            try:
                self.client.candidate.submit(self.login.attempt_id, None, self.seq)
            except ApiError as exc:
                if exc.code == "stale_save":  # saved elsewhere meanwhile: show the paper as it is now
                    self.refresh()
                raise
            return self.refresh()
        self._submitted_locally = True
        self.notice = Notice.NONE
        self._journaled_step("submit", None, None)
        if self._submitted_locally:  # still waiting on this PC
            self.stage = Stage.SUBMITTED
        return self.stage

    def _require(self, stage: Stage) -> None:
        if self.stage is not stage:
            raise RuntimeError(f"expected stage {stage}, at {self.stage}")
