"""Excel question banks (.xlsx) the way Chinese exam systems lay them out (题库导入模板): reading
them into neutral items, writing neutral items back, and the empty template.

One row per question; the header row is found by name (题干 and friends, in any order, in one of the
first rows of a sheet); unknown columns are ignored and reported. A sheet without a 题型 column takes
its type from its name (a sheet called 单选题). Every problem names the file, the sheet and the cell.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from typing import Any

from app.banks.neutral import (
    TYPE_NAMES,
    BankInfoRow,
    NeutralItem,
    ReadResult,
    clean,
    difficulty_of,
    folded,
    number_json,
    true_false,
    yes_no,
)
from app.errors import Problem
from app.reports.zip_members import ZipMemberError, member_chunks, open_zip

HEADER_ROWS = 10  # the header row is one of a sheet's first rows (some templates put a note above it)
MAX_OPTIONS = 8
LETTERS = "ABCDEFGH"
ITEM_SHEET = "试题"
INFO_SHEET = "题库信息"
GUIDE_SHEET = "填写说明"
SKIPPED_SHEETS = frozenset({GUIDE_SHEET, "说明", "填写说明", "使用说明", "导入说明", "示例说明"})

# header names (folded: NFKC, no spaces, upper case) -> field
_HEADERS = {
    "stem": ("题干", "题目", "试题内容", "题目内容", "试题题干", "题目名称", "问题", "STEM", "QUESTION"),
    "type": ("题型", "题目类型", "试题类型", "类型", "TYPE"),
    "key": ("正确答案", "答案", "标准答案", "参考答案", "KEY", "ANSWER"),
    "points": ("分值", "分数", "试题分值", "题目分值", "POINTS", "SCORE"),
    "difficulty": ("难度", "难易程度", "难度等级", "试题难度", "难易度", "DIFFICULTY"),
    "explanation": ("解析", "答案解析", "试题解析", "题目解析", "EXPLANATION"),
    "knowledge": ("知识点", "考点", "KNOWLEDGE"),
    "category": ("分类", "题目分类", "试题分类", "章节", "所属章节", "题库分类", "CATEGORY"),
    "tags": ("标签", "TAGS"),
    "shuffle": ("选项是否支持乱序", "选项乱序", "是否乱序", "选项是否乱序"),
    "id": ("编号", "试题编号", "题目编号", "ID"),
    "seq": ("序号", "题号"),
    "options": ("选项", "OPTIONS"),
    "area": ("职业功能", "AREA"),
    "code": ("内容代码", "工作内容代码", "CODE"),
    "levels": ("适用等级", "等级", "LEVELS"),
    "rubric": ("评分要点", "评分标准", "RUBRIC"),
    "enemies": ("互斥题", "ENEMIES"),
    "media": ("图片", "附件", "媒体文件", "MEDIA"),
}
HEADERS = {folded(name): fld for fld, names in _HEADERS.items() for name in names}
_OPTION_HEADER = re.compile(r"(?:选项)?([A-H])(?:选项|项)?(?:内容)?")
_BRACKETED = re.compile(r"[（(【\[].*?[)）】\]]")
_TYPES = {folded(name): neutral for name, neutral in TYPE_NAMES.items()}
_KEY_SEPARATORS = re.compile(r"[\s,，、;；/|]+")
_LIST_SEPARATORS = re.compile(r"[,，、;；\s]+")
_OPTION_LINE = re.compile(r"^\s*([A-Ha-h])\s*[.．、:：)）]\s*(.*)$")
_RUBRIC_BAR = re.compile(r"^(.*?)[|｜]\s*(\d+(?:\.\d+)?)\s*$")
_RUBRIC_POINTS = re.compile(r"^(.*?)[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]\s*[。；;]?$")
BLANK_SEPARATOR = re.compile(r"\s*[|｜]\s*")
ANSWER_SEPARATOR = re.compile(r"\s*[;；]\s*")
MAX_PART = 256 * 1024 * 1024  # bytes one part of a workbook may inflate to (a 20,000-question sheet is ~10 MB)

INFO_KEYS = {folded(k): v for k, v in {
    "题库编号": "bank", "bank": "bank", "题库名称": "title", "title": "title", "职业标准": "standard",
    "标准": "standard", "standard": "standard", "工种": "subtype", "subtype": "subtype", "版本": "version",
    "version": "version",
}.items()}  # fmt: skip


def header_field(text: str) -> str | None:
    """The field a header names ("题干（必填）" -> "stem", "选项A" -> "opt:A"), or None."""
    name = folded(_BRACKETED.sub("", text).replace("*", ""))
    if not name:
        return None
    if name in HEADERS:
        return HEADERS[name]
    match = _OPTION_HEADER.fullmatch(name)
    return f"opt:{match[1]}" if match else None


def cell_text(value: Any) -> str:
    """A cell as text: numbers as written ("5", not 5.0), dates as ISO dates, spaces trimmed."""
    if value is None:
        return ""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return str(value)
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    return clean(str(value))


Progress = Callable[[int, int], None]
PROGRESS_EVERY = 1000  # rows between progress reports


def read_xlsx(name: str, data: bytes, members: Iterable[str] = (), progress: Progress | None = None) -> ReadResult:
    """Neutral items of every question sheet of the workbook `data` (named `name` in messages).

    `members`: the other files of the package it came in, so that media it names can be found.
    `progress(rows read, rows in the workbook)` every thousand rows, for a long workbook's import."""
    from openpyxl import load_workbook

    result = ReadResult()
    has_formulas = False
    try:  # every part checked first (corrupt, encrypted, inflating past the limit), so openpyxl opens a sound zip
        with open_zip(io.BytesIO(data)) as archive:  # zipfile takes a file object as well as a path
            for info in archive.infolist():
                sheet_part = info.filename.startswith("xl/worksheets/")
                tail = b""
                for chunk in member_chunks(archive, info, MAX_PART):
                    if sheet_part and not has_formulas:
                        has_formulas = _has_formula_tag(tail + chunk)
                        tail = chunk[-16:]
    except ZipMemberError as exc:
        result.problems.append(Problem(name, None, "", f"not an Excel workbook (.xlsx): {exc.message}"))
        return result
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises what its XML parsers raise on a malformed part
        result.problems.append(Problem(name, None, "", f"not an Excel workbook (.xlsx): {_reason(exc)}"))
        return result
    try:  # only a workbook with formulas is read twice: their text shows which empty cells are unsaved results
        formulas = _formula_cells(data) if has_formulas else {}
    except Exception as exc:
        result.problems.append(Problem(name, None, "", f"not an Excel workbook (.xlsx): {_reason(exc)}"))
        return result
    try:
        available = set(members)
        headers = 0
        total = sum(sheet.max_row or 0 for sheet in book.worksheets)  # from each sheet's <dimension>, when given
        counter = _Counter(progress, total)
        for sheet in book.worksheets:
            title = str(sheet.title)
            found = ReadResult()
            try:
                rows = sheet.iter_rows(values_only=True)
                if title == INFO_SHEET:
                    result.info[name] = _read_info(rows)
                elif title not in SKIPPED_SHEETS:
                    headers += _read_sheet(name, title, counter.counting(rows), available, found,
                                           formulas.get(title, frozenset()))  # fmt: skip
            except Exception as exc:  # a malformed sheet inside a sound package: the sheet is refused whole
                found = ReadResult(problems=[Problem(name, None, title, f"the sheet cannot be read: {_reason(exc)}")])
            result.extend(found)
    finally:
        book.close()
    if not result.items and not result.problems and not result.unsupported:
        message = "no questions: no row below the header is filled in" if headers else \
            "no questions found: no sheet has a header row with a 题干 column"  # fmt: skip
        result.problems.append(Problem(name, None, "", message))
    return result


