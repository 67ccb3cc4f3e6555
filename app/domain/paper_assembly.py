"""Paper assembly: exact area points, the blueprint's type mix, difficulty near a target.

The work splits in two. Once per (blueprint, bank): decide how many items of each type each
area gets (the *allocation*), so that every area's points equal its weight and every type's
count equals the mix; this is a small integer program solved exactly by dynamic programming
over the areas, preferring allocations close to proportional. Then per candidate: draw that
many items from each (area, type) cell with a seeded generator, nudge the mean difficulty
toward the target by swapping items within cells (which keeps the points exact), and shuffle
question and option order. The per-candidate part does no search (but for the rare enemy case
below), so papers are cheap.

Enemies (items that cue each other, `enemies` in the bank) never share a paper. Within a cell,
an enemy pair counts as one usable item when the allocation is made, so a bank short of items
that can meet is diagnosed like any other shortage. A cell that needs more items than it has
without enemies (its "deficit") can only be filled with some of them; once per bank a search
proves that enough of them can meet across all cells, or the assembler refuses with the cells
and pairs involved. Per candidate, draws skip items whose enemy is already in the paper, and in
the rare case this greedy draw gets stuck, items reserved by that search go in first. A pool
with no enemy pair takes exactly the code path it took before enemies existed.
"""

from __future__ import annotations

import hashlib
import itertools
import math
import operator
import random
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

from app.domain.blueprint import Blueprint, MultipleCredit, TypeMix
from app.domain.items import Item, ItemType, SkillTask, enemy_map
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


class Draws(random.Random):
    """random.Random (Mersenne Twister) whose shuffle, sample and one-argument randrange are
    written out here, on getrandbits, instead of through `_randbelow` once per draw: a paper makes
    hundreds of them. Same generator, same calls to getrandbits in the same order, same results:
    these are CPython 3.11's algorithms, and tests/test_paper_assembly.py checks them against the
    standard library's and pins papers by digest. Owning them also keeps papers the same should
    a later Python change its own."""

    def shuffle(self, x: list[Any]) -> None:  # type: ignore[override]
        bits = self.getrandbits
        for i in range(len(x) - 1, 0, -1):
            n = i + 1
            k = n.bit_length()
            j = bits(k)
            while j >= n:
                j = bits(k)
            x[i], x[j] = x[j], x[i]

    def sample(self, population: Sequence[Any], k: int, *, counts: Iterable[int] | None = None) -> list[Any]:
        n = len(population) if isinstance(population, list | tuple) else -1
        if counts is not None or not 0 <= k <= n:
            return super().sample(population, k, counts=counts)  # other shapes, and the errors
        bits = self.getrandbits
        result: list[Any] = [None] * k
        setsize = 21  # as random.sample: a pool list while it is smaller than a set of k
        if k > 5:
            setsize += 4 ** math.ceil(math.log(k * 3, 4))
        if n <= setsize:
            pool = list(population)
            for i in range(k):
                m = n - i
                b = m.bit_length()
                j = bits(b)
                while j >= m:
                    j = bits(b)
                result[i] = pool[j]
                pool[j] = pool[m - 1]
        else:
            selected: set[int] = set()
            b = n.bit_length()
            for i in range(k):
                j = bits(b)
                while j >= n or j in selected:
                    j = bits(b)
                selected.add(j)
                result[i] = population[j]
        return result

    def randrange(self, start: int, stop: int | None = None, step: int = 1) -> int:
        if stop is None and step == 1 and type(start) is int and start > 0:
            bits = self.getrandbits
            k = start.bit_length()
            r = bits(k)
            while r >= start:
                r = bits(k)
            return r
        return super().randrange(start, stop, step)


def rng_for(seed: int | str, salt: str = "") -> random.Random:
    """A generator that gives the same draws for the same seed on every machine and Python."""
    digest = hashlib.sha256(f"{salt}\x00{seed}".encode()).digest()
    return Draws(int.from_bytes(digest[:16], "big"))


_MAX_TABLED_OPTIONS = 6
_ID, _CODE, _DIFFICULTY = operator.attrgetter("id"), operator.attrgetter("code"), operator.attrgetter("difficulty")
_CHOICE_TYPES = frozenset(t for t in ItemType if t.is_choice)


@cache
def _orders(n: int) -> tuple[tuple[int, ...], ...]:
    return tuple(itertools.permutations(range(n)))


def _units(points: Decimal) -> int:
    """Points in half-point units, so that all arithmetic is on integers."""
    return int(points * 2)


def _count(counts: dict[str, int], ids: Iterable[str], by: int = 1) -> None:
    """Add `by` to each id's count (a Counter's update/subtract, without its per-call overhead)."""
    for x in ids:
        counts[x] = counts.get(x, 0) + by


