"""The candidate station, driven like a candidate: login to submit (pytest-qt, offscreen)."""

from __future__ import annotations

import random

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QRadioButton
from sqlalchemy import select

from app.api.types import Identity
from app.demo import demo_people
from app.domain.attempt_state import StepKind
from app.ui.candidate.station import REFRESH_EVERY, CandidateStation, exam_title

PEOPLE = demo_people(8, random.Random(7))  # exactly the seeded demo candidates


def session_id(proctor, code="DEMO-T5"):
    return next(s.id for s in proctor.proctor.sessions() if s.code == code)


def steps_of(backend, attempt_id):
    from app.store.models import AttemptStep

    with backend.db.reader() as s:
        rows = s.scalars(select(AttemptStep).where(AttemptStep.attempt_id == attempt_id))
        return [(r.seq, r.kind, r.slot) for r in rows]


def log_in(qtbot, station, ticket, number):
    qtbot.keyClicks(station.login_page.ticket, ticket)
    qtbot.keyClicks(station.login_page.id_number, number)
    qtbot.mouseClick(station.login_page.button, Qt.MouseButton.LeftButton)


def to_the_paper(qtbot, station, ticket, number):
    """Log in at `station`, confirm who it is, read the rules: the paper is on screen."""
    log_in(qtbot, station, ticket, number)
    qtbot.mouseClick(station.confirm_page.yes, Qt.MouseButton.LeftButton)
    station.rules_page.read.setChecked(True)
    qtbot.mouseClick(station.rules_page.button, Qt.MouseButton.LeftButton)


