"""Question bank files (`examdesk-bank/1`, see docs/bank-format.md): reading and validation.

All files given are read and checked before anything is returned, so a caller either gets the
whole set or a DataFileError listing every problem with its file, line and field.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from app.banks.fields import FieldReader, parse_path
from app.banks.yaml_source import YamlFileError, load_yaml, parse_yaml
from app.domain.items import (
    Item,
    ItemType,
    OralCard,
    RubricPoint,
    SkillTask,
    TaskMode,
    check_item_shape,
    check_placement,
    check_task_shape,
)
from app.domain.standards import Level, LevelId, Part, Standard
from app.errors import DataFileError, Problem

SCHEMA = "examdesk-bank/1"
STANDARD_SCHEMA = "examdesk-standard/1"
OTHER_SCHEMAS = ("examdesk-weights/1", "examdesk-blueprint/1", "examdesk-mapping/1", "examdesk-review-criteria/1")
MAX_POINTS = 100  # an item's points, a rubric point's maximum


@dataclass(frozen=True)
class BankInfo:
    bank: str
    title: str
    standard: str
    subtypes: tuple[str | None, ...]  # None is the main occupation
    version: str
    source: str
    item_count: int
    task_count: int


@dataclass
class BankSet:
    """Everything read from a set of bank files."""

    banks: list[BankInfo] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    tasks: list[SkillTask] = field(default_factory=list)
    # bank id -> the (standard, subtype) groups it serves
    groups: dict[str, tuple[tuple[str, str | None], ...]] = field(default_factory=dict)

    def items_for(self, standard: str, subtype: str | None, level: LevelId) -> list[Item]:
        return [
            it
            for it in self.items
            if (standard, subtype) in self.groups[it.bank] and any(str(lv) == str(level) for lv in it.levels)
        ]

    def tasks_for(self, standard: str, subtype: str | None, level: LevelId) -> list[SkillTask]:
        return [
            t
            for t in self.tasks
            if (standard, subtype) in self.groups[t.bank] and any(str(lv) == str(level) for lv in t.levels)
        ]


def bank_files(paths: Iterable[Path]) -> list[Path]:
    """YAML files named by `paths` (files as given, directories searched), sorted, deduplicated."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out += sorted(p for p in path.rglob("*.yaml") if p.is_file())
            out += sorted(p for p in path.rglob("*.yml") if p.is_file())
        else:
            out.append(path)
    seen: set[Path] = set()
    unique = []
    for p in out:
        key = p.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(p)
    return unique


def read_banks(
    paths: Iterable[Path],
    standards: Mapping[str, Standard],
    *,
    strict_schema: bool = True,
    sources: Iterable[tuple[str, str]] = (),
    owner_areas_open: bool = True,
) -> BankSet:
    """Read and validate every bank file under `paths`, and banks given as (name, text) `sources`
    (banks imported into the store). All of them together: ids must be unique across them.

    Files of other ExamDesk kinds (standards, weights, blueprints) found while searching
    directories are skipped; a file with no or an unknown schema is a problem. An item's
    `enemies` may name items of any bank read together with it.

    For a standard without official weights, an area it does not define may be an area of the
    exam owner's own (a weight file's `own_areas`); with `owner_areas_open=False` it must be
    defined by the standard as given (pass it with the weight files' areas applied).
    """
    result = BankSet()
    problems: list[Problem] = []
    item_origin: dict[str, str] = {}
    bank_origin: dict[str, str] = {}
    seen = _Seen(owner_areas_open=owner_areas_open)
    loaded: list[tuple[Any, Path, bool]] = []  # (root, where, whether media files can be found)
    for path in bank_files(paths):
        if not path.exists():
            problems.append(Problem(str(path), None, "", "no such file or directory"))
            continue
        try:
            loaded.append((load_yaml(path), path, True))
        except YamlFileError as exc:
            problems.append(exc.problem)
    for name, text in sources:
        try:
            loaded.append((parse_yaml(text, name), Path(name), False))
        except YamlFileError as exc:
            problems.append(exc.problem)
    for root, path, on_disk in loaded:
        schema = root.get("schema") if isinstance(root, dict) else None
        if schema in (STANDARD_SCHEMA, *OTHER_SCHEMAS):
            continue
        r = FieldReader(str(path), root)
        if schema != SCHEMA:
            if strict_schema:
                r.problem(("schema",), f"expected {SCHEMA!r}, got {schema!r}")
            problems += r.problems
            continue
        _read_one(r, root, path, standards, result, item_origin, bank_origin, on_disk, seen)
        problems += r.problems
    problems += _check_enemies(seen, item_origin)
    if problems:
        raise DataFileError(problems)
    return result


