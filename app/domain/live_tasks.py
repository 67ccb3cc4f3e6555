"""Observed and oral skill tasks, scored live: the question card an oral candidate draws, and the
examiner's task timer.

A card is drawn from the paper's seed, the slot and the task, so the same paper always draws the
same card (a second draw, or a draw after a move to another PC, shows the card drawn first), and
nobody can steer which card a candidate gets. The timer is the examiner's own: start and stop
events on the store's machine clock, added up per interval (a stop without a start is ignored).
"""

from __future__ import annotations

from collections.abc import Iterable

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
