"""The proctor's screens (监考端): the session picker and the console for one session."""

from app.ui.proctor.console import ProctorConsole
from app.ui.proctor.grid_model import CandidateGridModel
from app.ui.proctor.picker import SessionPicker
from app.ui.proctor.screenshot import build_for_screenshot

__all__ = ["CandidateGridModel", "ProctorConsole", "SessionPicker", "build_for_screenshot"]
