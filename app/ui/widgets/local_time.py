"""Stored wall times (UTC ISO text from app.store.database.wall_now) as staff read them: this PC's
local time, "14:05:31" for today and "2026-05-12 14:05:31" for any other day.

No Qt: plain datetime, so the screens and the tests share it. A text that is not an ISO time is
shown as it is rather than hidden.
"""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo


def _parse(wall: str, tz: tzinfo | None) -> datetime | None:
    try:
        moment = datetime.fromisoformat(wall.strip())
    except (AttributeError, ValueError):
        return None
    if moment.tzinfo is None:  # the store writes UTC; an older naive stamp is UTC too
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(tz)  # tz None: this PC's time zone


def local_time(wall: str, *, now: datetime | None = None, tz: tzinfo | None = None) -> str:
    """`wall` in local time: the time alone when it falls on today's local date, else date and time."""
    moment = _parse(wall, tz)
    if moment is None:
        return wall
    today = (now or datetime.now(UTC)).astimezone(tz).date()
    if moment.date() == today:
        return moment.strftime("%H:%M:%S")
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def local_date_time(wall: str, *, tz: tzinfo | None = None) -> str:
    """`wall` in local time with its date and UTC offset, for a tooltip: '2026-05-12 14:05:31 (UTC+08:00)'."""
    moment = _parse(wall, tz)
    if moment is None:
        return wall
    offset = moment.strftime("%z")
    return f"{moment:%Y-%m-%d %H:%M:%S} (UTC{offset[:3]}:{offset[3:]})"
