"""Question banks in other formats: the Excel reader and writer, the mapping, inspect, import, export."""

from __future__ import annotations

import io
import json
import re
import zipfile
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from app.api.types import FileData
from app.banks.bank_file import read_banks
from app.banks.catalog import Catalog
from app.banks.interchange import (
    convert,
    export_items,
    inspect_json,
    package_from_bytes,
    read_mapping,
    read_package,
    relocate,
)
from app.banks.neutral import BankInfoRow, NeutralItem
from app.banks.xlsx_format import read_xlsx, write_template, write_xlsx
from app.cli import main
from app.errors import DataFileError
from app.security.envelope import FAST_KDF
from app.services.accounts import AccountService
from app.services.base import Conflict, NotFound, PermissionDenied
from app.services.library import LibraryService
from app.store.database import Database, sqlite_url
from app.store.models import AuditEntry
from tests.bank_workbooks import PER_TYPE, REPORT, SINGLE_SHEET, workbook
from tests.conftest import REPO
from tests.store_fixtures import PASSPHRASE, exam_day_clock

IMPORTS = REPO / "question_banks" / "imports"


@pytest.fixture(scope="module")
def catalog():
    return Catalog.load()


def read(sheets, name="bank.xlsx"):
    return read_xlsx(name, workbook(sheets))


def shape(item: NeutralItem) -> tuple:
    return (item.type, item.stem, item.options, item.key, item.points)


# -- reading the layouts Chinese exam systems use ------------------------------------------------------


def test_a_single_sheet_with_a_type_column_reads_every_type():
    result = read(SINGLE_SHEET)
    assert result.problems == [] and result.unsupported == []
    assert [shape(it) for it in result.items] == [
        ("single", "单选一（　）。", ("甲", "乙", "丙", "丁"), ("乙",), Decimal(2)),
        ("multiple", "多选一（　）。", ("甲", "乙", "丙", "丁", "戊"), ("甲", "乙", "丁"), Decimal(2)),
        ("true_false", "判断一。", (), ("正确",), Decimal(1)),
        ("fill_in", "填空一____和____。", (), (("一",), ("二", "贰")), Decimal(2)),
        ("short_answer", "简答一。", (), (), Decimal(10)),
        ("essay", "论述一。", (), (), Decimal(20)),
        ("essay", "案例一。", (), (), Decimal(20)),
    ]
    assert [it.difficulty for it in result.items] == [2, 3, 4, 3, 3, 4, 4]
    assert result.items[0].knowledge == "知识甲" and result.items[0].explanation == "解析一"
    assert result.items[4].model_answer == "参考答案一"


def test_one_sheet_per_type_with_a_note_above_the_header():
    result = read(PER_TYPE)
    assert result.problems == []
    assert [(it.type, it.key, it.difficulty, it.category, it.source_id) for it in result.items] == [
        ("single", ("丙",), 2, "第一章", "1"),
        ("single", ("甲",), 4, "第二章", "2"),  # a full-width Ａ is A
        ("true_false", ("×",), None, "", "1"),
        ("true_false", ("√",), None, "", "2"),
        ("true_false", ("T",), None, "", "3"),
    ]
    assert not any(it.has_id for it in result.items)  # 序号 is a row number, not an item id


def test_marked_headers_in_any_order_options_in_one_cell_and_numbers_as_text():
    result = read(REPORT)
    assert result.problems == []
    assert [(it.source_id, it.type, it.options, it.key, it.points, it.shuffle) for it in result.items] == [
        ("Q-001", "multiple", ("甲", "乙", "丙", "丁"), ("甲", "乙", "丁"), Decimal(3), False),
        ("Q-002", "fill_in", (), (("5",),), Decimal("1.5"), None),  # the number 5, read as the text "5"
        ("Q-003", "true_false", (), ("错",), Decimal(1), None),
        ("Q-004", "single", ("甲", "乙", "丙", "以上都对"), ("以上都对",), Decimal(1), False),
    ]
    assert result.items[2].stem == "判断五。"  # the trailing ideographic space is trimmed
    levels = read({"判断题": [["题干", "答案", "适用等级"], ["判断。", "对", "五级、4级,3"], ["判断。", "对", "初级"]]})
    assert [it.levels for it in levels.items] == [(5, 4, 3), ("初级",)]
    assert [str(w) for w in result.warnings] == ["bank.xlsx:1: 题库!G1 (备注): unknown column '备注': ignored"]


