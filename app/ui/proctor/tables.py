"""Read-only table widgets with room around the text (the default cells are cramped for CJK text)."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QWidget

CELL_PADDING = "QTableView::item { padding: 2px 10px; }"


def readonly_table(columns: int, parent: QWidget | None = None) -> QTableWidget:
    table = QTableWidget(0, columns, parent)
    table.setStyleSheet(CELL_PADDING)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table
