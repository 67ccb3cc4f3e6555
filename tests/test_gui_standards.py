"""The first window: browse standards, see weight tables, build a paper (pytest-qt, offscreen)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.banks.catalog import Catalog
from app.ui.standards_browser import LEVEL_ROLE
from app.ui.standards_browser import StandardsBrowser as StandardsWindow


@pytest.fixture
def window(qtbot):
    win = StandardsWindow(Catalog.load())
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


def test_building_a_paper_lists_its_questions(window, qtbot):
    select(window, "4-13-99-02", "3")
    window.seed.setText("9")
    qtbot.mouseClick(window.build_button, Qt.MouseButton.LeftButton)
    assert window.paper.rowCount() == 60
    assert window.paper.item(0, 4).text().strip()
    assert "100" in window.paper_summary.text()


def test_a_level_without_weights_explains_why_no_paper(window, qtbot):
    select(window, "570002", "初级")
    qtbot.mouseClick(window.build_button, Qt.MouseButton.LeftButton)
    assert window.paper.rowCount() == 0
    assert "no official theory weight table" in window.paper_summary.text()
