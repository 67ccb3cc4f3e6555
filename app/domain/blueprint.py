"""Blueprints: what a paper for one standard, level and part must contain.

A theory blueprint fixes the item-type mix (count and points per type) and takes the points per
area from the level's weight table, so that a paper's area points equal the table exactly.
A skill blueprint takes one task per weighted area; each task's score is scaled to the area's
weight.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from app.domain.items import ItemType
from app.domain.standards import Level, Part, Standard, weights_for


class MultipleCredit(StrEnum):
    """How a multiple-choice answer that is partly right is scored."""

    ALL_OR_NOTHING = "all_or_nothing"
    # a share of the points per correct option chosen, nothing if any wrong option is chosen
    PROPORTIONAL = "proportional"


@dataclass(frozen=True)
class Section:
    type: ItemType
    count: int
    points: Decimal  # per item

    @property
    def total(self) -> Decimal:
        return self.points * self.count


@dataclass(frozen=True)
class TypeMix:
    """The part of a blueprint that does not depend on the level: sections and scoring."""

    sections: tuple[Section, ...]
    multiple_credit: MultipleCredit = MultipleCredit.ALL_OR_NOTHING
    difficulty_target: float = 3.0
    difficulty_tolerance: float = 0.5
    name: str = ""
    source: str = ""  # where the mix was defined (a blueprint file, and its level entry), for messages

    def check(self) -> list[tuple[str, str]]:
        problems: list[tuple[str, str]] = []
        total = sum((s.total for s in self.sections), Decimal(0))
        if total != 100:
            problems.append(("sections", f"count x points add up to {total}, must be 100"))
        types = [s.type for s in self.sections]
        for t in sorted({t for t in types if types.count(t) > 1}):
            problems.append(("sections", f"type {t} listed twice"))
        for i, s in enumerate(self.sections):
            if s.count <= 0:
                problems.append((f"sections[{i}].count", "must be positive"))
            if s.points <= 0 or (s.points * 2) % 1:
                problems.append((f"sections[{i}].points", "must be a positive multiple of 0.5"))
        if not 1 <= self.difficulty_target <= 5:
            problems.append(("difficulty.target", "must be between 1 and 5"))
        return problems


@dataclass(frozen=True)
class Blueprint:
    standard: str
    subtype: str | None
    level: Level
    part: Part
    area_points: Mapping[str, Decimal]  # in weight-table order
    mix: TypeMix | None  # None for skill blueprints

    @property
    def total_points(self) -> Decimal:
        return sum(self.area_points.values(), Decimal(0))


def theory_blueprint(std: Standard, level: Level, mix: TypeMix, subtype: str | None = None) -> Blueprint:
    weights = weights_for(std, level, Part.THEORY)
    return Blueprint(
        standard=std.code,
        subtype=subtype,
        level=level,
        part=Part.THEORY,
        area_points={area: Decimal(pct) for area, pct in weights.items()},
        mix=mix,
    )


def skill_blueprint(std: Standard, level: Level, subtype: str | None = None) -> Blueprint:
    weights = weights_for(std, level, Part.SKILL)
    return Blueprint(
        standard=std.code,
        subtype=subtype,
        level=level,
        part=Part.SKILL,
        area_points={area: Decimal(pct) for area, pct in weights.items()},
        mix=None,
    )
