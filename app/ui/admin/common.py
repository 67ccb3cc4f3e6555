"""Small pieces the admin tabs share: a background job, a table model, a session picker and the
standards the service knows (and the file-dialog seam, app/ui/widgets/files.py, re-exported)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import suppress
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRunnable,
    Qt,
    QThreadPool,
    Signal,
    Slot,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QTableView, QWidget

from app.api.client import Client
from app.api.errors import ApiError
from app.api.types import SessionInfo
from app.domain.standards import Level, Standard
from app.ui.admin import labels
from app.ui.widgets.errors import attempt, show_error
from app.ui.widgets.files import Files as Files  # the admin tabs import it from here
from app.ui.widgets.tables import configure_readonly

KEY_ROLE = Qt.ItemDataRole.UserRole
WARNING = QColor("#a61b1b")
GOOD = QColor("#1d6b2f")


def succeeded(parent: QWidget | None, action: Callable[..., Any], *args: Any, **kwargs: Any) -> bool:
    """Run one service call that returns nothing; on error show it. True when it was done."""
    try:
        action(*args, **kwargs)
    except Exception as exc:  # every failure reaches the user through show_error
        show_error(parent, exc)
        return False
    return True


class Background(QObject):
    """One task at a time off the GUI thread, for one widget; results come back as signals.

    The object belongs to its widget (Qt parent), so it outlives every task the widget starts:
    a pool thread never emits on an object the GUI thread has already freed. Connect the signals
    to widget methods marked @Slot, so Qt queues them to the GUI thread (PySide 6.8+ may crash on
    cross-thread calls to undecorated Python callables, PYSIDE-3124).
    """

    progress = Signal(int, int)
    done = Signal(object)
    failed = Signal(object)

    def __init__(self, parent: QObject):
        super().__init__(parent)
        self.busy = False
        self.done.connect(self._idle)  # connected first: `busy` is clear when the widget hears of it
        self.failed.connect(self._idle)

    @Slot(object)
    def _idle(self, _result: object) -> None:
        self.busy = False

    def start(self, work: Callable[[Callable[[int, int], None]], Any]) -> bool:
        """Run `work(progress)` on the pool; False (nothing started) while a task is running."""
        if self.busy:
            return False
        self.busy = True
        QThreadPool.globalInstance().start(_Task(work, self))
        return True


class _Task(QRunnable):
    def __init__(self, work: Callable[[Callable[[int, int], None]], Any], owner: Background):
        super().__init__()
        self.work, self.owner = work, owner
        self._shown = -1

    def _progress(self, done: int, total: int) -> None:
        percent = 100 * done // total if total else 100
        if percent != self._shown:  # a signal per percent, not per row
            self._shown = percent
            with suppress(RuntimeError):  # the widget was closed meanwhile
                self.owner.progress.emit(done, total)

    def run(self) -> None:
        try:
            result = self.work(self._progress)
        except Exception as exc:  # reported on the GUI thread through show_error
            with suppress(RuntimeError):  # the widget was closed meanwhile: nobody is left to tell
                self.owner.failed.emit(exc)
            return
        with suppress(RuntimeError):
            self.owner.done.emit(result)


class RowsModel(QAbstractTableModel):
    """A read-only table of text rows, each with a key (an id the screen acts on) and a tone.

    A cell's tooltip is its text, or a longer text from `tips` (per row, per column; None: the text)
    when the cell shows a short form."""

    def __init__(self, headers: Sequence[str], parent: QObject | None = None):
        super().__init__(parent)
        self.headers = list(headers)
        self.rows: list[list[str]] = []
        self.keys: list[Any] = []
        self.tones: list[QColor | None] = []
        self.tips: list[Sequence[str | None]] = []

    def set_rows(self, rows: Sequence[Sequence[str]], keys: Sequence[Any] | None = None,
                 tones: Sequence[QColor | None] | None = None,
                 tips: Sequence[Sequence[str | None]] | None = None) -> None:  # fmt: skip
        self.beginResetModel()
        self.rows = [list(r) for r in rows]
        self.keys = list(keys) if keys is not None else list(range(len(self.rows)))
        self.tones = list(tones) if tones is not None else [None] * len(self.rows)
        self.tips = list(tips) if tips is not None else [()] * len(self.rows)
        self.endResetModel()

    def key(self, row: int) -> Any:
        return self.keys[row] if 0 <= row < len(self.keys) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            tips = self.tips[index.row()]
            tip = tips[index.column()] if index.column() < len(tips) else None
            if tip:
                return tip
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            row = self.rows[index.row()]
            return row[index.column()] if index.column() < len(row) else ""
        if role == KEY_ROLE:
            return self.keys[index.row()]
        if role == Qt.ItemDataRole.ForegroundRole and self.tones[index.row()] is not None:
            return QBrush(self.tones[index.row()])
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # fmt: skip
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section] if 0 <= section < len(self.headers) else None
        return None


def make_table(model: RowsModel, stretch: int | None = None) -> QTableView:
    view = QTableView()
    view.setModel(model)
    configure_readonly(view, stretch)
    if stretch is None:
        view.horizontalHeader().setStretchLastSection(True)
    return view


def selected_key(view: QTableView) -> Any:
    rows = view.selectionModel().selectedRows()
    if not rows:
        return None
    model = view.model()
    assert isinstance(model, RowsModel)
    return model.key(rows[0].row())


def select_key(view: QTableView, key: Any) -> bool:
    model = view.model()
    assert isinstance(model, RowsModel)
    for row, k in enumerate(model.keys):
        if k == key:
            view.selectRow(row)
            return True
    return False


def session_title(info: SessionInfo) -> str:
    return f"{info.code} · {info.room} · {labels.part_name(info.part)}"


class KnownStandards:
    """The standards the centre examines, as the service has them (read once, again after an import):
    names and rules for the screens; banks and keys stay in the service."""

    def __init__(self, client: Client):
        self.client = client
        self._by_code: dict[str, Standard] | None = None

    def all(self) -> list[Standard]:
        """Every standard, by code; a refusal is raised for the caller to show (`attempt`)."""
        if self._by_code is None:
            self._by_code = {std.code: std for std in self.client.admin.standards()}
        return sorted(self._by_code.values(), key=lambda s: s.code)

    def reload(self) -> None:
        self._by_code = None

    def standard(self, code: str) -> Standard | None:
        """None too when the standards could not be read (the screen that read them said why)."""
        try:
            self.all()
        except ApiError:
            return None
        assert self._by_code is not None
        return self._by_code.get(code)

    def level(self, code: str, level: str, subtype: str | None = None) -> tuple[Standard, Level] | None:
        """The standard and its level; None for a standard, sub-type or level this centre no longer knows."""
        std = self.standard(code)
        if std is None:
            return None
        try:
            return std, std.level(level, subtype or None)
        except (LookupError, ValueError):  # KeyError: no such sub-type or level
            return None


class SessionPicker(QComboBox):
    """A choice of sessions (from the service), keeping the choice across refreshes."""

    def __init__(self, client: Client, parent: QWidget | None = None):
        super().__init__(parent)
        self.client = client
        self.infos: dict[int, SessionInfo] = {}
        self.setMinimumContentsLength(28)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)

    def refresh(self) -> None:
        current = self.session_id()
        sessions = attempt(self, self.client.admin.sessions)
        if sessions is None:
            return
        self.blockSignals(True)
        self.clear()
        self.infos = {s.id: s for s in sessions}
        for info in sessions:
            self.addItem(session_title(info), info.id)
        self.blockSignals(False)
        index = self.findData(current) if current is not None else -1
        self.setCurrentIndex(index if index >= 0 else (0 if sessions else -1))
        self.currentIndexChanged.emit(self.currentIndex())

    def session_id(self) -> int | None:
        value = self.currentData()
        return int(value) if value is not None else None

    def info(self) -> SessionInfo | None:
        sid = self.session_id()
        return self.infos.get(sid) if sid is not None else None

    def choose(self, session_id: int) -> None:
        index = self.findData(session_id)
        if index >= 0:
            self.setCurrentIndex(index)
