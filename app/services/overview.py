"""The proctor's live overview of a session, kept up to date from what changed since the last call.

`ProctorService.session_overview` is called every two seconds per open console. A call costs the
session's candidate list (read every time: names are cached, extra time and logins may change)
plus what was written since the previous call:

- Steps: one query for the attempts with steps newer than the highest step id seen (a range of the
  primary key, however old the store); only those attempts are summed again, with aggregate SQL
  (answered and flagged slots, focus losses, the last edit's instant, how it ended); no answer is
  read or decrypted, only the reason of a submit step, once (app/services/answer_log.py).
- Time events, check-ins and attempts: only rows newer than the highest id seen. Events for the whole
  session are kept once and merged into each attempt's time line, never copied per candidate.
- Paper sizes: cached by paper id (a drawn paper never changes), so a paper is decrypted once per
  process.

The ledger of each open attempt is evaluated at `now` on every call (remaining time moves on); an
ended attempt needs none. Everything cached for a session is one immutable `OverviewCache`, built
anew from the previous one and swapped in whole, so threads calling at once each see a consistent
snapshot; the newest one is kept.

Reading "newer than the highest id seen" relies on writers being serialised, as they are on both
stores (SQLite's single writer; the PostgreSQL advisory lock every write transaction takes, which
the audit chain needs anyway): a row is visible no later than every row with a higher id.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import BindParameter, Connection, and_, bindparam, case, func, select

from app.domain.answers import LIVE_MODES
from app.domain.attempt_state import StepKind
from app.domain.time_ledger import Instant, TimeEvent, TimeEventKind
from app.services.answer_log import read_logs
from app.services.scoring import ABSENT
from app.store.models import (
    Attempt,
    AttemptHeartbeat,
    AttemptStep,
    Candidate,
    CheckIn,
    PaperInstance,
    StationLogin,
    TimeEventRow,
)

EDITS = ("answer", "clear", "flag", "unflag")  # the steps a candidate saves; "last save" counts these
ENDINGS = ("terminated", ABSENT)  # a submit step's reason that is its own state; any other is "submitted"
_CHUNK = 500  # ids per IN list


@dataclass(frozen=True)
class Progress:
    """One attempt's progress from its steps (no answer data)."""

    answered: int = 0
    flagged: int = 0
    focus: int = 0
    ended: str | None = None  # "submitted" | "terminated" | "absent"
    last_at: tuple[Any, float] | None = None  # (epoch, mono) of the last saved answer, clear or flag


NO_STEPS = Progress()


@dataclass(frozen=True)
class AttemptFacts:
    attempt_id: int
    paper_id: int
    duration: float


EventRow = tuple[int, str, Any, float, float]  # id, kind, epoch, mono, seconds


@dataclass(frozen=True)
class OverviewCache:
    """What one session's overview knows, as of the highest ids it has read."""

    session_id: int
    attempt_upto: int = 0
    attempts: Mapping[int, AttemptFacts] = field(default_factory=dict)  # candidate id -> attempt
    checkin_upto: int = 0
    checked: Mapping[int, str] = field(default_factory=dict)  # candidate id -> station of the last check-in
    event_upto: int = 0
    shared: tuple[EventRow, ...] = ()  # the session's own events (attempt_id NULL), in id order
    own: Mapping[int, tuple[EventRow, ...]] = field(default_factory=dict)  # attempt id -> its events
    step_upto: int = 0
    progress: Mapping[int, Progress] = field(default_factory=dict)  # attempt id -> progress
    timelines: Mapping[int, tuple[TimeEvent, ...]] = field(default_factory=dict)  # attempt id -> sorted events
    beat_upto: int = 0
    heard: Mapping[int, tuple[Any, float]] = field(default_factory=dict)  # attempt id -> last heartbeat's instant

    @property
    def mark(self) -> tuple[int, int, int, int]:
        return (self.step_upto, self.event_upto, self.checkin_upto, self.attempt_upto)


# -- statements -----------------------------------------------------------------------------------

