"""Every refusal the services can raise has a translatable template (app/ui/widgets/messages.py)."""

from __future__ import annotations

import ast
from pathlib import Path

from app.ui.widgets.messages import translate_message
from tests.conftest import REPO

SOURCES = [*sorted((REPO / "app" / "services").glob("*.py")), REPO / "app" / "flows" / "candidate.py"]
ROSTER = REPO / "app" / "banks" / "roster_file.py"


def roster_messages() -> list[tuple[int, str]]:
    """The reasons of the roster reader's Problem(...) calls (their fourth argument)."""
    out = []
    for node in ast.walk(ast.parse(ROSTER.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Problem" and len(node.args) == 4:
            arg = node.args[3]
            if isinstance(arg, ast.Constant):
                out.append((node.lineno, arg.value))
            elif isinstance(arg, ast.JoinedStr):
                text = "".join(v.value if isinstance(v, ast.Constant) else "甲1" for v in arg.values)
                out.append((node.lineno, text))
    return out


def test_every_roster_problem_has_a_template():
    assert len(roster_messages()) >= 10
    assert [f"{line}: {text}" for line, text in roster_messages() if not _matches_without_translation(text)] == []


def raised_messages(path: Path) -> list[tuple[int, str]]:
    """Messages passed to `raise SomeError(...)`, with every interpolation replaced by a sample value."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and node.exc.args):
            continue
        arg = node.exc.args[0]
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
            out.append((node.lineno, arg.value))
        elif isinstance(arg, ast.JoinedStr):
            out.append((node.lineno, "".join(v.value if isinstance(v, ast.Constant) else "甲1" for v in arg.values)))
        elif isinstance(arg, ast.BinOp) and isinstance(arg.left, ast.JoinedStr | ast.Constant):
            head = arg.left
            text = head.value if isinstance(head, ast.Constant) else "".join(
                v.value if isinstance(v, ast.Constant) else "甲1" for v in head.values)  # fmt: skip
            out.append((node.lineno, text + "甲1"))
    return out


def test_every_service_message_has_a_template(qapp):
    untranslatable = [
        f"{path.name}:{line}: {text}"
        for path in SOURCES
        for line, text in raised_messages(path)
        if not text.startswith("expected stage") and translate_message(text) == text
        and not _matches_without_translation(text)
    ]
    assert untranslatable == []


def _matches_without_translation(text: str) -> bool:
    from app.ui.widgets.messages import _patterns

    return any(pattern.fullmatch(text) for pattern, _template in _patterns())


def test_messages_read_in_chinese_with_their_values(qapp):
    from PySide6.QtCore import QTranslator

    from app import i18n

    translator = QTranslator()
    assert translator.load(str(i18n.qm_file("zh_CN")))
    qapp.installTranslator(translator)
    try:
        assert translate_message("ticket T9 is already in this session") == "准考证号 T9 已在本场次中"
        nested = translate_message("candidate T9: ID number check digit is 1, expected X")
        assert nested == "考生 T9：身份证号有误（校验码为 1，应为 X）"
        assert translate_message("something nobody wrote a template for") == "something nobody wrote a template for"
    finally:
        qapp.removeTranslator(translator)
