"""The candidate's pages before and after the exam: login, identity, rules, waiting, done."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.api.types import Identity


def _title(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.6)
    font.setBold(True)
    label.setFont(font)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


class _Centered(QWidget):
    """A narrow column in the middle of the screen: calm and readable at 1366x768 and above."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.column = QVBoxLayout()
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        box = QWidget()
        box.setLayout(self.column)
        box.setMaximumWidth(760)
        box.setMinimumWidth(520)
        outer.addWidget(box, 4)
        outer.addStretch(1)


class LoginPage(_Centered):
    submitted = Signal(str, str, str)  # ticket, ID number, move code ("" unless asked for)

    def __init__(self, station: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ticket = QLineEdit()
        self.ticket.setPlaceholderText(self.tr("Admission ticket number"))
        self.id_number = QLineEdit()
        self.id_number.setPlaceholderText(self.tr("ID card number"))
        self.id_number.setMaxLength(18)
        self.move_code = QLineEdit()
        self.move_code.setPlaceholderText(self.tr("6 digits, from the proctor"))
        self.move_code.setMaxLength(8)
        self.move_code_label = QLabel(self.tr("&Move code:"))
        self.move_code_label.setBuddy(self.move_code)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.button = QPushButton(self.tr("&Log in"))
        self.button.setDefault(True)
        self.button.clicked.connect(self._submit)
        self.id_number.returnPressed.connect(self._submit)
        self.move_code.returnPressed.connect(self._submit)
        self.ticket.returnPressed.connect(self.id_number.setFocus)
        form = QFormLayout()
        form.addRow(self.tr("Ticket number:"), self.ticket)
        form.addRow(self.tr("ID number:"), self.id_number)
        form.addRow(self.move_code_label, self.move_code)  # only when the seat is not the candidate's
        self.move_code.hide()
        self.move_code_label.hide()
        self.column.addStretch(2)
        self.column.addWidget(_title(self.tr("Vocational skill assessment — candidate login")))
        station_label = QLabel(self.tr("Station {station}").format(station=station))
        station_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.column.addWidget(station_label)
        self.column.addSpacing(24)
        self.column.addLayout(form)
        self.column.addWidget(self.message)
        self.column.addWidget(self.button)
        self.column.addStretch(3)

    def _submit(self) -> None:
        self.message.clear()
        code = self.move_code.text() if self.move_code.isVisibleTo(self) else ""
        self.submitted.emit(self.ticket.text(), self.id_number.text(), code)

    def show_error(self, text: str) -> None:
        self.message.setText(text)
        self.id_number.selectAll()
        self.id_number.setFocus()

    def ask_move_code(self, text: str) -> None:
        """This station is not the candidate's seat: the proctor's move code lets them continue here."""
        self.message.setText(text)
        self.move_code_label.show()
        self.move_code.show()
        self.move_code.selectAll()
        self.move_code.setFocus()

    def reset(self) -> None:
        self.ticket.clear()
        self.id_number.clear()
        self.move_code.clear()
        self.move_code.hide()
        self.move_code_label.hide()
        self.message.clear()
        self.ticket.setFocus()


class ConfirmPage(_Centered):
    confirmed = Signal()
    rejected = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.photo = QLabel()
        self.photo.setFixedSize(150, 200)
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo.setStyleSheet("border: 1px solid #999;")
        self.details = QLabel()
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.photo)
        row.addSpacing(16)
        row.addWidget(self.details, 1)
        yes = QPushButton(self.tr("&Yes, this is me"))
        yes.setDefault(True)
        no = QPushButton(self.tr("&No, this is not me"))
        yes.clicked.connect(self.confirmed)
        no.clicked.connect(self.rejected)
        buttons = QHBoxLayout()
        buttons.addWidget(no)
        buttons.addStretch(1)
        buttons.addWidget(yes)
        self.column.addStretch(2)
        self.column.addWidget(_title(self.tr("Please confirm your identity")))
        self.column.addSpacing(16)
        self.column.addLayout(row)
        self.column.addSpacing(16)
        self.column.addLayout(buttons)
        self.column.addStretch(3)
        self.yes = yes

    def show_identity(self, who: Identity, exam: str) -> None:
        """exam: the occupation, level and part as the candidate knows them (from the catalogue)."""
        pixmap = QPixmap()
        if who.photo and pixmap.loadFromData(who.photo):
            self.photo.setPixmap(pixmap.scaled(self.photo.size(), Qt.AspectRatioMode.KeepAspectRatio))
        else:
            self.photo.setText(self.tr("No photo"))
        self.details.setText(
            self.tr("Name: {name}\nTicket: {ticket}\nID number: {masked}\nSession: {session} ({room})\n"
                    "Exam: {exam}; {minutes} minutes").format(
                name=who.name, ticket=who.ticket, masked=who.masked_id, session=who.session, room=who.room,
                exam=exam, minutes=who.duration_minutes,
            )
        )  # fmt: skip
        self.yes.setFocus()


class RulesPage(_Centered):
    accepted = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.text = QTextBrowser()
        self.text.setPlainText(self.tr(
            "1. Sit at your assigned station and keep your admission ticket and ID card on the desk.\n"
            "2. Phones, smart watches, notes and other materials are not allowed; put them where the "
            "proctor says.\n"
            "3. Answers are saved automatically; \"Saved\" appears only when an answer is safely stored.\n"
            "4. Do not leave the exam window; every time the window loses focus it is recorded and shown "
            "to the proctor.\n"
            "5. If the computer fails, raise your hand: the proctor can move you to another station and "
            "you continue with your answers and remaining time.\n"
            "6. When time is up the paper is submitted automatically.\n"
            "7. Cheating, impersonation or disturbing others ends your exam and is recorded."
        ))  # fmt: skip
        self.read = QCheckBox(self.tr("I have read and will follow the exam rules"))
        self.wait = QLabel()
        self.button = QPushButton(self.tr("&Continue"))
        self.button.setEnabled(False)
        self.button.clicked.connect(self.accepted)
        self.read.toggled.connect(lambda _checked: self.set_seconds_left(self._left))
        self._left = 0.0
        self.column.addWidget(_title(self.tr("Exam rules")))
        self.column.addWidget(self.text, 1)
        self.column.addWidget(self.read)
        row = QHBoxLayout()
        row.addWidget(self.wait, 1)
        row.addWidget(self.button)
        self.column.addLayout(row)

    def set_seconds_left(self, seconds: float) -> None:
        self._left = seconds
        if seconds > 0:
            self.wait.setText(self.tr("Please read for another {seconds} seconds.").format(seconds=int(seconds) + 1))
        else:
            self.wait.clear()
        self.button.setEnabled(seconds <= 0 and self.read.isChecked())


class MessagePage(_Centered):
    """Waiting for the start, paused, or done: one calm message."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.heading = _title("")
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.column.addStretch(2)
        self.column.addWidget(self.heading)
        self.column.addSpacing(16)
        self.column.addWidget(self.body)
        self.column.addStretch(3)

    def show_message(self, heading: str, body: str) -> None:
        self.heading.setText(heading)
        self.body.setText(body)
