"""The time ledger: remaining exam time derived from events, never from the wall clock.

Every event carries a *ledger instant*: the id of the clock epoch it was recorded in (one epoch
per boot of the machine that measures the time, shared by all of that machine's processes) and
a reading of that boot's monotonic clock. Durations are only ever measured between two instants
of the same epoch, so changing the system clock changes nothing. When the machine restarts, the
attempt's running interval ends at the last event written in the old epoch (answers and periodic
checkpoints are events), so the outage is not charged to the candidate; the attempt continues
when it is resumed in the new epoch.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class TimeEventKind(StrEnum):
    START = "start"
    PAUSE = "pause"
    RESUME = "resume"
    EXTEND = "extend"  # seconds added (accommodation, incident); may be negative only to undo
    CHECKPOINT = "checkpoint"  # the attempt was still running at this instant
    SUBMIT = "submit"


@dataclass(frozen=True)
class Instant:
    epoch: int | str
    mono: float  # seconds on the epoch's monotonic clock


@dataclass(frozen=True)
class TimeEvent:
    kind: TimeEventKind
    at: Instant
    seconds: float = 0.0  # for EXTEND


class LedgerState(StrEnum):
    NOT_STARTED = "not_started"
    RUNNING = "running"
    PAUSED = "paused"
    INTERRUPTED = "interrupted"  # running when its process stopped; waits for a resume
    SUBMITTED = "submitted"


@dataclass(frozen=True)
class LedgerView:
    state: LedgerState
    allowed: float  # duration plus extensions
    consumed: float
    remaining: float


class LedgerError(ValueError):
    pass


def view(duration: float, events: Iterable[TimeEvent], now: Instant | None = None) -> LedgerView:
    """The ledger as of `now` (None: as of the last event)."""
    state = LedgerState.NOT_STARTED
    allowed = float(duration)
    consumed = 0.0
    mark: Instant | None = None  # the last instant the running interval is known to reach
    for event in events:
        if state is LedgerState.RUNNING and mark is not None:
            if event.at.epoch == mark.epoch:
                consumed += max(0.0, event.at.mono - mark.mono)
                mark = event.at
            else:  # the process died while running: the interval ended at the mark
                state, mark = LedgerState.INTERRUPTED, None
        kind = event.kind
        if kind is TimeEventKind.START:
            if state is not LedgerState.NOT_STARTED:
                raise LedgerError("the attempt has already started")
            state, mark = LedgerState.RUNNING, event.at
        elif kind is TimeEventKind.EXTEND:
            allowed += event.seconds
        elif kind is TimeEventKind.PAUSE and state in (LedgerState.RUNNING, LedgerState.INTERRUPTED):
            state, mark = LedgerState.PAUSED, None
        elif kind is TimeEventKind.RESUME and state in (LedgerState.PAUSED, LedgerState.INTERRUPTED):
            state, mark = LedgerState.RUNNING, event.at
        elif kind is TimeEventKind.SUBMIT:
            state, mark = LedgerState.SUBMITTED, None
    if state is LedgerState.RUNNING and mark is not None and now is not None:
        if now.epoch == mark.epoch:
            consumed += max(0.0, now.mono - mark.mono)
        else:
            state = LedgerState.INTERRUPTED
    remaining = max(0.0, allowed - consumed)
    return LedgerView(state, allowed, consumed, remaining)


def extra_time_seconds(duration_minutes: int, *, minutes: float | None = None, percent: float | None = None) -> float:
    """Accommodation time, given in minutes or as a percentage of the duration."""
    if (minutes is None) == (percent is None):
        raise LedgerError("give extra time either in minutes or as a percentage")
    if minutes is not None:
        if minutes <= 0:
            raise LedgerError("extra minutes must be positive")
        return minutes * 60.0
    assert percent is not None
    if not 0 < percent <= 100:
        raise LedgerError("extra time percentage must be between 0 and 100")
    return duration_minutes * 60.0 * percent / 100.0
