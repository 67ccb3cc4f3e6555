"""The proctor console (监考端): each action is checked against what the services recorded."""

from __future__ import annotations

import random
import threading
import time
from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QPersistentModelIndex, Qt

from app.api.errors import ApiError
from app.api.types import CandidateRow
from app.demo import demo_people, demo_start
from app.domain.answers import AnswerShape
from app.services.exam import INCIDENT_CATEGORIES
from app.services.sweep import ClockSweep
from app.ui.proctor import CandidateGridModel, ProctorConsole, SessionPicker, build_for_screenshot
from app.ui.proctor.buttons import ActionButton
from app.ui.proctor.dialogs import CheckInDialog, ExtraTimeDialog, IncidentDialog, IncidentReport, ProctorAsk
from app.ui.proctor.grid_model import CANDIDATE_ROLE, CandidateFilterProxy, Column
from app.ui.proctor.labels import INCIDENTS

PEOPLE = demo_people(8, random.Random(7))  # (ticket, name, ID number, ability), as the desktop demo enrolled them
# The first five also sit the demo's skill session, which stays open for scoring, so only these can log in here:
FREE = PEOPLE[5:]


@pytest.fixture
def proctor(signed_in):
    """proctor1's client (the console's, and the test's to check what the services recorded)."""
    return signed_in("proctor1")


@pytest.fixture
def theory(proctor):
    return next(s.id for s in proctor.proctor.sessions() if s.code == "DEMO-T5")


@pytest.fixture
def console(qtbot, proctor, theory):
    widget = ProctorConsole(proctor, theory)
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def dialogs(monkeypatch):
    """Answers for the console's own dialogs; each entry is a value or a function of the dialog's arguments."""
    record = {"check_in": [], "extra_time": [], "incident": [], "move_code": [], "asked": []}

    def answer(kind):
        def ask(parent, *args):
            record["asked"].append((kind, args))
            reply = record[kind].pop(0)
            return reply(*args) if callable(reply) else reply

        return staticmethod(ask)

    for kind in ("check_in", "extra_time", "incident", "move_code"):
        monkeypatch.setattr(ProctorAsk, kind, answer(kind))
    return record


def overview(proctor, session_id) -> dict[str, CandidateRow]:
    return {row.ticket: row for row in proctor.proctor.session_overview(session_id)}


def session_state(proctor, session_id) -> str:
    return next(s for s in proctor.proctor.sessions() if s.id == session_id).state


def incidents(proctor, session_id) -> list[tuple[str | None, str, str]]:
    """(ticket, category, text) of each incident recorded in the session."""
    return [(ticket, category, text) for _wall, ticket, category, text, _who in proctor.proctor.incidents(session_id)]


def click(qtbot, console: ProctorConsole, action) -> None:
    button = next(b for b in console.findChildren(ActionButton) if b.action is action)
    assert button.isEnabled(), f"{action.text()} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def shown(console: ProctorConsole, ticket: str, column: Column) -> str:
    model = console.model
    row = next(n for n in range(model.rowCount()) if model.row_at(n).ticket == ticket)
    return model.data(model.index(row, column))


def pick(console: ProctorConsole, ticket: str) -> CandidateRow:
    row = next(r for r in console.model.rows() if r.ticket == ticket)
    console.select_candidate(row.candidate_id)
    assert console.selected_row().ticket == ticket
    return row


def log_in(station, person, name: str):
    """The candidate `person` logs in at the station `name`: (the station's client, its CandidateSession)."""
    ticket, _name, id_number, _ability = person
    client = station(name, seated=ticket)
    return client, client.candidate_sign_in(ticket, id_number)


def start(proctor, session_id, console) -> None:
    proctor.proctor.start_session(session_id)
    console.refresh()


# -- the session ----------------------------------------------------------------------------------


def test_start_all_opens_the_session_after_confirmation(console, qtbot, proctor, theory, answers):
    assert "DEMO-T5" in console.header.title.text()
    # the standard and level as the services name them
    assert "4-13-99-02 在线学习服务师 · 五级/初级工 · Theory exam" in console.header.details.text()
    assert "8" in console.header.counts.text()
    answers["confirm"].append(False)
    click(qtbot, console, console.session_actions.start_all)
    assert session_state(proctor, theory) == "scheduled"
    assert "8 candidate(s) have not checked in" in answers["questions"][-1]  # late comers lose the time

    answers["confirm"].append(True)
    click(qtbot, console, console.session_actions.start_all)
    assert session_state(proctor, theory) == "open"
    assert not console.session_actions.start_all.isEnabled()
    assert console.session_actions.close.isEnabled()
    assert answers["errors"] == []


