"""Where ExamDesk finds its bundled resources and where it keeps its data."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "ExamDesk"


def resource_root() -> Path:
    """The folder holding question_banks/ and resources/: the bundle when frozen, else the checkout."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def question_banks_dir() -> Path:
    return Path(os.environ.get("EXAMDESK_BANKS") or resource_root() / "question_banks")


def standards_dir() -> Path:
    return question_banks_dir() / "standards"


def blueprints_dir() -> Path:
    return question_banks_dir() / "blueprints"


def samples_dir() -> Path:
    return question_banks_dir() / "samples"


def resources_dir() -> Path:
    return resource_root() / "resources"


def data_dir() -> Path:
    """The only place ExamDesk writes: EXAMDESK_DATA, else the platform's user data folder."""
    override = os.environ.get("EXAMDESK_DATA")
    if override:
        return Path(override)
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)
