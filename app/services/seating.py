"""Candidates at their seat: the check-in seat a candidate must log in at, failed logins (slowed,
audited, shown to the proctor, cleared by a proctor), moves to another station by a one-time code,
and the candidate's settings and rules reading kept at the centre so they follow a move.

The role services build on it: `AnswerService.candidate_login` (app/services/answers.py) and the
proctor's `check_in` and `allow_move` (app/services/proctoring.py).

Rules kept here:
- A candidate logs in only after a proctor checked them in, and only at the checked-in seat; another
  station needs a move code the proctor issued for them (then the seat moves with them).
- One seat holds one candidate: checking a second candidate in to a seat whose candidate has not
  finished is refused (the proctor resolves it, rather than confirm a warning under pressure).
- Failed logins never lock a candidate out: they make the next login of that ticket and at that
  station wait (app/domain/login_delay.py), and a proctor of the candidate's session may clear them.
"""

from __future__ import annotations

from dataclasses import asdict

from sqlalchemy import Connection, or_, select, update
from sqlalchemy.orm import Session

from app.api.types import CandidateSettings, LoginAlert
from app.domain.attempt_state import StepKind
from app.domain.login_delay import WINDOW_SECONDS, seconds_to_say, wait_left
from app.errors import Message
from app.services.answer_log import read_log
from app.services.base import Actor, Conflict, PermissionDenied, ServiceError, require_duty, require_role
from app.services.exam_day import ExamDay
from app.store.models import (
    Attempt,
    Candidate,
    CheckIn,
    ExamSession,
    LoginFailure,
    StationMove,
)
from app.store.models import CandidateSettings as SettingsRow

MOVE_CODE_SECONDS = 300  # a move code is valid for five minutes on the machine clock
MOVE_CODE_DIGITS = 6
LIVE_SESSION_STATES = ("scheduled", "open")


def moved_to(c: Connection, candidate_id: int) -> str | None:
    """Where a proctor moved the candidate, for the refusal an old station gets: the station they
    logged in at with the code ("" before they have), None when no move was authorised."""
    row = c.execute(
        select(StationMove.to_station)
        .where(StationMove.candidate_id == candidate_id, StationMove.state != "void")
        .order_by(StationMove.id.desc())
        .limit(1)
    ).first()
    return None if row is None else row[0] or ""


def moved_refusal(c: Connection, candidate_id: int) -> Message | None:
    """The message for a station whose login a move closed; None when there was no move."""
    station = moved_to(c, candidate_id)
    if station:
        return Message("you have been moved to station {station}: continue there", station=station)
    if station is not None:
        return Message("a proctor is moving you to another station: continue there")
    return None


class LoginDelayed(ServiceError):
    """Too many failed logins of this ticket or at this station: try again later (not a lockout)."""

    code = "login_delayed"


class WrongSeat(Conflict):
    """The candidate is checked in at another station: a proctor's move code is needed here."""

    code = "wrong_seat"


