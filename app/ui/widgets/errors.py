"""The one place screens show errors (house style: one error root, one function shows them).

User-facing errors (refused actions, bad input) are shown as they are, in the interface language
(translated by their template and params: app/ui/widgets/messages.py translate_error); anything else is a bug:
it is shown as such and logged, and the screen stays usable.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from app.errors import UserFacingError
from app.ui.widgets.labels import counted
from app.ui.widgets.messages import translate_error

log = logging.getLogger("examdesk.ui")
T = TypeVar("T")


class Ask:
    """Dialogs behind a seam, so tests can answer them without a modal loop (pytest-qt style)."""

    @staticmethod
    def error(parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, counted(text))

    @staticmethod
    def info(parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, counted(text))

    @staticmethod
    def confirm(parent: QWidget | None, title: str, text: str) -> bool:
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        answer = QMessageBox.question(parent, title, counted(text), buttons, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    @staticmethod
    def text(parent: QWidget | None, title: str, label: str) -> str | None:
        from PySide6.QtWidgets import QInputDialog

        value, ok = QInputDialog.getText(parent, title, label)
        return value if ok else None

    @staticmethod
    def file(parent: QWidget | None, title: str) -> str:
        """A file to open, chosen in the system's file picker; "" when cancelled."""
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(parent, title, "", "*")
        return name


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    if isinstance(exc, UserFacingError):
        Ask.error(parent, QCoreApplication.translate("errors", "Not done"), translate_error(exc))
    else:
        log.exception("unexpected error", exc_info=exc)
        Ask.error(parent, QCoreApplication.translate("errors", "Unexpected error"),
                  QCoreApplication.translate("errors", "Something went wrong inside ExamDesk: {error}").format(
            error=f"{type(exc).__name__}: {exc}"))  # fmt: skip


def attempt(parent: QWidget | None, action: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
    """Run one service call; on error show it and return None."""
    try:
        return action(*args, **kwargs)
    except Exception as exc:  # every failure reaches the user through show_error
        show_error(parent, exc)
        return None