def test_every_problem_names_the_file_sheet_row_and_column_and_keeps_reading():
    rows = [
        ["题型", "题干", "选项A", "选项B", "选项C", "正确答案", "分值", "难度", "选项是否支持乱序"],
        ["单选题", "好题（　）。", "甲", "乙", "丙", "A", 1, "易", None],
        ["单选题", "坏答案（　）。", "甲", "乙", "丙", "E", 1, None, None],
        ["多选题", "非字母（　）。", "甲", "乙", "丙", "甲乙", 1, None, None],
        ["单选题", "两个答案（　）。", "甲", "乙", "丙", "AB", 1, None, None],
        ["判断题", "判断（　）。", None, None, None, "也许", 1, None, None],
        ["单选题", "缺选项（　）。", "甲", None, "丙", "A", 1, None, None],
        ["单选题", None, "甲", "乙", "丙", "A", 1, None, None],
        ["单选题", "分值（　）。", "甲", "乙", "丙", "A", "两分", None, None],
        ["单选题", "乱序（　）。", "甲", "乙", "丙", "A", 1, None, "随便"],
        ["组合题", "阅读材料。", None, None, None, None, 10, None, None],
        ["填空题", "没有答案____。", None, None, None, None, 2, None, None],
    ]
    result = read({"试题": rows}, "中心题库.xlsx")
    assert [shape(it)[1] for it in result.items] == ["好题（　）。"]
    assert [str(p) for p in result.problems] == [
        "中心题库.xlsx:3: 试题!F3 (正确答案): there is no option E (the question has 3)",
        "中心题库.xlsx:4: 试题!F4 (正确答案): must be option letters such as B or ABD, got '甲乙'",
        "中心题库.xlsx:5: 试题!F5 (正确答案): a single-choice question has one correct option, got 'AB'",
        "中心题库.xlsx:6: 试题!F6 (正确答案): must be true or false (对/错, √/×, 正确/错误, T/F), got '也许'",
        "中心题库.xlsx:7: 试题!D7 (选项B): option B is empty, but a later option is filled",
        "中心题库.xlsx:7: 试题!B7 (题干): a choice question needs options (columns 选项A, 选项B, ...)",
        "中心题库.xlsx:8: 试题!B8 (题干): empty: the question (题干)",
        "中心题库.xlsx:9: 试题!G9 (分值): must be a positive number (分值), got '两分'",
        "中心题库.xlsx:10: 试题!I10 (选项是否支持乱序): must be 是 or 否, got '随便'",
        "中心题库.xlsx:12: 试题!F12 (正确答案): missing: the accepted answers (正确答案), blanks separated by |",
    ]
    assert [str(p) for p in result.unsupported] == [
        "中心题库.xlsx:11: 试题!A11 (题型): question type '组合题' is not supported; supported: 单选题, 多选题, "
        "判断题, 填空题, 简答题, 论述题, 案例分析题"
    ]