def test_pause_all_needs_a_reason_and_resume_all_continues(console, qtbot, proctor, theory, answers):
    start(proctor, theory, console)
    answers["text"].append("   ")
    click(qtbot, console, console.session_actions.pause_all)
    assert answers["errors"] and "reason" in answers["errors"][0]
    assert all(r.state != "paused" for r in overview(proctor, theory).values())

    answers["text"].append("考场停电，等待恢复")
    click(qtbot, console, console.session_actions.pause_all)
    assert all(r.state == "paused" for r in overview(proctor, theory).values())
    assert shown(console, FREE[0][0], Column.STATE) == "Paused"

    answers["text"].append("")  # the note is optional for resuming
    click(qtbot, console, console.session_actions.resume_all)
    assert all(r.state != "paused" for r in overview(proctor, theory).values())


def test_extend_all_by_minutes_adds_to_everyone(console, qtbot, proctor, theory, answers, dialogs):
    start(proctor, theory, console)
    proctor.proctor.pause(theory, None, "冻结时钟以便比较")
    before = overview(proctor, theory)

    def ten_minutes(who, duration):
        dialog = ExtraTimeDialog(who, duration)
        dialog.minutes.setValue(10)
        dialog.reason.setText("开考延迟，全场补时")
        return dialog.value()

    dialogs["extra_time"].append(ten_minutes)
    console.refresh()
    click(qtbot, console, console.session_actions.extend_all)
    after = overview(proctor, theory)
    assert all(after[t].remaining - before[t].remaining == pytest.approx(600) for t in before)


def test_close_is_refused_while_papers_are_open_then_shows_results(console, qtbot, station, proctor, theory, answers):
    start(proctor, theory, console)
    _client, login = log_in(station, FREE[0], "PC-06")
    console.refresh()
    answers["confirm"].append(True)  # "go to them?": yes
    click(qtbot, console, console.session_actions.close)
    ticket, name = FREE[0][0], FREE[0][1]
    # the open paper is named, with the offer to go to it; nothing is sent to the service
    assert "1 paper(s) are not finished" in answers["questions"][-1] and name in answers["questions"][-1]
    assert ticket in answers["questions"][-1]
    assert answers["errors"] == [] and console.selected_row().ticket == ticket
    assert session_state(proctor, theory) == "open"
    assert console.results_dialog is None

    proctor.proctor.submit(login.attempt_id, "考试结束统一收卷")
    console.refresh()
    answers["confirm"].append(True)
    click(qtbot, console, console.session_actions.close)
    assert session_state(proctor, theory) == "closed"
    dialog = console.results_dialog
    assert dialog is not None and dialog.table.rowCount() == 8
    assert "7 candidate(s) never logged in: they will be recorded as absent" in answers["questions"][-1]
    absent_names = [p[1] for p in PEOPLE if p[0] != FREE[0][0]]
    assert all(n in answers["questions"][-1] for n in absent_names)  # named, not only counted
    assert "8 candidates: 1 submitted, 0 terminated, 7 absent" in dialog.summary.text()  # who never came: 缺考
    headers = [dialog.table.horizontalHeaderItem(c).text() for c in range(dialog.table.columnCount())]
    theory_column = headers.index("Theory exam")
    statuses = [dialog.table.item(r, 2).text() for r in range(8)]
    theory = [dialog.table.item(r, theory_column).text() for r in range(8)]
    assert [t for s, t in zip(statuses, theory, strict=True) if s == "Absent"] == ["Absent"] * 7  # 缺考, not "—"
    assert not console.session_actions.close.isEnabled()
    dialog.close()


def test_incident_for_the_session_is_recorded(console, qtbot, proctor, theory, dialogs):
    dialogs["incident"].append(IncidentReport("environment.noise", "9:40 考场外施工噪音"))
    click(qtbot, console, console.session_actions.incident)
    assert incidents(proctor, theory) == [(None, "environment.noise", "9:40 考场外施工噪音")]


# -- one candidate ---------------------------------------------------------------------------------


def test_check_in_shows_the_identity_and_the_grid_says_checked_in(console, qtbot, proctor, theory, dialogs):
    ticket = PEOPLE[2][0]
    row = pick(console, ticket)
    assert shown(console, ticket, Column.STATE) == "Not arrived"
    dialogs["check_in"].append(lambda identity, station: "PC-03")
    click(qtbot, console, console.candidate_actions.check_in)

    [(kind, (identity, station))] = dialogs["asked"]
    assert kind == "check_in"
    assert (identity.name, identity.ticket, station) == (PEOPLE[2][1], ticket, "")
    assert "*" in identity.masked_id and PEOPLE[2][2] not in identity.masked_id
    after = overview(proctor, theory)[ticket]
    assert (after.state, after.station) == ("checked_in", "PC-03")
    assert shown(console, ticket, Column.STATE) == "Checked in"
    assert shown(console, ticket, Column.STATION) == "PC-03"
    assert console.selected_row().candidate_id == row.candidate_id  # the selection survived the refresh


def test_cancelled_check_in_records_nothing(console, qtbot, proctor, theory, dialogs):
    ticket = PEOPLE[2][0]
    pick(console, ticket)
    dialogs["check_in"].append(None)
    click(qtbot, console, console.candidate_actions.check_in)
    assert overview(proctor, theory)[ticket].state == "absent"


