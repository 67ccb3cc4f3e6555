"""Candidates at their seat: check-in before login, one candidate per seat, failed logins slowed
and shown to the proctor (never a lockout), moves by a one-time code, settings and the rules that
follow the candidate, and refused calls on record."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.api.errors import ApiError
from app.api.server import Server
from app.api.types import CandidateSettings
from app.domain.login_delay import FREE_FAILURES
from app.domain.time_ledger import LedgerState
from app.services.backend import Backend
from app.services.base import Conflict, PermissionDenied
from app.services.seating import MOVE_CODE_SECONDS, LoginDelayed, WrongSeat
from app.store.models import AuditEntry, CheckIn
from tests.store_fixtures import CANDIDATES, shared_catalog

T1, T2 = CANDIDATES["T001"][1], CANDIDATES["T002"][1]


@pytest.fixture
def clock(world, monkeypatch):
    """The machine clock of the world's store, moved by the test."""
    now = [1000.0]
    monkeypatch.setattr(world.db, "mono", lambda: now[0])
    return now


def actions(world) -> list[str]:
    with world.db.reader() as s:
        return list(s.scalars(select(AuditEntry.action).order_by(AuditEntry.seq)))


def seats(world, ticket: str) -> list[str]:
    with world.db.reader() as s:
        query = select(CheckIn.station).where(CheckIn.candidate_id == world.candidates[ticket]).order_by(CheckIn.id)
        return list(s.scalars(query))


def test_a_candidate_never_checked_in_cannot_log_in(world):
    world.exam.start_session(world.proctor, world.session_id)
    with pytest.raises(Conflict, match="not checked in"):
        world.exam.candidate_login(ticket="T001", id_number=T1, station="PC-01")
    world.exam.check_in(world.proctor, world.candidates["T001"], "PC-01")
    assert world.exam.candidate_login(ticket="T001", id_number=T1, station="PC-01").rules_read is False


def test_the_login_station_must_be_the_seat_and_the_seat_is_never_overwritten(world):
    world.exam.check_in(world.proctor, world.candidates["T001"], "PC-01")
    with pytest.raises(WrongSeat, match="not yours") as refused:
        world.exam.candidate_login(ticket="T001", id_number=T1, station="PC-07")
    assert refused.value.code == "wrong_seat"
    login = world.exam.candidate_login(ticket="T001", id_number=T1, station="PC-01")
    with pytest.raises(WrongSeat):  # logged in or not, another station is not theirs
        world.exam.candidate_login(ticket="T001", id_number=T1, station="PC-07")
    assert seats(world, "T001") == ["PC-01"]
    # once logged in, the proctor cannot re-seat them by checking in again: that is a move
    with pytest.raises(Conflict, match="move the candidate instead"):
        world.exam.check_in(world.proctor, login.candidate_id, "PC-07")


def test_two_candidates_are_never_checked_in_to_one_seat(world):
    world.exam.check_in(world.proctor, world.candidates["T001"], "PC-01")
    with pytest.raises(Conflict, match="already the seat of ticket T001"):
        world.exam.check_in(world.proctor, world.candidates["T002"], "PC-01")
    world.exam.check_in(world.proctor, world.candidates["T001"], "PC-03")  # before login the proctor may re-seat
    world.exam.check_in(world.proctor, world.candidates["T002"], "PC-01")  # PC-01 is free again
    assert seats(world, "T002") == ["PC-01"]


def test_a_seat_is_free_again_once_its_candidate_handed_in(world):
    world.exam.start_session(world.proctor, world.session_id)
    world.exam.check_in(world.proctor, world.candidates["T001"], "PC-01")
    one = world.exam.candidate_login(ticket="T001", id_number=T1, station="PC-01")
    world.exam.submit(one.actor, one.attempt_id)
    world.exam.check_in(world.proctor, world.candidates["T002"], "PC-01")


