"""The examiner's screens: blind work list, rubric scoring, arbitration, finalizing, review, results.

Every test runs twice through the `signed_in` clients: in process, and through JSON loopback."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTabWidget,
    QWidget,
)
from sqlalchemy import select

from app.api.client import Client, Loopback
from app.store.models import AuditEntry
from app.ui.examiner import ExaminerHome, ReviewPanel, build_for_screenshot
from app.ui.examiner.score_form import ScoreForm

EXAMINERS = ("examiner1", "examiner2", "examiner3")


# -- helpers -------------------------------------------------------------------------------------


def texts_in(root: QWidget) -> list[str]:
    """Every text the widget tree shows or could show: labels, buttons, fields, lists, tables, tips."""
    out = [root.windowTitle(), root.toolTip()]
    for w in [root, *root.findChildren(QWidget)]:
        out.append(w.toolTip())
        if isinstance(w, QLabel | QAbstractButton | QLineEdit):
            out.append(w.text())
        if isinstance(w, QPlainTextEdit):
            out += [w.toPlainText(), w.placeholderText()]
        if isinstance(w, QGroupBox):
            out.append(w.title())
        if isinstance(w, QComboBox):
            out += [w.itemText(i) for i in range(w.count())]
        if isinstance(w, QTabWidget):
            out += [w.tabText(i) for i in range(w.count())]
        if isinstance(w, QListWidget):
            out += [w.item(i).text() for i in range(w.count())]
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            for row in range(model.rowCount()):
                for col in range(1 if isinstance(w, QListWidget) else model.columnCount()):
                    for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                        value = model.data(model.index(row, col), role)
                        if value is not None:
                            out.append(str(value))
    return [t for t in out if t]


def skill_session(client: Client) -> int:
    return next(s.id for s in client.examiner.sessions() if s.part == "skill")


def first_written(client: Client, sid: int):  # type: ignore[no-untyped-def]
    """The first task scored from a typed answer (observed and oral tasks are scored live: test_live_scoring)."""
    return next(i for i in client.examiner.worklist(sid) if i.mode == "written")


def written_only_attempt(client: Client, sid: int) -> int:
    """A handed-in paper whose tasks are all written ones (the demo's papers draw observed and oral tasks too)."""
    items = client.examiner.worklist(sid)
    return next(i.attempt_id for i in items
                if not any(o.attempt_id == i.attempt_id and o.mode != "written" for o in items))  # fmt: skip


def open_home(qtbot, client: Client) -> ExaminerHome:
    home = ExaminerHome(client)
    qtbot.addWidget(home)
    return home


def json_calls(client: Client) -> int | None:
    """How many calls `client` has sent through JSON so far; None for a client in process."""
    return client.transport.calls if isinstance(client.transport, Loopback) else None


def user_id(admin: Client, username: str) -> int:
    return next(u.id for u in admin.admin.users() if u.username == username)


def choose(home: ExaminerHome, attempt_id: int, slot: int) -> ScoreForm:
    page = home.scoring
    page.only_open.setChecked(False)
    row = page.model.row_of(attempt_id, slot)
    assert row is not None
    page.table.setCurrentIndex(page.model.index(row, 0))  # as a click on the row does
    assert page.form.item.attempt_id == attempt_id and page.form.item.slot == slot
    return page.form


def fill(form: ScoreForm, values: list[float]) -> None:
    assert len(values) == len(form.boxes)
    for box, value in zip(form.boxes, values, strict=True):
        box.setValue(value)


def submit(qtbot, form: ScoreForm, answers) -> None:
    answers["confirm"].append(True)
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)


def full_marks(form: ScoreForm, minus: float = 0) -> list[float]:
    values = [box.maximum() for box in form.boxes]
    values[0] -= minus
    return values


# -- blind work list ---------------------------------------------------------------------------


def test_worklist_shows_anonymous_codes_and_never_names_or_tickets(qtbot, qtmodeltester, signed_in):
    examiner = signed_in("examiner1")
    sid = skill_session(examiner)
    people = signed_in("admin").admin.session_results(sid)
    assert len(people) == 6
    home = open_home(qtbot, examiner)
    qtmodeltester.check(home.scoring.model)
    every = examiner.examiner.worklist(sid)
    assert len(every) == 5 * 6 + 2  # five papers handed in, and the live tasks of the one still performing
    items = [i for i in every if i.mode == "written"]  # the others are on the Live scoring tab
    assert home.scoring.model.rowCount() == len(items) == 30 - sum(1 for i in every if i.mode != "written"
                                                                   and not i.attempt_open)  # fmt: skip
    shown = [home.scoring.model.data(home.scoring.model.index(r, 0)) for r in range(len(items))]
    assert shown == [i.anonymous_code for i in items]
    texts = []
    for row in range(home.scoring.model.rowCount()):  # every task opened in the form too
        home.scoring.table.setCurrentIndex(home.scoring.model.index(row, 0))
        texts += texts_in(home)
    joined = "\n".join(texts)
    assert items[0].anonymous_code in joined and items[-1].title in joined
    for person in people:
        assert person.name not in joined
        assert person.ticket not in joined
    # an examiner gets neither the chief's tabs nor the results table with tickets
    tabs = [home.tabs.tabText(i) for i in range(home.tabs.count()) if home.tabs.isTabVisible(i)]
    assert tabs == ["Scoring", "Live scoring"]
    assert home.arbitration is None and home.results is None


