"""Running the centre service: the store, the services and uvicorn serving them over TLS."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import uvicorn

from app.api.server import Server
from app.centre import tls
from app.centre.addresses import host_of
from app.centre.backup import DEFAULT_MINUTES, StoreCopier
from app.centre.service import Centre, make_app
from app.centre.standby import StandbyWatch
from app.errors import UserFacingError
from app.processes import favour_waiting_threads
from app.services.backend import Backend
from app.store.database import Database

log = logging.getLogger(__name__)
CENTRE_FOLDER = "centre"  # in the data folder: the CA, the server certificate, centre.json


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
          copy_minutes: float = DEFAULT_MINUTES) -> None:  # fmt: skip
    """Serve until stopped (SIGINT or SIGTERM): the services over `store_url`, TLS from `data_dir`;
    a SQLite store is copied to `copy_to` every `copy_minutes`."""
    serve_backend(lambda: Backend.over(Database.open(store_url, passphrase)), data_dir, passphrase, listen,
                  copy_to=copy_to, copy_minutes=copy_minutes)  # fmt: skip


def serve_backend(open_backend: Callable[[], Backend], data_dir: Path, passphrase: str, listen: str, *,
                  copy_to: Path | None = None, copy_minutes: float = DEFAULT_MINUTES) -> None:  # fmt: skip
    favour_waiting_threads()  # saves stay quick while a job (export, grading) runs in this process
    certs = tls.CentreTls(data_dir / CENTRE_FOLDER)
    if not certs.exists():
        raise UserFacingError("no centre certificates in {folder}: run 'examdesk centre init' first",
                              folder=str(certs.folder))  # fmt: skip
    config = CentreConfig.read(data_dir)
    host, _, port = listen.rpartition(":")
    if not host or not port.isdigit():
        raise UserFacingError("--listen {listen}: give HOST:PORT, e.g. 0.0.0.0:8443", listen=listen)
    backend = open_backend()
    copier = watch = None
    try:
        served = Server(backend)
        url = backend.db.engine.url
        if url.get_backend_name() == "postgresql":  # commits may wait for a standby: watch that it answers
            watch = served.standby_watch = StandbyWatch(url.render_as_string(hide_password=False))
            watch.start()
        if copy_to is not None:
            if url.get_backend_name() != "sqlite" or not url.database:
                raise UserFacingError("--copy-to is for a SQLite store; PostgreSQL centres keep a standby instead")
            copier = served.copier = StoreCopier(Path(url.database), copy_to, copy_minutes)
            copier.start()
        centre = Centre(served, certs.ca_pem, config.addresses)
        server = uvicorn.Server(uvicorn.Config(
            make_app(centre), host=host.strip("[]"), port=int(port), ssl_certfile=str(certs.certfile),
            ssl_keyfile=str(certs.keyfile), ssl_keyfile_password=passphrase, log_level="warning",
            timeout_graceful_shutdown=5, limit_concurrency=4096, backlog=2048,
        ))  # fmt: skip
        server.run()
    finally:
        if copier is not None:
            copier.close()
        if watch is not None:
            watch.close()
        backend.close()
