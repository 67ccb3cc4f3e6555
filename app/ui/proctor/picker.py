"""The proctor's sessions (ProctorApi.sessions): pick one to open its console."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.api.client import Client
from app.api.types import SessionInfo
from app.ui.proctor.header import Names, standard_and_level
from app.ui.proctor.tables import cell, readonly_table
from app.ui.widgets.errors import attempt
from app.ui.widgets.labels import part_label, session_state_label

SESSION_ID_ROLE = Qt.ItemDataRole.UserRole
Exam = tuple[str, str, str | None]  # standard, level, sub-type


def _exam(info: SessionInfo) -> Exam:
    return info.standard, info.level, info.subtype


class SessionPicker(QWidget):
    chosen = Signal(int)  # the session id

    def __init__(self, client: Client, parent: QWidget | None = None):
        super().__init__(parent)
        self.client = client
        self.sessions: list[SessionInfo] = []
        title = QLabel(self.tr("My sessions"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        title.setFont(font)
        hint = QLabel(self.tr("Open a session to check candidates in and watch the room."))
        self.table = readonly_table(7, stretch=2)
        self.table.setHorizontalHeaderLabels([
            self.tr("Session"), self.tr("Room"), self.tr("Standard and level"), self.tr("Part"),
            self.tr("Scheduled"), self.tr("Candidates"), self.tr("State"),
        ])  # fmt: skip
        self.table.itemActivated.connect(lambda _item: self.open_selected())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.open_button = QPushButton(self.tr("&Open console"))
        self.open_button.setDefault(True)
        self.open_button.clicked.connect(self.open_selected)
        self.reload_button = QPushButton(self.tr("Re&load"))
        self.reload_button.clicked.connect(self.reload)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.reload_button)
        buttons.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        sessions = attempt(self, self.client.proctor.sessions)
        if sessions is None:
            return
        names = attempt(self, self._names, sessions)
        if names is None:
            return
        self.sessions = sessions
        self.table.setRowCount(len(sessions))
        for n, info in enumerate(sessions):
            cells = [
                info.code, info.room, standard_and_level(info, names[_exam(info)]), part_label(info.part),
                info.scheduled_start.replace("T", " "), str(info.candidates), session_state_label(info.state),
            ]  # fmt: skip
            for column, text in enumerate(cells):
                item = cell(text)
                item.setData(SESSION_ID_ROLE, info.id)
                self.table.setItem(n, column, item)
        first_open = next((n for n, s in enumerate(sessions) if s.state in ("open", "scheduled")), 0)
        if sessions:
            self.table.selectRow(first_open)
        self._update_buttons()

    def _names(self, sessions: list[SessionInfo]) -> dict[Exam, Names]:
        """The occupation and level names of each kind of exam listed, asked once each."""
        return {exam: self.client.proctor.exam_names(*exam) for exam in dict.fromkeys(map(_exam, sessions))}

    def selected_session(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.table.item(rows[0].row(), 0).data(SESSION_ID_ROLE) if rows else None

    def open_selected(self) -> None:
        session_id = self.selected_session()
        if session_id is not None:
            self.chosen.emit(session_id)

    def _update_buttons(self) -> None:
        self.open_button.setEnabled(self.selected_session() is not None)
