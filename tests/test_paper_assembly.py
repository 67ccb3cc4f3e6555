"""Paper assembly on hand-made pools: exactness, determinism, variants, shortages, difficulty."""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import random
import subprocess
import sys
from collections import Counter
from dataclasses import replace
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
    rng_for,
    spread_over_codes,
)
from tests.conftest import REPO

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


def _brute_force_squares(counts, available):
    """The least sum of squared code totals over every plan that fits, by enumeration."""
    best = None
    n_codes = len(available)

    def splits(k, caps):
        if len(caps) == 1:
            if k <= caps[0]:
                yield (k,)
            return
        for n in range(min(k, caps[0]) + 1):
            for rest in splits(k - n, caps[1:]):
                yield (n, *rest)

    def walk(j, totals):
        nonlocal best
        if j == len(counts):
            value = sum(t * t for t in totals)
            best = value if best is None else min(best, value)
            return
        for split in splits(counts[j], [available[c][j] for c in range(n_codes)]):
            walk(j + 1, [t + n for t, n in zip(totals, split, strict=True)])

    walk(0, [0] * n_codes)
    return best


def test_spread_over_codes_is_as_even_as_the_limits_allow():
    gen = random.Random(5)
    for case in range(300):
        n_codes, n_sections = gen.randint(1, 4), gen.randint(1, 3)
        available = [[gen.randint(0, 4) for _ in range(n_sections)] for _ in range(n_codes)]
        counts = [gen.randint(0, sum(available[c][j] for c in range(n_codes))) for j in range(n_sections)]
        plan = spread_over_codes(counts, available, rng_for(case))
        for j in range(n_sections):
            assert sum(plan[c][j] for c in range(n_codes)) == counts[j]
            assert all(0 <= plan[c][j] <= available[c][j] for c in range(n_codes))
        assert sum(sum(row) ** 2 for row in plan) == _brute_force_squares(counts, available), (counts, available)


def test_spread_over_codes_places_odd_items_by_seed():
    plans = {tuple(map(tuple, spread_over_codes([1, 1, 1], [[3, 3, 3], [3, 3, 3]], rng_for(seed))))
             for seed in range(30)}  # fmt: skip
    assert len(plans) > 2  # which code gets two, and of which types, varies
    assert all(sorted(sum(row) for row in plan) == [1, 2] for plan in plans)
    again = spread_over_codes([1, 1, 1], [[3, 3, 3], [3, 3, 3]], rng_for(7))
    assert again == spread_over_codes([1, 1, 1], [[3, 3, 3], [3, 3, 3]], rng_for(7))
    with pytest.raises(ValueError):
        spread_over_codes([4], [[1], [2]])


def test_items_spread_over_content_codes_and_points_stay_exact(level4):
    """Three codes per area, one of them with many more items: a paper still takes about as many
    from each, difficulty steering included, and every area keeps its points."""
    std, lv = level4
    items = []
    for it in make_items(lv.theory_weights, 24, difficulty=lambda n: 5 if n % 4 == 0 else 1):
        n = int(it.id[-3:])
        items.append(replace(it, code="1.1" if n < 16 else "1.2" if n < 20 else "1.3"))
    assembler = PaperAssembler(theory_blueprint(std, lv, MIX), items)
    for seed in range(20):
        paper = assembler.build(seed)
        by_id = {it.id: it for it in items}
        for area, weight in lv.theory_weights.items():
            mine = [by_id[p.id] for p in paper.items if p.area == area]
            assert sum(p.points for p in paper.items if p.area == area) == weight
            totals = Counter(it.code for it in mine)
            assert max(totals.values()) - min(totals[c] for c in ("1.1", "1.2", "1.3")) <= 1, (area, totals)


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


# -- enemies (互斥题): items that cue each other never share a paper ------------------------------


def with_enemies(items: list[Item], pairs: list[tuple[str, str]]) -> list[Item]:
    """`items` with each pair (a, b) listed on a only: one side listing the other is enough."""
    listed: dict[str, list[str]] = {}
    for a, b in pairs:
        listed.setdefault(a, []).append(b)
    return [replace(it, enemies=tuple(listed.get(it.id, ()))) for it in items]


