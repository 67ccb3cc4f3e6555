"""Paper assembly: exact area points, the blueprint's type mix, difficulty near a target.

The work splits in two. Once per (blueprint, bank): decide how many items of each type each
area gets (the *allocation*), so that every area's points equal its weight and every type's
count equals the mix; this is a small integer program solved exactly by dynamic programming
over the areas, preferring allocations close to proportional. Then per candidate: draw that
many items from each (area, type) cell with a seeded generator, nudge the mean difficulty
toward the target by swapping items within cells (which keeps the points exact), and shuffle
question and option order. The per-candidate part does no search, so papers are cheap.
"""

from __future__ import annotations

import hashlib
import itertools
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from app.domain.blueprint import Blueprint, MultipleCredit, TypeMix
from app.domain.items import Item, ItemType, SkillTask
from app.domain.standards import Part


@dataclass(frozen=True)
class PaperItem:
    id: str
    type: str  # an ItemType value, or "task"
    area: str
    points: Decimal
    options_order: tuple[str, ...] = ()


@dataclass(frozen=True)
class Paper:
    seed: int | str
    standard: str
    subtype: str | None
    level: int | str
    part: Part
    items: tuple[PaperItem, ...]
    area_points: dict[str, Decimal]
    difficulty: float | None = None
    multiple_credit: MultipleCredit = MultipleCredit.ALL_OR_NOTHING  # how 多项选择题 are scored

    @property
    def total_points(self) -> Decimal:
        return sum((it.points for it in self.items), Decimal(0))

    def as_json(self) -> dict[str, object]:
        return {
            "seed": self.seed,
            "standard": self.standard,
            "subtype": self.subtype,
            "level": self.level,
            "part": self.part.value,
            "items": [
                {
                    "id": it.id,
                    "type": it.type,
                    "area": it.area,
                    "points": _num(it.points),
                    "options_order": list(it.options_order),
                }
                for it in self.items
            ],
            "total_points": _num(self.total_points),
            "area_points": {a: _num(p) for a, p in self.area_points.items()},
            "difficulty": None if self.difficulty is None else round(self.difficulty, 3),
        }


def _items(n: int) -> str:
    return f"{n} item" if n == 1 else f"{n} items"


