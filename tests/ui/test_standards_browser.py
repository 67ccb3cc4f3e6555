"""The standards browser: standards, weight tables and sample papers, all from the service (pytest-qt,
offscreen; in process and through the JSON loopback)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.api.errors import ApiError
from app.domain.standards import Part
from app.ui.standards_browser import LEVEL_ROLE
from app.ui.standards_browser import StandardsBrowser as StandardsWindow


@pytest.fixture
def window(qtbot, signed_in):
    win = StandardsWindow(signed_in("admin"))
    qtbot.addWidget(win)
    return win


def select(win: StandardsWindow, code: str, level: str, subtype: str | None = None) -> None:
    tree = win.tree
    for i in range(tree.topLevelItemCount()):
        stack = [tree.topLevelItem(i)]
        while stack:
            node = stack.pop()
            if node.data(0, LEVEL_ROLE) == (code, subtype, level):
                tree.setCurrentItem(node)
                return
            stack += [node.child(j) for j in range(node.childCount())]
    raise AssertionError(f"{code} {subtype} {level} not in the tree")


def table_rows(table) -> list[list[str]]:
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_weight_table_shows_the_levels_areas(window):
    select(window, "4-13-99-02", "1")
    rows = table_rows(window.weights)
    assert rows[0] == ["职业道德", "5", "—"]
    assert ["学情分析", "25", "25"] in rows
    assert rows[-1][1:] == ["100", "100"]
    assert "一级/高级技师" in window.heading.text()


def test_building_a_paper_lists_its_questions(window, qtbot, backend):
    select(window, "4-13-99-02", "3")
    window.seed.setText("9")
    qtbot.mouseClick(window.build_button, Qt.MouseButton.LeftButton)
    assert window.paper.rowCount() == 60
    assert window.paper.item(0, 4).text().strip()
    assert "100" in window.paper_summary.text()
    # the paper the service would build for ticket "9", with its options in the drawn order
    paper = backend.catalog.build_paper("4-13-99-02", 3, Part.THEORY, "9")
    items = {it.id: it for it in backend.catalog.banks.items}
    choice = next(n for n, entry in enumerate(paper.items) if entry.options_order)
    entry = paper.items[choice]
    options = dict(items[entry.id].options)
    assert window.paper.item(choice, 4).text() == items[entry.id].stem + "\n" + "  ".join(
        f"{'ABCDEFGH'[i]}. {options[label]}" for i, label in enumerate(entry.options_order))  # fmt: skip


def test_the_preview_holds_no_keys(signed_in):
    preview = signed_in("admin").admin.paper_preview("4-13-99-02", "3", "theory", "9")
    fields = {name for q in preview.questions for name in vars(q)}
    assert fields == {"id", "type", "area", "points", "text", "options"}  # no key, explanation or rubric


def test_only_an_admin_previews_a_paper(signed_in):
    with pytest.raises(ApiError) as refused:
        signed_in("proctor1").call("admin.paper_preview", {"standard": "4-13-99-02", "level": "3", "part": "theory",
                                                            "seed": "9", "subtype": None})  # fmt: skip
    assert refused.value.code == "permission_denied"


def test_a_level_without_weights_explains_why_no_paper(window, qtbot):
    select(window, "570002", "初级")
    qtbot.mouseClick(window.build_button, Qt.MouseButton.LeftButton)
    assert window.paper.rowCount() == 0
    assert "no official theory weight table" in window.paper_summary.text()


def test_570002_shows_its_borrowed_rules_and_notes(window):
    select(window, "570002", "初级")
    assert not window.provenance.isHidden() and not window.notes.isHidden()
    assert window.provenance.text() == (
        "570002 does not set the pass mark, the minimum durations, the staffing ratios itself: "
        "they are borrowed from 4-13-99-02 (2022) 1.9."
    )
    assert window.notes.text().startswith("Notes: 标准文本为2021年2.0版")
    select(window, "4-13-99-02", "5")  # a standard that sets its own rules has nothing to say here
    assert window.provenance.isHidden() and window.notes.isHidden()


def test_the_admin_standards_tab_marks_borrowed_minutes_and_shows_notes(qtbot, signed_in):
    from app.ui.admin.standards_tab import StandardsTab

    tab = StandardsTab(signed_in("admin"))
    qtbot.addWidget(tab)
    tab.refresh()
    model = tab.standards_model
    row = model.keys.index("570002")
    minutes = model.index(row, 5)
    assert minutes.data().endswith("(borrowed)")
    assert "borrowed from 4-13-99-02 (2022) 1.9" in minutes.data(Qt.ItemDataRole.ToolTipRole)
    national = model.index(model.keys.index("4-13-99-02"), 5)
    assert "borrowed" not in national.data()
    assert not tab.standard_notes.isHidden()
    text = tab.standard_notes.text()
    assert text.startswith("570002 does not set the pass mark") and "Notes: 标准文本为2021年2.0版" in text
