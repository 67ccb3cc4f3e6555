"""Workbooks laid out the way Chinese exam systems lay out their 题库导入模板, built with openpyxl.

No real public template could be fetched from this offline machine, so each layout is rebuilt from
the layouts such systems document (and commonly ship): a single sheet with a 题型 column and
options A..F (the common 在线考试系统 layout); one sheet per question type with a note row above the
header and 题目/答案 headers (the per-type layout); and headers marked 必填 in another order with all
options in one cell, numeric cells, √/× and "A,B,D" answers (the exported-report layout).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from openpyxl import Workbook


def workbook(sheets: dict[str, Sequence[Sequence[Any]]]) -> bytes:
    book = Workbook()
    first = True
    for title, rows in sheets.items():
        sheet = book.active if first else book.create_sheet()
        assert sheet is not None
        sheet.title = title
        first = False
        for row in rows:
            sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# one sheet, a 题型 column, options A..F, 难度 as 易/中/难, numbers as numbers
SINGLE_SHEET = {
    "Sheet1": [
        [
            "题型",
            "题干",
            "选项A",
            "选项B",
            "选项C",
            "选项D",
            "选项E",
            "选项F",
            "正确答案",
            "分值",
            "难度",
            "解析",
            "知识点",
        ],
        ["单选题", "单选一（　）。", "甲", "乙", "丙", "丁", None, None, "B", 2, "易", "解析一", "知识甲"],
        ["多选题", "多选一（　）。", "甲", "乙", "丙", "丁", "戊", None, "ABD", 2.0, "中", None, "知识乙"],
        ["判断题", "判断一。", None, None, None, None, None, None, "正确", 1, "难", None, "知识甲"],
        ["填空题", "填空一____和____。", None, None, None, None, None, None, "一|二;贰", 2, 3, None, "知识乙"],
        ["简答题", "简答一。", None, None, None, None, None, None, "参考答案一", 10, "中", None, "知识甲"],
        ["论述题", "论述一。", None, None, None, None, None, None, None, 20, "难", None, "知识乙"],
        ["案例分析题", "案例一。", None, None, None, None, None, None, "参考", 20, "难", None, "知识乙"],
    ]
}

# one sheet per type, a note row above the header, 题目 / 答案 / 分数 headers, 难易程度 as 低/中/高难度
PER_TYPE = {
    "填写说明": [["请勿修改表头"], ["每个题型一个工作表"]],
    "单选题": [
        ["说明：答案填写选项字母"],
        ["序号", "题目", "A", "B", "C", "D", "答案", "分数", "难易程度", "答案解析", "题目分类"],
        [1, "单选二（　）。", "甲", "乙", "丙", "丁", "c", 1, "低难度", None, "第一章"],
        [2, "单选三（　）。", "甲", "乙", "丙", "丁", "Ａ", 1, "高难度", None, "第二章"],
    ],
    "判断题": [
        ["序号", "题目", "答案", "分数"],
        [1, "判断二。", "×", 1],
        [2, "判断三。", "√", 1],
        [3, "判断四。", "T", 1],
    ],
}

# headers with 必填 marks in another order, all options in one cell, numeric cells, extra columns
REPORT = {
    "题库": [
        ["试题编号", "正确答案（必填）", "*题干", "题型（必填）", "选项", "分值", "备注", "选项是否支持乱序"],
        ["Q-001", "A,B,D", "多选二（　）。", "多项选择题", "A. 甲\nB. 乙\nC. 丙\nD. 丁", 3, "校对过", "否"],
        ["Q-002", 5, "五加零等于____。", "填空题", None, 1.5, None, None],
        ["Q-003", "错", "判断五。\u3000", "判断", None, 1, None, None],
        ["Q-004", "D", "单选四（　）。", "单项选择题", "A、甲\nB、乙\nC、丙\nD、以上都对", 1, None, "否"],
    ]
}
