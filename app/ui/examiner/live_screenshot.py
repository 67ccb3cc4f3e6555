"""A populated live-scoring screen for the project's screenshot script: the desktop demo's skill
candidate who is still performing (an observed and an oral task), seen by examiner1."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from app.api.client import Client
from app.ui.examiner.home import ExaminerHome


def live_task_of(client: Client, mode: str) -> tuple[int, int, int]:
    """(session id, attempt id, slot) of the first task of `mode` of a paper still being performed."""
    sid = next(s.id for s in client.examiner.sessions() if s.part == "skill")
    item = next(i for i in client.examiner.worklist(sid) if i.mode == mode and i.attempt_open)
    return sid, item.attempt_id, item.slot


def build_live_for_screenshot(sign_in: Callable[[str], Client], mode: str,
                              draw: Callable[[int, int], object] | None = None) -> ExaminerHome:  # fmt: skip
    """examiner1's Live scoring tab on the oral task (`draw(attempt, slot)`: the candidate's station
    draws the card; examiner1's timer runs, a note is taken, examiner2 has scored and examiner1 has
    not, so the others' scores stay hidden) or the observed task (a file attached, examiner1's
    timer stopped with notes, and all three examiners scored: examiner1 sees the others by seat)."""
    examiner = sign_in("examiner1")
    _sid, attempt_id, slot = live_task_of(examiner, mode)
    rubric = next(i.rubric for i in examiner.examiner.worklist(_sid) if (i.attempt_id, i.slot) == (attempt_id, slot))
    if mode == "oral":
        if draw is not None:
            draw(attempt_id, slot)
        examiner.examiner.start_timer(attempt_id, slot)
        examiner.examiner.add_observation_note(attempt_id, slot, 0, "能指出“只看不练”，未提到主动回忆")
        sign_in("examiner2").examiner.score_task(attempt_id, slot, {n: Decimal(m) * Decimal("0.8")
                                                                    for n, (_p, m) in enumerate(rubric)})
    else:
        examiner.examiner.start_timer(attempt_id, slot)
        examiner.examiner.add_observation_note(attempt_id, slot, 0, "账号信息录入完整，单位名称核对了两次")
        examiner.examiner.add_observation_note(attempt_id, slot, 1, "身份证号录入受保护字段，备注为空")
        examiner.examiner.stop_timer(attempt_id, slot)
        examiner.examiner.attach_task_file(attempt_id, slot, "2026春季班-王某-1206.pdf", b"%PDF-1.4 archive card")
        for name, share in (("examiner2", "0.9"), ("examiner3", "0.85"), ("examiner1", "0.9")):
            sign_in(name).examiner.score_task(attempt_id, slot, {n: (Decimal(m) * Decimal(share)).quantize(Decimal(1))
                                                                 for n, (_p, m) in enumerate(rubric)})  # fmt: skip
    home = ExaminerHome(examiner)
    home.resize(1366, 768)
    home.tabs.setCurrentWidget(home.live)
    home.live.open_task(attempt_id, slot)
    return home