# a formula element in a sheet's XML, with or without a namespace prefix: <f>, <f t="shared" .../>, <x:f>
_FORMULA_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s>/]")


def _has_formula_tag(xml: bytes) -> bool:
    # substring searches first (memchr-fast): the regex runs only on a sheet that may have formulas
    return (b"<f" in xml or b":f" in xml) and _FORMULA_TAG.search(xml) is not None


def _formula_cells(data: bytes) -> dict[str, frozenset[tuple[int, int]]]:
    """Sheet title -> (row, column index) of every formula cell. Read with data_only, a formula whose
    result the file does not keep (a workbook written by a program, never opened and saved in
    Excel or WPS) is an empty cell; these positions tell such a cell from one left empty."""
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    try:
        out: dict[str, frozenset[tuple[int, int]]] = {}
        for sheet in book.worksheets:
            cells = set()
            for number, row in enumerate(sheet.iter_rows(values_only=True), 1):
                for index, value in enumerate(row):
                    if (isinstance(value, str) and value.startswith("=")) or type(value).__name__ in _FORMULA_TYPES:
                        cells.add((number, index))
            if cells:
                out[str(sheet.title)] = frozenset(cells)
        return out
    finally:
        book.close()


_FORMULA_TYPES = ("ArrayFormula", "DataTableFormula")
UNSAVED_FORMULA = "formula without a saved value: open the workbook in Excel or WPS and save it, then import it again"


