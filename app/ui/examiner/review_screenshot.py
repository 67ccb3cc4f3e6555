"""A populated comprehensive-review screen for the project's screenshot script: a review session of
在线学习服务师 二级 with one candidate, its panel and chair, a register, a defence under way with a
question, and two of three members' scores."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from app.api.client import Client
from app.api.files import RosterRow
from app.ui.examiner.review import ReviewPanel

MEMBERS = ("examiner1", "examiner2", "examiner3")


def build_review_for_screenshot(sign_in: Callable[[str], Client], viewer: str = "examiner1",
                                code: str = "DEMO-R2") -> ReviewPanel:  # fmt: skip
    admin = sign_in("admin")
    users = {u.username: u.id for u in admin.admin.users()}
    session = admin.admin.schedule_session(code=code, room="会议室 3", part="review", standard="4-13-99-02",
                                           level="2", scheduled_start="2026-12-02T14:00",
                                           duration_minutes=60)  # fmt: skip
    admin.admin.import_roster(session, [RosterRow(2, "202620001", "评审考生", "11010519491231002X", None),
                                        RosterRow(3, "202620002", "评审考生二", "440524198001010013", None)],
                              "roster.xlsx")  # fmt: skip
    admin.admin.assign_staff(session, users["chief"], "chief")
    for name in MEMBERS:
        admin.admin.assign_staff(session, users[name], "review")
    first, second = (entry.candidate_id for entry in admin.admin.roster(session))
    member = sign_in("examiner1")
    for kind, title, pages, content in (
        ("application", "职业技能等级认定申报表", 4, b"%PDF-1.4 application"),
        ("application", "近三年工作业绩材料", 26, b"%PDF-1.4 achievements"),
        ("work", "在线课程学习支持服务方案（代表作）", 18, b"%PDF-1.4 work"),
    ):
        member.examiner.register_review_material(first, kind, title, pages, f"{title}.pdf", content)
    member.examiner.start_defence(first)
    member.examiner.add_review_note(first, "question", "请说明方案中学习数据分析部分由你本人完成的内容")
    sign_in("examiner2").examiner.add_review_note(first, "question", "如何评估该方案对学习者完成率的影响？")
    criteria = member.examiner.review_record(first).criteria
    for name, mark in (("examiner2", 82), ("examiner3", 88)):
        sign_in(name).examiner.score_review(first, {c.name: Decimal(mark) for c in criteria}, "答辩思路清晰")
    panel = ReviewPanel(sign_in(viewer), [(first, "A7K2M9Q4"), (second, "B3N8P5R1")])
    panel.resize(1366, 768)
    return panel
