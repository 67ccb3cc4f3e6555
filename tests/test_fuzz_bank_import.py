"""Mutated Excel banks (cells, headers, bytes, the zip's parts): clear problems naming the file, never a
traceback, and a refused workbook leaves the store's banks as they were."""

from __future__ import annotations

import copy
import datetime
import io
import tempfile
import zipfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from openpyxl.utils.exceptions import IllegalCharacterError

from app.api.types import FileData
from app.banks.bank_file import read_banks
from app.banks.catalog import Catalog
from app.banks.interchange import convert, read_package, relocate
from app.services.library import LibraryService
from app.store.database import sqlite_url
from tests.bank_workbooks import workbook
from tests.fuzzing import ODD_STRINGS, fuzz, mutated_bytes, mutated_text, read_or_refuse
from tests.store_fixtures import build_world

CATALOG = Catalog.load()
HEADER = [
    "编号",
    "题型",
    "题干",
    "选项A",
    "选项B",
    "选项C",
    "选项D",
    "正确答案",
    "分值",
    "难度",
    "职业功能",
    "内容代码",
    "适用等级",
    "评分要点",
    "知识点",
]
ROWS = [
    ["F-1", "单选题", "单选（　）。", "甲", "乙", "丙", "丁", "B", 1, "易", "学情分析", "1.1", 5, None, "甲"],
    ["F-2", "多选题", "多选（　）。", "甲", "乙", "丙", "丁", "ABD", 2, "中", "学情分析", "1.2", "5,4", None, "乙"],
    ["F-3", "判断题", "判断。", None, None, None, None, "√", 1, 3, "学习评价", "6.1", 5, None, None],
    ["F-4", "填空题", "填空____。", None, None, None, None, "甲;乙", 2, "难", "学习评价", "6.2", 5, None, None],
    [
        "F-5",
        "简答题",
        "简答。",
        None,
        None,
        None,
        None,
        "参考",
        10,
        "中",
        "动机激励",
        "3.1",
        5,
        "要点一|4\n要点二（6分）",
        None,
    ],
]
SEED = [HEADER, *ROWS]
CELL_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**16), 10**16),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.sampled_from(
        [
            *ODD_STRINGS,
            "单选题",
            "判断题",
            "组合题",
            "A",
            "ABD",
            "Z",
            "对",
            "易",
            "是",
            "0",
            "100",
            "1.1",
            "学情分析",
            "题干",
            "正确答案",
            "选项E",
            "a|b",
            "x|4",
            "=1+1",
        ]
    ),
    st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2100, 1, 1)),
)


@st.composite
def mutated_rows(draw: st.DrawFn) -> list[list]:
    """The seed rows with cells replaced, rows and columns deleted, duplicated or moved."""
    rows = copy.deepcopy(SEED)
    for _ in range(draw(st.integers(1, 5))):
        op = draw(st.sampled_from(["cell", "cell", "cell", "header", "drop_row", "dup_row", "drop_col", "swap_col"]))
        r = draw(st.integers(0, len(rows) - 1))
        width = max(len(row) for row in rows) or 1
        c = draw(st.integers(0, width - 1))
        if op == "cell" and rows:
            rows[r] += [None] * (c + 1 - len(rows[r]))
            rows[r][c] = draw(CELL_VALUES)
        elif op == "header":
            rows[0][c % len(rows[0])] = draw(st.one_of(st.sampled_from([*HEADER, "选项", "答案", "题目"]), CELL_VALUES))
        elif op == "drop_row" and len(rows) > 1:
            del rows[r]
        elif op == "dup_row":
            rows.insert(r, list(rows[r]))
        elif op == "drop_col":
            for row in rows:
                if c < len(row):
                    del row[c]
        elif op == "swap_col":
            d = draw(st.integers(0, width - 1))
            for row in rows:
                row += [None] * (width - len(row))
                row[c], row[d] = row[d], row[c]
    return rows


def _book(rows: list[list]) -> bytes | None:
    try:
        return workbook({"试题": rows})
    except (IllegalCharacterError, ValueError, TypeError):
        return None  # openpyxl itself refuses to write it: no workbook a tool could hand us


def _import_or_refuse(data: bytes, name: str = "bank.xlsx") -> list | None:
    def run() -> list:
        found = read_package([(name, data)], CATALOG.standards)
        converted, _notes = convert(found, standard="4-13-99-02")
        try:
            return read_banks([], CATALOG.standards, sources=[(c.name, c.text) for c in converted]).items
        except Exception as exc:
            from app.errors import DataFileError

            if isinstance(exc, DataFileError):
                raise DataFileError(relocate(exc.problems, converted)) from None
            raise

    return read_or_refuse(run, {name})


def test_the_seed_imports():
    items = _import_or_refuse(workbook({"试题": SEED}))
    assert items is not None and len(items) == len(ROWS)


@fuzz(200)
@given(mutated_rows())
def test_mutated_cells_and_headers_are_read_or_refused_clearly(rows):
    data = _book(rows)
    if data is not None:
        _import_or_refuse(data)


@fuzz(80)
@given(mutated_bytes(workbook({"试题": SEED})))
def test_a_damaged_workbook_file_is_refused_clearly(data):
    _import_or_refuse(data)


@st.composite
def rezipped(draw: st.DrawFn, data: bytes) -> bytes:
    """The workbook with one part's XML text mutated, or removed."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        parts = {info.filename: zf.read(info) for info in zf.infolist()}
    name = draw(st.sampled_from(sorted(parts)))
    if draw(st.booleans()):
        text = draw(
            mutated_text(
                parts[name].decode("utf-8"),
                ["<", ">", "</row>", '"', "&", "x" * 100, '<c r="A9"><v>1</v></c>', "&#0;", '<c t="s"><v>999'],
            )
        )
        parts[name] = text.encode("utf-8")
    else:
        del parts[name]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for part, content in parts.items():
            zf.writestr(part, content)
    return out.getvalue()


@fuzz(80)
@given(rezipped(workbook({"试题": SEED})))
def test_a_workbook_with_mutated_parts_is_read_or_refused_clearly(data):
    _import_or_refuse(data)


_WORLD = None


def _world():
    global _WORLD
    if _WORLD is None:
        _WORLD = build_world(sqlite_url(Path(tempfile.mkdtemp(prefix="examdesk-fuzz-banks-")) / "examdesk.db"))
    return _WORLD


@fuzz(25)
@given(mutated_rows())
def test_a_refused_workbook_imports_nothing_and_an_accepted_one_all(rows):
    data = _book(rows)
    if data is None:
        return
    world = _world()
    library = LibraryService(world.db)
    catalog = CATALOG.with_imported(library.imported_sources())
    before = library.imported_sources()
    name = f"fuzz-{len(before)}.xlsx"
    infos = read_or_refuse(
        lambda: library.import_banks(world.admin, catalog, [FileData(name, data)], standard="4-13-99-02"), {name}
    )
    after = library.imported_sources()
    if infos is None:
        assert after == before
    else:
        assert after[: len(before)] == before and [n for n, _t in after[len(before) :]] == [name]
        merged = catalog.with_imported(after)
        stored = [it for it in merged.banks.items if it.bank == infos[0].bank]
        assert len(stored) == infos[0].item_count == len(read_package([(name, data)], {}).items)
