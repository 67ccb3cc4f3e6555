"""The candidate station's readiness line under the login page: the station checks itself when it
starts (app/station/readiness.py) and reports to the centre, in a worker thread, so the login
screen never waits for it; "Check this PC" runs it again. The proctor sees the result per seat."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from app.api.client import Client
from app.api.types import Readiness, ReadinessReport
from app.station import readiness
from app.station.readiness import DisplayFacts
from app.ui.widgets.messages import translate_error
from app.ui.widgets.readiness import COLOURS, detail_text, display_facts, reasons_text, status_label


@dataclass(frozen=True)
class ReadinessProbe:
    """What the station's check needs from the program that starts it."""

    data_dir: Path  # where the station writes (the disk test)
    room: str = ""  # the room the station is set up in (`--room`), if told
    display: Callable[[], DisplayFacts] = field(default=display_facts)  # on the GUI thread
    run: Callable[..., ReadinessReport] = field(default=readiness.run_check)  # tests pass a fake


class _Relay(QObject):
    done = Signal(object)


class ReadinessBar(QWidget):
    checked = Signal(object)  # (report, None) or (report, the sending's exception) or the check's exception

    def __init__(self, client: Client, probe: ReadinessProbe, parent: QWidget | None = None):
        super().__init__(parent)
        # its own client, never signed in: a check may run while the candidate signs in on the other
        self.client, self.probe = client.another_station(client.station), probe
        self.report: ReadinessReport | None = None
        self.line = QLabel()
        self.line.setTextFormat(Qt.TextFormat.PlainText)
        self.line.setWordWrap(True)
        self.line.setMargin(4)
        self.button = QPushButton(self.tr("Check this PC"))
        self.button.clicked.connect(self.check)
        layout = QHBoxLayout(self)
        layout.addWidget(self.line, 1)
        layout.addWidget(self.button)
        self._pool = QThreadPool(self)  # deleting the bar waits for a check under way
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay()
        self._relay.done.connect(self._done, Qt.ConnectionType.QueuedConnection)
        self.checking = False

    def check(self) -> bool:
        """Run the check in a worker and report it; False if one is under way."""
        if self.checking:
            return False
        self.checking = True
        self.button.setEnabled(False)
        self.line.setText(self.tr("Checking this PC…"))
        facts = self.probe.display()  # Qt's screens and fonts: here, on the GUI thread
        client, probe, relay = self.client, self.probe, self._relay

        def work() -> None:
            outcome: Any
            try:
                report = probe.run(client, probe.data_dir, lambda: facts, room=probe.room)
            except Exception as exc:  # shown on the line
                relay.done.emit(exc)
                return
            try:
                readiness.send(client, report)
                outcome = (report, None)
            except Exception as exc:  # the centre did not take it: said on the line
                outcome = (report, exc)
            relay.done.emit(outcome)

        self._pool.start(work)
        return True

    def wait(self, msecs: int = -1) -> bool:
        return self._pool.waitForDone(msecs)

    def _done(self, outcome: Any) -> None:
        self.checking = False
        self.button.setEnabled(True)
        if isinstance(outcome, Exception):
            self.line.setText(self.tr("This PC could not be checked: {error}").format(error=translate_error(outcome)))
            self.checked.emit(outcome)
            return
        report, failure = outcome
        self.report = report
        self.show_report(report, failure)
        self.checked.emit(outcome)

    def show_report(self, report: ReadinessReport, failure: BaseException | None = None) -> None:
        reasons = reasons_text(report.checks).replace("\n", "; ")
        text = self.tr("This PC: {status}").format(status=status_label(report.status))
        if reasons:
            text = self.tr("{verdict} ({reasons})").format(verdict=text, reasons=reasons)
        if failure is not None:
            text += "\n" + self.tr("Not reported to the centre: {error}").format(error=translate_error(failure))
        self.line.setText(text)
        self.line.setToolTip(detail_text(report.checks))
        background, colour = COLOURS[report.status if failure is None else Readiness.NOT_READY]
        self.line.setStyleSheet(f"background: {background}; color: {colour};")
