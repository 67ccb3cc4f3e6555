"""The chief examiner's read-only results table for a session (`examiner.session_results`)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.api.client import Client
from app.api.types import ResultRow
from app.ui.widgets.errors import attempt
from app.ui.widgets.labels import missing_part_label

Index = QModelIndex | QPersistentModelIndex
PART_ORDER = ("theory", "skill", "review")


def part_name(part: str) -> str:
    names = {
        "theory": QCoreApplication.translate("results", "Theory"),
        "skill": QCoreApplication.translate("results", "Skill"),
        "review": QCoreApplication.translate("results", "Review"),
    }
    return names.get(part, part)


def verdict(passed: object) -> str:
    if passed is None:
        return ""
    return QCoreApplication.translate("results", "Pass") if passed else QCoreApplication.translate("results", "Fail")


class ResultsModel(QAbstractTableModel):
    """Ticket, each part's score and pass/fail, and the overall result (合格 / 不合格 / 待定)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.rows: list[ResultRow] = []
        self.parts: list[str] = []
        self.own_part: str | None = None

    def set_rows(self, rows: list[ResultRow], own_part: str | None = None) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        sat = {p for r in rows for p in r.parts} | ({own_part} if own_part else set())
        self.parts = [p for p in PART_ORDER if p in sat] + sorted(sat - set(PART_ORDER))
        self.own_part = own_part
        self.endResetModel()

    def headers(self) -> list[str]:
        out = [self.tr("Ticket no.")]
        for part in self.parts:
            name = part_name(part)
            out += [self.tr("{part} score").format(part=name), self.tr("{part} result").format(part=name)]
        return [*out, self.tr("Overall")]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2 + 2 * len(self.parts)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            headers = self.headers()
            if 0 <= section < len(headers):
                return headers[section]
        return None

    def cell(self, row: ResultRow, column: int) -> str:
        if column == 0:
            return row.ticket
        if column == self.columnCount() - 1:
            return {"合格": self.tr("Pass"), "不合格": self.tr("Fail"), "待定": self.tr("Pending")}.get(
                row.result, row.result
            )
        name = self.parts[(column - 1) // 2]
        part = row.parts.get(name)
        if part is None:
            return missing_part_label(row.status, name, self.own_part) if column % 2 == 1 else "—"
        return str(part.get("score", "")) if column % 2 == 1 else verdict(part.get("passed"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(row, index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == self.columnCount() - 1:
            colour = {"合格": "#166534", "不合格": "#b91c1c"}.get(row.result)
            return QBrush(QColor(colour)) if colour else None
        return None


class ResultsPage(QWidget):
    def __init__(self, client: Client, parent: QWidget | None = None):
        super().__init__(parent)
        self.client = client
        self.session_id: int | None = None
        self.own_part: str | None = None
        self.model = ResultsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setMinimumSectionSize(110)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.summary = QLabel()
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

    def set_session(self, session_id: int | None, part: str | None) -> None:
        self.session_id, self.own_part = session_id, part
        self.model.set_rows([])
        self.summary.clear()

    def refresh(self) -> None:
        if self.session_id is None:
            return
        rows = attempt(self, self.client.examiner.session_results, self.session_id)
        if rows is None:
            return
        self.model.set_rows(rows, self.own_part)
        counts = {key: sum(1 for r in rows if r.result == key) for key in ("合格", "不合格", "待定")}
        self.summary.setText(
            self.tr("{total} candidates: {passed} pass, {failed} fail, {pending} pending").format(
                total=len(rows), passed=counts["合格"], failed=counts["不合格"], pending=counts["待定"]
            )
        )
