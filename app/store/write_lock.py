"""One write transaction at a time, served in order and woken promptly: the store's write lock.

SQLite lets one transaction write at a time. A second BEGIN IMMEDIATE waits in SQLite's busy
handler, which sleeps (1, 2, 5 ... 100 ms) and tries again: whoever tries first after the writer
commits wins, however long the others have waited (measured on main: 16 writers stalled up to
2 s, the slowest writing ten times less than the fastest). So every write transaction takes this
lock before its BEGIN, and lets go after its COMMIT or ROLLBACK:

- within a process, a first-come first-served lock: the threads of one process never meet in
  SQLite's busy handler;
- across processes on POSIX, the lock file beside the store (`examdesk.db.write-lock`): an
  exclusive `flock` on it is held around the transaction, so the kernel wakes a waiter as soon
  as the holder lets go, and lets go for a process that dies. A plain `flock` wakes every waiter
  and the quickest wins, so the processes first queue up in the same file: each takes a ticket
  (a counter in the file, under a short `lockf` of its first byte), holds a `lockf` on its
  ticket's byte, and waits on the byte of the ticket before it. Each holder wakes exactly the one
  process that came next (16 processes on 2 cores, bench/concurrent_saves.py: longest save
  90-110 ms queued, 130-195 ms with `flock` alone). A process that dies lets go of its bytes, and
  the `flock` still keeps out a second writer. Nothing else may open the lock file: closing any
  descriptor of a file drops the process's `lockf` locks on it. Elsewhere SQLite's busy timeout
  arbitrates between processes.

Reads take no lock (WAL: readers never wait for the writer). PostgreSQL serialises writers with
its advisory lock (`make_engine`); there the lock only orders the threads of one process.

There is one lock per store and process, however many `Database` objects are open on the store.
A write transaction never opens inside another on the same thread: the inner one would wait for
the outer, on the same thread, for ever (on SQLite until its busy timeout); it is refused at once
(`NestedWrite`).
"""

from __future__ import annotations

import os
import struct
import threading
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: SQLite's busy timeout arbitrates between processes
    fcntl = None  # type: ignore[assignment]

LOCK_SUFFIX = ".write-lock"
_TAIL = struct.Struct("<Q")  # bytes 0-7 of the lock file: the last ticket handed out
_QUEUE_BYTE = 0  # lockf'd while a ticket is taken
_TICKET_BYTES = 16  # ticket n waits on byte _TICKET_BYTES + (n - 1) % _TICKETS and holds the next one
_TICKETS = 1 << 16


class StoreBusy(Exception):
    """No turn to write came within the timeout (another writer holds the store)."""


class NestedWrite(RuntimeError):
    """A write transaction was opened while this thread already has one open (a programming error)."""


class _FairLock:
    """A lock that serves waiting threads in the order they came (threading.Lock does not: the
    thread that releases it can take it again before a woken waiter runs)."""

    def __init__(self) -> None:
        self._mutex = threading.Lock()
        self._queue: deque[threading.Lock] = deque()
        self._busy = False

    def acquire(self, timeout: float) -> bool:
        with self._mutex:
            if not self._busy:
                self._busy = True
                return True
            turn = threading.Lock()
            turn.acquire()
            self._queue.append(turn)
        if turn.acquire(timeout=timeout):
            return True
        with self._mutex:
            try:
                self._queue.remove(turn)
            except ValueError:  # handed over just as the wait ran out: the lock is ours
                return True
        return False

    def release(self) -> None:
        with self._mutex:
            if self._queue:
                self._queue.popleft().release()  # straight to the longest waiter: stays busy
            else:
                self._busy = False


