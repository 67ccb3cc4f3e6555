"""Scoring rules: objective items, examiner aggregation, skill and review parts, pass/fail.

All arithmetic is on Decimal so that 0.5-point items and weighted sums add up exactly;
part scores are rounded half-up to two decimals only when a result is stated.
"""

from __future__ import annotations

import statistics
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import TypeGuard

from app.domain.blueprint import MultipleCredit
from app.domain.items import Item, ItemType, SkillTask
from app.domain.standards import Level, Part
from app.errors import Message

HUNDREDTH = Decimal("0.01")

# A candidate's response: single -> "B"; multiple -> {"A", "C"}; truefalse -> bool;
# fill -> ["答案1", "答案2"]; short/case -> text (scored by examiners).
Response = str | bool | frozenset[str] | set[str] | Sequence[str] | None


def normalise_answer(text: str) -> str:
    """Fold full-width forms, letter case and spacing so equivalent answers compare equal."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(folded.split())


def score_objective(
    item: Item,
    response: Response,
    points: Decimal | None = None,
    multiple_credit: MultipleCredit = MultipleCredit.ALL_OR_NOTHING,
) -> Decimal:
    """Points earned on an automatically scored item; `points` overrides the item's own."""
    full = item.points if points is None else points
    if response is None:
        return Decimal(0)
    if item.type is ItemType.SINGLE:
        return full if response == item.key else Decimal(0)
    if item.type is ItemType.TRUEFALSE:
        return full if isinstance(response, bool) and response is item.key else Decimal(0)
    if item.type is ItemType.MULTIPLE:
        if not _strings(response):  # a shape the save refuses today may sit in an older store: no credit
            return Decimal(0)
        chosen = {response} if isinstance(response, str) else set(response)
        key = set(item.key)  # type: ignore[arg-type]  # a multiple-choice key is labels (check_item_shape)
        if chosen == key:
            return full
        if multiple_credit is MultipleCredit.PROPORTIONAL and chosen and chosen <= key:
            return full * len(chosen) / len(key)
        return Decimal(0)
    if item.type is ItemType.FILL:
        blanks: tuple[tuple[str, ...], ...] = item.key  # type: ignore[assignment]  # a fill key: answers per blank
        if not _strings(response):
            return Decimal(0)
        answers = [response] if isinstance(response, str) else list(response)
        share = full / len(blanks)
        earned = Decimal(0)
        for accepted, given in zip(blanks, answers, strict=False):
            if isinstance(given, str) and normalise_answer(given) in {normalise_answer(a) for a in accepted}:
                earned += share
        return earned
    raise ValueError(f"{item.type.value} items are scored by examiners, not automatically")


def _strings(response: object) -> TypeGuard[str | list[str] | tuple[str, ...] | set[str] | frozenset[str]]:
    """A string, or a list, tuple or set of strings: the only responses a choice or blank can score."""
    if isinstance(response, str):
        return True
    return isinstance(response, list | tuple | set | frozenset) and all(isinstance(r, str) for r in response)


class Aggregation(StrEnum):
    MEAN = "mean"
    MEDIAN = "median"


@dataclass(frozen=True)
class AggregateScore:
    score: Decimal
    spread: Decimal  # highest minus lowest examiner score
    needs_arbitration: bool
    scores: tuple[Decimal, ...]


def aggregate_examiner_scores(
    scores: Sequence[Decimal],
    *,
    method: Aggregation = Aggregation.MEAN,
    spread_threshold: Decimal | None = None,
) -> AggregateScore:
    """Combine several examiners' scores for one task or written answer.

    A spread above `spread_threshold` flags the task for arbitration by the chief examiner.
    """
    if not scores:
        raise ValueError("no examiner scores to aggregate")
    values = tuple(Decimal(s) for s in scores)
    if method is Aggregation.MEDIAN:
        combined = Decimal(statistics.median(values))
    else:
        combined = sum(values, Decimal(0)) / len(values)
    spread = max(values) - min(values)
    flagged = spread_threshold is not None and spread > spread_threshold
    return AggregateScore(combined, spread, flagged, values)


def rubric_total(task: SkillTask, awarded: Mapping[int, Decimal]) -> Decimal:
    """An examiner's score for a task: points awarded per rubric point, each within bounds."""
    total = Decimal(0)
    for index, value in awarded.items():
        if not 0 <= index < len(task.rubric):
            raise ValueError(f"{task.id}: no rubric point {index + 1}")
        limit = task.rubric[index].max
        if not Decimal(0) <= value <= limit:
            raise ValueError(
                f"{task.id}: rubric point {index + 1} ({task.rubric[index].point}) allows 0..{limit}, got {value}"
            )
        total += value
    return total


