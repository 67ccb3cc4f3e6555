"""Words every role's screens show for the services' codes: exam parts, session and candidate states,
how an attempt ended, the overall result. Each lives here once, so the admin, the proctor and the
candidate's screens call the same thing by the same name. Also the punctuation that joins names
in the interface language: lists ('A, B' / 'A、B') and a name with a detail ('A (b)' / 'A（b）').

Labels are marked with QT_TRANSLATE_NOOP (context "Labels") so Qt Linguist collects them, and are
translated when shown, after the translator is installed. Role-specific words stay with their role
(app/ui/admin/labels.py, app/ui/proctor/labels.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "Labels"

PARTS = {
    "theory": QT_TRANSLATE_NOOP("Labels", "Theory exam"),
    "skill": QT_TRANSLATE_NOOP("Labels", "Skill assessment"),
    "review": QT_TRANSLATE_NOOP("Labels", "Comprehensive review"),
}

SESSION_STATES = {
    "scheduled": QT_TRANSLATE_NOOP("Labels", "Scheduled"),
    "open": QT_TRANSLATE_NOOP("Labels", "In progress"),
    "closed": QT_TRANSLATE_NOOP("Labels", "Closed"),
    "archived": QT_TRANSLATE_NOOP("Labels", "Archived"),
    "cancelled": QT_TRANSLATE_NOOP("Labels", "Cancelled"),
}

# A candidate's state in a session (services' CandidateRow.state), in the order of an exam day.
CANDIDATE_STATES = {
    "absent": QT_TRANSLATE_NOOP("Labels", "Not arrived"),  # not "Not checked in": the filter finds "checked in"
    "checked_in": QT_TRANSLATE_NOOP("Labels", "Checked in"),
    "logged_in": QT_TRANSLATE_NOOP("Labels", "Logged in"),
    "answering": QT_TRANSLATE_NOOP("Labels", "Answering"),
    "paused": QT_TRANSLATE_NOOP("Labels", "Paused"),
    "interrupted": QT_TRANSLATE_NOOP("Labels", "Interrupted"),
    "submitted": QT_TRANSLATE_NOOP("Labels", "Submitted"),
    "terminated": QT_TRANSLATE_NOOP("Labels", "Terminated"),
}

# How an attempt stands in the results (app.services.export ResultRow.status).
ATTEMPT_STATUSES = {
    "absent": QT_TRANSLATE_NOOP("Labels", "Absent"),
    "not started": QT_TRANSLATE_NOOP("Labels", "Did not start"),
    "open": QT_TRANSLATE_NOOP("Labels", "Not submitted"),
    "submitted": QT_TRANSLATE_NOOP("Labels", "Submitted"),
    "terminated": QT_TRANSLATE_NOOP("Labels", "Terminated"),
    "reviewed": QT_TRANSLATE_NOOP("Labels", "Reviewed"),  # comprehensive review sessions
    "awaiting review": QT_TRANSLATE_NOOP("Labels", "Awaiting review"),
}

# The overall result: the services word it as printed on score reports; English for the English UI.
RESULTS = {
    "合格": QT_TRANSLATE_NOOP("Labels", "Pass"),
    "不合格": QT_TRANSLATE_NOOP("Labels", "Fail"),
    "待定": QT_TRANSLATE_NOOP("Labels", "Pending"),
}


def label(table: Mapping[str, str], code: str, context: str = CONTEXT) -> str:
    """The translated label for `code` (its table marked in `context`), or the code itself when unknown."""
    source = table.get(code)
    return QCoreApplication.translate(context, source) if source else code


def part_label(part: str) -> str:
    return label(PARTS, part)


def session_state_label(state: str) -> str:
    return label(SESSION_STATES, state)


def candidate_state_label(state: str) -> str:
    return label(CANDIDATE_STATES, state)


def attempt_status_label(status: str) -> str:
    return label(ATTEMPT_STATUSES, status)


def result_label(result: str) -> str:
    return label(RESULTS, result)


def missing_part_label(status: str, part: str, own_part: str | None) -> str:
    """A results cell with no score: 缺考 in the session's own part for a candidate who never came,
    else a dash (a part sat elsewhere, or not yet)."""
    return attempt_status_label("absent") if status == "absent" and part == own_part else "—"


# Punctuation differs by language: Chinese lists names with 、 and clauses with ；, and brackets in
# full width. The source texts are the English forms; the translations give the Chinese ones.


def join_names(names: Iterable[str]) -> str:
    """Names listed in a sentence or a cell: 'Theory, Skill' in English, '理论、技能' in Chinese."""
    return QCoreApplication.translate("Labels", ", ").join(names)


def join_clauses(clauses: Iterable[str]) -> str:
    """Parts of a sentence that each have their own words or numbers: 'Theory exam 90; Skill assessment 90'."""
    return QCoreApplication.translate("Labels", "; ").join(clauses)


def with_detail(name: str, detail: str) -> str:
    """A name with a detail in brackets: 'Zhang San (proctor1)' in English, '张三（proctor1）' in Chinese."""
    return QCoreApplication.translate("Labels", "{name} ({detail})").format(name=name, detail=detail)


# English counts: "1 proctors" reads wrong. The texts say "{count} proctors" (Chinese needs no plural);
# for a count of one, the English noun after it goes singular. Chinese texts have no such words.
_ONE = re.compile(
    r"(?<![\d.,])\b1 (proctor|examiner|candidate|point|minute|question|item|member|row|paper|second|task|hour)s\b"
)


def counted(text: str) -> str:
    """`text` with "1 points" made "1 point" (English; other languages are left as they are)."""
    return _ONE.sub(r"1 \1", text)
