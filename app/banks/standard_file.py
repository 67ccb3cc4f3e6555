"""Standard files (`examdesk-standard/1`, see docs/standard-format.md) in, Standard objects out."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from app.banks.fields import FieldReader, parse_path
from app.banks.yaml_source import YamlFileError, load_yaml, parse_yaml
from app.domain.standards import (
    RULE_FIELDS,
    Area,
    Borrowed,
    Content,
    Level,
    OwnerRules,
    Part,
    Staffing,
    Standard,
    Subtype,
    check_owner_rules,
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
        borrowed=_parse_borrowed(r, doc.get("borrowed")),
    )


def _parse_borrowed(r: FieldReader, raw: Any) -> Borrowed | None:
    """`borrowed: {from: "4-13-99-02 (2022) 1.9", fields: [pass_mark, min_minutes, staffing]}`."""
    if raw is None:
        return None
    doc = r.mapping(raw, ("borrowed",))
    if doc is None:
        return None
    return Borrowed(
        source=r.get(doc, ("borrowed",), "from", str, default=""),
        fields=r.strings(doc.get("fields"), ("borrowed", "fields")),
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
        surveillance_relaxes_ratio=r.get(theory, ("staffing", "theory"), "surveillance_relaxes_ratio", bool,
                                         required=False, default=False),
        review_employer_assessment=r.get(review, ("staffing", "review"), "employer_assessment", bool,
                                         required=False, default=False),
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


# what a level of a weight file may hold (docs/bank-format.md, "Weight files")
WEIGHT_LEVEL_FIELDS = ("own_areas", "theory_weights", "skill_weights", "pass_mark", "min_minutes", "staffing")
# staffing sections an exam owner may set, each whole: (YAML key, Staffing attribute, kind)
OWNER_STAFFING: dict[Part, tuple[tuple[str, str, type], ...]] = {
    Part.THEORY: (("candidates_per_proctor", "candidates_per_proctor", int),
                  ("min_proctors_per_room", "min_proctors_per_room", int)),
    Part.SKILL: (("candidates_per_examiner", "candidates_per_examiner", int),
                 ("min_examiners", "min_examiners", int),
                 ("examiners_odd", "examiners_odd", bool)),
    Part.REVIEW: (("min_members", "min_review_members", int),
                  ("members_odd", "review_members_odd", bool)),
}  # fmt: skip


def read_weights(path: Path, std: Standard, subtype: str | None = None) -> Standard:
    """Apply an exam owner's weight file (`examdesk-weights/1`) to a standard and check it.

    The result is the effective standard for a paper or a command: the owner's weight tables,
    areas of the owner's own, and the rules the owner set where the standard only borrows them.
    """
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
    # an owner who adds areas or sets rules says who he is
    beyond_weights = any(
        isinstance(entry, dict) and any(k in entry for k in ("own_areas", *RULE_FIELDS)) for entry in levels.values()
    )
    source = r.get(doc, (), "source", str, required=beyond_weights, default="")
    new_levels: dict[str, Level] = {}
    keys: dict[str, Any] = {}
    for level_key, entry in levels.items():
        here = ("levels", level_key)
        if str(level_key) not in known:
            r.problem(here, f"unknown level; {std.code} has: {', '.join(known)}")
            continue
        lv = known[str(level_key)]
        lv_doc = r.mapping(entry, here) or {}
        for key in lv_doc:
            if key not in WEIGHT_LEVEL_FIELDS:
                r.problem((*here, key), f"unknown field {key!r}; a level may set: {', '.join(WEIGHT_LEVEL_FIELDS)}")
        own = _parse_own_areas(r, lv_doc, here, std, lv)
        new_levels[str(level_key)] = replace(
            lv,
            own_areas=own,
            theory_weights=_parse_weights(r, lv_doc, here, "theory_weights") or lv.theory_weights,
            skill_weights=_parse_weights(r, lv_doc, here, "skill_weights") or lv.skill_weights,
            owner=_parse_owner_rules(r, lv_doc, here, std, source),
        )
        keys[str(level_key)] = level_key
    if r.problems:
        raise DataFileError(r.problems)
    patched = std.with_owner_levels(new_levels, source, subtype)
    for level_id, level_key in keys.items():
        level = patched.level(level_id, subtype)
        for part, table in ((Part.THEORY, level.theory_weights), (Part.SKILL, level.skill_weights)):
            if table and table is not known[level_id].weights(part):
                for location, message in check_weight_table(table, level, part, f"{part.value}_weights"):
                    r.problem(("levels", level_key, *parse_path(location)), message)
        for location, message in check_owner_rules(patched, level, ""):
            r.problem(("levels", level_key, *parse_path(location)), message)
    if r.problems:
        raise DataFileError(r.problems)
    return patched


def _parse_own_areas(r: FieldReader, lv_doc: Any, here: tuple[Any, ...], std: Standard, lv: Level) -> tuple[Area, ...]:
    """`own_areas`: areas of the exam owner's own (e.g. 职业素养), in the shape of `basic`."""
    if lv_doc.get("own_areas") is None:
        return ()
    where = (*here, "own_areas")
    if std.official_weights:
        r.problem(where, f"{std.code} has official weight tables; a weight file cannot add areas to it")
        return ()
    own = _parse_areas(r, lv_doc["own_areas"], where, basic=True)
    names: list[str] = []
    for i, area in enumerate(own):
        if lv.area(area.name) is not None or area.name in names:
            r.problem((*where, i, "area"), f"{area.name} is already an area of this level")
        if not area.contents:
            r.problem((*where, i, "contents"), "empty: list the content codes items may cite")
        codes = [c.code for c in area.contents if c.code]  # a missing code is a problem of its own
        for code in sorted({c for c in codes if codes.count(c) > 1}):
            r.problem((*where, i, "contents"), f"content code {code} twice")
        names.append(area.name)
    return own


