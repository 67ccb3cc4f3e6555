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

# The exam rules a standard may take from another standard when it sets none of its own
# (570002 borrows them from 4-13-99-02), and an exam owner may then set in a weight file.
RULE_FIELDS = ("pass_mark", "min_minutes", "staffing")


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
    # areas of the exam owner's own (e.g. 职业素养), from a weight file; theory only, like `basic`
    own_areas: tuple[Area, ...] = ()
    # rules the exam owner set for this level in a weight file (None: the standard's, or borrowed)
    owner: OwnerRules | None = None

    def area(self, name: str) -> Area | None:
        return next((a for a in (*self.basic, *self.own_areas, *self.areas) if a.name == name), None)

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
    # 4-07-03-01 1.9.3: 实行全方位电子监控的考场可适当降低监考人员比例. Only where the standard says so
    # may a theory room under full electronic surveillance have fewer proctors than the ratio asks.
    surveillance_relaxes_ratio: bool = False
    # 4-07-03-01 1.9.2: 主要成果代表作的自荐与本单位、专家评价相结合: the review asks for the
    # employer's assessment of the candidate's representative works.
    review_employer_assessment: bool = False

    def as_dict(self) -> dict[str, object]:
        return {
            "theory": {
                "candidates_per_proctor": self.candidates_per_proctor,
                "min_proctors_per_room": self.min_proctors_per_room,
                **({"surveillance_relaxes_ratio": True} if self.surveillance_relaxes_ratio else {}),
            },
            "skill": {
                "candidates_per_examiner": self.candidates_per_examiner,
                "min_examiners": self.min_examiners,
                "examiners_odd": self.examiners_odd,
            },
            "review": {
                "min_members": self.min_review_members,
                "members_odd": self.review_members_odd,
                **({"employer_assessment": True} if self.review_employer_assessment else {}),
            },
            **({"notes": self.notes} if self.notes else {}),
        }


@dataclass(frozen=True)
class Subtype:
    name: str
    levels: tuple[Level, ...]


@dataclass(frozen=True)
class Borrowed:
    """Rules a standard does not set itself and takes from another (570002 from 4-13-99-02 1.9)."""

    source: str  # where from, e.g. "4-13-99-02 (2022) 1.9"
    fields: tuple[str, ...]  # a subset of RULE_FIELDS


@dataclass(frozen=True)
class OwnerRules:
    """What an exam owner's weight file sets for one level besides its weight tables.

    Only rules the standard borrows may be set (see `Standard.borrowed`); a part or staffing
    section left out keeps the borrowed value.
    """

    source: str  # the weight file's `source`: who decided
    pass_mark: int | None = None
    min_minutes: Mapping[Part, int] = field(default_factory=dict)
    staffing: Staffing | None = None  # the whole effective staffing, sections merged
    staffing_parts: tuple[Part, ...] = ()  # the sections the owner set


class OriginKind(StrEnum):
    STANDARD = "standard"  # the standard sets it
    BORROWED = "borrowed"  # taken from another standard, see Standard.borrowed
    OWNER = "owner"  # set by the exam owner in a weight file


@dataclass(frozen=True)
class Origin:
    """Where a rule's value comes from: `source` names the standard borrowed from or the owner."""

    kind: OriginKind
    source: str = ""

    def as_dict(self) -> dict[str, str]:
        return {"kind": self.kind.value, **({"from": self.source} if self.source else {})}


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
    borrowed: Borrowed | None = None
    # who supplied the weight tables and own areas (a weight file's `source`); "" as published
    owner_source: str = ""

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
        if level.owner is not None and part in level.owner.min_minutes:
            return level.owner.min_minutes[part]
        return self.min_minutes.get(part)

    def pass_mark_for(self, level: Level) -> int:
        if level.owner is not None and level.owner.pass_mark is not None:
            return level.owner.pass_mark
        return self.pass_mark

    def staffing_for(self, level: Level) -> Staffing:
        if level.owner is not None and level.owner.staffing is not None:
            return level.owner.staffing
        return self.staffing

    def is_borrowed(self, rule: str) -> bool:
        return self.borrowed is not None and rule in self.borrowed.fields

    def origin(self, rule: str, level: Level | None = None, part: Part | None = None) -> Origin:
        """Where `rule` (one of RULE_FIELDS) comes from for `level` (and, for min_minutes and
        staffing, one `part`; without a part, the exam owner counts when he set any of it)."""
        owner = level.owner if level is not None else None
        if owner is not None:
            if rule == "pass_mark":
                mine = owner.pass_mark is not None
            elif rule == "min_minutes":
                mine = part in owner.min_minutes if part is not None else bool(owner.min_minutes)
            else:
                mine = part in owner.staffing_parts if part is not None else bool(owner.staffing_parts)
            if mine:
                return Origin(OriginKind.OWNER, owner.source)
        if self.borrowed is not None and rule in self.borrowed.fields:
            return Origin(OriginKind.BORROWED, self.borrowed.source)
        return Origin(OriginKind.STANDARD)

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

    def with_owner_levels(self, levels: Mapping[str, Level], source: str, subtype: str | None = None) -> Standard:
        """This standard as an exam owner's weight file makes it: `levels` (by level id as text)
        replace the standard's levels of the same id; `source` names the owner."""

        def patched(old: tuple[Level, ...]) -> tuple[Level, ...]:
            return tuple(levels.get(str(lv.level), lv) for lv in old)

        if subtype is None:
            return replace(self, levels=patched(self.levels), owner_source=source)
        subtypes = tuple(Subtype(st.name, patched(st.levels)) if st.name == subtype else st for st in self.subtypes)
        return replace(self, subtypes=subtypes, owner_source=source)