def test_answers_show_in_the_grid_on_the_timed_refresh(console, qtbot, station, proctor, theory):
    start(proctor, theory, console)
    ticket = FREE[0][0]
    pc, login = log_in(station, FREE[0], "PC-06")
    seq, items = 0, pc.candidate.attempt_view(login.attempt_id).items
    for slot in range(3):
        seq = pc.candidate.save_answer(login.attempt_id, seq, slot, AnswerShape.of(items[slot]).example()).seq
    pc.candidate.set_flag(login.attempt_id, seq, 1, True)
    assert shown(console, ticket, Column.PROGRESS) == "0/60"

    qtbot.waitUntil(lambda: shown(console, ticket, Column.PROGRESS) == "3/60", timeout=ProctorConsole.REFRESH_MS * 3)
    assert shown(console, ticket, Column.STATE) == "Answering"
    assert shown(console, ticket, Column.FLAGGED) == "1"
    assert shown(console, ticket, Column.STATION) == "PC-06"
    assert shown(console, ticket, Column.SINCE_SAVE).endswith("s ago")
    remaining = overview(proctor, theory)[ticket].remaining
    minutes, seconds = map(int, shown(console, ticket, Column.REMAINING).split(":"))
    assert 0 <= minutes * 60 + seconds - remaining <= 3  # the services' time, at most one refresh old
    assert minutes * 60 + seconds <= 90 * 60


def test_focus_losses_are_counted_and_highlighted(console, station, proctor, theory):
    start(proctor, theory, console)
    pc, login = log_in(station, FREE[1], "PC-07")
    pc.candidate.report_focus_loss(login.attempt_id, 0)
    console.refresh()
    model = console.model
    index = model.index(model.row_of(login.candidate_id), Column.FOCUS)
    assert model.data(index) == "1"
    assert model.data(index, Qt.ItemDataRole.BackgroundRole) is not None
    quiet = model.index(model.row_of(login.candidate_id), Column.FLAGGED)
    assert model.data(quiet, Qt.ItemDataRole.BackgroundRole) is None


def test_pause_needs_a_reason_then_resume(console, qtbot, station, proctor, theory, answers):
    start(proctor, theory, console)
    ticket = FREE[0][0]
    log_in(station, FREE[0], "PC-06")
    console.refresh()
    pick(console, ticket)

    answers["text"].append("")
    click(qtbot, console, console.candidate_actions.pause)
    assert answers["errors"] and "reason" in answers["errors"][0]
    assert overview(proctor, theory)[ticket].state == "answering"

    answers["text"].append(None)  # cancelled
    click(qtbot, console, console.candidate_actions.pause)
    assert overview(proctor, theory)[ticket].state == "answering"

    answers["text"].append("考生身体不适，暂离考场")
    click(qtbot, console, console.candidate_actions.pause)
    assert overview(proctor, theory)[ticket].state == "paused"
    assert shown(console, ticket, Column.STATE) == "Paused"
    assert console.candidate_actions.resume.isEnabled() and not console.candidate_actions.pause.isEnabled()
    others = [r.state for t, r in overview(proctor, theory).items() if t != ticket]
    assert "paused" not in others  # only this candidate

    answers["text"].append("考生返回座位")
    click(qtbot, console, console.candidate_actions.resume)
    assert overview(proctor, theory)[ticket].state == "answering"


def test_extra_time_as_a_percentage_of_the_session(console, qtbot, proctor, theory, answers, dialogs):
    start(proctor, theory, console)
    ticket, other = FREE[0][0], FREE[1][0]
    row = overview(proctor, theory)[ticket]
    proctor.proctor.pause(theory, None, "冻结时钟以便比较")  # a paused clock stands still
    before = overview(proctor, theory)
    console.refresh()
    pick(console, ticket)

    def quarter(who, duration):
        assert duration == 90 and "(" + ticket + ")" in who
        dialog = ExtraTimeDialog(who, duration)
        dialog.by_percent.setChecked(True)
        dialog.percent.setValue(25)
        assert not dialog.ok_button.isEnabled()  # no reason yet
        dialog.reason.setText("残疾考生，经批准延长 25%")
        assert dialog.ok_button.isEnabled()
        return dialog.value()

    dialogs["extra_time"].append(quarter)
    click(qtbot, console, console.candidate_actions.extend)
    after = overview(proctor, theory)
    assert after[ticket].remaining - before[ticket].remaining == pytest.approx(90 * 60 * 0.25)
    assert after[other].remaining == pytest.approx(before[other].remaining)
    assert row.attempt_id == after[ticket].attempt_id
    assert shown(console, ticket, Column.REMAINING) == "112:30"


