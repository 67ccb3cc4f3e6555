"""Editing and cancelling a session and deactivating an account on the admin's screens, and the
room's papers on the proctor's console: each test clicks and checks what the services recorded
(in process and through the JSON loopback, tests/ui/conftest.py)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.api.errors import ApiError
from app.ui.admin import AdminHome
from app.ui.proctor.console import ProctorConsole
from app.ui.widgets.files import Files


@pytest.fixture
def admin(signed_in):
    return signed_in("admin")


@pytest.fixture
def home(qtbot, admin):
    widget = AdminHome(admin)
    qtbot.addWidget(widget)
    return widget


def session_by_code(admin, code):
    return next(s for s in admin.admin.sessions() if s.code == code)


def schedule(admin, code):
    return admin.admin.schedule_session(code=code, room="第三考场", part="theory", standard="4-13-99-02", level="5",
                                        scheduled_start="2026-12-01T09:00", duration_minutes=90)  # fmt: skip


def test_edit_dialog_changes_room_start_and_duration_with_a_reason(qtbot, home, admin, answers):
    session_id = schedule(admin, "E-1")
    home.sessions.refresh()
    home.sessions.select_session(session_id)
    assert home.sessions.edit_button.isEnabled() and home.sessions.cancel_button.isEnabled()
    dialog = home.sessions.open_edit_dialog()
    assert dialog.duration.isEnabled() and dialog.start.isEnabled()  # no papers yet
    dialog.room.setText("第五考场")
    dialog.duration.setValue(120)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "reason" in dialog.message.text() and session_by_code(admin, "E-1").room == "第三考场"  # nothing without one
    dialog.reason.setText("机房维修")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    info = session_by_code(admin, "E-1")
    assert (info.room, info.duration_minutes, info.scheduled_start) == ("第五考场", 120, "2026-12-01T09:00")
    assert "第五考场" in home.sessions.facts.text()
    assert answers["errors"] == []


def test_edit_dialog_locks_the_duration_once_papers_are_prepared(qtbot, home, admin, answers):
    info = session_by_code(admin, "DEMO-T5")  # the demo prepared its papers
    home.sessions.select_session(info.id)
    dialog = home.sessions.open_edit_dialog()
    assert not dialog.duration.isEnabled() and dialog.start.isEnabled()
    assert "duration is locked" in dialog.locked.text()
    dialog.room.setText("机房303")
    dialog.reason.setText("换机房")
    dialog.save()
    assert session_by_code(admin, "DEMO-T5").room == "机房303"
    assert answers["errors"] == []


def test_cancelling_asks_why_keeps_the_session_and_shows_it_cancelled(qtbot, home, admin, signed_in, answers):
    session_id = schedule(admin, "C-1")
    home.sessions.refresh()
    home.sessions.select_session(session_id)
    answers["text"].append("")  # an empty reason cancels nothing
    home.sessions.cancel_button.click()
    assert session_by_code(admin, "C-1").state == "scheduled" and answers["errors"]
    answers["errors"].clear()
    answers["text"].append("考点停电")
    home.sessions.cancel_button.click()
    info = session_by_code(admin, "C-1")
    assert (info.state, info.cancel_reason) == ("cancelled", "考点停电")
    row = next(r for r in home.sessions.model.rows if r[0] == "C-1")
    assert row[-1] == "Cancelled"
    assert "考点停电" in home.sessions.facts.text()
    assert not home.sessions.edit_button.isEnabled() and not home.sessions.cancel_button.isEnabled()
    with pytest.raises(ApiError, match="cancelled"):
        admin.run(lambda: admin.admin.export_session(session_id))
    assert answers["errors"] == []


def test_deactivating_an_account_flags_its_duties_and_stops_its_sign_in(qtbot, home, admin, signed_in, answers):
    proctor2 = signed_in("proctor2")
    theory = session_by_code(admin, "DEMO-T5").id
    assert any(s.id == theory for s in proctor2.proctor.sessions())
    users = home.users
    users.select_user("proctor2")
    assert users.active_button.text().replace("&", "") == "Deactivate"
    answers["confirm"].append(True)
    users.active_button.click()
    assert answers["errors"] == []
    with pytest.raises(ApiError):
        proctor2.proctor.sessions()  # the sign-in stopped at its next call
    with pytest.raises(ApiError):
        signed_in("proctor2")
    row = next(r for r in users.model.rows if r[0] == "proctor2")
    assert row[-1] == "Deactivated"
    assert users.active_button.text().replace("&", "") == "Reactivate"

    home.sessions.refresh()
    home.sessions.select_session(theory)
    box = home.sessions.staffing
    assert not box.inactive_warning.isHidden() and "Deactivated accounts" in box.inactive_warning.text()
    assert "(deactivated)" in box.assigned.text()
    box.duty.setCurrentIndex(box.duty.findData("proctor"))
    assert box.user.findData(next(u.id for u in admin.admin.users() if u.username == "proctor2")) == -1

    users.select_user("proctor2")
    users.active_button.click()
    signed_in("proctor2")  # signs in again
    home.sessions.refresh()
    assert box.inactive_warning.isHidden()


def test_the_last_admin_cannot_deactivate_themself(qtbot, home, admin, answers):
    home.users.select_user("admin")
    answers["confirm"].append(True)
    home.users.active_button.click()
    assert answers["errors"] and "your own account" in answers["errors"][0]


def test_console_saves_the_sign_in_sheet_and_only_after_the_close_the_room_record(qtbot, signed_in, admin, answers,
                                                                                  monkeypatch, tmp_path):  # fmt: skip
    proctor = signed_in("proctor1")
    theory = session_by_code(admin, "DEMO-T5").id
    console = ProctorConsole(proctor, theory)
    qtbot.addWidget(console)
    target = tmp_path / "sheet.pdf"
    monkeypatch.setattr(Files, "save_path", staticmethod(lambda parent, title, suggested, filters: target))
    assert console.session_actions.sheet.isEnabled() and not console.session_actions.record.isEnabled()
    console.session_actions.sheet.trigger()
    assert target.read_bytes().startswith(b"%PDF") and "sheet.pdf" in console.status.text()
    assert answers["errors"] == []


def test_a_cancelled_session_shows_cancelled_on_the_console_with_nothing_to_do(qtbot, signed_in, admin, answers):
    session_id = schedule(admin, "C-2")
    proctor_id = next(u.id for u in admin.admin.users() if u.username == "proctor1")
    admin.admin.assign_staff(session_id, proctor_id, "proctor")
    admin.admin.cancel_session(session_id, "停考")
    console = ProctorConsole(signed_in("proctor1"), session_id)
    qtbot.addWidget(console)
    assert console.header.badge.text() == "Cancelled" and "停考" in console.header.details.text()
    actions = console.session_actions
    for action in (actions.start_all, actions.close, actions.incident, actions.sheet, actions.record):
        assert not action.isEnabled(), action.text()


def test_a_long_staffing_finding_is_shown_whole_on_a_narrow_box(qtbot, home, admin, answers):
    """English findings wrap to two or three lines: the list is as tall as they wrap, not one row."""
    info = session_by_code(admin, "DEMO-T5")
    proctor2 = next(u.id for u in admin.admin.users() if u.username == "proctor2")
    admin.admin.unassign_staff(info.id, proctor2, "proctor")
    home.resize(1366, 768)
    home.show()
    home.sessions.refresh()
    home.sessions.select_session(info.id)
    box = home.sessions.staffing
    box.resize(420, box.height())
    qtbot.waitUntil(lambda: box.findings.count() == 1)
    text = box.findings.item(0).text()
    metrics = box.findings.fontMetrics()
    wrapped = metrics.boundingRect(0, 0, box.findings.viewport().width() - 8, 10_000, Qt.TextFlag.TextWordWrap, text)
    assert wrapped.height() >= 2 * metrics.lineSpacing()  # it does wrap at this width
    assert box.findings.viewport().height() >= wrapped.height()


def test_the_admin_saves_a_sessions_sign_in_sheet_and_a_closed_sessions_room_record(qtbot, home, admin, answers,
                                                                                   monkeypatch, tmp_path):  # fmt: skip
    target = tmp_path / "sheet.pdf"
    monkeypatch.setattr(Files, "save_path", staticmethod(lambda parent, title, suggested, filters: target))
    info = session_by_code(admin, "DEMO-T5")
    home.sessions.select_session(info.id)
    papers = home.sessions.papers
    assert papers.sheet_button.isEnabled() and not papers.record_button.isEnabled()  # not closed yet
    papers.sheet_button.click()
    assert target.read_bytes().startswith(b"%PDF") and "sheet.pdf" in papers.status.text()
    assert answers["errors"] == []