def _num(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


@dataclass(frozen=True)
class Shortage:
    """What the bank lacks for a blueprint, in words an item writer can act on."""

    area: str
    type: str | None  # None: about the area as a whole
    needed: int  # items (or points when type is None)
    available: int
    detail: str

    def __str__(self) -> str:
        return self.detail


class AssemblyError(Exception):
    """The bank cannot satisfy the blueprint; `shortages` say where and by how much."""

    def __init__(self, heading: str, shortages: Sequence[Shortage]):
        self.shortages = list(shortages)
        lines = [heading, *(f"  - {s}" for s in self.shortages)]
        super().__init__("\n".join(lines))


def rng_for(seed: int | str, salt: str = "") -> random.Random:
    """A generator that gives the same draws for the same seed on every machine and Python."""
    digest = hashlib.sha256(f"{salt}\x00{seed}".encode()).digest()
    return random.Random(int.from_bytes(digest[:16], "big"))


_MAX_TABLED_OPTIONS = 6
_CHOICE_TYPES = frozenset(t for t in ItemType if t.is_choice)


@cache
def _orders(n: int) -> tuple[tuple[int, ...], ...]:
    return tuple(itertools.permutations(range(n)))


def _units(points: Decimal) -> int:
    """Points in half-point units, so that all arithmetic is on integers."""
    return int(points * 2)


class PaperAssembler:
    """Builds per-candidate theory papers for one blueprint from one pool of items."""

    def __init__(self, blueprint: Blueprint, items: Iterable[Item]):
        if blueprint.mix is None:
            raise ValueError("PaperAssembler needs a theory blueprint with a type mix")
        self.blueprint = blueprint
        self.mix: TypeMix = blueprint.mix
        self.areas = list(blueprint.area_points)
        self.sections = self.mix.sections
        # cells[area][section] -> eligible items sorted by id (determinism across bank order)
        self.cells: list[list[list[Item]]] = [[[] for _ in self.sections] for _ in self.areas]
        area_index = {a: i for i, a in enumerate(self.areas)}
        section_index = {(s.type, s.points): j for j, s in enumerate(self.sections)}
        seen: set[str] = set()
        for item in sorted(items, key=lambda it: it.id):
            if item.id in seen:
                continue
            seen.add(item.id)
            i = area_index.get(item.area)
            j = section_index.get((item.type, item.points))
            if i is not None and j is not None:
                self.cells[i][j].append(item)
        self.allocation = self._allocate()
        self._buckets = [[self._by_difficulty(cell) for cell in row] for row in self.cells]

    @staticmethod
    def _by_difficulty(cell: list[Item]) -> dict[int, list[Item]]:
        out: dict[int, list[Item]] = {}
        for item in cell:
            out.setdefault(item.difficulty, []).append(item)
        return out

    # -- allocation -------------------------------------------------------------------------

    def _allocate(self) -> list[tuple[int, ...]]:
        available = [[len(cell) for cell in row] for row in self.cells]
        found = self._solve(available)
        if found is not None:
            return found
        raise AssemblyError(self._heading(), self._diagnose(available))

    def _solve(self, available: list[list[int]] | None) -> list[tuple[int, ...]] | None:
        """Counts per (area, section) meeting area points and section counts exactly, or None.

        `available=None` solves the blueprint alone, as if the bank were unlimited.
        """
        unit = [_units(s.points) for s in self.sections]
        counts = tuple(s.count for s in self.sections)
        total_units = sum(u * c for u, c in zip(unit, counts, strict=True))
        targets = [_units(p) for p in self.blueprint.area_points.values()]
        n_sections = len(self.sections)

        def choices(i: int, remaining: tuple[int, ...]) -> list[tuple[int, ...]]:
            out: list[tuple[int, ...]] = []
            limit = [
                remaining[j] if available is None else min(remaining[j], available[i][j]) for j in range(n_sections)
            ]

            def walk(j: int, left: int, acc: list[int]) -> None:
                if j == n_sections - 1:
                    if left % unit[j] == 0 and left // unit[j] <= limit[j]:
                        out.append((*acc, left // unit[j]))
                    return
                for n in range(min(limit[j], left // unit[j]) + 1):
                    walk(j + 1, left - n * unit[j], [*acc, n])

            walk(0, targets[i], [])
            return out

        @cache
        def best(i: int, remaining: tuple[int, ...]) -> tuple[float, tuple[tuple[int, ...], ...]] | None:
            if i == len(self.areas):
                return (0.0, ()) if not any(remaining) else None
            ideal = [c * targets[i] / total_units for c in counts]
            result = None
            for choice in choices(i, remaining):
                rest = best(i + 1, tuple(r - n for r, n in zip(remaining, choice, strict=True)))
                if rest is None:
                    continue
                cost = sum((n - x) ** 2 for n, x in zip(choice, ideal, strict=True)) + rest[0]
                if result is None or cost < result[0]:
                    result = (cost, (choice, *rest[1]))
            return result

        solved = best(0, counts)
        best.cache_clear()
        return None if solved is None else list(solved[1])

    def _heading(self) -> str:
        bp = self.blueprint
        sub = f" {bp.subtype}" if bp.subtype else ""
        return (
            f"The bank cannot fill a {bp.part.value} paper for {bp.standard}{sub} level "
            f"{bp.level.level} ({bp.level.name}) exactly:"
        )

    def _diagnose(self, available: list[list[int]]) -> list[Shortage]:
        ideal = self._solve(None)
        if ideal is None:
            return [
                Shortage(
                    area, None, 0, 0,
                    f"{area}: {self.blueprint.area_points[area]} points cannot be made from "
                    f"the blueprint's item points; change the type mix",
                )
                for area in self.areas
            ]  # fmt: skip
        shortages: list[Shortage] = []
        for i, area in enumerate(self.areas):
            for j, section in enumerate(self.sections):
                need, have = ideal[i][j], available[i][j]
                if need > have:
                    unit = "point" if section.points == 1 else "points"
                    detail = (
                        f"{area} / {section.type.label_zh} ({section.type.value}, "
                        f"{_num(section.points)} {unit} each): needs {_items(need)}, the bank has {have} "
                        f"(short by {_items(need - have)}, {_num(section.points * (need - have))} points)"
                    )
                    shortages.append(Shortage(area, section.type.value, need, have, detail))
        if not shortages:  # unreachable in theory: ideal fits the bank; keep the message honest
            shortages.append(Shortage("", None, 0, 0, "no allocation fits the bank's items"))
        return shortages

    # -- per candidate ----------------------------------------------------------------------

    def build(self, seed: int | str) -> Paper:
        return self._build(seed, rng_for(seed, "paper"), usage=None)

    def build_forms(self, count: int, seed: int | str) -> list[Paper]:
        """Parallel forms that share as few items as the bank allows."""
        usage: dict[str, int] = {}
        papers = []
        for n in range(count):
            form_seed = f"{seed}/{n + 1}"
            paper = self._build(form_seed, rng_for(form_seed, "paper"), usage)
            for it in paper.items:
                usage[it.id] = usage.get(it.id, 0) + 1
            papers.append(paper)
        return papers

    def _build(self, seed: int | str, rng: random.Random, usage: dict[str, int] | None) -> Paper:
        chosen: list[list[list[Item]]] = []
        for i, row in enumerate(self.cells):
            chosen_row = []
            for j, cell in enumerate(row):
                k = self.allocation[i][j]
                if usage is None:
                    picked = rng.sample(cell, k) if k else []
                else:
                    keyed = sorted(cell, key=lambda it: (usage.get(it.id, 0), rng.random()))
                    picked = keyed[:k]
                chosen_row.append(picked)
            chosen.append(chosen_row)
        mean = self._steer_difficulty(chosen, rng, usage)

        by_section: list[list[Item]] = [[] for _ in self.sections]
        for row in chosen:
            for j, picked in enumerate(row):
                by_section[j].extend(picked)
        paper_items: list[PaperItem] = []
        for j, section_items in enumerate(by_section):
            rng.shuffle(section_items)
            for item in section_items:
                paper_items.append(
                    PaperItem(
                        id=item.id,
                        type=item.type.value,
                        area=item.area,
                        points=self.sections[j].points,
                        options_order=self._option_order(item, rng),
                    )
                )
        bp = self.blueprint
        return Paper(
            seed=seed,
            standard=bp.standard,
            subtype=bp.subtype,
            level=bp.level.level,
            part=Part.THEORY,
            items=tuple(paper_items),
            area_points=dict(bp.area_points),
            difficulty=mean,
            multiple_credit=bp.mix.multiple_credit if bp.mix else MultipleCredit.ALL_OR_NOTHING,
        )

    @staticmethod
    def _option_order(item: Item, rng: random.Random) -> tuple[str, ...]:
        labels = item.option_labels
        if item.fixed_order or item.type not in _CHOICE_TYPES:
            return labels
        if len(labels) > _MAX_TABLED_OPTIONS:
            shuffled = list(labels)
            rng.shuffle(shuffled)
            return tuple(shuffled)
        # one draw from all orders is cheaper than a shuffle and just as uniform
        orders = _orders(len(labels))
        return tuple(labels[i] for i in orders[rng.randrange(len(orders))])

    def _steer_difficulty(
        self, chosen: list[list[list[Item]]], rng: random.Random, usage: dict[str, int] | None
    ) -> float | None:
        picked_all = [it for row in chosen for cell in row for it in cell]
        if not picked_all:
            return None
        n = len(picked_all)
        total = sum(it.difficulty for it in picked_all)
        target, tolerance = self.mix.difficulty_target, self.mix.difficulty_tolerance
        cells = [(i, j) for i in range(len(chosen)) for j in range(len(chosen[i])) if chosen[i][j]]
        in_paper = {it.id for it in picked_all}
        for _ in range(4 * n):
            gap = total / n - target
            if abs(gap) <= tolerance:
                break
            improved = False
            rng.shuffle(cells)
            for i, j in cells:
                picked = chosen[i][j]
                # the item whose replacement moves the mean most toward the target
                worst = (
                    max(picked, key=lambda it: it.difficulty) if gap > 0 else min(picked, key=lambda it: it.difficulty)
                )
                wanted = range(1, worst.difficulty) if gap > 0 else range(worst.difficulty + 1, 6)
                replacement = self._replacement(i, j, wanted, in_paper, rng, usage)
                if replacement is None:
                    continue
                picked[picked.index(worst)] = replacement
                in_paper.discard(worst.id)
                in_paper.add(replacement.id)
                total += replacement.difficulty - worst.difficulty
                improved = True
                break
            if not improved:
                break
        return total / n

    def _replacement(
        self,
        i: int,
        j: int,
        difficulties: range,
        in_paper: set[str],
        rng: random.Random,
        usage: dict[str, int] | None,
    ) -> Item | None:
        buckets = self._buckets[i][j]
        for d in difficulties:
            bucket = buckets.get(d)
            if not bucket:
                continue
            free = [it for it in bucket if it.id not in in_paper] if len(bucket) < 32 else None
            if free is None:  # large bucket: a few random probes beat a scan
                for _ in range(8):
                    candidate = bucket[rng.randrange(len(bucket))]
                    if candidate.id not in in_paper:
                        return candidate
                free = [it for it in bucket if it.id not in in_paper]
            if free:
                if usage is not None:
                    least = min(usage.get(it.id, 0) for it in free)
                    free = [it for it in free if usage.get(it.id, 0) == least]
                return free[rng.randrange(len(free))]
        return None


def build_skill_paper(blueprint: Blueprint, tasks: Iterable[SkillTask], seed: int | str) -> Paper:
    """One task per weighted area, drawn by seed; each task counts for the area's weight."""
    by_area: dict[str, list[SkillTask]] = {}
    for task in sorted(tasks, key=lambda t: t.id):
        by_area.setdefault(task.area, []).append(task)
    shortages = [
        Shortage(area, "task", 1, 0, f"{area}: no skill task for this level")
        for area in blueprint.area_points
        if not by_area.get(area)
    ]
    if shortages:
        sub = f" {blueprint.subtype}" if blueprint.subtype else ""
        raise AssemblyError(
            f"The bank cannot fill a skill assessment for {blueprint.standard}{sub} level "
            f"{blueprint.level.level} ({blueprint.level.name}):",
            shortages,
        )
    rng = rng_for(seed, "skill")
    items = tuple(
        PaperItem(id=rng.choice(by_area[area]).id, type="task", area=area, points=points)
        for area, points in blueprint.area_points.items()
    )
    return Paper(
        seed=seed,
        standard=blueprint.standard,
        subtype=blueprint.subtype,
        level=blueprint.level.level,
        part=Part.SKILL,
        items=items,
        area_points=dict(blueprint.area_points),
    )


def overlap(a: Paper, b: Paper) -> float:
    """Share of items two papers have in common (0..1), relative to the smaller paper."""
    ids_a, ids_b = {it.id for it in a.items}, {it.id for it in b.items}
    return len(ids_a & ids_b) / max(1, min(len(ids_a), len(ids_b)))


def item_types_in(paper: Paper) -> dict[str, int]:
    out: dict[str, int] = {}
    for it in paper.items:
        out[it.type] = out.get(it.type, 0) + 1
    return out


__all__ = [
    "AssemblyError",
    "ItemType",
    "Paper",
    "PaperAssembler",
    "PaperItem",
    "Shortage",
    "build_skill_paper",
    "overlap",
    "rng_for",
]
