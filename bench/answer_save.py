"""Benchmark: latency of save_answer (commit included), flat with the store's age.

Two stores on the same disk, each with a theory session open today and candidates logged in:
- fresh: nothing else in it;
- aged: 3,000 finished candidates before it (ten past sessions of 300: photos, real papers,
  answers, submitted, closed and graded; built with bench/realistic_store.py).
Each round times, in a shuffled order, one baseline (overwrite a 4 KB file in place + fdatasync,
which is what a WAL commit costs the disk), one bare SQLite commit (a step-sized row inserted and
committed in WAL at synchronous=FULL, nothing else: the floor of any save on this engine), one save
in the fresh store and one in the aged store, so all see the same disk and the same noise from
whatever else the machine runs. What a save costs above the bare commit is the service's own work
(checks, encryption, the audit entry, the row seals).

Targets (issue 14): p99 of save_answer <= 2x the baseline's p99, and flat with age
(aged p99 / fresh p99; read here as within 1.25x).

    .venv/bin/python bench/answer_save.py [--quick] [--saves 2000] [--aged 3000] [--dir /path/on/the/disk]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from realistic_store import (
    FIRST_DAY,
    BareCommit,
    FsyncBaseline,
    Writer,
    age,
    create_centre,
    percentile,
    store_summary,
    summary,
    verdict,
    writers,
)

FLAT = 1.25  # aged p99 / fresh p99 that still counts as flat


def today_session(folder: Path, aged: int, candidates: int) -> tuple[object, list[Writer]]:
    centre = create_centre(folder)
    if aged:
        age(centre, aged, log=lambda m: print(m, flush=True))
    plan = centre.schedule(candidates, FIRST_DAY + timedelta(days=60), code="TODAY")
    centre.start(plan)
    logins = centre.log_in(plan, plan.people)
    return centre, writers(centre, plan, logins)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes: a smoke run well under a minute")
    parser.add_argument("--saves", type=int, help="saves per store (default 2000; quick 300)")
    parser.add_argument("--aged", type=int, help="finished candidates in the aged store (default 3000; quick 300)")
    parser.add_argument("--candidates", type=int, default=40, help="candidates saving in today's session")
    parser.add_argument("--dir", type=Path, default=None, help="a folder on the disk to measure")
    args = parser.parse_args()
    saves = args.saves or (300 if args.quick else 2000)
    aged_count = args.aged if args.aged is not None else (300 if args.quick else 3000)

    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        fresh, fresh_writers = today_session(folder / "fresh", 0, args.candidates)
        aged, aged_writers = today_session(folder / "aged", aged_count, args.candidates)
        print(f"built in {time.perf_counter() - t0:.0f} s")
        print(f"fresh store: {store_summary(fresh.db)}")  # type: ignore[attr-defined]
        print(f"aged store:  {store_summary(aged.db)}")  # type: ignore[attr-defined]
        baseline, bare = FsyncBaseline(folder), BareCommit(folder)
        times: dict[str, list[float]] = {"baseline": [], "bare": [], "fresh": [], "aged": []}
        order = list(times)
        rng = random.Random(3)
        try:
            for n in range(saves):
                rng.shuffle(order)
                for name in order:
                    if name == "baseline":
                        times[name].append(baseline.once())
                    elif name == "bare":
                        times[name].append(bare.once())
                    else:
                        group = fresh_writers if name == "fresh" else aged_writers
                        times[name].append(group[n % len(group)].save())
        finally:
            baseline.close()
            bare.close()
            fresh.close()  # type: ignore[attr-defined]
            aged.close()  # type: ignore[attr-defined]

    base = times["baseline"]
    b99 = percentile(base, 99)
    print(f"\n{saves} rounds, each: baseline, bare commit, a save in the fresh store, a save in the aged store "
          f"({aged_count:,} finished candidates), in shuffled order; {args.candidates} candidates saving "
          "round-robin per store")  # fmt: skip
    print(f"  baseline (overwrite + fdatasync): {summary(base)}")
    bare99 = percentile(times["bare"], 99)
    print(f"  bare SQLite commit (one row):     {summary(times['bare'])}")
    print(f"      p99 / baseline p99 = {bare99 / b99:.2f}x: the floor of a save on this engine and disk")
    for name in ("fresh", "aged"):
        values = times[name]
        p99 = percentile(values, 99)
        paired = statistics.median(v / b for v, b in zip(values, base, strict=True))
        print(f"  save_answer, {name:>5} store:     {summary(values)}")
        print(f"      p99 / baseline p99 = {p99 / b99:.2f}x (target <= 2x: {verdict(p99 <= 2 * b99)}); "
              f"p50 / baseline p50 = {percentile(values, 50) / percentile(base, 50):.2f}x; "
              f"median of per-round ratios = {paired:.2f}x; p99 / bare commit p99 = {p99 / bare99:.2f}x")  # fmt: skip
    flat = percentile(times["aged"], 99) / percentile(times["fresh"], 99)
    flat50 = percentile(times["aged"], 50) / percentile(times["fresh"], 50)
    print(f"  flat with age: aged p99 / fresh p99 = {flat:.2f}x, p50 {flat50:.2f}x "
          f"(target <= {FLAT}x: {verdict(flat <= FLAT)})")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
