"""The proctor console (监考端) for one session: header, live grid, actions on the room and on a candidate.

The grid refreshes every two seconds from `ProctorApi.session_overview`; times shown are the
services' remaining seconds, never this PC's clock; papers at zero are submitted by the services'
clock sweep, not by this screen. The timed refresh reads in a worker thread (one
at a time; the GUI thread only applies the rows), so a large session never freezes the console;
opening it, F5 and the refresh after an action read at once. Closing the console waits for a read
under way, so none outlives it or its store. Every button is one service call (see
session_actions.py and candidate_actions.py).
"""

from __future__ import annotations

import itertools
import logging
from typing import Any

from PySide6.QtCore import QItemSelection, QObject, QPoint, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.api.client import Client
from app.api.types import CandidateRow, LoginAlert, ResultRow, SeatReadiness, SessionInfo, StandbyStatus
from app.ui.proctor.alerts import LoginAlerts
from app.ui.proctor.buttons import ActionButton
from app.ui.proctor.candidate_actions import CandidateActions
from app.ui.proctor.grid_model import CandidateFilterProxy, CandidateGridModel, Column
from app.ui.proctor.header import SessionHeader
from app.ui.proctor.live import LiveChanges
from app.ui.proctor.readiness_panel import ReadinessPanel
from app.ui.proctor.results_dialog import ResultsDialog
from app.ui.proctor.session_actions import SessionActions
from app.ui.widgets.errors import show_error
from app.ui.widgets.labels import candidate_state_label
from app.ui.widgets.tables import configure_readonly

log = logging.getLogger("examdesk.ui.proctor")

Fetched = tuple[SessionInfo | None, list[CandidateRow], list[SeatReadiness] | Exception, list[LoginAlert],
                StandbyStatus | None]  # fmt: skip


def fetch(client: Client, session_id: int) -> Fetched:
    """What the console shows: the session, its candidates, its seats' readiness (or why that could
    not be read: the grid goes on without it) and its failed logins. Any thread may call this.
    Papers whose time has run out are the services' to submit (their clock sweep), not this screen's."""
    info = next((s for s in client.proctor.sessions() if s.id == session_id), None)
    rows = client.proctor.session_overview(session_id)
    seats: list[SeatReadiness] | Exception
    try:
        seats = client.proctor.readiness(session_id)
    except Exception as exc:  # shown in the readiness panel; the grid is what matters most
        seats = exc
    alerts = client.proctor.login_alerts(session_id) if info is not None else []
    try:
        standby = client.proctor.standby()
    except Exception:  # a centre of an older version, or one that cannot read it: no banner
        standby = None
    return info, rows, seats, alerts, standby


class _Relay(QObject):
    """Brings a background read's outcome (rows, or the exception) to the GUI thread."""

    done = Signal(int, object)


class CandidateGrid(QTableView):
    """The live grid: sortable, one selected candidate, a context menu of the candidate actions."""

    def __init__(self, model: CandidateFilterProxy, parent: QWidget | None = None):
        super().__init__(parent)
        self.setModel(model)
        configure_readonly(self)
        self.setSortingEnabled(True)
        self.sortByColumn(Column.TICKET, Qt.SortOrder.AscendingOrder)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setMinimumSectionSize(72)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)  # nine short columns share the width
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)


