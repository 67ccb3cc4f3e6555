"""Observed (现场操作, 模拟操作) and oral (现场问答) skill tasks, scored live by the examiners.

Bank format and domain rules first, then the services: the oral card drawn by seed, once and
audited; no typing for a live task; live scoring while the candidate performs, each examiner blind
to the others until they have submitted; observation groups and the examiner ratio per group; the
examiner's timer, notes and the files a task produced, kept encrypted as steps of the attempt;
finalizing with the same spread rule and arbitration as written tasks."""

from __future__ import annotations

import hashlib
import random
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from app.banks.bank_file import read_banks
from app.demo import demo_people
from app.domain.attempt_state import StepKind
from app.domain.items import TaskMode
from app.domain.live_tasks import Observation, card_index, task_record, timed_seconds, timer_intervals
from app.domain.staffing import check_observed_group
from app.domain.time_ledger import Instant
from app.errors import DataFileError
from app.reports.score_report import INTERRUPTED, live_summary
from app.services.answer_log import read_log
from app.services.base import Actor, Conflict, PermissionDenied, ServiceError
from app.services.live_scoring import LiveScoringService
from app.store.clock import FakeMachineClock
from app.store.models import AttemptFile, AttemptStep, AuditEntry, LiveObservation
from tests.store_fixtures import BACKENDS, SESSION_START, seated_login, shared_catalog

OBSERVED = {"slot": 0, "id": "OBS-1", "type": "task", "area": "学情分析", "points": "60",
            "stem": "现场演示在线问卷发布\n在考评员面前完成问卷的设置与发布。", "minutes": 30,
            "rubric": [["问卷设置完整", "40"], ["发布操作规范", "20"]], "key": None,
            "mode": "observed", "form": "现场操作"}  # fmt: skip
ORAL = {"slot": 1, "id": "ORAL-1", "type": "task", "area": "学习指导", "points": "40",
        "stem": "现场问答\n抽取题卡，口头回答。", "minutes": 15,
        "rubric": [["要点完整", "30"], ["表达清楚", "10"]], "key": None, "mode": "oral",
        "cards": [["如何回应学员的拖延？", ["了解原因", "分解任务"]], ["如何组织线上讨论？", ["明确主题"]],
                  ["如何反馈作业？", ["及时", "具体"]]]}  # fmt: skip
PEOPLE = demo_people(4, random.Random(5))  # (ticket, name, ID number, ability)


# -- the bank format and the domain --------------------------------------------------------------


def _bank(tmp_path: Path, task_yaml: str) -> Path:
    path = tmp_path / "live.yaml"
    path.write_text(
        "schema: examdesk-bank/1\nbank: live-test\nstandard: 4-13-99-02\nversion: 1\ntasks:\n" + task_yaml,
        encoding="utf-8",
    )
    return path


TASK_HEAD = """  - id: LIVE-1
    area: 学情分析
    code: "1.1"
    levels: [5]
    title: 现场任务
    minutes: 20
    instructions: 在考评员面前完成。
    rubric:
      - {point: 要点, max: 100}
"""


def test_bank_reads_observed_and_oral_tasks(tmp_path):
    oral = TASK_HEAD.replace("LIVE-1", "LIVE-2") + (
        "    mode: oral\n    cards:\n      - {question: 问题一, expected: [要点甲]}\n"
        "      - {question: 问题二, expected: [要点乙, 要点丙]}\n"
    )
    path = _bank(tmp_path, TASK_HEAD + "    mode: observed\n    form: 模拟操作\n" + oral)
    tasks = {t.id: t for t in read_banks([path], shared_catalog().standards).tasks}
    assert tasks["LIVE-1"].mode is TaskMode.OBSERVED and tasks["LIVE-1"].form == "模拟操作"
    assert tasks["LIVE-2"].mode is TaskMode.ORAL
    assert [c.question for c in tasks["LIVE-2"].cards] == ["问题一", "问题二"]
    assert tasks["LIVE-2"].cards[1].expected == ("要点乙", "要点丙")


@pytest.mark.parametrize(("extra", "field", "says"), [
    ("    mode: live\n", "mode", "unknown mode 'live'"),
    ("    mode: observed\n", "form", "an observed task says its form"),
    ("    mode: oral\n    cards:\n      - {question: 问题一, expected: [甲]}\n", "cards", "at least 2 question cards"),
    ("    mode: oral\n    cards:\n      - {question: 问题一, expected: [甲]}\n"
     "      - {question: 问题一, expected: [乙]}\n",
     "cards[1].question", "in the pool twice"),
    ("    mode: oral\n    cards:\n      - {question: 问题一}\n      - {question: 问题二, expected: [乙]}\n",
     "cards[0].expected", "list the points"),
    ("    cards:\n      - {question: 问题一, expected: [甲]}\n", "cards", "only an oral task"),
    ("    form: 现场操作\n", "form", "only an observed task has a form"),
])  # fmt: skip
def test_bank_refuses_a_malformed_live_task_naming_file_and_task(tmp_path, extra, field, says):
    path = _bank(tmp_path, TASK_HEAD + extra)
    with pytest.raises(DataFileError) as caught:
        read_banks([path], shared_catalog().standards)
    text = str(caught.value)
    assert "live.yaml" in text and "(LIVE-1)" in text and f".{field}" in text and says in text


def test_card_draw_is_seeded_and_spreads_over_the_pool():
    assert card_index("202650001", 1, "ORAL-1", 3) == card_index("202650001", 1, "ORAL-1", 3)
    drawn = {card_index(f"2026500{n:02d}", 1, "ORAL-1", 3) for n in range(40)}
    assert drawn == {0, 1, 2}