def _with_saved_results(data: bytes, results: dict[str, str]) -> bytes:
    """The workbook with the result Excel would save kept for each named formula cell (openpyxl keeps none)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as old, zipfile.ZipFile(out, "w") as new:
        for info in old.infolist():
            part = old.read(info)
            if info.filename.startswith("xl/worksheets/"):
                text = part.decode("utf-8")
                for cell, value in results.items():
                    saved = rf'<c r="{cell}" t="str"><f>\1</f><v>{value}</v>'
                    text = re.sub(rf'<c r="{cell}"><f>(.*?)</f><v ?/>', saved, text)
                part = text.encode("utf-8")
            new.writestr(info, part)
    return out.getvalue()


def test_a_formula_without_a_saved_value_is_named_by_sheet_row_and_column_not_read_as_empty():
    rows = [
        ["题型", "题干", "选项A", "选项B", "选项C", "正确答案", "分值"],
        ["单选题", "好题（　）。", "甲", "乙", "丙", "A", 1],
        ["单选题", '=CONCAT("公式","题干（　）。")', "甲", "乙", "丙", "=CHAR(66)", 1],
        [None, None, None, None, None, '=UPPER("c")', None],  # nothing else in the row: not skipped as empty
        ["判断题", "判断。", None, None, None, "对", "=1+1"],
    ]
    data = workbook({"试题": rows})
    result = read_xlsx("题库.xlsx", data)
    assert [it.stem for it in result.items] == ["好题（　）。"]
    unsaved = "formula without a saved value: open the workbook in Excel or WPS and save it, then import it again"
    assert [str(p) for p in result.problems] == [
        f"题库.xlsx:3: 试题!B3 (题干): {unsaved}",
        f"题库.xlsx:3: 试题!F3 (正确答案): {unsaved}",
        f"题库.xlsx:4: 试题!F4 (正确答案): {unsaved}",
        f"题库.xlsx:5: 试题!G5 (分值): {unsaved}",
    ]
    # once saved by a spreadsheet program, each formula reads as its result
    results = {"B3": "公式题干（　）。", "F3": "B", "F4": "C", "G5": "2"}
    saved = read_xlsx("题库.xlsx", _with_saved_results(data, results))
    assert [(it.stem, it.key, it.points) for it in saved.items][1:] == [
        ("公式题干（　）。", ("乙",), 1),
        ("判断。", ("对",), 2),
    ]
    assert [str(p) for p in saved.problems] == [
        "题库.xlsx:4: 试题!A4 (题型): missing: the question type (题型)",
        "题库.xlsx:4: 试题!B4 (题干): empty: the question (题干)",
    ]


def test_files_that_are_no_workbooks_are_named():
    for data in (b"", b"PK\x03\x04 not really", "题干,题型\n".encode()):
        result = read_xlsx("题库.xlsx", data)
        assert result.items == [] and len(result.problems) == 1
        assert str(result.problems[0]).startswith("题库.xlsx: not an Excel workbook (.xlsx): ")
    empty = read_xlsx("空.xlsx", workbook({"Sheet": [["只有标题"]]}))
    assert [p.message for p in empty.problems] == ["no questions found: no sheet has a header row with a 题干 column"]
    assert [p.message for p in read_package([("旧.xls", b"")], {}).problems] == [
        "the old Excel format (.xls) is not read: save the workbook as .xlsx"
    ]


# -- round trips -----------------------------------------------------------------------------------------

NEUTRAL_FIELDS = (
    "source_id",
    "type",
    "stem",
    "options",
    "key",
    "points",
    "explanation",
    "model_answer",
    "difficulty",
    "knowledge",
    "category",
    "tags",
    "shuffle",
    "has_id",
)


def fields(items):
    return [tuple(getattr(it, f) for f in NEUTRAL_FIELDS) for it in items]


@pytest.mark.parametrize("layout", [SINGLE_SHEET, PER_TYPE, REPORT], ids=["single-sheet", "per-type", "report"])
def test_read_write_read_gives_the_same_items(layout):
    first = read(layout)
    again = read_xlsx("again.xlsx", write_xlsx(first.items))
    assert again.problems == [] and fields(again.items) == fields(first.items)


def trimmed(item):
    """An item as a workbook holds it: a cell's trailing line break (a YAML block's) is trimmed."""
    key = item.key.strip() if isinstance(item.key, str) else item.key
    return replace(item, stem=item.stem.strip(), explanation=item.explanation.strip(), key=key)


def test_every_sample_bank_exported_to_a_workbook_imports_to_the_same_items(catalog):
    members = []
    for info in catalog.banks.banks:
        items = [it for it in catalog.banks.items if it.bank == info.bank]
        if items:
            row = BankInfoRow(info.bank, info.title, info.standard, info.subtypes[0] or "", info.version)
            members.append((f"{info.bank}.xlsx", export_items(items, "xlsx", row)))
    assert len(members) >= 18
    converted, _notes = convert(read_package(members, catalog.standards))
    # all read together, as the bundled banks are (an item's enemies may be in another bank)
    got = read_banks([], catalog.standards, sources=[(c.name, c.text) for c in converted]).items
    assert got == [trimmed(it) for it in catalog.banks.items]


def test_a_yaml_export_reads_back_to_the_same_items(catalog):
    items = [it for it in catalog.banks.items if it.bank == "ols-l5-theory-a"]
    text = export_items(items, "yaml", BankInfoRow("ols-l5-theory-a", "t", "4-13-99-02", "", "1")).decode()
    others = [Path(b.source) for b in catalog.banks.banks if b.bank != "ols-l5-theory-a"]
    got = [
        it
        for it in read_banks(others, catalog.standards, sources=[("x.yaml", text)]).items
        if it.bank == "ols-l5-theory-a"
    ]
    assert got == items


# -- the template ----------------------------------------------------------------------------------------


def test_the_template_is_in_chinese_with_drop_downs_and_imports_once_filled(tmp_path, catalog):
    data = write_template()
    book = load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["试题", "填写说明"]
    sheet = book["试题"]
    header = [c.value for c in sheet[1]]
    assert header[:4] == ["编号", "题型", "题干", "选项A"] and "正确答案" in header and "知识点" in header
    lists = {dv.formula1 for dv in sheet.data_validations.dataValidation if dv.type == "list"}
    assert '"单选题,多选题,判断题,填空题,简答题,论述题,案例分析题"' in lists and '"是,否"' in lists
    assert "examdesk bank import" in "".join(str(c.value) for row in book["填写说明"].iter_rows() for c in row)
    assert [p.message for p in read_xlsx("t.xlsx", data).problems] == [
        "no questions: no row below the header is filled in"
    ]
    column = {name: n for n, name in enumerate(header)}
    row: list = [None] * len(header)
    for name, value in {
        "题型": "单选题",
        "题干": "新题（　）。",
        "选项A": "甲",
        "选项B": "乙",
        "选项C": "丙",
        "正确答案": "C",
        "分值": 1,
        "难度": "中",
        "职业功能": "学情分析",
        "内容代码": "1.1",
        "适用等级": 5,
    }.items():
        row[column[name]] = value
    sheet.append(row)
    filled = io.BytesIO()
    book.save(filled)
    found = read_package([("filled.xlsx", filled.getvalue())], catalog.standards)
    assert found.problems == [] and found.warnings == []
    converted, _ = convert(found, standard="4-13-99-02")
    [item] = read_banks([], catalog.standards, sources=[(c.name, c.text) for c in converted]).items
    assert (item.id, item.key, item.area, item.levels, item.difficulty) == ("filled-0001", "C", "学情分析", (5,), 3)


def test_the_committed_template_is_the_one_the_command_writes():
    committed = load_workbook(IMPORTS / "template.xlsx")
    written = load_workbook(io.BytesIO(write_template()))
    assert [[c.value for c in r] for r in committed["试题"].iter_rows()] == [
        [c.value for c in r] for r in written["试题"].iter_rows()
    ]


# -- the mapping --------------------------------------------------------------------------------------------


def example_files():
    mapping = (IMPORTS / "example-l5-mapping.yaml").read_text(encoding="utf-8")
    return (IMPORTS / "example-l5.xlsx").read_bytes(), mapping


def test_the_example_imports_through_its_mapping_and_not_without(catalog):
    data, mapping_text = example_files()
    found = read_package([("example-l5.xlsx", data)], catalog.standards)
    assert len(found.items) == 9 and found.problems == []
    with pytest.raises(DataFileError) as err:
        convert(found, standard="4-13-99-02")
    lacking = [str(p) for p in err.value.problems]
    assert len(lacking) == 9 and lacking[0] == (
        "example-l5.xlsx:3: 试题!C3 (题干): lacks what a paper needs: area (职业功能), content code (内容代码), "
        "levels (适用等级); give them in the file's columns or in a mapping file (--map)"
    )
    mapping = read_mapping("example-l5-mapping.yaml", mapping_text)
    converted, notes = convert(found, mapping=mapping)  # the mapping names the standard
    items = read_banks([], catalog.standards, sources=[(c.name, c.text) for c in converted]).items
    assert [(it.area, it.code, it.levels, it.difficulty, it.points) for it in items[:3]] == [
        ("学情分析", "1.1", (5,), 2, Decimal(1)),
        ("支持服务", "5.1", (5,), 2, Decimal(1)),
        ("学情分析", "1.2", (5,), 3, Decimal(2)),
    ]
    assert items[3].key is False and items[5].key == (("提交截止时间", "截止时间"),)
    assert items[8].rubric[0].point == "按参考答案评分" and len(notes) == 1


def test_mapping_rules_match_by_category_and_tag_and_defaults_fill_the_rest(catalog):
    mapping = read_mapping(
        "m.yaml",
        """\
