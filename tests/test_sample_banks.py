"""The bundled sample banks: valid, and enough for exact papers at every level."""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import replace
from decimal import Decimal

import pytest

from app.banks.catalog import Catalog
from app.cli import main
from app.domain.items import enemy_map
from app.domain.paper_assembly import PaperAssembler, overlap
from app.domain.standards import Part
from tests.conftest import REPO

OCCUPATIONS = [
    ("4-13-99-02", None, [5, 4, 3, 2, 1]),
    ("4-07-03-01", None, [4, 3, 2, 1]),
    ("4-07-03-01", "残疾人就业辅导员", [4, 3, 2]),
    ("4-07-03-01", "残疾人职业能力评估师", [4, 3, 2]),
]
CASES = [(code, sub, level) for code, sub, levels in OCCUPATIONS for level in levels]


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog.load()


def test_every_bundled_file_validates(capsys):
    assert main(["bank", "validate", str(REPO / "question_banks")]) == 0, capsys.readouterr().out


@pytest.mark.parametrize(("code", "subtype", "level"), CASES)
def test_theory_paper_is_exact_at_every_level(catalog, code, subtype, level):
    std = catalog.standard(code)
    weights = std.level(level, subtype).theory_weights
    paper = catalog.build_paper(code, level, Part.THEORY, "sample", subtype=subtype)
    points: Counter[str] = Counter()
    for it in paper.items:
        points[it.area] += it.points
    assert dict(points) == {area: Decimal(w) for area, w in weights.items()}
    assert paper.total_points == 100
    assert len(paper.items) >= 40 and len({it.id for it in paper.items}) == len(paper.items)


@pytest.mark.parametrize(("code", "subtype", "level"), CASES)
def test_skill_assessment_covers_every_weighted_area(catalog, code, subtype, level):
    std = catalog.standard(code)
    weights = std.level(level, subtype).skill_weights
    paper = catalog.build_paper(code, level, Part.SKILL, "sample", subtype=subtype)
    assert {it.area: it.points for it in paper.items} == {a: Decimal(w) for a, w in weights.items()}
    tasks = {t.id: t for t in catalog.banks.tasks}
    for it in paper.items:
        assert sum(p.max for p in tasks[it.id].rubric) == 100


def _code_totals(catalog, code, subtype, level, seed):
    """Per area: the paper's items per content code; per (area, code, type): the paper's items,
    and the bank's items the paper could still take (not in it, no enemy in it)."""
    items = {it.id: it for it in catalog.banks.items}
    enemies = enemy_map(catalog.banks.items)
    paper = catalog.build_paper(code, level, Part.THEORY, seed, subtype=subtype)
    ids = {it.id for it in paper.items}
    taken: dict[str, Counter[str]] = {}
    taken_by_type: Counter[tuple[str, str, str]] = Counter()
    for it in paper.items:
        taken.setdefault(it.area, Counter())[items[it.id].code] += 1
        taken_by_type[(it.area, items[it.id].code, it.type)] += 1
    free: Counter[tuple[str, str, str]] = Counter(
        (it.area, it.code, it.type.value)
        for it in catalog.banks.items_for(code, subtype, level)
        if it.id not in ids and not enemies.get(it.id, frozenset()) & ids
    )
    return taken, taken_by_type, free


@pytest.mark.parametrize(("code", "subtype", "level"), CASES)
def test_each_area_spreads_its_items_over_its_content_codes(catalog, code, subtype, level):
    """No area piles its items onto one content code while another could take one of them: when
    code a holds two or more items more than code b, b has no free item of any type a holds."""
    for seed in range(12):
        taken, by_type, free = _code_totals(catalog, code, subtype, level, f"spread-{seed}")
        for area, totals in taken.items():
            for a, b in itertools.permutations(sorted({c for (ar, c, _t) in free if ar == area} | set(totals)), 2):
                if totals[a] < totals[b] + 2:
                    continue
                spare = [t for (ar, c, t), n in by_type.items() if ar == area and c == a and free[(area, b, t)]]
                assert spare == [], (area, seed, dict(totals), a, b, spare)


def test_the_piles_named_in_the_issue_are_gone(catalog):
    """4-07-03-01 三级 职业诊断与测评 drew 7 of 9 items from 4.1; 4-13-99-02 五级 基础知识 6 of 9 from
    2.2.4 and none from 2.2.3; 一级 职业道德 all 3 from 2.1.2."""
    for seed in range(20):
        taken, _by_type, _held = _code_totals(catalog, "4-07-03-01", None, 3, seed)
        assert max(taken["职业诊断与测评"].values()) <= 5
        taken, _by_type, _held = _code_totals(catalog, "4-13-99-02", None, 5, seed)
        assert taken["基础知识"]["2.2.3"] >= 2 and max(taken["基础知识"].values()) <= 3
        taken, _by_type, _held = _code_totals(catalog, "4-13-99-02", None, 1, seed)
        assert len(taken["职业道德"]) == 2


@pytest.mark.parametrize(("code", "level"), [("4-13-99-02", 5), ("4-07-03-01", 4)])
def test_three_forms_share_under_a_quarter_on_average(catalog, code, level):
    forms = catalog.assembler(code, level).build_forms(3, "forms")
    shared = [overlap(a, b) for i, a in enumerate(forms) for b in forms[i + 1 :]]
    # the level's own blueprint takes 35 (五级) or 32 (四级) 单项选择题 from 93 or 96: three forms
    # must reuse some, and the spread over content codes decides which codes they come from
    assert sum(shared) / len(shared) < 0.25 and max(shared) < 0.40, shared


