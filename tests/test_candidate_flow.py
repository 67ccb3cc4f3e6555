"""The candidate flow as a state machine, without Qt: login to submit."""

from __future__ import annotations

import pytest

from app.api.client import Client, InProcess
from app.api.errors import ApiError
from app.api.server import Server
from app.flows.candidate import CandidateFlow, RulesNotRead, Stage
from app.services.backend import Backend
from app.services.base import PermissionDenied
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


def past_the_rules(world, monkeypatch, clock: list[float]) -> CandidateFlow:
    """T001 logged in at PC-01, identity confirmed, a minute into the rules (`clock` drives both clocks)."""
    monkeypatch.setattr(world.db, "mono", lambda: clock[0])
    flow = flow_for(world, clock)
    flow.log_in("T001", CANDIDATES["T001"][1])
    flow.confirm_identity()
    clock[0] = 61.0
    return flow


def counted(flow: CandidateFlow) -> list[str]:
    """The calls `flow` makes from now on, by method name."""
    server = flow.client.transport.server
    calls: list[str] = []
    real = server.call

    def call(method, token, station, arguments):
        calls.append(method)
        return real(method, token, station, arguments)

    server.call = call
    return calls


def test_the_timers_refresh_asks_for_the_state_alone_until_a_step_lands_elsewhere(world, monkeypatch):
    """Every station asks every few seconds: the paper and the answers (the whole view, read and
    decrypted at the centre) only when the attempt's last step is not the one the station knows."""
    clock = [0.0]
    flow = past_the_rules(world, monkeypatch, clock)
    assert flow.accept_rules() is Stage.WAITING
    calls = counted(flow)
    assert flow.refresh(light=True) is Stage.WAITING
    world.exam.start_session(world.proctor, world.session_id)
    assert flow.refresh(light=True) is Stage.ANSWERING
    flow.answer(0, "B")
    clock[0] = 661.0
    assert flow.refresh(light=True) is Stage.ANSWERING and flow.remaining() == pytest.approx(5400 - 600)
    world.exam.pause(world.proctor, world.session_id, None, "停电")
    assert flow.refresh(light=True) is Stage.PAUSED
    world.exam.resume(world.proctor, world.session_id, None)
    assert flow.refresh(light=True) is Stage.ANSWERING and flow.answers == {0: "B"}
    assert "candidate.attempt_view" not in calls and calls.count("candidate.attempt_status") == 5
    other = CandidateFlow(flow.client, min_rules_seconds=0)  # the same login's step from elsewhere
    other.login, other.view, other.stage, other.seq = flow.login, flow.view, flow.stage, flow.seq
    other.answer(1, "C")
    assert flow.refresh(light=True) is Stage.ANSWERING and flow.answers == {0: "B", 1: "C"}
    assert calls.count("candidate.attempt_view") == 1
    clock[0] = 6000.0  # time is up: the whole refresh, which hands the paper in
    assert flow.refresh(light=True) is Stage.SUBMITTED


def test_the_state_alone_agrees_with_the_whole_view_and_is_the_candidates_only(world, monkeypatch):
    clock = [0.0]
    flow = past_the_rules(world, monkeypatch, clock)
    flow.accept_rules()
    attempt_id = flow.login.attempt_id

    def agree() -> None:
        status = flow.client.candidate.attempt_status(attempt_id)
        view = flow.client.candidate.attempt_view(attempt_id)
        assert (status.state, status.last_seq, status.submitted) == (view.state, view.last_seq, view.submitted)
        assert status.remaining == pytest.approx(view.remaining)

    agree()
    world.exam.start_session(world.proctor, world.session_id)
    flow.refresh()
    flow.answer(0, "B")
    clock[0] = 300.0
    agree()
    world.exam.pause(world.proctor, world.session_id, None, "停电")
    agree()
    world.exam.resume(world.proctor, world.session_id, None)
    flow.submit()
    agree()
    with pytest.raises(PermissionDenied, match="proctor may not read attempts"):
        world.exam.attempt_status(world.proctor, attempt_id)
    stranger = CandidateFlow(station(world, "PC-02", seated="T002"), min_rules_seconds=0)
    stranger.log_in("T002", CANDIDATES["T002"][1])
    with pytest.raises(ApiError) as refused:
        stranger.client.candidate.attempt_status(attempt_id)
    assert refused.value.code == "permission_denied"
