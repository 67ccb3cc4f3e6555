"""When a session may start: on its scheduled local date, and not more than half an hour early
unless the proctor confirms an early start.

Times here are naive local datetimes (the schedule is written as "2026-12-05T09:00", the centre's
local time); the caller reads "now" from the store's wall clock, never from the system directly.
"""

from __future__ import annotations

from datetime import datetime

from app.domain.staffing import Finding
from app.errors import Message

EARLY_MINUTES = 30  # starting more than this many minutes before the scheduled time needs a confirmation


def scheduled_at(scheduled_start: str) -> datetime:
    """The schedule as a naive local datetime ("2026-12-05T09:00")."""
    return datetime.fromisoformat(scheduled_start).replace(tzinfo=None)


def check_start(code: str, scheduled_start: str, now: datetime, *, early_ok: bool = False) -> list[Finding]:
    """Findings that stop session `code` from starting at `now` (naive local time)."""
    at = scheduled_at(scheduled_start)
    if at.date() != now.date():
        return [
            Finding("start_date", 0, 0,
                    Message("session {code} is scheduled for {date}, not today ({today})",
                            code=code, date=at.date().isoformat(), today=now.date().isoformat()))
        ]  # fmt: skip
    early = (at - now).total_seconds() / 60
    if early > EARLY_MINUTES and not early_ok:
        return [
            Finding("start_early", EARLY_MINUTES, round(early),
                    Message("session {code} is scheduled to start at {time}, {minutes} minutes from now: confirm "
                            "to start it early", code=code, time=at.strftime("%H:%M"), minutes=round(early)))
        ]  # fmt: skip
    return []


def minutes_early(scheduled_start: str, now: datetime) -> int:
    """How many whole minutes before the scheduled time `now` is (0 when on time or late)."""
    return max(0, round((scheduled_at(scheduled_start) - now).total_seconds() / 60))
