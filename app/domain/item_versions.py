"""Item versions and calibrated difficulty (issue 22): what makes two appearances of an item the
same item, and the difficulty level its observed p gives once enough candidates have answered it.

No numpy here: the catalogue uses it to assemble papers.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from app.domain.items import Item, ItemType


def content_digest(item_type: str, stem: str, options: Sequence[str], keyed: Any) -> str:
    """SHA-256 (hex) of what makes an item the same item: its type, stem, option texts and key.

    Independent of option order (papers permute options per candidate) and of the points a paper
    gives it; `keyed` is the right options' texts (choice items), True/False, the accepted answers
    per blank (fill), or a model answer or rubric (written items)."""
    if isinstance(keyed, (set, frozenset, list, tuple)) and all(isinstance(k, str) for k in keyed):
        keyed = sorted(keyed)
    data = {"type": item_type, "stem": stem, "options": sorted(options), "key": keyed}
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def item_version_key(bank: str, bank_version: str, item_id: str, digest: str) -> str:
    """`bank@version/item#digest12`: statistics belong to this exact version of an item.
    An unknown bank or version is written `?`."""
    return f"{bank or '?'}@{bank_version or '?'}/{item_id}#{digest[:12]}"


@dataclass(frozen=True)
class ItemOrigin:
    """What an item version key stands for: the bank and bank version the item came from, its id in
    that bank and the SHA-256 of its content (`content_digest`)."""

    bank: str
    bank_version: str
    item_id: str
    digest: str


def bank_item_digest(item: Item) -> str:
    """`content_digest` of an item as its bank holds it: the same digest its paper snapshots give."""
    texts = dict(item.options)
    key: Any = item.key
    if item.type is ItemType.SINGLE:
        key = [texts.get(str(key), key)]
    elif item.type is ItemType.MULTIPLE:
        key = sorted(texts.get(k, k) for k in key)
    elif item.type is ItemType.FILL:
        key = [list(blank) for blank in key]
    elif item.type.examiner_scored:
        key = {"key": key, "rubric": [[p.point, str(p.max)] for p in item.rubric]}
    return content_digest(item.type.value, item.stem, list(texts.values()), key)


# -- calibrated difficulty --------------------------------------------------------------------

# How many candidates' answers to one item version (pooled over sessions) before its observed p
# replaces the difficulty its bank declares. The standard error of p is sqrt(p(1-p)/n): at n = 100
# it is at most 0.05, i.e. 0.2 of a step on the 1..5 scale (4 steps span p = 1 .. 0), so the rounded
# level is off by one at most where p lies within 0.05 of a boundary. At 30 (where the analysis
# stops calling figures unstable) it is up to 0.09, a third of a step each way, and a session's
# quirks (one room, one teacher) would move items across levels; 100 needs several sessions.
CALIBRATION_MINIMUM = 100


def difficulty_from_p(p: float) -> int:
    """The 1 (easy) .. 5 (hard) level of an observed difficulty p, linear in p: p = 1 -> 1, p = 0 -> 5,
    each level a band of width 0.25 around 1 - (level - 1) / 4 (p above 0.875 -> 1, above 0.625 -> 2, ...).
    Rounded half up; p outside 0..1 is clamped."""
    p = min(1.0, max(0.0, p))
    return max(1, min(5, math.floor(1 + 4 * (1 - p) + 0.5)))


def calibrated_difficulty(observed: Iterable[tuple[int, float]]) -> int | None:
    """The calibrated level of an item from its (n, p) per session, pooled (p weighted by n);
    None below CALIBRATION_MINIMUM candidates in all."""
    n = 0
    earned = 0.0
    for count, p in observed:
        if count > 0 and p is not None and math.isfinite(p):
            n += count
            earned += count * p
    if n < CALIBRATION_MINIMUM:
        return None
    return difficulty_from_p(earned / n)


Observed = Mapping[tuple[str, str, str], tuple[int, float]]  # (bank, item id, digest) -> (n, pooled p)


def calibrated_levels(items: Iterable[Item], observed: Observed) -> dict[str, int]:
    """item id -> calibrated difficulty, for the items whose exact content (bank, id, digest) has
    been answered by at least CALIBRATION_MINIMUM candidates. A bank version that leaves an item's
    content unchanged keeps its data; a changed item starts again."""
    if not observed:
        return {}
    seen = {(bank, item_id) for bank, item_id, _digest in observed}
    out = {}
    for item in items:
        if (item.bank, item.id) not in seen:
            continue
        n, p = observed.get((item.bank, item.id, bank_item_digest(item)), (0, math.nan))
        level = calibrated_difficulty([(n, p)])
        if level is not None:
            out[item.id] = level
    return out