def _on(epoch: int, *events: tuple[str, float]) -> list[tuple[str, Instant]]:
    return [(kind, Instant(epoch, at)) for kind, at in events]


def test_timer_adds_up_intervals_and_counts_a_running_one_to_now():
    reading = timed_seconds(_on(1, ("start", 10.0), ("stop", 70.0), ("start", 100.0)), Instant(1, 130.0))
    assert (reading.seconds, reading.running, reading.interrupted) == (90.0, True, False)
    reading = timed_seconds(_on(1, ("stop", 5.0), ("start", 10.0), ("stop", 20.0)), Instant(1, 99.0))
    assert (reading.seconds, reading.running, reading.interrupted) == (10.0, False, False)


def test_a_timer_a_restart_cut_counts_up_to_the_last_instant_known_of_its_boot_never_less_than_nothing():
    """Boot 1's clock read 1600 when the timer started; boot 2's clock starts again from zero. The
    interval ends at the last instant the store knows of boot 1 (1750: a step, a heartbeat, a note),
    never at boot 2's reading (which would be 50 - 1600 < 0)."""
    started = _on(1, ("start", 1600.0))
    cut = timed_seconds(started, Instant(2, 50.0), {1: 1750.0})
    assert (cut.seconds, cut.running, cut.interrupted) == (150.0, False, True)  # waits for its examiner
    stopped = timed_seconds([*started, ("stop", Instant(2, 50.0))], Instant(2, 80.0), {1: 1750.0})
    assert (stopped.seconds, stopped.running, stopped.interrupted) == (150.0, False, False)
    again = timed_seconds([*started, ("start", Instant(2, 60.0))], Instant(2, 90.0), {1: 1750.0})
    assert (again.seconds, again.running, again.interrupted) == (180.0, True, False)  # 150 + 30 in boot 2
    assert timed_seconds(started, Instant(2, 50.0)).seconds == 0.0  # nothing known after the start: nothing counted
    assert timed_seconds(started, Instant(2, 50.0), {1: 900.0}).seconds == 0.0  # known only before it: never < 0
    [interval] = timer_intervals([*started, ("stop", Instant(2, 50.0))], Instant(2, 80.0), {1: 1750.0})
    assert (interval.start, interval.end, interval.cut) == (Instant(1, 1600.0), 1750.0, True)


def test_a_task_record_puts_the_boots_one_after_the_other_on_its_elapsed_timeline():
    """Two examiners; the machine restarts while both timers run. Every elapsed value is on one
    timeline from the first start, boot 2 following the last instant known of boot 1; the record
    says which intervals the restart cut."""
    observations = [Observation(1, "timer_start", Instant(1, 1600.0), None, None),
                    Observation(2, "timer_start", Instant(1, 1605.0), None, None),
                    Observation(1, "note", Instant(1, 1700.0), 0, "操作熟练"),  # boot 1 is known up to here
                    Observation(1, "timer_stop", Instant(2, 40.0), None, None),
                    Observation(1, "timer_start", Instant(2, 45.0), None, None),
                    Observation(1, "timer_stop", Instant(2, 105.0), None, None),
                    Observation(2, "timer_start", Instant(2, 50.0), None, None)]  # fmt: skip
    record = task_record(OBSERVED, None, [], observations, "A", note_texts=False, now=Instant(2, 110.0),
                         known={1: 1650.0})  # fmt: skip
    assert record["examiners"] == [
        {"seat": 1, "timer": [[0.0, 100.0], [100.0, 160.0]], "timed_seconds": 160.0, "interrupted": [0],
         "notes": [1, 0]},
        {"seat": 2, "timer": [[5.0, 100.0], [105.0, None]], "timed_seconds": 95.0, "interrupted": [0],
         "notes": [0, 0]},
    ]  # fmt: skip
    assert live_summary([record]).splitlines() == [
        "技能考核第 1 题（学情分析）：现场操作，考评员计时 1分35秒至2分40秒", INTERRUPTED]  # fmt: skip
    one_boot = [Observation(1, "timer_start", Instant(1, 1600.0), None, None),
                Observation(1, "timer_stop", Instant(1, 1725.0), None, None)]  # fmt: skip
    record = task_record(OBSERVED, None, [], one_boot, "A", note_texts=False, now=Instant(1, 1800.0))
    assert record["examiners"][0]["timer"] == [[0.0, 125.0]] and record["examiners"][0]["interrupted"] == []
    assert live_summary([record]) == "技能考核第 1 题（学情分析）：现场操作，考评员计时 2分05秒"


@pytest.mark.parametrize(("standard", "level", "candidates", "examiners", "rule"), [
    ("4-13-99-02", "5", 15, 3, None),
    ("4-13-99-02", "5", 46, 3, "group_examiners"),  # 1:15 -> 4, odd -> 5
    ("4-07-03-01", "4", 6, 3, None),
    ("4-07-03-01", "4", 7, 3, "group_examiners"),  # 1:2 -> 4, odd -> 5
    ("4-07-03-01", "4", 2, 4, "group_examiners_odd"),
    ("4-13-99-02", "5", 2, 2, "group_examiners"),  # at least 3
])  # fmt: skip
def test_examiner_ratio_holds_per_observed_group(standard, level, candidates, examiners, rule):
    catalog = shared_catalog()
    std = catalog.standard(standard)
    findings = check_observed_group(std, catalog.level(std, level, None), "A", candidates, examiners)
    assert [f.rule for f in findings] == ([rule] if rule else [])
    if rule:
        assert f"{standard} 1.9.3" in str(findings[0]) and "group A" in str(findings[0])