class _Counter:
    """Reports the rows read so far, every PROGRESS_EVERY rows."""

    def __init__(self, progress: Progress | None, total: int):
        self.progress, self.total, self.done = progress, total, 0

    def counting(self, rows: Iterator[tuple[Any, ...]]) -> Iterator[tuple[Any, ...]]:
        if self.progress is None:
            yield from rows
            return
        for row in rows:
            self.done += 1
            if self.done % PROGRESS_EVERY == 0:
                self.progress(self.done, max(self.total, self.done))
            yield row


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0][:120] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _read_info(rows: Iterator[tuple[Any, ...]]) -> BankInfoRow:
    info = BankInfoRow()
    for row in rows:
        if len(row) >= 2:
            key = INFO_KEYS.get(folded(cell_text(row[0])))
            if key:
                setattr(info, key, cell_text(row[1]))
    return info


class _Sheet:
    """The columns of one sheet, found from its header row."""

    def __init__(self, source: str, title: str, header: Sequence[Any], header_row: int, result: ReadResult):
        from openpyxl.utils import get_column_letter

        self.source, self.title = source, title
        self.fields: dict[str, int] = {}
        self.options: list[tuple[str, int]] = []
        self.columns: dict[str, tuple[str, str]] = {}
        for index, value in enumerate(header):
            text = cell_text(value)
            if not text:
                continue
            fld = header_field(text)
            letter = get_column_letter(index + 1)
            where = f"{title}!{letter}{header_row} ({text})"
            if fld is None:
                result.warnings.append(Problem(source, header_row, where, f"unknown column {text!r}: ignored"))
            elif fld in self.fields:
                first = self.columns[fld]
                message = f"the column {text!r} repeats column {first[0]} ({first[1]})"
                result.problems.append(Problem(source, header_row, where, message))
            else:
                self.fields[fld] = index
                self.columns[fld] = (letter, text)
        self.options = sorted((fld[4:], ix) for fld, ix in self.fields.items() if fld.startswith("opt:"))
        self.formulas: frozenset[tuple[int, int]] = frozenset()

    def unsaved(self, number: int, row: tuple[Any, ...]) -> list[int]:
        """The column indexes of the row's read columns that hold a formula without a saved value."""
        if not self.formulas:
            return []
        return [ix for ix in self.fields.values()
                if (ix >= len(row) or row[ix] is None) and (number, ix) in self.formulas]  # fmt: skip


def _find_header(rows: Iterator[tuple[Any, ...]]) -> tuple[int, tuple[Any, ...]] | None:
    for number, row in enumerate(rows, 1):
        if any(isinstance(v, str) and header_field(v) == "stem" for v in row):
            return number, row
        if number >= HEADER_ROWS:
            return None
    return None


def _read_sheet(
    source: str,
    title: str,
    rows: Iterator[tuple[Any, ...]],
    members: set[str],
    out: ReadResult,
    formulas: frozenset[tuple[int, int]] = frozenset(),
) -> bool:
    """Read one sheet's questions into `out`; whether it has a header row. `formulas`: (row, column
    index) of its formula cells."""
    found = _find_header(rows)
    if found is None:
        out.warnings.append(Problem(source, None, title, "no header row with a 题干 column in the first rows: "
                                    "the sheet is skipped"))  # fmt: skip
        return False
    header_row, header = found
    sheet = _Sheet(source, title, header, header_row, out)
    sheet.formulas = formulas
    sheet_type = _TYPES.get(folded(_BRACKETED.sub("", title)))
    if "type" not in sheet.fields and sheet_type is None:
        message = (f"no 题型 column, and the sheet's name {title!r} is no question type (name it 单选题, 多选题, "
                   "判断题, 填空题, 简答题 or 论述题, or add a 题型 column)")  # fmt: skip
        out.problems.append(Problem(source, header_row, f"{title}!{header_row}", message))
        return True
    for number, row in enumerate(rows, header_row + 1):
        if not any(v is not None and (not isinstance(v, str) or v.strip()) for v in row) and \
                not sheet.unsaved(number, row):  # fmt: skip
            continue  # an empty row
        _read_row(sheet, number, row, sheet_type, members, out)
    return True


