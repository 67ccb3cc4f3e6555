"""Fixed papers: papers the exam owner assembled before the day (`examdesk paper build --json`, one
paper, or `--forms N --json`, parallel forms) and sealed in a package (docs/packages.md). The centre
uses them as they are, after checking each against the banks sealed with them and the level's
weight table: every item is in the banks with the type and area the paper says, its option order
is a reordering of the item's options, no item comes twice, and the points per area are the weight
table's exactly.

Pure: JSON text in, papers and problems out; no Qt, no SQL.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from app.domain.blueprint import MultipleCredit
from app.domain.items import Item, SkillTask
from app.domain.paper_assembly import Paper, PaperItem
from app.domain.standards import Part
from app.errors import Problem


def paper_file_json(paper: Paper) -> dict[str, object]:
    """A paper as `paper build --json` writes it for a sealed package: `Paper.as_json` and how its
    多项选择题 are scored (the centre scores them so)."""
    return {**paper.as_json(), "multiple_credit": paper.multiple_credit.value}


def read_papers(name: str, text: str) -> tuple[list[tuple[str, Paper]], list[Problem]]:
    """The papers of one file as `paper build --json` writes it: a paper, or {"forms": [paper, ...]},
    each with where it is in the file ("" or "forms[i]"). Problems name the file and the field; no
    paper is returned from a file with problems."""
    try:
        raw: Any = json.loads(text)
    except ValueError as exc:
        return [], [Problem(name, None, "", f"not JSON: {exc}")]  # the reason as the JSON reader gives it
    if isinstance(raw, dict) and "forms" in raw:
        entries, prefix = raw["forms"], "forms"
        if not isinstance(entries, list) or not entries:
            return [], [Problem(name, None, "forms", "must be a list of papers")]
    else:
        entries, prefix = [raw], ""
    papers: list[tuple[str, Paper]] = []
    problems: list[Problem] = []
    for i, entry in enumerate(entries):
        where = f"{prefix}[{i}]" if prefix else ""
        paper = _paper(name, where, entry, problems)
        if paper is not None:
            papers.append((where, paper))
    return ([] if problems else papers), problems


def _paper(name: str, where: str, raw: Any, problems: list[Problem]) -> Paper | None:
    def at(field: str) -> str:
        return f"{where}.{field}" if where else field

    if not isinstance(raw, dict):
        problems.append(Problem(name, None, where, "must be a paper (an object with standard, level, part, items)"))
        return None
    missing = [f for f in ("seed", "standard", "level", "part", "items") if f not in raw]
    if missing:
        problems.append(Problem(name, None, where, f"a paper lacks {', '.join(missing)}"))
        return None
    try:
        part = Part(str(raw["part"]))
    except ValueError:
        problems.append(Problem(name, None, at("part"), f"{raw['part']!r} is not theory or skill"))
        return None
    if part not in (Part.THEORY, Part.SKILL):
        problems.append(Problem(name, None, at("part"), "a review has no paper"))
        return None
    if not isinstance(raw["items"], list) or not raw["items"]:
        problems.append(Problem(name, None, at("items"), "must be a list of items"))
        return None
    items = []
    for j, entry in enumerate(raw["items"]):
        field = at(f"items[{j}]")
        if not isinstance(entry, dict) or not {"id", "type", "area", "points"} <= set(entry):
            problems.append(Problem(name, None, field, "must have id, type, area and points"))
            continue
        try:
            points = Decimal(str(entry["points"]))
        except InvalidOperation:
            points = Decimal("NaN")
        if not points.is_finite() or points <= 0:
            problems.append(Problem(name, None, f"{field}.points", f"{entry['points']!r} is not a positive number"))
            continue
        order = entry.get("options_order") or []
        if not isinstance(order, list):
            problems.append(Problem(name, None, f"{field}.options_order", "must be a list of option labels"))
            continue
        items.append(PaperItem(str(entry["id"]), str(entry["type"]), str(entry["area"]), points,
                               tuple(str(o) for o in order)))  # fmt: skip
    try:
        credit = MultipleCredit(str(raw.get("multiple_credit", MultipleCredit.ALL_OR_NOTHING.value)))
    except ValueError:
        problems.append(Problem(name, None, at("multiple_credit"), f"{raw['multiple_credit']!r} is not a way to "
                                "score multiple choice (all_or_nothing or proportional)"))  # fmt: skip
        return None
    subtype = raw.get("subtype")
    return Paper(seed=str(raw["seed"]), standard=str(raw["standard"]),
                 subtype=None if subtype is None else str(subtype), level=str(raw["level"]), part=part,
                 items=tuple(items), area_points={},
                 multiple_credit=credit)  # fmt: skip


def check_paper(name: str, where: str, paper: Paper, area_points: Mapping[str, Decimal],
                items: Mapping[str, Item], tasks: Mapping[str, SkillTask]) -> list[Problem]:  # fmt: skip
    """Whether a fixed paper can be used as it is: against the banks sealed with it and the level's
    weight table (`area_points`: area -> points, adding up to 100)."""
    problems: list[Problem] = []

    def at(field: str) -> str:
        return f"{where}.{field}" if where else field

    seen: set[str] = set()
    by_area: dict[str, Decimal] = {}
    level = str(paper.level)
    for j, entry in enumerate(paper.items):
        field = f"items[{j}] ({entry.id})"
        if entry.id in seen:
            problems.append(Problem(name, None, at(field), "is in the paper twice"))
        seen.add(entry.id)
        by_area[entry.area] = by_area.get(entry.area, Decimal(0)) + entry.points
        found: Item | SkillTask | None = tasks.get(entry.id) if paper.part == Part.SKILL else items.get(entry.id)
        if found is None and paper.part == Part.SKILL:
            problems.append(Problem(name, None, at(field), "is not a skill task of the banks sealed with the paper"))
        elif found is None:
            problems.append(Problem(name, None, at(field), "is not an item of the banks sealed with the paper"))
        if found is None:
            continue
        levels = [str(lv) for lv in found.levels]
        if level not in levels:
            problems.append(Problem(name, None, at(field),
                                    f"is written for level {', '.join(levels)}, not level {level}"))  # fmt: skip
        if found.area != entry.area:
            problems.append(Problem(name, None, at(f"{field}.area"),
                                    f"is {entry.area}, the bank gives it area {found.area}"))  # fmt: skip
        if isinstance(found, Item):
            if found.type.value != entry.type:
                problems.append(Problem(name, None, at(f"{field}.type"),
                                        f"is {entry.type}, the item's type is {found.type.value}"))  # fmt: skip
            if sorted(entry.options_order) != sorted(found.option_labels):
                problems.append(Problem(name, None, at(f"{field}.options_order"),
                                        f"must order the item's options {', '.join(found.option_labels)}"))  # fmt: skip
    for area in sorted(set(area_points) | set(by_area)):
        want, got = area_points.get(area, Decimal(0)), by_area.get(area, Decimal(0))
        if want != got:
            problems.append(Problem(name, None, at("items"), f"area {area} has {_num(got)} points; the weight table "
                                    f"gives it {_num(want)}"))  # fmt: skip
    return problems


def _num(value: Decimal) -> str:
    return str(int(value)) if value == value.to_integral_value() else str(value)


def form_for(ticket: str, forms: Sequence[Paper]) -> Paper:
    """The form a candidate sits: chosen by the admission ticket, so the same ticket always gets the
    same form, and neighbours' tickets spread over the forms."""
    digest = hashlib.sha256(f"examdesk/fixed-paper/{ticket}".encode()).digest()
    return forms[int.from_bytes(digest[:8], "big") % len(forms)]
