"""The chief examiner's arbitration (仲裁) and finalizing of skill scores.

For a chosen attempt (by anonymous code) the chief tries to finalize; when examiners' scores differ
beyond the threshold the service refuses and names the questions, and the chief scores those
questions with an arbitration score, then finalizes again. "Finalize all" is one service call
(`ScoringService.finalize_all`: one audit entry) that reports what waits, and why.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.api.client import Client
from app.api.types import ALREADY, FINALIZED, OPEN, QuestionWait, WorkItem
from app.errors import Message, UserFacingError
from app.ui.examiner.score_form import ScoreForm, _number
from app.ui.widgets.errors import show_error
from app.ui.widgets.messages import translate_error, translate_text

ITEM_ROLE = Qt.ItemDataRole.UserRole
# finalize's refusals, by template (the message ids of app/ui/widgets/messages.py): "not ready: {waiting}"
# holds one part per question still waiting, each with its number {n} and either how many examiners
# have scored ({scored} of {needed}) or, when they disagree, their scores and the spread
NOT_READY = "not ready: {waiting}"
NEEDS_ARBITRATION = "question {n}: scores {scores} differ by {spread}: the chief examiner must arbitrate"
ALREADY_RECORDED = "the {part} result is already recorded"


def arbitration_slots(refusal: UserFacingError) -> set[int]:
    """The slots (0-based) a finalize refusal says need arbitration, read from its parts."""
    if refusal.template != NOT_READY:
        return set()
    return {int(p.params["n"]) - 1 for p in refusal.parts.get("waiting", ()) if p.template == NEEDS_ARBITRATION}


def describe_waits(waits: tuple[QuestionWait, ...]) -> str:
    """The questions a paper waits for, worded as finalize's refusal ("not ready: ...")."""
    return translate_text(Message(NOT_READY, waiting=[wait.message() for wait in waits]))