def test_sample_items_have_one_defensible_key_shape(catalog):
    """Style rules the writers were given, checked over every sample item."""
    singles = [it for it in catalog.banks.items if it.type.value == "single"]
    assert singles and all(len(it.options) == 4 for it in singles)
    keys = Counter(it.key for it in singles)
    assert min(keys[label] for label in "ABCD") > len(singles) / 8  # no letter is a giveaway
    truths = Counter(it.key for it in catalog.banks.items if it.type.value == "truefalse")
    assert 0.35 < truths[True] / (truths[True] + truths[False]) < 0.65
    stems = Counter(it.stem.strip() for it in catalog.banks.items)
    assert [s for s, n in stems.items() if n > 1] == []


def test_items_that_cue_each_other_never_share_a_paper(catalog):
    """The sample banks mark items that give each other away as enemies (互斥题); at every level
    no paper holds a pair, and the known pair OLS-B-ETH-002 / 007 is marked."""
    enemies = enemy_map(catalog.banks.items)
    assert "OLS-B-ETH-007" in enemies["OLS-B-ETH-002"]
    assert sum(len(others) for others in enemies.values()) // 2 >= 50
    for code, subtype, level in CASES:
        build = catalog.assembler(code, level, subtype=subtype).build
        for seed in range(40):
            ids = {it.id for it in build(f"enemies-{seed}").items}
            assert [i for i in sorted(ids) if enemies.get(i, frozenset()) & ids] == [], (code, subtype, level, seed)


def test_without_the_enemies_the_known_pair_would_meet(catalog):
    """The test above is not vacuous: the same pool without `enemies` puts both in some papers."""
    pool = [replace(it, enemies=()) for it in catalog.banks.items_for("4-13-99-02", None, 5)]
    plain = PaperAssembler(catalog.assembler("4-13-99-02", 5).blueprint, pool)
    pair = {"OLS-B-ETH-002", "OLS-B-ETH-007"}
    assert any(pair <= {it.id for it in plain.build(f"enemies-{seed}").items} for seed in range(40))


# 570002 (1+X) publishes no weight table: its sample 初级 bank is written for the example weight
# file, which adds an area of the exam owner's own (职业素养).
EXAMPLE_WEIGHTS = REPO / "question_banks" / "weights" / "570002-example.yaml"


def test_570002_junior_theory_paper_fills_the_blueprint_exactly_with_example_weights(catalog):
    std = catalog.effective("570002", None, EXAMPLE_WEIGHTS)
    weights = std.level("初级").theory_weights
    assert "职业素养" in weights  # the example's own area, filled from the sample bank
    enemies = enemy_map(catalog.banks.items)
    assembler = catalog.assembler("570002", "初级", weights_file=EXAMPLE_WEIGHTS)
    for seed in range(20):
        paper = assembler.build(f"olx-{seed}")
        points: Counter[str] = Counter()
        for it in paper.items:
            points[it.area] += it.points
        assert dict(points) == {area: Decimal(w) for area, w in weights.items()}
        assert Counter(it.type for it in paper.items) == {"truefalse": 20, "single": 35, "multiple": 5}  # 初级
        ids = {it.id for it in paper.items}
        assert [i for i in sorted(ids) if enemies.get(i, frozenset()) & ids] == []
    forms = assembler.build_forms(3, "forms")
    assert len({tuple(sorted(it.id for it in f.items)) for f in forms}) == 3  # slack for different papers
    # a small bank: spreading each area evenly over its codes takes 6 of the 7 items of 1.2 and of
    # 1.3 (在线学习咨询服务) in every form, so forms share more than they did before the spread
    assert max(overlap(a, b) for i, a in enumerate(forms) for b in forms[i + 1 :]) < 0.85


def test_570002_junior_skill_paper_takes_a_task_per_area_with_example_weights(catalog):
    weights = catalog.effective("570002", None, EXAMPLE_WEIGHTS).level("初级").skill_weights
    tasks = {t.id: t for t in catalog.banks.tasks}
    build = catalog.builder("570002", "初级", Part.SKILL, weights_file=EXAMPLE_WEIGHTS)
    papers = [build(seed) for seed in range(8)]
    for paper in papers:
        assert {it.area: it.points for it in paper.items} == {a: Decimal(w) for a, w in weights.items()}
        assert all(sum(p.max for p in tasks[it.id].rubric) == 100 for it in paper.items)
    assert len({tuple(it.id for it in p.items) for p in papers}) > 1  # two tasks per area to draw from


def test_570002_papers_build_from_the_command_line_out_of_the_box(capsys):
    base = ["paper", "build", "--standard", "570002", "--level", "初级", "--weights", str(EXAMPLE_WEIGHTS)]
    assert main([*base, "--part", "theory", "--seed", "1"]) == 0
    assert "60 items, 100 points" in capsys.readouterr().out
    assert main([*base, "--part", "theory", "--seed", "1", "--forms", "3"]) == 0
    assert capsys.readouterr().out.count("items in common") == 3
    assert main([*base, "--part", "skill", "--seed", "1"]) == 0
    assert "3 items, 100 points" in capsys.readouterr().out


def test_the_owners_own_area_items_are_checked_against_the_weight_file(capsys):
    """Validated without the weight file that defines 职业素养, its items are refused by name."""
    samples = REPO / "question_banks" / "samples" / "570002"
    assert main(["bank", "validate", str(samples)]) == 1
    out = capsys.readouterr().out
    assert "junior-professionalism.yaml:" in out
    refused = "(OLX-J-P-001).area: level 初级 has no area '职业素养', and no weight file read with this bank adds it"
    assert refused in out
    assert main(["bank", "validate", str(samples), str(EXAMPLE_WEIGHTS)]) == 0
    capsys.readouterr()
