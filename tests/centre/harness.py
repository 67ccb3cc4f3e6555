"""A real centre service and real station processes on loopback, for centre-mode tests."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import httpx

from app.centre import run, tls
from app.services.stations import StationService
from app.station.enrolment import StationConfig, enrol
from app.store.database import Database
from tests.conftest import REPO
from tests.store_fixtures import PASSPHRASE, World, exam_day_clock

_WAIT = threading.Event()  # never set: its timed wait is a sleep that works under libfaketime


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO)}


class CentreRun:
    """The centre service of `world`'s store in a process of its own, with TLS from a fresh CA."""

    def __init__(self, world: World, folder: Path, *, standby_port: int | None = None, workers: int = 1):
        """`standby_port`: the centre has a standby whose service will listen there (stations are
        given both addresses at enrolment, as `examdesk centre init --address ... --address ...`).
        `workers`: processes serving it (app/centre/workers.py)."""
        self.url, self.admin, self.folder, self.workers = world.url, world.admin, folder, workers
        self.port = free_port()
        self.address = f"https://127.0.0.1:{self.port}"
        made = tls.create(folder / run.CENTRE_FOLDER, "C01", ["127.0.0.1", "localhost"], PASSPHRASE)
        standby = [f"https://127.0.0.1:{standby_port}"] if standby_port else []
        run.CentreConfig([self.address, *standby]).write(folder)
        self.ca_pem = made.ca_pem
        self.process: subprocess.Popen[str] | None = None
        self.log = folder / "centre.log"
        self.env: dict[str, str] = {}

    def on_standby(self, url: str, port: int) -> CentreRun:
        """The centre service of the promoted standby: the same CA and certificates (copied to the
        standby PC with the data folder), its store at `url`, listening at the standby's address."""
        twin = object.__new__(CentreRun)
        twin.url, twin.admin, twin.folder, twin.ca_pem = url, self.admin, self.folder, self.ca_pem
        twin.port, twin.address, twin.process, twin.workers = port, f"https://127.0.0.1:{port}", None, 1
        twin.log = self.folder / "centre-standby.log"
        twin.env = {"EXAMDESK_TEST_BOOT": "the-standby-pc"}  # another PC: its machine clock is a new epoch
        return twin

    def start(self) -> None:
        with self.log.open("a") as log:
            argv = [sys.executable, "-m", "tests.centre.centre_process", self.url, str(self.folder), str(self.port),
                    str(self.workers)]  # fmt: skip
            self.process = subprocess.Popen(argv, cwd=REPO, env={**_env(), **self.env}, stdout=log,
                                            stderr=subprocess.STDOUT, text=True)  # fmt: skip
        for _ in range(600):
            if self.process.poll() is not None:
                raise AssertionError(f"the centre did not start: {self.log.read_text()}")
            try:
                if httpx.get(f"{self.address}/health", verify=False, timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            _WAIT.wait(0.1)
        raise AssertionError(f"the centre did not answer within a minute: {self.log.read_text()}")

    def kill(self) -> None:
        """SIGKILL: no shutdown, no flush; what was committed must be all there is."""
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait()

    def code_for(self, station: str) -> str:
        """What the admin's screen shows for enrolling `station` (the admin acts on the store here,
        as `examdesk centre enrol-code` does on the centre server)."""
        db = Database.open(self.url, PASSPHRASE, clock=exam_day_clock())
        try:
            code = StationService(db).issue_code(self.admin, station)
        finally:
            db.close()
        return tls.display_code(code.secret, self.ca_pem)

    def enrol(self, station: str, folder: Path) -> StationConfig:
        return enrol(self.address, self.code_for(station), station, folder)


class StationRun:
    """A station PC: a process of its own using its enrolment in `folder`."""

    def __init__(self, folder: Path):
        self.process = subprocess.Popen([sys.executable, "-m", "tests.centre.station_process", str(folder)],
                                        cwd=REPO, env=_env(), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        text=True, encoding="utf-8")  # fmt: skip

    def _send(self, command: str, **args: Any) -> dict[str, Any]:
        assert self.process.stdin and self.process.stdout
        self.process.stdin.write(json.dumps({"command": command, **args}, ensure_ascii=False) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        assert line, "the station process died"
        return json.loads(line)

    def ask(self, command: str, **args: Any) -> Any:
        reply = self._send(command, **args)
        assert "error" not in reply, reply["error"]
        return reply["ok"]

    def call(self, method: str, **args: Any) -> Any:
        return self.ask("call", method=method, args=args)

    def refused(self, command: str, **args: Any) -> dict[str, str]:
        reply = self._send(command, **args)
        assert "error" in reply, f"{command} was not refused: {reply}"
        return reply["error"]

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def close(self) -> None:
        if self.process.poll() is None and self.process.stdin:
            self.process.stdin.close()
            self.process.wait()
