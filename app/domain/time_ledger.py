"""The time ledger: remaining exam time derived from events, never from the wall clock.

Every event carries a *ledger instant*: the id of the clock epoch it was recorded in (one epoch
per boot of the machine that measures the time, shared by all of that machine's processes) and
a reading of that boot's monotonic clock. Durations are only ever measured between two instants
of the same epoch, so changing the system clock changes nothing. When the machine restarts, the
attempt's running interval ends at the last event written in the old epoch (answers and periodic
checkpoints are events), so the outage is not charged to the candidate; the attempt continues
when it is resumed in the new epoch.

Across a restart of the centre's machine (docs/centre.md, "When the centre server restarts") the
candidates' stations keep counting down and keep answering into their journals, so the outage is
charged after all, as far as one station's own monotonic clock proves it (`outage_charge`): from
the station's last heartbeat the old epoch recorded live, along its heartbeats journaled while the
centre was away, each within MAX_SILENCE of the one before, to the heartbeat that brings it back.
The proof ends at the first longer silence (the PC was off, or restarted and its clock with it):
the time after it is not charged, and the attempt waits for a resume as after any crash.
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
    # after a restart of the centre's machine: `seconds` the station proved it went on for are
    # charged, and an interrupted attempt runs on from this instant (see `outage_charge`)
    BRIDGE = "bridge"


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
    stopped_at: Instant | None = None  # INTERRUPTED: the last instant its running interval reached


class LedgerError(ValueError):
    pass


def view(duration: float, events: Iterable[TimeEvent], now: Instant | None = None) -> LedgerView:
    """The ledger as of `now` (None: as of the last event)."""
    state = LedgerState.NOT_STARTED
    allowed = float(duration)
    consumed = 0.0
    mark: Instant | None = None  # the last instant the running interval is known to reach
    stopped_at: Instant | None = None
    outage_ended: Instant | None = None  # where a resume ended an interruption
    for event in events:
        if state is LedgerState.RUNNING and mark is not None:
            if event.at.epoch == mark.epoch:
                consumed += max(0.0, event.at.mono - mark.mono)
                mark = event.at
            else:  # the process died while running: the interval ended at the mark
                state, stopped_at, mark = LedgerState.INTERRUPTED, mark, None
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
            if state is LedgerState.INTERRUPTED:
                outage_ended = event.at
            state, mark = LedgerState.RUNNING, event.at
        elif kind is TimeEventKind.BRIDGE and (
            state is LedgerState.INTERRUPTED or (state is LedgerState.RUNNING and outage_ended == event.at)
        ):  # a resume written in the same instant (a room's, read first) ended the same outage
            consumed += max(0.0, event.seconds)
            state, stopped_at, mark = LedgerState.RUNNING, None, event.at
        elif kind is TimeEventKind.SUBMIT:
            state, mark = LedgerState.SUBMITTED, None
        if state is not LedgerState.INTERRUPTED:
            stopped_at = None
    if state is LedgerState.RUNNING and mark is not None and now is not None:
        if now.epoch == mark.epoch:
            consumed += max(0.0, now.mono - mark.mono)
        else:
            state, stopped_at = LedgerState.INTERRUPTED, mark
    remaining = max(0.0, allowed - consumed)
    return LedgerView(state, allowed, consumed, remaining, stopped_at)


# A station heartbeats every 15 s; a gap of four of them in its journal is a PC that was off (or
# a station process that was not running), not a candidate at work.
MAX_SILENCE = 60.0


@dataclass(frozen=True)
class StationBeat:
    """A heartbeat as the centre stored it: when it was recorded (for one made offline: when it was
    delivered, not when it was made), and the station's own monotonic reading when it was made."""

    at: Instant
    station_mono: float
    offline: bool


@dataclass(frozen=True)
class OutageCharge:
    seconds: float  # to charge for the time after `stopped_at`
    proven_until: float | None  # the station's reading the proof reaches (None: no proof at all)
    reaches_now: bool  # the proof reaches the station's reading `now_station`: the clock runs on


def outage_charge(stopped_at: Instant, beats: Iterable[StationBeat], now_station: float | None = None,
                  max_silence: float = MAX_SILENCE) -> OutageCharge:  # fmt: skip
    """How much of the time since an interrupted attempt's `stopped_at` one station proves it went on.

    The anchor is the station's last heartbeat recorded live in `stopped_at`'s epoch, at or before
    it (centre instant m0, station reading s0): the one moment both clocks were read together. From
    s0 the proof follows the station's later readings in order (its journaled heartbeats, then
    `now_station`, the reading of the live heartbeat being received), as long as none comes more
    than `max_silence` after the one before, and no reading goes back (a restarted PC's clock starts
    again). What it proves is the station's time from s0 to the last reading reached, less what the
    old epoch already charged after m0 (up to `stopped_at`); never negative. Without an anchor
    nothing is proven: the outage is not charged, as before."""
    beats = list(beats)
    live = [b for b in beats if not b.offline and b.at.epoch == stopped_at.epoch and b.at.mono <= stopped_at.mono]
    if not live:
        return OutageCharge(0.0, None, False)
    anchor = max(live, key=lambda b: b.at.mono)
    m0, s0 = anchor.at.mono, anchor.station_mono
    readings = sorted(b.station_mono for b in beats if b.offline and b.station_mono > s0)
    if now_station is not None and now_station > s0:
        readings.append(now_station)
    reached = s0
    for reading in readings:
        if reading - reached > max_silence:
            break
        reached = max(reached, reading)
    already_charged = stopped_at.mono - m0
    seconds = max(0.0, (reached - s0) - already_charged)
    return OutageCharge(seconds, reached, now_station is not None and reached == now_station and reached > s0)


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