@dataclass
class _Seen:
    """What the enemy check needs from every file: task ids, and each `enemies` entry with its place."""

    task_ids: set[str] = field(default_factory=set)
    # areas a standard without official weights does not define are the exam owner's, checked
    # later (False: every area must be known, e.g. validating banks together with weight files)
    owner_areas_open: bool = True
    # (the file's reader, the entry's path, the item's id, the id it names)
    enemy_refs: list[tuple[FieldReader, tuple[Any, ...], str, str]] = field(default_factory=list)

    def open_areas(self, std: Standard) -> bool:
        return self.owner_areas_open and not std.official_weights


def _check_enemies(seen: _Seen, item_origin: Mapping[str, str]) -> list[Problem]:
    """Every id an item lists as its enemy is an item in one of the banks read together."""
    problems: list[Problem] = []
    for r, where, label, other in seen.enemy_refs:
        before = len(r.problems)
        if other in seen.task_ids:
            r.problem(where, f"{other!r} is a skill task; enemies are items", label)
        elif other not in item_origin:
            r.problem(where, f"unknown item {other!r}: no bank read with this one has it", label)
        problems += r.problems[before:]
    return problems


def _groups_of(r: FieldReader, doc: Mapping[str, Any], std: Standard) -> list[tuple[str | None, tuple[Level, ...]]]:
    raw = doc.get("subtype")
    names: list[Any] = raw if isinstance(raw, list) else [raw]
    groups: list[tuple[str | None, tuple[Level, ...]]] = []
    known = [st.name for st in std.subtypes]
    for name in names:
        if name is None or name == std.name:
            groups.append((None, std.levels))
        elif isinstance(name, str) and name in known:
            groups.append((name, std.level_list(name)))
        else:
            choices = "、".join([std.name, *known])
            r.problem(("subtype",), f"unknown subtype {name!r}; {std.code} has: {choices}")
    return groups


def _read_one(
    r: FieldReader,
    root: Any,
    path: Path,
    standards: Mapping[str, Standard],
    result: BankSet,
    item_origin: dict[str, str],
    bank_origin: dict[str, str],
    on_disk: bool,
    seen: _Seen,
) -> None:
    doc = r.mapping(root, ())
    if doc is None:
        return
    bank_id = r.get(doc, (), "bank", str)
    code = r.get(doc, (), "standard", (str, int))
    if bank_id is None or code is None:
        return
    std = standards.get(str(code))
    if std is None:
        r.problem(("standard",), f"unknown standard {code}; known: {', '.join(sorted(standards))}")
        return
    if bank_id in bank_origin:
        r.problem(("bank",), f"bank id {bank_id!r} already used by {bank_origin[bank_id]}")
        return
    bank_origin[bank_id] = str(path)
    groups = _groups_of(r, doc, std)
    if not groups:
        return

    items: list[Item] = []
    tasks: list[SkillTask] = []
    for section, read, out in (("items", _read_item, items), ("tasks", _read_task, tasks)):
        for i, raw in enumerate(r.sequence(doc.get(section), (section,))):
            raw_id = raw.get("id") if isinstance(raw, dict) else None
            duplicate = False
            if raw_id is not None:
                # ids are unique across items and tasks of every file, valid or not
                if str(raw_id) in item_origin:
                    r.problem((section, i, "id"),
                              f"duplicate id {str(raw_id)!r} (first in {item_origin[str(raw_id)]})",
                              str(raw_id))  # fmt: skip
                    duplicate = True
                else:
                    item_origin[str(raw_id)] = str(path)
                    if section == "tasks":
                        seen.task_ids.add(str(raw_id))
            # a duplicate is read all the same, so that its other problems are listed too
            entry = read(r, raw, (section, i), bank_id, std, groups, path if on_disk else None, seen)
            if entry is not None and not duplicate:
                out.append(entry)
    if not doc.get("items") and not doc.get("tasks"):
        r.problem((), "the bank has neither items nor tasks")

    result.items += items
    result.tasks += tasks
    result.groups[bank_id] = tuple((std.code, sub) for sub, _ in groups)
    result.banks.append(
        BankInfo(
            bank=bank_id,
            title=r.get(doc, (), "title", str, required=False, default=""),
            standard=std.code,
            subtypes=tuple(sub for sub, _ in groups),
            # a date is a version too (`version: 2026-01-15`); a date that is not real is refused when read
            version=str(r.get(doc, (), "version", (str, int, float, date), required=False, default="")),
            source=str(path),
            item_count=len(items),
            task_count=len(tasks),
        )
    )


