"""A populated proctor console for the project's screenshot script: the demo theory session under way."""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from app.demo import demo_people
from app.domain.answers import AnswerShape
from app.errors import UserFacingError
from app.services.base import Actor
from app.ui.proctor.console import ProctorConsole

THEORY = "DEMO-T5"


def _try(action: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Steps another screen's set-up may have done already (started, logged in) are skipped."""
    try:
        return action(*args, **kwargs)
    except UserFacingError:
        return None


def _answer(exam: Any, login: Any, count: int, flags: int = 0, focus: int = 0) -> None:
    view = exam.attempt_view(login.actor, login.attempt_id)
    seq = view.last_seq
    for slot in range(count):
        answer = AnswerShape.of(view.items[slot]).example()
        seq = exam.save_answer(login.actor, login.attempt_id, seq, slot, answer).seq
    for slot in range(flags):
        seq = exam.set_flag(login.actor, login.attempt_id, seq, slot * 3 + 1, True).seq
    for _ in range(focus):
        seq = exam.report_focus_loss(login.actor, login.attempt_id, seq).seq


def build_for_screenshot(backend: Any, login: Callable[[str], Actor]) -> QWidget:
    """The demo theory session started: most candidates checked in, some answering (one left the exam
    window twice, highlighted in the grid), one paused, one not arrived; an answering candidate selected."""
    proctor = login("proctor1")
    exam = backend.exam
    session = next(s for s in exam.sessions(proctor) if s.code == THEORY)
    people = demo_people(8, random.Random(7))  # how the desktop demo enrolled them
    rows = {r.ticket: r for r in exam.session_overview(proctor, session.id)}
    for n, (ticket, *_rest) in enumerate(people[:7]):
        if rows[ticket].state == "absent":
            _try(exam.check_in, proctor, rows[ticket].candidate_id, f"PC-{n + 1:02d}")
    if session.state == "scheduled":
        _try(exam.start_session, proctor, session.id)
    # the first five also sit the demo's skill session, still open for scoring: they cannot log in here
    for n, (count, flags, focus) in ((5, (23, 1, 0)), (6, (41, 2, 2))):
        ticket, _name, id_number, _ability = people[n]
        candidate = _try(exam.candidate_login, ticket=ticket, id_number=id_number, station=f"PC-{n + 1:02d}")
        if candidate is not None and rows[ticket].answered == 0:
            _try(_answer, exam, candidate, count, flags, focus)
    paused = rows[people[1][0]]
    if paused.attempt_id is not None:
        _try(exam.pause, proctor, session.id, paused.attempt_id, "考生身体不适，暂离考场")
    console = ProctorConsole(backend, proctor, session.id)
    console.select_candidate(rows[people[5][0]].candidate_id)
    return console
