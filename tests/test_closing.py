"""Closing a session: who never came is absent (缺考), not failed; theory papers are graded."""

from __future__ import annotations

import pytest

from app.services.base import Conflict
from app.services.export import ExportService
from tests.store_fixtures import CANDIDATES, SESSION_START, assign_proctors, seated_login


def login(w, ticket, station="PC-01"):
    _name, number = CANDIDATES[ticket]
    return seated_login(w.exam, w.proctor, ticket, number, station)


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
        world.scoring.grade_objective(world.admin, absent_attempt)


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


@pytest.mark.parametrize(("credit", "expected"), [("proportional", "1.00"), ("all_or_nothing", "0.00")])
def test_multiple_choice_credit_follows_the_papers_blueprint(world, credit, expected):
    item = {"slot": 0, "id": "M1", "type": "multiple", "area": "学情分析", "points": "2", "stem": "多选",
            "options": [["A", "甲"], ["B", "乙"], ["C", "丙"], ["D", "丁"]], "key": ["A", "B"]}  # fmt: skip
    sid = world.exam.schedule_session(
        world.admin, code="MC", room="102", part="theory", standard="4-13-99-02", level="5",
        scheduled_start=SESSION_START, duration_minutes=90,
    )  # fmt: skip
    assign_proctors(world.db, world.admin, sid)
    name, number = CANDIDATES["T001"]
    cid = world.exam.add_candidate(world.admin, sid, ticket="M001", name=name, id_number=number)
    aid = world.exam.prepare_attempt(world.admin, cid, {"seed": "m", "items": [item], "multiple_credit": credit}, 600)
    world.exam.start_session(world.proctor, sid)
    login = seated_login(world.exam, world.proctor, "M001", number, "PC-09")
    assert login.attempt_id == aid
    world.exam.save_answer(login.actor, aid, 0, 0, ["A"])  # one of the two right options, no wrong one
    world.exam.submit(login.actor, aid)
    world.exam.close_session(world.proctor, sid)
    [row] = ExportService(world.db).session_results(world.admin, sid)
    assert row.parts["theory"]["score"] == expected


def test_assembled_papers_carry_the_blueprints_credit_rule(tmp_path):
    from app.banks.catalog import Catalog
    from app.domain.standards import Part
    from app.services.exam import paper_content
    from tests.conftest import REPO

    text = (REPO / "question_banks" / "blueprints" / "theory-default.yaml").read_text(encoding="utf-8")
    (tmp_path / "theory.yaml").write_text(
        text.replace("multiple_credit: all_or_nothing", "multiple_credit: proportional"), encoding="utf-8"
    )
    catalog = Catalog.load(blueprints_dir=tmp_path)
    paper = catalog.build_paper("4-13-99-02", 5, Part.THEORY, "x")
    content = paper_content(paper, {it.id: it for it in catalog.banks.items})
    assert content["multiple_credit"] == "proportional"


def test_the_score_report_of_a_no_show_says_absent(world, tmp_path, monkeypatch):
    from app.reports import score_report

    rendered = {}
    real = score_report.render
    monkeypatch.setattr(score_report, "render", lambda data: rendered.setdefault(data.ticket, data) and real(data))
    world.exam.start_session(world.proctor, world.session_id)
    one = login(world, "T001")
    world.exam.submit(one.actor, one.attempt_id)
    world.exam.close_session(world.proctor, world.session_id)
    ExportService(world.db).export_session(world.admin, world.session_id, tmp_path / "out.zip")
    assert rendered["T002"].parts[0] == score_report.PartLine("theory", "缺考", None, None)
    assert rendered["T001"].parts[0].score == "0.00"


