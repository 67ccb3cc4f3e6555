"""Staff lockouts run on the machine clock: the wall clock cannot unlock an account, a restart cannot shorten a lock."""

from __future__ import annotations

import pytest

from app.domain.lockout import LOCK_SECONDS, Lock, LockReading, read_lock
from app.services.accounts import AccountLocked, LoginFailed
from app.store.clock import FakeMachineClock
from tests.store_fixtures import build_world, fresh_url


@pytest.fixture
def world(tmp_path):
    machine = FakeMachineClock(5000.0)
    w = build_world(fresh_url("sqlite", tmp_path))
    w = w.reopen(machine=machine)
    yield w, machine
    w.db.close()


def lock_out(w) -> None:
    for _ in range(5):
        with pytest.raises(LoginFailed):
            w.accounts.login("proctor1", "wrong")


def test_moving_the_wall_clock_forward_does_not_unlock(world):
    w, machine = world
    lock_out(w)
    w.db.clock.advance(minutes=16)  # now: the lock ran out on the wall clock
    with pytest.raises(AccountLocked, match="locked for 15 more minute"):
        w.accounts.login("proctor1", "proctor-pass-1")
    machine.advance(14 * 60)
    with pytest.raises(AccountLocked, match="locked for 1 more minute"):
        w.accounts.login("proctor1", "proctor-pass-1")
    assert [u.locked for u in w.accounts.users(w.admin) if u.username == "proctor1"] == [True]
    machine.advance(61)
    assert w.accounts.login("proctor1", "proctor-pass-1") == w.proctor
    assert [u.locked for u in w.accounts.users(w.admin) if u.username == "proctor1"] == [False]


def test_a_restart_starts_the_lock_again_in_full(world):
    w, machine = world
    lock_out(w)
    machine.advance(10 * 60)
    restarted = w.reopen(machine=FakeMachineClock(30.0, boot="after a restart"))
    with pytest.raises(AccountLocked, match="locked for 15 more minute"):
        restarted.accounts.login("proctor1", "proctor-pass-1")
    restarted.db.machine.advance(LOCK_SECONDS - 1)  # type: ignore[attr-defined]
    with pytest.raises(AccountLocked):
        restarted.accounts.login("proctor1", "proctor-pass-1")
    restarted.db.machine.advance(2)  # type: ignore[attr-defined]
    assert restarted.accounts.login("proctor1", "proctor-pass-1") == restarted.proctor
    restarted.db.close()


def test_a_lock_from_an_earlier_day_has_lapsed_after_a_restart(world):
    w, _machine = world
    lock_out(w)
    w.db.clock.advance(hours=25)
    overnight = w.reopen(machine=FakeMachineClock(30.0, boot="the next morning"))
    assert overnight.accounts.login("proctor1", "proctor-pass-1") == overnight.proctor
    overnight.db.close()


@pytest.mark.parametrize(
    ("lock", "reading", "remaining"),
    [
        (Lock(None, 0.0, None), LockReading.OPEN, 0.0),
        (Lock(7, 1900.0, 0.0), LockReading.LOCKED, 900.0),
        (Lock(7, 1000.0, 0.0), LockReading.OPEN, 0.0),
        (Lock(6, 1900.0, 0.0), LockReading.OTHER_BOOT, float(LOCK_SECONDS)),
        (Lock(6, 1900.0, -90_000.0), LockReading.OPEN, 0.0),
    ],
)
def test_read_lock(lock, reading, remaining):
    state = read_lock(lock, epoch=7, now=1000.0, wall_seconds=0.0)
    assert (state.reading, state.remaining) == (reading, remaining)
