"""Paper assembly on hand-made pools: exactness, determinism, variants, shortages, difficulty."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

import pytest

from app.banks.standard_file import read_standard
from app.domain.blueprint import Section, TypeMix, skill_blueprint, theory_blueprint
from app.domain.items import Item, ItemType, RubricPoint, SkillTask
from app.domain.paper_assembly import (
    AssemblyError,
    PaperAssembler,
    build_skill_paper,
    overlap,
)

MIX = TypeMix(
    sections=(
        Section(ItemType.TRUEFALSE, 20, Decimal(1)),
        Section(ItemType.SINGLE, 30, Decimal(2)),
        Section(ItemType.MULTIPLE, 10, Decimal(2)),
    ),
    difficulty_target=3.0,
    difficulty_tolerance=0.2,
)


def make_items(areas: dict[str, int], per_cell: int, difficulty=lambda n: 1 + n % 5) -> list[Item]:
    """`per_cell` items of each objective type in each area, ids stable."""
    items = []
    for area in areas:
        for type_, points in ((ItemType.TRUEFALSE, 1), (ItemType.SINGLE, 2), (ItemType.MULTIPLE, 2)):
            for n in range(per_cell):
                options = (
                    ()
                    if type_ is ItemType.TRUEFALSE
                    else tuple((label, f"{area}{type_}{n}{label}") for label in "ABCD")
                )
                key = True if type_ is ItemType.TRUEFALSE else ("B" if type_ is ItemType.SINGLE else ("A", "C"))
                items.append(Item(
                    id=f"{area}-{type_.value}-{n:03d}", type=type_, area=area, code="1.1",
                    levels=(4,), difficulty=difficulty(n), points=Decimal(points),
                    stem=f"{area} {n}", options=options, key=key,
                ))  # fmt: skip
    return items


@pytest.fixture
def level4(mini_standards):
    std = read_standard(mini_standards / "T-01.yaml")
    return std, std.level(4)


def test_paper_points_per_area_equal_the_weight_table(level4):
    std, lv = level4
    assembler = PaperAssembler(theory_blueprint(std, lv, MIX), make_items(lv.theory_weights, 12))
    for seed in range(20):
        paper = assembler.build(seed)
        got: Counter[str] = Counter()
        for it in paper.items:
            got[it.area] += it.points
        assert dict(got) == {a: Decimal(w) for a, w in lv.theory_weights.items()}
        assert paper.total_points == 100
        assert Counter(it.type for it in paper.items) == {"truefalse": 20, "single": 30, "multiple": 10}
        assert len({it.id for it in paper.items}) == len(paper.items) == 60


def test_same_seed_same_paper_other_seed_other_paper(level4):
    std, lv = level4
    items = make_items(lv.theory_weights, 12)
    a = PaperAssembler(theory_blueprint(std, lv, MIX), items)
    b = PaperAssembler(theory_blueprint(std, lv, MIX), list(reversed(items)))  # bank order must not matter
    assert a.build("S-1").as_json() == b.build("S-1").as_json()
    assert a.build("S-1").as_json() != a.build("S-2").as_json()


def test_option_order_is_a_permutation_and_varies(level4):
    std, lv = level4
    assembler = PaperAssembler(theory_blueprint(std, lv, MIX), make_items(lv.theory_weights, 12))
    orders = set()
    for seed in range(5):
        for it in assembler.build(seed).items:
            if it.type in ("single", "multiple"):
                assert sorted(it.options_order) == ["A", "B", "C", "D"]
                orders.add(it.options_order)
            else:
                assert it.options_order == ()
    assert len(orders) > 10


def test_fixed_order_items_keep_their_options(level4):
    std, lv = level4
    items = [
        Item(**{**it.__dict__, "fixed_order": True}) if it.type is ItemType.SINGLE else it
        for it in make_items(lv.theory_weights, 12)
    ]
    paper = PaperAssembler(theory_blueprint(std, lv, MIX), items).build(7)
    assert all(it.options_order == ("A", "B", "C", "D") for it in paper.items if it.type == "single")


def test_shortage_names_area_type_and_how_many(level4):
    std, lv = level4
    items = [it for it in make_items(lv.theory_weights, 12)
             if not (it.area == "甲功能" and it.type is ItemType.SINGLE)]  # fmt: skip
    with pytest.raises(AssemblyError) as err:
        PaperAssembler(theory_blueprint(std, lv, MIX), items)
    text = str(err.value)
    assert "甲功能 / 单项选择题 (single, 2 points each)" in text
    assert "the bank has 0" in text
    shortage = next(s for s in err.value.shortages if s.area == "甲功能")
    assert shortage.type == "single" and shortage.available == 0 and shortage.needed > 0


def test_allocation_uses_what_the_bank_has(level4):
    """No multiple-choice items in one area: the others take them, the area uses more singles."""
    std, lv = level4
    items = [it for it in make_items(lv.theory_weights, 12)
             if not (it.area == "乙功能" and it.type is ItemType.MULTIPLE)]  # fmt: skip
    paper = PaperAssembler(theory_blueprint(std, lv, MIX), items).build(1)
    assert not [it for it in paper.items if it.area == "乙功能" and it.type == "multiple"]
    assert sum(it.points for it in paper.items if it.area == "乙功能") == 30


def test_mean_difficulty_is_steered_to_the_target(level4):
    std, lv = level4
    # three easy items for every hard one: an unsteered draw averages about 2.0
    items = make_items(lv.theory_weights, 40, difficulty=lambda n: 5 if n % 4 == 0 else 1)
    assembler = PaperAssembler(theory_blueprint(std, lv, MIX), items)
    for seed in range(10):
        paper = assembler.build(seed)
        assert abs(paper.difficulty - 3.0) <= 0.2 + 1e-9
        by_id = {it.id: it for it in items}
        assert paper.difficulty == pytest.approx(sum(by_id[p.id].difficulty for p in paper.items) / len(paper.items))


def test_parallel_forms_share_few_items(level4):
    std, lv = level4
    assembler = PaperAssembler(theory_blueprint(std, lv, MIX), make_items(lv.theory_weights, 25))
    forms = assembler.build_forms(3, "F")
    assert max(overlap(a, b) for i, a in enumerate(forms) for b in forms[i + 1 :]) < 0.3
    for paper in forms:
        assert paper.total_points == 100


def test_skill_paper_takes_one_task_per_area_at_its_weight(level4):
    std, lv = level4
    tasks = [
        SkillTask(id=f"S-{area}-{n}", area=area, code="1.1", levels=(4,), title="t", instructions="i",
                  minutes=20, rubric=(RubricPoint("p", Decimal(100)),))
        for area in lv.skill_weights for n in range(3)
    ]  # fmt: skip
    paper = build_skill_paper(skill_blueprint(std, lv), tasks, 5)
    assert [(it.area, it.points) for it in paper.items] == [("甲功能", 60), ("乙功能", 40)]
    assert paper == build_skill_paper(skill_blueprint(std, lv), list(reversed(tasks)), 5)
    with pytest.raises(AssemblyError, match="乙功能: no skill task"):
        build_skill_paper(skill_blueprint(std, lv), [t for t in tasks if t.area == "甲功能"], 5)