def test_force_submit_and_terminate_need_reasons(console, qtbot, station, proctor, theory, answers):
    start(proctor, theory, console)
    submitted, terminated = FREE[0][0], FREE[1][0]
    log_in(station, FREE[1], "PC-07")
    console.refresh()

    pick(console, submitted)
    answers["text"].append(" ")
    click(qtbot, console, console.candidate_actions.submit)
    answers["text"].append("考生要求提前交卷但程序无响应")
    answers["confirm"].append(False)
    click(qtbot, console, console.candidate_actions.submit)
    assert overview(proctor, theory)[submitted].state != "submitted"
    answers["text"].append("考生要求提前交卷但程序无响应")
    answers["confirm"].append(True)
    click(qtbot, console, console.candidate_actions.submit)
    assert overview(proctor, theory)[submitted].state == "submitted"
    assert shown(console, submitted, Column.STATE) == "Submitted"
    assert not console.candidate_actions.submit.isEnabled()

    pick(console, terminated)
    answers["text"].append("")
    click(qtbot, console, console.candidate_actions.terminate)
    assert overview(proctor, theory)[terminated].state == "answering"
    answers["text"].append("考试中使用手机查阅资料，经两名监考员确认")
    answers["confirm"].append(True)
    click(qtbot, console, console.candidate_actions.terminate)
    assert overview(proctor, theory)[terminated].state == "terminated"
    assert shown(console, terminated, Column.STATE) == "Terminated"
    assert len([e for e in answers["errors"] if "reason" in e]) == 2
    # the record holds both reasons: the paper submitted for the candidate, and the termination (once)
    assert incidents(proctor, theory) == [
        (submitted, "clock.submit", "考生要求提前交卷但程序无响应"),
        (terminated, "misconduct", "考试中使用手机查阅资料，经两名监考员确认"),
    ]


def test_move_shows_a_one_time_code_for_the_new_station(console, qtbot, station, proctor, theory, answers, dialogs):
    start(proctor, theory, console)
    ticket, _name, number, _ability = FREE[2]
    log_in(station, FREE[2], "PC-08")
    with pytest.raises(ApiError) as refused:
        station("PC-20").candidate_sign_in(ticket, number)
    assert refused.value.code == "wrong_seat"
    console.refresh()
    pick(console, ticket)
    answers["text"].append("PC-08 死机，换到 PC-20")
    dialogs["move_code"].append(None)
    click(qtbot, console, console.candidate_actions.move)
    kind, (_who, move) = dialogs["asked"][-1]
    assert kind == "move_code" and len(move.code) == 6
    station("PC-20").candidate_sign_in(ticket, number, move.code)
    console.refresh()
    assert shown(console, ticket, Column.STATION) == "PC-20"


def test_failed_logins_show_as_alerts_the_proctor_clears(console, qtbot, station, proctor, theory):
    ticket, _name, _number, _ability = PEOPLE[0]
    assert not console.alerts.isVisibleTo(console)
    for _ in range(3):
        with pytest.raises(ApiError) as refused:
            station("PC-66").candidate_sign_in(ticket, "110105194912310021")
        assert refused.value.code == "permission_denied"
    console.refresh()
    assert console.alerts.isVisibleTo(console)
    assert [(a.ticket, a.station, a.failures) for a in console.alerts.alerts] == [(ticket, "PC-66", 3)]
    assert ticket in console.alerts.list.item(0).text()
    qtbot.mouseClick(console.alerts.clear_button, Qt.MouseButton.LeftButton)
    assert console.alerts.alerts == [] and not console.alerts.isVisibleTo(console)
    assert proctor.proctor.login_alerts(theory) == []


def test_incident_concerning_a_candidate(console, qtbot, proctor, theory, dialogs):
    row = pick(console, PEOPLE[4][0])
    dialogs["incident"].append(IncidentReport("illness", "考生头晕，校医到场"))
    click(qtbot, console, console.candidate_actions.incident)
    assert incidents(proctor, theory) == [(row.ticket, "illness", "考生头晕，校医到场")]


