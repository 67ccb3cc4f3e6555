"""The proctor's live grid: one row per candidate of a session, refreshed in place.

`CandidateGridModel.update_rows` takes the rows of `ProctorApi.session_overview` and emits
`dataChanged` only for the rows and columns whose *shown* values changed (remaining time to the
second, seconds since the last save to the second), so an unchanged refresh emits nothing, and
sorting, filtering and the selection survive every refresh. Rows appear and disappear with row
inserts and removals, never with a model reset.

The model keeps its rows in the grid's sort order itself (`sort`, a Python sort by each column's
key) and moves them, with a layout change, only when a refresh changes that order; the proxy only
filters. Qt's proxy re-sorting on every refresh asked the model for sort keys several times per
changed row, through Python, which cost more than all the rest of a 1,000-row refresh.
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

from app.api.types import CandidateRow
from app.flows.candidate import HEARTBEAT_SECONDS
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
    Column.PROGRESS: QT_TRANSLATE_NOOP(
        "CandidateGridModel",
        "Questions answered / questions to answer by typing; live N: observed or oral tasks, performed in "
        "front of the examiners (nothing typed, never unanswered)",
    ),
    Column.FLAGGED: QT_TRANSLATE_NOOP("CandidateGridModel", "Questions the candidate flagged for review"),
    Column.REMAINING: QT_TRANSLATE_NOOP(
        "CandidateGridModel", "Remaining exam time (minutes:seconds), from the time ledger"
    ),
    Column.SINCE_SAVE: QT_TRANSLATE_NOOP("CandidateGridModel", "Seconds since the candidate's last saved answer"),
    Column.FOCUS: QT_TRANSLATE_NOOP("CandidateGridModel", "Times the exam window lost focus"),
}


# A candidate's station heartbeats every 15 s while they answer: three missed in a row is a station
# the proctor should look at (a pulled cable, a dead PC). Its time keeps running meanwhile
# (docs/centre.md, "A station that falls silent"): pause the candidate or move them.
SILENT_AFTER = 3 * HEARTBEAT_SECONDS


def silent_for(row: CandidateRow) -> int | None:
    """Whole seconds an answering candidate's station has been silent, once that is long enough to
    show; None otherwise."""
    if row.state != "answering" or row.heard is None or row.heard < SILENT_AFTER:
        return None
    return int(row.heard)


def _age(seconds: int) -> str:
    """m:ss, short enough to sit beside the station's name in its column."""
    return f"{seconds // 60}:{seconds % 60:02d}"


def _shown(row: CandidateRow) -> tuple[Any, ...]:
    """Everything the grid shows of a row, at the resolution it is shown (whole seconds)."""
    remaining = None if row.remaining is None else max(0, math.ceil(row.remaining - 1e-6))
    since = None if row.since_save is None else int(row.since_save)
    return (row.ticket, row.name, (row.station, silent_for(row)), row.state, row.answered, row.total, row.flagged,
            remaining, since, row.focus_losses, row.attempt_id, row.live)  # fmt: skip


_STATE_AT, _REMAINING_AT, _SINCE_AT = 3, 7, 8  # positions in _shown()
# the column that shows each position of _shown(); a new state recolours the whole row
_COLUMN_OF = (Column.TICKET, Column.NAME, Column.STATION, Column.STATE, Column.PROGRESS, Column.PROGRESS,
              Column.FLAGGED, Column.REMAINING, Column.SINCE_SAVE, Column.FOCUS, Column.PROGRESS,
              Column.PROGRESS)  # fmt: skip
_WHOLE_ROW = (0, len(Column) - 1)
_NUMERIC = (Column.PROGRESS, Column.FLAGGED, Column.REMAINING, Column.SINCE_SAVE, Column.FOCUS)
_ALIGN_NUMBER = Qt.AlignmentFlag.AlignCenter  # the columns are wide: numbers sit under their headers
_ALIGN_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_ALIGN = tuple(_ALIGN_NUMBER if column in _NUMERIC else _ALIGN_LEFT for column in Column)
_WARN = QBrush(QColor("#fde7c8"))  # amber: needs the proctor's eye
_ALERT_TEXT = QBrush(QColor("#a4262c"))
_DONE_TEXT = QBrush(QColor("#6b6b6b"))
_DISPLAY, _ALIGNMENT = int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.TextAlignmentRole)
_BACKGROUND, _FOREGROUND = int(Qt.ItemDataRole.BackgroundRole), int(Qt.ItemDataRole.ForegroundRole)
_FONT, _TOOLTIP = int(Qt.ItemDataRole.FontRole), int(Qt.ItemDataRole.ToolTipRole)
_SORT, _CANDIDATE = int(SORT_ROLE), int(CANDIDATE_ROLE)
_FOCUS, _STATION = int(Column.FOCUS), int(Column.STATION)
_COLUMNS = len(Column)