# -- the services --------------------------------------------------------------------------------


@pytest.fixture
def live(world):
    """A running skill session (4-13-99-02 五级) of four candidates whose papers hold one observed and
    one oral task; five examiners and a chief; a fake machine clock for the examiners' timers."""
    world.db.machine = FakeMachineClock()
    scoring, exam = world.scoring, world.exam
    sid = exam.schedule_session(world.admin, code="L", room="302", part="skill", standard="4-13-99-02", level="5",
                                scheduled_start=SESSION_START, duration_minutes=90)  # fmt: skip
    staff = {}
    for username, role in (("e1", "examiner"), ("e2", "examiner"), ("e3", "examiner"), ("e4", "examiner"),
                           ("e5", "examiner"), ("boss", "chief")):  # fmt: skip
        view = world.accounts.create_user(world.admin, username=username, role=role, display_name=f"考评{username}",
                                          password="examiner-pass-1")  # fmt: skip
        scoring.assign_staff(world.admin, sid, view.id, "chief" if role == "chief" else "examiner")
        staff[username] = Actor(role, view.id)
    scoring.assign_staff(world.admin, sid, world.proctor.id, "proctor")
    attempts, logins = {}, {}
    for n, (_ticket, name, number, _ability) in enumerate(PEOPLE, start=1):
        cid = exam.add_candidate(world.admin, sid, ticket=f"L{n}", name=name, id_number=number)
        attempts[f"L{n}"] = exam.prepare_attempt(world.admin, cid, {"seed": f"L{n}", "standard": "4-13-99-02",
                                                                   "level": "5", "items": [OBSERVED, ORAL]}, 5400)
    exam.start_session(world.proctor, sid)
    for n, (_ticket, _name, number, _ability) in enumerate(PEOPLE, start=1):
        logins[f"L{n}"] = seated_login(exam, world.proctor, f"L{n}", number, f"PC-{n}")
    roster = {row.ticket: row for row in exam.roster(world.admin, sid)}
    codes = {ticket: _code_of(world, roster[ticket].candidate_id) for ticket in roster}
    return sid, staff, attempts, logins, codes


def _code_of(world, candidate_id: int) -> str:
    from app.store.models import Candidate

    with world.db.reader() as s:
        return s.scalar(select(Candidate.anonymous_code).where(Candidate.id == candidate_id))


def service(world) -> LiveScoringService:
    return LiveScoringService(world.db, shared_catalog())


def steps(world, attempt_id: int, kind: StepKind) -> list[AttemptStep]:
    with world.db.reader() as s:
        return list(s.scalars(select(AttemptStep).where(AttemptStep.attempt_id == attempt_id,
                                                        AttemptStep.kind == kind.value)))  # fmt: skip


def audited(world, action: str) -> int:
    with world.db.reader() as s:
        return len(s.scalars(select(AuditEntry.seq).where(AuditEntry.action == action)).all())


def test_oral_card_is_drawn_by_the_papers_seed_once_and_audited(world, live):
    _sid, _staff, attempts, logins, _codes = live
    login = logins["L1"]
    view = world.exam.attempt_view(login.actor, login.attempt_id)
    assert "cards" not in view.items[1] and "rubric" not in view.items[1]  # the pool is not the candidate's
    card = world.exam.draw_card(login.actor, login.attempt_id, 1)
    expected = card_index("L1", 1, "ORAL-1", 3)
    assert (card.number, card.pool, card.question) == (expected + 1, 3, ORAL["cards"][expected][0])
    assert world.exam.draw_card(login.actor, login.attempt_id, 1) == card  # drawing again shows the same card
    assert len(steps(world, attempts["L1"], StepKind.DRAW)) == 1
    assert audited(world, "attempt.draw_card") == 2
    shown = world.exam.attempt_view(login.actor, login.attempt_id).items[1]
    assert shown["card"] == [card.number, 3, card.question] and "cards" not in shown
    with pytest.raises(Conflict):  # the observed task has no cards
        world.exam.draw_card(login.actor, login.attempt_id, 0)
    other = logins["L2"]
    with pytest.raises(PermissionDenied):  # nobody draws for another candidate
        world.exam.draw_card(other.actor, login.attempt_id, 1)


def test_nothing_is_typed_for_an_observed_or_oral_task(world, live):
    login = live[3]["L1"]
    for slot in (0, 1):
        with pytest.raises(ServiceError, match="nothing is typed"):
            world.exam.save_answer(login.actor, login.attempt_id, 0, slot, "我的作答")


def test_oral_task_is_scored_live_and_blind_until_each_examiner_submits(world, live):
    sid, staff, attempts, logins, _codes = live
    attempt = attempts["L1"]
    card = world.exam.draw_card(logins["L1"].actor, attempt, 1)
    live_scoring = service(world)
    before = live_scoring.live_task(staff["e2"], attempt, 1)
    assert before.attempt_open and before.mode == "oral" and not before.identity_visible
    assert before.card_question == card.question
    assert before.card_expected == tuple(ORAL["cards"][card.number - 1][1])  # the examiners see the expected points
    assert [w.slot for w in world.scoring.worklist(staff["e2"], sid) if w.attempt_id == attempt] == [0, 1]

    world.scoring.score_task(staff["e1"], attempt, 1, {0: Decimal(25), 1: Decimal(8)})  # while the candidate answers
    assert live_scoring.live_task(staff["e2"], attempt, 1).others == ()  # e2 has not scored: sees nothing
    world.scoring.score_task(staff["e2"], attempt, 1, {0: Decimal(20), 1: Decimal(9)})
    after = live_scoring.live_task(staff["e2"], attempt, 1)
    assert after.scored_by_me and after.my_scores == ("20", "9")
    assert after.others == ((1, ("25", "8")),)  # by seat, never by name
    assert len(live_scoring.live_task(staff["boss"], attempt, 1).others) == 2  # the chief sees all
    with pytest.raises(Conflict, match="already scored"):
        world.scoring.score_task(staff["e2"], attempt, 1, {0: Decimal(1), 1: Decimal(1)})


