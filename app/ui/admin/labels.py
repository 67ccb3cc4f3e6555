"""Words the admin screens show for the services' codes: parts, roles, duties, states, findings.

Plain functions (no QObject), so every string goes through QCoreApplication.translate with the
context "AdminText"; they are looked up when called, after the translator is installed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.domain.staffing import Finding
from app.domain.standards import Standard

PARTS = ("theory", "skill", "review")
STAFF_ROLES = ("proctor", "examiner", "chief")  # the roles an admin creates here
DUTIES = ("proctor", "examiner", "chief", "review")


def part_name(part: str) -> str:
    names = {
        "theory": QCoreApplication.translate("AdminText", "Theory exam"),
        "skill": QCoreApplication.translate("AdminText", "Skill assessment"),
        "review": QCoreApplication.translate("AdminText", "Comprehensive review"),
    }
    return names.get(part, part)


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


def session_state(state: str) -> str:
    names = {
        "scheduled": QCoreApplication.translate("AdminText", "Scheduled"),
        "open": QCoreApplication.translate("AdminText", "In progress"),
        "closed": QCoreApplication.translate("AdminText", "Closed"),
        "archived": QCoreApplication.translate("AdminText", "Archived"),
    }
    return names.get(state, state)


def attempt_status(status: str) -> str:
    names = {
        "absent": QCoreApplication.translate("AdminText", "Absent"),
        "not started": QCoreApplication.translate("AdminText", "Not started"),
        "open": QCoreApplication.translate("AdminText", "Answering"),
        "submitted": QCoreApplication.translate("AdminText", "Submitted"),
        "terminated": QCoreApplication.translate("AdminText", "Terminated (misconduct)"),
    }
    return names.get(status, status)


def candidate_state(state: str) -> str:
    names = {
        "absent": QCoreApplication.translate("AdminText", "Not checked in"),
        "checked_in": QCoreApplication.translate("AdminText", "Checked in"),
        "logged_in": QCoreApplication.translate("AdminText", "Logged in"),
        "answering": QCoreApplication.translate("AdminText", "Answering"),
        "paused": QCoreApplication.translate("AdminText", "Paused"),
        "interrupted": QCoreApplication.translate("AdminText", "Interrupted"),
        "submitted": QCoreApplication.translate("AdminText", "Submitted"),
        "terminated": QCoreApplication.translate("AdminText", "Terminated (misconduct)"),
    }
    return names.get(state, state)


def result_name(result: str) -> str:
    """The export service words overall results in Chinese already; English for the English UI."""
    names = {
        "合格": QCoreApplication.translate("AdminText", "Pass"),
        "不合格": QCoreApplication.translate("AdminText", "Fail"),
        "待定": QCoreApplication.translate("AdminText", "Pending"),
    }
    return names.get(result, result)


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


def finding_text(finding: Finding, std: Standard, *, candidates: int, part: str, level_name: str) -> str:
    """A staffing or time finding in plain words, with the standard's numbers."""
    staffing = std.staffing
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
    if finding.rule == "review_not_required":
        return QCoreApplication.translate("AdminText", "{level} has no comprehensive review").format(level=level_name)
    if finding.rule == "duration":
        return QCoreApplication.translate(
            "AdminText", "{minutes} minutes is too short: {code} requires at least {required} minutes for the {part}"
        ).format(minutes=finding.actual, code=std.code, required=finding.required, part=part_name(part))
    return finding.message