# -- scoring through the form ----------------------------------------------------------------


def test_an_examiner_scores_a_task_and_a_second_score_is_refused(qtbot, signed_in, answers):
    examiner = signed_in("examiner1")
    sid = skill_session(examiner)
    item = first_written(examiner, sid)
    home = open_home(qtbot, examiner)
    stale = open_home(qtbot, examiner)  # a second window opened before the score
    form = choose(home, item.attempt_id, item.slot)
    assert not item.scored_by_me and form.submit_button.isEnabled()
    values = full_marks(form, minus=2.5)
    fill(form, values)
    form.comment.setPlainText("要点齐全，第1项略有欠缺")
    assert form.total.text() == f"Total: {sum(values):g} of {sum(b.maximum() for b in form.boxes):g} points"
    totals = []
    form.submitted.connect(lambda _attempt, _slot, total: totals.append(total))
    submit(qtbot, form, answers)
    assert answers["errors"] == []
    # the service's total, exact (a Decimal, through JSON as text on the loopback run): x.5 stays x.5
    assert totals == [Decimal(str(sum(values)))] and isinstance(totals[0], Decimal)
    assert str(totals[0]).endswith(".5")
    # the store has it: the service now lists the task as scored by me
    after = next(i for i in examiner.examiner.worklist(sid) if (i.attempt_id, i.slot) == (item.attempt_id,
                                                                                           item.slot))
    assert after.scored_by_me
    row = home.scoring.model.row_of(item.attempt_id, item.slot)
    assert home.scoring.model.data(home.scoring.model.index(row, 3)) == "Scored"
    written = sum(1 for i in examiner.examiner.worklist(sid) if i.mode == "written")
    assert home.scoring.progress.text() == f"Scored 1 of {written}"
    assert (home.scoring.form.item.attempt_id, home.scoring.form.item.slot) != (item.attempt_id, item.slot)
    # reopening the scored task: read-only
    form = choose(home, item.attempt_id, item.slot)
    assert not form.submit_button.isEnabled()
    # the stale window still offers it; the service refuses and the screen says so
    old = choose(stale, item.attempt_id, item.slot)
    assert old.submit_button.isEnabled()
    fill(old, full_marks(old))
    submit(qtbot, old, answers)
    assert len(answers["errors"]) == 1 and "already scored" in answers["errors"][0]
    assert old.status.text() == "Not submitted."


def test_cancelling_the_confirmation_records_nothing(qtbot, signed_in, answers):
    examiner = signed_in("examiner2")
    sid = skill_session(examiner)
    home = open_home(qtbot, examiner)
    form = home.scoring.form
    item = form.item
    answers["confirm"].append(False)
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    now = next(i for i in examiner.examiner.worklist(sid) if (i.attempt_id, i.slot) == (item.attempt_id,
                                                                                         item.slot))
    assert not now.scored_by_me


def test_out_of_range_scores_are_shown_as_wrong_never_cut(qtbot, signed_in, answers):
    """Typing "30" into a "/ 28" box keeps 30 and says it is wrong; it is never turned into 3 or 28."""
    examiner = signed_in("examiner1")
    sid = skill_session(examiner)
    home = open_home(qtbot, examiner)
    form = home.scoring.form
    item = form.item
    assert form.boxes and len(form.boxes) == len(item.rubric)
    for box, (_point, maximum) in zip(form.boxes, item.rubric, strict=True):
        assert box.minimum() == 0 and box.maximum() == float(maximum) and box.singleStep() == 0.5
    box = form.boxes[0]
    too_much = str(int(box.maximum()) + 2)  # two keystrokes, the second one taking it past the maximum
    box.selectAll()
    qtbot.keyClicks(box, too_much)
    qtbot.keyClick(box, Qt.Key.Key_Tab)
    assert box.text() == too_much  # kept as typed
    assert box.problem() is not None and too_much in box.problem() and box.styleSheet()
    assert f"Rubric point 1: {too_much} is outside 0 to" in form.total.text()
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)  # refused on screen, nothing asked or sent
    assert answers["questions"] == [] and answers["errors"] == []
    assert form.status.text().startswith("Not submitted: rubric point 1")
    assert not next(i for i in examiner.examiner.worklist(sid) if i == item).scored_by_me
    box.selectAll()
    qtbot.keyClicks(box, "3.3")  # not a half point: shown as wrong, not rounded
    assert box.text() == "3.3" and "half points" in box.problem()
    box.selectAll()
    qtbot.keyClicks(box, "3.5")
    assert box.problem() is None and box.awarded() == Decimal("3.5") and not box.styleSheet()
    qtbot.keyClick(box, Qt.Key.Key_Up)  # the arrow keys still step by half a point
    assert box.awarded() == Decimal(4)
    assert answers["questions"] == []


