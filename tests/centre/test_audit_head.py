"""The stations hold the centre's audit head: a centre whose store was put back to an earlier copy
is caught by what they hold (app/station/audit_head.py, app/centre/heads.py)."""

from __future__ import annotations

import json
import shutil
import stat
import threading
from pathlib import Path

import httpx
import pytest

from app import cli
from app.centre.heads import HeadWatch
from app.services.audit_log import AuditService
from app.station.audit_head import FILE, AuditHead, HeadKeeper
from app.store.database import Database
from tests.centre.harness import CentreRun, StationRun
from tests.store_fixtures import PASSPHRASE, build_world, exam_day_clock, fresh_url

_WAIT = threading.Event()  # never set: a timed wait that works under libfaketime
A, B, C = "a" * 64, "b" * 64, "c" * 64


# --- the station's keeper -------------------------------------------------------------------------


def test_a_station_keeps_the_latest_head_and_never_goes_back(tmp_path):
    keeper = HeadKeeper(tmp_path, "CENTRE1")
    assert keeper.see(f"5:{A}") is None and keeper.see(f"9:{B}") is None
    assert stat.S_IMODE((tmp_path / FILE).stat().st_mode) == 0o600
    lower = keeper.see(f"7:{C}")
    assert lower is not None and lower.held == f"9:{B}" and lower.told == f"7:{C}"
    assert keeper.see(f"9:{C}") is not None  # the same entry with another MAC: written again since
    assert keeper.held() == AuditHead(9, B)
    again = HeadKeeper(tmp_path, "CENTRE1")  # what the station folder holds, after a restart of the station
    assert again.head == AuditHead(9, B)
    assert [x.told for x in again.lower] == [f"7:{C}", f"9:{C}"]
    assert HeadKeeper(tmp_path, "ANOTHER").head is None  # enrolled with another centre: starts afresh


def test_two_processes_of_one_station_never_write_the_head_back(tmp_path):
    screens, command_line = HeadKeeper(tmp_path, "C"), HeadKeeper(tmp_path, "C")
    screens.see(f"5:{A}")
    command_line.see(f"9:{B}")
    assert screens.see(f"7:{C}") is not None  # the file holds 9, kept by the other process: 7 is behind it
    assert HeadKeeper(tmp_path, "C").head == AuditHead(9, B)


def test_a_station_ignores_what_is_not_a_head(tmp_path):
    keeper = HeadKeeper(tmp_path, "C")
    assert keeper.see(None) is None and keeper.see("garbage") is None and keeper.see("") is None
    assert keeper.held() is None and not (tmp_path / FILE).exists()


# --- the centre's watch ---------------------------------------------------------------------------


class _Store:
    def __init__(self) -> None:
        self.entries = {1: A, 2: B}
        self.reads = 0

    def head(self) -> AuditHead:
        self.reads += 1
        last = max(self.entries)
        return AuditHead(last, self.entries[last])

    def mac(self, seq: int) -> str | None:
        self.reads += 1
        return self.entries.get(seq)


def test_the_centre_reads_its_head_once_per_interval_not_per_call():
    store, now = _Store(), [0.0]
    watch = HeadWatch(store.head, store.mac, refresh_seconds=1.0, monotonic=lambda: now[0])
    for _ in range(100):
        assert watch.current() == AuditHead(2, B)
        assert watch.check("PC-01", f"2:{B}") is None  # a head it told: checked in memory
    assert store.reads == 1
    store.entries[3] = C
    now[0] = 1.5
    assert watch.current() == AuditHead(3, C) and store.reads == 2
    assert watch.check("PC-02", f"1:{A}") is None and store.reads == 3  # not told by this process: read once
    assert watch.check("PC-02", f"1:{A}") is None and store.reads == 3
    assert watch.alarm is None and watch.held() == {"PC-01": f"2:{B}", "PC-02": f"1:{A}"}