def skill_score(weights: Mapping[str, int], task_scores: Mapping[str, tuple[Decimal, Decimal]]) -> Decimal:
    """Sum over areas of weight x (task score / task maximum); out of 100.

    `task_scores` maps area -> (aggregated score, the task's maximum score).
    """
    total = Decimal(0)
    for area, weight in weights.items():
        if area not in task_scores:
            raise ValueError(f"no skill task score for area {area}")
        earned, maximum = task_scores[area]
        if maximum <= 0:
            raise ValueError(f"task for {area} has no positive maximum")
        total += Decimal(weight) * earned / maximum
    return total


def review_score(panel_scores: Sequence[Decimal], *, min_members: int = 3, odd: bool = True) -> Decimal:
    """A comprehensive-review score: the mean of the panel members' scores (each out of 100)."""
    if len(panel_scores) < min_members or (odd and len(panel_scores) % 2 == 0):
        rule = Message("at least {least} and an odd number of" if odd else "at least {least}", least=min_members)
        raise ValueError(Message("a review panel needs {rule} members, got {count}",
                                 rule=rule, count=len(panel_scores)))  # fmt: skip
    for s in panel_scores:
        if not Decimal(0) <= Decimal(s) <= 100:
            raise ValueError(Message("review scores are out of 100, got {score}", score=s))
    return sum((Decimal(s) for s in panel_scores), Decimal(0)) / len(panel_scores)


def stated(score: Decimal) -> Decimal:
    """A score as it is printed and compared with the pass mark."""
    return score.quantize(HUNDREDTH, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class PartResult:
    part: Part
    score: Decimal | None  # None: not sat / not yet scored
    passed: bool


class Verdict(StrEnum):
    PASS = "pass"  # 合格
    FAIL = "fail"  # 不合格
    PENDING = "pending"  # 待定: a required part has no score yet


@dataclass(frozen=True)
class Outcome:
    parts: tuple[PartResult, ...]
    passed: bool
    missing: tuple[Part, ...]

    @property
    def verdict(self) -> Verdict:
        """A failed part decides at once; otherwise the result waits for every required part."""
        if any(r.score is not None and not r.passed for r in self.parts):
            return Verdict.FAIL
        return Verdict.PENDING if self.missing else Verdict.PASS

    def part(self, part: Part) -> PartResult | None:
        return next((r for r in self.parts if r.part is part), None)


def required_parts(level: Level) -> tuple[Part, ...]:
    return required_parts_for(level.review_required)


def required_parts_for(review_required: bool) -> tuple[Part, ...]:
    return (Part.THEORY, Part.SKILL, Part.REVIEW) if review_required else (Part.THEORY, Part.SKILL)


def part_passed(score: Decimal, pass_mark: int) -> bool:
    """A part is passed with a stated score of at least the standard's pass mark (1.9: 60 of 100)."""
    return stated(Decimal(score)) >= pass_mark


def decide(level: Level, scores: Mapping[Part, Decimal | None], pass_mark: int = 60) -> Outcome:
    """Pass when every part the level requires has a score of at least the pass mark."""
    return decide_parts(required_parts(level), scores, pass_mark)


def decide_parts(required: Sequence[Part], scores: Mapping[Part, Decimal | None], pass_mark: int) -> Outcome:
    """`decide` for a list of required parts (when the level itself is no longer at hand)."""
    results = []
    missing = []
    for part in required:
        score = scores.get(part)
        if score is None:
            missing.append(part)
            results.append(PartResult(part, None, False))
        else:
            final = stated(Decimal(score))
            results.append(PartResult(part, final, part_passed(final, pass_mark)))
    return Outcome(tuple(results), all(r.passed for r in results), tuple(missing))


def theory_score(
    items: Iterable[tuple[Item, Decimal, Response]],
    multiple_credit: MultipleCredit = MultipleCredit.ALL_OR_NOTHING,
) -> Decimal:
    """Objective part of a theory paper: (item, points on this paper, response) triples."""
    return sum(
        (score_objective(item, resp, pts, multiple_credit) for item, pts, resp in items),
        Decimal(0),
    )