def test_an_already_scored_task_shows_what_was_submitted(qtbot, signed_in, answers):
    examiner = signed_in("examiner1")
    sid = skill_session(examiner)
    item = first_written(examiner, sid)
    home = open_home(qtbot, examiner)
    form = choose(home, item.attempt_id, item.slot)
    values = full_marks(form, minus=2.5)
    fill(form, values)
    form.comment.setPlainText("第1项略有欠缺")
    submit(qtbot, form, answers)
    assert answers["errors"] == []
    later = open_home(qtbot, examiner)  # another day, another window: read from the service
    form = choose(later, item.attempt_id, item.slot)
    assert [box.value() for box in form.boxes] == values
    assert form.comment.toPlainText() == "第1项略有欠缺"
    assert form.total.text() == f"Total: {sum(values):g} of {sum(b.maximum() for b in form.boxes):g} points"
    assert all(box.isReadOnly() for box in form.boxes) and not form.submit_button.isEnabled()


# -- finalizing and arbitration ------------------------------------------------------------------


def score_attempt(qtbot, signed_in, answers, attempt_id: int, marks) -> None:
    """Each examiner scores every task of one attempt through the form; marks(n, form) -> values."""
    for n, username in enumerate(EXAMINERS):
        home = open_home(qtbot, signed_in(username))
        slots = [i.slot for i in home.scoring.all_items if i.attempt_id == attempt_id]
        assert len(slots) == 6
        for slot in slots:
            form = choose(home, attempt_id, slot)
            fill(form, marks(n, form))
            submit(qtbot, form, answers)
        assert answers["errors"] == []


def test_three_examiners_score_and_the_chief_finishes_scoring(qtbot, qtmodeltester, signed_in, answers, backend):
    chief = signed_in("chief")
    sid = skill_session(chief)
    target = written_only_attempt(chief, sid)
    score_attempt(qtbot, signed_in, answers, target, lambda n, form: full_marks(form, minus=n + 1))

    home = open_home(qtbot, chief)
    assert home.arbitration is not None and home.results is not None
    home.tabs.setCurrentWidget(home.arbitration)
    sent = json_calls(chief)
    qtbot.mouseClick(home.arbitration.finalize_all_button, Qt.MouseButton.LeftButton)
    assert sent is None or json_calls(chief) == sent + 1  # on loopback, one call for the session went as JSON
    report = home.arbitration.message.toPlainText()
    assert "Finalized: 1" in report and "Waiting: 5" in report and "the attempt is still open" in report
    assert report.count("0 of 3 examiners have scored") == 4 * 6
    with backend.db.reader() as s:  # one service call: one audit entry for the session, none per candidate
        actions = [a for a in s.scalars(select(AuditEntry.action)) if a.startswith("result.")]
    assert actions == ["result.finalize_all"]

    rows = chief.examiner.session_results(sid)
    recorded = [r for r in rows if "skill" in r.parts]
    assert len(recorded) == 1
    score = recorded[0].parts["skill"]["score"]
    assert Decimal(60) < Decimal(score) < Decimal(100)  # each examiner took 1..3 points off per task

    home.tabs.setCurrentWidget(home.results)  # showing the tab loads the table
    model = home.results.model
    qtmodeltester.check(model)
    table = {model.data(model.index(r, 0)): [model.data(model.index(r, c)) for c in range(model.columnCount())]
             for r in range(model.rowCount())}  # fmt: skip
    assert set(table) == {r.ticket for r in rows}
    assert table[recorded[0].ticket][1:] == [score, "Pass", "Pending"]  # theory not sat yet: 待定
    others = [t for t in table if t != recorded[0].ticket]
    assert all(table[t][1:] == ["—", "—", "Pending"] for t in others)
    # finishing again changes nothing and says the first is already final
    qtbot.mouseClick(home.arbitration.finalize_all_button, Qt.MouseButton.LeftButton)
    assert len([r for r in chief.examiner.session_results(sid) if "skill" in r.parts]) == 1


