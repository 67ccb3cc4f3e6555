"""A SQLite centre has no standby: it copies its store to a second disk (or a share on another
PC) every few minutes, with SQLite's online backup API, while the exam goes on.

Each copy is a complete, consistent store file (the backup API copies pages under a read
transaction; writers are not stopped), written beside the target as a temporary file, synced, then
renamed over the previous copy, so a copy is never half written. Its fields are encrypted under
the data key like the store's (the copy opens only with the centre passphrase) and its audit chain
proves it unchanged (`examdesk audit verify --url sqlite:///COPY`). `latest.json` beside it says
when the last copy was made and from which audit entry; the admin screen shows its age.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

log = logging.getLogger(__name__)
COPY_NAME, STATUS_NAME = "examdesk-copy.db", "latest.json"
DEFAULT_MINUTES = 5.0


@dataclass(frozen=True)
class CopyStatus:
    made_at: str  # ISO 8601, UTC
    path: str
    bytes: int
    audit_head: int  # the last audit entry the copy holds


def copy_store(source: Path, target_dir: Path, now: datetime | None = None) -> CopyStatus:
    """One consistent copy of the SQLite store at `source` into `target_dir` (replacing the last)."""
    target_dir.mkdir(parents=True, exist_ok=True)
    temporary = target_dir / (COPY_NAME + ".part")
    temporary.unlink(missing_ok=True)
    with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as reader, sqlite3.connect(temporary) as writer:
        reader.backup(writer, pages=1024)  # in steps: the store's writers wait for no more than a step
        head = writer.execute("SELECT COALESCE(MAX(seq), 0) FROM audit_entries").fetchone()[0]
    with open(temporary, "rb") as written:
        os.fsync(written.fileno())
    final = target_dir / COPY_NAME
    os.replace(temporary, final)
    status = CopyStatus((now or datetime.now(UTC)).isoformat(), str(final), final.stat().st_size, int(head))
    (target_dir / STATUS_NAME).write_text(json.dumps(status.__dict__), encoding="utf-8")
    return status


def last_copy(target_dir: Path) -> CopyStatus | None:
    try:
        data = json.loads((target_dir / STATUS_NAME).read_text(encoding="utf-8"))
        return CopyStatus(str(data["made_at"]), str(data["path"]), int(data["bytes"]), int(data["audit_head"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


class CopyReport(Protocol):
    """What the admin screen shows of the store copies (StoreCopier, or what it published)."""

    @property
    def target_dir(self) -> Path: ...

    @property
    def last(self) -> CopyStatus | None: ...

    @property
    def failure(self) -> str: ...


class StoreCopier:
    """Copies the store every `minutes` in a thread of its own until `close()`."""

    def __init__(self, source: Path, target_dir: Path, minutes: float = DEFAULT_MINUTES):
        self.source, self.target_dir, self.seconds = source, target_dir, minutes * 60
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="examdesk-store-copy", daemon=True)
        self.last: CopyStatus | None = last_copy(target_dir)
        self.failure = ""

    def start(self) -> None:
        self._thread.start()

    def _run(self) -> None:
        while True:
            try:
                self.last, self.failure = copy_store(self.source, self.target_dir), ""
            except (OSError, sqlite3.Error) as exc:  # a full or missing second disk: said on the admin screen
                self.failure = str(exc)
                log.warning("the copy of the store to %s failed: %s", self.target_dir, exc)
            if self._stop.wait(self.seconds):
                return

    def close(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()
