"""Finalizing a whole session is one call, one transaction and one audit entry."""

from __future__ import annotations

import random
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from app.demo import demo_people
from app.security.canonical import canonical_json
from app.services.base import Actor, PermissionDenied
from app.services.scoring import ALREADY, FINALIZED, NOT_READY, OPEN, QuestionWait
from app.store.models import AuditEntry, Result
from tests.store_fixtures import SESSION_START, assign_proctors, seated_login

SINGLE = {"slot": 0, "id": "S1", "type": "single", "area": "学情分析", "points": "2", "stem": "单选",
          "options": [["A", "甲"], ["B", "乙"]], "key": "B"}  # fmt: skip
SHORT = {"slot": 1, "id": "W1", "type": "short", "area": "学习指导", "points": "8", "stem": "简述学习计划的要素。",
         "options": [], "key": "目标、内容、时间安排",
         "rubric": [["目标明确", "4"], ["时间安排合理", "4"]]}  # fmt: skip
PEOPLE = demo_people(5, random.Random(3))  # (ticket, name, ID number, ability)


@pytest.fixture
def marked(world):
    """A closed theory session with written answers, three examiners and a chief, and five
    candidates: ready (W1), finalized before (W2), waiting for examiners (W3), disputed (W4),
    never came (W5)."""
    scoring, exam = world.scoring, world.exam
    sid = exam.schedule_session(
        world.admin, code="W", room="103", part="theory", standard="4-13-99-02", level="5",
        scheduled_start=SESSION_START, duration_minutes=90,
    )  # fmt: skip
    assign_proctors(world.db, world.admin, sid)
    staff = {}
    for username, role in (("e1", "examiner"), ("e2", "examiner"), ("e3", "examiner"), ("boss", "chief"),
                           ("other", "chief")):  # fmt: skip
        view = world.accounts.create_user(world.admin, username=username, role=role, display_name=username,
                                          password="examiner-pass-1")  # fmt: skip
        if username != "other":  # a chief examiner, but not of this session
            scoring.assign_staff(world.admin, sid, view.id, "chief" if role == "chief" else "examiner")
        staff[username] = Actor(role, view.id)
    attempts = {}
    for n, (_ticket, name, number, _ability) in enumerate(PEOPLE, start=1):
        cid = exam.add_candidate(world.admin, sid, ticket=f"W{n}", name=name, id_number=number)
        attempts[f"W{n}"] = exam.prepare_attempt(world.admin, cid, {"seed": f"w{n}", "items": [SINGLE, SHORT]}, 5400)
    exam.start_session(world.proctor, sid)
    for n, (_ticket, _name, number, _ability) in enumerate(PEOPLE[:4], start=1):
        login = seated_login(exam, world.proctor, f"W{n}", number, f"PC-{n}")
        seq = exam.save_answer(login.actor, login.attempt_id, 0, 0, "B").seq
        exam.save_answer(login.actor, login.attempt_id, seq, 1, "明确目标，安排时间。")
        exam.submit(login.actor, login.attempt_id)
    assert exam.close_session(world.proctor, sid)["absent"] == 1

    def score(ticket, examiner, points):
        scoring.score_task(staff[examiner], attempts[ticket], 1, {0: Decimal(points[0]), 1: Decimal(points[1])}, "")

    for ticket in ("W1", "W2"):
        for examiner in ("e1", "e2", "e3"):
            score(ticket, examiner, (4, 3))
    score("W3", "e1", (4, 4))
    for examiner, points in (("e1", (4, 4)), ("e2", (4, 4)), ("e3", (0, 0))):
        score("W4", examiner, points)
    scoring.finalize(staff["boss"], attempts["W2"])
    return sid, staff, attempts


def audit_count(world, action=None) -> int:
    with world.db.reader() as s:
        query = select(func.count()).select_from(AuditEntry)
        if action:
            query = query.where(AuditEntry.action == action)
        return s.scalar(query)