def _read_row(
    sheet: _Sheet, number: int, row: tuple[Any, ...], sheet_type: str | None, members: set[str], out: ReadResult
) -> None:
    fields = sheet.fields

    def text(fld: str) -> str:
        ix = fields.get(fld)
        return cell_text(row[ix]) if ix is not None and ix < len(row) else ""

    item = NeutralItem(source_id="", type="", stem=text("stem"), source=sheet.source, location="",
                       sheet=sheet.title, row=number, columns=sheet.columns)  # fmt: skip
    item.location = item.where("stem")
    problems: list[Problem] = []

    def problem(fld: str, message: str) -> None:
        problems.append(Problem(sheet.source, number, item.where(fld), message))

    unsaved = sheet.unsaved(number, row)
    if unsaved:  # the row's other problems would only follow from the missing values
        by_index = {i: f for f, i in fields.items()}
        out.problems += [Problem(sheet.source, number, item.where(by_index[ix]), UNSAVED_FORMULA) for ix in unsaved]
        return
    raw_id = text("id")
    item.source_id, item.has_id = (raw_id, True) if raw_id else (text("seq") or f"{sheet.title}!{number}", False)
    raw_type = text("type")
    if raw_type:
        kind = _TYPES.get(folded(raw_type))
        if kind is None:
            out.unsupported.append(Problem(sheet.source, number, item.where("type"),
                                           f"question type {raw_type!r} is not supported; supported: 单选题, 多选题, "
                                           "判断题, 填空题, 简答题, 论述题, 案例分析题"))  # fmt: skip
            return
    elif sheet_type is not None:
        kind = sheet_type
    else:
        problem("type", "missing: the question type (题型)")
        kind = ""
    item.type = kind
    if not item.stem:
        problem("stem", "empty: the question (题干)")
    item.options = _options(sheet, row, text("options"), problem)
    raw_key = text("key")
    item.key = _key(kind, raw_key, item.options, problem)
    if kind in ("short_answer", "essay"):
        item.model_answer = raw_key
    raw_points = text("points")
    if raw_points:
        try:
            item.points = Decimal(raw_points)
        except InvalidOperation:
            item.points = None
        if item.points is None or not item.points.is_finite() or item.points <= 0:
            problem("points", f"must be a positive number (分值), got {raw_points!r}")
            item.points = None
    raw_difficulty = text("difficulty")
    if raw_difficulty:
        item.difficulty = difficulty_of(raw_difficulty)
        if item.difficulty is None:
            item.difficulty_text = raw_difficulty
    item.explanation = text("explanation")
    item.knowledge = text("knowledge")
    item.category = text("category")
    item.tags = tuple(t for t in _LIST_SEPARATORS.split(text("tags")) if t)
    raw_shuffle = text("shuffle")
    if raw_shuffle:
        item.shuffle = yes_no(raw_shuffle)
        if item.shuffle is None:
            problem("shuffle", f"must be 是 or 否, got {raw_shuffle!r}")
    item.area, item.code = text("area"), text("code")
    item.levels = tuple(_level(v) for v in _LIST_SEPARATORS.split(text("levels")) if v)
    item.enemies = tuple(e for e in _LIST_SEPARATORS.split(text("enemies")) if e)
    item.rubric = _rubric(text("rubric"), problem)
    item.media = tuple(m for m in re.split(r"[,，;；\n]+", text("media")) if m.strip())
    for media in item.media:
        if media.strip() not in members:
            out.warnings.append(Problem(sheet.source, number, item.where("media"), f"media file not found: {media}"))
    if problems:
        out.problems += problems
    else:
        out.items.append(item)


