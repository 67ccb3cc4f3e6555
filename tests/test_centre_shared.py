"""What the workers of one centre share (app/centre/workers.py), each piece as two workers see it,
in one process: jobs, the audit heads and rollbacks the stations showed, the store copies, the
catalogue. The real processes: tests/centre/test_centre_workers.py."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from app.api.errors import ApiError
from app.api.server import Server
from app.centre import run, tls, workers
from app.centre.backup import CopyStatus
from app.centre.heads import HeadWatch
from app.domain.audit_head import AuditHead
from app.errors import UserFacingError
from app.security.envelope import FieldCipher
from app.services.backend import Backend
from app.services.base import Actor
from tests.store_fixtures import shared_catalog

A, B, C = "a" * 64, "b" * 64, "c" * 64
ADMIN, OTHER = Actor("admin", 1), Actor("admin", 2)


@pytest.fixture
def run_folder(tmp_path: Path) -> Path:
    return workers.reset_run_folder(tmp_path)


def _finished(jobs: workers.SharedJobs, job_id: str, owner: Actor):
    for _ in range(500):
        status = jobs.status(job_id, owner)
        if status.state != "running":
            return status
        threading.Event().wait(0.01)
    raise AssertionError("the job did not end")


def test_a_job_started_by_one_worker_is_read_by_another_with_its_progress_and_result(run_folder):
    cipher = FieldCipher(b"k" * 32)
    one, two = workers.SharedJobs(run_folder / "jobs", cipher), workers.SharedJobs(run_folder / "jobs", cipher)
    halfway, finish = threading.Event(), threading.Event()

    def work(progress):
        for done in range(1, 4):  # written at most every PROGRESS_SECONDS, the latest soon after
            progress(done, 4)
        halfway.set()
        finish.wait(30)
        return 42

    started = one.start(ADMIN, "admin.prepare_papers", work)
    assert halfway.wait(30)
    for _ in range(500):
        running = two.status(started.job_id, ADMIN)
        if running.done == 3:
            break
        threading.Event().wait(0.01)
    assert (running.state, running.done, running.total) == ("running", 3, 4)
    finish.set()
    done = _finished(two, started.job_id, ADMIN)
    assert (done.state, done.result) == ("done", 42)
    with pytest.raises(ApiError) as foreign:
        two.status(started.job_id, OTHER)  # another admin's job is not theirs to read
    assert foreign.value.code == "not_found"
    stored = (run_folder / "jobs" / started.job_id).read_bytes()
    assert b"42" not in stored and b"prepare_papers" not in stored  # encrypted under the data key


def test_a_failed_job_reads_as_failed_with_its_refusal_on_every_worker(run_folder):
    cipher = FieldCipher(b"k" * 32)
    one, two = workers.SharedJobs(run_folder / "jobs", cipher), workers.SharedJobs(run_folder / "jobs", cipher)

    def work(progress):
        raise ApiError("conflict", "session {code} is closed", {"code": "S1"})

    started = one.start(ADMIN, "admin.prepare_papers", work)
    _finished(one, started.job_id, ADMIN)
    failed = two.status(started.job_id, ADMIN)
    assert failed.state == "failed" and failed.error["code"] == "conflict"


def test_a_job_whose_worker_died_reads_as_failed_and_no_path_is_taken_from_a_job_id(run_folder):
    cipher = FieldCipher(b"k" * 32)
    one = workers.SharedJobs(run_folder / "jobs", cipher)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    one._pid, one._stamp = int(dead.stdout), 12345.0  # a process that no longer runs
    one._publish("0123456789abcdef", {"owner": ADMIN.label, "method": "admin.export_session", "state": "running",
                                      "done": 3, "total": 10, "result": None, "error": None}, final=True)  # fmt: skip
    two = workers.SharedJobs(run_folder / "jobs", cipher)
    status = two.status("0123456789abcdef", ADMIN)
    assert status.state == "failed" and "stopped" in str(ApiError.from_json(status.error))
    (run_folder / "secret").write_text("x")
    for job_id in ("../secret", "secret", "0123456789ABCDEF"):
        with pytest.raises(ApiError):
            two.status(job_id, ADMIN)


def test_the_admin_sees_every_station_and_the_first_rollback_whichever_worker_answers(run_folder):
    def store_head() -> AuditHead:
        return AuditHead(2, B)

    def entry_mac(seq: int) -> str | None:
        return {1: A, 2: B}.get(seq)

    one, two = HeadWatch(store_head, entry_mac), HeadWatch(store_head, entry_mac)
    boards = [workers.WorkerBoard(run_folder, k, lambda w=watch: {"heads": w.published()})
              for k, watch in enumerate((one, two))]  # fmt: skip
    for watch, board in zip((one, two), boards, strict=True):  # as app/centre/run.py wires them
        watch.peers = lambda board=board: [p["heads"] for p in board.peers()]
    assert one.check("PC-01", f"1:{A}") is None
    assert two.check("PC-01", f"2:{B}") is None and two.check("PC-02", f"1:{A}") is None
    assert one.check("PC-09", f"7:{C}") is not None  # beyond the store's end: a rollback, seen by worker 0
    for board in boards:
        board.publish_now()
    boards[0]._read_at = boards[1]._read_at = -1e9
    for watch in (one, two):
        assert watch.held() == {"PC-01": f"2:{B}", "PC-02": f"1:{A}", "PC-09": f"7:{C}"}
        alarm = watch.first_alarm()
        assert alarm is not None and alarm.station == "PC-09"
        assert watch.alarm_count() == 1


def test_every_worker_shows_the_store_copies_worker_0_makes(run_folder, tmp_path):
    made = CopyStatus("2026-03-14T09:00:00+00:00", str(tmp_path / "copy.db"), 4096, 17)
    lead = workers.WorkerBoard(run_folder, 0, lambda: {"copy": {"last": made.__dict__, "failure": "disk full"}})
    other = workers.WorkerBoard(run_folder, 1, lambda: {})
    lead.publish_now()
    copies = workers.PeerCopies(other, tmp_path / "second-disk")
    assert copies.last == made and copies.failure == "disk full" and copies.target_dir == tmp_path / "second-disk"
    assert json.loads((run_folder / "worker-0.json").read_text())["copy"]["last"]["audit_head"] == 17


def test_a_worker_reloads_its_catalogue_before_a_staff_call_once_another_imported(run_folder, world):
    importer, other = workers.CatalogMark(run_folder), workers.CatalogMark(run_folder)
    assert not other.changed()
    importer.reloaded()
    assert other.changed() and not other.changed() and not importer.changed()
    server = Server(Backend.over(world.db, shared_catalog(), sweep=False))
    reloads: list[int] = []
    server.backend.reload_catalog = lambda: reloads.append(1)  # type: ignore[method-assign]
    stale = [True]
    server.catalog_stale = lambda: stale.pop() if stale else False
    token = server.auth.sign_in("admin", "admin-pass-1", "ADMIN-PC").token
    server.call("admin.standards", token, "ADMIN-PC", {})
    server.call("admin.standards", token, "ADMIN-PC", {})
    assert reloads == [1]


def exits_at_once(index: int, sock) -> None:
    raise SystemExit(7)


def test_a_worker_that_stops_at_every_start_stops_the_service_with_a_message(tmp_path):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        with pytest.raises(workers.WorkersFailing) as failing:
            workers.Supervisor(exits_at_once, sock, 1).run()
    assert "stopped at its start 3 times running (exit 7)" in str(failing.value)


def no_store() -> Backend:
    raise UserFacingError("wrong passphrase")


def test_a_store_the_workers_cannot_open_is_said_once_before_any_starts(tmp_path):
    tls.create(tmp_path / run.CENTRE_FOLDER, "C01", ["127.0.0.1"], "pass")
    run.CentreConfig(["https://127.0.0.1:8443"]).write(tmp_path)
    with pytest.raises(UserFacingError, match="wrong passphrase"):
        run.serve_backend(no_store, tmp_path, "pass", "127.0.0.1:0", workers=2)
    assert not (tmp_path / run.CENTRE_FOLDER / workers.RUN_FOLDER).exists()  # no worker was started
