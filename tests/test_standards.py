"""Standards as data: the bundled files match the seeds; broken files are named precisely."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app import paths
from app.banks.standard_file import read_standard, read_standards, read_weights
from app.domain.standards import (
    RULE_FIELDS,
    Borrowed,
    MissingWeightsError,
    Origin,
    OriginKind,
    Part,
    weights_for,
)
from app.errors import DataFileError
from tests.conftest import MINI_STANDARD, write

# 4-13-99-02 (2022) section 4.1 and 4.2, column by column, as printed in the seed.
OLS_THEORY = {
    5: {"职业道德": 5, "基础知识": 15, "学情分析": 10, "学习指导": 10, "动机激励": 15,
        "学习者管理": 15, "支持服务": 20, "学习评价": 10},
    4: {"职业道德": 5, "基础知识": 15, "学情分析": 15, "学习指导": 15, "动机激励": 10,
        "学习者管理": 15, "支持服务": 15, "学习评价": 10},
    3: {"职业道德": 5, "基础知识": 15, "学情分析": 10, "学习规划": 15, "学习指导": 15,
        "动机激励": 10, "支持服务": 20, "学习评价": 10},
    2: {"职业道德": 5, "基础知识": 5, "学情分析": 10, "学习规划": 10, "学习指导": 15,
        "学习评价": 20, "学习产品评估": 15, "管理与培训": 20},
    1: {"职业道德": 5, "基础知识": 5, "学情分析": 25, "学习规划": 20, "学习产品评估": 20,
        "管理与培训": 25},
}  # fmt: skip
OLS_SKILL = {
    5: {"学情分析": 15, "学习指导": 10, "动机激励": 20, "学习者管理": 20, "支持服务": 25, "学习评价": 10},
    4: {"学情分析": 15, "学习指导": 20, "动机激励": 15, "学习者管理": 15, "支持服务": 20, "学习评价": 15},
    3: {"学情分析": 15, "学习规划": 20, "学习指导": 15, "动机激励": 15, "支持服务": 20, "学习评价": 15},
    2: {"学情分析": 20, "学习规划": 10, "学习指导": 15, "学习评价": 20, "学习产品评估": 15, "管理与培训": 20},
    1: {"学情分析": 25, "学习规划": 25, "学习产品评估": 25, "管理与培训": 25},
}  # fmt: skip
# 4-07-03-01 (2023) section 4.1.1 / 4.1.2.
VG_THEORY = {
    4: {"职业道德": 10, "基础知识": 30, "前台咨询服务": 20, "信息采集与发布": 20, "职业介绍服务": 20},
    3: {"职业道德": 10, "基础知识": 25, "前台咨询服务": 10, "信息采集与发布": 10, "职业介绍服务": 15,
        "职业诊断与测评": 15, "帮助指导": 15},
    2: {"职业道德": 10, "基础知识": 20, "信息采集与发布": 10, "职业介绍服务": 10, "职业诊断与测评": 15,
        "帮助指导": 20, "职业指导工作推动": 15},
    1: {"职业道德": 10, "基础知识": 20, "职业介绍服务": 10, "职业诊断与测评": 15, "帮助指导": 25,
        "职业指导工作推动": 20},
}  # fmt: skip
VG_SKILL = {
    4: {"前台咨询服务": 35, "信息采集与发布": 30, "职业介绍服务": 35},
    3: {"前台咨询服务": 20, "信息采集与发布": 20, "职业介绍服务": 25, "职业诊断与测评": 15, "帮助指导": 20},
    2: {"信息采集与发布": 10, "职业介绍服务": 20, "职业诊断与测评": 20, "帮助指导": 30, "职业指导工作推动": 20},
    1: {"职业介绍服务": 20, "职业诊断与测评": 20, "帮助指导": 30, "职业指导工作推动": 30},
}  # fmt: skip
# 4.2 残疾人就业辅导员 and 4.3 残疾人职业能力评估师.
DE_THEORY = {
    4: {"职业道德": 5, "基础知识": 25, "就业咨询": 15, "就业辅导": 15, "适应性就业服务": 20, "能力提升": 20},
    3: {"职业道德": 5, "基础知识": 15, "就业咨询": 15, "就业辅导": 15, "适应性就业服务": 20, "能力提升": 20,
        "培训指导": 10},
    2: {"职业道德": 5, "基础知识": 10, "就业咨询": 10, "就业辅导": 15, "适应性就业服务": 20, "能力提升": 20,
        "培训指导": 20},
}  # fmt: skip
DE_SKILL = {
    4: {"就业咨询": 20, "就业辅导": 30, "适应性就业服务": 30, "能力提升": 20},
    3: {"就业咨询": 20, "就业辅导": 30, "适应性就业服务": 20, "能力提升": 20, "培训指导": 10},
    2: {"就业咨询": 20, "就业辅导": 20, "适应性就业服务": 20, "能力提升": 20, "培训指导": 20},
}  # fmt: skip
DA_THEORY = {
    4: {"职业道德": 10, "基础知识": 35, "测评准备": 20, "测评实施": 15, "测评结果处理": 20},
    3: {"职业道德": 10, "基础知识": 25, "测评准备": 15, "测评实施": 20, "测评结果处理": 30},
    2: {"职业道德": 10, "基础知识": 15, "测评准备": 10, "测评实施": 20, "测评结果处理": 25, "测评工作推动": 20},
}  # fmt: skip
DA_SKILL = {
    4: {"测评准备": 40, "测评实施": 30, "测评结果处理": 30},
    3: {"测评准备": 25, "测评实施": 35, "测评结果处理": 40},
    2: {"测评准备": 15, "测评实施": 25, "测评结果处理": 30, "测评工作推动": 30},
}  # fmt: skip


@pytest.fixture(scope="module")
def standards():
    return read_standards(paths.standards_dir())


def _tables(levels):
    return (
        {lv.level: dict(lv.theory_weights) for lv in levels},
        {lv.level: dict(lv.skill_weights) for lv in levels},
    )


def test_online_learning_tables_match_the_seed(standards):
    std = standards["4-13-99-02"]
    assert (std.name, std.edition) == ("在线学习服务师", "2022")
    assert [lv.level for lv in std.levels] == [5, 4, 3, 2, 1]
    assert [lv.name for lv in std.levels] == ["五级/初级工", "四级/中级工", "三级/高级工", "二级/技师", "一级/高级技师"]
    assert _tables(std.levels) == (OLS_THEORY, OLS_SKILL)
    assert [lv.review_required for lv in std.levels] == [False, False, False, True, True]
    assert std.min_minutes == {Part.THEORY: 90, Part.SKILL: 90, Part.REVIEW: 15}
    assert (std.staffing.candidates_per_examiner, std.staffing.min_examiners) == (15, 3)
    assert std.pass_mark == 60


def test_online_learning_knowledge_points_are_encoded(standards):
    lv = standards["4-13-99-02"].level(5)
    content = lv.area("学情分析").content("1.2")
    assert content.name == "学情数据分类与保存"
    assert any("学情数据类型" in k for k in content.knowledge)
    assert [a.name for a in lv.areas] == ["学情分析", "学习指导", "动机激励", "学习者管理", "支持服务", "学习评价"]


def test_career_guidance_tables_match_the_seed(standards):
    std = standards["4-07-03-01"]
    assert std.name == "职业指导师"
    assert _tables(std.levels) == (VG_THEORY, VG_SKILL)
    assert _tables(std.level_list("残疾人就业辅导员")) == (DE_THEORY, DE_SKILL)
    assert _tables(std.level_list("残疾人职业能力评估师")) == (DA_THEORY, DA_SKILL)
    assert std.min_minutes[Part.REVIEW] == 30
    assert std.staffing.candidates_per_examiner == 2
    assert [lv.review_required for lv in std.levels] == [False, False, True, True]


def test_one_plus_x_standard_has_levels_and_areas_but_no_weights(standards):
    std = standards["570002"]
    assert [lv.level for lv in std.levels] == ["初级", "中级", "高级"]
    assert not std.official_weights
    assert all(lv.areas for lv in std.levels)
    with pytest.raises(MissingWeightsError, match="no official theory weight table"):
        weights_for(std, std.level("初级"), Part.THEORY)


def test_weights_file_supplies_missing_tables(standards, tmp_path):
    std = standards["570002"]
    areas = [a.name for a in std.level("初级").areas]
    table = "\n".join(f"      {a}: {w}" for a, w in zip(areas, (40, 30, 30), strict=True))
    path = write(
        tmp_path / "w.yaml",
        f"""\
