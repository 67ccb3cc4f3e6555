"""The exam store on SQLite and PostgreSQL: encryption, append-only steps, ledger, roles, audit."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from app.domain.time_ledger import LedgerState
from app.security.envelope import WrongPassphrase
from app.services.accounts import AccountLocked, LoginFailed
from app.services.base import Actor, Conflict, PermissionDenied, ServiceError
from app.services.exam import AttemptClosed, StaleSave
from app.services.seating import WrongSeat
from app.store import audit
from app.store.clock import FakeMachineClock, local_today
from app.store.database import Database
from app.store.models import (
    APPEND_ONLY_TABLES,
    KEPT_TABLES,
    Attempt,
    AttemptFile,
    AuditEntry,
    Candidate,
    ExaminerScore,
    ExamSession,
    KeyRecord,
    LiveObservation,
    Result,
    ReviewEvent,
    ReviewMaterial,
    ReviewScore,
)
from tests.store_fixtures import CANDIDATES, PASSPHRASE, build_world, fresh_url, seated_login


def login(w, ticket, station="PC-01"):
    _name, number = CANDIDATES[ticket]
    return seated_login(w.exam, w.proctor, ticket, number, station)


def started(w):
    w.exam.start_session(w.proctor, w.session_id)
    return w


def test_wrong_passphrase_is_refused_and_changes_nothing(world):
    url = world.url
    with world.db.reader() as s:
        before = (s.scalar(select(KeyRecord.wrapped)), s.query(AuditEntry).count())
    world.db.close()
    with pytest.raises(WrongPassphrase):
        Database.open(url, "not the passphrase")
    db = Database.open(url, PASSPHRASE)
    with db.reader() as s:
        assert (s.scalar(select(KeyRecord.wrapped)), s.query(AuditEntry).count()) == before
    db.close()


def test_passphrase_change_rewraps_without_reencrypting(world):
    with world.db.reader() as s:
        cipher_before = s.execute(text("SELECT name FROM candidates ORDER BY id")).scalars().all()
    world.db.change_passphrase(PASSPHRASE, "a new passphrase 2026")
    with pytest.raises(WrongPassphrase):
        world.db.change_passphrase(PASSPHRASE, "another")
    world.db.close()
    with pytest.raises(WrongPassphrase):
        Database.open(world.url, PASSPHRASE)
    db = Database.open(world.url, "a new passphrase 2026")
    with db.reader() as s:
        assert s.execute(text("SELECT name FROM candidates ORDER BY id")).scalars().all() == cipher_before
        assert [c.name for c in s.scalars(select(Candidate).order_by(Candidate.id))] == ["王晓明", "李华"]
    db.close()


@pytest.mark.parametrize("table", APPEND_ONLY_TABLES)
def test_append_only_tables_refuse_update_and_delete(world, table):
    started(world)
    cand = login(world, "T001")
    world.exam.save_answer(cand.actor, cand.attempt_id, 0, 0, "B")
    world.exam.record_incident(world.proctor, world.session_id, "environment.noise", "施工噪音")
    world.exam.check_in(world.proctor, cand.candidate_id, "PC-01")
    with world.db.transaction() as session:  # scores come from the scoring services; seed one row of each
        session.add(ExaminerScore(attempt_id=cand.attempt_id, target="Q0", examiner_id=world.admin.id,
                                  scores={"0": 5}, wall="w"))  # fmt: skip
        session.add(ReviewScore(candidate_id=cand.candidate_id, member_id=world.admin.id, score="80", wall="w"))
        session.add(ReviewMaterial(candidate_id=cand.candidate_id, kind="application", title="申报表",
                                   recorded_by=world.admin.id, wall="w"))  # fmt: skip
        session.add(ReviewEvent(candidate_id=cand.candidate_id, member_id=world.admin.id, kind="note", text="记录",
                                wall="w"))  # fmt: skip
        session.add(LiveObservation(attempt_id=cand.attempt_id, slot=0, examiner_id=world.admin.id, kind="note",
                                    point=0, text="记录", wall="w"))  # fmt: skip
        session.add(AttemptFile(attempt_id=cand.attempt_id, slot=0, filename="a.pdf", content=b"%PDF", digest="0" * 64,
                                size=4, added_by="candidate", wall="w"))  # fmt: skip
    for statement in (f"UPDATE {table} SET id = id", f"DELETE FROM {table}"):
        if table == "audit_entries":
            statement = statement.replace("id = id", "seq = seq")
        with pytest.raises(DBAPIError, match="append-only"), world.db.engine.begin() as c:
            c.execute(text(statement))


def test_answers_are_saved_in_order_and_stale_saves_refused(world):
    started(world)
    cand = login(world, "T001")
    ack = world.exam.save_answer(cand.actor, cand.attempt_id, 0, 0, "B")
    assert ack.seq == 1 and ack.remaining > 5000
    assert world.exam.save_answer(cand.actor, cand.attempt_id, 1, 1, "C").seq == 2
    with pytest.raises(StaleSave):
        world.exam.save_answer(cand.actor, cand.attempt_id, 1, 1, "A")  # replayed / stale
    world.exam.set_flag(cand.actor, cand.attempt_id, 2, 1, True)
    world.exam.save_answer(cand.actor, cand.attempt_id, 3, 0, None)  # clear
    v = world.exam.attempt_view(cand.actor, cand.attempt_id)
    assert v.answers == {1: "C"} and v.flagged == {1} and v.last_seq == 4
    assert all("key" not in item for item in v.items)


def test_candidates_cannot_read_keys_or_others_or_write_after_submit(world):
    started(world)
    one, two = login(world, "T001"), login(world, "T002", station="PC-02")
    with pytest.raises(PermissionDenied):
        world.exam.answer_key(one.actor, one.attempt_id)
    with pytest.raises(PermissionDenied):
        world.exam.attempt_view(one.actor, two.attempt_id)
    with pytest.raises(PermissionDenied):
        world.exam.save_answer(one.actor, two.attempt_id, 0, 0, "A")
    world.exam.submit(one.actor, one.attempt_id)
    with pytest.raises(AttemptClosed):
        world.exam.save_answer(one.actor, one.attempt_id, 1, 0, "A")
    world.exam.submit(two.actor, two.attempt_id)
    world.exam.close_session(world.proctor, world.session_id)  # keys are read once the session is closed
    assert world.exam.answer_key(world.admin, one.attempt_id)[0] == "B"


def test_one_station_at_a_time_and_moves_need_a_proctor(world):
    started(world)
    first = login(world, "T001", "PC-01")
    _name, number = CANDIDATES["T001"]
    with pytest.raises(WrongSeat, match="not yours"):
        world.exam.candidate_login(ticket="T001", id_number=number, station="PC-07")
    with pytest.raises(ServiceError, match="reason"):
        world.exam.allow_move(world.proctor, first.candidate_id, " ")
    move = world.exam.allow_move(world.proctor, first.candidate_id, "PC-01 死机")
    moved = world.exam.candidate_login(ticket="T001", id_number=number, station="PC-07", move_code=move.code)
    with pytest.raises(PermissionDenied, match="moved to station PC-07"):
        world.exam.save_answer(first.actor, first.attempt_id, 0, 0, "A")
    assert world.exam.save_answer(moved.actor, moved.attempt_id, 0, 0, "A").seq == 1


def test_wrong_id_number_cannot_log_in(world):
    with pytest.raises(PermissionDenied):
        seated_login(world.exam, world.proctor, "T001", "440524198001010013", "PC-01")


def test_resume_after_a_restart_keeps_answers_paper_and_time(world, monkeypatch):
    clock = [1000.0]
    monkeypatch.setattr(world.db, "mono", lambda: clock[0])
    started(world)
    cand = login(world, "T001")
    clock[0] = 1600.0  # ten minutes in
    world.exam.save_answer(cand.actor, cand.attempt_id, 0, 0, "B")
    clock[0] = 1900.0  # five more minutes pass, then the PC dies without another write
    w2 = world.reopen(machine=FakeMachineClock(50.0, boot="the same PC, restarted"))  # a new boot: a new epoch
    assert w2.db.epoch != world.db.epoch
    clock2 = [50.0]
    monkeypatch.setattr(w2.db, "mono", lambda: clock2[0])
    with w2.db.reader() as s:  # before anyone logs in again, the attempt waits, its clock stopped
        attempt = s.get(Attempt, world.attempts["T001"])
        assert w2.exam._ledger(s, attempt, w2.exam._instant()).state is LedgerState.INTERRUPTED
    again = login(w2, "T001", "PC-01")  # logging back in resumes the clock
    v = w2.exam.attempt_view(again.actor, again.attempt_id)
    assert v.state is LedgerState.RUNNING and v.answers == {0: "B"}
    assert v.remaining == pytest.approx(5400 - 600)  # only the time up to the last saved answer counts
    clock2[0] = 110.0
    assert w2.exam.save_answer(again.actor, again.attempt_id, 1, 1, "A").remaining == pytest.approx(5400 - 660)
    assert w2.exam.attempt_view(again.actor, again.attempt_id).items[0]["stem"] == "第1题 独特题干文本0"
    w2.db.close()


def test_pause_extend_and_auto_submit_at_zero(tmp_path, monkeypatch):
    w = build_world(fresh_url("sqlite", tmp_path), duration=600)
    clock = [0.0]
    monkeypatch.setattr(w.db, "mono", lambda: clock[0])
    started(w)
    cand = login(w, "T001")
    clock[0] = 100.0
    with pytest.raises(ServiceError, match="reason"):
        w.exam.pause(w.proctor, w.session_id, None, "")
    w.exam.pause(w.proctor, w.session_id, None, "停电")  # the whole room
    clock[0] = 400.0
    with pytest.raises(AttemptClosed, match="paused"):
        w.exam.save_answer(cand.actor, cand.attempt_id, 0, 0, "A")
    w.exam.resume(w.proctor, w.session_id, None)
    w.exam.extend(w.proctor, w.session_id, cand.attempt_id, 120, "视力障碍考生延时")
    assert w.exam.attempt_view(cand.actor, cand.attempt_id).remaining == pytest.approx(600 + 120 - 100)
    clock[0] = 400.0 + 620.0  # past the end
    with pytest.raises(AttemptClosed, match="time is up"):
        w.exam.save_answer(cand.actor, cand.attempt_id, 0, 0, "A")
    v = w.exam.attempt_view(cand.actor, cand.attempt_id)
    assert v.submitted and v.state is LedgerState.SUBMITTED
    w.db.close()


def test_force_submit_needs_a_reason_and_a_proctor(world):
    started(world)
    cand = login(world, "T002")
    examiner = Actor("examiner", 99)
    with pytest.raises(PermissionDenied):
        world.exam.submit(examiner, cand.attempt_id, reason="x")
    with pytest.raises(ServiceError, match="reason"):
        world.exam.submit(world.proctor, cand.attempt_id)
    world.exam.submit(world.proctor, cand.attempt_id, reason="违纪：携带手机")
    assert world.exam.attempt_view(world.proctor, cand.attempt_id).submitted


def test_logins_lock_after_five_failures_and_admin_unlocks(world):
    for _ in range(5):
        with pytest.raises(LoginFailed):
            world.accounts.login("proctor1", "wrong")
    with pytest.raises(AccountLocked):
        world.accounts.login("proctor1", "proctor-pass-1")
    with pytest.raises(PermissionDenied):
        world.accounts.unlock(world.proctor, world.proctor.id)
    world.accounts.unlock(world.admin, world.proctor.id)
    assert world.accounts.login("proctor1", "proctor-pass-1") == world.proctor


def test_candidate_id_numbers_are_validated(world):
    add = world.exam.add_candidate
    with pytest.raises(ServiceError, match="check digit"):
        add(world.admin, world.session_id, ticket="T9", name="赵六", id_number="110105194912310021")
    with pytest.raises(PermissionDenied):
        add(world.proctor, world.session_id, ticket="T9", name="赵六", id_number="11010519491231002X")


def test_every_action_is_audited_and_tampering_is_named(world):
    started(world)
    cand = login(world, "T001")
    world.exam.save_answer(cand.actor, cand.attempt_id, 0, 0, "B")
    with world.db.reader() as s:
        report = audit.verify(s, world.db.cipher)
        actions = [e.action for e in s.scalars(select(AuditEntry).order_by(AuditEntry.seq))]
    assert report.intact and report.entries == len(actions)
    assert actions[:4] == ["store.created", "centre.set_up", "user.create", "user.login"]
    assert actions[-4:] == ["session.start", "candidate.check_in", "candidate.login", "attempt.answer"]


def test_refused_actions_leave_no_audit_entry(world):
    with world.db.reader() as s:
        before = s.query(AuditEntry).count()
    with pytest.raises(ServiceError):
        world.exam.add_candidate(world.admin, world.session_id, ticket="T001", name="x", id_number="11010519491231002X")
    with world.db.reader() as s:
        assert s.query(AuditEntry).count() == before


def test_migration_head_constant_matches_alembic():
    from alembic.script import ScriptDirectory

    from app.store import migrate

    assert ScriptDirectory.from_config(migrate.alembic_config()).get_current_head() == migrate.HEAD


def test_models_and_migrations_agree(tmp_path):
    """A store made by the migrations has exactly the tables and columns the models declare."""
    from sqlalchemy import create_engine, inspect

    from app.store import migrate
    from app.store.models import Base

    engine = create_engine(f"sqlite:///{tmp_path / 'm.db'}")
    with engine.begin() as connection:
        migrate.upgrade(connection)
        schema = inspect(connection)
        found = {t: {c["name"] for c in schema.get_columns(t)} for t in schema.get_table_names()}
    declared = {t.name: {c.name for c in t.columns} for t in Base.metadata.sorted_tables}
    found.pop("alembic_version")
    assert found == declared


def test_sessions_close_when_all_attempts_end_then_archive_and_stay_verifiable(world):
    started(world)
    one, two = login(world, "T001"), login(world, "T002", station="PC-02")
    world.exam.save_answer(one.actor, one.attempt_id, 0, 0, "B")
    world.exam.submit(one.actor, one.attempt_id)
    with pytest.raises(Conflict, match="1 attempt"):
        world.exam.close_session(world.proctor, world.session_id)
    with pytest.raises(ServiceError, match="reason"):
        world.exam.terminate(world.proctor, two.attempt_id, "")
    world.exam.terminate(world.proctor, two.attempt_id, "考试中使用手机")
    with pytest.raises(Conflict, match="only a closed session can be archived"):
        world.exam.archive_session(world.admin, world.session_id)
    world.exam.close_session(world.proctor, world.session_id)
    with pytest.raises(Conflict, match="cannot change"):
        world.exam.extend(world.proctor, world.session_id, None, 60, "late")
    with pytest.raises(ServiceError, match="at least 5 years"):
        world.exam.archive_session(world.admin, world.session_id, retain_years=3)
    until = world.exam.archive_session(world.admin, world.session_id)
    assert int(until[:4]) - local_today(world.db.clock).year == 5
    with world.db.reader() as s:
        assert audit.verify(s, world.db.cipher).intact
        assert s.get(ExamSession, world.session_id).state == "archived"


def test_an_archived_session_is_frozen(world):
    from app.services.scoring import ScoringService

    started(world)
    one = login(world, "T001")
    world.exam.submit(one.actor, one.attempt_id)
    world.exam.close_session(world.proctor, world.session_id)
    world.exam.record_incident(world.proctor, world.session_id, "complaint", "考后申诉：第3题有歧义")  # closed: allowed
    world.exam.archive_session(world.admin, world.session_id)
    scoring = ScoringService(world.db, world.exam.catalog)
    refused = {
        "incident": lambda: world.exam.record_incident(world.proctor, world.session_id, "complaint", "迟到的申诉"),
        "check-in": lambda: world.exam.check_in(world.proctor, world.candidates["T002"], "PC-09"),
        "move": lambda: world.exam.allow_move(world.proctor, world.candidates["T001"], "换机"),
        "staff": lambda: scoring.assign_staff(world.admin, world.session_id, world.proctor.id, "examiner"),
        "grade": lambda: scoring.grade_objective(world.admin, one.attempt_id),
        "archive again": lambda: world.exam.archive_session(world.admin, world.session_id),
    }
    for what, action in refused.items():
        try:
            action()
        except Conflict as exc:
            assert "archived" in str(exc), what
        else:
            pytest.fail(f"{what} was accepted on an archived session")
    recorded = [i[3] for i in world.exam.incidents(world.proctor, world.session_id) if not i[2].startswith("clock.")]
    assert recorded == ["考后申诉：第3题有歧义"]  # the clock's own entries (absent, time) are not incidents added


@pytest.mark.parametrize("table", KEPT_TABLES)
def test_records_are_kept_not_deleted(world, table):
    with world.db.transaction() as session:  # results come with the scoring services; seed one
        session.add(Result(candidate_id=world.candidates["T001"], part="theory", outcome={"score": "80"}, wall="w"))
    with pytest.raises(DBAPIError, match="kept"), world.db.engine.begin() as c:
        c.execute(text(f"DELETE FROM {table}"))


def test_proctor_grid_follows_check_in_login_answers_focus_and_submit(world):
    exam = world.exam
    cid = world.candidates["T001"]
    rows = {r.ticket: r for r in exam.session_overview(world.proctor, world.session_id)}
    assert rows["T001"].state == "absent" and rows["T001"].total == 5
    exam.check_in(world.proctor, cid, "PC-01")
    assert exam.session_overview(world.proctor, world.session_id)[0].state == "checked_in"
    started(world)
    cand = login(world, "T001")
    ident = exam.identity(cand.actor)
    assert ident.name == "王晓明" and ident.masked_id == "1101**********002X"
    exam.accept_rules(cand.actor)
    exam.save_answer(cand.actor, cand.attempt_id, 0, 0, "B")
    exam.save_answer(cand.actor, cand.attempt_id, 1, 3, "A")
    exam.set_flag(cand.actor, cand.attempt_id, 2, 3, True)
    exam.report_focus_loss(cand.actor, cand.attempt_id, 3)
    row = {r.ticket: r for r in exam.session_overview(world.proctor, world.session_id)}["T001"]
    assert (row.state, row.answered, row.flagged, row.focus_losses, row.station) == ("answering", 2, 1, 1, "PC-01")
    assert row.remaining > 5000 and row.since_save is not None
    exam.pause(world.proctor, world.session_id, cand.attempt_id, "身体不适")
    assert {r.ticket: r for r in exam.session_overview(world.proctor, world.session_id)}["T001"].state == "paused"
    exam.resume(world.proctor, world.session_id, cand.attempt_id)
    exam.terminate(world.proctor, cand.attempt_id, "夹带")
    row = {r.ticket: r for r in exam.session_overview(world.proctor, world.session_id)}["T001"]
    assert row.state == "terminated" and row.remaining == 0
    with pytest.raises(PermissionDenied):
        exam.session_overview(cand.actor, world.session_id)
