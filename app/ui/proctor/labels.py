"""What only the proctor console shows for the services' codes: incident categories, clocks, the
grid's state order. The words every role shares (states, parts, results) are app/ui/widgets/labels.py.

Labels are marked with QT_TRANSLATE_NOOP so Qt Linguist collects them, and translated when shown.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.ui.widgets.labels import CANDIDATE_STATES, label

CONTEXT = "ProctorLabels"

# The grid's sort order of the state column: the order of an exam day.
STATE_ORDER = {state: n for n, state in enumerate(CANDIDATE_STATES)}
FINISHED = ("submitted", "terminated")

INCIDENTS = {
    "technical.freeze": QT_TRANSLATE_NOOP("ProctorLabels", "Technical: computer froze"),
    "technical.power": QT_TRANSLATE_NOOP("ProctorLabels", "Technical: power failure"),
    "technical.network": QT_TRANSLATE_NOOP("ProctorLabels", "Technical: network failure"),
    "environment.noise": QT_TRANSLATE_NOOP("ProctorLabels", "Environment: noise"),
    "environment.disturbance": QT_TRANSLATE_NOOP("ProctorLabels", "Environment: disturbance"),
    "illness": QT_TRANSLATE_NOOP("ProctorLabels", "Candidate taken ill"),
    "misconduct": QT_TRANSLATE_NOOP("ProctorLabels", "Misconduct"),
    "complaint": QT_TRANSLATE_NOOP("ProctorLabels", "Complaint"),
}


# the clock's entries of the record (app/services/incident_log.py), never chosen in the incident dialog
CLOCK_ENTRIES = {
    "clock.pause": QT_TRANSLATE_NOOP("ProctorLabels", "Clock: paused"),
    "clock.resume": QT_TRANSLATE_NOOP("ProctorLabels", "Clock: resumed"),
    "clock.extend": QT_TRANSLATE_NOOP("ProctorLabels", "Clock: extra time"),
    "clock.submit": QT_TRANSLATE_NOOP("ProctorLabels", "Paper submitted by the proctor"),
    "station.move": QT_TRANSLATE_NOOP("ProctorLabels", "Moved to another station"),
}


def incident_label(category: str) -> str:
    return label(CLOCK_ENTRIES if category in CLOCK_ENTRIES else INCIDENTS, category, CONTEXT)


def clock(seconds: float | None) -> str:
    """Remaining time as mm:ss (minutes may exceed 59: 90:00), rounded up so it reads 0:00 only at zero."""
    if seconds is None:
        return "—"
    whole = max(0, math.ceil(seconds - 1e-6))
    return f"{whole // 60:02d}:{whole % 60:02d}"


def duration_text(seconds: float) -> str:
    """Extra time for people: '22 min 30 s'."""
    whole = round(seconds)
    minutes, rest = divmod(whole, 60)
    if rest == 0:
        return QCoreApplication.translate("ProctorLabels", "{minutes} min").format(minutes=minutes)
    text = QCoreApplication.translate("ProctorLabels", "{minutes} min {seconds} s")
    return text.format(minutes=minutes, seconds=rest)
