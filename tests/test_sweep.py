"""The clock sweep: papers are submitted at zero by the services, with no screen open."""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import select

from app.services.backend import Backend
from app.services.sweep import ClockSweep
from app.store import audit
from app.store.clock import FakeMachineClock
from app.store.database import Database
from app.store.models import AttemptStep, AuditEntry
from tests.store_fixtures import CANDIDATES, PASSPHRASE, World, seated_login, shared_catalog

DURATION = 5400.0  # the world's papers: 90 minutes


def login(w: World, ticket: str, station: str = "PC-01"):
    _name, number = CANDIDATES[ticket]
    return seated_login(w.exam, w.proctor, ticket, number, station)


@pytest.fixture
def timed(world: World) -> tuple[World, FakeMachineClock]:
    """The world on a machine clock the test moves, its session started, T001 logged in and
    answering; T002 never comes."""
    clock = FakeMachineClock(1000.0, boot="sweep-test")
    w = world.reopen(machine=clock)
    w.exam.start_session(w.proctor, w.session_id)
    one = login(w, "T001")
    w.exam.save_answer(one.actor, one.attempt_id, 0, 0, "B")
    yield w, clock
    w.db.close()


def submits(w: World) -> list[tuple[str, str]]:
    """(actor, target) of every submit in the audit log."""
    with w.db.reader() as s:
        return [tuple(r) for r in s.execute(select(AuditEntry.actor, AuditEntry.target)
                                             .where(AuditEntry.action == "attempt.submit"))]  # fmt: skip


def submit_reason(w: World, attempt_id: int) -> str | None:
    with w.db.reader() as s:
        step = s.scalar(select(AttemptStep).where(AttemptStep.attempt_id == attempt_id, AttemptStep.kind == "submit"))
        return None if step is None else step.data["reason"]


def chain_intact(w: World) -> bool:
    with w.db.reader() as s:
        return audit.verify(s, w.db.cipher).intact


def test_an_attempt_is_submitted_at_zero_by_the_sweep_alone(timed):
    w, clock = timed
    one, absent = w.attempts["T001"], w.attempts["T002"]
    sweep = ClockSweep(w.exam)
    first = sweep.tick()  # reads every open attempt once
    assert first.submitted == () and first.running == 2 and first.reread == 2
    clock.advance(DURATION - 1)
    assert sweep.tick().submitted == ()  # one second left
    assert submits(w) == []
    clock.advance(2)
    done = sweep.tick()
    # T002 never logged in: closing records them as absent, the clock does not submit an empty paper
    assert done.submitted == (one,)
    assert submits(w) == [("system:0", f"attempt:{one}")]
    assert submit_reason(w, one) == "time" and submit_reason(w, absent) is None
    assert sweep.tick().submitted == ()  # nothing twice, and no audit entry either
    assert len(submits(w)) == 1
    assert chain_intact(w)


def test_a_quiet_tick_rereads_nothing(timed):
    w, clock = timed
    sweep = ClockSweep(w.exam)
    sweep.tick()
    one = w.attempts["T001"]
    clock.advance(60)
    # answers saved in this boot do not move a deadline: nothing to read again
    assert sweep.tick().reread == 0
    w.exam.extend(w.proctor, w.session_id, one, 300, "视力障碍考生延时")
    assert sweep.tick().reread == 1  # only the extended attempt
    w.exam.pause(w.proctor, w.session_id, None, "停电")
    assert sweep.tick().reread == 2  # the whole room
    assert sweep.tick().reread == 0


def test_paused_attempts_do_not_run_out_and_extensions_count(timed):
    w, clock = timed
    one = w.attempts["T001"]
    sweep = ClockSweep(w.exam)
    sweep.tick()
    clock.advance(600)
    w.exam.pause(w.proctor, w.session_id, None, "停电")  # the whole room
    sweep.tick()
    clock.advance(DURATION * 2)
    assert sweep.tick().submitted == ()
    w.exam.resume(w.proctor, w.session_id, None)
    w.exam.extend(w.proctor, w.session_id, one, 120, "视力障碍考生延时")
    sweep.tick()
    clock.advance(DURATION - 600 + 119)
    assert sweep.tick().submitted == ()  # the extension's last second
    clock.advance(2)
    assert sweep.tick().submitted == (one,)