def _index(items: list[Item], item: Item) -> int:
    """items.index(item) by identity: the same place (a paper holds an item once), without
    comparing every field of the items before it."""
    for n, other in enumerate(items):
        if other is item:
            return n
    raise ValueError(f"{item.id} is not in the list")


class _OutOfBudget(Exception):
    pass


def _max_independent(adjacent: dict[str, frozenset[str]]) -> int:
    """How many of these items can share a paper: the size of a largest set with no enemy pair.

    `adjacent` maps each item to its enemies among the keys. Solved one connected group at a time.
    """
    left = set(adjacent)
    total = 0
    for start in sorted(adjacent):
        if start not in left:
            continue
        group, todo = {start}, [start]
        while todo:
            for other in adjacent[todo.pop()]:
                if other not in group:
                    group.add(other)
                    todo.append(other)
        left -= group
        total += 1 if len(group) == 2 else _independent_in_group(adjacent, frozenset(group))
    return total


def _independent_in_group(adjacent: dict[str, frozenset[str]], group: frozenset[str], budget: int = 20_000) -> int:
    """_max_independent for one connected group of items.

    Exact by branch and bound (enemy groups are small and sparse); if a pathological group
    exhausts the budget, its size, which may be too many: the search over the whole paper
    (_search) then has the last word.
    """
    calls = 0

    def solve(nodes: frozenset[str] | set[str]) -> int:
        nonlocal calls
        calls += 1
        if calls > budget:
            raise _OutOfBudget
        taken = 0
        nodes = set(nodes)
        while True:  # an item with at most one enemy left is in some largest set: take it
            low = next((n for n in sorted(nodes) if len(adjacent[n] & nodes) <= 1), None)
            if low is None:
                break
            nodes -= adjacent[low] | {low}
            taken += 1
        if not nodes:
            return taken
        pivot = max(sorted(nodes), key=lambda n: len(adjacent[n] & nodes))
        without = solve(frozenset(nodes - {pivot}))
        with_it = 1 + solve(frozenset(nodes - adjacent[pivot] - {pivot}))
        return taken + max(without, with_it)

    try:
        return solve(group)
    except _OutOfBudget:
        return len(group)


def _pairs(enemies: dict[str, frozenset[str]], ids: Iterable[str]) -> list[tuple[str, str]]:
    """The enemy pairs with at least one item among `ids`, each once, sorted."""
    return sorted({(min(a, b), max(a, b)) for a in ids for b in enemies.get(a, ())})


def _show_pairs(pairs: Sequence[tuple[str, str]], most: int = 8) -> str:
    shown = ", ".join(f"({a}, {b})" for a, b in pairs[:most])
    return shown + (f" and {len(pairs) - most} more" if len(pairs) > most else "")


def _code_order(code: str) -> tuple[tuple[int, int | str], ...]:
    """Content codes in reading order: "2.10" after "2.9"."""
    return tuple((0, int(part)) if part.isdigit() else (1, part) for part in code.split("."))


def spread_over_codes(
    counts: Sequence[int], available: Sequence[Sequence[int]], rng: random.Random | None = None
) -> list[list[int]]:
    """How many items of each section each content code of an area gets.

    `counts[j]` items of section j in all, at most `available[c][j]` of them from code c; the
    codes' totals as even as those limits allow. Returns `plan[c][j]`. Ties (which code gets the
    odd item) are broken by `rng`, so papers differ but the same seed gives the same plan.

    Exact: a greedy start, then single items moved along exchange paths (code a gives up an item
    of section j to code b, which may give up one of section j' to c, ...) while the first code
    holds at least two more than the last. When no such path is left, the totals have the least
    sum of squares; the achievable totals form a polymatroid's bases, on which that optimum also
    has the smallest largest total and the largest smallest one. Raises ValueError when the
    codes hold fewer items of a section than it needs.
    """
    n_codes = len(available)
    if n_codes == 1 and all(k <= a for k, a in zip(counts, available[0], strict=True)):
        return [list(counts)]  # one code: nothing to spread
    return _spread(counts, available, rng, [j for j, k in enumerate(counts) for _ in range(k)])


