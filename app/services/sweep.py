"""The clock sweep: papers are submitted when their time runs out, whether or not a screen is open.

A `ClockSweep` belongs to the services of one process (the `Backend` starts it and stops it on
close). Every `interval` seconds it ticks: it finds the attempts whose time has run out and
submits each through `AnswerService.auto_submit_if_due`, the path a candidate's own countdown uses
(one transaction and one audit entry per paper, actor system, reason "time"). Only attempts whose
clock runs on this machine's boot can run out here: a paused or interrupted attempt never does.

Cheap when nothing is due: the sweep keeps, for each running attempt, the machine-clock instant
its time runs out (its deadline), and a tick reads only what was written since the previous one,
in one statement over two primary-key ranges: new time events (start, pause, resume, extend,
submit, for one attempt or a whole room) and new station logins. Only the attempts those rows
touch get their ledger read again; an answer saved in this boot does not move a deadline (steps
only count as checkpoints of earlier boots). The first tick reads every attempt of the open
sessions once.

Several processes may sweep one store at once: the submit runs in the store's write transaction
and refuses an attempt already submitted, so the second sweep finds it done (no second audit
entry, no error). A candidate who never logged in is not submitted (closing records them as
absent); the sweep looks at them again when they log in.
"""

from __future__ import annotations

import heapq
import logging
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from typing import cast

from sqlalchemy import CompoundSelect, Connection, bindparam, func, literal, or_, select, union_all

from app.domain.time_ledger import Instant, LedgerState, TimeEvent, view
from app.services.answers import AnswerService
from app.services.overview import EventRow, old_epoch_checkpoints, timeline
from app.store.models import Attempt, ExamSession, StationLogin, TimeEventRow

log = logging.getLogger("examdesk.services.sweep")

DEFAULT_INTERVAL = 5.0  # seconds between ticks
GRACE = 0.001  # seconds past a deadline before it counts as due: the submit's own reading must agree
_CHUNK = 500  # ids per IN list

# What was written since the last tick: (what, row id, session, attempt). One statement, two ranges
# of primary keys: new time events (attempt NULL: the whole room) and new logins, by their attempt.
_Q_CHANGES: CompoundSelect = union_all(
    select(literal(0).label("what"), TimeEventRow.id, TimeEventRow.session_id, TimeEventRow.attempt_id)
    .where(TimeEventRow.id > bindparam("events")),
    select(literal(1).label("what"), StationLogin.id, Attempt.session_id, Attempt.id)
    .join(Attempt, Attempt.candidate_id == StationLogin.candidate_id)
    .where(StationLogin.id > bindparam("logins")),
)  # fmt: skip
_Q_MARKS = select(
    select(func.max(TimeEventRow.id)).scalar_subquery(), select(func.max(StationLogin.id)).scalar_subquery()
)
_Q_OPEN_ATTEMPTS = select(Attempt.id, Attempt.session_id, Attempt.duration_seconds).where(
    Attempt.session_id.in_(select(ExamSession.id).where(ExamSession.state == "open"))
)
_Q_SESSION_ATTEMPTS = select(Attempt.id, Attempt.session_id).where(
    Attempt.session_id.in_(bindparam("sids", expanding=True))
)
_Q_FACTS = select(Attempt.id, Attempt.session_id, Attempt.duration_seconds).where(
    Attempt.id.in_(bindparam("ids", expanding=True))
)
_Q_EVENTS = select(
    TimeEventRow.attempt_id, TimeEventRow.id, TimeEventRow.kind, TimeEventRow.epoch, TimeEventRow.mono,
    TimeEventRow.seconds,
).where(
    TimeEventRow.session_id == bindparam("sid"),
    or_(TimeEventRow.attempt_id.is_(None), TimeEventRow.attempt_id.in_(bindparam("ids", expanding=True))),
)  # fmt: skip


@dataclass(frozen=True)
class SweepTick:
    """What one tick did."""

    submitted: tuple[int, ...]  # attempts submitted on the clock's behalf, by this tick
    reread: int  # attempts whose ledger was read again (changed, or the first tick)
    running: int  # attempts whose clock runs on this boot, after the tick


def _chunks(ids: Iterable[int]) -> Iterable[list[int]]:
    ordered = sorted(ids)
    for n in range(0, len(ordered), _CHUNK):
        yield ordered[n:n + _CHUNK]