def _decimal(r: FieldReader, doc: Mapping[str, Any], here: tuple[Any, ...], key: str, label: str) -> Decimal | None:
    value = r.get(doc, here, key, (int, float, str), label=label)
    if value is None:
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        number = None
    if number is None or not number.is_finite():  # `.inf` and `.nan` are numbers to YAML
        r.problem((*here, key), f"must be a number, got {value!r}", label)
        return None
    if number.copy_abs() > MAX_POINTS:  # a whole paper is 100 points
        r.problem((*here, key), f"must be at most {MAX_POINTS}, got {value!r}", label)
        return None
    return number


def _levels(r: FieldReader, doc: Mapping[str, Any], here: tuple[Any, ...], label: str) -> tuple[LevelId, ...]:
    raw = doc.get("levels")
    if raw is None:
        r.problem((*here, "levels"), "missing", label)
        return ()
    values = raw if isinstance(raw, list) else [raw]
    out: list[LevelId] = []
    for v in values:
        if isinstance(v, bool) or not isinstance(v, int | str) or not str(v).strip():
            r.problem((*here, "levels"), f"a level must be a number or name, got {v!r}", label)
        else:
            out.append(v)
    return tuple(out)


def _rubric(r: FieldReader, raw: Any, here: tuple[Any, ...], label: str) -> tuple[RubricPoint, ...]:
    points = []
    for j, entry in enumerate(r.sequence(raw, (*here, "rubric"), label)):
        rp = r.mapping(entry, (*here, "rubric", j), label)
        if rp is None:
            continue
        text = r.get(rp, (*here, "rubric", j), "point", str, label=label)
        maximum = _decimal(r, rp, (*here, "rubric", j), "max", label)
        if text is not None and maximum is not None:
            points.append(RubricPoint(text, maximum))
    return tuple(points)


def _task_mode(r: FieldReader, doc: Mapping[str, Any], here: tuple[Any, ...], label: str) -> TaskMode | None:
    raw = r.get(doc, here, "mode", str, required=False, default=TaskMode.WRITTEN.value, label=label)
    try:
        return TaskMode(raw)
    except ValueError:
        known = ", ".join(m.value for m in TaskMode)
        r.problem((*here, "mode"), f"unknown mode {raw!r}; use one of {known}", label)
        return None


def _cards(r: FieldReader, raw: Any, here: tuple[Any, ...], label: str) -> tuple[OralCard, ...]:
    cards = []
    for j, entry in enumerate(r.sequence(raw, (*here, "cards"), label)):
        card = r.mapping(entry, (*here, "cards", j), label)
        if card is None:
            continue
        question = r.get(card, (*here, "cards", j), "question", str, label=label)
        expected = r.strings(card.get("expected"), (*here, "cards", j, "expected"), label)
        if question is not None:
            cards.append(OralCard(question.strip(), expected))
    return tuple(cards)


def _report(r: FieldReader, here: tuple[Any, ...], found: list[tuple[str, str]], label: str) -> None:
    for fld, message in found:
        r.problem((*here, *parse_path(fld)), message, label)


