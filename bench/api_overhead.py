"""Benchmark: what the service contract adds to a candidate's answer save.

One store, one theory session open today with candidates logged in (photos, real papers). Each
round times, in a shuffled order, one save by each of three candidates:
- direct: ExamService.save_answer with the actor in hand (the baseline: what the screens did);
- in process: the same save through Client/InProcess/Server: the token is resolved to the actor
  (one indexed read) on every call;
- loopback: through Client/Loopback: the call, its result and any refusal also go through JSON.
So all three see the same disk and the same noise. Figures: p50/p99 of each and their ratios to
direct; the target is that the contract stays a small part of a save that waits for the disk
(in process p99 <= 1.25x direct; loopback, which centre mode's HTTPS will replace, is reported).

    .venv/bin/python bench/api_overhead.py [--quick] [--saves 1500] [--aged 0]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from realistic_store import FIRST_DAY, Writer, age, create_centre, percentile, summary, verdict, writers

from app.api.client import Client, InProcess, Loopback, Transport
from app.api.server import Server
from app.services.backend import Backend

TARGET = 1.25  # in-process p99 / direct p99


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes: a smoke run well under a minute")
    parser.add_argument("--saves", type=int, help="saves per way (default 1500; quick 200)")
    parser.add_argument("--aged", type=int, default=0, help="finished candidates in the store before today's")
    args = parser.parse_args()
    saves = args.saves or (200 if args.quick else 1500)
    with tempfile.TemporaryDirectory(prefix="examdesk-bench-") as tmp:
        centre = create_centre(Path(tmp) / "store")
        if args.aged:
            age(centre, args.aged, log=lambda m: print(m, flush=True))
        plan = centre.schedule(3, FIRST_DAY + timedelta(days=60), code="TODAY")
        centre.start(plan)
        logins = centre.log_in(plan, plan.people)
        direct, via_process, via_json = writers(centre, plan, logins)
        server = Server(Backend.over(centre.db, centre.catalog, sweep=False))
        stations = {login.attempt_id: f"PC-{n + 1:04d}" for n, login in enumerate(logins)}

        def client_for(writer: Writer, transport: Transport) -> tuple[Client, int]:
            """The writer's station as a client holding its login's token."""
            login = writer.login
            return Client(transport, stations[login.attempt_id], login.actor.token, "candidate"), login.attempt_id

        ways = {
            "direct": (direct, None),
            "in process": (via_process, client_for(via_process, InProcess(server))),
            "loopback": (via_json, client_for(via_json, Loopback(server))),
        }
        times: dict[str, list[float]] = {name: [] for name in ways}
        rng = random.Random(7)
        for _ in range(saves):
            order = list(ways)
            rng.shuffle(order)
            for name in order:
                writer, bound = ways[name]
                if bound is None:
                    times[name].append(writer.save())
                    continue
                client, attempt_id = bound
                slot, value = writer.next_answer()
                t0 = time.perf_counter()
                ack = client.candidate.save_answer(attempt_id, writer.seq, slot, value)
                times[name].append(time.perf_counter() - t0)
                writer.seq = ack.seq
        centre.close()
    base99, base50 = percentile(times["direct"], 99), percentile(times["direct"], 50)
    print(f"saves per way: {saves} (shuffled rounds)")
    for name, values in times.items():
        print(f"{name:>11}: {summary(values)}; p50 {percentile(values, 50) / base50:.2f}x, "
              f"p99 {percentile(values, 99) / base99:.2f}x direct")  # fmt: skip
    ok = percentile(times["in process"], 99) <= TARGET * base99
    print(f"in-process p99 <= {TARGET}x direct: {verdict(ok)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
