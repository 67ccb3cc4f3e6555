"""Questions (items) and skill tasks, and the rules a well-formed one obeys."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from functools import cached_property

from app.domain.standards import Level, LevelId, Part, Standard


class ItemType(StrEnum):
    SINGLE = "single"
    MULTIPLE = "multiple"
    TRUEFALSE = "truefalse"
    FILL = "fill"
    SHORT = "short"
    CASE = "case"

    @property
    def is_choice(self) -> bool:
        return self in (ItemType.SINGLE, ItemType.MULTIPLE)

    @property
    def examiner_scored(self) -> bool:
        return self in (ItemType.SHORT, ItemType.CASE)

    @property
    def label_zh(self) -> str:
        return _TYPE_LABELS[self]


_TYPE_LABELS = {
    ItemType.SINGLE: "单项选择题",
    ItemType.MULTIPLE: "多项选择题",
    ItemType.TRUEFALSE: "判断题",
    ItemType.FILL: "填空题",
    ItemType.SHORT: "简答题",
    ItemType.CASE: "案例分析题",
}

FILL_BLANK = re.compile(r"_{4,}")
OPTION_LABELS = "ABCDEFGH"

# key shapes: single -> "B"; multiple -> ("A", "C"); truefalse -> True;
# fill -> (("答案", "同义"), ("第二空",)); short/case -> model answer text or None
Key = str | tuple[str, ...] | bool | tuple[tuple[str, ...], ...] | None


@dataclass(frozen=True)
class RubricPoint:
    point: str
    max: Decimal


@dataclass(frozen=True)
class Item:
    id: str
    type: ItemType
    area: str
    code: str
    levels: tuple[LevelId, ...]
    difficulty: int
    points: Decimal
    stem: str
    options: tuple[tuple[str, str], ...] = ()
    key: Key = None
    explanation: str = ""
    media: tuple[str, ...] = ()
    fixed_order: bool = False
    rubric: tuple[RubricPoint, ...] = ()
    bank: str = ""
    # ids of items that cue or give away this one (互斥题), as the bank lists them; the relation
    # is symmetric, so an item may be another's enemy without listing it: see enemy_map()
    enemies: tuple[str, ...] = ()

    @cached_property
    def option_labels(self) -> tuple[str, ...]:
        return tuple(label for label, _ in self.options)


def enemy_map(items: Iterable[Item]) -> dict[str, frozenset[str]]:
    """Each item's enemies among `items`, both ways round (A listing B makes each the other's enemy).

    Enemies outside `items`, and an item naming itself, are dropped; items left with no enemy are
    not keys, so an empty map means the items hold no enemy pair at all.
    """
    listed = list(items)
    listing = [it for it in listed if it.enemies]
    if not listing:
        return {}
    pool = {it.id for it in listed}
    found: dict[str, set[str]] = {}
    for it in listing:
        for other in it.enemies:
            if other in pool and other != it.id:
                found.setdefault(it.id, set()).add(other)
                found.setdefault(other, set()).add(it.id)
    return {item_id: frozenset(others) for item_id, others in found.items()}


class TaskMode(StrEnum):
    """How a skill task is assessed (the standards' 1.9: 机考, 现场操作, 模拟操作, 现场问答)."""

    WRITTEN = "written"  # the candidate types; examiners score afterwards, blind
    OBSERVED = "observed"  # 现场操作 / 模拟操作: examiners watch and score live; nothing is typed
    ORAL = "oral"  # 现场问答: the candidate draws a question card; examiners score the answer live

    @property
    def live(self) -> bool:
        """Scored by the examiners while the candidate performs, not from a typed answer."""
        return self is not TaskMode.WRITTEN

    @property
    def identity_hidden(self) -> bool:
        """An observed candidate stands in front of the examiners: their identity cannot be hidden."""
        return self is not TaskMode.OBSERVED


# the forms an observed task takes, as the standards name them
OBSERVED_FORMS = ("现场操作", "模拟操作")


@dataclass(frozen=True)
class OralCard:
    """A question card of an oral task's pool: what the candidate is asked, and the points the
    examiners expect in the answer (shown to them only)."""

    question: str
    expected: tuple[str, ...] = ()


@dataclass(frozen=True)
class SkillTask:
    id: str
    area: str
    code: str
    levels: tuple[LevelId, ...]
    title: str
    instructions: str
    minutes: int
    rubric: tuple[RubricPoint, ...]
    bank: str = ""
    mode: TaskMode = TaskMode.WRITTEN
    form: str = ""  # an observed task's form: 现场操作 or 模拟操作
    cards: tuple[OralCard, ...] = ()  # an oral task's pool of question cards

    @property
    def max_score(self) -> Decimal:
        return sum((p.max for p in self.rubric), Decimal(0))


def _is_half_multiple(value: Decimal) -> bool:
    return (value * 2) == (value * 2).to_integral_value()


def check_item_shape(item: Item) -> list[tuple[str, str]]:
    """Problems with an item on its own, as (field, message) pairs."""
    problems: list[tuple[str, str]] = []
    if not item.stem.strip():
        problems.append(("stem", "empty"))
    if item.points <= 0 or not _is_half_multiple(item.points):
        problems.append(("points", f"must be a positive multiple of 0.5, got {item.points}"))
    if not 1 <= item.difficulty <= 5:
        problems.append(("difficulty", f"must be 1..5, got {item.difficulty}"))
    if not item.levels:
        problems.append(("levels", "empty: list the levels whose papers may use this item"))
    for i, other in enumerate(item.enemies):
        if other == item.id:
            problems.append((f"enemies[{i}]", "an item cannot be its own enemy"))

    if item.type.is_choice:
        problems += _check_options(item)
    elif item.options:
        problems.append(("options", f"a {item.type.value} item has no options"))

    key = item.key
    labels = set(item.option_labels)
    if item.type is ItemType.SINGLE:
        if not isinstance(key, str):
            problems.append(("key", "must be one option label, e.g. B"))
        elif key not in labels:
            problems.append(("key", f"{key} is not among the options {'/'.join(item.option_labels)}"))
    elif item.type is ItemType.MULTIPLE:
        if not isinstance(key, tuple) or not all(isinstance(k, str) for k in key):
            problems.append(("key", "must be a list of option labels, e.g. [A, C]"))
        else:
            missing = [k for k in key if isinstance(k, str) and k not in labels]  # all are (above); for mypy
            if missing:
                problems.append(("key", f"{', '.join(missing)} not among the options"))
            if len(set(key)) != len(key):
                problems.append(("key", "a label is listed twice"))
            if len(set(key)) < 2:
                problems.append(("key", "a multiple-choice item needs at least two correct options"))
            elif labels and set(key) == labels:
                problems.append(("key", "every option is correct; leave at least one wrong option"))
    elif item.type is ItemType.TRUEFALSE:
        if not isinstance(key, bool):
            problems.append(("key", "must be true or false"))
    elif item.type is ItemType.FILL:
        blanks = len(FILL_BLANK.findall(item.stem))
        if not isinstance(key, tuple) or not key or not all(isinstance(b, tuple) and b for b in key):
            problems.append(("key", "must be one list of accepted answers per blank"))
        elif blanks != len(key):
            problems.append(("key", f"the stem has {blanks} blank(s) (____) but the key has {len(key)}"))
    elif item.type.examiner_scored:
        if not item.rubric:
            problems.append(("rubric", f"a {item.type.value} item needs a rubric"))
        else:
            total = sum((p.max for p in item.rubric), Decimal(0))
            if total != item.points:
                problems.append(("rubric", f"maxima add up to {total}, but points is {item.points}"))
    for i, rp in enumerate(item.rubric):
        if rp.max <= 0:
            problems.append((f"rubric[{i}].max", "must be positive"))
    return problems


def _check_options(item: Item) -> list[tuple[str, str]]:
    problems: list[tuple[str, str]] = []
    labels = item.option_labels
    if not 3 <= len(labels) <= len(OPTION_LABELS):
        problems.append(("options", f"needs 3 to {len(OPTION_LABELS)} options, has {len(labels)}"))
    expected = OPTION_LABELS[: len(labels)]
    if "".join(labels) != expected:
        problems.append(("options", f"labels must be {', '.join(expected)} in order"))
    texts = [text.strip() for _, text in item.options]
    for label, text in item.options:
        if not text.strip():
            problems.append((f"options.{label}", "empty option text"))
    dupes = sorted({t for t in texts if t and texts.count(t) > 1})
    for text in dupes:
        problems.append(("options", f"the option text {text!r} appears twice"))
    return problems


def check_task_shape(task: SkillTask) -> list[tuple[str, str]]:
    problems: list[tuple[str, str]] = []
    if not task.title.strip():
        problems.append(("title", "empty"))
    if not task.instructions.strip():
        problems.append(("instructions", "empty"))
    if not task.levels:
        problems.append(("levels", "empty"))
    if task.minutes <= 0:
        problems.append(("minutes", "must be positive"))
    if not task.rubric:
        problems.append(("rubric", "a skill task needs at least one scoring point"))
    for i, rp in enumerate(task.rubric):
        if rp.max <= 0:
            problems.append((f"rubric[{i}].max", "must be positive"))
    problems += _check_mode(task)
    return problems


MIN_ORAL_CARDS = 2  # a pool of one card is a fixed question: every candidate would know it in advance


def _check_mode(task: SkillTask) -> list[tuple[str, str]]:
    problems: list[tuple[str, str]] = []
    if task.mode is TaskMode.OBSERVED:
        if task.form not in OBSERVED_FORMS:
            problems.append(("form", f"an observed task says its form: {' or '.join(OBSERVED_FORMS)}"))
    elif task.form:
        problems.append(("form", f"only an observed task has a form; this task is {task.mode.value}"))
    if task.mode is TaskMode.ORAL:
        if len(task.cards) < MIN_ORAL_CARDS:
            problems.append(("cards", f"an oral task needs a pool of at least {MIN_ORAL_CARDS} question cards, "
                                      f"has {len(task.cards)}"))  # fmt: skip
        questions = [c.question.strip() for c in task.cards]
        for i, card in enumerate(task.cards):
            if not card.question.strip():
                problems.append((f"cards[{i}].question", "empty"))
            elif questions.count(card.question.strip()) > 1:
                problems.append((f"cards[{i}].question", "the same question is in the pool twice"))
            if not card.expected:
                problems.append((f"cards[{i}].expected", "list the points the examiners expect in the answer"))
    elif task.cards:
        problems.append(("cards", f"only an oral task has question cards; this task is {task.mode.value}"))
    return problems


def check_placement(
    std: Standard,
    levels_of_groups: list[tuple[str | None, tuple[Level, ...]]],
    item_levels: tuple[LevelId, ...],
    area: str,
    code: str,
    part: Part,
    *,
    open_areas: bool = False,
) -> list[tuple[str, str]]:
    """Does (area, code) fit every listed level in the standard or subtype groups the bank serves?

    With `open_areas` (a standard without official weights, read without a weight file), an area
    the level does not define may be one of the exam owner's own (a weight file's `own_areas`): it
    is not refused here, and is checked when a weight file that defines it is applied."""
    problems: list[tuple[str, str]] = []
    found_code = False
    owner_area = False
    for level_id in item_levels:
        matches = [lv for _, levels in levels_of_groups for lv in levels if str(lv.level) == str(level_id)]
        if not matches:
            names = sorted({str(lv.level) for _, levels in levels_of_groups for lv in levels})
            problems.append(("levels", f"level {level_id} does not exist; known: {', '.join(names)}"))
            continue
        for lv in matches:
            area_obj = lv.area(area)
            weights = lv.weights(part)
            if area_obj is None:
                if open_areas:
                    owner_area = True
                elif not std.official_weights:
                    problems.append(("area", f"level {lv.level} has no area {area!r}, and no weight file read "
                                             f"with this bank adds it (own_areas)"))  # fmt: skip
                else:
                    problems.append(("area", f"level {lv.level} has no area {area!r}"))
                continue
            if std.official_weights and weights is not None and area not in weights:
                problems.append(("area", f"{area} is not weighted in the {part.value} table of level {lv.level}"))
            if area_obj.content(code) is not None:
                found_code = True
    if not found_code and not owner_area and not any(p[0] == "area" or p[0] == "levels" for p in problems):
        problems.append(("code", f"no content {code!r} under {area} in the listed levels"))
    return problems