def test_written_task_is_still_refused_while_the_attempt_is_open(world):
    """A written task keeps today's rule: examiners score it only once it is handed in."""
    from app.domain.answers import AnswerShape

    assert AnswerShape.of({"type": "task", "stem": "x"}).problem("作答") is None
    assert AnswerShape.of({**OBSERVED}).problem("作答") is not None


def test_observed_task_needs_a_group_that_meets_the_ratio_and_its_own_examiners(world, live):
    sid, staff, attempts, _logins, codes = live
    attempt = attempts["L1"]
    marks = {0: Decimal(30), 1: Decimal(15)}
    with pytest.raises(Conflict, match="no observation group"):
        world.scoring.score_task(staff["e1"], attempt, 0, marks)
    live_scoring = service(world)
    ids = {name: actor.id for name, actor in staff.items()}
    with pytest.raises(Conflict, match=r"1\.9\.3"):  # two examiners: at least three, odd
        live_scoring.set_observation_group(staff["boss"], sid, "A", [codes["L1"], codes["L2"]], [ids["e1"], ids["e2"]])
    with pytest.raises(PermissionDenied):  # an examiner does not form groups
        live_scoring.set_observation_group(staff["e1"], sid, "A", [codes["L1"]], [ids["e1"], ids["e2"], ids["e3"]])
    live_scoring.set_observation_group(staff["boss"], sid, "A", [codes["L1"], codes["L2"]],
                                       [ids["e1"], ids["e2"], ids["e3"]])  # fmt: skip
    with pytest.raises(Conflict, match="already in group A"):
        live_scoring.set_observation_group(staff["boss"], sid, "B", [codes["L2"]], [ids["e3"], ids["e4"], ids["e5"]])
    with pytest.raises(PermissionDenied, match="group A"):  # e4 watches another group
        world.scoring.score_task(staff["e4"], attempt, 0, marks)
    task = live_scoring.live_task(staff["e1"], attempt, 0)
    assert task.identity_visible and task.group == "A" and task.form == "现场操作"
    [group] = live_scoring.observation_groups(staff["e1"], sid)
    assert group.name == "A" and set(group.candidates) == {codes["L1"], codes["L2"]}
    with pytest.raises(Conflict, match=r"1\.9\.3"):  # re-forming it is checked again
        live_scoring.set_observation_group(staff["boss"], sid, "A", [codes["L1"]], [ids["e1"], ids["e2"]])


def test_examiner_timer_notes_and_files_are_kept_encrypted_as_steps(world, live):
    sid, staff, attempts, logins, codes = live
    attempt = attempts["L1"]
    ids = {name: actor.id for name, actor in staff.items()}
    live_scoring = service(world)
    live_scoring.set_observation_group(staff["boss"], sid, "A", [codes["L1"]], [ids["e1"], ids["e2"], ids["e3"]])
    live_scoring.start_timer(staff["e1"], attempt, 0)
    with pytest.raises(Conflict, match="already running"):
        live_scoring.start_timer(staff["e1"], attempt, 0)
    world.db.machine.advance(125)
    assert live_scoring.stop_timer(staff["e1"], attempt, 0) == 125.0
    live_scoring.add_observation_note(staff["e1"], attempt, 0, 1, "发布前未预览问卷")
    with pytest.raises(ServiceError, match="no rubric point 3"):
        live_scoring.add_observation_note(staff["e1"], attempt, 0, 2, "多余")
    from_station = b"%PDF-1.4 the candidate's questionnaire"
    from_examiner = b"photo of the finished set-up"
    file_a = world.exam.attach_task_file(logins["L1"].actor, attempt, 0, "C:\\考生\\问卷.pdf", from_station)
    file_b = live_scoring.attach_task_file(staff["e2"], attempt, 0, "现场照片.jpg", from_examiner)
    with pytest.raises(Conflict, match="observed tasks only"):
        world.exam.attach_task_file(logins["L1"].actor, attempt, 1, "x.txt", b"x")
    with pytest.raises(PermissionDenied):  # not in the group
        live_scoring.task_file(staff["e4"], file_a)
    assert live_scoring.task_file(staff["e3"], file_a) == from_station
    task = live_scoring.live_task(staff["e1"], attempt, 0)
    assert (task.timer_seconds, task.timer_running) == (125.0, False)
    assert task.notes == ((1, "发布前未预览问卷"),)
    assert [(f.filename, f.added_by, f.sha256) for f in task.files] == [
        ("问卷.pdf", "candidate", hashlib.sha256(from_station).hexdigest()),
        ("现场照片.jpg", "examiner seat 2", hashlib.sha256(from_examiner).hexdigest()),
    ]
    attached = [step.data for step in steps(world, attempt, StepKind.ATTACH)]
    assert [(d["file"], d["by"]) for d in attached] == [(file_a, "candidate"), (file_b, "examiner seat 2")]
    with world.db.reader() as s:
        assert set(read_log(s, attempt).attached) == {0}
        stored = s.connection().exec_driver_sql("SELECT content, filename FROM attempt_files").all()
        notes = s.connection().exec_driver_sql("SELECT text FROM live_observations WHERE kind = 'note'").all()
        assert len(s.scalars(select(LiveObservation)).all()) == 3
        assert len(s.scalars(select(AttemptFile)).all()) == 2
    for content, filename in stored:  # encrypted at rest
        assert b"questionnaire" not in bytes(content) and "问卷".encode() not in bytes(filename)
    assert "未预览".encode() not in bytes(notes[0][0])