class ProctorConsole(QWidget):
    REFRESH_MS = 2000

    def __init__(self, client: Client, session_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.client, self.session_id = client, session_id
        self.info: SessionInfo | None = None
        self.results_dialog: ResultsDialog | None = None
        self.setWindowTitle(self.tr("Proctor console"))

        self.model = CandidateGridModel(self)
        self.proxy = CandidateFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.header = SessionHeader()
        self.readiness = ReadinessPanel()
        self._names_known = False
        self.session_actions = SessionActions(self)
        self.candidate_actions = CandidateActions(self)
        self.alerts = LoginAlerts(self.candidate_actions.clear_login_alert)
        self.timer = QTimer(self)
        # the timed refresh's worker: deleting the console waits for it too (QThreadPool's destructor)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay()
        self._relay.done.connect(self._read_done, Qt.ConnectionType.QueuedConnection)
        self._generation = 0  # of the last read started; a background read applies only if still the last
        self._reading = False
        self._dirty = False
        self._closed = False

        self.grid = CandidateGrid(self.proxy)
        self.grid.selectionModel().selectionChanged.connect(self._selection_changed)
        self.grid.customContextMenuRequested.connect(self._context_menu)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Ticket no., name, station or state"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.set_filter_text)
        filter_label = QLabel(self.tr("Searc&h:"))
        filter_label.setBuddy(self.filter_edit)
        QShortcut(QKeySequence.StandardKey.Find, self, self.filter_edit.setFocus)
        self.selected_label = QLabel()
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)

        self._layout(filter_label)
        self.timer.setInterval(self.REFRESH_MS)
        self.timer.timeout.connect(self._tick)
        self.live: LiveChanges | None = None
        if self.refresh():
            self.timer.start()
            self._follow_changes()

    def _follow_changes(self) -> None:
        """Centre mode: each change the centre records in this session refreshes the grid at once."""
        if LiveChanges.available(self.client):
            self.live = LiveChanges(self.client, self.session_id, self)
            self.live.changed.connect(self._changed, Qt.ConnectionType.QueuedConnection)
            self.live.start()

    def _changed(self, _seq: int) -> None:
        if not self.refresh_in_background():
            self._dirty = True  # a read is under way and may predate this change: read once more after it

    def _layout(self, filter_label: QLabel) -> None:
        room = QHBoxLayout()
        room_buttons = [ActionButton(action) for action in self.session_actions.actions]
        for button in room_buttons:
            room.addWidget(button)
        room.addStretch(1)
        search = QHBoxLayout()
        search.addWidget(filter_label)
        search.addWidget(self.filter_edit, 1)
        search.addStretch(2)

        candidate_box = QGroupBox(self.tr("Selected candidate"))
        per_candidate = QVBoxLayout(candidate_box)
        buttons = QHBoxLayout()
        candidate_buttons = [ActionButton(action) for action in self.candidate_actions.actions]
        for button in candidate_buttons:
            buttons.addWidget(button)
        buttons.addStretch(1)
        per_candidate.addWidget(self.selected_label)
        per_candidate.addLayout(buttons)

        # a PostgreSQL centre whose standby died: saves wait at the centre until the admin acts
        self.standby_banner = QLabel(self.tr(
            "The centre's standby server does not answer: the centre holds every save until the admin lets it "
            "go on without the standby (Stations tab, or 'examdesk centre standby detach'). Candidates answer "
            "on; each PC keeps its answers meanwhile."))  # fmt: skip
        self.standby_banner.setWordWrap(True)
        self.standby_banner.setStyleSheet("background: #b00020; color: white; padding: 6px; font-weight: bold;")
        self.standby_banner.setVisible(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.standby_banner)
        layout.addLayout(room)
        layout.addLayout(search)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.alerts)
        layout.addWidget(self.readiness)
        layout.addWidget(candidate_box)
        layout.addWidget(self.status)
        # Tab goes as the eye does: the room's buttons, the search box, the grid, the candidate's buttons
        chain: list[QWidget] = [*room_buttons, self.filter_edit, self.grid, self.alerts.list, self.alerts.clear_button,
                                self.readiness.toggle, self.readiness.table, *candidate_buttons]  # fmt: skip
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- refreshing ---------------------------------------------------------------------------

    def refresh(self) -> bool:
        """Read the session and its candidates now; False (and the error shown) if that failed."""
        self._generation += 1  # a background read under way is older than this one: its rows are dropped
        try:
            fetched = fetch(self.client, self.session_id)
        except Exception as exc:  # the proctor sees every failure; the grid keeps its last rows
            self._failed(exc)
            return False
        self._apply(fetched)
        return True

    def refresh_in_background(self) -> bool:
        """The timed refresh: read in a worker thread, then apply the rows on the GUI thread.
        False if a read is still under way (never two at once) or the console is closed."""
        if self._reading or self._closed:
            return False
        self._generation += 1
        self._reading = True
        generation, relay = self._generation, self._relay
        client, session_id = self.client, self.session_id

        def read() -> None:
            try:
                outcome: Any = fetch(client, session_id)
            except Exception as exc:  # shown on the GUI thread
                outcome = exc
            relay.done.emit(generation, outcome)

        self._pool.start(read)
        return True

    def _read_done(self, generation: int, outcome: Any) -> None:
        self._reading = False
        if not self._closed and generation == self._generation:  # else: closed, or read again since it began
            if isinstance(outcome, Exception):
                self._failed(outcome)
            else:
                self._apply(outcome)
        if self._dirty and not self._closed:
            self._dirty = False
            self.refresh_in_background()

    def _apply(self, fetched: Fetched) -> None:
        self.info, rows, seats, alerts, standby = fetched
        self.standby_banner.setVisible(standby is not None and standby.state == "lost")
        self.alerts.show_alerts(alerts)
        if isinstance(seats, Exception):
            self.readiness.show_failure(seats)
        else:
            self.readiness.show_seats(seats)
        if self.info is not None and not self._names_known:
            self._names_known = self._ask_names(self.info)
        self.model.update_rows(rows)
        self.header.show_session(self.info, self.session_id)
        self.header.show_counts(rows)
        self.session_actions.update(self.info, rows)
        self._selection_changed()

    def _ask_names(self, info: SessionInfo) -> bool:
        """The occupation and level names for the header, asked once; the codes show until then."""
        try:
            self.header.names = self.client.proctor.exam_names(info.standard, info.level, info.subtype)
        except Exception:  # the header shows the codes; the next refresh asks again
            log.warning("the names of session %s could not be read", self.session_id, exc_info=True)
            return False
        return True

    def _failed(self, exc: Exception) -> None:
        self.timer.stop()
        show_error(self, exc)
        self.note(self.tr("Live refresh stopped. Press F5 to try again."))

    def _tick(self) -> None:
        self.refresh_in_background()

    def wait_for_reads(self, msecs: int = -1) -> bool:
        """Wait for a background read under way (its rows are applied by the event loop later)."""
        return self._pool.waitForDone(msecs)

    def refresh_now(self) -> None:
        if self.refresh():
            self.timer.start()
            self.note(self.tr("Refreshed."))

    def note(self, text: str) -> None:
        self.status.setText(text)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._closed = True
        self.timer.stop()  # a closed console reads nothing more
        if self.live is not None:
            self.live.stop()
        self._pool.waitForDone()  # and no read of it outlives it (or the store, closed after it)
        super().closeEvent(event)

    # -- the selected candidate ------------------------------------------------------------------

    def selected_row(self) -> CandidateRow | None:
        rows = self.grid.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.row_at(self.proxy.mapToSource(rows[0]).row())

    def select_candidate(self, candidate_id: int) -> None:
        source_row = self.model.row_of(candidate_id)
        if source_row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        if index.isValid():
            self.grid.selectRow(index.row())
            self.grid.scrollTo(index)

    def _selection_changed(self, *_args: QItemSelection) -> None:
        row = self.selected_row()
        self.candidate_actions.update(self.info, row)
        if row is None:
            self.selected_label.setText(self.tr("Select a candidate in the grid to act on them."))
        else:
            text = self.tr("{name} · ticket {ticket} · station {station} · {state}")
            self.selected_label.setText(
                text.format(
                    name=row.name, ticket=row.ticket, station=row.station or "—", state=candidate_state_label(row.state)
                )
            )

    def _context_menu(self, pos: QPoint) -> None:
        if self.grid.indexAt(pos).isValid():
            self.candidate_actions.menu.popup(self.grid.viewport().mapToGlobal(pos))

    # -- after closing ---------------------------------------------------------------------------

    def show_results(self, rows: list[ResultRow]) -> None:
        code = self.info.code if self.info else str(self.session_id)
        self.results_dialog = ResultsDialog(code, rows, self, own_part=self.info.part if self.info else None)
        self.results_dialog.open()
