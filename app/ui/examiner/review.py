"""The comprehensive review (综合评审) panel: one score out of 100 and a comment per candidate.

The panel is given its candidates as (candidate id, label) pairs by whoever builds it: the
examiner's home gives those of `examiner.review_list`, by anonymous code, never by name.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
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
from app.ui.examiner.score_form import HalfPointSpinBox, _number
from app.ui.widgets.errors import Ask, show_error

ID_ROLE = Qt.ItemDataRole.UserRole


class ReviewPanel(QWidget):
    """Scores the comprehensive review of the candidates it is given, through `examiner.score_review`."""

    scored = Signal(int, object)  # candidate id, score (Decimal)

    def __init__(self, client: Client, candidates: Sequence[tuple[int, str]] = (),
                 parent: QWidget | None = None):  # fmt: skip
        super().__init__(parent)
        self.client = client
        self.done: dict[int, Decimal] = {}  # scored in this window (the services cannot say which yet)

        self.note = QLabel(
            self.tr("No candidates to show: listing a review panel's candidates is not available yet.")
        )
        self.note.setWordWrap(True)
        self.list = QListWidget()
        self.list.currentItemChanged.connect(self._on_candidate)
        list_label = QLabel(self.tr("Ca&ndidates"))
        list_label.setBuddy(self.list)

        self.candidate = QLabel()
        self.candidate.setTextFormat(Qt.TextFormat.PlainText)
        self.score = HalfPointSpinBox(Decimal(100))
        self.score.setMaximumWidth(160)
        self.comment = QPlainTextEdit()
        self.comment.setTabChangesFocus(True)
        self.comment.setMaximumHeight(160)
        self.comment.setPlaceholderText(self.tr("Comment for the record (optional)"))
        self.submit_button = QPushButton(self.tr("&Submit review score"))
        self.submit_button.clicked.connect(self.submit)
        self.status = QLabel()
        self.status.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Candidate:"), self.candidate)
        score_label = QLabel(self.tr("Sc&ore (0–100):"))
        score_label.setBuddy(self.score)
        form.addRow(score_label, self.score)
        comment_label = QLabel(self.tr("Co&mment:"))
        comment_label.setBuddy(self.comment)
        form.addRow(comment_label, self.comment)
        self.finalize_button = QPushButton(self.tr("&Finalize the panel's score"))
        self.finalize_button.setToolTip(self.tr("The mean of the panel members' scores becomes the review result"))
        self.finalize_button.clicked.connect(self.finalize)
        self.finalize_button.setVisible(client.role == "chief")
        buttons = QHBoxLayout()
        buttons.addWidget(self.finalize_button)
        buttons.addStretch(1)
        buttons.addWidget(self.submit_button)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(list_label)
        left_layout.addWidget(self.list, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addLayout(form)
        right_layout.addLayout(buttons)
        right_layout.addWidget(self.status)
        right_layout.addStretch(1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([360, 900])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note)
        layout.addWidget(splitter, 1)
        self.set_candidates(candidates)

    def set_candidates(self, candidates: Sequence[tuple[int, str]]) -> None:
        self.list.clear()
        for candidate_id, label in candidates:
            entry = QListWidgetItem(label)
            entry.setData(ID_ROLE, (candidate_id, label))
            self.list.addItem(entry)
        self.note.setVisible(not candidates)
        if candidates:
            self.list.setCurrentRow(0)
        else:
            self._on_candidate(None)

    def _on_candidate(self, current: QListWidgetItem | None, _previous: object = None) -> None:
        self.status.clear()
        self.comment.clear()
        self.score.setValue(0)
        chosen = current.data(ID_ROLE) if current is not None else None
        self.candidate.setText(chosen[1] if chosen else "")
        done = chosen is not None and chosen[0] in self.done
        for widget in (self.score, self.comment, self.submit_button):
            widget.setEnabled(chosen is not None and not done)
        if done:
            self.status.setText(self.tr("Scored: {score} points.").format(score=_number(self.done[chosen[0]])))

    def finalize(self) -> None:
        """Chief examiner: the panel's mean becomes the candidate's comprehensive-review result."""
        current = self.list.currentItem()
        if current is None:
            return
        candidate_id, label = current.data(ID_ROLE)
        try:
            result = self.client.examiner.finalize_review(candidate_id)
        except Exception as exc:  # too few members, an even panel, already recorded: said as the service says
            show_error(self, exc)
            return
        text = self.tr("Review result for {candidate}: {score}.")
        self.status.setText(text.format(candidate=label, score=_number(result)))

    def submit(self) -> None:
        current = self.list.currentItem()
        if current is None:
            return
        candidate_id, label = current.data(ID_ROLE)
        problem = self.score.problem()
        if problem is not None:  # shown as typed, never cut to something else
            self.status.setText(self.tr("Not submitted: {problem}").format(problem=problem))
            self.score.setFocus()
            return
        score = self.score.awarded()
        question = self.tr("Submit review score {score} for {candidate}? A submitted score cannot be changed.")
        if not Ask.confirm(self, self.tr("Submit review score"), question.format(score=_number(score),
                                                                                 candidate=label)):  # fmt: skip
            return
        comment = self.comment.toPlainText().strip()
        try:
            self.client.examiner.score_review(candidate_id, score, comment)
        except Exception as exc:  # refused (already scored, not on the panel) or a bug: shown either way
            show_error(self, exc)
            self.status.setText(self.tr("Not submitted."))
            return
        self.done[candidate_id] = score
        current.setText(self.tr("{candidate} — scored {score}").format(candidate=label, score=_number(score)))
        self.scored.emit(candidate_id, score)
        self._on_candidate(current)
