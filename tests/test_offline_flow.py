"""The candidate flow in front of the station journal: a dropped link, a lost reply, a restarted
station, two windows, an offline submission and heartbeats, over both transports."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select

from app.api.client import Client, InProcess, Loopback
from app.api.errors import ApiError, Unreachable
from app.api.server import Server
from app.flows.candidate import CandidateFlow, Notice, Stage
from app.services.backend import Backend
from app.station.journal import Journal, JournalInUse, peek
from app.store.models import AttemptHeartbeat, AttemptStep
from tests.store_fixtures import CANDIDATES, seat, shared_catalog


class Link:
    """A transport between the station and the centre that can fail: "down" raises Unreachable
    before the call reaches the centre; "lose_reply" runs the call there and raises Unreachable
    instead of its reply."""

    def __init__(self, inner: Any):
        self.inner, self.mode, self.calls, self.tries = inner, "up", 0, 0

    def call(self, method: str, token: str | None, station: str, arguments: dict[str, Any]) -> Any:
        self.tries += 1
        if self.mode == "down":
            raise Unreachable("link down")
        self.calls += 1
        result = self.inner.call(method, token, station, arguments)
        if self.mode == "lose_reply":
            raise Unreachable("reply lost")
        return result


TRANSPORTS = {"in_process": InProcess, "loopback": Loopback}


@pytest.fixture(params=sorted(TRANSPORTS))
def transport(request):
    return TRANSPORTS[request.param]


def answering(world, clock, tmp_path, transport, *, station="PC-01", ticket="T001", folder=None):
    """A flow with a journal, answering; and its link."""
    link = Link(transport(Server(Backend.over(world.db, shared_catalog()))))
    journal = Journal(folder or tmp_path / station, world.db.cipher.journal_key(station), station)
    flow = CandidateFlow(Client(link, station), min_rules_seconds=0, clock=lambda: clock[0], journal=journal)
    seat(world.exam, world.proctor, ticket, station)  # the proctor checks the candidate in at this PC
    flow.log_in(ticket, CANDIDATES[ticket][1])
    if flow.confirm_identity() is Stage.RULES:  # read once per attempt: not again after a restart
        flow.accept_rules()
    assert flow.stage is Stage.ANSWERING
    return flow, link


@pytest.fixture
def clock(world, monkeypatch):
    clock = [0.0]
    monkeypatch.setattr(world.db, "mono", lambda: clock[0])
    world.exam.start_session(world.proctor, world.session_id)
    # later events at later instants: events of one instant have no order on PostgreSQL
    clock[0] = 1.0
    return clock


def centre_steps(world, attempt_id):
    with world.db.reader() as s:
        return s.execute(select(AttemptStep.seq, AttemptStep.kind, AttemptStep.slot)
                         .where(AttemptStep.attempt_id == attempt_id).order_by(AttemptStep.seq)).all()  # fmt: skip


def centre_view(world, flow):
    return world.exam.attempt_view(world.proctor, flow.login.attempt_id)


def test_a_dropped_link_keeps_answers_on_this_pc_and_sync_delivers_them_in_order(world, clock, tmp_path, transport):
    flow, link = answering(world, clock, tmp_path, transport)
    assert flow.answer(0, "A") is not None and flow.save_status().plain() == "saved at the centre"
    clock[0] = 100.0
    link.mode = "down"
    assert flow.answer(1, "B") is None  # kept on this PC: no exception, the screen shows it
    tries = link.tries
    flow.answer(0, "C")
    flow.toggle_flag(4)
    assert link.tries == tries  # no network wait per answer while the centre is away: the sync tries
    assert flow.answers == {0: "C", 1: "B"} and flow.flagged == {4}
    assert flow.save_status().plain() == "only on this PC (3 waiting)" and not flow.reachable
    assert len(flow.journal) == 3  # the queue is not emptied before anything was sent
    clock[0] = 400.0  # the countdown runs on from the centre's last figure on this PC's clock
    assert flow.remaining() == pytest.approx(5400 - 400)
    assert flow.sync() == {} and len(flow.journal) == 3  # still down: nothing forgotten
    link.mode = "up"
    flow.sync()
    assert flow.save_status().at_centre and len(flow.journal) == 0
    assert [(k, s) for _q, k, s in centre_steps(world, flow.login.attempt_id)] == [
        ("answer", 0), ("answer", 1), ("answer", 0), ("flag", 4)]  # fmt: skip
    assert centre_view(world, flow).answers == {0: "C", 1: "B"}


def test_every_step_is_on_this_pcs_disk_before_it_is_sent(world, clock, tmp_path, transport):
    """Journal first, send second: a step the centre may have is never only in memory."""
    flow, link = answering(world, clock, tmp_path, transport)
    seen = []
    inner = link.inner

    class Watching:
        def call(self, method, token, station, arguments):
            if arguments.get("step_id"):  # read the file as a restarted process would
                on_disk = peek(flow.journal.folder, world.db.cipher.journal_key("PC-01"), "PC-01")
                seen.append(any(r.step_id == arguments["step_id"] for r in on_disk))
            return inner.call(method, token, station, arguments)

    link.inner = Watching()
    flow.answer(0, "A")
    flow.toggle_flag(0)
    flow.submit()
    assert seen == [True, True, True]


def test_a_lost_reply_is_not_recorded_twice(world, clock, tmp_path, transport):
    flow, link = answering(world, clock, tmp_path, transport)
    link.mode = "lose_reply"
    assert flow.answer(2, "A") is None  # it ran at the centre, but the station does not know
    flow.answer(3, "B")  # unreachable at the last try: kept on this PC, sent by the next sync
    assert flow.save_status().waiting == 2
    flow.sync()  # the first is replayed (held: acknowledged, reply lost again); the second never left
    assert flow.save_status().waiting == 2 and len(centre_steps(world, flow.login.attempt_id)) == 1
    link.mode = "up"
    flow.sync()
    steps = centre_steps(world, flow.login.attempt_id)
    assert [(q, k, s) for q, k, s in steps] == [(1, "answer", 2), (2, "answer", 3)]  # none duplicated
    assert flow.seq == 2 and flow.save_status().at_centre
    assert flow.answer(4, "C").seq == 3  # and the next step follows on


def test_a_restarted_station_replays_what_the_dead_one_left(world, clock, tmp_path, transport):
    flow, link = answering(world, clock, tmp_path, transport)
    flow.answer(0, "B")
    link.mode = "down"
    flow.answer(1, "A")
    flow.answer(2, "C")
    flow.journal.close()  # the process dies: nothing more is written, nothing acknowledged
    # a new process on the same PC and journal folder; the link is back
    again, _link = answering(world, clock, tmp_path, transport)
    assert again.answers == {0: "B", 1: "A", 2: "C"}  # restored on screen ...
    assert again.save_status().plain() == "only on this PC (2 waiting)"  # ... and not marked as sent
    assert centre_view(world, again).answers == {0: "B"}
    again.sync()
    assert centre_view(world, again).answers == {0: "B", 1: "A", 2: "C"} and again.save_status().at_centre


def test_an_offline_submission_is_delivered_on_reconnect(world, clock, tmp_path, transport):
    flow, link = answering(world, clock, tmp_path, transport)
    link.mode = "down"
    flow.answer(0, "B")
    assert flow.submit() is Stage.SUBMITTED  # handed in on this PC
    assert flow.save_status().waiting == 2
    assert not centre_view(world, flow).submitted
    link.mode = "up"
    flow.sync()
    view = centre_view(world, flow)
    assert view.submitted and view.answers == {0: "B"} and flow.stage is Stage.SUBMITTED
    assert flow.save_status().at_centre


def test_two_windows_cannot_hand_in_two_papers(world, clock, tmp_path, transport):
    flow, _link = answering(world, clock, tmp_path, transport)
    with pytest.raises(JournalInUse):  # a second window on this station's journal is refused
        Journal(tmp_path / "PC-01", world.db.cipher.journal_key("PC-01"), "PC-01")
    # a second window with a journal of its own, on the same sign-in: it has not seen the first's saves
    other = CandidateFlow(flow.client, clock=lambda: clock[0],
                          journal=Journal(tmp_path / "other", bytes(32), "PC-01"))  # fmt: skip
    other.login, other.ticket = flow.login, flow.ticket
    other.refresh()
    flow.answer(0, "A")
    assert other.submit() is Stage.ANSWERING  # refused as stale: shown again, not handed in
    assert other.notice is Notice.SUBMISSION_NOT_DELIVERED and other.answers == {0: "A"}
    assert not centre_view(world, flow).submitted and len(other.journal) == 0
    # without a journal (single station) the same: stale, and the paper is shown as it is now
    plain = CandidateFlow(flow.client, clock=lambda: clock[0])
    plain.login, plain.ticket = flow.login, flow.ticket
    plain.refresh()
    flow.answer(1, "C")
    with pytest.raises(ApiError) as refused:
        plain.submit()
    assert refused.value.code == "stale_save" and plain.answers == {0: "A", 1: "C"}
    assert flow.submit() is Stage.SUBMITTED and centre_view(world, flow).answers == {0: "A", 1: "C"}


def test_a_step_the_centre_refuses_is_reported_not_kept_for_ever(world, clock, tmp_path, transport):
    flow, link = answering(world, clock, tmp_path, transport)
    with pytest.raises(ApiError):  # online: refused at once, as before
        flow.answer(0, ["A", "B"])  # a list for a single-choice question
    assert len(flow.journal) == 0 and flow.answers == {}
    link.mode = "down"
    flow.answer(0, 7)
    flow.answer(1, "A")
    link.mode = "up"
    flow.sync()
    assert flow.notice is Notice.STEPS_REFUSED and len(flow.refused) == 1
    assert centre_view(world, flow).answers == {1: "A"} and flow.answers == {1: "A"}


def test_steps_refused_for_now_wait_in_the_journal(world, clock, tmp_path, transport):
    """A pause at the centre while this PC was cut off: its answers are kept, not dropped, and
    delivered once the exam runs again."""
    flow, link = answering(world, clock, tmp_path, transport)
    link.mode = "down"
    flow.answer(0, "A")
    world.exam.pause(world.proctor, world.session_id, None, "停电")
    link.mode = "up"
    flow.sync()
    assert len(flow.journal) == 1 and flow.held_back.code == "attempt_closed" and flow.refused == []
    with pytest.raises(ApiError):  # a step made now is kept too, and the candidate told why
        flow.answer(1, "B")
    assert flow.save_status().waiting == 2
    world.exam.resume(world.proctor, world.session_id, None)
    flow.sync()
    assert centre_view(world, flow).answers == {0: "A", 1: "B"} and len(flow.journal) == 0


def test_with_send_soon_a_step_returns_once_journaled_and_is_told_as_a_live_save(world, clock, tmp_path, transport):
    """A screen's flow (send_soon: its worker thread syncs): a step makes no call of the centre and
    asks for a sync; what the centre refuses or holds back of it is told as a refused save, not
    as an offline step's notice; a step made while the centre was away is not sent at once."""
    flow, link = answering(world, clock, tmp_path, transport)
    asked: list[int] = []
    flow.send_soon = lambda: asked.append(len(flow.journal))
    calls = link.tries
    assert flow.answer(0, ["A", "B"]) is None  # a list for a single-choice question: refused once sent
    assert link.tries == calls and asked == [1] and flow.save_status().waiting == 1
    assert flow.fresh_waiting()  # the worker has not run yet
    flow.sync(refresh=False)
    refused = flow.live_refusal()
    assert refused is not None and refused.code == "refused" and flow.notice is Notice.NONE
    assert flow.live_refusal() is None and len(flow.journal) == 0 and not flow.fresh_waiting()
    world.exam.pause(world.proctor, world.session_id, None, "停电")
    flow.answer(1, "B")
    flow.sync(refresh=False)
    held = flow.live_refusal()
    assert held is not None and held.code == "attempt_closed" and flow.save_status().waiting == 1
    world.exam.resume(world.proctor, world.session_id, None)
    link.mode = "down"
    flow.sync(refresh=False)  # the centre is away: the next step waits for the station's timer
    flow.answer(2, "C")
    assert asked == [1, 1] and flow.save_status().waiting == 2 and not flow.fresh_waiting()
    link.mode = "up"
    flow.sync(refresh=False)
    assert flow.live_refusal() is None and centre_view(world, flow).answers == {1: "B", 2: "C"}
    assert [kind for _seq, kind, _slot in centre_steps(world, flow.login.attempt_id)][-2:] == ["answer", "answer"]


def test_heartbeats_offline_are_journaled_with_the_station_clock(world, clock, tmp_path, transport):
    flow, link = answering(world, clock, tmp_path, transport)
    clock[0] = 15.0
    assert flow.heartbeat() == pytest.approx(5400 - 15)
    link.mode = "down"
    clock[0] = 30.0
    assert flow.heartbeat() is None
    clock[0] = 45.0
    flow.heartbeat()
    assert len(flow.journal) == 2 and flow.save_status().at_centre  # heartbeats are not answers
    link.mode = "up"
    flow.sync()
    with world.db.reader() as s:
        rows = s.execute(select(AttemptHeartbeat.offline, AttemptHeartbeat.station_mono)
                         .where(AttemptHeartbeat.attempt_id == flow.login.attempt_id)
                         .order_by(AttemptHeartbeat.id)).all()  # fmt: skip
        assert s.scalar(select(func.count()).select_from(AttemptHeartbeat)) == 3
    assert [tuple(r) for r in rows] == [(False, 15.0), (True, 30.0), (True, 45.0)]
    assert len(flow.journal) == 0
