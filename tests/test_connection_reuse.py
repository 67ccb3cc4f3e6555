"""The store keeps its connections for the next caller. The centre service runs every call on one of
anyio's 40 worker threads, each call holding a connection; an ExamDesk connection costs ~10 ms to
open (the seal-tracking triggers). With SQLAlchemy's default pool (5 kept, the rest opened and closed
again) the centre under load of 300 stations opened a connection for most of its calls."""

from __future__ import annotations

import threading

from sqlalchemy import event, text

CENTRE_WORKER_THREADS = 40  # anyio's default, which run_in_threadpool uses (app/centre/service.py)
POSTGRES_KEPT = 24  # PostgreSQL pays a server process per connection: fewer are kept (app/store/database.py)


def test_concurrent_callers_reuse_the_connections_of_the_round_before(world):
    db = world.db
    callers = CENTRE_WORKER_THREADS if db.engine.dialect.name == "sqlite" else POSTGRES_KEPT
    opened: list[object] = []
    event.listen(db.engine, "connect", lambda *_: opened.append(1))
    per_round: list[int] = []
    for _round in range(3):
        before = len(opened)
        all_holding = threading.Barrier(callers, timeout=20)  # every caller holds its connection at once
        failures: list[BaseException] = []

        def call(barrier: threading.Barrier = all_holding, failed: list[BaseException] = failures) -> None:
            try:
                with db.read_connection() as c:
                    c.execute(text("SELECT count(*) FROM audit_entries")).one()
                    barrier.wait()
            except BaseException as exc:  # reported below, with the round
                failed.append(exc)

        threads = [threading.Thread(target=call) for _ in range(callers)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        assert not failures, f"round {_round + 1}: {failures[0]!r}"
        per_round.append(len(opened) - before)
    assert per_round[0] <= callers
    assert per_round[1:] == [0, 0], f"connections opened per round of {callers} concurrent callers: {per_round}"
