"""The admin screens (管理端): each test clicks through a screen and checks what the services recorded.

The screens hold a client signed in as the admin; every test runs in process and again through the
JSON loopback (tests/ui/conftest.py)."""

from __future__ import annotations

import random
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator

from app.api.errors import ApiError
from app.api.files import RosterRow
from app.demo import demo_people
from app.domain.staffing import longest_tasks_minutes
from app.errors import UserFacingError
from app.reports.verify import verify_bundle
from app.security.signing import load_public_pem
from app.store.models import Attempt, Candidate, PaperInstance
from app.ui.admin import AdminHome, build_for_screenshot
from app.ui.admin.common import Files
from tests.conftest import REPO

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def admin(signed_in):
    """The admin's client: the screens' and the test's own calls."""
    return signed_in("admin")


@pytest.fixture
def home(qtbot, admin):
    widget = AdminHome(admin)
    qtbot.addWidget(widget)
    return widget


def session_by_code(admin, code):
    return next(s for s in admin.admin.sessions() if s.code == code)


def user_id(admin, username):
    return next(u.id for u in admin.admin.users() if u.username == username)


def schedule(admin, code, part="theory", level="5"):
    """A session on 2026-12-01 (never started here); a skill session as long as its tasks (105 minutes)."""
    return admin.admin.schedule_session(code=code, room="第三考场", part=part, standard="4-13-99-02", level=level,
                                        scheduled_start="2026-12-01T09:00",
                                        duration_minutes=105 if part == "skill" else 90)  # fmt: skip


def add_people(admin, session_id, count, seed=11):
    people = demo_people(count, random.Random(seed))
    rows = [RosterRow(n + 2, f"X{ticket}", name, number, None) for n, (ticket, name, number, _a) in enumerate(people)]
    admin.admin.import_roster(session_id, rows, "test")
    return rows


def choose(combo, data):
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


# -- sessions ---------------------------------------------------------------------------------


def test_scheduling_a_session_refuses_a_too_short_duration_and_records_the_plan(qtbot, home, admin, answers):
    dialog = home.sessions.open_schedule_dialog()
    choose(dialog.standard, "4-13-99-02")
    choose(dialog.level, "5")
    assert [dialog.part.itemData(i) for i in range(dialog.part.count())] == ["theory", "skill"]  # no review at 五级
    choose(dialog.part, "theory")
    assert (dialog.duration.minimum(), dialog.duration.value()) == (90, 90)

    dialog.duration.lineEdit().selectAll()
    qtbot.keyClicks(dialog.duration, "60")
    qtbot.keyClick(dialog.duration, Qt.Key.Key_Return)
    assert dialog.duration.value() == 90
    assert "60" in dialog.message.text() and "90" in dialog.message.text()
    assert dialog.isVisible()  # Enter in the duration box did not schedule

    dialog.code.setText("2026-12-T5-01")
    dialog.room.setText("第二考场（机房303）")
    qtbot.mouseClick(dialog.schedule_button, Qt.MouseButton.LeftButton)
    info = session_by_code(admin, "2026-12-T5-01")
    assert (info.part, info.standard, info.level, info.duration_minutes, info.room) == (
        "theory", "4-13-99-02", "5", 90, "第二考场（机房303）")  # fmt: skip
    assert not dialog.isVisible()
    assert home.sessions.current().code == "2026-12-T5-01"
    assert answers["errors"] == []


def test_a_short_duration_typed_then_scheduled_at_once_is_not_scheduled_unseen(qtbot, home, admin, answers):
    """60 typed and the button clicked at once: no 90-minute session behind the admin's back."""
    dialog = home.sessions.open_schedule_dialog()
    dialog.show()
    choose(dialog.standard, "4-13-99-02")
    choose(dialog.level, "5")
    choose(dialog.part, "theory")
    dialog.code.setText("2026-12-T5-09")
    dialog.room.setText("第二考场")
    dialog.activateWindow()
    dialog.duration.setFocus()
    dialog.duration.lineEdit().selectAll()
    qtbot.keyClicks(dialog.duration, "60")
    qtbot.mouseClick(dialog.schedule_button, Qt.MouseButton.LeftButton)
    assert not any(s.code == "2026-12-T5-09" for s in admin.admin.sessions())
    assert dialog.isVisible() and "60" in dialog.message.text() and "90" in dialog.message.text()
    qtbot.mouseClick(dialog.schedule_button, Qt.MouseButton.LeftButton)  # seen: now it is the admin's choice
    assert session_by_code(admin, "2026-12-T5-09").duration_minutes == 90


def test_the_please_fill_in_message_follows_the_fields(home, answers):
    dialog = home.sessions.open_schedule_dialog()
    dialog.schedule_button.click()
    assert "session code" in dialog.message.text() and "room" in dialog.message.text()
    dialog.code.setText("X-1")
    assert "session code" not in dialog.message.text() and "room" in dialog.message.text()
    dialog.room.setText("第一考场")
    assert dialog.message.text() == ""


def test_review_is_offered_only_where_the_level_requires_it_with_its_own_minimum(home, admin, answers):
    dialog = home.sessions.open_schedule_dialog()
    choose(dialog.standard, "4-13-99-02")
    choose(dialog.level, "2")
    choose(dialog.part, "review")
    assert dialog.duration.minimum() == 15
    dialog.code.setText("R-2")
    dialog.room.setText("评审室")
    dialog.schedule_button.click()
    assert session_by_code(admin, "R-2").part == "review"


