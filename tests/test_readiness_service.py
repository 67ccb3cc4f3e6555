"""Station readiness at the centre: reports kept per station (latest wins, under the calling
station's name, the verdict worked out again), the seats of a session for its proctors only, every
station for the admin; through the contract, in process and as JSON."""

from __future__ import annotations

import pytest
from sqlalchemy import select, update

from app.api.client import Client, InProcess, Loopback
from app.api.errors import ApiError
from app.api.server import Server
from app.api.types import Readiness, ReadinessCheck, ReadinessReport
from app.services.backend import Backend
from app.store.models import AuditEntry, StationReadiness
from tests.store_fixtures import CANDIDATES, shared_catalog

READY, WARNING, NOT_READY = Readiness.READY, Readiness.WARNING, Readiness.NOT_READY
TRANSPORTS = {"in_process": InProcess, "loopback": Loopback}


@pytest.fixture
def server(world):
    return Server(Backend.over(world.db, shared_catalog(), sweep=False))


def report(*statuses: Readiness, room: str = "", claimed: Readiness | None = None) -> ReadinessReport:
    checks = tuple(
        ReadinessCheck(f"check{n}", status, "the screen shows {width}×{height}", {"width": "1280", "height": "720"})
        for n, status in enumerate(statuses or (READY,))
    )
    return ReadinessReport(claimed or max(statuses or (READY,), key=lambda s: s.rank), checks, "0.1.0",
                           "2026-12-05T08:40:00+0800", room)  # fmt: skip


def staff(server: Server, transport: str, username: str, password: str, station: str = "DESK") -> Client:
    client = Client(TRANSPORTS[transport](server), station)
    client.sign_in(username, password)
    return client


def station(server: Server, transport: str, name: str) -> Client:
    return Client(TRANSPORTS[transport](server), name)


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_a_station_report_is_kept_and_the_latest_wins(world, server, transport):
    pc = station(server, transport, "R101-01")
    assert pc.public.report_readiness(report(WARNING)) is WARNING
    assert pc.public.report_readiness(report(READY, room="101")) is READY
    admin = staff(server, transport, "admin", "admin-pass-1")
    seats = admin.admin.readiness()
    assert [(s.station, s.status, s.room) for s in seats] == [("R101-01", READY, "101")]
    assert seats[0].checks[0].reason == "the screen shows {width}×{height}"
    assert seats[0].checks[0].params == {"width": "1280", "height": "720"}
    assert seats[0].reported_at.startswith("2026-12-05T")  # the centre's clock, not the station's


def test_the_centre_works_out_the_verdict_itself(world, server):
    pc = station(server, "in_process", "R101-02")
    assert pc.public.report_readiness(report(READY, NOT_READY, claimed=READY)) is NOT_READY
    admin = staff(server, "in_process", "admin", "admin-pass-1")
    assert admin.admin.readiness()[0].status is NOT_READY


def test_a_report_is_stored_under_the_calling_station(world, server):
    station(server, "loopback", "R101-03").public.report_readiness(report(READY))
    with world.db.reader() as s:
        assert s.scalars(select(StationReadiness.station)).all() == ["R101-03"]


def test_each_report_is_one_audit_entry(world, server):
    with world.db.reader() as s:
        before = s.query(AuditEntry).count()
    station(server, "in_process", "R101-01").public.report_readiness(report(READY))
    with world.db.reader() as s:
        entries = s.scalars(select(AuditEntry).where(AuditEntry.seq > before)).all()
    assert [(e.action, e.target) for e in entries] == [("station.readiness", "station:R101-01")]


def test_only_an_admitted_station_may_report(world, server):
    server.enrolled = lambda name: name == "R101-01"
    with pytest.raises(ApiError) as refused:
        station(server, "loopback", "INTRUDER").public.report_readiness(report(READY))
    assert refused.value.code == "permission_denied"
    assert refused.value.template == "station {station} is not enrolled at this centre"
    station(server, "loopback", "R101-01").public.report_readiness(report(READY))