schema: examdesk-weights/1
standard: "570002"
levels:
  初级:
    theory_weights:
{table}
""",
    )
    patched = read_weights(path, std)
    assert dict(patched.level("初级").theory_weights) == dict(zip(areas, (40, 30, 30), strict=True))
    bad = write(tmp_path / "bad.yaml", path.read_text(encoding="utf-8").replace(": 40", ": 45"))
    with pytest.raises(DataFileError, match=r"bad.yaml:\d+: levels.初级.theory_weights: weights sum to 105"):
        read_weights(bad, std)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("甲功能: 30, 乙功能: 30}\n    skill", "甲功能: 30, 乙功能: 25}\n    skill"),
         r"T-01.yaml:\d+: levels\[0\].theory_weights: weights sum to 95, must be 100"),
        (("乙功能: 30}\n    skill", "丁功能: 30}\n    skill"),
         r"levels\[0\].theory_weights.丁功能: unknown area '丁功能'"),
        (("  - level: 2\n", "  - level: 4\n"), r"levels\[1\].level: level 4 appears twice"),
        (("schema: examdesk-standard/1", "schema: examdesk-standard/9"), r"schema: unsupported schema"),
        (("    skill_weights: {甲功能: 60, 乙功能: 40}\n", ""),
         r"levels\[0\].skill_weights: missing \(official_weights is true\)"),
        (("pass_mark: 60", "pass_mark: [60"), r"T-01.yaml:\d+: YAML syntax"),
        (("skill_weights: {甲功能: 60, 乙功能: 40}", "skill_weights: {职业道德: 60, 乙功能: 40}"),
         r"基本要求 areas are not weighted in skill tables"),
    ],
)  # fmt: skip
def test_broken_standard_is_rejected_naming_file_and_field(tmp_path: Path, change, expected):
    old, new = change
    assert old in MINI_STANDARD
    path = write(tmp_path / "T-01.yaml", MINI_STANDARD.replace(old, new, 1))
    with pytest.raises(DataFileError, match=expected):
        read_standard(path)


def test_line_numbers_point_at_the_broken_field(tmp_path: Path):
    text = MINI_STANDARD.replace("pass_mark: 60", "pass_mark: sixty")
    path = write(tmp_path / "T-01.yaml", text)
    line = text.splitlines().index("pass_mark: sixty") + 1
    with pytest.raises(DataFileError) as err:
        read_standard(path)
    assert f"T-01.yaml:{line}: pass_mark: must be an integer" in str(err.value)


# -- rules a standard borrows, and what an exam owner's weight file adds and sets ------------------

BORROWED_FROM = "4-13-99-02 (2022) 1.9"


def test_570002_marks_the_rules_it_borrows(standards):
    std = standards["570002"]
    assert std.borrowed == Borrowed(BORROWED_FROM, ("pass_mark", "min_minutes", "staffing"))
    level = std.level("初级")
    for rule in RULE_FIELDS:
        assert std.origin(rule, level) == Origin(OriginKind.BORROWED, BORROWED_FROM)
        assert std.origin(rule, level, Part.THEORY).kind is OriginKind.BORROWED
    national = standards["4-13-99-02"]
    assert national.borrowed is None
    assert {national.origin(rule).kind for rule in RULE_FIELDS} == {OriginKind.STANDARD}


@pytest.mark.parametrize(
    ("borrowed", "expected"),
    [
        ("  from: X 1.9\n  fields: [pass_mark, duration]",
         r"T-01.yaml:\d+: borrowed.fields\[1\]: unknown rule 'duration'"),
        ("  fields: [pass_mark]", r"T-01.yaml:\d+: borrowed.from: missing"),
        ("  from: X 1.9\n  fields: [staffing, staffing]", r"borrowed.fields\[1\]: staffing is listed twice"),
    ],
)  # fmt: skip
def test_a_bad_borrowed_entry_names_file_line_and_field(tmp_path: Path, borrowed, expected):
    text = MINI_STANDARD.replace("pass_mark: 60", f"borrowed:\n{borrowed}\npass_mark: 60")
    path = write(tmp_path / "T-01.yaml", text)
    with pytest.raises(DataFileError, match=expected):
        read_standard(path)


OWNER_WEIGHTS = """\
schema: examdesk-weights/1
standard: "570002"
source: 某考核评价组织 2026 年考核方案
levels:
  初级:
    own_areas:
      - area: 职业素养
        contents:
          - {code: "0.1", name: 职业道德与服务规范}
      - area: 基础知识
        contents:
          - {code: "0.2", name: 在线教育基础知识}
    theory_weights: {职业素养: 5, 基础知识: 15, 在线学习咨询服务: 25, 在线学习辅导服务: 30, 在线学习社群服务: 25}
    skill_weights: {在线学习咨询服务: 30, 在线学习辅导服务: 40, 在线学习社群服务: 30}
    pass_mark: 70
    min_minutes: {theory: 120}
    staffing:
      skill: {candidates_per_examiner: 10, min_examiners: 5, examiners_odd: true}
