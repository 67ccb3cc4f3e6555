"""The service contract: tokens decide who acts, every call and refusal survives JSON, bad requests
are refused by name, and faults do not leak."""

from __future__ import annotations

import dataclasses
import inspect
import json
import types
import typing
from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest

from app.api import wire
from app.api.client import Client, InProcess, Loopback
from app.api.contract import INTERFACES
from app.api.errors import ApiError
from app.api.server import Server
from app.banks.roster_file import RosterRow
from app.services.backend import Backend
from app.services.exam import INCIDENT_CATEGORIES
from app.store.clock import FixedClock
from tests.store_fixtures import CANDIDATES, build_world, fresh_url, on_the_day, shared_catalog

TRANSPORTS = {"in_process": InProcess, "loopback": Loopback}
SIGNED_CALLS = sorted(
    f"{interface}.{name}"
    for interface, protocol in INTERFACES.items()
    if interface != "public"
    for name, member in inspect.getmembers(protocol, inspect.isfunction)
    if not name.startswith("_")
)


@pytest.fixture
def world(tmp_path):
    world = build_world(fresh_url("sqlite", tmp_path))
    yield world
    world.db.close()


@pytest.fixture
def server(world):
    return Server(Backend.over(world.db, shared_catalog()))


def client(server: Server, transport: str, station: str = "R101-01") -> Client:
    return Client(TRANSPORTS[transport](server), station)


def _dummy(annotation: Any) -> Any:
    """A value of the annotated type, good enough to pass the wire's checks."""
    origin = typing.get_origin(annotation)
    if annotation in (int, float):
        return 1
    if annotation is str:
        return "x"
    if annotation is bool:
        return False
    if annotation is Decimal:
        return Decimal("1")
    if annotation is bytes:
        return b""
    if dataclasses.is_dataclass(annotation) and isinstance(annotation, type):  # e.g. a FileData argument
        return annotation(**{name: _dummy(hint) for name, hint in typing.get_type_hints(annotation).items()})
    if origin in (list, tuple, set, frozenset):
        return []
    if origin is dict:
        return {}
    if origin in (typing.Union, types.UnionType):
        return None
    if dataclasses.is_dataclass(annotation):  # a value type (e.g. CandidateSettings): each field a dummy
        hints = typing.get_type_hints(annotation)
        return annotation(**{f.name: _dummy(hints[f.name]) for f in dataclasses.fields(annotation)})
    return None


def dummy_arguments(method: str) -> dict[str, Any]:
    sig, hints = wire.signature(method)
    return {p.name: _dummy(hints[p.name]) for p in sig.parameters.values() if p.name != "self"}


def test_the_signed_calls_are_many():
    assert len(SIGNED_CALLS) > 40  # the table below would pass vacuously if the contract were not read


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_every_call_refuses_a_forged_token(server, transport):
    forged = Client(TRANSPORTS[transport](server), "R101-01", token="made-up-token", role="admin")
    for method in SIGNED_CALLS:
        with pytest.raises(ApiError) as refused:
            forged.call(method, dummy_arguments(method))
        assert refused.value.code == "invalid_token", method


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_every_call_refuses_a_token_of_the_wrong_kind(server, transport):
    """No token at all, a token from another station, a signed-out token, an expired token."""
    admin = client(server, transport)
    admin.sign_in("admin", "admin-pass-1")
    elsewhere = Client(admin.transport, "R999-99", token=admin.token, role="admin")
    gone = client(server, transport)
    gone.sign_in("admin", "admin-pass-1")
    token = gone.token
    gone.sign_out()
    signed_out = Client(gone.transport, "R101-01", token=token, role="admin")
    nobody = client(server, transport)
    for caller, why in ((nobody, "sign in first"), (elsewhere, "another station"), (signed_out, "signed out")):
        for method in SIGNED_CALLS:
            with pytest.raises(ApiError) as refused:
                caller.call(method, dummy_arguments(method))
            assert refused.value.code == "invalid_token", (method, why)
            assert why in str(refused.value), (method, why)
    clock = server.backend.db.clock
    assert isinstance(clock, FixedClock)
    clock.advance(hours=12, seconds=1)
    for method in SIGNED_CALLS:
        with pytest.raises(ApiError) as refused:
            admin.call(method, dummy_arguments(method))
        assert refused.value.code == "invalid_token", method
        assert "expired" in str(refused.value), method