class WriteLock:
    """The write lock of one store in this process (see the module's doc)."""

    def __init__(self, lock_file: Path | None, timeout: float):
        self.lock_file = lock_file if fcntl is not None else None
        self.timeout = timeout
        self._turn = _FairLock()
        self._owner: int | None = None  # the thread that holds it
        self._fd: int | None = None
        self._ticket: int | None = None  # the lock file's byte this process holds while it writes
        self._users = 0

    def held_here(self) -> bool:
        """Whether this thread holds the lock (has a write transaction open)."""
        return self._owner == threading.get_ident()

    @contextmanager
    def held(self) -> Iterator[None]:
        me = threading.get_ident()
        if self._owner == me:  # only this thread ever sets it to this thread's id
            raise NestedWrite("a write transaction is already open on this thread; it would wait for itself")
        if not self._turn.acquire(self.timeout):
            raise StoreBusy(f"no turn to write within {self.timeout:.0f} s: another writer holds the store")
        try:
            self._lock_file()
        except BaseException:
            self._turn.release()
            raise
        self._owner = me
        try:
            yield
        finally:
            self._owner = None
            try:
                self._unlock_file()
            finally:
                self._turn.release()

    def _lock_file(self) -> None:
        if self.lock_file is None:
            return
        if self._fd is None:
            flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0)
            self._fd = os.open(self.lock_file, flags, 0o600)
        fd = self._fd
        fcntl.lockf(fd, fcntl.LOCK_EX, 1, _QUEUE_BYTE)  # held for a few system calls
        try:
            data = os.pread(fd, _TAIL.size, 0)
            last = _TAIL.unpack(data)[0] if len(data) == _TAIL.size else 0
            os.pwrite(fd, _TAIL.pack(last + 1), 0)
            mine = _TICKET_BYTES + (last + 1) % _TICKETS
            fcntl.lockf(fd, fcntl.LOCK_EX, 1, mine)  # free: its last holder was 65,536 tickets ago
        finally:
            fcntl.lockf(fd, fcntl.LOCK_UN, 1, _QUEUE_BYTE)
        self._ticket = mine
        try:
            before = _TICKET_BYTES + last % _TICKETS
            fcntl.lockf(fd, fcntl.LOCK_EX, 1, before)  # until the process before this one is done
            fcntl.lockf(fd, fcntl.LOCK_UN, 1, before)
            fcntl.flock(fd, fcntl.LOCK_EX)  # at once, but for a writer whose predecessor died waiting
        except BaseException:
            self._unlock_ticket()
            raise

    def _unlock_file(self) -> None:
        if self._fd is not None and self._ticket is not None:
            try:
                fcntl.flock(self._fd, fcntl.LOCK_UN)
            finally:
                self._unlock_ticket()  # wakes the process that came next

    def _unlock_ticket(self) -> None:
        ticket, self._ticket = self._ticket, None
        if ticket is not None:
            assert self._fd is not None  # a ticket is only taken on the open lock file, and dropped with it
            fcntl.lockf(self._fd, fcntl.LOCK_UN, 1, ticket)

    def _close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def _after_fork(self) -> None:
        """In a forked child: the lock file's descriptor is shared with the parent (one flock for
        both), and other threads' turns died with them. Start afresh, without unlocking anything
        the parent holds."""
        if self._fd is not None:
            with suppress(OSError):
                os.close(self._fd)
            self._fd = None
        self._turn, self._owner, self._ticket = _FairLock(), None, None


_registry: dict[str, WriteLock] = {}
_registry_mutex = threading.Lock()


def for_store(key: str, lock_file: Path | None, timeout: float) -> WriteLock:
    """The process's lock for the store named `key` (shared by every Database open on it); each
    call is matched by one `release`."""
    with _registry_mutex:
        lock = _registry.get(key)
        if lock is None:
            lock = _registry[key] = WriteLock(lock_file, timeout)
        lock._users += 1
        return lock


def release(key: str, lock: WriteLock) -> None:
    with _registry_mutex:
        lock._users -= 1
        if lock._users <= 0 and _registry.get(key) is lock:
            del _registry[key]
            lock._close()


def _reset_after_fork() -> None:
    global _registry_mutex
    _registry_mutex = threading.Lock()
    for lock in _registry.values():
        lock._after_fork()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_reset_after_fork)
