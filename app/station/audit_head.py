"""The centre's audit head as this station last saw it: held outside the centre's store.

A centre whose data folder was put back to an earlier copy (or whose PostgreSQL was restored from
an older dump) is a consistent, sealed store: only a head kept somewhere else shows what is
missing. The centre tells every station its audit head (`SEQ:HASH`, the last entry's sequence
number and MAC) on every reply (header `X-ExamDesk-Audit-Head`, app/centre/service.py); the
station keeps the latest in its station folder (`audit_head.json`, written aside, fsync'ed and
renamed, 0600) and presents it with every call (`X-ExamDesk-Held-Head`), so the centre itself can
see that it was rolled back and tell the admin.

The held head never goes back. A head lower than the one held (or the same sequence number with
another MAC) means the centre's store lost history: it is logged as an error and recorded in the
file (`lower_seen`, the first few), and the held head is kept. `examdesk station audit-head`
prints it, for `examdesk store verify --head SEQ:HASH` on the centre.

The head belongs to one centre: it is kept with the fingerprint of the centre's CA, and a station
enrolled with another centre (another CA) starts afresh.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.domain.audit_head import AuditHead, BadHead

log = logging.getLogger(__name__)

FILE = "audit_head.json"
KEPT_LOWER = 20  # the first rollbacks seen are kept as evidence; later ones are only logged




@dataclass(frozen=True)
class LowerHead:
    """A head the centre told this station that is behind the one it held: the centre lost history."""

    held: str
    told: str
    wall: str  # when, by this PC's clock (UTC, ISO 8601)

    def message(self) -> str:
        return (f"the centre's audit head {self.told} is behind the head {self.held} this station saw before: "
                "the centre's store was put back to an earlier copy (answers and actions after that are missing "
                f"there). Tell the admin: run 'examdesk store verify --head {self.held}' on the centre")  # fmt: skip


def behind(told: AuditHead, held: AuditHead) -> bool:
    """Whether `told` lost history `held` had: a lower sequence number, or the same one with another MAC."""
    return told.seq < held.seq or (told.seq == held.seq and told.mac != held.mac)


class HeadKeeper:
    """The latest audit head this station has seen of its centre (thread-safe; one per station folder)."""

    def __init__(self, folder: Path, centre: str = ""):
        """`centre`: the fingerprint of the centre's CA; a file kept for another centre is started afresh."""
        self.path = folder / FILE
        self.centre = centre
        self._lock = threading.Lock()
        self.head: AuditHead | None = None
        self.lower: list[LowerHead] = []
        self._last_told: AuditHead | None = None  # the last head told that was behind: logged once
        self._merge_file()

    def _merge_file(self) -> None:
        """Take in what the file holds: another process of this station (the screens, `station check`)
        may have kept a later head or seen a rollback meanwhile. Never goes back either way."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return
        except (OSError, ValueError) as exc:
            log.error("%s cannot be read (%s): the station holds no audit head until the centre's next reply",
                      self.path, exc)  # fmt: skip
            return
        if not isinstance(data, dict) or data.get("centre", "") != self.centre:
            return  # another centre's head (the PC was enrolled elsewhere): nothing to compare with
        try:
            head = AuditHead.parse(str(data["head"])) if data.get("head") else None
            lower = [LowerHead(str(x["held"]), str(x["told"]), str(x["wall"])) for x in data.get("lower_seen", [])]
        except (BadHead, KeyError, TypeError) as exc:
            log.error("%s: not an audit head (%s)", self.path, exc)
            return
        if head is not None and (self.head is None or head.seq > self.head.seq):
            self.head = head
        for seen in lower:
            if len(self.lower) < KEPT_LOWER and all(x.told != seen.told for x in self.lower):
                self.lower.append(seen)

    def held(self) -> AuditHead | None:
        with self._lock:
            return self.head

    def see(self, text: str | None) -> LowerHead | None:
        """The centre told `text` (a reply's header): keep it if it is later than the head held. A head
        behind the one held is returned (and logged, and recorded), never kept."""
        if not text:
            return None
        try:
            told = AuditHead.parse(text)
        except BadHead:
            log.warning("the centre sent an audit head that is not SEQ:HASH: %r", text[:100])
            return None
        with self._lock:
            if self.head is not None and told == self.head:
                return None  # the usual reply: nothing to write
            self._merge_file()
            held = self.head
            if held is not None and told == held:
                return None
            if held is not None and behind(told, held):
                seen = LowerHead(str(held), str(told), datetime.now(UTC).isoformat(timespec="seconds"))
                if told != self._last_told:
                    log.error("ROLLED BACK: %s", seen.message())
                    self._last_told = told
                if len(self.lower) < KEPT_LOWER and all(x.told != seen.told for x in self.lower):
                    self.lower.append(seen)
                    self._write()
                return seen
            self.head = told
            self._write()
            return None

    def _write(self) -> None:
        data: dict[str, Any] = {"centre": self.centre, "head": str(self.head) if self.head else "",
                                "lower_seen": [vars(x) for x in self.lower]}  # fmt: skip
        self.path.parent.mkdir(parents=True, exist_ok=True)
        aside = self.path.with_name(f"{FILE}.{os.getpid()}-{threading.get_ident()}.tmp")
        try:
            fd = os.open(aside, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.write(json.dumps(data, indent=2))
                out.flush()
                os.fsync(out.fileno())
            os.replace(aside, self.path)
        except OSError as exc:  # a full disk must not stop the exam: the head is still held in memory
            log.error("the audit head could not be kept in %s: %s", self.path, exc)
            with contextlib.suppress(OSError):
                aside.unlink()
