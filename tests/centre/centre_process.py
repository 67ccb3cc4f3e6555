"""A centre service in a process of its own, on a test world's store: `python -m tests.centre.centre_process
URL DATA_DIR PORT`. Its wall clock is the test world's exam day (no test depends on today's date); its
exam time runs on the machine's real monotonic clock, as in production."""

from __future__ import annotations

import sys
from pathlib import Path

from app.centre import run
from app.services.backend import Backend
from app.store.database import Database
from tests.store_fixtures import PASSPHRASE, exam_day_clock, shared_catalog


def main(url: str, data_dir: str, port: str) -> None:
    run.serve_backend(lambda: Backend.over(Database.open(url, PASSPHRASE, clock=exam_day_clock()), shared_catalog()),
                      Path(data_dir), PASSPHRASE, f"127.0.0.1:{port}")  # fmt: skip


if __name__ == "__main__":
    main(*sys.argv[1:4])
