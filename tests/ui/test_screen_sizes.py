"""Every screen fits a 1366x768 display: each role screen, in the main window with its bar, on each
of its tabs, needs at most the screen's width and its height less a window title bar. (The chief's
scoring screens once needed 881 px: the 评语 box and the submit button were off-screen, and the
main window stayed that tall afterwards.)"""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget

from app.demo import demo_people
from app.ui.main import install_language
from app.ui.shell import MainWindow

WIDTH, HEIGHT = 1366, 768
TITLE_BAR = 40  # a window manager's title bar; the main window's own bar is measured with it
PEOPLE = demo_people(8, random.Random(7))


def screens(signed_in, station) -> dict[str, QWidget]:
    from app.ui.admin import AdminHome
    from app.ui.admin.schedule_dialog import ScheduleDialog
    from app.ui.candidate.station import CandidateStation
    from app.ui.examiner import ExaminerHome
    from app.ui.proctor import SessionPicker
    from app.ui.proctor import build_for_screenshot as proctor_console
    from app.ui.standards_browser import StandardsBrowser

    admin = signed_in("admin")
    chief = ExaminerHome(signed_in("chief"))
    assert chief.arbitration is not None
    chief.arbitration.form.show_item(chief.arbitration.items[0])  # the form with its rubric points
    return {
        "admin": AdminHome(admin),
        "schedule dialog": ScheduleDialog(admin),
        "proctor sessions": SessionPicker(signed_in("proctor1")),
        "proctor console": proctor_console(signed_in, PEOPLE),
        "examiner": ExaminerHome(signed_in("examiner1")),
        "chief examiner": chief,
        "standards": StandardsBrowser(admin),
        "candidate": CandidateStation(station("PC-01")),
    }


def bar_height(window: MainWindow) -> int:
    """What the main window adds above a role screen: its bar (the back button, where we are)."""
    layout = window.centralWidget().layout()
    margins = layout.contentsMargins()
    bar = max(window.home_button.sizeHint().height(), window.where.sizeHint().height())
    return margins.top() + margins.bottom() + bar + layout.spacing()


def too_big(window: MainWindow, screen: QWidget, name: str) -> list[str]:
    out = []
    pages = [(None, -1)]
    tabs = screen.findChildren(QTabWidget)
    if tabs:
        pages = [(tabs[0], i) for i in range(tabs[0].count())]
    for tab, index in pages:
        if tab is not None:
            tab.setCurrentIndex(index)
        QApplication.processEvents()
        size = screen.minimumSizeHint()
        if window.centralWidget().isAncestorOf(screen):  # plus the main window's bar above it
            size = QSize(size.width(), size.height() + bar_height(window))
        where = name if tab is None else f"{name} / {tab.tabText(index)}"
        if size.width() > WIDTH or size.height() > HEIGHT - TITLE_BAR:
            out.append(f"{where}: needs {size.width()}x{size.height()}")
    return out


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_screen_fits_1366x768(qtbot, server_transport, signed_in, station, language, tmp_path, monkeypatch):
    server, loopback = server_transport
    if loopback:
        pytest.skip("sizes do not depend on the transport")
    monkeypatch.setenv("EXAMDESK_DATA", str(tmp_path / "station"))
    install_language(QApplication.instance(), language)
    try:
        window = MainWindow(server, station="TEST-PC")
        qtbot.addWidget(window)
        problems = []
        for name, screen in screens(signed_in, station).items():
            if name == "schedule dialog":  # a dialog: its own window
                qtbot.addWidget(screen)
                problems += too_big(window, screen, name)
                continue
            window._show(screen, name)
            problems += too_big(window, screen, name)
            window.stack.removeWidget(screen)
            screen.close()
        assert problems == []
    finally:
        install_language(QApplication.instance(), "en")
