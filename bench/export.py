"""Benchmark: exporting a 1,000-candidate session as a signed bundle, and verifying it.

The session is a real one (bench/realistic_store.py): registration photos, real papers from the
sample banks, answers saved, submitted (3% absent), closed and graded, so the bundle carries what
a centre's does (results, a score report with QR code per candidate, the session's audit trail).

Baselines, measured in the same run:
- export: rendering the same number of score reports (reportlab, QR included) on their own, so
  the ratio shows what the service adds around the PDFs (reading, signing, zipping);
- verify: SHA-256 over the bundle file, the least a verification must read.
Targets: at least 50 reports per second; verification of the whole bundle under 2 seconds.

    .venv/bin/python bench/export.py [--quick] [--candidates 1000]
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from realistic_store import FIRST_DAY, building, create_centre, store_summary, verdict
from sqlalchemy import select

from app.reports import score_report
from app.reports.verify import verify_bundle
from app.security import qr_payload
from app.services.analysis import read_responses
from app.services.export import ExportService, response_matrix
from app.services.keys import KeyService
from app.store.models import Candidate, ExamSession


def render_alone(key: object, count: int) -> float:
    """`count` score reports rendered directly, as the export renders them."""
    t0 = time.perf_counter()
    for n in range(count):
        record = {"ticket": f"2026{n:05d}", "masked_id": "3701**********1234", "standard": "4-13-99-02",
                  "subtype": None, "level": "5", "scores": {"theory": "76.00"}, "sittings": {"theory": "T001"},
                  "passed": True, "session": "T001", "date": "2026-03-02", "centre": "3701001"}  # fmt: skip
        payload = qr_payload.encode(record, key)  # type: ignore[arg-type]
        score_report.render(
            score_report.ReportData(
                centre="济南市基准测试考点", session="T001（机房301）", standard="4-13-99-02 在线学习服务师",
                level="五级/初级工", name="王晓明", ticket=record["ticket"], masked_id=record["masked_id"],
                parts=[score_report.PartLine("theory", "76.00", True, "T001")], overall="合格", date="2026-03-02",
                qr_payload=payload, key_fingerprint=key.fingerprint,  # type: ignore[attr-defined]
            )
        )  # fmt: skip
    return time.perf_counter() - t0


def matrix_cost(centre: Any, session_id: int) -> tuple[float, float, int]:
    """(seconds to read the session's answers for the matrix, seconds to write its CSV, bytes)."""
    with centre.db.reader() as s:
        session = s.get(ExamSession, session_id)
        rows = s.execute(select(Candidate.id, Candidate.ticket).where(Candidate.session_id == session_id)).all()
        tickets = {cid: ticket for cid, ticket in rows}
        t0 = time.perf_counter()
        responses = read_responses(s, session, centre.catalog)
        read = time.perf_counter() - t0
    t0 = time.perf_counter()
    made = response_matrix(responses, tickets, "BENCH", bytes(16), centre.db.cipher)
    write = time.perf_counter() - t0
    assert made is not None
    return read, write, len(made[0])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes: a smoke run well under a minute")
    parser.add_argument("--candidates", type=int, help="candidates in the session (default 1000; quick 150)")
    args = parser.parse_args()
    count = args.candidates or (150 if args.quick else 1000)

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        centre = create_centre(folder / "store")
        try:
            t0 = time.perf_counter()
            with building(centre.db):
                plan = centre.schedule(count, FIRST_DAY, code="BENCH")
                done = centre.finish(plan, random.Random(1), absent=count // 33)
            setup = time.perf_counter() - t0
            print(f"setup: {count} candidates answered, submitted, closed ({done}) in {setup:.0f} s; "
                  f"{store_summary(centre.db)}")  # fmt: skip
            key = KeyService(centre.db).signing_key()
            render_before = render_alone(key, count)
            out = folder / "bundle.zip"
            t0 = time.perf_counter()
            ExportService(centre.db, centre.catalog).export_session(centre.admin, plan.session_id, out)
            export = time.perf_counter() - t0
            render_after = render_alone(key, count)
            matrix_read, matrix_write, matrix_size = matrix_cost(centre, plan.session_id)
            public = KeyService(centre.db).public_key()
            t0 = time.perf_counter()
            digest = hashlib.sha256(out.read_bytes()).hexdigest()
            hashing = time.perf_counter() - t0
            t0 = time.perf_counter()
            check = verify_bundle(out, public)
            verify = time.perf_counter() - t0
            assert check.ok, check.reason
            assert digest
            size = out.stat().st_size
        finally:
            centre.close()

    rate = count / export
    render = (render_before + render_after) / 2
    print(f"export: {count} candidates in {export:.2f} s = {rate:.0f} reports/s "
          f"(target >= 50: {verdict(rate >= 50)}; {rate / 50:.1f}x the target)")  # fmt: skip
    print(f"   baseline, {count} score reports rendered alone: {render_before:.2f} s before, {render_after:.2f} s "
          f"after -> export is {export / render:.2f}x the rendering")  # fmt: skip
    print(f"   of which the response matrix (format 3), timed again on its own: reading the answers "
          f"{matrix_read:.2f} s, writing the CSV {matrix_write:.2f} s = {(matrix_read + matrix_write) / export:.0%} "
          f"of the export; {matrix_size / 1e6:.1f} MB")  # fmt: skip
    print(f"bundle: {size / 1e6:.1f} MB")
    print(f"verify: {verify:.2f} s (target < 2 s: {verdict(verify < 2)}; {verify / 2:.2f} of the budget)")
    print(f"   baseline, SHA-256 of the bundle file: {hashing * 1e3:.1f} ms -> verify is {verify / hashing:.1f}x that")
    return 0


if __name__ == "__main__":
    sys.exit(main())
