"""The candidate station: login, identity, rules, waiting, the exam, done — full screen."""

from __future__ import annotations

import contextlib
import threading

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from app.api.client import Client
from app.api.errors import ApiError, Unreachable
from app.api.types import AttemptStatus, Identity
from app.flows.candidate import HEARTBEAT_SECONDS, CandidateFlow, Notice, RulesNotRead, Stage
from app.station.journal import Journal
from app.ui.candidate.exam_page import ExamPage, clock_text
from app.ui.candidate.pages import ConfirmPage, LoginPage, MessagePage, RulesPage
from app.ui.candidate.readiness_bar import ReadinessBar, ReadinessProbe
from app.ui.widgets.errors import Ask, show_error
from app.ui.widgets.labels import part_label, with_detail
from app.ui.widgets.messages import translate_error

TICK_MS = 1000
REFRESH_EVERY = 5  # ticks between asking the store for pauses, extensions, force-submits
SYNC_EVERY = 5  # ticks between tries to send what waits in the journal (centre mode)
HEARTBEAT_EVERY = int(HEARTBEAT_SECONDS * 1000 // TICK_MS)
HANDING_IN_MS = 1000  # a submission not acknowledged within this is said to wait on this PC


def exam_title(who: Identity, names: tuple[str, str]) -> str:
    """'4-13-99-02 在线学习服务师 · 五级/初级工 · 理论知识考试' from the names the services give
    (CandidateApi.exam_names); the codes where the standard is not known at the centre."""
    occupation_name, level_name = names
    if occupation_name and level_name:
        occupation = f"{who.standard} {occupation_name}"
        occupation = with_detail(occupation, who.subtype) if who.subtype else occupation
        level = level_name
    else:
        occupation, level = who.standard, who.level
    return " · ".join(x for x in (occupation, level, part_label(who.part) if who.part else "") if x)


class CandidateStation(QWidget):
    """`client`: this station's client of the services, not signed in; the candidate signs in on it.
    `readiness`: check this PC when the station starts and report it (under the login page; the
    check runs in a worker, the login page never waits), and again on demand.
    `journal`: centre mode's station journal (every step kept on this PC until the centre has it),
    sent by a sync on a worker thread, at once after each step and by the timer while anything
    waits: a step returns once journaled, so no network wait (a save the centre holds, a slow link)
    ever freezes the screen."""

    synced = Signal()  # a worker thread's sync ended (delivered to the GUI thread)
    status_read = Signal(object)  # a worker thread's read of the attempt's status: it, or what it raised

    def __init__(self, client: Client, *, min_rules_seconds: float = 60.0, parent: QWidget | None = None,
                 readiness: ReadinessProbe | None = None, journal: Journal | None = None):  # fmt: skip
        super().__init__(parent)
        self.flow = CandidateFlow(client, min_rules_seconds=min_rules_seconds, journal=journal)
        if journal is not None:
            self.flow.send_soon = self._sync
        self.stack = QStackedWidget()
        self.login_page = LoginPage(client.station)
        self.confirm_page = ConfirmPage()
        self.rules_page = RulesPage()
        self.message_page = MessagePage()
        self.exam_page = ExamPage(self.flow, self._error)
        for page in (self.login_page, self.confirm_page, self.rules_page, self.message_page, self.exam_page):
            self.stack.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.readiness: ReadinessBar | None = None
        if readiness is not None:
            self.readiness = ReadinessBar(client, readiness, self)
            layout.addWidget(self.readiness)
            self.stack.currentChanged.connect(self._readiness_shown)
            self.readiness.check()

        self.login_page.submitted.connect(self._log_in)
        self.confirm_page.confirmed.connect(self._confirmed)
        self.confirm_page.rejected.connect(self._rejected)
        self.rules_page.accepted.connect(self._accept_rules)
        self.exam_page.submit_requested.connect(self._submit)
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self._ticks = 0
        self._sync_thread: threading.Thread | None = None
        self._sync_busy = False  # from starting a sync until _after_sync, both on this (the GUI) thread
        self._heartbeat_due = False  # centre mode: the worker sends it before its sync
        self._sync_error: BaseException | None = None
        self._asking = False  # a status read on a worker thread, from its start until _after_status
        self._handing_in = QTimer(self)  # a submission just made, being sent: not yet said to wait on this PC
        self._handing_in.setSingleShot(True)
        self._handing_in.setInterval(HANDING_IN_MS)
        self._handing_in.timeout.connect(self._show_stage)
        self.synced.connect(self._after_sync)
        self.status_read.connect(self._after_status)
        app = QGuiApplication.instance()
        if app is not None:
            app.applicationStateChanged.connect(self._app_state)
        self.stack.setCurrentWidget(self.login_page)

    def _readiness_shown(self) -> None:
        """The readiness line shows only on the login page, never during the exam."""
        if self.readiness is not None:
            self.readiness.setVisible(self.stack.currentWidget() is self.login_page)

    # -- stages -------------------------------------------------------------------------------

    def _error(self, exc: BaseException) -> None:
        show_error(self, exc)

    def _log_in(self, ticket: str, id_number: str, move_code: str = "") -> None:
        if not ticket.strip() or not id_number.strip():
            self.login_page.show_error(self.tr("Enter your ticket number and ID number."))
            return
        try:
            self.flow.log_in(ticket, id_number, move_code)
        except ApiError as exc:  # wrong pair, busy elsewhere, not this seat: said on the page itself
            if exc.code == "wrong_seat":
                self.login_page.ask_move_code(translate_error(exc))
            else:
                self.login_page.show_error(translate_error(exc))
            return
        except Exception as exc:
            self.login_page.show_error(translate_error(exc))
            return
        assert self.flow.identity is not None
        self.confirm_page.show_identity(self.flow.identity, exam_title(self.flow.identity, self.flow.exam_names))
        self.stack.setCurrentWidget(self.confirm_page)

    def _rejected(self) -> None:
        self.flow.reject_identity()
        self.login_page.reset()
        self.login_page.show_error(self.tr("Please call the proctor."))
        self.stack.setCurrentWidget(self.login_page)

    def _confirmed(self) -> None:
        try:
            stage = self.flow.confirm_identity()
        except Exception as exc:
            self._error(exc)
            return
        if stage is not Stage.RULES:  # the rules were read once for this attempt (back after a move)
            self.timer.start()
            self._show_stage()
            return
        self.rules_page.set_seconds_left(self.flow.rules_seconds_left())
        self.stack.setCurrentWidget(self.rules_page)
        self.timer.start()

    def _accept_rules(self) -> None:
        try:
            self.flow.accept_rules()
        except RulesNotRead as exc:
            self.rules_page.set_seconds_left(exc.seconds_left)
            return
        except Exception as exc:
            self._error(exc)
            return
        self._show_stage()

    def _show_stage(self) -> None:
        stage = self.flow.stage
        if stage is Stage.ANSWERING:
            if self.stack.currentWidget() is not self.exam_page:
                self.stack.setCurrentWidget(self.exam_page)
                self.exam_page.start()
            return
        if stage is Stage.WAITING:
            self.message_page.show_message(self.tr("Please wait"),
                                           self.tr("The exam starts when the proctor starts it."))  # fmt: skip
        elif stage is Stage.PAUSED:
            self.message_page.show_message(self.tr("The exam is paused"),
                                           self.tr("Your time is stopped. Please wait for the proctor."))  # fmt: skip
        elif stage is Stage.SUBMITTED and self._waiting() and self._handing_in.isActive() and self.flow.reachable:
            self.message_page.show_message(self.tr("Handing in your paper…"),
                                           self.tr("Please wait a moment."))  # fmt: skip
        elif stage is Stage.SUBMITTED and self._waiting():
            self.message_page.show_message(
                self.tr("Your paper is handed in on this PC"),
                self.tr("It goes to the centre as soon as the connection is back ({count} waiting). "
                        "Do not switch this PC off; tell the proctor.").format(count=self.flow.save_status().waiting),
            )  # fmt: skip
        elif stage is Stage.SUBMITTED:
            self.timer.stop()
            self.message_page.show_message(self.tr("Your paper has been submitted"),
                                           self.tr("All your answers are saved. Please leave quietly."))  # fmt: skip
        self.stack.setCurrentWidget(self.message_page)

    def _waiting(self) -> bool:
        return self.flow.journal is not None and len(self.flow.journal) > 0

    def syncing(self) -> bool:
        return self._sync_busy

    def _sync(self) -> None:
        """Send what waits in the journal, on a worker thread (a try while the centre is away, or
        holds its saves, waits for the network's timeout); `_after_sync` shows the outcome. A step
        made while one runs is sent by its next round, or by the sync `_after_sync` starts."""
        if self._sync_busy:
            return
        self._sync_busy = True
        self._sync_thread = threading.Thread(target=self._sync_in_background, name="journal-sync", daemon=True)
        self._sync_thread.start()

    def _sync_in_background(self) -> None:
        if self._heartbeat_due:
            self._heartbeat_due = False
            with contextlib.suppress(Exception):  # a heartbeat is never worth interrupting the candidate
                self.flow.heartbeat()  # with the centre away, or steps waiting: journaled, sent next
        try:
            self.flow.sync(refresh=False)
        except Exception as exc:  # shown on the GUI thread
            self._sync_error = exc
        self.synced.emit()

    def _after_sync(self) -> None:
        self._sync_busy = False
        before = self.flow.stage
        error, self._sync_error = self._sync_error, None
        if error is not None:
            self._error(error)
            return
        live = self.flow.live_refusal()
        if self.flow.fresh_waiting() or self._heartbeat_due or (self.flow.settings_waiting() and self.flow.reachable):
            self._sync()  # made after its last round: sent now, not at the timer's next try
        if self.flow.needs_refresh and self.flow.reachable:
            self.flow.needs_refresh = False
            with contextlib.suppress(Unreachable):
                self.flow.refresh()
        notice = self.flow.notice
        if notice is not Notice.NONE:
            self.flow.notice = Notice.NONE
            if notice is Notice.SUBMISSION_NOT_DELIVERED:
                text = self.tr("Your paper was not handed in: your answers changed elsewhere meanwhile. "
                               "Check them and submit again.")  # fmt: skip
            else:
                text = self.tr("The centre refused some answers made while it was unreachable: please check "
                               "your answers.")  # fmt: skip
            self.exam_page.notice(text, 60)
        if self.flow.stage is Stage.ANSWERING:
            self.exam_page.set_saved(None if live is None else False, translate_error(live) if live else "")
        if self.flow.stage is not before or self.flow.stage is Stage.SUBMITTED:
            self._show_stage()
        if live is not None:  # an answer just made did not go in: told as a refused save always was
            self._error(live)

    def _tick(self) -> None:
        self._ticks += 1
        stage = self.flow.stage
        if stage is Stage.RULES:
            self.rules_page.set_seconds_left(self.flow.rules_seconds_left())
            return
        if (self._waiting() or self.flow.settings_waiting()) and self._ticks % SYNC_EVERY == 0:
            self._sync()
        if stage is Stage.ANSWERING and self._ticks % HEARTBEAT_EVERY == 0:
            if self.flow.journal is not None:  # centre mode: a centre that holds its commits holds it too
                self._heartbeat_due = True
                self._sync()
            else:
                with contextlib.suppress(Exception):  # a heartbeat is never worth interrupting the candidate
                    self.flow.heartbeat()
        if not self.flow.reachable:  # the sync's tries say when the centre is back
            if stage is Stage.ANSWERING:
                self.exam_page.tick()
            return
        if stage in (Stage.WAITING, Stage.PAUSED) or self._ticks % REFRESH_EVERY == 0 or (
            stage is Stage.ANSWERING and self.flow.remaining() <= 0
        ):
            self._ask_status()
        if self.flow.stage is Stage.ANSWERING:
            self.exam_page.tick()
            for threshold in self.flow.due_warnings():
                self.exam_page.notice(self.tr("{minutes} minutes left.").format(minutes=threshold // 60))

    def asking(self) -> bool:
        return self._asking

    def _ask_status(self) -> None:
        """Ask where the attempt stands on a worker thread (a centre that does not answer would
        freeze the screen for the connect timeout); `_after_status` takes the answer in."""
        if self._asking or self.flow.login is None:
            return
        self._asking = True
        threading.Thread(target=self._status_in_background, name="attempt-status", daemon=True).start()

    def _status_in_background(self) -> None:
        try:
            result: object = self.flow.attempt_status()
        except Exception as exc:  # shown on the GUI thread
            result = exc
        self.status_read.emit(result)

    def _after_status(self, result: object) -> None:
        self._asking = False
        if not self.timer.isActive() or self.flow.login is None:  # closed here, or ended, meanwhile
            return
        stage = self.flow.stage
        before = (stage, self.flow.remaining() if stage is Stage.ANSWERING else None)
        try:
            if isinstance(result, BaseException):
                raise result
            assert isinstance(result, AttemptStatus)
            self.flow.refresh(status=result)  # the whole paper only when a step landed elsewhere
        except Unreachable:  # the countdown runs on from the centre's last figure
            self.flow.reachable = False
            return
        except ApiError as exc:
            if exc.code == "invalid_token":  # moved to another station, or logged in again elsewhere
                self._closed_here(exc)
            else:
                self._error(exc)
            return
        except Exception as exc:
            self._error(exc)
            return
        self._show_stage()
        self._tell_time_changes(*before)

    def _closed_here(self, exc: ApiError) -> None:
        """This station's login was closed (a proctor moved the candidate): say so, once, and stop."""
        self.timer.stop()
        self.message_page.show_message(self.tr("The exam continues on another station"), translate_error(exc))
        self.stack.setCurrentWidget(self.message_page)

    def _tell_time_changes(self, stage_before: Stage, remaining_before: float | None) -> None:
        """The proctor's resume and extra time, told on a banner that does not interrupt typing (a
        pause shows its own page)."""
        if self.flow.stage is not Stage.ANSWERING:
            return
        if stage_before is Stage.PAUSED:
            self.exam_page.notice(self.tr("The exam continues: your time is running again."), seconds=30)
        elif remaining_before is not None:
            gained = self.flow.remaining() - remaining_before
            if gained >= 30:  # more than the clock's own drift between two reads
                self.exam_page.notice(
                    self.tr("The proctor has given you {minutes} more minutes. Time left: {left}.").format(
                        minutes=round(gained / 60), left=clock_text(self.flow.remaining())
                    ),
                    seconds=60,
                )

    def _submit(self) -> None:
        unanswered, flagged = self.flow.submit_summary()
        text = self.tr("Submit your paper now? {unanswered} question(s) unanswered, {flagged} flagged. "
                       "You cannot change answers after submitting.").format(
            unanswered=unanswered, flagged=flagged)  # fmt: skip
        if not Ask.confirm(self, self.tr("Submit paper"), text):
            return
        try:
            self.flow.submit()
        except Exception as exc:
            self._error(exc)
            return
        if self.syncing():
            self._handing_in.start()
        self._show_stage()

    def _app_state(self, state: Qt.ApplicationState) -> None:
        if state != Qt.ApplicationState.ApplicationActive and self.flow.stage is Stage.ANSWERING:
            try:
                self.flow.focus_lost()
            except Exception:  # the exam goes on; the proctor sees the count when it saves
                return


class CandidateWindow(QMainWindow):
    """Full screen, and not closable by the candidate while an exam is under way."""

    def __init__(self, client: Client, *, kiosk: bool = True, readiness: ReadinessProbe | None = None,
                 journal: Journal | None = None):  # fmt: skip
        super().__init__()
        self.station = CandidateStation(client, readiness=readiness, journal=journal)
        self.setCentralWidget(self.station)
        self.setWindowTitle(self.tr("ExamDesk — candidate"))
        if kiosk:
            self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.station.flow.stage in (Stage.ANSWERING, Stage.PAUSED, Stage.WAITING):
            event.ignore()
            return
        super().closeEvent(event)
