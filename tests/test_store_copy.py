"""A SQLite centre's copy of its store on a second disk: consistent, complete, and its age on the
admin's screen (the contract's admin.store_copy)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from app.api.client import Client, InProcess
from app.api.server import Server
from app.centre.backup import StoreCopier, copy_store, last_copy
from app.services.audit_log import AuditService
from app.services.backend import Backend
from app.store.database import Database, sqlite_url
from app.store.models import AuditEntry
from tests.store_fixtures import PASSPHRASE, build_world, fresh_url, shared_catalog


def test_a_copy_opens_with_the_passphrase_and_holds_every_audit_entry(tmp_path):
    world = build_world(fresh_url("sqlite", tmp_path))
    try:
        status = copy_store(Path(tmp_path / "examdesk.db"), tmp_path / "second-disk")
        copy = Database.open(sqlite_url(Path(status.path)), PASSPHRASE)
        try:
            report = AuditService(copy).verify()
            assert report.intact and report.entries == status.audit_head > 0
        finally:
            copy.close()
        assert last_copy(tmp_path / "second-disk") == status
        assert not (tmp_path / "second-disk" / "examdesk-copy.db.part").exists()
    finally:
        world.db.close()


def test_the_admin_sees_the_last_copy_and_a_failure(tmp_path):
    world = build_world(fresh_url("sqlite", tmp_path))
    server = Server(Backend.over(world.db, shared_catalog(), sweep=False))
    admin = Client(InProcess(server), "ADMIN")
    admin.sign_in("admin", "admin-pass-1")
    assert admin.admin.store_copy() is None  # single-station mode: no copy is made
    copier = server.copier = StoreCopier(tmp_path / "examdesk.db", tmp_path / "second-disk", minutes=60)
    copier.start()
    copier.close()  # the first copy is made at start
    shown = admin.admin.store_copy()
    assert shown is not None and shown.made_at and shown.audit_head > 0 and shown.failure == ""
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the copies should go")
    failing = server.copier = StoreCopier(tmp_path / "examdesk.db", blocked, minutes=60)
    failing.start()
    failing.close()
    assert admin.admin.store_copy().failure  # type: ignore[union-attr]
    world.db.close()


def test_the_stations_tab_says_how_old_the_copy_is(tmp_path, qtbot):
    from app.ui.admin.stations_tab import StationsTab

    world = build_world(fresh_url("sqlite", tmp_path))
    server = Server(Backend.over(world.db, shared_catalog(), sweep=False))
    admin = Client(InProcess(server), "ADMIN")
    admin.sign_in("admin", "admin-pass-1")
    copier = server.copier = StoreCopier(tmp_path / "examdesk.db", tmp_path / "second-disk", minutes=60)
    copier.start()
    copier.close()
    tab = StationsTab(admin)
    qtbot.addWidget(tab)
    assert "0 min ago" in tab.copy_status.text() and str(tmp_path / "second-disk") in tab.copy_status.text()
    world.db.close()


def test_a_single_station_pc_gives_no_enrolment_code_it_cannot_back_with_a_ca(tmp_path, qtbot):
    """A code is the secret and the centre CA's fingerprint: a PC on its own store has no CA, so it
    offers no code (one without the fingerprint would enrol nothing) and says where codes come from."""
    from app.ui.admin.stations_tab import StationsTab

    world = build_world(fresh_url("sqlite", tmp_path))
    admin = Client(InProcess(Server(Backend.over(world.db, shared_catalog(), sweep=False))), "ADMIN")
    admin.sign_in("admin", "admin-pass-1")
    tab = StationsTab(admin)
    qtbot.addWidget(tab)
    tab.station.setText("R101-04")
    tab.issue_code()
    assert not tab.code_button.isEnabled() and tab.code.text() == ""
    assert "enrol-code" in tab.code_note.text()
    with world.db.reader() as s:  # and no code was issued (each is an audited action)
        codes = select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "station.enrolment_code")
        issued = s.scalar(codes)
    assert issued == 0
    world.db.close()
