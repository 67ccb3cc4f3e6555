"""Failed candidate logins of the session, as the proctor console shows them: each ticket at each
station with how many failed and how long the next login waits, and "Clear" once the proctor has
checked who is at that station (the failures then no longer slow a login). Hidden while there are none."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QListWidget, QListWidgetItem, QPushButton, QWidget

from app.api.types import LoginAlert
from app.ui.widgets.local_time import local_time


class LoginAlerts(QGroupBox):
    def __init__(self, clear: Callable[[LoginAlert], None], parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Failed candidate logins"))
        self._clear = clear
        self.alerts: list[LoginAlert] = []
        self.list = QListWidget()
        self.list.setMaximumHeight(self.list.fontMetrics().height() * 5)
        self.clear_button = QPushButton(self.tr("C&lear"))
        self.clear_button.setToolTip(self.tr("You have checked who is at that station: the failures no longer "
                                             "slow the next login"))  # fmt: skip
        self.clear_button.clicked.connect(self._clear_selected)
        layout = QHBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.clear_button)
        self.list.currentRowChanged.connect(lambda _row: self._enable())
        self.setVisible(False)

    def show_alerts(self, alerts: Sequence[LoginAlert]) -> None:
        if list(alerts) == self.alerts:
            return
        chosen = self.selected()
        self.alerts = list(alerts)
        self.list.clear()
        for alert in self.alerts:
            text = self.tr("Ticket {ticket} at station {station}: {count} failed login(s), last at {time}").format(
                ticket=alert.ticket, station=alert.station, count=alert.failures, time=local_time(alert.last_wall)
            )
            if alert.wait_seconds:
                text += " · " + self.tr("next login waits {seconds} s").format(seconds=alert.wait_seconds)
            self.list.addItem(QListWidgetItem(text))
        keys = [(a.ticket, a.station) for a in self.alerts]
        if chosen is not None and (chosen.ticket, chosen.station) in keys:
            self.list.setCurrentRow(keys.index((chosen.ticket, chosen.station)))
        elif self.alerts:
            self.list.setCurrentRow(0)
        self.setVisible(bool(self.alerts))
        self._enable()

    def selected(self) -> LoginAlert | None:
        row = self.list.currentRow()
        return self.alerts[row] if 0 <= row < len(self.alerts) else None

    def _enable(self) -> None:
        self.clear_button.setEnabled(self.selected() is not None)

    def _clear_selected(self) -> None:
        alert = self.selected()
        if alert is not None:
            self._clear(alert)
