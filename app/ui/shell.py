"""The main window: unlock (or set up) the store, choose a role, sign in, work.

One station can play every role (single-station mode); `--mode` starts straight in one, and the
candidate mode runs full screen and cannot be closed by the candidate.
"""

from __future__ import annotations

import contextlib
import socket
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import __version__, i18n
from app.api import local
from app.api.client import Client, Transport
from app.api.errors import ApiError
from app.api.server import Server
from app.station.journal import Journal
from app.ui import entry
from app.ui.main import current_language, install_language
from app.ui.widgets.errors import Ask, show_error
from app.ui.widgets.messages import translate_error

# the entry dialogs live in app/ui/entry.py (they show before the services load); known here too
LANGUAGE_CHANGED, LANGUAGE_LABEL = entry.LANGUAGE_CHANGED, entry.LANGUAGE_LABEL
UnlockDialog, SetupDialog = entry.UnlockDialog, entry.SetupDialog
add_language_row, passphrase_strength = entry.add_language_row, entry.passphrase_strength

ROLE_OF_MODE = {"admin": ("admin",), "proctor": ("proctor",), "examiner": ("examiner", "chief")}


def centre_title(code: str, name: str) -> str:
    """'济南市…考点（3701001）' under the start screen's title; empty before the centre is set up."""
    return QCoreApplication.translate("MainWindow", "{name} ({code})").format(name=name, code=code) if code else ""


class StaffLogin(QDialog):
    def __init__(self, client: Client, roles: tuple[str, ...], parent: QWidget | None = None, purpose: str = ""):
        """`client`: a client at this station, not signed in; accepted, it is signed in as a user of
        one of `roles`. purpose: what the sign-in is for, shown above the fields ("Proctor sign-in")."""
        super().__init__(parent)
        self.client, self.roles = client, roles
        self.signed_in: Client | None = None
        self.setWindowTitle(purpose or self.tr("Sign in"))
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.sign_in)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        if purpose:  # the window title is not shown everywhere (kiosk sessions have no window manager)
            self.purpose = QLabel(f"<b>{purpose}</b>")
            form.addRow(self.purpose)
        form.addRow(self.tr("&User name:"), self.username)
        form.addRow(self.tr("&Password:"), self.password)
        form.addRow(self.message)
        form.addRow(buttons)

    def sign_in(self) -> None:
        try:
            session = self.client.sign_in(self.username.text().strip(), self.password.text())
        except Exception as exc:  # wrong password, locked: said in the dialog
            self.message.setText(translate_error(exc))
            self.password.selectAll()
            return
        if session.role not in self.roles:
            self.client.sign_out()
            self.message.setText(self.tr("This user cannot open this screen."))
            return
        self.signed_in = self.client
        self.accept()