"""
OWNER = "某考核评价组织 2026 年考核方案"


def test_an_owner_weight_file_adds_areas_and_sets_the_borrowed_rules(standards, tmp_path):
    std = read_weights(write(tmp_path / "w.yaml", OWNER_WEIGHTS), standards["570002"])
    level = std.level("初级")
    assert [a.name for a in level.own_areas] == ["职业素养", "基础知识"]
    assert level.area("基础知识").content("0.2").name == "在线教育基础知识"
    assert level.theory_weights["职业素养"] == 5 and std.owner_source == OWNER
    # the rules the owner set take effect, each saying so; the rest stays borrowed
    assert std.pass_mark_for(level) == 70
    assert std.origin("pass_mark", level) == Origin(OriginKind.OWNER, OWNER)
    assert std.min_minutes_for(level, Part.THEORY) == 120 and std.min_minutes_for(level, Part.SKILL) == 90
    assert std.origin("min_minutes", level, Part.THEORY) == Origin(OriginKind.OWNER, OWNER)
    assert std.origin("min_minutes", level, Part.SKILL) == Origin(OriginKind.BORROWED, BORROWED_FROM)
    staffing = std.staffing_for(level)
    assert (staffing.candidates_per_examiner, staffing.min_examiners) == (10, 5)
    assert staffing.candidates_per_proctor == 15  # the theory section was not set: still borrowed
    assert std.origin("staffing", level, Part.SKILL).kind is OriginKind.OWNER
    assert std.origin("staffing", level, Part.THEORY).kind is OriginKind.BORROWED
    # other levels, and the standard as published, are untouched
    other = std.level("中级")
    assert std.pass_mark_for(other) == 60 and std.origin("pass_mark", other).kind is OriginKind.BORROWED
    assert standards["570002"].level("初级").own_areas == ()


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("    pass_mark: 70", "    pass_mark: 0"), r"levels.初级.pass_mark: must be between 1 and 100, got 0"),
        (("    pass_mark: 70", "    pass-mark: 70"), r"levels.初级.pass-mark: unknown field 'pass-mark'"),
        (("min_minutes: {theory: 120}", "min_minutes: {theory: -5}"),
         r"levels.初级.min_minutes.theory: must be positive"),
        (("min_minutes: {theory: 120}", "min_minutes: {theroy: 120}"), r"levels.初级.min_minutes.theroy: unknown part"),
        (("min_examiners: 5, ", ""), r"levels.初级.staffing.skill.min_examiners: missing"),
        (("candidates_per_examiner: 10", "candidates_per_examiner: 0"),
         r"levels.初级.staffing.skill.candidates_per_examiner: must be positive"),
        (("skill_weights: {在线学习咨询服务: 30", "skill_weights: {职业素养: 10, 在线学习咨询服务: 20"),
         r"levels.初级.skill_weights.职业素养: the exam owner's own areas are weighted in theory tables only"),
        (("      - area: 基础知识", "      - area: 在线学习咨询服务"),
         r"levels.初级.own_areas\[1\].area: 在线学习咨询服务 is already an area of this level"),
        (("source: 某考核评价组织 2026 年考核方案\n", ""), r"source: missing"),
    ],
)  # fmt: skip
def test_a_bad_owner_setting_names_file_line_and_field(standards, tmp_path, change, expected):
    old, new = change
    assert old in OWNER_WEIGHTS
    text = OWNER_WEIGHTS.replace(old, new, 1)
    with pytest.raises(DataFileError, match=expected) as err:
        read_weights(write(tmp_path / "w.yaml", text), standards["570002"])
    problem = next(p for p in err.value.problems if re.search(expected, f"{p.location}: {p.message}"))
    assert problem.source.endswith("w.yaml") and problem.line is not None
    if new.strip():  # the line named is the line changed
        assert new.strip().split(":")[0].strip("{- ") in text.splitlines()[problem.line - 1]


def test_a_weight_file_cannot_change_rules_a_standard_sets_itself(standards, tmp_path):
    head = "schema: examdesk-weights/1\nstandard: 4-13-99-02\nsource: 某考核评价组织\nlevels:\n  五级:\n"
    text = head.replace("五级", "5") + "    pass_mark: 50\n"
    with pytest.raises(DataFileError, match=r"w.yaml:6: levels\[5\].pass_mark: 4-13-99-02 sets pass_mark itself; "
                                            r"a weight file cannot change it"):  # fmt: skip
        read_weights(write(tmp_path / "w.yaml", text), standards["4-13-99-02"])
    own = "    own_areas:\n      - {area: 职业素养, contents: [{code: '0.1', name: 职业道德}]}\n"
    text = head.replace("五级", "5") + own
    with pytest.raises(DataFileError, match=r"w.yaml:6: levels\[5\].own_areas: 4-13-99-02 has official weight "
                                            r"tables; a weight file cannot add areas to it"):  # fmt: skip
        read_weights(write(tmp_path / "w.yaml", text), standards["4-13-99-02"])
