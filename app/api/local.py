"""Single-station mode: the services over the embedded store in this process.

The desktop application opens (or creates) the store in its data folder here and talks to it
through a Client like any station would; centre mode replaces this with an HTTPS connection.
"""

from __future__ import annotations

from pathlib import Path

from app.api.client import Client, InProcess, Loopback
from app.api.server import Server
from app.security.envelope import WrongPassphrase
from app.services.backend import Backend

__all__ = ["WrongPassphrase", "close", "create", "exists", "local_client", "open_store"]


def exists(data_dir: Path) -> bool:
    return Backend.exists(data_dir)


def open_store(data_dir: Path, passphrase: str) -> Server:
    """Unlock the store in `data_dir`; WrongPassphrase changes nothing."""
    return _desktop(Server(Backend.open(data_dir, passphrase)))


def create(data_dir: Path, passphrase: str) -> Server:
    return _desktop(Server(Backend.create(data_dir, passphrase)))


def _desktop(server: Server) -> Server:
    server.export_apart = True  # this PC's candidate screens save through this process meanwhile
    return server


def local_client(server: Server, station: str, *, loopback: bool = False) -> Client:
    """A station's client of `server` in this process; `loopback` sends every call through JSON."""
    return Client(Loopback(server) if loopback else InProcess(server), station)


def close(server: Server) -> None:
    server.backend.close()
