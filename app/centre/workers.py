"""A centre served by several processes: one listening socket, `--workers N` processes serving it.

One Python process serves one call at a time of Python work (the GIL): measured here, ~200 saves
a second over HTTPS, which a room of a thousand stations saving every few seconds outgrows. Each
worker is a whole centre service (its own store connections, services and uvicorn) accepting
from the one socket the supervisor bound; the kernel hands each new connection to one of them,
and a station keeps its connection (and so its worker) while it is alive.

What the workers share, and how:
- the store: its write lock orders writers across processes (app/store/write_lock.py; on
  PostgreSQL an advisory lock), its caches hold only rows that never change;
- jobs (export, import, close): each job's state is a file in `centre/run/jobs/`, encrypted under
  the data key, so its starter's poll finds it whichever worker answers; a job whose worker died
  reads as failed;
- what each worker saw (the audit heads stations present and a rollback, app/centre/heads.py; the
  state of the store copies): `centre/run/worker-K.json`, rewritten every `BOARD_SECONDS`;
- the catalogue: a worker that imported banks or standards rewrites `centre/run/catalog`; every
  worker reloads its catalogue before its next staff call once that file changed;
- the clock sweep and the store copies run in worker 0 only; each worker watches the standby.
A change made through another worker reaches an event stream within its poll (EVENT_POLL_SECONDS).
The supervisor starts a worker again when it dies (its calls in flight fail; stations retry).
"""

from __future__ import annotations

import contextlib
import json
import logging
import multiprocessing
import os
import re
import shutil
import signal
import socket
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psutil  # type: ignore[import-untyped,unused-ignore]

from app.api.errors import ApiError
from app.api.server import Jobs
from app.centre.backup import CopyStatus
from app.errors import UserFacingError
from app.security.envelope import CorruptCiphertext, FieldCipher

log = logging.getLogger(__name__)

RUN_FOLDER = "run"  # in the data folder's centre folder: what the workers share while they serve
BOARD_SECONDS = 1.0
PROGRESS_SECONDS = 0.5  # a running job's progress is written at most this often
KEPT_JOB_FILES = 1000  # jobs of every worker remembered for their callers to collect
RESTART_SECONDS = 1.0
STARTUP_SECONDS = 30.0  # a worker that stops sooner than this after its start failed at its start
STARTUP_FAILURES = 3  # ... this many times running: the supervisor gives up
_JOB_ID = re.compile(r"[0-9a-f]{16}")
_JOB_CONTEXT = b"centre-job"


def write_atomically(path: Path, data: bytes) -> None:
    """`path` holds `data` or what it held before, never a part (a reader in another process)."""
    partial = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}")
    partial.write_bytes(data)
    os.replace(partial, path)


def reset_run_folder(centre_dir: Path) -> Path:
    """An empty run folder (what an earlier run left is stale: its jobs died with it)."""
    folder = centre_dir / RUN_FOLDER
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "jobs").mkdir(parents=True)
    return folder


def _process_stamp(pid: int) -> float:
    return psutil.Process(pid).create_time()


def _alive(pid: int, stamp: float) -> bool:
    """Whether process `pid` is still the one started at `stamp` (a pid can be reused)."""
    try:
        return abs(_process_stamp(pid) - stamp) < 0.01
    except (psutil.Error, OSError):
        return False


