"""The room's papers: the sign-in sheet before the exam and the room record at the close, through
the service, read back with pdftotext. The record's audit head is the entry of its own printing,
so a store rolled back past it no longer has it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import select

from app.services.audit_log import AuditService
from app.services.base import Conflict, PermissionDenied
from app.services.room_papers import RoomPapersService
from app.store.models import AuditEntry
from tests.store_fixtures import CANDIDATES, first_proctor, seated_login, shared_catalog


def text_of(pdf: bytes, tmp_path: Path) -> str:
    assert shutil.which("pdftotext"), "pdftotext is needed (scripts/setup.sh installs poppler-utils)"
    path = tmp_path / "paper.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return "".join(text.split())  # a table cell's text may wrap


@pytest.fixture
def papers(world) -> RoomPapersService:
    return RoomPapersService(world.db, shared_catalog())


def test_sign_in_sheet_lists_every_candidate_with_masked_id_seat_and_a_signature_column(world, papers, tmp_path):
    proctor = first_proctor(world.exam)
    world.exam.check_in(proctor, world.candidates["T001"], "PC-07")
    text = text_of(papers.sign_in_sheet(proctor, world.session_id), tmp_path)
    for expected in ("考生签到表", "测试考点", "S1", "101", "在线学习服务师", "理论知识考试", "考生签名", "监考员签名",
                     "王晓明", "T001", "PC-07", "李华", "T002", "应到考生2人"):  # fmt: skip
        assert expected in text, expected
    assert CANDIDATES["T001"][1] not in text  # the ID number is masked
    assert "1101**********002X" in text
    with world.db.reader() as s:
        entry = s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
    assert (entry.action, entry.target) == ("session.sign_in_sheet", f"session:{world.session_id}")


def test_only_the_sessions_proctors_and_the_admin_print_and_not_for_a_cancelled_session(world, papers):
    with pytest.raises(PermissionDenied):
        papers.sign_in_sheet(world.outsider, world.session_id)
    world.exam.cancel_session(world.admin, world.session_id, "停考")
    with pytest.raises(Conflict, match="cancelled"):
        papers.sign_in_sheet(world.admin, world.session_id)


def test_room_record_holds_times_incidents_submits_moves_absentees_proctors_and_its_audit_head(world, papers,
                                                                                               tmp_path):  # fmt: skip
    proctor = first_proctor(world.exam)
    t001 = world.candidates["T001"]
    seated_login(world.exam, proctor, "T001", CANDIDATES["T001"][1], "PC-01")
    with pytest.raises(Conflict, match="once it is closed"):
        papers.room_record(proctor, world.session_id)
    world.exam.start_session(proctor, world.session_id)
    world.exam.pause(proctor, world.session_id, None, "考场停电")
    world.exam.resume(proctor, world.session_id, None, "来电")
    world.exam.extend(proctor, world.session_id, world.attempts["T001"], 600, "停电补时")
    world.exam.record_incident(proctor, world.session_id, "technical.freeze", "考试机蓝屏", t001)
    world.exam.allow_move(proctor, t001, "考试机蓝屏，换机续考")
    world.exam.submit(proctor, world.attempts["T001"], reason="考生突发不适，代为交卷")
    world.exam.close_session(proctor, world.session_id)

    pdf = papers.room_record(proctor, world.session_id)
    text = text_of(pdf, tmp_path)
    for expected in ("考场记录", "已结束", "应考2人", "缺考1人", "监考一", "监考二", "开考", "暂停", "考场停电",
                     "恢复", "延长时间10分钟", "停电补时", "技术故障：考试机死机", "考试机蓝屏", "PC-01→", "已发换机码",
                     "换机续考", "监考员交卷", "代为交卷", "结束场次", "李华", "T002", "考生签到与交卷",
                     "监考员交卷或终止", "缺考"):  # fmt: skip
        assert expected in text, expected
    assert "movedto" not in text and "movingto" not in text  # the move is said in Chinese, in the proctor's words
    with world.db.reader() as s:
        last = s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
    assert (last.action, last.target) == ("session.room_record", f"session:{world.session_id}")
    assert f"第{last.seq}条" in text and last.mac in text  # the printed head is the printing's own entry
    assert AuditService(world.db).entry(last.seq)[0] == last.mac


def test_a_store_rolled_back_past_the_printed_entry_is_caught_by_audit_head(world, papers, tmp_path, monkeypatch,
                                                                            capsys):  # fmt: skip
    from app import cli

    proctor = first_proctor(world.exam)
    for ticket in ("T001", "T002"):
        world.exam.check_in(proctor, world.candidates[ticket], f"PC-{ticket}")
    world.exam.start_session(proctor, world.session_id)
    for ticket in ("T001", "T002"):
        world.exam.submit(proctor, world.attempts[ticket], reason="提前收卷")
    world.exam.close_session(proctor, world.session_id)
    papers.room_record(proctor, world.session_id)
    with world.db.reader() as s:
        printed = s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
    service = AuditService(world.db)
    assert service.entry(printed.seq)[0] == printed.mac
    assert service.entry(printed.seq + 1) is None  # what a copy from before the printing looks like
    monkeypatch.setattr(cli, "_open_store", lambda args: world.reopen().db)
    assert cli.main(["audit", "head", str(printed.seq), printed.mac]) == 0
    assert cli.main(["audit", "head", str(printed.seq + 5)]) == 1
    assert "rolled back" in capsys.readouterr().out