class ClockSweep:
    """Submits papers at zero; see the module's doc. `tick()` runs one sweep on the caller's
    thread; `start()` runs them every `interval` seconds in a thread of their own, which `close()`
    stops and joins."""

    def __init__(self, exam: AnswerService, *, interval: float = DEFAULT_INTERVAL):
        if interval <= 0:
            raise ValueError(interval)  # a caller's bug: ticks need a positive interval
        self.exam, self.db, self.interval = exam, exam.db, interval
        self._lock = threading.Lock()  # one tick at a time
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._marks: tuple[int, int] | None = None  # highest time event and login read; None: nothing read yet
        self._session_of: dict[int, int] = {}  # attempt -> session, for the attempts read
        self._durations: dict[int, float] = {}  # an attempt's row never changes
        self._checkpoints: dict[int, tuple[TimeEvent, ...]] = {}  # earlier boots' checkpoints, per attempt
        self._deadlines: dict[int, float] = {}  # running attempt -> the machine-clock instant its time is up
        self._queue: list[tuple[float, int]] = []  # (deadline, attempt), the earliest first; stale entries skipped
        self.ticks = 0

    # -- the thread ---------------------------------------------------------------------------

    def start(self) -> None:
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, name="examdesk-clock-sweep", daemon=True)
        self._thread.start()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def close(self) -> None:
        """Stop ticking; returns once the thread (and a tick under way) has ended."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            if self.db.closed:
                return
            try:
                self.tick()
            except Exception:  # a store that failed now may answer at the next tick
                if self.db.closed:
                    return
                log.exception("the clock sweep's tick failed")

    # -- one tick ---------------------------------------------------------------------------------

    def tick(self) -> SweepTick:
        """Submit every attempt whose time has run out (and that has a paper to submit)."""
        with self._lock:
            reread = self._catch_up()
            submitted, recheck = [], set()
            now = self.db.mono()
            while self._queue and self._queue[0][0] + GRACE <= now and not self._stop.is_set():
                deadline, attempt_id = heapq.heappop(self._queue)
                if self._deadlines.get(attempt_id) != deadline:
                    continue  # moved since it was queued
                del self._deadlines[attempt_id]
                try:
                    done = self.exam.auto_submit_if_due(attempt_id)
                except Exception:  # the store failed: the next tick tries again
                    self._deadlines[attempt_id] = deadline
                    heapq.heappush(self._queue, (deadline, attempt_id))
                    raise
                if done:
                    submitted.append(attempt_id)
                else:  # submitted elsewhere, or extended meanwhile, or the candidate never came
                    recheck.add(attempt_id)
            if recheck:
                with self.db.reader() as s:
                    self._reread(s.connection(), recheck, due_ok=False)
            self.ticks += 1
            return SweepTick(tuple(submitted), reread + len(recheck), len(self._deadlines))

    def _catch_up(self) -> int:
        """Read the ledgers that changed since the last tick (all open sessions' at the first)."""
        with self.db.reader() as s:
            c = s.connection()
            if self._marks is None:
                events, logins = c.execute(_Q_MARKS).one()  # first: later rows are read again, none missed
                self._marks = (events or 0, logins or 0)
                attempts = set()
                for attempt_id, session_id, duration in c.execute(_Q_OPEN_ATTEMPTS):
                    self._session_of[attempt_id], self._durations[attempt_id] = session_id, duration
                    attempts.add(attempt_id)
                return self._reread(c, attempts)
            events, logins = self._marks
            changed: set[int] = set()
            rooms: set[int] = set()
            for what, row_id, session_id, attempt_id in c.execute(_Q_CHANGES, {"events": events, "logins": logins}):
                if what == 0:
                    events = max(events, row_id)
                else:
                    logins = max(logins, row_id)
                if attempt_id is None:
                    rooms.add(session_id)
                else:
                    changed.add(attempt_id)
                    self._session_of[attempt_id] = session_id
            for chunk in _chunks(rooms):  # an event for a whole room moves every attempt in it
                for attempt_id, session_id in c.execute(_Q_SESSION_ATTEMPTS, {"sids": chunk}):
                    changed.add(attempt_id)
                    self._session_of[attempt_id] = session_id
            self._marks = (events, logins)
            return self._reread(c, changed) if changed else 0

    def _reread(self, c: Connection, attempt_ids: set[int], *, due_ok: bool = True) -> int:
        """Each attempt's ledger as of now; a running one gets its deadline. `due_ok` False: one
        that is due already is left out (its submit just came back empty: a candidate who never
        came waits for a login, which brings it back)."""
        if not attempt_ids:
            return 0
        unknown = [a for a in attempt_ids if a not in self._durations or a not in self._session_of]
        for chunk in _chunks(unknown):
            for attempt_id, session_id, duration in c.execute(_Q_FACTS, {"ids": chunk}):
                self._session_of[attempt_id], self._durations[attempt_id] = session_id, duration
        attempt_ids = {a for a in attempt_ids if a in self._durations}
        missing = {a for a in attempt_ids if a not in self._checkpoints}
        if missing:
            found = old_epoch_checkpoints(c, "IDS", {"ids": sorted(missing)}, missing, self.db.epoch)
            for attempt_id, checkpoints in found.items():
                self._checkpoints[attempt_id] = tuple(checkpoints)
        by_session: dict[int, set[int]] = {}
        for attempt_id in attempt_ids:
            by_session.setdefault(self._session_of[attempt_id], set()).add(attempt_id)
        now = Instant(self.db.epoch, self.db.mono())
        for session_id, ids in by_session.items():
            shared: list[EventRow] = []
            own: dict[int, list[EventRow]] = {}
            for chunk in _chunks(ids):
                for event_attempt, *row in c.execute(_Q_EVENTS, {"sid": session_id, "ids": chunk}):
                    event = cast(EventRow, tuple(row))
                    if event_attempt is None:  # a room-wide event
                        shared.append(event)
                    else:
                        own.setdefault(event_attempt, []).append(event)
            shared = sorted(set(shared))  # a room's events come back with every chunk
            for attempt_id in ids:
                events = timeline(shared, sorted(own.get(attempt_id, ())), self._checkpoints[attempt_id])
                ledger = view(self._durations[attempt_id], events, now)
                if ledger.state is not LedgerState.RUNNING or (not due_ok and ledger.remaining <= 0):
                    self._deadlines.pop(attempt_id, None)
                    continue
                deadline = now.mono + ledger.allowed - ledger.consumed  # in the past when overdue
                if self._deadlines.get(attempt_id) != deadline:
                    self._deadlines[attempt_id] = deadline
                    heapq.heappush(self._queue, (deadline, attempt_id))
        if len(self._queue) > 4 * len(self._deadlines) + 64:  # drop the stale entries now and then
            self._queue = [(d, a) for d, a in self._queue if self._deadlines.get(a) == d]
            heapq.heapify(self._queue)
        return len(attempt_ids)
