"""The scoring form for one task of one anonymous candidate: rubric point by rubric point.

Each rubric point gets a spin box bounded to 0..its maximum in half points; the service checks
the same bounds again. Submitting is one call to `examiner.score_task` (optionally as the chief
examiner's arbitration score).
"""

from __future__ import annotations

from decimal import Decimal
from itertools import pairwise

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.api.client import Client
from app.api.types import WorkItem
from app.ui.widgets.errors import Ask, attempt
from app.ui.widgets.labels import counted, join_names
from app.ui.widgets.messages import translate_error


def _number(value: Decimal | float) -> str:
    """A score as people write it: 12, 7.5 (never 12.0 or 7.50)."""
    text = f"{Decimal(str(value)).quantize(Decimal('0.1')):f}"
    return text[:-2] if text.endswith(".0") else text


INVALID_STYLE = "QLineEdit { border: 2px solid #b91c1c; background: #fde8e8; color: #111111; }"


class HalfPointSpinBox(QLineEdit):
    """A score box for one rubric point: 0..maximum in steps of 0.5 (Up and Down step by 0.5).

    Whatever is typed stays as typed: a score out of range, not in half points or not a number is
    shown as wrong (red, with the reason) and cannot be submitted; it is never cut or rounded to
    something the examiner did not type."""

    valueChanged = Signal(float)

    def __init__(self, maximum: Decimal, parent: QWidget | None = None):
        super().__init__(parent)
        self._maximum = Decimal(maximum)
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.setMinimumWidth(90)
        self.setText("0")
        self.textChanged.connect(self._on_text)

    # the spin box's interface, as the form and its tests use it
    def minimum(self) -> float:
        return 0.0

    def maximum(self) -> float:
        return float(self._maximum)

    def singleStep(self) -> float:
        return 0.5

    def lineEdit(self) -> QLineEdit:
        return self

    def interpretText(self) -> None:
        """Nothing to interpret: the text is the score (kept for callers of the old spin box)."""

    def setValue(self, value: float | Decimal) -> None:
        self.setText(_number(value))

    def _parsed(self) -> Decimal | None:
        text = self.text().strip().replace("\uff0e", ".").replace("\u3002", ".")
        text = text.translate({ord("\uff10") + d: ord("0") + d for d in range(10)})  # full-width digits
        try:
            value = Decimal(text)
        except ArithmeticError:
            return None
        return value if value.is_finite() else None

    def problem(self) -> str | None:
        """Why the typed score cannot be submitted, or None when it can."""
        value = self._parsed()
        if value is None:
            return self.tr('"{text}" is not a score').format(text=self.text().strip())
        if value < 0 or value > self._maximum:
            return self.tr("{value} is outside 0 to {maximum}").format(
                value=self.text().strip(), maximum=_number(self._maximum)
            )
        if value * 2 != (value * 2).to_integral_value():
            return self.tr("{value} is not in half points").format(value=self.text().strip())
        return None

    def value(self) -> float:
        value = self._parsed()
        return float(value) if value is not None and self.problem() is None else 0.0

    def awarded(self) -> Decimal:
        value = self._parsed()
        if value is None or self.problem() is not None:
            raise ValueError(self.problem())
        return value.normalize() if value != value.to_integral_value() else value.quantize(Decimal(1))

    def _on_text(self, _text: str) -> None:
        problem = self.problem()
        self.setStyleSheet("" if problem is None else INVALID_STYLE)
        self.setToolTip(problem or "")
        self.setAccessibleDescription(problem or "")
        self.valueChanged.emit(self.value())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        step = {Qt.Key.Key_Up: Decimal("0.5"), Qt.Key.Key_Down: Decimal("-0.5"),
                Qt.Key.Key_PageUp: Decimal(5), Qt.Key.Key_PageDown: Decimal(-5)}.get(Qt.Key(event.key()))  # fmt: skip
        if step is None or self.isReadOnly():
            super().keyPressEvent(event)
            return
        current = self._parsed() or Decimal(0)
        self.setValue(min(self._maximum, max(Decimal(0), (current * 2).to_integral_value() / 2 + step)))