class ArbitrationPage(QWidget):
    """Attempts of the session by anonymous code; finalize one or all; arbitrate disputed questions."""

    finalized = Signal()

    def __init__(self, client: Client, parent: QWidget | None = None):
        super().__init__(parent)
        self.client = client
        self.items: list[WorkItem] = []
        self.session_id: int | None = None
        self.disputed: dict[int, set[int]] = {}  # attempt id -> slots needing arbitration
        self.final: dict[int, Decimal] = {}  # attempt id -> skill score finalized in this window

        self.questions = QListWidget()
        self.questions.setWordWrap(True)
        self.questions.currentItemChanged.connect(self._on_question)
        questions_label = QLabel(self.tr("&Questions of this candidate"))
        questions_label.setBuddy(self.questions)
        self.attempts = QListWidget()
        self.attempts.currentItemChanged.connect(self._on_attempt)
        attempts_label = QLabel(self.tr("Candi&dates (anonymous code)"))
        attempts_label.setBuddy(self.attempts)
        self.finalize_button = QPushButton(self.tr("&Finalize this candidate"))
        self.finalize_button.clicked.connect(self.finalize_current)
        self.finalize_all_button = QPushButton(self.tr("Finish scoring for the session (&E)"))
        self.finalize_all_button.setToolTip(
            self.tr("Finalize every candidate whose scores are complete and list those still waiting")
        )
        self.finalize_all_button.clicked.connect(self.finalize_all)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(attempts_label)
        left_layout.addWidget(self.attempts, 2)
        left_layout.addWidget(self.finalize_button)
        left_layout.addWidget(self.finalize_all_button)
        left_layout.addSpacing(8)
        left_layout.addWidget(questions_label)
        left_layout.addWidget(self.questions, 3)

        self.message = QPlainTextEdit()
        self.message.setReadOnly(True)
        self.message.setTabChangesFocus(True)
        self.message.setMinimumHeight(40)
        self.message.setPlaceholderText(self.tr("Finalizing reports here which questions still wait."))
        self.form = ScoreForm(client, arbitration=True)
        self.form.submitted.connect(self._on_arbitrated)
        form_box = QGroupBox(self.tr("Arbitration score"))
        form_layout = QVBoxLayout(form_box)
        form_layout.addWidget(self.form)

        right = QSplitter(Qt.Orientation.Vertical)  # the report can be pulled taller when it is long
        right.addWidget(self.message)
        right.addWidget(form_box)
        right.setStretchFactor(1, 1)
        right.setCollapsible(1, False)
        right.setSizes([110, 640])

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([380, 960])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    # -- the session's attempts -------------------------------------------------------------

    def set_items(self, items: list[WorkItem], session_id: int | None = None) -> None:
        keep = self.current_attempt()
        self.items, self.session_id = list(items), session_id
        # what the service says now: which papers are finalized and which questions need arbitration,
        # so the marks survive a reload (the chief's work list carries them)
        self.final = {i.attempt_id: Decimal(i.final_score) for i in items if i.final_score is not None}
        self.disputed = {}
        for i in items:
            if i.needs_arbitration:
                self.disputed.setdefault(i.attempt_id, set()).add(i.slot)
        self.attempts.blockSignals(True)
        self.attempts.clear()
        for attempt_id, code in dict((i.attempt_id, i.anonymous_code) for i in items).items():
            entry = QListWidgetItem(self._attempt_label(attempt_id, code))
            entry.setData(ITEM_ROLE, attempt_id)
            self.attempts.addItem(entry)
            if attempt_id == keep:
                self.attempts.setCurrentItem(entry)
        self.attempts.blockSignals(False)
        if self.attempts.currentItem() is None and self.attempts.count():
            self.attempts.setCurrentRow(0)
        else:
            self._on_attempt(self.attempts.currentItem())

    def _attempt_label(self, attempt_id: int, code: str) -> str:
        if attempt_id in self.final:
            return self.tr("{code} — finalized: {score}").format(code=code, score=_number(self.final[attempt_id]))
        if self.disputed.get(attempt_id):
            return self.tr("{code} — needs arbitration").format(code=code)
        return code

    def _relabel(self) -> None:
        for row in range(self.attempts.count()):
            entry = self.attempts.item(row)
            attempt_id = entry.data(ITEM_ROLE)
            code = next(i.anonymous_code for i in self.items if i.attempt_id == attempt_id)
            entry.setText(self._attempt_label(attempt_id, code))

    def current_attempt(self) -> int | None:
        entry = self.attempts.currentItem()
        return entry.data(ITEM_ROLE) if entry is not None else None

    def select_attempt(self, attempt_id: int) -> None:
        for row in range(self.attempts.count()):
            if self.attempts.item(row).data(ITEM_ROLE) == attempt_id:
                self.attempts.setCurrentRow(row)
                return

    def _on_attempt(self, current: QListWidgetItem | None, _previous: object = None) -> None:
        self.questions.clear()
        self.form.show_item(None)
        attempt_id = current.data(ITEM_ROLE) if current is not None else None
        self.finalize_button.setEnabled(attempt_id is not None)
        if attempt_id is None:
            return
        disputed = self.disputed.get(attempt_id, set())
        for item in (i for i in self.items if i.attempt_id == attempt_id):
            if item.slot in disputed:
                text = self.tr("Question {number}: {title} — needs arbitration")
            else:
                text = self.tr("Question {number}: {title}")
            entry = QListWidgetItem(text.format(number=item.slot + 1, title=item.title))
            entry.setData(ITEM_ROLE, item)
            if item.slot not in disputed:
                entry.setFlags(entry.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.questions.addItem(entry)
        first = next((r for r in range(self.questions.count())
                      if self.questions.item(r).flags() & Qt.ItemFlag.ItemIsEnabled), None)  # fmt: skip
        if first is not None:
            self.questions.setCurrentRow(first)

    def _on_question(self, current: QListWidgetItem | None, _previous: object = None) -> None:
        if current is not None and current.flags() & Qt.ItemFlag.ItemIsEnabled:
            self.form.show_item(current.data(ITEM_ROLE))
        else:
            self.form.show_item(None)

    # -- finalizing ---------------------------------------------------------------------------

    def _finalize(self, attempt_id: int) -> tuple[Decimal | None, UserFacingError | None]:
        """One call to finalize: (score, None) or (None, the service's refusal)."""
        try:
            score = self.client.examiner.finalize(attempt_id)
        except UserFacingError as exc:
            slots = arbitration_slots(exc)
            if slots:
                self.disputed[attempt_id] = slots
            return None, exc
        self.disputed.pop(attempt_id, None)
        self.final[attempt_id] = score
        return score, None

    def finalize_current(self) -> None:
        attempt_id = self.current_attempt()
        if attempt_id is None:
            return
        try:
            score, refusal = self._finalize(attempt_id)
        except Exception as exc:  # a bug: shown as such
            show_error(self, exc)
            return
        code = next(i.anonymous_code for i in self.items if i.attempt_id == attempt_id)
        if score is not None:
            self.message.setPlainText(
                self.tr("Candidate {code}: skill score {score} recorded.").format(code=code, score=_number(score))
            )
            self.finalized.emit()
        elif refusal.template == ALREADY_RECORDED:
            self.message.setPlainText(self.tr("Candidate {code} already has a skill result.").format(code=code))
        else:
            self.message.setPlainText(self.tr("Candidate {code} is not finalized: {reason}").format(
                code=code, reason=translate_error(refusal)))  # fmt: skip
        self._relabel()
        self._on_attempt(self.attempts.currentItem())

    def finalize_all(self) -> None:
        """One call finalizes every paper of the session that is ready (one audit entry), and
        reports the others with the questions they wait for."""
        if self.session_id is None:
            return
        try:
            summary = self.client.examiner.finalize_all(self.session_id)
        except UserFacingError as exc:  # the session as a whole: its examiners, its state
            self.message.setPlainText(translate_error(exc))
            return
        except Exception as exc:  # a bug: shown as such
            show_error(self, exc)
            return
        done, waiting = [], []
        for paper in summary.candidates:
            code = paper.anonymous_code
            if paper.outcome == FINALIZED:
                self.disputed.pop(paper.attempt_id, None)
                self.final[paper.attempt_id] = paper.score
                done.append(self.tr("{code}: {score}").format(code=code, score=_number(paper.score)))
            elif paper.outcome == ALREADY:
                done.append(self.tr("{code}: already finalized").format(code=code))
            else:
                slots = {w.slot for w in paper.waiting if w.needs == "arbitration"}
                if slots:
                    self.disputed[paper.attempt_id] = slots
                reason = translate_text(paper.reason) if paper.outcome == OPEN else describe_waits(paper.waiting)
                waiting.append(self.tr("{code}: {reason}").format(code=code, reason=reason))
        lines = [self.tr("Finalized: {count}").format(count=len(done)), *done]
        lines += [self.tr("Waiting: {count}").format(count=len(waiting)), *waiting]
        self.message.setPlainText("\n".join(lines))
        self._relabel()
        self._on_attempt(self.attempts.currentItem())
        if summary.finalized:
            self.finalized.emit()

    def _on_arbitrated(self, attempt_id: int, slot: int, _total: object) -> None:
        self.disputed.get(attempt_id, set()).discard(slot)
        status = self.form.status.text()
        self._relabel()
        self._on_attempt(self.attempts.currentItem())
        remaining = self.disputed.get(attempt_id)
        hint = (self.tr("Arbitrate the other marked questions, then finalize.") if remaining
                else self.tr("Now finalize this candidate."))  # fmt: skip
        self.message.setPlainText(status + "\n" + hint)