def test_candidate_answers_flags_and_submits(qtbot, backend, signed_in, station, answers):
    proctor = signed_in("proctor1")
    station = CandidateStation(station("PC-01", seated=PEOPLE[0][0]), min_rules_seconds=0)
    qtbot.addWidget(station)
    station.resize(1366, 768)
    station.show()
    ticket, name, number, _ = PEOPLE[0]
    log_in(qtbot, station, ticket, "110105194912310021")
    assert station.stack.currentWidget() is station.login_page and station.login_page.message.text()
    station.login_page.reset()
    log_in(qtbot, station, ticket, number)
    assert station.stack.currentWidget() is station.confirm_page
    assert name in station.confirm_page.details.text() and "*" in station.confirm_page.details.text()
    # what the candidate came for, by name: occupation, level and part, not codes
    assert "在线学习服务师 · 五级/初级工 · Theory exam" in station.confirm_page.details.text()
    qtbot.mouseClick(station.confirm_page.yes, Qt.MouseButton.LeftButton)
    station.rules_page.read.setChecked(True)
    qtbot.mouseClick(station.rules_page.button, Qt.MouseButton.LeftButton)
    assert "wait" in station.message_page.heading.text().lower() or station.message_page.heading.text()
    proctor.proctor.start_session(session_id(proctor))
    qtbot.waitUntil(lambda: station.stack.currentWidget() is station.exam_page or bool(answers["errors"]), timeout=8000)
    assert answers["errors"] == []

    page = station.exam_page
    attempt = station.flow.login.attempt_id
    radios = page.question.findChildren(QRadioButton)
    assert radios, "the first question offers choices"
    # a radio button takes clicks on its circle and label, as a candidate would click
    qtbot.mouseClick(radios[1], Qt.MouseButton.LeftButton, pos=QPoint(8, radios[1].height() // 2))
    assert "✓" in page.save_state.text()
    assert steps_of(backend, attempt)[-1][1:] == (StepKind.ANSWER.value, 0)  # saved before "saved" showed
    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    assert station.flow.current == 1 and page.card.buttons[0].text() == "1"
    qtbot.mouseClick(page.flag_button, Qt.MouseButton.LeftButton)
    assert "⚑" in page.card.buttons[1].text()
    qtbot.mouseClick(page.card.buttons[4], Qt.MouseButton.LeftButton)
    assert station.flow.current == 4

    answers["confirm"].append(False)
    qtbot.mouseClick(page.submit_button, Qt.MouseButton.LeftButton)
    assert station.flow.stage.value == "answering"
    answers["confirm"].append(True)
    qtbot.mouseClick(page.submit_button, Qt.MouseButton.LeftButton)
    assert station.stack.currentWidget() is station.message_page
    assert steps_of(backend, attempt)[-1][1] == "submit"
    rows = {r.ticket: r for r in proctor.proctor.session_overview(session_id(proctor))}
    assert rows[ticket].state == "submitted" and rows[ticket].answered == 1 and rows[ticket].flagged == 1


def test_proctor_pause_reaches_the_station(qtbot, signed_in, station, answers):
    proctor = signed_in("proctor1")
    station = CandidateStation(station("PC-02", seated=PEOPLE[1][0]), min_rules_seconds=0)
    qtbot.addWidget(station)
    proctor.proctor.start_session(session_id(proctor))
    ticket, _name, number, _ = PEOPLE[1]
    to_the_paper(qtbot, station, ticket, number)
    assert station.stack.currentWidget() is station.exam_page
    proctor.proctor.pause(session_id(proctor), None, "停电")
    qtbot.waitUntil(lambda: station.stack.currentWidget() is station.message_page, timeout=8000)
    assert station.flow.stage.value == "paused"


def refresh_now(qtbot, station) -> None:
    """The station's next tick asks the store (as every fifth tick does), on a worker thread;
    returns once the answer is taken in."""
    from app.ui.candidate.station import REFRESH_EVERY

    station._ticks = REFRESH_EVERY - 1
    station._tick()
    assert station.asking()
    qtbot.waitUntil(lambda: not station.asking(), timeout=5000)


def test_the_candidate_is_told_of_a_resume_and_of_extra_time(qtbot, signed_in, station, answers):
    proctor = signed_in("proctor1")
    ticket, _name, number, _ = PEOPLE[2]
    station = CandidateStation(station("PC-03", seated=ticket), min_rules_seconds=0)
    qtbot.addWidget(station)
    station.show()
    sid = session_id(proctor)
    proctor.proctor.start_session(sid)
    to_the_paper(qtbot, station, ticket, number)
    page = station.exam_page
    assert station.stack.currentWidget() is page and page.banner.isHidden()
    proctor.proctor.pause(sid, None, "停电")
    refresh_now(qtbot, station)
    assert station.stack.currentWidget() is station.message_page
    proctor.proctor.resume(sid, None, "来电")
    refresh_now(qtbot, station)
    assert station.stack.currentWidget() is page
    assert page.banner.isVisible() and "time is running again" in page.banner.text()
    proctor.proctor.extend(sid, None, 600, "开考延迟")
    refresh_now(qtbot, station)
    assert page.banner.isVisible() and "given you 10 more minutes" in page.banner.text()
    assert answers["errors"] == []


def test_the_screen_asks_the_centre_on_a_worker_thread_and_works_on_while_it_waits(qtbot, signed_in, station,
                                                                                   answers):  # fmt: skip
    """A centre that is slow to answer (or gone: the connect timeout) never freezes the screen:
    the timer's read of the attempt's state runs on a worker thread, the screen takes it in after."""
    import threading

    proctor = signed_in("proctor1")
    ticket, _name, number, _ = PEOPLE[4]
    station = CandidateStation(station("PC-05", seated=ticket), min_rules_seconds=0)
    qtbot.addWidget(station)
    sid = session_id(proctor)
    proctor.proctor.start_session(sid)
    to_the_paper(qtbot, station, ticket, number)
    page = station.exam_page
    assert station.stack.currentWidget() is page
    read, held, release = station.flow.attempt_status, threading.Event(), threading.Event()

    def slow_read():
        held.set()
        assert release.wait(10)
        return read()

    station.flow.attempt_status = slow_read
    station._ticks = REFRESH_EVERY - 1
    station._tick()  # returns at once: the read waits on its worker thread
    assert held.wait(5) and station.asking()
    radios = page.question.findChildren(QRadioButton)
    qtbot.mouseClick(radios[0], Qt.MouseButton.LeftButton, pos=QPoint(8, radios[0].height() // 2))
    assert radios[0].isChecked() and station.stack.currentWidget() is page  # the screen still answers clicks
    assert list(station.flow.answers) == [0]  # saved meanwhile
    proctor.proctor.pause(sid, None, "停电")
    release.set()  # the read now finds the exam paused
    qtbot.waitUntil(lambda: not station.asking(), timeout=5000)
    assert station.stack.currentWidget() is station.message_page and station.flow.stage.value == "paused"
    assert answers["errors"] == []


def test_rules_need_the_minimum_reading_time(qtbot, station):
    station = CandidateStation(station("PC-03", seated=PEOPLE[2][0]), min_rules_seconds=600)
    qtbot.addWidget(station)
    ticket, _name, number, _ = PEOPLE[2]
    log_in(qtbot, station, ticket, number)
    qtbot.mouseClick(station.confirm_page.yes, Qt.MouseButton.LeftButton)
    station.rules_page.read.setChecked(True)
    assert not station.rules_page.button.isEnabled()
    assert "600" in station.rules_page.wait.text() or "601" in station.rules_page.wait.text()


def test_the_title_shows_the_codes_where_the_centre_does_not_know_the_standard():
    who = Identity("T1", "某考生", "1101**********002X", None, "S1", "101", "9-99-99-99", "3", 90, "theory")
    assert exam_title(who, ("", "")) == "9-99-99-99 · 3 · Theory exam"
    sub = Identity("T1", "某考生", "1101**********002X", None, "S1", "101", "4-07-03-01", "4", 90, "skill",
                   "残疾人就业辅导员")  # fmt: skip
    assert exam_title(sub, ("职业指导师", "四级残疾人就业辅导员")) == \
        "4-07-03-01 职业指导师 (残疾人就业辅导员) · 四级残疾人就业辅导员 · Skill assessment"


def answering_with_a_journal(qtbot, backend, signed_in, station, tmp_path, link_of):
    """Centre mode at PC-03: its candidate (PEOPLE[2]) has logged in, confirmed and read the rules, on
    a station with a journal whose transport is wrapped by `link_of`; (station, link, journal)."""
    from app.station.journal import Journal

    proctor = signed_in("proctor1")
    ticket, _name, number, _ = PEOPLE[2]
    client = station("PC-03", seated=ticket)
    link = link_of(client.transport)
    client.transport = link
    journal = Journal(tmp_path / "journal", backend.db.cipher.journal_key("PC-03"), "PC-03")
    screen = CandidateStation(client, min_rules_seconds=0, journal=journal)
    qtbot.addWidget(screen)
    screen.resize(1366, 768)
    screen.show()
    proctor.proctor.start_session(session_id(proctor))
    to_the_paper(qtbot, screen, ticket, number)
    return screen, link, journal


def test_the_status_line_says_where_answers_are_and_the_journal_delivers_them(qtbot, backend, signed_in, station,
                                                                              answers, tmp_path):  # fmt: skip
    """Centre mode: with the link down an answer shows as only on this PC, with the count; the
    station's sync delivers it, and an offline submission, once the link is back."""
    from tests.test_offline_flow import Link

    station, link, journal = answering_with_a_journal(qtbot, backend, signed_in, station, tmp_path, Link)
    assert station.stack.currentWidget() is station.exam_page
    page, attempt = station.exam_page, station.flow.login.attempt_id
    radios = page.question.findChildren(QRadioButton)
    qtbot.mouseClick(radios[0], Qt.MouseButton.LeftButton, pos=QPoint(8, radios[0].height() // 2))
    # sent by a worker thread (tests/ui/test_candidate_held_save.py: the screen never waits for it)
    qtbot.waitUntil(lambda: page.save_state.text() == "✓ Saved at the centre", timeout=5000)
    link.mode = "down"
    qtbot.mouseClick(radios[-1], Qt.MouseButton.LeftButton, pos=QPoint(8, radios[-1].height() // 2))
    qtbot.waitUntil(lambda: not station.syncing(), timeout=5000)
    assert page.save_state.text() == "Only on this PC (1 waiting)" and answers["errors"] == []
    station._tick()  # a refresh that cannot reach the centre interrupts nothing
    assert answers["errors"] == [] and station.stack.currentWidget() is station.exam_page
    answers["confirm"].append(True)
    qtbot.mouseClick(page.submit_button, Qt.MouseButton.LeftButton)
    assert station.message_page.heading.text() == "Your paper is handed in on this PC"
    assert "(2 waiting)" in station.message_page.body.text()
    assert [k for _s, k, _slot in steps_of(backend, attempt)] == ["answer"]
    link.mode = "up"
    station._sync()  # on a worker thread: the screen is not blocked while it waits
    qtbot.waitUntil(lambda: not station.syncing() and len(journal) == 0, timeout=8000)
    qtbot.waitUntil(lambda: station.message_page.heading.text() == "Your paper has been submitted", timeout=8000)
    assert [k for _s, k, _slot in steps_of(backend, attempt)] == ["answer", "answer", "submit"]
    assert station.message_page.heading.text() == "Your paper has been submitted" and len(journal) == 0
    journal.close()


def test_a_moved_candidate_types_the_code_and_goes_on_as_they_left_it(qtbot, signed_in, station):
    proctor = signed_in("proctor1")
    ticket, _name, number, _ = PEOPLE[3]
    old = CandidateStation(station("PC-04", seated=ticket), min_rules_seconds=0)
    qtbot.addWidget(old)
    proctor.proctor.start_session(session_id(proctor))
    to_the_paper(qtbot, old, ticket, number)
    assert old.stack.currentWidget() is old.exam_page
    old.exam_page.change_font(+2)
    old.exam_page.contrast.setChecked(True)
    old.exam_page.show_question(3)
    move = proctor.proctor.allow_move(old.flow.login.candidate_id, "PC-04 死机")
    old._ticks = REFRESH_EVERY - 1  # the old station's next look at the store (on a worker thread)
    old._tick()
    qtbot.waitUntil(lambda: not old.asking(), timeout=5000)
    assert old.stack.currentWidget() is old.message_page and not old.timer.isActive()  # said once, not a dialog a tick
    assert old.message_page.body.text() == "a proctor is moving you to another station: continue there"

    new = CandidateStation(station("PC-30"), min_rules_seconds=600)
    qtbot.addWidget(new)
    assert not new.login_page.move_code.isVisibleTo(new.login_page)  # asked for only when needed
    log_in(qtbot, new, ticket, number)
    assert new.stack.currentWidget() is new.login_page and new.login_page.move_code.isVisibleTo(new.login_page)
    assert new.login_page.message.text() == "this seat is not yours: ask the proctor"
    qtbot.keyClicks(new.login_page.move_code, move.code)
    qtbot.mouseClick(new.login_page.button, Qt.MouseButton.LeftButton)
    assert new.stack.currentWidget() is new.confirm_page
    qtbot.mouseClick(new.confirm_page.yes, Qt.MouseButton.LeftButton)
    assert new.stack.currentWidget() is new.exam_page  # the rules are not shown again (600 s otherwise)
    assert (new.flow.current, new.exam_page.font_step, new.exam_page.contrast.isChecked()) == (3, 2, True)


def test_a_written_answer_shows_the_characters_left(qtbot):
    from app.domain.answers import MAX_TEXT_BYTES
    from app.ui.candidate.exam_page import QuestionView

    view = QuestionView()
    qtbot.addWidget(view)
    view.show_item(1, 1, {"slot": 0, "type": "short", "stem": "简述", "points": "5"}, "考生作答")
    assert view.left.text() == f"{(MAX_TEXT_BYTES - 12) // 3} characters left"
    view.editor.setPlainText("a" * 3000)
    assert view.left.text() == f"{(MAX_TEXT_BYTES - 3000) // 3} characters left"
