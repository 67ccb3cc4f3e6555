"""The exam day through the screens: the admin schedules and staffs a skill session, imports the
roster and prepares papers; the proctor checks in and starts; two candidates answer (one is
force-submitted, one runs out of time); three examiners score blind; the chief finalizes; the
results screens show the scores the domain rules give."""

from __future__ import annotations

import random
from decimal import ROUND_HALF_UP, Decimal

from PySide6.QtCore import QDateTime, Qt

from app.demo import demo_people, demo_start
from app.domain.scoring import skill_score, stated
from app.ui.admin import AdminHome
from app.ui.admin.common import Files
from app.ui.candidate.station import CandidateStation
from app.ui.examiner import ExaminerHome
from app.ui.proctor import ProctorConsole
from app.ui.proctor.dialogs import ProctorAsk
from app.ui.widgets.errors import Ask  # noqa: F401  (the answers fixture patches it)


def choose(combo, data):
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def attempt_of(proctor, sid: int, ticket: str) -> int:
    return next(r.attempt_id for r in proctor.proctor.session_overview(sid) if r.ticket == ticket)


def half(maximum: Decimal) -> Decimal:
    return (maximum / 2 * 2).quantize(Decimal(1), rounding=ROUND_HALF_UP) / 2  # halves, as the spin boxes


