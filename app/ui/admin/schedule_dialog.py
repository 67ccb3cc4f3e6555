"""Scheduling a session: standard, sub-type, level, part, room, start and a duration the
standard allows (never below its minimum for the part)."""

from __future__ import annotations

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
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
from app.domain.staffing import longest_tasks_minutes
from app.domain.standards import Level, Part, Standard
from app.ui.admin import labels
from app.ui.admin.common import WARNING, KnownStandards
from app.ui.widgets.errors import attempt
from app.ui.widgets.labels import join_names

MAX_MINUTES = 600


class ScheduleDialog(QDialog):
    """Emits `scheduled(session_id)` once the service has scheduled the session."""

    scheduled = Signal(int)

    def __init__(self, client: Client, known: KnownStandards | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.client = client
        self.known = known or KnownStandards(client)
        self._task_minutes: dict[tuple[str, str | None, str], int] = {}  # the banks' longest tasks, asked once
        self.setWindowTitle(self.tr("Schedule a session"))
        self._typed: int | None = None
        self._asked_to_fill = False

        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("e.g. 2026-11-T5-01"))
        self.standard = QComboBox()
        for std in attempt(self, self.known.all) or ():
            self.standard.addItem(f"{std.code} {std.name}", std.code)
        self.subtype = QComboBox()
        self.level = QComboBox()
        self.part = QComboBox()
        self.room = QLineEdit()
        self.room.setPlaceholderText(self.tr("e.g. Room 1 (computer lab 301)"))
        self.start = QDateTimeEdit()
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.start.setDateTime(QDateTime(QDate.currentDate().addDays(1), QTime(9, 0)))
        self.duration = QSpinBox()
        self.duration.setSuffix(self.tr(" min"))
        self.duration.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
        self.duration.setMaximum(MAX_MINUTES)
        self.duration.lineEdit().textEdited.connect(self._remember_typed)
        self.duration.editingFinished.connect(self._check_typed)
        self.minimum_hint = QLabel()
        self.code.textChanged.connect(self._refresh_missing)
        self.room.textChanged.connect(self._refresh_missing)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {WARNING.name()};")

        form = QFormLayout()
        form.addRow(self.tr("Session &code:"), self.code)
        form.addRow(self.tr("S&tandard:"), self.standard)
        form.addRow(self.tr("Su&b-type:"), self.subtype)
        form.addRow(self.tr("&Level:"), self.level)
        form.addRow(self.tr("&Part:"), self.part)
        form.addRow(self.tr("&Room:"), self.room)
        form.addRow(self.tr("Start t&ime:"), self.start)
        form.addRow(self.tr("&Duration:"), self.duration)
        form.addRow("", self.minimum_hint)

        # No default button: Enter in the duration box must not schedule a corrected value unseen.
        self.schedule_button = QPushButton(self.tr("&Schedule"))
        self.schedule_button.setAutoDefault(False)
        self.schedule_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a click leaves the typed duration as typed
        self.schedule_button.clicked.connect(self.schedule)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)  # Esc as well
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.schedule_button)
        buttons.addWidget(cancel)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.setMinimumWidth(520)

        self.standard.currentIndexChanged.connect(self._fill_subtypes)
        self.subtype.currentIndexChanged.connect(self._fill_levels)
        self.level.currentIndexChanged.connect(self._fill_parts)
        self.part.currentIndexChanged.connect(self._set_minimum)
        self._fill_subtypes()

    # -- choices follow the standard --------------------------------------------------------

    def chosen(self) -> tuple[Standard, str | None, Level, Part] | None:
        code, part = self.standard.currentData(), self.part.currentData()
        if code is None or self.level.currentData() is None or part is None:
            return None
        std = self.known.standard(code)
        if std is None:
            return None
        subtype = self.subtype.currentData() or None
        return std, subtype, std.level(self.level.currentData(), subtype), Part(part)

    def _fill_subtypes(self) -> None:
        code = self.standard.currentData()
        std = self.known.standard(code) if code else None
        self.subtype.blockSignals(True)
        self.subtype.clear()
        self.subtype.addItem(self.tr("(main occupation)"), "")
        for st in std.subtypes if std else ():
            self.subtype.addItem(st.name, st.name)
        self.subtype.setEnabled(bool(std and std.subtypes))
        self.subtype.blockSignals(False)
        self._fill_levels()

    def _fill_levels(self) -> None:
        code = self.standard.currentData()
        self.level.blockSignals(True)
        self.level.clear()
        std = self.known.standard(code) if code else None
        if std is not None:
            for lv in std.level_list(self.subtype.currentData() or None):
                self.level.addItem(lv.name, str(lv.level))
        self.level.blockSignals(False)
        self._fill_parts()

    def _fill_parts(self) -> None:
        previous = self.part.currentData()
        self.part.blockSignals(True)
        self.part.clear()
        chosen_level = None
        std = self.known.standard(self.standard.currentData()) if self.standard.currentData() else None
        if std is not None and self.level.currentData() is not None:
            chosen_level = std.level(self.level.currentData(), self.subtype.currentData() or None)
        for part in Part:
            if part is Part.REVIEW and not (chosen_level and chosen_level.review_required):
                continue  # the comprehensive review is only for levels that require it (二级, 一级)
            self.part.addItem(labels.part_name(part.value), part.value)
        index = self.part.findData(previous)
        self.part.setCurrentIndex(max(index, 0))
        self.part.blockSignals(False)
        self._set_minimum()

    def minimum_minutes(self) -> int:
        """The standard's minimum for the part; for a skill session at least as long as the
        longest tasks the banks may draw (the service refuses shorter papers too)."""
        chosen = self.chosen()
        if chosen is None:
            return 1
        std, subtype, level, part = chosen
        minimum = std.min_minutes_for(level, part) or 1
        if part is Part.SKILL:
            minimum = max(minimum, self._longest_tasks(std.code, subtype, str(level.level)))
        return minimum

    def _longest_tasks(self, code: str, subtype: str | None, level: str) -> int:
        key = (code, subtype, level)
        if key not in self._task_minutes:
            tasks = attempt(self, self.client.admin.skill_task_minutes, code, level, subtype)
            if tasks is None:  # refused (shown): the service checks the duration when scheduling anyway
                return 0
            self._task_minutes[key] = longest_tasks_minutes(tasks)
        return self._task_minutes[key]

    def _set_minimum(self) -> None:
        minimum = self.minimum_minutes()
        self.duration.setMinimum(minimum)
        self.duration.setValue(minimum)  # the standard's minimum is the usual plan
        chosen = self.chosen()
        part = labels.part_name(chosen[3].value) if chosen else ""
        standard_minimum = chosen[0].min_minutes_for(chosen[2], chosen[3]) if chosen else None
        if standard_minimum is not None and minimum > standard_minimum:
            self.minimum_hint.setText(self.tr("The standard requires at least {standard} minutes for the {part}; the "
                                              "tasks the bank may draw take up to {minutes}.").format(
                standard=standard_minimum, minutes=minimum, part=part))  # fmt: skip
        else:
            hint = self.tr("The standard requires at least {minutes} minutes for the {part}.")
            self.minimum_hint.setText(hint.format(minutes=minimum, part=part))
        self.message.clear()

    # -- a typed duration below the minimum is refused, and the screen says so ---------------

    def _remember_typed(self, text: str) -> None:
        digits = "".join(ch for ch in text if ch.isdigit())
        self._typed = int(digits) if digits else None

    def _check_typed(self) -> bool:
        """Whether a typed duration was below the minimum (then raised to it, and said so)."""
        typed, self._typed = self._typed, None
        minimum = self.duration.minimum()
        if typed is not None and typed < minimum:
            self.duration.setValue(minimum)
            self.message.setText(self.tr("{typed} minutes is shorter than the standard allows: "
                                         "the duration is set to the minimum, {minutes} minutes.").format(
                typed=typed, minutes=minimum))  # fmt: skip
            return True
        return False

    def _missing(self) -> list[str]:
        code, room = self.code.text().strip(), self.room.text().strip()
        return [name for name, value in ((self.tr("session code"), code), (self.tr("room"), room)) if not value]

    def _refresh_missing(self) -> None:
        """A "please fill in" message follows the fields: it shrinks as they are filled, then goes."""
        if not self._asked_to_fill:
            return
        missing = self._missing()
        if missing:
            self.message.setText(self.tr("Please fill in: {fields}.").format(fields=join_names(missing)))
        else:
            self._asked_to_fill = False
            self.message.clear()

    # -- the one service call ----------------------------------------------------------------

    def schedule(self) -> None:
        # A duration typed below the minimum and then the button clicked (or Alt+S): raised to the
        # minimum and said so, but not scheduled unseen (the button takes no focus on a click, so
        # the box has not corrected it behind the click's back).
        if self._check_typed():
            self.duration.setFocus()
            return
        chosen = self.chosen()
        code, room = self.code.text().strip(), self.room.text().strip()
        missing = self._missing()
        if chosen is None or missing:
            self._asked_to_fill = True
            self.message.setText(self.tr("Please fill in: {fields}.").format(fields=join_names(missing)))
            return
        std, subtype, level, part = chosen
        session_id = attempt(
            self, self.client.admin.schedule_session, code=code, room=room, part=part.value,
            standard=std.code, level=str(level.level), subtype=subtype,
            scheduled_start=self.start.dateTime().toString("yyyy-MM-ddTHH:mm"),
            duration_minutes=self.duration.value(),
        )  # fmt: skip
        if session_id is None:
            return
        self.scheduled.emit(session_id)
        self.accept()
