"""Scoring rules: objective items, examiner aggregation, skill and review parts, pass/fail."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from app.banks.standard_file import read_standard
from app.domain.blueprint import MultipleCredit
from app.domain.items import Item, ItemType, RubricPoint, SkillTask
from app.domain.scoring import (
    Aggregation,
    aggregate_examiner_scores,
    decide,
    review_score,
    rubric_total,
    score_objective,
    skill_score,
    theory_score,
)
from app.domain.standards import Part

OPTS = tuple((label, f"选项{label}") for label in "ABCDE")


def item(type_: ItemType, key, points=2, options=OPTS) -> Item:
    return Item(id="I", type=type_, area="甲", code="1.1", levels=(4,), difficulty=3,
                points=D(points), stem="题干 ____ ____", options=options, key=key)  # fmt: skip


def test_single_and_truefalse_are_all_or_nothing():
    single = item(ItemType.SINGLE, "C")
    assert score_objective(single, "C") == 2
    assert score_objective(single, "A") == 0
    assert score_objective(single, None) == 0
    tf = item(ItemType.TRUEFALSE, False, points=1, options=())
    assert score_objective(tf, False) == 1
    assert score_objective(tf, True) == 0
    assert score_objective(tf, "false") == 0  # only a real boolean answers a true/false item


@pytest.mark.parametrize(
    ("chosen", "all_or_nothing", "proportional"),
    [
        ({"A", "C", "D"}, D(2), D(2)),
        ({"A", "C"}, D(0), D(2) * 2 / 3),
        ({"A"}, D(0), D(2) / 3),
        ({"A", "C", "B"}, D(0), D(0)),  # a wrong choice earns nothing in either mode
        ({"A", "B", "C", "D", "E"}, D(0), D(0)),
        (set(), D(0), D(0)),
    ],
)
def test_multiple_choice_credit_modes(chosen, all_or_nothing, proportional):
    multi = item(ItemType.MULTIPLE, ("A", "C", "D"))
    assert score_objective(multi, chosen, multiple_credit=MultipleCredit.ALL_OR_NOTHING) == all_or_nothing
    assert score_objective(multi, chosen, multiple_credit=MultipleCredit.PROPORTIONAL) == proportional


def test_fill_in_accepts_listed_answers_after_folding():
    fill = item(ItemType.FILL, (("结构化",), ("非结构化", "半结构化")), points=2, options=())
    assert score_objective(fill, ["结构化", "半结构化"]) == 2
    assert score_objective(fill, [" 结构化 ", "无关"]) == 1
    fill_latin = item(ItemType.FILL, (("SQL",), ("CSV",)), points=3, options=())
    assert score_objective(fill_latin, ["ｓｑｌ", " csv"]) == 3  # full-width and case folded
    assert score_objective(fill_latin, ["CSV", "SQL"]) == 0  # blanks are positional


def test_paper_points_override_item_points():
    assert score_objective(item(ItemType.SINGLE, "A", points=5), "A", points=D(2)) == 2


def test_examiner_scored_items_are_refused():
    with pytest.raises(ValueError, match="scored by examiners"):
        score_objective(item(ItemType.SHORT, None, options=()), "answer")


def test_theory_score_sums_items():
    single, multi = item(ItemType.SINGLE, "A"), item(ItemType.MULTIPLE, ("A", "B"))
    assert theory_score([(single, D(2), "A"), (multi, D(2), {"A"})], MultipleCredit.PROPORTIONAL) == 3


def test_examiner_scores_mean_median_and_arbitration():
    agg = aggregate_examiner_scores([D(80), D(70), D(90)], spread_threshold=D(15))
    assert (agg.score, agg.spread, agg.needs_arbitration) == (D(80), D(20), True)
    agg = aggregate_examiner_scores([D(80), D(70), D(84)], spread_threshold=D(15))
    assert agg.score == D(78) and not agg.needs_arbitration
    assert aggregate_examiner_scores([D(60), D(70), D(95)], method=Aggregation.MEDIAN).score == 70
    with pytest.raises(ValueError):
        aggregate_examiner_scores([])


def test_rubric_points_are_bounded():
    task = SkillTask(id="T", area="甲", code="1.1", levels=(4,), title="t", instructions="i", minutes=20,
                     rubric=(RubricPoint("要点一", D(30)), RubricPoint("要点二", D(70))))  # fmt: skip
    assert rubric_total(task, {0: D(25), 1: D(70)}) == 95
    with pytest.raises(ValueError, match=r"allows 0\.\.30, got 31"):
        rubric_total(task, {0: D(31)})
    with pytest.raises(ValueError, match="no rubric point 3"):
        rubric_total(task, {2: D(1)})


def test_skill_score_is_the_weighted_sum_of_task_scores():
    weights = {"甲": 60, "乙": 40}
    # 甲: 45 of 50 (90%) -> 54; 乙: 60 of 100 -> 24
    assert skill_score(weights, {"甲": (D(45), D(50)), "乙": (D(60), D(100))}) == 78
    with pytest.raises(ValueError, match="no skill task score for area 乙"):
        skill_score(weights, {"甲": (D(45), D(50))})


def test_review_panel_must_be_three_or_more_and_odd():
    assert review_score([D(70), D(80), D(75)]) == 75
    with pytest.raises(ValueError, match="at least 3"):
        review_score([D(70), D(80)])
    with pytest.raises(ValueError, match="odd"):
        review_score([D(70), D(80), D(75), D(60)])


def test_pass_needs_every_required_part_at_sixty(mini_standards):
    std = read_standard(mini_standards / "T-01.yaml")
    four, two = std.level(4), std.level(2)
    assert decide(four, {Part.THEORY: D(60), Part.SKILL: D("59.995")}).passed  # rounds to 60.00
    outcome = decide(four, {Part.THEORY: D(88), Part.SKILL: D("59.994")})
    assert not outcome.passed and [r.passed for r in outcome.parts] == [True, False]
    # level 2 also requires the comprehensive review
    outcome = decide(two, {Part.THEORY: D(90), Part.SKILL: D(90)})
    assert not outcome.passed and outcome.missing == (Part.REVIEW,)
    assert decide(two, {Part.THEORY: D(90), Part.SKILL: D(90), Part.REVIEW: D(60)}).passed
