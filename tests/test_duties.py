"""Staff act only where they have a duty (issue 13): a role says what someone may do, an assignment
to a session (session_staff) says where. Per action: the assigned actor succeeds; one of the same
role assigned to nothing, and an admin where the action is not an admin's, get PermissionDenied."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest

from app.services.analysis import AnalysisService
from app.services.base import Actor, Conflict, NotFound, PermissionDenied
from app.services.export import ExportService
from app.services.papers import PaperService
from tests.store_fixtures import World, sample_content, shared_catalog


@dataclass
class Crew:
    """The world's staff for the duty tests: assigned to session S1 or to nothing."""

    world: World
    examiner: Actor  # examiner of S1
    chief: Actor  # chief examiner of S1
    stray_chief: Actor  # a chief examiner of no session
    login: Any = None  # T001's station login, once the session runs

    @property
    def sid(self) -> int:
        return self.world.session_id

    def cid(self, ticket: str = "T001") -> int:
        return self.world.candidates[ticket]

    def aid(self, ticket: str = "T001") -> int:
        return self.world.attempts[ticket]

    def start(self) -> None:
        self.world.exam.start_session(self.world.proctor, self.sid)

    def sat_and_closed(self) -> None:
        """T001 answered and submitted, T002 never came; the session is closed."""
        exam, proctor = self.world.exam, self.world.proctor
        exam.check_in(proctor, self.cid(), "PC-01")
        self.start()
        self.login = exam.candidate_login(ticket="T001", id_number="11010519491231002X", station="PC-01")
        seq = exam.attempt_view(self.login.actor, self.aid()).last_seq
        exam.save_answer(self.login.actor, self.aid(), seq, 0, "B")
        exam.submit(self.login.actor, self.aid())
        exam.close_session(proctor, self.sid)


def new_user(world: World, username: str, role: str) -> Actor:
    view = world.accounts.create_user(world.admin, username=username, role=role, display_name=username,
                                      password="staff-pass-12")  # fmt: skip
    return Actor(role, view.id)


@pytest.fixture
def crew(world: World) -> Crew:
    examiner, chief = new_user(world, "examiner1", "examiner"), new_user(world, "chief1", "chief")
    world.scoring.assign_staff(world.admin, world.session_id, examiner.id, "examiner")
    world.scoring.assign_staff(world.admin, world.session_id, chief.id, "chief")
    return Crew(world, examiner, chief, new_user(world, "lone-chief", "chief"))


def _no_setup(c: Crew) -> None:
    return None


def _started_and_paused(c: Crew) -> None:
    c.start()
    c.world.exam.pause(c.world.proctor, c.sid, None, "fire drill")


def _new_candidate(c: Crew) -> None:
    c.world.exam.add_candidate(c.world.admin, c.sid, ticket="T003", name="赵三", id_number="440524198001010013")


def _t003(c: Crew) -> int:
    return next(r.candidate_id for r in c.world.exam.roster(c.world.admin, c.sid) if r.ticket == "T003")


@dataclass(frozen=True)
class Case:
    name: str
    role: str  # the role of the assigned actor and of the unassigned one
    act: Callable[[Crew, Actor], Any]
    setup: Callable[[Crew], None] = _no_setup
    admin_may: bool = False  # True: an admin's action too (scheduling, rosters, papers, results)


_exam = lambda c: c.world.exam  # noqa: E731

