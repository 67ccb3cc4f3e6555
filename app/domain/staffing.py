"""Staffing ratios and minimum durations from a standard's 1.9 (鉴定要求 / 评价要求).

Each check returns findings the session screens show as they are, e.g.
"2 proctors for 31 candidates: at least 3 needed (1 per 15, at least 2 per room)".
An empty list means the plan satisfies the standard.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from app.domain.standards import Level, Part, Staffing, Standard


@dataclass(frozen=True)
class Finding:
    rule: str  # a stable identifier, for translation and tests
    required: int
    actual: int
    message: str

    def __str__(self) -> str:
        return self.message


def proctors_needed(staffing: Staffing, candidates: int) -> int:
    by_ratio = math.ceil(candidates / staffing.candidates_per_proctor) if candidates > 0 else 0
    return max(staffing.min_proctors_per_room, by_ratio)


def examiners_needed(staffing: Staffing, candidates: int) -> int:
    by_ratio = math.ceil(candidates / staffing.candidates_per_examiner) if candidates > 0 else 0
    needed = max(staffing.min_examiners, by_ratio)
    if staffing.examiners_odd and needed % 2 == 0:
        needed += 1
    return needed


def check_theory_room(staffing: Staffing, candidates: int, proctors: int) -> list[Finding]:
    needed = proctors_needed(staffing, candidates)
    if proctors >= needed:
        return []
    return [
        Finding(
            "proctors",
            needed,
            proctors,
            f"{proctors} proctors for {candidates} candidates: at least {needed} needed "
            f"(1 per {staffing.candidates_per_proctor}, at least "
            f"{staffing.min_proctors_per_room} per room)",
        )
    ]


def check_skill_examiners(staffing: Staffing, candidates: int, examiners: int) -> list[Finding]:
    findings = []
    needed = examiners_needed(staffing, candidates)
    if examiners < needed:
        findings.append(
            Finding(
                "examiners",
                needed,
                examiners,
                f"{examiners} examiners for {candidates} candidates: at least {needed} needed "
                f"(1 per {staffing.candidates_per_examiner}, at least {staffing.min_examiners}"
                f"{', an odd number' if staffing.examiners_odd else ''})",
            )
        )
    elif staffing.examiners_odd and examiners % 2 == 0:
        findings.append(
            Finding("examiners_odd", examiners + 1, examiners,
                    f"{examiners} examiners: the number must be odd")
        )  # fmt: skip
    return findings


def check_review_panel(staffing: Staffing, members: int) -> list[Finding]:
    findings = []
    if members < staffing.min_review_members:
        findings.append(
            Finding(
                "review_members",
                staffing.min_review_members,
                members,
                f"{members} review panel members: at least {staffing.min_review_members} needed",
            )
        )
    elif staffing.review_members_odd and members % 2 == 0:
        findings.append(
            Finding("review_odd", members + 1, members,
                    f"{members} review panel members: the number must be odd")
        )  # fmt: skip
    return findings


def check_duration(std: Standard, level: Level, part: Part, minutes: int) -> list[Finding]:
    if part is Part.REVIEW and not level.review_required:
        return [
            Finding("review_not_required", 0, minutes,
                    f"level {level.level} ({level.name}) has no comprehensive review")
        ]  # fmt: skip
    minimum = std.min_minutes_for(level, part)
    if minimum is None or minutes >= minimum:
        return []
    return [
        Finding(
            "duration",
            minimum,
            minutes,
            f"{minutes} minutes for the {part.value} part: {std.code} requires at least {minimum}",
        )
    ]


def check_session(
    std: Standard,
    level: Level,
    part: Part,
    *,
    candidates: int,
    minutes: int,
    proctors: int = 0,
    examiners: int = 0,
) -> list[Finding]:
    """Every staffing and time rule that applies to one planned session."""
    findings = check_duration(std, level, part, minutes)
    if part is Part.THEORY:
        findings += check_theory_room(std.staffing, candidates, proctors)
    elif part is Part.SKILL:
        findings += check_skill_examiners(std.staffing, candidates, examiners)
    else:
        findings += check_review_panel(std.staffing, examiners)
    return findings