def test_a_skill_session_lasts_as_long_as_the_tasks_the_banks_may_draw(home, admin):
    dialog = home.sessions.open_schedule_dialog()
    choose(dialog.standard, "4-13-99-02")
    choose(dialog.level, "5")
    choose(dialog.part, "skill")
    longest = longest_tasks_minutes(admin.admin.skill_task_minutes("4-13-99-02", "5"))  # asked of the service
    assert longest == 105 > 90  # the standard's own minimum for the skill part is 90
    assert (dialog.duration.minimum(), dialog.duration.value()) == (105, 105)
    assert "105" in dialog.minimum_hint.text() and "90" in dialog.minimum_hint.text()


def test_a_refused_schedule_is_shown_and_records_nothing(home, admin, answers):
    before = len(admin.admin.sessions())
    dialog = home.sessions.open_schedule_dialog()
    dialog.code.setText("DEMO-T5")  # already taken
    dialog.room.setText("第一考场")
    dialog.schedule_button.click()
    assert len(answers["errors"]) == 1 and "already exists" in answers["errors"][0]
    assert len(admin.admin.sessions()) == before
    assert dialog.isVisible()

    dialog.code.clear()
    dialog.schedule_button.click()  # an empty code never reaches the service
    assert "session code" in dialog.message.text()
    assert len(admin.admin.sessions()) == before


def test_the_sessions_table_shows_every_column_whole_at_1366_by_768(qtbot, home, admin):
    schedule(admin, "2026-12-T4-01", level="4")
    home.sessions.refresh()
    home.resize(1366, 768)
    home.show()
    qtbot.waitExposed(home)
    table, model = home.sessions.table, home.sessions.model
    row = next(n for n, r in enumerate(model.rows) if r[0] == "2026-12-T4-01")
    assert model.rows[row][2] == "Level 4"  # the key part of 四级/中级工, in the interface language
    tip = model.data(model.index(row, 2), Qt.ItemDataRole.ToolTipRole)
    assert "4-13-99-02" in tip and "四级/中级工" in tip  # the whole standard and level on hover
    assert model.data(model.index(row, 0), Qt.ItemDataRole.ToolTipRole) == "2026-12-T4-01"
    header = table.horizontalHeader()
    needed = [max(table.sizeHintForColumn(c), header.sectionSizeHint(c)) for c in range(model.columnCount())]
    assert table.sizeHint().width() >= sum(needed)  # the table asks its splitter for room for every column
    for column, width in enumerate(needed):
        assert header.sectionSize(column) >= width, model.headers[column]  # not cut short with "…"
    assert header.length() <= table.viewport().width()  # and no sideways scrolling to reach the state


@pytest.mark.parametrize(("name", "level", "short"), [
    ("四级/中级工", "4", "Level 4"),  # the national grade, in the interface language (English here)
    ("二级残疾人就业辅导员", "2", "Level 2"),
    ("在线学习服务职业技能等级（中级）", "中级", "中级"),
    ("Level seven", "7", "Level seven"),
])  # fmt: skip
def test_a_level_is_shown_by_its_key_part(name, level, short):
    from app.ui.admin import labels

    assert labels.short_level(name, level) == short


def test_staffing_findings_update_as_proctors_are_assigned(qtbot, home, admin, signed_in, answers):
    session_id = schedule(admin, "T-31")
    add_people(admin, session_id, 31)
    home.sessions.refresh()
    home.sessions.select_session(session_id)
    box = home.sessions.staffing
    assert box.finding_texts() == [
        "31 candidates but only 0 proctors: at least 3 needed (1 per 15 candidates, at least 2 per room)"
    ]
    row = next(r for r in home.sessions.model.rows if r[0] == "T-31")
    assert "Level 5" in row and "五级" not in row  # the level column in English too

    proctor_ids = []
    for name in ("proctor1", "proctor2"):
        proctor_ids.append(user_id(admin, name))
        choose(box.duty, "proctor")
        choose(box.user, proctor_ids[-1])
        qtbot.mouseClick(box.assign_button, Qt.MouseButton.LeftButton)
        assert any(s.id == session_id for s in signed_in(name).proctor.sessions())  # recorded by the service
        if name == "proctor1":  # English counts: "1 proctor", not "1 proctors"
            assert box.finding_texts() == [
                "31 candidates but only 1 proctor: at least 3 needed (1 per 15 candidates, at least 2 per room)"
            ]
    assert box.finding_texts() == [
        "31 candidates but only 2 proctors: at least 3 needed (1 per 15 candidates, at least 2 per room)"
    ]
    assert box.user.findData(proctor_ids[0]) == -1  # nobody is offered twice for the same duty

    third = admin.admin.create_user(username="proctor3", role="proctor", display_name="监考员丙",
                                    password="proctor-demo-3")  # fmt: skip
    home.sessions.refresh()
    choose(box.user, third.id)
    box.assign_button.click()
    assert box.finding_texts() == []
    assert "meet the standard" in box.verdict.text()
    assert answers["errors"] == []


def test_skill_examiners_must_be_odd(home, admin):
    session_id = schedule(admin, "S-4", part="skill")
    add_people(admin, session_id, 4)
    home.sessions.refresh()
    home.sessions.select_session(session_id)
    box = home.sessions.staffing
    assert box.finding_texts() == ["4 candidates but only 0 examiners: at least 3 needed "
                                   "(1 per 15 candidates, at least 3, an odd number)"]  # fmt: skip
    for name in ("examiner1", "examiner2", "examiner3"):
        choose(box.duty, "examiner")
        choose(box.user, user_id(admin, name))
        box.assign_button.click()
    assert box.finding_texts() == []


