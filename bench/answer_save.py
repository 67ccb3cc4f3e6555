"""Benchmark: latency of save_answer (commit included) against a raw write+fsync loop on the
same disk, printed as ratios. Target: p99 of save_answer within 2x the raw p99.

    .venv/bin/python bench/answer_save.py [--saves 2000] [--dir /path/on/the/disk]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

from app.security.envelope import FAST_KDF
from app.services.accounts import AccountService
from app.services.exam import ExamService
from app.store.database import Database, sqlite_url


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))]


def raw_fsync(folder: Path, count: int) -> list[float]:
    path = folder / "raw.bin"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    times = []
    record = os.urandom(512)
    try:
        for _ in range(count):
            t0 = time.perf_counter()
            os.write(fd, record)
            os.fsync(fd)
            times.append(time.perf_counter() - t0)
    finally:
        os.close(fd)
    return times


def saves(folder: Path, count: int) -> list[float]:
    db = Database.create(sqlite_url(folder / "examdesk.db"), "bench passphrase", kdf=FAST_KDF)
    accounts, exam = AccountService(db), ExamService(db)
    admin = accounts.set_up_centre(code="B", name="bench", admin_username="admin", admin_password="bench-pass-1")
    session = exam.schedule_session(admin, code="S", room="1", part="theory", standard="x", level="5",
                                    scheduled_start="-", duration_minutes=600)  # fmt: skip
    cid = exam.add_candidate(admin, session, ticket="T1", name="考生", id_number="11010519491231002X")
    items = [{"slot": i, "id": f"Q{i}", "type": "single", "points": "2", "stem": "s", "options": [], "key": "A"}
             for i in range(100)]  # fmt: skip
    exam.prepare_attempt(admin, cid, {"seed": "1", "items": items}, 36000)
    exam.start_session(admin, session)
    login = exam.candidate_login(ticket="T1", id_number="11010519491231002X", station="PC")
    seq, times = 0, []
    for n in range(count):
        t0 = time.perf_counter()
        seq = exam.save_answer(login.actor, login.attempt_id, seq, n % 100, "ABCD"[n % 4]).seq
        times.append(time.perf_counter() - t0)
    db.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--saves", type=int, default=2000)
    parser.add_argument("--dir", type=Path, default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        folder = Path(tmp)
        raw = raw_fsync(folder, args.saves)
        ours = saves(folder, args.saves)
    for name, values in (("raw write+fsync", raw), ("save_answer", ours)):
        print(f"{name:>16}: p50 {percentile(values, 50) * 1e3:6.3f} ms   p99 {percentile(values, 99) * 1e3:6.3f} ms"
              f"   mean {statistics.fmean(values) * 1e3:6.3f} ms")  # fmt: skip
    p50 = percentile(ours, 50) / percentile(raw, 50)
    p99 = percentile(ours, 99) / percentile(raw, 99)
    print(f"ratio save_answer / raw fsync: p50 {p50:.2f}x, p99 {p99:.2f}x (target p99 <= 2x: "
          f"{'met' if p99 <= 2 else 'NOT met'})")  # fmt: skip


if __name__ == "__main__":
    main()
