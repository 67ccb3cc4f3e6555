"""Running the centre service: the store, the services and uvicorn serving them over TLS."""

from __future__ import annotations

import functools
import json
import logging
import socket
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import uvicorn

from app.api.server import Server
from app.centre import tls
from app.centre import workers as workers_module
from app.centre.addresses import host_of
from app.centre.backup import DEFAULT_MINUTES, StoreCopier
from app.centre.service import Centre, make_app, watch_heads
from app.centre.standby import StandbyWatch
from app.errors import UserFacingError
from app.processes import favour_waiting_threads
from app.services.backend import Backend
from app.store.database import Database

log = logging.getLogger(__name__)
CENTRE_FOLDER = "centre"  # in the data folder: the CA, the server certificate, centre.json
KEEP_ALIVE_SECONDS = 30  # longer than a station keeps an idle connection (httpx's 5 s, app/api/https.py)


@dataclass(frozen=True)
class CentreConfig:
    """centre.json: the addresses stations are given at enrolment (the centre's, then its standby's)."""

    addresses: list[str]

    @staticmethod
    def path(data_dir: Path) -> Path:
        return data_dir / CENTRE_FOLDER / "centre.json"

    @classmethod
    def read(cls, data_dir: Path) -> CentreConfig:
        path = cls.path(data_dir)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls([str(a) for a in data["addresses"]])
        except FileNotFoundError:
            raise UserFacingError("no centre set up in {folder}: run 'examdesk centre init' first",
                                  folder=str(data_dir)) from None  # fmt: skip
        except (ValueError, KeyError, TypeError) as exc:
            raise UserFacingError("{path}: not a centre configuration ({problem})", path=str(path),
                                  problem=str(exc)) from None  # fmt: skip

    def write(self, data_dir: Path) -> None:
        self.path(data_dir).write_text(json.dumps({"addresses": self.addresses}, indent=2), encoding="utf-8")


def init(data_dir: Path, centre_code: str, addresses: list[str], passphrase: str) -> tls.CentreTls:
    """The centre's CA and server certificate for `addresses`, and centre.json."""
    hosts = [host_of(a)[0] for a in addresses]
    made = tls.create(data_dir / CENTRE_FOLDER, centre_code, hosts, passphrase)
    CentreConfig(addresses).write(data_dir)
    return made


def serve(data_dir: Path, store_url: str, passphrase: str, listen: str, *, copy_to: Path | None = None,
          copy_minutes: float = DEFAULT_MINUTES, workers: int = 1) -> None:  # fmt: skip
    """Serve until stopped (SIGINT or SIGTERM): the services over `store_url`, TLS from `data_dir`;
    a SQLite store is copied to `copy_to` every `copy_minutes`; `workers` processes serve the calls."""
    serve_backend(functools.partial(open_store, store_url, passphrase), data_dir, passphrase, listen,
                  copy_to=copy_to, copy_minutes=copy_minutes, workers=workers)  # fmt: skip


def open_store(store_url: str, passphrase: str) -> Backend:
    return Backend.over(Database.open(store_url, passphrase))


@dataclass(frozen=True)
class _Plan:
    """How to serve (sent to each worker process: everything here is picklable)."""

    open_backend: Callable[[], Backend]
    data_dir: Path
    passphrase: str
    host: str
    port: int
    copy_to: Path | None
    copy_minutes: float


def serve_backend(open_backend: Callable[[], Backend], data_dir: Path, passphrase: str, listen: str, *,
                  copy_to: Path | None = None, copy_minutes: float = DEFAULT_MINUTES,
                  workers: int = 1) -> None:  # fmt: skip
    """`open_backend`: the services over the store (with `workers` > 1, a picklable callable: each
    worker process opens its own, app/centre/workers.py)."""
    favour_waiting_threads()  # saves stay quick while a job (export, grading) runs in this process
    certs = tls.CentreTls(data_dir / CENTRE_FOLDER)
    if not certs.exists():
        raise UserFacingError("no centre certificates in {folder}: run 'examdesk centre init' first",
                              folder=str(certs.folder))  # fmt: skip
    CentreConfig.read(data_dir)
    host, _, port = listen.rpartition(":")
    if not host or not port.isdigit():
        raise UserFacingError("--listen {listen}: give HOST:PORT, e.g. 0.0.0.0:8443", listen=listen)
    if workers < 1:
        raise UserFacingError("--workers {workers}: give 1 or more", workers=str(workers))
    plan = _Plan(open_backend, data_dir, passphrase, host.strip("[]"), int(port), copy_to, copy_minutes)
    if workers == 1:
        _serve(plan, None, None)
        return
    probe = open_backend()  # a store that cannot be opened is said here once, not by every worker for ever
    try:
        _check_copy_to(probe, copy_to)
    finally:
        probe.close()
    sock = _uvicorn_config(plan, None).bind_socket()
    workers_module.reset_run_folder(certs.folder)
    try:
        workers_module.Supervisor(functools.partial(_worker, plan), sock, workers).run()
    finally:
        sock.close()


