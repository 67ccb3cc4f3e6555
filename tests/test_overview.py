"""The proctor's overview, kept up to date from what changed (app/services/overview.py), always equals
the overview computed from scratch: by a new service, and by a plain reading of every step and time
event (the algorithm the overview had before it was incremental)."""

from __future__ import annotations

import random
import threading
from typing import Any

import pytest
from sqlalchemy import select
from store_fixtures import (
    BACKENDS,
    CANDIDATES,
    build_world,
    first_proctor,
    fresh_url,
    sample_content,
    seated_login,
    shared_catalog,
)

from app.demo import demo_people
from app.domain.time_ledger import Instant, LedgerState, TimeEvent, TimeEventKind, view
from app.services.exam import CandidateRow, ExamService
from app.services.overview import OverviewCache, OverviewCaches
from app.store.clock import FakeMachineClock
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

PEOPLE = demo_people(6, random.Random(3))  # valid ID numbers for the candidates added here


def reference(exam: ExamService, session_id: int, now: Instant) -> list[CandidateRow]:
    """Every row from every step and event of the session, read afresh, nothing cached."""
    with exam.db.reader() as s:
        candidates = s.scalars(select(Candidate).where(Candidate.session_id == session_id)
                               .order_by(Candidate.ticket)).all()  # fmt: skip
        rows = []
        for cand in candidates:
            checked = [c.station for c in s.scalars(select(CheckIn).where(CheckIn.candidate_id == cand.id)
                                                    .order_by(CheckIn.id))]  # fmt: skip
            logged = [x.station for x in s.scalars(select(StationLogin).where(
                StationLogin.candidate_id == cand.id, StationLogin.open))]  # fmt: skip
            attempt = s.scalar(select(Attempt).where(Attempt.candidate_id == cand.id))
            state = "logged_in" if logged else "checked_in" if checked else "absent"
            answered = flagged = focus = total = 0
            remaining = since = heard = None
            if attempt is not None:
                total = len(s.get(PaperInstance, attempt.paper_id).content["items"])
                answers: set[int] = set()
                flags: set[int] = set()
                ended, last_at = None, None
                steps = s.scalars(select(AttemptStep).where(AttemptStep.attempt_id == attempt.id)
                                  .order_by(AttemptStep.seq)).all()  # fmt: skip
                for step in steps:
                    if step.kind == "answer":
                        answers.add(step.slot)
                    elif step.kind == "clear":
                        answers.discard(step.slot)
                    elif step.kind == "flag":
                        flags.add(step.slot)
                    elif step.kind == "unflag":
                        flags.discard(step.slot)
                    elif step.kind == "focus":
                        focus += 1
                    elif step.kind == "submit":
                        reason = (step.data or {}).get("reason")
                        ended = reason if reason in ("terminated", "absent") else "submitted"
                    if step.kind in ("answer", "clear", "flag", "unflag"):
                        last_at = (step.epoch, step.mono)
                answered, flagged = len(answers), len(flags)
                events = [
                    TimeEvent(TimeEventKind(e.kind), Instant(e.epoch, e.mono), e.seconds)
                    for e in s.scalars(select(TimeEventRow).where(TimeEventRow.session_id == session_id)
                                       .order_by(TimeEventRow.id))
                    if e.attempt_id in (None, attempt.id)
                ]  # fmt: skip
                old_epochs: dict[Any, float] = {}
                for step in steps:
                    if step.epoch != now.epoch:
                        old_epochs[step.epoch] = max(old_epochs.get(step.epoch, step.mono), step.mono)
                events += [TimeEvent(TimeEventKind.CHECKPOINT, Instant(e, m)) for e, m in sorted(old_epochs.items())]
                events.sort(key=lambda ev: (ev.at.epoch, ev.at.mono))
                ledger = view(attempt.duration_seconds, events, now)
                remaining = ledger.remaining
                if ledger.state is LedgerState.RUNNING and logged:
                    state = "answering"
                elif ledger.state is LedgerState.PAUSED:
                    state = "paused"
                elif ledger.state is LedgerState.INTERRUPTED:
                    state = "interrupted"
                if last_at and last_at[0] == now.epoch:
                    since = max(0.0, now.mono - last_at[1])
                heard = since
                beats = s.scalars(select(AttemptHeartbeat.mono).where(AttemptHeartbeat.attempt_id == attempt.id,
                                                                      AttemptHeartbeat.epoch == now.epoch)).all()
                if beats:
                    beat_age = max(0.0, now.mono - max(beats))
                    heard = beat_age if heard is None else min(heard, beat_age)
                if ended:
                    state, remaining = ended, 0.0
            rows.append(CandidateRow(
                cand.id, cand.ticket, cand.name, attempt.id if attempt else None,
                (logged[-1] if logged else None) or (checked[-1] if checked else None), state, answered, total,
                flagged, remaining, since, focus, cand.extra_seconds, heard if attempt is not None else None,
            ))  # fmt: skip
        return rows