@pytest.fixture
def chinese(tmp_path):
    """The shipped Chinese translation, compiled from every *_zh_CN.ts, installed for one test."""
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    qm = tmp_path / "zh.qm"
    sources = sorted(str(p) for p in (REPO / "resources" / "i18n").glob("*_zh_CN.ts"))
    subprocess.run([str(lrelease), "-silent", *sources, "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def test_findings_read_as_plain_chinese(qtbot, chinese, admin):
    session_id = schedule(admin, "T-31")
    add_people(admin, session_id, 31)
    for name in ("proctor1", "proctor2"):
        admin.admin.assign_staff(session_id, user_id(admin, name), "proctor")
    widget = AdminHome(admin)
    qtbot.addWidget(widget)
    widget.sessions.select_session(session_id)
    assert widget.sessions.staffing.finding_texts() == [
        "31 名考生只有 2 名监考员：至少需要 3 名（每 15 名考生 1 名，每考场至少 2 名）"
    ]
    assert widget.tabs.tabText(0) == "场次(&1)"


def test_papers_are_prepared_for_every_candidate_without_one(qtbot, home, backend, admin, answers):
    theory = schedule(admin, "T-P")
    skill = schedule(admin, "S-P", part="skill")
    for session_id in (theory, skill):
        add_people(admin, session_id, 6)
    home.sessions.refresh()
    box = home.sessions.papers
    for session_id in (theory, skill):
        home.sessions.select_session(session_id)
        assert box.prepare_button.isEnabled()
        answers["confirm"].append(True)
        with qtbot.waitSignal(box.finished, timeout=30000):
            qtbot.mouseClick(box.prepare_button, Qt.MouseButton.LeftButton)
        rows = admin.admin.roster(session_id)
        assert len(rows) == 6 and all(r.attempt_id is not None for r in rows)
        assert not box.prepare_button.isEnabled()  # nobody is left without a paper
    # the papers as fixed in the store (reading a candidate's attempt is a proctor's duty, not an admin's)
    skill_paper, _ = fixed_paper(backend, admin.admin.roster(skill)[0].attempt_id)
    assert {it["type"] for it in skill_paper["items"]} == {"task"}
    theory_paper, seconds = fixed_paper(backend, admin.admin.roster(theory)[0].attempt_id)
    assert "task" not in {it["type"] for it in theory_paper["items"]}
    assert seconds == 90 * 60
    assert answers["errors"] == []


def test_papers_the_banks_cannot_make_are_refused_with_the_reason(qtbot, home, admin, answers):
    session_id = admin.admin.schedule_session(code="T-570", room="第一考场", part="theory", standard="570002",
                                              level="初级", scheduled_start="2026-12-01T09:00",
                                              duration_minutes=90)  # fmt: skip
    add_people(admin, session_id, 2)
    home.sessions.refresh()
    home.sessions.select_session(session_id)
    box = home.sessions.papers
    answers["confirm"].append(True)
    with qtbot.waitSignal(box.finished, timeout=30000):
        box.prepare_button.click()
    # 570002 publishes no weight table: a refusal ("missing_weights"), not a fault of ExamDesk
    assert len(answers["errors"]) == 1 and answers["errors"][0].startswith("The banks cannot fill this paper:")
    assert "has no official theory weight table" in answers["errors"][0]
    assert all(r.attempt_id is None for r in admin.admin.roster(session_id))
    assert box.prepare_button.isEnabled()  # the exam owner's weights may come; try again then


def fixed_paper(backend, attempt_id: int) -> tuple[dict, float]:
    """The content of an attempt's paper and its duration, read from the store."""
    with backend.db.reader() as s:
        attempt = s.get(Attempt, attempt_id)
        return s.get(PaperInstance, attempt.paper_id).content, attempt.duration_seconds


def test_declining_the_confirmation_prepares_nothing(home, admin, answers):
    session_id = schedule(admin, "T-N")
    add_people(admin, session_id, 2)
    home.sessions.refresh()
    home.sessions.select_session(session_id)
    answers["confirm"].append(False)
    home.sessions.papers.prepare_button.click()
    assert not home.sessions.papers.background.busy
    assert all(r.attempt_id is None for r in admin.admin.roster(session_id))


# -- roster import ----------------------------------------------------------------------------


def write_roster(folder: Path, lines: list[str]) -> Path:
    path = folder / "roster.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def open_roster(qtbot, home, monkeypatch, path, session_id):
    monkeypatch.setattr(Files, "open_path", staticmethod(lambda parent, title, filters: path))
    home.tabs.setCurrentWidget(home.roster)
    home.roster.session.choose(session_id)
    with qtbot.waitSignal(home.roster.read_finished, timeout=10000):
        qtbot.mouseClick(home.roster.choose_button, Qt.MouseButton.LeftButton)


def test_a_good_roster_is_previewed_masked_and_imported(qtbot, qtmodeltester, home, backend, admin, monkeypatch,
                                                        tmp_path, answers):  # fmt: skip
    session_id = schedule(admin, "T-R")
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "a.png").write_bytes(PNG)
    path = write_roster(tmp_path, ["准考证号,姓名,身份证号,照片", "R1,张三,11010519491231002X,photos/a.png",
                                   "R2,李四,440524198001010013,"])  # fmt: skip
    open_roster(qtbot, home, monkeypatch, path, session_id)
    roster = home.roster
    qtmodeltester.check(roster.preview_model)
    assert roster.preview_model.rows == [["2", "R1", "张三", "1101**********002X", "Yes"],
                                         ["3", "R2", "李四", "4405**********0013", "No"]]  # fmt: skip
    assert admin.admin.roster(session_id) == []  # nothing before the click
    assert roster.import_button.isEnabled()
    qtbot.mouseClick(roster.import_button, Qt.MouseButton.LeftButton)
    rows = admin.admin.roster(session_id)
    assert [(r.ticket, r.name) for r in rows] == [("R1", "张三"), ("R2", "李四")]
    with backend.db.reader() as s:  # a candidate's identity is the proctors' to see, not the admin's
        assert s.get(Candidate, rows[0].candidate_id).photo == PNG
    assert not roster.import_button.isEnabled()  # the same rows are not offered twice
    assert session_by_code(admin, "T-R").candidates == 2
    assert home.sessions.infos[session_id].candidates == 2  # the sessions list follows
    assert answers["errors"] == []


def test_a_bad_roster_lists_every_problem_and_imports_nothing(qtbot, home, admin, monkeypatch, tmp_path, answers):
    session_id = schedule(admin, "T-B")
    path = write_roster(tmp_path, ["ticket,name,id_number", "B1,张三,11010519491231002X", "B2,,440524198001010013",
                                   "B3,王五,110105194912310021", "B1,赵六,12345"])  # fmt: skip
    open_roster(qtbot, home, monkeypatch, path, session_id)
    roster = home.roster
    texts = roster.problem_texts()
    assert texts == [
        "roster.csv, row 3: 姓名 is empty",
        "roster.csv, row 4: 身份证号 110105194912310021: check digit is 1, expected X",
        "roster.csv, row 5: 身份证号 12345: must be 17 digits followed by a digit or X",
        "roster.csv, row 5: 准考证号 B1 already on row 2",
    ]
    assert roster.stack.currentWidget() is roster.problem_list
    assert "4" in roster.summary.text()
    assert not roster.import_button.isEnabled()
    roster.import_rows()  # even called directly, there is nothing to import
    assert admin.admin.roster(session_id) == []
    assert answers["errors"] == []


def test_a_roster_clashing_with_the_session_is_refused_whole(qtbot, home, admin, monkeypatch, tmp_path, answers):
    demo = session_by_code(admin, "DEMO-T5")
    taken = admin.admin.roster(demo.id)[0].ticket
    path = write_roster(tmp_path, ["准考证号,姓名,身份证号", "N1,张三,11010519491231002X",
                                   f"{taken},李四,440524198001010013"])  # fmt: skip
    open_roster(qtbot, home, monkeypatch, path, demo.id)
    # the preview already says so: no "no problems found" followed by a refusal
    roster = home.roster
    assert roster.problem_texts() == [f"roster.csv, row 3: ticket {taken} is already in session DEMO-T5"]
    assert "no problems" not in roster.summary.text() and "already in session DEMO-T5" in roster.summary.text()
    assert not roster.import_button.isEnabled()
    other = schedule(admin, "T-CL")  # another session: the same rows are fine there
    roster.refresh()
    roster.session.choose(other)
    assert roster.import_button.isEnabled() and "no problems found" in roster.summary.text()
    roster.session.choose(demo.id)
    assert not roster.import_button.isEnabled()
    # the service refuses all the same, and a long list says how many more it did not name
    tickets = [e.ticket for e in admin.admin.roster(demo.id)] * 2  # 16 clashes
    many = [RosterRow(n + 2, ticket, "某某", "11010519491231002X", None) for n, ticket in enumerate(tickets)]
    with pytest.raises(UserFacingError) as refused:
        admin.admin.import_roster(demo.id, many, "big.csv")
    assert refused.value.parts["clashes"][-1].template == "and {count} more"
    assert refused.value.parts["clashes"][-1].params["count"] == "6"
    assert "N1" not in {r.ticket for r in admin.admin.roster(demo.id)}


# -- users ------------------------------------------------------------------------------------


def usernames(admin):
    return {u.username for u in admin.admin.users()}


def test_creating_a_user_and_unlocking_it(qtbot, home, admin, station, answers):
    tab = home.users
    tab.username.setText("proctor9")
    tab.display_name.setText("监考员玖")
    choose(tab.role, "proctor")
    tab.password.setText("proctor-pass-9")
    tab.password_again.setText("proctor-pass-8")
    tab.create_button.click()
    assert "differ" in tab.create_message.text()
    assert "proctor9" not in usernames(admin)

    tab.password.setText("short")
    tab.password_again.setText("short")
    tab.create_button.click()
    assert len(answers["errors"]) == 1 and "8 characters" in answers["errors"][0]  # the service's refusal, shown
    assert "proctor9" not in usernames(admin)

    tab.password.setText("proctor-pass-9")
    tab.password_again.setText("proctor-pass-9")
    qtbot.mouseClick(tab.create_button, Qt.MouseButton.LeftButton)
    user = next(u for u in admin.admin.users() if u.username == "proctor9")
    assert (user.role, user.display_name) == ("proctor", "监考员玖")
    assert station("PC-P9").sign_in("proctor9", "proctor-pass-9").user_id == user.id

    for _ in range(5):
        with pytest.raises(ApiError) as refused:
            station("PC-P9").sign_in("proctor9", "wrong-pass-1")
        assert refused.value.code == "login_failed"
    tab.refresh()
    tab.select_user("proctor9")
    assert tab.unlock_button.isEnabled()
    assert ["proctor9", "监考员玖", "Proctor", "Locked"] in tab.model.rows
    qtbot.mouseClick(tab.unlock_button, Qt.MouseButton.LeftButton)
    assert not next(u for u in admin.admin.users() if u.username == "proctor9").locked
    assert station("PC-P9").sign_in("proctor9", "proctor-pass-9").user_id == user.id
    assert ["proctor9", "监考员玖", "Proctor", "Active"] in tab.model.rows
    assert len(answers["errors"]) == 1


def test_resetting_a_password(home, station, answers):
    tab = home.users
    tab.select_user("proctor2")
    tab.new_password.setText("new-proctor-2")
    tab.new_password_again.setText("new-proctor-2")
    answers["confirm"].append(True)
    tab.reset_button.click()
    assert station().sign_in("proctor2", "new-proctor-2").username == "proctor2"
    with pytest.raises(ApiError) as refused:
        station().sign_in("proctor2", "proctor-demo-1")
    assert refused.value.code == "login_failed"


# -- standards, results and export ----------------------------------------------------------------


def test_standards_and_banks_are_listed(qtmodeltester, home, admin):
    home.tabs.setCurrentWidget(home.standards)
    codes = [row[0] for row in home.standards.standards_model.rows]
    assert codes == sorted(s.code for s in admin.admin.standards()) == ["4-07-03-01", "4-13-99-02", "570002"]
    banks = admin.admin.banks()
    assert [row[0] for row in home.standards.banks_model.rows] == [b.bank for b in banks] and len(banks) > 3
    qtmodeltester.check(home.standards.banks_model)
    qtmodeltester.check(home.sessions.model)


def public_key(client):
    """The centre's active public key, as anyone may ask for it."""
    return load_public_pem(next(k for k in client.public.public_keys() if k.active).pem)


def test_exporting_a_bundle_that_verifies_and_the_public_key(qtbot, home, admin, monkeypatch, tmp_path, answers):
    bundle, pem = tmp_path / "out" / "S5.zip", tmp_path / "centre.pub.pem"
    bundle.parent.mkdir()
    tab = home.results
    home.tabs.setCurrentWidget(tab)
    session_id = session_by_code(admin, "DEMO-S5").id
    tab.session.choose(session_id)
    assert [row[0] for row in tab.model.rows] == [r.ticket for r in admin.admin.session_results(session_id)]
    monkeypatch.setattr(Files, "save_path", staticmethod(lambda parent, title, suggested, filters: bundle))
    tab.mask.setChecked(True)
    with qtbot.waitSignal(tab.exported, timeout=30000):
        qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    check = verify_bundle(bundle, public_key(admin))
    assert check.ok, check.reason
    assert check.manifest["masked"] is True and check.manifest["session"]["code"] == "DEMO-S5"
    assert str(bundle) in tab.export_message.text()

    monkeypatch.setattr(Files, "save_path", staticmethod(lambda parent, title, suggested, filters: pem))
    qtbot.mouseClick(tab.keys.export_button, Qt.MouseButton.LeftButton)
    key = admin.public.public_keys()[-1]
    assert pem.read_bytes() == key.pem
    assert key.fingerprint in tab.keys.fingerprint.text() and key.fingerprint in tab.keys.message.text()
    assert answers["errors"] == []


def test_a_failed_export_is_shown_and_asks_the_service_for_nothing(qtbot, home, backend, monkeypatch, tmp_path,
                                                                   answers):  # fmt: skip
    tab = home.results
    tab.refresh()
    missing = tmp_path / "no-such-folder" / "x.zip"
    monkeypatch.setattr(Files, "save_path", staticmethod(lambda parent, title, suggested, filters: missing))
    calls = []
    monkeypatch.setattr(backend.export, "export_session", lambda *a, **k: calls.append(a))
    with qtbot.waitSignal(tab.export_failed, timeout=30000):
        tab.export_button.click()
    assert len(answers["errors"]) == 1 and "no-such-folder" in answers["errors"][0]
    assert not missing.exists() and tab.export_button.isEnabled()
    assert calls == []  # a folder that cannot be written is found before a bundle is made and signed


def test_a_refused_export_leaves_no_file(qtbot, home, admin, monkeypatch, tmp_path, answers):
    bundle = tmp_path / "S5.zip"
    tab = home.results
    tab.refresh()
    tab.session.choose(session_by_code(admin, "DEMO-S5").id)
    monkeypatch.setattr(Files, "save_path", staticmethod(lambda parent, title, suggested, filters: bundle))
    admin.sign_out()  # the service refuses a client that is no longer signed in
    with qtbot.waitSignal(tab.export_failed, timeout=30000):
        tab.export_button.click()
    assert len(answers["errors"]) == 1
    assert not bundle.exists() and tab.export_button.isEnabled()


def test_build_for_screenshot_shows_the_theory_session(qtbot, signed_in):
    widget = build_for_screenshot(signed_in)
    qtbot.addWidget(widget)
    assert isinstance(widget, AdminHome)
    assert widget.sessions.current().code == "DEMO-T5"
    assert widget.sessions.papers.model.rows


def test_importing_a_bank_from_the_standards_tab(qtbot, home, backend, admin, tmp_path):
    tab = home.standards
    home.tabs.setCurrentWidget(tab)
    tab.refresh()
    before = tab.banks_model.rowCount()
    text = (REPO / "question_banks" / "samples" / "4-13-99-02" / "level2-theory.yaml").read_text(encoding="utf-8")
    broken = tmp_path / "broken.yaml"
    broken.write_text(text, encoding="utf-8")  # same bank and item ids as the bundled file
    with qtbot.waitSignal(tab.background.failed, timeout=30000):
        tab.import_bank(broken)
    assert tab.problems.isVisible() or tab.problems.count() > 0
    assert any("already used" in tab.problems.item(i).text() for i in range(tab.problems.count()))
    assert len(admin.admin.banks()) == before

    good = tmp_path / "centre.yaml"
    good.write_text(text.replace("bank: ols-", "bank: centre-").replace("id: OLS-", "id: CTR-"), encoding="utf-8")
    with qtbot.waitSignal(tab.imported, timeout=30000):
        tab.import_bank(good)
    assert tab.banks_model.rowCount() == before + 1 == len(admin.admin.banks())
    new = next(b for b in admin.admin.banks() if b.bank.startswith("centre-"))
    assert f"{new.bank} ({new.item_count} questions)" in tab.summary.text()
    # the service uses it at once, without the station reloading anything: papers can draw its items
    assert any(it.id.startswith("CTR-") for it in backend.catalog.banks.items)


GIVEAWAYS = """schema: examdesk-bank/1
bank: centre-giveaways
title: 中心自编题（待修改）
standard: 4-13-99-02
version: 1
items:
  - id: GV-1
    type: single
    area: 学情分析
    code: "1.1"
    levels: [5]
    difficulty: 2
    points: 1
    stem: 在线学习平台中，最能直接反映学习者学习过程参与情况的数据是（　）。
    options: {A: 入学学历, B: 课程视频的观看时长与讨论区的发帖次数, C: 报名渠道, D: 课程定价}
    key: B
  - id: GV-2
    type: single
    area: 学情分析
    code: "1.1"
    levels: [5]
    difficulty: 2
    points: 1
    stem: 采集学情数据时，下列做法不正确的是（　）。
    options:
      A: 事先向学习者说明采集目的
      B: 按照最小必要原则采集信息
      C: 总是采集学习者的全部信息
      D: 对采集的数据加密妥善保存
    key: C
"""


def test_an_import_shows_the_item_writing_warnings_before_the_admin_confirms(qtbot, home, admin, tmp_path):
    tab = home.standards
    home.tabs.setCurrentWidget(tab)
    tab.refresh()
    before = len(admin.admin.banks())
    bank = tmp_path / "giveaways.yaml"
    bank.write_text(GIVEAWAYS, encoding="utf-8")
    with qtbot.waitSignal(tab.background.done, timeout=30000):
        tab.import_bank(bank)  # checked, kept nowhere: the warnings wait for the admin
    assert not tab.review.isHidden() and tab.problems.isHidden()
    warnings = [tab.warnings.item(i).text() for i in range(tab.warnings.count())]
    assert warnings == [
        "giveaways.yaml:7: items[0] (GV-1).options.B: warning [long-option]: option B (the key) has 18 characters, "
        "the others 4.0 on average: candidates pick the longest option; make the options about as long",
        "giveaways.yaml:17: items[1] (GV-2).options.C: warning [negated-absolute]: the stem asks for the wrong "
        "option and only the key (C) has absolute wording (总是): candidates know that absolute statements are "
        "usually false and pick it without knowing the content; word the key without it, or a distractor with it",
    ]
    assert "centre-giveaways (2 questions)" in tab.review_text.text()
    assert len(admin.admin.banks()) == before and not tab.import_button.isEnabled()
    tab.cancel_button.click()  # to revise the bank: nothing is kept
    assert tab.review.isHidden() and tab.import_button.isEnabled()
    assert len(admin.admin.banks()) == before and "nothing was imported" in tab.summary.text()

    with qtbot.waitSignal(tab.background.done, timeout=30000):
        tab.import_bank(bank)
    with qtbot.waitSignal(tab.imported, timeout=30000):
        tab.confirm_button.click()  # imported anyway: warnings do not make a bank invalid
    assert tab.review.isHidden() and len(admin.admin.banks()) == before + 1
    assert "centre-giveaways (2 questions)" in tab.summary.text()


def test_importing_a_standard_from_the_standards_tab(qtbot, home, admin, tmp_path):
    tab = home.standards
    home.tabs.setCurrentWidget(tab)
    tab.refresh()
    before = tab.standards_model.rowCount()
    text = (REPO / "question_banks" / "standards" / "4-13-99-02.yaml").read_text(encoding="utf-8")
    new = tmp_path / "planner.yaml"
    new.write_text(text.replace("code: 4-13-99-02", "code: 4-13-99-99", 1), encoding="utf-8")
    with qtbot.waitSignal(tab.imported, timeout=30000):
        tab.import_standard(new)
    assert tab.standards_model.rowCount() == before + 1
    assert "4-13-99-99" in {s.code for s in admin.admin.standards()} and "4-13-99-99" in tab.summary.text()
    row = next(r for r in range(tab.standards_model.rowCount())
               if tab.standards_model.data(tab.standards_model.index(r, 0)) == "4-13-99-99")  # fmt: skip
    assert "imported" in tab.standards_model.data(tab.standards_model.index(row, 2))
    national = next(r for r in range(tab.standards_model.rowCount())
                    if tab.standards_model.data(tab.standards_model.index(r, 0)) == "4-13-99-02")  # fmt: skip
    assert "imported" not in tab.standards_model.data(tab.standards_model.index(national, 2))
    assert tab.known.standard("4-13-99-99") is not None  # scheduling offers it now

    with qtbot.waitSignal(tab.background.failed, timeout=30000):  # the same edition again
        tab.import_standard(new)
    texts = [tab.problems.item(i).text() for i in range(tab.problems.count())]
    assert len(texts) == 1 and "planner.yaml" in texts[0] and "already in use" in texts[0]
    assert admin.admin.imported_standards() == ["4-13-99-99"]
    assert tab.import_standard_button.isEnabled() and tab.import_button.isEnabled()


def test_the_standards_tab_says_which_imported_standards_were_left_out(qtbot, home, backend):
    from app.errors import Problem

    # a state no screen can make: an imported standard that a newer ExamDesk no longer loads
    backend.catalog_problems = [Problem("old.yaml", 7, "pass_mark", "must be an integer, got a text")]
    tab = home.standards
    home.tabs.setCurrentWidget(tab)
    tab._loaded = False
    tab.refresh()
    assert not tab.problems.isHidden() and tab.problems.item(0).text().startswith("old.yaml:7: pass_mark")
    assert "could not be loaded" in tab.summary.text()


def test_a_longer_session_code_scheduled_while_the_tab_is_open_still_fits(qtbot, home, admin):
    home.resize(1366, 768)
    home.show()
    qtbot.waitExposed(home)
    before = home.sessions.splitter.sizes()[0]
    schedule(admin, "2026-12-05-THEORY-T4-01", level="4")  # longer than any code shown so far
    home.sessions.refresh()
    QCoreApplication.processEvents()
    table = home.sessions.table
    assert home.sessions.splitter.sizes()[0] > before
    assert table.horizontalHeader().length() <= table.viewport().width()  # no sideways scrolling


def test_electronic_surveillance_is_recorded_with_a_reason_and_lowers_the_ratio(home, admin, answers):
    session_id = admin.admin.schedule_session(code="T-EYE", room="第一考场", part="theory", standard="4-07-03-01",
                                              level="4", scheduled_start="2026-12-01T09:00",
                                              duration_minutes=90)  # fmt: skip
    add_people(admin, session_id, 31)
    for name in ("proctor1", "proctor2"):
        admin.admin.assign_staff(session_id, user_id(admin, name), "proctor")
    home.sessions.refresh()
    home.sessions.select_session(session_id)
    box = home.sessions.staffing
    assert box.finding_texts() == [
        "31 candidates but only 2 proctors: at least 3 needed (1 per 15 candidates, at least 2 per room)"
    ]
    assert box.surveillance_button.isVisibleTo(box)

    answers["text"] += ["   ", "考场 8 路摄像，全程录像，监控室专人值守"]
    box.surveillance_button.click()  # refused by the service: a reason is required
    assert answers["errors"] == ["a reason is required to record electronic surveillance"]
    assert not session_by_code(admin, "T-EYE").surveillance

    box.surveillance_button.click()
    assert session_by_code(admin, "T-EYE").surveillance == "考场 8 路摄像，全程录像，监控室专人值守"
    assert box.finding_texts() == []
    assert "考场 8 路摄像" in box.surveillance.text()
    assert not box.surveillance_button.isVisibleTo(box)


def test_surveillance_is_not_offered_where_the_standard_does_not_relax_the_ratio(home, admin):
    session_id = schedule(admin, "T-NOEYE")
    home.sessions.refresh()
    home.sessions.select_session(session_id)
    assert not home.sessions.staffing.surveillance_button.isVisibleTo(home.sessions.staffing)


def test_an_unmasked_export_asks_why(qtbot, home, admin, monkeypatch, tmp_path, answers):
    bundle = tmp_path / "S5-full.zip"
    tab = home.results
    home.tabs.setCurrentWidget(tab)
    tab.session.choose(session_by_code(admin, "DEMO-S5").id)
    monkeypatch.setattr(Files, "save_path", staticmethod(lambda parent, title, suggested, filters: bundle))
    tab.mask.setChecked(False)
    answers["text"] += [None, "人社局要求核对原始名单"]
    tab.export_button.click()  # cancelled: nothing is written
    assert not bundle.exists() and tab.export_button.isEnabled()
    with qtbot.waitSignal(tab.exported, timeout=30000):
        tab.export_button.click()
    check = verify_bundle(bundle, public_key(admin))
    assert check.ok and check.manifest["masked"] is False
    assert answers["errors"] == []


def test_importing_a_workbook_from_the_standards_tab(qtbot, home, backend, admin):
    from app.ui.admin.standards_tab import ImportOptions

    tab = home.standards
    home.tabs.setCurrentWidget(tab)
    tab.refresh()
    before = tab.banks_model.rowCount()
    workbook = REPO / "question_banks" / "imports" / "example-l5.xlsx"
    mapping = REPO / "question_banks" / "imports" / "example-l5-mapping.yaml"
    with qtbot.waitSignal(tab.background.failed, timeout=30000):
        tab.import_bank(workbook, "4-13-99-02")  # no mapping: each question lacks its area, code and levels
    problems = [tab.problems.item(i).text() for i in range(tab.problems.count())]
    assert len(problems) == 9 and all("试题!C" in p for p in problems)
    assert len(admin.admin.banks()) == before
    with qtbot.waitSignal(tab.background.done, timeout=30000):
        tab.import_bank(workbook, "4-13-99-02", mapping)
    # the workbook's giveaways, told by the cell they came from, before the admin confirms
    warnings = [tab.warnings.item(i).text() for i in range(tab.warnings.count())]
    assert [w.split(": warning ")[0] for w in warnings] == [
        "example-l5.xlsx:4: 试题!E4 (选项B) [example-l5-0002]",
        "example-l5.xlsx:9: 试题!E9 (选项B) [example-l5-0007]",
        "example-l5.xlsx:10: 试题!G10 (选项D) [example-l5-0008]",
    ]
    assert all("[long-option]" in w for w in warnings) and len(admin.admin.banks()) == before
    with qtbot.waitSignal(tab.imported, timeout=30000):
        tab.confirm_button.click()
    assert tab.banks_model.rowCount() == before + 1
    assert "example-l5 (9 questions)" in tab.summary.text()
    assert sum(1 for it in backend.catalog.banks.items if it.bank == "example-l5") == 9
    dialog = ImportOptions([("4-13-99-02", "在线学习服务师")], tab)
    qtbot.addWidget(dialog)
    assert dialog.standard.currentData() == "4-13-99-02" and dialog.mapping_path is None


def test_importing_a_gift_file_from_the_standards_tab(qtbot, home, backend, admin, tmp_path):
    from tests.bank_formats import GIFT

    tab = home.standards
    home.tabs.setCurrentWidget(tab)
    tab.refresh()
    before = tab.banks_model.rowCount()
    gift = tmp_path / "gift-bank.gift"
    gift.write_text(GIFT, encoding="utf-8")
    mapping = tmp_path / "map.yaml"
    mapping.write_text("schema: examdesk-mapping/1\ndefaults: {area: 学情分析, code: '1.1', levels: [5], "
                       "difficulty: 3, points: 2}\n", encoding="utf-8")  # fmt: skip
    with qtbot.waitSignal(tab.background.failed, timeout=30000):  # a matching question and others: not skipped
        tab.import_bank(gift, "4-13-99-02", mapping)
    assert any("line 34 (Match)" in tab.problems.item(i).text() for i in range(tab.problems.count()))
    with qtbot.waitSignal(tab.imported, timeout=30000):
        tab.import_bank(gift, "4-13-99-02", mapping, skip_unsupported=True)
    assert tab.banks_model.rowCount() == before + 1
    assert sum(1 for it in backend.catalog.banks.items if it.bank == "gift-bank") == 9


def test_file_dialogs_start_in_the_documents_folder_then_the_last_one(qtbot, tmp_path, monkeypatch):
    """Not the program's working directory (the checkout): the user's documents, then the last choice."""
    from PySide6.QtCore import QStandardPaths
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setenv("EXAMDESK_DATA", str(tmp_path / "station"))
    documents = tmp_path / "Documents"
    documents.mkdir()
    monkeypatch.setattr(QStandardPaths, "writableLocation", staticmethod(lambda _where: str(documents)))
    asked = []
    chosen = tmp_path / "exports" / "bundle.zip"
    chosen.parent.mkdir()

    def save(parent, title, start, filters):
        asked.append(start)
        return str(chosen), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(save))
    assert Files.save_path(None, "Export", "results.zip", "*.zip") == chosen
    assert Path(asked[-1]) == documents / "results.zip"
    Files.save_path(None, "Export", "key.pem", "*.pem")  # remembered, on this station, for the next start
    assert Path(asked[-1]) == chosen.parent / "key.pem"
    Files.open_path(None, "Open", "*.csv")
    assert Path(asked[-1]) == chosen.parent


