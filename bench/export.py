"""Benchmark: exporting a 1,000-candidate session (PDF report per candidate) and verifying it.

Prints reports per second and the verification time. Targets: at least 50 reports per second,
verification of the whole bundle under 2 seconds.

    .venv/bin/python bench/export.py [--candidates 1000]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from app.banks.catalog import Catalog
from app.demo import demo_people
from app.reports.verify import verify_bundle
from app.security.envelope import FAST_KDF
from app.services.accounts import AccountService
from app.services.exam import ExamService
from app.services.export import ExportService
from app.services.keys import KeyService
from app.store.database import Database, sqlite_url
from app.store.models import Result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--candidates", type=int, default=1000)
    args = parser.parse_args()
    import random

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = Database.create(sqlite_url(folder / "examdesk.db"), "bench passphrase", kdf=FAST_KDF)
        accounts, exam = AccountService(db), ExamService(db, Catalog.load())
        admin = accounts.set_up_centre(code="B01", name="基准测试考点", admin_username="admin",
                                       admin_password="bench-pass-1")  # fmt: skip
        session = exam.schedule_session(admin, code="BENCH", room="1", part="theory", standard="4-13-99-02",
                                        level="5", scheduled_start="2026-12-05T09:00", duration_minutes=90)  # fmt: skip
        t0 = time.perf_counter()
        ids = []
        for ticket, name, number, ability in demo_people(args.candidates, random.Random(1)):
            ids.append((exam.add_candidate(admin, session, ticket=ticket, name=name, id_number=number), ability))
        with db.transaction() as s:  # results as the scoring services would leave them
            for cid, ability in ids:
                score = f"{ability * 100:.2f}"
                s.add(Result(candidate_id=cid, part="theory", wall="-",
                             outcome={"score": score, "passed": ability >= 0.6, "detail": {}}))  # fmt: skip
        setup = time.perf_counter() - t0

        out = folder / "bundle.zip"
        t0 = time.perf_counter()
        ExportService(db, Catalog.load()).export_session(admin, session, out)
        export = time.perf_counter() - t0
        public = KeyService(db).public_key()
        t0 = time.perf_counter()
        check = verify_bundle(out, public)
        verify = time.perf_counter() - t0
        assert check.ok, check.reason
        size = out.stat().st_size
        db.close()

    rate = args.candidates / export
    print(f"setup (candidates and results): {setup:.1f} s")
    print(f"export: {args.candidates} candidates in {export:.2f} s = {rate:.0f} reports/s "
          f"(target >= 50: {'met' if rate >= 50 else 'NOT met'}; {rate / 50:.1f}x the target)")  # fmt: skip
    print(f"bundle: {size / 1e6:.1f} MB")
    verdict = "met" if verify < 2 else "NOT met"
    print(f"verify: {verify:.2f} s (target < 2 s: {verdict}; {verify / 2:.2f} of the budget)")


if __name__ == "__main__":
    main()