def test_a_candidate_at_zero_is_submitted_once_they_log_in(timed):
    w, clock = timed
    absent = w.attempts["T002"]
    sweep = ClockSweep(w.exam)
    sweep.tick()
    clock.advance(DURATION + 5)
    assert sweep.tick().submitted == (w.attempts["T001"],)
    assert sweep.tick().reread == 1  # the submit's own time event
    assert sweep.tick().reread == 0  # the absent candidate is not tried again every tick
    login(w, "T002", "PC-02")
    assert sweep.tick().submitted == (absent,)


def test_a_force_submit_elsewhere_leaves_nothing_to_sweep(timed):
    w, clock = timed
    one = w.attempts["T001"]
    sweep = ClockSweep(w.exam)
    sweep.tick()
    w.exam.submit(w.proctor, one, reason="违纪：携带手机")
    clock.advance(DURATION + 5)
    assert sweep.tick().submitted == ()
    assert submits(w) == [(w.proctor.label, f"attempt:{one}")]


def test_two_processes_sweeping_at_once_submit_each_paper_once(timed):
    w, clock = timed
    one = w.attempts["T001"]
    other = Database.open(w.url, PASSPHRASE, clock=w.db.clock, machine=clock)  # another process's store handle
    try:
        sweeps = [ClockSweep(w.exam), ClockSweep(type(w.exam)(other, shared_catalog()))]
        for sweep in sweeps:
            sweep.tick()
        clock.advance(DURATION + 1)
        results, errors = [], []
        gate = threading.Barrier(2)

        def run(sweep: ClockSweep) -> None:
            gate.wait()
            try:
                results.append(sweep.tick().submitted)
            except Exception as exc:  # the test reports it
                errors.append(exc)

        threads = [threading.Thread(target=run, args=(sweep,)) for sweep in sweeps]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == []
        assert sorted(results) == [(), (one,)]  # one of them found it submitted already
        assert submits(w) == [("system:0", f"attempt:{one}")]
        assert chain_intact(w)
    finally:
        other.close()


def pause(seconds: float) -> None:
    """time.sleep fails under libfaketime (CI's year-ahead run); a condition wait does not."""
    threading.Event().wait(seconds)


def test_the_backends_thread_sweeps_until_it_is_closed(timed):
    w, clock = timed
    one = w.attempts["T001"]
    backend = Backend.over(w.db, shared_catalog(), sweep_interval=0.02)
    sweep = backend.sweep
    assert sweep is not None and sweep.running
    deadline = time.monotonic() + 30
    while sweep.ticks < 2 and time.monotonic() < deadline:
        pause(0.01)
    assert sweep.ticks >= 2  # the open session's attempts are known now
    clock.advance(DURATION + 1)
    while submit_reason(w, one) is None and time.monotonic() < deadline:
        pause(0.01)
    assert submit_reason(w, one) == "time"
    backend.close()  # stops the thread (joined), then closes the store
    assert not sweep.running
    ticks = sweep.ticks
    pause(0.1)
    assert sweep.ticks == ticks


def test_backends_sweep_unless_told_not_to(world):
    quiet = Backend.over(world.db, shared_catalog(), sweep=False)
    assert quiet.sweep is None
    quiet.close()


def test_a_tick_that_fails_leaves_the_paper_for_the_next(timed, monkeypatch):
    w, clock = timed
    one = w.attempts["T001"]
    sweep = ClockSweep(w.exam)
    sweep.tick()
    clock.advance(DURATION + 1)
    real = w.exam.auto_submit_if_due
    monkeypatch.setattr(w.exam, "auto_submit_if_due", lambda attempt_id: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        sweep.tick()
    monkeypatch.setattr(w.exam, "auto_submit_if_due", real)
    assert sweep.tick().submitted == (one,)
