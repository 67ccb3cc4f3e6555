"""Sessions and their staffing, for the admin who plans them and the proctor who opens and
closes them: schedule, reschedule, archive; rosters; papers fixed per candidate; the standard's
rules checked before the start; closing, which records who never came and grades theory papers."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.api.types import RosterEntry, SessionInfo
from app.banks.catalog import Catalog
from app.banks.roster_file import RosterRow
from app.domain.attempt_state import StepKind
from app.domain.identity import id_number_problem, normalise_id_number
from app.domain.paper_content import scoring_view, task_minutes
from app.domain.session_start import check_start, minutes_early
from app.domain.staffing import (
    STAFFING_SECTION,
    Finding,
    check_duration,
    check_review_chair,
    check_session,
    check_task_minutes,
    cite,
    refusal,
    review_chairs,
    with_task_panels,
)
from app.domain.standards import Level, Part, Standard
from app.domain.time_ledger import TimeEventKind
from app.errors import Message
from app.services.answer_log import read_for_grading, read_logs
from app.services.base import Actor, Conflict, ServiceError, require_duty, require_role
from app.services.exam_day import _ADD_STEP, _ADD_TIME_EVENT, ExamDay
from app.services.scoring import ABSENT, ClosingGrades, grade_closed_theory_from, write_grades
from app.services.snapshot import Scope, audit_head, changes_since, gc_paused, snapshot
from app.store.clock import local_today
from app.store.database import Database
from app.store.models import (
    Attempt,
    Candidate,
    ExaminerTask,
    ExamSession,
    PaperInstance,
    SessionStaff,
    StationLogin,
    User,
)
from app.store.types import RowBound, step_row

RETENTION_YEARS = 5  # seed 003: records are kept at least five years


class EarlyStart(Conflict):
    """The session is scheduled more than half an hour from now: start it only with `early_ok`."""

    code = "early_start"


class StandardRuleRefused(ServiceError):
    """The plan breaks a rule of the standard (section 1.9) or of the drawn tasks' time: its
    message is the findings, one per line (template LINES, each finding a part)."""

    code = "standard_rule"

    def __init__(self, findings: list[Finding]):
        super().__init__(refusal(findings))
        self.findings = findings


_CLOSE_TRIES = 3  # closing reads again when an attempt moved on between its read and its write


class _Moved(Exception):
    """Something closing relied on changed between its read and its write."""


@dataclass(frozen=True)
class _ClosingPlan:
    code: str  # the session's
    head: int  # the audit head of the snapshot it was read from
    scope: Scope
    absent: list[int]  # attempts of candidates who never came
    grades: ClosingGrades | None  # theory sessions


class SessionService(ExamDay):
    """Planning, staffing rules, rosters, papers, the start and the close of a session."""

    def __init__(self, db: Database, catalog: Catalog):
        super().__init__(db)
        self.catalog = catalog

    # -- planning (admin) -----------------------------------------------------------------

    def _rules(self, standard: str, level: str, subtype: str | None) -> tuple[Standard, Level]:
        """The standard and level from the catalogue; a code, 工种 or level it lacks is refused."""
        std = self.catalog.standard(standard)
        return std, self.catalog.level(std, level, subtype)

    def schedule_session(
        self, actor: Actor, *, code: str, room: str, part: str, standard: str, level: str,
        scheduled_start: str, duration_minutes: int, subtype: str | None = None,
    ) -> int:  # fmt: skip
        """Plan a session. The standard, 工种 and level must be in the catalogue, the part one the
        level has (a comprehensive review only where it is required) and the duration at least the
        standard's minimum for the part (1.9.4)."""
        require_role(actor, "admin")
        if part not in {p.value for p in Part}:
            raise ServiceError("unknown part {part}; use theory, skill or review", part=part)
        try:
            datetime.fromisoformat(scheduled_start)
        except ValueError:
            raise ServiceError("the start {start} is not a date and time like 2026-12-05T09:00",
                               start=scheduled_start) from None
        std, lv = self._rules(standard, str(level), subtype or None)
        findings = check_duration(std, lv, Part(part), duration_minutes)
        if findings:
            raise StandardRuleRefused(findings)
        data = {"code": code, "room": room, "part": part, "standard": standard, "level": level}
        with self.action(actor, "session.schedule", f"session:{code}", data) as s:
            if s.scalar(select(ExamSession).where(ExamSession.code == code)):
                raise Conflict("session {code} already exists", code=repr(code))
            row = ExamSession(
                code=code, room=room, part=part, standard=standard, subtype=subtype or None, level=str(lv.level),
                scheduled_start=scheduled_start, duration_minutes=duration_minutes, state="scheduled",
            )  # fmt: skip
            s.add(row)
            s.flush()
            return row.id

    def reschedule_session(self, actor: Actor, session_id: int, scheduled_start: str, reason: str) -> None:
        """Move a session that has not started to another time (a postponement), with a reason."""
        require_role(actor, "admin")
        if not reason.strip():
            raise ServiceError("a reason is required to reschedule a session")
        try:
            datetime.fromisoformat(scheduled_start)
        except ValueError:
            raise ServiceError("the start {start} is not a date and time like 2026-12-05T09:00",
                               start=scheduled_start) from None
        data = {"start": scheduled_start, "reason": reason}
        with self.action(actor, "session.reschedule", f"session:{session_id}", data) as s:
            session = self._session_in(
                s, session_id, "scheduled", refusal="session {code} is {state}: only a session not yet started moves"
            )
            data["was"] = session.scheduled_start
            session.scheduled_start = scheduled_start

    def edit_session(self, actor: Actor, session_id: int, *, reason: str, room: str | None = None,
                     scheduled_start: str | None = None, duration_minutes: int | None = None) -> list[str]:  # fmt: skip
        """Change a session's room, start or duration, with a reason; returns the fields changed. A
        value equal to the current one is no change. What may change depends on how far the session is
        (docs/store.md, "Editing and cancelling a session"):
        - scheduled, no papers yet: room, start and duration (at least the standard's minimum);
        - papers prepared: room and start (each paper fixed the candidate's time);
        - started: the room only (time changes are the proctors' pauses and extensions);
        - closed, archived or cancelled: nothing.
        The code, standard, sub-type, level and part never change: they name what the papers, packages
        and results are of. Cancel the session and schedule another instead."""
        require_role(actor, "admin")
        if not reason.strip():
            raise ServiceError("a reason is required to change a session")
        if room is not None and not room.strip():
            raise ServiceError("the room cannot be empty")
        if scheduled_start is not None:
            try:
                datetime.fromisoformat(scheduled_start)
            except ValueError:
                raise ServiceError("the start {start} is not a date and time like 2026-12-05T09:00",
                                   start=scheduled_start) from None
        data: dict[str, Any] = {"reason": reason.strip()}
        with self.action(actor, "session.edit", f"session:{session_id}", data) as s:
            session = self._session_in(
                s, session_id, "scheduled", "open", refusal="session {code} is {state}: it can no longer change"
            )
            wanted = {"room": room.strip() if room is not None else None, "scheduled_start": scheduled_start,
                      "duration_minutes": duration_minutes}  # fmt: skip
            changes = {k: v for k, v in wanted.items() if v is not None and v != getattr(session, k)}
            if not changes:
                raise ServiceError("nothing to change: the values are the session's own")
            papers = s.scalar(select(func.count()).select_from(PaperInstance)
                              .where(PaperInstance.session_id == session_id))  # fmt: skip
            if session.state == "open" and set(changes) - {"room"}:
                raise Conflict("session {code} has started: only its room can change; time is changed by the "
                               "proctors' pauses and extensions", code=session.code)  # fmt: skip
            if papers and "duration_minutes" in changes:
                raise Conflict("session {code} has papers: each fixed its candidate's time, so the duration no "
                               "longer changes", code=session.code)  # fmt: skip
            if "duration_minutes" in changes:
                std, lv = self._rules(session.standard, session.level, session.subtype)
                count = s.scalar(select(func.count()).select_from(Candidate).where(Candidate.session_id == session_id))
                findings = check_duration(std, lv, Part(session.part), int(changes["duration_minutes"]), count or 0)
                if findings:
                    raise StandardRuleRefused(findings)
            data["was"] = {k: getattr(session, k) for k in changes}
            data["now"] = changes
            for key, value in changes.items():
                setattr(session, key, value)
            return sorted(changes)

    def cancel_session(self, actor: Actor, session_id: int, reason: str) -> None:
        """Cancel a session that has not started, with a reason. Nothing is deleted: its roster,
        staff and papers stay, and it shows as cancelled; nobody can start it, log in to it or
        export it."""
        require_role(actor, "admin")
        if not reason.strip():
            raise ServiceError("a reason is required to cancel a session")
        with self.action(actor, "session.cancel", f"session:{session_id}", {"reason": reason.strip()}) as s:
            session = self._session_in(
                s, session_id, "scheduled",
                refusal="session {code} is {state}: only a session not yet started can be cancelled",
            )  # fmt: skip
            session.state, session.cancel_reason = "cancelled", reason.strip()

    def archive_session(self, actor: Actor, session_id: int, *, retain_years: int = RETENTION_YEARS) -> str:
        """Archive a closed session: it stays in the store, verifiable, kept until the returned date."""
        require_role(actor, "admin")
        if retain_years < RETENTION_YEARS:
            raise ServiceError("records are kept at least {years} years", years=RETENTION_YEARS)
        with self.action(actor, "session.archive", f"session:{session_id}", {"years": retain_years}) as s:
            session = self._session_in(
                s, session_id, "closed", refusal="only a closed session can be archived; {code} is {state}"
            )
            today = local_today(self.db.clock)
            try:
                until = today.replace(year=today.year + retain_years)
            except ValueError:  # 29 February
                until = today.replace(year=today.year + retain_years, day=28)
            session.state, session.retain_until = "archived", until.isoformat()
            return session.retain_until

    def sessions(self, actor: Actor) -> list[SessionInfo]:
        """Sessions staff may see: all for an admin, those they are assigned to otherwise."""
        require_role(actor, "admin", "proctor", "examiner", "chief")
        with self.db.reader() as s:
            query = select(ExamSession).order_by(ExamSession.scheduled_start, ExamSession.code)
            if actor.role != "admin":
                query = query.join(SessionStaff, SessionStaff.session_id == ExamSession.id).where(
                    SessionStaff.user_id == actor.id
                )
            counts = dict(s.execute(select(Candidate.session_id, func.count()).group_by(Candidate.session_id)).all())
            return [
                SessionInfo(x.id, x.code, x.room, x.part, x.standard, x.subtype, x.level, x.scheduled_start,
                            x.duration_minutes, x.state, counts.get(x.id, 0), x.surveillance_reason,
                            x.cancel_reason)
                for x in s.scalars(query).unique()
            ]  # fmt: skip

    # -- candidates and papers ----------------------------------------------------------------

    def add_candidate(
        self, actor: Actor, session_id: int, *, ticket: str, name: str, id_number: str, photo: bytes | None = None
    ) -> int:
        require_role(actor, "admin")
        problem = id_number_problem(id_number)
        if problem:
            raise ServiceError("candidate {ticket}: ID number {problem}", ticket=ticket, problem=problem)
        number = normalise_id_number(id_number)
        with self.action(actor, "candidate.add", f"session:{session_id}/ticket:{ticket}", {"ticket": ticket}) as s:
            self._session_in(s, session_id, "scheduled", "open")  # a closed session's roster is final
            if s.scalar(select(Candidate).where(Candidate.session_id == session_id, Candidate.ticket == ticket)):
                raise Conflict("ticket {ticket} is already in this session", ticket=ticket)
            row = Candidate(
                session_id=session_id, ticket=ticket, name=name, id_number=number,
                id_index=self.db.cipher.blind_index(number, b"id_number"), photo=photo,
                anonymous_code=secrets.token_hex(4).upper(),
            )  # fmt: skip
            s.add(row)
            s.flush()
            self._check_review_time(s, session_id)
            return row.id

    def _check_review_time(self, s: Session, session_id: int) -> None:
        """A review session lasts at least the standard's review minutes per candidate (1.9.4)."""
        session = s.get(ExamSession, session_id)
        assert session is not None  # both callers have found it (_session_in)
        if session.part != Part.REVIEW:
            return
        std, lv = self._rules(session.standard, session.level, session.subtype)
        count = s.scalar(select(func.count()).select_from(Candidate).where(Candidate.session_id == session_id))
        findings = check_duration(std, lv, Part.REVIEW, session.duration_minutes, count or 0)
        if findings:
            raise StandardRuleRefused(findings)

    def import_roster(self, actor: Actor, session_id: int, rows: list[RosterRow], source: str) -> int:
        """Add every candidate of a checked roster, or none (a clash names its row)."""
        require_role(actor, "admin")
        with self.action(actor, "roster.import", f"session:{session_id}", {"file": source, "rows": len(rows)}) as s:
            self._session_in(s, session_id, "scheduled", "open")
            existing = set(s.scalars(select(Candidate.ticket).where(Candidate.session_id == session_id)))
            clashes = [Message("row {row}: ticket {ticket} is already in this session", row=r.row, ticket=r.ticket)
                       for r in rows if r.ticket in existing]  # fmt: skip
            if clashes:
                shown = clashes[:10]
                if len(clashes) > 10:  # a long list says how many it does not name
                    shown.append(Message("and {count} more", count=len(clashes) - 10))
                raise Conflict("{file}: nothing imported; {clashes}", file=source, clashes=shown)
            for r in rows:
                s.add(
                    Candidate(
                        session_id=session_id, ticket=r.ticket, name=r.name, id_number=r.id_number,
                        id_index=self.db.cipher.blind_index(r.id_number, b"id_number"), photo=r.photo,
                        anonymous_code=secrets.token_hex(4).upper(),
                    )
                )  # fmt: skip
            s.flush()
            self._check_review_time(s, session_id)
            return len(rows)

    def roster(self, actor: Actor, session_id: int) -> list[RosterEntry]:
        """The session's candidates by ticket, and their paper once prepared: for the admin (who
        imported them and prepares the papers) and the session's proctors. No live state, no ID."""
        require_role(actor, "admin", "proctor")
        with self.db.reader() as s:
            if actor.role != "admin":
                require_duty(s, actor, session_id, "proctor")
            else:
                self._session_in(s, session_id)
            rows = s.execute(
                select(Candidate.id, Candidate.ticket, Candidate.name, Attempt.id)
                .outerjoin(Attempt, Attempt.candidate_id == Candidate.id)
                .where(Candidate.session_id == session_id).order_by(Candidate.ticket, Candidate.id)
            ).all()  # fmt: skip
        return [RosterEntry(cid, ticket, name, aid) for cid, ticket, name, aid in rows]

    def prepare_attempt(self, actor: Actor, candidate_id: int, content: dict[str, Any], duration_seconds: float) -> int:
        """Fix the candidate's paper (the content snapshot, keys included) and open an attempt."""
        require_role(actor, "admin", "proctor")
        with self.action(actor, "attempt.prepare", f"candidate:{candidate_id}", {"seed": content.get("seed")}) as s:
            candidate = self._candidate(s, candidate_id)
            if actor.role != "admin":
                require_duty(s, actor, candidate.session_id, "proctor")
            paper = PaperInstance(
                session_id=candidate.session_id, candidate_id=candidate_id, seed=content.get("seed", ""),
                content=content, slots=len(content.get("items", [])), scoring=scoring_view(content),
            )  # fmt: skip
            s.add(paper)
            s.flush()
            attempt = Attempt(
                session_id=candidate.session_id, candidate_id=candidate_id, paper_id=paper.id,
                duration_seconds=duration_seconds + candidate.extra_seconds,
            )  # fmt: skip
            s.add(attempt)
            s.flush()
            return attempt.id

    # -- the start ------------------------------------------------------------------------------

    def record_surveillance(self, actor: Actor, session_id: int, reason: str) -> None:
        """Record that a theory room is under full electronic surveillance (全方位电子监控), and why.
        Where the standard allows it (4-07-03-01 1.9.3: 实行全方位电子监控的考场可适当降低监考人员比例)
        the start then no longer asks for 1 proctor per 15 candidates; 2 per room still hold."""
        require_role(actor, "admin")
        reason = reason.strip()
        if not reason:
            raise ServiceError("a reason is required to record electronic surveillance")
        with self.action(actor, "session.surveillance", f"session:{session_id}", {"reason": reason}) as s:
            session = self._session_in(s, session_id, "scheduled")
            if session.part != Part.THEORY:
                raise ServiceError("electronic surveillance relaxes only a theory room's proctor ratio")
            std, lv = self._rules(session.standard, session.level, session.subtype)
            if not std.staffing_for(lv).surveillance_relaxes_ratio:
                source = cite(std, STAFFING_SECTION, "staffing", lv, Part.THEORY)
                raise ServiceError("{source}: the standard does not lower the proctor ratio for electronic "
                                   "surveillance", source=source)  # fmt: skip
            session.surveillance_reason = reason

    def start_findings(self, s: Session, session: ExamSession) -> list[Finding]:
        """What the standard and the drawn tasks say against starting `session` (the date aside)."""
        std, lv = self._rules(session.standard, session.level, session.subtype)
        part = Part(session.part)
        candidates = s.scalar(select(func.count()).select_from(Candidate).where(Candidate.session_id == session.id))
        duties = dict(
            s.execute(
                select(SessionStaff.duty, func.count()).join(User, User.id == SessionStaff.user_id)
                .where(SessionStaff.session_id == session.id, User.active.is_(True))  # a deactivated one is nobody
                .group_by(SessionStaff.duty)
            ).all()
        )  # fmt: skip
        findings = check_session(
            std, lv, part, candidates=candidates or 0, minutes=session.duration_minutes,
            proctors=duties.get("proctor", 0),
            examiners=duties.get("review" if part is Part.REVIEW else "examiner", 0),
            surveilled=bool(session.surveillance_reason),
        )  # fmt: skip
        if part is Part.REVIEW and not any(f.rule == "review_not_required" for f in findings):
            panel = select(SessionStaff.user_id).where(SessionStaff.session_id == session.id,
                                                       SessionStaff.duty == "review")  # fmt: skip
            chief_members = s.scalar(select(func.count()).select_from(User).where(User.id.in_(panel),
                                                                                   User.role == "chief"))  # fmt: skip
            findings += check_review_chair(std, lv, review_chairs(duties.get("chief", 0), chief_members or 0))
        if part is Part.SKILL:
            contents = list(s.scalars(select(PaperInstance.content).where(PaperInstance.session_id == session.id)))
            findings += check_task_minutes(session.duration_minutes, [task_minutes(c) for c in contents])
            assigned: dict[int, set[str]] = {}
            for user_id, task in s.execute(select(ExaminerTask.user_id, ExaminerTask.task)
                                           .where(ExaminerTask.session_id == session.id)):  # fmt: skip
                assigned.setdefault(user_id, set()).add(task)
            examiners = s.scalars(select(SessionStaff.user_id).where(SessionStaff.session_id == session.id,
                                                                     SessionStaff.duty == "examiner"))  # fmt: skip
            findings = with_task_panels(findings, std, lv, examiners, {u: frozenset(t) for u, t in assigned.items()},
                                        [e["id"] for c in contents for e in c["items"] if e["type"] == "task"])
        return findings

    def minutes_to_start(self, actor: Actor, session_id: int) -> int:
        """How many minutes before its scheduled start the session is now, by the store's clock
        (0 when on time or late): the console asks before starting more than 30 minutes early."""
        require_role(actor, "proctor")
        with self.db.reader() as s:
            session = require_duty(s, actor, session_id, "proctor")
            now = self.db.clock.now().astimezone().replace(tzinfo=None)
            return minutes_early(session.scheduled_start, now)

    def start_session(self, actor: Actor, session_id: int, *, early_ok: bool = False) -> None:
        """Open the session and start its clock. Refused on another local date than the scheduled
        one, when the standard's staffing or time rules are not met, and more than 30 minutes
        before the scheduled time unless `early_ok` (the proctor confirmed; the audit records it)."""
        require_role(actor, "proctor")
        data: dict[str, Any] = {}
        with self.action(actor, "session.start", f"session:{session_id}", data) as s:
            require_duty(s, actor, session_id, "proctor")
            session = self._session_in(s, session_id, "scheduled")
            now = self.db.clock.now().astimezone().replace(tzinfo=None)  # the centre's local time
            dated = [f for f in check_start(session.code, session.scheduled_start, now) if f.rule == "start_date"]
            if dated:
                raise Conflict(refusal(dated))
            findings = self.start_findings(s, session)
            if findings:
                raise StandardRuleRefused(findings)
            early = check_start(session.code, session.scheduled_start, now, early_ok=early_ok)
            if early:
                raise EarlyStart(refusal(early))
            ahead = minutes_early(session.scheduled_start, now)
            if early_ok and ahead:
                data.update(early_ok=True, minutes_early=ahead)
            session.state = "open"
            self._time_event(s, session_id, None, TimeEventKind.START, actor)

    # -- the close ------------------------------------------------------------------------------

    def close_session(self, actor: Actor, session_id: int) -> dict[str, int]:
        """Close a session once every attempt in it is submitted or terminated.

        Candidates who never logged in are recorded as absent (缺考), and submitted theory papers
        that need no examiner are graded, in the same action. Returns what was done, by count.

        Everything is read in one read-only transaction and graded outside any lock; the write
        transaction only checks that nothing in the session changed since (else it reads again)
        and inserts the steps, results and the audit entry in bulk.
        """
        require_role(actor, "proctor")
        with self.db.reader() as s:
            require_duty(s, actor, session_id, "proctor")  # staff are assigned, never unassigned
        for _ in range(_CLOSE_TRIES):
            plan = self._closing_plan(session_id)
            done: dict[str, int] = {"absent": len(plan.absent)}
            if plan.grades is not None:
                done.update(plan.grades.counts())
            try:
                self._close_as_planned(actor, session_id, plan, done)
            except _Moved:
                continue  # an attempt moved on since the read (a late save, a login): read again
            return done
        raise Conflict("session {code} kept changing while it was being closed: close it again", code=plan.code)

    def _close_as_planned(self, actor: Actor, session_id: int, plan: _ClosingPlan, done: dict[str, int]) -> None:
        """The write transaction of closing: nothing else happens in it but checks and bulk inserts."""
        with self.action(actor, "session.close", f"session:{session_id}", done) as s:
            session = self._session_in(s, session_id, "open", refusal="session {code} is {state}, not open")
            if changes_since(s, plan.head, plan.scope):
                raise _Moved  # rolls the transaction back: no audit entry
            c = s.connection()
            if plan.absent:
                wall, mono = self.db.wall_now(), self.db.mono()
                c.execute(_ADD_STEP, [
                    {"attempt_id": a, "seq": 1, "kind": StepKind.SUBMIT.value, "slot": None,
                     "data": RowBound({"reason": ABSENT}, step_row(a, 1)), "actor": actor.label,
                     "epoch": self.db.epoch, "mono": mono, "wall": wall}
                    for a in plan.absent
                ])  # fmt: skip
                c.execute(_ADD_TIME_EVENT, [
                    {"session_id": session_id, "attempt_id": a, "kind": TimeEventKind.SUBMIT.value,
                     "epoch": self.db.epoch, "mono": mono, "seconds": 0.0, "reason": ABSENT, "actor": actor.label,
                     "wall": wall}
                    for a in plan.absent
                ])  # fmt: skip
            if plan.grades is not None:
                write_grades(c, self.db, actor, session.part, plan.grades.grades)
            session.state = "closed"

    def _closing_plan(self, session_id: int) -> _ClosingPlan:
        """What closing will write, from one snapshot: who is absent, and the grades."""
        with gc_paused(), snapshot(self.db) as s:
            session = self._session_in(s, session_id, "open", refusal="session {code} is {state}, not open")
            head = audit_head(s)
            attempts = dict(s.execute(select(Attempt.id, Attempt.candidate_id)
                                      .where(Attempt.session_id == session_id)).all())  # fmt: skip
            in_session = select(Attempt.id).where(Attempt.session_id == session_id)
            theory = session.part == Part.THEORY  # graded here (answer sheets or whole logs); else how they ended
            logs = read_for_grading(s, in_session) if theory else read_logs(s, in_session, kinds=(StepKind.SUBMIT,))
            came = set(s.scalars(select(StationLogin.candidate_id).where(StationLogin.candidate_id.in_(
                select(Attempt.candidate_id).where(Attempt.session_id == session_id)))))  # fmt: skip
            still_open = [a for a in attempts if not logs[a].submitted]
            absent = sorted(a for a in still_open if attempts[a] not in came and not logs[a].began)
            if len(still_open) > len(absent):
                raise Conflict(
                    "{count} attempt(s) are still open: submit or terminate them first",
                    count=len(still_open) - len(absent),
                )
            grades = None
            if theory:
                grades = grade_closed_theory_from(s, session_id, session.part, absent, logs)
        return _ClosingPlan(session.code, head, Scope.of(session_id, attempts, attempts.values()), absent, grades)

