"""Closing a session: who never came is absent (缺考), not failed; theory papers are graded."""

from __future__ import annotations

import pytest

from app.services.base import Conflict
from app.services.export import ExportService
from app.services.scoring import ScoringService
from tests.store_fixtures import CANDIDATES


def login(w, ticket, station="PC-01"):
    _name, number = CANDIDATES[ticket]
    return w.exam.candidate_login(ticket=ticket, id_number=number, station=station)


@pytest.fixture
def clock(world, monkeypatch):
    now = [world.db.mono()]
    monkeypatch.setattr(world.db, "mono", lambda: now[0])
    return now


def test_a_candidate_who_never_came_is_absent_not_failed(world, clock):
    world.exam.start_session(world.proctor, world.session_id)
    one = login(world, "T001")
    seq = world.exam.save_answer(one.actor, one.attempt_id, 0, 0, "B").seq
    world.exam.save_answer(one.actor, one.attempt_id, seq, 1, "A")
    clock[0] += 91 * 60  # everybody's time is up
    assert world.exam.auto_submit_if_due(one.attempt_id) is True
    absent_attempt = world.attempts["T002"]
    assert world.exam.auto_submit_if_due(absent_attempt) is False  # no paper was ever opened

    done = world.exam.close_session(world.proctor, world.session_id)

    assert done == {"absent": 1, "graded": 1, "for_examiners": 0}
    rows = {r.ticket: r for r in world.exam.session_overview(world.proctor, world.session_id)}
    assert rows["T002"].state == "absent" and rows["T001"].state == "submitted"
    results = {r.ticket: r for r in ExportService(world.db).session_results(world.admin, world.session_id)}
    # one of five 2-point questions right: 2 of 10 points, stated out of the paper's total
    assert results["T001"].status == "submitted" and results["T001"].parts["theory"]["score"] == "2.00"
    assert results["T001"].result == "不合格"
    assert results["T002"].status == "absent" and results["T002"].parts == {} and results["T002"].result == "待定"
    with pytest.raises(Conflict, match="absent"):
        ScoringService(world.db).grade_objective(world.admin, absent_attempt)


def test_a_candidate_who_logged_in_must_be_submitted_before_closing(world):
    world.exam.start_session(world.proctor, world.session_id)
    login(world, "T001")  # logged in, nothing answered yet: present, not absent
    with pytest.raises(Conflict, match="1 attempt"):
        world.exam.close_session(world.proctor, world.session_id)
    rows = {r.ticket: r for r in world.exam.session_overview(world.proctor, world.session_id)}
    assert rows["T002"].state == "absent" and rows["T002"].remaining > 0  # the refused close marked nobody


def test_a_terminated_paper_is_graded_zero_at_closing(world):
    world.exam.start_session(world.proctor, world.session_id)
    one, two = login(world, "T001"), login(world, "T002", station="PC-02")
    world.exam.save_answer(one.actor, one.attempt_id, 0, 0, "B")
    world.exam.submit(one.actor, one.attempt_id)
    world.exam.save_answer(two.actor, two.attempt_id, 0, 0, "B")
    world.exam.terminate(world.proctor, two.attempt_id, "考试中使用手机")
    assert world.exam.close_session(world.proctor, world.session_id) == {"absent": 0, "graded": 2, "for_examiners": 0}
    results = {r.ticket: r for r in ExportService(world.db).session_results(world.admin, world.session_id)}
    assert results["T001"].parts["theory"]["score"] != "0.00"
    assert results["T002"].status == "terminated" and results["T002"].parts["theory"]["score"] == "0.00"