class RoleChooser(QWidget):
    """The start screen: one button per role, and the interface language (staff-facing: the
    candidate's full-screen station has no language switch)."""

    chosen = Signal(str)
    language_chosen = Signal(str)  # a key of i18n.LANGUAGES

    def __init__(self, centre: str, parent: QWidget | None = None, *, language: str | None = None):
        super().__init__(parent)
        title = QLabel(self.tr("ExamDesk — vocational skill assessment"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        title.setFont(font)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        subtitle = QLabel(centre)
        subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        grid = QGridLayout()
        entries = (
            ("candidate", self.tr("&Candidate\nlog in and sit the exam")),
            ("proctor", self.tr("&Proctor\ncheck in, start, watch the room")),
            ("examiner", self.tr("&Examiner\nscore skill tasks blind")),
            ("admin", self.tr("A&dmin\nsessions, rosters, users, results")),
            ("standards", self.tr("&Standards\nweight tables and papers")),
        )
        self.buttons: dict[str, QPushButton] = {}
        for n, (key, text) in enumerate(entries):
            button = self.buttons[key] = QPushButton(text)
            button.setMinimumSize(260, 96)
            button.clicked.connect(lambda _c=False, k=key: self.chosen.emit(k))
            grid.addWidget(button, n // 3, n % 3)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addSpacing(32)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addLayout(grid)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(3)
        self.language = QComboBox()
        for key, name in i18n.LANGUAGES.items():
            self.language.addItem(name, key)
        shown = self.language.findData(language or current_language())
        self.language.setCurrentIndex(max(shown, 0))
        self.language.activated.connect(lambda index: self.language_chosen.emit(self.language.itemData(index)))
        language_label = QLabel(LANGUAGE_LABEL)
        language_label.setBuddy(self.language)
        version = QLabel(f"ExamDesk {__version__}")
        version.setAlignment(Qt.AlignmentFlag.AlignRight)
        bottom = QHBoxLayout()
        bottom.addWidget(language_label)
        bottom.addWidget(self.language)
        bottom.addStretch(1)
        bottom.addWidget(version)
        layout.addLayout(bottom)


class MainWindow(QMainWindow):
    def __init__(self, server: Server | None, *, station: str | None = None, settings_dir: Path | None = None,
                 loopback: bool = False, transport: Transport | None = None,
                 journal: Journal | None = None):  # fmt: skip
        """server: the embedded store's services (single-station mode), or None with `transport`: the
        centre's (centre mode, app/api/https.py); settings_dir: where the language choice is remembered
        (default: the data folder); loopback: every call of the screens goes through JSON."""
        super().__init__()
        self.server, self.loopback, self.transport = server, loopback, transport
        self.journal = journal  # centre mode: this PC's journal of answers, for the candidate screens
        self.station = station or socket.gethostname()
        self.signed_in: list[Client] = []  # signed out when their screen is left
        self.settings_dir = settings_dir
        self.resize(1366, 768)
        self.stack = QStackedWidget()
        self.chooser = self._new_chooser()
        self.stack.addWidget(self.chooser)
        self.home_button = QPushButton()
        self.home_button.clicked.connect(self.go_back)
        self.back_to: dict[QWidget, QWidget] = {}  # a screen -> the one its back button returns to
        self.where_of: dict[QWidget, str] = {}
        self.where = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(self.home_button)
        bar.addWidget(self.where, 1)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._retranslate()
        self.go_home()

    def _new_chooser(self) -> RoleChooser:
        chooser = RoleChooser(self._centre_name())
        chooser.chosen.connect(self.open_role)
        chooser.language_chosen.connect(self.set_language)
        return chooser

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("ExamDesk"))
        self.home_button.setText(self.tr("◀ &Roles"))

    def set_language(self, language: str) -> None:
        """Speak `language` now and at the next start. The start screen is rebuilt in it; role screens
        are built when opened, so they follow. (--lang or EXAMDESK_LANG still win at a start.)"""
        app = QApplication.instance()
        if app is None or language not in i18n.LANGUAGES or language == current_language():
            return
        loaded = install_language(app, language)
        problem = "" if loaded else self.tr("The {language} translation could not be loaded.").format(
            language=i18n.LANGUAGES[language])  # fmt: skip
        if loaded:
            try:
                i18n.save_language(language, self.settings_dir)
            except OSError as exc:  # the screens speak it now; it is just not remembered
                problem = self.tr("The language could not be saved for the next start: {error}").format(error=exc)
        old = self.chooser
        self.chooser = self._new_chooser()
        self.stack.insertWidget(self.stack.indexOf(old), self.chooser)
        if self.stack.currentWidget() is old:
            self.stack.setCurrentWidget(self.chooser)
        self.stack.removeWidget(old)
        old.deleteLater()  # it is emitting the signal that brought us here
        self._retranslate()
        self.chooser.language.setFocus()
        if problem:
            Ask.error(self, self.tr("ExamDesk"), problem)

    def _centre_name(self) -> str:
        try:
            centre = self.new_client().public.centre()
        except ApiError as exc:  # centre mode with the centre out of reach: the screens say so when used
            return translate_error(exc)
        return centre_title(centre.code, centre.name)

    def new_client(self) -> Client:
        """A client of the services at this station, not signed in."""
        if self.transport is not None:
            return Client(self.transport, self.station)
        assert self.server is not None
        return local.local_client(self.server, self.station, loopback=self.loopback)

    def _exam_under_way(self) -> bool:
        flow = getattr(self.stack.currentWidget(), "flow", None)
        return flow is not None and flow.stage.value in ("answering", "paused", "waiting")

    def go_back(self) -> None:
        """One screen back: from the proctor console to its session list, still signed in; from a
        role's first screen to the role chooser, signing out (the button says which)."""
        current = self.stack.currentWidget()
        previous = self.back_to.pop(current, None) if current is not None else None
        if previous is None or self.stack.indexOf(previous) < 0:
            self.go_home()
            return
        self.stack.removeWidget(current)
        current.close()  # the console stops its reads
        current.deleteLater()
        self.stack.setCurrentWidget(previous)
        self.where.setText(self.where_of.get(previous, ""))
        self._label_back_button(previous)
        reload = getattr(previous, "reload", None)
        if callable(reload):
            reload()

    def _label_back_button(self, widget: QWidget) -> None:
        if widget in self.back_to:
            self.home_button.setText(self.tr("◀ &Back"))
        elif self.signed_in:
            self.home_button.setText(self.tr("◀ Sign &out"))
        else:
            self.home_button.setText(self.tr("◀ &Roles"))

    def go_home(self) -> None:
        """Back to the role chooser. A candidate's exam cannot be left that way: a proctor or the
        admin signs in first (the attempt stays; the candidate logs in again to carry on)."""
        if self._exam_under_way():
            purpose = self.tr("A proctor signs in to leave this candidate's exam")
            if self._sign_in(("proctor", "admin"), purpose) is None:
                return
        for index in reversed(range(self.stack.count())):  # every role screen, those behind the current one too
            widget = self.stack.widget(index)
            if widget is not self.chooser:
                self.stack.removeWidget(widget)
                widget.deleteLater()
        self.back_to.clear()
        self.where_of.clear()
        self._sign_out_all()
        self.stack.setCurrentWidget(self.chooser)
        self.home_button.setVisible(False)
        self._retranslate()
        self.where.clear()

    def _show(self, widget: QWidget, where: str, back: QWidget | None = None) -> None:
        """Show a screen; `back`: the screen the back button returns to (else it leaves the role)."""
        self.stack.addWidget(widget)
        self.stack.setCurrentWidget(widget)
        if back is not None:
            self.back_to[widget] = back
        self.where_of[widget] = where
        self.home_button.setVisible(True)
        self._label_back_button(widget)
        self.where.setText(where)
        # after the sign-in dialog, take the keyboard back (no window manager does it in a kiosk session)
        self.activateWindow()
        widget.setFocus()
        if not widget.hasFocus():
            widget.focusNextChild()

    def _sign_in(self, roles: tuple[str, ...], purpose: str) -> Client | None:
        dialog = StaffLogin(self.new_client(), roles, self, purpose)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.signed_in is None:
            return None
        self.signed_in.append(dialog.signed_in)
        return dialog.signed_in

    def _sign_out_all(self) -> None:
        """Leaving a role's screen ends its sign-in: the token is revoked at once."""
        while self.signed_in:
            client = self.signed_in.pop()
            with contextlib.suppress(Exception):  # an expired sign-in has nothing left to end
                client.sign_out()

    def open_role(self, key: str) -> None:
        openers: dict[str, Callable[[], None]] = {
            "candidate": self._open_candidate, "proctor": self._open_proctor, "examiner": self._open_examiner,
            "admin": self._open_admin, "standards": self._open_standards,
        }  # fmt: skip
        try:
            openers[key]()
        except Exception as exc:
            show_error(self, exc)

    def _open_candidate(self) -> None:
        from app.ui.candidate.station import CandidateStation

        station = CandidateStation(self.new_client(), journal=self.journal)
        self._show(station, self.tr("Candidate station {station}").format(station=self.station))

    def _open_proctor(self) -> None:
        from app.ui.proctor import ProctorConsole, SessionPicker

        client = self._sign_in(ROLE_OF_MODE["proctor"], self.tr("Proctor sign-in"))
        if client is None:
            return
        picker = SessionPicker(client)
        picker.chosen.connect(lambda session_id: self._show(ProctorConsole(client, session_id),
                                                            self.tr("Proctor console"), back=picker))  # fmt: skip
        self._show(picker, self.tr("Proctor: choose a session"))

    def _open_examiner(self) -> None:
        from app.ui.examiner import ExaminerHome

        client = self._sign_in(ROLE_OF_MODE["examiner"], self.tr("Examiner sign-in"))
        if client is not None:
            self._show(ExaminerHome(client), self.tr("Examiner"))

    def _open_admin(self) -> None:
        from app.ui.admin import AdminHome

        client = self._sign_in(ROLE_OF_MODE["admin"], self.tr("Administrator sign-in"))
        if client is not None:
            self._show(AdminHome(client), self.tr("Administration"))

    def _open_standards(self) -> None:
        from app.ui.standards_browser import StandardsBrowser

        client = self._sign_in(ROLE_OF_MODE["admin"], self.tr("Administrator sign-in"))  # its sample papers show items
        if client is not None:
            self._show(StandardsBrowser(client), self.tr("Standards and papers"))

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if self._exam_under_way():
            QMessageBox.information(self, self.tr("ExamDesk"), self.tr("An exam is under way at this station."))
            event.ignore()
            return
        current = self.stack.currentWidget()
        if current is not None and current is not self.chooser:
            current.close()  # a screen's closeEvent stops its work (the proctor console's reads) before the store
        self._sign_out_all()
        if self.journal is not None:
            self.journal.close()
        if self.server is not None:
            local.close(self.server)
        elif self.transport is not None and hasattr(self.transport, "close"):
            self.transport.close()
        super().closeEvent(event)
