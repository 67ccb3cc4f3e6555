"""The admin screens (管理端): `AdminHome(client)`, the client signed in as an administrator."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from app.ui.admin.home import AdminHome

__all__ = ["AdminHome", "build_for_screenshot"]


def build_for_screenshot(signed_in: Callable[[str], Any]) -> QWidget:
    """The admin home on the sessions tab, the demo theory session chosen (for the screenshot script);
    `signed_in(username)` gives a Client signed in as that demo user."""
    home = AdminHome(signed_in("admin"))
    for info in home.sessions.infos.values():
        if info.part == "theory":
            home.sessions.select_session(info.id)
            break
    return home