def test_observed_and_oral_tasks_finalize_with_the_spread_rule_and_arbitration(world, live):
    sid, staff, attempts, logins, codes = live
    ids = {name: actor.id for name, actor in staff.items()}
    service(world).set_observation_group(staff["boss"], sid, "A", [codes["L1"]], [ids["e1"], ids["e2"], ids["e3"]])
    attempt = attempts["L1"]
    world.exam.draw_card(logins["L1"].actor, attempt, 1)
    for examiner, observed in (("e1", (40, 20)), ("e2", (38, 20)), ("e3", (10, 5))):  # e3 far off: arbitration
        world.scoring.score_task(staff[examiner], attempt, 0, {0: Decimal(observed[0]), 1: Decimal(observed[1])})
    world.exam.submit(logins["L1"].actor, attempt)
    for examiner in ("e1", "e2", "e3", "e4"):  # the oral task: every session examiner, as written tasks
        world.scoring.score_task(staff[examiner], attempt, 1, {0: Decimal(24), 1: Decimal(8)})
    with pytest.raises(Conflict, match="not ready"):  # e5 has not scored the oral task; observed waits for the chief
        world.scoring.finalize(staff["boss"], attempt)
    world.scoring.score_task(staff["e5"], attempt, 1, {0: Decimal(24), 1: Decimal(8)})
    with pytest.raises(Conflict, match="not ready"):
        world.scoring.finalize(staff["boss"], attempt)
    work = world.scoring.worklist(staff["boss"], sid)
    flagged = {w.slot: w.needs_arbitration for w in work if w.attempt_id == attempt}
    assert flagged == {0: True, 1: False}  # the group's three examiners are all the observed task needs
    world.scoring.score_task(staff["boss"], attempt, 0, {0: Decimal(36), 1: Decimal(18)}, "复核", arbitration=True)
    score = world.scoring.finalize(staff["boss"], attempt)
    assert score == Decimal("86.00")  # 60 x 54/60 + 40 x 32/40


def test_live_tasks_go_through_the_contract(world, live, tmp_path):
    """The same calls through JSON (as the centre serves them over HTTPS)."""
    from app.api.errors import ApiError
    from app.api.local import local_client
    from app.api.server import Server
    from app.services.backend import Backend

    sid, staff, attempts, _logins, codes = live
    backend = Backend.over(world.db, shared_catalog(), sweep=False)
    server = Server(backend)
    chief = local_client(server, "EX-01", loopback=True)
    chief.sign_in("boss", "examiner-pass-1")
    examiner_ids = [a.id for n, a in staff.items() if n in ("e1", "e2", "e3")]
    chief.examiner.set_observation_group(sid, "A", [codes["L3"]], examiner_ids)
    assert [g.name for g in chief.examiner.observation_groups(sid)] == ["A"]
    e1 = local_client(server, "EX-02", loopback=True)
    e1.sign_in("e1", "examiner-pass-1")
    e1.examiner.start_timer(attempts["L3"], 0)
    e1.examiner.add_observation_note(attempts["L3"], 0, 0, "操作熟练")
    file_id = e1.examiner.attach_task_file(attempts["L3"], 0, "作品.docx", b"PK\x03\x04 docx")
    assert e1.examiner.task_file(file_id) == b"PK\x03\x04 docx"
    task = e1.examiner.live_task(attempts["L3"], 0)
    assert task.timer_running and task.notes == ((0, "操作熟练"),) and task.files[0].filename == "作品.docx"
    with pytest.raises(ApiError):
        e1.examiner.start_timer(attempts["L3"], 0)


# -- what leaves the centre ------------------------------------------------------------------------


def _bundle(world, sid, out: Path, **options) -> tuple[dict, dict, dict]:
    """Export the session; (its manifest, its live_tasks.json, members by name), verified."""
    import json
    import zipfile

    from app.reports.verify import verify_bundle
    from app.services.export import ExportService
    from app.services.keys import KeyService

    ExportService(world.db, shared_catalog()).export_session(world.admin, sid, out, workers=1, **options)
    check = verify_bundle(out, KeyService(world.db).public_key())
    assert check.ok, check.reason
    with zipfile.ZipFile(out) as zf:
        content = {name: zf.read(name) for name in zf.namelist()}
    return check.manifest, json.loads(content["live_tasks.json"]), content


