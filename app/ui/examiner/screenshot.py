"""A populated examiner screen for the project's screenshot script."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from app.services.base import Actor
from app.ui.examiner.home import ExaminerHome


def build_for_screenshot(backend, login: Callable[[str], Actor]) -> QWidget:
    """examiner1's scoring tab on the demo skill session, the first open task in the form."""
    home = ExaminerHome(backend, login("examiner1"))
    home.resize(1366, 768)
    return home
