"""A populated examiner screen for the project's screenshot script."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from app.api.client import Client
from app.ui.examiner.home import ExaminerHome


def build_for_screenshot(sign_in: Callable[[str], Client]) -> QWidget:
    """examiner1's scoring tab on the demo skill session, the first open task in the form;
    `sign_in(username)` gives a client signed in as that demo user."""
    home = ExaminerHome(sign_in("examiner1"))
    home.resize(1366, 768)
    return home