CASES = [
    # -- the proctor's console -------------------------------------------------------------------
    Case("check_in", "proctor", lambda c, a: _exam(c).check_in(a, c.cid(), "PC-01")),
    Case("identity", "proctor", lambda c, a: _exam(c).identity(a, c.cid())),
    Case("session_overview", "proctor", lambda c, a: _exam(c).session_overview(a, c.sid)),
    Case("minutes_to_start", "proctor", lambda c, a: _exam(c).minutes_to_start(a, c.sid)),
    Case("start_session", "proctor", lambda c, a: _exam(c).start_session(a, c.sid)),
    Case("pause", "proctor", lambda c, a: _exam(c).pause(a, c.sid, None, "fire drill"), Crew.start),
    Case("pause one attempt", "proctor", lambda c, a: _exam(c).pause(a, c.sid, c.aid(), "illness"), Crew.start),
    Case("resume", "proctor", lambda c, a: _exam(c).resume(a, c.sid, None), _started_and_paused),
    Case("extend", "proctor", lambda c, a: _exam(c).extend(a, c.sid, c.aid(), 3600, "power cut"), Crew.start),
    Case("allow_move", "proctor", lambda c, a: _exam(c).allow_move(a, c.cid(), "PC-01 froze"), Crew.start),
    Case("force submit", "proctor", lambda c, a: _exam(c).submit(a, c.aid(), reason="illness"), Crew.start),
    Case("terminate", "proctor", lambda c, a: _exam(c).terminate(a, c.aid(), "phone"), Crew.start),
    Case("close_session", "proctor", lambda c, a: _exam(c).close_session(a, c.sid), Crew.start),
    Case("record_incident", "proctor",
         lambda c, a: _exam(c).record_incident(a, c.sid, "illness", "felt faint", c.cid())),
    Case("incidents", "proctor", lambda c, a: _exam(c).incidents(a, c.sid)),
    Case("attempt_view", "proctor", lambda c, a: _exam(c).attempt_view(a, c.aid())),
    Case("session_staff", "proctor", lambda c, a: c.world.scoring.session_staff(a, c.sid), admin_may=True),
    Case("roster", "proctor", lambda c, a: _exam(c).roster(a, c.sid), admin_may=True),
    Case("session_results", "proctor",
         lambda c, a: ExportService(c.world.db, shared_catalog()).session_results(a, c.sid), admin_may=True),
    Case("prepare_attempt", "proctor",
         lambda c, a: _exam(c).prepare_attempt(a, _t003(c), sample_content(), 5400), _new_candidate, admin_may=True),
    Case("prepare_papers", "proctor",
         lambda c, a: PaperService(c.world.db, shared_catalog()).prepare_papers(a, c.sid), _new_candidate,
         admin_may=True),
    # -- examiners, after the session ---------------------------------------------------------------
    Case("answer_for", "examiner", lambda c, a: c.world.scoring.answer_for(a, c.aid(), 0), Crew.sat_and_closed),
    Case("answer_key", "examiner", lambda c, a: _exam(c).answer_key(a, c.aid()), Crew.sat_and_closed,
         admin_may=True),
    Case("worklist", "examiner", lambda c, a: c.world.scoring.worklist(a, c.sid), Crew.sat_and_closed),
    # -- the chief examiner ---------------------------------------------------------------------------
    Case("chief reads incidents", "chief", lambda c, a: _exam(c).incidents(a, c.sid)),
    Case("chief reads results", "chief",
         lambda c, a: ExportService(c.world.db, shared_catalog()).session_results(a, c.sid), admin_may=True),
    Case("chief reads keys", "chief", lambda c, a: _exam(c).answer_key(a, c.aid()), Crew.sat_and_closed,
         admin_may=True),
    Case("item analysis", "chief",
         lambda c, a: AnalysisService(c.world.db, shared_catalog()).session_analysis(a, c.sid), Crew.sat_and_closed,
         admin_may=True),
]


def _actors(c: Crew, role: str) -> tuple[Actor, Actor]:
    """(assigned to S1, assigned to nothing), of one role."""
    return {
        "proctor": (c.world.proctor, c.world.outsider),
        "examiner": (c.examiner, c.world.examiner),
        "chief": (c.chief, c.stray_chief),
    }[role]


@pytest.mark.parametrize("who", ["assigned", "unassigned", "admin"])
@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_staff_act_only_where_they_have_a_duty(crew: Crew, case: Case, who: str):
    case.setup(crew)
    assigned, unassigned = _actors(crew, case.role)
    if who == "assigned" or (who == "admin" and case.admin_may):
        case.act(crew, crew.world.admin if who == "admin" else assigned)
        return
    with pytest.raises(PermissionDenied) as refused:
        case.act(crew, unassigned if who == "unassigned" else crew.world.admin)
    if who == "unassigned":  # the refusal names the duty and the session
        assert "session S1" in str(refused.value)


