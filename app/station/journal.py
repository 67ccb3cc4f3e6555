"""A candidate station's journal: every step it makes, kept on its own disk until the centre has it.

The candidate flow (app/flows/candidate.py) writes each step here first and sends it second; a
step leaves the journal only once the centre acknowledged it. So an answer survives a dropped
link, a lost reply, a crashed station process and a power cut, and is replayed (in order, with
its step id and the sequence number it expects) when the centre answers again.

On disk: one file `journal.bin` in the folder given, and `journal.lock`, which the journal holds
locked while it is open (one window per station: a second flow on the same folder is refused,
so two windows never hand in two papers from one journal). The file is

    header: MAGIC, then the station's name (length-prefixed): the records are bound to it
    frames: length (4 bytes) | record number n (8 bytes) | nonce (12) | AES-256-GCM ciphertext

each frame sealed under the station's journal key (app/security/station_journal.py: HKDF-SHA256
of the store's data key; enrolment gives it to the station) with the header and `n` as associated
data, so a frame cannot be read, altered, moved into another station's journal or reordered
(numbers strictly increase). Each append is fsync'ed before the step is sent. A frame is a step
record or the acknowledgement of one. A torn last frame (a power cut mid-write) is cut off when
the journal opens, never fatal; a damaged frame followed by good ones is tampering and refused.
Acknowledged records are forgotten by compaction: the pending ones are written to a new file
(temp, fsync, os.replace, as every file here that must not tear), keeping their numbers.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import threading
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO, Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from app.errors import UserFacingError
from app.security.canonical import canonical_json
from app.security.station_journal import KEY_BYTES, journal_key, seal_export

__all__ = ["Journal", "JournalDamaged", "JournalInUse", "JournalRecord", "journal_key", "peek"]

MAGIC = b"EXAMDESK-JOURNAL/1\n"
FILE = "journal.bin"
LOCK = "journal.lock"
COMPACT_AFTER = 64  # acknowledgements before the file is rewritten (and whenever nothing waits)
_FRAME_HEAD = 4 + 8
_MAX_FRAME = 1 << 20  # a step is at most a 64 KiB written answer; anything larger is damage
STEP_KINDS = ("answer", "clear", "flag", "unflag", "focus", "submit", "heartbeat")


class JournalDamaged(UserFacingError):
    """The journal file was altered (a damaged record before good ones, another station's file)."""

    code = "journal_damaged"


class JournalInUse(UserFacingError):
    """Another window (process or flow) holds this station's journal."""

    code = "journal_in_use"


@dataclass(frozen=True)
class JournalRecord:
    """One step as the station made it. `expected_seq`: the attempt's step it follows, as the
    station knew it (None for a heartbeat); `value`: the answer (answer), the flag (flag steps
    carry none), None otherwise; `station_mono`: the station's monotonic clock when it was made."""

    step_id: str
    attempt_id: int
    ticket: str
    kind: str
    expected_seq: int | None = None
    slot: int | None = None
    value: Any = None
    station_mono: float | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @staticmethod
    def from_dict(data: dict[str, Any]) -> JournalRecord:
        kind = data.get("kind")
        if kind not in STEP_KINDS or not isinstance(data.get("step_id"), str):
            raise ValueError(f"not a journal record: kind {kind!r}")
        seq, slot, mono = data.get("expected_seq"), data.get("slot"), data.get("station_mono")
        return JournalRecord(
            str(data["step_id"]), int(data["attempt_id"]), str(data["ticket"]), kind,
            None if seq is None else int(seq), None if slot is None else int(slot), data.get("value"),
            None if mono is None else float(mono),
        )  # fmt: skip


class Journal:
    """The journal of one station in `folder`, sealed under `key` (32 bytes)."""

    def __init__(self, folder: Path, key: bytes, station: str):
        if len(key) != KEY_BYTES:
            raise ValueError("a journal key is 32 bytes")
        self.folder, self.station = Path(folder), station
        self.folder.mkdir(parents=True, exist_ok=True)
        self._aead = AESGCM(key)
        self._header = MAGIC + _u32(len(station.encode("utf-8"))) + station.encode("utf-8")
        self._lock = _lock(self.folder / LOCK)
        self._mutex = threading.Lock()  # the screen's thread and a sync's worker thread both write
        self._pending: dict[str, JournalRecord] = {}
        self._next = 1
        self._acked_since_compaction = 0
        try:
            self._load()
            self._file: IO[bytes] = open(self.path, "ab")  # noqa: SIM115  (held open for the journal's life)
        except BaseException:
            _unlock(self._lock)
            raise

    @property
    def path(self) -> Path:
        return self.folder / FILE

    # -- reading -----------------------------------------------------------------------------

    def _load(self) -> None:
        if not self.path.exists() or self.path.stat().st_size == 0:
            self._rewrite([])
            return
        blob = self.path.read_bytes()
        entries, good_end, last_n = _parse(blob, self._aead, self._header, self.path)
        for entry in entries:
            self._apply(entry)
        self._next = last_n + 1
        if good_end < len(blob):  # cut the torn tail off, so the next record follows a good one
            with open(self.path, "r+b") as f:
                f.truncate(good_end)
                f.flush()
                os.fsync(f.fileno())

    def _apply(self, entry: dict[str, Any]) -> None:
        if "ack" in entry:
            self._pending.pop(str(entry["ack"]), None)
        else:
            record = JournalRecord.from_dict(entry)
            self._pending[record.step_id] = record

    def pending(self, attempt_id: int | None = None) -> list[JournalRecord]:
        """The records the centre has not acknowledged, in the order they were made."""
        with self._mutex:
            return [r for r in self._pending.values() if attempt_id is None or r.attempt_id == attempt_id]

    def __len__(self) -> int:
        return len(self._pending)

    # -- writing -----------------------------------------------------------------------------

    def append(self, record: JournalRecord) -> None:
        """Keep `record`, durably (fsync) before returning: only then may it be sent."""
        with self._mutex:
            if record.step_id in self._pending:
                raise ValueError(f"step {record.step_id} is in the journal already")
            self._write(record.as_dict())
            self._pending[record.step_id] = record

    def acknowledge(self, step_id: str) -> None:
        """The centre holds the step: forget it (the file is compacted now and then)."""
        with self._mutex:
            if step_id not in self._pending:
                return
            self._write({"ack": step_id})
            del self._pending[step_id]
            self._acked_since_compaction += 1
            if not self._pending or self._acked_since_compaction >= COMPACT_AFTER:
                self._compact()

    def compact(self) -> None:
        """Rewrite the file with the pending records only (temp, fsync, replace)."""
        with self._mutex:
            self._compact()

    def _compact(self) -> None:
        self._file.close()
        self._rewrite(list(self._pending.values()))
        self._file = open(self.path, "ab")  # noqa: SIM115
        self._acked_since_compaction = 0

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self._file.close()
        _unlock(self._lock)

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _seal(self, n: int, entry: dict[str, Any]) -> bytes:
        nonce = os.urandom(12)
        body = self._aead.encrypt(nonce, canonical_json(entry), self._header + n.to_bytes(8, "big"))
        return _u32(8 + len(nonce) + len(body)) + n.to_bytes(8, "big") + nonce + body

    def _write(self, entry: dict[str, Any]) -> None:
        frame = self._seal(self._next, entry)
        self._next += 1
        self._file.write(frame)
        self._file.flush()
        os.fsync(self._file.fileno())

    def _rewrite(self, records: list[JournalRecord]) -> None:
        """The file as the header and `records` (numbered on from the last number used)."""
        temp = self.path.with_suffix(".tmp")
        with open(temp, "wb") as f:
            f.write(self._header)
            for record in records:
                f.write(self._seal(self._next, record.as_dict()))
                self._next += 1
            f.flush()
            os.fsync(f.fileno())
        os.replace(temp, self.path)
        _fsync_folder(self.folder)


def peek(folder: Path, key: bytes, station: str) -> list[JournalRecord]:
    """The records waiting in the journal file in `folder`, read from the disk as a restarted
    station would read them, without taking the folder's lock or changing the file."""
    path = Path(folder) / FILE
    header = MAGIC + _u32(len(station.encode("utf-8"))) + station.encode("utf-8")
    pending: dict[str, JournalRecord] = {}
    for entry in _parse(path.read_bytes(), AESGCM(key), header, path)[0]:
        if "ack" in entry:
            pending.pop(str(entry["ack"]), None)
        else:
            record = JournalRecord.from_dict(entry)
            pending[record.step_id] = record
    return list(pending.values())


def _parse(blob: bytes, aead: AESGCM, header: bytes, path: Path) -> tuple[list[dict[str, Any]], int, int]:
    """(entries in order, end of the last good frame, its number) of a journal file's bytes."""
    if not blob.startswith(MAGIC):
        raise JournalDamaged("{path} is not a station journal", path=str(path))
    if not blob.startswith(header):
        raise JournalDamaged("{path} is the journal of another station", path=str(path))
    entries: list[dict[str, Any]] = []
    at, good_end, last_n = len(header), len(header), 0
    while at < len(blob):
        frame = _frame_at(blob, at)
        if frame is None:  # cut short: a torn last write
            break
        n, nonce, body, end = frame
        try:
            entry = json.loads(aead.decrypt(nonce, body, header + n.to_bytes(8, "big")))
        except (InvalidTag, ValueError):
            if end >= len(blob):
                break  # the last frame, damaged by a torn write: ignored
            raise JournalDamaged("{path}: record {n} fails authentication", path=str(path), n=n) from None
        if n <= last_n:
            raise JournalDamaged("{path}: record {n} follows record {last}", path=str(path), n=n, last=last_n)
        entries.append(entry)
        last_n, at, good_end = n, end, end
    return entries, good_end, last_n


def _u32(n: int) -> bytes:
    return n.to_bytes(4, "big")


def _frame_at(blob: bytes, at: int) -> tuple[int, bytes, bytes, int] | None:
    """(n, nonce, ciphertext, end) of the frame at `at`; None when the file ends inside it."""
    if len(blob) - at < _FRAME_HEAD:
        return None
    size = int.from_bytes(blob[at : at + 4], "big")
    end = at + 4 + size
    if size < 8 + 12 + 16 or size > _MAX_FRAME:
        if end >= len(blob) or size > _MAX_FRAME:
            return None  # a torn length; anything after it is unreadable, as a torn tail
        raise JournalDamaged("a record of {size} bytes at offset {at}", size=size, at=at)
    if end > len(blob):
        return None
    n = int.from_bytes(blob[at + 4 : at + 12], "big")
    return n, blob[at + 12 : at + 24], blob[at + 24 : end], end


def _fsync_folder(folder: Path) -> None:
    if sys.platform == "win32":  # Windows cannot open a folder; os.replace is durable there
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _lock(path: Path) -> IO[bytes]:
    """The folder's lock, held while the journal is open; JournalInUse when another holds it."""
    f = open(path, "a+b")  # noqa: SIM115  (held until _unlock)
    try:
        if sys.platform == "win32":
            import msvcrt

            f.seek(0)
            msvcrt.locking(f.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        f.close()
        raise JournalInUse("the journal in {folder} is open in another window", folder=str(path.parent)) from None
    return f


def _unlock(f: IO[bytes]) -> None:
    with contextlib.suppress(OSError):
        f.close()  # closing the file releases its lock


def station_of(folder: Path) -> str:
    """The station whose journal is in `folder` (named in the file's clear header)."""
    path = Path(folder) / FILE
    try:
        with open(path, "rb") as f:
            head = f.read(len(MAGIC) + 4 + 256)
    except OSError as exc:
        raise JournalDamaged("no station journal in {folder}: {problem}", folder=str(folder),
                             problem=str(exc.strerror or exc)) from None  # fmt: skip
    if not head.startswith(MAGIC) or len(head) < len(MAGIC) + 4:
        raise JournalDamaged("{path} is not a station journal", path=str(path))
    size = int.from_bytes(head[len(MAGIC) : len(MAGIC) + 4], "big")
    name = head[len(MAGIC) + 4 : len(MAGIC) + 4 + size]
    if len(name) != size:
        raise JournalDamaged("{path} is not a station journal", path=str(path))
    return name.decode("utf-8", errors="replace")


def export_candidate(journal: Journal, key: bytes, ticket: str,
                     attempt_id: int | None = None) -> tuple[int, int, bytes]:  # fmt: skip
    """(attempt, record count, sealed file) of the unsent records of one candidate: what a dead
    PC's journal hands the proctor. Bound to the station, the ticket and the attempt."""
    records = [r for r in journal.pending() if r.ticket == ticket]
    attempts = sorted({r.attempt_id for r in records} if attempt_id is None else {attempt_id})
    if not records:
        raise LookupError(f"the journal holds no unsent steps of ticket {ticket}")
    if len(attempts) > 1:
        raise LookupError(f"ticket {ticket} has unsent steps of attempts {attempts}: name one with --attempt")
    chosen = [r.as_dict() for r in records if r.attempt_id == attempts[0]]
    if not chosen:
        raise LookupError(f"the journal holds no unsent steps of ticket {ticket} in attempt {attempts[0]}")
    header = {"station": journal.station, "ticket": ticket, "attempt_id": attempts[0], "records": len(chosen)}
    return attempts[0], len(chosen), seal_export(key, header, chosen)
