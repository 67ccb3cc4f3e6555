"""Idempotent candidate steps: a step the centre holds under its step id is never recorded twice."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import func, select

from app.services.answers import StaleSave
from app.services.base import ServiceError
from app.services.exam import ExamService
from app.store.models import AttemptHeartbeat, AttemptStep, AuditEntry
from tests.store_fixtures import CANDIDATES, seated_login, shared_catalog


def _started(world):
    world.exam.start_session(world.proctor, world.session_id)
    login = seated_login(world.exam, world.proctor, "T001", CANDIDATES["T001"][1], "PC-01")
    return login.actor, login.attempt_id


def _counts(world, attempt_id):
    with world.db.reader() as s:
        steps = s.scalar(select(func.count()).select_from(AttemptStep).where(AttemptStep.attempt_id == attempt_id))
        audit = s.scalar(select(func.count()).select_from(AuditEntry))
    return steps, audit


def test_a_replayed_step_returns_the_original_ack_and_writes_nothing(world):
    actor, aid = _started(world)
    sid = uuid.uuid4().hex
    first = world.exam.save_answer(actor, aid, 0, 0, "B", sid)
    before = _counts(world, aid)
    again = world.exam.save_answer(actor, aid, 0, 0, "B", sid)  # the reply was lost: the station sends it again
    assert again.seq == first.seq == 1
    assert _counts(world, aid) == before  # no second step, no audit entry
    # the next step goes on from the original
    flag = uuid.uuid4().hex
    assert world.exam.set_flag(actor, aid, 1, 2, True, flag).seq == 2
    assert world.exam.set_flag(actor, aid, 1, 2, True, flag).seq == 2
    focus = uuid.uuid4().hex
    assert world.exam.report_focus_loss(actor, aid, 2, focus).seq == 3
    assert world.exam.report_focus_loss(actor, aid, 2, focus).seq == 3
    # without a step id a replay is stale, as before
    with pytest.raises(StaleSave):
        world.exam.save_answer(actor, aid, 0, 0, "B")
    view = world.exam.attempt_view(actor, aid)
    assert view.last_seq == 3 and view.answers == {0: "B"} and view.flagged == {2}


def test_a_replayed_submission_is_one_submission(world):
    actor, aid = _started(world)
    world.exam.save_answer(actor, aid, 0, 0, "B", uuid.uuid4().hex)
    sid = uuid.uuid4().hex
    assert world.exam.submit(actor, aid, step_id=sid, expected_seq=1) == 2
    before = _counts(world, aid)
    assert world.exam.submit(actor, aid, step_id=sid, expected_seq=1) == 2  # not "attempt_closed"
    assert _counts(world, aid) == before


def test_a_step_held_after_submission_still_gets_its_ack(world):
    actor, aid = _started(world)
    sid = uuid.uuid4().hex
    world.exam.save_answer(actor, aid, 0, 1, "A", sid)
    world.exam.submit(actor, aid)
    assert world.exam.save_answer(actor, aid, 0, 1, "A", sid).seq == 1


def test_a_submission_that_has_not_seen_the_latest_step_is_stale(world):
    """Two windows: the one that did not see the other's save cannot hand in its paper."""
    actor, aid = _started(world)
    world.exam.save_answer(actor, aid, 0, 0, "B", uuid.uuid4().hex)
    with pytest.raises(StaleSave):
        world.exam.submit(actor, aid, step_id=uuid.uuid4().hex, expected_seq=0)
    assert not world.exam.attempt_view(actor, aid).submitted


def test_a_step_id_is_checked(world):
    actor, aid = _started(world)
    for bad in ("", "x" * 32, uuid.uuid4().hex.upper(), uuid.uuid4().hex + "0", "'; drop table"):
        with pytest.raises(ServiceError):
            world.exam.save_answer(actor, aid, 0, 0, "B", bad)
    sid = uuid.uuid4().hex
    world.exam.save_answer(actor, aid, 0, 0, "B", sid)
    with pytest.raises(ServiceError):  # one id, another step: a station bug, refused
        world.exam.set_flag(actor, aid, 1, 0, True, sid)


def test_heartbeats_are_checkpoints_not_audit_entries(world):
    actor, aid = _started(world)
    _steps, audit = _counts(world, aid)
    hb = uuid.uuid4().hex
    remaining = world.exam.heartbeat(actor, aid, step_id=hb)
    assert 0 < remaining <= 5400
    world.exam.heartbeat(actor, aid, step_id=hb)  # replayed: one row
    world.exam.heartbeat(actor, aid, step_id=uuid.uuid4().hex, station_mono=123.5, offline=True)
    with world.db.reader() as s:
        rows = s.scalars(select(AttemptHeartbeat).where(AttemptHeartbeat.attempt_id == aid)).all()
    assert len(rows) == 2 and [r.offline for r in rows] == [False, True] and rows[1].station_mono == 123.5
    assert _counts(world, aid)[1] == audit


def test_a_lost_station_loses_at_most_one_heartbeat_interval(world):
    """Its time stops at the last heartbeat, not at the last answer (issue 13: a crash refunded
    the time a candidate spent reading without saving)."""
    from app.store.clock import FakeMachineClock

    machine = FakeMachineClock(1000.0, boot="before")
    w = world.reopen(machine=machine)
    actor, aid = _started(w)
    machine.advance(10)
    w.exam.save_answer(actor, aid, 0, 0, "B", uuid.uuid4().hex)
    machine.advance(290)  # five minutes reading without saving, heartbeats every 15 s
    w.exam.heartbeat(actor, aid, step_id=uuid.uuid4().hex)
    machine.advance(14)  # the PC dies 14 s after its last heartbeat
    after = w.reopen(machine=FakeMachineClock(5.0, boot="after a restart"))
    login = seated_login(after.exam, after.proctor, "T001", CANDIDATES["T001"][1], "PC-01")
    view = after.exam.attempt_view(login.actor, aid)
    assert view.remaining == pytest.approx(5400 - 300)  # not 5400 - 10: the heartbeat counted
    console = ExamService(after.db, shared_catalog())  # another process: the proctor's, with caches of its own
    [row] = [r for r in console.session_overview(after.proctor, after.session_id) if r.ticket == "T001"]
    assert row.remaining == pytest.approx(5400 - 300)  # the proctor sees the same
    world.db = after.db  # closed by the fixture
