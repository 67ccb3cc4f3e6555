"""The comprehensive review (综合评审), through the services: the materials register (attachments
encrypted), the defence's minimum per candidate, questions and notes, criteria with weights from the
exam owner's file (the example until one is supplied), a panel of 3 or more and odd, independent
scoring hidden until submitted, the chair finalizing, the spread rule; and the record in the result.

Every world runs on a fixed store clock; the defence is timed on a fake machine clock."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select, text

from app.banks.review_criteria import example_criteria, read_review_criteria
from app.domain.review import Criterion, Defence, ReviewCriteria, criteria_problems, finalize_problems, weighted_score
from app.errors import DataFileError
from app.services.base import Actor, Conflict, PermissionDenied, ServiceError
from app.store.clock import FakeMachineClock
from app.store.models import Result
from tests.test_session_rules import people, schedule, staff

D = Decimal
OWNER = """schema: examdesk-review-criteria/1
name: 考核方评审标准
spread: 10
criteria:
  - {name: 材料, weight: 40}
  - {name: 答辩, weight: 60}
"""


def review_world(world, *, standard="4-13-99-02", members=3, owner: str | None = OWNER):
    """A review session of one candidate, its panel, a chief examiner (the chair) and a fake
    machine clock to time the defence."""
    world.db.machine = FakeMachineClock()
    minutes = 30 if standard == "4-07-03-01" else 15
    sid = schedule(world, part="review", standard=standard, level="2", minutes=minutes)
    people(world, sid, 1)
    panel = staff(world, sid, "review", members)
    chair = staff(world, sid, "chief", 1)[0]
    if owner is not None:
        world.review.set_criteria(world.admin, sid, "owner.yaml", owner)
    [row] = world.exam.roster(world.admin, sid)
    return sid, row.candidate_id, panel, chair


def hold_defence(world, member, cid, minutes: float) -> None:
    world.review.start_defence(member, cid)
    world.db.machine.advance(minutes * 60)
    world.review.end_defence(member, cid)


def ready(world, member, cid, minutes: float = 15) -> None:
    world.review.register_material(member, cid, "application", "申报表", pages=4, filename="申报表.pdf",
                                   content=b"%PDF-1.4 application")  # fmt: skip
    hold_defence(world, member, cid, minutes)


# -- the domain's rules ------------------------------------------------------------------------------


def test_criteria_weights_add_up_to_100_and_are_above_0():
    assert criteria_problems([Criterion("a", D(40)), Criterion("b", D(60))], D(15)) == []
    assert [str(m) for m in criteria_problems([Criterion("a", D(40)), Criterion("a", D(50))], D(15))] == [
        "the review criterion a is listed twice", "the review criteria's weights add up to 90, not 100"]  # fmt: skip
    assert "weights are above 0" in str(criteria_problems([Criterion("a", D(0)), Criterion("b", D(100))], D(15))[0])
    assert str(criteria_problems([], D(15))[0]) == "the review criteria list no criterion"


def test_a_members_score_is_the_weighted_sum_of_every_criterion():
    criteria = ReviewCriteria("x", (Criterion("材料", D(40)), Criterion("答辩", D(60))), False, True)
    assert weighted_score(criteria, {"材料": D(50), "答辩": D(100)}) == D(80)
    with pytest.raises(ValueError, match="答辩 has no mark"):
        weighted_score(criteria, {"材料": D(50)})
    with pytest.raises(ValueError, match="no review criterion 其他"):
        weighted_score(criteria, {"材料": D(50), "答辩": D(50), "其他": D(1)})
    with pytest.raises(ValueError, match="marked out of 100, got 101"):
        weighted_score(criteria, {"材料": D(101), "答辩": D(50)})


def test_the_defence_lasts_the_minimum_and_works_need_the_employers_assessment():
    held = Defence(began=True, ended=True, counted=14 * 60)
    common = {"employer_required": False, "kinds_registered": ["application"], "flagged": False,
              "disagreement_note": ""}  # fmt: skip
    assert [str(m) for m in finalize_problems(minimum_minutes=15, defence=held, **common)] == [
        "the defence lasted 14 minutes; the standard asks for at least 15 per candidate"]  # fmt: skip
    assert finalize_problems(minimum_minutes=14, defence=held, **common) == []
    works = {**common, "employer_required": True, "kinds_registered": ["application", "work"]}
    assert "employer's assessment" in str(finalize_problems(minimum_minutes=14, defence=held, **works)[0])
    works["kinds_registered"] = ["work", "employer_assessment"]
    assert finalize_problems(minimum_minutes=14, defence=held, **works) == []


# -- criteria files ---------------------------------------------------------------------------------------


def test_the_example_criteria_file_says_it_is_an_example():
    example = example_criteria()
    assert example.example and not example.supplied
    assert sum(c.weight for c in example.criteria) == 100


def test_a_criteria_file_with_wrong_weights_is_refused_naming_the_file():
    with pytest.raises(DataFileError, match=r"owner\.yaml.*weights add up to 90"):
        read_review_criteria(OWNER.replace("weight: 60", "weight: 50"), "owner.yaml")


def test_without_the_owners_file_the_panel_is_told_it_scores_against_the_example(world):
    _sid, cid, panel, _chair = review_world(world, owner=None)
    record = world.review.record(panel[0], cid)
    assert record.criteria_example and not record.criteria_supplied
    assert [c.name for c in record.criteria] == [c.name for c in example_criteria().criteria]


def test_the_owners_file_counts_and_cannot_change_once_scoring_began(world):
    sid, cid, panel, _chair = review_world(world)
    with pytest.raises(Conflict, match="for standard 4-07-03-01, session X is 4-13-99-02"):
        other = OWNER.replace("name: 考核方", "standard: 4-07-03-01\nname: 考核方")
        world.review.set_criteria(world.admin, sid, "other.yaml", other)
    record = world.review.record(panel[0], cid)
    assert record.criteria_supplied and not record.criteria_example and record.criteria_name == "考核方评审标准"
    assert world.review.score(panel[0], cid, {"材料": D(50), "答辩": D(100)}) == D("80.00")
    with pytest.raises(Conflict, match="started scoring"):
        world.review.set_criteria(world.admin, sid, "owner.yaml", OWNER)


# -- the register, the defence, questions --------------------------------------------------------------------


def test_materials_are_registered_with_their_attachment_encrypted(world):
    _sid, cid, panel, _chair = review_world(world)
    secret = "代表作正文-独一无二".encode()
    mid = world.review.register_material(panel[0], cid, "work", "社区就业服务案例集", pages=32, filename="案例集.pdf",
                                         content=secret)  # fmt: skip
    [view] = world.review.record(panel[1], cid).materials
    assert (view.kind, view.title, view.pages, view.filename, view.size) == ("work", "社区就业服务案例集", 32,
                                                                             "案例集.pdf", len(secret))  # fmt: skip
    assert world.review.material_file(panel[2], mid) == secret
    with world.db.engine.connect() as conn:
        raw = conn.execute(text("SELECT title, attachment FROM review_materials")).one()
    assert secret not in bytes(raw.attachment) and "社区就业服务案例集".encode() not in bytes(raw.title)
    with pytest.raises(ServiceError, match="unknown kind of review material"):
        world.review.register_material(panel[0], cid, "photo", "x")


def test_only_the_panel_and_its_chair_see_the_record(world):
    _sid, cid, _panel, _chair = review_world(world)
    with pytest.raises(PermissionDenied):
        world.review.record(world.examiner, cid)


def test_the_defence_is_timed_on_the_centres_clock_and_held_once(world):
    _sid, cid, panel, _chair = review_world(world)
    world.review.start_defence(panel[0], cid)
    world.db.machine.advance(300)
    record = world.review.record(panel[1], cid)
    assert record.defence_running and record.defence_seconds == 300 and record.defence_minimum_minutes == 15
    with pytest.raises(Conflict, match="already started"):
        world.review.start_defence(panel[1], cid)
    assert world.review.end_defence(panel[1], cid) == 300
    with pytest.raises(Conflict, match="already ended"):
        world.review.end_defence(panel[1], cid)


def test_questions_and_notes_are_kept_by_panel_seat(world):
    _sid, cid, panel, _chair = review_world(world)
    world.review.add_note(panel[1], cid, "question", "请说明代表作中你本人的贡献")
    world.review.add_note(panel[0], cid, "note", "回答条理清楚")
    notes = world.review.record(panel[2], cid).notes
    assert [(n.kind, n.text, n.member) for n in notes] == [("question", "请说明代表作中你本人的贡献", 2),
                                                           ("note", "回答条理清楚", 1)]  # fmt: skip


# -- independent scoring, the chair, the spread -------------------------------------------------------------


def test_members_see_each_others_scores_only_after_submitting_their_own(world):
    _sid, cid, panel, chair = review_world(world)
    world.review.score(panel[0], cid, {"材料": D(80), "答辩": D(80)})
    before = world.review.record(panel[1], cid)
    assert before.my_score is None and before.scores == () and before.submitted == 1
    world.review.score(panel[1], cid, {"材料": D(70), "答辩": D(70)})
    after = world.review.record(panel[1], cid)
    assert after.my_score is not None and after.my_score.score == D("70.00")
    assert [(s.member, s.score) for s in after.scores] == [(1, D("80.00")), (2, D("70.00"))]
    assert len(world.review.record(chair, cid).scores) == 2  # the chair sees them to finalize
    with pytest.raises(Conflict, match="already scored"):
        world.review.score(panel[1], cid, {"材料": D(90), "答辩": D(90)})


def test_the_chair_finalizes_with_the_review_record_as_the_results_detail(world):
    _sid, cid, panel, chair = review_world(world)
    ready(world, panel[0], cid, minutes=15)
    world.review.add_note(panel[1], cid, "question", "如何评估学习者需求")
    for member, mark in zip(panel, (80, 84, 82), strict=True):
        world.review.score(member, cid, {"材料": D(mark), "答辩": D(mark)})
    with pytest.raises(PermissionDenied):
        world.review.finalize(panel[0], cid)  # a member who is an examiner is not the chair
    assert world.review.finalize(chair, cid) == D("82.00")
    with world.db.reader() as s:
        detail = s.scalar(select(Result).where(Result.candidate_id == cid)).outcome["detail"]
    assert detail["materials"][0]["title"] == "申报表" and detail["defence_minutes"] == "15.00"
    assert detail["questions"] == ["如何评估学习者需求"]
    assert [row["member"] for row in detail["scores"]] == [1, 2, 3] and detail["criteria"]["name"] == "考核方评审标准"
    with pytest.raises(Conflict, match="already recorded"):
        world.review.add_note(panel[0], cid, "note", "too late")


@pytest.mark.parametrize(("setup", "waiting"), [
    ("nothing", "the defence has not been held"),
    ("short", "the defence lasted 14 minutes; the standard asks for at least 15 per candidate"),
    ("running", "the defence is still running"),
    ("unscored", "2 of 3 review panel members have scored"),
])  # fmt: skip
def test_finalizing_waits_for_the_defence_and_every_member(world, setup, waiting):
    _sid, cid, panel, chair = review_world(world)
    world.review.register_material(panel[0], cid, "application", "申报表")
    if setup == "short":
        hold_defence(world, panel[0], cid, 14)
    elif setup == "running":
        world.review.start_defence(panel[0], cid)
        world.db.machine.advance(3600)
    elif setup == "unscored":
        hold_defence(world, panel[0], cid, 15)
    for member in panel[: 2 if setup == "unscored" else 3]:
        world.review.score(member, cid, {"材料": D(80), "答辩": D(80)})
    with pytest.raises(Conflict, match=waiting):
        world.review.finalize(chair, cid)
    assert waiting in world.review.record(chair, cid).waiting


def test_4_07_03_01_needs_30_minutes_and_the_employers_assessment_of_works(world):
    _sid, cid, panel, chair = review_world(world, standard="4-07-03-01")
    world.review.register_material(panel[0], cid, "work", "主要成果代表作")
    hold_defence(world, panel[0], cid, 29)
    for member in panel:
        world.review.score(member, cid, {"材料": D(80), "答辩": D(80)})
    record = world.review.record(chair, cid)
    assert record.employer_assessment and record.defence_minimum_minutes == 30
    assert any("30 per candidate" in w for w in record.waiting)
    assert any("employer's assessment" in w for w in record.waiting)


def test_a_spread_above_the_threshold_needs_the_chairs_note(world):
    _sid, cid, panel, chair = review_world(world)  # the owner's spread: 10 points
    ready(world, panel[0], cid)
    for member, mark in zip(panel, (70, 75, 81), strict=True):
        world.review.score(member, cid, {"材料": D(mark), "答辩": D(mark)})
    assert world.review.record(chair, cid).flagged
    with pytest.raises(Conflict, match="further apart than the spread threshold"):
        world.review.finalize(chair, cid)
    assert world.review.finalize(chair, cid, "经合议，维持各委员评分") == D("75.33")


@pytest.mark.parametrize(("members", "refusal"), [
    (2, "a review panel has at least 3 members, this session has 2"),
    (4, "the number of review panel members must be odd, this session has 4"),
])  # fmt: skip
def test_the_panel_is_three_or_more_and_odd(world, members, refusal):
    _sid, cid, panel, chair = review_world(world, members=members)
    with pytest.raises(Conflict, match=refusal):  # the defence does not begin
        ready(world, panel[0], cid)
    for member in panel:
        world.review.score(member, cid, {"材料": D(80), "答辩": D(80)})
    with pytest.raises(Conflict, match=refusal):
        world.review.finalize(chair, cid)


def test_the_chair_is_the_one_given_the_duty_and_a_panel_has_exactly_one(world):
    sid, cid, panel, chair = review_world(world)
    [other] = staff(world, sid, "review", 1, role="chief")  # a chief examiner sitting as a member
    [extra] = staff(world, sid, "review", 1)
    assert not world.review.record(other, cid).chair  # the assigned chair is the chair, not any chief
    assert world.review.record(chair, cid).chair
    world.scoring.unassign_staff(world.admin, sid, chair.id, "chief")
    assert world.review.record(other, cid).chair  # nobody has the duty: a chief on the panel chairs
    [second] = staff(world, sid, "chief", 1)
    world.scoring.assign_staff(world.admin, sid, other.id, "chief")
    with pytest.raises(Conflict, match="a review panel has one chair, this session has 2"):
        world.review.start_defence(panel[0], cid)
    world.scoring.unassign_staff(world.admin, sid, second.id, "chief")
    world.scoring.unassign_staff(world.admin, sid, other.id, "chief")
    world.scoring.unassign_staff(world.admin, sid, other.id, "review")
    world.scoring.unassign_staff(world.admin, sid, extra.id, "review")  # three members, no chair
    with pytest.raises(Conflict, match="the review panel has no chair: assign one chief examiner as its chair") as no:
        world.review.start_defence(panel[0], cid)
    assert "members" not in str(no.value)  # the panel itself is as the standard asks
    world.scoring.assign_staff(world.admin, sid, chair.id, "chief")
    world.review.start_defence(panel[0], cid)


def test_an_outsider_cannot_score(world):
    _sid, cid, _panel, _chair = review_world(world)
    with pytest.raises(PermissionDenied):
        world.review.score(Actor("examiner", world.examiner.id), cid, {"材料": D(80), "答辩": D(80)})


# -- the defence timer across a restart -------------------------------------------------------------------


def test_the_defence_timer_survives_a_restart_of_the_service(world):
    """The defence runs on the store's machine clock, which every process of one boot reads alike:
    a service that stops and starts again mid-defence finds it still running, the time it was down
    included (the panel kept talking)."""
    _sid, cid, panel, chair = review_world(world)
    world = world.reopen(machine=FakeMachineClock(at=5000.0, boot="boot-a"))
    world.review.register_material(panel[0], cid, "application", "申报表", pages=4)
    world.review.start_defence(panel[0], cid)
    world.db.machine.advance(300)
    world = world.reopen(machine=FakeMachineClock(at=5000.0 + 600, boot="boot-a"))  # a new process, same boot
    record = world.review.record(panel[1], cid)
    assert record.defence_running and record.defence_seconds == 600
    world.db.machine.advance(360)
    assert world.review.end_defence(panel[1], cid) == 960
    for member in panel:
        world.review.score(member, cid, {"材料": D(80), "答辩": D(80)})
    assert world.review.finalize(chair, cid) == D(80)  # 16 minutes: the 15-minute minimum is met


def test_a_reboot_mid_defence_stops_it_at_its_last_instant_until_the_panel_resumes_it(world):
    """Two boots' clocks are never compared: the part before the reboot ends at the last instant
    recorded then (the start, a question, a note); the panel resumes it after the restart."""
    _sid, cid, panel, chair = review_world(world)
    world = world.reopen(machine=FakeMachineClock(at=5000.0, boot="boot-a"))
    world.review.register_material(panel[0], cid, "application", "申报表", pages=4)
    world.review.start_defence(panel[0], cid)
    world.db.machine.advance(420)
    world.review.add_note(panel[0], cid, "question", "请介绍学习支持方案的设计思路。")
    world.db.machine.advance(100)  # then the power goes: these 100 s were never recorded
    world = world.reopen(machine=FakeMachineClock(at=30.0, boot="boot-b"))  # the machine restarted
    record = world.review.record(panel[0], cid)
    assert record.defence_interrupted and not record.defence_running and record.defence_seconds == 420
    world.db.machine.advance(60)
    assert world.review.record(panel[0], cid).defence_seconds == 420  # stopped while nobody resumes it
    with pytest.raises(Conflict, match="the defence is still running"):
        for member in panel:
            world.review.score(member, cid, {"材料": D(80), "答辩": D(80)})
        world.review.finalize(chair, cid)
    world.review.start_defence(panel[1], cid)  # resumes it
    world.db.machine.advance(480)
    assert world.review.end_defence(panel[1], cid) == 900
    assert world.review.finalize(chair, cid) == D(80)
    with world.db.reader() as s:
        kinds = [k for (k,) in s.execute(text("SELECT kind FROM review_events ORDER BY id"))]
    assert kinds == ["defence_start", "question", "defence_resume", "defence_end"]


def test_the_score_report_summary_counts_missing_entries_apart():
    from app.reports.score_report import review_summary

    detail = {"materials": [{"kind": "application", "sha256": "ab", "status": "received"},
                            {"kind": "work", "sha256": None, "status": "missing"}],
              "criteria": {"name": "考核方评审标准", "supplied": True, "example": False},
              "defence_minutes": "16.00", "questions": ["问"], "members": 3}  # fmt: skip
    assert review_summary(detail).startswith("综合评审记录：申报材料与代表作 1 项（附件 1 个，缺 1 项），"
                                             "答辩 16.00 分钟")
    del detail["materials"][1]["status"]  # a record of examdesk-bundle/4: every entry was received
    assert "2 项（附件 1 个）" in review_summary(detail)
