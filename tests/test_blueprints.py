"""Blueprint files: a mix per level, the exam owner's override, difficulty targets per level."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

import pytest

from app.banks.blueprint_file import choose_mix, read_blueprint_rules, read_blueprints
from app.banks.catalog import Catalog
from app.cli import main
from app.domain.blueprint import Section, TypeMix, theory_blueprint
from app.domain.items import ItemType
from app.domain.paper_assembly import AssemblyError, PaperAssembler
from app.errors import DataFileError
from tests.conftest import REPO, write
from tests.test_sample_banks import CASES, EXAMPLE_WEIGHTS

BUNDLED = REPO / "question_banks" / "blueprints"

HEAD = """\
schema: examdesk-blueprint/1
applies_to: {standard: "*"}
part: theory
sections:
  - {type: truefalse, count: 20, points: 1}
  - {type: single, count: 30, points: 2}
  - {type: multiple, count: 10, points: 2}
difficulty: {target: 2.5, tolerance: 0.2}
"""
LEVELS = """\
levels:
  5:
    sections:
      - {type: truefalse, count: 20, points: 1}
      - {type: single, count: 35, points: 2}
      - {type: multiple, count: 5, points: 2}
    difficulty: {target: 2.1}
  1:
    multiple_credit: proportional
"""


def counts(mix: TypeMix) -> dict[str, int]:
    return {s.type.value: s.count for s in mix.sections}


def test_a_file_gives_levels_their_own_mix_and_the_rest_the_file_s(tmp_path):
    rules = read_blueprint_rules(write(tmp_path / "b.yaml", HEAD + LEVELS))
    assert [r.level for r in rules] == [None, "5", "1"]
    five = choose_mix(rules, "4-13-99-02", None, 5)
    assert counts(five) == {"truefalse": 20, "single": 35, "multiple": 5}
    assert (five.difficulty_target, five.difficulty_tolerance) == (2.1, 0.2)  # the tolerance is the file's
    assert five.source.endswith("b.yaml (levels.5)")
    one = choose_mix(rules, "4-07-03-01", None, 1)
    assert counts(one) == {"truefalse": 20, "single": 30, "multiple": 10} and one.multiple_credit == "proportional"
    assert counts(choose_mix(rules, "4-07-03-01", None, 3)) == counts(one)  # not listed: the file's own mix


def test_the_exam_owner_s_file_for_a_standard_overrides_the_per_level_defaults(tmp_path):
    write(tmp_path / "default.yaml", HEAD + LEVELS)
    owner = HEAD.replace('standard: "*"', 'standard: "4-13-99-02"').replace("count: 30", "count: 25").replace(
        "count: 10", "count: 15"
    )
    write(tmp_path / "owner.yaml", owner)
    write(tmp_path / "owner-l1.yaml", owner.replace('"4-13-99-02"}', '"4-13-99-02", level: 1}').replace(
        "count: 25", "count: 20").replace("count: 15", "count: 20"))  # fmt: skip
    rules = read_blueprints(tmp_path)
    assert counts(choose_mix(rules, "4-13-99-02", None, 5))["multiple"] == 15  # the owner's, not levels.5
    assert counts(choose_mix(rules, "4-13-99-02", None, 1))["multiple"] == 20  # standard and level: more specific
    assert counts(choose_mix(rules, "4-07-03-01", None, 5))["multiple"] == 5  # another standard: the defaults


def test_level_entries_are_checked_where_they_are_written(tmp_path):
    bad = HEAD + LEVELS.replace("multiple_credit: proportional", "multiple-credit: proportional").replace(
        "count: 35", "count: 40"
    )
    with pytest.raises(DataFileError) as err:
        read_blueprint_rules(write(tmp_path / "b.yaml", bad))
    text = str(err.value)
    assert "levels.1.multiple-credit: unknown field 'multiple-credit'; a level may set: " in text
    assert "levels.5.sections: count x points add up to 110, must be 100" in text
    one_level = HEAD.replace('standard: "*"}', 'standard: "*", level: 3}') + LEVELS
    with pytest.raises(DataFileError, match="a file that applies to one level cannot set other levels"):
        read_blueprint_rules(write(tmp_path / "c.yaml", one_level))


# -- the bundled blueprints ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog.load()


def test_every_grade_has_its_own_blueprint_with_more_multiple_choice_higher_up():
    rules = read_blueprints(BUNDLED)
    mixes = {level: choose_mix(rules, "4-13-99-02", None, level) for level in (5, 4, 3, 2, 1)}
    assert all(mix.source.endswith(f"(levels.{level})") for level, mix in mixes.items())
    multiple = [counts(mixes[level])["multiple"] for level in (5, 4, 3, 2, 1)]
    assert multiple == sorted(multiple) and multiple[0] < multiple[-1]
    targets = [mixes[level].difficulty_target for level in (5, 4, 3, 2, 1)]
    assert targets == sorted(targets) and targets[0] < targets[-1]
    assert choose_mix(rules, "570002", None, "初级").source.endswith("(levels.初级)")


@pytest.mark.parametrize(("code", "subtype", "level"), [*CASES, ("570002", None, "初级")])
def test_every_bundled_level_builds_a_paper_of_its_own_blueprint(catalog, code, subtype, level):
    weights = EXAMPLE_WEIGHTS if code == "570002" else None
    assembler = catalog.assembler(code, level, subtype=subtype, weights_file=weights)
    mix = choose_mix(catalog.blueprints, code, subtype, level)
    assert mix.source.endswith(f"(levels.{level})")
    assert assembler.mix == mix
    assert assembler.difficulty_warning() is None  # each level's target is within its bank's reach
    table = catalog.effective(code, subtype, weights).level(level, subtype).theory_weights
    for seed in range(5):
        paper = assembler.build(f"bp-{seed}")
        assert Counter(it.type for it in paper.items) == counts(mix)
        assert paper.total_points == 100
        points: Counter[str] = Counter()
        for it in paper.items:
            points[it.area] += it.points
        assert dict(points) == {area: Decimal(w) for area, w in table.items()}


# -- difficulty the bank cannot reach -----------------------------------------------------------


def _easy_pool(areas: dict[str, int]):
    from tests.test_paper_assembly import make_items

    return make_items(areas, 12, difficulty=lambda n: 1 + n % 2)  # difficulties 1 and 2 only


def _mix(target: float) -> TypeMix:
    return TypeMix(
        sections=(Section(ItemType.TRUEFALSE, 20, Decimal(1)), Section(ItemType.SINGLE, 30, Decimal(2)),
                  Section(ItemType.MULTIPLE, 10, Decimal(2))),
        difficulty_target=target, difficulty_tolerance=0.1, source="blueprints/hard.yaml (levels.4)",
    )  # fmt: skip


def test_a_target_the_bank_cannot_reach_is_named_with_its_file_standard_level_and_numbers(mini_standards):
    from app.banks.standard_file import read_standard

    std = read_standard(mini_standards / "T-01.yaml")
    lv = std.level(4)
    items = _easy_pool(lv.theory_weights)
    assembler = PaperAssembler(theory_blueprint(std, lv, _mix(3.0)), items)
    lowest, highest = assembler.difficulty_range
    assert 1.0 <= lowest < highest <= 2.0
    assert assembler.difficulty_warning() == (
        "The bank cannot reach the blueprint's mean difficulty for T-01 level 4 (四级):\n"
        "  - mean difficulty: blueprints/hard.yaml (levels.4) sets the target 3 ± 0.1, but the hardest paper "
        f"these items make has {highest:.2f} (the level's items average 1.50); write harder items or lower the target"
    )
    assert assembler.build(1).total_points == 100  # a warning, not a refusal
    assert PaperAssembler(theory_blueprint(std, lv, _mix(1.5)), items).difficulty_warning() is None
    easy = PaperAssembler(theory_blueprint(std, lv, _mix(0.8)), items).difficulty_warning()
    assert easy is not None and f"the easiest paper these items make has {lowest:.2f}" in easy
    assert easy.endswith("write easier items or raise the target")


def test_a_shortage_message_also_says_when_the_target_is_out_of_reach(mini_standards):
    from app.banks.standard_file import read_standard

    std = read_standard(mini_standards / "T-01.yaml")
    lv = std.level(4)
    items = [it for it in _easy_pool(lv.theory_weights) if not (it.area == "甲功能" and it.type is ItemType.SINGLE)]
    with pytest.raises(AssemblyError) as err:
        PaperAssembler(theory_blueprint(std, lv, _mix(3.0)), items)
    lines = str(err.value).splitlines()
    assert any(line.startswith("  - 甲功能 / 单项选择题") for line in lines)
    assert lines[-1].startswith("  - mean difficulty: blueprints/hard.yaml (levels.4) sets the target 3 ± 0.1")


def test_paper_build_warns_of_a_target_out_of_reach_and_shows_the_target(tmp_path, capsys):
    owner = HEAD.replace('standard: "*"}', 'standard: "4-13-99-02", level: 5}').replace("target: 2.5", "target: 4.2")
    write(tmp_path / "owner.yaml", owner)
    argv = ["paper", "build", "--standard", "4-13-99-02", "--level", "5", "--part", "theory", "--seed", "1"]
    assert main([*argv, "--blueprints", str(tmp_path / "owner.yaml")]) == 0
    out, err = capsys.readouterr()
    assert "warning: The bank cannot reach the blueprint's mean difficulty for 4-13-99-02 level 5 (五级/初级工):" in err
    assert "owner.yaml sets the target 4.2 ± 0.2, but the hardest paper these items make has" in err
    assert "(target 4.2 ± 0.2: not reached)" in out
    assert main(argv) == 0
    out, err = capsys.readouterr()
    assert err == "" and "(target 2.2 ± 0.1)" in out