def test_the_bundle_carries_each_live_tasks_record_but_not_the_files(world, live, tmp_path):
    sid, staff, attempts, logins, codes = live
    ids = {name: actor.id for name, actor in staff.items()}
    live_scoring = service(world)
    live_scoring.set_observation_group(staff["boss"], sid, "A", [codes["L1"]], [ids["e1"], ids["e2"], ids["e3"]])
    attempt = attempts["L1"]
    card = world.exam.draw_card(logins["L1"].actor, attempt, 1)
    world.db.machine.advance(600)  # the machine clock reads 1600 s: the bundle never says so
    live_scoring.start_timer(staff["e1"], attempt, 0)
    world.db.machine.advance(5)
    live_scoring.start_timer(staff["e2"], attempt, 0)
    world.db.machine.advance(120)
    live_scoring.stop_timer(staff["e1"], attempt, 0)
    world.db.machine.advance(3)
    live_scoring.stop_timer(staff["e2"], attempt, 0)
    live_scoring.start_timer(staff["e2"], attempt, 0)  # e2's timer runs on: an interval without a stop
    for point, text in ((1, "发布前未预览问卷"), (1, "未设置截止时间"), (0, "张三操作熟练")):
        live_scoring.add_observation_note(staff["e1"], attempt, 0, point, text)
    work = b"%PDF-1.4 the candidate's questionnaire"
    world.exam.attach_task_file(logins["L1"].actor, attempt, 0, "C:\\考生\\问卷.pdf", work)

    manifest, records, content = _bundle(world, sid, tmp_path / "masked.zip")
    assert manifest["format"] == "examdesk-bundle/7"
    assert manifest["live_tasks"] == {"member": "live_tasks.json", "candidates": 4, "tasks": 8, "note_texts": False}
    by_ticket = {c["ticket"]: c for c in records["candidates"]}
    assert by_ticket["L1"]["anonymous_code"] == codes["L1"]
    observed, oral = by_ticket["L1"]["tasks"]
    assert (observed["mode"], observed["form"], observed["task"], observed["group"]) == ("observed", "现场操作",
                                                                                         "OBS-1", "A")  # fmt: skip
    assert observed["examiners"] == [
        {"seat": 1, "timer": [[0.0, 125.0]], "timed_seconds": 125.0, "interrupted": [], "notes": [1, 2]},  # not 1600
        {"seat": 2, "timer": [[5.0, 128.0], [128.0, None]], "timed_seconds": 123.0, "interrupted": [], "notes": [0, 0]},
    ]
    assert observed["files"] == [{"name": "问卷.pdf", "size": len(work), "sha256": hashlib.sha256(work).hexdigest(),
                                  "by": "candidate"}]  # fmt: skip
    assert observed["card"] is None
    assert (oral["mode"], oral["form"], oral["group"], oral["examiners"], oral["files"]) == ("oral", "现场问答",
                                                                                             None, [], [])  # fmt: skip
    question = ORAL["cards"][card.number - 1][0]
    assert oral["card"] == {"number": card.number, "pool": 3,
                            "question_sha256": hashlib.sha256(question.encode()).hexdigest()}  # fmt: skip
    assert by_ticket["L2"]["tasks"][1]["card"] is None  # L2 has drawn no card yet
    everything = b"".join(content.values())
    assert work not in everything  # the file stays in the centre
    assert "未预览".encode() not in everything and "张三".encode() not in everything  # masked: the notes' counts only

    manifest, records, _content = _bundle(world, sid, tmp_path / "full.zip", mask=False, reason="申诉复核")
    assert manifest["live_tasks"]["note_texts"] is True
    observed = next(c for c in records["candidates"] if c["ticket"] == "L1")["tasks"][0]
    texts = [[1, "发布前未预览问卷"], [1, "未设置截止时间"], [0, "张三操作熟练"]]
    assert observed["examiners"][0]["note_texts"] == texts


# -- the timer through a restart of the centre's PC (a new clock epoch) -----------------------------


def _observed_by_e1(world, live) -> tuple[LiveScoringService, int]:
    sid, staff, attempts, _logins, codes = live
    ids = {name: actor.id for name, actor in staff.items()}
    live_scoring = service(world)
    live_scoring.set_observation_group(staff["boss"], sid, "A", [codes["L1"]], [ids["e1"], ids["e2"], ids["e3"]])
    return live_scoring, attempts["L1"]


def test_a_timer_running_when_the_centres_pc_restarts_counts_what_is_known_and_never_goes_negative(
    world, live, tmp_path
):
    """The timer starts at 5000 s on boot A's clock; the last instant the store knows of boot A is
    the candidate's file at 5150 (a step of the attempt, as the time ledger's checkpoints are); boot
    B's clock starts again from 30 s. Today's screen and bundle count 150 s, say the restart cut
    it, and after the examiner stops it and times 45 s more, 195 s: never 30 - 5000."""
    sid, staff, _attempts, logins, _codes = live
    world = world.reopen(machine=FakeMachineClock(5000.0, boot="boot-a"))
    live_scoring, attempt = _observed_by_e1(world, live)
    e1 = staff["e1"]
    live_scoring.start_timer(e1, attempt, 0)
    world.db.machine.advance(100)
    live_scoring.add_observation_note(e1, attempt, 0, 0, "操作熟练")
    world.db.machine.advance(50)
    world.exam.attach_task_file(logins["L1"].actor, attempt, 0, "作品.docx", b"the candidate's document")
    world.db.machine.advance(60)  # then the power goes: these 60 s were never recorded
    world = world.reopen(machine=FakeMachineClock(30.0, boot="boot-b"))  # the centre's PC restarted
    try:
        live_scoring = service(world)
        task = live_scoring.live_task(e1, attempt, 0)
        assert (task.timer_seconds, task.timer_running, task.timer_interrupted) == (150.0, False, True)
        world.db.machine.advance(20)
        assert live_scoring.live_task(e1, attempt, 0).timer_seconds == 150.0  # stopped at the restart
        with pytest.raises(Conflict, match="not running"):  # another examiner's timer was never started
            live_scoring.stop_timer(staff["e2"], attempt, 0)
        assert live_scoring.stop_timer(e1, attempt, 0) == 150.0  # stopped after the restart: what is known
        task = live_scoring.live_task(e1, attempt, 0)
        assert (task.timer_seconds, task.timer_running, task.timer_interrupted) == (150.0, False, False)
        with pytest.raises(Conflict, match="not running"):
            live_scoring.stop_timer(e1, attempt, 0)
        live_scoring.start_timer(e1, attempt, 0)
        world.db.machine.advance(45)
        assert live_scoring.stop_timer(e1, attempt, 0) == 195.0

        _manifest, records, _content = _bundle(world, sid, tmp_path / "after-restart.zip")
        observed = next(c for c in records["candidates"] if c["ticket"] == "L1")["tasks"][0]
        assert observed["examiners"] == [
            {"seat": 1, "timer": [[0.0, 150.0], [150.0, 195.0]], "timed_seconds": 195.0, "interrupted": [0],
             "notes": [1, 0]},
        ]  # fmt: skip
    finally:
        world.db.close()