def _spread(
    counts: Sequence[int], available: Sequence[Sequence[int]], rng: random.Random | None, units: list[int]
) -> list[list[int]]:
    """spread_over_codes for more than one code; `units`: each section's index once per item it
    needs, in section order (an assembler makes it once per area)."""
    n_codes, n_sections = len(available), len(counts)
    plan = [[0] * n_sections for _ in range(n_codes)]
    totals = [0] * n_codes
    order = list(range(n_codes))
    if rng is not None:
        rng.shuffle(order)
    priority = {c: rank for rank, c in enumerate(order)}
    units = list(units)
    if rng is not None:
        rng.shuffle(units)
    for j in units:
        c = -1  # the open code with the fewest items, the first in `order` among equals
        for x in order:
            if plan[x][j] < available[x][j] and (c < 0 or totals[x] < totals[c]):
                c = x
        if c < 0:
            raise ValueError(f"section {j}: {counts[j]} items needed, the codes hold {sum(a[j] for a in available)}")
        plan[c][j] += 1
        totals[c] += 1
    while totals and max(totals) - min(totals) >= 2:  # else no code holds two more than another: no path
        for start in sorted(range(n_codes), key=lambda c: (-totals[c], priority[c])):
            path = _exchange_path(start, plan, available, totals, priority)
            if path:
                for giver, taker, j in path:
                    plan[giver][j] -= 1
                    plan[taker][j] += 1
                totals[start] -= 1
                totals[path[-1][1]] += 1
                break
        else:
            return plan
    return plan


def _reuse_less(
    plan: list[list[int]], available: Sequence[Sequence[int]], costs: Sequence[Sequence[list[int]]]
) -> None:
    """Rearrange `plan` in place, just as even, so that its items were used less by earlier forms:
    `costs[c][j][n]` is the least use n items of code c and section j add up to. Moves: trade a
    section's item for another section's between two codes, or move one from a code to one
    holding one fewer (the two swap totals)."""

    def cost(c: int, j: int, extra: int = 0) -> int:
        return costs[c][j][plan[c][j] + extra]

    codes, sections = range(len(plan)), range(len(plan[0]) if plan else 0)
    improved = True
    while improved:
        improved = False
        for a, b, j in itertools.product(codes, codes, sections):
            if a == b or plan[a][j] == 0 or plan[b][j] >= available[b][j]:
                continue
            gain = cost(a, j) - cost(a, j, -1) + cost(b, j) - cost(b, j, 1)
            if sum(plan[a]) == sum(plan[b]) + 1 and gain > 0:  # the two codes swap totals
                plan[a][j] -= 1
                plan[b][j] += 1
                improved = True
                break
            for k in sections:  # b gives a section-k item back: totals stay
                if k == j or plan[b][k] == 0 or plan[a][k] >= available[a][k]:
                    continue
                back = cost(b, k) - cost(b, k, -1) + cost(a, k) - cost(a, k, 1)
                if gain + back > 0:
                    plan[a][j] -= 1
                    plan[b][j] += 1
                    plan[b][k] -= 1
                    plan[a][k] += 1
                    improved = True
                    break
            if improved:
                break


def _exchange_path(
    start: int, plan: list[list[int]], available: Sequence[Sequence[int]], totals: list[int], priority: dict[int, int]
) -> list[tuple[int, int, int]]:
    """Moves (giver, taker, section) from code `start` to a code holding at least two items fewer,
    each taker able to take one more item of that section; [] if there is none. Breadth first."""
    came: dict[int, tuple[int, int]] = {start: (start, -1)}
    todo = [start]
    while todo:
        here = todo.pop(0)
        for there in sorted(range(len(plan)), key=lambda c: priority[c]):
            if there in came:
                continue
            section = next(
                (j for j in range(len(plan[here])) if plan[here][j] > 0 and plan[there][j] < available[there][j]), None
            )
            if section is None:
                continue
            came[there] = (here, section)
            if totals[there] <= totals[start] - 2:
                path = []
                node = there
                while node != start:
                    giver, j = came[node]
                    path.append((giver, node, j))
                    node = giver
                return path[::-1]
            todo.append(there)
    return []