class Seating(ExamDay):
    """Seats, failed logins, moves and the candidate's settings, for the role services."""

    # -- the seat --------------------------------------------------------------------------------

    @staticmethod
    def _seat_of(s: Session, candidate_id: int) -> str | None:
        """The station the candidate was last checked in (or moved) to; None before check-in."""
        return s.scalar(
            select(CheckIn.station).where(CheckIn.candidate_id == candidate_id).order_by(CheckIn.id.desc()).limit(1)
        )

    def _occupant(self, s: Session, station: str, candidate_id: int) -> str | None:
        """The ticket of another candidate whose seat `station` is (their latest check-in), in a
        session not yet closed and with a paper not yet handed in; None when the seat is free."""
        rows = s.execute(
            select(Candidate.id, Candidate.ticket)
            .join(CheckIn, CheckIn.candidate_id == Candidate.id)
            .join(ExamSession, ExamSession.id == Candidate.session_id)
            .where(CheckIn.station == station, Candidate.id != candidate_id)
            .where(ExamSession.state.in_(LIVE_SESSION_STATES))
            .distinct()
        ).all()
        for other_id, ticket in rows:
            if self._seat_of(s, other_id) != station:
                continue  # seated there once, moved since
            attempt_id = s.scalar(select(Attempt.id).where(Attempt.candidate_id == other_id))
            if attempt_id is None or not read_log(s, attempt_id, kinds=(StepKind.SUBMIT,)).submitted:
                return ticket
        return None

    def _require_free_seat(self, s: Session, station: str, candidate_id: int) -> None:
        other = self._occupant(s, station, candidate_id)
        if other is not None:
            raise Conflict("station {station} is already the seat of ticket {ticket}", station=station, ticket=other)

    # -- failed logins -----------------------------------------------------------------------------

    def _login_wait(self, ticket: str, station: str) -> float:
        """Seconds the next login of `ticket` at `station` must still wait (0: go ahead)."""
        now = self.db.mono()
        with self.db.reader() as s:
            rows = s.execute(
                select(LoginFailure.ticket, LoginFailure.station, LoginFailure.mono).where(
                    or_(LoginFailure.ticket == ticket, LoginFailure.station == station),
                    LoginFailure.cleared_by.is_(None), LoginFailure.epoch == self.db.epoch,
                    LoginFailure.mono > now - WINDOW_SECONDS,
                )
            ).all()  # fmt: skip
        by_ticket = [mono for t, _st, mono in rows if t == ticket]
        by_station = [mono for _t, st, mono in rows if st == station]
        return max(wait_left(by_ticket, now), wait_left(by_station, now))

    def _check_login_wait(self, ticket: str, station: str) -> None:
        wait = self._login_wait(ticket, station)
        if wait > 0:
            raise LoginDelayed("too many failed logins: try again in {seconds} s", seconds=seconds_to_say(wait))

    def _login_failed(self, ticket: str, station: str, why: str) -> None:
        """Record a failed login (its own action and audit entry); the caller then refuses."""
        data = {"ticket": ticket, "station": station, "why": why}
        with self.action(Actor("station", 0), "candidate.login_failed", f"ticket:{ticket[:64]}", data) as s:
            s.add(LoginFailure(ticket=ticket[:64], station=station[:64], epoch=self.db.epoch, mono=self.db.mono(),
                               wall=self.db.wall_now()))  # fmt: skip

    def login_alerts(self, actor: Actor, session_id: int) -> list[LoginAlert]:
        """Uncleared failed logins of the session's tickets, or at its candidates' seats, by ticket and station."""
        require_role(actor, "proctor")
        now = self.db.mono()
        with self.db.reader() as s:
            require_duty(s, actor, session_id, "proctor")
            tickets = select(Candidate.ticket).where(Candidate.session_id == session_id)
            seats = (
                select(CheckIn.station)
                .join(Candidate, Candidate.id == CheckIn.candidate_id)
                .where(Candidate.session_id == session_id)
            )
            rows = s.execute(
                select(LoginFailure.ticket, LoginFailure.station, LoginFailure.epoch, LoginFailure.mono,
                       LoginFailure.wall)
                .where(LoginFailure.cleared_by.is_(None),
                       or_(LoginFailure.ticket.in_(tickets), LoginFailure.station.in_(seats)))
                .order_by(LoginFailure.id)
            ).all()  # fmt: skip
            counted = s.execute(
                select(LoginFailure.ticket, LoginFailure.station, LoginFailure.mono).where(
                    LoginFailure.cleared_by.is_(None), LoginFailure.epoch == self.db.epoch,
                    LoginFailure.mono > now - WINDOW_SECONDS,
                    or_(LoginFailure.ticket.in_(sorted({r[0] for r in rows})),
                        LoginFailure.station.in_(sorted({r[1] for r in rows}))),
                )
            ).all() if rows else []  # fmt: skip
        groups: dict[tuple[str, str], list[str]] = {}
        for ticket, station, _epoch, _mono, wall in rows:
            groups.setdefault((ticket, station), []).append(wall)
        alerts = []
        for (ticket, station), walls in groups.items():
            wait = max(wait_left([m for t, _st, m in counted if t == ticket], now),
                       wait_left([m for _t, st, m in counted if st == station], now))  # fmt: skip
            alerts.append(LoginAlert(ticket, station, len(walls), walls[-1], seconds_to_say(wait) if wait > 0 else 0))
        return alerts

    def clear_login_alert(self, actor: Actor, session_id: int, ticket: str, station: str) -> None:
        """A proctor of the session has seen the failed logins of `ticket` at `station` (and checked
        who is there): they are cleared, so they no longer slow that ticket's or station's login."""
        require_role(actor, "proctor")
        data = {"ticket": ticket, "station": station}
        with self.action(actor, "candidate.clear_login_alert", f"session:{session_id}", data) as s:
            require_duty(s, actor, session_id, "proctor")
            known = s.scalar(select(Candidate.id).where(Candidate.session_id == session_id, Candidate.ticket == ticket)
                             .limit(1))  # fmt: skip
            seat = s.scalar(
                select(CheckIn.id).join(Candidate, Candidate.id == CheckIn.candidate_id)
                .where(Candidate.session_id == session_id, CheckIn.station == station).limit(1)
            )  # fmt: skip
            if known is None and seat is None:
                raise PermissionDenied("ticket {ticket} and station {station} are not in session {session}",
                                       ticket=ticket, station=station, session=session_id)  # fmt: skip
            s.execute(
                update(LoginFailure)
                .where(LoginFailure.ticket == ticket, LoginFailure.station == station)
                .where(LoginFailure.cleared_by.is_(None))
                .values(cleared_by=actor.label)
            )

    # -- moves -------------------------------------------------------------------------------------

    def _move_code_index(self, code: str) -> str:
        return self.db.cipher.blind_index("".join(code.split()), b"move_code")

    def _usable_move(self, s: Session, candidate_id: int, code: str) -> StationMove | None:
        """The candidate's issued move whose code this is, still valid on the machine clock."""
        index, now = self._move_code_index(code), self.db.mono()
        for move in s.scalars(
            select(StationMove).where(StationMove.candidate_id == candidate_id, StationMove.state == "issued")
        ):
            fresh = move.epoch == self.db.epoch and now - move.mono <= MOVE_CODE_SECONDS
            if fresh and move.code_index == index:
                return move
        return None

    def _moved_away(self, candidate_id: int) -> str | None:
        with self.db.reader() as s:
            return moved_to(s.connection(), candidate_id)

    # -- the candidate's settings and the rules ---------------------------------------------------

    @staticmethod
    def _settings_row(s: Session, candidate_id: int, wall: str) -> SettingsRow:
        row = s.scalar(select(SettingsRow).where(SettingsRow.candidate_id == candidate_id))
        if row is None:
            row = SettingsRow(candidate_id=candidate_id, settings=None, rules_read_wall=None, wall=wall)
            s.add(row)
        return row

    @staticmethod
    def _rules_read(s: Session, candidate_id: int) -> bool:
        wall = s.scalar(select(SettingsRow.rules_read_wall).where(SettingsRow.candidate_id == candidate_id))
        return wall is not None

    def save_settings(self, actor: Actor, settings: CandidateSettings) -> None:
        """The candidate changed font size, contrast or question: kept at the centre for a move."""
        if actor.role != "candidate":
            raise PermissionDenied("only the candidate keeps their screen settings")
        if not (0 <= settings.font_size <= 96 and 0 <= settings.current < 10_000):
            raise ServiceError("these screen settings are out of range")
        data = asdict(settings)
        with self.action(actor, "candidate.save_settings", f"candidate:{actor.id}", data) as s:
            self._check_candidate_id(s.connection(), actor, actor.id)
            wall = self.db.wall_now()
            row = self._settings_row(s, actor.id, wall)
            row.settings, row.wall = data, wall

    def candidate_settings(self, actor: Actor) -> CandidateSettings:
        if actor.role != "candidate":
            raise PermissionDenied("only the candidate keeps their screen settings")
        with self.db.reader() as s:
            self._check_candidate_id(s.connection(), actor, actor.id)
            data = s.scalar(select(SettingsRow.settings).where(SettingsRow.candidate_id == actor.id))
        if not data:
            return CandidateSettings()
        return CandidateSettings(int(data.get("font_size", 0)), bool(data.get("high_contrast", False)),
                                 int(data.get("current", 0)))  # fmt: skip

    def _stale_login(self, candidate_id: int) -> PermissionDenied:
        with self.db.reader() as s:
            moved = moved_refusal(s.connection(), candidate_id)
        return super()._stale_login(candidate_id) if moved is None else PermissionDenied(moved)
