"""The comprehensive review (综合评审) of one candidate: criteria with weights, the defence's minimum
time, what a panel member may see, the weighted score, the spread rule and what finalizing needs.

The seeds say how the review is done (4-13-99-02 1.9.2: 审阅申报材料、答辩; 4-07-03-01: 日常工作业绩
with a 工作实践答辩, and 主要成果代表作 assessed by the candidate's employer and experts), the panel
(1.9.3: at least 3, odd) and the time (1.9.4: 15 / 30 min, read per candidate, so each candidate's
defence lasts at least that long). They give no criteria: the exam owner supplies a criteria file
(`examdesk-review-criteria/1`); until one is supplied the example file is used and said to be one.

Pure rules: no Qt, no SQL, no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from app.errors import Message

HUNDRED = Decimal(100)
DEFAULT_REVIEW_SPREAD = Decimal(15)  # points out of 100 between the highest and lowest member's score

# what a review's register holds, per candidate
MATERIAL_KINDS = ("application", "work", "employer_assessment")  # 申报材料, 主要成果代表作, 单位评价
NOTE_KINDS = ("question", "note")  # 答辩提问, 评议记录
# the state of an entry of the register: listed and awaited, in hand, or known not to come
MATERIAL_STATES = ("expected", "received", "missing")


@dataclass(frozen=True)
class Criterion:
    name: str
    weight: Decimal  # percent of the review score
    description: str = ""


@dataclass(frozen=True)
class ReviewCriteria:
    """The criteria a panel scores against. `example`: the file says it is an example (not the
    exam owner's); `supplied`: the exam owner supplied it for this session."""

    name: str
    criteria: tuple[Criterion, ...]
    example: bool
    supplied: bool
    spread: Decimal = DEFAULT_REVIEW_SPREAD
    standard: str | None = None  # the standard the file is written for; None: any

    def as_dict(self) -> dict[str, object]:
        return {
            "name": self.name, "example": self.example, "supplied": self.supplied, "spread": str(self.spread),
            "standard": self.standard,
            "criteria": [{"name": c.name, "weight": str(c.weight), "description": c.description}
                         for c in self.criteria],
        }  # fmt: skip

    @staticmethod
    def from_dict(doc: Mapping[str, object], *, supplied: bool) -> ReviewCriteria:
        raw = doc["criteria"]
        assert isinstance(raw, list)
        standard = doc.get("standard")
        return ReviewCriteria(
            name=str(doc["name"]), example=bool(doc["example"]), supplied=supplied, spread=Decimal(str(doc["spread"])),
            standard=None if standard is None else str(standard),
            criteria=tuple(Criterion(str(c["name"]), Decimal(str(c["weight"])), str(c.get("description", "")))
                           for c in raw),
        )  # fmt: skip


def criteria_problems(criteria: Sequence[Criterion], spread: Decimal) -> list[Message]:
    """What is wrong with a set of criteria: none, a name twice, a weight not above 0, weights not
    adding up to 100, a spread outside 0..100."""
    out: list[Message] = []
    if not criteria:
        out.append(Message("the review criteria list no criterion"))
    seen: set[str] = set()
    for c in criteria:
        if not c.name.strip():
            out.append(Message("a review criterion has no name"))
        if c.name in seen:
            out.append(Message("the review criterion {name} is listed twice", name=c.name))
        seen.add(c.name)
        if c.weight <= 0:
            out.append(Message("the review criterion {name} has weight {weight}; weights are above 0",
                               name=c.name, weight=c.weight))  # fmt: skip
    total = sum((c.weight for c in criteria), Decimal(0))
    if criteria and total != HUNDRED:
        out.append(Message("the review criteria's weights add up to {total}, not 100", total=total))
    if not Decimal(0) < spread <= HUNDRED:
        out.append(Message("the review spread threshold is {spread}; use a number above 0 and at most 100",
                           spread=spread))  # fmt: skip
    return out


def weighted_score(criteria: ReviewCriteria, marks: Mapping[str, Decimal]) -> Decimal:
    """One member's review score out of 100: each criterion marked out of 100, weighted. Every
    criterion is marked, none other; raises ValueError with the domain's Message otherwise."""
    names = [c.name for c in criteria.criteria]
    unknown = sorted(set(marks) - set(names))
    if unknown:
        raise ValueError(Message("no review criterion {name}", name=unknown[0]))
    missing = [n for n in names if n not in marks]
    if missing:
        raise ValueError(Message("the review criterion {name} has no mark", name=missing[0]))
    total = Decimal(0)
    for c in criteria.criteria:
        mark = Decimal(marks[c.name])
        if not Decimal(0) <= mark <= HUNDRED:
            raise ValueError(Message("the review criterion {name} is marked out of 100, got {mark}",
                                     name=c.name, mark=mark))  # fmt: skip
        total += c.weight * mark / HUNDRED
    return total


def spread_flagged(scores: Sequence[Decimal], threshold: Decimal) -> bool:
    """The panel disagrees: its highest and lowest scores are further apart than the threshold."""
    return len(scores) > 1 and max(scores) - min(scores) > threshold


def may_see_others(submitted_by_me: bool, chair: bool) -> bool:
    """Members score independently: another member's scores are shown only to a member who has
    submitted their own, and to the chair (who finalizes)."""
    return submitted_by_me or chair


@dataclass(frozen=True)
class DefenceEvent:
    """One instant of a candidate's review on the store's clock: the defence's start, resume and
    end, and the questions and notes recorded while it runs (each is a reading of the clock)."""

    kind: str  # defence_start | defence_resume | defence_end | question | note
    epoch: int  # the boot of the machine whose clock `at` was read on (app/store/clock.py)
    at: float


@dataclass(frozen=True)
class Defence:
    """The defence (答辩) of one candidate on the store's machine clock, in seconds.

    `counted`: seconds of its finished parts; `running_since`: where the open part began, on the
    clock of the store's current boot (None when no part is open). A part ends at the defence's
    end or, when the machine restarted while it ran, at its last recorded instant in that boot
    (two boots' clocks are never compared): the defence is then `interrupted` until the panel
    resumes it."""

    began: bool = False
    ended: bool = False
    counted: float = 0.0
    running_since: float | None = None

    @property
    def running(self) -> bool:
        return self.running_since is not None

    @property
    def interrupted(self) -> bool:
        return self.began and not self.ended and self.running_since is None

    def seconds(self, now: float) -> float:
        return self.counted + (max(0.0, now - self.running_since) if self.running_since is not None else 0.0)


def defence_of(events: Sequence[DefenceEvent], epoch_now: int) -> Defence:
    """The defence from its events in the order recorded, read in boot `epoch_now`: each part is
    measured within one boot; a restart closes the open part at its last instant before it."""
    began = ended = False
    counted = 0.0
    since: DefenceEvent | None = None  # the open part's start
    last = 0.0  # the open part's latest instant
    for event in events:
        if since is not None and event.epoch != since.epoch:  # the machine restarted while it ran
            counted += max(0.0, last - since.at)
            since = None
        if event.kind == "defence_start" and not began:
            began, since, last = True, event, event.at
        elif event.kind == "defence_resume" and began and not ended and since is None:
            since, last = event, event.at
        elif event.kind == "defence_end" and began and not ended:
            ended = True
            if since is not None:
                counted += max(0.0, event.at - since.at)
                since = None
        elif since is not None:
            last = max(last, event.at)
    if since is not None and since.epoch != epoch_now:
        counted += max(0.0, last - since.at)
        since = None
    return Defence(began, ended, counted, since.at if since is not None else None)


def finalize_problems(
    *,
    minimum_minutes: int | None,
    defence: Defence,
    employer_required: bool,
    kinds_registered: Sequence[str],
    flagged: bool,
    disagreement_note: str,
    awaited: Sequence[str] = (),
) -> list[Message]:
    """What still stops the chair from finalizing one candidate's review (the panel's own rules,
    1.9.3, are checked separately): a defence not held, still running or shorter than the minimum
    per candidate (1.9.4); no materials received; entries of the register still `awaited` (neither
    received nor marked missing); representative works without the employer's
    assessment where the standard pairs them (4-07-03-01 1.9.2: 主要成果代表作的自荐与本单位、
    专家评价相结合; the seed says 亦可, "may", so it applies only when representative works are
    registered); a flagged disagreement without the chair's note on how it was settled."""
    out: list[Message] = []
    if not defence.began:
        out.append(Message("the defence has not been held"))
    elif not defence.ended:
        out.append(Message("the defence is still running"))
    elif minimum_minutes is not None and defence.counted < minimum_minutes * 60:
        out.append(Message("the defence lasted {minutes} minutes; the standard asks for at least {least} per candidate",
                           minutes=int(defence.counted // 60), least=minimum_minutes))  # fmt: skip
    if not kinds_registered:
        out.append(Message("no application materials are registered"))
    for title in awaited:
        out.append(Message("the material {title} is still expected: mark it received or missing", title=title))
    if employer_required and "work" in kinds_registered and "employer_assessment" not in kinds_registered:
        out.append(Message("the standard asks for the employer's assessment of representative works; "
                           "none is registered"))  # fmt: skip
    if flagged and not disagreement_note.strip():
        out.append(Message("the panel's scores are further apart than the spread threshold: "
                           "the chair notes how the disagreement was settled"))  # fmt: skip
    return out
