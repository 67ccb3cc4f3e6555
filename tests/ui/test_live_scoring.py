"""Observed and oral tasks end to end through the screens: the candidate's station and the examiners'
Live scoring tab, on the desktop demo's skill candidate who is still performing (pytest-qt, offscreen;
in process and through JSON loopback)."""

from __future__ import annotations

import random
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from sqlalchemy import select

from app.demo import LIVE_CANDIDATE, LIVE_INDEX, LIVE_STATION, demo_people
from app.domain.attempt_state import StepKind
from app.store.models import AttemptStep
from app.ui.candidate.station import CandidateStation
from app.ui.examiner import ExaminerHome
from app.ui.examiner.live_screenshot import build_live_for_screenshot, live_task_of
from app.ui.widgets.errors import Ask

LIVE_PERSON = demo_people(LIVE_INDEX + 1, random.Random(LIVE_INDEX))[LIVE_INDEX]


def kinds_of(backend, attempt_id: int) -> list[str]:
    with backend.db.reader() as s:
        return list(s.scalars(select(AttemptStep.kind).where(AttemptStep.attempt_id == attempt_id)
                              .order_by(AttemptStep.seq)))  # fmt: skip


def candidate_at_task(qtbot, station, answers, mode: str) -> CandidateStation:
    """The live candidate logs in at their seat and opens the task of `mode`."""
    assert LIVE_PERSON[0] == LIVE_CANDIDATE
    screen = CandidateStation(station(LIVE_STATION, seated=LIVE_CANDIDATE), min_rules_seconds=0)
    qtbot.addWidget(screen)
    screen.resize(1366, 768)
    screen.show()
    qtbot.keyClicks(screen.login_page.ticket, LIVE_CANDIDATE)
    qtbot.keyClicks(screen.login_page.id_number, LIVE_PERSON[2])
    qtbot.mouseClick(screen.login_page.button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.confirm_page.yes, Qt.MouseButton.LeftButton)
    if screen.stack.currentWidget() is screen.rules_page:
        screen.rules_page.read.setChecked(True)
        qtbot.mouseClick(screen.rules_page.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.stack.currentWidget() is screen.exam_page or bool(answers["errors"]), timeout=8000)
    assert answers["errors"] == []
    index = next(n for n, item in enumerate(screen.flow.items) if item.get("mode") == mode)
    screen.exam_page.show_question(index)
    assert screen.exam_page.question.editor is None  # nothing to type for a live task
    return screen


def open_live(qtbot, client, attempt_id: int, slot: int) -> ExaminerHome:
    home = ExaminerHome(client)
    qtbot.addWidget(home)
    home.resize(1366, 768)
    assert home.tabs.isTabVisible(home.live_tab)
    home.tabs.setCurrentWidget(home.live)
    home.live.open_task(attempt_id, slot)
    assert home.live.panel.task is not None and (home.live.panel.task.attempt_id, home.live.panel.task.slot) == (
        attempt_id, slot)  # fmt: skip
    return home


def score_all(qtbot, home: ExaminerHome, answers, share: float) -> None:
    panel = home.live.panel
    for spin in panel.spins:
        spin.setValue(round(spin.maximum() * share * 2) / 2)
    answers["confirm"].append(True)
    qtbot.mouseClick(panel.submit_button, Qt.MouseButton.LeftButton)
    assert answers["errors"] == []


