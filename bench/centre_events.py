"""Benchmark: how soon a proctor console in centre mode sees a change made at a candidate's station.

A session of 300 candidates (bench/realistic_store.py: photos, real papers, everyone logged in and
answering) is served by a real centre process over HTTPS on loopback. 20 candidate stations keep
saving in the background (about 5 saves a second in all, what 300 candidates answering a question a
minute make). A probe station saves one answer at a time; for each save the bench records when the
proctor's event stream (GET /api/events, app/centre/service.py) delivered the change.

Baseline, measured on the same saves in the same run: the single-station console, which reads the
overview every 2 s (ProctorConsole.REFRESH_MS) in process over the same store; its latency is the
time until the first read after the save that shows it. Target (issue 16): the event stream's p95
under 1 s.

    .venv/bin/python bench/centre_events.py [--saves 60]
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(1, str(Path(__file__).resolve().parents[1]))

from realistic_store import FIRST_DAY, PASSPHRASE, building, create_centre, percentile, store_summary

from app.api.client import Client
from app.api.https import Https
from app.centre import run, tls
from app.services.stations import StationService
from app.store.clock import FixedClock

SESSION_SIZE, BACKGROUND_STATIONS, BACKGROUND_RATE = 300, 20, 5.0  # saves per second in all
REFRESH_SECONDS = 2.0  # the in-process console's timed refresh
TARGET = 1.0


def open_backend(url: str):
    """The services over the bench's store, on the bench's exam day (each worker process opens its own)."""
    from datetime import datetime

    from app.services.backend import Backend
    from app.store.database import Database

    clock = FixedClock(datetime(FIRST_DAY.year, FIRST_DAY.month, FIRST_DAY.day, 9, 5).astimezone())
    return Backend.over(Database.open(url, PASSPHRASE, clock=clock))


def serve(url: str, folder: str, port: str, workers: str = "1") -> None:
    """The centre process (run by the bench itself with --serve)."""
    import functools

    run.serve_backend(functools.partial(open_backend, url), Path(folder), PASSPHRASE, f"127.0.0.1:{port}",
                      workers=int(workers))  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--saves", type=int, default=60)
    parser.add_argument("--serve", nargs=3, metavar=("URL", "DIR", "PORT"))
    args = parser.parse_args()
    if args.serve:
        serve(*args.serve)
        return
    import tempfile

    from tests.centre.harness import free_port

    with tempfile.TemporaryDirectory(prefix="centre-events-") as tmp:
        folder = Path(tmp)
        centre = create_centre(folder / "store")
        t0 = time.perf_counter()
        with building(centre.db):
            plan = centre.schedule(SESSION_SIZE, FIRST_DAY, code="LIVE300")
            centre.start(plan)
            logins = centre.log_in(plan, plan.people)
        stations = StationService(centre.db)
        tokens = {}
        for name in ["PROCTOR", *(f"PC-{n + 1:04d}" for n in range(BACKGROUND_STATIONS + 1))]:
            code = stations.issue_code(centre.admin, name)
            tokens[name] = stations.enrol(code.secret, name)
        print(f"built in {time.perf_counter() - t0:.0f} s: {store_summary(centre.db)}", flush=True)
        url = str(centre.db.engine.url.render_as_string(hide_password=False))
        centre.close()
        port = free_port()
        address = f"https://127.0.0.1:{port}"
        made = tls.create(folder / run.CENTRE_FOLDER, "3701001", ["127.0.0.1"], PASSPHRASE)
        run.CentreConfig([address]).write(folder)
        server = subprocess.Popen([sys.executable, __file__, "--serve", url, str(folder), str(port)])
        try:
            measure(address, made.ca_pem, tokens, plan, logins, url, args.saves)
        finally:
            server.terminate()
            server.wait()


def wait_healthy(address: str, ca_pem: bytes) -> None:
    import httpx

    from app.api.https import trust_only

    for _ in range(600):
        try:
            if httpx.get(f"{address}/health", verify=trust_only(ca_pem), timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        threading.Event().wait(0.1)
    raise SystemExit("the centre did not start")


def measure(address: str, ca_pem: bytes, tokens: dict[str, str], plan, logins, url: str, saves: int) -> None:
    from app.api.server import Server
    from app.services.backend import Backend
    from app.store.database import Database

    wait_healthy(address, ca_pem)
    proctor = Client(Https([address], ca_pem, tokens["PROCTOR"]), "PROCTOR")
    proctor.sign_in("proctor1", "proctor-pass-1")
    session_id = plan.session_id
    rows = {r.ticket: r for r in proctor.proctor.session_overview(session_id)}

    def station_client(n: int) -> tuple[Client, int, int, list]:
        login = logins[n]
        name = f"PC-{n + 1:04d}"
        client = Client(Https([address], ca_pem, tokens[name]), name, token=login.actor.token, role="candidate")
        view = client.candidate.attempt_view(login.attempt_id)
        return client, login.attempt_id, view.last_seq, view.items

    probe_client, probe_attempt, probe_seq, probe_items = station_client(0)
    probe_candidate = next(r.candidate_id for r in rows.values() if r.attempt_id == probe_attempt)
    stop = threading.Event()
    arrived: list[tuple[float, int]] = []  # (when, candidate) of each change the stream delivered

    def listen() -> None:
        for change in proctor.transport.changes(proctor.token, session_id, 0):  # type: ignore[attr-defined]
            arrived.append((time.perf_counter(), change.candidate_id or 0))
            if stop.is_set():
                return

    def background(n: int) -> None:
        client, attempt, seq, items = station_client(n)
        rng = random.Random(n)
        while not stop.is_set():
            stop.wait(rng.expovariate(BACKGROUND_RATE / BACKGROUND_STATIONS))
            item = rng.choice(items)
            seq = client.candidate.save_answer(attempt, seq, item["slot"], an_answer(item, rng)).seq

    # the single-station console: the same overview, in process, every 2 s
    db = Database.open(url, PASSPHRASE, clock=FixedClock(plan_day(plan)))
    local = Server(Backend.over(db, sweep=False))
    seen: list[tuple[float, float]] = []  # (when read, the probe's since_save)
    local_proctor = in_process_proctor(local)

    def console() -> None:
        while not stop.is_set():
            overview = local_proctor.proctor.session_overview(session_id)
            row = next(r for r in overview if r.candidate_id == probe_candidate)
            seen.append((time.perf_counter(), row.since_save if row.since_save is not None else 1e9))
            stop.wait(REFRESH_SECONDS)

    threads = [threading.Thread(target=listen, daemon=True), threading.Thread(target=console, daemon=True),
               *(threading.Thread(target=background, args=(n,), daemon=True)
                 for n in range(1, BACKGROUND_STATIONS + 1))]  # fmt: skip
    for thread in threads:
        thread.start()
    stop.wait(2.0)
    events, polls, acks = [], [], []
    rng = random.Random(0)
    for _ in range(saves):
        t_start = time.perf_counter()
        item = rng.choice(probe_items)
        probe_seq = probe_client.candidate.save_answer(probe_attempt, probe_seq, item["slot"], an_answer(item, rng)).seq
        t_ack = time.perf_counter()
        acks.append(t_ack - t_start)
        deadline = t_start + 10
        while time.perf_counter() < deadline:
            got = next((t for t, c in reversed(arrived) if c == probe_candidate and t >= t_start), None)
            if got is not None:
                events.append(got - t_start)
                break
            stop.wait(0.005)
        else:
            events.append(float("inf"))
        while True:  # the first in-process read after the save that shows a fresh save of the probe
            shown = next((t for t, since in seen if t >= t_ack and since < t - t_start + 0.5), None)
            if shown is not None:
                polls.append(shown - t_start)
                break
            stop.wait(0.05)
        stop.wait(rng.uniform(0.1, 0.5))
    stop.set()
    for thread in threads[1:]:  # the stream's reader ends with the centre
        thread.join()
    local.backend.close()
    p95_event, p95_poll = percentile(events, 95), percentile(polls, 95)
    print(f"saves: {saves} probed, with {BACKGROUND_STATIONS} stations saving ~{BACKGROUND_RATE:.0f}/s around them;"
          f" session of {SESSION_SIZE}")  # fmt: skip
    print(f"save acknowledged (HTTPS): p50 {percentile(acks, 50) * 1e3:.0f} ms"
          f"  p95 {percentile(acks, 95) * 1e3:.0f} ms")  # fmt: skip
    verdict = "met" if p95_event < TARGET else "NOT met"
    print(f"event stream (centre mode):      p50 {percentile(events, 50) * 1e3:6.0f} ms"
          f"  p95 {p95_event * 1e3:6.0f} ms  [target p95 < {TARGET * 1e3:.0f} ms: {verdict}]")  # fmt: skip
    print(f"in-process console (2 s reads):  p50 {percentile(polls, 50) * 1e3:6.0f} ms  p95 {p95_poll * 1e3:6.0f} ms")
    print(f"ratio event stream / in-process console (p95): {p95_event / p95_poll:.2f}x")


def an_answer(item: dict, rng: random.Random):
    """A well-formed answer to `item` (app/domain/answers.py): a label, labels, or true/false."""
    labels = [label for label, _text in item.get("options") or []]
    if item["type"] == "truefalse":
        return rng.random() < 0.5
    if item["type"] == "multiple":
        return sorted(rng.sample(labels, rng.randint(1, len(labels))))
    return rng.choice(labels) if labels else "（作答内容）"


def plan_day(plan):
    from datetime import datetime

    return datetime(plan.day.year, plan.day.month, plan.day.day, 9, 5).astimezone()


def in_process_proctor(server):
    from app.api.client import InProcess

    client = Client(InProcess(server), "PROCTOR-LOCAL")
    client.sign_in("proctor1", "proctor-pass-1")
    return client


if __name__ == "__main__":
    main()
