"""The comprehensive review panel, end to end through the screens (in process and through JSON):
the register with an attachment, the defence timer and its minimum, questions, each member's
marks per criterion hidden from the others until submitted, and the chair finalizing."""

from __future__ import annotations

import math
from decimal import Decimal

from PySide6.QtCore import Qt

from app.banks.review_criteria import example_criteria
from app.store.clock import FakeMachineClock
from app.ui.examiner.review import ReviewPanel
from tests.ui.test_examiner_answers import scheduled, user_id

MEMBERS = ("examiner1", "examiner2", "examiner3")


def review_session(signed_in, backend, code: str = "R-9") -> tuple[int, int]:
    # the defence is timed on it; from a whole second, so that 15 minutes on it are 900.0 s, not
    # 899.999... (a start of 12345.678 s since boot, as the machine's own clock may say, would be)
    backend.db.machine = FakeMachineClock(at=float(math.ceil(backend.db.mono())))
    admin = signed_in("admin")
    session, cid = scheduled(admin, code, "review", "2")
    admin.admin.assign_staff(session, user_id(admin, "chief"), "chief")
    for name in MEMBERS:
        admin.admin.assign_staff(session, user_id(admin, name), "review")
    return session, cid


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_review_from_the_register_to_the_chairs_result(qtbot, signed_in, backend, answers, tmp_path,
                                                        monkeypatch):  # fmt: skip
    _session, cid = review_session(signed_in, backend)
    first = ReviewPanel(signed_in("examiner1"), [(cid, "CODE1")])
    qtbot.addWidget(first)
    view = first.record
    assert "not official" in view.criteria_note.text()  # no owner's file: the example, said so

    # the register: application materials with a file attached
    attachment = tmp_path / "申报表.pdf"
    attachment.write_bytes(b"%PDF-1.4 application form")
    monkeypatch.setattr(type(view), "ask_file", staticmethod(lambda parent, title: str(attachment)))
    click(qtbot, view.attach)
    view.title.setText("申报表")
    view.pages.setValue(4)
    click(qtbot, view.register)
    assert view.materials.rowCount() == 1 and "申报表.pdf" in view.materials.item(0, 3).text()

    # the defence: started, a question, ended after the 15 minutes 4-13-99-02 asks for
    click(qtbot, view.start_button)
    assert not view.start_button.isEnabled() and view.end_button.isEnabled()
    view.note_text.setText("请介绍代表作中的本人贡献")
    click(qtbot, view.add_note_button)
    assert view.notes.rowCount() == 1 and view.notes.item(0, 2).text() == "请介绍代表作中的本人贡献"
    backend.db.machine.advance(15 * 60)
    answers["confirm"].append(True)
    click(qtbot, view.end_button)
    assert view.clock.text() == "15:00" and not view.end_button.isEnabled()

    # each member marks every criterion; the others' scores stay hidden until one has submitted
    names = [c.name for c in example_criteria().criteria]
    for username, mark in zip(MEMBERS, (80, 85, 90), strict=True):
        panel = first if username == "examiner1" else ReviewPanel(signed_in(username), [(cid, "CODE1")])
        qtbot.addWidget(panel)
        assert panel.record.scores.rowCount() == 0
        for name in names:
            panel.record.marks[name].setValue(mark)
        assert panel.record.total.text().endswith(str(mark))
        answers["confirm"].append(True)
        click(qtbot, panel.record.submit_button)
        assert answers["errors"] == []
        assert "scored" in panel.list.item(0).text() and not panel.record.submit_button.isEnabled()
        assert panel.record.scores.rowCount() == MEMBERS.index(username) + 1

    # the chair sees every score and finalizes
    chair = ReviewPanel(signed_in("chief"), [(cid, "CODE1")])
    qtbot.addWidget(chair)
    assert chair.record.submit_button.isHidden() and not chair.record.finalize_button.isHidden()
    assert "Ready to finalize" in chair.record.waiting.text()
    click(qtbot, chair.record.finalize_button)
    assert answers["errors"] == [] and "85" in chair.record.waiting.text()
    [row] = signed_in("admin").admin.session_results(_session)
    assert row.parts["review"]["score"] == "85.00" and row.status == "reviewed"
    assert row.parts["review"]["detail"]["questions"] == ["请介绍代表作中的本人贡献"]


