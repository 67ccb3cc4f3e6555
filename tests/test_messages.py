"""Every refusal the services can raise has a translatable template (app/ui/widgets/messages.py)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from app.errors import DataFileError
from app.ui.widgets.messages import translate_message
from tests.conftest import MINI_STANDARD, REPO, bank_text, choice_item, write

SOURCES = [*sorted((REPO / "app" / "services").glob("*.py")), REPO / "app" / "flows" / "candidate.py",
           REPO / "app" / "banks" / "catalog.py", REPO / "app" / "centre" / "standby.py"]  # fmt: skip
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
        if not text.startswith("expected stage")
        and translate_message(text) == text
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


# Data-file validators: every problem message they can report has a template. The messages are
# found where they are made: Problem(source, line, location, MESSAGE), reader.problem(path, MESSAGE),
# problems.append((location, MESSAGE)) in the domain checks, and the YAML loader's own errors.
VALIDATORS = [
    REPO / "app" / "banks" / "yaml_source.py",
    REPO / "app" / "banks" / "fields.py",
    REPO / "app" / "banks" / "bank_file.py",
    REPO / "app" / "banks" / "standard_file.py",
    REPO / "app" / "banks" / "blueprint_file.py",
    REPO / "app" / "domain" / "standards.py",
    REPO / "app" / "domain" / "items.py",
    REPO / "app" / "domain" / "blueprint.py",
    REPO / "app" / "domain" / "fixed_papers.py",
    REPO / "app" / "services" / "library.py",
    REPO / "app" / "banks" / "xlsx_format.py",
    REPO / "app" / "banks" / "interchange.py",
    REPO / "app" / "banks" / "markup.py",
    REPO / "app" / "banks" / "choice_scoring.py",
    REPO / "app" / "banks" / "qti_format.py",
    REPO / "app" / "banks" / "moodle_format.py",
    REPO / "app" / "banks" / "gift_format.py",
    REPO / "app" / "api" / "files.py",
]
# variables that pass on a message made elsewhere (and checked there), not a message of their own
PASSED_ON = {
    ("fields.py", "message"),  # FieldReader.problem's parameter
    ("bank_file.py", "message"),  # from check_item_shape / check_placement (app/domain/items.py)
    ("standard_file.py", "message"),  # from check_standard / check_weight_table
    ("blueprint_file.py", "message"),  # from TypeMix.check, and the f-string assigned below it
    ("yaml_source.py", "what"),  # the YAML parser's own wording (its common ones have templates)
    ("interchange.py", "reason"),  # a bank reader's problem, told again by the cell it came from
    ("qti_format.py", "reason"),  # the message of an _Unsupported or _Bad raised (and checked) in the module
    ("moodle_format.py", "reason"),
    ("gift_format.py", "reason"),
}
SAMPLE = "甲1"


def _sample(node: ast.expr) -> str | None:
    """The text of a literal or f-string message, each interpolated value replaced by SAMPLE."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else SAMPLE for v in node.values)
    return None


def _message_arg(node: ast.Call) -> ast.expr | None:
    func = node.func
    name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
    if name == "Problem" and len(node.args) == 4:
        return node.args[3]
    if name == "problem" and len(node.args) >= 2:
        return node.args[1]
    if name == "ConstructorError" and len(node.args) >= 3:
        return node.args[2]
    if name == "_BadValue" and len(node.args) >= 2:  # a value YAML cannot construct (yaml_source.py)
        return node.args[1]
    if name in ("_Unsupported", "_Bad", "NotHonoured", "XmlError") and node.args:  # the other formats' readers
        return node.args[0]
    into_problems = isinstance(func, ast.Attribute) and getattr(func.value, "id", "") == "problems"
    if name == "append" and into_problems and isinstance(node.args[0], ast.Tuple) and len(node.args[0].elts) == 2:
        return node.args[0].elts[1]
    return None


