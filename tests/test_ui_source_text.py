"""The admin and proctor screens are written in English and translated: a Chinese word or Chinese
punctuation (、 ； （ ）) in their source strings would show in the English interface as well.
Data (names, rooms, level names) comes from the store and the standards, never from these files."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from tests.conftest import REPO

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
SCREENS = ("app/ui/admin", "app/ui/proctor")
# What may stay: the services' result codes the screens compare with (shown through result_label),
# the pattern that finds a national grade in a level's name, and the demo data of the screenshot.
ALLOWED = {"合格", "不合格", "待定", "[一二三四五]级"}
DEMO_FILES = {"screenshot.py"}


def chinese_literals(source: str) -> list[tuple[int, str]]:
    """(line, text) of every string constant with CJK characters, docstrings left out."""
    tree = ast.parse(source)
    docstrings = {id(node.value) for node in ast.walk(tree) if isinstance(node, ast.Expr)}
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
        and CJK.search(node.value)
    ]  # fmt: skip


def screen_files() -> list[Path]:
    files = [p for folder in SCREENS for p in sorted((REPO / folder).rglob("*.py")) if p.name not in DEMO_FILES]
    assert len(files) > 10
    return files


@pytest.mark.parametrize("path", screen_files(), ids=lambda p: str(p.relative_to(REPO)))
def test_screen_source_strings_have_no_chinese(path):
    found = [(line, text) for line, text in chinese_literals(path.read_text(encoding="utf-8")) if text not in ALLOWED]
    assert found == [], f"{path.relative_to(REPO)}: write the English text and translate it in the .ts file"


def test_the_scan_finds_chinese_in_strings_and_f_strings_but_not_in_docstrings_or_comments():
    source = '''"""考生名单"""
def f(name):
    """场次"""  # 注释
    a = tr("Sub-type (工种):")
    return f"{name}（{a}）" + "、".join([a])
'''
    assert [text for _line, text in chinese_literals(source)] == ["Sub-type (工种):", "（", "）", "、"]
