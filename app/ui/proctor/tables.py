"""The proctor's read-only table widgets (picker, results, incident log): the shared read-only setup
(app/ui/widgets/tables.py) on a QTableWidget, and cells that show their whole text on hover."""

from __future__ import annotations

from PySide6.QtWidgets import QTableWidget, QTableWidgetItem, QWidget

from app.ui.widgets.tables import configure_readonly


def readonly_table(columns: int, parent: QWidget | None = None, stretch: int | None = None) -> QTableWidget:
    table = QTableWidget(0, columns, parent)
    configure_readonly(table, stretch)
    return table


def cell(text: str, tip: str | None = None) -> QTableWidgetItem:
    """A cell whose tooltip is its whole text (or `tip`), for when the column is too narrow for it."""
    item = QTableWidgetItem(text)
    item.setToolTip(tip or text)
    return item
