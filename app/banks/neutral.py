"""Neutral items: what every bank format's reader produces and every writer takes (docs/bank-format.md,
"Other formats").

A reader turns a file of some other tool (an Excel 题库导入模板, later QTI, Moodle XML, GIFT) into
`NeutralItem`s, each with the place it came from, and reports what it cannot represent
(`unsupported`), what is wrong (`problems`, each naming file, sheet, row and column) and what is
only worth knowing (`warnings`: a missing media file, an unknown column). Nothing here reads files.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal

from app.errors import Problem

# the neutral types, as `examdesk bank inspect` names them, and the ExamDesk item type of each
TYPES = ("single", "multiple", "true_false", "fill_in", "short_answer", "essay")
EXAMDESK_TYPE = {
    "single": "single",
    "multiple": "multiple",
    "true_false": "truefalse",
    "fill_in": "fill",
    "short_answer": "short",
    "essay": "case",
}
NEUTRAL_TYPE = {examdesk: neutral for neutral, examdesk in EXAMDESK_TYPE.items()}

# 题型 as Chinese exam systems write it (and the neutral names themselves)
TYPE_NAMES = {
    **{name: name for name in TYPES},
    **{name: neutral for name, neutral in NEUTRAL_TYPE.items()},
    "单选": "single", "单选题": "single", "单项选择": "single", "单项选择题": "single", "选择题": "single",
    "多选": "multiple", "多选题": "multiple", "多项选择": "multiple", "多项选择题": "multiple",
    "不定项选择题": "multiple", "不定项": "multiple",
    "判断": "true_false", "判断题": "true_false", "是非题": "true_false",
    "填空": "fill_in", "填空题": "fill_in",
    "简答": "short_answer", "简答题": "short_answer", "问答题": "short_answer",
    "论述": "essay", "论述题": "essay", "案例分析": "essay", "案例分析题": "essay", "案例题": "essay",
    "综合分析题": "essay",
}  # fmt: skip

# how sources write the answer of a 判断题
TRUE_WORDS = frozenset({"对", "正确", "√", "✓", "✔", "T", "TRUE", "是", "Y", "YES", "RIGHT"})
FALSE_WORDS = frozenset({"错", "错误", "×", "✗", "✘", "X", "F", "FALSE", "否", "N", "NO", "WRONG"})

# 难度 as words: the three-step scale (易/中/难, 低/中/高难度) sits at 2/3/4 of ExamDesk's 1..5
DIFFICULTY_WORDS = {
    "很易": 1, "容易": 2, "简单": 2, "易": 2, "低": 2, "低难度": 2, "较易": 2,
    "中": 3, "中等": 3, "适中": 3, "一般": 3, "中难度": 3,
    "难": 4, "较难": 4, "高": 4, "高难度": 4, "困难": 4, "很难": 5,
}  # fmt: skip

YES_WORDS = frozenset({"是", "Y", "YES", "TRUE", "1", "√", "对"})
NO_WORDS = frozenset({"否", "N", "NO", "FALSE", "0", "×", "错"})


@dataclass
class NeutralItem:
    """One question as a source states it, in no tool's terms."""

    source_id: str  # the source's own id, or where it is ("试题!5") when it has none
    type: str  # one of TYPES
    stem: str
    source: str  # the file it came from
    location: str  # where in that file, e.g. "试题!A5"
    options: tuple[str, ...] = ()
    # choice: the correct options' texts; true_false: one text as the source writes it (对, √, ...);
    # fill_in: one tuple of accepted answers per blank; short_answer, essay: empty
    key: tuple = ()
    points: Decimal | None = None
    explanation: str = ""
    model_answer: str = ""  # short_answer, essay: the reference answer (参考答案)
    difficulty: int | None = None  # 1..5 when the source states it
    knowledge: str = ""  # 知识点
    category: str = ""  # 分类, 章节
    tags: tuple[str, ...] = ()
    shuffle: bool | None = None  # 选项是否支持乱序, when stated
    media: tuple[str, ...] = ()
    # ExamDesk's own columns, when the source carries them (an exported workbook does)
    has_id: bool = False  # source_id is an item id (编号), not a row number
    area: str = ""
    code: str = ""
    levels: tuple[str | int, ...] = ()
    rubric: tuple[tuple[str, Decimal], ...] = ()
    enemies: tuple[str, ...] = ()
    difficulty_text: str = ""  # 难度 as written, when it is no number or word known here (a mapping may know it)
    # where each field's cell is, for messages: the sheet, the row, and field -> (column letter, header)
    sheet: str = ""
    row: int = 0
    columns: dict[str, tuple[str, str]] = field(default_factory=dict)

    def where(self, fld: str) -> str:
        """The cell of a field, e.g. "试题!F5 (正确答案)"; the item's place when it has no such cell."""
        column = self.columns.get(fld)
        if column is None or not self.sheet:
            return self.location
        return f"{self.sheet}!{column[0]}{self.row} ({column[1]})"

    def inspect_json(self) -> dict[str, object]:
        key: list[object] = [list(blank) for blank in self.key] if self.type == "fill_in" else list(self.key)
        return {
            "source_id": self.source_id,
            "type": self.type,
            "stem": self.stem,
            "options": list(self.options),
            "key": key,
            "points": number_json(self.points),
        }


@dataclass
class BankInfoRow:
    """What a workbook says about its bank (the 题库信息 sheet of an exported workbook)."""

    bank: str = ""
    title: str = ""
    standard: str = ""
    subtype: str = ""
    version: str = ""


@dataclass
class ReadResult:
    items: list[NeutralItem] = field(default_factory=list)
    unsupported: list[Problem] = field(default_factory=list)  # (source, location, reason)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    info: dict[str, BankInfoRow] = field(default_factory=dict)  # source -> its bank information

    def extend(self, other: ReadResult) -> None:
        self.items += other.items
        self.unsupported += other.unsupported
        self.problems += other.problems
        self.warnings += other.warnings
        self.info.update(other.info)


def number_json(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def clean(text: str) -> str:
    """A cell's text with leading and trailing spaces (ideographic and no-break ones too) trimmed;
    spaces inside, such as the ideographic one in "（\u3000）", stay."""
    return text.strip()


def folded(text: str) -> str:
    """For matching words: NFKC (full-width letters and digits to half-width), no spaces, upper case."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).upper()


def true_false(text: str) -> bool | None:
    word = folded(text)
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    return None


def difficulty_of(text: str, words: dict[str, int] | None = None) -> int | None:
    """1..5 from a number or a word (易/中/难, 低/中/高难度, ...); None when it is neither."""
    word = folded(text)
    table = {folded(k): v for k, v in (words or {}).items()} | {folded(k): v for k, v in DIFFICULTY_WORDS.items()}
    if words:  # the mapping file's own words win
        table.update({folded(k): v for k, v in words.items()})
    if word in table:
        return table[word]
    if re.fullmatch(r"[1-5](\.0+)?", word):
        return int(word[0])
    return None


def yes_no(text: str) -> bool | None:
    word = folded(text)
    if word in YES_WORDS:
        return True
    if word in NO_WORDS:
        return False
    return None