def test_a_refusal_changes_nothing_and_names_the_duty(crew: Crew):
    crew.start()
    outsider, exam = crew.world.outsider, crew.world.exam
    with pytest.raises(PermissionDenied, match="you are not a proctor of session S1"):
        exam.extend(outsider, crew.sid, crew.aid(), 3600, "a favour")
    view = exam.attempt_view(crew.world.proctor, crew.aid())
    assert view.remaining <= 5400  # no hour was added
    with pytest.raises(PermissionDenied, match="you are not an examiner of session S1"):
        crew.world.scoring.worklist(crew.world.examiner, crew.sid)
    with pytest.raises(PermissionDenied, match=r"admin may not do this \(needs proctor\)"):
        exam.session_overview(crew.world.admin, crew.sid)


def test_a_proctor_acts_on_attempts_and_candidates_of_their_own_session_only(crew: Crew):
    """An attempt or candidate id of another session, passed with one's own session, is refused."""
    world = crew.world
    other = world.exam.schedule_session(
        world.admin, code="S2", room="102", part="theory", standard="4-13-99-02", level="5",
        scheduled_start="2026-12-05T09:00", duration_minutes=90,
    )  # fmt: skip
    cid = world.exam.add_candidate(world.admin, other, ticket="U001", name="钱四", id_number="440524198001010013")
    aid = world.exam.prepare_attempt(world.admin, cid, sample_content(), 5400)
    crew.start()
    with pytest.raises(NotFound, match=r"no attempt \d+ in session S1"):
        world.exam.extend(world.proctor, crew.sid, aid, 3600, "a favour")
    with pytest.raises(NotFound, match=r"no candidate \d+ in session S1"):
        world.exam.record_incident(world.proctor, crew.sid, "misconduct", "a false record", cid)
    for act in (lambda: world.exam.submit(world.proctor, aid, reason="illness"),
                lambda: world.exam.terminate(world.proctor, aid, "phone"),
                lambda: world.exam.attempt_view(world.proctor, aid),
                lambda: world.exam.identity(world.proctor, cid),
                lambda: world.exam.check_in(world.proctor, cid, "PC-02")):  # fmt: skip
        with pytest.raises(PermissionDenied, match="you are not a proctor of session S2"):
            act()


def test_examiners_read_answers_after_submission_and_keys_after_closing(crew: Crew):
    world, exam = crew.world, crew.world.exam
    exam.check_in(world.proctor, crew.cid(), "PC-01")
    crew.start()
    login = exam.candidate_login(ticket="T001", id_number="11010519491231002X", station="PC-01")
    exam.save_answer(login.actor, crew.aid(), exam.attempt_view(login.actor, crew.aid()).last_seq, 0, "B")
    with pytest.raises(Conflict, match="the attempt is still open"):
        world.scoring.answer_for(crew.examiner, crew.aid(), 0)
    for reader in (crew.examiner, crew.chief, world.admin):  # a running attempt's keys: nobody
        with pytest.raises(Conflict, match="session S1 is open: answer keys are read only after it closes"):
            exam.answer_key(reader, crew.aid())
    exam.submit(login.actor, crew.aid())
    assert world.scoring.answer_for(crew.examiner, crew.aid(), 0) == "B"  # submitted: the examiner reads it
    with pytest.raises(Conflict, match="answer keys are read only after it closes"):
        exam.answer_key(crew.examiner, crew.aid())
    exam.close_session(world.proctor, crew.sid)
    assert exam.answer_key(crew.examiner, crew.aid())[0] == "B"


def test_the_chief_arbitrates_and_finalizes_only_where_assigned_as_chief(crew: Crew):
    """The chief examiner's scoring acts: grading, finalizing, arbitrating need the chief duty."""
    world = crew.world
    crew.sat_and_closed()
    with pytest.raises(PermissionDenied, match="you are not the chief examiner of session S1"):
        world.scoring.grade_objective(crew.stray_chief, crew.aid())
    with pytest.raises(PermissionDenied, match="you are not the chief examiner of session S1"):
        world.scoring.finalize(crew.stray_chief, crew.aid())
    with pytest.raises(PermissionDenied, match="you are not the chief examiner of session S1"):
        world.scoring.score_task(crew.examiner, crew.aid(), 0, {0: Decimal(1)}, arbitration=True)
