"""Actions on the candidate selected in the grid: check in, pause, resume, extra time, force-submit,
terminate, allow a move to another station, and incidents concerning them."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu

from app.api.types import CandidateRow, LoginAlert, SessionInfo
from app.ui.proctor.actions_base import ConsoleActions, ask_reason
from app.ui.proctor.dialogs import ProctorAsk
from app.ui.proctor.labels import FINISHED
from app.ui.widgets.errors import Ask, attempt

ON_A_STATION = ("logged_in", "answering", "paused", "interrupted")


class CandidateActions(ConsoleActions):
    def __init__(self, console):  # type: ignore[no-untyped-def]
        super().__init__(console)
        self.check_in = self._action(
            self.tr("&Check in…"), self.do_check_in,
            self.tr("Compare the candidate with the photo and ID card, and seat them"),
        )  # fmt: skip
        self.pause = self._action(self.tr("&Pause…"), self.do_pause, self.tr("Pause this candidate's clock"))
        self.resume = self._action(self.tr("&Resume…"), self.do_resume, self.tr("Let this candidate continue"))
        self.extend = self._action(self.tr("Extra &time…"), self.do_extend,
                                   self.tr("Extra time in minutes or as a percentage of the session"))  # fmt: skip
        self.submit = self._action(self.tr("&Force submit…"), self.do_submit,
                                   self.tr("Submit this candidate's paper now (a reason is required)"))  # fmt: skip
        self.terminate = self._action(self.tr("Ter&minate…"), self.do_terminate,
                                      self.tr("End this candidate's exam for misconduct"))  # fmt: skip
        self.move = self._action(self.tr("Mo&ve…"), self.do_move,
                                 self.tr("A one-time code to continue on another station"))  # fmt: skip
        self.incident = self._action(self.tr("&Note incident…"), self.do_incident,
                                     self.tr("Record an incident concerning this candidate"))  # fmt: skip
        self.menu = self._menu()

    def update(self, info: SessionInfo | None, row: CandidateRow | None) -> None:
        state = info.state if info else None
        running = state == "open"
        has_row = row is not None
        live = has_row and row.attempt_id is not None and row.state not in FINISHED and running
        self.check_in.setEnabled(has_row and state in ("scheduled", "open") and row.state in ("absent", "checked_in"))
        self.pause.setEnabled(live and row.state != "paused")
        self.resume.setEnabled(has_row and running and row.state in ("paused", "interrupted"))
        self.extend.setEnabled(live)
        self.submit.setEnabled(live)
        self.terminate.setEnabled(live)
        self.move.setEnabled(has_row and state in ("scheduled", "open") and row.state in ON_A_STATION)
        self.incident.setEnabled(has_row and info is not None and state not in ("archived", "cancelled"))

    def _menu(self) -> QMenu:
        menu = QMenu(self.console)
        menu.addActions([self.check_in, self.pause, self.resume, self.extend])
        menu.addSeparator()
        menu.addActions([self.submit, self.terminate, self.move])
        menu.addSeparator()
        menu.addAction(self.incident)
        return menu

    def _who(self, row: CandidateRow) -> str:
        return self.tr("{name} ({ticket})").format(name=row.name, ticket=row.ticket)

    # -- the actions -------------------------------------------------------------------------

    def do_check_in(self) -> None:
        c, row = self.console, self.console.selected_row()
        if row is None:
            return
        identity = attempt(c, c.client.proctor.identity, row.candidate_id)
        if identity is None:
            return
        station = ProctorAsk.check_in(c, identity, row.station or "")
        if station is None:
            return
        done = self.tr("{who} checked in at {station}.").format(who=self._who(row), station=station)
        self.call(c.client.proctor.check_in, row.candidate_id, station, done=done)

    def do_pause(self) -> None:
        c, row = self.console, self.console.selected_row()
        if row is None or row.attempt_id is None:
            return
        reason = ask_reason(c, self.tr("Pause {who}").format(who=self._who(row)),
                            self.tr("Why is this candidate's exam paused?"))  # fmt: skip
        if reason is not None:
            self.call(c.client.proctor.pause, c.session_id, row.attempt_id, reason,
                      done=self.tr("{who} is paused.").format(who=self._who(row)))  # fmt: skip

    def do_resume(self) -> None:
        c, row = self.console, self.console.selected_row()
        if row is None or row.attempt_id is None:
            return
        reason = ask_reason(c, self.tr("Resume {who}").format(who=self._who(row)),
                            self.tr("Note for the record (optional):"), required=False)  # fmt: skip
        if reason is not None:
            self.call(c.client.proctor.resume, c.session_id, row.attempt_id, reason,
                      done=self.tr("{who} continues.").format(who=self._who(row)))  # fmt: skip

    def do_extend(self) -> None:
        c, row = self.console, self.console.selected_row()
        if row is None or row.attempt_id is None or c.info is None:
            return
        extra = ProctorAsk.extra_time(c, self._who(row), c.info.duration_minutes)
        if extra is None:
            return
        if not extra.reason.strip():
            Ask.error(c, self.tr("Extra time"), self.tr("A reason is required for extra time: nothing was done."))
            return
        self.call(c.client.proctor.extend, c.session_id, row.attempt_id, extra.seconds, extra.reason,
                  done=self.tr("Extra time given to {who}.").format(who=self._who(row)))  # fmt: skip

    def do_submit(self) -> None:
        c, row = self.console, self.console.selected_row()
        if row is None or row.attempt_id is None:
            return
        title = self.tr("Force submit {who}").format(who=self._who(row))
        reason = ask_reason(c, title, self.tr("Why is this paper submitted by the proctor?"))
        question = self.tr("Submit the paper of {who} now? The candidate cannot answer any more.")
        if reason is None or not Ask.confirm(c, title, question.format(who=self._who(row))):
            return
        self.call(c.client.proctor.submit, row.attempt_id, reason=reason,
                  done=self.tr("The paper of {who} is submitted.").format(who=self._who(row)))  # fmt: skip

    def do_terminate(self) -> None:
        c, row = self.console, self.console.selected_row()
        if row is None or row.attempt_id is None:
            return
        title = self.tr("Terminate {who}").format(who=self._who(row))
        reason = ask_reason(c, title, self.tr("What misconduct was observed, and who confirmed it?"))
        question = self.tr("End the exam of {who} for misconduct? This is recorded and cannot be undone.")
        if reason is None or not Ask.confirm(c, title, question.format(who=self._who(row))):
            return
        self.call(c.client.proctor.terminate, row.attempt_id, reason,
                  done=self.tr("The exam of {who} was terminated.").format(who=self._who(row)))  # fmt: skip

    def do_move(self) -> None:
        c, row = self.console, self.console.selected_row()
        if row is None:
            return
        reason = ask_reason(c, self.tr("Allow move {who}").format(who=self._who(row)),
                            self.tr("Why does the candidate move to another station?"))  # fmt: skip
        if reason is None:
            return
        move = attempt(c, c.client.proctor.allow_move, row.candidate_id, reason)
        if move is None:
            return
        c.refresh()
        c.note(self.tr("{who} may now log in on another station with the move code.").format(who=self._who(row)))
        ProctorAsk.move_code(c, self._who(row), move)

    def clear_login_alert(self, alert: LoginAlert) -> None:
        """The proctor has checked who is at that station: the failed logins no longer slow a login."""
        c = self.console
        self.call(c.client.proctor.clear_login_alert, c.session_id, alert.ticket, alert.station,
                  done=self.tr("Failed logins of ticket {ticket} at {station} cleared.").format(
                      ticket=alert.ticket, station=alert.station))  # fmt: skip

    def do_incident(self) -> None:
        c, row = self.console, self.console.selected_row()
        if row is None:
            return
        report = ProctorAsk.incident(c, self._who(row))
        if report is None:
            return
        self.call(c.client.proctor.record_incident, c.session_id, report.category, report.text,
                  candidate_id=row.candidate_id, done=self.tr("Incident recorded."))  # fmt: skip
