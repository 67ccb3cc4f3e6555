"""Many writers on one store at once: threads of one process, and processes (separate stations).

Every save that was acknowledged is in the store, none fails, the audit chain verifies, and the
store's write lock behaves (one writer at a time, in turn; readers never wait; a write inside a
write on one thread is refused at once). Latencies are the bench's business
(bench/concurrent_saves.py), not these tests'.
"""

from __future__ import annotations

import json
import multiprocessing as mp
import os
import threading
import time

import pytest
from sqlalchemy import func, select

from app.domain.identity import check_digit
from app.store import audit, write_lock
from app.store.database import sqlite_url
from app.store.models import AttemptStep, AuditEntry
from app.store.write_lock import NestedWrite, _FairLock
from tests.concurrent_station import save_answers, station
from tests.store_fixtures import CANDIDATES, build_world, sample_content, seat, seated_login

SAVES = 50


def with_candidates(world, count: int) -> list[tuple[str, str]]:
    """The world's candidates plus new ones up to `count`, each with a paper: (ticket, ID number)."""
    people = [(ticket, number) for ticket, (_name, number) in CANDIDATES.items()]
    for n in range(len(people), count):
        first17 = f"11010519900101{n:03d}"
        ticket, number = f"T{n + 1:03d}", first17 + check_digit(first17)
        cid = world.exam.add_candidate(world.admin, world.session_id, ticket=ticket, name=f"考生{n}", id_number=number)
        world.attempts[ticket] = world.exam.prepare_attempt(world.admin, cid, sample_content(), 5400.0)
        people.append((ticket, number))
    world.exam.start_session(world.proctor, world.session_id)
    return people


def audit_entries(db) -> int:
    with db.reader() as s:
        return s.scalar(select(func.count()).select_from(AuditEntry))


def assert_every_save_kept(db, acks: list[list], entries_before: int) -> None:
    """Each acknowledged save is stored as acknowledged, nothing else was added, the chain holds."""
    with db.reader() as s:
        rows = s.execute(
            select(AttemptStep.attempt_id, AttemptStep.seq, AttemptStep.slot, AttemptStep.data)
            .where(AttemptStep.attempt_id.in_({a[0] for a in acks}))
        ).all()  # fmt: skip
        chain = audit.verify(s, db.cipher)
    stored = {(a, q): [slot, (data or {}).get("value")] for a, q, slot, data in rows}
    assert [a for a in acks if stored.get((a[0], a[1])) != a[2:]] == []
    assert len(stored) == len(acks)
    assert chain.intact, chain.reason
    assert chain.entries == entries_before + len(acks)
    assert db.integrity_problems() == []