_SESSION_CANDIDATES = select(Candidate.id).where(Candidate.session_id == bindparam("sid")).scalar_subquery()
Q_LISTED = (
    select(Candidate.id, Candidate.ticket, Candidate.extra_seconds)
    .where(Candidate.session_id == bindparam("sid"))
    .order_by(Candidate.ticket)
)
_Q_NEW_ATTEMPTS = select(Attempt.id, Attempt.candidate_id, Attempt.paper_id, Attempt.duration_seconds).where(
    Attempt.session_id == bindparam("sid"), Attempt.id > bindparam("upto")
)
Q_LOGGED = select(StationLogin.candidate_id, StationLogin.station).where(
    StationLogin.candidate_id.in_(_SESSION_CANDIDATES), StationLogin.open
)
_Q_NEW_CHECKINS = (
    select(CheckIn.id, CheckIn.candidate_id, CheckIn.station)
    .where(CheckIn.id > bindparam("upto"), CheckIn.candidate_id.in_(_SESSION_CANDIDATES))
    .order_by(CheckIn.id)
)
_Q_NEW_EVENTS = (
    select(TimeEventRow.id, TimeEventRow.attempt_id, TimeEventRow.kind, TimeEventRow.epoch, TimeEventRow.mono,
           TimeEventRow.seconds)
    .where(TimeEventRow.session_id == bindparam("sid"), TimeEventRow.id > bindparam("upto"))
    .order_by(TimeEventRow.id)
)  # fmt: skip
_Q_MAX_STEP = select(func.max(AttemptStep.id))
# no GROUP BY: grouped, SQLite would walk the whole (attempt_id, seq) index rather than the new ids
_Q_CHANGED = select(AttemptStep.id, AttemptStep.attempt_id).where(AttemptStep.id > bindparam("upto"))
_kind, _seq = AttemptStep.kind, AttemptStep.seq
_Q_MAX_BEAT = select(func.max(AttemptHeartbeat.id))
_Q_NEW_BEATS = select(AttemptHeartbeat.id, AttemptHeartbeat.attempt_id, AttemptHeartbeat.epoch,
                      AttemptHeartbeat.mono).where(AttemptHeartbeat.id > bindparam("upto"))  # fmt: skip
_Q_HEARD = (
    select(AttemptHeartbeat.attempt_id, func.max(AttemptHeartbeat.mono))
    .where(AttemptHeartbeat.attempt_id.in_(select(Attempt.id).where(Attempt.session_id == bindparam("sid"))),
           AttemptHeartbeat.epoch == bindparam("epoch"))
    .group_by(AttemptHeartbeat.attempt_id)
)  # fmt: skip


class Scope:
    """Which attempts an aggregate reads, as a subquery, so that each statement's SQL is the same on
    every call (prepared once: an IN list of another length would be new SQL to prepare)."""

    IDS: BindParameter[int] = bindparam("ids", expanding=True)  # a list: new attempts, new submits (rare)
    NEW_STEPS = select(AttemptStep.attempt_id).where(AttemptStep.id > bindparam("upto"))  # with steps since
    SESSION = (
        select(Attempt.id).join(Candidate, Candidate.id == Attempt.candidate_id)
        .where(Candidate.session_id == bindparam("sid"))
    )  # fmt: skip


