"""How a source scores a choice question, worked out for every response, against ExamDesk's rules.

QTI mappings, Moodle fractions and GIFT weights give each choice a value; the response scores the
sum, clamped to the bounds. ExamDesk scores a choice question all or nothing (full points for
exactly the key), or, where a paper's blueprint says so, proportionally (a share per key option
chosen, nothing when a wrong one is chosen) - app/domain/scoring.py. A source's scoring that comes
to neither for some response cannot be honoured: the reader lists the question as unsupported.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from decimal import Decimal

MAX_ENUMERATED = 12  # choices whose responses are all worked out
TOLERANCE = Decimal("0.0001")  # relative: weights such as 33.33333% sum to 100 within it


class NotHonoured(Exception):
    """The source scores the question in a way ExamDesk cannot; the message says how."""


def choice_key(
    ids: Sequence[str],
    value: Mapping[str, Decimal],
    default: Decimal = Decimal(0),
    lower: Decimal | None = None,
    upper: Decimal | None = None,
    max_choices: int = 0,
) -> tuple[set[str], Decimal, bool]:
    """(key, full score, proportional) for a choice question scored by summing `value` per chosen
    choice (others `default`) and clamping to `lower`..`upper`; `max_choices` 0 for any number.
    `proportional` is True when the source gives a share per key option chosen (and nothing with a
    wrong one), which ExamDesk matches only under a blueprint's proportional multiple credit."""
    if len(ids) > MAX_ENUMERATED:
        raise NotHonoured(f"a scored choice question with {len(ids)} choices (ExamDesk works out at most "
                          f"{MAX_ENUMERATED})")  # fmt: skip

    def clamp(v: Decimal) -> Decimal:
        if lower is not None and v < lower:
            v = lower
        if upper is not None and v > upper:
            v = upper
        return v

    most = len(ids) if max_choices <= 0 else min(max_choices, len(ids))
    scores: dict[tuple[str, ...], Decimal] = {}
    for size in range(1, most + 1):
        for chosen in itertools.combinations(ids, size):
            scores[chosen] = clamp(sum((value.get(c, default) for c in chosen), Decimal(0)))
    best = max(scores.values())
    if best <= 0:
        raise NotHonoured("no response scores more than 0")
    slack = TOLERANCE * best

    def near(a: Decimal, b: Decimal) -> bool:
        return abs(a - b) <= slack

    winners = [chosen for chosen, score in scores.items() if near(score, best)]
    if len(winners) == 1:
        key = set(winners[0])
        if all(near(score, Decimal(0)) for chosen, score in scores.items() if chosen != winners[0]):
            return key, best, False
        if all(near(score, best * len(chosen) / len(key)) if set(chosen) <= key else near(score, Decimal(0))
               for chosen, score in scores.items()):  # fmt: skip
            return key, best, True
    raise NotHonoured("it gives partial credit that is neither all or nothing nor a share per correct option "
                      "(with nothing for a wrong one)")  # fmt: skip
