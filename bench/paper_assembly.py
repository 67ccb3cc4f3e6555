"""Benchmark: 1,000 per-candidate papers from a synthetic 50,000-item bank.

Prints papers per second and the time for 1,000 papers as a ratio to shuffling the bank once
(a floor for "touching every item"). Target: 1,000 exact papers in under one second.
Every paper is checked afterwards (untimed): exact points per area, no repeated item, no enemy pair.
`--enemies N` marks N random pairs of items as enemies (互斥题), none of which may share a paper.

    .venv/bin/python bench/paper_assembly.py [--quick] [--items 50000] [--papers 1000] [--enemies 0]
"""

from __future__ import annotations

import argparse
import random
import time
from collections import Counter
from dataclasses import replace
from decimal import Decimal

from app import paths
from app.banks.blueprint_file import choose_mix, read_blueprints
from app.banks.standard_file import read_standards
from app.domain.blueprint import theory_blueprint
from app.domain.items import Item, ItemType, enemy_map
from app.domain.paper_assembly import PaperAssembler

TYPES = ((ItemType.TRUEFALSE, 1, 0.3), (ItemType.SINGLE, 2, 0.5), (ItemType.MULTIPLE, 2, 0.2))


def synthetic_bank(areas: list[str], count: int, rng: random.Random) -> list[Item]:
    items = []
    for n in range(count):
        area = areas[n % len(areas)]
        item_type, points, _share = rng.choices(TYPES, weights=[t[2] for t in TYPES])[0]
        options = () if item_type is ItemType.TRUEFALSE else tuple((c, f"option {c} {n}") for c in "ABCD")
        key = True if item_type is ItemType.TRUEFALSE else ("B" if item_type is ItemType.SINGLE else ("A", "C"))
        items.append(
            Item(id=f"SYN-{n:06d}", type=item_type, area=area, code="1.1", levels=(5,),
                 difficulty=rng.choice((1, 2, 2, 3, 3, 3, 4, 5)), points=Decimal(points),
                 stem=f"synthetic {n}", options=options, key=key)
        )  # fmt: skip
    return items


def with_enemies(bank: list[Item], pairs: int, rng: random.Random) -> list[Item]:
    """`pairs` random pairs of enemies, each listed on one side only."""
    listed: dict[str, list[str]] = {}
    for _ in range(pairs):
        a, b = rng.sample(bank, 2)
        listed.setdefault(a.id, []).append(b.id)
    return [replace(it, enemies=tuple(listed[it.id])) if it.id in listed else it for it in bank]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="small sizes: a smoke run")
    parser.add_argument("--items", type=int, default=None, help="bank size (default 50,000; quick 10,000)")
    parser.add_argument("--papers", type=int, default=None, help="papers (default 1,000; quick 200)")
    parser.add_argument("--enemies", type=int, default=0, help="random enemy pairs in the bank")
    args = parser.parse_args()
    args.items = args.items or (10_000 if args.quick else 50_000)
    args.papers = args.papers or (200 if args.quick else 1_000)

    std = read_standards(paths.standards_dir())["4-13-99-02"]
    level = std.level(5)
    mix = choose_mix(read_blueprints(paths.blueprints_dir()), std.code, None, 5)
    blueprint = theory_blueprint(std, level, mix)
    bank = synthetic_bank(list(level.theory_weights), args.items, random.Random(1))
    if args.enemies:
        bank = with_enemies(bank, args.enemies, random.Random(3))

    t0 = time.perf_counter()
    assembler = PaperAssembler(blueprint, bank)
    setup = time.perf_counter() - t0

    t0 = time.perf_counter()
    papers = [assembler.build(f"candidate-{n}") for n in range(args.papers)]
    build = time.perf_counter() - t0

    shuffled = list(bank)
    t0 = time.perf_counter()
    random.Random(2).shuffle(shuffled)
    shuffle = time.perf_counter() - t0

    enemies = enemy_map(bank)
    expected = {a: Decimal(w) for a, w in level.theory_weights.items()}
    t0 = time.perf_counter()
    for paper in papers:  # every paper: exact points per area, no item twice, no enemy pair
        got: Counter[str] = Counter()
        for it in paper.items:
            got[it.area] += it.points
        assert dict(got) == expected, f"paper {paper.seed}: {dict(got)} != {expected}"
        ids = [it.id for it in paper.items]
        assert len(set(ids)) == len(ids), f"paper {paper.seed} repeats an item"
        chosen = set(ids)
        assert not any(enemies.get(i, frozenset()) & chosen for i in chosen), f"paper {paper.seed}: enemies meet"
    check = time.perf_counter() - t0

    print(f"bank: {args.items} items, {args.enemies} enemy pairs; setup (index + allocation): {setup * 1000:.1f} ms")
    print(f"{args.papers} papers in {build * 1000:.1f} ms: {args.papers / build:,.0f} papers/s")
    print(f"checked all {len(papers)} papers (area points exact, no repeated item, no enemy pair) in "
          f"{check * 1000:.0f} ms")  # fmt: skip
    print(f"one shuffle of the bank: {shuffle * 1000:.2f} ms")
    print(f"ratio (time for {args.papers} papers / one bank shuffle): {build / shuffle:.1f}")
    print(f"target: {args.papers} papers under 1 s -> {'met' if build < 1.0 else 'NOT met'} "
          f"({build / 1.0:.2f} of the budget)")  # fmt: skip


if __name__ == "__main__":
    main()
