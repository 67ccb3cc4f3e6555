"""The admin's item analysis tab: a closed theory session's figures, charts, items and files."""

from __future__ import annotations

import csv
import io

import pytest

from app.api.local import local_client
from app.api.server import Server
from app.demo import DEMO_PASSWORDS, run_demo
from app.security.envelope import FAST_KDF
from app.services.backend import Backend
from app.ui.admin import AdminHome
from app.ui.admin.analysis_tab import AnalysisTab
from app.ui.admin.common import Files

PASSPHRASE = "demo passphrase x1"


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """A closed theory session DEMO-T5 of 12 candidates (one terminated), a skill session DEMO-S5."""
    root = tmp_path_factory.mktemp("analysis-ui")
    return run_demo(root / "data", root / "out", kdf=FAST_KDF, candidates=12, passphrase=PASSPHRASE)


@pytest.fixture
def closed(demo):
    b = Backend.open(demo.data, PASSPHRASE)
    yield b
    b.close()


@pytest.fixture(params=["in_process", "loopback"])
def admin(request, closed):
    """The admin's client of the closed demo: in process, and again through JSON (the analysis crosses as data)."""
    client = local_client(Server(closed), "TEST-PC", loopback=request.param == "loopback")
    client.sign_in("admin", DEMO_PASSWORDS["admin"])
    return client


@pytest.fixture
def tab(qtbot, admin):
    widget = AnalysisTab(admin)
    qtbot.addWidget(widget)
    widget.resize(1366, 700)
    widget.refresh()
    return widget


def choose(tab, code):
    index = next(i for i in range(tab.session.count()) if tab.session.infos[tab.session.itemData(i)].code == code)
    tab.session.setCurrentIndex(index)


def analysed(qtbot, tab, code):
    with qtbot.waitSignal(tab.analysed, timeout=60_000) as blocker:
        choose(tab, code)
    return blocker.args[0]


def test_a_closed_theory_session_shows_its_figures_charts_and_items(qtbot, qtmodeltester, tab):
    result = analysed(qtbot, tab, "DEMO-T5")
    assert result.session == "DEMO-T5"
    assert "11 candidates" in tab.summary.text() and "60 per paper" in tab.summary.text()
    assert "Fewer than 30 candidates (11)" in tab.caveats.text()
    assert "Left out: 1 terminated." in tab.caveats.text()
    for chart in (tab.histogram, tab.scatter, tab.areas):
        assert not chart.pixmap().isNull() and chart.pixmap().width() > 300
    assert tab.model.rowCount() == len(result.analysis.items)
    assert set(tab.model.keys) == {i.item.version for i in result.analysis.items}
    flagged = [bool(row[9]) for row in tab.model.rows]
    assert flagged == sorted(flagged, reverse=True)  # the items to revise first
    assert all(row[3].endswith("*") for row in tab.model.rows)  # no item of 11 papers is stable
    assert tab.pdf_button.isEnabled() and tab.csv_button.isEnabled()
    qtmodeltester.check(tab.model)


def test_a_session_that_is_not_a_closed_theory_session_is_not_analysed(qtbot, tab):
    analysed(qtbot, tab, "DEMO-T5")
    choose(tab, "DEMO-S5")
    assert "is not one" in tab.summary.text()
    assert tab.model.rowCount() == 0 and tab.histogram.pixmap().isNull()
    assert not tab.pdf_button.isEnabled() and not tab.csv_button.isEnabled()


def test_the_pdf_report_and_the_csv_are_saved(qtbot, tab, monkeypatch, tmp_path):
    result = analysed(qtbot, tab, "DEMO-T5")
    pdf, table = tmp_path / "report.pdf", tmp_path / "items.csv"
    monkeypatch.setattr(Files, "save_path", staticmethod(lambda *a: pdf))
    with qtbot.waitSignal(tab.saved, timeout=60_000):
        tab.pdf_button.click()
    assert pdf.read_bytes().startswith(b"%PDF") and "Saved" in tab.message.text()
    monkeypatch.setattr(Files, "save_path", staticmethod(lambda *a: table))
    with qtbot.waitSignal(tab.saved, timeout=60_000):
        tab.csv_button.click()
    rows = list(csv.DictReader(io.StringIO(table.read_text(encoding="utf-8-sig"))))
    assert [r["version"] for r in rows] == [i.item.version for i in result.analysis.items]


def test_the_admin_keeps_the_sessions_item_figures_for_assembly(qtbot, tab, closed):
    from sqlalchemy import func, select

    from app.store.models import ItemStatistic

    result = analysed(qtbot, tab, "DEMO-T5")
    assert tab.keep_button.isEnabled()
    with qtbot.waitSignal(tab.kept, timeout=60_000) as blocker:
        tab.keep_button.click()
    assert blocker.args[0] == len(result.analysis.items)
    assert f"Kept the figures of {len(result.analysis.items)} items" in tab.message.text()
    with closed.db.reader() as s:
        kept = s.scalar(select(func.count(func.distinct(ItemStatistic.item_version))))
    assert kept == len(result.analysis.items)
    choose(tab, "DEMO-S5")
    assert not tab.keep_button.isEnabled()


def test_a_file_that_cannot_be_written_is_reported(qtbot, tab, monkeypatch, tmp_path, answers):
    analysed(qtbot, tab, "DEMO-T5")
    monkeypatch.setattr(Files, "save_path", staticmethod(lambda *a: tmp_path / "missing" / "items.csv"))
    tab.csv_button.click()
    qtbot.waitUntil(lambda: bool(answers["errors"]), timeout=10_000)
    assert "Cannot write" in answers["errors"][0]
    assert tab.csv_button.isEnabled()


def test_the_admin_home_has_the_tab(qtbot, admin):
    home = AdminHome(admin)
    qtbot.addWidget(home)
    assert home.tabs.tabText(5) == "&6 Item analysis" and home.tabs.widget(5) is home.analysis
