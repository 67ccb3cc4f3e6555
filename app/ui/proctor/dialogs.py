"""The proctor's dialogs: identity check at check-in, extra time, incidents; and the seam tests answer.

`ProctorAsk` is to these dialogs what `app.ui.widgets.errors.Ask` is to message boxes: the console
asks through it, a test replaces its methods. The dialogs only collect input; the console makes
the one service call.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.api.types import Identity, MoveCode
from app.domain.time_ledger import extra_time_seconds
from app.ui.proctor.labels import INCIDENTS, duration_text, incident_label
from app.ui.proctor.tables import cell, readonly_table
from app.ui.widgets.local_time import local_date_time, local_time

PHOTO_SIZE = (132, 176)  # about the 3:4 of an ID photo


@dataclass(frozen=True)
class ExtraTime:
    seconds: float
    reason: str
    minutes: int | None = None
    percent: int | None = None


@dataclass(frozen=True)
class IncidentReport:
    category: str
    text: str


class ProctorAsk:
    """Dialogs behind a seam (pytest-qt style): each returns what the proctor entered, or None."""

    @staticmethod
    def check_in(parent: QWidget | None, identity: Identity, station: str) -> str | None:
        dialog = CheckInDialog(identity, station, parent)
        return dialog.station() if dialog.exec() == QDialog.DialogCode.Accepted else None

    @staticmethod
    def extra_time(parent: QWidget | None, who: str, duration_minutes: int) -> ExtraTime | None:
        dialog = ExtraTimeDialog(who, duration_minutes, parent)
        return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None

    @staticmethod
    def incident(parent: QWidget | None, who: str) -> IncidentReport | None:
        dialog = IncidentDialog(who, parent)
        return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None

    @staticmethod
    def move_code(parent: QWidget | None, who: str, move: MoveCode) -> None:
        """Show the one-time move code, large, for the candidate to type at the new station."""
        MoveCodeDialog(who, move, parent).exec()


class MoveCodeDialog(QDialog):
    """The one-time code of a move (换机续考), shown on the proctor's screen only."""

    def __init__(self, who: str, move: MoveCode, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Move code for {who}").format(who=who))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("The candidate types this code at the new station's login, with ticket and ID number. "
                               "It is valid for {minutes} minutes and once."
                               ).format(minutes=max(1, move.valid_seconds // 60)))  # fmt: skip
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.code = QLabel(" ".join([move.code[:3], move.code[3:]]))
        font = self.code.font()
        font.setPointSize(font.pointSize() * 3)
        font.setBold(True)
        self.code.setFont(font)
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.code)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        box.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("&Close"))
        box.rejected.connect(self.reject)
        layout.addWidget(box)


def _buttons(dialog: QDialog, ok_text: str, cancel_text: str) -> tuple[QDialogButtonBox, QWidget]:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    ok = box.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(ok_text)
    box.button(QDialogButtonBox.StandardButton.Cancel).setText(cancel_text)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box, ok


