"""考试机: the PCs enrolled with the centre, a one-time code to enrol one more, and revoking one."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.api.client import Client
from app.api.types import AuditHeadStatus, StandbyStatus
from app.centre.standby import DEFAULT_NAME
from app.centre.tls import display_code
from app.ui.admin.common import WARNING, RowsModel, make_table, selected_key, succeeded
from app.ui.widgets.errors import Ask, attempt
from app.ui.widgets.local_time import local_time


class StationsTab(QWidget):
    def __init__(self, client: Client, parent: QWidget | None = None):
        super().__init__(parent)
        self.client = client
        self.model = RowsModel([self.tr("Station"), self.tr("Enrolled"), self.tr("State"), self.tr("Audit entry held")])
        self.table = make_table(self.model, stretch=0)
        self.table.setAccessibleName(self.tr("Enrolled stations"))
        self.table.selectionModel().selectionChanged.connect(self._on_select)

        self.station = QLineEdit()
        self.station.setPlaceholderText("R101-07")
        self.code_button = QPushButton(self.tr("&One-time code"))
        self.code_button.clicked.connect(self.issue_code)
        self.code = QLabel()
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code.setStyleSheet("font-size: 20pt; font-family: monospace;")
        self.code_note = QLabel()
        self.code_note.setWordWrap(True)
        enrol_box = QGroupBox(self.tr("Enrol a PC"))
        form = QFormLayout(enrol_box)
        explain = QLabel(self.tr("Type the seat's station name, then give the code to whoever sets up that PC: "
                                 "they type it there within 15 minutes (examdesk-gui --centre ...)."))  # fmt: skip
        explain.setWordWrap(True)
        form.addRow(explain)
        form.addRow(self.tr("&Station (seat):"), self.station)
        form.addRow("", self.code_button)
        form.addRow(self.code)
        form.addRow(self.code_note)
        # a code carries the fingerprint of the centre's CA, which only a PC of centre mode knows
        self.ca_pem: bytes | None = getattr(client.transport, "ca_pem", None)
        if self.ca_pem is None:
            self.code_button.setEnabled(False)
            self.code_note.setText(self.tr("This PC works on its own store (single-station mode): codes are given "
                                           "on an admin PC in centre mode (examdesk-gui --centre ...) or on the "
                                           "centre server (examdesk centre enrol-code)."))  # fmt: skip

        self.revoke_button = QPushButton(self.tr("&Revoke the selected station"))
        self.revoke_button.setToolTip(self.tr("A stolen or replaced PC: every further call from it is refused"))
        self.revoke_button.clicked.connect(self.revoke)
        self.copy_status = QLabel()
        self.copy_status.setWordWrap(True)
        self.head_status = QLabel()  # centre mode: a station holding a later audit head than the store's
        self.head_status.setWordWrap(True)
        self.head_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.head_timer = QTimer(self)  # a store put back to an earlier copy: the admin must see it soon
        self.head_timer.setInterval(5000)
        self.head_timer.timeout.connect(self._show_heads)
        self.standby_status = QLabel()
        self.standby_status.setWordWrap(True)
        self.detach_button = QPushButton(self.tr("&Go on without the standby"))
        self.detach_button.setToolTip(self.tr("The standby server died: saves stop waiting for it and go on on "
                                              "the centre server alone (recorded in the audit log)"))  # fmt: skip
        self.detach_button.clicked.connect(self.detach_standby)
        self.detach_button.setVisible(False)
        # a standby streaming again (restarted, or made anew): commits wait for it once more
        self.attach_name = QLineEdit()
        self.attach_name.setAccessibleName(self.tr("Standby's name"))
        self.attach_name.setToolTip(self.tr("The name the standby connects under (its application_name): "
                                            "'examdesk centre standby status' lists those streaming"))  # fmt: skip
        self.attach_button = QPushButton(self.tr("Re-&attach the standby"))
        self.attach_button.setToolTip(self.tr("The standby streams from this server again: every save waits for "
                                              "it once more (recorded in the audit log)"))  # fmt: skip
        self.attach_button.clicked.connect(self.attach_standby)
        self.attach_box = QWidget()
        attach_row = QHBoxLayout(self.attach_box)
        attach_row.setContentsMargins(0, 0, 0, 0)
        name_label = QLabel(self.tr("Standby's &name:"))
        name_label.setBuddy(self.attach_name)
        attach_row.addWidget(name_label)
        attach_row.addWidget(self.attach_name, 1)
        attach_row.addWidget(self.attach_button)
        self.attach_box.setVisible(False)
        self._suggested = ""  # the name this tab last put in the field (a name the admin typed is kept)
        self._attached_as = ""  # the standby commits waited for, as last seen
        self.standby_timer = QTimer(self)  # a dead standby holds every save: the admin must see it within seconds
        self.standby_timer.setInterval(3000)
        self.standby_timer.timeout.connect(self._show_standby)
        side = QVBoxLayout()
        side.addWidget(self.head_status)
        side.addWidget(self.standby_status)
        side.addWidget(self.detach_button)
        side.addWidget(self.attach_box)
        side.addWidget(self.copy_status)
        side.addWidget(enrol_box)
        row = QHBoxLayout()
        row.addWidget(self.revoke_button)
        row.addStretch(1)
        side.addLayout(row)
        side.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.table, 3)
        layout.addLayout(side, 2)
        self.refresh()

    def refresh(self) -> None:
        self._show_standby()
        self._show_copy()
        heads = self._show_heads()
        stations = attempt(self, self.client.admin.stations)
        if stations is None:
            return
        held = {h.station: h.head.partition(":")[0] for h in heads.stations} if heads is not None else {}
        revoked, active = self.tr("Revoked"), self.tr("Active")
        self.model.set_rows([[s.name, local_time(s.enrolled_at), revoked if s.revoked else active, held.get(s.name, "")]
                             for s in stations],
                            [s.name if not s.revoked else None for s in stations],
                            [WARNING if s.revoked else None for s in stations])  # fmt: skip
        self._on_select()

    def _show_heads(self) -> AuditHeadStatus | None:
        """Centre mode: the store's audit head, and in red a station that holds a later one (the store
        was put back to an earlier copy). Nothing in single-station mode."""
        try:
            status = self.client.admin.audit_head()
        except Exception:  # the centre cannot be asked now: the next refresh asks again
            return None
        if status is None:
            self.head_timer.stop()
            self.head_status.setText("")
            return None
        if not self.head_timer.isActive():
            self.head_timer.start()
        if status.rollback:
            self.head_status.setStyleSheet(f"color: {WARNING.name()}; font-weight: bold;")
            self.head_status.setText(self.tr("THE STORE WAS PUT BACK to an earlier copy: {problem} ({count} time(s) "
                                             "seen). Answers and actions after that copy are missing from it.").format(
                problem=status.rollback, count=status.rollbacks))  # fmt: skip
        else:
            self.head_status.setStyleSheet("")
            self.head_status.setText(self.tr("Audit head: {head}. No station holds a later one.").format(
                head=status.head.partition(":")[0]))  # fmt: skip
        self.head_status.setToolTip(status.head)
        return status

    def _show_standby(self) -> None:
        """A PostgreSQL centre's standby as the centre service watches it; nothing where there is none."""
        try:
            status = self.client.admin.standby()
        except Exception:  # the centre cannot be asked now: the next tick asks again
            return
        self.show_standby(status)

    def show_standby(self, status: StandbyStatus | None) -> None:
        if status is None:
            self.standby_timer.stop()
            self.standby_status.setText("")
            self.detach_button.setVisible(False)
            self.attach_box.setVisible(False)
            return
        if not self.standby_timer.isActive():
            self.standby_timer.start()
        since = local_time(status.since) if status.since else ""
        texts = {
            "ok": self.tr("Standby server: in step. Every save is on both servers."),
            "lost": self.tr("Standby server: NOT ANSWERING since {since}. Every save waits at the centre until "
                            "you go on without it (or it comes back). Candidates answer on; each PC keeps its "
                            "answers meanwhile.").format(since=since),
            "off": self.tr("Standby server: none attached since {since}. Saves are on this server only; once a "
                           "standby streams from it again, re-attach it below.").format(since=since),
        }
        text = texts.get(status.state, self.tr("Standby server: its state cannot be read ({detail}).").format(
            detail=status.detail))  # fmt: skip
        self.standby_status.setToolTip(status.detail)
        alarm = f"color: {WARNING.name()}; font-weight: bold;"
        self.standby_status.setStyleSheet("" if status.state == "ok" else alarm)
        self.standby_status.setText(text)
        self.detach_button.setVisible(status.state == "lost")
        self._remember_name(status)
        self.attach_box.setVisible(True)
        self.attach_button.setEnabled(status.state == "off")
        self.attach_name.setEnabled(status.state == "off")

    def _remember_name(self, status: StandbyStatus) -> None:
        """Offer the standby's name: one streaming now, else the one commits waited for, else the
        name `examdesk centre standby init` gives; never over a name the admin typed."""
        attached = re.search(r"\(([^()]*)\)", status.synchronous_names)
        if attached:
            self._attached_as = attached.group(1).split(",")[0].strip().strip('"')
        streaming = re.findall(r"(?:^|, )([a-z_][a-z0-9_]*) streaming/", status.detail)
        name = (streaming[0] if streaming else "") or self._attached_as or DEFAULT_NAME
        if self.attach_name.text().strip() in ("", self._suggested):
            self.attach_name.setText(name)
            self._suggested = name

    def detach_standby(self) -> None:
        question = self.tr("Let saves go on without the standby server? Until a standby is attached again, an "
                           "answer is on this server only.")  # fmt: skip
        if not Ask.confirm(self, self.tr("Go on without the standby"), question):
            return
        status = attempt(self, self.client.admin.detach_standby)
        if status is not None:
            self.show_standby(status)

    def attach_standby(self) -> None:
        name = self.attach_name.text().strip()  # a wrong one is refused by the service, in its words
        question = self.tr("Make every save wait for the standby {name} again? Do this once it streams from this "
                           "server.").format(name=name)  # fmt: skip
        if not Ask.confirm(self, self.tr("Re-attach the standby"), question):
            return
        status = attempt(self, self.client.admin.attach_standby, name)  # not streaming: refused, and said why
        if status is not None:
            self.show_standby(status)

    def _show_copy(self) -> None:
        """A SQLite centre's copy of its store on a second disk, and how old it is."""
        try:
            copy = self.client.admin.store_copy()
        except Exception:  # the tab still serves enrolment; the copy's state is shown as unknown
            copy, failed = None, True
        else:
            failed = False
        if copy is None:
            self.copy_status.setText("" if not failed else self.tr("The state of the store's copy is unknown."))
            return
        if not copy.made_at:
            text = self.tr("No copy of the store has been made yet (to {target}).").format(target=copy.target)
        else:
            made = datetime.fromisoformat(copy.made_at)
            minutes = max(0, int((datetime.now(UTC) - made).total_seconds() // 60))
            text = self.tr("Last copy of the store: {minutes} min ago, {size:.1f} MB, to audit entry {head}, in "
                           "{target}.").format(minutes=minutes, size=copy.size_bytes / 1e6, head=copy.audit_head,
                                               target=copy.target)  # fmt: skip
        if copy.failure:
            text += " " + self.tr("The last copy failed: {reason}").format(reason=copy.failure)
        self.copy_status.setStyleSheet(f"color: {WARNING.name()};" if copy.failure or not copy.made_at else "")
        self.copy_status.setText(text)

    def _on_select(self) -> None:
        self.revoke_button.setEnabled(selected_key(self.table) is not None)

    def issue_code(self) -> None:
        name = self.station.text().strip()
        if not name:
            self.code_note.setText(self.tr("Type the station name of the seat first."))
            return
        if self.ca_pem is None:
            return
        code = attempt(self, self.client.admin.enrolment_code, name)
        if code is None:
            return
        self.code.setText(display_code(code.secret, self.ca_pem))
        self.code_note.setText(self.tr("For {station}, once, until {time}.").format(
            station=code.station, time=local_time(code.expires_at)))  # fmt: skip

    def revoke(self) -> None:
        name = selected_key(self.table)
        if name is None:
            return
        question = self.tr("Refuse every further call from {station}? It must be enrolled again to be used.").format(
            station=name)  # fmt: skip
        if Ask.confirm(self, self.tr("Revoke station"), question) and succeeded(
                self, self.client.admin.revoke_station, name):  # fmt: skip
            self.refresh()