def test_the_centre_sees_a_station_hold_a_head_its_store_lost():
    store = _Store()
    watch = HeadWatch(store.head, store.mac)
    seen = watch.check("PC-07", f"5:{C}")  # beyond the store's end
    assert seen is not None and "ends at entry 2" in seen.message and "store verify --head 5:" in seen.message
    assert watch.check("PC-08", f"2:{C}") is not None  # another MAC at that entry: written again since
    assert watch.alarm is not None and watch.alarm.station == "PC-07" and watch.alarms == 2


# --- a station against a centre (processes of their own, SQLite) -----------------------------------


def _store_file(centre: CentreRun) -> Path:
    return Path(centre.url.removeprefix("sqlite:///"))


def _held(folder: Path) -> dict:
    path = folder / FILE
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def _head_of(url: str) -> AuditHead:
    db = Database.open(url, PASSPHRASE, clock=exam_day_clock())
    try:
        head = AuditService(db).head()
    finally:
        db.close()
    return AuditHead(head.seq, head.mac)


def _until_held_beyond(seat: StationRun, folder: Path, seq: int) -> AuditHead:
    """Call the centre until the station holds a head beyond `seq` (the centre reads its head once a second)."""
    for _ in range(50):
        seat.ask("sign_in", username="admin", password="admin-pass-1")
        text = _held(folder).get("head", "")
        if text and AuditHead.parse(text).seq > seq:
            return AuditHead.parse(text)
        _WAIT.wait(0.2)
    raise AssertionError(f"the station never held a head beyond {seq}: {_held(folder)}")


@pytest.mark.centre
def test_a_centre_put_back_to_an_earlier_copy_is_caught_by_a_stations_head(tmp_path, capsys):
    world = build_world(fresh_url("sqlite", tmp_path))
    world.db.close()
    centre = CentreRun(world, tmp_path / "centre")
    folder = tmp_path / "R101-A"
    centre.start()
    centre.enrol("R101-A", folder)
    centre.stop()
    db_file = _store_file(centre)
    older = tmp_path / "older"
    older.mkdir()
    for path in db_file.parent.glob(db_file.name + "*"):  # the copy someone puts back later (with its -wal)
        shutil.copy2(path, older / path.name)
    copied_head = _head_of(centre.url)
    centre.start()
    seat = StationRun(folder)
    try:
        # a few entries on: after the rollback, the same sign-in on the test's fixed clock writes the same entry again
        held = _until_held_beyond(seat, folder, copied_head.seq + 2)  # the store holds what the station was told
        db = Database.open(centre.url, PASSPHRASE, clock=exam_day_clock())
        try:
            assert AuditService(db).rollback_against(held) is None
        finally:
            db.close()
        assert cli.main(["station", "audit-head", "--station-dir", str(folder)]) == 0
        assert capsys.readouterr().out.strip() == str(held)

        centre.stop()  # the data folder is put back to the earlier copy
        for path in db_file.parent.glob(db_file.name + "*"):
            path.unlink()
        for path in older.iterdir():
            shutil.copy2(path, db_file.parent / path.name)
        centre.start()
        seat.ask("sign_in", username="admin", password="admin-pass-1")  # the station presents the head it holds

        kept = _held(folder)
        assert kept["head"] == str(held)  # never goes back
        assert kept["lower_seen"] and kept["lower_seen"][0]["held"] == str(held)
        assert cli.main(["station", "audit-head", "--station-dir", str(folder)]) == 1
        assert "ROLLED BACK" in capsys.readouterr().out
        health = httpx.get(f"{centre.address}/health", verify=False, timeout=5).json()
        assert f"holds audit head {held.seq}" in health["rolled_back"]
        shown = seat.call("admin.audit_head")  # what the admin's Stations tab shows
        assert shown["rollback"] and shown["rollbacks"] >= 1
        assert {"station": "R101-A", "head": str(held)} in shown["stations"]
        db = Database.open(centre.url, PASSPHRASE, clock=exam_day_clock())  # store verify --head, given it
        try:
            assert "was put back to an earlier copy" in (AuditService(db).rollback_against(held) or "")
        finally:
            db.close()
    finally:
        seat.close()
        centre.stop()
