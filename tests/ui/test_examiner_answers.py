"""Examiners read what the candidate saved, without learning who the candidate is."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.services.base import PermissionDenied


def test_examiners_read_answers_and_others_cannot(backend, staff):
    examiner = staff("examiner1")
    skill = next(s.id for s in backend.exam.sessions(examiner) if s.code == "DEMO-S5")
    item = backend.scoring.worklist(examiner, skill)[0]
    answer = backend.scoring.answer_for(examiner, item.attempt_id, item.slot)
    assert answer.startswith("一、情况分析")
    with pytest.raises(PermissionDenied):
        backend.scoring.answer_for(staff("proctor1"), item.attempt_id, item.slot)


def test_review_members_list_their_candidates_by_code(backend, staff):
    admin = staff("admin")
    session = backend.exam.schedule_session(
        admin, code="R-2", room="会议室", part="review", standard="4-13-99-02", level="2",
        scheduled_start="2026-12-02T09:00", duration_minutes=15,
    )  # fmt: skip
    cid = backend.exam.add_candidate(admin, session, ticket="R1", name="评审考生", id_number="11010519491231002X")
    member = staff("examiner2")
    with pytest.raises(PermissionDenied):
        backend.scoring.review_list(member, session)
    backend.scoring.assign_staff(admin, session, member.id, "review")
    [(listed, code, scored)] = backend.scoring.review_list(member, session)
    assert listed == cid and len(code) == 8 and not scored
    backend.scoring.score_review(member, cid, Decimal(80))
    assert backend.scoring.review_list(member, session)[0][2] is True
