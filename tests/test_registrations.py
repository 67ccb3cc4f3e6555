"""One result per registration: a person's result for one standard (and 工种) at one level counts
only that registration's sittings, and a resit replaces the earlier sitting of the same part."""

from __future__ import annotations

import dataclasses
import json
import zipfile
from datetime import datetime, timedelta

import pytest

from app.banks.catalog import Catalog
from app.security import qr_payload
from app.services.export import ExportService
from app.services.keys import KeyService
from tests.store_fixtures import CANDIDATES, assign_proctors, sample_content, seated_login


def paper_of_100() -> dict:
    """Five single-choice questions of 20 points, each keyed B."""
    content = sample_content(5)
    for entry in content["items"]:
        entry["points"] = "20"
    return content


def sit(world, code: str, *, standard: str, level: str, subtype: str | None = None, start: str,
        ticket: str, person: str, right: int) -> int:  # fmt: skip
    """A theory sitting of one candidate who answers `right` of five questions correctly (20 each);
    the session is closed and graded. Returns the session id."""
    exam = world.exam
    session_id = exam.schedule_session(
        world.admin, code=code, room="101", part="theory", standard=standard, level=level, subtype=subtype,
        scheduled_start=start, duration_minutes=90,
    )  # fmt: skip
    assign_proctors(world.db, world.admin, session_id)
    name, number = CANDIDATES[person]
    cid = exam.add_candidate(world.admin, session_id, ticket=ticket, name=name, id_number=number)
    attempt = exam.prepare_attempt(world.admin, cid, paper_of_100(), 5400)
    world.db.clock.at = datetime.fromisoformat(start).astimezone() - timedelta(minutes=10)  # that day, 10 min early
    exam.start_session(world.proctor, session_id)
    login = seated_login(exam, world.proctor, ticket, number, "PC-09")
    seq = 0
    for slot in range(5):
        seq = exam.save_answer(login.actor, attempt, seq, slot, "B" if slot < right else "A").seq
    exam.submit(login.actor, attempt)
    exam.close_session(world.proctor, session_id)
    return session_id


def results(world, session_id: int, catalog: Catalog | None = None) -> dict:
    rows = ExportService(world.db, catalog or Catalog.load()).session_results(world.admin, session_id)
    return {row.ticket: row for row in rows}


def test_another_standards_result_does_not_count(world):
    # T001's person also sat 职业指导师 四级 theory and failed it (40)
    sit(world, "OTHER", standard="4-07-03-01", level="4", start="2026-11-25T09:00", ticket="U001",
        person="T001", right=2)  # fmt: skip
    mine = sit(world, "MINE", standard="4-13-99-02", level="5", start="2026-11-26T09:00", ticket="V001",
               person="T001", right=5)  # fmt: skip
    row = results(world, mine)["V001"]
    assert row.parts["theory"]["score"] == "100.00"
    assert row.parts["theory"]["session"] == "MINE"
    assert set(row.parts) == {"theory"}  # the other standard's theory part is not this registration's
    assert row.result == "待定"  # the skill part of 在线学习服务师 五级 is still to come


def test_another_level_of_the_same_standard_does_not_count(world):
    sit(world, "L4", standard="4-13-99-02", level="4", start="2026-11-25T09:00", ticket="U001",
        person="T001", right=1)  # fmt: skip
    mine = sit(world, "L5", standard="4-13-99-02", level="5", start="2026-11-26T09:00", ticket="V001",
               person="T001", right=4)  # fmt: skip
    row = results(world, mine)["V001"]
    assert row.parts["theory"]["score"] == "80.00"
    assert row.result == "待定"


def test_a_resit_replaces_the_earlier_sitting_and_both_stay_on_record(world):
    first = sit(world, "FIRST", standard="4-13-99-02", level="5", start="2026-11-20T09:00", ticket="U002",
                person="T002", right=2)  # fmt: skip
    assert results(world, first)["U002"].result == "不合格"  # 40 fails the theory part
    resit = sit(world, "RESIT", standard="4-13-99-02", level="5", start="2026-11-27T09:00", ticket="V002",
                person="T002", right=4)  # fmt: skip
    for session_id, ticket in ((first, "U002"), (resit, "V002")):
        row = results(world, session_id)[ticket]
        assert row.parts["theory"]["score"] == "80.00", session_id
        assert row.parts["theory"]["session"] == "RESIT"
        assert row.result == "待定"  # passed theory, skill to come; the failed first sitting no longer counts
    # the earlier sitting's own result is still in the store, unchanged
    with world.db.reader() as s:
        from sqlalchemy import select

        from app.store.models import Candidate, Result

        first_result = s.scalar(select(Result).join(Candidate, Candidate.id == Result.candidate_id)
                                .where(Candidate.ticket == "U002"))  # fmt: skip
        assert first_result.outcome["score"] == "40.00"


