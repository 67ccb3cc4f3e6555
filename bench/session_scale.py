"""Benchmark: whole-session work at scale, and what it does to a station saving meanwhile.

One store (bench/realistic_store.py: photos, real papers from the sample banks):
1. `PaperService.prepare_papers` for a session of 1,000 rostered candidates, end to end (read,
   build every paper, one write). Baseline: the assembler alone (`catalog.assembler(...).build` for
   the same tickets), timed before and after it; also the paper-content builder the service uses
   (assembler + the stored snapshot), to show where the rest goes. Target: under 1 s.
2. `ExamService.close_session` (absent candidates recorded, every theory paper graded) for a session
   of 3,000 who answered and submitted (3% absent). Baseline: reading and decrypting every step of
   the session in one query, what grading had to read before a submit recorded the answer sheet
   (closing now reads one submit step per handed-in paper). Target: under 3 s.
3. The export of those 3,000 as the centre service and the desktop app run it (app/api/apart.py: in
   a process of its own), started from a child process of the bench that also saves answers in
   another open session, one save every 20 ms, from a thread (as a centre process takes stations'
   saves). The save's p99 during the export against its p99 idle (before and after the export, same
   process, same run). Target: within 3x. `--export-here`: `ExportService.export_session` in the
   saving process itself, as before (the command line's way). Peak memory: on Linux, the saving
   process's peak (VmHWM, reset just before the export) over what it held before, and the largest
   child's (the export process and its render workers, RUSAGE_CHILDREN); everywhere, the saving
   process's ru_maxrss after the export minus before it (a spawned child's ru_maxrss starts at its
   parent's peak, so this delta is 0 until the export outgrows the bench's own process).

    .venv/bin/python bench/session_scale.py [--quick] [--prepare 1000] [--close 3000] [--export-here]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import multiprocessing as mp
import random
import statistics
import sys
import tempfile
import threading
import time
from datetime import datetime
from pathlib import Path
from typing import Any

from realistic_store import (
    FIRST_DAY,
    PASSPHRASE,
    Centre,
    Plan,
    building,
    create_centre,
    percentile,
    store_summary,
    summary,
    verdict,
)
from sqlalchemy import select

from app.services.papers import content_builder
from app.store.models import Attempt, AttemptStep

SAVE_EVERY = 0.020  # seconds between a station's saves
IDLE = 5.0  # seconds of saves before and after the export


def assembler_alone(centre: Centre, tickets: list[str], cpu: list[float] | None = None) -> float:
    """Wall time of building these tickets' papers; their CPU time is appended to `cpu`."""
    std = centre.catalog.standard("4-13-99-02")
    t0, cpu0 = time.perf_counter(), time.process_time()
    assembler = centre.catalog.assembler(std.code, std.level(5).level)
    for ticket in tickets:
        assembler.build(ticket)
    if cpu is not None:
        cpu.append(time.process_time() - cpu0)
    return time.perf_counter() - t0


def prepare(centre: Centre, size: int) -> None:
    plan = centre.schedule(size, FIRST_DAY, code="PREP", papers=False)
    tickets = [p.ticket for p in plan.people]
    assembler_alone(centre, tickets[:5])  # warm up: the catalogue loads its banks on first use
    base_cpu: list[float] = []
    before = assembler_alone(centre, tickets, base_cpu)
    t0 = time.perf_counter()
    build = content_builder(centre.catalog, "4-13-99-02", "5", None, "theory")
    for ticket in tickets:
        build(ticket)
    contents = time.perf_counter() - t0
    t0, cpu0 = time.perf_counter(), time.process_time()
    count = centre.papers.prepare_papers(centre.admin, plan.session_id)
    end_to_end, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    after = assembler_alone(centre, tickets, base_cpu)
    base = (before + after) / 2
    print(f"1. prepare_papers, {count:,} candidates: {end_to_end:.2f} s end to end "
          f"(target < 1 s -> {verdict(end_to_end < 1)}, {end_to_end:.2f} of the budget); "
          f"it used {cpu:.2f} s of CPU")  # fmt: skip
    print(f"   baseline, the assembler alone: {before:.2f} s before, {after:.2f} s after -> end to end is "
          f"{end_to_end / base:.2f}x the assembler; in CPU time {cpu:.2f} s / {base_cpu[0]:.2f} and "
          f"{base_cpu[1]:.2f} s = {cpu / statistics.fmean(base_cpu):.2f}x")  # fmt: skip
    print(f"   the paper-content builder the service uses (assembler + snapshot), no store: {contents:.2f} s = "
          f"{contents / base:.2f}x the assembler; the store's part (read, write, commit) ~ "
          f"{max(0.0, end_to_end - contents):.2f} s")  # fmt: skip