def check_weight_table(weights: Mapping[str, int], level: Level, part: Part, where: str) -> list[tuple[str, str]]:
    """Problems with one weight table, as (field path, message) pairs."""
    problems: list[tuple[str, str]] = []
    own = {a.name for a in level.own_areas}
    for area, pct in weights.items():
        if not isinstance(pct, int) or isinstance(pct, bool) or pct <= 0:
            problems.append((f"{where}.{area}", f"weight must be a positive integer, got {pct!r}"))
        if level.area(area) is None:
            known = "、".join(a.name for a in (*level.basic, *level.own_areas, *level.areas))
            problems.append((f"{where}.{area}", f"unknown area {area!r}; this level has: {known}"))
        elif part is Part.SKILL and area in BASIC_AREAS:
            problems.append((f"{where}.{area}", "基本要求 areas are not weighted in skill tables"))
        elif part is Part.SKILL and area in own:
            problems.append((f"{where}.{area}", "the exam owner's own areas are weighted in theory tables only"))
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
    if std.borrowed is not None:
        problems += check_borrowed(std.borrowed)

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
            for area in (*lv.basic, *lv.own_areas, *lv.areas):
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


def check_borrowed(borrowed: Borrowed) -> list[tuple[str, str]]:
    problems: list[tuple[str, str]] = []
    if not borrowed.source.strip():
        problems.append(("borrowed.from", "name the standard (and section) the rules are borrowed from"))
    if not borrowed.fields:
        problems.append(("borrowed.fields", "empty: list the rules borrowed"))
    for i, name in enumerate(borrowed.fields):
        if name not in RULE_FIELDS:
            problems.append((f"borrowed.fields[{i}]", f"unknown rule {name!r}; use {', '.join(RULE_FIELDS)}"))
        elif name in borrowed.fields[:i]:
            problems.append((f"borrowed.fields[{i}]", f"{name} is listed twice"))
    return problems


def check_owner_rules(std: Standard, level: Level, where: str) -> list[tuple[str, str]]:
    """An exam owner may set only the rules the standard borrows, to sensible values."""
    problems: list[tuple[str, str]] = []
    owner = level.owner
    if owner is None:
        return problems
    set_here = [
        ("pass_mark", owner.pass_mark is not None),
        ("min_minutes", bool(owner.min_minutes)),
        ("staffing", bool(owner.staffing_parts)),
    ]
    for rule, given in set_here:
        if given and not std.is_borrowed(rule):
            problems.append((f"{where}.{rule}", f"{std.code} sets {rule} itself; a weight file cannot change it"))
    if owner.pass_mark is not None and not 1 <= owner.pass_mark <= 100:
        problems.append((f"{where}.pass_mark", f"must be between 1 and 100, got {owner.pass_mark}"))
    for part, minutes in owner.min_minutes.items():
        if minutes <= 0:
            problems.append((f"{where}.min_minutes.{part.value}", "must be positive"))
    staffing = owner.staffing
    if staffing is not None:
        counts = [
            (Part.THEORY, "candidates_per_proctor", staffing.candidates_per_proctor),
            (Part.THEORY, "min_proctors_per_room", staffing.min_proctors_per_room),
            (Part.SKILL, "candidates_per_examiner", staffing.candidates_per_examiner),
            (Part.SKILL, "min_examiners", staffing.min_examiners),
            (Part.REVIEW, "min_members", staffing.min_review_members),
        ]
        for part, name, value in counts:
            if part in owner.staffing_parts and value <= 0:
                problems.append((f"{where}.staffing.{part.value}.{name}", "must be positive"))
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
