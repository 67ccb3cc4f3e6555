"""The centre's audit head, told to every station, and the heads the stations hold, checked against it.

A centre whose store was put back to an earlier copy (the data folder copied back, PostgreSQL
restored from an older dump) is a consistent, sealed store; what shows the loss is a head kept
outside it. Every reply of the centre service carries the store's audit head (`SEQ:HASH`), and
every station keeps the latest it saw (app/station/audit_head.py) and presents it with every call.

The head is read from the store at most once every `REFRESH_SECONDS`, not per call (a thousand
stations add no read). A presented head is compared in memory with the heads this process has
told; one it has not told (the process started since) costs one read of that audit entry, once.
A presented head the store does not hold (beyond its end, or another MAC at that entry) means the
store lost history: it is logged as an error, kept (`alarm`, the first one and the count), and
shown to the admin (`admin.audit_head`, the Stations tab) and on `GET /health`.

A centre served by several processes (app/centre/workers.py) has a watch in each: each publishes
what it saw (`published`), and `held`, `first_alarm` and `alarm_count` add what the others published
(`peers`), so the admin and /health see every station whichever process answers them.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

from app.domain.audit_head import AuditHead, BadHead

log = logging.getLogger(__name__)

REFRESH_SECONDS = 1.0
_KNOWN_MAX = 50_000  # heads remembered (told or checked); the older half is forgotten beyond this


@dataclass(frozen=True)
class RollbackSeen:
    """A station held a head this centre's store does not: the store was put back."""

    station: str
    held: str
    store_head: str
    wall: str  # when the centre first saw it (UTC, ISO 8601)
    message: str


class HeadWatch:
    """`head_of_store`: the store's audit head now (one read). `entry_mac`: the MAC of audit entry
    `seq`, or None when the store has none (one read)."""

    def __init__(self, head_of_store: Callable[[], AuditHead], entry_mac: Callable[[int], str | None], *,
                 refresh_seconds: float = REFRESH_SECONDS,
                 monotonic: Callable[[], float] = time.monotonic):  # fmt: skip
        self._read_head, self._entry_mac = head_of_store, entry_mac
        self._refresh, self._now = refresh_seconds, monotonic
        self._lock = threading.Lock()
        self._head: AuditHead | None = None
        self._read_at = 0.0
        self._known: dict[int, str] = {}  # seq -> MAC of entries this process knows are in the store
        self._held: dict[str, str] = {}  # station -> the head it presented last
        self.alarm: RollbackSeen | None = None  # the first rollback seen here
        self.alarms = 0  # how many presented heads showed one here
        self.peers: Callable[[], Iterable[dict[str, Any]]] = lambda: ()  # what the centre's other processes saw

    def current(self, *, fresh: bool = False) -> AuditHead:
        """The store's head, read again once `REFRESH_SECONDS` have passed (or `fresh`)."""
        with self._lock:
            head, due = self._head, self._now() - self._read_at >= self._refresh
        if head is not None and not due and not fresh:
            return head
        head = self._read_head()
        with self._lock:
            if self._head is None or head.seq >= self._head.seq or fresh:
                self._head, self._read_at = head, self._now()
            self._remember(head.seq, head.mac)
            return self._head

    def _remember(self, seq: int, mac: str) -> None:
        if len(self._known) >= _KNOWN_MAX:
            for old in list(self._known)[: _KNOWN_MAX // 2]:
                del self._known[old]
        self._known[seq] = mac

    def held(self) -> dict[str, str]:
        """The head each station presented last (station -> SEQ:HASH); of the heads the centre's
        processes saw from one station, the latest."""
        with self._lock:
            held = dict(self._held)
        for peer in self.peers():
            for station, head in dict(peer.get("held") or {}).items():
                mine = held.get(station)
                if mine is None or _seq(head) > _seq(mine):
                    held[station] = str(head)
        return held

    def first_alarm(self) -> RollbackSeen | None:
        """The first rollback any of the centre's processes saw."""
        alarms = [] if self.alarm is None else [self.alarm]
        for peer in self.peers():
            seen = peer.get("alarm")
            if isinstance(seen, dict):
                try:
                    alarms.append(RollbackSeen(**seen))
                except TypeError:  # written by another version: not ours to read
                    continue
        return min(alarms, key=lambda a: a.wall, default=None)

    def alarm_count(self) -> int:
        return self.alarms + sum(int(peer.get("alarms") or 0) for peer in self.peers())

    def published(self) -> dict[str, Any]:
        """What this process saw, for the centre's other processes."""
        with self._lock:
            return {"held": dict(self._held), "alarm": asdict(self.alarm) if self.alarm else None,
                    "alarms": self.alarms}  # fmt: skip

    def check(self, station: str, presented: str | None) -> RollbackSeen | None:
        """A station presented the head it holds: None when the store holds it; else the rollback
        (logged, and kept as `alarm` when it is the first)."""
        if not presented:
            return None
        try:
            held = AuditHead.parse(presented)
        except BadHead:
            return None  # a station's header is not to be trusted for anything else
        if held.seq == 0:  # the empty chain's head: every store holds it
            return None
        with self._lock:
            self._held[station] = str(held)
            known = self._known.get(held.seq)
        if known is not None and known.startswith(held.mac):
            return None
        problem = self._problem(held, known)
        if problem is None:
            return None
        store_head = self.current(fresh=True)
        seen = RollbackSeen(station, str(held), str(store_head), datetime.now(UTC).isoformat(timespec="seconds"),
                            f"station {station} holds audit head {held.seq}, {problem}: the store was put back to an "
                            f"earlier copy (or restored from an older dump). Check it with 'examdesk store verify "
                            f"--head {held}'")  # fmt: skip
        log.error("ROLLED BACK: %s", seen.message)
        with self._lock:
            self.alarms += 1
            if self.alarm is None:
                self.alarm = seen
        return seen

    def _problem(self, held: AuditHead, known: str | None) -> str | None:
        if known is None:
            if held.seq > self.current().seq and held.seq > self.current(fresh=True).seq:
                return f"but the store's audit log ends at entry {self.current().seq}"
            mac = self._entry_mac(held.seq)
            if mac is None:
                return "but the store has no such entry"
            with self._lock:
                self._remember(held.seq, mac)
            known = mac
        if known.startswith(held.mac):
            return None
        return "but the store's entry there is another one (written again since)"


def _seq(head: str) -> int:
    seq = head.partition(":")[0]
    return int(seq) if seq.isdigit() else -1