_LEVEL_NAMES = {"一级": 1, "二级": 2, "三级": 3, "四级": 4, "五级": 5}  # the national levels, as certificates name them


def _level(text: str) -> int | str:
    """5, "5", "五级" and "5级" are level 5; other names (初级, 中级) stay as they are."""
    name = text.strip()
    if name.isdigit():
        return int(name)
    if name.endswith("级") and name[:-1].isdigit():
        return int(name[:-1])
    return _LEVEL_NAMES.get(name, name)


def _options(sheet: _Sheet, row: tuple[Any, ...], one_cell: str, problem: Any) -> tuple[str, ...]:
    if sheet.options:
        texts = [(letter, cell_text(row[ix]) if ix < len(row) else "") for letter, ix in sheet.options]
        filled = [letter for letter, t in texts if t]
        if not filled:
            return ()
        last = LETTERS.index(filled[-1])
        given = dict(texts)
        for letter in LETTERS[: last + 1]:
            if not given.get(letter):
                problem(f"opt:{letter}" if letter in given else "stem",
                        f"option {letter} is empty, but a later option is filled")  # fmt: skip
                return ()
        return tuple(given[letter] for letter in LETTERS[: last + 1])
    if one_cell:  # one cell holding "A. ...\nB. ..." (some exports do this)
        out: list[str] = []
        for line in one_cell.splitlines():
            match = _OPTION_LINE.match(line)
            if match and match[1].upper() == LETTERS[len(out) : len(out) + 1]:
                out.append(clean(match[2]))
            elif out and line.strip():
                out[-1] = f"{out[-1]}\n{clean(line)}"
            elif line.strip():
                problem("options", "options in one cell are written one per line as A. ... B. ...")
                return ()
        return tuple(out)
    return ()


def _key(kind: str, raw: str, options: tuple[str, ...], problem: Any) -> tuple:
    if kind in ("single", "multiple"):
        if not options:
            problem("stem", "a choice question needs options (columns 选项A, 选项B, ...)")
            return ()
        if not raw:
            problem("key", "missing: the correct answer (正确答案), e.g. B or ABD")
            return ()
        labels = [c for c in folded(_KEY_SEPARATORS.sub("", raw))]
        if not labels or any(c not in LETTERS for c in labels):
            problem("key", f"must be option letters such as B or ABD, got {raw!r}")
            return ()
        beyond = [c for c in labels if LETTERS.index(c) >= len(options)]
        if beyond:
            problem("key", f"there is no option {beyond[0]} (the question has {len(options)})")
            return ()
        if len(set(labels)) != len(labels):
            problem("key", f"an option is named twice in {raw!r}")
            return ()
        if kind == "single" and len(labels) != 1:
            problem("key", f"a single-choice question has one correct option, got {raw!r}")
            return ()
        return tuple(options[LETTERS.index(c)] for c in sorted(labels))
    if kind == "true_false":
        if not raw:
            problem("key", "missing: the correct answer (正确答案), e.g. 对 or 错")
            return ()
        if options and len(folded(raw)) == 1 and folded(raw) in LETTERS[: len(options)]:
            raw = options[LETTERS.index(folded(raw))]  # 判断题 written as options A 正确 / B 错误
        if true_false(raw) is None:
            problem("key", f"must be true or false (对/错, √/×, 正确/错误, T/F), got {raw!r}")
            return ()
        return (raw,)
    if kind == "fill_in":
        if not raw:
            problem("key", "missing: the accepted answers (正确答案), blanks separated by |")
            return ()
        blanks = [tuple(a for a in ANSWER_SEPARATOR.split(blank) if a) for blank in BLANK_SEPARATOR.split(raw)]
        if any(not blank for blank in blanks):
            problem("key", f"a blank has no answer in {raw!r} (blanks are separated by |, answers of one blank by ;)")
            return ()
        return tuple(blanks)
    return ()


def _rubric(raw: str, problem: Any) -> tuple[tuple[str, Decimal], ...]:
    points = []
    for line in raw.splitlines():
        if not line.strip():
            continue
        match = _RUBRIC_BAR.match(line.strip()) or _RUBRIC_POINTS.match(line.strip())
        if match is None or not match[1].strip():
            problem("rubric", f"a scoring point is written 要点|分数 or 要点（N分）, got {clean(line)[:40]!r}")
            return ()
        points.append((clean(match[1]), Decimal(match[2])))
    return tuple(points)


