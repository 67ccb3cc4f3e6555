"""The standards' rules (section 1.9) hold in the services, not only in the admin screen's warnings:
scheduling, adding candidates to a review, preparing skill papers, starting, finalizing.

Every world runs on a fixed store clock (tests/store_fixtures.py): 08:50 local time on EXAM_DAY."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest
from sqlalchemy import select

from app.banks.roster_file import RosterRow
from app.domain.identity import check_digit
from app.domain.staffing import Finding, check_session, check_task_minutes
from app.domain.standards import Part
from app.errors import UserFacingError
from app.security.canonical import canonical_json
from app.services.base import Actor, Conflict, ServiceError
from app.services.exam import EarlyStart, StandardRuleRefused
from app.services.papers import PaperService
from app.store.models import AuditEntry, ExamSession
from tests.store_fixtures import EXAM_DAY, SESSION_START, shared_catalog

IDS = [f"11010119900101{n:03d}" + check_digit(f"11010119900101{n:03d}") for n in range(7)]


def schedule(world, code="X", *, part="theory", standard="4-13-99-02", level="5", subtype=None, minutes=90,
             start=SESSION_START) -> int:  # fmt: skip
    return world.exam.schedule_session(
        world.admin, code=code, room="201", part=part, standard=standard, level=level, subtype=subtype,
        scheduled_start=start, duration_minutes=minutes,
    )  # fmt: skip


def proctor(world, session_id: int) -> Actor:
    """A proctor of the session (only an assigned proctor starts or closes it): its first one, or a
    new one for a session with none assigned yet."""
    assigned = [user for user, duty in world.scoring.session_staff(world.admin, session_id) if duty == "proctor"]
    return Actor("proctor", assigned[0]) if assigned else staff(world, session_id, "proctor", 1)[0]


def people(world, session_id: int, count: int, prefix: str = "P") -> None:
    """`count` candidates; ID numbers repeat across tickets, which the store allows."""
    for n in range(count):
        world.exam.add_candidate(world.admin, session_id, ticket=f"{prefix}{n:03d}", name=f"考生{n}",
                                 id_number=IDS[n % len(IDS)])  # fmt: skip


def staff(world, session_id: int, duty: str, count: int, role: str | None = None) -> list[Actor]:
    """`count` new users assigned to the session with `duty`."""
    role = role or {"proctor": "proctor", "chief": "chief"}.get(duty, "examiner")
    out = []
    for _ in range(count):
        n = len(world.accounts.users(world.admin))
        view = world.accounts.create_user(world.admin, username=f"{duty}{n}", role=role, display_name=f"{duty}{n}",
                                          password="staff-pass-12")  # fmt: skip
        world.scoring.assign_staff(world.admin, session_id, view.id, duty)
        out.append(Actor(role, view.id))
    return out


# -- scheduling -----------------------------------------------------------------------------


@pytest.mark.parametrize(("kwargs", "refusal"), [
    ({"minutes": 30}, "4-13-99-02 1.9.4: the theory part lasts at least 90 minutes, this session has 30"),
    ({"part": "skill", "minutes": 89},
     "4-13-99-02 1.9.4: the skill part lasts at least 90 minutes, this session has 89"),
    ({"part": "review", "minutes": 60}, "4-13-99-02 1.9.2: level 5 (五级/初级工) has no comprehensive review"),
    ({"part": "review", "standard": "4-07-03-01", "level": "3", "minutes": 60},
     "4-07-03-01 1.9.2: level 3 (三级职业指导师（助理职业指导师）) has no comprehensive review"),
    ({"part": "review", "standard": "4-07-03-01", "level": "2", "minutes": 29},
     "4-07-03-01 1.9.4: the comprehensive review takes at least 30 minutes per candidate: 1 candidate(s) need 30, "
     "this session has 29"),
    ({"part": "review", "level": "2", "minutes": 14}, "4-13-99-02 1.9.4: the comprehensive review takes at least 15"),
    ({"standard": "570002", "level": "初级", "minutes": 60},
     "570002 (4-13-99-02 (2022) 1.9): the theory part lasts at least 90 minutes, this session has 60"),
    ({"part": "oral"}, "unknown part oral"),
    ({"start": "5 December, 9am"}, "is not a date and time"),
])  # fmt: skip
def test_scheduling_refuses_what_the_standard_does_not_allow(world, kwargs, refusal):
    with pytest.raises(ServiceError, match=refusal.replace("(", r"\(").replace(")", r"\)")):
        schedule(world, **kwargs)
    with world.db.reader() as s:
        assert s.scalar(select(ExamSession).where(ExamSession.code == "X")) is None


@pytest.mark.parametrize(("kwargs", "refusal"), [
    ({"level": "9"}, "4-13-99-02 has no level '9'; levels: 5, 4, 3, 2, 1"),
    ({"standard": "4-07-03-01", "subtype": "残疾人就业辅导员", "level": "1"},
     "4-07-03-01 has no level '1'; levels: 4, 3, 2"),
    ({"standard": "4-07-03-01", "subtype": "残疾人心理咨询师", "level": "2"}, "has no subtype '残疾人心理咨询师'"),
    ({"standard": "9-99-99-99"}, "unknown standard '9-99-99-99'"),
])  # fmt: skip
def test_scheduling_needs_the_standard_subtype_and_level_in_the_catalogue(world, kwargs, refusal):
    with pytest.raises(UserFacingError, match=refusal):
        schedule(world, **kwargs)


@pytest.mark.parametrize("kwargs", [
    {},
    {"part": "skill", "minutes": 105},
    {"part": "review", "level": "2", "minutes": 15},
    {"part": "review", "standard": "4-07-03-01", "level": "2", "minutes": 30},
    {"part": "review", "standard": "4-07-03-01", "subtype": "残疾人就业辅导员", "level": "2", "minutes": 30},
    {"part": "review", "standard": "4-07-03-01", "subtype": "残疾人职业能力评估师", "level": "2", "minutes": 30},
])  # fmt: skip
def test_scheduling_accepts_what_the_standard_allows(world, kwargs):
    assert schedule(world, **kwargs) > 0


def test_the_session_keeps_the_catalogues_level_id(world):
    sid = schedule(world, standard="570002", level="初级")
    assert {s.id: s.level for s in world.exam.sessions(world.admin)}[sid] == "初级"


# -- the comprehensive review takes its minutes per candidate ------------------------------------


def test_a_review_session_takes_its_minimum_per_candidate(world):
    sid = schedule(world, part="review", level="2", minutes=30)  # 4-13-99-02: 15 minutes per candidate
    people(world, sid, 2)
    with pytest.raises(StandardRuleRefused, match="15 minutes per candidate: 3 candidate\\(s\\) need 45, this "
                                                  "session has 30"):  # fmt: skip
        people(world, sid, 1, prefix="Q")
    rows = [RosterRow(row=n + 2, ticket=f"R{n}", name="考生", id_number=IDS[n], photo=None) for n in range(2)]
    with pytest.raises(StandardRuleRefused, match="4 candidate\\(s\\) need 60"):
        world.exam.import_roster(world.admin, sid, rows, "roster.csv")
    assert len(world.exam.roster(world.admin, sid)) == 2  # all or nothing
    # and at start (here: a session whose duration no longer fits, e.g. after a new edition)
    staff(world, sid, "review", 3)
    with world.db.transaction() as s:
        s.get(ExamSession, sid).duration_minutes = 29
    with pytest.raises(StandardRuleRefused, match="2 candidate\\(s\\) need 30, this session has 29"):
        world.exam.start_session(proctor(world, sid), sid)


# -- theory rooms at start ----------------------------------------------------------------------


@pytest.mark.parametrize(("candidates", "proctors", "refusal"), [
    (40, 1, "4-13-99-02 1.9.3: a theory room has at least 2 proctors and 1 per 15 candidates: 40 candidates need 3, "
            "this session has 1"),  # with none, no proctor of it could start it (tests/test_duties.py)
    (23, 1, "23 candidates need 2, this session has 1"),
    (31, 2, "31 candidates need 3, this session has 2"),
    (23, 2, None),
    (31, 3, None),
])  # fmt: skip
def test_a_theory_room_starts_only_with_its_proctors(world, candidates, proctors, refusal):
    sid = schedule(world)
    people(world, sid, candidates)
    staff(world, sid, "proctor", proctors)
    if refusal is None:
        world.exam.start_session(proctor(world, sid), sid)
        assert {s.id: s.state for s in world.exam.sessions(world.admin)}[sid] == "open"
        return
    with pytest.raises(StandardRuleRefused, match=refusal):
        world.exam.start_session(proctor(world, sid), sid)
    assert {s.id: s.state for s in world.exam.sessions(world.admin)}[sid] == "scheduled"


def test_full_electronic_surveillance_relaxes_the_ratio_only_where_the_standard_says(world):
    vg = schedule(world, "VG", standard="4-07-03-01", level="4")
    people(world, vg, 40)
    staff(world, vg, "proctor", 2)
    with pytest.raises(StandardRuleRefused, match="40 candidates need 3, this session has 2"):
        world.exam.start_session(proctor(world, vg), vg)
    with pytest.raises(ServiceError, match="a reason is required"):
        world.exam.record_surveillance(world.admin, vg, "  ")
    world.exam.record_surveillance(world.admin, vg, "全方位电子监控：12 路摄像头覆盖全部机位，监控室专人值守")
    assert {s.id: s.surveillance for s in world.exam.sessions(world.admin)}[vg].startswith("全方位电子监控")
    with world.db.reader() as s:
        entry = s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
        assert entry.action == "session.surveillance" and entry.target == f"session:{vg}"
    world.exam.start_session(proctor(world, vg), vg)

    # 4-13-99-02 has no such sentence: recording surveillance there is refused
    olss = schedule(world, "OL")
    with pytest.raises(ServiceError, match=r"4-13-99-02 1\.9\.3: the standard does not lower the proctor ratio"):
        world.exam.record_surveillance(world.admin, olss, "cameras")
    with pytest.raises(ServiceError, match="only a theory room"):
        world.exam.record_surveillance(world.admin, schedule(world, "SK", standard="4-07-03-01", level="4",
                                                             part="skill"), "cameras")  # fmt: skip


def test_surveillance_never_lowers_the_two_proctors_per_room(world):
    sid = schedule(world, standard="4-07-03-01", level="4")
    people(world, sid, 10)
    staff(world, sid, "proctor", 1)
    world.exam.record_surveillance(world.admin, sid, "全方位电子监控")
    with pytest.raises(StandardRuleRefused, match="at least 2 proctors \\(under full electronic surveillance\\), "
                                                  "this session has 1"):  # fmt: skip
        world.exam.start_session(proctor(world, sid), sid)


# -- skill examiners at start ----------------------------------------------------------------


@pytest.mark.parametrize(("standard", "level", "candidates", "examiners", "chief", "refusal"), [
    ("4-13-99-02", "5", 4, 2, 1, "4-13-99-02 1.9.3: skill examiners are at least 3, an odd number, and 1 per 15 "
                                 "candidates: 4 candidates need 3, this session has 2"),  # the chief does not count
    ("4-13-99-02", "5", 4, 4, 0, "4-13-99-02 1.9.3: the number of skill examiners must be odd, this session has 4"),
    ("4-13-99-02", "5", 31, 3, 1, None),  # ceil(31/15) = 3: enough
    ("4-07-03-01", "4", 7, 3, 1, "4-07-03-01 1.9.3: skill examiners .* 1 per 2 candidates: 7 candidates need 5, "
                                 "this session has 3"),
    ("4-07-03-01", "4", 7, 5, 1, None),
    ("4-13-99-02", "5", 4, 3, 0, None),
])  # fmt: skip
def test_a_skill_session_starts_only_with_its_examiners(world, standard, level, candidates, examiners, chief,
                                                        refusal):  # fmt: skip
    sid = schedule(world, part="skill", standard=standard, level=level)
    people(world, sid, candidates)
    staff(world, sid, "examiner", examiners)
    staff(world, sid, "chief", chief)
    if refusal is None:
        world.exam.start_session(proctor(world, sid), sid)
        return
    with pytest.raises(StandardRuleRefused, match=refusal):
        world.exam.start_session(proctor(world, sid), sid)


# -- skill tasks' suggested time ------------------------------------------------------------------


def test_skill_papers_are_refused_when_the_drawn_tasks_need_longer(world):
    sid = schedule(world, part="skill", minutes=90)  # 五级: six tasks of 15-20 minutes, 105 in all
    people(world, sid, 3)
    papers = PaperService(world.db, shared_catalog())
    with pytest.raises(StandardRuleRefused, match=r"the skill tasks drawn for 3 of 3 candidate\(s\) suggest up to "
                                                  r"105 minutes \(.*\), this session has 90"):  # fmt: skip
        papers.prepare_papers(world.admin, sid)
    assert all(row.attempt_id is None for row in world.exam.roster(world.admin, sid))
    longer = schedule(world, "Y", part="skill", minutes=105)
    people(world, longer, 3)
    assert papers.prepare_papers(world.admin, longer) == 3


def test_a_skill_session_shorter_than_its_fixed_papers_does_not_start(world):
    sid = schedule(world, part="skill", minutes=90)
    people(world, sid, 1)
    staff(world, sid, "examiner", 3)
    [row] = world.exam.roster(world.admin, sid)
    tasks = [{"slot": n, "id": f"K{n}", "type": "task", "area": "学情分析", "points": "50", "stem": "t",
              "minutes": 50, "rubric": [["p", "50"]], "key": None} for n in range(2)]  # fmt: skip
    world.exam.prepare_attempt(world.admin, row.candidate_id, {"seed": "k", "items": tasks}, 5400)
    with pytest.raises(StandardRuleRefused, match="1 of 1 candidate\\(s\\) suggest up to 100 minutes \\(K0, K1\\)"):
        world.exam.start_session(proctor(world, sid), sid)


def test_task_minutes_rule_counts_each_candidates_paper():
    assert check_task_minutes(100, [(100, ["a"]), (95, ["b"])]) == []
    [finding] = check_task_minutes(100, [(100, ["a"]), (120, ["b", "c"]), (110, ["d"])])
    assert (finding.rule, finding.required, finding.actual) == ("task_minutes", 120, 100)
    assert "2 of 3 candidate(s) suggest up to 120 minutes (b, c)" in finding.message


# -- when a session may start ------------------------------------------------------------------


@pytest.mark.parametrize(("start", "refusal"), [
    (f"{EXAM_DAY}T09:00", None),  # 10 minutes early
    (f"{EXAM_DAY}T09:20", None),  # 30 minutes early
    (f"{EXAM_DAY}T08:00", None),  # late, the same day
    (f"{EXAM_DAY}T09:30", "scheduled to start at 09:30, 40 minutes from now: confirm to start it early"),
    ("2026-12-06T08:50", "session X is scheduled for 2026-12-06, not today \\(2026-12-05\\)"),
    ("2026-12-04T09:00", "session X is scheduled for 2026-12-04, not today \\(2026-12-05\\)"),
])  # fmt: skip
def test_a_session_starts_on_its_day_and_not_long_before_its_time(world, start, refusal):
    sid = schedule(world, start=start)
    staff(world, sid, "proctor", 2)
    if refusal is None:
        world.exam.start_session(proctor(world, sid), sid)
        return
    with pytest.raises(Conflict, match=refusal):
        world.exam.start_session(proctor(world, sid), sid)
    if "not today" in refusal:  # an early start may be confirmed, another day's may not
        with pytest.raises(Conflict, match=refusal):
            world.exam.start_session(proctor(world, sid), sid, early_ok=True)


def test_an_early_start_needs_the_proctors_confirmation_and_is_audited(world):
    sid = schedule(world, start=f"{EXAM_DAY}T10:00")
    staff(world, sid, "proctor", 2)
    assert world.exam.minutes_to_start(proctor(world, sid), sid) == 70
    with pytest.raises(EarlyStart):
        world.exam.start_session(proctor(world, sid), sid)
    world.exam.start_session(proctor(world, sid), sid, early_ok=True)
    with world.db.reader() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "session.start")
                          .order_by(AuditEntry.seq.desc())).first()  # fmt: skip
        expected = world.db.cipher.mac(canonical_json({"early_ok": True, "minutes_early": 70}), b"audit-chain/data")
        assert entry.data_digest == expected


def test_the_start_follows_the_store_clock_not_the_system_clock(world):
    sid = schedule(world, start="2027-03-01T09:00")
    staff(world, sid, "proctor", 2)
    with pytest.raises(Conflict, match="not today"):
        world.exam.start_session(proctor(world, sid), sid)
    world.db.clock.advance(days=86, minutes=5)  # 2027-03-01 08:55
    world.exam.start_session(proctor(world, sid), sid)


# -- finalizing: the examiners and the review panel the service counts ------------------------------


def _skill_attempt(world, examiners: int, chief: int = 1):
    sid = schedule(world, part="skill", minutes=105)
    people(world, sid, 1)
    crew = staff(world, sid, "examiner", examiners)
    boss = staff(world, sid, "chief", chief)
    [row] = world.exam.roster(world.admin, sid)
    task = {"slot": 0, "id": "K0", "type": "task", "area": "学情分析", "points": "100", "stem": "t\ni",
            "minutes": 60, "rubric": [["p", "10"]], "key": None}  # fmt: skip
    attempt = world.exam.prepare_attempt(world.admin, row.candidate_id, {"seed": "k", "items": [task]}, 6300)
    world.exam.start_session(proctor(world, sid), sid)
    world.exam.submit(proctor(world, sid), attempt, reason="ended for the test")
    return sid, attempt, crew, boss


def test_finalize_needs_a_score_from_every_assigned_examiner(world):
    _sid, attempt, crew, boss = _skill_attempt(world, 3)
    scoring = world.scoring
    scoring.score_task(crew[0], attempt, 0, {0: Decimal(8)})
    scoring.score_task(boss[0], attempt, 0, {0: Decimal(8)})  # the chief's own score is not an examiner's
    with pytest.raises(Conflict, match="question 1: 1 of 3 examiners have scored") as refused:
        scoring.finalize(boss[0], attempt)
    # the arbitration screen reads the refusal's parts, not its English
    assert refused.value.template == "not ready: {waiting}"
    [waiting] = refused.value.parts["waiting"]
    assert (waiting.template, waiting.params) == (
        "question {n}: {scored} of {needed} examiners have scored", {"n": "1", "scored": "1", "needed": "3"})
    scoring.score_task(crew[1], attempt, 0, {0: Decimal(8)})
    scoring.score_task(crew[2], attempt, 0, {0: Decimal(1)})
    with pytest.raises(Conflict, match="must arbitrate") as refused:
        scoring.finalize(boss[0], attempt)
    [disputed] = refused.value.parts["waiting"]
    assert disputed.template == "question {n}: scores {scores} differ by {spread}: the chief examiner must arbitrate"
    assert disputed.params == {"n": "1", "scores": "8, 8, 1", "spread": "7"}
    scoring.score_task(boss[0], attempt, 0, {0: Decimal(8)}, arbitration=True)
    assert scoring.finalize(boss[0], attempt) == Decimal("80.00")


def test_finalize_refuses_a_panel_that_breaks_the_standard(world):
    sid, attempt, crew, boss = _skill_attempt(world, 3)
    scoring = world.scoring
    for member in crew:
        scoring.score_task(member, attempt, 0, {0: Decimal(8)})
    fourth = staff(world, sid, "examiner", 1)  # assigned after the start: now an even number
    scoring.score_task(fourth[0], attempt, 0, {0: Decimal(8)})
    with pytest.raises(Conflict, match=r"4-13-99-02 1\.9\.3: the number of skill examiners must be odd, this "
                                       r"session has 4"):  # fmt: skip
        scoring.finalize(boss[0], attempt)


def test_finalize_takes_no_examiner_count_from_the_caller(world):
    import inspect

    from app.services.review import ReviewService
    from app.services.scoring import ScoringService

    assert "min_examiners" not in inspect.signature(ScoringService.finalize).parameters
    assert "min_members" not in inspect.signature(ReviewService.finalize).parameters


@pytest.mark.parametrize(("members", "scoring_members", "refusal"), [
    (2, 2, "4-13-99-02 1.9.3: a review panel has at least 3 members, this session has 2"),
    (4, 4, "4-13-99-02 1.9.3: the number of review panel members must be odd, this session has 4"),
    (3, 2, "not ready: 2 of 3 review panel members have scored"),
    (3, 3, None),
])  # fmt: skip
def test_finalize_review_counts_the_sessions_panel(world, members, scoring_members, refusal):
    from app.banks.review_criteria import example_criteria
    from app.store.clock import FakeMachineClock

    world.db.machine = FakeMachineClock()
    sid = schedule(world, part="review", level="2", minutes=15)
    people(world, sid, 1)
    panel = staff(world, sid, "review", members)
    boss = staff(world, sid, "chief", 1)[0]
    [row] = world.exam.roster(world.admin, sid)
    world.review.register_material(panel[0], row.candidate_id, "application", "申报表")
    if refusal is not None and "1.9.3" in refusal:  # the panel breaks the rule: its defence does not begin
        with pytest.raises(Conflict, match=refusal):
            world.review.start_defence(panel[0], row.candidate_id)
    else:
        world.review.start_defence(panel[0], row.candidate_id)
        world.db.machine.advance(15 * 60)
        world.review.end_defence(panel[0], row.candidate_id)
    marks = {c.name: Decimal(80) for c in example_criteria().criteria}
    for member in panel[:scoring_members]:
        world.review.score(member, row.candidate_id, marks)
    if refusal is None:
        assert world.review.finalize(boss, row.candidate_id) == Decimal("80.00")
        return
    with pytest.raises(Conflict, match=refusal):
        world.review.finalize(boss, row.candidate_id)


# -- one rule set: the admin screen's warnings come from the same checks --------------------------


def test_the_screen_check_and_the_service_agree_on_the_chief():
    std = shared_catalog().standard("4-13-99-02")
    # 3 examiners and a chief: the staffing box counts only the examiners, as finalize does
    assert check_session(std, std.level(5), Part.SKILL, candidates=4, minutes=105, examiners=3) == []
    [finding] = check_session(std, std.level(5), Part.SKILL, candidates=4, minutes=105, examiners=2)
    assert isinstance(finding, Finding) and finding.rule == "examiners"


def test_every_rule_refusal_has_a_message_template():
    from datetime import datetime

    from app.domain.session_start import check_start
    from app.domain.staffing import check_duration, check_review_panel, check_skill_examiners, check_theory_room
    from app.ui.widgets.messages import match_message

    catalog = shared_catalog()
    olss, vg, x = catalog.standard("4-13-99-02"), catalog.standard("4-07-03-01"), catalog.standard("570002")
    even = dataclasses.replace(olss, staffing=dataclasses.replace(olss.staffing, examiners_odd=False))
    findings = [
        *check_duration(olss, olss.level(5), Part.THEORY, 30), *check_duration(x, x.level("初级"), Part.SKILL, 30),
        *check_duration(olss, olss.level(5), Part.REVIEW, 30), *check_duration(vg, vg.level(2), Part.REVIEW, 30, 3),
        *check_theory_room(olss, olss.level(5), 40, 1), *check_theory_room(vg, vg.level(4), 40, 1, surveilled=True),
        *check_skill_examiners(vg, vg.level(4), 7, 3), *check_skill_examiners(even, even.level(5), 40, 1),
        *check_skill_examiners(olss, olss.level(5), 4, 4), *check_review_panel(olss, olss.level(2), 2),
        *check_review_panel(olss, olss.level(2), 4), *check_task_minutes(90, [(105, ["a", "b"])]),
        *check_start("S1", "2026-12-06T09:00", datetime(2026, 12, 5, 8, 50)),
        *check_start("S1", "2026-12-05T10:00", datetime(2026, 12, 5, 8, 50)),
    ]
    assert len({f.rule for f in findings}) == 10
    assert [f.message for f in findings if match_message(f.message) is None] == []


def test_the_bundle_states_the_recorded_surveillance(world, tmp_path):
    import json
    import zipfile

    from app.services.export import ExportService

    vg = schedule(world, "VG", standard="4-07-03-01", level="4")
    people(world, vg, 20)
    staff(world, vg, "proctor", 2)
    world.exam.record_surveillance(world.admin, vg, "12 路摄像头覆盖全部机位")
    world.exam.start_session(proctor(world, vg), vg)
    world.exam.close_session(proctor(world, vg), vg)
    plain = schedule(world, "OL")
    people(world, plain, 1)
    staff(world, plain, "proctor", 2)
    world.exam.start_session(proctor(world, plain), plain)
    world.exam.close_session(proctor(world, plain), plain)
    stated = {}
    for code, sid in (("VG", vg), ("OL", plain)):
        out = tmp_path / f"{code}.zip"
        ExportService(world.db, shared_catalog()).export_session(world.admin, sid, out, workers=1)
        with zipfile.ZipFile(out) as bundle:
            stated[code] = json.loads(bundle.read("manifest.json"))["session"]["surveillance"]
    assert stated == {"VG": "12 路摄像头覆盖全部机位", "OL": None}
