"""Question banks in and out of other formats: packages, the readers and writers per format, the
mapping file, and the conversion of neutral items into ExamDesk banks (docs/bank-format.md,
"Other formats").

A *package* is one file, a .zip, or a folder: its bank files are read by the reader of their format
(ExamDesk YAML, Excel .xlsx), the other files are the media the items may name. Neutral items become
ExamDesk items through the mapping (area, content code, levels, difficulty, points), and are written
as an `examdesk-bank/1` YAML text: what the store keeps and what `--to-yaml` writes for review.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from app.banks.bank_file import read_banks
from app.banks.fields import FieldReader
from app.banks.gift_format import read_gift, write_gift
from app.banks.markup import XmlError, parse_xml
from app.banks.moodle_format import read_moodle, write_moodle
from app.banks.neutral import (
    EXAMDESK_TYPE,
    NEUTRAL_TYPE,
    TYPES,
    BankInfoRow,
    NeutralItem,
    ReadResult,
    difficulty_of,
    number_json,
    true_false,
)
from app.banks.qti_format import kind_of, read_qti, write_qti
from app.banks.xlsx_format import LETTERS, read_xlsx, write_xlsx
from app.banks.yaml_source import YamlFileError, parse_yaml
from app.domain.items import FILL_BLANK, Item, ItemType
from app.domain.standards import Standard
from app.errors import DataFileError, Problem

MAPPING_SCHEMA = "examdesk-mapping/1"
BANK_SUFFIXES = (".yaml", ".yml", ".xlsx", ".xml", ".gift", ".txt")
# files of other tools (converted into ExamDesk banks), as opposed to ExamDesk's own YAML
OTHER_SUFFIXES = (".xlsx", ".zip", ".xml", ".gift")
MAX_MEMBERS = 100_000  # files in one .zip package (a QTI package has one per question, and their media)
MAX_UNPACKED = 512 * 1024 * 1024  # bytes a .zip package may unpack to
FORMATS = ("xlsx", "yaml", "qti21", "qti30", "moodle", "gift")  # what `examdesk bank export --format` writes

Member = tuple[str, bytes]  # (name as messages show it, content)
Progress = Callable[[int, int], None]


# -- packages --------------------------------------------------------------------------------------


def package_from_path(path: Path) -> list[Member]:
    """The files of a package named by path: a file, a .zip, or a folder (every file under it)."""
    if path.is_dir():
        return [(f"{path.name}/{p.relative_to(path).as_posix()}", p.read_bytes())
                for p in sorted(path.rglob("*")) if p.is_file()]  # fmt: skip
    return package_from_bytes(path.name, path.read_bytes())


def package_from_bytes(name: str, data: bytes) -> list[Member]:
    """One file as sent; a .zip is unpacked in memory (nothing is written to disk)."""
    if not name.lower().endswith(".zip"):
        return [(name, data)]
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = [i for i in archive.infolist() if not i.is_dir()]
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise DataFileError([Problem(name, None, "", f"not a .zip package: {exc or type(exc).__name__}")]) from None
    if len(infos) > MAX_MEMBERS or sum(i.file_size for i in infos) > MAX_UNPACKED:
        raise DataFileError([Problem(name, None, "", f"the package unpacks to more than {MAX_MEMBERS} files or "
                                     f"{MAX_UNPACKED // 2**20} MB")])  # fmt: skip
    out = []
    for info in infos:
        member = PurePosixPath(info.filename.replace("\\", "/"))
        if member.is_absolute() or ".." in member.parts or member.name.startswith("."):
            continue  # never a path outside the package; hidden files (__MACOSX, .DS_Store) are no content
        if any(part.startswith("__MACOSX") for part in member.parts):
            continue
        try:
            out.append((f"{name}/{member.as_posix()}", archive.read(info)))
        except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError, zlib.error) as exc:
            reason = str(exc) or type(exc).__name__  # an EOFError says nothing of its own
            raise DataFileError([Problem(name, None, member.as_posix(), f"cannot be unpacked: {reason}")]) from None
    return out


def _relative(member: str) -> str:
    """A member's path inside its package, as items name their media."""
    return member.split("/", 1)[1] if "/" in member else member


def is_bank_file(name: str) -> bool:
    return name.lower().endswith(BANK_SUFFIXES)


# -- reading any format into neutral items -------------------------------------------------------------


