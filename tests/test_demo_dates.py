"""The demos run on any day: their sessions are scheduled on the store clock's day, and a desktop
demo made on an earlier day has its waiting theory session brought forward to today."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from app.demo import DEMO_PASSPHRASE, DEMO_PASSWORDS, bring_demo_forward, seed_desktop_demo
from app.security.envelope import FAST_KDF
from app.services.backend import Backend
from app.store.clock import FixedClock
from app.store.database import Database, sqlite_url


def sessions(data, clock):
    backend = Backend.over(Database.open(sqlite_url(data / "examdesk.db"), DEMO_PASSPHRASE, clock=clock))
    try:
        admin = backend.accounts.login("admin", DEMO_PASSWORDS["admin"])
        return {info.code: info for info in backend.exam.sessions(admin)}
    finally:
        backend.close()


def test_the_desktop_demo_is_scheduled_on_the_clocks_day_and_brought_forward_later(tmp_path):
    made = FixedClock(datetime(2031, 3, 4, 1, 30, tzinfo=UTC))
    seed_desktop_demo(tmp_path, kdf=FAST_KDF, candidates=3, clock=made)
    first = sessions(tmp_path, made)
    local = made.now().astimezone().strftime("%Y-%m-%dT%H:%M")
    assert first["DEMO-T5"].scheduled_start == local
    assert first["DEMO-S5"].scheduled_start == local

    later = FixedClock(made.now() + timedelta(days=9, hours=2))
    seed_desktop_demo(tmp_path, kdf=FAST_KDF, clock=later)  # the next start of scripts/run.sh
    moved = sessions(tmp_path, later)
    assert moved["DEMO-T5"].scheduled_start == later.now().astimezone().strftime("%Y-%m-%dT%H:%M")
    assert moved["DEMO-S5"].scheduled_start == local  # started long ago: stays on record as it was
    assert bring_demo_forward(tmp_path / "examdesk.db", clock=later) is False  # already today: nothing to do


def test_a_demo_centre_with_another_passphrase_is_left_alone(tmp_path):
    made = FixedClock(datetime(2031, 3, 4, 1, 30, tzinfo=UTC))
    seed_desktop_demo(tmp_path, passphrase="another passphrase 1", kdf=FAST_KDF, candidates=2, clock=made)
    later = FixedClock(made.now() + timedelta(days=2))
    assert bring_demo_forward(tmp_path / "examdesk.db", clock=later) is False


def test_the_readme_lists_the_demo_candidates_as_seeded():
    """A newcomer logs in as any demo candidate from the README's table (ticket and ID number)."""
    import random
    from pathlib import Path

    from app.demo import demo_people

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    for ticket, name, number, _ability in demo_people(8, random.Random(7)):
        assert f"| `{ticket}` | {name} | `{number}` |" in readme