def test_the_latest_sitting_counts_whatever_order_they_were_graded_in(world):
    late = sit(world, "LATE", standard="4-13-99-02", level="5", start="2026-11-28T09:00", ticket="V002",
               person="T002", right=1)  # fmt: skip
    sit(world, "EARLY", standard="4-13-99-02", level="5", start="2026-11-21T09:00", ticket="U002",
        person="T002", right=5)  # fmt: skip
    row = results(world, late)["V002"]
    assert (row.parts["theory"]["score"], row.parts["theory"]["session"], row.result) == ("20.00", "LATE", "不合格")


def test_the_standards_pass_mark_decides_end_to_end(world, tmp_path):
    session_id = sit(
        world, "PM", standard="4-13-99-02", level="5", start="2026-11-26T09:00", ticket="V001", person="T001", right=3
    )  # fmt: skip  (60 points)
    bundled = Catalog.load()
    assert results(world, session_id, bundled)["V001"].parts["theory"]["passed"] is True
    std = bundled.standards["4-13-99-02"]
    stricter = dataclasses.replace(bundled, standards={**bundled.standards,
                                                       std.code: dataclasses.replace(std, pass_mark=70)})  # fmt: skip
    row = results(world, session_id, stricter)["V001"]
    assert row.parts["theory"]["passed"] is False
    assert row.result == "不合格"
    out = tmp_path / "pm.zip"
    ExportService(world.db, stricter).export_session(world.admin, session_id, out)
    with zipfile.ZipFile(out) as bundle:
        data = json.loads(bundle.read("results.json"))
        assert data["pass_mark"] == 70
        assert data["candidates"][0]["result"] == "不合格"
        record = qr_payload.verify(data["candidates"][0]["qr"], KeyService(world.db).public_key()).record
        assert record["passed"] is False


def test_bundle_names_the_registration_and_each_parts_sitting(world, tmp_path):
    sit(world, "FIRST", standard="4-13-99-02", level="5", start="2026-11-20T09:00", ticket="U001",
        person="T001", right=1)  # fmt: skip
    resit = sit(world, "RESIT", standard="4-13-99-02", level="5", start="2026-11-27T09:00", ticket="V001",
                person="T001", right=5)  # fmt: skip
    out = tmp_path / "r.zip"
    ExportService(world.db, Catalog.load()).export_session(world.admin, resit, out)
    with zipfile.ZipFile(out) as bundle:
        manifest = json.loads(bundle.read("manifest.json"))
        data = json.loads(bundle.read("results.json"))
        csv_text = bundle.read("results.csv").decode("utf-8-sig")
    assert manifest["format"] == "examdesk-bundle/7"
    assert manifest["package"] is None  # no sealed package for this session (docs/packages.md)
    assert data["registration"] == {"standard": "4-13-99-02", "subtype": None, "level": "5"}
    assert data["required_parts"] == ["theory", "skill"]
    row = data["candidates"][0]
    assert row["parts"]["theory"]["session"] == "RESIT"
    record = qr_payload.verify(row["qr"], KeyService(world.db).public_key()).record
    assert record["sittings"] == {"theory": "RESIT"}
    assert (record["standard"], record["level"]) == ("4-13-99-02", "5")
    assert "理论知识场次 (theory_session)" in csv_text.splitlines()[0]
    assert csv_text.splitlines()[1].endswith("RESIT,,")


@pytest.mark.parametrize("score,mark,verdict", [("59.99", 60, "fail"), ("60.00", 60, "pending"),
                                               ("69.99", 70, "fail")])  # fmt: skip
def test_decide_parts_uses_the_pass_mark(score, mark, verdict):
    from decimal import Decimal

    from app.domain.scoring import decide_parts
    from app.domain.standards import Part

    outcome = decide_parts((Part.THEORY, Part.SKILL), {Part.THEORY: Decimal(score)}, mark)
    assert outcome.verdict.value == verdict
