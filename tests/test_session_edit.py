"""Editing and cancelling a session, and deactivating an account, as the services enforce them:
which fields are locked when, what a cancelled session refuses, what a deactivated user can no
longer do. Every world runs on a fixed store clock: 08:50 local time on EXAM_DAY (09:00 start)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.services.auth import AuthService, InvalidToken
from app.services.base import Conflict, PermissionDenied, ServiceError
from app.services.exam import StandardRuleRefused
from app.services.export import ExportService
from app.store.models import AuditEntry
from tests.store_fixtures import CANDIDATES, SESSION_START, first_proctor, seat


def schedule(world, code: str = "X") -> int:
    return world.exam.schedule_session(world.admin, code=code, room="201", part="theory", standard="4-13-99-02",
                                       level="5", scheduled_start=SESSION_START, duration_minutes=90)  # fmt: skip


def info(world, session_id: int):
    return next(s for s in world.exam.sessions(world.admin) if s.id == session_id)


def last_entry(world) -> AuditEntry:
    with world.db.reader() as s:
        return s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()


# -- editing ------------------------------------------------------------------------------------


def test_before_papers_room_start_and_duration_change_with_a_reason_audited(world):
    sid = schedule(world)
    changed = world.exam.edit_session(world.admin, sid, reason="机房调整", room="302",
                                      scheduled_start="2026-12-06T14:00", duration_minutes=120)  # fmt: skip
    assert changed == ["duration_minutes", "room", "scheduled_start"]
    now = info(world, sid)
    assert (now.room, now.scheduled_start, now.duration_minutes) == ("302", "2026-12-06T14:00", 120)
    entry = last_entry(world)
    assert (entry.action, entry.target) == ("session.edit", f"session:{sid}")


def test_an_edit_needs_a_reason_and_a_real_change_and_keeps_the_standards_minimum(world):
    sid = schedule(world)
    with pytest.raises(ServiceError, match="reason is required"):
        world.exam.edit_session(world.admin, sid, reason=" ", room="302")
    with pytest.raises(ServiceError, match="nothing to change"):
        world.exam.edit_session(world.admin, sid, reason="r", room="201", duration_minutes=90)
    with pytest.raises(StandardRuleRefused):
        world.exam.edit_session(world.admin, sid, reason="缩短", duration_minutes=60)
    assert info(world, sid).duration_minutes == 90


def test_with_papers_the_duration_is_locked_but_room_and_start_move(world):
    sid = world.session_id  # its candidates have papers
    with pytest.raises(Conflict, match="has papers"):
        world.exam.edit_session(world.admin, sid, reason="延长", duration_minutes=120)
    # the unchanged duration sent along with the form is no change, so it is not refused
    world.exam.edit_session(world.admin, sid, reason="换机房", room="305", duration_minutes=90)
    assert info(world, sid).room == "305"


def test_once_started_only_the_room_changes_and_after_the_close_nothing(world):
    proctor = first_proctor(world.exam)
    world.exam.start_session(proctor, world.session_id)
    with pytest.raises(Conflict, match="has started"):
        world.exam.edit_session(world.admin, world.session_id, reason="r", scheduled_start="2026-12-05T10:00")
    world.exam.edit_session(world.admin, world.session_id, reason="停电，转至 306", room="306")
    assert info(world, world.session_id).room == "306"


def test_only_an_admin_edits_or_cancels(world):
    sid = schedule(world)
    with pytest.raises(PermissionDenied):
        world.exam.edit_session(world.proctor, sid, reason="r", room="1")
    with pytest.raises(PermissionDenied):
        world.exam.cancel_session(world.proctor, sid, "r")


# -- cancelling ---------------------------------------------------------------------------------


def test_a_cancelled_session_keeps_everything_and_refuses_start_login_check_in_and_export(world, tmp_path):
    sid = world.session_id
    with pytest.raises(ServiceError, match="reason is required"):
        world.exam.cancel_session(world.admin, sid, "")
    world.exam.cancel_session(world.admin, sid, "考点停电")
    assert last_entry(world).action == "session.cancel"
    shown = info(world, sid)
    assert (shown.state, shown.cancel_reason, shown.candidates) == ("cancelled", "考点停电", 2)
    assert [r.attempt_id for r in world.exam.roster(world.admin, sid)] == list(world.attempts.values())
    assert len(world.scoring.session_staff(world.admin, sid)) == 2
    proctor = first_proctor(world.exam)
    assert sid in [s.id for s in world.exam.sessions(proctor)]  # the proctor sees it, as cancelled
    with pytest.raises(Conflict):
        world.exam.start_session(proctor, sid)
    with pytest.raises(Conflict):
        world.exam.check_in(proctor, world.candidates["T001"], "PC-01")
    with pytest.raises(Conflict, match="no session open"):
        world.exam.candidate_login(ticket="T001", id_number=CANDIDATES["T001"][1], station="PC-01")
    with pytest.raises(Conflict, match="cancelled: it has no results"):
        ExportService(world.db).export_session(world.admin, sid, tmp_path / "out.zip")
    assert not (tmp_path / "out.zip").exists()
    with pytest.raises(Conflict, match="can no longer change"):
        world.exam.edit_session(world.admin, sid, reason="r", room="1")
    with pytest.raises(Conflict, match="cancelled: its records"):
        world.scoring.assign_staff(world.admin, sid, world.outsider.id, "proctor")


def test_a_started_session_cannot_be_cancelled(world):
    proctor = first_proctor(world.exam)
    seat(world.exam, proctor, "T001", "PC-01")
    world.exam.start_session(proctor, world.session_id)
    with pytest.raises(Conflict, match="only a session not yet started can be cancelled"):
        world.exam.cancel_session(world.admin, world.session_id, "r")
    assert info(world, world.session_id).state == "open"


# -- deactivating accounts ----------------------------------------------------------------------


def user_id(world, username: str) -> int:
    return next(u.id for u in world.accounts.users(world.admin) if u.username == username)


def test_a_deactivated_user_cannot_sign_in_and_their_token_stops_at_the_next_call(world):
    auth = AuthService(world.db)
    signed_in = auth.sign_in("proctor1", "proctor-pass-1", "PC-P")
    assert auth.actor_for(signed_in.token, "PC-P").id == signed_in.user_id
    world.accounts.set_active(world.admin, signed_in.user_id, False)
    with pytest.raises(InvalidToken):
        auth.actor_for(signed_in.token, "PC-P")
    with pytest.raises(ServiceError, match="wrong user name or password"):
        auth.sign_in("proctor1", "proctor-pass-1", "PC-P")
    view = next(u for u in world.accounts.users(world.admin) if u.id == signed_in.user_id)
    assert view.active is False
    # the history and the duty stay
    assert (signed_in.user_id, "proctor") in world.scoring.session_staff(world.admin, world.session_id)
    world.accounts.set_active(world.admin, signed_in.user_id, True)
    with pytest.raises(InvalidToken):  # reactivating does not bring the old sign-in back
        auth.actor_for(signed_in.token, "PC-P")
    again = auth.sign_in("proctor1", "proctor-pass-1", "PC-P")
    assert auth.actor_for(again.token, "PC-P").id == signed_in.user_id


def test_the_last_active_admin_and_oneself_stay_active(world):
    admin_id = world.admin.id
    with pytest.raises(Conflict, match="your own account"):
        world.accounts.set_active(world.admin, admin_id, False)
    second = world.accounts.create_user(world.admin, username="admin2", role="admin", display_name="管理二",
                                        password="admin-pass-22")  # fmt: skip
    from app.services.base import Actor

    other = Actor("admin", second.id)
    world.accounts.set_active(other, admin_id, False)  # another admin remains: allowed
    with pytest.raises(Conflict, match="your own account"):
        world.accounts.set_active(other, second.id, False)
    world.accounts.set_active(other, admin_id, True)
    world.accounts.set_active(world.admin, second.id, False)
    with pytest.raises(Conflict, match="already deactivated"):
        world.accounts.set_active(world.admin, second.id, False)


def test_last_admin_check_counts_only_active_admins(world):
    from app.services.base import Actor

    second = world.accounts.create_user(world.admin, username="admin2", role="admin", display_name="管理二",
                                        password="admin-pass-22")  # fmt: skip
    third = world.accounts.create_user(world.admin, username="admin3", role="admin", display_name="管理三",
                                       password="admin-pass-33")  # fmt: skip
    world.accounts.set_active(world.admin, second.id, False)
    world.accounts.set_active(Actor("admin", third.id), world.admin.id, False)
    # admin3 is the only active admin now (admin2 and admin are deactivated): nobody deactivates it
    with pytest.raises(Conflict, match="last active admin"):
        world.accounts.set_active(Actor("admin", second.id), third.id, False)


def test_a_deactivated_proctor_does_not_count_towards_the_rooms_two_and_gets_no_new_duty(world):
    proctor = first_proctor(world.exam)
    world.accounts.set_active(world.admin, user_id(world, "proctor2"), False)
    with pytest.raises(Conflict, match="deactivated: reactivate it"):
        world.scoring.assign_staff(world.admin, world.session_id, user_id(world, "proctor2"), "examiner")
    with pytest.raises(StandardRuleRefused, match="proctor"):
        world.exam.start_session(proctor, world.session_id)
