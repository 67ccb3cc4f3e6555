"""The rules of a standard's section 1.9 (鉴定要求 / 评价要求) for one session, and the time its
skill tasks suggest.

Each check returns findings. The services refuse a session that has any (the message names the
rule and the section, e.g. "4-13-99-02 1.9.4: the theory part lasts at least 90 minutes, this
session has 30"); the admin screen shows the same findings earlier, as warnings, in its own words
(`rule`, `required` and `actual` are what it needs). An empty list means the plan meets the rules.

Where the sections are: 1.9.2 鉴定方式 (which levels have a comprehensive review), 1.9.3 配比
(proctors, examiners, review panel), 1.9.4 时间 (minimum durations). How the rules are read:

- Skill examiners are the session's staff with the duty "examiner"; the chief examiner (duty
  "chief") arbitrates and does not count towards "at least 3, an odd number, 1 per N".
- 综合评审时间不少于 15 / 30 min is read per candidate: a review session lasts at least that many
  minutes times its candidates (and at least that long with none yet).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from app.domain.standards import Level, OriginKind, Part, Staffing, Standard
from app.errors import LINES, Message

PARTS_SECTION = "1.9.2"  # 鉴定方式 / 评价方式: the comprehensive review is for 二级 and 一级
STAFFING_SECTION = "1.9.3"  # 监考及考评人员与考生的配比
MINUTES_SECTION = "1.9.4"  # 鉴定时间 / 评价时间


@dataclass(frozen=True)
class Finding:
    rule: str  # a stable identifier, for translation and tests
    required: int
    actual: int
    message: str

    def __str__(self) -> str:
        return self.message


def cite(std: Standard, section: str, rule: str, level: Level | None = None, part: Part | None = None) -> str:
    """Where a rule comes from, for refusals: "4-13-99-02 1.9.4"; for a rule the standard borrows,
    "570002 (4-13-99-02 (2022) 1.9)"; for one the exam owner set in a weight file, the owner."""
    origin = std.origin(rule, level, part)
    if origin.kind is OriginKind.STANDARD:
        return f"{std.code} {section}"
    return f"{std.code} ({origin.source})"


def refusal(findings: Sequence[Finding]) -> Message:
    """The findings as one refusal, one per line: template LINES, each finding's message a part."""
    return Message(LINES, lines=[f.message if isinstance(f.message, Message) else Message(f.message)
                                 for f in findings])  # fmt: skip


def proctors_needed(staffing: Staffing, candidates: int, *, surveilled: bool = False) -> int:
    """Proctors a theory room needs; under recorded full electronic surveillance, where the
    standard allows it, the ratio does not apply (the seed names no lower ratio) but the
    minimum per room does."""
    relaxed = surveilled and staffing.surveillance_relaxes_ratio
    by_ratio = math.ceil(candidates / staffing.candidates_per_proctor) if candidates > 0 and not relaxed else 0
    return max(staffing.min_proctors_per_room, by_ratio)


def examiners_needed(staffing: Staffing, candidates: int) -> int:
    by_ratio = math.ceil(candidates / staffing.candidates_per_examiner) if candidates > 0 else 0
    needed = max(staffing.min_examiners, by_ratio)
    if staffing.examiners_odd and needed % 2 == 0:
        needed += 1
    return needed


def check_theory_room(std: Standard, level: Level, candidates: int, proctors: int, *,
                      surveilled: bool = False) -> list[Finding]:  # fmt: skip
    staffing = std.staffing_for(level)
    needed = proctors_needed(staffing, candidates, surveilled=surveilled)
    if proctors >= needed:
        return []
    source = cite(std, STAFFING_SECTION, "staffing", level, Part.THEORY)
    if surveilled and staffing.surveillance_relaxes_ratio:
        message = Message("{source}: a theory room has at least {least} proctors (under full electronic "
                          "surveillance), this session has {actual}",
                          source=source, least=staffing.min_proctors_per_room, actual=proctors)  # fmt: skip
    else:
        message = Message("{source}: a theory room has at least {least} proctors and 1 per {per} candidates: "
                          "{candidates} candidates need {needed}, this session has {actual}",
                          source=source, least=staffing.min_proctors_per_room, per=staffing.candidates_per_proctor,
                          candidates=candidates, needed=needed, actual=proctors)  # fmt: skip
    return [Finding("proctors", needed, proctors, message)]


def check_skill_examiners(std: Standard, level: Level, candidates: int, examiners: int) -> list[Finding]:
    staffing, source = std.staffing_for(level), cite(std, STAFFING_SECTION, "staffing", level, Part.SKILL)
    needed = examiners_needed(staffing, candidates)
    if examiners < needed:
        template = (
            "{source}: skill examiners are at least {least}, an odd number, and 1 per {per} candidates: "
            "{candidates} candidates need {needed}, this session has {actual}"
            if staffing.examiners_odd else
            "{source}: skill examiners are at least {least} and 1 per {per} candidates: {candidates} candidates "
            "need {needed}, this session has {actual}"
        )
        return [
            Finding("examiners", needed, examiners,
                    Message(template, source=source, least=staffing.min_examiners,
                            per=staffing.candidates_per_examiner, candidates=candidates, needed=needed,
                            actual=examiners))
        ]  # fmt: skip
    if staffing.examiners_odd and examiners % 2 == 0:
        return [
            Finding("examiners_odd", examiners + 1, examiners,
                    Message("{source}: the number of skill examiners must be odd, this session has {actual}",
                            source=source, actual=examiners))
        ]  # fmt: skip
    return []


