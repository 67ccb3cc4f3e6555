"""The comprehensive review (综合评审) panel: the candidates on the left, by anonymous code, never by
name; on the right one candidate's review (`ReviewRecordView`): the materials register, the defence
with its timer, questions and notes, and the scores per criterion; the chair finalizes there.

The panel is given its candidates as (candidate id, label) pairs by whoever builds it: the
examiner's home gives those of `examiner.review_list`.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.api.client import Client
from app.ui.examiner.review_record import ReviewRecordView
from app.ui.examiner.score_form import _number

ID_ROLE = Qt.ItemDataRole.UserRole


class ReviewPanel(QWidget):
    """The comprehensive review of the candidates it is given, through the contract's review calls."""

    scored = Signal(int, object)  # candidate id, my score (Decimal)

    def __init__(self, client: Client, candidates: Sequence[tuple[int, str]] = (),
                 parent: QWidget | None = None):  # fmt: skip
        super().__init__(parent)
        self.client = client
        self.done: dict[int, Decimal] = {}  # scored in this window

        self.note = QLabel(self.tr("No candidates to show: you are not on the review panel of this session."))
        self.note.setWordWrap(True)
        self.list = QListWidget()
        self.list.currentItemChanged.connect(self._on_candidate)
        list_label = QLabel(self.tr("Ca&ndidates"))
        list_label.setBuddy(self.list)
        self.candidate = QLabel()
        self.candidate.setTextFormat(Qt.TextFormat.PlainText)
        self.record = ReviewRecordView(client)
        self.record.scored.connect(self._on_scored)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(list_label)
        left_layout.addWidget(self.list, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.candidate)
        right_layout.addWidget(self.record, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([220, 1000])
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
        chosen = current.data(ID_ROLE) if current is not None else None
        self.candidate.setText(self.tr("Candidate: {code}").format(code=chosen[1]) if chosen else "")
        self.record.show_candidate(chosen[0] if chosen else None)

    def _on_scored(self, candidate_id: int, score: Decimal) -> None:
        self.done[candidate_id] = score
        for row in range(self.list.count()):
            entry = self.list.item(row)
            cid, label = entry.data(ID_ROLE)
            if cid == candidate_id:
                entry.setText(self.tr("{candidate} — scored {score}").format(candidate=label, score=_number(score)))
        self.scored.emit(candidate_id, score)