def test_papers_are_submitted_at_zero_by_the_services_not_the_console(qtbot, backend, staff, signed_in, station,
                                                                        proctor, monkeypatch):  # fmt: skip
    admin = signed_in("admin")
    session_id = admin.admin.schedule_session("T-SHORT", "第九考场", "theory", "4-13-99-02", "5",
                                              demo_start(backend.db), 90)  # fmt: skip
    users = {u.username: u.id for u in admin.admin.users()}
    for username in ("proctor1", "proctor2"):  # 1.9.3: two per room
        admin.admin.assign_staff(session_id, users[username], "proctor")
    # papers of 0.2 seconds: no screen makes one, so the services are asked directly
    item = {"slot": 0, "type": "single", "stem": "?", "options": [["A", "是"], ["B", "否"]], "key": "A",
            "points": "1", "area": "x"}  # fmt: skip
    for ticket, person in (("T-1", PEOPLE[7]), ("T-2", PEOPLE[6])):
        candidate = backend.exam.add_candidate(staff("admin"), session_id, ticket=ticket, name="测试考生",
                                               id_number=person[2])  # fmt: skip
        backend.exam.prepare_attempt(staff("admin"), candidate, {"seed": ticket, "items": [item]}, 0.2)
    backend.sweep.close()  # the test ticks a sweep itself, when it chooses
    sweep = ClockSweep(backend.exam)
    asked, sweeping = [], threading.Event()
    real = backend.exam.auto_submit_if_due
    monkeypatch.setattr(backend.exam, "auto_submit_if_due",
                        lambda attempt_id: asked.append(sweeping.is_set()) or real(attempt_id))  # fmt: skip
    widget = ProctorConsole(proctor, session_id)
    qtbot.addWidget(widget)
    proctor.proctor.start_session(session_id)
    sweep.tick()
    # T-1's station logs in and then goes silent (nobody else's screen ticks for it); T-2 never comes
    station("PC-09", seated="T-1").candidate_sign_in("T-1", PEOPLE[7][2])
    qtbot.waitUntil(lambda: widget.refresh() and widget.model.row_at(0).remaining == 0, timeout=3000)
    assert widget.model.row_at(0).state != "submitted" and asked == []  # the console submits nothing
    sweeping.set()
    assert len(sweep.tick().submitted) == 1
    widget.refresh()
    assert widget.model.row_at(0).state == "submitted"
    assert asked == [True, True]  # only the sweep asked, once for each; T-2 never came: nothing to submit
    rows = overview(proctor, session_id)
    assert rows["T-1"].state == "submitted"
    assert rows["T-2"].state == "absent" and rows["T-2"].remaining == 0  # recorded absent at closing, not failed


# -- the grid --------------------------------------------------------------------------------------


def synthetic_rows(n: int) -> list[CandidateRow]:
    return [
        CandidateRow(i, f"2026{i:05d}", f"考生{i}", i, f"PC-{i:03d}", "answering", i % 60, 60, i % 3,
                     5400.0 - i, float(i % 30), i % 4, 0.0)
        for i in range(1, n + 1)
    ]  # fmt: skip


def test_the_model_passes_qtmodeltester(console, qtmodeltester, station, proctor, theory):
    start(proctor, theory, console)
    log_in(station, FREE[0], "PC-06")
    console.refresh()
    qtmodeltester.check(console.model)
    qtmodeltester.check(console.proxy)
    model = CandidateGridModel()
    model.update_rows(synthetic_rows(300))
    qtmodeltester.check(model)


def test_an_unchanged_refresh_emits_nothing(console, qtbot):
    model = console.model
    changed, reset, layout = [], [], []
    model.dataChanged.connect(lambda *args: changed.append(args))
    model.modelReset.connect(lambda: reset.append(1))
    model.layoutChanged.connect(lambda *args: layout.append(1))
    console.refresh()  # not started: nothing moves
    console.refresh()
    assert (changed, reset, layout) == ([], [], [])


def test_a_refresh_updates_only_changed_rows_in_place(qtbot):
    model = CandidateGridModel()
    rows = synthetic_rows(300)
    model.update_rows(rows)
    changed, reset, inserted = [], [], []
    model.dataChanged.connect(lambda top, bottom, roles=(): changed.append((top.row(), bottom.row())))
    model.modelReset.connect(lambda: reset.append(1))
    model.rowsInserted.connect(lambda *args: inserted.append(1))

    model.update_rows([replace(r) for r in rows])  # equal values, new objects
    model.update_rows([replace(r, remaining=r.remaining - 0.3) for r in rows])  # the same whole seconds
    assert changed == []

    rows[10] = replace(rows[10], answered=rows[10].answered + 1)
    rows[11] = replace(rows[11], focus_losses=9)
    rows[200] = replace(rows[200], state="paused")
    model.update_rows(rows)
    assert changed == [(10, 11), (200, 200)]
    assert model.data(model.index(11, Column.FOCUS)) == "9"
    assert (reset, inserted) == ([], [])

    model.update_rows([*rows[:5], *rows[6:], replace(rows[0], candidate_id=999, ticket="new")])
    assert model.rowCount() == 300 and model.row_of(6) is None and model.row_of(999) is not None
    assert inserted == [1] and reset == []


def test_the_grid_shows_live_tasks_apart_from_the_questions_to_answer(qtbot):
    """A skill paper's observed and oral tasks are performed, never typed: the Answered column counts
    them apart ("1/1 · live 2"), says so in its tooltip, and a written paper's cell is unchanged."""
    from PySide6.QtCore import QCoreApplication

    model = CandidateGridModel()
    written, performed = synthetic_rows(2)
    model.update_rows([replace(written, answered=1, total=3), replace(performed, answered=1, total=1, live=2)])
    assert model.data(model.index(0, Column.PROGRESS)) == "1/3"
    shown = QCoreApplication.translate("CandidateGridModel", "{answered}/{total} · live {live}")
    assert model.data(model.index(1, Column.PROGRESS)) == shown.format(answered=1, total=1, live=2) != "1/1"
    assert model.data(model.index(0, Column.PROGRESS), Qt.ItemDataRole.ToolTipRole) is None
    assert "2" in model.data(model.index(1, Column.PROGRESS), Qt.ItemDataRole.ToolTipRole)
    changed = []
    model.dataChanged.connect(lambda top, bottom, roles=(): changed.append((top.row(), bottom.row())))
    model.update_rows([replace(written, answered=1, total=3), replace(performed, answered=1, total=1, live=3)])
    assert changed == [(1, 1)]


