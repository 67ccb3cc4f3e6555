"""Readiness on screen: the proctor console shows each seat READY / WARNING / NOT READY (or not
reported) with the reasons, translated; the candidate station checks itself at start without
holding up the login page, reports to the centre, and checks again on demand."""

from __future__ import annotations

import functools
import random
import threading

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator

from app import i18n
from app.api.types import Readiness, ReadinessCheck, ReadinessReport
from app.demo import demo_people
from app.station import readiness
from app.station.readiness import DisplayFacts, MachineFacts
from app.ui.candidate.readiness_bar import ReadinessProbe
from app.ui.candidate.station import CandidateStation
from app.ui.proctor import ProctorConsole
from app.ui.proctor.readiness_panel import CANDIDATES, REASON, SEAT, STATUS

PEOPLE = demo_people(8, random.Random(7))
FREE = PEOPLE[5:]  # the demo candidates who may log in here (app/demo.py)
SMALL = ReadinessCheck("screen", Readiness.NOT_READY, readiness.SCREEN_SMALL,
                       {"width": "1280", "height": "720", "min_width": "1366", "min_height": "768"})  # fmt: skip
CLOCK = ReadinessCheck("clock", Readiness.WARNING, readiness.CLOCK_BEHIND, {"seconds": "7.5"})
FINE = ReadinessCheck("disk", Readiness.READY, readiness.DISK_OK, {"free": "9000", "folder": "/d", "ms": "12"})


def report(*checks: ReadinessCheck) -> ReadinessReport:
    return ReadinessReport(readiness.overall(checks), checks, "0.1.0", "2026-12-05T08:40:00+0800")


@pytest.fixture
def proctor(signed_in):
    return signed_in("proctor1")


@pytest.fixture
def theory(proctor):
    return next(s.id for s in proctor.proctor.sessions() if s.code == "DEMO-T5")


@pytest.fixture
def chinese():
    translator = QTranslator()
    assert translator.load(str(i18n.qm_file("zh_CN")))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def seat_rows(console: ProctorConsole) -> dict[str, tuple[str, str, str, str]]:
    """seat -> (candidates, status, reason, status tooltip) as the panel shows them."""
    table = console.readiness.table
    return {
        table.item(row, SEAT).text(): (table.item(row, CANDIDATES).text(), table.item(row, STATUS).text(),
                                       table.item(row, REASON).text(), table.item(row, STATUS).toolTip())
        for row in range(table.rowCount())
    }  # fmt: skip


def seat_people(proctor, theory, station):
    rows = proctor.proctor.session_overview(theory)
    first, second, third = (next(r for r in rows if r.ticket == p[0]) for p in FREE)
    proctor.proctor.check_in(first.candidate_id, "PC-01")
    proctor.proctor.check_in(second.candidate_id, "PC-02")
    proctor.proctor.check_in(third.candidate_id, "PC-03")
    station("PC-01").public.report_readiness(report(FINE, SMALL, CLOCK))
    station("PC-02").public.report_readiness(report(FINE, CLOCK))
    return first, second, third


def test_the_console_shows_each_seat_with_its_verdict_and_reasons(qtbot, proctor, theory, station):
    first, _second, _third = seat_people(proctor, theory, station)
    console = ProctorConsole(proctor, theory)
    qtbot.addWidget(console)
    shown = seat_rows(console)
    assert set(shown) == {"PC-01", "PC-02", "PC-03"}
    candidates, status, reason, tip = shown["PC-01"]
    assert (candidates, status) == (first.ticket, "NOT READY")
    assert "the screen shows 1280×720: ExamDesk needs at least 1366×768" in reason
    assert "this PC's clock is 7.5 s behind the centre's" in reason
    assert "free in" not in reason  # a READY check is no reason
    assert "[READY] Disk: 9000 MB free in /d" in tip  # every check on hover
    assert shown["PC-02"][1] == "WARNING"
    assert shown["PC-03"][1:3] == ("not reported", "")
    assert console.readiness.summary.text() == "0 ready, 1 with warnings, 1 not ready, 1 not reported"
    # the worst first
    assert [console.readiness.table.item(n, SEAT).text() for n in range(3)] == ["PC-01", "PC-03", "PC-02"]


def test_the_seats_fold_away_for_the_grid(qtbot, proctor, theory):
    console = ProctorConsole(proctor, theory)
    qtbot.addWidget(console)
    console.show()
    panel = console.readiness
    assert panel.table.isVisible()
    qtbot.mouseClick(panel.toggle, Qt.MouseButton.LeftButton)
    assert not panel.table.isVisible() and panel.summary.isVisible()
    assert panel.toggle.text() == "Show seats"
    qtbot.mouseClick(panel.toggle, Qt.MouseButton.LeftButton)
    assert panel.table.isVisible()


def test_a_new_report_shows_on_the_next_refresh(qtbot, proctor, theory, station):
    seat_people(proctor, theory, station)
    console = ProctorConsole(proctor, theory)
    qtbot.addWidget(console)
    station("PC-01").public.report_readiness(report(FINE))  # fixed: the latest report wins
    console.refresh()
    assert seat_rows(console)["PC-01"][1] == "READY"


def test_the_seats_read_in_chinese(qtbot, proctor, theory, station, chinese):
    seat_people(proctor, theory, station)
    console = ProctorConsole(proctor, theory)
    qtbot.addWidget(console)
    _candidates, status, reason, tip = seat_rows(console)["PC-01"]
    assert status == "未就绪"
    assert "屏幕显示区域为 1280×720：ExamDesk 至少需要 1366×768" in reason
    assert "本机时钟比考点服务慢 7.5 秒" in reason
    assert "【就绪】磁盘：/d 可用空间 9000 MB" in tip
    assert seat_rows(console)["PC-03"][1] == "未上报"
    assert console.readiness.title() == "机位就绪情况"


