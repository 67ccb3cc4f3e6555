"""Blueprint files (`examdesk-blueprint/1`): the theory type mix, per standard/subtype/level.

A file applies to what its `applies_to` names, and may give some levels their own mix, credit
rule or difficulty target under `levels` (each entry overrides the file's own values for that
level). The most specific rule wins, compared in this order: a named standard beats "*", then a
named subtype beats none, then a named level beats none. So an exam owner's file naming only the
standard overrides the bundled per-level defaults (`standard: "*"`) at every level of it.
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
    def specificity(self) -> tuple[bool, bool, bool]:
        return (self.standard != "*", self.subtype is not None, self.level is not None)


LEVEL_FIELDS = ("name", "sections", "multiple_credit", "difficulty")


def read_blueprint(path: Path) -> BlueprintRule:
    """The file's first rule: its own mix, or its first level's when it has only levels."""
    return read_blueprint_rules(path)[0]


def read_blueprint_rules(path: Path) -> list[BlueprintRule]:
    """Every rule a blueprint file makes: its own (if it has `sections`), and one per `levels` entry."""
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
    levels = r.mapping(doc["levels"], ("levels",)) if doc.get("levels") is not None else None
    if levels is not None and level is not None:
        r.problem(("levels",), "a file that applies to one level cannot set other levels")
    rules: list[BlueprintRule] = []
    base = None
    if levels is None or doc.get("sections") is not None:
        base = _read_mix(r, doc, (), path.stem, None)
        rules.append(BlueprintRule(standard, subtype, None if level is None else str(level), base, str(path)))
    for key, entry in (levels or {}).items():
        here = ("levels", str(key))
        raw = r.mapping(entry, here) or {}
        for name in raw:
            if name not in LEVEL_FIELDS:
                fields = ", ".join(LEVEL_FIELDS)
                r.problem((*here, name), f"unknown field {name!r}; a level may set: {fields}")
        merged = {**{k: doc[k] for k in LEVEL_FIELDS if k in doc}, **raw}
        if "difficulty" in raw and isinstance(doc.get("difficulty"), dict) and isinstance(raw["difficulty"], dict):
            merged["difficulty"] = {**doc["difficulty"], **raw["difficulty"]}
        mix = _read_mix(r, merged, here, f"{path.stem} {key}", raw)
        rules.append(BlueprintRule(standard, subtype, str(key), mix, f"{path} (levels.{key})"))
    if r.problems:
        raise DataFileError(r.problems)
    if not rules:
        r.problem(("sections",), "missing")
        raise DataFileError(r.problems)
    return rules


def _read_mix(r: FieldReader, doc: dict, at: tuple, default_name: str, own: dict | None) -> TypeMix:
    """The mix in `doc`; problems are reported at `at` for the fields `own` (a level's entry)
    gives, at the top of the file for the ones it takes from there."""

    def base(name: str) -> tuple:
        return at if own is None or name in own else ()

    def where(name: str) -> tuple:
        return (*base(name), name)

    sections = []
    for i, raw in enumerate(r.sequence(doc.get("sections"), where("sections"))):
        here = (*where("sections"), i)
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
    credit_raw = r.get(doc, base("multiple_credit"), "multiple_credit", str, required=False, default="all_or_nothing")
    try:
        credit = MultipleCredit(credit_raw)
    except ValueError:
        r.problem(where("multiple_credit"), "must be all_or_nothing or proportional")
        credit = MultipleCredit.ALL_OR_NOTHING
    difficulty = r.mapping(doc.get("difficulty", {}), where("difficulty")) or {}
    target = r.get(difficulty, where("difficulty"), "target", (int, float), required=False, default=3.0)
    tolerance = r.get(difficulty, where("difficulty"), "tolerance", (int, float), required=False, default=0.5)
    if not 0 <= tolerance <= 4:  # also refuses .nan; 4 already admits any mean difficulty
        inherited = own is not None and "tolerance" not in (own.get("difficulty") or {})
        if not inherited:  # a level's inherited tolerance is reported once, where the file sets it
            r.problem((*where("difficulty"), "tolerance"), "must be between 0 and 4")
        tolerance = 0.5
    mix = TypeMix(
        sections=tuple(sections),
        multiple_credit=credit,
        difficulty_target=float(target),
        difficulty_tolerance=float(tolerance),
        name=r.get(doc, base("name"), "name", str, required=False, default=default_name),
        source=r.source if own is None else f"{r.source} (levels.{at[-1]})",
    )
    if not r.problems:
        for location, message in mix.check():
            path = parse_path(location)
            r.problem((*base(path[0]), *path), message)
    return mix


def read_blueprints(directory: Path) -> list[BlueprintRule]:
    """The rules of a folder's blueprint files (none if there is no such folder)."""
    return read_blueprint_paths([directory]) if directory.is_dir() else []


def read_blueprint_paths(paths: list[Path]) -> list[BlueprintRule]:
    """The rules of blueprint files given as files or folders (their *.yaml files)."""
    rules, problems = [], []
    for path in paths:
        files = sorted(path.glob("*.yaml")) if path.is_dir() else [path]
        for file in files:
            try:
                rules += read_blueprint_rules(file)
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
