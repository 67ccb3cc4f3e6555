"""Moodle XML question banks (<quiz>): read into neutral items and written back (docs/bank-format.md,
"Moodle XML").

multichoice (single and multiple, fractions negative too), truefalse, shortanswer, essay and
numerical without a tolerance are read; categories ($course$/...) become the items' category, which
a mapping matches; files embedded as base64 <file> elements and named @@PLUGINFILE@@/... become the
items' media. Other question types (matching, cloze, calculated, drag and drop, ...) are listed as
unsupported with the question's number and name.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import html
import json
import re
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from xml.etree import ElementTree as ET

from app.banks.choice_scoring import NotHonoured, choice_key
from app.banks.markup import html_text, local_media, tidy
from app.banks.neutral import BankInfoRow, NeutralItem, ReadResult, number_json, true_false
from app.errors import Problem

PLUGINFILE = "@@PLUGINFILE@@/"
BANK_INFO = "examdesk-bank: "
TAG_PREFIX = "examdesk-"  # ExamDesk's own fields, written as tags: examdesk-area:烹饪
_CATEGORY_HEAD = re.compile(r"^\$(course|system|module|cat\d*)\$/")
SUPPORTED = ("multichoice", "truefalse", "shortanswer", "essay", "numerical", "multianswer")
# a cloze (multianswer) blank: {1:SHORTANSWER:=答案~=同义}; other kinds of blank are not read
_CLOZE = re.compile(r"\{(\d*):([A-Z_]+):((?:\\.|[^\\}])*)\}")


class _Unsupported(Exception):
    pass


class _Bad(Exception):
    pass


def _text(e: ET.Element | None) -> str:
    """A Moodle text element's <text>, as written (HTML or plain)."""
    if e is None:
        return ""
    t = e.find("text")
    return (t.text or "") if t is not None else (e.text or "")


def _plain(e: ET.Element | None, images: list[str] | None = None) -> str:
    """A Moodle text element as plain text: HTML formats are cleaned, plain and markdown kept."""
    raw = _text(e)
    if e is not None and e.get("format", "html") == "moodle_auto_format":  # its line breaks are breaks
        raw = raw.replace("\n", "<br>")
    if e is not None and e.get("format", "html") in ("html", "moodle_auto_format"):
        text, found = html_text(raw)
        if images is not None:
            images += found
        return text
    return tidy(raw)


def _files(e: ET.Element | None, where: str, out: ReadResult, source: str) -> set[str]:
    names = set()
    for f in e.findall("file") if e is not None else []:
        name = (f.get("path", "/").strip("/") + "/" + f.get("name", "")).strip("/")
        try:
            base64.b64decode((f.text or "").strip(), validate=True)
        except (binascii.Error, ValueError):
            out.problems.append(Problem(source, None, where, f"the embedded file {name} is not base64"))
            continue
        names.add(name)
    return names


def _category(path: str) -> str:
    path = _CATEGORY_HEAD.sub("", path.strip())
    return path.removeprefix("top/").removeprefix("top")


def _fraction(text: str | None, where: str) -> Decimal:
    try:
        value = Decimal((text or "0").strip()) / 100
    except InvalidOperation:
        raise _Bad(f"an answer's fraction must be a number, got {text!r}") from None
    if not value.is_finite():
        raise _Bad(f"an answer's fraction must be a number, got {text!r}")
    return value


