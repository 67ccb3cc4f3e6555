"""Benchmark: the centre under the load of its stations (issue 17).

N simulated candidate stations (asyncio clients over real HTTPS on loopback, each with its own
connection, station token and candidate token) each save an answer every 2 seconds (jittered)
for `--seconds`; a probe interleaved with them asks the centre's trivial endpoint (/health) under
the same load. Printed per N and per number of centre worker processes (`--workers 1,2`: one
centre service each, on the one store, measured in turn): saves per second, p50/p99/max of a
save, errors by kind, p50/p99 after the first 10 s (every station connected, every attempt read
once), the probe's p99, and the ratio of the save p99 to the probe p99. The client and the server
share this machine (2 cores): both are reported, CPU seconds per side; each station speaks
HTTP/1.1 over its own keep-alive TLS connection written by hand, so that the stations (other PCs
in a centre) take as little of the server's CPU as they can. Target: p99 < 100 ms and no errors at
1,000.

    .venv/bin/python bench/centre_load.py [--sizes 100,300,1000] [--seconds 60] [--workers 1,2]

Not part of CI. The store is built with bench/realistic_store.py (one session of max(N) candidates,
real papers, all logged in at their own stations).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import resource
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

sys.path.insert(1, str(Path(__file__).resolve().parents[1]))

from centre_events import an_answer, serve  # the centre process and well-formed answers
from realistic_store import FIRST_DAY, PASSPHRASE, building, create_centre, percentile, store_summary

from app.api import wire
from app.api.https import STATION_HEADER, trust_only
from app.centre import run, tls
from app.services.stations import StationService

TARGET_P99 = 0.100
REFRESH = 5.0  # seconds between a station screen's questions to the centre (REFRESH_EVERY ticks)
STEADY_AFTER_START = 10.0  # seconds: the start (connections, each attempt's first read by a worker) is over
INTERVAL = 2.0


def raise_open_files() -> None:
    _soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


class Connection:
    """One station's keep-alive HTTPS connection, HTTP/1.1 written and read by hand: the stations are
    other PCs in a centre, and here they share the server's 2 cores, so each costs as little CPU as
    it can (httpx cost about as much CPU per save as the server)."""

    def __init__(self, address: str, context) -> None:
        self.host, _, port = address.removeprefix("https://").partition(":")
        self.port, self.context = int(port), context
        self.reader = self.writer = None

    async def post(self, path: str, body: bytes, headers: dict[str, str]) -> tuple[int, bytes]:
        reused = self.writer is not None and not self.writer.is_closing()
        try:
            return await self._post(path, body, headers)
        except (ConnectionError, asyncio.IncompleteReadError):
            if not reused:
                raise
            return await self._post(path, body, headers)  # closed by the centre while idle: as httpx, again

    async def _post(self, path: str, body: bytes, headers: dict[str, str]) -> tuple[int, bytes]:
        if self.writer is None or self.writer.is_closing():
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port, ssl=self.context,
                                                                     server_hostname=self.host)  # fmt: skip
        head = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
        self.writer.write(f"POST {path} HTTP/1.1\r\nHost: {self.host}\r\n{head}Content-Length: {len(body)}\r\n\r\n"
                          .encode() + body)  # fmt: skip
        try:
            status_line = await self.reader.readline()
            if not status_line:
                raise ConnectionError("the centre closed the connection")
            length, close = 0, False
            while (line := await self.reader.readline()) not in (b"\r\n", b""):
                name, _, value = line.decode("latin-1").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
                elif name.lower() == "connection" and value.strip().lower() == "close":
                    close = True
            data = await self.reader.readexactly(length)
        except BaseException:
            self.close()
            raise
        if close:
            self.close()
        return int(status_line.split()[1]), data

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.writer = None


async def station(http: Connection, address: str, station_token: str, login, view: list, until: float,
                  saves: list[float], errors: Counter, steady: list[float], steady_from: float) -> None:  # fmt: skip
    """One station's candidate saving every 2 s; `view` is [items, the attempt's last step] (kept across runs)."""
    items, seq = view
    rng = random.Random(login.attempt_id)
    headers = {STATION_HEADER: station_token, "Authorization": f"Bearer {login.actor.token}",
               "Content-Type": "application/json"}  # fmt: skip
    await asyncio.sleep(rng.uniform(0, INTERVAL))
    while time.perf_counter() < until:
        item = rng.choice(items)
        body = wire.encode_args("candidate.save_answer", {"attempt_id": login.attempt_id, "expected_seq": seq,
                                                          "slot": item["slot"], "answer": an_answer(item, rng)})
        t0 = time.perf_counter()
        try:
            _status, text = await asyncio.wait_for(
                http.post("/api/candidate/save_answer", json.dumps(body).encode(), headers), 30)
            data = json.loads(text)
        except Exception as exc:  # counted, never fatal: the run goes on
            errors[type(exc).__name__] += 1
        else:
            if "error" in data:
                errors[data["error"]["code"]] += 1
                if data["error"]["code"] == "stale_save":
                    seq = int(data["error"]["params"].get("step", seq))
            else:
                seq = data["ok"]["seq"]
                saves.append(time.perf_counter() - t0)
                if t0 >= steady_from:  # every station connected, and its attempt read once by the centre
                    steady.append(saves[-1])
            view[1] = seq
        await asyncio.sleep(max(0.0, INTERVAL * rng.uniform(0.8, 1.2) - (time.perf_counter() - t0)))


async def refresher(http: Connection, station_token: str, login, call: str, until: float, out: list[float],
                    errors: Counter) -> None:  # fmt: skip
    """The station's screen asking where the attempt stands every REFRESH seconds (app/ui/candidate/station.py)."""
    headers = {STATION_HEADER: station_token, "Authorization": f"Bearer {login.actor.token}",
               "Content-Type": "application/json"}  # fmt: skip
    rng = random.Random(-login.attempt_id)
    await asyncio.sleep(rng.uniform(0, REFRESH))
    body = json.dumps({"attempt_id": login.attempt_id}).encode()
    while time.perf_counter() < until:
        t0 = time.perf_counter()
        try:
            status, _text = await asyncio.wait_for(http.post(f"/api/candidate/{call}", body, headers), 30)
            if status != 200:
                errors[f"{call} {status}"] += 1
            else:
                out.append(time.perf_counter() - t0)
        except Exception as exc:
            errors[f"{call}: {type(exc).__name__}"] += 1
        await asyncio.sleep(max(0.0, REFRESH - (time.perf_counter() - t0)))


