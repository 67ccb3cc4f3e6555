"""Observed and oral skill tasks, scored live: the question card an oral candidate draws, and the
examiner's task timer.

A card is drawn from the paper's seed, the slot and the task, so the same paper always draws the
same card (a second draw, or a draw after a move to another PC, shows the card drawn first), and
nobody can steer which card a candidate gets. The timer is the examiner's own: start and stop
events at instants of the store's machine clock, added up per interval (a stop without a start is
ignored), each interval measured within one boot of the machine: one a restart cut counts up to
the last instant known of its boot (`timer_intervals`), as exam time does after a crash.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from app.domain.paper_assembly import rng_for
from app.domain.time_ledger import Instant


def card_index(seed: str, slot: int, task_id: str, pool: int) -> int:
    """Which of an oral task's `pool` cards this paper's candidate draws at `slot`."""
    if pool < 1:
        raise ValueError(f"task {task_id} has no question cards")
    return rng_for(seed, f"oral-card:{slot}:{task_id}").randrange(pool)


TimerEvent = tuple[str, Instant]  # ("start" | "stop", the instant it was recorded at)
Epoch = int | str


@dataclass(frozen=True)
class TimerInterval:
    """One interval of an examiner's timer, always within one boot of the machine: from `start` to
    `end` (seconds on the clock of `start`'s boot): its stop, or for an interval a restart of the
    machine cut (`cut`), the last instant known of that boot; None while it runs."""

    start: Instant
    end: float | None
    cut: bool = False

    def seconds(self, now: Instant) -> float:
        """How long it ran: up to `now` while it runs (`now` is in its boot then)."""
        return max(0.0, (now.mono if self.end is None else self.end) - self.start.mono)


def timer_intervals(events: Iterable[TimerEvent], now: Instant,
                    known: Mapping[Epoch, float] | None = None) -> list[TimerInterval]:  # fmt: skip
    """The intervals of one examiner's timer from its events in the order recorded, as of `now`.

    A start while it runs and a stop while it does not are ignored. Two boots' clocks are never
    compared: an interval whose start was read in another boot than its stop (or than `now`, when
    it still runs) was cut by a restart of the machine; as the time ledger does for a crash, it
    counts up to the last instant known of its start's boot (`known`: the latest reading the store
    holds of each boot, e.g. the attempt's steps and heartbeats; the events themselves count too),
    never beyond, never less than nothing. The stop after the restart only ends it; a start after
    the restart begins a new interval."""
    return _intervals(list(events), now, known)[0]


def _intervals(events: list[TimerEvent], now: Instant,
               known: Mapping[Epoch, float] | None) -> tuple[list[TimerInterval], bool]:  # fmt: skip
    """`timer_intervals`, and whether the timer still ran when `now`'s boot began (cut, not stopped)."""
    last: dict[Epoch, float] = dict(known or {})
    for _kind, at in events:
        last[at.epoch] = max(last.get(at.epoch, at.mono), at.mono)

    def cut(start: Instant) -> TimerInterval:
        return TimerInterval(start, max(start.mono, last.get(start.epoch, start.mono)), cut=True)

    out: list[TimerInterval] = []
    running: Instant | None = None
    for kind, at in events:
        if running is not None and at.epoch != running.epoch:  # the machine restarted while it ran
            out.append(cut(running))
            running = None
        if kind == "start" and running is None:
            running = at
        elif kind == "stop" and running is not None:
            out.append(TimerInterval(running, max(at.mono, running.mono)))
            running = None
    if running is None:
        return out, False
    if running.epoch == now.epoch:
        return [*out, TimerInterval(running, None)], False
    return [*out, cut(running)], True


@dataclass(frozen=True)
class TimerReading:
    """An examiner's timer as of now: the seconds timed (a running interval up to now), whether it
    runs, and whether it was running when the machine restarted and nobody has stopped or started
    it since (`interrupted`: counted up to the last instant known before the restart)."""

    seconds: float
    running: bool
    interrupted: bool


def timed_seconds(events: Iterable[TimerEvent], now: Instant,
                  known: Mapping[Epoch, float] | None = None) -> TimerReading:  # fmt: skip
    """The timer from its ("start" | "stop", instant) events in order (`timer_intervals`)."""
    intervals, interrupted = _intervals(list(events), now, known)
    total = sum(interval.seconds(now) for interval in intervals)
    return TimerReading(total, bool(intervals) and intervals[-1].end is None, interrupted)


ORAL_FORM = "现场问答"


def form_of(entry: dict[str, Any]) -> str:
    """How a live task is assessed, as the standards name it: 现场操作 or 模拟操作 (an observed task's
    `form`), 现场问答 (an oral task)."""
    return ORAL_FORM if entry.get("mode") == "oral" else str(entry.get("form") or "现场操作")


def elapsed_timeline(intervals: Iterable[TimerInterval], boots: Sequence[Epoch], now: Instant) -> dict[Epoch, float]:
    """Where each boot's clock starts on a task's elapsed timeline: the seconds to subtract from an
    instant of that boot (`elapsed`). The timeline starts at the first start of any examiner's timer
    on the task (0); each later boot of the machine (`boots`: in the order they were recorded in)
    begins where the boot before it was last known to reach, so the restart's outage, which no
    clock measured, adds nothing and no elapsed value is ever negative or less than one before it."""
    spans: dict[Epoch, tuple[float, float]] = {}  # first start, last end (a running one: now)
    for interval in intervals:
        start = interval.start
        end = max(now.mono if interval.end is None else interval.end, start.mono)
        first, last = spans.get(start.epoch, (start.mono, end))
        spans[start.epoch] = (min(first, start.mono), max(last, end))
    offsets: dict[Epoch, float] = {}
    reached = 0.0  # the elapsed second the boots so far were last known to reach
    for epoch in [*dict.fromkeys(boots), *spans]:
        if epoch in spans and epoch not in offsets:
            first, last = spans[epoch]
            offsets[epoch] = first - reached
            reached += last - first
    return offsets


def elapsed(at: Instant, offsets: Mapping[Epoch, float]) -> float:
    """An instant as elapsed seconds on a task's timeline (`elapsed_timeline`), to 0.1 s."""
    return round(at.mono - offsets[at.epoch], 1)


@dataclass(frozen=True)
class Observation:
    """One row of an examiner's live record: kind timer_start | timer_stop | note (point, text),
    each at an instant of the store's machine clock (None: a note written before there was one)."""

    seat: int  # the examiner's seat in the session (the chief: 0), never their name
    kind: str
    at: Instant | None
    point: int | None
    text: str | None


def task_record(
    entry: dict[str, Any], card: int | None, attached: Sequence[dict[str, Any]],
    observations: Sequence[Observation], group: str | None, *, note_texts: bool, now: Instant,
    known: Mapping[Epoch, float] | None = None,
) -> dict[str, Any]:  # fmt: skip
    """What a result bundle carries of one candidate's observed or oral task (docs/results.md,
    `live_tasks.json`): its mode and form, the card drawn (number in the pool and the SHA-256 of its
    question), each examiner's timer as elapsed seconds from the first start on the task (as of
    `now`; an interval a restart of the machine cut counts up to the last instant `known` of its
    boot, and is listed in `interrupted`), the number of notes per scoring point (their text only
    when `note_texts`), and the files attached (name, size, SHA-256, who attached it; the files
    themselves stay in the centre)."""
    points = len(entry.get("rubric") or [])
    seats = sorted({o.seat for o in observations})
    known = dict(known or {})
    for o in observations:  # every examiner's start, stop and note is an instant known of its boot too
        if o.at is not None:
            known[o.at.epoch] = max(known.get(o.at.epoch, o.at.mono), o.at.mono)
    timers: dict[int, list[TimerInterval]] = {}
    for seat in seats:
        events = [("start" if o.kind == "timer_start" else "stop", o.at) for o in observations
                  if o.seat == seat and o.kind in ("timer_start", "timer_stop") and o.at is not None]  # fmt: skip
        timers[seat] = timer_intervals(events, now, known)
    # the seats' timers on one timeline, from the first start of any of them, boot after boot
    boots = [o.at.epoch for o in observations if o.kind == "timer_start" and o.at is not None]
    offsets = elapsed_timeline([i for seat in seats for i in timers[seat]], boots, now)
    examiners = []
    for seat in seats:
        mine = [o for o in observations if o.seat == seat]
        intervals = timers[seat]
        total = sum(i.seconds(now) for i in intervals if i.end is not None)  # a running one: not yet
        notes = [0] * points
        for o in mine:
            if o.kind == "note" and o.point is not None and 0 <= o.point < points:
                notes[o.point] += 1
        timer = [[elapsed(i.start, offsets), None if i.end is None else elapsed(Instant(i.start.epoch, i.end), offsets)]
                 for i in intervals]  # fmt: skip
        record: dict[str, Any] = {"seat": seat, "timer": timer, "timed_seconds": round(total, 1),
                                  "interrupted": [n for n, i in enumerate(intervals) if i.cut],
                                  "notes": notes}  # fmt: skip
        if note_texts:
            record["note_texts"] = [[o.point, o.text or ""] for o in mine if o.kind == "note"]
        examiners.append(record)
    cards = entry.get("cards") or []
    drawn = None
    if card is not None and 0 <= card < len(cards):
        question = str(cards[card][0])
        drawn = {"number": card + 1, "pool": len(cards),
                 "question_sha256": hashlib.sha256(question.encode("utf-8")).hexdigest()}  # fmt: skip
    return {
        "slot": entry["slot"], "task": entry.get("id", ""), "area": entry.get("area", ""),
        "points": str(entry.get("points", "")), "mode": entry.get("mode"), "form": form_of(entry),
        "group": group, "card": drawn, "examiners": examiners,
        "files": [{"name": f.get("filename", ""), "size": f.get("size"), "sha256": f.get("sha256", ""),
                   "by": f.get("by", "")} for f in attached],
    }  # fmt: skip


def timed_range(record: dict[str, Any]) -> tuple[float, float] | None:
    """The least and most seconds the examiners timed a task for (a `task_record`); None untimed."""
    totals = [e["timed_seconds"] for e in record.get("examiners", []) if e.get("timer")]
    return (min(totals), max(totals)) if totals else None
