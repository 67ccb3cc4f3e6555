"""Time across a reboot of the centre's machine: the stations went on, and their heartbeats (live
ones read both clocks together; journaled ones carry the station's own clock) prove for how long.
The rule is app.domain.time_ledger.outage_charge; docs/centre.md, "When the centre server restarts"."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select

from app.api.server import Server
from app.domain.time_ledger import (
    Instant,
    LedgerState,
    StationBeat,
    TimeEvent,
    TimeEventKind,
    outage_charge,
    view,
)
from app.flows.candidate import Stage
from app.services.backend import Backend
from app.services.exam import ExamService
from app.store.clock import FakeMachineClock
from app.store.models import AuditEntry
from tests.store_fixtures import CANDIDATES, seated_login, shared_catalog
from tests.test_offline_flow import TRANSPORTS, answering

STATION_START = 50_000.0  # the station's own monotonic clock when the exam started: any number


# -- the rule ----------------------------------------------------------------------------------


def _beat(epoch, mono, station, offline=False):
    return StationBeat(Instant(epoch, mono), station, offline)


def test_the_station_proves_the_outage_from_its_last_live_heartbeat_along_its_journal():
    stopped = Instant(1, 1110.0)  # the old epoch's last checkpoint: an answer 10 s after the heartbeat
    beats = [_beat(1, 1000.0, 900.0), _beat(1, 1100.0, 1000.0)]  # live: both clocks read together
    beats += [_beat(2, 40.0, 1000.0 + 15 * n, offline=True) for n in range(1, 40)]  # journaled meanwhile
    charge = outage_charge(stopped, beats, now_station=1000.0 + 15 * 40)
    assert charge.reaches_now and charge.proven_until == 1600.0
    assert charge.seconds == pytest.approx(600 - 10)  # the 10 s after the anchor were charged already


def test_the_proof_ends_at_a_silence_or_a_clock_that_went_back():
    stopped = Instant(1, 1100.0)
    beats = [_beat(1, 1100.0, 1000.0), *(_beat(2, 9.0, 1000.0 + 15 * n, True) for n in range(1, 5))]
    silent = outage_charge(stopped, [*beats, _beat(2, 9.0, 1200.0, True)], now_station=1215.0)
    assert not silent.reaches_now and silent.seconds == pytest.approx(60)  # 60 s, then 80 s of silence
    restarted_pc = outage_charge(stopped, [*beats, _beat(2, 9.0, 70.0, True)], now_station=85.0)
    assert not restarted_pc.reaches_now and restarted_pc.seconds == pytest.approx(60)
    assert outage_charge(stopped, beats[1:], now_station=1075.0) == outage_charge(stopped, [], 1075.0)
    assert outage_charge(stopped, beats[1:], now_station=1075.0).seconds == 0  # no live anchor: no proof


def test_a_bridge_charges_its_seconds_and_runs_the_clock_on_only_when_interrupted():
    start = TimeEvent(TimeEventKind.START, Instant(1, 0.0))
    stop = TimeEvent(TimeEventKind.CHECKPOINT, Instant(1, 100.0))
    bridge = TimeEvent(TimeEventKind.BRIDGE, Instant(2, 5.0), 300.0)
    interrupted = view(5400, [start, stop], Instant(2, 5.0))
    assert interrupted.state is LedgerState.INTERRUPTED and interrupted.stopped_at == Instant(1, 100.0)
    bridged = view(5400, [start, stop, bridge], Instant(2, 65.0))
    assert bridged.state is LedgerState.RUNNING and bridged.consumed == pytest.approx(100 + 300 + 60)
    resume = TimeEvent(TimeEventKind.RESUME, Instant(2, 5.0))  # the room's, in the same instant
    assert view(5400, [start, stop, resume, bridge], Instant(2, 65.0)).consumed == pytest.approx(460)
    assert view(5400, [start, stop, bridge, resume], Instant(2, 65.0)).consumed == pytest.approx(460)
    paused = TimeEvent(TimeEventKind.PAUSE, Instant(1, 50.0))
    assert view(5400, [start, paused, stop, bridge], Instant(2, 65.0)).consumed == pytest.approx(50)


# -- the centre's services ----------------------------------------------------------------------


class _Timeline:
    """The centre's machine clock and a station's clock, moving together while both run."""

    def __init__(self):
        self.machine = FakeMachineClock(1000.0, boot="before the reboot")
        self.station = STATION_START

    def both(self, seconds):
        self.machine.advance(seconds)
        self.station += seconds


def _before_the_reboot(world, t):
    """An exam running 110 s on the centre, heartbeat at 100 s, an answer at 110 s; then the
    centre's machine restarts. Returns the store after the reboot and the attempt."""
    w = world.reopen(machine=t.machine)
    w.exam.start_session(w.proctor, w.session_id)
    login = seated_login(w.exam, w.proctor, "T001", CANDIDATES["T001"][1], "PC-01")
    t.both(100)
    w.exam.heartbeat(login.actor, login.attempt_id, step_id=uuid.uuid4().hex, station_mono=t.station)
    t.both(10)
    w.exam.save_answer(login.actor, login.attempt_id, 0, 0, "B", uuid.uuid4().hex)
    after = w.reopen(machine=FakeMachineClock(30.0, boot="after the reboot"))
    world.db = after.db  # closed by the fixture
    return after, login.actor, login.attempt_id