def finished_session(centre: Centre, size: int) -> Plan:
    """A session of `size` who answered and submitted (3% absent), open and waiting to be closed."""
    rng = random.Random(7)
    t0 = time.perf_counter()
    with building(centre.db):
        plan = centre.schedule(size, FIRST_DAY, code="BIG")
        centre.start(plan)
        sitting = plan.people[size // 33 :]
        centre.log_in(plan, sitting)
        for p in sitting:
            centre.answer_directly(plan, p, rng, flags=rng.choice((0, 0, 1)))
            centre.exam.submit(plan.logins[p.ticket].actor, plan.logins[p.ticket].attempt_id)
    print(f"   (built in {time.perf_counter() - t0:.0f} s: {store_summary(centre.db)})", flush=True)
    return plan


def read_all_steps(centre: Centre, session_id: int) -> float:
    t0 = time.perf_counter()
    with centre.db.reader() as s:
        attempts = select(Attempt.id).where(Attempt.session_id == session_id)
        s.execute(select(AttemptStep.attempt_id, AttemptStep.kind, AttemptStep.slot, AttemptStep.data)
                  .where(AttemptStep.attempt_id.in_(attempts))).all()  # fmt: skip
    return time.perf_counter() - t0


def close(centre: Centre, plan: Plan) -> None:
    before = read_all_steps(centre, plan.session_id)
    t0, cpu0 = time.perf_counter(), time.process_time()
    done = centre.exam.close_session(centre.proctors[0], plan.session_id)
    took, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    after = read_all_steps(centre, plan.session_id)
    base = (before + after) / 2
    print(f"2. close_session + grading, {len(plan.people):,} candidates ({done}): {took:.2f} s end to end "
          f"(target < 3 s -> {verdict(took < 3)}, {took / 3:.2f} of the budget)")  # fmt: skip
    print(f"   baseline, reading and decrypting every step of the session: {before:.2f} s before, {after:.2f} s "
          f"after -> closing is {took / base:.1f}x that read; it used {cpu:.2f} s of CPU (wall above it: waits, "
          f"fsync, other processes)")  # fmt: skip


def reset_peak() -> bool:
    """Reset this process's peak resident size (Linux: VmHWM), so a later reading is the peak since."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def vm_kb(field: str) -> int | None:
    """A field of /proc/self/status in kB (VmRSS: resident now; VmHWM: peak); None where there is none."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return None


def export_child(url: str, clock_at: str, admin_id: int, session_id: int, live: list[tuple[str, str, float]],
                 out: str, result: str, here: bool) -> None:  # fmt: skip
    """The admin's export started from the process that takes a station's saves (as a centre
    process does); `here`: the export runs in this process too."""
    import resource

    from realistic_store import Writer

    from app.api.apart import export_apart
    from app.banks.catalog import Catalog
    from app.processes import favour_waiting_threads
    from app.services.base import Actor
    from app.services.exam import ExamService
    from app.services.export import ExportService
    from app.store.clock import FixedClock
    from app.store.database import Database

    favour_waiting_threads()  # as the centre service and the desktop app do
    db = Database.open(url, PASSPHRASE, clock=FixedClock(datetime.fromisoformat(clock_at)))
    report: dict[str, Any] = {"idle": [], "during": [], "errors": {}}
    try:
        catalog = Catalog.load()
        exam, admin = ExamService(db, catalog), Actor("admin", admin_id)
        stations = [Writer.of(exam, admin, exam.candidate_login(ticket=t, id_number=n, station=f"PC-{k + 1:02d}"),
                              a, seed=k) for k, (t, n, a) in enumerate(live)]  # fmt: skip
        phase, part = ["idle"], ["read"]
        report["by_part"], report["part_s"] = {}, {}
        part_began = [0.0]

        def progress(done: int, total: int) -> None:  # render: 1..total/2, then packing to total
            now = "render" if done * 2 <= total else "pack and commit"
            if now != part[0]:
                report["part_s"][part[0]] = time.perf_counter() - part_began[0]
                part[0], part_began[0] = now, time.perf_counter()

        stop = threading.Event()

        def station() -> None:
            k = 0
            while not stop.is_set():
                writer = stations[k % len(stations)]
                k += 1
                tag = phase[0]
                try:
                    took = writer.save()
                    report[tag].append(took)
                    if tag == "during":  # which part of the export a save fell in: where slow saves come from
                        report["by_part"].setdefault(part[0], []).append(took)
                except Exception as exc:
                    key = f"{tag}: {type(exc).__name__}: {str(exc).splitlines()[0][:60]}"
                    report["errors"][key] = report["errors"].get(key, 0) + 1
                    with contextlib.suppress(Exception):
                        writer.seq = exam.attempt_view(writer.login.actor, writer.login.attempt_id).last_seq
                stop.wait(SAVE_EVERY)

        saver = threading.Thread(target=station, daemon=True)
        saver.start()
        time.sleep(IDLE)
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        report["peak_reset"] = reset_peak()  # so that the peak read after the export is the export's own
        report["vm_rss_before_kb"] = vm_kb("VmRSS")
        phase[0] = "during"
        t0 = part_began[0] = time.perf_counter()
        if here:
            summary_ = ExportService(db, catalog).export_session(admin, session_id, Path(out), progress=progress)
        else:
            summary_ = export_apart(db, catalog, admin, session_id, Path(out), progress=progress)
        report["export_s"] = time.perf_counter() - t0
        report["part_s"][part[0]] = time.perf_counter() - part_began[0]
        report["candidates"] = summary_.candidates
        rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        report["vm_hwm_after_kb"] = vm_kb("VmHWM")
        report["workers_max_kb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        phase[0] = "idle"
        time.sleep(IDLE)
        stop.set()
        saver.join(60)
        report["rss_before_kb"], report["rss_after_kb"] = rss_before, rss_after
        report["bundle_bytes"] = Path(out).stat().st_size
    except Exception as exc:
        report["failed"] = f"{type(exc).__name__}: {exc}"
    finally:
        db.close()
        Path(result).write_text(json.dumps(report))


def export_while_saving(centre: Centre, plan: Plan, folder: Path, here: bool) -> None:
    live_plan = centre.schedule(20, FIRST_DAY, code="LIVE")
    centre.start(live_plan)
    centre.seat(live_plan, live_plan.people, lambda k: f"PC-{k + 1:02d}")  # the stations log in at their seats
    live = [(p.ticket, p.id_number, p.ability) for p in live_plan.people]
    url, result = str(centre.db.engine.url), folder / "export.json"
    ctx = mp.get_context("spawn")
    child = ctx.Process(target=export_child, args=(url, centre.clock.at.isoformat(), centre.admin.id, plan.session_id,
                                                   live, str(folder / "bundle.zip"), str(result), here))  # fmt: skip
    child.start()
    child.join(1800)
    if child.is_alive():
        child.kill()  # our own child, past any reasonable export time
        child.join(5)
    if not result.exists():
        print("3. export: the child process left no result (killed or crashed)")
        return
    r = json.loads(result.read_text())
    if "failed" in r:
        print(f"3. export failed: {r['failed']}")
    idle, during = r["idle"], r["during"]
    if "export_s" in r:
        rate = r["candidates"] / r["export_s"]
        print(f"3. export_session, {r['candidates']:,} candidates: {r['export_s']:.1f} s ({rate:.0f} reports/s), "
              f"bundle {r['bundle_bytes'] / 1e6:.0f} MB")  # fmt: skip
        before, after = r["rss_before_kb"] / 1024, r["rss_after_kb"] / 1024
        if r.get("peak_reset") and r.get("vm_hwm_after_kb") and r.get("vm_rss_before_kb"):
            now, peak = r["vm_rss_before_kb"] / 1024, r["vm_hwm_after_kb"] / 1024
            print(f"   peak memory of the saving process (its VmHWM, reset just before the export): {peak:.0f} MB, "
                  f"+{peak - now:.0f} MB over its {now:.0f} MB resident before the export")  # fmt: skip
        if r.get("workers_max_kb"):
            print(f"   its child processes ({'render workers' if here else 'the export process and its render workers'}"
                  f"): the largest peaked at {r['workers_max_kb'] / 1024:.0f} MB at most (RUSAGE_CHILDREN, which "
                  f"counts what a child shared with its parent at its start; not in the figures above)")  # fmt: skip
        print(f"   (ru_maxrss delta of the child process, which starts at its parent's peak on Linux, so it reads 0 "
              f"until the export outgrows the parent): +{after - before:.0f} MB over {before:.0f} MB "
              f"before the export (peak {after:.0f} MB)")  # fmt: skip
    where = "in the saving process" if here else "in a process of its own (app/api/apart.py)"
    print(f"   the export ran {where}; a station saving every {SAVE_EVERY * 1e3:.0f} ms in another open session:")
    print(f"     idle (before and after):  {len(idle):4} saves  {summary(idle)}")
    print(f"     during the export:        {len(during):4} saves  {summary(during)}")
    for name, saves in r.get("by_part", {}).items():
        label = f"{name} ({r['part_s'].get(name, 0):.1f} s)"
        print(f"       {label:23} {len(saves):4} saves  {summary(saves)}")
    errors = r["errors"]
    print(f"     errors: {', '.join(f'{k} x{v}' for k, v in errors.items()) if errors else 'none'}")
    p99_idle, p99_during = percentile(idle, 99), percentile(during, 99)
    ratio = p99_during / p99_idle
    ok = ratio <= 3 and not any(k.startswith("during") for k in errors)
    print(f"   p99 during / p99 idle = {ratio:.1f}x (target <= 3x and no failed save -> {verdict(ok)})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes: a smoke run well under a minute")
    parser.add_argument("--prepare", type=int, help="candidates whose papers are prepared (default 1000; quick 200)")
    parser.add_argument("--close", type=int, help="candidates closed, graded, exported (default 3000; quick 200)")
    parser.add_argument("--no-export", action="store_true", help="stop after closing (skip 3., the export)")
    parser.add_argument("--export-here", action="store_true", help="3. in the saving process, as before")
    args = parser.parse_args()
    prepare_n = args.prepare or (200 if args.quick else 1000)
    close_n = args.close or (200 if args.quick else 3000)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        centre = create_centre(folder / "store")
        try:
            prepare(centre, prepare_n)
            plan = finished_session(centre, close_n)
            close(centre, plan)
        except BaseException:
            centre.close()
            raise
        if not args.no_export:
            export_while_saving(centre, plan, folder, args.export_here)
        centre.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