def _parse_owner_rules(
    r: FieldReader, lv_doc: Any, here: tuple[Any, ...], std: Standard, source: str
) -> OwnerRules | None:
    """pass_mark, min_minutes and staffing an exam owner sets for a level (checked later, against
    what the standard borrows, by `check_owner_rules`)."""
    pass_mark = r.get(lv_doc, here, "pass_mark", int, required=False)
    minutes: dict[Part, int] = {}
    if lv_doc.get("min_minutes") is not None:
        where = (*here, "min_minutes")
        raw = r.mapping(lv_doc["min_minutes"], where) or {}
        for key in raw:
            if key not in {p.value for p in Part}:
                r.problem((*where, key), f"unknown part {key!r}; use theory, skill or review")
        for part in Part:
            value = r.get(raw, where, part.value, int, required=False)
            if value is not None:
                minutes[part] = value
    staffing, parts = None, []
    if lv_doc.get("staffing") is not None:
        where = (*here, "staffing")
        raw = r.mapping(lv_doc["staffing"], where) or {}
        for key in raw:
            if key not in {p.value for p in Part}:
                r.problem((*where, key), f"unknown part {key!r}; use theory, skill or review")
        changes: dict[str, Any] = {}
        for part, fields in OWNER_STAFFING.items():
            if raw.get(part.value) is None:
                continue
            section = r.mapping(raw[part.value], (*where, part.value)) or {}
            for key, attr, kind in fields:  # a section is set whole: every value in it is the owner's
                value = r.get(section, (*where, part.value), key, kind)
                if value is not None:
                    changes[attr] = value
            parts.append(part)
        staffing = replace(std.staffing, **changes) if parts else None
    if pass_mark is None and not minutes and not parts:
        return None
    return OwnerRules(source, pass_mark, minutes, staffing, tuple(parts))


def standard_codes(standards: Iterable[Standard]) -> list[str]:
    return sorted(s.code for s in standards)