def _journaled(after, actor, attempt_id, t, seconds):
    """The station goes on while the centre is down: a heartbeat in its journal every 15 s;
    delivered once the centre is back."""
    for _ in range(int(seconds // 15)):
        t.station += 15
        after.exam.heartbeat(actor, attempt_id, step_id=uuid.uuid4().hex, station_mono=t.station, offline=True)


def test_after_a_reboot_the_time_the_station_went_on_is_charged_and_the_clock_runs_on(world):
    t = _Timeline()
    after, actor, aid = _before_the_reboot(world, t)
    _journaled(after, actor, aid, t, 600)  # ten minutes down
    stopped = after.exam.attempt_view(actor, aid)
    assert stopped.state is LedgerState.INTERRUPTED and stopped.remaining == pytest.approx(5400 - 110)
    t.station += 10
    remaining = after.exam.heartbeat(actor, aid, step_id=uuid.uuid4().hex, station_mono=t.station)
    assert remaining == pytest.approx(5400 - 720)  # every second the station worked: 110 + 600 + 10
    after.db.machine.advance(60)
    running = after.exam.attempt_view(actor, aid)
    assert running.state is LedgerState.RUNNING and running.remaining == pytest.approx(5400 - 780)
    console = ExamService(after.db, shared_catalog())  # the proctor's process, with caches of its own
    [row] = [r for r in console.session_overview(after.proctor, after.session_id) if r.ticket == "T001"]
    assert row.remaining == pytest.approx(5400 - 780) and row.state == "answering"
    with after.db.reader() as s:
        actions = s.scalars(select(AuditEntry.action).order_by(AuditEntry.seq)).all()
    assert actions.count("time.bridge") == 1


@pytest.mark.parametrize("resumed_by", ["login again", "proctor resumes the room"])
def test_a_silence_in_the_journal_ends_what_is_charged_and_the_attempt_waits(world, resumed_by):
    t = _Timeline()
    after, actor, aid = _before_the_reboot(world, t)
    _journaled(after, actor, aid, t, 180)  # three minutes of work, then the PC was off
    t.station += 600
    remaining = after.exam.heartbeat(actor, aid, step_id=uuid.uuid4().hex, station_mono=t.station)
    assert remaining == pytest.approx(5400 - 110)  # nothing proves the station went on throughout
    assert after.exam.attempt_view(actor, aid).state is LedgerState.INTERRUPTED
    if resumed_by == "login again":
        actor = seated_login(after.exam, after.proctor, "T001", CANDIDATES["T001"][1], "PC-01").actor
    else:
        after.exam.resume(after.proctor, after.session_id, None, "the server is back")
    resumed = after.exam.attempt_view(actor, aid)
    assert resumed.state is LedgerState.RUNNING
    # charged to the last journaled heartbeat (190 s after the live one, 10 of them charged), not beyond
    assert resumed.remaining == pytest.approx(5400 - 110 - 180)


# -- the station --------------------------------------------------------------------------------


@pytest.mark.parametrize("transport_name", sorted(TRANSPORTS))
@pytest.mark.parametrize("pc_was_off", [False, True])
def test_a_station_that_went_on_through_the_reboot_keeps_answering_with_the_right_time(
        world, tmp_path, transport_name, pc_was_off):  # fmt: skip
    transport = TRANSPORTS[transport_name]
    t = _Timeline()
    w = world.reopen(machine=t.machine)
    world.db = w.db
    w.exam.start_session(w.proctor, w.session_id)
    t.both(1)
    flow, link = answering(w, [0.0], tmp_path, transport)
    flow.clock = lambda: t.station  # the station's own monotonic clock
    flow.refresh()
    t.both(100)
    flow.heartbeat()
    flow.answer(0, "A")
    t.both(10)
    link.mode = "down"  # the centre's machine restarts
    after = w.reopen(machine=FakeMachineClock(30.0, boot="after the reboot"))
    world.db = after.db
    link.inner = transport(Server(Backend.over(after.db, shared_catalog())))
    for _ in range(20):  # five minutes on: answers and heartbeats go to the journal
        t.station += 15
        flow.heartbeat()
    flow.answer(1, "C")
    assert flow.stage is Stage.ANSWERING and flow.remaining() == pytest.approx(5400 - 411)
    if pc_was_off:  # then the PC was off for ten minutes: nothing proves the candidate worked then
        t.station += 600
    link.mode = "up"
    t.station += 5
    after.db.machine.advance(5)
    flow.sync()
    flow.refresh()
    if pc_was_off:
        assert flow.stage is Stage.PAUSED and len(flow.journal) == 1  # the answer waits for the proctor's resume
        centre = after.exam.attempt_view(after.proctor, flow.login.attempt_id)
        assert centre.state is LedgerState.INTERRUPTED and centre.remaining == pytest.approx(5400 - 101)
        after.exam.resume(after.proctor, after.session_id, None, "the server is back")
        flow.refresh()
        flow.sync()
        assert flow.stage is Stage.ANSWERING and len(flow.journal) == 0
        # charged: the 310 s the journal proves after the live heartbeat at 101 s, not the ten minutes off
        assert after.exam.attempt_view(after.proctor, flow.login.attempt_id).remaining == pytest.approx(5400 - 411)
        return
    assert flow.stage is Stage.ANSWERING  # no pause on screen: the centre ran the clock on
    assert flow.remaining() == pytest.approx(5400 - 416)
    centre = after.exam.attempt_view(after.proctor, flow.login.attempt_id)
    assert centre.state is LedgerState.RUNNING and centre.remaining == pytest.approx(5400 - 416)
    assert centre.answers == {0: "A", 1: "C"}