def test_exam_day_end_to_end(qtbot, backend, staff, signed_in, station, answers, monkeypatch, tmp_path):
    """Every screen on its signed-in client (in process, and again through JSON); `backend` and
    `staff` only drive the test clock and read what no screen shows (the papers' areas)."""
    admin = signed_in("admin")
    people = demo_people(2, random.Random(2027))
    tickets = [f"E{t}" for t, *_ in people]

    # -- admin: schedule, roster, staff, papers ------------------------------------------------
    home = AdminHome(admin)
    qtbot.addWidget(home)
    dialog = home.sessions.open_schedule_dialog()
    choose(dialog.standard, "4-13-99-02")
    choose(dialog.level, "5")
    choose(dialog.part, "skill")
    dialog.code.setText("E2E-S5")
    dialog.room.setText("技能考核室（机房305）")
    dialog.start.setDateTime(QDateTime.fromString(demo_start(backend.db), "yyyy-MM-ddTHH:mm"))  # today, now
    assert dialog.duration.value() == 105  # six tasks of 15-20 minutes: longer than the standard's 90
    qtbot.mouseClick(dialog.schedule_button, Qt.MouseButton.LeftButton)
    sid = next(s.id for s in admin.admin.sessions() if s.code == "E2E-S5")

    roster = tmp_path / "roster.csv"
    lines = ["准考证号,姓名,身份证号"] + [
        f"{t},{name},{number}" for t, (_o, name, number, _a) in zip(tickets, people, strict=True)
    ]
    roster.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setattr(Files, "open_path", staticmethod(lambda parent, title, filters: roster))
    home.tabs.setCurrentWidget(home.roster)
    home.roster.session.choose(sid)
    with qtbot.waitSignal(home.roster.read_finished, timeout=10000):
        qtbot.mouseClick(home.roster.choose_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(home.roster.import_button, Qt.MouseButton.LeftButton)

    home.tabs.setCurrentWidget(home.sessions)
    home.sessions.refresh()
    home.sessions.select_session(sid)
    box = home.sessions.staffing
    user_ids = {u.username: u.id for u in admin.admin.users()}
    for username, duty in (("proctor1", "proctor"), ("proctor2", "proctor"), ("examiner1", "examiner"),
                           ("examiner2", "examiner"), ("examiner3", "examiner"), ("chief", "chief")):  # fmt: skip
        choose(box.duty, duty)
        choose(box.user, user_ids[username])
        qtbot.mouseClick(box.assign_button, Qt.MouseButton.LeftButton)
    assert box.finding_texts() == []
    answers["confirm"].append(True)
    with qtbot.waitSignal(home.sessions.papers.finished, timeout=30000):
        qtbot.mouseClick(home.sessions.papers.prepare_button, Qt.MouseButton.LeftButton)
    assert answers["errors"] == []

    # -- proctor: check in, start -----------------------------------------------------------------
    proctor = signed_in("proctor1")
    console = ProctorConsole(proctor, sid)
    qtbot.addWidget(console)
    stations = {}
    for n, ticket in enumerate(tickets):
        row = next(r for r in console.model.rows() if r.ticket == ticket)
        console.select_candidate(row.candidate_id)
        monkeypatch.setattr(ProctorAsk, "check_in", staticmethod(lambda parent, who, station, n=n: f"PC-{n + 1}"))
        console.candidate_actions.check_in.trigger()
        stations[ticket] = f"PC-{n + 1}"
    answers["confirm"].append(True)
    console.session_actions.start_all.trigger()
    assert {r.state for r in proctor.proctor.session_overview(sid)} == {"checked_in"}

    # -- candidates ---------------------------------------------------------------------------------
    clock = [backend.db.mono()]
    monkeypatch.setattr(backend.db, "mono", lambda: clock[0])
    screens = []
    for ticket, (_orig, _name, number, _a) in zip(tickets, people, strict=True):
        desk = CandidateStation(station(stations[ticket]), min_rules_seconds=0)
        desk.flow.clock = lambda: clock[0]  # the station's countdown runs on the same test clock
        qtbot.addWidget(desk)
        desk._log_in(ticket, number)
        desk._confirmed()
        desk.rules_page.read.setChecked(True)
        qtbot.mouseClick(desk.rules_page.button, Qt.MouseButton.LeftButton)
        assert desk.stack.currentWidget() is desk.exam_page
        page = desk.exam_page
        for slot in range(len(desk.flow.items)):
            page.show_question(slot)
            if desk.flow.items[slot].get("mode") in ("observed", "oral"):  # performed, nothing typed
                assert page.question.editor is None
                continue
            page.question.editor.setPlainText(f"{ticket} 对第 {slot + 1} 题的作答")
            page.question.flush()
            assert "✓" in page.save_state.text()
        screens.append(desk)

    first, second = tickets
    console.refresh()
    console.select_candidate(next(r for r in console.model.rows() if r.ticket == first).candidate_id)
    answers["text"].append("考生突发身体不适，经本人同意提前收卷")
    answers["confirm"].append(True)
    console.candidate_actions.submit.trigger()

    clock[0] += 106 * 60  # the second candidate's time (105 minutes) runs out
    for screen in (screens[1], screens[0]):
        screen._tick()  # the time is up: the station asks the centre (a worker thread), which hands the paper in
        qtbot.waitUntil(lambda s=screen: not s.asking(), timeout=5000)
        assert screen.flow.stage.value == "submitted"
    states = {r.ticket: r.state for r in proctor.proctor.session_overview(sid)}
    assert states == {first: "submitted", second: "submitted"}

    # -- examiners, blind -----------------------------------------------------------------------
    # papers may draw observed and oral tasks too: the chief forms the observation group first
    chief = signed_in("chief")
    codes = sorted({i.anonymous_code for i in chief.examiner.worklist(sid)})
    examiner_ids = [user_ids[name] for name in ("examiner1", "examiner2", "examiner3")]
    chief.examiner.set_observation_group(sid, "A", codes, examiner_ids)
    expected_task = {first: {}, second: {}}  # ticket -> slot -> (score, maximum, area weight)
    code_of = {}
    for username in ("examiner1", "examiner2", "examiner3"):
        examiner = signed_in(username)
        ehome = ExaminerHome(examiner)
        qtbot.addWidget(ehome)
        choose(ehome.session_box, sid)  # the examiner also has the demo's skill session
        page = ehome.scoring
        page.only_open.setChecked(False)
        work = examiner.examiner.worklist(sid)
        for item in [i for i in work if i.mode != "written"]:  # scored live, on the Live scoring tab
            ehome.live.open_task(item.attempt_id, item.slot)
            panel = ehome.live.panel
            owner = next(t for t in tickets if item.attempt_id == attempt_of(proctor, sid, t))
            values = [spin.maximum() if owner == first else float(half(Decimal(str(spin.maximum()))))
                      for spin in panel.spins]  # fmt: skip
            for spin, value in zip(panel.spins, values, strict=True):
                spin.setValue(value)
            answers["confirm"].append(True)
            qtbot.mouseClick(panel.submit_button, Qt.MouseButton.LeftButton)
            maximum = sum(Decimal(m) for _p, m in item.rubric)
            expected_task[owner][item.slot] = (sum(Decimal(str(v)) for v in values), maximum)
        for item in [i for i in work if i.mode == "written"]:
            row = page.model.row_of(item.attempt_id, item.slot)
            page.table.setCurrentIndex(page.model.index(row, 0))
            form = page.form
            owner = next(t for t in tickets if t in form.answer.toPlainText())  # the answer text, not the name
            code_of[item.anonymous_code] = owner
            values = [box.maximum() if owner == first else float(half(Decimal(str(box.maximum()))))
                      for box in form.boxes]  # fmt: skip
            for spin, value in zip(form.boxes, values, strict=True):
                spin.setValue(value)
            answers["confirm"].append(True)
            qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
            maximum = sum(Decimal(m) for _p, m in item.rubric)
            expected_task[owner][item.slot] = (sum(Decimal(str(v)) for v in values), maximum)
    assert answers["errors"] == []

    # -- chief: finalize; the results screens --------------------------------------------------------
    chome = ExaminerHome(chief)
    qtbot.addWidget(chome)
    choose(chome.session_box, sid)
    chome.tabs.setCurrentWidget(chome.arbitration)
    qtbot.mouseClick(chome.arbitration.finalize_all_button, Qt.MouseButton.LeftButton)
    std = backend.catalog.standard("4-13-99-02")
    weights = std.level(5).skill_weights
    paper_areas = {}
    for ticket in tickets:
        attempt = next(r.attempt_id for r in proctor.proctor.session_overview(sid) if r.ticket == ticket)
        paper = backend.exam.attempt_view(staff("proctor1"), attempt)  # no screen shows a paper's areas
        paper_areas[ticket] = {it["slot"]: it["area"] for it in paper.items}
    expected = {
        t: str(stated(skill_score(weights, {paper_areas[t][slot]: v for slot, v in expected_task[t].items()})))
        for t in tickets
    }
    assert expected[first] == "100.00"

    chome.tabs.setCurrentWidget(chome.results)
    model = chome.results.model
    shown = {model.data(model.index(r, 0)): model.data(model.index(r, 1)) for r in range(model.rowCount())}
    assert shown == expected
    home.tabs.setCurrentWidget(home.results)
    results = {r.ticket: r.parts["skill"]["score"] for r in admin.admin.session_results(sid)}
    assert results == expected