class _Variants:
    """The PaperItems one item can become on a paper, one per option order, made when first drawn
    and shared by every paper that draws the same order (they are immutable)."""

    __slots__ = ("item", "labels", "made", "orders", "points")

    def __init__(self, item: Item, points: Decimal):
        self.item, self.points, self.labels = item, points, item.option_labels
        self.made: list[PaperItem | None]
        if item.fixed_order or item.type not in _CHOICE_TYPES:
            self.orders: tuple[tuple[int, ...], ...] | None = ()  # no draw: the bank's order
            self.made = [self._make(self.labels)]
        elif len(self.labels) > _MAX_TABLED_OPTIONS:
            self.orders, self.made = None, []  # shuffled each time
        else:  # one draw from all orders is cheaper than a shuffle and just as uniform
            self.orders = _orders(len(self.labels))
            self.made = [None] * len(self.orders)

    def _make(self, order: tuple[str, ...]) -> PaperItem:
        item = self.item
        return PaperItem(id=item.id, type=item.type.value, area=item.area, points=self.points, options_order=order)

    def draw(self, rng: random.Random) -> PaperItem:
        """The item on a paper, its options in an order drawn from `rng` (choice items only)."""
        orders = self.orders
        if orders is None:
            shuffled = list(self.labels)
            rng.shuffle(shuffled)
            return self._make(tuple(shuffled))
        if not orders:
            return self.made[0]  # type: ignore[return-value]
        n = rng.randrange(len(orders))
        made = self.made[n]
        if made is None:
            labels = self.labels
            made = self.made[n] = self._make(tuple(labels[i] for i in orders[n]))
        return made


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
        # id -> enemies among the items that can be drawn; empty when the pool has no enemy pair
        self._enemies = enemy_map(it for row in self.cells for cell in row for it in cell)
        self.allocation = self._allocate()
        self._buckets = [[self._by_difficulty(cell) for cell in row] for row in self.cells]
        self._variants: dict[str, _Variants] = {}  # item id -> its PaperItems, made as papers draw them
        # content codes (工作内容) per area, and each cell's items by code, both sorted
        self._codes = [sorted({it.code for cell in row for it in cell}, key=_code_order) for row in self.cells]
        self._by_code = [[self._items_by_code(cell) for cell in row] for row in self.cells]
        self._code_counts = [
            [[len(self._by_code[i][j].get(code, ())) for j in range(len(self.sections))] for code in codes]
            for i, codes in enumerate(self._codes)
        ]
        # per area, the units spread_over_codes shuffles (None: one code), made for this allocation
        self._units: tuple[list[tuple[int, ...]], list[list[int] | None]] | None = None
        # enemies only: whether a cell holds an item with an enemy, and items that are sure to fit
        self._touched: list[list[bool]] = []
        self._reserved: list[list[list[Item]]] = []
        if self._enemies:
            self._touched = [[any(it.id in self._enemies for it in cell) for cell in row] for row in self.cells]
            self._reserved = self._reserve_or_refuse()
        # the easiest and hardest mean difficulty a paper of this allocation can have, and a
        # Shortage when the blueprint's target (± tolerance) lies outside them
        self.difficulty_range = self._difficulty_range(self.allocation)
        self.difficulty_shortfall = self._difficulty_shortfall(self.difficulty_range)

    def difficulty_warning(self) -> str | None:
        """The words for difficulty_shortfall, headed like an AssemblyError; None when the target is in reach."""
        if self.difficulty_shortfall is None:
            return None
        bp = self.blueprint
        sub = f" {bp.subtype}" if bp.subtype else ""
        heading = (
            f"The bank cannot reach the blueprint's mean difficulty for {bp.standard}{sub} level "
            f"{bp.level.level} ({bp.level.name}):"
        )
        return f"{heading}\n  - {self.difficulty_shortfall}"

    def _difficulty_range(self, counts: Sequence[Sequence[int]]) -> tuple[float, float] | None:
        easy = hard = n = 0
        for row, row_counts in zip(self.cells, counts, strict=True):
            for cell, k in zip(row, row_counts, strict=True):
                k = min(k, len(cell))
                if k:
                    levels = sorted(it.difficulty for it in cell)
                    easy += sum(levels[:k])
                    hard += sum(levels[-k:])
                    n += k
        return (easy / n, hard / n) if n else None

    def _difficulty_shortfall(self, reach: tuple[float, float] | None) -> Shortage | None:
        mix = self.mix
        if reach is None:
            return None
        lowest, highest = reach
        target, tolerance = mix.difficulty_target, mix.difficulty_tolerance
        pool = [it.difficulty for row in self.cells for cell in row for it in cell]
        mean = sum(pool) / len(pool)
        where = mix.source or mix.name or "the blueprint"
        if highest < target - tolerance - 1e-9:
            detail = (
                f"mean difficulty: {where} sets the target {target:g} ± {tolerance:g}, but the hardest paper "
                f"these items make has {highest:.2f} (the level's items average {mean:.2f}); "
                f"write harder items or lower the target"
            )
        elif lowest > target + tolerance + 1e-9:
            detail = (
                f"mean difficulty: {where} sets the target {target:g} ± {tolerance:g}, but the easiest paper "
                f"these items make has {lowest:.2f} (the level's items average {mean:.2f}); "
                f"write easier items or raise the target"
            )
        else:
            return None
        return Shortage("", "difficulty", 0, 0, detail)

    @staticmethod
    def _items_by_code(cell: list[Item]) -> dict[str, list[Item]]:
        out: dict[str, list[Item]] = {}
        for item in cell:
            out.setdefault(item.code, []).append(item)
        return out

    @staticmethod
    def _by_difficulty(cell: list[Item]) -> dict[int, list[Item]]:
        out: dict[int, list[Item]] = {}
        for item in cell:
            out.setdefault(item.difficulty, []).append(item)
        return out

    # -- allocation -------------------------------------------------------------------------

    def _allocate(self) -> list[tuple[int, ...]]:
        available = [[len(cell) for cell in row] for row in self.cells]
        usable = [[self._usable(cell) for cell in row] for row in self.cells] if self._enemies else available
        found = self._solve(usable)
        if found is not None:
            return found
        shortages = self._diagnose(available, usable)
        ideal = self._solve(None)
        if ideal is not None:  # the target out of reach too: say so in the same message
            note = self._difficulty_shortfall(self._difficulty_range(ideal))
            shortages += [note] if note is not None else []
        raise AssemblyError(self._heading(), shortages)

    def _usable(self, cell: list[Item]) -> int:
        """How many of the cell's items can share a paper, counting only enemy pairs within the cell."""
        ids = {it.id for it in cell}
        adjacent = {it.id: self._enemies.get(it.id, frozenset()) & ids for it in cell}
        linked = {i: others for i, others in adjacent.items() if others}
        return len(cell) - len(linked) + (_max_independent(linked) if linked else 0)

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

    def _cell_name(self, i: int, j: int) -> str:
        section = self.sections[j]
        unit = "point" if section.points == 1 else "points"
        return f"{self.areas[i]} / {section.type.label_zh} ({section.type.value}, {_num(section.points)} {unit} each)"

    def _diagnose(self, available: list[list[int]], usable: list[list[int]] | None = None) -> list[Shortage]:
        usable = usable if usable is not None else available
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
                need, have = ideal[i][j], usable[i][j]
                if need > have:
                    if have < available[i][j]:
                        in_cell = {it.id for it in self.cells[i][j]}
                        pairs = [p for p in _pairs(self._enemies, in_cell) if p[0] in in_cell and p[1] in in_cell]
                        detail = (
                            f"{self._cell_name(i, j)}: needs {_items(need)}; the bank has {available[i][j]}, "
                            f"but enemies may not share a paper, so only {have} can "
                            f"(short by {_items(need - have)}, {_num(section.points * (need - have))} points); "
                            f"enemy pairs: {_show_pairs(pairs)}"
                        )
                    else:
                        detail = (
                            f"{self._cell_name(i, j)}: needs {_items(need)}, the bank has {have} "
                            f"(short by {_items(need - have)}, {_num(section.points * (need - have))} points)"
                        )
                    shortages.append(Shortage(area, section.type.value, need, have, detail))
        if not shortages:  # unreachable in theory: ideal fits the bank; keep the message honest
            shortages.append(Shortage("", None, 0, 0, "no allocation fits the bank's items"))
        return shortages

    # -- enemies ----------------------------------------------------------------------------

    def _deficits(self) -> list[tuple[int, int, int, list[Item]]]:
        """(area, section, how many, candidates): cells that need more items than they have with
        no enemy at all, how many of their enemy-bound items the paper must hold, and those items."""
        out = []
        for i, row in enumerate(self.cells):
            for j, cell in enumerate(row):
                bound = [it for it in cell if it.id in self._enemies]
                need = self.allocation[i][j] - (len(cell) - len(bound))
                if need > 0:
                    out.append((i, j, need, bound))
        return out

    def _search(self, rng: random.Random | None, budget: int) -> list[list[list[Item]]] | None:
        """Enemy-bound items for every deficit cell, no two of them enemies; None if there are none.

        Depth first over the tightest cells first, trying items with the fewest enemies first, or
        in an order drawn from `rng`; a step that leaves some cell too few items is not taken.
        Raises _OutOfBudget after `budget` steps.
        """
        reserved: list[list[list[Item]]] = [[[] for _ in row] for row in self.cells]
        order = []
        for i, j, need, bound in sorted(self._deficits(), key=lambda d: (len(d[3]) - d[2], d[0], d[1])):
            candidates = sorted(bound, key=lambda it: (len(self._enemies[it.id]), it.id))
            if rng is not None:
                rng.shuffle(candidates)
            order.append((i, j, need, candidates))
        if not order:
            return reserved
        blocked: Counter[str] = Counter()
        steps = 0

        def open_count(candidates: list[Item], start: int = 0) -> int:
            return sum(1 for it in candidates[start:] if not blocked[it.id])

        def enough_ahead(d: int, start: int, left: int) -> bool:
            """Cell d still has `left` open items from `start` on, and every later cell its need."""
            return open_count(order[d][3], start) >= left and all(open_count(c) >= n for _i, _j, n, c in order[d + 1 :])

        def place(d: int, start: int, left: int) -> bool:
            nonlocal steps
            steps += 1
            if steps > budget:
                raise _OutOfBudget
            if left == 0:
                return d + 1 == len(order) or place(d + 1, 0, order[d + 1][2])
            i, j, _need, candidates = order[d]
            for x in range(start, len(candidates)):
                item = candidates[x]
                if blocked[item.id]:
                    continue
                reserved[i][j].append(item)
                blocked.update(self._enemies[item.id])
                if enough_ahead(d, x + 1, left - 1) and place(d, x + 1, left - 1):
                    return True
                blocked.subtract(self._enemies[item.id])
                reserved[i][j].pop()
            return False

        fits = all(open_count(c) >= n for _i, _j, n, c in order)
        return reserved if fits and place(0, 0, order[0][2]) else None

    def _reserve_or_refuse(self) -> list[list[list[Item]]]:
        try:
            found = self._search(None, budget=200_000)
        except _OutOfBudget:
            found = None
            why = "no choice without an enemy pair was found within the search limit"
        else:
            why = "no choice of items can avoid every enemy pair"
        if found is not None:
            return found
        other = self._allocate_around_enemies()
        if other is not None:
            return other
        shortages = []
        for i, j, need, bound in self._deficits():
            free = len(self.cells[i][j]) - len(bound)
            pairs = _pairs(self._enemies, [it.id for it in bound])
            detail = (
                f"{self._cell_name(i, j)}: needs {_items(self.allocation[i][j])}; {free} have no enemy, "
                f"so {need} must come from items with enemies, and {why}; enemy pairs: {_show_pairs(pairs)}"
            )
            shortages.append(Shortage(self.areas[i], self.sections[j].type.value, self.allocation[i][j], free, detail))
        raise AssemblyError(self._heading(), shortages)

    def _allocate_around_enemies(self) -> list[list[list[Item]]] | None:
        """Another allocation, when the closest-to-proportional one needs enemy-bound items that
        cannot meet: cells that needed them get no more than their items without an enemy, and the
        other cells make up the points (a few rounds). Sets self.allocation when it succeeds."""
        first = self.allocation
        cap = [[self._usable(cell) for cell in row] for row in self.cells]
        for _round in range(6):
            for i, j, need, _bound in self._deficits():
                cap[i][j] = min(cap[i][j], self.allocation[i][j] - need)
            found = self._solve(cap)
            if found is None:
                break
            self.allocation = found
            try:
                reserved = self._search(None, budget=200_000)
            except _OutOfBudget:
                reserved = None
            if reserved is not None:
                return reserved
        self.allocation = first
        return None

    # -- per candidate ----------------------------------------------------------------------

    def _plan(self, rng: random.Random, usage: dict[str, int] | None = None) -> list[list[dict[str, int]]]:
        """plan[area][section] -> items per content code: each area's items spread over its codes
        as evenly as the bank allows (spread_over_codes), odd items placed by `rng`. For parallel
        forms (`usage`), a plan from items no form has used yet when one is just as even."""
        out = []
        sections = range(len(self.sections))
        if self._units is None or self._units[0] is not self.allocation:
            self._units = (self.allocation, [
                [j for j, k in enumerate(counts) for _ in range(k)] if len(codes) > 1 else None
                for counts, codes in zip(self.allocation, self._codes, strict=True)
            ])  # fmt: skip
        units = self._units[1]
        for i, codes in enumerate(self._codes):
            area_units = units[i]
            split = (
                _spread(self.allocation[i], self._code_counts[i], rng, area_units)
                if area_units is not None
                else spread_over_codes(self.allocation[i], self._code_counts[i], rng)
            )
            if usage:
                costs = [
                    [list(itertools.accumulate(sorted(usage.get(it.id, 0) for it in self._by_code[i][j].get(code, ())),
                                               initial=0)) for j in sections]
                    for code in codes
                ]  # fmt: skip
                _reuse_less(split, self._code_counts[i], costs)
            columns = zip(*split, strict=True) if split else ((),) * len(sections)  # per section: each code's count
            out.append([{c: k for c, k in zip(codes, column, strict=True) if k} for column in columns])
        return out

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
        blocked: dict[str, int] | None = None
        plan = self._plan(rng, usage)
        if self._enemies:
            chosen, blocked = self._draw_apart(rng, usage, plan)
        else:
            chosen = []
            for i, row in enumerate(self._by_code):
                chosen_row = []
                for j, by_code in enumerate(row):
                    picked: list[Item] = []
                    for code, k in plan[i][j].items():
                        if usage is None:
                            picked += rng.sample(by_code[code], k)
                        else:
                            picked += sorted(by_code[code], key=lambda it: (usage.get(it.id, 0), rng.random()))[:k]
                    chosen_row.append(picked)
                chosen.append(chosen_row)
        mean = self._steer_difficulty(chosen, rng, usage, blocked)

        by_section: list[list[Item]] = [[] for _ in self.sections]
        for area in chosen:
            for j, drawn in enumerate(area):
                by_section[j].extend(drawn)
        paper_items: list[PaperItem] = []
        variants = self._variants
        for j, section_items in enumerate(by_section):
            rng.shuffle(section_items)
            for item in section_items:
                ways = variants.get(item.id)
                if ways is None:
                    ways = variants[item.id] = _Variants(item, self.sections[j].points)
                paper_items.append(ways.draw(rng))
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

    def _draw_apart(
        self, rng: random.Random, usage: dict[str, int] | None, plan: list[list[dict[str, int]]]
    ) -> tuple[list[list[list[Item]]], dict[str, int]]:
        """The draw of _build, skipping items whose enemy is already in the paper.

        Returns the items per cell and, per item id, how many items in the paper are its enemies.
        """
        found = self._draw_greedy(rng, usage, None, plan)
        if found is None:  # stuck: put in enemy-bound items that fit together first, then draw again
            try:
                reserved = self._search(rng, budget=2_000)
            except _OutOfBudget:
                reserved = None
            found = self._draw_greedy(rng, usage, reserved or self._reserved, plan)
        assert found is not None  # the reserved items leave enough items without enemies for the rest
        return found

    def _draw_greedy(
        self,
        rng: random.Random,
        usage: dict[str, int] | None,
        reserved: list[list[list[Item]]] | None,
        plan: list[list[dict[str, int]]],
    ) -> tuple[list[list[list[Item]]], dict[str, int]] | None:
        """Each cell's items code by code as `plan` says, skipping items an enemy in the paper
        blocks; a code that runs short leaves its places to other codes of the cell."""
        blocked: dict[str, int] = {}
        taken: set[str] = set()
        enemies = self._enemies
        sample = rng.sample

        def take(item: Item, into: list[Item]) -> None:
            into.append(item)
            taken.add(item.id)
            others = enemies.get(item.id)
            if others:
                _count(blocked, others)

        def shuffled(items: list[Item]) -> list[Item]:
            if usage is None:
                return sample(items, len(items))
            return sorted(items, key=lambda it: (usage.get(it.id, 0), rng.random()))

        chosen: list[list[list[Item]]] = [[[] for _ in row] for row in self.cells]
        if reserved is not None:
            for i, row in enumerate(reserved):
                for j, items in enumerate(row):
                    for item in items:
                        take(item, chosen[i][j])
        for i, row in enumerate(self.cells):
            touched, allocation = self._touched[i], self.allocation[i]
            for j, cell in enumerate(row):
                k = allocation[j]
                picked = chosen[i][j]
                by_code = self._by_code[i][j]
                if not touched[j] and not picked and usage is None:
                    for code, n in plan[i][j].items():  # no item here has an enemy: the plain draw
                        picked += sample(by_code[code], n)
                    continue
                quota = dict(plan[i][j])
                for it in picked:
                    if it.code in quota:
                        quota[it.code] -= 1
                for code in plan[i][j]:
                    left = quota[code]
                    for item in shuffled(by_code[code]):  # (take, inline: this loop runs for most items)
                        if left <= 0 or len(picked) == k:
                            break
                        item_id = item.id
                        if item_id not in taken and not blocked.get(item_id):
                            picked.append(item)
                            taken.add(item_id)
                            others = enemies.get(item_id)
                            if others:
                                for x in others:
                                    blocked[x] = blocked.get(x, 0) + 1
                            left -= 1
                    quota[code] = left
                if len(picked) < k:  # top up from the rest of the cell
                    for item in shuffled(cell):
                        if len(picked) == k:
                            break
                        if item.id not in taken and not blocked.get(item.id):
                            take(item, picked)
                if len(picked) < k:
                    return None
        self._even_out(chosen, taken, blocked, rng)
        return chosen, blocked

    def _even_out(
        self, chosen: list[list[list[Item]]], taken: set[str], blocked: dict[str, int], rng: random.Random
    ) -> None:
        """Where an enemy kept a code from its share, swap items within cells until no area has
        a code with two or more items more than another code that has a free item of the same cell."""
        enemies = self._enemies
        for row in chosen:  # the plain draws too
            for cell in row:
                taken.update(map(_ID, cell))
        for i, row in enumerate(chosen):
            while True:
                totals = dict.fromkeys(self._codes[i], 0)
                for cell in row:
                    for code in map(_CODE, cell):
                        totals[code] += 1
                if max(totals.values(), default=0) - min(totals.values(), default=0) < 2:
                    break  # no code holds two items more than another: nothing to even out
                swap = None
                for a, b in itertools.permutations(self._codes[i], 2):
                    if totals[a] < totals[b] + 2:
                        continue
                    for j, picked in enumerate(row):
                        for leaving in (it for it in picked if it.code == a):
                            gone = enemies.get(leaving.id, frozenset())
                            free = [it for it in self._by_code[i][j].get(b, ())
                                    if it.id not in taken and blocked.get(it.id, 0) == (it.id in gone)]  # fmt: skip
                            if free:
                                swap = (picked, leaving, free[rng.randrange(len(free))])
                                break
                        if swap:
                            break
                    if swap:
                        break
                if swap is None:
                    break
                picked, leaving, coming = swap
                picked[_index(picked, leaving)] = coming
                taken.discard(leaving.id)
                taken.add(coming.id)
                _count(blocked, enemies.get(leaving.id, ()), -1)
                _count(blocked, enemies.get(coming.id, ()))

    def _steer_difficulty(
        self,
        chosen: list[list[list[Item]]],
        rng: random.Random,
        usage: dict[str, int] | None,
        blocked: dict[str, int] | None = None,
    ) -> float | None:
        """Swap items within cells until the mean difficulty is near the target. With enemies,
        `blocked` counts for each id the paper's items that are its enemies, and is kept up to date.

        A swap keeps the area's spread over content codes: the new item has the old one's code,
        or a code with fewer of the area's items than it (then the spread stays as even as it was)."""
        picked_all = [it for row in chosen for cell in row for it in cell]
        if not picked_all:
            return None
        n = len(picked_all)
        total = sum(it.difficulty for it in picked_all)
        target, tolerance = self.mix.difficulty_target, self.mix.difficulty_tolerance
        cells = [(i, j) for i in range(len(chosen)) for j in range(len(chosen[i])) if chosen[i][j]]
        in_paper = {it.id for it in picked_all}
        per_code: list[dict[str, int]] = []
        for row in chosen:
            per_code.append({})
            for cell in row:
                _count(per_code[-1], (it.code for it in cell))
        for _ in range(4 * n):
            gap = total / n - target
            if abs(gap) <= tolerance:
                break
            improved = False
            rng.shuffle(cells)
            for i, j in cells:
                picked = chosen[i][j]
                codes = per_code[i]
                replacement = None
                # the items whose replacement moves the mean most toward the target first
                for worst in sorted(picked, key=_DIFFICULTY, reverse=gap > 0):
                    wanted = range(1, worst.difficulty) if gap > 0 else range(worst.difficulty + 1, 6)
                    if not wanted:
                        break
                    replacement = self._replacement(i, j, wanted, in_paper, rng, usage, blocked, worst, codes)
                    if replacement is not None:
                        break
                if replacement is None:
                    continue
                codes[worst.code] = codes.get(worst.code, 0) - 1
                codes[replacement.code] = codes.get(replacement.code, 0) + 1
                picked[_index(picked, worst)] = replacement
                in_paper.discard(worst.id)
                in_paper.add(replacement.id)
                if blocked is not None:
                    _count(blocked, self._enemies.get(worst.id, ()), -1)
                    _count(blocked, self._enemies.get(replacement.id, ()))
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
        blocked: dict[str, int] | None = None,
        leaving: Item | None = None,
        per_code: dict[str, int] | None = None,
    ) -> Item | None:
        """An item of cell (i, j) at one of `difficulties` to take the place of `leaving`; given the
        area's items per code (`per_code`), of `leaving`'s code or a code with fewer items than it."""
        # enemies: leave out items with an enemy that stays in the paper (`leaving` leaves)
        gone = self._enemies.get(leaving.id, frozenset()) if blocked and leaving is not None else frozenset()
        buckets = self._buckets[i][j]
        allowed = None
        if per_code is not None and leaving is not None:
            here = per_code.get(leaving.code, 0)
            allowed = {leaving.code} | {c for c in self._codes[i] if per_code.get(c, 0) < here}
            if len(allowed) == len(self._codes[i]):
                allowed = None  # every code of the area will do
        for d in difficulties:
            bucket = buckets.get(d)
            if not bucket:
                continue
            if allowed is not None:
                bucket = [it for it in bucket if it.code in allowed]
                if not bucket:
                    continue
            if len(bucket) >= 32:  # large bucket: a few random probes beat a scan
                for _ in range(8):
                    candidate = bucket[rng.randrange(len(bucket))]
                    if candidate.id not in in_paper and not (blocked and blocked.get(candidate.id, 0) > (
                            candidate.id in gone)):  # fmt: skip
                        return candidate
            if blocked:
                free = [it for it in bucket if it.id not in in_paper and blocked.get(it.id, 0) <= (it.id in gone)]
            else:
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
