"""What the centre refuses over the network: calls without a station, forged or foreign tokens, a
candidate reaching for another's paper or the keys, enrolment codes used twice or for another PC,
and a machine in the middle posing as the centre at enrolment."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from app.api.errors import ApiError
from app.api.https import STATION_HEADER, trust_only
from app.centre import tls
from app.centre.openapi import methods
from app.station.enrolment import EnrolmentRefused, StationConfig, enrol
from tests.centre.conftest import pc
from tests.centre.harness import CentreRun
from tests.store_fixtures import CANDIDATES

pytestmark = pytest.mark.centre


def post(centre: CentreRun, path: str, headers: dict[str, str] | None = None, body: bytes = b"{}") -> httpx.Response:
    return httpx.post(f"{centre.address}{path}", content=body, headers=headers or {},
                      verify=trust_only(centre.ca_pem))  # fmt: skip


def test_only_health_the_ca_enrolment_and_the_description_answer_without_a_station_token(centre):
    http = httpx.Client(verify=trust_only(centre.ca_pem))
    assert http.get(f"{centre.address}/health").json()["status"] == "ok"
    assert http.get(f"{centre.address}/ca.pem").content == centre.ca_pem
    assert http.get(f"{centre.address}/openapi.json").status_code == 200
    for path in ("/api/public/centre", "/api/public/sign_in", "/api/proctor/sessions", "/api/admin/users"):
        reply = post(centre, path)
        assert reply.status_code == 401, path
        assert reply.json()["error"]["code"] == "invalid_station"
    forged = post(centre, "/api/public/centre", {STATION_HEADER: "forged-token"})
    assert forged.status_code == 401 and forged.json()["error"]["code"] == "invalid_station"
    events = http.get(f"{centre.address}/api/events", params={"session_id": 1})
    assert "invalid_station" in events.text


def test_every_call_but_sign_in_needs_a_callers_token(centre):
    station = pc(centre, "R101-09")
    assert post(centre, "/api/public/centre", {STATION_HEADER: station.token}).status_code == 200
    for path in ("/api/proctor/sessions", "/api/admin/users", "/api/candidate/identity"):
        reply = post(centre, path, {STATION_HEADER: station.token})
        assert reply.status_code == 401 and reply.json()["error"]["code"] == "invalid_token", path
    forged = post(centre, "/api/proctor/sessions", {STATION_HEADER: station.token, "Authorization": "Bearer x" * 3})
    assert forged.status_code == 401


def test_a_sign_in_is_refused_from_another_station_and_after_signing_out(centre):
    here, there = pc(centre, "R101-10").client(), pc(centre, "R101-11").client()
    here.sign_in("proctor1", "proctor-pass-1")
    assert here.proctor.sessions()
    there.token, there.role = here.token, here.role  # a token copied off one PC to another
    with pytest.raises(ApiError) as refused:
        there.proctor.sessions()
    assert refused.value.code == "invalid_token"
    token = here.token
    here.sign_out()
    here.token, here.role = token, "proctor"
    with pytest.raises(ApiError) as after:
        here.proctor.sessions()
    assert after.value.code == "invalid_token"


def test_a_candidate_cannot_read_another_candidates_paper_or_the_keys(centre):
    proctor = pc(centre, "R101-P").client()
    proctor.sign_in("proctor1", "proctor-pass-1")
    session_id = centre.session_id  # type: ignore[attr-defined]
    rows = {row.ticket: row for row in proctor.proctor.session_overview(session_id)}
    proctor.proctor.check_in(rows["T001"].candidate_id, "R101-01")
    me = pc(centre, "R101-01").client()
    mine = me.candidate_sign_in("T001", CANDIDATES["T001"][1])
    theirs = rows["T002"].attempt_id
    for call in (lambda: me.candidate.attempt_view(theirs), lambda: me.examiner.answer_for(mine.attempt_id, 0),
                 lambda: me.admin.users(), lambda: me.proctor.session_overview(session_id)):  # fmt: skip
        with pytest.raises(ApiError) as refused:
            call()
        assert refused.value.code in ("permission_denied", "not_found"), refused.value
    with pytest.raises(ApiError):
        me.candidate.save_answer(theirs, 0, 0, "B")
    assert "key" not in str(me.candidate.attempt_view(mine.attempt_id).items[0])


def test_a_revoked_station_is_refused_at_once(centre):
    admin_pc = pc(centre, "ADMIN-1").client()
    admin_pc.sign_in("admin", "admin-pass-1")
    stolen = pc(centre, "R101-12").client()
    assert stolen.public.centre().code == "C01"
    assert admin_pc.admin.revoke_station("R101-12") == 1
    with pytest.raises(ApiError) as refused:
        stolen.public.centre()
    assert refused.value.code == "invalid_station"
    assert [s.revoked for s in admin_pc.admin.stations() if s.name == "R101-12"] == [True]


def test_an_enrolment_code_works_once_for_its_own_station(centre):
    root: Path = centre.folder_root  # type: ignore[attr-defined]
    code = centre.code_for("R101-20")
    with pytest.raises(ApiError) as other:
        enrol(centre.address, code, "R101-21", root / "R101-21")
    assert other.value.code == "invalid_station"
    enrol(centre.address, code.lower().replace("-", " "), "R101-20", root / "R101-20")  # as typed by hand
    with pytest.raises(ApiError) as again:
        enrol(centre.address, code, "R101-20", root / "R101-20b")
    assert again.value.code == "invalid_station"


def test_a_pc_refuses_to_enrol_with_a_centre_whose_ca_is_not_the_codes(centre, tmp_path):
    impostor = tls.create(tmp_path / "impostor", "C01", ["127.0.0.1"], "x" * 12)
    secret, _fingerprint = tls.split_code(centre.code_for("R101-30"))
    code_for_another_ca = tls.display_code(secret, impostor.ca_pem)
    with pytest.raises(EnrolmentRefused):
        enrol(centre.address, code_for_another_ca, "R101-30", tmp_path / "pc")
    assert not StationConfig.exists(tmp_path / "pc")


def test_the_openapi_document_describes_every_call_of_the_contract(centre):
    document = httpx.get(f"{centre.address}/openapi.json", verify=trust_only(centre.ca_pem)).json()
    paths = {path for path in document["paths"] if path.startswith("/api/") and path != "/api/events"}
    assert paths == {"/api/" + m.replace(".", "/") for m in methods()}
    save = document["paths"]["/api/candidate/save_answer"]["post"]
    arguments = save["requestBody"]["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[1]
    assert set(document["components"]["schemas"][arguments]["required"]) == {"attempt_id", "expected_seq", "slot",
                                                                              "answer"}  # fmt: skip
    assert save["security"] == [{"station": [], "caller": []}]
