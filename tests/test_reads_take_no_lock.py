"""The reads every call makes (whose token is it, which station, what changed) never wait for a
writer: they ran as write transactions once (BEGIN IMMEDIATE on SQLite, the advisory write lock on
PostgreSQL), which serialised every station's every call behind the slowest write."""

from __future__ import annotations

import threading

from sqlalchemy import text

from app.api.server import Server
from app.services.backend import Backend
from tests.store_fixtures import shared_catalog


def test_token_station_and_change_reads_do_not_wait_for_a_write_in_progress(world):
    server = Server(Backend.over(world.db, shared_catalog(), sweep=False))
    session = server.auth.sign_in("proctor1", "proctor-pass-1", "R101-P")
    code = server.stations.issue_code(world.admin, "R101-01")
    station_token = server.stations.enrol(code.secret, "R101-01")
    writing, done = threading.Event(), threading.Event()

    def hold_a_write() -> None:
        with world.db.transaction() as s:
            s.execute(text("SELECT 1"))  # the transaction begins: the store's write lock is taken
            writing.set()
            done.wait(30)

    writer = threading.Thread(target=hold_a_write)
    writer.start()
    assert writing.wait(10)
    results: list[object] = []

    def read() -> None:
        actor = server.auth.actor_for(session.token, "R101-P")
        results.extend([actor.role, server.stations.station_for(station_token),
                        server.feed.changes(actor, world.session_id, 0).head > 0])  # fmt: skip

    reader = threading.Thread(target=read)
    reader.start()
    reader.join(5)  # a read behind the write would wait for it (30 s here)
    finished = not reader.is_alive()
    done.set()
    writer.join()
    reader.join()
    assert finished, "a read waited for the writer"
    assert results == ["proctor", "R101-01", True]