def validator_messages(path: Path) -> tuple[list[tuple[int, str]], list[str]]:
    """(line, sample message) for every message the module reports, and the places it cannot read."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    assigned: dict[str, list[str]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            text = _sample(node.value)
            if text is not None:
                assigned.setdefault(node.targets[0].id, []).append(text)
    found, unreadable = [], []
    for node in ast.walk(tree):
        arg = _message_arg(node) if isinstance(node, ast.Call) else None
        if arg is None:
            continue
        text = _sample(arg)
        if text is not None:
            found.append((node.lineno, text))
        elif isinstance(arg, ast.Name) and arg.id in assigned:
            found += [(node.lineno, t) for t in assigned[arg.id]]
        elif not (isinstance(arg, ast.Name) and (path.name, arg.id) in PASSED_ON):
            unreadable.append(f"{path.name}:{node.lineno}: {ast.unparse(arg)}")
    return found, unreadable


def test_every_validator_message_has_a_template_of_its_own():
    from app.ui.widgets.messages import match_message

    found = [(path.name, line, text) for path in VALIDATORS for line, text in validator_messages(path)[0]]
    assert len(found) >= 80
    wrong = []
    for name, line, text in found:
        match = match_message(text)
        # the template must account for every word: each placeholder holds an interpolated value,
        # not a piece of English that another (more general) template happened to swallow
        if match is None or any(value != SAMPLE for value in match[1].values()):
            wrong.append(f"{name}:{line}: {text} -> {match and match[0]}")
    assert wrong == []


def test_every_validator_message_is_made_where_the_check_can_read_it():
    # a message built by joining pieces, or passed through a new variable, would escape the test above
    assert [place for path in VALIDATORS for place in validator_messages(path)[1]] == []


@pytest.fixture
def chinese(qapp):
    from PySide6.QtCore import QTranslator

    from app import i18n

    translator = QTranslator()
    assert translator.load(str(i18n.qm_file("zh_CN")))
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


def test_problems_in_broken_files_read_in_chinese(tmp_path, chinese):
    from app.banks.bank_file import read_banks
    from app.banks.standard_file import read_standard, read_standards
    from app.ui.widgets.messages import translate_problem

    write(tmp_path / "standards" / "T-01.yaml", MINI_STANDARD)
    standards = read_standards(tmp_path / "standards")
    items = [
        choice_item("Q-1", "甲功能", "1.1", difficulty=9, key="E"),
        choice_item("Q-2", "甲功能", "1.1", type_="essay"),
        choice_item("Q-3", "甲功能", "1.1").replace("points: 2", "points: [2]"),
        choice_item("Q-4", "戊功能", "1.1"),
        choice_item("Q-1", "乙功能", "2.1"),
    ]
    bank = bank_text("bad", items).replace("version: 1\n", "version: 1\nsubtype: [测试职业, 木工]\n")
    sources = [("bad.yaml", bank), ("tabs.yaml", "items:\n\t- x\n"), ("old.yaml", "schema: examdesk-bank/0\n")]
    problems = []
    with pytest.raises(DataFileError) as err:
        read_banks([], standards, sources=sources)
    problems += err.value.problems
    broken = {
        "rules.yaml": MINI_STANDARD.replace("pass_mark: 60", "pass_mark: 120")
        .replace("基础知识: 30, 甲功能: 30", "基础知识: 30, 甲功能: 40"),
        "fields.yaml": MINI_STANDARD.replace("official_weights: true", "official_weights: yes please")
        .replace("name: 测试职业", "name: [测试职业]"),
    }  # fmt: skip
    for name, text in broken.items():
        with pytest.raises(DataFileError) as err:
            read_standard(write(tmp_path / name, text), name)
        problems += err.value.problems

    assert [translate_problem(p) for p in problems] == [
        "bad.yaml:6: subtype: 未知的工种 '木工'；T-01 包括：测试职业",
        "bad.yaml:13: items[0] (Q-1).difficulty: 应为 1 到 5，实际为 9",
        "bad.yaml:17: items[0] (Q-1).key: E 不在选项 A/B/C/D 之中",
        "bad.yaml:19: items[1] (Q-2).type: 未知的题型 'essay'；"
        "可用的题型：single, multiple, truefalse, fill, short, case",
        "bad.yaml:34: items[2] (Q-3).points: 应为整数或数字或文本，实际为 列表",
        "bad.yaml:40: items[3] (Q-4).area: 等级 4 没有职业功能 '戊功能'",
        "bad.yaml:48: items[4] (Q-1).id: 编号 'Q-1' 重复（首次出现在 bad.yaml）",
        "old.yaml:1: schema: 应为 'examdesk-bank/1'，实际为 'examdesk-bank/0'",
        "tabs.yaml:2: YAML 格式错误：出现了不能出现在开头的字符（如 Tab 制表符或 @，请改用空格缩进或给值加引号）",
        "rules.yaml:7: pass_mark: 应在 1 到 100 之间，实际为 120",
        "rules.yaml:34: levels[0].theory_weights: 权重合计为 110，应为 100",
        "fields.yaml:3: name: 应为文本，实际为 列表",
        "fields.yaml:6: official_weights: 应为 true 或 false，实际为 'yes please'",
    ]
    # the layout is Problem's own; only the message changes
    assert [translate_problem(p).removesuffix(translate_message(p.message)) for p in problems] == [
        str(p).removesuffix(p.message) for p in problems
    ]


def test_every_kind_the_field_reader_names_reads_in_chinese(chinese):
    from app.banks.fields import _kind_name, _show

    names = [_kind_name(kind) for kind in (str, int, float, bool, dict, list)] + [_show({}), _show([])]
    assert [name for name in names if translate_message(name) == name] == []
    assert translate_message(f"must be text or an integer, got {_show({})}") == "应为文本或整数，实际为 映射"


# Banks that cannot fill a paper: AssemblyError (app/domain/paper_assembly.py) holds a heading and
# one "  - " line per Shortage; MissingWeightsError (app/domain/standards.py) one sentence. The
# lines are found where they are made, and so are the pieces helpers and variables put into them.
ASSEMBLY = REPO / "app" / "domain" / "paper_assembly.py"
STANDARDS = REPO / "app" / "domain" / "standards.py"
WORDS = re.compile(r"[A-Za-z]")


class _Pieces:
    """Texts an expression can have (interpolations that are not text become SAMPLE), and the
    texts with words that were interpolated on the way (`nested`: they need templates too)."""

    def __init__(self, tree: ast.Module):
        self.functions = {f.name: f for f in ast.walk(tree) if isinstance(f, ast.FunctionDef)}
        self.nested: list[tuple[str, int, str]] = []
        self._busy: set[str] = set()

    def texts(self, node: ast.expr, scope: ast.FunctionDef | None) -> list[str]:
        if isinstance(node, ast.Constant):
            return [node.value] if isinstance(node.value, str) else [SAMPLE]
        if isinstance(node, ast.JoinedStr):
            out = ""
            for value in node.values:
                if isinstance(value, ast.Constant):
                    out += value.value
                    continue
                for text in self.texts(value.value, scope):
                    if WORDS.search(text.replace(SAMPLE, "")):
                        self.nested.append((scope.name if scope else "", value.lineno, text))
                out += SAMPLE
            return [out]
        if isinstance(node, ast.IfExp):
            return self.texts(node.body, scope) + self.texts(node.orelse, scope)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            return [a + b for a in self.texts(node.left, scope) for b in self.texts(node.right, scope)]
        if isinstance(node, ast.Name) and scope is not None:
            values = [a.value for a in ast.walk(scope) if isinstance(a, ast.Assign)
                      and any(isinstance(t, ast.Name) and t.id == node.id for t in a.targets)]  # fmt: skip
            return [text for value in values for text in self.texts(value, scope)] or [SAMPLE]
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            if name in self.functions and name not in self._busy:  # a helper of this module: what it returns
                self._busy.add(name)
                called = self.functions[name]
                returns = [r.value for r in ast.walk(called) if isinstance(r, ast.Return) and r.value is not None]
                texts = [text for value in returns for text in self.texts(value, called)]
                self._busy.discard(name)
                return texts
        return [SAMPLE]


def assembly_messages() -> tuple[list[tuple[int, str]], list[tuple[str, int, str]]]:
    """(line, sample) for every heading and shortage line an AssemblyError can hold and for the
    MissingWeightsError sentence; and (function, line, sample) for each piece with words in them."""
    tree = ast.parse(ASSEMBLY.read_text(encoding="utf-8"))
    pieces = _Pieces(tree)
    found = []
    for scope in pieces.functions.values():
        for node in ast.walk(scope):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
                continue
            if node.func.id == "AssemblyError":
                arg = node.args[0] if node.args else next(k.value for k in node.keywords if k.arg == "heading")
            elif node.func.id == "Shortage":
                arg = node.args[4] if len(node.args) > 4 else next(k.value for k in node.keywords if k.arg == "detail")
            else:
                continue
            found += [(node.lineno, text) for text in pieces.texts(arg, scope)]
    weights = next(c for c in ast.walk(ast.parse(STANDARDS.read_text(encoding="utf-8")))
                   if isinstance(c, ast.ClassDef) and c.name == "MissingWeightsError")  # fmt: skip
    for node in ast.walk(weights):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "__init__":
            found += [(node.lineno, text) for text in _Pieces(ast.Module([], [])).texts(node.args[0], None)]
    return found, pieces.nested


def _only_samples(values: dict[str, str]) -> bool:
    """Every placeholder holds interpolated values only, not words another template swallowed."""
    return all(not WORDS.search(value.replace(SAMPLE, "")) for value in values.values())


def test_every_line_of_an_assembly_error_has_a_template_of_its_own():
    from app.ui.widgets.messages import NESTED, match_message

    lines, nested = assembly_messages()
    assert len(lines) >= 9  # two headings, six shortage shapes, the missing weight table
    wrong = [f"{line}: {text} -> {m and m[0]}" for line, text in lines
             if not ((m := match_message(text)) and _only_samples(m[1]))]  # fmt: skip
    assert wrong == []
    # the cell name, "n items", "point(s)", why no choice fits, "... and n more"
    assert len(nested) >= 7
    wrong = [f"{func}:{line}: {text} -> {m and m[0]}" for func, line, text in nested
             if not ((m := match_message(text, NESTED)) and _only_samples(m[1]))]  # fmt: skip
    assert wrong == []


def test_an_assembly_error_reads_in_chinese_line_by_line(mini_standards, chinese):
    from dataclasses import replace
    from decimal import Decimal

    from app.banks.standard_file import read_standard
    from app.domain.blueprint import Section, TypeMix, skill_blueprint, theory_blueprint
    from app.domain.items import ItemType
    from app.domain.paper_assembly import AssemblyError, PaperAssembler, build_skill_paper
    from app.domain.standards import MissingWeightsError, Part
    from app.ui.widgets.messages import match_message
    from tests.test_paper_assembly import MIX, exact_bank, make_items, with_enemies

    std = read_standard(mini_standards / "T-01.yaml")
    lv = std.level(4)
    blueprint = theory_blueprint(std, lv, replace(MIX, source="theory-test.yaml"))  # a file name stays as it is
    full = make_items(lv.theory_weights, 12)
    exact = exact_bank((std, lv))
    chain = [(f"甲功能-single-{n:03d}", f"甲功能-single-{n + 1:03d}") for n in range(8)]  # 9 items in a row
    pools = {
        "shortage": (replace(blueprint, subtype="木工"),
                     [it for it in full if not (it.area == "甲功能" and it.type is ItemType.SINGLE)]),
        "enemies in a cell": (blueprint, with_enemies(exact, [*chain, ("甲功能-single-000", "甲功能-single-002")])),
        "enemies across cells": (blueprint, with_enemies(exact, [("职业道德-single-000", "职业道德-truefalse-000")])),
        "points the mix cannot make": (replace(blueprint, mix=TypeMix((Section(ItemType.SINGLE, 25, Decimal(4)),))),
                                       full),
    }  # fmt: skip
    errors: dict[str, Exception] = {}
    for name, (bp, items) in pools.items():
        with pytest.raises(AssemblyError) as err:
            PaperAssembler(bp, items)
        errors[name] = err.value
    with pytest.raises(AssemblyError) as err:
        build_skill_paper(skill_blueprint(std, lv), [], 1)
    errors["skill"] = err.value
    errors["no theory weights"] = MissingWeightsError(std, lv, Part.THEORY)
    errors["no skill weights"] = MissingWeightsError(std, lv, Part.SKILL)

    assert "and 1 more" in str(errors["enemies in a cell"])  # 9 pairs, 8 shown
    # every shape of line but "no allocation fits" (unreachable), the search-limit variant and the
    # difficulty the bank's items cannot reach from above (the exact bank reaches 2.52 of a 3.0 target)
    shapes = {match_message(line.removeprefix("  - "))[0] for exc in errors.values() for line in str(exc).splitlines()}
    assert len(shapes) == 9
    codes = re.compile("|".join([r"[\w-]+-(?:" + "|".join(ItemType) + r")-\d{3}", *ItemType, "T-01",
                                 "--weights FILE", "docs/bank-format.md", "Weight files",
                                 "theory-test.yaml"]))  # fmt: skip
    english = []
    for name, exc in errors.items():
        text = str(exc)
        chinese_text = translate_message(text)
        assert len(chinese_text.splitlines()) == len(text.splitlines()), name
        for line, source in zip(chinese_text.splitlines(), text.splitlines(), strict=True):
            assert line.startswith("  - ") == source.startswith("  - "), line
            if WORDS.search(codes.sub("", line)):
                english.append(f"{name}: {line}")
    assert english == []
    assert translate_message(str(errors["shortage"])) == (
        "题库无法严格按组卷方案组出 T-01 木工 等级 4（四级）的理论知识试卷：\n"
        "  - 甲功能 / 单项选择题（single，每题 2 分）：需要 9 道题，题库只有 0 道（缺 9 道题，共 18 分）"
    )
    in_a_cell = translate_message(str(errors["enemies in a cell"])).splitlines()
    assert in_a_cell[1].endswith("(甲功能-single-006, 甲功能-single-007)，另有 1 对未列出")


def test_multi_line_messages_keep_lines_that_fit_no_template(chinese):
    text = "time is up\n  - something nobody wrote a template for\n\n- no session S1"
    assert translate_message(text) == "考试时间已到\n  - something nobody wrote a template for\n\n- 没有场次 S1"


# Refusals as data (app/errors.py): each carries its template, the message id screens translate by.
# Every template given to an error or a Message is listed in TEMPLATES (or NESTED), and its keyword
# arguments are exactly its placeholders: a misspelt template or value name would show English.
REFUSING = [*sorted((REPO / "app" / "services").glob("*.py")), *sorted((REPO / "app" / "domain").glob("*.py")),
            *sorted((REPO / "app" / "security").glob("*.py")), *sorted((REPO / "app" / "api").glob("*.py")),
            *sorted((REPO / "app" / "centre").glob("*.py")), *sorted((REPO / "app" / "station").glob("*.py")),
            REPO / "app" / "banks" / "catalog.py", REPO / "app" / "centre" / "standby.py"]  # fmt: skip
ERRORS = {"UserFacingError", "ServiceError", "PermissionDenied", "NotFound", "Conflict", "LoginFailed",
          "AccountLocked", "StaleSave", "AttemptClosed", "EarlyStart", "Message", "InvalidToken",
          "BadRequest", "InvalidStation", "TlsError", "EnrolmentRefused", "JournalDamaged", "JournalInUse"}  # fmt: skip


def _constants(node: ast.expr, assigned: dict[str, list[ast.expr]]) -> list[str] | None:
    """The texts a template argument can be (a literal, either branch of `a if c else b`, or a name
    assigned such texts in the module); None when it is made some other way."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        body, orelse = _constants(node.body, assigned), _constants(node.orelse, assigned)
        return None if body is None or orelse is None else body + orelse
    if isinstance(node, ast.Name) and node.id in assigned:
        texts = [_constants(value, assigned) for value in assigned[node.id]]
        return None if any(t is None for t in texts) else [t for ts in texts if ts for t in ts]
    return None


