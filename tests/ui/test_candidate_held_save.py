"""Centre mode: a save the centre holds (its standby just died, or the link is slow) never freezes
the candidate's screen. The step is journaled on this PC and sent by a worker thread; the screen
goes on, says where the answer is, and the step reaches the centre, in order, once the centre answers."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QRadioButton

from app.api.contract import STEP_CALLS
from app.api.errors import Unreachable
from app.ui.candidate.station import HEARTBEAT_EVERY
from tests.ui.test_candidate import answering_with_a_journal, steps_of

HELD_CALLS = STEP_CALLS | {"candidate.save_settings"}  # every commit the candidate's screen asks for


class HeldSaves:
    """A centre whose commits are held: while `holding`, a call that commits waits until `release`
    (then it commits and is answered) or `seconds` (then Unreachable, as app/api/https.py after
    STEP_SECONDS); reads are answered."""

    def __init__(self, inner: Any, seconds: float = 8.0):
        self.inner, self.seconds = inner, seconds
        self.holding, self.release, self.waiting = threading.Event(), threading.Event(), threading.Event()

    def call(self, method: str, token: str | None, station: str, arguments: dict[str, Any]) -> Any:
        if method in HELD_CALLS and self.holding.is_set():
            self.waiting.set()
            try:
                if not self.release.wait(self.seconds):
                    raise Unreachable("the centre holds its saves until its standby answers")
            finally:
                self.waiting.clear()
        return self.inner.call(method, token, station, arguments)


def _click(qtbot, button: QRadioButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def test_a_held_save_leaves_the_screen_working_and_arrives_in_order_once_the_centre_answers(
        qtbot, backend, signed_in, station, answers, tmp_path):  # fmt: skip
    """Measured before the change: clicking an option while the centre held saves blocked the event
    loop for the whole hold, STEP_SECONDS (8.0 s), on both transports; so did a heartbeat, and a
    question change (its screen settings) for up to CALL_SECONDS (30 s)."""
    station, link, journal = answering_with_a_journal(qtbot, backend, signed_in, station, tmp_path, HeldSaves)
    page, attempt = station.exam_page, station.flow.login.attempt_id
    ticks = []
    beat = QTimer(station)
    beat.setInterval(20)
    beat.timeout.connect(lambda: ticks.append(link.waiting.is_set()))
    beat.start()

    link.holding.set()  # the standby just died: the centre holds every commit
    station._ticks = HEARTBEAT_EVERY - 1
    station._tick()  # the heartbeat is due: it came back at once; the worker sends it, and is held
    assert station.syncing() and station.flow.reachable and len(journal) == 0
    qtbot.waitUntil(link.waiting.is_set, timeout=5000)
    _click(qtbot, page.question.findChildren(QRadioButton)[1])
    assert link.waiting.is_set()  # the click came back while the centre still holds the heartbeat
    assert page.save_state.text() == "Saving…"
    qtbot.waitUntil(lambda: ticks.count(True) >= 5, timeout=5000)  # the event loop runs meanwhile
    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)  # the next clicks are taken at once (the
    # current question is a screen setting kept at the centre: a commit held too)
    _click(qtbot, page.question.findChildren(QRadioButton)[0])
    assert link.waiting.is_set() and station.flow.current == 1 and set(station.flow.answers) == {0, 1}
    # a second on, still held: said plainly
    qtbot.waitUntil(lambda: page.save_state.text() == "Only on this PC (2 waiting)", timeout=5000)
    assert [k for _s, k, _slot in steps_of(backend, attempt)] == []  # nothing recorded while held

    link.release.set()  # the admin went on without the standby: the held commit completes
    qtbot.waitUntil(lambda: not station.syncing() and len(journal) == 0, timeout=8000)
    assert page.save_state.text() == "✓ Saved at the centre" and answers["errors"] == []
    assert [(k, slot) for _s, k, slot in steps_of(backend, attempt)] == [("answer", 0), ("answer", 1)]  # in order
    qtbot.waitUntil(lambda: not station.flow.settings_waiting() and not station.syncing(), timeout=8000)
    assert station.flow.client.candidate.settings().current == 1  # settings followed, off the screen's thread

    link.release.clear()  # held again; the paper is handed in meanwhile
    answers["confirm"].append(True)
    qtbot.mouseClick(page.submit_button, Qt.MouseButton.LeftButton)
    assert station.syncing() and station.message_page.heading.text() == "Handing in your paper…"
    qtbot.waitUntil(link.waiting.is_set, timeout=5000)  # the worker's submission reaches the held centre
    qtbot.waitUntil(lambda: station.message_page.heading.text() == "Your paper is handed in on this PC", timeout=5000)
    link.release.set()
    qtbot.waitUntil(lambda: station.message_page.heading.text() == "Your paper has been submitted", timeout=8000)
    assert [k for _s, k, _slot in steps_of(backend, attempt)] == ["answer", "answer", "submit"] and len(journal) == 0
    beat.stop()
    journal.close()