class SharedJobs(Jobs):
    """Jobs every worker of the centre finds: each is also a file in `folder`, encrypted."""

    def __init__(self, folder: Path, cipher: FieldCipher) -> None:
        super().__init__()
        self.folder, self.cipher = folder, cipher
        self._pid = os.getpid()
        self._stamp = _process_stamp(self._pid)
        self._write_lock = threading.Lock()
        self._written: dict[str, float] = {}  # running job -> when its progress was last written
        self._pending: dict[str, dict[str, Any]] = {}  # running job -> progress not written yet

    def _publish(self, job_id: str, job: dict[str, Any], *, final: bool) -> None:
        with self._write_lock:
            now = time.monotonic()
            if final:
                self._pending.pop(job_id, None)
            else:
                wait = self._written.get(job_id, -PROGRESS_SECONDS) + PROGRESS_SECONDS - now
                if wait > 0:  # written soon after: the latest progress, never a stale one
                    if job_id not in self._pending:
                        timer = threading.Timer(wait, self._flush, (job_id,))
                        timer.daemon = True
                        timer.start()
                    self._pending[job_id] = job
                    return
                self._written[job_id] = now
            self._write(job_id, job)
            if job["state"] != "running":
                self._written.pop(job_id, None)
        if job["state"] != "running":
            self._forget_old()

    def _flush(self, job_id: str) -> None:
        with self._write_lock:
            job = self._pending.pop(job_id, None)
            if job is not None:
                self._written[job_id] = time.monotonic()
                self._write(job_id, job)

    def _write(self, job_id: str, job: dict[str, Any]) -> None:
        record = {**job, "pid": self._pid, "stamp": self._stamp}
        blob = self.cipher.encrypt(json.dumps(record).encode(), _JOB_CONTEXT, job_id.encode())
        write_atomically(self.folder / job_id, blob)

    def _elsewhere(self, job_id: str) -> dict[str, Any] | None:
        if not _JOB_ID.fullmatch(job_id):  # never a path made of what a caller sent
            return None
        try:
            blob = (self.folder / job_id).read_bytes()
            record: dict[str, Any] = json.loads(self.cipher.decrypt(blob, _JOB_CONTEXT, job_id.encode()))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, CorruptCiphertext):
            log.exception("job %s: its shared state cannot be read", job_id)
            return None
        if record["state"] == "running" and not _alive(int(record["pid"]), float(record["stamp"])):
            stopped = ApiError("internal", "the centre process that ran this job stopped: start it again")
            record.update(state="failed", error=stopped.to_json())
        return record

    def _forget_old(self) -> None:
        """Beyond KEPT_JOB_FILES, the files of the jobs written to longest ago (by their order, not
        by the wall clock, which may be set anywhere)."""
        try:
            files = sorted(self.folder.iterdir(), key=lambda path: path.stat().st_mtime_ns)
        except OSError:  # another worker forgot one meanwhile: the next job's end tries again
            return
        for path in files[: max(0, len(files) - KEPT_JOB_FILES)]:
            with contextlib.suppress(OSError):
                path.unlink()