async def probe(http, address: str, until: float, out: list[float]) -> None:
    while time.perf_counter() < until:
        t0 = time.perf_counter()
        try:
            await http.get(f"{address}/health")
            out.append(time.perf_counter() - t0)
        except Exception:
            pass
        await asyncio.sleep(0.1)


async def load(address: str, ca_pem: bytes, tokens: dict[str, str], logins, views, n: int, seconds: float,
               refresh: str, refreshes: list[float]):  # fmt: skip
    import httpx

    context = trust_only(ca_pem)
    clients = [Connection(address, context) for _ in range(n)]
    screens = [Connection(address, context) for _ in range(n)] if refresh != "none" else []
    prober = httpx.AsyncClient(verify=context, timeout=30)
    saves: list[float] = []
    steady: list[float] = []
    health: list[float] = []
    errors: Counter = Counter()
    until = time.perf_counter() + seconds
    c0 = time.process_time()
    await asyncio.gather(probe(prober, address, until, health), *(
        station(clients[k], address, tokens[f"PC-{k + 1:04d}"], logins[k], views[k], until, saves, errors, steady,
                until - seconds + STEADY_AFTER_START)
        for k in range(n)), *(
        refresher(screens[k], tokens[f"PC-{k + 1:04d}"], logins[k], f"attempt_{refresh}", until, refreshes, errors)
        for k in range(len(screens))))  # fmt: skip
    client_cpu = time.process_time() - c0
    for c in [*clients, *screens]:
        c.close()
    await prober.aclose()
    return saves, health, errors, client_cpu, steady


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="100,300,1000")
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--refresh", choices=("status", "view", "none"), default="status",
                        help="what each station's screen asks every 5 s: attempt_status (today), attempt_view (before)")
    parser.add_argument("--workers", default="1", help="centre processes; several (1,2) are measured in turn")
    parser.add_argument("--serve", nargs=4, metavar=("URL", "DIR", "PORT", "WORKERS"))
    args = parser.parse_args()
    if args.serve:
        serve(*args.serve)
        return
    import tempfile

    import psutil

    from tests.centre.harness import free_port

    raise_open_files()
    sizes = [int(x) for x in args.sizes.split(",")]
    with tempfile.TemporaryDirectory(prefix="centre-load-") as tmp:
        folder = Path(tmp)
        centre = create_centre(folder / "store")
        t0 = time.perf_counter()
        with building(centre.db):
            plan = centre.schedule(max(sizes), FIRST_DAY, code="LOAD")
            centre.start(plan)
            logins = centre.log_in(plan, plan.people)
            stations = StationService(centre.db)
            tokens = {}
            for k in range(max(sizes)):
                name = f"PC-{k + 1:04d}"
                tokens[name] = stations.enrol(stations.issue_code(centre.admin, name).secret, name)
            views = [[centre.exam.attempt_view(login.actor, login.attempt_id).items, 0] for login in logins]
        print(f"built in {time.perf_counter() - t0:.0f} s: {store_summary(centre.db)}", flush=True)
        url = str(centre.db.engine.url.render_as_string(hide_password=False))
        centre.close()
        made = tls.create(folder / run.CENTRE_FOLDER, "3701001", ["127.0.0.1"], PASSPHRASE)
        servers: dict[int, tuple[subprocess.Popen, str]] = {}
        try:
            from centre_events import wait_healthy

            for workers in [int(w) for w in args.workers.split(",")]:  # each its own service on the one store
                port = free_port()
                run.CentreConfig([f"https://127.0.0.1:{port}"]).write(folder)
                server = subprocess.Popen([sys.executable, __file__, "--serve", url, str(folder), str(port),
                                           str(workers)])  # fmt: skip
                servers[workers] = server, f"https://127.0.0.1:{port}"
                wait_healthy(servers[workers][1], made.ca_pem)
            for n in sizes:
                for workers, (server, address) in servers.items():
                    processes = [psutil.Process(server.pid), *psutil.Process(server.pid).children(recursive=True)]
                    s0 = sum(p.cpu_times().user + p.cpu_times().system for p in processes)
                    refreshes: list[float] = []
                    saves, health, errors, client_cpu, steady = asyncio.run(
                        load(address, made.ca_pem, tokens, logins, views, n, args.seconds, args.refresh, refreshes))
                    server_cpu = sum(p.cpu_times().user + p.cpu_times().system for p in processes) - s0
                    p99, probe99 = percentile(saves, 99), percentile(health, 99)
                    verdict = "met" if p99 < TARGET_P99 and not errors else "NOT met"
                    print(f"N={n:5d}, {workers} worker(s): {len(saves) / args.seconds:6.1f} saves/s"
                          f"  p50 {percentile(saves, 50) * 1e3:6.1f} ms  p99 {p99 * 1e3:7.1f} ms"
                          f"  max {max(saves, default=0) * 1e3:7.1f} ms  errors {dict(errors) or 0}"
                          f"  | after the first {STEADY_AFTER_START:.0f} s: p50 {percentile(steady, 50) * 1e3:6.1f} ms"
                          f"  p99 {percentile(steady, 99) * 1e3:7.1f} ms"
                          f"  | {len(refreshes)} refreshes ({args.refresh})"
                          f" p50 {percentile(refreshes, 50) * 1e3:.1f} ms"
                          f" p99 {percentile(refreshes, 99) * 1e3:.1f} ms"
                          f"  | /health p99 {probe99 * 1e3:6.1f} ms  ratio {p99 / probe99:5.2f}x"
                          f"  | CPU s: server {server_cpu:.0f}, clients {client_cpu:.0f}"
                          f"  [p99 < 100 ms, no errors: {verdict}]", flush=True)  # fmt: skip
                    threading.Event().wait(2)
        finally:
            for server, _address in servers.values():
                server.terminate()
                server.wait()


if __name__ == "__main__":
    main()