def read_moodle(source: str, root: ET.Element, media: set[str]) -> ReadResult:
    """The questions of a Moodle XML <quiz> (named `source` in messages)."""
    out = ReadResult()
    category = ""
    n = 0
    for q in root.findall("question"):
        kind = q.get("type", "")
        kind = "multianswer" if kind == "cloze" else kind  # Moodle exports its cloze questions as type="cloze"
        if kind == "category":
            category = _category(_text(q.find("category")))
            _bank_info(source, _text(q.find("info")), out)
            continue
        n += 1
        name = tidy(_text(q.find("name")))
        where = f"question {n} ({name})" if name else f"question {n}"
        if kind not in SUPPORTED:
            out.unsupported.append(Problem(source, None, where, f"the question type {kind or '(none)'} is not "
                                           f"supported; ExamDesk reads {', '.join(SUPPORTED)}"))  # fmt: skip
            continue
        try:
            out.items.append(_question(source, q, kind, where, name, category, media, out))
        except _Unsupported as exc:
            reason = str(exc)
            out.unsupported.append(Problem(source, None, where, reason))
        except _Bad as exc:
            reason = str(exc)
            out.problems.append(Problem(source, None, where, reason))
    if not out.items and not out.unsupported and not out.problems:
        out.problems.append(Problem(source, None, "", "no questions in the Moodle XML file"))
    return out


def _question(source: str, q: ET.Element, kind: str, where: str, name: str, category: str, media: set[str],
              out: ReadResult) -> NeutralItem:  # fmt: skip
    images: list[str] = []
    embedded = _files(q.find("questiontext"), where, out, source)
    stem = _plain(q.find("questiontext"), images)
    if not stem:
        raise _Bad("empty: the question has no text")
    idnumber = tidy(q.findtext("idnumber") or "")
    item = NeutralItem(source_id=idnumber or name or where, type="essay", stem=stem, source=source,
                       location=where, has_id=bool(idnumber), category=category,
                       explanation=_plain(q.find("generalfeedback")))  # fmt: skip
    grade = q.findtext("defaultgrade")
    if grade is not None and grade.strip():
        try:
            item.points = Decimal(grade.strip()).normalize()
        except InvalidOperation:
            raise _Bad(f"defaultgrade must be a number, got {grade!r}") from None
        if not item.points.is_finite() or item.points <= 0:
            raise _Bad(f"defaultgrade must be a positive number, got {grade!r}")
        item.points = item.points.quantize(Decimal(1)) if item.points == item.points.to_integral_value() \
            else item.points  # fmt: skip
    tags = []
    for tag in q.findall("tags/tag"):
        text = tidy(_text(tag))
        if text.startswith(TAG_PREFIX) and ":" in text:
            _own(item, text[len(TAG_PREFIX) :])
        elif text:
            tags.append(text)
    item.tags = tuple(tags)
    answers = q.findall("answer")
    if kind == "multichoice":
        single = (q.findtext("single") or "true").strip().lower() in ("true", "1")
        texts = []
        for a in answers:
            embedded |= _files(a, where, out, source)
            texts.append(_plain(a, images))
        if len(texts) < 2 or any(not t for t in texts) or len(set(texts)) != len(texts):
            raise _Bad("a choice question needs two answers or more, each with its own text")
        value = {str(i): _fraction(a.get("fraction"), where) for i, a in enumerate(answers)}
        try:
            key, _best, proportional = choice_key(list(value), value, lower=None if single else Decimal(0),
                                                  upper=None if single else Decimal(1),
                                                  max_choices=1 if single else 0)  # fmt: skip
        except NotHonoured as exc:
            shown = ", ".join(f"{texts[int(k)][:20]}: {number_json(v * 100)}%" for k, v in value.items())
            raise _Unsupported(f"its fractions ({shown}): {exc}") from None
        if single and any(v < 0 for v in value.values()):
            raise _Unsupported("a wrong answer takes points off; ExamDesk gives a wrong answer nothing")
        if proportional:
            out.warnings.append(Problem(source, None, where, "the source gives a share of the points per correct "
                                        "option chosen; ExamDesk does so only where the paper's blueprint sets "
                                        "proportional credit for multiple choice"))  # fmt: skip
        item.type = "single" if single else "multiple"
        item.options = tuple(texts)
        item.key = tuple(texts[int(k)] for k in sorted(key, key=int))
        item.shuffle = (q.findtext("shuffleanswers") or "true").strip().lower() in ("true", "1")
    elif kind == "truefalse":
        right = [a for a in answers if _fraction(a.get("fraction"), where) == 1]
        if len(right) != 1 or true_false(_plain(right[0])) is None:
            raise _Bad("a true/false question needs one answer, true or false, worth 100%")
        item.type = "true_false"
        item.key = (_plain(right[0]),)
    elif kind in ("shortanswer", "numerical"):
        accepted = []
        for a in answers:
            fraction = _fraction(a.get("fraction"), where)
            if fraction not in (0, 1):
                raise _Unsupported(f"an answer worth {number_json(fraction * 100)}%; ExamDesk accepts an answer "
                                   "for the whole blank or not at all")  # fmt: skip
            tolerance = (a.findtext("tolerance") or "0").strip()
            if kind == "numerical" and tolerance not in ("", "0") and Decimal(tolerance or "0") != 0:
                raise _Unsupported(f"a numeric answer with a tolerance (±{tolerance}): ExamDesk compares answers "
                                   "as written")  # fmt: skip
            if fraction == 1:
                accepted.append(_plain(a))
        if kind == "numerical" and q.find("units/unit") is not None:
            raise _Unsupported("a numeric answer with units: ExamDesk compares answers as written")
        if not accepted or any(not a or "*" in a for a in accepted):
            raise _Unsupported("an accepted answer with a wildcard (*) or none") if accepted else \
                _Bad("no accepted answer (one worth 100%)")  # fmt: skip
        if kind == "shortanswer" and (q.findtext("usecase") or "0").strip() == "1":
            out.warnings.append(Problem(source, None, where, f"the source compares {accepted[0]!r} with its letter "
                                        "case; ExamDesk accepts it in any case"))  # fmt: skip
        item.type = "fill_in"
        if not re.search(r"_{4,}", item.stem):
            item.stem += "\n____"
        item.key = (tuple(accepted),)
    elif kind == "multianswer":
        item.type = "fill_in"
        item.stem, item.key = _cloze(_text(q.find("questiontext")), q.find("questiontext"))
        if not item.key:
            raise _Bad("a cloze question without blanks")
    else:  # essay
        item.model_answer = _plain(q.find("graderinfo"))
        if not any(tidy(_text(t)).startswith(f"{TAG_PREFIX}type:") for t in q.findall("tags/tag")):
            lines = (q.findtext("responsefieldlines") or "").strip()
            item.type = "short_answer" if lines.isdigit() and int(lines) <= 5 else "essay"
    for src in images:
        local = local_media(src.replace(PLUGINFILE, "")) if src.startswith(PLUGINFILE) else local_media(src)
        if local is None:
            out.warnings.append(Problem(source, None, where, f"an image from {src[:60]!r} is not loaded: only "
                                        "files of the package are kept"))  # fmt: skip
        elif local not in embedded and local not in media:
            out.warnings.append(Problem(source, None, where, f"media file not found: {local}"))
            item.media += (local,)
        else:
            item.media += (local,)
    return item


