"""What the console's action sets share: the console they act for, one service call per action,
and asking for a reason (refusing an empty one)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence

from app.ui.widgets.errors import Ask, show_error

if TYPE_CHECKING:
    from app.ui.proctor.console import ProctorConsole


def ask_reason(parent: Any, title: str, label: str, *, required: bool = True) -> str | None:
    """The proctor's reason for an action, or None when cancelled or (if required) left empty."""
    text = Ask.text(parent, title, label)
    if text is None:
        return None
    text = text.strip()
    if required and not text:
        Ask.error(parent, title, QCoreApplication.translate(
            "ProctorActions", "A reason is required for this action: nothing was done."))  # fmt: skip
        return None
    return text


class ConsoleActions(QObject):
    def __init__(self, console: ProctorConsole):
        super().__init__(console)
        self.console = console
        self.actions: list[QAction] = []

    def _action(self, text: str, handler: Callable[[], None], tip: str = "",
                shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None) -> QAction:  # fmt: skip
        action = QAction(text, self.console)
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(handler)
        self.console.addAction(action)
        self.actions.append(action)
        return action

    def call(self, service: Callable[..., Any], *args: Any, done: str = "", **kwargs: Any) -> bool:
        """One service call; on refusal show why. On success refresh the console and say what was done."""
        try:
            service(*args, **kwargs)
        except Exception as exc:  # every failure reaches the proctor through show_error
            show_error(self.console, exc)
            return False
        self.console.refresh()
        if done:
            self.console.note(done)
        return True
