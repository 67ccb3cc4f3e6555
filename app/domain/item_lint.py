"""Item-writing lint: patterns that let a candidate answer without knowing the content.

Warnings, not errors: a bank with them is valid and papers are built from it; the item writer
looks at each and either revises the item or says in a YAML comment why it stays (see
docs/bank-format.md, "Item-writing lint"). The rules follow the usual guidance for objective items
(e.g. Haladyna, Downing and Rodriguez 2002): avoid specific determiners, options of unequal length,
"all/none of the above", implausible distractors, and keys that favour one position.

Per item:
- `long-option`: a choice item whose longest option is at least twice as long as the others on
  average and at least 4 characters longer than the next one (the longest option is usually the
  key, and candidates know it);
- `above-option`: an option such as 以上都对, 以上都不对, 以上都是 (it rewards partial knowledge, and
  option order shuffling breaks it);
- `absurd-distractor`: a distractor no candidate would choose (随便, 无所谓, 置之不理, ...);
- `negated-absolute`: a choice item whose stem asks for the wrong or unsuitable option (不正确的是,
  错误的是, 不属于, 违反…的有) and whose only absolutely worded options (总是, 从不, 一定, 绝对, ...)
  are keys: absolute statements are usually false, so the candidate who knows it picks the key
  without knowing the content (the choice-item twin of `absolute-wording`).

Per bank file (the file is what a writer revises; the warning names the items):
- `absolute-wording`: 判断题 with absolute wording (只要, 只需, 无须, 一定, 越…越好, ...) keyed
  almost always one way (fewer than 30% the other way, among 3 or more such items);
- `key-balance`: 单项选择题 keys far from even over the letters (chi-square test against an even
  spread, p < 0.05, among 8 or more four-option items), or 判断题 keyed true less than 30% or
  more than 70% of the time (among 10 or more).
"""

from __future__ import annotations

import math
import re
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from app.domain.items import Item, ItemType

RULES = ("absolute-wording", "long-option", "above-option", "absurd-distractor", "negated-absolute", "key-balance")

ABSOLUTE = re.compile(
    r"只要|只需|无须|无需|一定|越[^。；]{0,12}越好|绝对|从不|总是|一律|完全不|所有[^，。；]{0,8}都"
)
# an option's absolute wording: the 判断题 words and a few that only read as absolute in a statement
ABSOLUTE_OPTION = re.compile(ABSOLUTE.pattern + r"|永远|必然|必定|凡是|任何[^，。；]{0,8}都")
# a stem that asks for the wrong one: looked for in its last clause, the question itself, so that
# "错误答案集中在…，最恰当的判断是（　）" is no negated stem; "而不是"/"并不" only contrast
NEGATED_STEM = re.compile(
    r"错误|不正确|不恰当|不妥|不合理|不准确|不符合|不属于|不包括|不应|不宜|不得|不能|不可以|有误|违反|违背"
)
_CONTRAST = re.compile(r"而不是|并不|是否")
_CLAUSES = re.compile(r"[，,。；;：:！？!?]")
_QUOTED = re.compile(r"“[^”]*”|「[^」]*」|《[^》]*》")  # a quotation's commas do not end the question's clause
ABOVE = re.compile(r"以上(?:都|均|皆|全)(?:对|是|正确|不对|不是|错误|不正确)|以上(?:选项|说法)(?:都|均)")
ABSURD = re.compile(r"随便|无所谓|置之不理|不予理睬|不理睬|辱骂|嘲笑|挖苦")


@dataclass(frozen=True)
class Finding:
    rule: str
    item_id: str  # the item the warning is reported at (for a file rule: the first item concerned)
    field: str  # "stem", "options.B", "key"
    message: str


