"""A push button that stands for a QAction: same text (with its mnemonic), tooltip and enabled state,
so a toolbar row of buttons and the grid's context menu never disagree."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPushButton, QWidget


class ActionButton(QPushButton):
    def __init__(self, action: QAction, parent: QWidget | None = None):
        super().__init__(parent)
        self.action = action
        self.clicked.connect(action.trigger)
        action.changed.connect(self._sync)
        self._sync()

    def _sync(self) -> None:
        self.setText(self.action.text())
        self.setToolTip(self.action.toolTip())
        self.setEnabled(self.action.isEnabled())