def test_finalize_all_finalizes_what_is_ready_and_says_why_the_rest_waits(world, marked):
    sid, staff, attempts = marked
    before = audit_count(world)
    summary = world.scoring.finalize_all(staff["boss"], sid)
    by_attempt = {c.attempt_id: c for c in summary.candidates}
    assert summary.session_id == sid
    assert attempts["W5"] not in by_attempt  # never came: nothing to score
    assert {a: c.outcome for a, c in by_attempt.items()} == {
        attempts["W1"]: FINALIZED, attempts["W2"]: ALREADY, attempts["W3"]: NOT_READY, attempts["W4"]: NOT_READY,
    }  # fmt: skip
    assert [c.attempt_id for c in summary.finalized] == [attempts["W1"]]
    assert by_attempt[attempts["W1"]].score == Decimal("9.00")  # 2 for the key, 7 of 8 from the examiners
    assert by_attempt[attempts["W3"]].waiting == (QuestionWait(1, "examiners", scored=1, needed=3),)
    [disputed] = by_attempt[attempts["W4"]].waiting
    assert (disputed.slot, disputed.needs, disputed.totals) == (1, "arbitration", (8, 8, 0))
    assert by_attempt[attempts["W4"]].reason == (
        "not ready: question 2: scores 8, 8, 0 differ by 8: the chief examiner must arbitrate"
    )
    assert all(c.anonymous_code for c in summary.candidates)  # by anonymous code, never by name

    # one action: one audit entry for the session, none per candidate
    assert audit_count(world) == before + 1
    with world.db.reader() as s:
        entry = s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)).one()
        results = s.scalar(select(func.count()).select_from(Result).where(Result.part == "theory"))
    assert (entry.action, entry.target, entry.actor) == ("result.finalize_all", f"session:{sid}", staff["boss"].label)
    listed = {
        "finalized": [{"attempt": attempts["W1"], "score": "9.00"}],
        "already": [attempts["W2"]],
        "not_finalized": [
            {"attempt": attempts["W3"], "reason": "not ready: question 2: 1 of 3 examiners have scored"},
            {"attempt": attempts["W4"], "reason": by_attempt[attempts["W4"]].reason},
        ],
    }
    listed["not_finalized"].sort(key=lambda r: [c.attempt_id for c in summary.candidates].index(r["attempt"]))
    assert entry.data_digest == world.db.cipher.mac(canonical_json(listed), b"audit-chain/data")
    assert results == 2  # W2's from before, W1's now

    # again: nothing more to record, and still one entry per call
    again = world.scoring.finalize_all(staff["boss"], sid)
    assert again.finalized == () and {c.attempt_id for c in again.already} == {attempts["W1"], attempts["W2"]}
    assert audit_count(world, "result.finalize_all") == 2


def test_finalize_all_needs_the_chiefs_duty(world, marked):
    sid, staff, _attempts = marked
    before = audit_count(world)
    with pytest.raises(PermissionDenied, match="not the chief examiner of session W"):
        world.scoring.finalize_all(staff["other"], sid)
    with pytest.raises(PermissionDenied):
        world.scoring.finalize_all(staff["e1"], sid)  # an examiner scores; the chief finalizes
    with pytest.raises(PermissionDenied):
        world.scoring.finalize_all(world.proctor, sid)
    assert audit_count(world) == before  # nothing written
    assert world.scoring.finalize_all(world.admin, sid).finalized  # the admin finalizes anywhere


def test_papers_still_open_are_listed_as_open(world, marked):
    _sid, staff, _attempts = marked
    sid = world.session_id  # the world's own session, not closed: T001 and T002 have objective papers
    for examiner in ("e1", "e2", "e3"):
        world.scoring.assign_staff(world.admin, sid, staff[examiner].id, "examiner")
    world.scoring.assign_staff(world.admin, sid, staff["boss"].id, "chief")
    _ticket, name, number, _ability = demo_people(6, random.Random(3))[5]
    cid = world.exam.add_candidate(world.admin, sid, ticket="T009", name=name, id_number=number)
    writing = world.exam.prepare_attempt(world.admin, cid, {"seed": "o", "items": [SINGLE, SHORT]}, 5400)
    world.exam.start_session(world.proctor, sid)
    seated_login(world.exam, world.proctor, "T009", number, "PC-09")
    summary = world.scoring.finalize_all(staff["boss"], sid)
    # objective papers are graded at closing, not by the examiners: only the written one is listed
    assert [(c.attempt_id, c.outcome, c.reason) for c in summary.candidates] == [
        (writing, OPEN, "the attempt is still open")
    ]
    assert summary.not_finalized == summary.candidates
