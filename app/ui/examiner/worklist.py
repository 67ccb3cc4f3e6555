"""The examiner's work list (candidates by anonymous code only) beside the scoring form."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.api.client import Client
from app.api.types import WorkItem
from app.ui.examiner.score_form import ScoreForm
from app.ui.widgets.tables import configure_readonly

Index = QModelIndex | QPersistentModelIndex
ITEM_ROLE = Qt.ItemDataRole.UserRole


class WorklistModel(QAbstractTableModel):
    """Rows of `examiner.worklist`: anonymous code, question number, task title, scored by me."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.items: list[WorkItem] = []
        self.headers = [self.tr("Code"), self.tr("Question"), self.tr("Task"), self.tr("My score")]

    def set_items(self, items: list[WorkItem]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        horizontal = role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
        if horizontal and 0 <= section < len(self.headers):
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        item, column = self.items[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                item.anonymous_code,
                str(item.slot + 1),
                item.title,
                self.tr("Scored") if item.scored_by_me else self.tr("To score"),
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == 2:
            return item.title
        if role == Qt.ItemDataRole.ForegroundRole and column == 3 and not item.scored_by_me:
            return QBrush(QColor("#b45309"))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (1, 3):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == ITEM_ROLE:
            return item
        return None

    def row_of(self, attempt_id: int, slot: int) -> int | None:
        for row, item in enumerate(self.items):
            if (item.attempt_id, item.slot) == (attempt_id, slot):
                return row
        return None


class WorkTable(QTableView):
    def __init__(self, model: QAbstractTableModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setModel(model)
        configure_readonly(self, stretch=2)


class ScoringPage(QWidget):
    """Left: my work list for the session; right: the form for the chosen task."""

    scored = Signal()

    def __init__(self, client: Client, parent: QWidget | None = None):
        super().__init__(parent)
        self.client = client
        self.all_items: list[WorkItem] = []
        self.model = WorklistModel(self)
        self.table = WorkTable(self.model)
        self.table.selectionModel().currentRowChanged.connect(self._on_row)
        self.only_open = QCheckBox(self.tr("Show only tasks I have &not scored"))
        self.only_open.toggled.connect(lambda _on: self._fill())
        self.progress = QLabel()
        list_label = QLabel(self.tr("&Work list (candidates by anonymous code)"))
        list_label.setBuddy(self.table)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(list_label)
        left_layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(self.only_open)
        row.addStretch(1)
        row.addWidget(self.progress)
        left_layout.addLayout(row)

        self.form = ScoreForm(client)
        self.form.submitted.connect(self._on_submitted)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.form)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([520, 820])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    def set_items(self, items: list[WorkItem], keep: tuple[int, int] | None = None) -> None:
        self.all_items = list(items)
        self._fill(keep)

    def _fill(self, keep: tuple[int, int] | None = None) -> None:
        if keep is None and self.form.item is not None:
            keep = (self.form.item.attempt_id, self.form.item.slot)
        shown = [i for i in self.all_items if not (self.only_open.isChecked() and i.scored_by_me)]
        self.model.set_items(shown)
        done = sum(1 for i in self.all_items if i.scored_by_me)
        self.progress.setText(self.tr("Scored {done} of {total}").format(done=done, total=len(self.all_items)))
        row = self.model.row_of(*keep) if keep else None
        if row is None and shown:
            row = next((r for r, i in enumerate(shown) if not i.scored_by_me), 0)
        if row is None:
            self.form.show_item(None)
        else:
            self.select_row(row)

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        if self.form.item != self.model.items[row]:
            self.form.show_item(self.model.items[row])

    def _on_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            item = self.model.items[current.row()]
            if self.form.item != item:
                self.form.show_item(item)

    def _on_submitted(self, attempt_id: int, slot: int, _total: object) -> None:
        message = self.form.status.text()
        self.scored.emit()  # the home reloads the work list, then we move on to the next open task
        following = [i for i in self.all_items if not i.scored_by_me]
        after = [i for i in following if (i.anonymous_code, i.slot) > self._key(attempt_id, slot)]
        target = (after or following or [None])[0]
        if target is not None:
            self._fill((target.attempt_id, target.slot))
        self.form.status.setText(message)

    def _key(self, attempt_id: int, slot: int) -> tuple[str, int]:
        code = next((i.anonymous_code for i in self.all_items if i.attempt_id == attempt_id), "")
        return (code, slot)
