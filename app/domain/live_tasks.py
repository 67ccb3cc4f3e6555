"""Observed and oral skill tasks, scored live: the question card an oral candidate draws, and the
examiner's task timer.

A card is drawn from the paper's seed, the slot and the task, so the same paper always draws the
same card (a second draw, or a draw after a move to another PC, shows the card drawn first), and
nobody can steer which card a candidate gets. The timer is the examiner's own: start and stop
events on the store's machine clock, added up per interval (a stop without a start is ignored).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from app.domain.paper_assembly import rng_for


def card_index(seed: str, slot: int, task_id: str, pool: int) -> int:
    """Which of an oral task's `pool` cards this paper's candidate draws at `slot`."""
    if pool < 1:
        raise ValueError(f"task {task_id} has no question cards")
    return rng_for(seed, f"oral-card:{slot}:{task_id}").randrange(pool)


def timed_seconds(events: Iterable[tuple[str, float]], now: float) -> tuple[float, bool]:
    """(seconds timed so far, whether the timer is running) from ("start" | "stop", at) events in
    order; a running interval counts up to `now`."""
    total, started = 0.0, None
    for kind, at in events:
        if kind == "start" and started is None:
            started = at
        elif kind == "stop" and started is not None:
            total += max(0.0, at - started)
            started = None
    if started is not None:
        total += max(0.0, now - started)
    return total, started is not None


ORAL_FORM = "现场问答"


def form_of(entry: dict[str, Any]) -> str:
    """How a live task is assessed, as the standards name it: 现场操作 or 模拟操作 (an observed task's
    `form`), 现场问答 (an oral task)."""
    return ORAL_FORM if entry.get("mode") == "oral" else str(entry.get("form") or "现场操作")


def _pairs(events: Iterable[tuple[str, float]]) -> list[tuple[float, float | None]]:
    """(start, stop) of each interval, paired as `timed_seconds` pairs them; a running one's stop None."""
    out: list[tuple[float, float | None]] = []
    started: float | None = None
    for kind, at in events:
        if kind == "start" and started is None:
            started = at
        elif kind == "stop" and started is not None:
            out.append((started, max(at, started)))
            started = None
    if started is not None:
        out.append((started, None))
    return out


def elapsed_intervals(events: Iterable[tuple[str, float]], origin: float) -> list[list[float | None]]:
    """An examiner's timer as [start, stop] seconds after `origin` (to 0.1 s); a timer still running
    has the stop None. Elapsed seconds, never machine-clock instants: they mean the same wherever
    the record is read."""
    return [[round(start - origin, 1), None if stop is None else round(stop - origin, 1)]
            for start, stop in _pairs(events)]  # fmt: skip


@dataclass(frozen=True)
class Observation:
    """One row of an examiner's live record: kind timer_start | timer_stop (at) | note (point, text)."""

    seat: int  # the examiner's seat in the session (the chief: 0), never their name
    kind: str
    at: float | None
    point: int | None
    text: str | None


def task_record(
    entry: dict[str, Any], card: int | None, attached: Sequence[dict[str, Any]],
    observations: Sequence[Observation], group: str | None, *, note_texts: bool,
) -> dict[str, Any]:  # fmt: skip
    """What a result bundle carries of one candidate's observed or oral task (docs/results.md,
    `live_tasks.json`): its mode and form, the card drawn (number in the pool and the SHA-256 of its
    question), each examiner's timer as elapsed seconds from the first start on the task, the number
    of notes per scoring point (their text only when `note_texts`), and the files attached (name,
    size, SHA-256, who attached it; the files themselves stay in the centre)."""
    points = len(entry.get("rubric") or [])
    # elapsed from the first start of any examiner's timer on the task: the seats' records line up
    origin = min((o.at for o in observations if o.kind == "timer_start" and o.at is not None), default=0.0)
    examiners = []
    for seat in sorted({o.seat for o in observations}):
        mine = [o for o in observations if o.seat == seat]
        events = [("start" if o.kind == "timer_start" else "stop", o.at) for o in mine
                  if o.kind in ("timer_start", "timer_stop") and o.at is not None]  # fmt: skip
        total = sum(stop - start for start, stop in _pairs(events) if stop is not None)  # a running one: not yet
        notes = [0] * points
        for o in mine:
            if o.kind == "note" and o.point is not None and 0 <= o.point < points:
                notes[o.point] += 1
        record: dict[str, Any] = {"seat": seat, "timer": elapsed_intervals(events, origin),
                                  "timed_seconds": round(total, 1), "notes": notes}  # fmt: skip
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
