"""GIFT question banks (Moodle's plain-text format): read into neutral items and written back
(docs/bank-format.md, "GIFT").

Questions are separated by blank lines; `::name::` names one, `$CATEGORY:` sets the category of those
that follow, `[html]`/`[moodle]`/`[plain]`/`[markdown]` say how its text is written, `//` starts a
comment line. Answers sit in braces: `=` right, `~` wrong, `%50%` a weight, `#` feedback, `{T}` true,
`{}` an essay, `{#3.14}` a number; text after the braces makes the braces a blank. `\\=`, `\\~`, `\\#`,
`\\{`, `\\}`, `\\:`, `\\\\` and `\\n` are escapes. Matching questions (`a -> b`), numbers with a tolerance
or a range, and weights ExamDesk cannot score are listed as unsupported with their line.

ExamDesk writes its own fields (points, area, code, levels, ...) in a comment line above each
question, `// examdesk: {...}`, which Moodle passes over and this reader reads back.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation

from app.banks.choice_scoring import NotHonoured, choice_key
from app.banks.markup import html_text, tidy
from app.banks.neutral import BankInfoRow, NeutralItem, ReadResult, number_json, true_false
from app.errors import DataFileError, Problem

SPECIAL = "~=#{}:\\"
OWN = "// examdesk: "
_NAME = re.compile(r"^::((?:\\.|[^:\\]|:(?!:))*)::", re.DOTALL)
_FORMAT = re.compile(r"^\s*\[(html|moodle|plain|markdown)\]", re.IGNORECASE)
TRUE_FALSE = ("T", "TRUE", "F", "FALSE")
_MARKER = re.compile(r"^\s*\[(html|moodle|plain|markdown)\]", re.IGNORECASE)  # an answer's own text format
_WEIGHT = re.compile(r"^%(-?\d+(?:\.\d+)?)%")


class _Unsupported(Exception):
    pass


class _Bad(Exception):
    pass


def unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m[1] == "n" else m[1], text, flags=re.DOTALL)


def escape(text: str) -> str:
    return "".join("\\" + c if c in SPECIAL else c for c in text).replace("\n", "\\n")


def _find(text: str, chars: str, start: int = 0) -> int:
    """The index of the first of `chars` not escaped by a backslash, or -1."""
    i = start
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] in chars:
            return i
        i += 1
    return -1


def _blocks(text: str) -> list[tuple[int, str, list[str], str]]:
    """(first line, question text, its examdesk comments, the category it is in), per question."""
    out: list[tuple[int, str, list[str], str]] = []
    lines: list[str] = []
    own: list[str] = []
    pending: list[str] = []
    category = ""
    start = 0
    depth_open = False

    def flush() -> None:
        nonlocal lines, own
        body = "\n".join(lines).strip()
        if body:
            out.append((start, body, own, category))
        lines, own = [], []

    for n, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not depth_open and stripped.startswith("//"):
            if stripped.startswith(OWN.strip()):
                pending.append(stripped[len(OWN.strip()) :].strip())
            continue
        if not depth_open and stripped.upper().startswith("$CATEGORY:"):
            flush()
            category = re.sub(r"^\$(course|system|module|cat\d*)\$/", "", stripped[len("$CATEGORY:") :].strip())
            category = category.removeprefix("top/")
            continue
        if not stripped and not depth_open:
            flush()
            continue
        if not lines:
            start = n
            own, pending = pending, []
        lines.append(line)
        # a blank line inside the braces does not end the question
        joined = "\n".join(lines)
        opened = _find(joined, "{")
        depth_open = opened >= 0 and _find(joined, "}", opened) < 0
    flush()
    return out


def read_gift(source: str, data: bytes) -> ReadResult:
    """The questions of a GIFT file (UTF-8, a byte order mark allowed)."""
    out = ReadResult()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        out.problems.append(Problem(source, None, "", f"not UTF-8 text ({exc.reason})"))
        return out
    bank = re.search(r"(?m)^// examdesk-bank: (.*)$", text)
    if bank:
        try:
            stated = json.loads(bank[1])
        except ValueError:
            stated = None
        if isinstance(stated, dict):
            keys = ("bank", "title", "standard", "subtype", "version")
            out.info[source] = BankInfoRow(*(str(stated.get(k, "")) for k in keys))
    blocks = _blocks(text)
    names = [m[1] for _l, b, _o, _c in blocks if (m := _NAME.match(b))]
    for line, body, own, category in blocks:
        name_match = _NAME.match(body)
        name = unescape(name_match[1]).strip() if name_match else ""
        where = f"line {line} ({name})" if name else f"line {line}"
        try:
            item = _question(source, body[name_match.end() :] if name_match else body, name, where, category, out)
            item.row = line
            item.has_id = bool(name) and names.count(name_match[1] if name_match else "") == 1
            _own(item, own)
            out.items.append(item)
        except _Unsupported as exc:
            reason = str(exc)
            out.unsupported.append(Problem(source, line, where, reason))
        except _Bad as exc:
            reason = str(exc)
            out.problems.append(Problem(source, line, where, reason))
    if not out.items and not out.unsupported and not out.problems:
        out.problems.append(Problem(source, None, "", "no questions in the GIFT file"))
    return out


def _plain(text: str, fmt: str) -> str:
    text = unescape(text)
    return html_text(text)[0] if fmt in ("html", "moodle") else tidy(text)


def _question(source: str, body: str, name: str, where: str, category: str, out: ReadResult) -> NeutralItem:
    fmt_match = _FORMAT.match(body)
    fmt = fmt_match[1].lower() if fmt_match else "moodle"
    if fmt_match:
        body = body[fmt_match.end() :]
    opened = _find(body, "{")
    if opened < 0:
        raise _Unsupported("a description without answers (no braces): not a question")
    closed = _find(body, "}", opened)
    if closed < 0:
        raise _Bad("the answers' opening brace has no closing one")
    before, answers, after = body[:opened], body[opened + 1 : closed].strip(), body[closed + 1 :]
    word = re.split(r"(?<!\\)#", answers, maxsplit=1)[0].strip().upper()
    # text after the braces makes them a blank (a missing word), in a choice or short-answer question
    blank = bool(after.strip()) and bool(answers) and not answers.startswith("#") and word not in TRUE_FALSE
    stem = _plain(before + (" ____ " + after if blank else " " + after), fmt)
    if not stem:
        raise _Bad("empty: the question has no text")
    item = NeutralItem(source_id=name or where, type="essay", stem=stem, source=source, location=where,
                       has_id=bool(name), category=category)  # fmt: skip
    general = answers.split("####", 1)
    if len(general) == 2:
        answers = general[0].strip()
        item.explanation = _plain(general[1], fmt)
    if not answers:
        return item  # an essay
    if answers.startswith("#"):
        return _numeric(item, answers[1:])
    if word in TRUE_FALSE:
        item.type = "true_false"
        item.key = (word,)
        return item
    parts = _answers(answers)
    if any(_find(text, "-") >= 0 and "->" in text for _m, _w, text, _f in parts):
        raise _Unsupported("a matching question (a -> b); ExamDesk has no matching questions")
    rights = [p for p in parts if p[0] == "="]
    wrongs = [p for p in parts if p[0] == "~"]
    texts = [_plain(text, fmt) for _m, _w, text, _f in parts]
    if not wrongs:  # short answer: every = answer accepted
        if any(w is not None and w != 100 for _m, w, _t, _f in parts):
            raise _Unsupported("an answer worth part of the points; ExamDesk accepts an answer for the whole blank "
                               "or not at all")  # fmt: skip
        item.type = "fill_in"
        if "____" not in item.stem:
            item.stem += "\n____"
        item.key = (tuple(texts),)
        return item
    if any(not t for t in texts) or len(set(texts)) != len(texts):
        raise _Bad("each answer needs its own text")
    weighted = any(w is not None for _m, w, _t, _f in parts)
    value = {str(i): Decimal(100 if m == "=" and w is None else (w or 0)) / 100 for i, (m, w, _t, _f) in
             enumerate(parts)}  # fmt: skip
    single = len(rights) == 1 and not any(w is not None and m == "~" and w > 0 for m, w, _t, _f in parts)
    try:
        key, _best, proportional = choice_key(
            list(value),
            value,
            lower=None if single else Decimal(0),
            upper=None if single else Decimal(1),
            max_choices=1 if single else 0,
        )
    except NotHonoured as exc:
        shown = ", ".join(f"{texts[int(k)][:20]}: {number_json(v * 100)}%" for k, v in value.items())
        raise _Unsupported(f"its weights ({shown}): {exc}") from None
    if single and weighted and any(v < 0 for v in value.values()):
        raise _Unsupported("a wrong answer takes points off; ExamDesk gives a wrong answer nothing")
    if proportional:
        out.warnings.append(Problem(source, None, where, "the source gives a share of the points per correct option "
                                    "chosen; ExamDesk does so only where the paper's blueprint sets proportional "
                                    "credit for multiple choice"))  # fmt: skip
    item.type = "single" if single else "multiple"
    item.options = tuple(texts)
    item.key = tuple(texts[int(k)] for k in sorted(key, key=int))
    if blank:  # a missing word: the stem's blank is where the choice goes
        item.stem = re.sub(r"\s*____\s*", "（　）", item.stem, count=1)
    return item


def _answers(text: str) -> list[tuple[str, Decimal | None, str, str]]:
    """(marker = or ~, weight in percent or None, text, feedback) per answer."""
    marks = []
    i = 0
    while True:
        i = _find(text, "=~", i)
        if i < 0:
            break
        if text[i] == "=" and i > 0 and text[i - 1] != "\\" and text[i + 1 : i + 2] == ">":
            i += 1
            continue
        marks.append(i)
        i += 1
    if not marks or text[: marks[0]].strip():
        raise _Bad("answers start with = (right) or ~ (wrong)")
    out = []
    for n, at in enumerate(marks):
        raw = text[at + 1 : marks[n + 1] if n + 1 < len(marks) else len(text)].strip()
        weight = None
        found = _WEIGHT.match(raw)
        if found:
            try:
                weight = Decimal(found[1])
            except InvalidOperation:
                raise _Bad(f"a weight must be a number, got {found[1]!r}") from None
            raw = raw[found.end() :]
        cut = _find(raw, "#")
        answer, feedback = (raw[:cut], raw[cut + 1 :]) if cut >= 0 else (raw, "")
        out.append((text[at], weight, _MARKER.sub("", answer).strip(), _MARKER.sub("", feedback).strip()))
    return out


def _numeric(item: NeutralItem, text: str) -> NeutralItem:
    right = re.split(r"(?<!\\)~", text)[0]  # ~ parts are wrong answers (with their feedback): passed over
    answers = [a.strip() for a in re.split(r"(?<!\\)=", right) if a.strip()] or [right.strip()]
    accepted = []
    for a in answers:
        a = re.split(r"(?<!\\)#", a, maxsplit=1)[0].strip()
        if _WEIGHT.match(a):
            raise _Unsupported("a numeric answer worth part of the points")
        if ".." in a:
            raise _Unsupported(f"a numeric range ({a}): ExamDesk compares answers as written")
        number, _colon, tolerance = a.partition(":")
        try:
            if tolerance and Decimal(tolerance) != 0:
                raise _Unsupported(f"a numeric answer with a tolerance (±{tolerance}): ExamDesk compares answers as "
                                   "written")  # fmt: skip
            Decimal(number)
        except InvalidOperation:
            raise _Bad(f"a numeric answer must be a number, got {a!r}") from None
        accepted.append(number.strip())
    item.type = "fill_in"
    if "____" not in item.stem:
        item.stem += "\n____"
    item.key = (tuple(accepted),)
    return item


def _own(item: NeutralItem, comments: list[str]) -> None:
    """ExamDesk's own fields from `// examdesk: {json}` comments above the question."""
    for comment in comments:
        try:
            data = json.loads(comment)
        except ValueError:
            continue
        if not isinstance(data, dict):
            continue
        if isinstance(data.get("points"), int | float | str):
            with contextlib.suppress(InvalidOperation):
                item.points = Decimal(str(data["points"]))
        item.area = str(data.get("area", "") or "")
        item.code = str(data.get("code", "") or "")
        levels = data.get("levels")
        item.levels = tuple(v for v in levels if isinstance(v, int | str)) if isinstance(levels, list) else ()
        if isinstance(data.get("difficulty"), int):
            item.difficulty = data["difficulty"]
        if data.get("type") in ("short_answer", "essay") and item.type == "essay":
            item.type = data["type"]
        if data.get("fixed_order"):
            item.shuffle = False
        if isinstance(data.get("answer"), str):
            item.model_answer = data["answer"].strip()
        rubric = data.get("rubric")
        if isinstance(rubric, list):
            item.rubric = tuple((str(p[0]), Decimal(str(p[1]))) for p in rubric
                                if isinstance(p, list) and len(p) == 2 and isinstance(p[1], int | float))  # fmt: skip
        enemies = data.get("enemies")
        item.enemies = tuple(str(e) for e in enemies) if isinstance(enemies, list) else ()
        media = data.get("media")
        item.media = tuple(str(m) for m in media) if isinstance(media, list) else item.media


