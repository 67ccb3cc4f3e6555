"""Benchmark: the services' clock sweep (app/services/sweep.py), which submits papers at zero.

For sessions of 100 and 1,000 running attempts (each in its own store, built with
bench/realistic_store.py: photos, real papers, every candidate logged in and part of the paper
saved), on a machine clock the bench moves:
- the first tick of a new sweep (it reads every attempt of the open sessions once): "cold";
- a quiet tick (nothing due, candidates saving in between): the sweep's cost every 5 seconds for
  the whole exam. Baseline, interleaved with every tick: one `save_answer` of a candidate of the
  same session (commit included). Targets: quiet tick p95 below the save's p50, and flat with the
  session's size (p95 at 1,000 within 1.5x of p95 at 100);
- a tick after one candidate's extra time (one attempt read again), and after a pause and resume
  of the whole room (every attempt read again);
- the tick at zero that submits every paper (one transaction and one audit entry each), per paper.

    .venv/bin/python bench/clock_sweep.py [--quick] [--sizes 100,1000] [--ticks 200]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

# this checkout's own code, not the one the virtual environment was installed from (editable install)
sys.path.insert(1, str(Path(__file__).resolve().parents[1]))

from realistic_store import (
    FIRST_DAY,
    Centre,
    Plan,
    building,
    create_centre,
    percentile,
    store_summary,
    verdict,
    writers,
)

from app.services.sweep import ClockSweep
from app.store.clock import FakeMachineClock, SystemMachineClock

FLAT = 1.5  # quiet tick p95 at the largest size / at the smallest that still counts as flat


def build(folder: Path, size: int) -> tuple[Centre, Plan, FakeMachineClock]:
    centre = create_centre(folder)
    real = SystemMachineClock()
    clock = FakeMachineClock(real.now(), boot=real.boot())  # this boot's epoch, on a clock the bench moves
    centre.db.machine = clock
    rng = random.Random(size)
    t0 = time.perf_counter()
    with building(centre.db):
        plan = centre.schedule(size, FIRST_DAY, code=f"LIVE{size}")
        centre.start(plan)
        centre.log_in(plan, plan.people)
        for p in plan.people:
            centre.answer_directly(plan, p, rng, fraction=rng.uniform(0.1, 0.9), flags=rng.choice((0, 0, 1)))
    print(f"  built in {time.perf_counter() - t0:.0f} s: {store_summary(centre.db)}", flush=True)
    return centre, plan, clock


def timed(sweep: ClockSweep) -> tuple[float, object]:
    t0 = time.perf_counter()
    tick = sweep.tick()
    return time.perf_counter() - t0, tick


def measure(centre: Centre, plan: Plan, clock: FakeMachineClock, ticks: int) -> dict[str, object]:
    sweep = ClockSweep(centre.exam)
    cold, first = timed(sweep)
    assert first.running == len(plan.people), first
    live = writers(centre, plan, [plan.logins[p.ticket] for p in plan.people[:50]])
    quiet, saves = [], []
    for n in range(ticks):
        saves.append(live[n % len(live)].save())  # the baseline: one answer saved (and committed)
        clock.advance(0.5)
        took, tick = timed(sweep)
        assert tick.submitted == () and tick.reread == 0, tick
        quiet.append(took)
    one = plan.logins[plan.people[0].ticket].attempt_id
    centre.exam.extend(centre.proctors[0], plan.session_id, one, 600, "视力障碍考生延时")
    extended, tick = timed(sweep)
    assert tick.reread == 1, tick
    centre.exam.pause(centre.proctors[0], plan.session_id, None, "停电")
    centre.exam.resume(centre.proctors[0], plan.session_id, None)
    room, tick = timed(sweep)
    assert tick.reread == len(plan.people), tick
    clock.advance(5400 + 600)  # everyone's time is up
    at_zero, tick = timed(sweep)
    assert len(tick.submitted) == len(plan.people), tick
    return {"cold": cold, "quiet": quiet, "saves": saves, "extended": extended, "room": room,
            "zero": at_zero, "submitted": len(tick.submitted)}  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes: a smoke run well under a minute")
    parser.add_argument("--sizes", help="running attempts per session, comma-separated (default 100,1000)")
    parser.add_argument("--ticks", type=int, help="quiet ticks per size (default 200; quick 50)")
    args = parser.parse_args()
    sizes = [int(x) for x in (args.sizes or ("30,200" if args.quick else "100,1000")).split(",")]
    ticks = args.ticks or (50 if args.quick else 200)
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            print(f"session of {size:,} running attempts:", flush=True)
            centre, plan, clock = build(Path(tmp) / f"s{size}", size)
            try:
                results[size] = measure(centre, plan, clock, ticks)
            finally:
                centre.close()

    print("\nclock sweep tick (ms); baseline = one save_answer in the same session, interleaved with every tick")
    smallest = min(results)
    small_p95 = percentile(results[smallest]["quiet"], 95)
    for size, r in results.items():
        quiet, saves = r["quiet"], r["saves"]
        q50, q95, s50 = percentile(quiet, 50), percentile(quiet, 95), percentile(saves, 50)
        flat, per_paper = q95 / small_p95, r["zero"] / r["submitted"]
        print(f"  {size:>5,} running: quiet tick p50 {q50 * 1e3:.3f}  p95 {q95 * 1e3:.3f}  max {max(quiet) * 1e3:.3f}; "
              f"save p50 {s50 * 1e3:.3f} -> quiet tick p95 / save p50 = {q95 / s50:.2f} "
              f"(target < 1: {verdict(q95 < s50)}); {flat:.2f}x the {smallest:,}-attempt p95"
              + (f" (target <= {FLAT}x: {verdict(flat <= FLAT)})" if size != smallest else ""))  # fmt: skip
        print(f"  {'':>5}          cold (first tick, every open attempt read) {r['cold'] * 1e3:.1f}; "
              f"after one extension {r['extended'] * 1e3:.2f}; after a room-wide pause+resume {r['room'] * 1e3:.1f}; "
              f"at zero {r['zero'] * 1e3:.0f} for {r['submitted']:,} submits ({per_paper * 1e3:.2f} per paper, "
              f"{per_paper / s50:.1f}x a save)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
