"""The proctor's live grid: one row per candidate of a session, refreshed in place.

`CandidateGridModel.update_rows` takes the rows of `backend.exam.session_overview` and emits
`dataChanged` only for rows whose *shown* values changed (remaining time to the second, seconds
since the last save to the second), so an unchanged refresh emits nothing, and sorting, filtering
and the selection survive every refresh. Rows appear and disappear with row inserts and removals,
never with a model reset.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from app.services.exam import CandidateRow
from app.ui.proctor.labels import STATE_ORDER, clock
from app.ui.widgets.labels import candidate_state_label

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
CANDIDATE_ROLE = Qt.ItemDataRole.UserRole + 2  # the candidate id of the row

Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    TICKET = 0
    NAME = 1
    STATION = 2
    STATE = 3
    PROGRESS = 4
    FLAGGED = 5
    REMAINING = 6
    SINCE_SAVE = 7
    FOCUS = 8


HEADERS = {
    Column.TICKET: QT_TRANSLATE_NOOP("CandidateGridModel", "Ticket no."),
    Column.NAME: QT_TRANSLATE_NOOP("CandidateGridModel", "Name"),
    Column.STATION: QT_TRANSLATE_NOOP("CandidateGridModel", "Station"),
    Column.STATE: QT_TRANSLATE_NOOP("CandidateGridModel", "State"),
    Column.PROGRESS: QT_TRANSLATE_NOOP("CandidateGridModel", "Answered"),
    Column.FLAGGED: QT_TRANSLATE_NOOP("CandidateGridModel", "Flagged"),
    Column.REMAINING: QT_TRANSLATE_NOOP("CandidateGridModel", "Time left"),
    Column.SINCE_SAVE: QT_TRANSLATE_NOOP("CandidateGridModel", "Last save"),
    Column.FOCUS: QT_TRANSLATE_NOOP("CandidateGridModel", "Left window"),
}
HEADER_TIPS = {
    Column.PROGRESS: QT_TRANSLATE_NOOP("CandidateGridModel", "Questions answered / questions on the paper"),
    Column.FLAGGED: QT_TRANSLATE_NOOP("CandidateGridModel", "Questions the candidate flagged for review"),
    Column.REMAINING: QT_TRANSLATE_NOOP(
        "CandidateGridModel", "Remaining exam time (minutes:seconds), from the time ledger"
    ),
    Column.SINCE_SAVE: QT_TRANSLATE_NOOP("CandidateGridModel", "Seconds since the candidate's last saved answer"),
    Column.FOCUS: QT_TRANSLATE_NOOP("CandidateGridModel", "Times the exam window lost focus"),
}


def _shown(row: CandidateRow) -> tuple[Any, ...]:
    """Everything the grid shows of a row, at the resolution it is shown (whole seconds)."""
    remaining = None if row.remaining is None else max(0, math.ceil(row.remaining - 1e-6))
    since = None if row.since_save is None else int(row.since_save)
    return (row.ticket, row.name, row.station, row.state, row.answered, row.total, row.flagged, remaining, since,
            row.focus_losses, row.attempt_id)  # fmt: skip


_REMAINING_AT, _SINCE_AT = 7, 8  # positions in _shown()
_NUMERIC = (Column.PROGRESS, Column.FLAGGED, Column.REMAINING, Column.SINCE_SAVE, Column.FOCUS)
_ALIGN_NUMBER = Qt.AlignmentFlag.AlignCenter  # the columns are wide: numbers sit under their headers
_ALIGN_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_WARN = QBrush(QColor("#fde7c8"))  # amber: needs the proctor's eye
_ALERT_TEXT = QBrush(QColor("#a4262c"))
_DONE_TEXT = QBrush(QColor("#6b6b6b"))


class CandidateGridModel(QAbstractTableModel):
    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self._rows: list[CandidateRow] = []
        self._shown: list[tuple[Any, ...]] = []
        self._cells: list[tuple[str, ...]] = []
        self._at: dict[int, int] = {}  # candidate id -> row
        self._bold = QFont()
        self._bold.setBold(True)

    # -- feeding --------------------------------------------------------------------------

    def update_rows(self, rows: Sequence[CandidateRow]) -> None:
        """Bring the model to `rows` (keyed by candidate id) with the fewest signals."""
        incoming = {row.candidate_id for row in rows}
        if len(incoming) != len(self._rows) or any(cid not in incoming for cid in self._at):
            self._remove_missing(incoming)
        changed: list[int] = []
        added: list[CandidateRow] = []
        at, shown = self._at, self._shown
        for row in rows:
            n = at.get(row.candidate_id)
            if n is None:
                added.append(row)
                continue
            key = _shown(row)
            self._rows[n] = row
            if key != shown[n]:
                shown[n] = key
                self._cells[n] = self._format(row)
                changed.append(n)
        if added:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(added) - 1)
            for row in added:
                self._at[row.candidate_id] = len(self._rows)
                self._rows.append(row)
                self._shown.append(_shown(row))
                self._cells.append(self._format(row))
            self.endInsertRows()
        self._emit_changed(changed)

    def _remove_missing(self, keep: set[int]) -> None:
        for n in range(len(self._rows) - 1, -1, -1):
            if self._rows[n].candidate_id not in keep:
                self.beginRemoveRows(QModelIndex(), n, n)
                del self._rows[n], self._shown[n], self._cells[n]
                self.endRemoveRows()
        self._at = {row.candidate_id: n for n, row in enumerate(self._rows)}

    def _emit_changed(self, changed: list[int]) -> None:
        """One dataChanged per run of consecutive rows."""
        if not changed:
            return
        changed.sort()
        last_column = len(Column) - 1
        start = prev = changed[0]
        for n in [*changed[1:], None]:
            if n is not None and n == prev + 1:
                prev = n
                continue
            self.dataChanged.emit(self.index(start, 0), self.index(prev, last_column))
            if n is not None:
                start = prev = n

    @staticmethod
    def _format(row: CandidateRow) -> tuple[str, ...]:
        since = "—" if row.since_save is None else QCoreApplication.translate(
            "CandidateGridModel", "{seconds} s ago").format(seconds=int(row.since_save))  # fmt: skip
        progress = f"{row.answered}/{row.total}" if row.attempt_id is not None else "—"
        return (row.ticket, row.name, row.station or "—", candidate_state_label(row.state), progress, str(row.flagged),
                clock(row.remaining), since, str(row.focus_losses))  # fmt: skip

    # -- reading ----------------------------------------------------------------------------

    def row_at(self, n: int) -> CandidateRow:
        return self._rows[n]

    def row_of(self, candidate_id: int) -> int | None:
        return self._at.get(candidate_id)

    def rows(self) -> list[CandidateRow]:
        return list(self._rows)

    def haystack(self, n: int) -> str:
        """What the filter box searches: ticket, name, station and state (shown and code)."""
        row = self._rows[n]
        return f"{row.ticket} {row.name} {row.station or ''} {self._cells[n][Column.STATE]} {row.state}".casefold()

    # -- QAbstractTableModel ----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("CandidateGridModel", HEADERS[Column(section)])
        if role == Qt.ItemDataRole.ToolTipRole and Column(section) in HEADER_TIPS:
            return QCoreApplication.translate("CandidateGridModel", HEADER_TIPS[Column(section)])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        column = Column(index.column())
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells[index.row()][column]
        if role == SORT_ROLE:
            return self._sort_key(row, self._shown[index.row()], column)
        if role == CANDIDATE_ROLE:
            return row.candidate_id
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _ALIGN_NUMBER if column in _NUMERIC else _ALIGN_LEFT
        if role == Qt.ItemDataRole.BackgroundRole:
            if column == Column.FOCUS and row.focus_losses > 0:
                return _WARN
            if column == Column.STATE and row.state in ("paused", "interrupted"):
                return _WARN
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.state == "terminated" or (column == Column.FOCUS and row.focus_losses > 0):
                return _ALERT_TEXT
            if row.state == "submitted":
                return _DONE_TEXT
            return None
        if role == Qt.ItemDataRole.FontRole and column == Column.FOCUS and row.focus_losses > 0:
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole and column == Column.FOCUS and row.focus_losses > 0:
            tip = QCoreApplication.translate("CandidateGridModel", "The exam window lost focus {count} time(s)")
            return tip.format(count=row.focus_losses)
        return None

    @staticmethod
    def _sort_key(row: CandidateRow, shown: tuple[Any, ...], column: Column) -> Any:
        """Each column's natural order; times at the shown resolution, so sorting matches the screen."""
        if column == Column.TICKET:
            return row.ticket
        if column == Column.NAME:
            return row.name
        if column == Column.STATION:
            return row.station or ""
        if column == Column.STATE:
            return STATE_ORDER.get(row.state, len(STATE_ORDER))
        if column == Column.PROGRESS:
            return row.answered
        if column == Column.FLAGGED:
            return row.flagged
        if column == Column.REMAINING:
            return -1 if shown[_REMAINING_AT] is None else shown[_REMAINING_AT]
        if column == Column.SINCE_SAVE:
            return -1 if shown[_SINCE_AT] is None else shown[_SINCE_AT]
        return row.focus_losses

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


class CandidateFilterProxy(QSortFilterProxyModel):
    """Sorts by each column's natural order and filters by ticket, name, station or state."""

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self._needle = ""
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def set_filter_text(self, text: str) -> None:
        self.beginFilterChange()
        self._needle = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._needle:
            return True
        model = self.sourceModel()
        assert isinstance(model, CandidateGridModel)
        return all(word in model.haystack(source_row) for word in self._needle.split())
