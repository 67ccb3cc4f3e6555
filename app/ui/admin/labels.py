"""Words the admin screens show for the services' codes: roles, duties, findings, scores.

Plain functions (no QObject), so every string goes through QCoreApplication.translate with the
context "AdminText"; they are looked up when called, after the translator is installed. The words
every role shares (parts, session and candidate states, results) live in app/ui/widgets/labels.py;
the names below are the ones the admin screens call them by.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.domain.staffing import Finding
from app.domain.standards import Level, Standard
from app.errors import Message
from app.ui.widgets.labels import attempt_status_label as attempt_status
from app.ui.widgets.labels import candidate_state_label as candidate_state
from app.ui.widgets.labels import counted
from app.ui.widgets.labels import part_label as part_name
from app.ui.widgets.labels import result_label as result_name
from app.ui.widgets.labels import session_state_label as session_state
from app.ui.widgets.messages import translate_text

__all__ = [
    "DUTIES", "STAFF_ROLES", "attempt_status", "candidate_state", "duty_name", "finding_text",
    "part_name", "part_score", "result_name", "role_name", "session_state", "short_level", "yes_no",
]  # fmt: skip

STAFF_ROLES = ("proctor", "examiner", "chief")  # the roles an admin creates here
DUTIES = ("proctor", "examiner", "chief", "review")


def role_name(role: str) -> str:
    names = {
        "admin": QCoreApplication.translate("AdminText", "Administrator"),
        "proctor": QCoreApplication.translate("AdminText", "Proctor"),
        "examiner": QCoreApplication.translate("AdminText", "Examiner"),
        "chief": QCoreApplication.translate("AdminText", "Chief examiner"),
    }
    return names.get(role, role)


def duty_name(duty: str) -> str:
    names = {
        "proctor": QCoreApplication.translate("AdminText", "Proctor"),
        "examiner": QCoreApplication.translate("AdminText", "Examiner"),
        "chief": QCoreApplication.translate("AdminText", "Chief examiner"),
        "review": QCoreApplication.translate("AdminText", "Review panel member"),
    }
    return names.get(duty, duty)


GRADE = re.compile(r"[一二三四五]级")


# the national grades, as a narrow column names them in the interface language (the numerals of
# GRADE in order: 一 is 1, ... 五 is 5)
GRADE_NAMES = (
    QT_TRANSLATE_NOOP("AdminText", "Level 1"),
    QT_TRANSLATE_NOOP("AdminText", "Level 2"),
    QT_TRANSLATE_NOOP("AdminText", "Level 3"),
    QT_TRANSLATE_NOOP("AdminText", "Level 4"),
    QT_TRANSLATE_NOOP("AdminText", "Level 5"),
)
NUMERALS = GRADE.pattern[1:6]


def short_level(name: str, level: object) -> str:
    """The key part of a level's name, for narrow columns: the national grade ('四级/中级工' -> '四级',
    '二级残疾人就业辅导员' -> '二级'), else a named level's id ('中级'), else the whole name."""
    grade = GRADE.match(name)
    if grade:
        # "Level 5" in English, the grade as the standard names it in Chinese
        return QCoreApplication.translate("AdminText", GRADE_NAMES[NUMERALS.index(grade.group(0)[0])])
    code = str(level)
    return code if code and not code.isdigit() else name


def part_score(outcome: dict | None) -> str:
    if not outcome:
        return "—"
    score = outcome.get("score", "—")
    if outcome.get("passed") is True:
        return QCoreApplication.translate("AdminText", "{score} (pass)").format(score=score)
    if outcome.get("passed") is False:
        return QCoreApplication.translate("AdminText", "{score} (fail)").format(score=score)
    return str(score)


def yes_no(value: bool) -> str:
    return QCoreApplication.translate("AdminText", "Yes") if value else QCoreApplication.translate("AdminText", "No")


