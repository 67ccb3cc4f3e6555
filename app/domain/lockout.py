"""How long a staff account stays locked, measured on the machine clock, never the wall clock.

Five wrong passwords in a row lock an account for 15 minutes. The lock is kept as a moment on the
machine clock of one boot (epoch, seconds): setting the system clock forward changes nothing. A
lock recorded in another boot (the machine restarted, or the store moved) cannot be measured on
this boot's clock, so it starts again in full from the first login attempt after the restart —
unless its wall-clock stamp says it is from an earlier day, so that yesterday's lock never locks
anyone out the next morning (moving the clock a day forward needs the machine's administrator).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum

MAX_FAILURES = 5
LOCK_SECONDS = 15 * 60
STALE_AFTER_SECONDS = 24 * 3600  # a lock from another boot this old (by the wall clock) has lapsed


class LockReading(Enum):
    OPEN = "open"  # not locked
    LOCKED = "locked"  # locked on this boot's clock: `remaining` is exact
    OTHER_BOOT = "other_boot"  # locked on another boot's clock: starts again in full now


@dataclass(frozen=True)
class Lock:
    epoch: int | None  # the clock epoch the lock was set in; None: never locked or unlocked
    until: float  # seconds on that epoch's machine clock
    wall_seconds: float | None  # when it was set, by the wall clock (POSIX seconds), for staleness only


@dataclass(frozen=True)
class LockState:
    reading: LockReading
    remaining: float  # seconds

    @property
    def locked(self) -> bool:
        return self.reading is not LockReading.OPEN


def read_lock(lock: Lock, *, epoch: int, now: float, wall_seconds: float) -> LockState:
    if lock.epoch is None or lock.until <= 0:
        return LockState(LockReading.OPEN, 0.0)
    if lock.epoch == epoch:
        remaining = lock.until - now
        return LockState(LockReading.LOCKED, remaining) if remaining > 0 else LockState(LockReading.OPEN, 0.0)
    if lock.wall_seconds is not None and wall_seconds - lock.wall_seconds > STALE_AFTER_SECONDS:
        return LockState(LockReading.OPEN, 0.0)
    return LockState(LockReading.OTHER_BOOT, float(LOCK_SECONDS))


def minutes_left(state: LockState) -> int:
    """Whole minutes to tell the user, rounded up."""
    return max(1, math.ceil(state.remaining / 60))