def lint_item(item: Item) -> list[Finding]:
    if not item.type.is_choice or not item.options:
        return []
    found: list[Finding] = []
    keys = set(item.key) if isinstance(item.key, tuple) else {item.key}
    lengths = sorted(((len(text.strip()), label) for label, text in item.options), reverse=True)
    if len(lengths) >= 3:
        (longest, label), (second, _) = lengths[0], lengths[1]
        others = statistics.mean(n for n, _ in lengths[1:])
        if longest >= 2 * others and longest - second >= 4:
            role = "the key" if label in keys else "a distractor"
            found.append(Finding(
                "long-option", item.id, f"options.{label}",
                f"option {label} ({role}) has {longest} characters, the others {others:.1f} on average: "
                f"candidates pick the longest option; make the options about as long",
            ))  # fmt: skip
    for label, text in item.options:
        if ABOVE.search(text):
            found.append(Finding(
                "above-option", item.id, f"options.{label}",
                f"option {label} is '{text.strip()}': it rewards partial knowledge and needs a fixed "
                f"order; write a fourth plausible option instead",
            ))  # fmt: skip
        elif label not in keys and ABSURD.search(text):
            found.append(Finding(
                "absurd-distractor", item.id, f"options.{label}",
                f"distractor {label} ('{text.strip()}') is one no candidate would choose: write a "
                f"mistake a candidate could make",
            ))  # fmt: skip
    found += _negated_absolute(item, {str(k) for k in keys})
    return found


def negated_stem(stem: str) -> bool:
    """Whether the stem asks for the wrong or unsuitable option(s): a negation in its last clause."""
    clauses = [c for c in _CLAUSES.split(_QUOTED.sub("“”", stem)) if c.strip(" \u3000（）()")]
    question = _CONTRAST.sub("", clauses[-1]) if clauses else ""
    return NEGATED_STEM.search(question) is not None


def _negated_absolute(item: Item, keys: set[str]) -> list[Finding]:
    absolute = [label for label, text in item.options if ABSOLUTE_OPTION.search(text)]
    if not absolute or not set(absolute) <= keys or not negated_stem(item.stem):
        return []
    labels = "、".join(absolute)
    words = "、".join(sorted({m[0] for label, text in item.options if label in absolute
                             and (m := ABSOLUTE_OPTION.search(text)) is not None}))  # fmt: skip
    return [Finding(
        "negated-absolute", item.id, f"options.{absolute[0]}",
        f"the stem asks for the wrong option and only the key ({labels}) has absolute wording ({words}): "
        f"candidates know that absolute statements are usually false and pick it without knowing the content; "
        f"word the key without it, or a distractor with it",
    )]  # fmt: skip


def lint_file(items: Sequence[Item]) -> list[Finding]:
    """The rules over one bank file's items."""
    found: list[Finding] = []
    absolute = [it for it in items if it.type is ItemType.TRUEFALSE and ABSOLUTE.search(it.stem)]
    if len(absolute) >= 3:
        keyed = Counter(bool(it.key) for it in absolute)
        fewer = min(keyed[True], keyed[False])
        if fewer / len(absolute) < 0.3:
            most = keyed[False] >= keyed[True]
            word = "false" if most else "true"
            ids = ", ".join(it.id for it in absolute if bool(it.key) is not most)
            found.append(Finding(
                "absolute-wording", absolute[0].id, "stem",
                f"{keyed[not most]} of the file's {len(absolute)} 判断题 with absolute wording (只要, 一定, ...) "
                f"are keyed {word}: candidates learn that such wording means {word}; reword some so that "
                f"they are {'true' if most else 'false'} ({ids})",
            ))  # fmt: skip
    singles = [it for it in items if it.type is ItemType.SINGLE and len(it.options) == 4]
    if len(singles) >= 8:
        keys = Counter(str(it.key) for it in singles)
        expected = len(singles) / 4
        chi2 = sum((keys[label] - expected) ** 2 / expected for label in "ABCD")
        if _chi2_sf_3(chi2) < 0.05:
            spread = ", ".join(f"{label} {keys[label]}" for label in "ABCD")
            found.append(Finding(
                "key-balance", singles[0].id, "key",
                f"the file's {len(singles)} 单项选择题 are keyed {spread}: far from even (chi-square "
                f"{chi2:.1f}, p < 0.05); move keys to the rarer letters by reordering options",
            ))  # fmt: skip
    truths = [bool(it.key) for it in items if it.type is ItemType.TRUEFALSE]
    if len(truths) >= 10 and not 0.3 <= sum(truths) / len(truths) <= 0.7:
        first = next(it for it in items if it.type is ItemType.TRUEFALSE)
        found.append(Finding(
            "key-balance", first.id, "key",
            f"{sum(truths)} of the file's {len(truths)} 判断题 are keyed true: keep it between 30% and 70%",
        ))  # fmt: skip
    return found


def _chi2_sf_3(x: float) -> float:
    """P(X >= x) for a chi-square variable with 3 degrees of freedom."""
    return math.erfc(math.sqrt(x / 2)) + math.sqrt(2 * x / math.pi) * math.exp(-x / 2)
