"""Shared fixtures: small hand-made standards and banks written to temporary folders."""

from __future__ import annotations

import os
import tempfile
import textwrap
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# matplotlib's font cache (the item analysis charts): not in the user's data folder during tests
os.environ.setdefault("MPLCONFIGDIR", os.path.join(tempfile.gettempdir(), "examdesk-tests-matplotlib"))
# pytest-xdist (scripts/test.sh runs the suite on two workers): each worker its own data folder
if os.environ.get("PYTEST_XDIST_WORKER") and os.environ.get("EXAMDESK_DATA"):
    os.environ["EXAMDESK_DATA"] = os.path.join(os.environ["EXAMDESK_DATA"], os.environ["PYTEST_XDIST_WORKER"])
    os.makedirs(os.environ["EXAMDESK_DATA"], exist_ok=True)

from tests.store_fixtures import fast_passwords, world  # noqa: F401  (fixtures for every test module)

REPO = Path(__file__).resolve().parent.parent

MINI_STANDARD = """\
schema: examdesk-standard/1
code: T-01
name: 测试职业
edition: "2024"
kind: national
official_weights: true
pass_mark: 60
min_minutes: {theory: 90, skill: 90, review: 30}
staffing:
  theory: {candidates_per_proctor: 15, min_proctors_per_room: 2}
  skill: {candidates_per_examiner: 2, min_examiners: 3, examiners_odd: true}
  review: {min_members: 3, members_odd: true}
basic:
  - area: 职业道德
    contents:
      - {code: "2.1.1", name: 职业守则, knowledge: [遵纪守法。]}
  - area: 基础知识
    contents:
      - {code: "2.2.1", name: 基本概念, knowledge: []}
levels:
  - level: 4
    name: 四级
    review_required: false
    areas:
      - area: 甲功能
        number: 1
        contents:
          - {code: "1.1", name: 甲内容一}
          - {code: "1.2", name: 甲内容二}
      - area: 乙功能
        number: 2
        contents:
          - {code: "2.1", name: 乙内容}
    theory_weights: {职业道德: 10, 基础知识: 30, 甲功能: 30, 乙功能: 30}
    skill_weights: {甲功能: 60, 乙功能: 40}
  - level: 2
    name: 二级
    review_required: true
    areas:
      - area: 丙功能
        number: 1
        contents:
          - {code: "1.1", name: 丙内容}
    theory_weights: {职业道德: 10, 基础知识: 10, 丙功能: 80}
    skill_weights: {丙功能: 100}
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


@pytest.fixture
def mini_standards(tmp_path: Path) -> Path:
    folder = tmp_path / "standards"
    write(folder / "T-01.yaml", MINI_STANDARD)
    return folder


def choice_item(
    item_id: str,
    area: str,
    code: str,
    *,
    type_: str = "single",
    points: int = 2,
    difficulty: int = 3,
    levels: str = "[4]",
    key: str = "B",
) -> str:
    return f"""\
  - id: {item_id}
    type: {type_}
    area: {area}
    code: "{code}"
    levels: {levels}
    difficulty: {difficulty}
    points: {points}
    stem: 题干 {item_id}（　）。
    options: {{A: 甲 {item_id}, B: 乙 {item_id}, C: 丙 {item_id}, D: 丁 {item_id}}}
    key: {key}
"""


def tf_item(item_id: str, area: str, code: str, *, difficulty: int = 3, levels: str = "[4]") -> str:
    return f"""\
  - id: {item_id}
    type: truefalse
    area: {area}
    code: "{code}"
    levels: {levels}
    difficulty: {difficulty}
    points: 1
    stem: 判断 {item_id}。
    key: true
"""


def bank_text(bank: str, items: list[str], standard: str = "T-01") -> str:
    header = f"schema: examdesk-bank/1\nbank: {bank}\ntitle: 测试题库\nstandard: {standard}\nversion: 1\nitems:\n"
    return header + "".join(items)