class Checker:
    """Compares the long-lived service's overview with a new service's and with `reference`, at one
    instant (the same `now` for all three)."""

    def __init__(self, exam: ExamService, session_id: int, proctor: Any, monkeypatch: pytest.MonkeyPatch):
        self.exam, self.session_id, self.proctor, self.monkeypatch = exam, session_id, proctor, monkeypatch
        self.compared = 0

    def __call__(self, exam: ExamService | None = None) -> list[CandidateRow]:
        exam = exam or self.exam
        now = exam._instant()
        fresh = ExamService(exam.db, shared_catalog())
        for service in (exam, fresh):
            self.monkeypatch.setattr(service, "_instant", lambda: now)
        try:
            incremental = exam.session_overview(self.proctor, self.session_id)
            assert incremental == fresh.session_overview(self.proctor, self.session_id)
            assert incremental == reference(exam, self.session_id, now)
        finally:
            self.monkeypatch.undo()
        self.compared += 1
        return incremental


@pytest.fixture(params=BACKENDS)
def world(request, tmp_path):
    w = build_world(fresh_url(request.param, tmp_path))
    for n, (ticket, name, number, _ability) in enumerate(PEOPLE):  # papers of several sizes
        cid = w.exam.add_candidate(w.admin, w.session_id, ticket=ticket, name=name, id_number=number)
        w.candidates[ticket] = cid
        w.attempts[ticket] = w.exam.prepare_attempt(w.admin, cid, sample_content(3 + n), 5400.0)
    yield w
    w.db.close()


def log_in(exam: ExamService, ticket: str, station: str, move_code: str = ""):
    number = CANDIDATES[ticket][1] if ticket in CANDIDATES else next(p[2] for p in PEOPLE if p[0] == ticket)
    if move_code:  # at another station, with a proctor's move code
        return exam.candidate_login(ticket=ticket, id_number=number, station=station, move_code=move_code)
    return seated_login(exam, first_proctor(exam), ticket, number, station)


def test_the_incremental_overview_equals_a_computation_from_scratch(world, monkeypatch):
    exam, sid, proctor = world.exam, world.session_id, world.proctor
    check = Checker(exam, sid, proctor, monkeypatch)
    t = [*CANDIDATES, *(p[0] for p in PEOPLE)]
    assert {r.state for r in check()} == {"absent"}
    exam.check_in(proctor, world.candidates[t[0]], "PC-01")
    exam.check_in(proctor, world.candidates[t[1]], "PC-02")
    exam.check_in(proctor, world.candidates[t[1]], "PC-12")  # seated again: the last check-in counts
    check()
    exam.start_session(proctor, sid)
    logins = {ticket: log_in(exam, ticket, f"PC-{n:02d}") for n, ticket in enumerate(t[:6])}
    seq = {ticket: 0 for ticket in logins}

    def save(ticket: str, slot: int, answer: Any = "A") -> None:
        login = logins[ticket]
        seq[ticket] = exam.save_answer(login.actor, login.attempt_id, seq[ticket], slot, answer).seq

    def flag(ticket: str, slot: int, on: bool) -> None:
        login = logins[ticket]
        seq[ticket] = exam.set_flag(login.actor, login.attempt_id, seq[ticket], slot, on).seq

    for ticket in t[:4]:
        save(ticket, 0)
    check()
    save(t[0], 1)
    save(t[0], 1, "B")  # answered again: still one slot
    save(t[0], 0, None)  # cleared
    flag(t[0], 2, True)
    flag(t[1], 0, True)
    flag(t[1], 0, False)
    flag(t[1], 1, True)
    for ticket in (t[1], t[2]):  # their stations' heartbeats: the grid's "heard from" (a warm cache reads them by id)
        exam.heartbeat(logins[ticket].actor, logins[ticket].attempt_id, station_mono=5.0)
    save(t[2], 2)
    seq[t[3]] = exam.report_focus_loss(logins[t[3]].actor, logins[t[3]].attempt_id, seq[t[3]]).seq
    rows = {r.ticket: r for r in check()}
    assert (rows[t[0]].answered, rows[t[0]].flagged, rows[t[1]].flagged, rows[t[3]].focus_losses) == (1, 1, 1, 1)

    exam.pause(proctor, sid, logins[t[0]].attempt_id, "身体不适")
    check()
    exam.pause(proctor, sid, None, "全场停电")
    exam.extend(proctor, sid, logins[t[1]].attempt_id, 300, "补时")
    assert {r.ticket: r for r in check()}[t[0]].state == "paused"
    exam.extend(proctor, sid, None, 600, "全场补时")
    exam.resume(proctor, sid, None, "恢复")
    check()
    exam.resume(proctor, sid, logins[t[0]].attempt_id)
    save(t[4], 0)
    exam.submit(logins[t[4]].actor, logins[t[4]].attempt_id)
    exam.submit(proctor, logins[t[2]].attempt_id, reason="统一收卷")
    exam.terminate(proctor, logins[t[3]].attempt_id, "夹带")
    rows = {r.ticket: r for r in check()}
    assert [rows[x].state for x in (t[4], t[2], t[3])] == ["submitted", "submitted", "terminated"]

    move = exam.allow_move(proctor, world.candidates[t[5]], "换机")
    check()
    logins[t[5]] = log_in(exam, t[5], "PC-30", move.code)
    save(t[5], 1)
    assert {r.ticket: r for r in check()}[t[5]].station == "PC-30"
    for ticket in (t[0], t[1], t[5]):
        exam.submit(logins[ticket].actor, logins[ticket].attempt_id)
    exam.close_session(proctor, sid)  # the rest recorded absent; theory papers graded (grade steps)
    rows = check()
    assert {r.state for r in rows} == {"submitted", "terminated", "absent"}
    assert check.compared == 11


