"""A centre served by two worker processes on one socket (app/centre/workers.py): both answer, a
job started through one is found, with its result, through the other, a worker that dies is started
again, and stopping the service stops every worker."""

from __future__ import annotations

import json
import os
import signal
import threading
from typing import Any

import httpx
import psutil
import pytest

from app.api.https import STATION_HEADER, trust_only
from tests.centre.conftest import pc
from tests.centre.harness import CentreRun
from tests.store_fixtures import build_world, fresh_url

pytestmark = pytest.mark.centre
_WAIT = threading.Event()  # never set: a timed wait that works under libfaketime
CONNECTIONS = 200  # new connections tried before concluding a worker never answers


@pytest.fixture(scope="module")
def two_workers(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("centre-workers")
    world = build_world(fresh_url("sqlite", folder))
    world.db.close()
    centre = CentreRun(world, folder / "centre", workers=2)
    centre.start()
    centre.folder_root = folder  # type: ignore[attr-defined]
    yield centre
    centre.stop()


def connection(centre: CentreRun) -> httpx.Client:
    """One new connection to the centre: the kernel hands it to one worker, which keeps it."""
    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
    return httpx.Client(verify=trust_only(centre.ca_pem), limits=limits, timeout=30)


def worker_of(http: httpx.Client, centre: CentreRun) -> int:
    return int(http.get(f"{centre.address}/health").json()["worker"])


def call(http: httpx.Client, centre: CentreRun, station_token: str, token: str | None, method: str,
         **args: Any) -> Any:  # fmt: skip
    headers = {STATION_HEADER: station_token}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    reply = http.post(f"{centre.address}/api/{method.replace('.', '/')}", content=json.dumps(args), headers=headers)
    data = reply.json()
    assert "ok" in data, f"{method}: {data}"
    return data["ok"]


def test_both_workers_answer_new_connections(two_workers):
    seen: set[int] = set()
    for _ in range(CONNECTIONS):
        with connection(two_workers) as http:
            seen.add(worker_of(http, two_workers))
        if seen == {0, 1}:
            break
    assert seen == {0, 1}


def test_a_job_is_found_with_its_result_whichever_worker_is_asked(two_workers):
    station = pc(two_workers, "ADMIN-PC")
    with connection(two_workers) as http:
        started_on = worker_of(http, two_workers)
        token = call(http, two_workers, station.token, None, "public.sign_in", username="admin",
                     password="admin-pass-1")["token"]  # fmt: skip
        bank = call(http, two_workers, station.token, token, "admin.banks")[0]["bank"]
        job = call(http, two_workers, station.token, token, "admin.export_bank", bank=bank, fmt="yaml")
    results: dict[int, Any] = {}
    for _ in range(CONNECTIONS):
        with connection(two_workers) as http:
            worker = worker_of(http, two_workers)
            status = call(http, two_workers, station.token, token, "admin.job_status", job_id=job["job_id"])
        assert status["state"] in ("running", "done"), status
        if status["state"] == "done":
            results[worker] = status["result"]
        if len(results) == 2:
            break
        _WAIT.wait(0.05)
    assert set(results) == {0, 1}, f"the job (started on worker {started_on}) was not read on both workers"
    assert results[0] == results[1] and results[0]["name"].endswith(".yaml")
    assert len(results[0]["content"]) > 1000  # the bank's questions, as bytes in the contract's JSON
    # another caller does not see it, whichever worker answers
    other = pc(two_workers, "PROCTOR-PC")
    with connection(two_workers) as http:
        proctor = call(http, two_workers, other.token, None, "public.sign_in", username="proctor1",
                       password="proctor-pass-1")["token"]  # fmt: skip
        reply = http.post(f"{two_workers.address}/api/proctor/job_status",
                          headers={STATION_HEADER: other.token, "Authorization": f"Bearer {proctor}"},
                          content=json.dumps({"job_id": job["job_id"]}))  # fmt: skip
    assert reply.status_code == 404


def live_workers(supervisor: psutil.Process) -> list[psutil.Process]:
    """The supervisor's worker processes now running (not multiprocessing's resource tracker)."""
    found = []
    for child in supervisor.children():
        try:
            if child.status() != psutil.STATUS_ZOMBIE and "spawn_main" in " ".join(child.cmdline()):
                found.append(child)
        except psutil.Error:  # gone meanwhile
            continue
    return found


def running(process: psutil.Process) -> bool:
    try:
        return process.is_running() and process.status() != psutil.STATUS_ZOMBIE
    except psutil.Error:  # gone meanwhile
        return False


def test_a_worker_that_dies_is_started_again_and_stopping_stops_every_worker(tmp_path):
    world = build_world(fresh_url("sqlite", tmp_path))
    world.db.close()
    centre = CentreRun(world, tmp_path / "centre", workers=2)
    centre.start()
    try:
        assert centre.process is not None
        supervisor = psutil.Process(centre.process.pid)
        workers = live_workers(supervisor)
        assert len(workers) == 2
        victim = workers[0]
        os.kill(victim.pid, signal.SIGKILL)
        for _ in range(300):
            now = live_workers(supervisor)
            if len(now) == 2 and victim.pid not in {p.pid for p in now}:
                break
            _WAIT.wait(0.1)
        else:
            raise AssertionError("the dead worker was not started again")
        seen: set[int] = set()
        for _ in range(600):  # the new worker opens the store and loads the catalogue first (seconds)
            with connection(centre) as http:
                seen.add(worker_of(http, centre))
            if seen == {0, 1}:
                break
            _WAIT.wait(0.1)
        assert seen == {0, 1}
        everyone = [supervisor, *supervisor.children(recursive=True)]
    finally:
        centre.stop()
    for _ in range(300):  # psutil.wait_procs sleeps with time.sleep, which fails under libfaketime
        alive = [p for p in everyone if running(p)]
        if not alive:
            break
        _WAIT.wait(0.1)
    assert not alive, f"still running after the service stopped: {alive}"