schema: examdesk-mapping/1
defaults: {area: 学情分析, code: "1.1", levels: [5], points: 1, difficulty: 3}
rules:
  - {category: 第二章, area: 学习评价, code: "6.2", difficulty: 5}
  - {tag: [评价, 作业], code: "6.1", area: 学习评价}
difficulty: {低难度: 1}
""",
    )
    found = read(PER_TYPE)
    found.items[2].tags = ("作业",)
    converted, _ = convert(found, standard="4-13-99-02", mapping=mapping)
    items = read_banks([], catalog.standards, sources=[(c.name, c.text) for c in converted]).items
    assert [(it.area, it.code, it.difficulty) for it in items] == [
        ("学情分析", "1.1", 2),  # the item's own 低难度 (2), read before the mapping's words are known
        ("学习评价", "6.2", 4),  # the item's own difficulty (高难度) wins over the rule's
        ("学习评价", "6.1", 3),  # by tag; the difficulty from the defaults
        ("学情分析", "1.1", 3),
        ("学情分析", "1.1", 3),
    ]
    odd = read(
        {"单选题": [["题干", "A", "B", "C", "答案", "难度"], ["怪难度（　）。", "甲", "乙", "丙", "A", "有点难"]]}
    )
    with pytest.raises(DataFileError, match="difficulty '有点难' is not 1-5"):
        convert(odd, standard="4-13-99-02", mapping=mapping)
    words = read_mapping(
        "w.yaml",
        "schema: examdesk-mapping/1\ndefaults: {area: 学情分析, code: '1.1', levels: [5], "
        "points: 1}\ndifficulty: {有点难: 4}\n",
    )
    converted, _ = convert(odd, standard="4-13-99-02", mapping=words)
    assert "difficulty: 4" in converted[0].text


def test_a_broken_mapping_names_each_line():
    with pytest.raises(DataFileError) as err:
        read_mapping(
            "m.yaml",
            "schema: examdesk-mapping/1\ndefaults: {levels: [5], colour: red}\n"
            "rules:\n  - {area: 学情分析}\n  - {knowledge: x, points: {single: -1}}\n",
        )
    assert [str(p) for p in err.value.problems] == [
        "m.yaml:2: defaults.colour: unknown field 'colour'; use area, code, levels, difficulty, points",
        "m.yaml:4: rules[0]: a rule names what it matches: knowledge, category or tag",
        "m.yaml:5: rules[1].points.single: must be a positive number, got -1",
    ]


def test_problems_the_bank_reader_finds_are_told_by_the_cell(catalog):
    rows = [
        [
            "编号",
            "题型",
            "题干",
            "选项A",
            "选项B",
            "选项C",
            "正确答案",
            "职业功能",
            "内容代码",
            "适用等级",
            "分值",
            "难度",
        ],
        ["N-1", "多选题", "只有一个答案（　）。", "甲", "乙", "丙", "A", "学情分析", "1.1", 5, 1, 3],
        ["N-2", "单选题", "未知功能（　）。", "甲", "乙", "丙", "A", "烹饪", "1.1", 5, 1, 3],
    ]
    converted, _ = convert(read({"试题": rows}), standard="4-13-99-02")
    with pytest.raises(DataFileError) as err:
        read_banks([], catalog.standards, sources=[(c.name, c.text) for c in converted])
    assert [str(p) for p in relocate(err.value.problems, converted)] == [
        "bank.xlsx:2: 试题!G2 (正确答案) [N-1]: a multiple-choice item needs at least two correct options",
        "bank.xlsx:3: 试题!H3 (职业功能) [N-2]: level 5 has no area '烹饪'",
    ]


# -- packages, inspect and the command line ----------------------------------------------------------------


def test_a_zip_package_reads_its_workbooks_and_finds_their_media(catalog):
    rows = [
        ["题型", "题干", "正确答案", "图片"],
        ["判断题", "看图判断。", "对", "images/a.png"],
        ["判断题", "另一图。", "错", "images/missing.png"],
    ]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("bank/题库.xlsx", workbook({"试题": rows}))
        archive.writestr("bank/images/a.png", b"png")
        archive.writestr("../evil.xlsx", b"never read")
    found = read_package(package_from_bytes("pkg.zip", buffer.getvalue()), catalog.standards)
    assert [it.media for it in found.items] == [("images/a.png",), ("images/missing.png",)]
    assert [str(w) for w in found.warnings] == [
        "pkg.zip/bank/题库.xlsx:3: 试题!D3 (图片): media file not found: images/missing.png"
    ]
    with pytest.raises(DataFileError, match=r"not a \.zip package"):
        package_from_bytes("bad.zip", b"not a zip")


def test_inspect_prints_exactly_the_documented_json(tmp_path, capsys):
    path = tmp_path / "bank.xlsx"
    path.write_bytes(workbook(SINGLE_SHEET))
    assert main(["bank", "inspect", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"items", "unsupported", "errors"}
    assert data["items"][0] == {
        "source_id": "Sheet1!2",
        "type": "single",
        "stem": "单选一（　）。",
        "options": ["甲", "乙", "丙", "丁"],
        "key": ["乙"],
        "points": 2,
    }
    assert [it["key"] for it in data["items"][2:5]] == [["正确"], [["一"], ["二", "贰"]], []]
    assert data["items"][5]["points"] == 20
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(
        workbook({"试题": [["题型", "题干", "正确答案"], ["判断题", "判断。", "也许"], ["排序题", "排序。", "ABC"]]})
    )
    assert main(["bank", "inspect", str(broken), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["errors"] == [
        {
            "location": "broken.xlsx: 试题!C2 (正确答案)",
            "message": "must be true or false (对/错, √/×, 正确/错误, T/F), got '也许'",
        }
    ]
    assert data["unsupported"][0]["location"] == "broken.xlsx: 试题!A3 (题型)"
    odd = inspect_json(read_xlsx("odd.xlsx", workbook({"试题": [["题型", "题干"], ["排序题", "排序。"]]})))
    assert odd == {
        "items": [],
        "errors": [],
        "unsupported": [
            {
                "location": "odd.xlsx: 试题!A2 (题型)",
                "reason": "question type '排序题' is not supported; supported: 单选题, 多选题, 判断题, 填空题, "
                "简答题, 论述题, 案例分析题",
            }
        ],
    }


def test_unsupported_parts_alone_do_not_fail_inspect(tmp_path, capsys):
    path = tmp_path / "bank.xlsx"
    path.write_bytes(
        workbook({"试题": [["题型", "题干", "正确答案"], ["判断题", "判断。", "对"], ["排序题", "排序。", "A"]]})
    )
    assert main(["bank", "inspect", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["items"]) == 1 and len(data["unsupported"]) == 1 and data["errors"] == []


def test_import_to_yaml_writes_bank_files_for_review(tmp_path, capsys):
    out = tmp_path / "review"
    args = [
        "bank",
        "import",
        str(IMPORTS / "example-l5.xlsx"),
        "--standard",
        "4-13-99-02",
        "--map",
        str(IMPORTS / "example-l5-mapping.yaml"),
        "--to-yaml",
        str(out),
    ]
    assert main(args) == 0
    assert (out / "example-l5.yaml").is_file()
    assert main(["bank", "validate", str(out), "--no-lint"]) == 0
    assert main([*args[:5], "--to-yaml", str(tmp_path / "no")]) == 1
    assert "lacks what a paper needs" in capsys.readouterr().err and not (tmp_path / "no").exists()


def test_export_and_template_commands(tmp_path, capsys):
    out = tmp_path / "l5.xlsx"
    assert (
        main(
            [
                "bank",
                "export",
                "--format",
                "xlsx",
                "--standard",
                "4-13-99-02",
                "--level",
                "5",
                "--bank",
                "ols-l5-theory-a",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    found = read_xlsx("l5.xlsx", out.read_bytes())
    assert len(found.items) == 83 and found.info["l5.xlsx"].bank == "ols-l5-theory-a"
    assert (
        main(["bank", "export", "--format", "xlsx", "--standard", "4-13-99-02", "--bank", "nope", "--out", str(out)])
        == 1
    )
    assert main(["bank", "template", "--out", str(tmp_path / "t.xlsx")]) == 0
    assert load_workbook(tmp_path / "t.xlsx").sheetnames == ["试题", "填写说明"]


# -- import into the store: all or nothing, audited, through the same service as the admin screen --------


def test_a_workbook_imports_into_the_store_all_or_nothing(world, catalog):
    library = LibraryService(world.db)
    data, mapping_text = example_files()
    mapping = FileData("example-l5-mapping.yaml", mapping_text.encode())
    with pytest.raises(DataFileError, match="lacks what a paper needs"):
        library.import_banks(world.admin, catalog, [FileData("example-l5.xlsx", data)], standard="4-13-99-02")
    book = load_workbook(io.BytesIO(data))
    book["试题"]["H6"] = "也许"  # one broken answer refuses the whole workbook
    broken = io.BytesIO()
    book.save(broken)
    with pytest.raises(DataFileError) as err:
        library.import_banks(
            world.admin,
            catalog,
            [FileData("example-l5.xlsx", broken.getvalue())],
            standard="4-13-99-02",
            mapping=mapping,
        )
    assert [str(p) for p in err.value.problems] == [
        "example-l5.xlsx:6: 试题!H6 (正确答案): must be true or false (对/错, √/×, 正确/错误, T/F), got '也许'"
    ]
    assert library.imported_sources() == []
    infos = library.import_banks(
        world.admin, catalog, [FileData("example-l5.xlsx", data)], standard="4-13-99-02", mapping=mapping
    )
    assert [(i.bank, i.item_count) for i in infos] == [("example-l5", 9)]
    [(name, text)] = library.imported_sources()
    assert name == "example-l5.xlsx" and "schema: examdesk-bank/1" in text
    merged = catalog.with_imported(library.imported_sources())
    assert len([it for it in merged.banks.items if it.bank == "example-l5"]) == 9


def test_unsupported_questions_refuse_the_import_unless_skipped(world, catalog):
    library = LibraryService(world.db)
    rows = [
        ["题型", "题干", "正确答案", "职业功能", "内容代码", "适用等级", "分值", "难度"],
        ["判断题", "判断。", "对", "学情分析", "1.1", 5, 1, 3],
        ["排序题", "排序。", "ABC", None, None, None, 1, 3],
    ]
    sent = [FileData("odd.xlsx", workbook({"试题": rows}))]
    with pytest.raises(DataFileError) as err:
        library.import_banks(world.admin, catalog, sent, standard="4-13-99-02")
    assert "1 part(s) cannot be represented in ExamDesk" in str(err.value)
    assert library.imported_sources() == []
    infos = library.import_banks(world.admin, catalog, sent, standard="4-13-99-02", skip_unsupported=True)
    assert [(i.bank, i.item_count) for i in infos] == [("odd", 1)]


def test_a_package_folder_imports_through_the_service(world, catalog, tmp_path):
    folder = tmp_path / "package"
    folder.mkdir()
    (folder / "example-l5.xlsx").write_bytes((IMPORTS / "example-l5.xlsx").read_bytes())
    mapping = FileData("m.yaml", (IMPORTS / "example-l5-mapping.yaml").read_bytes())
    infos = LibraryService(world.db).import_banks(world.admin, catalog, [folder], standard="4-13-99-02",
                                                  mapping=mapping)  # fmt: skip
    assert [(i.bank, i.item_count) for i in infos] == [("example-l5", 9)]


def test_a_long_workbook_reports_its_progress_as_it_is_read(world, catalog):
    header = ["编号", "题型", "题干", "正确答案", "分值", "难度", "职业功能", "内容代码", "适用等级"]
    rows = [[f"P-{n}", "判断题", f"判断{n}。", "对", 1, 3, "学情分析", "1.1", 5] for n in range(2500)]
    seen: list[tuple[int, int]] = []
    sent = [FileData("long.xlsx", workbook({"试题": [header, *rows]}))]
    library = LibraryService(world.db)
    infos = library.import_banks(world.admin, catalog, sent, lambda *p: seen.append(p), standard="4-13-99-02")
    assert infos[0].item_count == 2500
    fractions = [done / total for done, total in seen]
    assert len(seen) >= 3 and fractions == sorted(fractions) and fractions[-1] == 1
    assert 0 < fractions[0] < 0.9  # reported while reading, before the check and the store


def test_a_zip_of_yaml_banks_imports_them_as_they_are_tasks_included(world, catalog):
    text = (REPO / "question_banks" / "samples" / "4-13-99-02" / "skill-tasks.yaml").read_text(encoding="utf-8")
    text = text.replace("bank: ols-", "bank: zip-").replace("id: OLS-", "id: ZIP-")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("banks/tasks.yaml", text)
    infos = LibraryService(world.db).import_banks(world.admin, catalog, [FileData("banks.zip", buffer.getvalue())])
    assert len(infos) == 1 and infos[0].task_count > 0 and infos[0].bank.startswith("zip-")


# -- export of a bank in use in the store: back in, the same items --------------------------------------

EXPORT_FORMATS = ("xlsx", "yaml", "qti21", "qti30", "moodle", "gift")


def _written_bank() -> FileData:
    """The sample written items (fill-ins with several blanks, short answers, cases with rubrics) as a
    bank of its own, so that it can sit in a store beside the bundled one."""
    text = (REPO / "question_banks" / "samples" / "4-13-99-02" / "written-items.yaml").read_text(encoding="utf-8")
    return FileData("rt-written.yaml", text.replace("bank: ols-", "bank: rt-").replace("id: OLS-", "id: RT-").encode())


def test_a_bank_imported_into_the_store_exports_and_imports_again_to_the_same_items(world, catalog, tmp_path):
    # the bundled banks stay out (an empty bank folder): checking against them would only cost time here
    (tmp_path / "none").mkdir()
    bare = replace(catalog, bank_paths=[tmp_path / "none"], imported=(), _banks=None)
    library = LibraryService(world.db)
    data, mapping_text = example_files()
    mapping = FileData("example-l5-mapping.yaml", mapping_text.encode())
    library.import_banks(world.admin, bare, [FileData("example-l5.xlsx", data), _written_bank()],
                         standard="4-13-99-02", mapping=mapping)  # fmt: skip
    in_store = bare.with_imported(library.imported_sources())
    kept = {bank: [it for it in in_store.banks.items if it.bank == bank] for bank in ("example-l5", "rt-written")}
    assert (len(kept["example-l5"]), len(kept["rt-written"])) == (9, 18)
    # every format for the bank that came from a workbook; one for the written items (every format
    # round-trips every sample bank in test_bank_formats.py); a cell's trailing line break is trimmed
    cases = [("example-l5", fmt) for fmt in EXPORT_FORMATS] + [("rt-written", "xlsx")]
    for n, (bank, fmt) in enumerate(cases):
        sent = library.export_bank(world.admin, in_store, bank, fmt, version="1")
        suffix = {"qti21": "zip", "qti30": "zip", "moodle": "xml"}.get(fmt, fmt)
        assert sent.name == f"{bank}.{suffix}"
        # into another store, as another centre would import it: no mapping needed any more
        other_db = Database.create(sqlite_url(tmp_path / f"other-{n}.db"), PASSPHRASE, kdf=FAST_KDF,
                                   clock=exam_day_clock())  # fmt: skip
        try:
            admin = AccountService(other_db).set_up_centre(code="C02", name="另一考点", admin_username="admin",
                                                           admin_password="admin-pass-2")  # fmt: skip
            other = LibraryService(other_db)
            [info] = other.import_banks(admin, bare, [sent], standard="4-13-99-02")
            assert (info.bank, info.version) == (bank, "1"), fmt
            again = [it for it in bare.with_imported(other.imported_sources()).banks.items if it.bank == bank]
            assert again == [trimmed(it) for it in kept[bank]], (bank, fmt)
        finally:
            other_db.close()
    # one level's questions, of a bundled bank
    level = library.export_bank(world.admin, catalog, "ols-l5-theory-a", "xlsx", level="5")
    assert level.name == "ols-l5-theory-a-level5.xlsx" and len(read_xlsx(level.name, level.content).items) == 83


def test_an_export_names_what_is_wrong_and_is_audited(world, catalog):
    library = LibraryService(world.db)
    with pytest.raises(NotFound, match=r"no bank 'nope' in use; banks: .*ols-l5-theory-a"):
        library.export_bank(world.admin, catalog, "nope", "xlsx")
    with pytest.raises(Conflict, match="bank ols-l5-theory-a is in use in version '1', not '2'"):
        library.export_bank(world.admin, catalog, "ols-l5-theory-a", "xlsx", version="2")
    with pytest.raises(Conflict, match="unknown export format 'pdf'"):
        library.export_bank(world.admin, catalog, "ols-l5-theory-a", "pdf")
    with pytest.raises(NotFound, match="bank ols-l5-theory-a has no questions of level 1"):
        library.export_bank(world.admin, catalog, "ols-l5-theory-a", "xlsx", level="1")
    with pytest.raises(PermissionDenied):
        library.export_bank(world.proctor, catalog, "ols-l5-theory-a", "xlsx")
    library.export_bank(world.admin, catalog, "ols-l5-theory-a", "gift", level="5")
    with world.db.reader() as s:  # only the export made is recorded, once
        exports = s.scalars(select(AuditEntry.target).where(AuditEntry.action == "bank.export")).all()
    assert exports == ["library"]


def test_the_import_check_keeps_nothing_and_tells_the_giveaways_by_their_cell(world, catalog):
    library = LibraryService(world.db)
    data, mapping_text = example_files()
    mapping = FileData("example-l5-mapping.yaml", mapping_text.encode())
    sent = [FileData("example-l5.xlsx", data)]
    check = library.check_banks(world.admin, catalog, sent, standard="4-13-99-02", mapping=mapping)
    assert [(b.bank, b.item_count) for b in check.banks] == [("example-l5", 9)] and check.explained == 0
    assert [str(w).split(": option")[0] for w in check.warnings] == [
        "example-l5.xlsx:4: 试题!E4 (选项B) [example-l5-0002]: warning [long-option]",
        "example-l5.xlsx:9: 试题!E9 (选项B) [example-l5-0007]: warning [long-option]",
        "example-l5.xlsx:10: 试题!G10 (选项D) [example-l5-0008]: warning [long-option]",
    ]
    assert library.imported_sources() == []
    with pytest.raises(DataFileError, match="lacks what a paper needs"):  # a problem refuses as the import would
        library.check_banks(world.admin, catalog, sent, standard="4-13-99-02")
    # a YAML bank's comment explains a warning away, as in bank validate
    item = """  - id: {id}
    type: single
    area: 学情分析
    code: "1.1"
    levels: [5]
    difficulty: 2
    points: 1
    stem: 最能直接反映学习者学习过程参与情况的数据是（　）。
    options: {{A: 入学学历, B: 课程视频的观看时长与讨论区的发帖次数, C: 报名渠道, D: 课程定价}}
    key: B