def _worker(plan: _Plan, index: int, sock: socket.socket) -> None:
    """One worker process of a centre served by several (app/centre/workers.py)."""
    logging.basicConfig(level=logging.WARNING, format=f"worker {index}: %(levelname)s %(name)s: %(message)s")
    favour_waiting_threads()
    _serve(plan, index, sock)


def _uvicorn_config(plan: _Plan, app: Any) -> uvicorn.Config:
    certs = tls.CentreTls(plan.data_dir / CENTRE_FOLDER)
    return uvicorn.Config(
        app, host=plan.host, port=plan.port, ssl_certfile=str(certs.certfile), ssl_keyfile=str(certs.keyfile),
        ssl_keyfile_password=plan.passphrase, log_level="warning", timeout_graceful_shutdown=5,
        limit_concurrency=4096, backlog=2048,
        # a station's screen asks every 5 s: at uvicorn's 5 s, its connection was at times closed
        # just as it was used again (a failed call); stations let go of idle ones first (httpx: 5 s)
        timeout_keep_alive=KEEP_ALIVE_SECONDS,
    )  # fmt: skip


def _serve(plan: _Plan, index: int | None, sock: socket.socket | None) -> None:
    """Serve in this process: alone (`index` None), or as worker `index` of several on `sock`."""
    certs = tls.CentreTls(plan.data_dir / CENTRE_FOLDER)
    config = CentreConfig.read(plan.data_dir)
    lead = index is None or index == 0  # the clock sweep and the store copies run once per centre
    backend = plan.open_backend()
    if not lead and backend.sweep is not None:
        backend.sweep.close()
        backend.sweep = None
    copier = watch = board = None
    try:
        served = Server(backend)
        served.export_apart = True  # the stations' saves stay quick while an export reads and renders
        url = backend.db.engine.url
        if url.get_backend_name() == "postgresql":  # commits may wait for a standby: watch that it answers
            watch = served.standby_watch = StandbyWatch(url.render_as_string(hide_password=False))
            watch.start()
        _check_copy_to(backend, plan.copy_to)
        if plan.copy_to is not None and url.database and lead:
            copier = served.copier = StoreCopier(Path(url.database), plan.copy_to, plan.copy_minutes)
            copier.start()
        if index is not None:
            board = _share(served, certs.folder / workers_module.RUN_FOLDER, index, copier, plan.copy_to)
        centre = Centre(served, certs.ca_pem, config.addresses, worker=index)
        uvicorn.Server(_uvicorn_config(plan, make_app(centre))).run(sockets=None if sock is None else [sock])
    finally:
        if board is not None:
            board.close()
        if copier is not None:
            copier.close()
        if watch is not None:
            watch.close()
        backend.close()


def _check_copy_to(backend: Backend, copy_to: Path | None) -> None:
    url = backend.db.engine.url
    if copy_to is not None and (url.get_backend_name() != "sqlite" or not url.database):
        raise UserFacingError("--copy-to is for a SQLite store; PostgreSQL centres keep a standby instead")


def _share(served: Server, folder: Path, index: int, copier: StoreCopier | None,
           copy_to: Path | None) -> workers_module.WorkerBoard:  # fmt: skip
    """What worker `index` shares with the centre's other workers (app/centre/workers.py)."""
    served.jobs = workers_module.SharedJobs(folder / "jobs", served.backend.db.cipher)
    mark = workers_module.CatalogMark(folder)
    served.catalog_stale, served.catalog_reloaded = mark.changed, mark.reloaded
    heads = served.heads = watch_heads(served)

    def published() -> dict[str, Any]:
        copy = None
        if copier is not None:
            copy = {"last": asdict(copier.last) if copier.last else None, "failure": copier.failure}
        return {"heads": heads.published(), "copy": copy}

    board = workers_module.WorkerBoard(folder, index, published)
    heads.peers = lambda: [dict(peer.get("heads") or {}) for peer in board.peers()]
    if copier is None and copy_to is not None:
        served.copier = workers_module.PeerCopies(board, copy_to)
    board.start()
    return board
