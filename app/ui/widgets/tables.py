"""How every read-only table in ExamDesk behaves: whole-row single selection, no editing, one line
per row with room around the text (the default cells are cramped for CJK text), columns as wide as
their contents unless one is told to stretch."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

CELL_PADDING = "QTableView::item { padding: 2px 8px; } QHeaderView::section { padding: 2px 8px; }"


def configure_readonly(view: QTableView, stretch: int | None = None) -> QTableView:
    """`stretch`: the column that takes the width left over (the others fit their contents)."""
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setStyleSheet(CELL_PADDING)
    view.verticalHeader().setVisible(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view