def test_sorting_and_selection_survive_refreshes(console, qtbot, station, proctor, theory):
    start(proctor, theory, console)
    console.grid.sortByColumn(Column.NAME, Qt.SortOrder.DescendingOrder)
    ticket = FREE[0][0]
    pick(console, ticket)
    pc, login = log_in(station, FREE[0], "PC-06")
    first = pc.candidate.attempt_view(login.attempt_id).items[0]
    pc.candidate.save_answer(login.attempt_id, 0, 0, AnswerShape.of(first).example())
    console.refresh()
    assert console.selected_row().ticket == ticket
    assert console.selected_row().answered == 1
    assert console.proxy.sortColumn() == Column.NAME
    names = [console.proxy.index(n, Column.NAME).data() for n in range(console.proxy.rowCount())]
    assert names == sorted(names, reverse=True)


def test_sorting_by_a_moving_column_follows_refreshes_and_keeps_the_selection(qtbot, qtmodeltester):
    model = CandidateGridModel()
    proxy = CandidateFilterProxy()
    proxy.setSourceModel(model)
    rows = synthetic_rows(50)  # remaining: 5399 for the first .. 5350 for the last
    model.update_rows(rows)
    proxy.sort(Column.REMAINING, Qt.SortOrder.AscendingOrder)
    assert proxy.sortColumn() == Column.REMAINING

    def order() -> list[int]:
        return [proxy.index(n, 0).data(CANDIDATE_ROLE) for n in range(proxy.rowCount())]

    assert order() == [r.candidate_id for r in reversed(rows)]
    chosen = QPersistentModelIndex(proxy.index(49, Column.NAME))  # the first candidate: most time left
    assert chosen.data() == rows[0].name
    resets, layouts = [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.layoutChanged.connect(lambda *args: layouts.append(1))
    model.update_rows([replace(r, remaining=r.remaining - 2) for r in rows])  # all move on together
    assert layouts == [] and order() == [r.candidate_id for r in reversed(rows)]
    rows[0] = replace(rows[0], remaining=10.0)  # now the least time left
    model.update_rows(rows)
    assert layouts == [1] and resets == []
    assert order()[0] == rows[0].candidate_id and chosen.row() == 0 and chosen.data() == rows[0].name
    proxy.sort(Column.TICKET, Qt.SortOrder.DescendingOrder)
    assert order() == [r.candidate_id for r in reversed(rows)]
    qtmodeltester.check(model)


def test_the_filter_follows_a_state_that_changes(qtbot):
    model = CandidateGridModel()
    proxy = CandidateFilterProxy()
    proxy.setSourceModel(model)
    rows = synthetic_rows(20)
    model.update_rows(rows)
    proxy.set_filter_text("paused")
    assert proxy.rowCount() == 0
    rows[3] = replace(rows[3], state="paused")
    model.update_rows(rows)
    assert proxy.rowCount() == 1
    rows[3] = replace(rows[3], state="answering")
    model.update_rows(rows)
    assert proxy.rowCount() == 0


@pytest.fixture
def slow_reads(backend, monkeypatch):
    """Overview reads in a worker thread wait for `gate` and mark their rows; the GUI thread's don't."""
    gate, threads = threading.Event(), []
    real = backend.exam.session_overview

    def overview(actor, session_id):
        rows = real(actor, session_id)
        if threading.current_thread() is threading.main_thread():
            return rows
        threads.append(threading.current_thread())
        assert gate.wait(10)
        return [replace(r, name="worker") for r in rows]

    monkeypatch.setattr(backend.exam, "session_overview", overview)
    return gate, threads


def test_the_timed_refresh_reads_in_a_worker_one_at_a_time(console, qtbot, slow_reads):
    gate, threads = slow_reads
    console.timer.stop()
    assert console.refresh_in_background()
    assert not console.refresh_in_background()  # never two reads at once
    gate.set()
    qtbot.waitUntil(lambda: console.model.row_at(0).name == "worker")
    assert len(threads) == 1 and threads[0] is not threading.main_thread()
    assert console.refresh_in_background()  # the next one may start
    qtbot.waitUntil(lambda: not console._reading)


def test_rows_read_before_a_refresh_at_once_are_dropped(console, qtbot, slow_reads):
    gate, _threads = slow_reads
    console.timer.stop()
    assert console.refresh_in_background()
    assert console.refresh()  # F5 or an action while the worker reads: newer than the worker's rows
    gate.set()
    assert console.wait_for_reads(10_000)
    qtbot.waitUntil(lambda: not console._reading)
    assert all(r.name != "worker" for r in console.model.rows())


def test_closing_the_console_waits_for_its_read(console, qtbot, slow_reads):
    gate, _threads = slow_reads
    assert console.refresh_in_background()
    threading.Timer(0.2, gate.set).start()
    console.close()  # returns once the worker is done: the store may be closed next
    assert gate.is_set() and console.wait_for_reads(0)
    qtbot.wait(10)
    assert all(r.name != "worker" for r in console.model.rows())  # a closed console applies nothing


def test_the_filter_box_finds_by_ticket_name_or_state(console, qtbot, proctor, theory):
    console.filter_edit.setText(PEOPLE[3][1])
    assert console.proxy.rowCount() == 1
    console.filter_edit.setText(PEOPLE[6][0])
    assert console.proxy.rowCount() == 1
    proctor.proctor.check_in(next(iter(overview(proctor, theory).values())).candidate_id, "PC-01")
    console.refresh()
    console.filter_edit.setText("checked in")
    assert console.proxy.rowCount() == 1
    console.filter_edit.clear()
    assert console.proxy.rowCount() == 8


# -- dialogs and the picker --------------------------------------------------------------------------


def test_extra_time_dialog_computes_both_ways(qtbot):
    dialog = ExtraTimeDialog("某考生", 120)
    qtbot.addWidget(dialog)
    dialog.reason.setText("经批准")
    dialog.minutes.setValue(15)
    assert (dialog.value().seconds, dialog.value().minutes) == (900, 15)
    dialog.by_percent.setChecked(True)
    dialog.percent.setValue(50)
    assert (dialog.value().seconds, dialog.value().percent) == (3600, 50)
    assert "60 min" in dialog.preview.text()


def test_check_in_dialog_needs_a_station(qtbot, proctor, theory):
    first = proctor.proctor.session_overview(theory)[0]
    dialog = CheckInDialog(proctor.proctor.identity(first.candidate_id))
    qtbot.addWidget(dialog)
    assert dialog.masked_id.text().count("*") >= 8 and dialog.photo.has_photo  # the demo roster has photos
    assert not dialog.ok_button.isEnabled()
    dialog.station_edit.setText(" PC-09 ")
    assert dialog.ok_button.isEnabled() and dialog.station() == "PC-09"


def test_incident_dialog_offers_every_category_of_the_service(qtbot):
    dialog = IncidentDialog("第一考场")
    qtbot.addWidget(dialog)
    codes = [dialog.category.itemData(i) for i in range(dialog.category.count())]
    assert tuple(codes) == INCIDENT_CATEGORIES == tuple(INCIDENTS)
    assert not dialog.ok_button.isEnabled()
    dialog.select("complaint")
    dialog.text.setPlainText("考生对座位安排有异议")
    assert dialog.ok_button.isEnabled() and dialog.value() == IncidentReport("complaint", "考生对座位安排有异议")


def test_session_picker_lists_my_sessions_and_emits_the_choice(qtbot, signed_in, theory):
    picker = SessionPicker(signed_in("proctor2"))
    qtbot.addWidget(picker)
    assert [s.code for s in picker.sessions] == ["DEMO-T5"]  # proctor2 is not on the skill session
    assert picker.table.item(0, 2).text() == "4-13-99-02 在线学习服务师 · 五级/初级工"
    with qtbot.waitSignal(picker.chosen) as chosen:
        qtbot.mouseClick(picker.open_button, Qt.MouseButton.LeftButton)
    assert chosen.args == [theory]


def test_build_for_screenshot_shows_a_session_under_way(qtbot, signed_in):
    widget = build_for_screenshot(signed_in, PEOPLE)
    qtbot.addWidget(widget)
    states = {r.state for r in widget.model.rows()}
    assert {"answering", "paused", "checked_in", "absent"} <= states
    assert widget.selected_row().state == "answering"
    assert any(r.focus_losses > 0 for r in widget.model.rows())


def test_every_action_has_its_own_mnemonic_and_the_grid_menu_offers_the_candidate_actions(console):
    texts = [b.text() for b in console.findChildren(ActionButton) if b.action is not console.session_actions.refresh]
    keys = [text[text.index("&") + 1].lower() for text in texts if "&" in text]
    assert len(keys) == len(texts) == 18 and len(set(keys)) == len(keys)
    assert console.session_actions.refresh.shortcut().toString() == "F5"
    assert console.candidate_actions.menu.actions()[0] is console.candidate_actions.check_in
    assert {a for a in console.candidate_actions.menu.actions() if not a.isSeparator()} == set(
        console.candidate_actions.actions
    )


@pytest.fixture
def beijing_time(monkeypatch):
    """This PC's clock set to UTC+8 (a POSIX zone: no tz database needed), restored afterwards."""
    monkeypatch.setenv("TZ", "CST-8")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_the_incident_log_lists_what_was_recorded_in_local_time(console, proctor, theory, monkeypatch, beijing_time):
    proctor.proctor.record_incident(theory, "environment.noise", "9:40 施工噪音")
    shown = []
    monkeypatch.setattr("app.ui.proctor.session_actions.IncidentLogDialog.exec", lambda self: shown.append(self))
    console.session_actions.log.trigger()
    [dialog] = shown
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 3).text() == "9:40 施工噪音"
    [(wall, _ticket, category, _text, _who)] = proctor.proctor.incidents(theory)
    assert category == "environment.noise"
    beijing = datetime.fromisoformat(wall) + timedelta(hours=8)  # the store keeps UTC
    assert dialog.table.item(0, 0).text() == beijing.strftime("%H:%M:%S")  # recorded today: the time alone
    assert dialog.table.item(0, 0).toolTip() == beijing.strftime("%Y-%m-%d %H:%M:%S") + " (UTC+08:00)"
    assert dialog.table.horizontalHeaderItem(0).text() == "Time"


