"""The wall clock a store reads, replaceable so that tests never depend on today's date.

The wall clock only labels records for people and decides calendar questions (is this session
scheduled for today? until when is a record kept?). Exam time is never measured with it: that
is the time ledger's monotonic clock (app.domain.time_ledger).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Protocol


class WallClock(Protocol):
    def now(self) -> datetime:
        """The current time, timezone-aware."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class FixedClock:
    """A clock that says what a test tells it; `advance` moves it on."""

    def __init__(self, at: datetime):
        if at.tzinfo is None:
            raise ValueError("FixedClock needs a timezone-aware datetime")
        self.at = at

    def now(self) -> datetime:
        return self.at

    def advance(self, **delta: float) -> None:
        self.at += timedelta(**delta)


def stamp(clock: WallClock) -> str:
    """A record's wall-clock label: UTC, ISO 8601, milliseconds."""
    return clock.now().astimezone(UTC).isoformat(timespec="milliseconds")


def local_today(clock: WallClock, tz: tzinfo | None = None) -> date:
    """Today's date where the centre is (the machine's local time zone unless `tz` is given)."""
    return clock.now().astimezone(tz).date()