class ScoreForm(QWidget):
    """Shows one work item and submits one examiner's (or the chief's arbitration) score for it."""

    submitted = Signal(int, int, object)  # attempt id, slot, total (Decimal)

    def __init__(self, client: Client, *, arbitration: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.client = client
        self.arbitration = arbitration
        self.item: WorkItem | None = None
        self.boxes: list[HalfPointSpinBox] = []

        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.heading.setFont(font)
        self.who = QLabel()
        self.who.setTextFormat(Qt.TextFormat.PlainText)

        self.instructions = QPlainTextEdit()
        self.instructions.setReadOnly(True)
        self.instructions.setTabChangesFocus(True)
        self.instructions.setMaximumHeight(140)
        self.instructions.setMinimumHeight(48)  # every screen fits 1366x768: the boxes scroll
        self.answer_label = QLabel(self.tr("Candidate's answer:"))
        self.answer = QPlainTextEdit()
        self.answer.setReadOnly(True)
        self.answer.setTabChangesFocus(True)
        self.answer.setMinimumHeight(60)
        self.answer_label.setBuddy(self.answer)

        self.points = QWidget()
        self.points_layout = QGridLayout(self.points)
        self.points_layout.setColumnStretch(0, 1)
        self.points_layout.setHorizontalSpacing(12)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.points)
        scroll.setMinimumHeight(110)

        self.total = QLabel()
        total_font = QFont(self.total.font())
        total_font.setBold(True)
        self.total.setFont(total_font)
        self.comment = QPlainTextEdit()
        self.comment.setTabChangesFocus(True)
        self.comment.setPlaceholderText(self.tr("Comment for the record (optional)"))
        self.comment.setMaximumHeight(70)
        self.comment.setMinimumHeight(44)
        comment_label = QLabel(self.tr("Co&mment:"))
        comment_label.setBuddy(self.comment)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        label = self.tr("&Submit arbitration score") if arbitration else self.tr("&Submit score")
        self.submit_button = QPushButton(label)
        self.submit_button.clicked.connect(self.submit)

        bottom = QHBoxLayout()
        bottom.addWidget(self.total)
        bottom.addStretch(1)
        bottom.addWidget(self.submit_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.heading)
        layout.addWidget(self.who)
        layout.addWidget(self.instructions)
        layout.addWidget(self.answer_label)
        layout.addWidget(self.answer, 1)
        layout.addWidget(scroll, 1)
        layout.addWidget(comment_label)
        layout.addWidget(self.comment)
        layout.addLayout(bottom)
        layout.addWidget(self.status)
        self.show_item(None)

    # -- showing ---------------------------------------------------------------------------

    def show_item(self, item: WorkItem | None) -> None:
        self.item = item
        self._clear_points()
        self.comment.clear()
        self.status.clear()
        if item is None:
            self.heading.setText(self.tr("Choose a task from the list"))
            self.who.clear()
            self.instructions.clear()
            self.answer.clear()
            self.total.clear()
            self._set_enabled(False)
            return
        self.heading.setText(self.tr("Question {number}: {title}").format(number=item.slot + 1, title=item.title))
        self.who.setText(self.tr("Candidate {code}").format(code=item.anonymous_code))
        self.instructions.setPlainText(item.instructions.strip())
        try:
            given = self.client.examiner.answer_for(item.attempt_id, item.slot)
        except Exception as exc:  # shown in place of the answer; scoring can still be refused later
            given = translate_error(exc)
        self.answer.setPlainText(self.tr("(no answer)") if given in (None, "") else str(given))
        for row, (point, maximum) in enumerate(item.rubric):
            text = QLabel(f"{row + 1}. {point}")
            text.setWordWrap(True)
            text.setTextFormat(Qt.TextFormat.PlainText)
            box = HalfPointSpinBox(Decimal(maximum))
            box.setAccessibleName(self.tr("Rubric point {number}").format(number=row + 1))
            box.valueChanged.connect(self._update_total)
            text.setBuddy(box)
            bound = QLabel(self.tr("/ {maximum}").format(maximum=_number(Decimal(maximum))))
            self.points_layout.addWidget(text, row, 0)
            self.points_layout.addWidget(box, row, 1, Qt.AlignmentFlag.AlignTop)
            self.points_layout.addWidget(bound, row, 2, Qt.AlignmentFlag.AlignTop)
            if self.arbitration and item.examiner_scores:
                given = QLabel(
                    self.tr("Examiners: {scores}").format(
                        scores=" · ".join(
                            _number(Decimal(scores[row])) if row < len(scores) and scores[row] else "—"
                            for _name, scores in item.examiner_scores
                        )
                    )
                )
                given.setToolTip("\n".join(f"{name}: {' / '.join(scores)}" for name, scores in item.examiner_scores))
                self.points_layout.addWidget(given, row, 3, Qt.AlignmentFlag.AlignTop)
            self.boxes.append(box)
        self.points_layout.setRowStretch(len(item.rubric), 1)
        self._chain_tab_order()
        if self.arbitration and item.examiner_scores:
            self.who.setText(
                self.tr("Candidate {code} · examiners' totals: {totals}").format(
                    code=item.anonymous_code,
                    totals=join_names(
                        self.tr("{name} {total}").format(
                            name=name, total=_number(sum((Decimal(v) for v in scores if v), Decimal(0)))
                        )
                        for name, scores in item.examiner_scores
                    ),
                )
            )
        done = item.scored_by_me and (not self.arbitration or bool(item.my_scores))
        if item.my_scores:  # what was submitted, as submitted
            for box, value in zip(self.boxes, item.my_scores, strict=False):
                if value:
                    box.setValue(Decimal(value))
            self.comment.setPlainText(item.my_comment)
        self._set_enabled(not done)
        if done:
            self.status.setText(self.tr("You have already scored this task: the scores you submitted are shown."))
        self._update_total()

    def _clear_points(self) -> None:
        self.boxes.clear()
        while self.points_layout.count():
            widget = self.points_layout.takeAt(0).widget()
            if widget is not None:
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()
        for row in range(self.points_layout.rowCount()):
            self.points_layout.setRowStretch(row, 0)

    def _chain_tab_order(self) -> None:
        chain = [*self.boxes, self.comment, self.submit_button]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _set_enabled(self, enabled: bool) -> None:
        for box in self.boxes:  # read-only, not disabled: what was submitted stays legible
            box.setReadOnly(not enabled)
        self.comment.setReadOnly(not enabled)
        self.submit_button.setEnabled(enabled)

    def problems(self) -> list[tuple[int, str]]:
        """The rubric points whose typed score cannot be submitted: (0-based index, why)."""
        return [(index, problem) for index, box in enumerate(self.boxes) if (problem := box.problem()) is not None]

    def maximum(self) -> Decimal:
        return sum((Decimal(m) for _, m in self.item.rubric), Decimal(0)) if self.item else Decimal(0)

    def current_total(self) -> Decimal:
        return sum((Decimal(str(box.value())) for box in self.boxes), Decimal(0))

    def _update_total(self) -> None:
        if self.item is None:
            return
        problems = self.problems()
        self.total.setStyleSheet("color: #b91c1c;" if problems else "")
        if problems:
            index, why = problems[0]
            self.total.setText(self.tr("Rubric point {number}: {problem}").format(number=index + 1, problem=why))
            return
        self.total.setText(
            counted(self.tr("Total: {total} of {maximum} points").format(
                total=_number(self.current_total()), maximum=_number(self.maximum())
            ))
        )  # fmt: skip

    # -- submitting ------------------------------------------------------------------------

    def submit(self) -> None:
        item = self.item
        if item is None:
            return
        problems = self.problems()
        if problems:
            index, why = problems[0]
            self.status.setText(
                self.tr("Not submitted: rubric point {number}: {problem}").format(number=index + 1, problem=why)
            )
            self.boxes[index].setFocus()
            self.boxes[index].selectAll()
            return
        total = self.current_total()
        question = self.tr("Submit {total} of {maximum} points for question {number} of candidate {code}? "
                           "A submitted score cannot be changed.").format(
            total=_number(total), maximum=_number(self.maximum()), number=item.slot + 1, code=item.anonymous_code
        )  # fmt: skip
        if not Ask.confirm(self, self.tr("Submit score"), question):
            return
        awarded = {index: box.awarded() for index, box in enumerate(self.boxes)}
        result = attempt(
            self, self.client.examiner.score_task, item.attempt_id, item.slot, awarded,
            self.comment.toPlainText().strip(), arbitration=self.arbitration,
        )  # fmt: skip
        if result is None:
            self.status.setText(self.tr("Not submitted."))
            return
        self._set_enabled(False)
        self.status.setText(
            self.tr("Submitted: question {number} of candidate {code}, {total} points.").format(
                number=item.slot + 1, code=item.anonymous_code, total=_number(result)
            )
        )
        self.submitted.emit(item.attempt_id, item.slot, result)
