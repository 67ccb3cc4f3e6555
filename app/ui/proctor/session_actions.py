"""Actions on the whole room: start, pause and resume everyone, extra time for all, incidents, a dead
PC's journal, close."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QKeySequence

from app.api.types import CandidateRow, FileData, SessionInfo
from app.domain.session_start import EARLY_MINUTES
from app.ui.proctor.actions_base import ConsoleActions, ask_reason
from app.ui.proctor.dialogs import IncidentLogDialog, ProctorAsk
from app.ui.proctor.labels import FINISHED
from app.ui.widgets.errors import Ask, attempt, show_error
from app.ui.widgets.files import Files
from app.ui.widgets.labels import join_names, with_detail


class SessionActions(ConsoleActions):
    def __init__(self, console):  # type: ignore[no-untyped-def]
        super().__init__(console)
        self.start_all = self._action(self.tr("&Start all"), self.do_start_all,
                                      self.tr("Start the exam clock for every candidate of the session"))  # fmt: skip
        self.pause_all = self._action(self.tr("Pa&use all"), self.do_pause_all,
                                      self.tr("Pause the clock for the whole room (a reason is required)"))  # fmt: skip
        self.resume_all = self._action(self.tr("Resume a&ll"), self.do_resume_all,
                                       self.tr("Let the whole room continue"))  # fmt: skip
        self.extend_all = self._action(self.tr("E&xtend all"), self.do_extend_all,
                                       self.tr("Extra time for every candidate of the session"))  # fmt: skip
        self.incident = self._action(self.tr("Record &incident"), self.do_incident,
                                     self.tr("Add an entry to the session's incident record"))  # fmt: skip
        self.log = self._action(self.tr("Incident lo&g"), self.do_log,
                                self.tr("Every incident recorded in this session"))  # fmt: skip
        self.journal = self._action(self.tr("Import &journal…"), self.do_import_journal,
                                    self.tr("Bring in the answers a dead PC kept: the sealed file "
                                            "'examdesk station export-journal' wrote from its disk"))  # fmt: skip
        self.close = self._action(self.tr("Cl&ose session"), self.do_close,
                                  self.tr("Close the session once every paper is submitted or terminated"))  # fmt: skip
        self.sheet = self._action(self.tr("Sign-in sh&eet…"), self.do_sheet,
                                  self.tr("Save the sign-in sheet to print: candidates with photos, seats and a "
                                          "column to sign"))  # fmt: skip
        self.record = self._action(self.tr("Room recor&d…"), self.do_record,
                                   self.tr("Save the room record to print and sign, once the session is closed"))
        self.refresh = self._action(self.tr("Refresh"), self.console.refresh_now,
                                    self.tr("Refresh the grid now (F5)"), QKeySequence.StandardKey.Refresh)  # fmt: skip

    def update(self, info: SessionInfo | None, rows: Sequence[CandidateRow]) -> None:
        state = info.state if info else None
        running = state == "open"
        unfinished = sum(1 for r in rows if r.attempt_id is not None and r.state not in FINISHED)
        self.start_all.setEnabled(state == "scheduled")
        self.pause_all.setEnabled(running and unfinished > 0)
        self.resume_all.setEnabled(running and any(r.state in ("paused", "interrupted") for r in rows))
        self.extend_all.setEnabled(running and unfinished > 0)
        self.incident.setEnabled(info is not None and state not in ("archived", "cancelled"))
        self.log.setEnabled(info is not None)
        self.journal.setEnabled(running)
        self.close.setEnabled(running)
        self.sheet.setEnabled(info is not None and state != "cancelled")
        self.record.setEnabled(state in ("closed", "archived"))
        self.close.setToolTip(
            self.tr("{count} paper(s) still open: submit or terminate them first").format(count=unfinished)
            if running and unfinished else self.tr("Close the session once every paper is submitted or terminated")
        )  # fmt: skip

    # -- the actions -------------------------------------------------------------------------

    def do_log(self) -> None:
        c = self.console
        entries = attempt(c, c.client.proctor.incidents, c.session_id)
        if entries is not None:
            IncidentLogDialog(entries, c).exec()

    def do_start_all(self) -> None:
        c = self.console
        if c.info is None:
            return
        question = self.tr("Start the exam clock of session {code} for all {count} candidates now?").format(
            code=c.info.code, count=c.model.rowCount())  # fmt: skip
        not_here = sum(1 for row in c.model.rows() if row.state == "absent")
        if not_here:
            question += " " + self.tr("{count} candidate(s) have not checked in: if they come late, their time "
                                      "still runs from now.").format(count=not_here)  # fmt: skip
        early = attempt(c, c.client.proctor.minutes_to_start, c.session_id)
        if early is None:
            return
        if early > EARLY_MINUTES:
            question += " " + self.tr("It is scheduled for {time}, {minutes} minutes from now: "
                                      "start it early?").format(time=c.info.scheduled_start[11:16], minutes=early)
        if not Ask.confirm(c, self.tr("Start all"), question):
            return
        self.call(c.client.proctor.start_session, c.session_id, early_ok=early > EARLY_MINUTES,
                  done=self.tr("Session {code} started.").format(code=c.info.code))  # fmt: skip

    def do_pause_all(self) -> None:
        c = self.console
        reason = ask_reason(c, self.tr("Pause all"), self.tr("Why is the whole room paused?"))
        if reason is None:
            return
        self.call(c.client.proctor.pause, c.session_id, None, reason,
                  done=self.tr("The whole room is paused."))  # fmt: skip

    def do_resume_all(self) -> None:
        c = self.console
        reason = ask_reason(c, self.tr("Resume all"), self.tr("Note for the record (optional):"), required=False)
        if reason is None:
            return
        self.call(c.client.proctor.resume, c.session_id, None, reason,
                  done=self.tr("The whole room continues."))  # fmt: skip

    def do_extend_all(self) -> None:
        c = self.console
        if c.info is None:
            return
        extra = ProctorAsk.extra_time(c, self.tr("all candidates of session {code}").format(code=c.info.code),
                                      c.info.duration_minutes)  # fmt: skip
        if extra is None:
            return
        if not extra.reason.strip():
            Ask.error(c, self.tr("Extend all"), self.tr("A reason is required for extra time: nothing was done."))
            return
        self.call(c.client.proctor.extend, c.session_id, None, extra.seconds, extra.reason,
                  done=self.tr("Extra time given to the whole room."))  # fmt: skip

    def do_incident(self) -> None:
        c = self.console
        if c.info is None:
            return
        report = ProctorAsk.incident(c, self.tr("the whole session {code}").format(code=c.info.code))
        if report is None:
            return
        self.call(c.client.proctor.record_incident, c.session_id, report.category, report.text,
                  done=self.tr("Incident recorded."))  # fmt: skip

    def do_import_journal(self) -> None:
        c = self.console
        title = self.tr("Import a dead PC's journal")
        path = Files.open_path(c, title, self.tr("Station journal (*.journal);;All files (*)"))
        if path is None:
            return
        try:
            content = path.read_bytes()
        except OSError as exc:
            Ask.error(c, title, self.tr("{file} cannot be read: {error}. Nothing was imported.").format(
                file=path.name, error=exc.strerror or exc))  # fmt: skip
            return
        done = attempt(c, c.client.proctor.import_journal, c.session_id, FileData(path.name, content))
        if done is None:
            return
        c.refresh()
        text = self.tr("{file}: {applied} step(s) applied, {duplicates} the centre held already, {refused} refused "
                       "(a newer answer from another PC, an unreadable answer, or after the paper was handed "
                       "in).").format(file=path.name, applied=done.applied, duplicates=done.duplicates,
                                     refused=done.refused)  # fmt: skip
        c.note(text)
        Ask.info(c, title, text)

    def do_close(self) -> None:
        c = self.console
        if c.info is None:
            return
        rows = c.model.rows()
        # who never came: not logged in and nothing answered (a candidate moved to another PC with
        # answers came, whatever the grid's state says); open papers block closing
        never_came = [r for r in rows if r.state in ("absent", "checked_in") and not r.answered]
        unfinished = [r for r in rows if r.state not in ("absent", "checked_in", "submitted", "terminated")
                      or (r.state in ("absent", "checked_in") and r.answered)]  # fmt: skip
        if unfinished:
            first = unfinished[0]
            text = self.tr("{count} paper(s) are not finished: {names}. Submit or terminate them before closing. "
                           "Go to {first} now?").format(
                count=len(unfinished), names=self._names(unfinished), first=with_detail(first.name, first.ticket))
            if Ask.confirm(c, self.tr("Close session"), text):
                c.select_candidate(first.candidate_id)
            return
        question = self.tr("Close session {code}? No candidate can answer in it afterwards.").format(code=c.info.code)
        if never_came:
            question += " " + self.tr("{count} candidate(s) never logged in: they will be recorded as absent.").format(
                count=len(never_came))  # fmt: skip
            question += " " + self.tr("Absent: {names}.").format(names=self._names(never_came))
        if not Ask.confirm(c, self.tr("Close session"), question):
            return
        session_id = c.session_id
        if not self.call(lambda: c.client.run(lambda: c.client.proctor.close_session(session_id)),
                         done=self.tr("Session {code} is closed.").format(code=c.info.code)):  # fmt: skip
            return
        results = attempt(c, c.client.proctor.session_results, c.session_id)
        if results is not None:
            c.show_results(results)

    def do_sheet(self) -> None:
        c = self.console
        if c.info is not None:
            self._save_pdf(c.client.proctor.sign_in_sheet, self.tr("Save sign-in sheet"),
                           self.tr("{code}-sign-in-sheet.pdf").format(code=c.info.code))  # fmt: skip

    def do_record(self) -> None:
        c = self.console
        if c.info is not None:
            self._save_pdf(c.client.proctor.room_record, self.tr("Save room record"),
                           self.tr("{code}-room-record.pdf").format(code=c.info.code))

    def _save_pdf(self, paper: Callable[[int], bytes], title: str, suggested: str) -> None:
        """Ask where, then one service call (audited) and the PDF written there."""
        c = self.console
        path = Files.save_path(c, title, suggested, self.tr("PDF files (*.pdf)"))
        if path is None:
            return
        pdf = attempt(c, paper, c.session_id)
        if pdf is None:
            return
        try:
            path.write_bytes(pdf)
        except OSError as exc:
            show_error(c, exc)
            return
        c.note(self.tr("Saved {file}: print it for the proctors to sign.").format(file=path.name))

    def _names(self, rows: list[CandidateRow], most: int = 10) -> str:
        """Names with tickets, the first `most` of them, and how many more."""
        names = [with_detail(r.name, r.ticket) for r in rows[:most]]
        if len(rows) > most:
            names.append(self.tr("and {count} more").format(count=len(rows) - most))
        return join_names(names)
