"""Theory papers with written answers (简答题): objective questions are scored by the key, written
ones by three examiners against the rubric, and the chief finalizes the part."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.services.base import Actor, Conflict
from app.services.export import ExportService
from tests.store_fixtures import CANDIDATES, SESSION_START, assign_proctors, seated_login

SINGLE = {"slot": 0, "id": "S1", "type": "single", "area": "学情分析", "points": "2", "stem": "单选",
          "options": [["A", "甲"], ["B", "乙"]], "key": "B"}  # fmt: skip
SHORT = {"slot": 1, "id": "W1", "type": "short", "area": "学习指导", "points": "8", "stem": "简述学习计划的要素。",
         "options": [], "key": "目标、内容、时间安排",
         "rubric": [["目标明确", "4"], ["时间安排合理", "4"]]}  # fmt: skip


@pytest.fixture
def panel(world):
    """Three examiners and a chief on a new theory session whose one candidate's paper has a
    single-choice question and a short-answer question."""
    scoring = world.scoring
    sid = world.exam.schedule_session(
        world.admin, code="W", room="103", part="theory", standard="4-13-99-02", level="5",
        scheduled_start=SESSION_START, duration_minutes=90,
    )  # fmt: skip
    assign_proctors(world.db, world.admin, sid)
    people = {}
    for username, role in (("e1", "examiner"), ("e2", "examiner"), ("e3", "examiner"), ("boss", "chief")):
        view = world.accounts.create_user(world.admin, username=username, role=role, display_name=username,
                                          password="examiner-pass-1")  # fmt: skip
        scoring.assign_staff(world.admin, sid, view.id, "chief" if role == "chief" else "examiner")
        people[username] = Actor(role, view.id)
    name, number = CANDIDATES["T001"]
    cid = world.exam.add_candidate(world.admin, sid, ticket="W001", name=name, id_number=number)
    content = {"seed": "w", "items": [SINGLE, SHORT], "multiple_credit": "all_or_nothing"}
    attempt_id = world.exam.prepare_attempt(world.admin, cid, content, 5400)
    world.exam.start_session(world.proctor, sid)
    login = seated_login(world.exam, world.proctor, "W001", number, "PC-10")
    return scoring, sid, people, login, attempt_id


def test_written_answers_are_scored_by_examiners_and_finalized_with_the_rest(world, panel):
    scoring, sid, people, login, attempt_id = panel
    shown = world.exam.attempt_view(login.actor, attempt_id).items
    assert "rubric" not in shown[1] and "key" not in shown[1]  # the candidate never sees the scoring points
    seq = world.exam.save_answer(login.actor, attempt_id, 0, 0, "B").seq
    world.exam.save_answer(login.actor, attempt_id, seq, 1, "明确目标，安排时间。")
    world.exam.submit(login.actor, attempt_id)
    assert world.exam.close_session(world.proctor, sid) == {"absent": 0, "graded": 0, "for_examiners": 1}

    work = scoring.worklist(people["e1"], sid)
    assert [(w.slot, w.rubric) for w in work] == [(1, (("目标明确", "4"), ("时间安排合理", "4")))]
    scoring.score_task(people["e1"], attempt_id, 1, {0: Decimal(4), 1: Decimal(3)}, "")
    with pytest.raises(Conflict, match="1 of 3 examiners"):
        scoring.finalize(people["boss"], attempt_id)
    scoring.score_task(people["e2"], attempt_id, 1, {0: Decimal(3), 1: Decimal(3)}, "")
    scoring.score_task(people["e3"], attempt_id, 1, {0: Decimal(4), 1: Decimal(3)}, "")
    # 2 points for the key, plus the examiners' mean of 7, 6 and 7 out of the question's 8 points
    assert scoring.finalize(people["boss"], attempt_id) == Decimal("8.67")
    [row] = ExportService(world.db).session_results(world.admin, sid)
    assert row.parts["theory"]["score"] == "8.67"


def test_a_terminated_paper_with_written_answers_scores_zero(world, panel):
    scoring, sid, people, login, attempt_id = panel
    world.exam.save_answer(login.actor, attempt_id, 0, 0, "B")
    world.exam.terminate(world.proctor, attempt_id, "夹带资料")
    world.exam.close_session(world.proctor, sid)
    for examiner in ("e1", "e2", "e3"):
        scoring.score_task(people[examiner], attempt_id, 1, {0: Decimal(4), 1: Decimal(4)}, "")
    assert scoring.finalize(people["boss"], attempt_id) == Decimal("0.00")


def test_the_paper_snapshot_of_a_written_question_keeps_its_rubric():
    from app.banks.catalog import Catalog
    from app.domain.paper_assembly import Paper, PaperItem
    from app.domain.standards import Part
    from app.services.exam import paper_content

    catalog = Catalog.load()
    item = next(it for it in catalog.banks.items if it.type.examiner_scored)
    paper = Paper("s", "4-13-99-02", None, 5, Part.THEORY,
                  (PaperItem(item.id, item.type.value, item.area, item.points, ()),), {item.area: item.points})
    [entry] = paper_content(paper, {item.id: item})["items"]
    assert entry["rubric"] == [[p.point, str(p.max)] for p in item.rubric]
    assert sum(Decimal(m) for _p, m in entry["rubric"]) == Decimal(entry["points"])


def test_a_no_show_is_not_put_before_the_examiners(world, panel):
    scoring, sid, people, _login, attempt_id = panel
    name, number = CANDIDATES["T002"]
    absent = world.exam.add_candidate(world.admin, sid, ticket="W002", name=name, id_number=number)
    absent_attempt = world.exam.prepare_attempt(world.admin, absent, {"seed": "v", "items": [SINGLE, SHORT]}, 5400)
    world.exam.terminate(world.proctor, attempt_id, "夹带资料")  # the one who came is done
    assert world.exam.close_session(world.proctor, sid)["absent"] == 1
    assert {w.attempt_id for w in scoring.worklist(people["e1"], sid)} == {attempt_id}
    with pytest.raises(Conflict, match="absent"):
        scoring.score_task(people["e1"], absent_attempt, 1, {0: Decimal(1), 1: Decimal(1)}, "")
    with pytest.raises(Conflict, match="absent"):
        scoring.finalize(people["boss"], absent_attempt)