def _read_item(
    r: FieldReader,
    raw: Any,
    here: tuple[Any, ...],
    bank_id: str,
    std: Standard,
    groups: list[tuple[str | None, tuple[Level, ...]]],
    path: Path | None,
    seen: _Seen,
) -> Item | None:
    doc = r.mapping(raw, here)
    if doc is None:
        return None
    item_id = r.get(doc, here, "id", (str, int))
    label = str(item_id) if item_id is not None else None
    before = len(r.problems)
    type_name = r.get(doc, here, "type", str, label=label)
    try:
        item_type = ItemType(type_name) if type_name is not None else None
    except ValueError:
        known = ", ".join(t.value for t in ItemType)
        r.problem((*here, "type"), f"unknown type {type_name!r}; use one of {known}", label)
        item_type = None
    area = r.get(doc, here, "area", str, label=label)
    code = r.get(doc, here, "code", (str, int, float), label=label)
    levels = _levels(r, doc, here, label or "")
    difficulty = r.get(doc, here, "difficulty", int, label=label)
    points = _decimal(r, doc, here, "points", label or "")
    stem = r.get(doc, here, "stem", str, label=label)
    options: list[tuple[str, str]] = []
    if doc.get("options") is not None:
        opts = r.mapping(doc.get("options"), (*here, "options"), label) or {}
        options = [(str(k), str(v) if v is not None else "") for k, v in opts.items()]
    key = _read_key(r, doc, here, item_type, label)
    media = r.strings(doc.get("media"), (*here, "media"), label)
    for j, m in enumerate(media):
        if path is None:
            r.problem((*here, "media", j), "media files cannot be imported into the store yet", label)
        elif not (path.parent / m).is_file():
            r.problem((*here, "media", j), f"file not found: {m}", label)
    enemies = r.strings(doc.get("enemies"), (*here, "enemies"), label)
    if item_id is not None:  # checked once every file is read: an enemy may be in another bank
        seen.enemy_refs += [(r, (*here, "enemies", j), str(item_id), other) for j, other in enumerate(enemies)
                            if other != str(item_id)]  # fmt: skip
    if len(r.problems) > before or item_type is None or None in (item_id, area, code, difficulty, points, stem):
        return None
    item = Item(
        id=str(item_id),
        type=item_type,
        area=area,
        code=str(code),
        levels=levels,
        difficulty=difficulty,
        points=points,
        stem=stem,
        options=tuple(options),
        key=key,
        explanation=r.get(doc, here, "explanation", str, required=False, default="", label=label),
        media=media,
        fixed_order=r.get(doc, here, "fixed_order", bool, required=False, default=False, label=label),
        rubric=_rubric(r, doc.get("rubric"), here, label or "") if doc.get("rubric") else (),
        bank=bank_id,
        enemies=enemies,
    )
    found = check_item_shape(item)
    if levels:
        found += check_placement(
            std, groups, levels, item.area, item.code, Part.THEORY, open_areas=seen.open_areas(std)
        )
    _report(r, here, found, label or "")
    return None if found else item


def _read_key(
    r: FieldReader, doc: Mapping[str, Any], here: tuple[Any, ...], item_type: ItemType | None, label: str | None
) -> Any:
    raw = doc.get("key")
    if item_type is None:
        return None
    if raw is None:
        if item_type.examiner_scored:
            return None
        r.problem((*here, "key"), "missing", label)
        return None
    if item_type is ItemType.MULTIPLE:
        return tuple(str(k) for k in raw) if isinstance(raw, list) else raw
    if item_type is ItemType.FILL:
        if isinstance(raw, list):
            return tuple(tuple(str(a) for a in blank) if isinstance(blank, list) else (str(blank),) for blank in raw)
        return raw
    if item_type is ItemType.SINGLE:
        return str(raw) if isinstance(raw, str | int) and not isinstance(raw, bool) else raw
    return raw


def _read_task(
    r: FieldReader,
    raw: Any,
    here: tuple[Any, ...],
    bank_id: str,
    std: Standard,
    groups: list[tuple[str | None, tuple[Level, ...]]],
    path: Path | None,
    seen: _Seen,
) -> SkillTask | None:
    doc = r.mapping(raw, here)
    if doc is None:
        return None
    task_id = r.get(doc, here, "id", (str, int))
    label = str(task_id) if task_id is not None else ""
    before = len(r.problems)
    area = r.get(doc, here, "area", str, label=label)
    code = r.get(doc, here, "code", (str, int, float), label=label)
    levels = _levels(r, doc, here, label)
    title = r.get(doc, here, "title", str, label=label)
    instructions = r.get(doc, here, "instructions", str, label=label)
    minutes = r.get(doc, here, "minutes", int, label=label)
    rubric = _rubric(r, doc.get("rubric"), here, label)
    mode = _task_mode(r, doc, here, label)
    form = r.get(doc, here, "form", str, required=False, default="", label=label)
    cards = _cards(r, doc.get("cards"), here, label)
    if len(r.problems) > before or None in (task_id, area, code, title, instructions, minutes, mode):
        return None
    task = SkillTask(
        id=str(task_id),
        area=area,
        code=str(code),
        levels=levels,
        title=title,
        instructions=instructions,
        minutes=minutes,
        rubric=rubric,
        bank=bank_id,
        mode=mode,
        form=form.strip(),
        cards=cards,
    )
    found = check_task_shape(task)
    if levels:
        found += check_placement(std, groups, levels, area, task.code, Part.SKILL, open_areas=seen.open_areas(std))
    _report(r, here, found, label)
    return None if found else task