def check_observed_group(std: Standard, level: Level, group: str, candidates: int, examiners: int) -> list[Finding]:
    """1.9.3's examiner ratio (1:15 in 4-13-99-02, 1:2 in 4-07-03-01), at least 3 and an odd number,
    for the examiners who watch one group of candidates perform observed tasks together: the
    examiners in the room score these candidates live, so the ratio holds per group, not only per
    session."""
    staffing, source = std.staffing_for(level), cite(std, STAFFING_SECTION, "staffing", level, Part.SKILL)
    needed = examiners_needed(staffing, candidates)
    if examiners < needed:
        return [
            Finding("group_examiners", needed, examiners,
                    Message("{source}: the examiners who observe a group are at least {least}, an odd number, and "
                            "1 per {per} candidates: group {group} has {candidates} candidates and needs {needed} "
                            "examiners, it has {actual}",
                            source=source, least=staffing.min_examiners, per=staffing.candidates_per_examiner,
                            group=group, candidates=candidates, needed=needed, actual=examiners))
        ]  # fmt: skip
    if staffing.examiners_odd and examiners % 2 == 0:
        return [
            Finding("group_examiners_odd", examiners + 1, examiners,
                    Message("{source}: the examiners who observe a group are an odd number, group {group} has "
                            "{actual}", source=source, group=group, actual=examiners))
        ]  # fmt: skip
    return []


def check_review_panel(std: Standard, level: Level, members: int) -> list[Finding]:
    staffing, source = std.staffing_for(level), cite(std, STAFFING_SECTION, "staffing", level, Part.REVIEW)
    if members < staffing.min_review_members:
        return [
            Finding("review_members", staffing.min_review_members, members,
                    Message("{source}: a review panel has at least {least} members, this session has {actual}",
                            source=source, least=staffing.min_review_members, actual=members))
        ]  # fmt: skip
    if staffing.review_members_odd and members % 2 == 0:
        return [
            Finding("review_odd", members + 1, members,
                    Message("{source}: the number of review panel members must be odd, this session has {actual}",
                            source=source, actual=members))
        ]  # fmt: skip
    return []


def scores_task(examiner: int, task: str, assigned: Mapping[int, frozenset[str]]) -> bool:
    """Per-task duties: an examiner with tasks assigned scores only those; one without, every task."""
    tasks = assigned.get(examiner)
    return tasks is None or task in tasks


def task_examiners(examiners: Iterable[int], assigned: Mapping[int, frozenset[str]], task: str) -> set[int]:
    """The examiners who score `task`."""
    return {e for e in examiners if scores_task(e, task, assigned)}


def check_task_examiners(std: Standard, level: Level, examiners: Iterable[int],
                         assigned: Mapping[int, frozenset[str]], tasks: Iterable[str]) -> list[Finding]:  # fmt: skip
    """With per-task duties, each task is scored by a panel of its own that keeps the standard's
    1.9.3 rule for examiners (at least N, an odd number): the mean and the spread rule are taken
    over that task's examiners. Nothing to say while nobody has tasks assigned."""
    if not assigned:
        return []
    staffing, source = std.staffing_for(level), cite(std, STAFFING_SECTION, "staffing", level, Part.SKILL)
    examiners = list(examiners)
    out = []
    for task in sorted(set(tasks)):
        count = len(task_examiners(examiners, assigned, task))
        short = count < staffing.min_examiners
        even = staffing.examiners_odd and count % 2 == 0
        if short or even:
            needed = max(staffing.min_examiners, count + 1 if even else count)
            per_task = (
                "{source}: skill task {task} is scored by {actual} examiner(s); each task needs at least {least}, "
                "an odd number"
                if staffing.examiners_odd else
                "{source}: skill task {task} is scored by {actual} examiner(s); each task needs at least {least}"
            )  # fmt: skip
            out.append(Finding("task_examiners", needed, count,
                               Message(per_task, source=source, task=task, actual=count,
                                       least=staffing.min_examiners)))  # fmt: skip
    return out


def with_task_panels(findings: Sequence[Finding], std: Standard, level: Level, examiners: Iterable[int],
                     assigned: Mapping[int, frozenset[str]], tasks: Iterable[str]) -> list[Finding]:  # fmt: skip
    """A skill session's findings once its examiners' tasks are divided: the odd number then
    holds per task (each task's panel takes its own mean), not for the session's examiners
    together; the count and the ratio still hold for the session."""
    if not assigned:
        return list(findings)
    kept = [f for f in findings if f.rule != "examiners_odd"]
    return kept + check_task_examiners(std, level, examiners, assigned, tasks)


