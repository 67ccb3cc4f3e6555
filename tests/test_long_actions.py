"""Long actions hold no write lock while they work (issue 14, "No long write locks").

Export and closing read in one read-only transaction, work outside any transaction, and write in a
short one that first checks that nothing they relied on changed meanwhile.
"""

from __future__ import annotations

import json
import re
import threading
import zipfile

import pytest
from sqlalchemy import func, select

from app.reports import score_report
from app.security.canonical import canonical_json
from app.services import answer_log
from app.services.answer_log import answer_value
from app.services.base import Conflict
from app.services.export import ExportService
from app.store.models import AuditEntry
from app.store.types import padded
from tests.store_fixtures import CANDIDATES, SESSION_START, assign_proctors, sample_content, seat, seated_login


def login(w, ticket, station="PC-01"):
    _name, number = CANDIDATES[ticket]
    return seated_login(w.exam, w.proctor, ticket, number, station)


def another_open_session(w):
    """A second theory session, started, with one candidate logged in at PC-09: (exam service of
    its own store connection, the login)."""
    sid = w.exam.schedule_session(
        w.admin, code="S2", room="102", part="theory", standard="4-13-99-02", level="5",
        scheduled_start=SESSION_START, duration_minutes=90,
    )  # fmt: skip
    assign_proctors(w.db, w.admin, sid)
    name, number = CANDIDATES["T001"]
    cid = w.exam.add_candidate(w.admin, sid, ticket="U001", name=name, id_number=number)
    w.exam.prepare_attempt(w.admin, cid, sample_content(), 5400)
    w.exam.start_session(w.proctor, sid)
    return seated_login(w.exam, w.proctor, "U001", number, "PC-09")


def audit_count(db) -> int:
    with db.reader() as s:
        return s.scalar(select(func.count(AuditEntry.seq)))


def closed_world(w):
    w.exam.start_session(w.proctor, w.session_id)
    one = login(w, "T001")
    w.exam.save_answer(one.actor, one.attempt_id, 0, 0, "B")
    w.exam.submit(one.actor, one.attempt_id)
    w.exam.close_session(w.proctor, w.session_id)


def test_a_station_saves_while_an_export_renders(world, tmp_path, monkeypatch):
    """A save in another session, from another thread, completes while the export is still
    rendering its reports (before, the export held the write lock throughout: the save waited for
    the whole export, or failed with "database is locked")."""
    closed_world(world)
    station = another_open_session(world)
    events: list[str] = []
    real = score_report.render

    def rendering_while_a_station_saves(data):
        if not events:
            events.append("rendering")
            outcome: list[object] = []

            def save() -> None:
                try:
                    outcome.append(world.exam.save_answer(station.actor, station.attempt_id, 0, 0, "A"))
                except Exception as exc:
                    outcome.append(exc)

            saver = threading.Thread(target=save, daemon=True)
            saver.start()
            saver.join(600)  # the render waits for the save (the bound only keeps a lock held here from hanging)
            events.append(f"saved: {outcome[0]!r}" if outcome else "the save is still waiting")
        return real(data)

    monkeypatch.setattr(score_report, "render", rendering_while_a_station_saves)
    ExportService(world.db).export_session(world.admin, world.session_id, tmp_path / "out.zip", workers=1)
    events.append("exported")
    assert events[0] == "rendering" and events[2] == "exported"
    assert events[1].startswith("saved: SaveAck(seq=1"), events[1]


def test_an_export_whose_session_changed_meanwhile_is_refused(world, tmp_path, monkeypatch):
    closed_world(world)
    real = score_report.render
    changed = []

    def rendering_while_an_incident_is_recorded(data):
        if not changed:
            changed.append(True)
            world.exam.record_incident(world.proctor, world.session_id, "complaint", "考生对成绩有异议")
        return real(data)

    monkeypatch.setattr(score_report, "render", rendering_while_an_incident_is_recorded)
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "bundle.zip"
    before = audit_count(world.db)
    with pytest.raises(Conflict, match=r"changed while its bundle was being written \(incident.record on session"):
        ExportService(world.db).export_session(world.admin, world.session_id, out)
    assert list(out.parent.iterdir()) == []  # no bundle, no part file left behind
    assert audit_count(world.db) == before + 1  # the incident's entry; no export entry

    ExportService(world.db).export_session(world.admin, world.session_id, out)  # again: it includes the incident
    with zipfile.ZipFile(out) as zf:
        incidents = json.loads(zf.read("incidents.json"))
        audit = json.loads(zf.read("audit.json"))
    assert [i["category"] for i in incidents if not i["category"].startswith("clock.")] == ["complaint"]
    assert audit[-1]["action"] == "incident.record"