def test_oral_task_the_candidate_draws_a_card_and_examiners_score_it_blind(qtbot, backend, signed_in, station,
                                                                          answers):  # fmt: skip
    screen = candidate_at_task(qtbot, station, answers, "oral")
    attempt_id = screen.flow.login.attempt_id
    draw = screen.exam_page.question.findChild(QPushButton, "draw_card")
    assert draw is not None
    qtbot.mouseClick(draw, Qt.MouseButton.LeftButton)
    assert answers["errors"] == []
    card = screen.exam_page.question.findChild(QLabel, "oral_card")
    assert card is not None and card.text()
    assert kinds_of(backend, attempt_id).count(StepKind.DRAW.value) == 1
    assert screen.exam_page.question.findChild(QPushButton, "draw_card") is None  # drawn once, shown since

    e1 = signed_in("examiner1")
    _sid, attempt, slot = live_task_of(e1, "oral")
    assert attempt == attempt_id
    home = open_live(qtbot, e1, attempt, slot)
    panel = home.live.panel
    assert card.text() in panel.card.text() and "Expected points" in panel.card.text()
    assert "anonymous code only" in panel.identity.text()
    qtbot.mouseClick(panel.start_button, Qt.MouseButton.LeftButton)
    assert panel.task.timer_running and panel.stop_button.isEnabled()
    score_all(qtbot, home, answers, 0.8)
    assert panel.task.scored_by_me and not panel.submit_button.isEnabled()
    assert "none yet" in panel.others.text()

    e2 = signed_in("examiner2")
    other = open_live(qtbot, e2, attempt, slot)
    assert "once you have submitted" in other.live.panel.others.text()  # blind until e2 submits
    score_all(qtbot, other, answers, 0.6)
    assert "seat 1" in other.live.panel.others.text()  # e1's scores, by seat, never by name
    assert "考评员一" not in other.live.panel.others.text()


def test_observed_task_timer_notes_files_and_scores_on_the_examiners_screen(
    qtbot, backend, signed_in, station, answers, tmp_path, monkeypatch
):
    product = tmp_path / "档案卡.pdf"
    product.write_bytes(b"%PDF-1.4 the archive card the candidate exported")
    monkeypatch.setattr(Ask, "file", staticmethod(lambda parent, title: str(product)))
    screen = candidate_at_task(qtbot, station, answers, "observed")
    attempt_id = screen.flow.login.attempt_id
    shown = " ".join(w.text() for w in screen.exam_page.question.findChildren(QLabel))
    assert "examiners can see you" in shown
    qtbot.mouseClick(screen.exam_page.question.findChild(QPushButton, "attach_file"), Qt.MouseButton.LeftButton)
    assert answers["errors"] == [] and kinds_of(backend, attempt_id)[-1] == StepKind.ATTACH.value

    e1 = signed_in("examiner1")
    _sid, attempt, slot = live_task_of(e1, "observed")
    home = open_live(qtbot, e1, attempt, slot)
    panel = home.live.panel
    assert "Identity not hidden" in panel.identity.text() and "observation group A" in panel.identity.text()
    qtbot.mouseClick(panel.start_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.stop_button, Qt.MouseButton.LeftButton)
    assert not panel.task.timer_running and panel.start_button.isEnabled()
    panel.note_edits[1].setText("敏感信息未录入备注")  # typed (keyClicks takes ASCII only)
    qtbot.keyClick(panel.note_edits[1], Qt.Key.Key_Return)
    assert [panel.notes.item(i).text() for i in range(panel.notes.count())] == ["Point 2: 敏感信息未录入备注"]
    photo = tmp_path / "现场照片.jpg"
    photo.write_bytes(b"JPEG photo of the set-up")
    monkeypatch.setattr(Ask, "file", staticmethod(lambda parent, title: str(photo)))
    qtbot.mouseClick(panel.attach_button, Qt.MouseButton.LeftButton)
    files = [panel.files.item(i).text() for i in range(panel.files.count())]
    assert len(files) == 2 and "档案卡.pdf" in files[0] and "from the candidate's station" in files[0]
    assert "现场照片.jpg" in files[1] and "examiner seat 1" in files[1]
    score_all(qtbot, home, answers, 0.9)
    assert Decimal(panel.task.my_scores[0]) == Decimal(str(panel.spins[0].value()))
    assert answers["errors"] == []


