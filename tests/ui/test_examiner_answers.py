"""Examiners read what the candidate saved, without learning who the candidate is; review panels
list their candidates by code. Through the `signed_in` clients: in process and through JSON."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from app.api.client import Client
from app.api.errors import ApiError
from app.banks.review_criteria import example_criteria
from app.banks.roster_file import RosterRow
from app.ui.examiner.home import ExaminerHome


def user_id(admin: Client, username: str) -> int:
    return next(u.id for u in admin.admin.users() if u.username == username)


def scheduled(admin: Client, code: str, part: str, level: str, minutes: int = 15) -> tuple[int, int]:
    """A session of 4-13-99-02 at `level` with one candidate: (session id, candidate id)."""
    session = admin.admin.schedule_session(code=code, room="会议室", part=part, standard="4-13-99-02", level=level,
                                           scheduled_start="2026-12-02T09:00", duration_minutes=minutes)  # fmt: skip
    admin.admin.import_roster(session, [RosterRow(2, "R1", "评审考生", "11010519491231002X", None)], "roster.xlsx")
    [entry] = admin.admin.roster(session)
    return session, entry.candidate_id


def test_examiners_read_answers_and_others_cannot(signed_in):
    examiner = signed_in("examiner1")
    skill = next(s.id for s in examiner.examiner.sessions() if s.code == "DEMO-S5")
    # a written task handed in (the demo's live candidate is still performing observed and oral tasks)
    item = next(i for i in examiner.examiner.worklist(skill) if i.mode == "written" and not i.attempt_open)
    answer = examiner.examiner.answer_for(item.attempt_id, item.slot)
    assert answer.startswith("一、情况分析")
    with pytest.raises(ApiError) as refused:
        signed_in("proctor1").examiner.answer_for(item.attempt_id, item.slot)
    assert refused.value.code == "permission_denied"


def test_review_members_list_their_candidates_by_code(signed_in):
    admin = signed_in("admin")
    session, cid = scheduled(admin, "R-2", "review", "2")
    member = signed_in("examiner2")
    with pytest.raises(ApiError) as refused:
        member.examiner.review_list(session)
    assert refused.value.code == "permission_denied" and "review panel" in str(refused.value)
    admin.admin.assign_staff(session, user_id(admin, "examiner2"), "review")
    [(listed, code, scored)] = member.examiner.review_list(session)
    assert listed == cid and len(code) == 8 and not scored
    member.examiner.score_review(cid, {c.name: Decimal(80) for c in example_criteria().criteria})
    assert member.examiner.review_list(session)[0][2] is True


def test_the_level_and_its_review_come_from_the_service(qtbot, signed_in, answers):
    """The examiner's screen names the level as the standard does and offers the review panel where
    the level requires a comprehensive review, without a catalogue of its own."""
    admin, member = signed_in("admin"), signed_in("examiner2")
    session, cid = scheduled(admin, "S-2", "skill", "2", minutes=120)  # level 2 (技师) requires a review
    with pytest.raises(ApiError) as refused:  # only for the session's staff
        member.examiner.session_level(session)
    assert refused.value.code == "permission_denied"
    for duty in ("examiner", "review"):
        admin.admin.assign_staff(session, user_id(admin, "examiner2"), duty)
    assert member.examiner.session_level(session) == ("二级/技师", True)
    demo = next(s.id for s in member.examiner.sessions() if s.code == "DEMO-S5")
    assert member.examiner.session_level(demo) == ("五级/初级工", False)

    home = ExaminerHome(member)
    qtbot.addWidget(home)
    home.session_box.setCurrentIndex(next(n for n, s in enumerate(home.sessions) if s.id == session))
    assert "二级/技师" in home.facts.text()
    assert home.tabs.isTabVisible(home.review_tab)
    assert [home.review.list.item(r).data(Qt.ItemDataRole.UserRole)[0] for r in range(home.review.list.count())] \
        == [cid]  # fmt: skip
    home.session_box.setCurrentIndex(next(n for n, s in enumerate(home.sessions) if s.id == demo))
    assert "五级/初级工" in home.facts.text()
    assert not home.tabs.isTabVisible(home.review_tab)
    assert answers["errors"] == []