def test_a_change_elsewhere_does_not_refuse_an_export(world, tmp_path, monkeypatch):
    """Saves in other sessions go on during an export; only changes to what it holds refuse it."""
    closed_world(world)
    station = another_open_session(world)
    real = score_report.render
    saved = []

    def rendering_while_another_session_saves(data):
        if not saved:
            saved.append(world.exam.save_answer(station.actor, station.attempt_id, 0, 0, "A"))
        return real(data)

    monkeypatch.setattr(score_report, "render", rendering_while_another_session_saves)
    summary = ExportService(world.db).export_session(world.admin, world.session_id, tmp_path / "out.zip")
    assert saved and summary.candidates == 2


def test_a_login_between_closings_read_and_write_is_not_made_absent(world, monkeypatch):
    """Closing reads, then writes: a candidate who logs in between the two is present, so the
    write reads again and refuses to close over an open attempt (nothing is written)."""
    world.exam.start_session(world.proctor, world.session_id)
    one = login(world, "T001")
    world.exam.submit(one.actor, one.attempt_id)
    seat(world.exam, world.proctor, "T002", "PC-02")  # checked in before closing reads
    real = world.exam._closing_plan
    reads = []

    def plan_then_a_login(session_id):
        plan = real(session_id)
        reads.append(plan)
        if len(reads) == 1:
            login(world, "T002", station="PC-02")  # T002 arrives late, after closing has read
        return plan

    monkeypatch.setattr(world.exam, "_closing_plan", plan_then_a_login)
    before = audit_count(world.db)
    with pytest.raises(Conflict, match="1 attempt"):
        world.exam.close_session(world.proctor, world.session_id)
    assert len(reads) == 1 and reads[0].absent == [world.attempts["T002"]]  # the first read saw T002 absent
    assert audit_count(world.db) == before + 1  # the login; closing wrote nothing
    rows = {r.ticket: r for r in world.exam.session_overview(world.proctor, world.session_id)}
    assert rows["T002"].state != "absent"


def test_closing_reads_again_when_an_attempt_moved_on(world, monkeypatch):
    """A change to the session between closing's read and write (here: a time extension) makes
    closing read again; the session closes with what the second read saw."""
    world.exam.start_session(world.proctor, world.session_id)
    one = login(world, "T001")
    world.exam.save_answer(one.actor, one.attempt_id, 0, 0, "B")
    world.exam.submit(one.actor, one.attempt_id)
    real = world.exam._closing_plan
    reads = []

    def plan_then_a_change(session_id):
        plan = real(session_id)
        reads.append(plan)
        if len(reads) == 1:
            world.exam.extend(world.proctor, world.session_id, None, 300, "停电补时")
        return plan

    monkeypatch.setattr(world.exam, "_closing_plan", plan_then_a_change)
    assert world.exam.close_session(world.proctor, world.session_id) == {"absent": 1, "graded": 1, "for_examiners": 0}
    assert len(reads) == 2
    with world.db.reader() as s:
        closes = s.scalar(select(func.count(AuditEntry.seq)).where(AuditEntry.action == "session.close"))
    assert closes == 1


def test_reports_rendered_by_worker_processes_are_the_same(world, tmp_path):
    closed_world(world)
    exporter = ExportService(world.db)
    exporter.export_session(world.admin, world.session_id, tmp_path / "here.zip", workers=1)
    exporter.export_session(world.admin, world.session_id, tmp_path / "pool.zip", workers=2)
    undated = re.compile(rb"/(CreationDate|ModDate) \(D:[^)]*\)|/ID\s*\[<[0-9a-fA-F]+>\s*<[0-9a-fA-F]+>\]")
    with zipfile.ZipFile(tmp_path / "here.zip") as here, zipfile.ZipFile(tmp_path / "pool.zip") as pool:
        assert here.namelist() == pool.namelist()
        for name in here.namelist():
            if name.startswith("reports/"):
                assert undated.sub(b"", here.read(name)) == undated.sub(b"", pool.read(name)), name
    # (the two bundles' audit logs differ by the first export's own entry, their manifests by that)


def test_answers_are_read_as_json_reads_them():
    values = ["B", "", 'A"B', "a\\b", "中文", True, False, None, ["A", "C"], [], [""], ["A,B"], ['","'], [["x"]], 1,
              2.5, {"k": 1}, ["A", 'B"'], "x\n", "\u0001"]  # fmt: skip
    for value in values:
        for extra in ({}, {"x": 1}, {"a": "z"}, {"z": "q"}):
            data = canonical_json({"value": value, **extra})
            assert answer_value(data) == json.loads(data).get("value"), data
            stored = padded(data)  # as the store keeps it
            assert answer_value(stored) == json.loads(stored).get("value"), stored


def test_the_common_answers_as_stored_need_no_json_parser(monkeypatch):
    """Closing reads every answer of the session (200,000 for 3,000 candidates): an option letter, a
    list of them or a true/false is read without the parser, padded as the store keeps it."""

    def no_parser(_text):
        raise AssertionError("parsed with json.loads")

    monkeypatch.setattr(answer_log.json, "loads", no_parser)
    for value in ("B", ["A", "C"], True, False, "中文"):
        assert answer_value(padded(canonical_json({"value": value}))) == value