@pytest.mark.parametrize("transport", TRANSPORTS)
def test_a_role_uses_only_its_own_interface(server, transport):
    proctor = client(server, transport)
    proctor.sign_in("proctor1", "proctor-pass-1")
    for method in SIGNED_CALLS:
        interface = method.split(".")[0]
        if interface == "proctor":
            continue
        with pytest.raises(ApiError) as refused:
            proctor.call(method, dummy_arguments(method))
        assert refused.value.code == "permission_denied", method
        assert refused.value.template == "{role} may not do this (needs {roles})"
        assert refused.value.params["role"] == "proctor"


def test_the_actor_is_the_signed_in_user_not_a_claim(server, world):
    """The audit log names the user behind the token; a client cannot name anyone else."""
    proctor = client(server, "loopback")
    session = proctor.sign_in("proctor1", "proctor-pass-1")
    assert session.role == "proctor" and session.username == "proctor1"
    proctor.proctor.record_incident(world.session_id, INCIDENT_CATEGORIES[0], "projector flickers")
    assert proctor.proctor.incidents(world.session_id)[-1][4] == session.display_name  # the record names them
    with pytest.raises(ApiError) as refused:
        proctor.call("proctor.record_incident", {"session_id": world.session_id, "category": INCIDENT_CATEGORIES[0],
                                                 "text": "x", "actor": "admin:1"})  # fmt: skip
    assert refused.value.code == "bad_request"


def test_a_token_is_stored_only_as_its_digest(server, world):
    proctor = client(server, "in_process")
    token = proctor.sign_in("proctor1", "proctor-pass-1").token
    raw = world.db.engine.raw_connection()
    try:
        dump = "\n".join(raw.iterdump())  # type: ignore[attr-defined]
    finally:
        raw.close()
    assert token not in dump


def test_a_staff_sign_in_lasts_one_exam_day(server):
    admin = client(server, "loopback")
    session = admin.sign_in("admin", "admin-pass-1")
    clock = server.backend.db.clock
    assert isinstance(clock, FixedClock)
    clock.advance(hours=11, minutes=59)
    assert admin.admin.users()
    from datetime import datetime

    assert datetime.fromisoformat(session.expires_at) - clock.now() < timedelta(minutes=2)


def test_a_candidate_token_is_the_station_login(server, world):
    on_the_day(world, "2026-12-05T09:00")
    proctor = client(server, "loopback")
    proctor.sign_in("proctor1", "proctor-pass-1")
    ticket = next(iter(world.candidates))
    candidate_id = world.candidates[ticket]
    proctor.proctor.check_in(candidate_id, "R101-07")
    proctor.proctor.start_session(world.session_id)
    desk = client(server, "loopback", station="R101-07")
    number = CANDIDATES[ticket][1]
    signed = desk.candidate_sign_in(ticket, number)
    assert desk.candidate.identity().ticket == ticket
    view = desk.candidate.attempt_view(signed.attempt_id)
    assert view.attempt_id == signed.attempt_id
    # the proctor moves the candidate: the old station's token stops working at once
    move = proctor.proctor.allow_move(candidate_id, "PC froze")
    with pytest.raises(ApiError) as refused:
        desk.candidate.identity()
    assert refused.value.code == "invalid_token"
    assert refused.value.template == "a proctor is moving you to another station: continue there"
    # another candidate's attempt is not this candidate's to read
    other = world.attempts[next(t for t in world.candidates if t != ticket)]
    again = client(server, "loopback", station="R101-08")
    again.candidate_sign_in(ticket, number, move.code)
    with pytest.raises(ApiError) as refused:
        again.candidate.attempt_view(other)
    assert refused.value.code == "permission_denied"


