"""Blueprint files (`examdesk-blueprint/1`): the theory type mix, per standard/subtype/level.

The most specific file wins: one naming standard, subtype and level beats one naming only the
standard, which beats the default (`standard: "*"`).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from app.banks.bank_file import MAX_POINTS
from app.banks.fields import FieldReader, parse_path
from app.banks.yaml_source import YamlFileError, load_yaml
from app.domain.blueprint import MultipleCredit, Section, TypeMix
from app.domain.items import ItemType
from app.domain.standards import LevelId
from app.errors import DataFileError, Problem

SCHEMA = "examdesk-blueprint/1"


@dataclass(frozen=True)
class BlueprintRule:
    standard: str  # "*" for any
    subtype: str | None  # None for any
    level: str | None  # None for any
    mix: TypeMix
    source: str

    def matches(self, standard: str, subtype: str | None, level: LevelId) -> bool:
        return (
            self.standard in ("*", standard)
            and (self.subtype is None or self.subtype == subtype)
            and (self.level is None or self.level == str(level))
        )

    @property
    def specificity(self) -> int:
        return (self.standard != "*") + (self.subtype is not None) + (self.level is not None)


def read_blueprint(path: Path) -> BlueprintRule:
    try:
        root = load_yaml(path)
    except YamlFileError as exc:
        raise DataFileError([exc.problem]) from None
    r = FieldReader(str(path), root)
    doc = r.mapping(root, ()) or {}
    schema = r.get(doc, (), "schema", str)
    if schema is not None and schema != SCHEMA:
        r.problem(("schema",), f"expected {SCHEMA!r}, got {schema!r}")
    part = r.get(doc, (), "part", str)
    if part is not None and part != "theory":
        r.problem(("part",), "only theory blueprints have a type mix; skill papers take one task per area")
    scope = r.mapping(doc.get("applies_to", {}), ("applies_to",)) or {}
    standard = str(r.get(scope, ("applies_to",), "standard", (str, int), required=False, default="*"))
    subtype = r.get(scope, ("applies_to",), "subtype", str, required=False)
    level = r.get(scope, ("applies_to",), "level", (str, int), required=False)
    sections = []
    for i, raw in enumerate(r.sequence(doc.get("sections"), ("sections",))):
        here = ("sections", i)
        sec = r.mapping(raw, here) or {}
        type_name = r.get(sec, here, "type", str)
        count = r.get(sec, here, "count", int)
        points_raw = r.get(sec, here, "points", (int, float, str))
        try:
            item_type = ItemType(type_name) if type_name else None
        except ValueError:
            r.problem((*here, "type"), f"unknown item type {type_name!r}")
            item_type = None
        if item_type is not None and item_type.examiner_scored:
            r.problem((*here, "type"), f"{type_name} items are examiner-scored; a theory mix holds objective types")
        try:
            points = Decimal(str(points_raw)) if points_raw is not None else None
        except InvalidOperation:
            points = Decimal("NaN")
        if points is not None and not points.is_finite():  # `.inf` and `.nan` are numbers to YAML
            r.problem((*here, "points"), f"must be a number, got {points_raw!r}")
            points = None
        elif points is not None and points.copy_abs() > MAX_POINTS:  # a paper is 100 points
            r.problem((*here, "points"), f"must be at most {MAX_POINTS}, got {points_raw!r}")
            points = None
        if item_type is not None and count is not None and points is not None:
            sections.append(Section(item_type, count, points))
    credit_raw = r.get(doc, (), "multiple_credit", str, required=False, default="all_or_nothing")
    try:
        credit = MultipleCredit(credit_raw)
    except ValueError:
        r.problem(("multiple_credit",), "must be all_or_nothing or proportional")
        credit = MultipleCredit.ALL_OR_NOTHING
    difficulty = r.mapping(doc.get("difficulty", {}), ("difficulty",)) or {}
    target = r.get(difficulty, ("difficulty",), "target", (int, float), required=False, default=3.0)
    tolerance = r.get(difficulty, ("difficulty",), "tolerance", (int, float), required=False, default=0.5)
    if not 0 <= tolerance <= 4:  # also refuses .nan; 4 already admits any mean difficulty
        r.problem(("difficulty", "tolerance"), "must be between 0 and 4")
        tolerance = 0.5
    mix = TypeMix(
        sections=tuple(sections),
        multiple_credit=credit,
        difficulty_target=float(target),
        difficulty_tolerance=float(tolerance),
        name=r.get(doc, (), "name", str, required=False, default=path.stem),
    )
    if not r.problems:
        for location, message in mix.check():
            r.problem(parse_path(location), message)
    if r.problems:
        raise DataFileError(r.problems)
    return BlueprintRule(standard, subtype, None if level is None else str(level), mix, str(path))


def read_blueprints(directory: Path) -> list[BlueprintRule]:
    rules, problems = [], []
    for path in sorted(directory.glob("*.yaml")):
        try:
            rules.append(read_blueprint(path))
        except DataFileError as exc:
            problems += exc.problems
    if problems:
        raise DataFileError(problems)
    return rules


def choose_mix(rules: list[BlueprintRule], standard: str, subtype: str | None, level: LevelId) -> TypeMix:
    matching = [r for r in rules if r.matches(standard, subtype, level)]
    if not matching:
        raise DataFileError(
            [Problem("blueprints", None, "", f"no theory blueprint applies to {standard} level {level}")]
        )
    top = max(r.specificity for r in matching)
    best = [r for r in matching if r.specificity == top]
    if len(best) > 1:
        names = ", ".join(r.source for r in best)
        message = f"{len(best)} blueprints apply equally to {standard} level {level}: {names}"
        raise DataFileError([Problem("blueprints", None, "", message)])
    return best[0].mix
