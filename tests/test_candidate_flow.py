"""The candidate flow as a state machine, without Qt: login to submit."""

from __future__ import annotations

import pytest

from app.api.client import Client, InProcess
from app.api.errors import ApiError
from app.api.server import Server
from app.flows.candidate import CandidateFlow, RulesNotRead, Stage
from app.services.backend import Backend
from tests.store_fixtures import CANDIDATES, seat, shared_catalog


def station(world, name: str, *, seated: str | None = "T001") -> Client:
    """A station's client of the services over the world's store, not signed in; the proctor has
    checked candidate `seated` in at it (None: nobody)."""
    if seated is not None:
        seat(world.exam, world.proctor, seated, name)
    return Client(InProcess(Server(Backend.over(world.db, shared_catalog()))), name)


def flow_for(world, clock, station_name="PC-01") -> CandidateFlow:
    return CandidateFlow(station(world, station_name), min_rules_seconds=60, clock=lambda: clock[0])


def test_login_confirm_rules_wait_answer_submit(world, monkeypatch):
    clock = [0.0]
    monkeypatch.setattr(world.db, "mono", lambda: clock[0])
    flow = flow_for(world, clock)
    name, number = CANDIDATES["T001"]
    assert flow.log_in("T001", number) is Stage.CONFIRM
    assert flow.identity.name == name and "*" in flow.identity.masked_id
    assert flow.exam_names == ("在线学习服务师", "五级/初级工")  # named by the services, not the station
    flow.confirm_identity()
    clock[0] = 30.0
    with pytest.raises(RulesNotRead):
        flow.accept_rules()
    clock[0] = 61.0
    assert flow.accept_rules() is Stage.WAITING  # the proctor has not started yet
    world.exam.start_session(world.proctor, world.session_id)
    assert flow.refresh() is Stage.ANSWERING and len(flow.items) == 5
    flow.answer(0, "B")
    flow.next()
    flow.answer(flow.current, "A")
    flow.toggle_flag(3)
    assert flow.submit_summary() == (3, 1)
    clock[0] = 61.0 + 600
    assert flow.remaining() == pytest.approx(5400 - 600)
    world.exam.pause(world.proctor, world.session_id, None, "停电")
    assert flow.refresh() is Stage.PAUSED
    world.exam.resume(world.proctor, world.session_id, None)
    assert flow.refresh() is Stage.ANSWERING and flow.answers == {0: "B", 1: "A"}
    assert flow.submit() is Stage.SUBMITTED


def test_countdown_warnings_once_each(world, monkeypatch):
    clock = [0.0]
    monkeypatch.setattr(world.db, "mono", lambda: clock[0])
    world.exam.start_session(world.proctor, world.session_id)
    flow = flow_for(world, clock)
    flow.log_in("T001", CANDIDATES["T001"][1])
    flow.confirm_identity()
    clock[0] = 100.0
    flow.accept_rules()
    clock[0] = 5400 - 14 * 60
    assert flow.due_warnings() == [900]
    assert flow.due_warnings() == []
    clock[0] = 5400 - 4 * 60
    assert flow.due_warnings() == [300]


def test_time_up_submits_on_refresh(world, monkeypatch):
    clock = [0.0]
    monkeypatch.setattr(world.db, "mono", lambda: clock[0])
    world.exam.start_session(world.proctor, world.session_id)
    flow = flow_for(world, clock)
    flow.log_in("T001", CANDIDATES["T001"][1])
    flow.confirm_identity()
    clock[0] = 61.0
    flow.accept_rules()
    clock[0] = 6000.0
    assert flow.refresh() is Stage.SUBMITTED


def test_a_move_to_another_station_makes_the_old_one_stale(world):
    world.exam.start_session(world.proctor, world.session_id)
    number = CANDIDATES["T001"][1]
    old = CandidateFlow(station(world, "PC-01"), min_rules_seconds=0)
    old.log_in("T001", number)
    old.confirm_identity()
    old.accept_rules()
    old.answer(0, "B")
    move = world.exam.allow_move(world.proctor, old.login.candidate_id, "PC-01 键盘故障")
    new = CandidateFlow(station(world, "PC-09", seated=None), min_rules_seconds=0)
    with pytest.raises(ApiError) as refused:
        new.log_in("T001", number)
    assert refused.value.code == "wrong_seat"  # the screen asks for the proctor's move code
    assert new.log_in("T001", number, move.code) is Stage.CONFIRM
    assert new.confirm_identity() is Stage.ANSWERING  # the rules were read once, at the first station
    assert new.answers == {0: "B"}  # the same answers carry on
    new.answer(1, "C")
    with pytest.raises(ApiError, match="moved to station PC-09"):
        old.answer(2, "A")
    old_seq = new.seq
    new.seq = 1  # as if this station missed a save made elsewhere
    with pytest.raises(ApiError) as refused:
        new.answer(2, "A")
    assert refused.value.code == "stale_save"
    assert new.seq == old_seq  # it re-read the store's state


def test_not_me_forgets_the_login(world):
    flow = CandidateFlow(station(world, "PC-01"), min_rules_seconds=0)
    flow.log_in("T001", CANDIDATES["T001"][1])
    assert flow.client.token is not None
    assert flow.reject_identity() is Stage.LOGIN
    assert (flow.login, flow.identity, flow.client.token) == (None, None, None)
