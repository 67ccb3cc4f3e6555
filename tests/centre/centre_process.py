"""A centre service in a process of its own, on a test world's store: `python -m tests.centre.centre_process
URL DATA_DIR PORT [WORKERS]`. Its wall clock is the test world's exam day (no test depends on today's date); its
exam time runs on the machine's real monotonic clock, as in production. With EXAMDESK_TEST_BOOT set it
takes that as its boot's name: the service runs as if on another PC (a promoted standby's)."""

from __future__ import annotations

import functools
import os
import sys
from pathlib import Path

from app.centre import run
from app.services.backend import Backend
from app.store.clock import SystemMachineClock
from app.store.database import Database
from tests.store_fixtures import PASSPHRASE, exam_day_clock, shared_catalog


class OtherPcClock(SystemMachineClock):
    """This machine's boot-wide clock under another boot's name: a new clock epoch, as on another PC."""

    def __init__(self, boot: str):
        super().__init__()
        self._boot = boot


def open_backend(url: str, boot: str) -> Backend:
    """The services over the test world's store (in each worker process when several serve)."""
    machine = OtherPcClock(boot) if boot else None
    return Backend.over(Database.open(url, PASSPHRASE, clock=exam_day_clock(), machine=machine), shared_catalog())


def main(url: str, data_dir: str, port: str, workers: str = "1") -> None:
    opener = functools.partial(open_backend, url, os.environ.get("EXAMDESK_TEST_BOOT", ""))
    run.serve_backend(opener, Path(data_dir), PASSPHRASE, f"127.0.0.1:{port}", workers=int(workers))


if __name__ == "__main__":
    main(*sys.argv[1:5])
