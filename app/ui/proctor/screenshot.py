"""A populated proctor console for the project's screenshot script: the demo theory session under way."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtWidgets import QWidget

from app.api.client import Client
from app.api.errors import ApiError
from app.api.types import ReadinessReport
from app.domain.answers import AnswerShape
from app.station import readiness
from app.ui.proctor.console import ProctorConsole

THEORY = "DEMO-T5"


def _try(action: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Steps another screen's set-up may have done already (started, logged in) are skipped."""
    try:
        return action(*args, **kwargs)
    except ApiError:
        return None


def _answer(station: Client, attempt_id: int, count: int, flags: int = 0, focus: int = 0) -> None:
    """A candidate's station answers `count` questions, flags some and loses the focus `focus` times."""
    candidate = station.candidate
    view = candidate.attempt_view(attempt_id)
    seq = view.last_seq
    for slot in range(count):
        answer = AnswerShape.of(view.items[slot]).example()
        seq = candidate.save_answer(attempt_id, seq, slot, answer).seq
    for slot in range(flags):
        seq = candidate.set_flag(attempt_id, seq, slot * 3 + 1, True).seq
    for _ in range(focus):
        seq = candidate.report_focus_loss(attempt_id, seq).seq


def _report_readiness(client: Client, seats: int) -> None:
    """The seats' readiness reports, as the candidate stations would send them: most READY, one with a
    remote-control program running (WARNING), one whose display scaling leaves too small a screen."""
    for n in range(1, seats + 1):
        screens = ((1280, 720),) if n == 4 else ((1920, 1080),)
        machine = readiness.MachineFacts(processes=("ToDesk.exe",) if n == 3 else ())
        centre = readiness.CentreFacts(local=True, secure=False, reachable=True)
        disk = readiness.DiskFacts("D:\\ExamDesk", 48_000 * 1024 * 1024, "", 0.012)
        display = readiness.DisplayFacts(screens, ("Microsoft YaHei",))
        checks = tuple(readiness.decide(centre, disk, display, machine))
        report = ReadinessReport(readiness.overall(checks), checks, readiness.__version__, "", "")
        _try(client.another_station(f"PC-{n:02d}").public.report_readiness, report)


def build_for_screenshot(sign_in: Callable[[str], Client], people: Sequence[tuple[str, str, str, float]]) -> QWidget:
    """The demo theory session started: most candidates checked in, some answering (one left the exam
    window twice, highlighted in the grid), one paused, one not arrived; an answering candidate selected.
    `sign_in(username)` gives a client signed in as that demo user; `people` are the demo's candidates
    as it enrolled them (ticket, name, ID number, ability: app.demo.demo_people(8, random.Random(7))),
    who log in at stations of the same services."""
    client = sign_in("proctor1")
    proctor = client.proctor
    session = next(s for s in proctor.sessions() if s.code == THEORY)
    rows = {r.ticket: r for r in proctor.session_overview(session.id)}
    for n, (ticket, *_rest) in enumerate(people[:7]):
        if rows[ticket].state == "absent":
            _try(proctor.check_in, rows[ticket].candidate_id, f"PC-{n + 1:02d}")
    if session.state == "scheduled":
        _try(proctor.start_session, session.id)
    # the first five also sit the demo's skill session, still open for scoring: they cannot log in here
    for n, (count, flags, focus) in ((5, (23, 1, 0)), (6, (41, 2, 2))):
        ticket, _name, id_number, _ability = people[n]
        station = client.another_station(f"PC-{n + 1:02d}")
        login = _try(station.candidate_sign_in, ticket, id_number)
        if login is not None and rows[ticket].answered == 0:
            _try(_answer, station, login.attempt_id, count, flags, focus)
    paused = rows[people[1][0]]
    if paused.attempt_id is not None:
        _try(proctor.pause, session.id, paused.attempt_id, "考生身体不适，暂离考场")
    _report_readiness(client, 6)  # PC-07 has not reported
    console = ProctorConsole(client, session.id)
    console.select_candidate(rows[people[5][0]].candidate_id)
    return console