def test_failed_logins_are_audited_and_slowed_per_ticket_and_per_station(world, clock):
    world.exam.check_in(world.proctor, world.candidates["T001"], "PC-01")
    for _ in range(FREE_FAILURES + 1):
        with pytest.raises(PermissionDenied, match="do not match"):
            world.exam.candidate_login(ticket="T001", id_number=T2, station="PC-01")
    assert actions(world).count("candidate.login_failed") == FREE_FAILURES + 1
    with pytest.raises(LoginDelayed, match="try again in 5 s") as slowed:  # the right ID number waits too
        world.exam.candidate_login(ticket="T001", id_number=T1, station="PC-01")
    assert slowed.value.code == "login_delayed"
    with pytest.raises(LoginDelayed):  # the ticket, from any station
        world.exam.candidate_login(ticket="T001", id_number=T1, station="PC-02")
    with pytest.raises(LoginDelayed):  # the station, for any ticket
        world.exam.candidate_login(ticket="T002", id_number=T2, station="PC-01")
    clock[0] += 5.0  # no lockout: the wait runs out
    world.exam.candidate_login(ticket="T001", id_number=T1, station="PC-01")
    with pytest.raises(PermissionDenied):
        world.exam.candidate_login(ticket="T001", id_number=T2, station="PC-01")
    with pytest.raises(LoginDelayed, match="try again in 10 s"):  # it grows with each failure
        world.exam.candidate_login(ticket="T001", id_number=T1, station="PC-01")


def test_a_thousand_id_number_guesses_are_refused_not_tried(world, clock):
    world.exam.check_in(world.proctor, world.candidates["T001"], "PC-01")
    tried = slowed = 0
    for n in range(1000):
        clock[0] += 0.0004  # 0.4 s for all of them, as fast as before
        try:
            world.exam.candidate_login(ticket="T001", id_number=f"1101051949123{n:04d}X", station="PC-01")
        except LoginDelayed:
            slowed += 1
        except PermissionDenied:
            tried += 1
    assert tried == FREE_FAILURES + 1 and slowed == 1000 - tried
    assert actions(world).count("candidate.login_failed") == tried


def test_the_proctor_sees_failed_logins_and_clears_them(world, clock):
    world.exam.check_in(world.proctor, world.candidates["T001"], "PC-01")
    for _ in range(FREE_FAILURES + 1):
        with pytest.raises(PermissionDenied):
            world.exam.candidate_login(ticket="T001", id_number=T2, station="PC-66")
    with pytest.raises(PermissionDenied):  # an unknown ticket at one of the session's seats shows too
        world.exam.candidate_login(ticket="X999", id_number=T2, station="PC-01")
    alerts = world.exam.login_alerts(world.proctor, world.session_id)
    assert [(a.ticket, a.station, a.failures) for a in alerts] == [("T001", "PC-66", 3), ("X999", "PC-01", 1)]
    assert alerts[0].wait_seconds == 5
    with pytest.raises(PermissionDenied, match="not a proctor of session S1"):
        world.exam.login_alerts(world.outsider, world.session_id)
    with pytest.raises(PermissionDenied, match="not a proctor of session S1"):
        world.exam.clear_login_alert(world.outsider, world.session_id, "T001", "PC-66")
    world.exam.clear_login_alert(world.proctor, world.session_id, "T001", "PC-66")
    assert actions(world)[-1] == "candidate.clear_login_alert"
    assert [a.ticket for a in world.exam.login_alerts(world.proctor, world.session_id)] == ["X999"]
    world.exam.candidate_login(ticket="T001", id_number=T1, station="PC-01")  # at once: nothing slows it now


def test_refused_calls_are_on_record(world):
    server = Server(Backend.over(world.db, shared_catalog()))
    token = server.call("public.sign_in", None, "DESK", {"username": "lone-proctor", "password": "proctor-pass-9"})
    before = actions(world)
    with pytest.raises(ApiError) as refused:
        server.call("proctor.login_alerts", token.token, "DESK", {"session_id": world.session_id})
    assert refused.value.code == "permission_denied"
    assert actions(world) == [*before, "refused"]


