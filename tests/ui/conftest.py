"""GUI fixtures: the desktop demo centre in a temporary folder, and logged-in staff."""

from __future__ import annotations

import gc

import pytest

from app.api.client import Client
from app.api.local import local_client
from app.api.server import Server
from app.demo import DEMO_PASSPHRASE, DEMO_PASSWORDS, seed_desktop_demo
from app.security.envelope import FAST_KDF
from app.services.backend import Backend
from app.ui.widgets.errors import Ask
from tests.store_fixtures import seat


@pytest.fixture(autouse=True)
def collect_garbage_on_the_gui_thread():
    """As the app does (app/ui/main.py): no automatic collection, which could run in a worker
    thread and free Qt objects there; collect here, on the GUI thread, between tests."""
    gc.disable()
    yield
    gc.collect()
    gc.enable()


@pytest.fixture
def backend(tmp_path):
    seed_desktop_demo(tmp_path, kdf=FAST_KDF)
    b = Backend.open(tmp_path, DEMO_PASSPHRASE)
    yield b
    b.close()


@pytest.fixture(params=["in_process", "loopback"])
def server_transport(request, backend):
    """The screens' services: in process, and again with every call, result and refusal sent
    through JSON (app/api/client.py Loopback), as centre mode will send them."""
    server = Server(backend)
    return server, request.param == "loopback"


@pytest.fixture
def signed_in(server_transport):
    """A client signed in as any demo user: signed_in('proctor1') -> Client (at station TEST-PC)."""
    server, loopback = server_transport

    def sign_in(username: str, station: str = "TEST-PC") -> Client:
        role = "admin" if username == "admin" else "proctor" if username.startswith("proctor") else "examiner"
        client = local_client(server, station, loopback=loopback)
        client.sign_in(username, DEMO_PASSWORDS[role])
        return client

    return sign_in


@pytest.fixture
def station(server_transport, backend):
    """A client at a station, not signed in (a candidate station): station('PC-07') -> Client;
    station('PC-07', seated='202650001'): proctor1 has checked that candidate in at it first."""
    server, loopback = server_transport

    def at(name: str = "TEST-PC", seated: str | None = None) -> Client:
        if seated is not None:
            seat(backend.exam, backend.accounts.login("proctor1", DEMO_PASSWORDS["proctor"]), seated, name)
        return local_client(server, name, loopback=loopback)

    return at


@pytest.fixture
def staff(backend):
    """Log in as any demo user: staff('proctor1') -> Actor."""

    def login(username: str):
        role = "admin" if username == "admin" else "proctor" if username.startswith("proctor") else "examiner"
        return backend.accounts.login(username, DEMO_PASSWORDS[role])

    return login


@pytest.fixture
def answers(monkeypatch):
    """Dialog answers for the test: errors are collected, confirmations and texts come from lists."""
    record = {"errors": [], "confirm": [], "text": [], "questions": []}

    def confirm(parent, title, text):
        record["questions"].append(text)
        return record["confirm"].pop(0)

    monkeypatch.setattr(Ask, "error", staticmethod(lambda parent, title, text: record["errors"].append(text)))
    monkeypatch.setattr(Ask, "confirm", staticmethod(confirm))
    monkeypatch.setattr(Ask, "text", staticmethod(lambda parent, title, label: record["text"].pop(0)))
    return record