def _cloze(raw: str, element: ET.Element | None) -> tuple[str, tuple[tuple[str, ...], ...]]:
    """A cloze question's text with each blank as ____, and the accepted answers of each blank."""
    blanks: list[tuple[str, ...]] = []

    def blank(m: re.Match[str]) -> str:
        if m[2] not in ("SHORTANSWER", "SA", "MW"):
            raise _Unsupported(f"a cloze blank of kind {m[2]}; ExamDesk reads SHORTANSWER blanks only")
        accepted = []
        for part in re.split(r"(?<!\\)~", m[3]):
            part = re.split(r"(?<!\\)#", part, maxsplit=1)[0]
            if part.startswith("="):
                accepted.append(part[1:])
            elif part.startswith("%100%"):
                accepted.append(part[5:])
            elif part.startswith("%") and not part.startswith("%0%"):
                raise _Unsupported("a cloze answer worth part of the blank; ExamDesk accepts an answer for the "
                                   "whole blank or not at all")  # fmt: skip
        accepted = [html.unescape(re.sub(r"\\(.)", r"\1", a)).strip() for a in accepted]
        if not accepted or not all(accepted):
            raise _Bad("a cloze blank has no accepted answer")
        blanks.append(tuple(accepted))
        return "____"

    text = _CLOZE.sub(blank, raw)
    if element is not None and element.get("format", "html") in ("html", "moodle_auto_format"):
        return html_text(text)[0], tuple(blanks)
    return tidy(text), tuple(blanks)


