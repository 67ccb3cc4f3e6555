"""Names and data on the admin and proctor screens are joined the interface language's way: ', ' and
'( )' in English, 、 ； and full-width brackets in Chinese (as the screens always showed them)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.api.types import SessionInfo
from app.ui.admin import AdminHome
from app.ui.main import install_language
from app.ui.proctor.header import standard_and_level
from app.ui.widgets.labels import join_clauses, join_names, with_detail

EN, ZH = "en", "zh_CN"


@pytest.fixture
def speak(tmp_path, monkeypatch):
    """speak('zh_CN'): install that language (compiled into a temporary data folder); English afterwards."""
    monkeypatch.setenv("EXAMDESK_DATA", str(tmp_path / "station"))

    def speak(language: str) -> None:
        assert install_language(QApplication.instance(), language), f"no {language} translation"

    yield speak
    install_language(QApplication.instance(), EN)  # the other screen tests read the English source texts


@pytest.mark.parametrize(
    ("language", "names", "clauses", "detail"),
    [(EN, "甲, 乙, 丙", "a 1; b 2", "监考员甲 (proctor1)"), (ZH, "甲、乙、丙", "a 1；b 2", "监考员甲（proctor1）")],
)
def test_lists_and_brackets_follow_the_language(qtbot, speak, language, names, clauses, detail):
    speak(language)
    assert join_names(["甲", "乙", "丙"]) == names
    assert join_names([]) == ""
    assert join_clauses(["a 1", "b 2"]) == clauses
    assert with_detail("监考员甲", "proctor1") == detail


def skill_session_admin(qtbot, signed_in) -> AdminHome:
    home = AdminHome(signed_in("admin"))
    qtbot.addWidget(home)
    home.sessions.select_session(next(i.id for i in home.sessions.infos.values() if i.part == "skill"))
    return home


def standards_row(home: AdminHome, code: str) -> tuple[list[str], str]:
    home.standards.refresh()
    model = home.standards.standards_model
    row = model.keys.index(code)
    return model.rows[row], model.data(model.index(row, 3), Qt.ItemDataRole.ToolTipRole)


def test_admin_screens_in_english_show_no_chinese_punctuation(qtbot, signed_in, speak):
    speak(EN)
    home = skill_session_admin(qtbot, signed_in)
    assert "Examiner: 考评员一, 考评员二, 考评员三" in home.sessions.staffing.assigned.text()
    people = [home.sessions.staffing.user.itemText(i) for i in range(home.sessions.staffing.user.count())]
    assert people and all(p.endswith(")") and " (" in p for p in people)
    assert home.roster.file_label.text().startswith("No file chosen. Columns: 准考证号 (ticket number), 姓名 (name), ")
    assert "照片 (photo file)" in home.roster.choose_button.toolTip()
    assert home.results.mask.text() == "&Mask names and ID numbers in the bundle"
    cells, levels_tip = standards_row(home, "4-13-99-02")
    assert cells[3:6] == ["Level 5, Level 4, Level 3, Level 2, Level 1", "—", "Theory 90; Skill 90; Review 15"]
    assert levels_tip.splitlines() == ["五级/初级工", "四级/中级工", "三级/高级工", "二级/技师", "一级/高级技师"]
    assert home.standards.standards_model.headers[4] == "Sub-types"


def test_admin_screens_in_chinese_read_as_before(qtbot, signed_in, speak):
    speak(ZH)
    home = skill_session_admin(qtbot, signed_in)
    assert "考评员：考评员一、考评员二、考评员三" in home.sessions.staffing.assigned.text()
    people = [home.sessions.staffing.user.itemText(i) for i in range(home.sessions.staffing.user.count())]
    assert people and all(p.endswith("）") and "（" in p for p in people)
    label = "尚未选择文件。所需列：准考证号、姓名、身份证号；照片列可选（JPEG 或 PNG 文件）。"
    assert home.roster.file_label.text() == label
    assert home.roster.choose_button.toolTip() == "CSV 或 Excel 文件，含准考证号、姓名、身份证号列，照片列可选"
    cells, _tip = standards_row(home, "4-07-03-01")
    assert cells[3:6] == ["四级、三级、二级、一级", "残疾人就业辅导员、残疾人职业能力评估师",
                          "理论知识考试 90；技能考核 90；综合评审 30"]  # fmt: skip


@pytest.mark.parametrize(
    ("language", "expected"),
    [(EN, "4-07-03-01 职业指导师 (残疾人就业辅导员) · 四级残疾人就业辅导员"),
     (ZH, "4-07-03-01 职业指导师（残疾人就业辅导员） · 四级残疾人就业辅导员")],
)  # fmt: skip
def test_a_sub_type_is_bracketed_the_languages_way(qtbot, backend, signed_in, speak, language, expected):
    speak(language)
    info = SessionInfo(1, "S-1", "Room 1", "skill", "4-07-03-01", "残疾人就业辅导员", "4", "2026-01-01T09:00", 90,
                       "scheduled", 0)  # fmt: skip
    std = backend.catalog.standard(info.standard)
    names = (std.name, backend.catalog.level(std, info.level, info.subtype).name)  # as ProctorApi.exam_names says
    assert standard_and_level(info, names) == expected  # the proctor's header
    home = AdminHome(signed_in("admin"))
    qtbot.addWidget(home)
    assert home.sessions._standard_and_level(info) == expected  # the admin's session details and tooltip