class _Aggregates:
    """The statements summing the steps of the attempts in one scope."""

    def __init__(self, scope: Any):
        in_scope = AttemptStep.attempt_id.in_(scope)
        per_slot = (
            select(
                AttemptStep.attempt_id.label("aid"),
                func.max(case((_kind == "answer", _seq))).label("answer"),
                func.max(case((_kind == "clear", _seq))).label("clear"),
                func.max(case((_kind == "flag", _seq))).label("flag"),
                func.max(case((_kind == "unflag", _seq))).label("unflag"),
            )
            .where(in_scope, _kind.in_(EDITS))
            .group_by(AttemptStep.attempt_id, AttemptStep.slot)
            .subquery()
        )
        # a slot is answered (flagged) when its last answer (flag) comes after its last clear (unflag)
        self.slots = select(
            per_slot.c.aid,
            func.sum(case((per_slot.c.answer > func.coalesce(per_slot.c.clear, 0), 1), else_=0)),
            func.sum(case((per_slot.c.flag > func.coalesce(per_slot.c.unflag, 0), 1), else_=0)),
        ).group_by(per_slot.c.aid)
        self.counts = (
            select(AttemptStep.attempt_id, func.count(case((_kind == "focus", 1))),
                   func.max(case((_kind == "submit", 1))))
            .where(in_scope)
            .group_by(AttemptStep.attempt_id)
        )  # fmt: skip
        last_edit = (
            select(AttemptStep.attempt_id.label("aid"), func.max(_seq).label("seq"))
            .where(in_scope, _kind.in_(EDITS))
            .group_by(AttemptStep.attempt_id)
            .subquery()
        )
        self.last_edit = select(AttemptStep.attempt_id, AttemptStep.epoch, AttemptStep.mono).join(
            last_edit, and_(AttemptStep.attempt_id == last_edit.c.aid, _seq == last_edit.c.seq)
        )
        self.old_epochs = (
            select(AttemptStep.attempt_id, AttemptStep.epoch, func.max(AttemptStep.mono))
            .where(in_scope, AttemptStep.epoch != bindparam("epoch"))
            .group_by(AttemptStep.attempt_id, AttemptStep.epoch)
        )
        self.old_beats = (  # a station's heartbeats are checkpoints too (migration 0008)
            select(AttemptHeartbeat.attempt_id, AttemptHeartbeat.epoch, func.max(AttemptHeartbeat.mono))
            .where(AttemptHeartbeat.attempt_id.in_(scope), AttemptHeartbeat.epoch != bindparam("epoch"))
            .group_by(AttemptHeartbeat.attempt_id, AttemptHeartbeat.epoch)
        )


_AGGREGATES = {scope: _Aggregates(getattr(Scope, scope)) for scope in ("IDS", "NEW_STEPS", "SESSION")}
_Q_SLOTS = select(PaperInstance.id, PaperInstance.slots).where(PaperInstance.id.in_(Scope.IDS))
_Q_PAPERS = select(PaperInstance.id, PaperInstance.content).where(PaperInstance.id.in_(Scope.IDS))


def _chunks(ids: Iterable[int]) -> Iterable[list[int]]:
    ordered = sorted(ids)
    for n in range(0, len(ordered), _CHUNK):
        yield ordered[n:n + _CHUNK]


def _rows(c: Connection, statement: Any, scope: str, params: Mapping[str, Any]) -> Sequence[Any]:
    """Rows of `statement` for the attempts of `scope`; for IDS, `params["ids"]` in chunks."""
    if scope != "IDS":
        return c.execute(statement, dict(params)).all()
    out: list[Any] = []
    for chunk in _chunks(params["ids"]):
        out.extend(c.execute(statement, {**params, "ids": chunk}).all())
    return out


# -- reading ---------------------------------------------------------------------------------------


def progress_of(c: Connection, scope: str, params: Mapping[str, Any], wanted: set[int],
                known: Mapping[int, Progress]) -> dict[int, Progress]:  # fmt: skip
    """Progress of the attempts in `wanted` (all within `scope`) from their steps, by aggregate
    queries; how an attempt ended is taken from `known` when it had already ended (a submit is
    final), else from its submit step."""
    if not wanted:
        return {}
    queries = _AGGREGATES[scope]
    slots = {aid: (answered, flagged) for aid, answered, flagged in _rows(c, queries.slots, scope, params)}
    counts = {aid: (focus, submitted) for aid, focus, submitted in _rows(c, queries.counts, scope, params)}
    last = {aid: (epoch, mono) for aid, epoch, mono in _rows(c, queries.last_edit, scope, params)}
    ended = {aid: known[aid].ended for aid in wanted if aid in known and known[aid].ended}
    unknown = [aid for aid, (_focus, submitted) in counts.items() if submitted and aid in wanted and aid not in ended]
    for aid, log in read_logs(c, unknown, kinds=(StepKind.SUBMIT,)).items():  # the reason is in the step's data
        ended[aid] = log.ended if log.ended in ENDINGS else "submitted"
    out = {}
    for aid in wanted:
        answered, flagged = slots.get(aid, (0, 0))
        focus, _submitted = counts.get(aid, (0, None))
        out[aid] = Progress(int(answered or 0), int(flagged or 0), int(focus or 0), ended.get(aid), last.get(aid))
    return out


