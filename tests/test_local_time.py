"""Stored UTC wall times read as local time: the time alone today, the date added otherwise."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from app.store.database import wall_now
from app.ui.widgets.local_time import local_date_time, local_time

BEIJING = timezone(timedelta(hours=8))
NEW_YORK = timezone(timedelta(hours=-5))


def test_a_wall_time_of_today_shows_the_local_time_alone():
    now = datetime(2026, 5, 12, 9, 0, tzinfo=BEIJING)
    assert local_time("2026-05-12T06:05:31.250+00:00", now=now, tz=BEIJING) == "14:05:31"


def test_a_wall_time_of_another_local_day_shows_the_date():
    now = datetime(2026, 5, 12, 12, 0, tzinfo=UTC)  # the 12th in Beijing (20:00) and in New York (07:00)
    # 20:30 UTC on the 11th is 04:30 on the 12th in Beijing (today), but 15:30 on the 11th in New York
    assert local_time("2026-05-11T20:30:00+00:00", now=now, tz=BEIJING) == "04:30:00"
    assert local_time("2026-05-11T20:30:00+00:00", now=now, tz=NEW_YORK) == "2026-05-11 15:30:00"
    assert local_time("2026-05-10T06:05:31+00:00", now=now, tz=BEIJING) == "2026-05-10 14:05:31"


def test_today_is_the_local_date_not_the_utc_date():
    now = datetime(2026, 5, 11, 23, 0, tzinfo=UTC)  # already the 12th in Beijing
    assert local_time("2026-05-12T01:00:00+00:00", now=now, tz=BEIJING) == "09:00:00"
    assert local_time("2026-05-11T15:00:00+00:00", now=now, tz=BEIJING) == "2026-05-11 23:00:00"


def test_naive_and_z_stamps_are_read_as_utc():
    now = datetime(2026, 5, 12, 12, 0, tzinfo=BEIJING)
    assert local_time("2026-05-12T06:05:31", now=now, tz=BEIJING) == "14:05:31"
    assert local_time("2026-05-12T06:05:31Z", now=now, tz=BEIJING) == "14:05:31"


def test_what_the_store_writes_reads_as_now_in_this_pc_time_zone():
    before = datetime.now().astimezone()
    shown = local_time(wall_now())
    after = datetime.now().astimezone()
    assert len(shown) == 8 or before.date() != after.date()  # today: "HH:MM:SS" (unless midnight passed)
    assert before.strftime("%H:%M:%S") <= shown <= after.strftime("%H:%M:%S") or before.date() != after.date()


def test_the_tooltip_form_has_the_date_and_offset():
    assert local_date_time("2026-05-12T06:05:31+00:00", tz=BEIJING) == "2026-05-12 14:05:31 (UTC+08:00)"
    assert local_date_time("2026-05-12T06:05:31+00:00", tz=NEW_YORK) == "2026-05-12 01:05:31 (UTC-05:00)"


def test_text_that_is_no_time_is_shown_as_it_is():
    assert local_time("yesterday") == "yesterday"
    assert local_time("") == ""
    assert local_date_time("—") == "—"
