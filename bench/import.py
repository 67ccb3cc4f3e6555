"""Benchmark: a 20,000-question Excel bank through `bank inspect` and through the store import.

The workbook is laid out as Chinese exam systems lay theirs out (题型, 题干, 选项A..D, 正确答案, 分值,
难度, 解析, 知识点; five types), and placed in 4-13-99-02 五级 by a mapping file on 知识点.

Baseline, measured in the same run and interleaved with each round: openpyxl's bare read-only parse
of the same file (load_workbook(read_only=True), every row's values), the least any reader of it
must do. Figures: items per second, and the ratio to the baseline. Target: inspect within 3x of the
bare parse. The import also converts every question into an ExamDesk bank, checks it together with
every bundled bank and stores it encrypted, in one transaction with its audit entry.

    .venv/bin/python bench/import.py [--quick] [--items 20000] [--rounds 3] [--format xlsx|qti]

`--format qti`: the same questions as a QTI 2.1 content package (.zip: imsmanifest.xml and one item
file each, as ExamDesk's export writes it) through `bank inspect` and the conversion. Baseline, in
the same run and interleaved: unzipping every member and a bare parse of each XML file with the
standard library's xml.etree (lxml, the issue's suggested baseline, is not a dependency of ExamDesk
and is not installed; expat-backed ElementTree is the same C parse without lxml's tree).
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

from openpyxl import Workbook, load_workbook
from realistic_store import create_centre, verdict

from app.api.types import FileData
from app.banks.interchange import convert, inspect_json, read_mapping, read_package
from app.services.library import LibraryService

PLACES = [
    ("学情数据获取", "学情分析", "1.1"),
    ("学情数据分类与保存", "学情分析", "1.2"),
    ("学习方法基础答疑", "学习指导", "2.1"),
    ("协助学习者进行目标管理", "动机激励", "3.1"),
    ("学习档案管理", "学习者管理", "4.2"),
    ("学习任务提醒", "支持服务", "5.1"),
    ("技术问题咨询", "支持服务", "5.5"),
    ("作业发布", "学习评价", "6.1"),
    ("作业反馈", "学习评价", "6.2"),
]
MAPPING = "schema: examdesk-mapping/1\nstandard: 4-13-99-02\ndefaults: {levels: [5], difficulty: 3}\nrules:\n"
MAPPING += "".join(f'  - {{knowledge: {k}, area: {a}, code: "{c}"}}\n' for k, a, c in PLACES)
HEADER = ["序号", "题型", "题干", "选项A", "选项B", "选项C", "选项D", "正确答案", "分值", "难度", "解析"]


def workbook(count: int) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("试题")
    sheet.append([*HEADER, "知识点"])
    for n in range(1, count + 1):
        knowledge = PLACES[n % len(PLACES)][0]
        kind = n % 10
        if kind < 5:
            stem = f"第{n}题：下列做法中最恰当的是（　）。"
            row = ["单选题", stem, f"做法甲{n}", f"做法乙{n}", f"做法丙{n}", f"做法丁{n}", "ABCD"[n % 4], 1]
        elif kind < 7:
            row = ["多选题", f"第{n}题：下列做法中正确的有（　）。", f"甲{n}", f"乙{n}", f"丙{n}", f"丁{n}", "ABD", 2]
        elif kind < 9:
            row = ["判断题", f"第{n}题：这一说法是正确的。", None, None, None, None, "√" if n % 3 else "×", 1]
        else:
            row = ["填空题", f"第{n}题：应写明作业要求和____。", None, None, None, None, "截止时间;提交时间", 2]
        sheet.append([n, *row, "易中难"[n % 3], f"解析{n}", knowledge])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def qti_package(count: int) -> bytes:
    """The bench's questions as a QTI 2.1 package, written by ExamDesk's own QTI writer."""
    from decimal import Decimal

    from app.banks.neutral import NeutralItem
    from app.banks.qti_format import write_qti

    items = []
    for n in range(1, count + 1):
        kind = n % 10
        if kind < 5:
            options = (f"做法甲{n}", f"做法乙{n}", f"做法丙{n}", f"做法丁{n}")
            item = NeutralItem(f"Q{n}", "single", f"第{n}题：下列做法中最恰当的是（　）。", "", "", options,
                               (options[n % 4],), Decimal(1))  # fmt: skip
        elif kind < 7:
            options = (f"甲{n}", f"乙{n}", f"丙{n}", f"丁{n}")
            item = NeutralItem(f"Q{n}", "multiple", f"第{n}题：下列做法中正确的有（　）。", "", "", options,
                               (options[0], options[1], options[3]), Decimal(2))  # fmt: skip
        elif kind < 9:
            item = NeutralItem(f"Q{n}", "true_false", f"第{n}题：这一说法是正确的。", "", "", (),
                               ("正确" if n % 3 else "错误",), Decimal(1))  # fmt: skip
        else:
            item = NeutralItem(f"Q{n}", "fill_in", f"第{n}题：应写明作业要求和____。", "", "", (),
                               (("截止时间", "提交时间"),), Decimal(2))  # fmt: skip
        item.has_id = True
        item.knowledge = PLACES[n % len(PLACES)][0]
        items.append(item)
    return write_qti(items)


def bare_xml_parse(data: bytes) -> int:
    import zipfile
    from xml.etree import ElementTree

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return sum(1 for name in archive.namelist() if ElementTree.fromstring(archive.read(name)) is not None)


def qti(count: int, rounds: int) -> int:
    from app.banks.catalog import Catalog
    from app.banks.interchange import package_from_bytes

    data = qti_package(count)
    print(f"QTI 2.1 package: {count:,} questions, {len(data) / 2**20:.1f} MiB; median of {rounds} round(s), "
          "interleaved")  # fmt: skip
    catalog = Catalog.load()
    bare, inspect = [], []
    for _ in range(rounds):
        t0 = time.perf_counter()
        files = bare_xml_parse(data)
        bare.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        found = read_package(package_from_bytes("bench.zip", data), catalog.standards)
        inspect_json(found)
        inspect.append(time.perf_counter() - t0)
        assert files == count + 1 and len(found.items) == count and not found.problems, found.problems[:3]
    b, i = statistics.median(bare), statistics.median(inspect)
    print(f"unzip + bare xml.etree parse of every file: {b:6.2f} s  ({count / b:,.0f} files/s)")
    print(f"inspect (unzip, parse, neutral items, JSON): {i:6.2f} s  ({count / i:,.0f} items/s)  ratio {i / b:.2f}x")
    t0 = time.perf_counter()
    for it in found.items:  # the package carries no area or code: the mapping places them as for the workbook
        it.knowledge = PLACES[int(it.source_id[1:]) % len(PLACES)][0]
    _converted, _notes = convert(found, standard="4-13-99-02", mapping=read_mapping("map.yaml", MAPPING))
    c = time.perf_counter() - t0
    print(f"convert (mapping, ExamDesk bank text): {c:6.2f} s  ({count / c:,.0f} items/s)")
    return 0


def bare_parse(data: bytes) -> int:
    book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    rows = sum(1 for sheet in book.worksheets for _row in sheet.iter_rows(values_only=True))
    book.close()
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="2,000 questions, one round")
    parser.add_argument("--items", type=int, help="questions in the workbook (default 20000)")
    parser.add_argument("--rounds", type=int, help="rounds of the baseline and inspect (default 3)")
    parser.add_argument("--format", choices=["xlsx", "qti"], default="xlsx", help="the bank's format")
    args = parser.parse_args()
    count = args.items or (2000 if args.quick else 20000)
    rounds = args.rounds or (1 if args.quick else 3)
    if args.format == "qti":
        return qti(count, rounds)
    data = workbook(count)
    print(f"workbook: {count:,} questions, {len(data) / 2**20:.1f} MiB; median of {rounds} round(s), interleaved")
    from app.banks.catalog import Catalog

    catalog = Catalog.load()
    bare, inspect = [], []
    for _ in range(rounds):
        t0 = time.perf_counter()
        rows = bare_parse(data)
        bare.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        found = read_package([("bench.xlsx", data)], catalog.standards)
        inspect_json(found)
        inspect.append(time.perf_counter() - t0)
        assert rows == count + 1 and len(found.items) == count and not found.problems, found.problems[:3]
    b, i = statistics.median(bare), statistics.median(inspect)
    print(f"openpyxl bare read-only parse: {b:6.2f} s  ({count / b:,.0f} rows/s)")
    print(f"inspect (read + neutral items + JSON): {i:6.2f} s  ({count / i:,.0f} items/s)  ratio {i / b:.2f}x  "
          f"target <= 3x -> {verdict(i / b <= 3)}")  # fmt: skip

    t0 = time.perf_counter()
    _converted, _notes = convert(found, mapping=read_mapping("map.yaml", MAPPING))
    c = time.perf_counter() - t0
    print(f"convert (mapping, ExamDesk bank text): {c:6.2f} s  ({count / c:,.0f} items/s)")
    with tempfile.TemporaryDirectory(prefix="examdesk-bench-import-") as folder:
        centre = create_centre(Path(folder))
        library = LibraryService(centre.db)
        t0 = time.perf_counter()
        infos = library.import_banks(centre.admin, catalog, [FileData("bench.xlsx", data)], standard="4-13-99-02",
                                     mapping=FileData("map.yaml", MAPPING.encode()))  # fmt: skip
        t = time.perf_counter() - t0
        centre.db.close()
    assert infos[0].item_count == count
    print(f"import (read, convert, check with every bundled bank, store): {t:6.2f} s  ({count / t:,.0f} items/s)  "
          f"ratio to the bare parse {t / b:.2f}x")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