def old_epoch_checkpoints(c: Connection, scope: str, params: Mapping[str, Any], wanted: set[int],
                          epoch: Any) -> dict[int, list[TimeEvent]]:  # fmt: skip
    """For each attempt in `wanted` and each clock epoch before `epoch`, the last step's and
    heartbeat's instants (checkpoints), as `ExamDay._steps_summary` (app/services/exam_day.py)
    finds them one attempt at a time."""
    out: dict[int, list[TimeEvent]] = {aid: [] for aid in wanted}
    aggregates = _AGGREGATES[scope]
    for query in (aggregates.old_epochs, aggregates.old_beats):
        for aid, old, mono in _rows(c, query, scope, {**params, "epoch": epoch}):
            if aid in out:
                out[aid].append(TimeEvent(TimeEventKind.CHECKPOINT, Instant(old, mono)))
    return out


def paper_slots(c: Connection, paper_ids: Iterable[int], *, live: bool = False) -> dict[int, tuple[int, int]]:
    """Each paper's (questions answered by typing, observed and oral tasks): the slot count is stored
    with the paper when it was drawn; a paper drawn before that (revision 0011), or with `live` (a
    skill session's papers, whose observed and oral tasks are performed in front of the examiners,
    never typed), is decrypted and counted (cache the answer)."""
    out = {pid: (slots, 0) for pid, slots in _rows(c, _Q_SLOTS, "IDS", {"ids": list(paper_ids)})}
    opened = list(out) if live else [pid for pid, (slots, _live) in out.items() if slots is None]
    for pid, content in _rows(c, _Q_PAPERS, "IDS", {"ids": opened}) if opened else ():
        performed = sum(1 for entry in content["items"] if entry.get("mode") in LIVE_MODES)
        out[pid] = (len(content["items"]) - performed, performed)
    return out


def timeline(shared: Sequence[EventRow], own: Sequence[EventRow],
             checkpoints: Sequence[TimeEvent]) -> tuple[TimeEvent, ...]:  # fmt: skip
    """An attempt's ledger events in time order: the session's and its own (in the order they were
    written), then checkpoints, sorted by instant (stable, as `exam_day._ledger_from` sorts)."""
    rows = sorted((*shared, *own)) if own and shared else (own or shared)
    events = [TimeEvent(TimeEventKind(kind), Instant(epoch, mono), seconds) for _id, kind, epoch, mono, seconds in rows]
    events += checkpoints
    events.sort(key=lambda ev: (ev.at.epoch, ev.at.mono))
    return tuple(events)


class OverviewCaches:
    """The per-session caches of one service, the most recently refreshed `keep` of them; see the
    module's doc."""

    def __init__(self, keep: int = 16) -> None:
        self._by_session: dict[int, OverviewCache] = {}
        self._keep = keep
        self._lock = threading.Lock()  # held only to swap a finished cache in

    def get(self, session_id: int) -> OverviewCache | None:
        return self._by_session.get(session_id)

    def put(self, cache: OverviewCache) -> None:
        """Keep `cache` unless a newer one for its session got there first."""
        with self._lock:
            current = self._by_session.get(cache.session_id)
            if current is None or all(new >= old for new, old in zip(cache.mark, current.mark, strict=True)):
                by_session = {sid: c for sid, c in self._by_session.items() if sid != cache.session_id}
                by_session[cache.session_id] = cache  # last: the most recent
                while len(by_session) > self._keep:
                    del by_session[next(iter(by_session))]
                self._by_session = by_session