def read_package(
    members: Sequence[Member], standards: Mapping[str, Standard], progress: Progress | None = None
) -> ReadResult:
    """Neutral items of every bank file among `members`; media are the other members.
    `progress(done, total)`: bank files read, in thousandths, as the reading goes (a workbook by its rows)."""
    result = ReadResult()
    relative = [_relative(name) for name, _data in members]
    banks = [(name, data) for name, data in members if is_bank_file(name)]
    for name, _data in members:
        if name.lower().endswith(".xls"):
            result.problems.append(Problem(name, None, "", "the old Excel format (.xls) is not read: save the "
                                           "workbook as .xlsx"))  # fmt: skip
    yaml_files = [(name, data) for name, data in banks if name.lower().endswith((".yaml", ".yml"))]
    if yaml_files:  # read together, as the bank reader reads a folder: an item's enemy may be in another file
        result.extend(_read_yaml(yaml_files, standards))
    readers: list[tuple[str, Callable[[Progress | None], ReadResult]]] = []
    for name, data in banks:
        lower = name.lower()
        if lower.endswith(".xlsx"):
            # media are named relative to the bank file
            folder = _relative(name).rpartition("/")[0]
            near = [r[len(folder) + 1 :] if folder and r.startswith(folder + "/") else r for r in relative]
            readers.append((name, lambda share, name=name, data=data, near=near: read_xlsx(name, data, near, share)))
        elif lower.endswith((".gift", ".txt")) and (lower.endswith(".gift") or _looks_like_gift(data)):
            readers.append((name, lambda _share, name=name, data=data: read_gift(name, data)))
    xml = [(name, data) for name, data in banks if name.lower().endswith(".xml")]
    if xml:
        readers.append(("", lambda _share: _read_xml(xml, set(relative), len(members) == 1)))
    for n, (_name, read) in enumerate(readers):
        result.extend(read(_share(progress, n, len(readers))))
        if progress:
            progress((n + 1) * 1000 // len(readers), 1000)
    if not yaml_files and not readers and not result.problems:
        names = ", ".join(n for n, _d in members[:3]) or "(empty)"
        result.problems.append(Problem(names, None, "", "no bank files (*.yaml, *.xlsx, *.xml, *.gift) found"))
    return result


def _looks_like_gift(data: bytes) -> bool:
    """A .txt file that reads as GIFT (Moodle exports GIFT as .txt): some line opens an answer brace."""
    try:
        text = data[:65536].decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    return bool(re.search(r"(?m)^(?!\s*//).*(?<!\\)\{", text)) and "}" in text


def _package_name(member: str) -> str:
    return member.split("/", 1)[0]


def _read_xml(files: Sequence[Member], media: set[str], alone: bool) -> ReadResult:
    """The XML files of a package: QTI items, tests and manifests (read together, by package), and
    Moodle XML quizzes (each by itself). Other XML files are other files of the package."""
    result = ReadResult()
    qti: dict[str, list[tuple[str, str, Any]]] = {}
    for name, data in files:
        try:
            root = parse_xml(data)
        except XmlError as exc:
            result.problems.append(Problem(name, None, "", f"not XML ExamDesk reads: {exc}"))
            continue
        if root.tag == "quiz":
            folder = _relative(name).rpartition("/")[0]
            near = {r[len(folder) + 1 :] if folder and r.startswith(folder + "/") else r for r in media}
            result.extend(read_moodle(name, root, near))
        elif kind_of(root):
            qti.setdefault(_package_name(name), []).append((name, _relative(name), root))
        elif alone:
            result.problems.append(Problem(name, None, "", f"not a QTI item, QTI package or Moodle XML quiz (its "
                                           f"root is <{root.tag}>)"))  # fmt: skip
    for package, found in qti.items():
        result.extend(read_qti(package, found, media))
    return result


def _share(progress: Progress | None, n: int, count: int) -> Progress | None:
    """The progress of the n-th of `count` files, as part of the whole (in thousandths)."""
    if progress is None:
        return None
    report = progress
    return lambda done, total: report((n * 1000 + done * 1000 // max(total, 1)) // count, 1000)


def _read_yaml(files: Sequence[Member], standards: Mapping[str, Standard]) -> ReadResult:
    result = ReadResult()
    sources = []
    for name, data in files:
        try:
            sources.append((name, data.decode("utf-8")))
        except UnicodeDecodeError as exc:
            result.problems.append(Problem(name, None, "", f"not UTF-8 text ({exc.reason})"))
    try:
        banks = read_banks([], standards, sources=sources)
    except DataFileError as exc:
        result.problems += exc.problems
        return result
    origin = {info.bank: info.source for info in banks.banks}
    result.items = [to_neutral(item, origin[item.bank]) for item in banks.items]
    for info in banks.banks:
        result.info[info.source] = BankInfoRow(info.bank, info.title, info.standard, info.subtypes[0] or "",
                                               info.version)  # fmt: skip
        if info.task_count:
            result.unsupported.append(Problem(info.source, None, "tasks", f"{info.task_count} skill task(s): only "
                                              "questions are exchanged with other formats"))  # fmt: skip
    return result


def to_neutral(item: Item, source: str = "") -> NeutralItem:
    """An ExamDesk item as a neutral one, with everything ExamDesk keeps (so it comes back the same)."""
    texts = dict(item.options)
    key: tuple = ()
    model = ""
    if item.type is ItemType.SINGLE and isinstance(item.key, str):
        key = (texts[item.key],)
    elif item.type is ItemType.MULTIPLE and isinstance(item.key, tuple):
        key = tuple(texts[str(k)] for k in sorted(str(k) for k in item.key))
    elif item.type is ItemType.TRUEFALSE:
        key = ("正确" if item.key else "错误",)
    elif item.type is ItemType.FILL and isinstance(item.key, tuple):
        key = tuple(tuple(str(a) for a in blank) for blank in item.key if isinstance(blank, tuple))
    elif isinstance(item.key, str):
        model = item.key
    return NeutralItem(
        source_id=item.id, type=NEUTRAL_TYPE[item.type.value], stem=item.stem, source=source, location=item.id,
        options=tuple(text for _label, text in item.options), key=key, points=item.points,
        explanation=item.explanation, model_answer=model, difficulty=item.difficulty,
        shuffle=False if item.fixed_order else None, media=item.media, has_id=True, area=item.area,
        code=item.code, levels=item.levels, rubric=tuple((p.point, p.max) for p in item.rubric),
        enemies=item.enemies,
    )  # fmt: skip


def inspect_json(result: ReadResult) -> dict[str, Any]:
    """`examdesk bank inspect --json`: the items as read, what cannot be represented, and the errors."""
    return {
        "items": [item.inspect_json() for item in result.items],
        "unsupported": [{"location": _where(p), "reason": p.message} for p in result.unsupported],
        "errors": [{"location": _where(p), "message": p.message} for p in sorted(result.problems)],
    }


def _where(p: Problem) -> str:
    return f"{p.source}: {p.location}" if p.location else p.source


# -- the mapping file ---------------------------------------------------------------------------------

_MATCH_KEYS = ("knowledge", "category", "tag")
_SET_KEYS = ("area", "code", "levels", "difficulty", "points")


@dataclass
class MappingRule:
    match: dict[str, tuple[str, ...]]  # knowledge / category / tag -> the values that match
    values: dict[str, Any]

    def matches(self, item: NeutralItem) -> bool:
        return all(
            (item.knowledge in wanted) if key == "knowledge" else (item.category in wanted) if key == "category"
            else bool(set(item.tags) & set(wanted))
            for key, wanted in self.match.items()
        )  # fmt: skip


@dataclass
class BankMapping:
    """How items of another tool get what a paper needs (docs/bank-format.md, "The mapping file")."""

    source: str = ""
    standard: str = ""
    subtype: str = ""
    defaults: dict[str, Any] = field(default_factory=dict)
    rules: list[MappingRule] = field(default_factory=list)
    difficulty_words: dict[str, int] = field(default_factory=dict)

    def value(self, item: NeutralItem, key: str) -> Any:
        for rule in self.rules:
            if key in rule.values and rule.matches(item):
                return rule.values[key]
        return self.defaults.get(key)

    def points(self, item: NeutralItem) -> Decimal | None:
        value = self.value(item, "points")
        if isinstance(value, dict):
            value = value.get(item.type)
        return Decimal(str(value)) if value is not None else None


def read_mapping(name: str, text: str) -> BankMapping:
    """A mapping file (`examdesk-mapping/1`), every problem with its line (DataFileError)."""
    try:
        root = parse_yaml(text, name)
    except YamlFileError as exc:
        raise DataFileError([exc.problem]) from None
    r = FieldReader(name, root)
    doc = r.mapping(root, ())
    mapping = BankMapping(source=name)
    if doc is None:
        raise DataFileError(r.problems)
    if doc.get("schema") != MAPPING_SCHEMA:
        r.problem(("schema",), f"expected {MAPPING_SCHEMA!r}, got {doc.get('schema')!r}")
    for key in doc:
        if key not in ("schema", "standard", "subtype", "defaults", "rules", "difficulty"):
            r.problem((key,), f"unknown field {key!r}; a mapping has: standard, subtype, defaults, rules, difficulty")
    mapping.standard = str(r.get(doc, (), "standard", (str, int), required=False, default=""))
    mapping.subtype = r.get(doc, (), "subtype", str, required=False, default="")
    if doc.get("defaults") is not None:
        defaults = r.mapping(doc["defaults"], ("defaults",))
        mapping.defaults = _values(r, defaults or {}, ("defaults",), allow_match=False)
    for i, raw in enumerate(r.sequence(doc.get("rules"), ("rules",))):
        entry = r.mapping(raw, ("rules", i))
        if entry is None:
            continue
        match = {key: _strings(r, entry[key], ("rules", i, key)) for key in _MATCH_KEYS if key in entry}
        if not match:
            r.problem(("rules", i), "a rule names what it matches: knowledge, category or tag")
        mapping.rules.append(MappingRule(match, _values(r, entry, ("rules", i), allow_match=True)))
    if doc.get("difficulty") is not None:
        words = r.mapping(doc["difficulty"], ("difficulty",)) or {}
        for word, level in words.items():
            if isinstance(level, bool) or not isinstance(level, int) or not 1 <= level <= 5:
                r.problem(("difficulty", word), f"must be 1..5, got {level!r}")
            else:
                mapping.difficulty_words[str(word)] = level
    if r.problems:
        raise DataFileError(r.problems)
    return mapping


def _strings(r: FieldReader, value: Any, here: tuple[Any, ...]) -> tuple[str, ...]:
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return (str(value),)
    return r.strings(value, here)


def _values(r: FieldReader, doc: Mapping[str, Any], here: tuple[Any, ...], *, allow_match: bool) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in doc.items():
        if key in _MATCH_KEYS and allow_match:
            continue
        if key not in _SET_KEYS:
            names = ", ".join((*(_MATCH_KEYS if allow_match else ()), *_SET_KEYS))
            r.problem((*here, key), f"unknown field {key!r}; use {names}")
        elif key == "area":
            out[key] = r.get(doc, here, key, str)
        elif key == "code":
            code = r.get(doc, here, key, (str, int, float))
            out[key] = None if code is None else str(code)
        elif key == "levels":
            levels = value if isinstance(value, list) else [value]
            if not levels or any(isinstance(v, bool) or not isinstance(v, int | str) for v in levels):
                r.problem((*here, key), f"a level must be a number or name, got {value!r}")
            else:
                out[key] = tuple(levels)
        elif key == "difficulty":
            level = r.get(doc, here, key, int)
            if level is not None and not 1 <= level <= 5:
                r.problem((*here, key), f"must be 1..5, got {level!r}")
            elif level is not None:
                out[key] = level
        else:  # points: one number, or one per type
            table = value if isinstance(value, dict) else {"*": value}
            for kind, number in table.items():
                if kind != "*" and kind not in TYPES:
                    r.problem((*here, key, kind), f"unknown type {kind!r}; use one of {', '.join(TYPES)}")
                elif isinstance(number, bool) or not isinstance(number, int | float) or number <= 0:
                    r.problem((*here, key) if kind == "*" else (*here, key, kind),
                              f"must be a positive number, got {number!r}")  # fmt: skip
            out[key] = {k: v for k, v in table.items()} if isinstance(value, dict) else value
    return out


# -- neutral items into an ExamDesk bank ------------------------------------------------------------


@dataclass
class Converted:
    """One bank made from a bank file of another format: its name, its YAML text, the items' origins."""

    name: str
    text: str
    origins: list[NeutralItem]
    bank: str


_NEEDS = {
    "area": "area (职业功能)",
    "code": "content code (内容代码)",
    "levels": "levels (适用等级)",
    "difficulty": "difficulty (难度)",
    "points": "points (分值)",
}
_PAREN_BLANK = re.compile(r"[（(][ \u3000]*[)）]")
_UNDERSCORES = re.compile(r"_{2,}")


def fill_stem(stem: str) -> str:
    """A 填空题 stem with its blanks written the way ExamDesk marks them (____)."""
    if FILL_BLANK.search(stem):
        return stem
    if _UNDERSCORES.search(stem):
        return _UNDERSCORES.sub("____", stem)
    return _PAREN_BLANK.sub("____", stem)


def bank_id_for(name: str) -> str:
    stem = PurePosixPath(name).name.rsplit(".", 1)[0]
    return re.sub(r"[\s/\\:]+", "-", stem).strip("-") or "imported"


def convert(
    result: ReadResult,
    *,
    standard: str = "",
    mapping: BankMapping | None = None,
    skip_unsupported: bool = False,
) -> tuple[list[Converted], list[str]]:
    """ExamDesk banks (one per bank file) from what the readers found; notes for the caller (the
    items skipped, rubrics made up). Every problem, and unsupported parts unless skipped, refuse it all."""
    problems = list(result.problems)
    notes: list[str] = []
    if result.unsupported:
        if skip_unsupported:
            notes += [f"skipped: {_where(p)}: {p.message}" for p in result.unsupported]
        else:
            problems += result.unsupported
            problems.append(Problem(", ".join(sorted({p.source for p in result.unsupported})), None, "",
                                    f"{len(result.unsupported)} part(s) cannot be represented in ExamDesk: skip them "
                                    "explicitly (--skip-unsupported) to import the rest"))  # fmt: skip
    by_file: dict[str, list[NeutralItem]] = {}
    for item in result.items:
        by_file.setdefault(item.source, []).append(item)
    out: list[Converted] = []
    for source, items in by_file.items():
        info = result.info.get(source, BankInfoRow())
        code = standard or info.standard or (mapping.standard if mapping else "")
        if not code:
            problems.append(Problem(source, None, "", "no standard: name the standard the bank is for (--standard)"))
            continue
        bank = info.bank or bank_id_for(source)
        docs = []
        for n, item in enumerate(items, 1):
            doc = _item_doc(item, bank, n, mapping, problems, notes)
            if doc is not None:
                docs.append(doc)
        head: dict[str, Any] = {"schema": "examdesk-bank/1", "bank": bank, "title": info.title or bank,
                                "standard": code}  # fmt: skip
        subtype = info.subtype or (mapping.subtype if mapping else "")
        if subtype:
            head["subtype"] = subtype
        head["version"] = info.version or "1"
        head["items"] = docs
        out.append(Converted(PurePosixPath(source).name, bank_yaml(head), items, bank))
    names = [c.name for c in out]
    for name in sorted({n for n in names if names.count(n) > 1}):
        problems.append(Problem(name, None, "", "two bank files of this name: rename one"))
    if problems:
        raise DataFileError(problems)
    return out, notes


def _item_doc(
    item: NeutralItem, bank: str, n: int, mapping: BankMapping | None, problems: list[Problem], notes: list[str]
) -> dict[str, Any] | None:
    def pick(key: str) -> Any:
        own = getattr(item, key)
        if own not in ("", (), None):
            return own
        return mapping.value(item, key) if mapping else None

    difficulty = item.difficulty
    if difficulty is None and item.difficulty_text:
        difficulty = difficulty_of(item.difficulty_text, mapping.difficulty_words if mapping else None)
        if difficulty is None:
            problems.append(Problem(item.source, item.row or None, item.where("difficulty"),
                                    f"difficulty {item.difficulty_text!r} is not 1-5 or 易/中/难; a mapping file may "
                                    "name its own words (difficulty:)"))  # fmt: skip
            return None
    if difficulty is None and mapping is not None:
        difficulty = mapping.value(item, "difficulty")
    points = item.points if item.points is not None else (mapping.points(item) if mapping else None)
    values = {"area": pick("area"), "code": pick("code"), "levels": pick("levels"), "difficulty": difficulty,
              "points": points}  # fmt: skip
    lacking = [_NEEDS[k] for k, v in values.items() if v in (None, "", ())]
    if lacking:
        problems.append(Problem(item.source, item.row or None, item.location,
                                f"lacks what a paper needs: {', '.join(lacking)}; give them in the file's columns "
                                "or in a mapping file (--map)"))  # fmt: skip
        return None
    kind = EXAMDESK_TYPE[item.type]
    doc: dict[str, Any] = {"id": item.source_id if item.has_id else f"{bank}-{n:04d}", "type": kind,
                           "area": values["area"], "code": str(values["code"]), "levels": list(values["levels"]),
                           "difficulty": values["difficulty"], "points": number_json(values["points"]),
                           "stem": fill_stem(item.stem) if item.type == "fill_in" else item.stem}  # fmt: skip
    if item.type in ("single", "multiple"):
        doc["options"] = {LETTERS[i]: text for i, text in enumerate(item.options)}
        labels = [LETTERS[item.options.index(k)] for k in item.key]
        doc["key"] = labels[0] if item.type == "single" and len(labels) == 1 else labels
    elif item.type == "true_false":
        doc["key"] = true_false(str(item.key[0])) if item.key else None
    elif item.type == "fill_in":
        doc["key"] = [list(blank) for blank in item.key]
    elif item.model_answer:
        doc["key"] = item.model_answer
    if item.explanation:
        doc["explanation"] = item.explanation
    if item.media:
        doc["media"] = list(item.media)
    if item.shuffle is False:
        doc["fixed_order"] = True
    if item.type in ("short_answer", "essay"):
        rubric = item.rubric
        if not rubric:
            rubric = (("按参考答案评分", Decimal(str(values["points"]))),)
            notes.append(f"{item.source}: {item.location}: no scoring points (评分要点): "
                         "one point, 按参考答案评分, carries the whole score")  # fmt: skip
        doc["rubric"] = [{"point": text, "max": number_json(mx)} for text, mx in rubric]
    if item.enemies:
        doc["enemies"] = list(item.enemies)
    return doc


# libyaml's emitter is many times faster than the pure-Python one (20,000 questions: seconds, not a minute)
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def bank_yaml(doc: Mapping[str, Any]) -> str:
    return yaml.dump(dict(doc), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)


_ITEM_AT = re.compile(r"^items\[(\d+)\](?: \(([^)]*)\))?\.?(.*)$")
_FIELD_CELL = {"key": "key", "stem": "stem", "area": "area", "code": "code", "levels": "levels",
               "difficulty": "difficulty", "points": "points", "rubric": "rubric", "enemies": "enemies",
               "explanation": "explanation", "media": "media", "options": "stem", "id": "id"}  # fmt: skip


def relocate(problems: Iterable[Problem], converted: Sequence[Converted]) -> list[Problem]:
    by_name = {c.name: c for c in converted}
    out = []
    for p in problems:
        c, reason = by_name.get(p.source), p.message  # the reader's own message, checked where it is made
        match = _ITEM_AT.match(p.location) if c is not None else None
        if c is None or match is None or int(match[1]) >= len(c.origins):
            out.append(Problem(c.origins[0].source, None, p.location, reason) if c and c.origins else p)
            continue
        origin = c.origins[int(match[1])]
        step = match[3].split(".")[0].split("[")[0]
        fld = f"opt:{match[3].split('.')[1]}" if step == "options" and "." in match[3] else _FIELD_CELL.get(step, "")
        where = origin.where(fld) if fld else origin.location
        out.append(Problem(origin.source, origin.row or None, f"{where} [{match[2]}]" if match[2] else where, reason))
    return out


# -- writing ---------------------------------------------------------------------------------------


def export_items(items: Sequence[Item], fmt: str, info: BankInfoRow) -> bytes:
    """ExamDesk items as a workbook or an ExamDesk bank file that reads back to the same items."""
    neutral = [to_neutral(item) for item in items]
    if fmt == "xlsx":
        return write_xlsx(neutral, info)
    if fmt in ("qti21", "qti30"):
        return write_qti(neutral, info, "2.1" if fmt == "qti21" else "3.0")
    if fmt == "moodle":
        return write_moodle(neutral, info)
    if fmt == "gift":
        return write_gift(neutral, info)
    result = ReadResult(items=neutral)
    result.info[""] = info
    for it in neutral:
        it.source = ""
    converted, _notes = convert(result, standard=info.standard)
    return converted[0].text.encode("utf-8")
