"""The examiner's screens (考评端): blind rubric scoring, arbitration, review panel, results."""

from app.ui.examiner.home import ExaminerHome
from app.ui.examiner.review import ReviewPanel
from app.ui.examiner.screenshot import build_for_screenshot

__all__ = ["ExaminerHome", "ReviewPanel", "build_for_screenshot"]
