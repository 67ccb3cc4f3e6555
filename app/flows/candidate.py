"""The candidate's path through an exam, as a state machine with no Qt in it.

login -> confirm identity -> read the rules (a minimum time) -> wait for the start -> answer
(navigate, flag, save) -> review -> submit. The screens render the current stage and forward
what the candidate does; everything that changes the record is one call of the contract's
CandidateApi, through the station's client (signed in as the candidate by `log_in`).
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from app.api.client import Client
from app.api.errors import ApiError
from app.api.types import AttemptView, CandidateSession, CandidateSettings, Identity, SaveAck
from app.domain.time_ledger import LedgerState

WARN_AT = (15 * 60, 5 * 60)  # countdown warnings, in seconds before the end


class Stage(StrEnum):
    LOGIN = "login"
    CONFIRM = "confirm"
    RULES = "rules"
    WAITING = "waiting"
    ANSWERING = "answering"
    PAUSED = "paused"
    SUBMITTED = "submitted"


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
    identity: Identity | None = None
    exam_names: tuple[str, str] = ("", "")  # (occupation, level) as the standard names them; empty if unknown
    view: AttemptView | None = None
    current: int = 0
    seq: int = 0
    answers: dict[int, Any] = field(default_factory=dict)
    flagged: set[int] = field(default_factory=set)
    settings: CandidateSettings = field(default_factory=CandidateSettings)
    _rules_from: float | None = None
    _viewed_at: float = 0.0
    _warned: set[int] = field(default_factory=set)

    # -- before the exam -------------------------------------------------------------------

    @property
    def station(self) -> str:
        return self.client.station

    def log_in(self, ticket: str, id_number: str, move_code: str = "") -> Stage:
        """Sign in at this station; at a station other than the candidate's seat, with the move
        code a proctor gave them (without it the service refuses with code `wrong_seat`)."""
        self.login = self.client.candidate_sign_in(ticket.strip(), id_number.strip(), move_code.strip())
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
            self.client.candidate.save_settings(new)
            self.settings = new

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

    def refresh(self) -> Stage:
        """Ask the store where the attempt stands (started? paused? extended? submitted?)."""
        assert self.login is not None
        candidate, attempt_id = self.client.candidate, self.login.attempt_id
        view = candidate.attempt_view(attempt_id)
        if view.state is LedgerState.RUNNING and view.remaining <= 0:
            candidate.submit_if_due(attempt_id)
            view = candidate.attempt_view(attempt_id)
        self.view, self._viewed_at = view, self.clock()
        self.seq = view.last_seq
        self.answers = dict(view.answers)
        self.flagged = set(view.flagged)
        if view.submitted:
            self.stage = Stage.SUBMITTED
        elif view.state is LedgerState.NOT_STARTED:
            self.stage = Stage.WAITING
        elif view.state in (LedgerState.PAUSED, LedgerState.INTERRUPTED):
            self.stage = Stage.PAUSED
        else:
            self.stage = Stage.ANSWERING
        return self.stage

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
        self.seq = ack.seq
        if self.view is not None:
            self.view = AttemptView(
                self.view.attempt_id, self.view.state, ack.remaining, ack.seq, self.view.answers, self.view.flagged,
                self.view.submitted, self.view.items,
            )  # fmt: skip
            self._viewed_at = self.clock()
        return ack

    def answer(self, slot: int, value: Any) -> SaveAck:
        """Save an answer (None clears it). Returns only once it is durably stored."""
        assert self.login is not None
        attempt_id = self.login.attempt_id
        ack = self._save(lambda: self.client.candidate.save_answer(attempt_id, self.seq, slot, value))
        if value is None:
            self.answers.pop(slot, None)
        else:
            self.answers[slot] = value
        return ack

    def toggle_flag(self, slot: int) -> SaveAck:
        assert self.login is not None
        flagged = slot not in self.flagged
        attempt_id = self.login.attempt_id
        ack = self._save(lambda: self.client.candidate.set_flag(attempt_id, self.seq, slot, flagged))
        (self.flagged.add if flagged else self.flagged.discard)(slot)
        return ack

    def focus_lost(self) -> None:
        if self.stage is Stage.ANSWERING and self.login is not None:
            attempt_id = self.login.attempt_id
            self._save(lambda: self.client.candidate.report_focus_loss(attempt_id, self.seq))

    def submit_summary(self) -> tuple[int, int]:
        """(unanswered, flagged), shown before the candidate confirms."""
        unanswered = sum(1 for it in self.items if it["slot"] not in self.answers)
        return unanswered, len(self.flagged)

    def submit(self) -> Stage:
        assert self.login is not None
        self.client.candidate.submit(self.login.attempt_id)
        return self.refresh()

    def _require(self, stage: Stage) -> None:
        if self.stage is not stage:
            raise RuntimeError(f"expected stage {stage}, at {self.stage}")
