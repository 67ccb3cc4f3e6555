"""Changing a scheduled or running session: room, start and duration, with a reason. The fields the
service would refuse are shown locked, with why (the service checks again: app/services/sessions.py)."""

from __future__ import annotations

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.api.client import Client
from app.api.types import SessionInfo
from app.ui.admin import labels
from app.ui.admin.common import WARNING
from app.ui.admin.schedule_dialog import MAX_MINUTES
from app.ui.widgets.errors import attempt

START_FORMAT = "yyyy-MM-ddTHH:mm"


class EditSessionDialog(QDialog):
    """Emits `edited` once the service has changed the session."""

    edited = Signal()

    def __init__(self, client: Client, info: SessionInfo, has_papers: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.client, self.info = client, info
        self.setWindowTitle(self.tr("Change session {code}").format(code=info.code))
        self.room = QLineEdit(info.room)
        self.start = QDateTimeEdit(QDateTime.fromString(info.scheduled_start[:16], START_FORMAT))
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.duration = QSpinBox()
        self.duration.setRange(1, MAX_MINUTES)
        self.duration.setValue(info.duration_minutes)
        self.duration.setSuffix(self.tr(" min"))
        self.duration.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("e.g. the computer lab is being repaired"))

        started = info.state == "open"
        self.start.setEnabled(not started)
        self.duration.setEnabled(not started and not has_papers)
        if started:
            why = self.tr("The session has started: only the room can change. Time changes are the proctors' "
                          "pauses and extensions.")  # fmt: skip
        elif has_papers:
            why = self.tr("Papers are prepared: each fixed its candidate's time, so the duration is locked. The room "
                          "and the start can change.")  # fmt: skip
        else:
            why = self.tr("Room, start and duration can change until papers are prepared.")
        self.locked = QLabel(why + " " + self.tr("Code, standard, level and part never change: to change them, "
                                                 "cancel the session and schedule another."))  # fmt: skip
        self.locked.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {WARNING.name()};")
        self.message.setTextFormat(Qt.TextFormat.PlainText)

        form = QFormLayout()
        form.addRow(self.tr("Session:"), QLabel(f"{info.code} · {labels.part_name(info.part)}"))
        form.addRow(self.tr("&Room:"), self.room)
        form.addRow(self.tr("S&tart:"), self.start)
        form.addRow(self.tr("&Duration:"), self.duration)
        form.addRow(self.tr("R&eason:"), self.reason)
        self.save_button = QPushButton(self.tr("&Save changes"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        cancel = QPushButton(self.tr("Close without changes"))
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.locked)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def save(self) -> None:
        if not self.reason.text().strip():
            self.message.setText(self.tr("Say why the session changes: the reason is kept with the change."))
            self.reason.setFocus()
            return
        start = self.start.dateTime().toString(START_FORMAT) if self.start.isEnabled() else None
        duration = self.duration.value() if self.duration.isEnabled() else None
        changed = attempt(self, self.client.admin.edit_session, self.info.id, self.reason.text().strip(),
                          room=self.room.text().strip(), scheduled_start=start, duration_minutes=duration)  # fmt: skip
        if changed is None:
            return
        self.edited.emit()
        self.accept()