class WorkerBoard:
    """What this worker saw, published for the others every `seconds`; what they published, read
    at most every `seconds / 2`."""

    def __init__(self, folder: Path, index: int, publish: Callable[[], dict[str, Any]],
                 seconds: float = BOARD_SECONDS) -> None:  # fmt: skip
        self.folder, self.index, self._publish, self.seconds = folder, index, publish, seconds
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="examdesk-worker-board", daemon=True)
        self._lock = threading.Lock()
        self._peers: list[dict[str, Any]] = []
        self._read_at = -1e9

    def path(self, index: int) -> Path:
        return self.folder / f"worker-{index}.json"

    def start(self) -> None:
        self.publish_now()
        self._thread.start()

    def publish_now(self) -> None:
        data = {"pid": os.getpid(), **self._publish()}
        write_atomically(self.path(self.index), json.dumps(data).encode())

    def _run(self) -> None:
        while not self._stop.wait(self.seconds):
            try:
                self.publish_now()
            except Exception:  # the next round tries again; what the others read is a second older
                log.exception("worker %d could not publish its state", self.index)

    def peers(self) -> list[dict[str, Any]]:
        """What the other workers published last."""
        with self._lock:
            if time.monotonic() - self._read_at < self.seconds / 2:
                return self._peers
        found = []
        for path in sorted(self.folder.glob("worker-*.json")):
            if path == self.path(self.index):
                continue
            try:
                found.append(json.loads(path.read_bytes()))
            except (OSError, ValueError):  # being replaced, or its worker never wrote it whole
                continue
        with self._lock:
            self._peers, self._read_at = found, time.monotonic()
        return found

    def close(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()


class PeerCopies:
    """The store copies as worker 0, which makes them, published them (app/centre/backup.py)."""

    def __init__(self, board: WorkerBoard, target_dir: Path) -> None:
        self.board, self.target_dir = board, target_dir

    def _published(self) -> dict[str, Any]:
        for peer in self.board.peers():
            if isinstance(peer.get("copy"), dict):
                return dict(peer["copy"])
        return {}

    @property
    def last(self) -> CopyStatus | None:
        last = self._published().get("last")
        return CopyStatus(**last) if isinstance(last, dict) else None

    @property
    def failure(self) -> str:
        return str(self._published().get("failure") or "")


class CatalogMark:
    """`centre/run/catalog`, rewritten by the worker that imported banks or standards; the others
    reload their catalogue when it changed."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / "catalog"
        self._seen = self._stamp()

    def _stamp(self) -> tuple[int, bytes]:
        try:
            return self.path.stat().st_mtime_ns, self.path.read_bytes()
        except OSError:
            return 0, b""

    def changed(self) -> bool:
        try:
            mtime = self.path.stat().st_mtime_ns
        except OSError:
            mtime = 0
        if mtime == self._seen[0]:
            return False
        stamp = self._stamp()
        changed, self._seen = stamp != self._seen, stamp
        return changed

    def reloaded(self) -> None:
        write_atomically(self.path, f"{os.getpid()} {time.time_ns()}".encode())
        self._seen = self._stamp()


class WorkersFailing(UserFacingError):
    """A worker keeps stopping as soon as it starts (a store it cannot open, a port taken)."""

    code = "workers_failing"


class Supervisor:
    """Starts `count` worker processes on `sock`, starts a worker again when it dies, and stops
    them all on SIGTERM or SIGINT. `target(index, sock)` is what each worker runs (picklable:
    the workers are spawned, as Windows must)."""

    def __init__(self, target: Callable[[int, socket.socket], None], sock: socket.socket, count: int) -> None:
        self.target, self.sock, self.count = target, sock, count
        self._context = multiprocessing.get_context("spawn")
        self._processes: dict[int, Any] = {}
        self._started: dict[int, float] = {}
        self._stop = threading.Event()

    def _start(self, index: int) -> None:
        process = self._context.Process(target=self.target, args=(index, self.sock), name=f"examdesk-centre-{index}")
        process.start()
        self._processes[index] = process
        self._started[index] = time.monotonic()
        log.info("centre worker %d started (pid %s)", index, process.pid)

    def run(self) -> None:
        previous = {sig: signal.signal(sig, lambda *_: self._stop.set()) for sig in (signal.SIGTERM, signal.SIGINT)}
        quick_deaths = 0
        try:
            for index in range(self.count):
                self._start(index)
            while not self._stop.wait(RESTART_SECONDS):
                for index, process in list(self._processes.items()):
                    if process.is_alive() or self._stop.is_set():
                        continue
                    lived = time.monotonic() - self._started[index]
                    quick_deaths = quick_deaths + 1 if lived < STARTUP_SECONDS else 0
                    if quick_deaths >= STARTUP_FAILURES:  # it fails at its start: starting it again will not help
                        raise WorkersFailing("centre worker {index} stopped at its start {count} times running "
                                             "(exit {code}): see the log above", index=str(index),
                                             count=str(quick_deaths), code=str(process.exitcode))  # fmt: skip
                    log.error("centre worker %d stopped (exit %s): starting it again", index, process.exitcode)
                    self._start(index)
        finally:
            for process in self._processes.values():
                if process.is_alive():
                    process.terminate()
            for process in self._processes.values():
                process.join(15)
                if process.is_alive():
                    process.kill()
            for sig, handler in previous.items():
                signal.signal(sig, handler)