"""
    text = "schema: examdesk-bank/1\nbank: ctr\nstandard: 4-13-99-02\nversion: 1\nitems:\n" + item.format(id="CTR-1")
    text += "    # lint: ok long-option: 过程性数据须写全两类，缩短会改变含义\n" + item.format(id="CTR-2")
    yaml_check = library.check_banks(world.admin, catalog, [FileData("ctr.yaml", text.encode())])
    assert [(w.line, w.location) for w in yaml_check.warnings] == [(17, "items[1] (CTR-2).options.B")]
    assert yaml_check.explained == 1


@pytest.mark.slow  # three commands over a store, each loading every bundled bank
def test_the_export_command_takes_a_bank_from_the_store(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("EXAMDESK_PASSPHRASE", "centre passphrase 1")
    monkeypatch.setenv("EXAMDESK_ADMIN_PASSWORD", "admin-pass-1234")
    store = ["--data", str(tmp_path / "data")]
    assert main(["store", "init", "--centre-code", "3701001", "--centre-name", "测试考点", *store]) == 0
    assert main(["bank", "import", str(IMPORTS / "example-l5.xlsx"), "--standard", "4-13-99-02",
                 "--map", str(IMPORTS / "example-l5-mapping.yaml"), *store]) == 0  # fmt: skip
    capsys.readouterr()
    assert main(["bank", "list", "--json", *store]) == 0
    listed = {b["bank"]: b for b in json.loads(capsys.readouterr().out)}
    assert listed["example-l5"] | {"title": None} == {"bank": "example-l5", "title": None, "standard": "4-13-99-02",
                                                      "version": "1", "items": 9, "tasks": 0}  # fmt: skip
    out = tmp_path / "back.xlsx"
    export = ["bank", "export", "--from-store", "--bank", "example-l5", "--format", "xlsx", "--out", str(out)]
    assert main([*export, "--version", "1", *store]) == 0
    assert "bank example-l5 from the store" in capsys.readouterr().out
    back = read_xlsx("back.xlsx", out.read_bytes())
    assert len(back.items) == 9 and back.problems == [] and back.info["back.xlsx"].bank == "example-l5"
    assert main(["bank", "export", "--from-store", "--format", "xlsx", "--out", str(out), *store]) == 1
    assert "--bank ID" in capsys.readouterr().err


def test_inspect_reads_a_folder_of_yaml_banks_together(capsys):
    assert main(["bank", "inspect", str(REPO / "question_banks" / "samples"), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["items"]) > 1000 and data["errors"] == []  # enemies in other files are found
    assert all(u["reason"].endswith("skill task(s): only questions are exchanged with other formats")
               for u in data["unsupported"])  # fmt: skip