def test_values_survive_the_wire_exactly(server, world):
    """The same calls in process and through JSON give equal values: photos (bytes), enums, sets,
    dicts keyed by numbers."""
    results = {}
    for transport in TRANSPORTS:
        proctor = client(server, transport)
        proctor.sign_in("proctor1", "proctor-pass-1")
        candidate_id = next(iter(world.candidates.values()))
        results[transport] = (proctor.proctor.sessions(), proctor.proctor.identity(candidate_id),
                              proctor.proctor.session_overview(world.session_id))  # fmt: skip
    assert results["in_process"][:2] == results["loopback"][:2]
    assert results["loopback"][1].photo.startswith(b"PHOTO-")
    strip = [(r.candidate_id, r.state, r.answered, r.total) for r in results["in_process"][2]]
    assert strip == [(r.candidate_id, r.state, r.answered, r.total) for r in results["loopback"][2]]


def test_decimal_and_bytes_encodings_are_stated():
    assert wire.encode(Decimal, Decimal("86.50")) == "86.50"
    assert wire.encode(bytes, b"\xff\xd8") == "_9g="
    assert wire.encode(frozenset[int], frozenset({2, 1})) in ([1, 2], [2, 1])


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        ({"session_id": "seven"}, "argument session_id"),
        ({}, "missing argument session_id"),
        ({"session_id": 1, "colour": "red"}, "unknown argument colour"),
    ],
)
def test_a_bad_request_names_the_argument(server, arguments, expected):
    admin = client(server, "loopback")
    admin.sign_in("admin", "admin-pass-1")
    request = json.dumps({"method": "admin.roster", "token": admin.token, "station": "R101-01", "args": arguments})
    reply = json.loads(server.handle(request))
    assert reply["error"]["code"] == "bad_request"
    assert expected in reply["error"]["template"].format(**reply["error"]["params"])


@pytest.mark.parametrize("request_text", ["not json", "[]", '{"method": "admin.nope", "station": "x", "args": {}}',
                                          '{"method": "admin.__init__", "station": "x", "args": {}}'])  # fmt: skip
def test_malformed_requests_are_refused_not_crashed(server, request_text):
    reply = json.loads(server.handle(request_text))
    assert reply["error"]["code"] == "bad_request"


def test_a_fault_does_not_leak_its_details(server, monkeypatch, caplog):
    admin = client(server, "loopback")
    admin.sign_in("admin", "admin-pass-1")

    def broken(actor):
        raise RuntimeError("secret table name and a candidate's ID number 110101199001011234")

    monkeypatch.setattr(server.backend.exam, "sessions", broken)
    with pytest.raises(ApiError) as refused:
        admin.admin.sessions()
    assert refused.value.code == "internal"
    assert "110101" not in str(refused.value) and "110101" not in json.dumps(refused.value.to_json())
    assert "110101" in caplog.text  # the centre's log keeps the whole story


def test_refusals_cross_with_their_template_and_parameters(server, world):
    admin = client(server, "loopback")
    admin.sign_in("admin", "admin-pass-1")
    with pytest.raises(ApiError) as refused:
        admin.admin.create_user("proctor1", "proctor", "监考一", "another-pass-1")
    assert refused.value.code == "conflict"
    assert "proctor1" in str(refused.value)


def test_a_job_reports_progress_and_its_result(server, world):
    admin = client(server, "loopback")
    admin.sign_in("admin", "admin-pass-1")
    session_id = admin.admin.schedule_session("S2", "102", "theory", "4-13-99-02", "5", "2026-12-05T14:00", 90)
    rows = [RosterRow(n + 2, f"T9{n:02d}", f"考生{n}", f"11010119900101{n:04d}", None) for n in range(1, 4)]
    assert admin.admin.import_roster(session_id, rows, "roster.csv") == 3
    seen: list[tuple[int, int]] = []
    prepared = admin.run(lambda: admin.admin.prepare_papers(session_id), lambda done, total: seen.append((done, total)))
    assert prepared == 3
    assert seen[-1][0] == seen[-1][1] > 0
    assert [e.attempt_id is not None for e in admin.admin.roster(session_id)] == [True] * 3
    other = client(server, "loopback")
    other.sign_in("proctor1", "proctor-pass-1")
    job = admin.admin.prepare_papers(world.session_id)
    with pytest.raises(ApiError) as refused:  # a job is its starter's alone
        other.proctor.job_status(job.job_id)
    assert refused.value.code == "not_found"