def test_a_move_by_one_time_code_carries_answers_settings_and_time(world, clock):
    exam = world.exam
    exam.start_session(world.proctor, world.session_id)
    exam.check_in(world.proctor, world.candidates["T001"], "PC-01")
    exam.check_in(world.proctor, world.candidates["T002"], "PC-02")
    old = exam.candidate_login(ticket="T001", id_number=T1, station="PC-01")
    exam.accept_rules(old.actor)
    exam.save_answer(old.actor, old.attempt_id, 0, 0, "B")
    exam.save_settings(old.actor, CandidateSettings(font_size=20, high_contrast=True, current=3))
    clock[0] += 600
    left = exam.attempt_view(old.actor, old.attempt_id).remaining
    move = exam.allow_move(world.proctor, old.candidate_id, "PC-01 黑屏")
    assert len(move.code) == 6 and move.code.isdigit() and move.valid_seconds == MOVE_CODE_SECONDS
    with pytest.raises(PermissionDenied, match="moving you to another station"):
        exam.save_answer(old.actor, old.attempt_id, 1, 1, "A")  # the old station writes no more
    clock[0] += 120  # walking to the new PC costs the candidate nothing
    with pytest.raises(WrongSeat, match="not yours"):
        exam.candidate_login(ticket="T001", id_number=T1, station="PC-09")
    with pytest.raises(WrongSeat, match="wrong or has expired"):
        exam.candidate_login(ticket="T001", id_number=T1, station="PC-09", move_code="000000" if move.code != "000000"
                             else "111111")  # fmt: skip
    with pytest.raises(Conflict, match="already the seat of ticket T002"):
        exam.candidate_login(ticket="T001", id_number=T1, station="PC-02", move_code=move.code)
    new = exam.candidate_login(ticket="T001", id_number=T1, station="PC-09", move_code=move.code)
    assert new.rules_read  # read once, at the first station
    view = exam.attempt_view(new.actor, new.attempt_id)
    assert view.answers == {0: "B"} and view.state is LedgerState.RUNNING and view.remaining == pytest.approx(left)
    assert exam.candidate_settings(new.actor) == CandidateSettings(20, True, 3)
    with pytest.raises(PermissionDenied, match="moved to station PC-09"):
        exam.save_answer(old.actor, old.attempt_id, 1, 1, "A")
    assert exam.save_answer(new.actor, new.attempt_id, 1, 1, "A").seq == 2
    assert seats(world, "T001") == ["PC-01", "PC-09"]
    assert "candidate.allow_move" in actions(world)
    with pytest.raises(WrongSeat, match="wrong or has expired"):  # a code is used once
        exam.candidate_login(ticket="T001", id_number=T1, station="PC-10", move_code=move.code)


def test_a_move_code_expires(world, clock):
    exam = world.exam
    exam.start_session(world.proctor, world.session_id)
    exam.check_in(world.proctor, world.candidates["T001"], "PC-01")
    exam.candidate_login(ticket="T001", id_number=T1, station="PC-01")
    move = exam.allow_move(world.proctor, world.candidates["T001"], "PC-01 死机")
    clock[0] += MOVE_CODE_SECONDS + 1
    with pytest.raises(WrongSeat, match="expired"):
        exam.candidate_login(ticket="T001", id_number=T1, station="PC-09", move_code=move.code)
    again = exam.candidate_login(ticket="T001", id_number=T1, station="PC-01")  # back at their own seat
    assert exam.attempt_view(again.actor, again.attempt_id).state is LedgerState.RUNNING


def test_the_rules_are_read_once_per_attempt(world):
    world.exam.check_in(world.proctor, world.candidates["T001"], "PC-01")
    first = world.exam.candidate_login(ticket="T001", id_number=T1, station="PC-01")
    assert not first.rules_read
    assert not world.exam.candidate_login(ticket="T001", id_number=T1, station="PC-01").rules_read  # not skipped
    again = world.exam.candidate_login(ticket="T001", id_number=T1, station="PC-01")
    world.exam.accept_rules(again.actor)
    assert world.exam.candidate_login(ticket="T001", id_number=T1, station="PC-01").rules_read


def test_a_candidate_logged_in_before_the_start_can_be_moved(world):
    world.exam.check_in(world.proctor, world.candidates["T001"], "PC-01")
    world.exam.candidate_login(ticket="T001", id_number=T1, station="PC-01")  # the PC then breaks
    move = world.exam.allow_move(world.proctor, world.candidates["T001"], "PC-01 开机失败")
    login = world.exam.candidate_login(ticket="T001", id_number=T1, station="PC-02", move_code=move.code)
    assert world.exam.attempt_view(login.actor, login.attempt_id).state is LedgerState.NOT_STARTED
    assert seats(world, "T001") == ["PC-01", "PC-02"]