def refreshed(
    s: Connection, prev: OverviewCache | None, session_id: int, epoch: Any,
    checkpoints: dict[int, tuple[TimeEvent, ...]],
) -> OverviewCache:  # fmt: skip
    """`prev` brought up to date with what was written since it was read (everything when None).

    `checkpoints` is the service's per-attempt cache of earlier epochs' checkpoints; attempts not
    in it are looked up together and added."""
    cold = prev is None
    prev = prev or OverviewCache(session_id)

    aid: int | None  # an attempt's id in the loops below; None for a time event of the whole session
    attempts = prev.attempts
    new_attempts = s.execute(_Q_NEW_ATTEMPTS, {"sid": session_id, "upto": prev.attempt_upto}).all()
    attempt_upto = prev.attempt_upto
    if new_attempts:
        attempts = dict(attempts)
        for aid, cid, pid, duration in new_attempts:
            attempts[cid] = AttemptFacts(aid, pid, duration)
            attempt_upto = max(attempt_upto, aid)
    session_attempts = {facts.attempt_id for facts in attempts.values()}

    checked, checkin_upto = prev.checked, prev.checkin_upto
    new_checkins = s.execute(_Q_NEW_CHECKINS, {"sid": session_id, "upto": checkin_upto}).all()
    if new_checkins:
        checked = dict(checked)
        for cid_row, cid, station in new_checkins:
            checked[cid] = station  # the last check-in counts
            checkin_upto = cid_row

    shared, own, event_upto = prev.shared, prev.own, prev.event_upto
    new_events = s.execute(_Q_NEW_EVENTS, {"sid": session_id, "upto": event_upto}).all()
    retimed: set[int] = set()  # attempts whose time line changed
    if new_events:
        added_shared: list[EventRow] = []
        added_own: dict[int, list[EventRow]] = {}
        for eid, aid, kind, ev_epoch, mono, seconds in new_events:
            row = (eid, kind, ev_epoch, mono, seconds)
            if aid is None:
                added_shared.append(row)
            else:
                added_own.setdefault(aid, []).append(row)
            event_upto = eid
        if added_shared:
            shared = (*shared, *added_shared)
            retimed = set(session_attempts)
        if added_own:
            own = dict(own)
            for aid, rows in added_own.items():
                own[aid] = (*own.get(aid, ()), *rows)
            retimed |= set(added_own)

    progress = prev.progress
    if cold:  # every attempt of the session, however many steps the store holds
        step_upto = s.execute(_Q_MAX_STEP).scalar() or 0
        progress = progress_of(s, "SESSION", {"sid": session_id}, session_attempts, {})
    else:
        step_upto, changed = prev.step_upto, set()
        for step_id, aid in s.execute(_Q_CHANGED, {"upto": prev.step_upto}).all():
            step_upto = max(step_upto, step_id)
            changed.add(aid)
        changed &= session_attempts
        new = session_attempts - set(prev.progress) - changed
        if changed or new:
            progress = dict(progress)
            progress.update(progress_of(s, "NEW_STEPS", {"upto": prev.step_upto}, changed, prev.progress))
            progress.update(progress_of(s, "IDS", {"ids": sorted(new)}, new, prev.progress))

    heard, beat_upto = prev.heard, prev.beat_upto  # heartbeats: like steps, by a range of the primary key
    if cold:
        beat_upto = s.execute(_Q_MAX_BEAT).scalar() or 0
        heard = {aid: (epoch, mono) for aid, mono in s.execute(_Q_HEARD, {"sid": session_id, "epoch": epoch})}
    else:
        beats = s.execute(_Q_NEW_BEATS, {"upto": beat_upto}).all()
        if beats:
            heard = dict(heard)
            for beat_id, aid, beat_epoch, mono in beats:
                beat_upto = max(beat_upto, beat_id)
                if aid in session_attempts and beat_epoch == epoch and mono > heard.get(aid, (epoch, -1.0))[1]:
                    heard[aid] = (beat_epoch, mono)

    missing = {aid for aid in session_attempts if aid not in checkpoints}
    if missing:
        scope, params = ("SESSION", {"sid": session_id}) if cold else ("IDS", {"ids": sorted(missing)})
        for aid, found in old_epoch_checkpoints(s, scope, params, missing, epoch).items():
            checkpoints.setdefault(aid, tuple(found))  # set whole: threads share the cache
        retimed |= missing
    retimed |= session_attempts - set(prev.timelines)
    timelines = prev.timelines
    if retimed:
        timelines = dict(timelines)
        for aid in retimed & session_attempts:
            timelines[aid] = timeline(shared, own.get(aid, ()), checkpoints[aid])

    return OverviewCache(session_id, attempt_upto, attempts, checkin_upto, checked, event_upto, shared, own,
                         step_upto, progress, timelines, beat_upto, heard)  # fmt: skip
