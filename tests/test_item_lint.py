"""Item-writing lint (app/domain/item_lint.py, app/banks/bank_lint.py): each rule fires on the
pattern it names, stays quiet without it, and a comment with a reason explains a warning away."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from app.banks.bank_file import read_banks
from app.banks.bank_lint import lint_banks
from app.banks.standard_file import read_standards
from app.cli import main
from app.domain.item_lint import RULES, lint_file, lint_item
from app.domain.items import Item, ItemType
from tests.conftest import REPO, bank_text, choice_item, write


def choice(item_id: str = "Q-1", options: dict[str, str] | None = None, key="B", type_=ItemType.SINGLE) -> Item:
    options = options or {"A": "课程介绍", "B": "学习计划", "C": "作业批改", "D": "考试安排"}
    return Item(id=item_id, type=type_, area="甲功能", code="1.1", levels=(4,), difficulty=3, points=Decimal(2),
                stem="题干（　）。", options=tuple(options.items()), key=key)  # fmt: skip


def truefalse(item_id: str, stem: str, key: bool) -> Item:
    return Item(id=item_id, type=ItemType.TRUEFALSE, area="甲功能", code="1.1", levels=(4,), difficulty=2,
                points=Decimal(1), stem=stem, key=key)  # fmt: skip


LONG = "根据学习者的学习数据制订个性化学习计划"


def rules(findings) -> list[str]:
    return [f.rule for f in findings]


def test_a_plain_item_raises_no_warning():
    assert lint_item(choice()) == []


def test_one_option_much_longer_than_the_others():
    long = choice(options={"A": "课程介绍", "B": "根据学习者的学习数据制订个性化学习计划",
                           "C": "作业批改", "D": "考试安排"})  # fmt: skip
    [finding] = lint_item(long)
    assert (finding.rule, finding.field) == ("long-option", "options.B")
    assert "option B (the key) has 19 characters" in finding.message
    # two long options are not one standing out
    pair = choice(options={"A": "根据学习者的学习数据制订个性化计划", "B": "根据学习者的学习数据制订个性化学习计划",
                           "C": "作业批改", "D": "考试安排"})  # fmt: skip
    assert lint_item(pair) == []


def test_all_or_none_of_the_above():
    for text in ("以上都对", "以上都不对", "以上都是", "以上均正确"):
        item = choice(options={"A": "课程介绍", "B": "学习计划", "C": "作业批改", "D": text}, key="D")
        assert rules(lint_item(item)) == ["above-option"], text


def test_a_distractor_no_candidate_would_choose():
    item = choice(options={"A": "课程介绍", "B": "学习计划", "C": "随便应付", "D": "考试安排"})
    [finding] = lint_item(item)
    assert (finding.rule, finding.field) == ("absurd-distractor", "options.C")
    keyed = choice(options={"A": "课程介绍", "B": "置之不理", "C": "作业批改", "D": "考试安排"})  # it is the key
    assert lint_item(keyed) == []


def negated(stem: str, options: dict[str, str], key="B", type_=ItemType.SINGLE) -> Item:
    return replace(choice(options=options, key=key, type_=type_), stem=stem)


WRONG = "组织在线学习活动时，下列做法不恰当的是（　）。"
PLAIN = {"A": "课前发布学习任务单", "C": "按学习进度分组讨论", "D": "课后收集学习反馈"}


def test_a_negated_stem_whose_only_absolute_option_is_the_key():
    for word in ("总是", "从不", "一定", "绝对", "永远", "任何情况下都"):
        item = negated(WRONG, {**PLAIN, "B": f"讨论区{word}由教师一人发言"})
        [finding] = lint_item(item)
        assert (finding.rule, finding.field) == ("negated-absolute", "options.B"), word
        assert "only the key (B) has absolute wording" in finding.message
    # several keys of a 多选题, every absolute option among them, in a stem negated in its last clause
    stem = "根据《就业促进法》，用人单位招用人员时，下列做法违反“公平就业，反对歧视”规定的有（　）。"
    options = {"A": "一律不招用女性", "B": "按岗位要求设定学历条件", "C": "从不录用外地户籍人员", "D": "公开招聘信息"}
    [finding] = lint_item(negated(stem, options, key=("A", "C"), type_=ItemType.MULTIPLE))
    assert (finding.rule, finding.field) == ("negated-absolute", "options.A")
    assert "only the key (A、C) has absolute wording (一律、从不)" in finding.message


def test_absolute_options_raise_no_negated_absolute_warning_where_they_are_no_cue():
    absolute_key = {**PLAIN, "B": "讨论区总是由教师一人发言"}
    # the stem asks for the right option
    assert lint_item(negated("组织在线学习活动时，下列做法恰当的是（　）。", absolute_key)) == []
    # a negation outside the question's clause: 错误 describes the data, the question is positive
    stem = "超过六成学习者答错同一道题，且错误答案集中在同一个选项，最恰当的判断是（　）。"
    assert lint_item(negated(stem, absolute_key)) == []
    assert lint_item(negated("下列属于一般职业能力、而不是专业能力的是（　）。", absolute_key)) == []
    # a distractor is as absolute as the key: the wording no longer points at the key
    assert lint_item(negated(WRONG, {**absolute_key, "C": "分组讨论一律由组长决定"})) == []
    # the absolute option is a distractor: a candidate who follows the cue is wrong
    assert lint_item(negated(WRONG, {**PLAIN, "B": "讨论区由教师一人发言", "C": "分组讨论从不限时"})) == []
    # no absolute wording at all
    assert lint_item(negated(WRONG, {**PLAIN, "B": "讨论区由教师一人发言"})) == []


def test_absolute_wording_keyed_almost_always_false():
    items = [truefalse(f"T-{n}", stem, False) for n, stem in enumerate(
        ["只要学习者报名，就一定能通过考试。", "在线学习服务师无须了解课程内容。", "学习时间越长，学习效果越好。",
         "只需发送通知，学习者就会按时学习。"])]  # fmt: skip
    [finding] = lint_file(items)
    assert finding.rule == "absolute-wording" and finding.item_id == "T-0"
    assert "4 of the file's 4 判断题 with absolute wording" in finding.message and "keyed false" in finding.message
    balanced = [*items[:3], truefalse("T-9", "只要涉及学习者个人信息，就应当依法保护。", True)]
    balanced.append(truefalse("T-8", "在线学习服务师一定要遵守职业守则。", True))
    assert lint_file(balanced) == []  # 2 of 5 true: the wording gives nothing away
    assert lint_file(items[:2]) == []  # too few to be a pattern


def test_keys_far_from_even():
    skewed = [choice(f"S-{n}", key="A" if n < 9 else "B") for n in range(12)]
    [finding] = lint_file(skewed)
    assert finding.rule == "key-balance" and "keyed A 9, B 3, C 0, D 0" in finding.message
    even = [choice(f"S-{n}", key="ABCD"[n % 4]) for n in range(12)]
    assert lint_file(even) == []
    truths = [truefalse(f"T-{n}", f"判断 {n}。", n < 2) for n in range(12)]
    [finding] = lint_file(truths)
    assert finding.rule == "key-balance" and "2 of the file's 12 判断题 are keyed true" in finding.message


def _bank(tmp_path, items: list[str], header_comment: str = ""):
    text = bank_text("lint", items).replace("items:\n", f"{header_comment}items:\n")
    path = write(tmp_path / "banks" / "lint.yaml", text)
    write(tmp_path / "standards" / "T-01.yaml", (REPO / "tests" / "conftest.py").read_text(encoding="utf-8")
          .split('MINI_STANDARD = """\\\n')[1].split('"""')[0])  # fmt: skip
    standards = read_standards(tmp_path / "standards")
    return path, read_banks([path], standards), standards


def test_warnings_name_file_line_and_field_and_a_reasoned_comment_explains_one(tmp_path):
    long_item = choice_item("Q-2", "甲功能", "1.1").replace("B: 乙 Q-2", f"B: 乙 Q-2 {LONG}")
    path, bankset, _ = _bank(tmp_path, [choice_item("Q-1", "甲功能", "1.1"), long_item])
    report = lint_banks(bankset)
    assert [str(p) for p in report.warnings] == [
        f"{path}:17: items[1] (Q-2).options.B: warning [long-option]: option B (the key) has 25 characters, "
        "the others 5.0 on average: candidates pick the longest option; make the options about as long"
    ]
    reason = "    # lint: ok long-option: the key quotes the standard\n"
    explained = long_item.replace("    key: B\n", "    key: B\n" + reason)
    _path, bankset, _ = _bank(tmp_path, [choice_item("Q-1", "甲功能", "1.1"), explained])
    report = lint_banks(bankset)
    assert report.warnings == [] and len(report.justified) == 1
    bare = long_item.replace("    key: B\n", "    key: B\n    # lint: ok long-option\n")  # no reason: no excuse
    _path, bankset, _ = _bank(tmp_path, [choice_item("Q-1", "甲功能", "1.1"), bare])
    assert len(lint_banks(bankset).warnings) == 1


def test_bank_validate_prints_warnings_and_still_succeeds(tmp_path, capsys):
    long_item = choice_item("Q-2", "甲功能", "1.1").replace("B: 乙 Q-2", f"B: 乙 Q-2 {LONG}")
    path, _bankset, _ = _bank(tmp_path, [choice_item("Q-1", "甲功能", "1.1"), long_item])
    argv = ["bank", "validate", str(path), "--standards", str(tmp_path / "standards")]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert f"{path}:17: items[1] (Q-2).options.B: warning [long-option]" in out
    assert "item-writing lint: 1 warning(s), 0 more explained in comments" in out
    assert main([*argv, "--no-lint"]) == 0
    assert "warning" not in capsys.readouterr().out



def test_the_sample_banks_raise_no_unexplained_warning():
    standards = read_standards(REPO / "question_banks" / "standards")
    bankset = read_banks([REPO / "question_banks"], standards)
    report = lint_banks(bankset)
    assert [str(p) for p in report.warnings] == []


def test_every_warning_has_a_template_so_the_admin_screen_shows_it_translated():
    from app.ui.widgets.messages import match_message

    long = {"A": "课程介绍", "B": LONG, "C": "作业批改", "D": "考试安排"}
    findings = [
        *lint_item(choice(options=long)),
        *lint_item(choice(options=long, key="A")),
        *lint_item(choice(options={"A": "课程介绍", "B": "学习计划", "C": "随便应付", "D": "以上都对"})),
        *lint_item(negated(WRONG, {**PLAIN, "B": "讨论区总是由教师一人发言"})),
        *lint_file([truefalse(f"T-{n}", "只要努力就一定能通过考核。", False) for n in range(10)]),
        *lint_file([truefalse(f"T-{n}", "只要努力就一定能通过考核。", True) for n in range(3)]),
        *lint_file([choice(f"S-{n}", key="A") for n in range(8)]),
    ]
    assert {f.rule for f in findings} == set(RULES)
    for finding in findings:
        found = match_message(f"warning [{finding.rule}]: {finding.message}")
        assert found is not None and found[0] == "warning [{rule}]: {problem}"
        inner = match_message(finding.message)
        assert inner is not None and "{" in inner[0], finding.message  # its own template, not a generic one