@pytest.mark.parametrize("mode", ["oral", "observed"])
def test_live_scoring_screenshot_at_1366x768(qtbot, signed_in, station, mode, tmp_path):
    """The screen examiners see, rendered and checked for what matters (the PNGs of scripts/screenshots.py
    were looked at: docs/screenshots/44-live-oral.png, 45-live-observed.png)."""

    def draw(attempt_id: int, slot: int) -> None:
        client = station(LIVE_STATION, seated=LIVE_CANDIDATE)
        client.candidate_sign_in(LIVE_CANDIDATE, LIVE_PERSON[2])
        client.candidate.draw_card(attempt_id, slot)

    home = build_live_for_screenshot(signed_in, mode, draw)
    qtbot.addWidget(home)
    home.show()
    image = home.grab()
    assert (image.width(), image.height()) == (1366, 768)
    panel = home.live.panel
    assert panel.task is not None and panel.task.mode == mode
    if mode == "oral":
        assert panel.task.card_question and panel.task.timer_running and not panel.task.others
    else:
        assert len(panel.task.others) == 2 and len(panel.task.files) == 1 and len(panel.task.notes) == 2
    assert image.save(str(tmp_path / f"live-{mode}.png"))
    assert Path(tmp_path / f"live-{mode}.png").stat().st_size > 10_000


def test_the_chief_forms_an_observation_group_and_the_ratio_is_refused_on_screen(qtbot, signed_in, answers,
                                                                                 monkeypatch):  # fmt: skip
    from app.ui.examiner.live import ObservationGroupDialog

    chief = signed_in("chief")
    home = ExaminerHome(chief)
    qtbot.addWidget(home)
    page = home.live
    assert not page.group_button.isHidden()
    assert "Group A" in page.groups.text()
    sid = next(s.id for s in chief.examiner.sessions() if s.part == "skill")
    examiners = chief.examiner.session_examiners(sid)
    assert len(examiners) == 3
    codes = sorted({w.anonymous_code for w in page.items if w.mode == "observed"})
    asked = []

    def two_examiners(parent, offered_codes, offered_examiners):
        asked.append((offered_codes, offered_examiners))
        return "A", offered_codes, [user_id for user_id, _name in offered_examiners[:2]]

    monkeypatch.setattr(ObservationGroupDialog, "ask", classmethod(lambda cls, *a: two_examiners(*a)))
    qtbot.mouseClick(page.group_button, Qt.MouseButton.LeftButton)
    assert asked == [(codes, examiners)]
    assert len(answers["errors"]) == 1 and "1.9.3" in answers["errors"][0]  # refused, said on screen
    monkeypatch.setattr(ObservationGroupDialog, "ask",
                        classmethod(lambda cls, parent, c, e: ("B", c[:1], [i for i, _n in e])))
    qtbot.mouseClick(page.group_button, Qt.MouseButton.LeftButton)
    assert len(answers["errors"]) == 2 and "already in group A" in answers["errors"][1]
    assert [g.name for g in chief.examiner.observation_groups(sid)] == ["A"]  # nothing changed
    examiner_home = ExaminerHome(signed_in("examiner1"))
    qtbot.addWidget(examiner_home)
    assert examiner_home.live.group_button.isHidden()  # only the chief forms groups


def test_a_timer_a_restart_interrupted_says_so_and_can_be_stopped_or_started_again(qtbot):
    """The service reads a timer that ran through a restart of the centre's PC as interrupted
    (tests/test_live_tasks.py): the screen shows the seconds known, frozen, says why, and offers
    both Stop and Start; an ordinary stopped timer shows no such notice."""
    from app.api.types import LiveTask
    from app.ui.examiner.live import LiveTaskPanel

    panel = LiveTaskPanel(client=None)  # type: ignore[arg-type]  # showing a task calls nothing
    qtbot.addWidget(panel)
    task = LiveTask(7, 0, "A001", "observed", "现场操作", "现场演示", "在考评员面前完成。", (("要点", "10"),),
                    identity_visible=True, group="A", attempt_open=True, timer_seconds=150.0,
                    timer_interrupted=True)  # fmt: skip
    panel.show_task(task)
    assert panel.timer_label.text() == "02:30" and not panel.ticking.isActive()
    assert not panel.timer_interrupted.isHidden() and "restart" in panel.timer_interrupted.text()
    assert panel.stop_button.isEnabled() and panel.start_button.isEnabled()
    panel.show_task(replace(task, timer_interrupted=False))
    assert panel.timer_interrupted.isHidden() and not panel.stop_button.isEnabled()