def test_a_closed_sessions_roster_is_final(world):
    from app.banks.roster_file import RosterRow

    world.exam.start_session(world.proctor, world.session_id)
    world.exam.close_session(world.proctor, world.session_id)
    name, number = CANDIDATES["T001"]
    with pytest.raises(Conflict, match="is closed"):
        world.exam.add_candidate(world.admin, world.session_id, ticket="T009", name=name, id_number=number)
    with pytest.raises(Conflict, match="is closed"):
        world.exam.import_roster(world.admin, world.session_id, [RosterRow(2, "T009", name, number, None)], "r.csv")


def test_a_paper_drawn_before_its_scoring_copy_was_stored_grades_the_same(world):
    """Papers drawn before revision 0011 have no stored slot count and scoring view: the overview
    counts and closing grades them from their content, with the same figures."""
    from sqlalchemy import update

    from app.domain.paper_content import scoring_view
    from app.store.models import Attempt, PaperInstance

    with world.db.reader() as s:
        papers = dict(s.execute(select_papers(world.session_id)).all())
        stored = {pid: (p.slots, p.scoring, p.content) for pid, p in papers.items()}
    assert all(slots == len(content["items"]) and scoring == scoring_view(content)
               for slots, scoring, content in stored.values())  # fmt: skip
    old = world.attempts["T001"]
    with world.db.transaction() as s:
        paper_id = s.get(Attempt, old).paper_id
        s.execute(update(PaperInstance).where(PaperInstance.id == paper_id).values(slots=None, scoring=None))
    world.exam.start_session(world.proctor, world.session_id)
    one, two = login(world, "T001"), login(world, "T002", station="PC-02")
    for who in (one, two):  # the same answers on the same paper: questions 1 and 3 right, 2 wrong
        seq = world.exam.save_answer(who.actor, who.attempt_id, 0, 0, "B").seq
        seq = world.exam.save_answer(who.actor, who.attempt_id, seq, 1, "C").seq
        world.exam.save_answer(who.actor, who.attempt_id, seq, 2, "B")
    rows = {r.ticket: r for r in world.exam.session_overview(world.proctor, world.session_id)}
    assert (rows["T001"].answered, rows["T001"].total) == (rows["T002"].answered, rows["T002"].total) == (3, 5)
    for who in (one, two):
        world.exam.submit(who.actor, who.attempt_id)
    assert world.exam.close_session(world.proctor, world.session_id) == {"absent": 0, "graded": 2, "for_examiners": 0}
    results = {r.ticket: r for r in ExportService(world.db).session_results(world.admin, world.session_id)}
    assert results["T001"].parts == results["T002"].parts and results["T001"].parts["theory"]["score"] == "4.00"


def select_papers(session_id):
    from sqlalchemy import select

    from app.store.models import PaperInstance

    return select(PaperInstance.id, PaperInstance).where(PaperInstance.session_id == session_id)


def test_closing_grades_handed_in_papers_from_their_answer_sheets(world, monkeypatch):
    """A paper handed in records its answers in its submit step: closing reads that step, not
    every answer, and grades the same."""
    import app.services.answer_log as answer_log

    world.exam.start_session(world.proctor, world.session_id)
    one, two = login(world, "T001"), login(world, "T002", station="PC-02")
    for who, answers in ((one, ("A", "C", "B")), (two, ("B", "C", "B"))):  # 1 and 2 of three right
        seq = 0
        for slot, answer in enumerate(answers):
            seq = world.exam.save_answer(who.actor, who.attempt_id, seq, slot, answer).seq
        world.exam.submit(who.actor, who.attempt_id)

    def one_by_one(_plain):
        raise AssertionError("closing read an answer step")

    monkeypatch.setattr(answer_log, "answer_value", one_by_one)
    assert world.exam.close_session(world.proctor, world.session_id) == {"absent": 0, "graded": 2, "for_examiners": 0}
    monkeypatch.undo()
    results = {r.ticket: r for r in ExportService(world.db).session_results(world.admin, world.session_id)}
    assert (results["T001"].parts["theory"]["score"], results["T002"].parts["theory"]["score"]) == ("2.00", "4.00")
