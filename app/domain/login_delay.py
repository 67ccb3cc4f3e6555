"""How long a candidate waits after failed logins: slowed, never locked out.

A candidate signs in with ticket and ID number; an ID number can be guessed (its last digits), and a
stranger must not be able to lock a real candidate out of their exam. So failures do not lock: each
failure of a ticket, and each failure at a station, makes the next login of that ticket or at that
station wait a little longer (the service refuses early, "try again in N s"; nothing sleeps), and
the proctor sees an alert and may clear it, after which the candidate logs in at once.

The waits are measured on the machine clock of one boot (epoch, seconds), never the wall clock;
failures recorded in another boot, or longer ago than `WINDOW_SECONDS`, no longer count.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

FREE_FAILURES = 2  # typing slips: no wait
FIRST_WAIT_SECONDS = 5.0
MAX_WAIT_SECONDS = 300.0
WINDOW_SECONDS = 3600.0


def wait_after(failures: int) -> float:
    """Seconds to wait after the `failures`-th failure in a row: none for the first slips, then
    doubling from FIRST_WAIT_SECONDS up to MAX_WAIT_SECONDS."""
    if failures <= FREE_FAILURES:
        return 0.0
    return min(MAX_WAIT_SECONDS, FIRST_WAIT_SECONDS * 2.0 ** (failures - FREE_FAILURES - 1))


def wait_left(failure_instants: Iterable[float], now: float) -> float:
    """Seconds still to wait, given the machine-clock readings (this boot) of the failures that
    count (uncleared) of one ticket or one station."""
    recent = [at for at in failure_instants if now - at < WINDOW_SECONDS]
    if not recent:
        return 0.0
    return max(0.0, max(recent) + wait_after(len(recent)) - now)


def seconds_to_say(wait: float) -> int:
    """Whole seconds to tell the candidate, rounded up."""
    return max(1, math.ceil(wait))