# -- writing ------------------------------------------------------------------------------------------


def _weight(value: Decimal) -> str:
    text = f"{value:.5f}".rstrip("0").rstrip(".")
    return text or "0"


def write_gift(items: Sequence[NeutralItem], info: BankInfoRow | None = None) -> bytes:
    """A GIFT file that reads back to the same items; ExamDesk's fields in a comment above each."""
    named = info.bank if info else "GIFT"
    problems = [Problem(it.source or named, None, it.source_id, f"a fill-in question with {len(it.key)} blanks "
                        "cannot be written in GIFT (one blank per question)")
                for it in items if it.type == "fill_in" and len(it.key) != 1]  # fmt: skip
    if problems:
        raise DataFileError(problems)
    bank = info.bank if info else ""
    out: list[str] = []
    if info is not None:
        head = {"bank": info.bank, "title": info.title, "standard": info.standard, "subtype": info.subtype,
                "version": info.version}  # fmt: skip
        out.append("// examdesk-bank: " + json.dumps(head, ensure_ascii=False) + "\n")
    category = None
    for n, it in enumerate(items, 1):
        cat = it.category or bank or "ExamDesk"
        if cat != category:
            category = cat
            out.append(f"$CATEGORY: $course$/top/{cat}\n")
        own: dict[str, object] = {"points": number_json(it.points), "area": it.area, "code": it.code,
                                  "levels": list(it.levels), "difficulty": it.difficulty}  # fmt: skip
        if it.type in ("short_answer", "essay"):
            own["type"] = it.type
        if it.shuffle is False:
            own["fixed_order"] = True
        if it.model_answer:
            own["answer"] = it.model_answer
        if it.rubric:
            own["rubric"] = [[t, number_json(m)] for t, m in it.rubric]
        if it.enemies:
            own["enemies"] = list(it.enemies)
        if it.media:
            own["media"] = list(it.media)
        stated = {k: v for k, v in own.items() if v not in (None, "", [])}
        lines: list[str] = [OWN + json.dumps(stated, ensure_ascii=False)]
        name = it.source_id if it.has_id else f"Q{n:04d}"
        start = f"::{escape(name)}::[plain]"
        feedback = f"####{escape(it.explanation)}" if it.explanation else ""
        if it.type in ("single", "multiple"):
            share = Decimal(100) / max(len(it.key), 1)
            choices: list[str] = []
            for text in it.options:
                if it.type == "single":
                    choices.append(("=" if text in it.key else "~") + escape(text))
                else:
                    weight = _weight(share) if text in it.key else "-100"
                    choices.append(f"~%{weight}%{escape(text)}")
            lines.append(start + escape(it.stem) + " {\n" + "\n".join("\t" + a for a in choices) +
                         (f"\n\t{feedback}" if feedback else "") + "\n}")  # fmt: skip
        elif it.type == "true_false":
            word = "TRUE" if it.key and true_false(str(it.key[0])) else "FALSE"
            lines.append(f"{start}{escape(it.stem)} {{{word}{feedback}}}")
        elif it.type == "fill_in":  # the blank stays in the text; the answers follow it
            answers = " ".join("=" + escape(str(a)) for a in (it.key[0] if it.key else ()))
            lines.append(f"{start}{escape(re.sub(r'_{4,}', '____', it.stem))} {{{answers}{feedback}}}")
        else:
            lines.append(f"{start}{escape(it.stem)} {{{feedback}}}")
        out.append("\n".join(lines) + "\n")
    return "\n".join(out).encode("utf-8")