def enemy_pairs_in(paper, pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    ids = {it.id for it in paper.items}
    return [(a, b) for a, b in pairs if a in ids and b in ids]


def random_pairs(items: list[Item], count: int, seed: int) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    ids = sorted(it.id for it in items)
    return sorted({tuple(sorted(rng.sample(ids, 2))) for _ in range(count)})


def exact_bank(level4) -> list[Item]:
    """Exactly the items one paper needs: every cell holds its allocation and no more."""
    std, lv = level4
    items = make_items(lv.theory_weights, 12)
    assembler = PaperAssembler(theory_blueprint(std, lv, MIX), items)
    keep = {it.id for row, counts in zip(assembler.cells, assembler.allocation, strict=True)
            for cell, k in zip(row, counts, strict=True) for it in cell[:k]}  # fmt: skip
    return [it for it in items if it.id in keep]


def test_no_paper_holds_an_enemy_pair_over_many_seeds(level4):
    std, lv = level4
    items = make_items(lv.theory_weights, 14)
    pairs = random_pairs(items, 120, seed=3)  # 168 items, most of them with an enemy
    assembler = PaperAssembler(theory_blueprint(std, lv, MIX), with_enemies(items, pairs))
    bound = {x for pair in pairs for x in pair}
    held = 0
    for seed in range(300):
        paper = assembler.build(seed)
        assert enemy_pairs_in(paper, pairs) == [], seed
        got: Counter[str] = Counter()
        for it in paper.items:
            got[it.area] += it.points
        assert dict(got) == {a: Decimal(w) for a, w in lv.theory_weights.items()}
        assert Counter(it.type for it in paper.items) == {"truefalse": 20, "single": 30, "multiple": 10}
        held += sum(1 for it in paper.items if it.id in bound)
    assert held > 300 * 20  # items with enemies are still drawn, not just avoided


def test_one_side_listing_the_other_keeps_both_apart(level4):
    std, lv = level4
    items = make_items(lv.theory_weights, 12)
    # B items list nothing; only A names B. Same cell, and across cells (判断题 / 单项选择题 of one area)
    pairs = [("职业道德-truefalse-000", "职业道德-truefalse-001"), ("职业道德-single-000", "职业道德-truefalse-002")]
    plain = PaperAssembler(theory_blueprint(std, lv, MIX), items)
    apart = PaperAssembler(theory_blueprint(std, lv, MIX), with_enemies(items, pairs))
    assert {pair for seed in range(200) for pair in enemy_pairs_in(plain.build(seed), pairs)} == set(pairs)
    assert [seed for seed in range(200) if enemy_pairs_in(apart.build(seed), pairs)] == []


def test_enemies_keep_papers_deterministic(level4):
    std, lv = level4
    items = make_items(lv.theory_weights, 14)
    pairs = random_pairs(items, 120, seed=3)
    a = PaperAssembler(theory_blueprint(std, lv, MIX), with_enemies(items, pairs))
    b = PaperAssembler(theory_blueprint(std, lv, MIX), list(reversed(with_enemies(items, pairs))))
    for seed in ("S-1", "S-2", 7):
        assert json.dumps(a.build(seed).as_json()) == json.dumps(b.build(seed).as_json())
    assert [p.as_json() for p in a.build_forms(3, "F")] == [p.as_json() for p in b.build_forms(3, "F")]


def test_enemies_keep_papers_the_same_in_every_process(level4, tmp_path):
    """Sets of ids iterate in a per-process order: nothing the paper holds may depend on it."""
    std, lv = level4
    items = make_items(lv.theory_weights, 14)
    inputs = (theory_blueprint(std, lv, MIX), with_enemies(items, random_pairs(items, 120, seed=3)))
    (tmp_path / "inputs.pickle").write_bytes(pickle.dumps(inputs))
    script = (
        "import json, pickle, sys\n"
        "from app.domain.paper_assembly import PaperAssembler\n"
        "assembler = PaperAssembler(*pickle.loads(open(sys.argv[1], 'rb').read()))\n"
        "print(json.dumps([assembler.build(n).as_json() for n in range(20)]))\n"
    )
    here = PaperAssembler(*inputs)
    out = {json.dumps([here.build(n).as_json() for n in range(20)]) + "\n"}
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        args = [sys.executable, "-c", script, str(tmp_path / "inputs.pickle")]
        run = subprocess.run(args, env=env, cwd=REPO, capture_output=True, text=True)
        assert run.returncode == 0, run.stderr
        out.add(run.stdout)
    assert len(out) == 1


def test_difficulty_steering_brings_in_no_enemy(level4):
    std, lv = level4
    # as in the steering test above, but every hard item is the enemy of the easy item next to it
    items = make_items(lv.theory_weights, 40, difficulty=lambda n: 5 if n % 4 == 0 else 1)
    pairs = [(it.id, it.id[:-3] + f"{int(it.id[-3:]) + 1:03d}") for it in items if it.difficulty == 5]
    pairs += [(it.id, it.id[:-3] + f"{int(it.id[-3:]) + 2:03d}") for it in items if it.difficulty == 5]
    assembler = PaperAssembler(theory_blueprint(std, lv, MIX), with_enemies(items, pairs))
    by_id = {it.id: it for it in items}
    for seed in range(30):
        paper = assembler.build(seed)
        assert enemy_pairs_in(paper, pairs) == [], seed
        assert abs(paper.difficulty - 3.0) <= 0.2 + 1e-9
        assert paper.difficulty == pytest.approx(sum(by_id[p.id].difficulty for p in paper.items) / len(paper.items))


def test_parallel_forms_hold_no_enemy_pair(level4):
    std, lv = level4
    items = make_items(lv.theory_weights, 25)
    pairs = random_pairs(items, 200, seed=5)
    assembler = PaperAssembler(theory_blueprint(std, lv, MIX), with_enemies(items, pairs))
    for seed in range(10):
        forms = assembler.build_forms(3, f"F{seed}")
        assert [enemy_pairs_in(paper, pairs) for paper in forms] == [[], [], []]
        assert max(overlap(a, b) for i, a in enumerate(forms) for b in forms[i + 1 :]) < 0.3
        assert all(paper.total_points == 100 for paper in forms)


def test_a_cell_that_needs_both_enemies_is_refused_naming_the_pair(level4):
    std, lv = level4
    items = with_enemies(exact_bank(level4), [("职业道德-truefalse-000", "职业道德-truefalse-001")])
    with pytest.raises(AssemblyError) as err:
        PaperAssembler(theory_blueprint(std, lv, MIX), items)
    assert [str(s) for s in err.value.shortages if s.type != "difficulty"] == [
        "职业道德 / 判断题 (truefalse, 1 point each): needs 2 items; the bank has 2, but enemies may not share "
        "a paper, so only 1 can (short by 1 item, 1 points); enemy pairs: (职业道德-truefalse-000, "
        "职业道德-truefalse-001)"
    ]


def test_enemies_in_two_cells_that_need_both_are_refused_naming_the_pair(level4):
    std, lv = level4
    items = with_enemies(exact_bank(level4), [("职业道德-single-000", "职业道德-truefalse-000")])
    with pytest.raises(AssemblyError) as err:
        PaperAssembler(theory_blueprint(std, lv, MIX), items)
    text = str(err.value)
    assert text.startswith("The bank cannot fill a theory paper for T-01 level 4 (四级) exactly:")
    assert [s.area + "/" + str(s.type) for s in err.value.shortages] == ["职业道德/truefalse", "职业道德/single"]
    for line in text.splitlines()[1:]:
        assert "no choice of items can avoid every enemy pair" in line
        assert line.endswith("enemy pairs: (职业道德-single-000, 职业道德-truefalse-000)")


def test_an_enemy_pair_in_a_full_cell_moves_the_mix_where_the_bank_has_room(level4):
    """Like a missing item: 甲功能 has two multiple-choice enemies, so it takes a spare single
    instead of one of them, and 乙功能 a spare multiple-choice item instead of a single."""
    std, lv = level4
    spare = {"甲功能-single-011", "乙功能-multiple-011"}
    items = exact_bank(level4) + [it for it in make_items(lv.theory_weights, 12) if it.id in spare]
    pairs = [("甲功能-multiple-000", "甲功能-multiple-001")]
    with pytest.raises(AssemblyError, match=r"甲功能 / 多项选择题 .*\(甲功能-multiple-000, 甲功能-multiple-001\)"):
        PaperAssembler(theory_blueprint(std, lv, MIX), with_enemies(exact_bank(level4), pairs))
    assembler = PaperAssembler(theory_blueprint(std, lv, MIX), with_enemies(items, pairs))
    for seed in range(20):
        paper = assembler.build(seed)
        assert enemy_pairs_in(paper, pairs) == [] and paper.total_points == 100
        assert spare <= {it.id for it in paper.items}


def test_enemies_outside_the_pool_change_nothing(level4):
    std, lv = level4
    items = make_items(lv.theory_weights, 12)
    listed = [replace(it, enemies=("NOT-IN-THIS-POOL",)) for it in items]
    plain = PaperAssembler(theory_blueprint(std, lv, MIX), items)
    other = PaperAssembler(theory_blueprint(std, lv, MIX), listed)
    assert [plain.build(n).as_json() for n in range(10)] == [other.build(n).as_json() for n in range(10)]


# -- the same papers, drawn faster ------------------------------------------------------------------


def test_draws_are_the_standard_librarys_shuffle_sample_and_randrange():
    """rng_for's generator writes shuffle, sample and randrange out on getrandbits: the same results
    as random.Random's, and the generator left in the same state (the next draws agree too)."""
    sizes = [*range(0, 40), 47, 63, 64, 65, 100, 129, 300]
    for seed in range(12):
        ours, theirs = rng_for(seed), random.Random()
        theirs.setstate(ours.getstate())
        for n in sizes:
            a, b = list(range(n)), list(range(n))
            ours.shuffle(a)
            theirs.shuffle(b)
            assert a == b, ("shuffle", seed, n)
            for k in {0, 1, 2, 3, 5, 6, 7, n // 3, n // 2, n}:
                if 0 <= k <= n:  # both branches: a pool list (k near n) and a set of picks (k << n)
                    assert ours.sample(a, k) == theirs.sample(b, k), ("sample", seed, n, k)
                    assert ours.sample(tuple(a), k) == theirs.sample(tuple(b), k), ("sample tuple", seed, n, k)
            if n:
                assert ours.randrange(n) == theirs.randrange(n), ("randrange", seed, n)
        assert ours.randrange(3, 90) == theirs.randrange(3, 90)
        assert ours.sample(range(50), 4) == theirs.sample(range(50), 4)
        assert ours.getstate() == theirs.getstate()
    with pytest.raises(ValueError):
        rng_for(1).sample([1, 2], 3)
    with pytest.raises(ValueError):
        rng_for(1).randrange(0)


def pinned_bank(lv) -> list[Item]:
    """Three content codes per area, 4, 5 and 7 options (7: shuffled, not drawn from a table),
    options in a fixed order, a spread of difficulties, and (for one of the two pools) enemies."""
    items = []
    for area in lv.theory_weights:
        for type_, points in ((ItemType.TRUEFALSE, 1), (ItemType.SINGLE, 2), (ItemType.MULTIPLE, 2)):
            for n in range(14):
                labels = "" if type_ is ItemType.TRUEFALSE else ("ABCDEFG" if n % 4 == 3 else "ABCDE"[: 4 + n % 2])
                key = True if type_ is ItemType.TRUEFALSE else ("B" if type_ is ItemType.SINGLE else ("A", "C"))
                items.append(Item(
                    id=f"{area}-{type_.value}-{n:03d}", type=type_, area=area, code=f"{1 + n % 2}.{1 + n % 3}",
                    levels=(4,), difficulty=1 + (n * 7 + len(area)) % 5, points=Decimal(points),
                    stem=f"{area} {n}", options=tuple((c, f"{area}{n}{c}") for c in labels), key=key,
                    fixed_order=n % 7 == 6,
                ))  # fmt: skip
    return items


PINNED = {"plain": "64cc819b0c9fe0f9", "enemies": "e95d123107be5368"}


def test_papers_are_the_ones_drawn_before(level4):
    """Papers are fixed by their seed (a paper can be rebuilt and checked later): speeding the
    assembler up must not change one. These digests are of papers drawn before it was sped up
    (bank and seeds above); a change here means papers changed: only ever on purpose."""
    std, lv = level4
    items = pinned_bank(lv)
    pools = {"plain": items, "enemies": with_enemies(items, random_pairs(items, 40, seed=5))}
    digests = {}
    for name, pool in pools.items():
        assembler = PaperAssembler(theory_blueprint(std, lv, MIX), pool)
        papers = [*(assembler.build(seed) for seed in [*range(25), "T-00001", "T-00002"]),
                  *assembler.build_forms(3, "F")]  # fmt: skip
        drawn = [{**p.as_json(), "difficulty": repr(p.difficulty)} for p in papers]
        digests[name] = hashlib.sha256(json.dumps(drawn, sort_keys=True).encode()).hexdigest()[:16]
    assert digests == PINNED