class PhotoFrame(QLabel):
    """The candidate's registered photo, or a clear note that there is none."""

    def __init__(self, photo: bytes | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFixedSize(*PHOTO_SIZE)
        self.setFrameShape(QFrame.Shape.Box)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        pixmap = QPixmap()
        if photo and pixmap.loadFromData(photo):
            self.setPixmap(pixmap.scaled(*PHOTO_SIZE, Qt.AspectRatioMode.KeepAspectRatio,
                                         Qt.TransformationMode.SmoothTransformation))  # fmt: skip
            self.has_photo = True
        else:
            self.setText(self.tr("No photo on file:\ncheck the ID card carefully"))
            self.has_photo = False


class CheckInDialog(QDialog):
    """Compare the person with the registered photo and the ID card, then seat them."""

    def __init__(self, identity: Identity, station: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Check in {name}").format(name=identity.name))
        self.photo = PhotoFrame(identity.photo)
        facts = QFormLayout()
        self.name_label = QLabel(identity.name)
        font = self.name_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.name_label.setFont(font)
        self.masked_id = QLabel(identity.masked_id)
        facts.addRow(self.tr("Name:"), self.name_label)
        facts.addRow(self.tr("Ticket no.:"), QLabel(identity.ticket))
        facts.addRow(self.tr("ID number:"), self.masked_id)
        facts.addRow(self.tr("Session:"), QLabel(f"{identity.session}  {identity.room}"))
        self.station_edit = QLineEdit(station)
        self.station_edit.setPlaceholderText(self.tr("e.g. PC-07"))
        station_label = QLabel(self.tr("&Station:"))
        station_label.setBuddy(self.station_edit)
        facts.addRow(station_label, self.station_edit)

        top = QHBoxLayout()
        top.addWidget(self.photo, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(facts, 1)
        note = QLabel(self.tr("Check that the person, the photo and the ID card match before checking in."))
        note.setWordWrap(True)
        box, self.ok_button = _buttons(self, self.tr("Identity matches: check in"), self.tr("Cancel"))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(note)
        layout.addWidget(box)
        self.station_edit.textChanged.connect(self._update)
        self.station_edit.setFocus()
        self._update()

    def _update(self) -> None:
        self.ok_button.setEnabled(bool(self.station()))

    def station(self) -> str:
        return self.station_edit.text().strip()


class ExtraTimeDialog(QDialog):
    """Extra time in minutes or as a percentage of the session's duration, with the reason."""

    def __init__(self, who: str, duration_minutes: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.duration_minutes = duration_minutes
        self.setWindowTitle(self.tr("Extra time"))
        heading = QLabel(self.tr("Extra time for {who}").format(who=who))
        heading.setWordWrap(True)
        self.by_minutes = QRadioButton(self.tr("In &minutes:"))
        self.by_percent = QRadioButton(self.tr("As a &percentage of the {minutes}-minute session:").format(
            minutes=duration_minutes))  # fmt: skip
        self.by_minutes.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.by_minutes)
        group.addButton(self.by_percent)
        self.minutes = QSpinBox()
        self.minutes.setRange(1, 240)
        self.minutes.setValue(10)
        self.minutes.setSuffix(self.tr(" min"))
        self.percent = QSpinBox()
        self.percent.setRange(1, 100)
        self.percent.setValue(25)
        self.percent.setSuffix(" %")
        self.preview = QLabel()
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Required, e.g. approved accommodation, computer froze"))
        reason_label = QLabel(self.tr("&Reason:"))
        reason_label.setBuddy(self.reason)

        grid = QGridLayout()
        grid.addWidget(self.by_minutes, 0, 0)
        grid.addWidget(self.minutes, 0, 1)
        grid.addWidget(self.by_percent, 1, 0)
        grid.addWidget(self.percent, 1, 1)
        grid.addWidget(self.preview, 2, 0, 1, 2)
        grid.addWidget(reason_label, 3, 0)
        grid.addWidget(self.reason, 3, 1)
        grid.setColumnStretch(1, 1)
        box, self.ok_button = _buttons(self, self.tr("Give extra time"), self.tr("Cancel"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(grid)
        layout.addWidget(box)
        for signal in (self.by_minutes.toggled, self.minutes.valueChanged, self.percent.valueChanged,
                       self.reason.textChanged):  # fmt: skip
            signal.connect(self._update)
        self.setMinimumWidth(520)
        self._update()

    def value(self) -> ExtraTime:
        reason = self.reason.text().strip()
        if self.by_minutes.isChecked():
            minutes = self.minutes.value()
            return ExtraTime(extra_time_seconds(self.duration_minutes, minutes=minutes), reason, minutes=minutes)
        percent = self.percent.value()
        return ExtraTime(extra_time_seconds(self.duration_minutes, percent=percent), reason, percent=percent)

    def _update(self) -> None:
        self.minutes.setEnabled(self.by_minutes.isChecked())
        self.percent.setEnabled(self.by_percent.isChecked())
        self.preview.setText(self.tr("Adds {duration}.").format(duration=duration_text(self.value().seconds)))
        self.ok_button.setEnabled(bool(self.value().reason))


class IncidentDialog(QDialog):
    """One entry of the session's incident record (考场记录): a category and what happened."""

    def __init__(self, who: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Record incident"))
        self.category = QComboBox()
        for code in INCIDENTS:  # the services' categories in their order (the tests compare them)
            self.category.addItem(incident_label(code), code)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(self.tr("What happened, when, and what was done about it"))
        self.text.setTabChangesFocus(True)
        form = QFormLayout()
        form.addRow(self.tr("Concerning:"), QLabel(who))
        category_label = QLabel(self.tr("&Category:"))
        category_label.setBuddy(self.category)
        form.addRow(category_label, self.category)
        text_label = QLabel(self.tr("&Description:"))
        text_label.setBuddy(self.text)
        form.addRow(text_label, self.text)
        box, self.ok_button = _buttons(self, self.tr("Record"), self.tr("Cancel"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(box)
        self.text.textChanged.connect(self._update)
        self.setMinimumWidth(520)
        self._update()

    def select(self, category: str) -> None:
        self.category.setCurrentIndex(self.category.findData(category))

    def value(self) -> IncidentReport:
        return IncidentReport(self.category.currentData(), self.text.toPlainText().strip())

    def _update(self) -> None:
        self.ok_button.setEnabled(bool(self.value().text))


class IncidentLogDialog(QDialog):
    """The session's incident record, read only: when (this PC's local time), which candidate, what
    happened, who recorded it. Each description is shown whole, wrapped in its row."""

    def __init__(self, entries: list[tuple[str, str | None, str, str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Incident log"))
        headers = [self.tr("Time"), self.tr("Ticket no."), self.tr("Category"), self.tr("What happened"),
                   self.tr("Recorded by")]  # fmt: skip
        self.table = readonly_table(len(headers), stretch=3)
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setWordWrap(True)  # a description is read whole, not guessed from its first words
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setRowCount(len(entries))
        for row, (when, ticket, category, text, who) in enumerate(entries):
            values = (local_time(when), ticket or "—", incident_label(category), text, who)
            for col, value in enumerate(values):
                self.table.setItem(row, col, cell(value, local_date_time(when) if col == 0 else None))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("{count} incident(s) recorded. Times are this computer's local time.").format(
            count=len(entries))))  # fmt: skip
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(900, 420)
