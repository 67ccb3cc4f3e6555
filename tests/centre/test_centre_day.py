"""Centre mode end to end: a real centre service over HTTPS and station PCs as processes of their own.

Each test builds a test world's store (SQLite, and PostgreSQL when scripts/test.sh runs it), starts
the centre on loopback with a fresh CA, enrols the stations with one-time codes and drives them.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from tests.centre.harness import CentreRun, StationRun
from tests.store_fixtures import BACKENDS, CANDIDATES, build_world, fresh_url

pytestmark = pytest.mark.centre


@pytest.fixture(params=BACKENDS)  # a centre of the test's own: these tests run a whole session
def own_centre(request: pytest.FixtureRequest, tmp_path: Path):
    url = fresh_url(request.param, tmp_path)
    world = build_world(url)
    world.db.close()
    run = CentreRun(world, tmp_path / "centre")
    run.start()
    stations: list[StationRun] = []
    run.session_id = world.session_id  # type: ignore[attr-defined]
    run.stations = stations  # type: ignore[attr-defined]
    run.world = world  # type: ignore[attr-defined]
    yield run
    for station in stations:
        station.close()
    run.stop()


def station(centre: CentreRun, tmp_path: Path, name: str) -> StationRun:
    centre.enrol(name, tmp_path / name)
    started = StationRun(tmp_path / name)
    centre.stations.append(started)  # type: ignore[attr-defined]
    return started


def test_an_exam_runs_over_https_from_check_in_to_results(own_centre, tmp_path):
    proctor = station(own_centre, tmp_path, "R101-P")
    seats = {"T001": station(own_centre, tmp_path, "R101-01"), "T002": station(own_centre, tmp_path, "R101-02")}
    session_id = own_centre.session_id  # type: ignore[attr-defined]
    assert proctor.ask("sign_in", username="proctor1", password="proctor-pass-1") == "proctor"
    rows = {row["ticket"]: row for row in proctor.call("proctor.session_overview", session_id=session_id)}
    for ticket, seat in seats.items():
        proctor.call("proctor.check_in", candidate_id=rows[ticket]["candidate_id"],
                     station="R101-01" if ticket == "T001" else "R101-02")  # fmt: skip
        seat.ask("candidate_sign_in", ticket=ticket, id_number=CANDIDATES[ticket][1])
    proctor.call("proctor.start_session", session_id=session_id, early_ok=True)
    for seat in seats.values():
        seat.call("candidate.accept_rules")
        for slot in range(5):
            seat.ask("save", slot=slot, value="B" if slot % 2 == 0 else "A")
    view = seats["T001"].ask("view")
    assert view["state"] == "running" and view["answers"] == {"0": "B", "1": "A", "2": "B", "3": "A", "4": "B"}
    assert 0 < view["remaining"] <= 5400
    for seat in seats.values():
        seat.ask("submit")
    job = proctor.call("proctor.close_session", session_id=session_id)
    while job["state"] == "running":
        job = proctor.call("proctor.job_status", job_id=job["job_id"])
    assert job["state"] == "done", job
    results = {r["ticket"]: r for r in proctor.call("proctor.session_results", session_id=session_id)}
    scores = {t: Decimal(r["parts"]["theory"]["score"]) for t, r in results.items()}
    assert scores == {"T001": 6, "T002": 6}  # 3 of 5 right, 2 points each


def test_the_centre_killed_mid_exam_comes_back_with_every_acknowledged_answer(own_centre, tmp_path):
    proctor = station(own_centre, tmp_path, "R101-P")
    seat = station(own_centre, tmp_path, "R101-01")
    session_id = own_centre.session_id  # type: ignore[attr-defined]
    proctor.ask("sign_in", username="proctor1", password="proctor-pass-1")
    rows = {row["ticket"]: row for row in proctor.call("proctor.session_overview", session_id=session_id)}
    proctor.call("proctor.check_in", candidate_id=rows["T001"]["candidate_id"], station="R101-01")
    seat.ask("candidate_sign_in", ticket="T001", id_number=CANDIDATES["T001"][1])
    proctor.call("proctor.start_session", session_id=session_id, early_ok=True)
    seat.call("candidate.accept_rules")
    for slot in range(3):
        seat.ask("save", slot=slot, value="B")
    before = seat.ask("view")
    own_centre.kill()  # SIGKILL: nothing flushed on the way out
    assert seat.refused("view")["code"] == "unreachable"
    own_centre.start()
    after = seat.ask("view")  # the same sign-ins, the same station tokens
    assert after["answers"] == {"0": "B", "1": "B", "2": "B"} and after["seq"] == before["seq"]
    assert after["state"] == "running" and after["remaining"] <= before["remaining"]  # the clock kept going
    seat.ask("save", slot=3, value="C")
    rows = proctor.call("proctor.session_overview", session_id=session_id)
    answered = {row["ticket"]: row["answered"] for row in rows}
    assert answered["T001"] == 4


def test_answers_made_while_the_link_is_cut_reach_the_centre_once_and_in_order(own_centre, tmp_path):
    from app.station.enrolment import StationConfig
    from tests.centre.link import LinkProxy

    proctor = station(own_centre, tmp_path, "R101-P")
    proxy = LinkProxy(own_centre.port)
    own_centre.enrol("R101-01", tmp_path / "R101-01")
    config = StationConfig.read(tmp_path / "R101-01")
    StationConfig(config.station, [proxy.address], config.ca_pem, config.token, config.journal_key).write(
        tmp_path / "R101-01")  # this PC reaches the centre through a cable the test can cut
    seat = StationRun(tmp_path / "R101-01")
    own_centre.stations.append(seat)  # type: ignore[attr-defined]
    session_id = own_centre.session_id  # type: ignore[attr-defined]
    proctor.ask("sign_in", username="proctor1", password="proctor-pass-1")
    rows = {row["ticket"]: row for row in proctor.call("proctor.session_overview", session_id=session_id)}
    proctor.call("proctor.check_in", candidate_id=rows["T001"]["candidate_id"], station="R101-01")
    proctor.call("proctor.start_session", session_id=session_id, early_ok=True)
    try:
        assert seat.ask("flow_log_in", ticket="T001", id_number=CANDIDATES["T001"][1]) == "answering"
        assert seat.ask("flow_answer", slot=0, value="B") == 1
        proxy.cut()
        assert seat.ask("flow_answer", slot=1, value="A") is None  # kept on this PC
        assert seat.ask("flow_answer", slot=2, value="C") is None
        assert seat.ask("flow_answer", slot=1, value="B") is None  # a second thought, also offline
        assert seat.ask("flow_status") == {"at_centre": False, "waiting": 3}
        assert seat.ask("flow_sync") == 0  # still cut: nothing is sent, nothing is forgotten
        proxy.restore()
        assert seat.ask("flow_sync") == 3
        assert seat.ask("flow_status") == {"at_centre": True, "waiting": 0}
        view = seat.ask("flow_view")
        assert view["answers"] == {"0": "B", "1": "B", "2": "C"} and view["seq"] == 4  # each step once, in order
        proxy.cut()
        seat.ask("flow_submit")  # handed in while cut off: delivered on reconnect
        proxy.restore()
        seat.ask("flow_sync")
        assert seat.ask("flow_view")["submitted"] is True
    finally:
        proxy.close()


def test_a_candidate_whose_pc_died_goes_on_at_another_with_every_answer_and_their_time(own_centre, tmp_path):
    proctor = station(own_centre, tmp_path, "R101-P")
    dead, spare = station(own_centre, tmp_path, "R101-01"), station(own_centre, tmp_path, "R101-02")
    session_id = own_centre.session_id  # type: ignore[attr-defined]
    proctor.ask("sign_in", username="proctor1", password="proctor-pass-1")
    rows = {row["ticket"]: row for row in proctor.call("proctor.session_overview", session_id=session_id)}
    candidate = rows["T001"]["candidate_id"]
    proctor.call("proctor.check_in", candidate_id=candidate, station="R101-01")
    proctor.call("proctor.start_session", session_id=session_id, early_ok=True)
    assert dead.ask("flow_log_in", ticket="T001", id_number=CANDIDATES["T001"][1]) == "answering"
    dead.ask("flow_answer", slot=0, value="B")
    dead.ask("flow_answer", slot=1, value="C")
    before = dead.ask("flow_view")
    dead.kill()  # the PC dies
    refused = spare.refused("flow_log_in", ticket="T001", id_number=CANDIDATES["T001"][1])
    assert refused["code"] == "wrong_seat"  # not without the proctor
    move = proctor.call("proctor.allow_move", candidate_id=candidate, reason="R101-01 死机")
    assert spare.ask("flow_log_in", ticket="T001", id_number=CANDIDATES["T001"][1],
                     move_code=move["code"]) == "answering"  # fmt: skip
    after = spare.ask("flow_view")
    assert after["answers"] == before["answers"] == {"0": "B", "1": "C"} and after["seq"] == before["seq"]
    assert spare.ask("flow_answer", slot=2, value="A") == before["seq"] + 1
    row = {r["ticket"]: r for r in proctor.call("proctor.session_overview", session_id=session_id)}["T001"]
    assert row["station"] == "R101-02" and row["answered"] == 3 and 0 < row["remaining"] <= 5400


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_whole_day_through_a_cut_cable_a_dead_pc_and_a_killed_server_loses_nothing(backend, tmp_path):
    """A server, a proctor station and three candidate stations: one candidate answers through a cable
    that is cut, one PC dies and its candidate moves, the server is killed mid-exam and restarted;
    every answer each station was shown as given is in the results, once."""
    from app.station.enrolment import StationConfig
    from tests.centre.link import LinkProxy
    from tests.store_fixtures import sample_content

    world = build_world(fresh_url(backend, tmp_path))
    third = ("T003", "张三", "110101199003074514")
    cid = world.exam.add_candidate(world.admin, world.session_id, ticket=third[0], name=third[1], id_number=third[2],
                                   photo=b"PHOTO-T003")  # fmt: skip
    world.exam.prepare_attempt(world.admin, cid, sample_content(), 5400.0)
    world.db.close()
    centre = CentreRun(world, tmp_path / "centre")
    centre.start()
    proxy = LinkProxy(centre.port)
    stations: list[StationRun] = []
    try:
        def pc(name: str, through_proxy: bool = False) -> StationRun:
            centre.enrol(name, tmp_path / name)
            if through_proxy:
                c = StationConfig.read(tmp_path / name)
                StationConfig(c.station, [proxy.address], c.ca_pem, c.token, c.journal_key).write(tmp_path / name)
            stations.append(StationRun(tmp_path / name))
            return stations[-1]

        proctor, cut_off, dying, steady = pc("R101-P"), pc("R101-01", True), pc("R101-02"), pc("R101-03")
        ids = {"T001": CANDIDATES["T001"][1], "T002": CANDIDATES["T002"][1], "T003": third[2]}
        proctor.ask("sign_in", username="proctor1", password="proctor-pass-1")
        rows = {r["ticket"]: r for r in proctor.call("proctor.session_overview", session_id=world.session_id)}
        for ticket, seat in (("T001", "R101-01"), ("T002", "R101-02"), ("T003", "R101-03")):
            proctor.call("proctor.check_in", candidate_id=rows[ticket]["candidate_id"], station=seat)
        proctor.call("proctor.start_session", session_id=world.session_id, early_ok=True)
        for ticket, seat in (("T001", cut_off), ("T002", dying), ("T003", steady)):
            assert seat.ask("flow_log_in", ticket=ticket, id_number=ids[ticket]) == "answering"
        given = {"T001": {}, "T002": {}, "T003": {}}

        def answer(seat: StationRun, ticket: str, slot: int, value: str) -> None:
            seat.ask("flow_answer", slot=slot, value=value)
            given[ticket][str(slot)] = value

        answer(cut_off, "T001", 0, "B")
        answer(dying, "T002", 0, "A")
        answer(steady, "T003", 0, "C")
        proxy.cut()  # the cable of R101-01
        answer(cut_off, "T001", 1, "B")
        answer(dying, "T002", 1, "B")
        dying.kill()  # R101-02 dies
        move = proctor.call("proctor.allow_move", candidate_id=rows["T002"]["candidate_id"], reason="R101-02 死机")
        spare = pc("R101-04")
        assert spare.ask("flow_log_in", ticket="T002", id_number=ids["T002"], move_code=move["code"]) == "answering"
        answer(spare, "T002", 2, "C")
        centre.kill()  # the server dies mid-exam ...
        answer(cut_off, "T001", 2, "A")  # ... while R101-01 is still cut off, and answers on
        centre.start()
        answer(steady, "T003", 1, "A")
        proxy.restore()
        assert cut_off.ask("flow_sync") == 2
        for seat, ticket in ((cut_off, "T001"), (spare, "T002"), (steady, "T003")):
            view = seat.ask("flow_view")
            assert view["answers"] == given[ticket], ticket
            seat.ask("flow_submit")
            assert seat.ask("flow_view")["submitted"] is True
        job = proctor.call("proctor.close_session", session_id=world.session_id)
        while job["state"] == "running":
            job = proctor.call("proctor.job_status", job_id=job["job_id"])
        assert job["state"] == "done", job
        scores = {r["ticket"]: Decimal(r["parts"]["theory"]["score"])
                  for r in proctor.call("proctor.session_results", session_id=world.session_id)}  # fmt: skip
        right = {t: sum(2 for v in answers.values() if v == "B") for t, answers in given.items()}  # key B, 2 points
        assert scores == right
    finally:
        proxy.close()
        for s in stations:
            s.close()
        centre.stop()