@pytest.mark.parametrize(
    "bad",
    [
        ReadinessReport(READY, (), "0.1.0", ""),
        ReadinessReport(READY, (ReadinessCheck("x", READY, "r" * 2000),), "0.1.0", ""),
        ReadinessReport(READY, (ReadinessCheck("x", READY, "r"),), "0.1.0", "", room="R" * 65),
    ],
)
def test_a_malformed_report_is_refused_and_nothing_is_kept(world, server, bad):
    with pytest.raises(ApiError) as refused:
        station(server, "loopback", "R101-01").public.report_readiness(bad)
    assert refused.value.template == "the readiness report is malformed: {problem}"
    with world.db.reader() as s:
        assert s.scalars(select(StationReadiness)).all() == []


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_a_proctor_sees_the_seats_of_their_session(world, server, transport):
    t001, t002 = (world.candidates[t] for t in CANDIDATES)
    world.exam.check_in(world.proctor, t001, "R101-01")
    world.exam.check_in(world.proctor, t002, "R101-02")
    world.exam.check_in(world.proctor, t002, "R101-05")  # re-seated: the latest check-in counts
    station(server, transport, "R101-01").public.report_readiness(report(WARNING))
    station(server, transport, "R101-09").public.report_readiness(report(READY, room="101"))  # a spare PC in the room
    station(server, transport, "R202-01").public.report_readiness(report(READY, room="202"))  # another room
    station(server, transport, "R101-02").public.report_readiness(report(READY))  # no longer anyone's seat
    proctor = staff(server, transport, "proctor1", "proctor-pass-1")
    seats = proctor.proctor.readiness(world.session_id)
    assert [(s.station, s.tickets, s.status) for s in seats] == [
        ("R101-01", ("T001",), WARNING),
        ("R101-05", ("T002",), None),  # has not reported
        ("R101-09", (), READY),
    ]


def test_the_station_a_candidate_is_logged_in_at_is_their_seat(world, server):
    t001 = world.candidates["T001"]
    world.exam.check_in(world.proctor, t001, "R101-01")
    world.exam.candidate_login(ticket="T001", id_number=CANDIDATES["T001"][1], station="R101-01")
    move = world.exam.allow_move(world.proctor, t001, "换机")  # then moved: the seat is where they log in now
    world.exam.candidate_login(ticket="T001", id_number=CANDIDATES["T001"][1], station="R101-07", move_code=move.code)
    proctor = staff(server, "in_process", "proctor1", "proctor-pass-1")
    assert [(s.station, s.tickets) for s in proctor.proctor.readiness(world.session_id)] == [("R101-07", ("T001",))]


def test_a_proctor_of_another_session_is_refused(world, server):
    outsider = staff(server, "loopback", "lone-proctor", "proctor-pass-9")
    with pytest.raises(ApiError) as refused:
        outsider.proctor.readiness(world.session_id)
    assert refused.value.code == "permission_denied"
    assert refused.value.template == "you are not a proctor of session {code}"


def test_the_admin_sees_every_session_and_every_station(world, server):
    world.exam.check_in(world.proctor, world.candidates["T001"], "R101-01")
    station(server, "loopback", "R101-01").public.report_readiness(report(READY))
    station(server, "loopback", "LOBBY").public.report_readiness(report(NOT_READY))
    admin = staff(server, "loopback", "admin", "admin-pass-1")
    assert [(s.station, s.status) for s in admin.admin.readiness(world.session_id)] == [("R101-01", READY)]
    assert [(s.station, s.status) for s in admin.admin.readiness()] == [("LOBBY", NOT_READY), ("R101-01", READY)]
    with pytest.raises(ApiError) as refused:
        admin.admin.readiness(999)
    assert refused.value.code == "not_found"


def test_an_edited_status_column_or_a_moved_report_changes_nothing(world, server):
    """The clear columns serve lookups only: the verdict comes from the authenticated report, and a
    report copied onto another station's row counts as no report."""
    station(server, "in_process", "A").public.report_readiness(report(NOT_READY))
    station(server, "in_process", "B").public.report_readiness(report(READY))
    with world.db.transaction() as s:
        s.execute(update(StationReadiness).values(status="ready"))
        blob = s.scalar(select(StationReadiness.report).where(StationReadiness.station == "B"))
        s.execute(update(StationReadiness).where(StationReadiness.station == "A").values(report=blob))
    admin = staff(server, "in_process", "admin", "admin-pass-1")
    assert [(s.station, s.status) for s in admin.admin.readiness()] == [("A", None), ("B", READY)]


def test_the_centre_tells_its_clock_and_version(world, server):
    from app import __version__

    pc = station(server, "loopback", "R101-01")
    assert pc.public.version() == __version__
    assert pc.public.clock() == world.db.clock.now().timestamp()