def test_the_incident_log_names_the_staff_and_keeps_the_clock_reasons(console, qtbot, station, proctor, theory,
                                                                      signed_in, monkeypatch):  # fmt: skip
    """Not "proctor:2", and the reasons for a pause, extra time and a paper submitted for a candidate."""
    start(proctor, theory, console)
    _client, login = log_in(station, FREE[0], "PC-06")
    proctor.proctor.pause(theory, None, "停电")
    proctor.proctor.resume(theory, None, "来电")
    proctor.proctor.extend(theory, login.attempt_id, 600, "停电补时")
    proctor.proctor.submit(login.attempt_id, "考生身体不适，代为交卷")
    proctor.proctor.record_incident(theory, "environment.noise", "施工噪音")
    shown = []
    monkeypatch.setattr("app.ui.proctor.session_actions.IncidentLogDialog.exec", lambda self: shown.append(self))
    console.session_actions.log.trigger()
    [dialog] = shown
    rows = [[dialog.table.item(r, c).text() for c in range(1, 5)] for r in range(dialog.table.rowCount())]
    me = next(u.display_name for u in signed_in("admin").admin.users() if u.username == "proctor1")
    assert rows == [
        ["—", "Clock: paused", "停电", me],
        ["—", "Clock: resumed", "来电", me],
        [FREE[0][0], "Clock: extra time", "停电补时", me],
        [FREE[0][0], "Paper submitted by the proctor", "考生身体不适，代为交卷", me],
        ["—", "Environment: noise", "施工噪音", me],
    ]