def test_a_person_is_removed_from_a_session(qtbot, home, admin, signed_in, answers):
    session_id = schedule(admin, "T-UN")
    admin.admin.assign_staff(session_id, user_id(admin, "proctor1"), "proctor")
    admin.admin.assign_staff(session_id, user_id(admin, "proctor2"), "proctor")
    home.sessions.refresh()
    home.sessions.select_session(session_id)
    box = home.sessions.staffing
    assert box.remove_choice.count() == 2 and box.remove_button.isEnabled()
    box.remove_choice.setCurrentIndex(1)
    assert "proctor2" in box.remove_choice.currentText()
    answers["confirm"].append(True)
    qtbot.mouseClick(box.remove_button, Qt.MouseButton.LeftButton)
    assert answers["errors"] == []
    assert [duty for _user, duty in admin.admin.session_staff(session_id)] == ["proctor"]
    assert not any(s.id == session_id for s in signed_in("proctor2").proctor.sessions())
    assert box.remove_choice.count() == 1 and "proctor1" in box.remove_choice.currentText()
    # an examiner who has scored keeps the duty: the service says so
    skill = session_by_code(admin, "DEMO-S5").id
    examiner = signed_in("examiner1")
    item = next(i for i in examiner.examiner.worklist(skill) if i.mode == "written" and not i.attempt_open)
    examiner.examiner.score_task(item.attempt_id, item.slot, {n: Decimal(0) for n in range(len(item.rubric))})
    with pytest.raises(UserFacingError, match="already scored"):
        admin.admin.unassign_staff(skill, user_id(admin, "examiner1"), "examiner")
