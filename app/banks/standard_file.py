"""Standard files (`examdesk-standard/1`, see docs/standard-format.md) in, Standard objects out."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from app.banks.fields import FieldReader, parse_path
from app.banks.yaml_source import YamlFileError, load_yaml, parse_yaml
from app.domain.standards import (
    Area,
    Content,
    Level,
    Part,
    Staffing,
    Standard,
    Subtype,
    check_standard,
    check_weight_table,
)
from app.errors import DataFileError, Problem

SCHEMA = "examdesk-standard/1"
WEIGHTS_SCHEMA = "examdesk-weights/1"


def read_standard(path: Path, display: str | None = None) -> Standard:
    """Load and check one standard file; DataFileError lists every problem found."""
    name = display or str(path)
    return _standard_from(lambda: load_yaml(path, name), name)


def read_standard_text(text: str, name: str) -> Standard:
    """The same for a standard held in memory (one imported into the store)."""
    return _standard_from(lambda: parse_yaml(text, name), name)


def _standard_from(load: Callable[[], Any], name: str) -> Standard:
    try:
        root = load()
    except YamlFileError as exc:
        raise DataFileError([exc.problem]) from None
    reader = FieldReader(name, root)
    std = _parse_standard(reader, root)
    if std is not None and not reader.problems:
        for location, message in check_standard(std):
            reader.problem(parse_path(location), message)
    if reader.problems or std is None:
        raise DataFileError(reader.problems)
    return std


def read_standards(directory: Path) -> dict[str, Standard]:
    """Every `*.yaml` standard in a directory, by code. All files are checked before any is used."""
    problems: list[Problem] = []
    out: dict[str, Standard] = {}
    for path in sorted(directory.glob("*.yaml")):
        try:
            std = read_standard(path)
        except DataFileError as exc:
            problems += exc.problems
            continue
        if std.code in out:
            problems.append(Problem(str(path), None, "code", f"standard {std.code} defined twice"))
        out[std.code] = std
    if problems:
        raise DataFileError(problems)
    return out


def _parse_standard(r: FieldReader, root: Any) -> Standard | None:
    doc = r.mapping(root, ())
    if doc is None:
        return None
    schema = r.get(doc, (), "schema", str)
    if schema is not None and schema != SCHEMA:
        r.problem(("schema",), f"unsupported schema {schema!r}, expected {SCHEMA!r}")
        return None
    code = r.get(doc, (), "code", (str, int))
    name = r.get(doc, (), "name", str)
    official = r.get(doc, (), "official_weights", bool, required=False, default=True)
    minutes_raw = r.mapping(doc.get("min_minutes", {}), ("min_minutes",)) or {}
    min_minutes: dict[Part, int] = {}
    for part in Part:
        value = r.get(minutes_raw, ("min_minutes",), part.value, int, required=part != Part.REVIEW)
        if value is not None:
            min_minutes[part] = value
    basic = _parse_areas(r, doc.get("basic"), ("basic",), basic=True)
    levels = _parse_levels(r, doc.get("levels"), ("levels",), basic)
    subtypes = []
    for i, raw in enumerate(r.sequence(doc.get("subtypes"), ("subtypes",))):
        st = r.mapping(raw, ("subtypes", i))
        if st is None:
            continue
        st_name = r.get(st, ("subtypes", i), "name", str, default="")
        st_basic = _parse_areas(r, st["basic"], ("subtypes", i, "basic"), basic=True) if st.get("basic") else basic
        st_levels = _parse_levels(r, st.get("levels"), ("subtypes", i, "levels"), st_basic)
        subtypes.append(Subtype(st_name, st_levels))
    if code is None or name is None:
        return None
    return Standard(
        code=str(code),
        name=name,
        edition=str(r.get(doc, (), "edition", (str, int), required=False, default="")),
        issuer=r.get(doc, (), "issuer", str, required=False, default=""),
        kind=r.get(doc, (), "kind", str, required=False, default="national"),
        official_weights=bool(official),
        pass_mark=r.get(doc, (), "pass_mark", int, required=False, default=60),
        min_minutes=min_minutes,
        staffing=_parse_staffing(r, doc.get("staffing")),
        levels=levels,
        subtypes=tuple(subtypes),
        notes=r.get(doc, (), "notes", str, required=False, default=""),
        source=r.source,
    )


def _parse_staffing(r: FieldReader, raw: Any) -> Staffing:
    doc = r.mapping(raw, ("staffing",)) or {}
    theory = r.mapping(doc.get("theory", {}), ("staffing", "theory")) or {}
    skill = r.mapping(doc.get("skill", {}), ("staffing", "skill")) or {}
    review = r.mapping(doc.get("review", {}), ("staffing", "review")) or {}
    return Staffing(
        candidates_per_proctor=r.get(theory, ("staffing", "theory"), "candidates_per_proctor", int, default=15),
        min_proctors_per_room=r.get(theory, ("staffing", "theory"), "min_proctors_per_room", int, default=2),
        candidates_per_examiner=r.get(skill, ("staffing", "skill"), "candidates_per_examiner", int, default=15),
        min_examiners=r.get(skill, ("staffing", "skill"), "min_examiners", int, default=3),
        examiners_odd=r.get(skill, ("staffing", "skill"), "examiners_odd", bool, default=True),
        min_review_members=r.get(review, ("staffing", "review"), "min_members", int, required=False, default=3),
        review_members_odd=r.get(review, ("staffing", "review"), "members_odd", bool, required=False, default=True),
        notes=r.get(doc, ("staffing",), "notes", str, required=False, default=""),
    )  # fmt: skip


def _parse_levels(r: FieldReader, raw: Any, path: tuple[Any, ...], basic: tuple[Area, ...]) -> tuple[Level, ...]:
    levels = []
    for i, entry in enumerate(r.sequence(raw, path)):
        lv = r.mapping(entry, (*path, i))
        if lv is None:
            continue
        here = (*path, i)
        level_id = r.get(lv, here, "level", (int, str))
        levels.append(
            Level(
                level=level_id if level_id is not None else f"?{i}",
                name=r.get(lv, here, "name", str, default=""),
                review_required=r.get(lv, here, "review_required", bool, required=False, default=False),
                areas=_parse_areas(r, lv.get("areas"), (*here, "areas"), basic=False),
                basic=basic,
                theory_weights=_parse_weights(r, lv, here, "theory_weights"),
                skill_weights=_parse_weights(r, lv, here, "skill_weights"),
            )
        )  # fmt: skip
    return tuple(levels)


def _parse_weights(r: FieldReader, lv: Any, here: tuple[Any, ...], key: str) -> dict[str, int] | None:
    raw = lv.get(key)
    if raw is None:
        return None
    table = r.mapping(raw, (*here, key))
    return {str(k): v for k, v in table.items()} if table is not None else None


def _parse_areas(r: FieldReader, raw: Any, path: tuple[Any, ...], *, basic: bool) -> tuple[Area, ...]:
    areas = []
    for i, entry in enumerate(r.sequence(raw, path)):
        doc = r.mapping(entry, (*path, i))
        if doc is None:
            continue
        here = (*path, i)
        contents = []
        for j, c_raw in enumerate(r.sequence(doc.get("contents"), (*here, "contents"))):
            c = r.mapping(c_raw, (*here, "contents", j))
            if c is None:
                continue
            c_here = (*here, "contents", j)
            contents.append(
                Content(
                    code=str(r.get(c, c_here, "code", (str, int, float), default="")),
                    name=r.get(c, c_here, "name", str, default=""),
                    skills=r.strings(c.get("skills"), (*c_here, "skills")),
                    knowledge=r.strings(c.get("knowledge"), (*c_here, "knowledge")),
                )
            )
        areas.append(
            Area(
                name=r.get(doc, here, "area", str, default=""),
                number=None if basic else r.get(doc, here, "number", int, required=False),
                contents=tuple(contents),
            )
        )
    return tuple(areas)


def read_weights(path: Path, std: Standard, subtype: str | None = None) -> Standard:
    """Apply an exam owner's weight file (`examdesk-weights/1`) to a standard and check it."""
    name = str(path)
    try:
        root = load_yaml(path, name)
    except YamlFileError as exc:
        raise DataFileError([exc.problem]) from None
    r = FieldReader(name, root)
    doc = r.mapping(root, ())
    if doc is None:
        raise DataFileError(r.problems)
    schema = r.get(doc, (), "schema", str)
    if schema is not None and schema != WEIGHTS_SCHEMA:
        r.problem(("schema",), f"unsupported schema {schema!r}, expected {WEIGHTS_SCHEMA!r}")
    code = r.get(doc, (), "standard", (str, int))
    if code is not None and str(code) != std.code:
        r.problem(("standard",), f"is {code}, but the paper is for standard {std.code}")
    levels = r.mapping(doc.get("levels"), ("levels",)) or {}
    known = {str(lv.level): lv for lv in std.level_list(subtype)}
    tables: dict[str, dict[str, dict[str, int]]] = {}
    for level_key, entry in levels.items():
        here = ("levels", level_key)
        if str(level_key) not in known:
            r.problem(here, f"unknown level; {std.code} has: {', '.join(known)}")
            continue
        lv_doc = r.mapping(entry, here) or {}
        tables[str(level_key)] = {
            "theory": _parse_weights(r, lv_doc, here, "theory_weights") or {},
            "skill": _parse_weights(r, lv_doc, here, "skill_weights") or {},
        }
    if r.problems:
        raise DataFileError(r.problems)
    patched = std.with_weights(tables, subtype)
    for level_key, parts in tables.items():
        level = patched.level(level_key, subtype)
        for part_name, table in parts.items():
            if table:
                field = f"{part_name}_weights"
                for location, message in check_weight_table(table, level, Part(part_name), field):
                    r.problem(("levels", level_key, *parse_path(location)), message)
    if r.problems:
        raise DataFileError(r.problems)
    return patched


def standard_codes(standards: Iterable[Standard]) -> list[str]:
    return sorted(s.code for s in standards)
