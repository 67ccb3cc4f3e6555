"""What the proctor console shows for the services' codes: states, incident categories, parts, clocks.

Labels are marked with QT_TRANSLATE_NOOP so Qt Linguist collects them, and translated when shown.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "ProctorLabels"

# The grid's states, in the order of an exam day (also the sort order of the state column).
CANDIDATE_STATES = {
    "absent": QT_TRANSLATE_NOOP("ProctorLabels", "Not arrived"),
    "checked_in": QT_TRANSLATE_NOOP("ProctorLabels", "Checked in"),
    "logged_in": QT_TRANSLATE_NOOP("ProctorLabels", "Logged in"),
    "answering": QT_TRANSLATE_NOOP("ProctorLabels", "Answering"),
    "paused": QT_TRANSLATE_NOOP("ProctorLabels", "Paused"),
    "interrupted": QT_TRANSLATE_NOOP("ProctorLabels", "Interrupted"),
    "submitted": QT_TRANSLATE_NOOP("ProctorLabels", "Submitted"),
    "terminated": QT_TRANSLATE_NOOP("ProctorLabels", "Terminated"),
}
STATE_ORDER = {state: n for n, state in enumerate(CANDIDATE_STATES)}
FINISHED = ("submitted", "terminated")

SESSION_STATES = {
    "scheduled": QT_TRANSLATE_NOOP("ProctorLabels", "Not started"),
    "open": QT_TRANSLATE_NOOP("ProctorLabels", "In progress"),
    "closed": QT_TRANSLATE_NOOP("ProctorLabels", "Closed"),
    "archived": QT_TRANSLATE_NOOP("ProctorLabels", "Archived"),
}

PARTS = {
    "theory": QT_TRANSLATE_NOOP("ProctorLabels", "Theory exam"),
    "skill": QT_TRANSLATE_NOOP("ProctorLabels", "Skill assessment"),
    "review": QT_TRANSLATE_NOOP("ProctorLabels", "Comprehensive review"),
}

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

# How an attempt ended, as the results summary reports it (app.services.export).
RESULT_STATUS = {
    "absent": QT_TRANSLATE_NOOP("ProctorLabels", "Absent"),
    "not started": QT_TRANSLATE_NOOP("ProctorLabels", "Did not start"),
    "open": QT_TRANSLATE_NOOP("ProctorLabels", "Not submitted"),
    "submitted": QT_TRANSLATE_NOOP("ProctorLabels", "Submitted"),
    "terminated": QT_TRANSLATE_NOOP("ProctorLabels", "Terminated"),
}


def _label(table: dict[str, str], code: str) -> str:
    source = table.get(code)
    return QCoreApplication.translate(CONTEXT, source) if source else code


def state_label(state: str) -> str:
    return _label(CANDIDATE_STATES, state)


def session_state_label(state: str) -> str:
    return _label(SESSION_STATES, state)


def part_label(part: str) -> str:
    return _label(PARTS, part)


def incident_label(category: str) -> str:
    return _label(INCIDENTS, category)


def result_status_label(status: str) -> str:
    return _label(RESULT_STATUS, status)


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
