"""The admin's comprehensive-review tab (issue 24): the exam owner's criteria file, its problems
shown by file and line; and each candidate's materials register, awaited, received or missing."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.ui.admin import AdminHome
from app.ui.admin.common import Files
from tests.ui.test_examiner_answers import scheduled
from tests.ui.test_staffing_duties import shoot

OWNER = """schema: examdesk-review-criteria/1
name: 考核方评审标准
example: false
spread: 15
criteria:
  - name: 材料
    weight: 40
  - name: 答辩
    weight: {answer}
"""


def click(qtbot, button) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_the_admin_loads_the_criteria_and_keeps_the_materials_register(qtbot, signed_in, answers, tmp_path,
                                                                      monkeypatch):  # fmt: skip
    admin = signed_in("admin")
    session, cid = scheduled(admin, "R-ADMIN", "review", "2")
    home = AdminHome(admin)
    qtbot.addWidget(home)
    home.resize(1366, 768)
    home.tabs.setCurrentWidget(home.review)  # refreshes it
    tab = home.review
    assert tab.session.currentData() == session
    assert "No criteria were supplied" in tab.criteria_note.text() and "not official" in tab.criteria_note.text()

    chosen = []
    monkeypatch.setattr(Files, "open_path", staticmethod(lambda parent, title, filters: chosen.pop(0)))
    broken = tmp_path / "owner.yaml"
    broken.write_text(OWNER.format(answer=50), encoding="utf-8")
    chosen.append(broken)
    click(qtbot, tab.load_button)
    assert len(answers["errors"]) == 1 and "owner.yaml:5" in answers["errors"][0]  # the file and line
    assert "100" in answers["errors"][0]
    assert admin.admin.review_criteria(session).example  # nothing changed
    answers["errors"].clear()
    broken.write_text(OWNER.format(answer=60), encoding="utf-8")
    chosen.append(broken)
    click(qtbot, tab.load_button)
    assert answers["errors"] == []
    assert tab.criteria_note.text() == "The exam owner's criteria: 考核方评审标准"
    assert "答辩: 60%" in tab.criteria_list.text()

    # the register: one entry received with its file, one awaited
    assert tab.candidate.currentData() == cid
    tab.title.setText("职业技能等级认定申报表")
    tab.pages.setValue(4)
    tab.with_file.setChecked(True)
    attachment = tmp_path / "申报表.pdf"
    attachment.write_bytes(b"%PDF-1.4 application")
    chosen.append(attachment)
    click(qtbot, tab.register_button)
    tab.kind.setCurrentIndex(tab.kind.findData("work"))
    tab.title.setText("在线课程学习支持服务方案（代表作）")
    tab.expected.setChecked(True)
    click(qtbot, tab.register_button)
    assert answers["errors"] == []
    assert [(m.title, m.status, m.filename) for m in admin.admin.review_materials(cid)] == [
        ("职业技能等级认定申报表", "received", "申报表.pdf"), ("在线课程学习支持服务方案（代表作）", "expected", None)]
    assert [tab.model.rows[r][4] for r in range(2)] == ["Received", "Expected"]
    tab.table.selectRow(1)
    assert not tab.register_button.isEnabled() or tab.title.text() == ""  # the form was cleared
    click(qtbot, tab.missing_button)
    assert admin.admin.review_materials(cid)[1].status == "missing"
    tab.table.selectRow(1)
    shoot(home, "admin-review")
    click(qtbot, tab.received_button)
    assert [m.status for m in admin.admin.review_materials(cid)] == ["received", "received"]
    assert answers["errors"] == []


def test_an_awaited_entry_stops_the_chair_finalizing(signed_in):
    admin = signed_in("admin")
    _session, cid = scheduled(admin, "R-WAIT", "review", "2")
    entry = admin.admin.register_review_material(cid, "application", "申报表", 4, received=False)
    assert admin.admin.review_materials(cid)[0].status == "expected"
    admin.admin.mark_review_material(entry, "missing")
    admin.admin.mark_review_material(entry, "missing")  # already so: nothing more recorded
    assert [m.status for m in admin.admin.review_materials(cid)] == ["missing"]
