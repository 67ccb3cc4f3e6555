"""Occupational skill standards as the exam rules see them.

A standard (e.g. 4-13-99-02 在线学习服务师) has levels; each level has areas (职业功能) with
content codes (工作内容), a theory weight table and a skill weight table (percent per area).
Subtypes (工种) carry their own levels and tables. The objects are built from data files by
`app.banks.standard_file`; `check_standard` holds the rules those files must satisfy.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum

BASIC_AREAS = ("职业道德", "基础知识")


class Part(StrEnum):
    THEORY = "theory"
    SKILL = "skill"
    REVIEW = "review"


LevelId = int | str


@dataclass(frozen=True)
class Content:
    """A 工作内容 (or a basic-requirement section) with its requirements."""

    code: str
    name: str
    skills: tuple[str, ...] = ()
    knowledge: tuple[str, ...] = ()


@dataclass(frozen=True)
class Area:
    """A 职业功能 of a level, or a 基本要求 area shared by all levels."""

    name: str
    number: int | None
    contents: tuple[Content, ...] = ()

    def content(self, code: str) -> Content | None:
        return next((c for c in self.contents if c.code == code), None)


@dataclass(frozen=True)
class Level:
    level: LevelId
    name: str
    review_required: bool
    areas: tuple[Area, ...]
    basic: tuple[Area, ...]
    theory_weights: Mapping[str, int] | None
    skill_weights: Mapping[str, int] | None

    def area(self, name: str) -> Area | None:
        return next((a for a in (*self.basic, *self.areas) if a.name == name), None)

    def weights(self, part: Part) -> Mapping[str, int] | None:
        if part is Part.THEORY:
            return self.theory_weights
        if part is Part.SKILL:
            return self.skill_weights
        return None


@dataclass(frozen=True)
class Staffing:
    candidates_per_proctor: int
    min_proctors_per_room: int
    candidates_per_examiner: int
    min_examiners: int
    examiners_odd: bool
    min_review_members: int
    review_members_odd: bool
    notes: str = ""

    def as_dict(self) -> dict[str, object]:
        return {
            "theory": {
                "candidates_per_proctor": self.candidates_per_proctor,
                "min_proctors_per_room": self.min_proctors_per_room,
            },
            "skill": {
                "candidates_per_examiner": self.candidates_per_examiner,
                "min_examiners": self.min_examiners,
                "examiners_odd": self.examiners_odd,
            },
            "review": {
                "min_members": self.min_review_members,
                "members_odd": self.review_members_odd,
            },
            **({"notes": self.notes} if self.notes else {}),
        }


@dataclass(frozen=True)
class Subtype:
    name: str
    levels: tuple[Level, ...]


@dataclass(frozen=True)
class Standard:
    code: str
    name: str
    edition: str
    issuer: str
    kind: str
    official_weights: bool
    pass_mark: int
    min_minutes: Mapping[Part, int]
    staffing: Staffing
    levels: tuple[Level, ...]
    subtypes: tuple[Subtype, ...] = ()
    notes: str = ""
    source: str = field(default="", compare=False)

    def level_list(self, subtype: str | None = None) -> tuple[Level, ...]:
        if subtype is None:
            return self.levels
        for st in self.subtypes:
            if st.name == subtype:
                return st.levels
        raise KeyError(subtype)

    def level(self, level: LevelId, subtype: str | None = None) -> Level:
        for lv in self.level_list(subtype):
            if lv.level == level or str(lv.level) == str(level):
                return lv
        raise KeyError(level)

    def min_minutes_for(self, level: Level, part: Part) -> int | None:
        if part is Part.REVIEW and not level.review_required:
            return None
        return self.min_minutes.get(part)

    def with_weights(
        self, weights: Mapping[str, Mapping[str, Mapping[str, int]]], subtype: str | None = None
    ) -> Standard:
        """This standard with weight tables supplied by the exam owner (e.g. for 570002).

        `weights` maps level id (as text) to {"theory": {...}, "skill": {...}}.
        """

        def patched(levels: tuple[Level, ...]) -> tuple[Level, ...]:
            out = []
            for lv in levels:
                given = weights.get(str(lv.level))
                if given is None:
                    out.append(lv)
                    continue
                out.append(
                    replace(
                        lv,
                        theory_weights=dict(given.get("theory") or {}) or lv.theory_weights,
                        skill_weights=dict(given.get("skill") or {}) or lv.skill_weights,
                    )
                )
            return tuple(out)

        if subtype is None:
            return replace(self, levels=patched(self.levels))
        subtypes = tuple(Subtype(st.name, patched(st.levels)) if st.name == subtype else st for st in self.subtypes)
        return replace(self, subtypes=subtypes)


def check_weight_table(weights: Mapping[str, int], level: Level, part: Part, where: str) -> list[tuple[str, str]]:
    """Problems with one weight table, as (field path, message) pairs."""
    problems: list[tuple[str, str]] = []
    for area, pct in weights.items():
        if not isinstance(pct, int) or isinstance(pct, bool) or pct <= 0:
            problems.append((f"{where}.{area}", f"weight must be a positive integer, got {pct!r}"))
        if level.area(area) is None:
            known = "、".join(a.name for a in (*level.basic, *level.areas))
            problems.append((f"{where}.{area}", f"unknown area {area!r}; this level has: {known}"))
        elif part is Part.SKILL and area in BASIC_AREAS:
            problems.append((f"{where}.{area}", "基本要求 areas are not weighted in skill tables"))
    total = sum(v for v in weights.values() if isinstance(v, int))
    if total != 100:
        problems.append((where, f"weights sum to {total}, must be 100"))
    return problems


def check_standard(std: Standard) -> list[tuple[str, str]]:
    """Rules every standard must satisfy, as (field path, message) pairs."""
    problems: list[tuple[str, str]] = []
    if not 1 <= std.pass_mark <= 100:
        problems.append(("pass_mark", f"must be between 1 and 100, got {std.pass_mark}"))
    for part, minutes in std.min_minutes.items():
        if minutes <= 0:
            problems.append((f"min_minutes.{part.value}", "must be positive"))

    groups: list[tuple[str, tuple[Level, ...]]] = [("levels", std.levels)]
    groups += [(f"subtypes[{i}].levels", st.levels) for i, st in enumerate(std.subtypes)]
    for prefix, levels in groups:
        if not levels:
            problems.append((prefix, "no levels defined"))
        seen: set[str] = set()
        for i, lv in enumerate(levels):
            where = f"{prefix}[{i}]"
            if str(lv.level) in seen:
                problems.append((f"{where}.level", f"level {lv.level} appears twice"))
            seen.add(str(lv.level))
            for area in (*lv.basic, *lv.areas):
                codes = [c.code for c in area.contents]
                for code in sorted({c for c in codes if codes.count(c) > 1}):
                    problems.append((f"{where}.areas.{area.name}", f"content code {code} twice"))
            for part, table in ((Part.THEORY, lv.theory_weights), (Part.SKILL, lv.skill_weights)):
                field_name = f"{where}.{part.value}_weights"
                if table is None:
                    if std.official_weights:
                        problems.append((field_name, "missing (official_weights is true)"))
                    continue
                problems += check_weight_table(table, lv, part, field_name)
    return problems


class MissingWeightsError(LookupError):
    """The level has no weight table for the part (e.g. 570002 publishes none)."""

    def __init__(self, std: Standard, level: Level, part: Part):
        self.standard, self.level, self.part = std, level, part
        super().__init__(
            f"{std.code} {std.name} has no official {part.value} weight table for level "
            f"{level.level} ({level.name}); the exam owner must supply one with "
            f"--weights FILE (see docs/bank-format.md, 'Weight files')"
        )


def weights_for(std: Standard, level: Level, part: Part) -> Mapping[str, int]:
    table = level.weights(part)
    if not table:
        raise MissingWeightsError(std, level, part)
    return table