def _bank_info(source: str, text: str, out: ReadResult) -> None:
    """The bank an ExamDesk export came from, in its first category's info: examdesk-bank: {json}."""
    if not text.startswith(BANK_INFO):
        return
    try:
        data = json.loads(text[len(BANK_INFO) :])
    except ValueError:
        return
    if isinstance(data, dict):
        out.info[source] = BankInfoRow(*(str(data.get(k, "")) for k in ("bank", "title", "standard", "subtype",
                                                                        "version")))  # fmt: skip


def _own(item: NeutralItem, text: str) -> None:
    """ExamDesk's own fields, read back from an exported file's examdesk-... tags."""
    field_name, _colon, value = text.partition(":")
    if field_name == "area":
        item.area = value
    elif field_name == "code":
        item.code = value
    elif field_name == "levels":
        item.levels = tuple(int(v) if v.isdigit() else v for v in value.split(",") if v)
    elif field_name == "difficulty" and value.isdigit():
        item.difficulty = int(value)
    elif field_name == "type" and value in ("short_answer", "essay"):
        item.type = value
    elif field_name == "fixed_order":
        item.shuffle = False
    elif field_name == "enemies":
        item.enemies = tuple(v for v in value.split(",") if v)
    elif field_name == "point":
        text, _bar, mx = value.rpartition("|")
        with contextlib.suppress(InvalidOperation):
            item.rubric += ((text, Decimal(mx)),)


# -- writing ------------------------------------------------------------------------------------------


def _cloze_text(text: str, key: Sequence[Sequence[object]]) -> str:
    answers = iter(key)

    def blank(_m: re.Match[str]) -> str:
        escaped = ["=" + re.sub(r"([}~#\\])", r"\\\1", html.escape(str(a), quote=False)) for a in next(answers, ())]
        return "{1:SHORTANSWER:" + "~".join(escaped) + "}"

    return re.sub(r"_{4,}", blank, text)


def _text_el(parent: ET.Element, tag: str, text: str, fmt: str = "html") -> ET.Element:
    e = ET.SubElement(parent, tag, format=fmt) if fmt else ET.SubElement(parent, tag)
    ET.SubElement(e, "text").text = _html(text) if fmt == "html" else text
    return e


def _html(text: str) -> str:
    return "<p>" + "<br>".join(html.escape(line, quote=False) for line in text.split("\n")) + "</p>"