def test_a_wide_disagreement_is_arbitrated_by_the_chief(qtbot, signed_in, answers):
    chief = signed_in("chief")
    sid = skill_session(chief)
    target = written_only_attempt(chief, sid)
    disputed_slot = 1

    def marks(n, form):  # the third examiner gives nothing for question 2; otherwise full marks
        return [0.0] * len(form.boxes) if n == 2 and form.item.slot == disputed_slot else full_marks(form)

    score_attempt(qtbot, signed_in, answers, target, marks)

    home = open_home(qtbot, chief)
    page = home.arbitration
    home.tabs.setCurrentWidget(page)
    page.select_attempt(target)
    qtbot.mouseClick(page.finalize_button, Qt.MouseButton.LeftButton)
    assert "must arbitrate" in page.message.toPlainText() and "question 2" in page.message.toPlainText()
    assert not any("skill" in r.parts for r in chief.examiner.session_results(sid))
    assert page.disputed == {target: {disputed_slot}}
    assert "needs arbitration" in page.attempts.currentItem().text()
    # a reload (a new window) keeps the mark: the service says which questions need arbitration
    again = open_home(qtbot, chief)
    again.arbitration.select_attempt(target)
    assert again.arbitration.disputed == {target: {disputed_slot}}
    assert "needs arbitration" in again.arbitration.attempts.currentItem().text()
    # the form shows each examiner's score per scoring point, not only their totals
    shown = again.arbitration.form
    assert shown.item.slot == disputed_slot
    per_point = [label.text() for label in shown.points.findChildren(QLabel) if label.text().startswith("Examiners:")]
    assert len(per_point) == len(shown.boxes)
    for text, box in zip(per_point, shown.boxes, strict=False):
        assert text == f"Examiners: {box.maximum():g} · {box.maximum():g} · 0"
    # only the disputed question can be arbitrated; it is chosen for the chief
    enabled = [page.questions.item(r) for r in range(page.questions.count())
               if page.questions.item(r).flags() & Qt.ItemFlag.ItemIsEnabled]  # fmt: skip
    assert len(enabled) == 1 and enabled[0].data(Qt.ItemDataRole.UserRole).slot == disputed_slot
    form = page.form
    assert form.arbitration and form.item.slot == disputed_slot and form.item.attempt_id == target
    fill(form, full_marks(form))
    submit(qtbot, form, answers)
    assert answers["errors"] == []
    assert "finalize" in page.message.toPlainText()

    qtbot.mouseClick(page.finalize_button, Qt.MouseButton.LeftButton)
    recorded = [r for r in chief.examiner.session_results(sid) if "skill" in r.parts]
    assert len(recorded) == 1
    # the arbitration score (full marks) replaced the mean of 100, 100 and 0 for question 2
    assert recorded[0].parts["skill"]["score"] == "100.00"
    assert "100" in page.message.toPlainText() and "finalized" in page.attempts.currentItem().text()
    again = open_home(qtbot, chief)  # after a reload too
    again.arbitration.select_attempt(target)
    assert again.arbitration.final == {target: Decimal(100)} and not again.arbitration.disputed
    assert "finalized: 100" in again.arbitration.attempts.currentItem().text()


def test_only_the_chief_may_arbitrate(qtbot, signed_in, answers):
    examiner = signed_in("examiner1")
    item = first_written(examiner, skill_session(examiner))
    form = ScoreForm(examiner, arbitration=True)
    qtbot.addWidget(form)
    form.show_item(item)
    fill(form, full_marks(form))
    submit(qtbot, form, answers)
    assert len(answers["errors"]) == 1 and "chief" in answers["errors"][0]


# -- comprehensive review --------------------------------------------------------------------------


def test_an_empty_review_panel_explains_itself(qtbot, signed_in):
    panel = ReviewPanel(signed_in("examiner1"))
    qtbot.addWidget(panel)
    assert not panel.note.isHidden() and not panel.record.isEnabled()


def test_screenshot_builder_gives_a_populated_screen(qtbot, signed_in):
    home = build_for_screenshot(signed_in)
    qtbot.addWidget(home)
    written = [i for i in home.client.examiner.worklist(skill_session(home.client)) if i.mode == "written"]
    assert home.scoring.model.rowCount() == len(written) and home.scoring.form.boxes


def test_the_chief_gets_arbitration_and_results(qtbot, signed_in):
    home = open_home(qtbot, signed_in("chief"))
    tabs = [home.tabs.tabText(i) for i in range(home.tabs.count()) if home.tabs.isTabVisible(i)]
    assert tabs == ["Scoring", "Live scoring", "Arbitration", "Results"]
