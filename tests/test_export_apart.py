"""An export job in a process of its own (app/api/apart.py): the same signed bundle and audit entry
as in process, its progress and refusals reach the caller, and a child that dies fails the job."""

from __future__ import annotations

import os
import pickle
import threading

import pytest
from sqlalchemy import select

from app.api import apart, wire
from app.api.errors import ApiError
from app.api.server import Server
from app.api.types import ExportResult
from app.reports.verify import verify_bundle
from app.services.backend import Backend
from app.services.export import ExportService
from app.services.keys import KeyService
from app.store.models import AuditEntry
from tests.store_fixtures import shared_catalog
from tests.test_long_actions import closed_world

STATION = "ADMIN-PC"


def _job(server: Server, token: str, job_id: str) -> dict:
    for _ in range(6000):  # a child process starts (imports) in a few seconds
        status = server.call("admin.job_status", token, STATION, {"job_id": job_id})
        if status.state != "running":
            return status
        threading.Event().wait(0.02)
    raise AssertionError("the export job did not end")


def _exported(world, **args):
    server = Server(Backend.over(world.db, shared_catalog(), sweep=False))
    server.export_apart = True
    token = server.auth.sign_in("admin", "admin-pass-1", STATION).token
    started = server.call("admin.export_session", token, STATION, {"session_id": world.session_id, **args})
    return _job(server, token, started.job_id)


def dies_at_once(*_args) -> None:
    os._exit(3)


def test_an_export_in_its_own_process_is_the_bundle_and_the_entry_an_export_here_makes(world, tmp_path,
                                                                                       monkeypatch):  # fmt: skip
    closed_world(world)

    def not_here(*_args, **_kwargs):
        raise AssertionError("the export ran in the process that serves the stations")

    monkeypatch.setattr(ExportService, "export_session", not_here)  # the child imports its own, untouched
    status = _exported(world)
    assert status.state == "done", status.error
    assert status.done == status.total > 0  # the child's progress reached the job, to its end
    (bundle,) = wire._from_json(ExportResult, status.result).files
    path = tmp_path / bundle.name
    path.write_bytes(bundle.content)
    check = verify_bundle(path, KeyService(world.db).public_key())
    assert check.ok, check.reason
    with world.db.reader() as s:
        last = s.execute(select(AuditEntry.actor, AuditEntry.action).order_by(AuditEntry.seq.desc()).limit(1)).one()
    assert tuple(last) == (world.admin.label, "export.bundle")


def test_a_refusal_in_the_export_process_reaches_the_caller_as_it_would_from_here(world):
    closed_world(world)
    status = _exported(world, mask=False, reason="  ")
    assert status.state == "failed"
    refusal = ApiError.from_json(status.error)
    assert refusal.message.template == "an export with names and ID numbers in full needs a reason"


def test_an_export_process_that_dies_fails_the_job_with_its_exit_code(world, tmp_path, monkeypatch):
    closed_world(world)
    monkeypatch.setattr(apart, "_export_child", dies_at_once)  # spawned by name: this module's function
    with pytest.raises(RuntimeError, match=r"ended without a result \(exit code 3\)"):
        apart.export_apart(world.db, shared_catalog(), world.admin, world.session_id, tmp_path / "out.zip")
    assert not (tmp_path / "out.zip").exists()


def test_a_handed_store_opens_in_another_process_under_the_same_key_and_epoch(world):
    reopened = pickle.loads(pickle.dumps(world.db.handle())).open()  # what the child receives over its pipe
    try:
        sealed = world.db.cipher.encrypt(b"answer", b"ctx")
        assert reopened.cipher.decrypt(sealed, b"ctx") == b"answer"
        assert reopened.epoch == world.db.epoch and reopened.machine.boot() == world.db.machine.boot()
        assert abs(reopened.mono() - world.db.mono()) < 60
    finally:
        reopened.close()
