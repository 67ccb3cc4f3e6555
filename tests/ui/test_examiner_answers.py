"""Examiners read what the candidate saved, without learning who the candidate is."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

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


def test_the_chief_finalizes_a_review_panel_from_the_panel(qtbot, backend, staff, answers):
    from app.ui.examiner.review import ReviewPanel

    admin, chief = staff("admin"), staff("chief")
    session = backend.exam.schedule_session(
        admin, code="R-3", room="会议室", part="review", standard="4-13-99-02", level="2",
        scheduled_start="2026-12-02T09:00", duration_minutes=15,
    )  # fmt: skip
    cid = backend.exam.add_candidate(admin, session, ticket="R1", name="评审考生", id_number="11010519491231002X")
    backend.scoring.assign_staff(admin, session, chief.id, "chief")  # a chief finalizes where assigned
    for name, score in (("examiner1", 70), ("examiner2", 80), ("examiner3", 90)):
        member = staff(name)
        backend.scoring.assign_staff(admin, session, member.id, "review")
        backend.scoring.score_review(member, cid, Decimal(score))
    panel = ReviewPanel(backend, chief, [(cid, "CODE1")])
    qtbot.addWidget(panel)
    assert not panel.finalize_button.isHidden()
    assert backend.export.session_results(admin, session)[0].status == "awaiting review"  # not "absent": no paper
    qtbot.mouseClick(panel.finalize_button, Qt.MouseButton.LeftButton)
    assert "80" in panel.status.text()
    [row] = backend.export.session_results(admin, session)
    assert row.parts["review"]["score"] == "80.00" and row.status == "reviewed"
    qtbot.mouseClick(panel.finalize_button, Qt.MouseButton.LeftButton)  # a second time is refused, and said
    assert answers["errors"] and "already recorded" in answers["errors"][-1]
    member_panel = ReviewPanel(backend, staff("examiner1"), [(cid, "CODE1")])
    qtbot.addWidget(member_panel)
    assert member_panel.finalize_button.isHidden()
