"""`examdesk station check`: the report printed or as JSON, reported to the centre, and the exit
status by the verdict (0 READY, 1 WARNING, 2 NOT READY); on made-up screens and machine facts."""

from __future__ import annotations

import json

import pytest

from app.cli import main
from app.station import readiness
from app.station.readiness import DisplayFacts, MachineFacts
from tests.store_fixtures import PASSPHRASE, build_world, fresh_url


@pytest.fixture
def store(tmp_path, monkeypatch):
    world = build_world(fresh_url("sqlite", tmp_path))
    world.db.close()
    monkeypatch.setenv("EXAMDESK_PASSPHRASE", PASSPHRASE)
    return tmp_path


CLEAN = MachineFacts()


def facts(monkeypatch, screens=((1920, 1080),), machine=CLEAN):
    monkeypatch.setattr("app.ui.widgets.readiness.command_line_display_facts",
                        lambda: DisplayFacts(screens, ("Noto Sans CJK SC",)))  # fmt: skip
    monkeypatch.setattr(readiness, "machine_facts", lambda: machine)


@pytest.mark.parametrize(
    ("screens", "machine", "status", "code"),
    [
        (((1920, 1080),), MachineFacts(), "ready", 0),
        (((1920, 1080),), MachineFacts(detect_virt="kvm"), "warning", 1),
        (((1280, 720),), MachineFacts(), "not_ready", 2),
    ],
)
def test_the_exit_status_is_the_verdict(store, monkeypatch, capsys, screens, machine, status, code):
    facts(monkeypatch, screens, machine)
    assert main(["station", "check", "--data", str(store), "--station", "PC-07", "--json"]) == code
    out = json.loads(capsys.readouterr().out)
    assert (out["station"], out["status"], out["reported"]) == ("PC-07", status, True)
    assert [c["check"] for c in out["checks"]][:3] == ["centre", "clock", "version"]
    assert all({"check", "status", "reason", "template", "params"} <= set(c) for c in out["checks"])


def test_the_report_reaches_the_store_and_the_text_names_each_check(store, monkeypatch, capsys):
    facts(monkeypatch, ((1280, 720),))
    assert main(["station", "check", "--data", str(store), "--station", "PC-08", "--room", "101"]) == 2
    text = capsys.readouterr().out
    assert text.splitlines()[0] == "PC-08: NOT READY"
    assert "the screen shows 1280×720: ExamDesk needs at least 1366×768" in text
    assert text.rstrip().endswith("reported to the centre as NOT READY")
    from app.store.database import Database, sqlite_url
    from app.store.models import StationReadiness

    db = Database.open(sqlite_url(store / "examdesk.db"), PASSPHRASE)
    try:
        with db.reader() as s:
            row = s.query(StationReadiness).one()
            assert (row.station, row.status, row.room) == ("PC-08", "not_ready", "101")
    finally:
        db.close()


def test_no_report_only_prints(store, monkeypatch, capsys):
    facts(monkeypatch)
    assert main(["station", "check", "--data", str(store), "--no-report", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["reported"] is False