def _changed_columns(old: tuple[Any, ...], new: tuple[Any, ...]) -> tuple[int, int]:
    """The first and last column whose shown value differs between two _shown() tuples."""
    if old[_STATE_AT] != new[_STATE_AT]:
        return _WHOLE_ROW
    columns = [_COLUMN_OF[n] for n, (a, b) in enumerate(zip(old, new, strict=True)) if a != b]
    return min(columns), max(columns)


class _Texts:
    """The translated words of one refresh, looked up once each rather than once per row."""

    def __init__(self) -> None:
        self.ago = QCoreApplication.translate("CandidateGridModel", "{seconds} s ago")
        self.silent = QCoreApplication.translate("CandidateGridModel", "{station} · silent {age}")
        # observed and oral tasks are performed in front of the examiners: counted apart, never unanswered
        self.live = QCoreApplication.translate("CandidateGridModel", "{answered}/{total} · live {live}")
        self.states: dict[str, str] = {}

    def state(self, code: str) -> str:
        text = self.states.get(code)
        if text is None:
            text = self.states[code] = candidate_state_label(code)
        return text


class CandidateGridModel(QAbstractTableModel):
    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self._rows: list[CandidateRow] = []
        self._shown: list[tuple[Any, ...]] = []
        self._cells: list[tuple[str, ...]] = []
        self._at: dict[int, int] = {}  # candidate id -> row
        self._sort_column, self._sort_order = -1, Qt.SortOrder.AscendingOrder  # -1: as the rows came
        self._bold = QFont()
        self._bold.setBold(True)

    # -- feeding --------------------------------------------------------------------------

    def update_rows(self, rows: Sequence[CandidateRow]) -> None:
        """Bring the model to `rows` (keyed by candidate id) with the fewest signals: dataChanged
        covers only the rows and columns whose shown values changed."""
        incoming = {row.candidate_id for row in rows}
        if len(incoming) != len(self._rows) or any(cid not in incoming for cid in self._at):
            self._remove_missing(incoming)
        changed: list[tuple[int, int, int]] = []  # row, first and last changed column
        added: list[CandidateRow] = []
        at, shown, cells, current = self._at, self._shown, self._cells, self._rows
        texts = _Texts()
        for row in rows:
            n = at.get(row.candidate_id)
            if n is None:
                added.append(row)
                continue
            key = _shown(row)
            current[n] = row
            if key != shown[n]:
                first, last = _changed_columns(shown[n], key)
                shown[n] = key
                cells[n] = self._format(row, texts)
                changed.append((n, first, last))
        if added:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(added) - 1)
            for row in added:
                self._at[row.candidate_id] = len(self._rows)
                self._rows.append(row)
                self._shown.append(_shown(row))
                self._cells.append(self._format(row, texts))
            self.endInsertRows()
        self._emit_changed(changed)
        column = self._sort_column
        if column >= 0 and (added or any(first <= column <= last for _n, first, last in changed)):
            self._resort()

    # -- sorting ----------------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column, self._sort_order = int(column), order
        self._resort()

    def _resort(self) -> None:
        """Rows in the order of the sort column's keys (ties by ticket, as the services list them);
        a layout change, keeping the selection, only if the order differs."""
        if not 0 <= self._sort_column < len(Column) or len(self._rows) < 2:
            return
        column, rows, shown = Column(self._sort_column), self._rows, self._shown
        order = sorted(range(len(rows)), key=lambda n: rows[n].ticket)
        order.sort(key=lambda n: self._sort_key(rows[n], shown[n], column),
                   reverse=self._sort_order == Qt.SortOrder.DescendingOrder)  # fmt: skip
        if all(n == was for n, was in enumerate(order)):
            return
        self.layoutAboutToBeChanged.emit()
        moved_to = {was: n for n, was in enumerate(order)}
        before = self.persistentIndexList()
        self._rows = [rows[n] for n in order]
        self._shown = [shown[n] for n in order]
        self._cells = [self._cells[n] for n in order]
        self._at = {row.candidate_id: n for n, row in enumerate(self._rows)}
        self.changePersistentIndexList(before, [self.index(moved_to[i.row()], i.column()) for i in before])
        self.layoutChanged.emit()

    def _remove_missing(self, keep: set[int]) -> None:
        for n in range(len(self._rows) - 1, -1, -1):
            if self._rows[n].candidate_id not in keep:
                self.beginRemoveRows(QModelIndex(), n, n)
                del self._rows[n], self._shown[n], self._cells[n]
                self.endRemoveRows()
        self._at = {row.candidate_id: n for n, row in enumerate(self._rows)}

    def _emit_changed(self, changed: list[tuple[int, int, int]]) -> None:
        """One dataChanged per run of consecutive changed rows, over the columns that changed in it."""
        if not changed:
            return
        changed.sort()
        start, left, right = changed[0]
        prev = start
        for n, first, last in [*changed[1:], (None, 0, 0)]:
            if n is not None and n == prev + 1:
                prev, left, right = n, min(left, first), max(right, last)
                continue
            self.dataChanged.emit(self.index(start, left), self.index(prev, right))
            if n is not None:
                start, prev, left, right = n, n, first, last

    @staticmethod
    def _format(row: CandidateRow, texts: _Texts | None = None) -> tuple[str, ...]:
        texts = texts or _Texts()
        since = "—" if row.since_save is None else texts.ago.format(seconds=int(row.since_save))
        progress = f"{row.answered}/{row.total}" if row.attempt_id is not None else "—"
        if row.attempt_id is not None and row.live:
            progress = texts.live.format(answered=row.answered, total=row.total, live=row.live)
        station = row.station or "—"
        silent = silent_for(row)
        if silent is not None:
            station = texts.silent.format(station=station, age=_age(silent))
        return (row.ticket, row.name, station, texts.state(row.state), progress, str(row.flagged),
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

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        # the proxy asks for an index several times per painted cell; Qt's own would ask this
        # model's rowCount and columnCount (two calls into Python) each time
        if 0 <= row < len(self._rows) and 0 <= column < _COLUMNS and not parent.isValid():
            return self.createIndex(row, column)
        return QModelIndex()

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
        # called several times per visible cell on every paint: plain int comparisons, no enums
        n = index.row()
        if n < 0 or n >= len(self._rows):  # an invalid index has row -1
            return None
        column = index.column()
        if role == _DISPLAY:
            return self._cells[n][column]
        if role == _ALIGNMENT:
            return _ALIGN[column]
        row = self._rows[n]
        if role == _BACKGROUND:
            if column == _FOCUS:
                return _WARN if row.focus_losses > 0 else None
            if column == Column.STATE and row.state in ("paused", "interrupted"):
                return _WARN
            if column == _STATION and silent_for(row) is not None:
                return _WARN
            return None
        if role == _FOREGROUND:
            if row.state == "terminated" or (column == _FOCUS and row.focus_losses > 0):
                return _ALERT_TEXT
            if row.state == "submitted":
                return _DONE_TEXT
            return None
        if column == _STATION and role == _TOOLTIP:
            silent = silent_for(row)
            if silent is not None:
                tip = QCoreApplication.translate(
                    "CandidateGridModel",
                    "Nothing heard from this station for {age} (it reports every 15 s while the candidate answers). "
                    "The candidate's time keeps running: look at the PC; pause their time or move them to another PC.",
                )
                return tip.format(age=_age(silent))
        if column == Column.PROGRESS and role == _TOOLTIP and row.live and row.attempt_id is not None:
            tip = QCoreApplication.translate(
                "CandidateGridModel",
                "{answered} of {total} typed question(s) answered; {live} observed or oral task(s), performed in "
                "front of the examiners (nothing is typed for them)",
            )
            return tip.format(answered=row.answered, total=row.total, live=row.live)
        if column == _FOCUS and row.focus_losses > 0:
            if role == _FONT:
                return self._bold
            if role == _TOOLTIP:
                tip = QCoreApplication.translate("CandidateGridModel", "The exam window lost focus {count} time(s)")
                return tip.format(count=row.focus_losses)
        if role == _SORT:
            return self._sort_key(row, self._shown[n], Column(column))
        if role == _CANDIDATE:
            return row.candidate_id
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
        return _FLAGS


_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


class CandidateFilterProxy(QSortFilterProxyModel):
    """Filters by ticket, name, station or state; sorting (a header click) is the source model's."""

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self._needle = ""
        self._sort: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(False)  # the source keeps its order; a filtered word is checked below

    def setSourceModel(self, model: Any) -> None:
        super().setSourceModel(model)
        model.dataChanged.connect(self._source_changed)

    def _source_changed(self, top_left: QModelIndex, _bottom_right: QModelIndex, _roles: Any = ()) -> None:
        if self._needle and top_left.column() <= Column.STATE:  # a searched word may have come or gone
            self.beginFilterChange()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order)
        model = self.sourceModel()
        if model is not None:
            model.sort(column, order)

    def sortColumn(self) -> int:
        return self._sort[0]

    def sortOrder(self) -> Qt.SortOrder:
        return self._sort[1]

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
