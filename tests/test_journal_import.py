"""A dead PC's journal: exported as a sealed file bound to the candidate, imported by the proctor."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.api.client import Client, InProcess
from app.api.errors import ApiError
from app.api.server import Server
from app.api.types import FileData
from app.cli import main
from app.services.audit_log import AuditService
from app.services.backend import Backend
from app.store.models import AuditEntry
from tests.store_fixtures import PASSPHRASE, shared_catalog
from tests.test_offline_flow import answering, centre_view, clock  # noqa: F401  (clock: a fixture)


def dead_pc(world, clock, tmp_path):  # noqa: F811
    """A station that answered offline and died: its journal folder and key file."""
    flow, link = answering(world, clock, tmp_path, InProcess)
    flow.answer(0, "B")
    link.mode = "down"
    flow.answer(1, "A")
    flow.answer(2, "C")
    flow.toggle_flag(2)
    flow.journal.close()
    key_file = tmp_path / "station.key"
    key_file.write_bytes(world.db.cipher.journal_key("PC-01").hex().encode())
    return flow, tmp_path / "PC-01", key_file


def export(tmp_path, folder, key_file, ticket="T001") -> FileData:
    out = tmp_path / f"{ticket}.journal"
    assert main(["station", "export-journal", "--journal", str(folder), "--ticket", ticket, "--out", str(out),
                 "--key-file", str(key_file)]) == 0  # fmt: skip
    return FileData(out.name, out.read_bytes())


def proctor(world) -> Client:
    client = Client(InProcess(Server(Backend.over(world.db, shared_catalog(), sweep=False))), "R101-P")
    client.sign_in("proctor1", "proctor-pass-1")
    return client


def audit_count(world) -> int:
    with world.db.reader() as s:
        return s.scalar(select(func.count()).select_from(AuditEntry))


def test_a_dead_pcs_journal_is_imported_once(world, clock, tmp_path):  # noqa: F811
    flow, folder, key_file = dead_pc(world, clock, tmp_path)
    sealed = export(tmp_path, folder, key_file)
    # the header names the candidate; the answers are sealed
    assert b"T001" in sealed.content[:200] and b'"A"' not in sealed.content
    p = proctor(world)
    before = audit_count(world)
    done = p.proctor.import_journal(world.session_id, sealed)
    assert (done.applied, done.duplicates, done.refused) == (3, 0, 0)
    assert audit_count(world) == before + 1  # one action, one entry
    view = centre_view(world, flow)
    assert view.answers == {0: "B", 1: "A", 2: "C"} and view.flagged == {2}
    again = p.proctor.import_journal(world.session_id, sealed)  # idempotent
    assert (again.applied, again.duplicates, again.refused, again.heartbeats) == (0, 3, 0, 0)
    assert centre_view(world, flow).last_seq == 4
    # the imported steps have one entry for the file, not one each: a full check still finds them whole
    report = AuditService(world.db).verify_store(full=True)
    assert report.intact and report.steps is not None, report.lines()


def test_newer_steps_made_at_another_pc_win(world, clock, tmp_path):  # noqa: F811
    flow, folder, key_file = dead_pc(world, clock, tmp_path)
    sealed = export(tmp_path, folder, key_file)
    # the candidate went on at another PC (same station name here: the journal is what matters)
    again, _link = answering(world, clock, tmp_path, InProcess, folder=tmp_path / "new-pc")
    again.answer(1, "C")
    done = proctor(world).proctor.import_journal(world.session_id, sealed)
    assert (done.applied, done.refused) == (2, 1)  # question 2's old answer is skipped
    assert centre_view(world, flow).answers == {0: "B", 1: "C", 2: "C"}


def test_a_tampered_file_or_another_sessions_file_is_refused(world, clock, tmp_path):  # noqa: F811
    _flow, folder, key_file = dead_pc(world, clock, tmp_path)
    sealed = export(tmp_path, folder, key_file)
    p = proctor(world)
    body = bytearray(sealed.content)
    body[-5] ^= 1
    with pytest.raises(ApiError) as refused:
        p.proctor.import_journal(world.session_id, FileData(sealed.name, bytes(body)))
    assert "was altered" in str(refused.value)
    # the header rebound to another candidate: its authentication fails too
    forged = sealed.content.replace(b'"ticket":"T001"', b'"ticket":"T002"')
    with pytest.raises(ApiError) as refused:
        p.proctor.import_journal(world.session_id, FileData(sealed.name, forged))
    assert "was altered" in str(refused.value)
    with pytest.raises(ApiError) as refused:
        p.proctor.import_journal(world.session_id + 99, sealed)
    assert refused.value.code in ("permission_denied", "not_found", "conflict")
    with pytest.raises(ApiError) as refused:
        p.proctor.import_journal(world.session_id, FileData("x.journal", b"not a journal"))
    assert "not a station journal export" in str(refused.value)
    assert centre_view(world, _flow).answers == {0: "B"}  # nothing changed


def test_a_station_speaks_only_for_candidates_who_sat_at_it(world, clock, tmp_path):  # noqa: F811
    """A journal sealed with the key of a station where the candidate never logged in is refused
    (a station's key could otherwise put answers in anyone's paper)."""
    from app.security.station_journal import seal_export

    flow, _folder, _key = dead_pc(world, clock, tmp_path)
    record = {"step_id": "ab" * 16, "attempt_id": flow.login.attempt_id, "ticket": "T001", "kind": "answer",
              "expected_seq": 1, "slot": 3, "value": "A", "station_mono": 1.0}  # fmt: skip
    header = {"station": "PC-09", "ticket": "T001", "attempt_id": flow.login.attempt_id, "records": 1}
    forged = seal_export(world.db.cipher.journal_key("PC-09"), header, [record])
    with pytest.raises(ApiError) as refused:
        proctor(world).proctor.import_journal(world.session_id, FileData("pc09.journal", forged))
    assert "never logged in" in str(refused.value) and 3 not in centre_view(world, flow).answers


def test_an_import_into_a_submitted_attempt_is_refused(world, clock, tmp_path):  # noqa: F811
    flow, folder, key_file = dead_pc(world, clock, tmp_path)
    sealed = export(tmp_path, folder, key_file)
    world.exam.submit(world.proctor, flow.login.attempt_id, reason="PC died, time up")
    with pytest.raises(ApiError) as refused:
        proctor(world).proctor.import_journal(world.session_id, sealed)
    assert refused.value.code == "conflict" and "3 steps" in str(refused.value)


def test_export_needs_unsent_steps_of_that_ticket(world, clock, tmp_path, capsys):  # noqa: F811
    _flow, folder, key_file = dead_pc(world, clock, tmp_path)
    out = tmp_path / "none.journal"
    assert main(["station", "export-journal", "--journal", str(folder), "--ticket", "T002", "--out", str(out),
                 "--key-file", str(key_file)]) == 1  # fmt: skip
    assert "no unsent steps of ticket T002" in capsys.readouterr().err and not out.exists()


def test_the_command_line_imports_as_the_proctor(world, clock, tmp_path, monkeypatch, capsys):  # noqa: F811
    flow, folder, key_file = dead_pc(world, clock, tmp_path)
    sealed = export(tmp_path, folder, key_file)
    path = tmp_path / "dead.journal"
    path.write_bytes(sealed.content)
    monkeypatch.setenv("EXAMDESK_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("EXAMDESK_PROCTOR_PASSWORD", "proctor-pass-1")
    args = ["station", "import-journal", "--session", "S1", "--file", str(path), "--proctor", "proctor1",
            "--url", world.url]  # fmt: skip
    assert main(args) == 0
    assert "3 steps of dead.journal applied" in capsys.readouterr().out
    assert centre_view(world, flow).answers == {0: "B", 1: "A", 2: "C"}


def test_a_dead_pcs_station_folder_is_enough_to_export_its_journal(world, clock, tmp_path):  # noqa: F811
    """On the dead PC's disk: station.json (with the journal key from enrolment) and the journal beside it."""
    import shutil

    from app.station.enrolment import StationConfig

    flow, folder, _key_file = dead_pc(world, clock, tmp_path)
    station_dir = tmp_path / "disk" / "station"
    shutil.copytree(folder, station_dir / "journal")
    StationConfig("PC-01", ["https://10.0.0.2:8443"], b"", "token", world.db.cipher.journal_key("PC-01")).write(
        station_dir)  # fmt: skip
    out = tmp_path / "from-disk.journal"
    assert main(["station", "export-journal", "--station-dir", str(station_dir), "--ticket", "T001",
                 "--out", str(out)]) == 0  # fmt: skip
    assert proctor(world).proctor.import_journal(world.session_id, FileData(out.name, out.read_bytes())).applied == 3
    assert centre_view(world, flow).answers == {0: "B", 1: "A", 2: "C"}