# -- writing ---------------------------------------------------------------------------------------

TYPE_LABELS = {
    "single": "单选题",
    "multiple": "多选题",
    "true_false": "判断题",
    "fill_in": "填空题",
    "short_answer": "简答题",
    "essay": "案例分析题",
}


def _cell_number(value: Decimal | None) -> int | float | None:
    return number_json(value)


def key_text(item: NeutralItem) -> str:
    """正确答案 as the workbook writes it."""
    if item.type in ("single", "multiple"):
        return "".join(LETTERS[item.options.index(k)] for k in item.key)
    if item.type == "true_false":
        return str(item.key[0]) if item.key else ""
    if item.type == "fill_in":
        return " | ".join(";".join(blank) for blank in item.key)
    return item.model_answer


def write_xlsx(items: Sequence[NeutralItem], info: BankInfoRow | None = None) -> bytes:
    """A workbook of `items` (one 试题 sheet) that reads back to the same items, with a 题库信息 sheet
    when `info` is given."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet(ITEM_SHEET)
    n_options = max([4, *(len(it.options) for it in items)])
    ours = any(it.area or it.code or it.levels or it.rubric or it.enemies for it in items)
    numbered = not all(it.has_id for it in items)  # the source's row numbers (序号), for items without an id
    header = [*(["序号"] if numbered else []), "编号", "题型", "题干", *(f"选项{LETTERS[i]}" for i in range(n_options)),
              "正确答案", "分值", "难度", "解析", "知识点", "分类", "标签", "选项是否支持乱序", "图片"]  # fmt: skip
    if ours:
        header += ["职业功能", "内容代码", "适用等级", "评分要点", "互斥题"]
    sheet.append(header)
    for it in items:
        row: list[Any] = [*([None if it.has_id else it.source_id] if numbered else []),
                          it.source_id if it.has_id else None, TYPE_LABELS[it.type], it.stem,
                          *(list(it.options) + [None] * n_options)[:n_options], key_text(it) or None,
                          _cell_number(it.points), it.difficulty, it.explanation or None, it.knowledge or None,
                          it.category or None, "，".join(it.tags) or None,
                          None if it.shuffle is None else ("是" if it.shuffle else "否"),
                          "；".join(it.media) or None]  # fmt: skip
        if ours:
            row += [it.area or None, it.code or None, ",".join(str(lv) for lv in it.levels) or None,
                    "\n".join(f"{text}|{number_json(mx)}" for text, mx in it.rubric) or None,
                    ",".join(it.enemies) or None]  # fmt: skip
        sheet.append([_safe(sheet, v) for v in row])
    if info is not None:
        sheet = book.create_sheet(INFO_SHEET)
        for label, value in (("题库编号", info.bank), ("题库名称", info.title), ("职业标准", info.standard),
                             ("工种", info.subtype), ("版本", info.version)):  # fmt: skip
            sheet.append([label, _safe(sheet, value) if value else None])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _safe(sheet: Any, value: Any) -> Any:
    """Text that Excel would take for a formula ("=1+1") is written as text all the same."""
    if isinstance(value, str) and value.startswith("="):
        from openpyxl.cell import WriteOnlyCell

        cell = WriteOnlyCell(sheet, value)
        cell.data_type = "s"
        return cell
    return value


# -- the empty template (题库导入模板) ------------------------------------------------------------------

TEMPLATE_COLUMNS = [
    ("编号", 14, "选填。试题编号，在所有题库中唯一；不填则按题库名和行号生成。"),
    ("题型", 12, "必填。单选题、多选题、判断题、填空题、简答题、论述题、案例分析题（下拉选择）。"),
    ("题干", 48, "必填。填空题的每个空写作 ____（四个或更多下划线）或（ ）。"),
    *((f"选项{c}", 18, "单选题、多选题必填 A 至 D（最多到 H）；其他题型不填。") for c in "ABCDEFGH"),
    (
        "正确答案",
        14,
        "单选题写一个字母，如 B；多选题写多个字母，如 ABD 或 A,B,D；判断题写 对/错（或 √/×、正确/错误、T/F）；"
        "填空题多个空用 | 分隔，同一空的多个答案用 ; 分隔；简答题、论述题写参考答案。",
    ),
    ("分值", 8, "选填。正数，0.5 的倍数；不填则用映射文件中的默认分值。"),
    ("难度", 8, "选填。易、中、难，或 1 至 5（1 最易）。"),
    ("解析", 30, "选填。答案解析，考后可见。"),
    ("知识点", 16, "选填。映射文件按知识点确定职业功能、内容代码和等级。"),
    ("选项是否支持乱序", 10, "选填。是 或 否；选项含“以上都对”等时填 否。"),
    ("职业功能", 16, "选填。职业标准中的职业功能（如 学情分析）；不填则由映射文件确定。"),
    ("内容代码", 10, "选填。工作内容代码，如 1.1。"),
    ("适用等级", 10, "选填。可用此题的等级，如 5 或 5,4。"),
    ("评分要点", 30, "简答题、论述题选填。每行一个要点，写作 要点|分数，或 要点（N分）；分数之和等于分值。"),
]


def write_template() -> bytes:
    """The empty workbook a centre fills in: a 试题 sheet with drop-down lists and a 填写说明 sheet
    with instructions, in Chinese. Filled in, it imports with `examdesk bank import`."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = ITEM_SHEET
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    letters: dict[str, str] = {}
    for index, (name, width, note) in enumerate(TEMPLATE_COLUMNS, 1):
        cell = sheet.cell(row=1, column=index, value=name)
        cell.font, cell.fill = bold, fill
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.comment = Comment(note, "ExamDesk")
        letter = get_column_letter(index)
        letters[name] = letter
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    rows = "2:5000"

    def choose(column: str, values: str, prompt: str) -> None:
        dv = DataValidation(type="list", formula1=f'"{values}"', allow_blank=True, showErrorMessage=True)
        dv.error, dv.errorTitle, dv.prompt, dv.promptTitle = "请从下拉列表中选择", "输入有误", prompt, column
        dv.showInputMessage = True
        sheet.add_data_validation(dv)
        start, end = rows.split(":")
        dv.add(f"{letters[column]}{start}:{letters[column]}{end}")

    choose("题型", "单选题,多选题,判断题,填空题,简答题,论述题,案例分析题", "请选择题型")
    choose("难度", "易,中,难,1,2,3,4,5", "易、中、难，或 1 至 5")
    choose("选项是否支持乱序", "是,否", "是 或 否")
    points = DataValidation(type="decimal", operator="between", formula1="0.5", formula2="100", allow_blank=True)
    points.error, points.errorTitle = "分值应为 0.5 至 100 之间的数", "输入有误"
    points.showErrorMessage = True
    sheet.add_data_validation(points)
    points.add(f"{letters['分值']}2:{letters['分值']}5000")

    guide = book.create_sheet(GUIDE_SHEET)
    guide.column_dimensions["A"].width = 18
    guide.column_dimensions["B"].width = 100
    lines = [
        ("ExamDesk 题库导入模板", ""),
        (
            "",
            "在“试题”工作表中每行填写一道试题；第一行为表头，请勿修改表头名称，列的顺序可以调整，不用的选填列可以删除。",
        ),
        ("", "导入前可先检查：examdesk bank inspect 本文件.xlsx --json（只检查，不导入）。"),
        (
            "",
            "导入：examdesk bank import 本文件.xlsx --standard 职业标准代码 [--map 映射文件.yaml]，"
            "或在管理员界面“标准与题库”中导入。",
        ),
        ("", "职业功能、内容代码、适用等级、难度未填写时，须提供映射文件（见 docs/bank-format.md）。"),
        ("", "导入是“全部或全不”：任何一行有误，整个文件都不导入，并列出每个问题所在的工作表、行和列。"),
        ("列", "说明"),
        *((name, note) for name, _width, note in TEMPLATE_COLUMNS),
    ]
    for row in lines:
        guide.append(list(row))
    guide["A1"].font = Font(bold=True, size=14)
    for cell in guide[8]:
        cell.font = bold
    for row in guide.iter_rows(min_row=2):
        row[1].alignment = Alignment(wrap_text=True, vertical="top")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