def test_a_timer_still_interrupted_in_the_bundle_counts_up_to_the_restart(world, live, tmp_path):
    """Exported while the cut interval still waits for its examiner: it is closed at the last
    instant known of its boot and counted, not left running on another boot's clock."""
    sid, staff, _attempts, _logins, _codes = live
    world = world.reopen(machine=FakeMachineClock(5000.0, boot="boot-a"))
    live_scoring, attempt = _observed_by_e1(world, live)
    live_scoring.start_timer(staff["e1"], attempt, 0)
    world.db.machine.advance(80)
    live_scoring.add_observation_note(staff["e1"], attempt, 0, 1, "未设置截止时间")
    world = world.reopen(machine=FakeMachineClock(30.0, boot="boot-b"))
    try:
        _manifest, records, _content = _bundle(world, sid, tmp_path / "interrupted.zip")
        observed = next(c for c in records["candidates"] if c["ticket"] == "L1")["tasks"][0]
        assert observed["examiners"] == [
            {"seat": 1, "timer": [[0.0, 80.0]], "timed_seconds": 80.0, "interrupted": [0], "notes": [0, 1]},
        ]  # fmt: skip
    finally:
        world.db.close()


def test_a_timer_recorded_before_revision_0023_reads_as_before(world, live, tmp_path):
    """Rows written before the timer kept its clock epoch have none: read on the store's current
    clock, as they always were."""
    sid, staff, _attempts, _logins, _codes = live
    live_scoring, attempt = _observed_by_e1(world, live)
    with world.db.transaction() as s:
        for kind, at in (("timer_start", 1000.0), ("timer_stop", 1090.0), ("timer_start", 1100.0)):
            s.add(LiveObservation(attempt_id=attempt, slot=0, examiner_id=staff["e1"].id, kind=kind, at=at,
                                  wall=world.db.wall_now()))  # fmt: skip
    world.db.machine.at = 1130.0
    task = live_scoring.live_task(staff["e1"], attempt, 0)
    assert (task.timer_seconds, task.timer_running, task.timer_interrupted) == (120.0, True, False)
    with pytest.raises(Conflict, match="already running"):
        live_scoring.start_timer(staff["e1"], attempt, 0)
    _manifest, records, _content = _bundle(world, sid, tmp_path / "old-rows.zip")
    observed = next(c for c in records["candidates"] if c["ticket"] == "L1")["tasks"][0]
    assert observed["examiners"] == [
        {"seat": 1, "timer": [[0.0, 90.0], [100.0, None]], "timed_seconds": 90.0, "interrupted": [], "notes": [0, 0]},
    ]  # fmt: skip
    assert live_scoring.stop_timer(staff["e1"], attempt, 0) == 120.0


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_sealed_store_with_timers_at_revision_0018_upgrades_and_verifies(backend, tmp_path, monkeypatch):
    """Revision 0023 adds `live_observations.epoch` to existing rows: the store opens (checked, then
    resealed: `_upgrade_sealed`), `store verify` finds it intact, and the old rows read as before."""
    from alembic import command
    from sqlalchemy import text

    from app.cli import main
    from app.services.audit_log import AuditService
    from app.services.live_scoring import timer_events
    from app.store import migrate
    from app.store.database import Database
    from tests.store_fixtures import PASSPHRASE, build_world, fresh_url

    url = fresh_url(backend, tmp_path)

    def to_0018(connection):  # type: ignore[no-untyped-def]
        command.upgrade(migrate.alembic_config(connection), "0018")
        return True

    with monkeypatch.context() as old_code:
        old_code.setattr(migrate, "upgrade", to_0018)
        old = build_world(url)  # a sealed store as revision 0018 made it
        with old.db.write() as c:
            for kind, at in (("timer_start", 1000.0), ("timer_stop", 1090.0)):
                c.execute(text("INSERT INTO live_observations (attempt_id, slot, examiner_id, kind, at, wall) "
                               "VALUES (:attempt, 0, :examiner, :kind, :at, :wall)"),
                          {"attempt": old.attempts["T001"], "examiner": old.examiner.id, "kind": kind, "at": at,
                           "wall": old.db.wall_now()})  # fmt: skip
        old.db.close()
    db = Database.open(url, PASSPHRASE)  # checks every seal, migrates, reseals
    try:
        with db.read_connection() as c:
            assert c.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == migrate.HEAD
            rows = c.execute(text("SELECT kind, epoch, at FROM live_observations ORDER BY id")).all()
            assert c.execute(text("SELECT action FROM audit_entries ORDER BY seq DESC")).first()[0] == "store.resealed"
        assert [epoch for _kind, epoch, _at in rows] == [None, None]
        assert timed_seconds(timer_events(rows, db.epoch), Instant(db.epoch, 2000.0)).seconds == 90.0
        assert db.verify_seals(full=True).intact and AuditService(db).verify_store(full=True).intact
    finally:
        db.close()
    monkeypatch.setenv("EXAMDESK_PASSPHRASE", PASSPHRASE)
    store = ["--data", str(tmp_path)] if backend == "sqlite" else ["--url", url]
    assert main(["store", "verify", *store]) == 0