def test_threads_saving_at_once_lose_nothing(world):
    """8 candidates' saves from 8 threads sharing one process's services (as one Backend)."""
    people = with_candidates(world, 8)
    logins = [seated_login(world.exam, world.proctor, t, n, f"PC-{t}") for t, n in people]
    before = audit_entries(world.db)
    barrier = threading.Barrier(len(logins))
    acks: list[list] = []
    errors: list[str] = []

    def work(login, tag: str) -> None:
        barrier.wait()
        done, failed = save_answers(world.exam, login, SAVES, tag)
        acks.extend(done)
        errors.extend(failed)

    threads = [threading.Thread(target=work, args=(login, t)) for login, (t, _n) in zip(logins, people, strict=True)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not any(t.is_alive() for t in threads)
    assert errors == []
    assert len(acks) == len(logins) * SAVES
    assert_every_save_kept(world.db, acks, before)


@pytest.mark.skipif(os.name != "posix", reason="the lock file is POSIX's; elsewhere SQLite's busy timeout")
def test_stations_in_processes_saving_at_once_lose_nothing(tmp_path):
    """3 processes (stations, each its own Database), 2 saving threads each, on one SQLite store."""
    url = sqlite_url(tmp_path / "examdesk.db")
    world = build_world(url)
    people = with_candidates(world, 6)
    for ticket, _number in people:  # the proctor seats them; the stations log them in
        seat(world.exam, world.proctor, ticket, f"PC-{ticket}")
    before = audit_entries(world.db)
    ctx = mp.get_context("spawn")
    ready = ctx.Barrier(3)
    outs = [tmp_path / f"station-{n}.json" for n in range(3)]
    procs = [ctx.Process(target=station, args=(url, people[2 * n: 2 * n + 2], SAVES, ready, str(outs[n])))
             for n in range(3)]  # fmt: skip
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
    for p in procs:
        if p.is_alive():
            p.kill()
    results = [json.loads(o.read_text()) for o in outs if o.exists()]
    assert len(results) == 3
    assert [e for r in results for e in r["errors"]] == []
    acks = [a for r in results for a in r["acks"]]
    assert len(acks) == 6 * SAVES
    # each station logged its candidates in (an audit entry each) before saving
    assert_every_save_kept(world.db, acks, before + len(people))
    world.db.close()


def test_a_write_inside_a_write_on_one_thread_is_refused_at_once(world):
    with world.db.transaction():
        with pytest.raises(NestedWrite), world.db.transaction():
            pass
        with pytest.raises(NestedWrite), world.db.write_connection():
            pass
        with world.db.reader() as s:  # reading never waits for the writer, not even its own thread's
            assert s.scalar(select(func.count()).select_from(AuditEntry)) > 0
    with world.db.transaction():  # and the lock was let go
        pass


@pytest.mark.skipif(os.name != "posix", reason="the lock file is POSIX's")
def test_writes_hold_the_lock_file_and_reads_do_not(tmp_path):
    import fcntl

    world = build_world(sqlite_url(tmp_path / "examdesk.db"))
    fd = os.open(tmp_path / "examdesk.db.write-lock", os.O_RDWR)  # another open file: as another process

    def free() -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        fcntl.flock(fd, fcntl.LOCK_UN)
        return True

    try:
        assert free()
        with world.db.transaction():
            assert not free()
        with world.db.write():
            assert not free()
        with world.db.write_connection():
            assert not free()
        with world.db.reader() as s:
            s.scalar(select(func.count()).select_from(AuditEntry))
            assert free()
        assert free()
    finally:
        os.close(fd)
        world.db.close()


def test_one_lock_per_store_and_process(tmp_path):
    world = build_world(sqlite_url(tmp_path / "examdesk.db"))
    again = world.reopen()  # closes the first Database
    second = type(again.db).open(world.url, "correct horse battery staple", clock=again.db.clock)
    try:
        assert second.write_lock is again.db.write_lock
        with again.db.transaction(), pytest.raises(NestedWrite), second.transaction():
            pass
    finally:
        second.close()
        again.db.close()
    assert not any(str(tmp_path) in key for key in write_lock._registry)


def test_waiting_writers_are_served_in_the_order_they_came():
    lock = _FairLock()
    assert lock.acquire(1)
    order: list[int] = []

    def writer(n: int) -> None:
        assert lock.acquire(30)
        order.append(n)
        lock.release()

    threads = []
    for n in range(5):
        t = threading.Thread(target=writer, args=(n,))
        t.start()
        threads.append(t)
        deadline = time.monotonic() + 30
        while len(lock._queue) < n + 1 and time.monotonic() < deadline:  # queued behind the others
            threading.Event().wait(0.001)  # time.sleep fails under libfaketime (the year-ahead run)
    lock.release()
    for t in threads:
        t.join(30)
    assert order == [0, 1, 2, 3, 4]


def test_a_writer_that_waits_too_long_gives_up_and_leaves_the_queue():
    lock = _FairLock()
    assert lock.acquire(1)
    assert not lock.acquire(0.01)
    assert len(lock._queue) == 0
    lock.release()
    assert lock.acquire(0.01)
