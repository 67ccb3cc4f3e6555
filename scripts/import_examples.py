"""Write the sample files of question_banks/imports/: the empty Excel import template, an example
workbook laid out the way Chinese exam systems lay theirs out (no ExamDesk columns: 知识点 only),
and the mapping file that places its questions in 4-13-99-02 五级.

    .venv/bin/python scripts/import_examples.py

tests/test_bank_import.py checks that the committed files import cleanly.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from openpyxl import Workbook

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from app.banks.xlsx_format import write_template  # noqa: E402

OUT = REPO / "question_banks" / "imports"

HEADER = ["序号", "题型", "题干", "选项A", "选项B", "选项C", "选项D", "正确答案", "分值", "难度", "解析", "知识点"]
ROWS = [
    [
        "单选题",
        "在线学习平台上，最能反映学习者“学中”参与程度的数据是（　）。",
        "入学学历",
        "视频观看时长",
        "报名渠道",
        "课程价格",
        "B",
        1,
        "易",
        "观看时长是学习过程中产生的行为数据。",
        "学情数据获取",
    ],
    [
        "单选题",
        "向学习者发送学习任务提醒时，最恰当的做法是（　）。",
        "在深夜集中推送",
        "结合学习者的学习计划在合适的时间推送",
        "每小时重复推送一次",
        "只在课程结束时提醒",
        "B",
        1,
        "易",
        "提醒要及时且不打扰学习者。",
        "学习任务提醒",
    ],
    [
        "多选题",
        "下列关于学情数据保存的做法，正确的有（　）。",
        "按数据类别分类保存",
        "定期备份",
        "对含个人信息的数据设置访问权限",
        "上传到公开网盘便于共享",
        "ABC",
        2,
        "中",
        "学情数据含个人信息，不得公开。",
        "学情数据分类与保存",
    ],
    [
        "判断题",
        "学习者档案中的个人信息可以随意提供给第三方机构。",
        None,
        None,
        None,
        None,
        "×",
        1,
        "易",
        "个人信息的提供须经本人同意并符合法律规定。",
        "学习档案管理",
    ],
    ["判断题", "作业反馈应及时、具体，并指出改进方向。", None, None, None, None, "√", 1, "易", None, "作业反馈"],
    [
        "填空题",
        "发布作业时，应写明作业要求和____。",
        None,
        None,
        None,
        None,
        "提交截止时间;截止时间",
        2,
        "中",
        None,
        "作业发布",
    ],
    [
        "单选题",
        "学习者反映课程视频无法播放，在线学习服务师首先应（　）。",
        "立即上报平台故障",
        "询问并确认学习者的设备、网络和浏览器情况",
        "建议学习者退课",
        "请学习者自行查找原因",
        "B",
        1,
        "中",
        "先排查学习者一端的常见原因，再决定是否上报。",
        "技术问题咨询",
    ],
    [
        "多选题",
        "帮助学习者制定学习目标时，目标应当（　）。",
        "具体明确",
        "可以衡量",
        "有完成期限",
        "与学习者的实际情况无关",
        "A,B,C",
        2,
        "中",
        None,
        "协助学习者进行目标管理",
    ],
    [
        "简答题",
        "简述持续关注学习者学习状态的主要方法。",
        None,
        None,
        None,
        None,
        "查看平台学习数据；定期与学习者沟通；对长期未登录者及时提醒。",
        10,
        "难",
        None,
        "持续关注学习者",
    ],
]
GUIDE = [
    ["说明：每行一道试题；知识点用于映射文件确定职业功能和内容代码。"],
]


def example_workbook() -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "试题"
    sheet.append(["在线学习服务师（五级）理论知识 导入示例"])  # a title row above the header, as many templates have
    sheet.append(HEADER)
    for n, row in enumerate(ROWS, 1):
        sheet.append([n, *row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


MAPPING = """\
# How the questions of example-l5.xlsx get what a paper needs (docs/bank-format.md, "The mapping file").
schema: examdesk-mapping/1
standard: 4-13-99-02
defaults:
  levels: [5]
  difficulty: 3
  points: {single: 1, multiple: 2, true_false: 1, fill_in: 2, short_answer: 10, essay: 20}
rules:                                   # by 知识点 (knowledge), 分类 (category) or 标签 (tag); the first match wins
  - {knowledge: 学情数据获取, area: 学情分析, code: "1.1"}
  - {knowledge: 学情数据分类与保存, area: 学情分析, code: "1.2"}
  - {knowledge: 协助学习者进行目标管理, area: 动机激励, code: "3.1"}
  - {knowledge: 持续关注学习者, area: 动机激励, code: "3.2"}
  - {knowledge: 学习档案管理, area: 学习者管理, code: "4.2"}
  - {knowledge: 学习任务提醒, area: 支持服务, code: "5.1"}
  - {knowledge: 技术问题咨询, area: 支持服务, code: "5.5"}
  - {knowledge: 作业发布, area: 学习评价, code: "6.1"}
  - {knowledge: 作业反馈, area: 学习评价, code: "6.2"}
"""


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "template.xlsx").write_bytes(write_template())
    (OUT / "example-l5.xlsx").write_bytes(example_workbook())
    (OUT / "example-l5-mapping.yaml").write_text(MAPPING, encoding="utf-8")
    print(f"written to {OUT}")


if __name__ == "__main__":
    main()
