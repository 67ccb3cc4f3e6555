"""The seats' readiness in the proctor console: each seat of the session (ProctorApi.readiness) as
READY / WARNING / NOT READY, or not reported, with the reasons; every check on hover."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from app.api.types import Readiness, SeatReadiness
from app.ui.proctor.tables import cell, readonly_table
from app.ui.widgets.local_time import local_time
from app.ui.widgets.messages import translate_error
from app.ui.widgets.readiness import COLOURS, detail_text, reasons_text, status_label

SEAT, CANDIDATES, STATUS, REASON, REPORTED = range(5)


class ReadinessPanel(QGroupBox):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Seat readiness"))
        self.seats: list[SeatReadiness] = []
        self._drawn: list[SeatReadiness] | None = None  # what the table shows now
        self.summary = QLabel()
        self.table = readonly_table(5, self, stretch=REASON)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Seat"), self.tr("Candidates"), self.tr("Status"), self.tr("Reason"), self.tr("Reported")]
        )
        self.table.setMaximumHeight(self.fontMetrics().height() * 9)
        # the grid comes first: the proctor may fold the seats away and keep the summary line
        self.toggle = QToolButton()
        self.toggle.setText(self.tr("Hide seats"))
        self.toggle.setCheckable(True)
        self.toggle.setChecked(True)
        self.toggle.toggled.connect(self._fold)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.toggle)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        self.show_seats([])

    def show_seats(self, seats: Sequence[SeatReadiness]) -> None:
        """The seats, the worst first, then by station."""
        order = {Readiness.NOT_READY: 0, None: 1, Readiness.WARNING: 2, Readiness.READY: 3}
        ordered = sorted(seats, key=lambda s: (order[s.status], s.station))
        if ordered == self._drawn:
            return  # unchanged since the last refresh: the selection and an open tooltip stay
        self.seats = self._drawn = ordered
        self.table.setRowCount(len(self.seats))
        for row, seat in enumerate(self.seats):
            detail = detail_text(seat.checks) or status_label(None)
            status = cell(status_label(seat.status), detail)
            background, text = COLOURS[seat.status]
            status.setBackground(QBrush(QColor(background)))
            status.setForeground(QBrush(QColor(text)))
            reasons = reasons_text(seat.checks)
            values = [cell(seat.station), cell(", ".join(seat.tickets) or "—"), status,
                      cell(reasons.replace("\n", "; ") if reasons else "", detail),
                      cell(local_time(seat.reported_at) if seat.reported_at else "—")]  # fmt: skip
            for column, item in enumerate(values):
                self.table.setItem(row, column, item)
        counts = Counter(seat.status for seat in self.seats)
        text = self.tr("{ready} ready, {warning} with warnings, {not_ready} not ready, {silent} not reported")
        self.summary.setText(text.format(ready=counts[Readiness.READY], warning=counts[Readiness.WARNING],
                                         not_ready=counts[Readiness.NOT_READY], silent=counts[None]))  # fmt: skip

    def _fold(self, shown: bool) -> None:
        self.table.setVisible(shown)
        self.toggle.setText(self.tr("Hide seats") if shown else self.tr("Show seats"))

    def show_failure(self, exc: BaseException) -> None:
        """The seats could not be read: the table keeps what it showed, the line says why."""
        self._drawn = None  # the next good read draws the table and its summary again
        self.summary.setText(self.tr("Seat readiness could not be read: {error}").format(error=translate_error(exc)))
