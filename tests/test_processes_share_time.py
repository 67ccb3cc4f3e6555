"""A proctor and two candidate stations in three processes on one store see one exam time.

Each process runs tests/station_process.py on a machine clock the test moves on (a file every
process reads, as processes of one boot read CLOCK_BOOTTIME). Before boot epochs, each process
had an epoch of its own and read the others' time as stopped: the proctor saw an answering
candidate as interrupted and a pause did not pause the stations.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.store.clock import FakeMachineClock, SystemMachineClock
from tests.conftest import REPO
from tests.store_fixtures import build_world, fresh_url

DURATION = 5400.0


class Station:
    def __init__(self, url: str, clock_file: Path):
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.station_process", url, str(clock_file)], cwd=REPO, env=env,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8",
        )  # fmt: skip

    def ask(self, command: str, **args):
        assert self.process.stdin and self.process.stdout
        self.process.stdin.write(json.dumps({"command": command, **args}) + "\n")
        self.process.stdin.flush()
        reply = json.loads(self.process.stdout.readline())
        assert "error" not in reply, reply.get("trace")
        return reply["ok"]

    def refused(self, command: str, **args) -> str:
        assert self.process.stdin and self.process.stdout
        self.process.stdin.write(json.dumps({"command": command, **args}) + "\n")
        self.process.stdin.flush()
        reply = json.loads(self.process.stdout.readline())
        assert "error" in reply, f"{command} was not refused"
        return reply["error"]

    def close(self) -> None:
        if self.process.stdin:
            self.process.stdin.close()  # the station ends at the end of its input
        # a blocking wait: under faketime (CI's run a year ahead) a timed wait's sleep fails with EINVAL
        self.process.wait()


@pytest.fixture
def room(tmp_path):
    url = fresh_url("sqlite", tmp_path)
    world = build_world(url, duration=DURATION)
    session_id = world.session_id
    world.db.close()
    clock_file = tmp_path / "machine-seconds"
    clock_file.write_text("1000.0", encoding="ascii")
    stations = [Station(url, clock_file) for _ in range(3)]
    yield session_id, clock_file, stations
    for station in stations:
        station.close()


def test_a_proctor_and_two_stations_in_three_processes_agree_on_time(room):
    session_id, clock_file, (proctor, first, second) = room

    def advance(seconds: float) -> None:
        clock_file.write_text(str(float(clock_file.read_text()) + seconds), encoding="ascii")

    def everyone() -> dict[str, tuple[str, float]]:
        """Each candidate's time as their own station and as the proctor's console show it."""
        seen = proctor.ask("overview", session=session_id)
        stations = {"T001": first.ask("view"), "T002": second.ask("view")}
        for ticket, station in stations.items():
            assert seen[ticket]["remaining"] == pytest.approx(station["remaining"], abs=1.0), ticket
        return {ticket: (seen[ticket]["state"], round(seen[ticket]["remaining"])) for ticket in stations}

    epochs = {proctor.ask("proctor", username="proctor1", password="proctor-pass-1")}
    proctor.ask("start", session=session_id)
    logins = [first.ask("candidate", ticket="T001", station="PC-01"),
              second.ask("candidate", ticket="T002", station="PC-02")]  # fmt: skip
    epochs |= {login["epoch"] for login in logins}
    assert len(epochs) == 1  # one machine, one boot: one clock epoch for every process

    advance(600)
    first.ask("save", slot=0, value="B")
    assert everyone() == {"T001": ("answering", 4800), "T002": ("answering", 4800)}
    assert first.ask("view")["state"] == "running" and second.ask("view")["state"] == "running"

    proctor.ask("pause", session=session_id, reason="停电")  # the whole room
    advance(300)
    assert "paused" in first.refused("save", slot=1, value="A")  # the station in another process stops
    assert first.ask("view") == {"state": "paused", "remaining": 4800}
    assert everyone() == {"T001": ("paused", 4800), "T002": ("paused", 4800)}  # a pause costs no time

    proctor.ask("extend", session=session_id, attempt=logins[0]["attempt"], seconds=600)  # for T001 only
    proctor.ask("resume", session=session_id)
    advance(60)
    assert everyone() == {"T001": ("answering", 5340), "T002": ("answering", 4740)}
    assert first.ask("save", slot=1, value="A") == pytest.approx(5340)

    proctor.ask("pause", session=session_id, attempt=logins[1]["attempt"], reason="身体不适")  # T002 alone
    advance(120)
    assert everyone() == {"T001": ("answering", 5220), "T002": ("paused", 4740)}
    assert "paused" in second.refused("save", slot=0, value="C")


def test_processes_of_one_boot_read_one_machine_clock(tmp_path):
    """Two processes read the same boot and seconds that continue each other's."""
    script = "from app.store.clock import SystemMachineClock as C; c = C(); print(c.boot(), c.now())"
    readings = []
    for _ in range(2):
        done = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, check=True)
        boot, seconds = done.stdout.split()
        readings.append((boot, float(seconds)))
    here = SystemMachineClock()
    assert readings[0][0] == readings[1][0] == here.boot()
    assert readings[0][1] <= readings[1][1] <= here.now()


def test_a_restarted_machine_is_a_new_epoch_and_the_same_boot_is_joined(tmp_path):
    world = build_world(fresh_url("sqlite", tmp_path))
    same = world.reopen()
    assert same.db.epoch == world.db.epoch  # another process of the same boot
    later = same.reopen(machine=FakeMachineClock(5.0, boot="after a restart"))
    assert later.db.epoch > same.db.epoch
    later.db.close()