def write_moodle(items: Sequence[NeutralItem], info: BankInfoRow | None = None) -> bytes:
    """A Moodle XML <quiz> that reads back to the same items; ExamDesk's own fields as examdesk-... tags."""
    quiz = ET.Element("quiz")
    category = None
    for n, it in enumerate(items, 1):
        cat = it.category or (info.bank if info else "") or "ExamDesk"
        if cat != category:
            category = cat
            c = ET.SubElement(quiz, "question", type="category")
            ET.SubElement(ET.SubElement(c, "category"), "text").text = f"$course$/top/{cat}"
            if info is not None and n == 1:
                bank = {"bank": info.bank, "title": info.title, "standard": info.standard, "subtype": info.subtype,
                        "version": info.version}  # fmt: skip
                text = BANK_INFO + json.dumps(bank, ensure_ascii=False)
                ET.SubElement(ET.SubElement(c, "info", format="plain_text"), "text").text = text
        kind = {"single": "multichoice", "multiple": "multichoice", "true_false": "truefalse",
                "fill_in": "shortanswer", "short_answer": "essay", "essay": "essay"}[it.type]  # fmt: skip
        cloze = it.type == "fill_in" and (len(it.key) != 1 or len(re.findall(r"_{4,}", it.stem)) > 1)
        kind = "multianswer" if cloze else kind
        q = ET.SubElement(quiz, "question", type=kind)
        ET.SubElement(ET.SubElement(q, "name"), "text").text = it.source_id or f"Q{n:04d}"
        stem = it.stem
        if it.type == "fill_in":
            stem = re.sub(r"_{4,}", "____", stem)
        qt = _text_el(q, "questiontext", stem)
        if cloze:
            qt.find("text").text = _cloze_text(qt.findtext("text") or "", it.key)  # type: ignore[union-attr]
        if it.media:
            qt.find("text").text += "".join(f'<p><img src="{PLUGINFILE}{m}" alt=""></p>' for m in it.media)  # type: ignore[operator,union-attr]
        _text_el(q, "generalfeedback", it.explanation)
        if it.points is not None:  # else Moodle's own default, 1
            ET.SubElement(q, "defaultgrade").text = str(number_json(it.points))
        ET.SubElement(q, "penalty").text = "0"
        ET.SubElement(q, "hidden").text = "0"
        ET.SubElement(q, "idnumber").text = it.source_id if it.has_id else ""
        if it.type in ("single", "multiple"):
            ET.SubElement(q, "single").text = "true" if it.type == "single" else "false"
            ET.SubElement(q, "shuffleanswers").text = "false" if it.shuffle is False else "true"
            ET.SubElement(q, "answernumbering").text = "ABCD"
            share = Decimal(100) / max(len(it.key), 1)
            for text in it.options:
                right = text in it.key
                fraction = (100 if it.type == "single" else share) if right else (0 if it.type == "single" else -100)
                a = _text_el(q, "answer", text)
                a.set("fraction", f"{fraction:.7f}".rstrip("0").rstrip(".") if fraction else "0")
                _text_el(a, "feedback", "")
        elif it.type == "true_false":
            truth = bool(true_false(str(it.key[0]))) if it.key else True
            for word, value in (("true", True), ("false", False)):
                a = ET.SubElement(q, "answer", fraction="100" if value is truth else "0", format="moodle_auto_format")
                ET.SubElement(a, "text").text = word
        elif cloze:
            pass
        elif it.type == "fill_in":
            ET.SubElement(q, "usecase").text = "0"
            for answer in it.key[0] if it.key else ():
                a = ET.SubElement(q, "answer", fraction="100", format="moodle_auto_format")
                ET.SubElement(a, "text").text = str(answer)
        else:
            ET.SubElement(q, "responseformat").text = "editor"
            ET.SubElement(q, "responsefieldlines").text = "5" if it.type == "short_answer" else "15"
            _text_el(q, "graderinfo", it.model_answer)
        own = [("area", it.area), ("code", it.code), ("levels", ",".join(str(v) for v in it.levels)),
               ("difficulty", str(it.difficulty or "")), ("enemies", ",".join(it.enemies)),
               ("type", it.type if it.type in ("short_answer", "essay") else ""),
               ("fixed_order", "1" if it.shuffle is False else "")]  # fmt: skip
        tags = [*it.tags, *(f"{TAG_PREFIX}{k}:{v}" for k, v in own if v),
                *(f"{TAG_PREFIX}point:{t}|{number_json(m)}" for t, m in it.rubric)]  # fmt: skip
        if tags:
            holder = ET.SubElement(q, "tags")
            for tag in tags:
                ET.SubElement(ET.SubElement(holder, "tag"), "text").text = tag
    ET.indent(quiz)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(quiz, encoding="utf-8") + b"\n"