def test_the_chair_is_told_what_finalizing_waits_for(qtbot, signed_in, backend, answers):
    _session, cid = review_session(signed_in, backend, "R-10")
    chair = ReviewPanel(signed_in("chief"), [(cid, "CODE1")])
    qtbot.addWidget(chair)
    waiting = chair.record.waiting.text()
    assert "0 of 3 review panel members have scored" in waiting and "the defence has not been held" in waiting
    click(qtbot, chair.record.finalize_button)
    assert answers["errors"] and "not ready" in answers["errors"][-1]
    member = ReviewPanel(signed_in("examiner2"), [(cid, "CODE1")])
    qtbot.addWidget(member)
    assert member.record.finalize_button.isHidden()


def test_review_members_score_through_the_contract_with_marks(signed_in, backend):
    _session, cid = review_session(signed_in, backend, "R-11")
    marks = {c.name: Decimal("80.5") for c in example_criteria().criteria}
    score = signed_in("examiner1").examiner.score_review(cid, marks, "清楚")
    assert isinstance(score, Decimal) and score == Decimal("80.50")
    record = signed_in("examiner1").examiner.review_record(cid)
    assert record.my_score is not None and record.my_score.marks == marks and record.my_seat == 1


def test_a_member_saves_an_attachment_where_they_choose(qtbot, signed_in, backend, answers, tmp_path, monkeypatch):
    _session, cid = review_session(signed_in, backend, "R-12")
    member = signed_in("examiner2")
    member.examiner.register_review_material(cid, "work", "代表作", 3, "代表作.pdf", b"%PDF-1.4 work")
    panel = ReviewPanel(member, [(cid, "CODE1")])
    qtbot.addWidget(panel)
    target = tmp_path / "saved.pdf"
    monkeypatch.setattr(type(panel.record), "ask_save", staticmethod(lambda parent, title, name: str(target)))
    panel.record.materials.setCurrentCell(0, 1)
    click(qtbot, panel.record.save_button)
    assert answers["errors"] == [] and target.read_bytes() == b"%PDF-1.4 work"


def test_a_mark_out_of_range_is_refused_as_typed_never_submitted_as_zero(qtbot, signed_in, backend, answers):
    _session, cid = review_session(signed_in, backend, code="R-OR")
    panel = ReviewPanel(signed_in("examiner1"), [(cid, "CODE1")])
    qtbot.addWidget(panel)
    view = panel.record
    first = next(iter(view.marks.values()))
    first.selectAll()
    qtbot.keyClicks(first, "150")
    click(qtbot, view.submit_button)
    assert first.text() == "150" and answers["confirm"] == [] and answers["questions"] == []
    assert len(answers["errors"]) == 1 and "outside 0 to 100" in answers["errors"][0]
    assert view.record is not None and view.record.my_score is None  # nothing was submitted


def test_a_defence_stopped_by_a_reboot_is_resumed_from_the_screen(qtbot, signed_in, backend, answers):
    _session, cid = review_session(signed_in, backend, "R-BOOT")
    panel = ReviewPanel(signed_in("examiner1"), [(cid, "CODE1")])
    qtbot.addWidget(panel)
    view = panel.record
    click(qtbot, view.start_button)
    backend.db.machine.advance(5 * 60)
    view.note_text.setText("请介绍代表作中的本人贡献")
    click(qtbot, view.add_note_button)
    # the centre's PC restarts: a new boot, its clock from zero (what Database.open records as an epoch)
    backend.db.machine = FakeMachineClock(at=20.0, boot="after-the-reboot")
    backend.db.epoch += 1000
    view.refresh()
    assert "restart" in view.minimum.text() and view.clock.text() == "05:00"
    assert view.start_button.isEnabled() and view.start_button.text() == "Re&sume the defence"
    click(qtbot, view.start_button)
    backend.db.machine.advance(10 * 60)
    answers["confirm"].append(True)
    click(qtbot, view.end_button)
    assert view.clock.text() == "15:00" and not view.start_button.isEnabled()
    assert answers["errors"] == []