def review_chairs(chief_duties: int, chief_members: int) -> int:
    """How many chairs (评审组长) a review panel has: those given the duty "chief" in the session;
    while nobody has it, the panel members whose role is chief examiner (how a chair was chosen
    before the duty could be assigned)."""
    return chief_duties or chief_members


def check_review_chair(std: Standard, level: Level, chairs: int) -> list[Finding]:
    """The chair finalizes each candidate's review (and sees every member's scores): a panel has
    exactly one."""
    source = cite(std, STAFFING_SECTION, "staffing", level, Part.REVIEW)
    if chairs == 0:
        return [Finding("review_chair", 1, 0, Message("{source}: the review panel has no chair: assign one chief "
                                                      "examiner as its chair", source=source))]  # fmt: skip
    if chairs > 1:
        return [Finding("review_chairs", 1, chairs,
                        Message("{source}: a review panel has one chair, this session has {actual}",
                                source=source, actual=chairs))]  # fmt: skip
    return []


def check_part(std: Standard, level: Level, part: Part) -> list[Finding]:
    """A comprehensive review only where the level requires one."""
    if part is Part.REVIEW and not level.review_required:
        return [
            Finding("review_not_required", 0, 0,
                    Message("{source}: level {level} ({name}) has no comprehensive review",
                            source=f"{std.code} {PARTS_SECTION}", level=level.level, name=level.name))
        ]  # fmt: skip
    return []


def review_minutes_needed(std: Standard, level: Level, candidates: int) -> int | None:
    per = std.min_minutes_for(level, Part.REVIEW)
    return None if per is None else per * max(candidates, 1)


def check_duration(std: Standard, level: Level, part: Part, minutes: int, candidates: int = 0) -> list[Finding]:
    """The part's minimum duration (for a review: per candidate); a review where the level has
    none is refused by `check_part` (and reported here too, so one call covers the session)."""
    wrong_part = check_part(std, level, part)
    if wrong_part:
        return wrong_part
    source = cite(std, MINUTES_SECTION, "min_minutes", level, part)
    if part is Part.REVIEW:
        per = std.min_minutes_for(level, part)
        needed = review_minutes_needed(std, level, candidates)
        if per is None or needed is None or minutes >= needed:
            return []
        count = max(candidates, 1)
        return [
            Finding("duration", needed, minutes,
                    Message("{source}: the comprehensive review takes at least {per} minutes per candidate: "
                            "{count} candidate(s) need {needed}, this session has {minutes}",
                            source=source, per=per, count=count, needed=needed, minutes=minutes))
        ]  # fmt: skip
    minimum = std.min_minutes_for(level, part)
    if minimum is None or minutes >= minimum:
        return []
    return [
        Finding("duration", minimum, minutes,
                Message("{source}: the {paper_part} part lasts at least {minimum} minutes, this session has {minutes}",
                        source=source, paper_part=part.value, minimum=minimum, minutes=minutes))
    ]  # fmt: skip


def longest_tasks_minutes(tasks: Sequence[tuple[str, int]]) -> int:
    """The longest a skill paper drawn from these (area, minutes) tasks can suggest: one task per
    area, the longest of each."""
    longest: dict[str, int] = {}
    for area, minutes in tasks:
        longest[area] = max(longest.get(area, 0), minutes)
    return sum(longest.values())


def check_task_minutes(minutes: int, papers: Sequence[tuple[int, Sequence[str]]]) -> list[Finding]:
    """A skill session lasts at least as long as the tasks drawn for each candidate suggest.

    `papers` holds, per candidate, the suggested minutes of the drawn tasks added up and the
    tasks' ids."""
    over = [(total, tasks) for total, tasks in papers if total > minutes]
    if not over:
        return []
    longest, tasks = max(over, key=lambda p: p[0])
    return [
        Finding("task_minutes", longest, minutes,
                Message("the skill tasks drawn for {count} of {total} candidate(s) suggest up to {needed} minutes "
                        "({tasks}), this session has {minutes}",
                        count=len(over), total=len(papers), needed=longest, tasks=", ".join(tasks), minutes=minutes))
    ]  # fmt: skip


def check_session(
    std: Standard,
    level: Level,
    part: Part,
    *,
    candidates: int,
    minutes: int,
    proctors: int = 0,
    examiners: int = 0,
    surveilled: bool = False,
) -> list[Finding]:
    """Every staffing and time rule of the standard that applies to one session. For a skill
    session `examiners` counts the examiners (not the chief); for a review, the panel."""
    findings = check_duration(std, level, part, minutes, candidates)
    if part is Part.THEORY:
        findings += check_theory_room(std, level, candidates, proctors, surveilled=surveilled)
    elif part is Part.SKILL:
        findings += check_skill_examiners(std, level, candidates, examiners)
    elif not findings or findings[0].rule != "review_not_required":
        findings += check_review_panel(std, level, examiners)
    return findings
