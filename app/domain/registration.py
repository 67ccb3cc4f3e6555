"""Registrations (报名): which sittings make up one candidate's result.

A result belongs to one registration: one person for one standard (and 工种) at one level. A
person may sit several standards and levels at one centre, on different days; only that
registration's parts count towards its result. A later sitting of the same part (a resit)
replaces the earlier one in the overall result; both stay on record.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from app.domain.standards import Part


@dataclass(frozen=True)
class Registration:
    standard: str  # code, e.g. "4-13-99-02"
    subtype: str | None  # 工种, where the standard has them
    level: str

    def as_dict(self) -> dict[str, str | None]:
        return {"standard": self.standard, "subtype": self.subtype, "level": self.level}


@dataclass(frozen=True)
class SittingResult:
    """The recorded result of one part at one sitting (one session)."""

    part: Part
    held: str  # the session's scheduled start, local ISO time: orders sittings
    session_code: str
    score: Decimal


def counting_results(results: Iterable[SittingResult]) -> dict[Part, SittingResult]:
    """Per part, the result that counts: the latest sitting's (ties broken by session code)."""
    counting: dict[Part, SittingResult] = {}
    for result in results:
        current = counting.get(result.part)
        if current is None or (result.held, result.session_code) > (current.held, current.session_code):
            counting[result.part] = result
    return counting