def finding_text(finding: Finding, std: Standard, level: Level, *, candidates: int, part: str) -> str:
    """A staffing or time finding in plain words ("1 proctor", not "1 proctors")."""
    return counted(_finding_text(finding, std, level, candidates=candidates, part=part))


def _finding_text(finding: Finding, std: Standard, level: Level, *, candidates: int, part: str) -> str:
    """A staffing or time finding in plain words, with the numbers that hold for this level
    (a weight file may set its own staffing)."""
    staffing = std.staffing_for(level)
    level_name = level.name
    if finding.rule == "proctors":
        return QCoreApplication.translate(
            "AdminText",
            "{candidates} candidates but only {actual} proctors: at least {required} needed "
            "(1 per {per} candidates, at least {least} per room)",
        ).format(candidates=candidates, actual=finding.actual, required=finding.required,
                 per=staffing.candidates_per_proctor, least=staffing.min_proctors_per_room)  # fmt: skip
    if finding.rule == "examiners":
        if staffing.examiners_odd:
            text = QCoreApplication.translate(
                "AdminText",
                "{candidates} candidates but only {actual} examiners: at least {required} needed "
                "(1 per {per} candidates, at least {least}, an odd number)",
            )
        else:
            text = QCoreApplication.translate(
                "AdminText",
                "{candidates} candidates but only {actual} examiners: at least {required} needed "
                "(1 per {per} candidates, at least {least})",
            )
        return text.format(candidates=candidates, actual=finding.actual, required=finding.required,
                           per=staffing.candidates_per_examiner, least=staffing.min_examiners)  # fmt: skip
    if finding.rule == "examiners_odd":
        return QCoreApplication.translate(
            "AdminText", "{actual} examiners: the number of examiners must be odd (for example {required})"
        ).format(actual=finding.actual, required=finding.required)
    if finding.rule == "review_members":
        return QCoreApplication.translate(
            "AdminText", "Only {actual} review panel members: at least {required} needed"
        ).format(actual=finding.actual, required=finding.required)
    if finding.rule == "review_odd":
        return QCoreApplication.translate(
            "AdminText", "{actual} review panel members: the number must be odd (for example {required})"
        ).format(actual=finding.actual, required=finding.required)
    if finding.rule == "task_examiners" and isinstance(finding.message, Message):
        if staffing.examiners_odd:
            text = QCoreApplication.translate(
                "AdminText", "Skill task {task}: {actual} examiners score it; each task needs at least {least}, "
                "an odd number"
            )
        else:
            text = QCoreApplication.translate(
                "AdminText", "Skill task {task}: {actual} examiners score it; each task needs at least {least}"
            )
        return text.format(task=finding.message.params["task"], actual=finding.actual, least=staffing.min_examiners)
    if finding.rule == "review_chair":
        return QCoreApplication.translate("AdminText", "The review panel has no chair: assign a chief examiner as "
                                          "Review panel chair")  # fmt: skip
    if finding.rule == "review_chairs":
        return QCoreApplication.translate("AdminText", "{actual} review panel chairs: a panel has one").format(
            actual=finding.actual)
    if finding.rule == "review_not_required":
        return QCoreApplication.translate("AdminText", "{level} has no comprehensive review").format(level=level_name)
    if finding.rule == "duration" and part == "review" and candidates > 1:
        return QCoreApplication.translate(
            "AdminText", "{minutes} minutes is too short: {code} requires at least {per} minutes per candidate "
            "for the {part}, {required} minutes for {candidates} candidates"
        ).format(minutes=finding.actual, code=std.code, per=finding.required // candidates,
                 required=finding.required, part=part_name(part), candidates=candidates)  # fmt: skip
    if finding.rule == "duration":
        return QCoreApplication.translate(
            "AdminText", "{minutes} minutes is too short: {code} requires at least {required} minutes for the {part}"
        ).format(minutes=finding.actual, code=std.code, required=finding.required, part=part_name(part))
    return translate_text(finding.message)  # by its template (a Message)