# -- a dead PC's journal ------------------------------------------------------------------------


def test_the_console_imports_a_dead_pcs_journal_and_says_what_it_did(console, qtbot, proctor, theory, station,
                                                                     backend, tmp_path, monkeypatch):  # fmt: skip
    import uuid

    from app.security.station_journal import seal_export
    from app.ui.widgets.errors import Ask
    from app.ui.widgets.files import Files

    assert not console.session_actions.journal.isEnabled()  # nothing to import into before the exam
    start(proctor, theory, console)
    assert console.session_actions.journal.isEnabled()
    ticket = FREE[0][0]
    client, login = log_in(station, FREE[0], "PC-06")
    items = client.candidate.attempt_view(login.attempt_id).items
    single = [n for n, item in enumerate(items) if item["type"] == "single"][:2]
    held = uuid.uuid4().hex
    client.candidate.save_answer(login.attempt_id, 0, single[0], "A", held)  # reached the centre before the PC died

    def record(step_id, expected, slot):
        return {"step_id": step_id, "attempt_id": login.attempt_id, "ticket": ticket, "kind": "answer",
                "expected_seq": expected, "slot": slot, "value": "B", "station_mono": 1.0}  # fmt: skip

    records = [record(held, 0, single[0]), record(uuid.uuid4().hex, 1, single[1]),
               record(uuid.uuid4().hex, 2, len(items) + 5)]  # fmt: skip
    header = {"station": "PC-06", "ticket": ticket, "attempt_id": login.attempt_id, "records": len(records)}
    path = tmp_path / "pc06.journal"
    path.write_bytes(seal_export(backend.db.cipher.journal_key("PC-06"), header, records))
    monkeypatch.setattr(Files, "open_path", staticmethod(lambda parent, title, filters: path))
    shown = []
    monkeypatch.setattr(Ask, "info", staticmethod(lambda parent, title, text: shown.append(text)))
    console.session_actions.journal.trigger()
    assert shown == ["pc06.journal: 1 step(s) applied, 1 the centre held already, 1 refused (a newer answer from "
                     "another PC, an unreadable answer, or after the paper was handed in)."]  # fmt: skip
    assert console.status.text() == shown[0]
    assert overview(proctor, theory)[ticket].answered == 2
    console.grab().save(str(tmp_path / "console-after-import.png"))

    path.write_bytes(b"not a journal")  # a wrong file: the refusal names it, nothing changes
    errors = []
    monkeypatch.setattr(Ask, "error", staticmethod(lambda parent, title, text: errors.append(text)))
    console.session_actions.journal.trigger()
    assert len(errors) == 1 and "pc06.journal" in errors[0] and len(shown) == 1
