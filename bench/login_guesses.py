"""Benchmark: 1,000 guesses of a candidate's ID number at one station (issue 13).

Before: every guess was checked at once, 1,000 of them in 0.4 s, with no record. Now the first
failures are recorded (and audited) and each later guess of that ticket or at that station is
refused early ("try again in N s") until its wait has run out: the waits double from 5 s to 300 s
(app/domain/login_delay.py). This prints how many of 1,000 back-to-back guesses reached the ID
check, how many were refused early, how long they took, and how long an attacker who waited out
every delay would need for 1,000 tries. No lockout: a proctor clears the alert and the real
candidate logs in at once.

    .venv/bin/python bench/login_guesses.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.banks.catalog import Catalog
from app.domain.login_delay import wait_after
from app.security.envelope import FAST_KDF
from app.services.accounts import AccountService
from app.services.base import PermissionDenied
from app.services.exam import ExamService
from app.services.scoring import ScoringService
from app.services.seating import LoginDelayed
from app.store.clock import local_today
from app.store.database import Database, sqlite_url

GUESSES = 1000


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="login-guesses-"))
    db = Database.create(sqlite_url(folder / "examdesk.db"), "bench passphrase", kdf=FAST_KDF)
    catalog = Catalog.load()
    accounts, exam, scoring = AccountService(db), ExamService(db, catalog), ScoringService(db, catalog)
    admin = accounts.set_up_centre(code="B01", name="bench", admin_username="admin", admin_password="admin-pass-1")
    proctors = [accounts.create_user(admin, username=f"proctor{n}", role="proctor", display_name=f"监考{n}",
                                     password="proctor-pass-1") for n in (1, 2)]  # fmt: skip
    session = exam.schedule_session(admin, code="S1", room="101", part="theory", standard="4-13-99-02", level="5",
                                    scheduled_start=f"{local_today(db.clock).isoformat()}T09:00",
                                    duration_minutes=90)  # fmt: skip
    for user in proctors:  # two per theory room
        scoring.assign_staff(admin, session, user.id, "proctor")
    cid = exam.add_candidate(admin, session, ticket="T001", name="王晓明", id_number="11010519491231002X")
    exam.check_in(accounts.login("proctor1", "proctor-pass-1"), cid, "PC-01")
    tried = refused = 0
    started = time.perf_counter()
    for n in range(GUESSES):
        try:
            exam.candidate_login(ticket="T001", id_number=f"1101051949123{n:04d}X", station="PC-01")
        except LoginDelayed:
            refused += 1
        except PermissionDenied:
            tried += 1
    elapsed = time.perf_counter() - started
    waited_out = sum(wait_after(k) for k in range(1, GUESSES))
    print(f"{GUESSES} guesses in {elapsed:.2f} s: {tried} reached the ID check (recorded and audited), "
          f"{refused} refused early")  # fmt: skip
    print(f"waiting out every delay, {GUESSES} tries take at least {waited_out / 3600:.1f} h "
          f"(before: 0.4 s, no record); ratio {waited_out / 0.4:,.0f}x")  # fmt: skip
    db.close()


if __name__ == "__main__":
    main()