def test_a_skill_bundle_without_its_live_records_fails_and_format_6_still_verifies(world, live, tmp_path):
    import json
    import zipfile

    from app.reports.verify import verify_bundle
    from app.security.canonical import canonical_json
    from app.services.keys import KeyService

    sid = live[0]
    _manifest, _records, content = _bundle(world, sid, tmp_path / "b.zip")
    key = KeyService(world.db).signing_key()

    def resigned(name: str, change) -> Path:
        members = {n: d for n, d in content.items() if n not in ("manifest.json", "manifest.sig")}
        manifest = json.loads(content["manifest.json"])
        change(manifest, members)
        manifest["files"] = [{"path": n, "sha256": hashlib.sha256(d).hexdigest(), "size": len(d)}
                             for n, d in sorted(members.items())]  # fmt: skip
        path = tmp_path / name
        with zipfile.ZipFile(path, "w") as zf:
            zf.writestr("manifest.json", canonical_json(manifest))
            zf.writestr("manifest.sig", key.sign(canonical_json(manifest)))
            for n, d in members.items():
                zf.writestr(n, d)
        return path

    def dropped(_m, members):
        members.pop("live_tasks.json")

    def older(m, members):
        m["format"] = "examdesk-bundle/6"
        m.pop("live_tasks")
        members.pop("live_tasks.json")

    def miscounted(m, _members):
        m["live_tasks"]["tasks"] += 1

    public = KeyService(world.db).public_key()
    said = "missing file: live_tasks.json (a skill session's bundle of examdesk-bundle/7 carries it)"
    assert verify_bundle(resigned("dropped.zip", dropped), public).reason == said
    assert "the manifest says 9 tasks" in verify_bundle(resigned("n.zip", miscounted), public).reason
    check = verify_bundle(resigned("v6.zip", older), public)
    assert check.ok, check.reason


def test_the_proctors_grid_counts_live_tasks_apart_from_unanswered_ones(world, live):
    """Observed and oral tasks have no typed answer: the proctor's row counts them as `live`, not
    among the questions to answer (whose count less those answered is what is unanswered)."""
    sid = live[0]
    written = {"slot": 2, "id": "W-1", "type": "task", "area": "学情分析", "points": "0",
               "stem": "书面作答\n写出步骤。", "minutes": 10, "rubric": [["步骤完整", "0"]], "key": None}  # fmt: skip
    _ticket, _name, number, _ability = demo_people(5, random.Random(6))[4]
    cid = world.exam.add_candidate(world.admin, sid, ticket="L5", name="考生五", id_number=number)
    world.exam.prepare_attempt(world.admin, cid, {"seed": "L5", "standard": "4-13-99-02", "level": "5",
                                                  "items": [OBSERVED, ORAL, written]}, 5400)  # fmt: skip
    rows = {row.ticket: row for row in world.exam.session_overview(world.proctor, sid)}
    assert (rows["L1"].answered, rows["L1"].total, rows["L1"].live) == (0, 0, 2)  # both performed, none unanswered
    assert (rows["L5"].answered, rows["L5"].total, rows["L5"].live) == (0, 1, 2)
    login = seated_login(world.exam, world.proctor, "L5", number, "PC-5")
    world.exam.save_answer(login.actor, login.attempt_id, world.exam.attempt_view(login.actor, login.attempt_id)
                           .last_seq, 2, "1. 核实信息")  # fmt: skip
    rows = {row.ticket: row for row in world.exam.session_overview(world.proctor, sid)}
    assert (rows["L5"].answered, rows["L5"].total, rows["L5"].live) == (1, 1, 2)  # nothing left unanswered


def test_the_admin_lists_and_forms_observation_groups_from_the_command_line(world, live, capsys, monkeypatch):
    """`examdesk session groups` and `session group`: the same audited call as the chief's screen,
    its refusals (the ratio of 1.9.3) as a message and exit 1."""
    from app.cli import main
    from tests.store_fixtures import PASSPHRASE

    if not world.url.startswith("sqlite"):
        pytest.skip("the command line opens the store by its --data folder or --url; one backend is enough")
    _sid, _staff, _attempts, _logins, codes = live
    monkeypatch.setenv("EXAMDESK_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("EXAMDESK_ADMIN_PASSWORD", "admin-pass-1")
    store = ["--session", "L", "--url", world.url]
    assert main(["session", "groups", *store]) == 0
    out = capsys.readouterr().out
    assert "5 examiner(s): e1 (考评e1)" in out and "no observation groups yet" in out
    assert main(["session", "group", *store, "--name", "A", "--candidates", f"{codes['L1']},{codes['L2']}",
                 "--examiners", "e1,e2,e3"]) == 0  # fmt: skip
    assert "group A has 2 candidate(s) and 3 examiner(s)" in capsys.readouterr().out
    assert audited(world, "session.observation_group") == 1
    group_b = ["session", "group", *store, "--name", "B", "--candidates", codes["L3"], "--examiners"]
    assert main([*group_b, "e4,e5"]) == 1
    assert "1.9.3" in capsys.readouterr().err  # two examiners: at least three, an odd number
    assert main([*group_b, "e4,nobody"]) == 1
    assert "--examiners: no user 'nobody'" in capsys.readouterr().err
    assert main(["session", "groups", *store]) == 0
    listed = capsys.readouterr().out
    assert f"group A: 2 candidate(s) {', '.join(sorted([codes['L1'], codes['L2']]))}; examiners e1, e2, e3" in listed
    [group] = service(world).observation_groups(world.admin, live[0])
    assert group.name == "A" and set(group.candidates) == {codes["L1"], codes["L2"]}
