"""Keyboard access: on every screen, the Alt+letter shortcuts that are visible together are all
different, in English and in Chinese (translations carry their own "(&X)")."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QLabel, QTabWidget, QWidget

from app.api.local import local_client
from app.api.server import Server
from app.ui.admin import AdminHome
from app.ui.candidate.station import CandidateStation
from app.ui.examiner import ExaminerHome
from app.ui.main import install_language
from app.ui.proctor import ProctorConsole
from app.ui.shell import MainWindow, SetupDialog, StaffLogin, UnlockDialog

MNEMONIC = re.compile(r"&([^&\s])")


def _letter(text: str) -> str | None:
    found = MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).lower() if found else None


def clashes(top: QWidget) -> dict[str, list[str]]:
    """Mnemonic letter -> the texts that use it, for the letters used more than once on what is shown."""
    top.show()
    QApplication.processEvents()
    used: dict[str, list[str]] = defaultdict(list)
    for widget in top.findChildren(QWidget):
        if not widget.isVisible():
            continue
        text = widget.text() if isinstance(widget, QAbstractButton | QLabel) else \
            widget.title() if isinstance(widget, QGroupBox) else ""  # fmt: skip
        if (letter := _letter(text)) is not None:
            used[letter].append(text)
        if isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                if (letter := _letter(widget.tabText(i))) is not None:
                    used[letter].append(widget.tabText(i))
    return {letter: texts for letter, texts in used.items() if len(texts) > 1}


def every_screen(backend, staff, qtbot, data_dir, signed_in):
    """(name, widget) for each screen state a user sees, tab by tab and page by page."""
    for name, dialog in (("setup", SetupDialog(data_dir)), ("unlock", UnlockDialog(data_dir)),
                         ("sign-in", StaffLogin(local_client(Server(backend), "PC-01"), ("admin",))),
                         ("start", MainWindow(Server(backend)))):  # fmt: skip
        qtbot.addWidget(dialog)
        yield name, dialog
    homes = [("admin", AdminHome(signed_in("admin")))]
    homes += [(user, ExaminerHome(signed_in(user))) for user in ("examiner1", "chief")]
    for name, home in homes:
        qtbot.addWidget(home)
        home.resize(1366, 768)
        for i in range(home.tabs.count()):
            home.tabs.setCurrentIndex(i)
            getattr(home.tabs.widget(i), "refresh", lambda: None)()
            yield f"{name}: {home.tabs.tabText(i)}", home
    schedule = homes[0][1].sessions.open_schedule_dialog()
    qtbot.addWidget(schedule)
    yield "schedule a session", schedule
    proctor = staff("proctor1")
    session_id = next(s.id for s in backend.exam.sessions(proctor) if s.code == "DEMO-T5")
    console = ProctorConsole(backend, proctor, session_id)
    qtbot.addWidget(console)
    yield "proctor console", console
    station = CandidateStation(backend, "PC-01")
    qtbot.addWidget(station)
    for page in (station.login_page, station.confirm_page, station.rules_page, station.exam_page):
        station.stack.setCurrentWidget(page)
        yield f"candidate: {type(page).__name__}", station


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_no_two_visible_controls_share_an_alt_key(qtbot, backend, staff, signed_in, tmp_path, monkeypatch, language):
    monkeypatch.setenv("EXAMDESK_DATA", str(tmp_path / "station"))  # where the translation is compiled
    assert install_language(QApplication.instance(), language)
    try:
        found = {name: bad for name, widget in every_screen(backend, staff, qtbot, tmp_path, signed_in)
                 if (bad := clashes(widget))}  # fmt: skip
    finally:
        install_language(QApplication.instance(), "en")  # the other screen tests read the English texts
    assert found == {}