def test_a_failed_readiness_read_leaves_the_grid_working(qtbot, proctor, theory, monkeypatch):
    from app.api.errors import ApiError

    def refuse(session_id):
        raise ApiError("refused", "no such call: {method}", {"method": "proctor.readiness"})

    monkeypatch.setattr(proctor.proctor, "readiness", refuse)
    console = ProctorConsole(proctor, theory)
    qtbot.addWidget(console)
    assert console.model.rowCount() == 8 and console.timer.isActive()
    assert console.readiness.summary.text() == "Seat readiness could not be read: no such call: proctor.readiness"
    monkeypatch.delattr(proctor.proctor, "readiness")  # the call works again
    console.refresh()  # read again, no seats as before: the line no longer says it failed
    assert console.readiness.summary.text() == "0 ready, 0 with warnings, 0 not ready, 0 not reported"


def test_an_unchanged_refresh_leaves_the_seats_as_they_are(qtbot, proctor, theory, station):
    seat_people(proctor, theory, station)
    console = ProctorConsole(proctor, theory)
    qtbot.addWidget(console)
    console.readiness.table.selectRow(1)
    first = console.readiness.table.item(0, STATUS)
    console.refresh()
    assert console.readiness.table.item(0, STATUS) is first  # not drawn again
    assert console.readiness.table.currentRow() == 1


# -- the candidate station ---------------------------------------------------------------------------


def probe(tmp_path, screens=((1920, 1080),), gate: threading.Event | None = None) -> ReadinessProbe:
    """The real check on made-up facts: this machine's screens, fonts and hypervisor never decide."""
    check = functools.partial(readiness.run_check, machine=MachineFacts)

    def run(*args, **kwargs):
        if gate is not None:
            assert gate.wait(10)
        return check(*args, **kwargs)

    return ReadinessProbe(tmp_path / "station", "R101", lambda: DisplayFacts(screens, ("Noto Sans CJK SC",)), run)


def latest(signed_in, name: str):
    admin = signed_in("admin")
    seat = next((s for s in admin.admin.readiness() if s.station == name), None)
    admin.sign_out()
    return seat


def test_the_station_checks_itself_at_start_and_reports(qtbot, station, signed_in, tmp_path):
    desk = CandidateStation(station("PC-07"), min_rules_seconds=0, readiness=probe(tmp_path))
    qtbot.addWidget(desk)
    bar = desk.readiness
    assert bar is not None
    with qtbot.waitSignal(bar.checked, timeout=10_000):
        pass
    seat = latest(signed_in, "PC-07")
    assert (seat.status, seat.room) == (Readiness.READY, "R101")
    assert bar.line.text() == "This PC: READY"
    assert "[READY] Screen: one screen of 1920×1080" in bar.line.toolTip()


def test_the_check_runs_again_on_demand_and_the_latest_wins(qtbot, station, signed_in, tmp_path):
    facts = probe(tmp_path)
    desk = CandidateStation(station("PC-07"), readiness=facts)
    qtbot.addWidget(desk)
    bar = desk.readiness
    assert bar is not None
    qtbot.waitUntil(lambda: not bar.checking, timeout=10_000)
    bar.probe = probe(tmp_path, screens=((1280, 720),))  # someone changed the display scaling
    with qtbot.waitSignal(bar.checked, timeout=10_000):
        qtbot.mouseClick(bar.button, Qt.MouseButton.LeftButton)
    assert latest(signed_in, "PC-07").status is Readiness.NOT_READY
    assert bar.line.text().startswith("This PC: NOT READY (Screen: the screen shows 1280×720")


def test_the_login_page_does_not_wait_for_the_check(qtbot, station, tmp_path):
    gate = threading.Event()
    seat = station("PC-08", seated=FREE[0][0])
    desk = CandidateStation(seat, min_rules_seconds=0, readiness=probe(tmp_path, gate=gate))
    qtbot.addWidget(desk)
    desk.show()
    bar = desk.readiness
    assert bar is not None and bar.checking  # still checking...
    ticket, _name, number, _ = FREE[0]
    qtbot.keyClicks(desk.login_page.ticket, ticket)
    qtbot.keyClicks(desk.login_page.id_number, number)
    qtbot.mouseClick(desk.login_page.button, Qt.MouseButton.LeftButton)
    assert desk.stack.currentWidget() is desk.confirm_page  # ...and the candidate is signed in meanwhile
    assert not bar.isVisible()  # the line belongs to the login page only
    gate.set()
    qtbot.waitUntil(lambda: not bar.checking, timeout=10_000)
    assert desk.flow.identity is not None  # the check's own client did not touch the candidate's sign-in


def test_a_report_the_centre_refuses_is_said_on_the_line(qtbot, station, tmp_path, server_transport):
    server, _loopback = server_transport
    server.enrolled = lambda name: False
    desk = CandidateStation(station("PC-09"), readiness=probe(tmp_path))
    qtbot.addWidget(desk)
    bar = desk.readiness
    assert bar is not None
    with qtbot.waitSignal(bar.checked, timeout=10_000):
        pass
    assert "Not reported to the centre: station PC-09 is not enrolled at this centre" in bar.line.text()


def test_without_a_probe_the_station_checks_nothing(qtbot, station):
    desk = CandidateStation(station("PC-10"))
    qtbot.addWidget(desk)
    assert desk.readiness is None


def test_the_screenshot_console_shows_every_verdict(qtbot, signed_in):
    from app.ui.proctor import build_for_screenshot

    console = build_for_screenshot(signed_in, PEOPLE)
    qtbot.addWidget(console)
    assert {seat.status for seat in console.readiness.seats} == {*Readiness, None}