def refusal_templates(path: Path) -> tuple[list[tuple[int, str, set[str] | None]], list[str]]:
    """(line, template, keyword names or None with **kwargs) of every error or Message made with a
    template of its own in the module, including `refusal="..."` templates handed to a helper; and
    the places an error of the services is made from an f-string (so without its params)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    assigned: dict[str, list[ast.expr]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            assigned.setdefault(node.targets[0].id, []).append(node.value)
    found, unstructured = [], []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        for keyword in node.keywords:  # self._session_in(..., refusal="session {code} is {state}, not open")
            if keyword.arg == "refusal" and isinstance(keyword.value, ast.Constant):
                found.append((node.lineno, keyword.value.value, {"code", "state"}))
        name = getattr(node.func, "id", None)
        if name not in ERRORS or not node.args:
            continue
        if isinstance(node.args[0], ast.JoinedStr):
            unstructured.append(f"{path.name}:{node.lineno}")
            continue
        texts = _constants(node.args[0], assigned)
        if texts is None:  # a Message made elsewhere (refusal(findings), a domain ValueError's argument)
            continue
        names = None if any(k.arg is None for k in node.keywords) else {k.arg for k in node.keywords}
        found += [(node.lineno, text, names) for text in texts]
    for node in ast.walk(tree):  # def _session_in(..., refusal: str = "session {code} is {state}")
        if isinstance(node, ast.FunctionDef):
            args = node.args.args + node.args.kwonlyargs
            defaults = dict(zip([a.arg for a in node.args.args][::-1], node.args.defaults[::-1], strict=False))
            defaults |= {a.arg: d for a, d in zip(node.args.kwonlyargs, node.args.kw_defaults, strict=True) if d}
            for arg in args:
                default = defaults.get(arg.arg)
                if arg.arg == "refusal" and isinstance(default, ast.Constant):
                    found.append((node.lineno, default.value, {"code", "state"}))
    return found, unstructured


def test_every_refusal_template_is_listed_and_filled_by_name():
    from app.errors import LINES
    from app.ui.widgets.messages import NESTED, PLACEHOLDER, TEMPLATES

    found = [(path.name, *entry) for path in REFUSING for entry in refusal_templates(path)[0]]
    assert len(found) >= 150
    known = set(TEMPLATES) | set(NESTED) | {LINES}
    assert [f"{name}:{line}: {text}" for name, line, text, _ in found if text not in known] == []
    wrong = [f"{name}:{line}: {text} given {sorted(names)}" for name, line, text, names in found
             if names is not None and names != set(PLACEHOLDER.findall(text))]  # fmt: skip
    assert wrong == []


def test_the_services_raise_no_message_without_its_template():
    assert [place for path in REFUSING for place in refusal_templates(path)[1]] == []


def test_every_error_users_see_has_a_code_of_its_own():
    import app.services.accounts
    import app.services.exam  # noqa: F401  (defines the subclasses)
    from app.errors import UserFacingError

    def subclasses(cls: type) -> list[type]:
        return [cls, *(s for sub in cls.__subclasses__() for s in subclasses(sub))]

    classes = [c for c in subclasses(UserFacingError) if c.__module__.startswith("app.")]
    assert len(classes) >= 11
    assert [c.__name__ for c in classes if "code" not in vars(c)] == []
    assert len({c.code for c in classes}) == len(classes)


def test_refusals_translate_by_template_without_matching_text(chinese, mini_standards, monkeypatch):
    import json

    from app.banks.standard_file import read_standard
    from app.domain.identity import id_number_problem
    from app.domain.staffing import check_session
    from app.domain.standards import Part
    from app.errors import Message, UserFacingError
    from app.services.base import Conflict, ServiceError
    from app.services.exam import StandardRuleRefused
    from app.ui.widgets import messages

    std = read_standard(mini_standards / "T-01.yaml")
    findings = check_session(std, std.level(4), Part.THEORY, candidates=40, minutes=30, proctors=1)
    assert [f.rule for f in findings] == ["duration", "proctors"]
    refusals = {
        "a nested problem": ServiceError("candidate {ticket}: ID number {problem}", ticket="T9",
                                         problem=id_number_problem("110105194912310021")),
        "findings, one per line": StandardRuleRefused(findings),
        "no values": Conflict("the attempt is still open"),
    }  # fmt: skip
    by_matching = {name: messages.translate_message(str(exc)) for name, exc in refusals.items()}
    assert by_matching["a nested problem"] == "考生 T9：身份证号有误（校验码为 1，应为 X）"
    not_ready = Conflict("not ready: {waiting}", waiting=[
        Message("question {n}: {scored} of {needed} examiners have scored", n=2, scored=1, needed=3),
        Message("question {n}: scores {scores} differ by {spread}: the chief examiner must arbitrate",
                n=4, scores="10, 2, 9", spread=8),
    ])  # fmt: skip
    assert str(not_ready) == ("not ready: question 2: 1 of 3 examiners have scored; "
                              "question 4: scores 10, 2, 9 differ by 8: the chief examiner must arbitrate")  # fmt: skip

    def matching(*_args: object) -> None:
        raise AssertionError("a refusal was translated by matching its English text")

    monkeypatch.setattr(messages, "match_message", matching)
    monkeypatch.setattr(messages, "_patterns", matching)
    for name, exc in refusals.items():
        assert messages.translate_error(exc) == by_matching[name] != str(exc), name
        sent = json.loads(json.dumps(exc.as_dict()))  # as the contract will carry it
        assert sent["code"] == exc.code
        assert messages.translate_error(UserFacingError(Message.from_dict(sent))) == by_matching[name], name
    assert len(messages.translate_error(refusals["findings, one per line"]).splitlines()) == 2
    assert messages.translate_error(not_ready) == (
        "尚不能合成成绩：第 2 题：3 名考评员中已有 1 名评分；第 4 题：评分 10, 2, 9 相差 8，须由主考评员仲裁"
    )
