"""Remaining time comes from the ledger's monotonic instants, never from the wall clock."""

from __future__ import annotations

import pytest

from app.domain.identity import check_digit, id_number_problem, mask_id_number, mask_name
from app.domain.time_ledger import (
    Instant,
    LedgerError,
    LedgerState,
    TimeEvent,
    TimeEventKind,
    extra_time_seconds,
    view,
)

K = TimeEventKind


def ev(kind, epoch, mono, seconds=0.0):
    return TimeEvent(kind, Instant(epoch, mono), seconds)


def test_running_time_counts_between_instants_of_one_epoch():
    events = [ev(K.START, "a", 100.0)]
    v = view(5400, events, now=Instant("a", 700.0))
    assert (v.state, v.consumed, v.remaining) == (LedgerState.RUNNING, 600.0, 4800.0)


def test_pause_stops_the_clock_and_extension_adds_time():
    events = [ev(K.START, "a", 0), ev(K.PAUSE, "a", 60), ev(K.RESUME, "a", 1060), ev(K.EXTEND, "a", 1100, 600)]
    v = view(5400, events, now=Instant("a", 1160))
    assert v.consumed == 60 + 100 and v.allowed == 6000 and v.remaining == 6000 - 160


def test_a_crash_ends_the_interval_at_the_last_event_of_the_dead_epoch():
    events = [ev(K.START, "a", 0), ev(K.CHECKPOINT, "a", 300), ev(K.CHECKPOINT, "a", 420)]
    # process "a" died some time after 420; the new process "b" sees the attempt interrupted
    v = view(5400, events, now=Instant("b", 5))
    assert v.state is LedgerState.INTERRUPTED and v.consumed == 420
    resumed = [*events, ev(K.RESUME, "b", 10)]
    v = view(5400, resumed, now=Instant("b", 70))
    assert v.state is LedgerState.RUNNING and v.consumed == 480


def test_readings_are_monotonic_only_so_wall_clock_changes_cannot_matter():
    # the same events with the epoch's clock shifted by any constant give the same remaining time
    base = [ev(K.START, "a", 0), ev(K.PAUSE, "a", 50), ev(K.RESUME, "a", 80)]
    shifted = [TimeEvent(e.kind, Instant("a", e.at.mono + 1e6), e.seconds) for e in base]
    assert view(600, base, Instant("a", 100)) == view(600, shifted, Instant("a", 100 + 1e6))


def test_submit_ends_and_remaining_never_goes_negative():
    v = view(60, [ev(K.START, "a", 0)], now=Instant("a", 500))
    assert v.remaining == 0
    v = view(60, [ev(K.START, "a", 0), ev(K.SUBMIT, "a", 30)], now=Instant("a", 500))
    assert v.state is LedgerState.SUBMITTED and v.consumed == 30
    with pytest.raises(LedgerError):
        view(60, [ev(K.START, "a", 0), ev(K.START, "a", 1)])


def test_extra_time_in_minutes_or_percent():
    assert extra_time_seconds(90, minutes=15) == 900
    assert extra_time_seconds(90, percent=25) == 1350
    with pytest.raises(LedgerError):
        extra_time_seconds(90, minutes=10, percent=10)


@pytest.mark.parametrize(
    ("number", "problem"),
    [
        ("11010519491231002X", None),
        ("11010519491231002x", None),
        ("110105194912310021", "check digit is 1, expected X"),
        ("11010519491331002X", "the birth date 19491331 is not a real date"),
        ("1101051949123100", "must be 17 digits followed by a digit or X"),
    ],
)
def test_identity_number_check_digit(number, problem):
    assert id_number_problem(number) == problem


def test_masking():
    assert check_digit("11010519491231002") == "X"
    assert mask_id_number("370102199001011234") == "3701**********1234"
    assert mask_name("张三") == "张*" and mask_name("欧阳娜娜") == "欧***"