def test_a_new_clock_epoch_shows_what_the_last_one_left(world, monkeypatch):
    """After the machine restarts the attempt's clock stopped at its last step (an earlier epoch's checkpoint)."""
    exam, sid = world.exam, world.session_id
    exam.start_session(world.proctor, sid)
    login = log_in(exam, "T001", "PC-01")
    exam.save_answer(login.actor, login.attempt_id, 0, 0, "B")
    world = world.reopen(machine=FakeMachineClock(10.0, boot="restarted"))  # a new boot: a new epoch
    check = Checker(world.exam, sid, world.proctor, monkeypatch)
    assert {r.ticket: r for r in check()}["T001"].state == "interrupted"
    login = log_in(world.exam, "T001", "PC-01")  # back: the clock runs again
    world.exam.save_answer(login.actor, login.attempt_id, 1, 1, "A")
    row = {r.ticket: r for r in check()}["T001"]
    assert (row.state, row.answered) == ("answering", 2)
    world.db.close()


def test_threads_calling_at_once_leave_a_cache_equal_to_a_fresh_computation(world, monkeypatch):
    exam, sid, proctor = world.exam, world.session_id, world.proctor
    exam.start_session(proctor, sid)
    tickets = [p[0] for p in PEOPLE]
    logins = [log_in(exam, ticket, f"PC-{n:02d}") for n, ticket in enumerate(tickets)]
    failures: list[BaseException] = []
    stop = threading.Event()

    def read() -> None:
        try:
            while not stop.is_set():
                rows = exam.session_overview(proctor, sid)
                assert len(rows) == len(tickets) + len(CANDIDATES)
        except BaseException as exc:  # reported below
            failures.append(exc)

    readers = [threading.Thread(target=read) for _ in range(3)]
    for thread in readers:
        thread.start()
    try:
        for n in range(3):
            for login in logins:
                exam.save_answer(login.actor, login.attempt_id, n, n, "A")
            exam.extend(proctor, sid, logins[n].attempt_id, 60, "补时")
    finally:
        stop.set()
        for thread in readers:
            thread.join()
    assert failures == []
    rows = Checker(exam, sid, proctor, monkeypatch)()
    assert {r.answered for r in rows if r.ticket in tickets} == {3}


def test_the_caches_keep_the_newest_snapshot_of_the_most_recent_sessions():
    caches = OverviewCaches(keep=2)
    newer = OverviewCache(1, step_upto=10, event_upto=5)
    caches.put(newer)
    caches.put(OverviewCache(1, step_upto=9, event_upto=5))  # a slower thread's older read
    assert caches.get(1) is newer
    caches.put(OverviewCache(2))
    caches.put(OverviewCache(3))
    assert caches.get(1) is None and caches.get(2) is not None and caches.get(3) is not None
