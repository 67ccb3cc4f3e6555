"""Scoring: objective grading, examiners' rubric scores (blind), arbitration, part results.

Examiners see candidates only by anonymous code. Each examiner scores each task once, point by
point within the rubric's bounds; the task's score is the mean of the examiners' totals, and a
spread above the threshold needs the chief examiner's arbitration before the result is final.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, insert, select

from app.api.types import (
    ALREADY,
    FINALIZED,
    NOT_READY,
    OPEN,
    CandidateFinal,
    FinalizeAllSummary,
    QuestionWait,
    WorkItem,
)
from app.banks.catalog import Catalog
from app.domain.answers import LIVE_MODES
from app.domain.attempt_state import StepKind
from app.domain.blueprint import MultipleCredit
from app.domain.items import Item, ItemType, TaskMode
from app.domain.scoring import aggregate_examiner_scores, score_objective, stated
from app.domain.staffing import (
    check_observed_group,
    check_skill_examiners,
    refusal,
    scores_task,
    task_examiners,
    with_task_panels,
)
from app.domain.standards import Level, Part, Standard
from app.errors import UserFacingError
from app.services.answer_log import Logs, read_log, read_logs
from app.services.base import (
    Actor,
    Conflict,
    NotFound,
    PermissionDenied,
    Service,
    ServiceError,
    require_duty,
    require_role,
    unfrozen_session,
)
from app.services.live_scoring import group_of, groups_in, require_observer
from app.services.snapshot import Scope, audit_head, changes_since, snapshot
from app.store.database import Database
from app.store.models import (
    Attempt,
    AttemptStep,
    Candidate,
    ExaminerScore,
    ExaminerTask,
    ExamSession,
    PaperInstance,
    Result,
    SessionStaff,
    User,
)
from app.store.types import RowBound, step_row

ARBITRATION = "arbitration"
ABSENT = "absent"  # the submit reason of an attempt whose candidate never came
DEFAULT_SPREAD_THRESHOLD = Decimal(15)  # points of a task's total, out of the task's maximum



def _item_from_content(entry: dict[str, Any]) -> Item:
    kind = ItemType(entry["type"])
    key: Any = entry["key"]
    if kind is ItemType.MULTIPLE:
        key = tuple(key)
    elif kind is ItemType.FILL:
        key = tuple(tuple(blank) for blank in key)
    return Item(
        id=entry["id"], type=kind, area=entry["area"], code="", levels=(), difficulty=3,
        points=Decimal(entry["points"]), stem=entry.get("stem", ""),
        options=tuple((label, text) for label, text in entry.get("options", [])), key=key,
    )  # fmt: skip


def _response(kind: ItemType, value: Any) -> Any:
    if kind is ItemType.MULTIPLE and isinstance(value, list):
        return set(value)
    return value


def objective_grade(
    content: dict[str, Any], answers: dict[int, Any], ended: str | None,
    multiple_credit: MultipleCredit | None = None, items: list[tuple[int, Item]] | None = None,
) -> tuple[Decimal, dict[str, Any]] | None:  # fmt: skip
    """The score and per-area detail of a submitted paper whose questions are all objective, from
    its last saved answers and how it ended; None for a candidate who never came (no result).
    Pure arithmetic: callers read first and write the GRADE step and result afterwards. `items`:
    the paper's `scoring_items`, when the caller has them already."""
    credit = multiple_credit or MultipleCredit(content.get("multiple_credit", MultipleCredit.ALL_OR_NOTHING.value))
    if ended is None:
        raise Conflict("the attempt is still open")
    if ended == ABSENT:
        return None
    per_area: dict[str, Decimal | bool]
    total, per_area = Decimal(0), {}
    for slot, item in scoring_items(content) if items is None else items:
        if item.type in _WRITTEN:
            raise Conflict("this paper has examiner-scored items; score them before grading")
        earned = score_objective(item, _response(item.type, answers.get(slot)), None, credit)
        total += earned
        per_area[item.area] = per_area.get(item.area, Decimal(0)) + earned
    if ended == "terminated":  # misconduct voids the paper
        total, per_area = Decimal(0), {"terminated": True}
    detail = {a: v if isinstance(v, bool) else str(v) for a, v in per_area.items()}
    return stated(total), detail


def _hashable(value: Any) -> Any:
    return tuple(_hashable(v) for v in value) if isinstance(value, list) else value


def scoring_items(content: dict[str, Any], cache: dict[Any, Item] | None = None) -> list[tuple[int, Item]]:
    """(slot, what scoring needs of the entry: type, area, points, key) for each entry of a paper.
    `cache` shares one Item between equal entries of many papers (the papers of a session)."""
    if cache is None:
        return [(entry["slot"], _item_from_content(entry)) for entry in content["items"]]
    out = []
    for entry in content["items"]:
        key = entry["key"]
        key = _hashable(key) if type(key) is list else key
        ident = (entry["id"], entry["type"], entry["area"], entry["points"], key)
        item = cache.get(ident)
        if item is None:
            item = cache[ident] = _item_from_content({**entry, "stem": "", "options": []})
        out.append((entry["slot"], item))
    return out


def grade_objective_in(
    s: Any, db: Database, actor: Actor, attempt: Attempt, multiple_credit: MultipleCredit | None = None
) -> Decimal | None:
    """Grade a submitted attempt inside the caller's transaction: a GRADE step and the part's
    result. None for an attempt closed because the candidate never came (no result is written)."""
    session = s.get(ExamSession, attempt.session_id)
    content = s.get(PaperInstance, attempt.paper_id).content
    log = read_log(s, attempt.id)
    if log.graded:
        raise Conflict("the attempt is already graded")
    grade = objective_grade(content, log.answers, log.ended, multiple_credit)
    if grade is None:
        return None
    score, detail = grade
    s.add(
        AttemptStep(
            attempt_id=attempt.id, seq=log.last_seq + 1, kind=StepKind.GRADE.value, slot=None,
            data=RowBound({"score": str(score)}, step_row(attempt.id, log.last_seq + 1)), actor=actor.label,
            epoch=db.epoch, mono=db.mono(), wall=db.wall_now(),
        )
    )  # fmt: skip
    store_result(s, db, attempt.candidate_id, session.part, score, detail)
    return score


@dataclass(frozen=True)
class Grade:
    """A graded paper, computed from a snapshot and not yet written."""

    attempt_id: int
    candidate_id: int
    seq: int  # the GRADE step's sequence number: the attempt's last step + 1
    score: Decimal
    detail: dict[str, Any]


@dataclass(frozen=True)
class ClosingGrades:
    grades: list[Grade]
    for_examiners: int  # papers with written answers: the examiners score them

    def counts(self) -> dict[str, int]:
        return {"graded": len(self.grades), "for_examiners": self.for_examiners}


_WRITTEN = frozenset(t for t in ItemType if t.examiner_scored)
_SUBMITS = (StepKind.SUBMIT,)  # how an attempt ended is all some reads need of its log


def grade_closed_theory_from(s: Any, session_id: int, part: str, absent: Iterable[int], logs: Logs) -> ClosingGrades:
    """At closing, computed from the caller's (read-only) snapshot, nothing written: the grade of
    every submitted theory attempt of the session whose paper is all objective and not graded yet.
    `absent`: attempts about to be closed as absent (they get no result); `logs`: the session's
    attempts' whole logs (`read_logs`). Papers with written answers wait for the examiners."""
    absent = set(absent)
    attempts = s.execute(
        select(Attempt.id, Attempt.candidate_id, Attempt.paper_id)
        .where(Attempt.session_id == session_id).order_by(Attempt.id)
    ).all()  # fmt: skip
    waiting = [a for a in attempts if not logs[a.id].graded]
    contents = papers_for_grading(s, select(Attempt.paper_id).where(Attempt.session_id == session_id))
    recorded = set(s.scalars(select(Result.candidate_id).where(
        Result.part == part, Result.candidate_id.in_(select(Attempt.candidate_id).where(
            Attempt.session_id == session_id)))))  # fmt: skip
    grades: list[Grade]
    cache: dict[Any, Item]
    grades, for_examiners, cache = [], 0, {}
    for attempt_id, candidate_id, paper_id in waiting:
        content = contents[paper_id]
        scoring = scoring_items(content, cache)
        if any(item.type in _WRITTEN for _slot, item in scoring):
            for_examiners += 1
            continue
        log = logs[attempt_id]
        how = ABSENT if attempt_id in absent else log.ended
        grade = objective_grade(content, log.answers, how, items=scoring)
        if grade is None:
            continue
        if candidate_id in recorded:
            raise Conflict("the {part} result is already recorded", part=part)
        grades.append(Grade(attempt_id, candidate_id, log.last_seq + 1, *grade))
    return ClosingGrades(grades, for_examiners)


def papers_for_grading(s: Any, paper_ids: Any) -> dict[int, dict[str, Any]]:
    """Paper id -> what grading reads of it (`scoring_view`): stored with the paper when it was
    drawn; the whole content for a paper drawn before that (revision 0011), which grades the same."""
    out = dict(s.execute(select(PaperInstance.id, PaperInstance.scoring).where(PaperInstance.id.in_(paper_ids))).all())
    if any(view is None for view in out.values()):
        older = select(PaperInstance.id, PaperInstance.content).where(PaperInstance.scoring.is_(None))
        out.update(s.execute(older.where(PaperInstance.id.in_(paper_ids))).all())
    return out


def write_grades(c: Connection, db: Database, actor: Actor, part: str, grades: list[Grade]) -> None:
    """The GRADE steps and results of `grades`, in the caller's write transaction: two bulk inserts."""
    if not grades:
        return
    wall, mono = db.wall_now(), db.mono()
    c.execute(insert(AttemptStep), [
        {"attempt_id": g.attempt_id, "seq": g.seq, "kind": StepKind.GRADE.value, "slot": None,
         "data": RowBound({"score": str(g.score)}, step_row(g.attempt_id, g.seq)), "actor": actor.label,
         "epoch": db.epoch, "mono": mono, "wall": wall}
        for g in grades
    ])  # fmt: skip
    # whether it passes is the standard's pass mark's to decide, when results are read
    c.execute(insert(Result), [
        {"candidate_id": g.candidate_id, "part": part, "wall": wall,
         "outcome": {"score": str(g.score), "detail": g.detail}}
        for g in grades
    ])  # fmt: skip


def store_result(s: Any, db: Database, candidate_id: int, part: str, score: Decimal, detail: dict[str, Any]) -> None:
    if s.scalar(select(Result).where(Result.candidate_id == candidate_id, Result.part == part)):
        raise Conflict("the {part} result is already recorded", part=part)
    s.add(
        Result(
            candidate_id=candidate_id, part=part, wall=db.wall_now(),
            # whether it passes is the standard's pass mark's to decide, when results are read
            outcome={"score": str(score), "detail": detail},
        )
    )  # fmt: skip


@dataclass(frozen=True)
class _FinalizePlan:
    code: str
    part: str
    head: int  # the audit head of the snapshot it was read from
    scope: Scope
    summary: FinalizeAllSummary
    results: list[tuple[int, Decimal, dict[str, Any]]]  # (candidate, score, detail) to record


class _Moved(Exception):
    """Something finalizing relied on changed between its read and its write."""


_FINALIZE_TRIES = 3


def examined_result(
    content: dict[str, Any], answers: dict[int, Any], ended: str, rows: Iterable[ExaminerScore],
    examiners: set[int], spread_threshold: Decimal, assigned: dict[int, frozenset[str]] | None = None,
    observers: set[int] | None = None,
) -> tuple[Decimal, dict[str, Any], list[QuestionWait]]:  # fmt: skip
    """The part's score and per-area detail of a submitted paper with examiner-scored questions,
    from its answers and the examiners' scores; or the questions it still waits for (score 0).
    Each such question counts `points x examiners' score / rubric maximum` (the chief's score
    where examiners disagree beyond the threshold); objective questions are scored by the key.
    `assigned`: per-task duties (examiner -> the tasks they score); a question is scored by the
    examiners of its task. `observers`: the examiners of the candidate's observation group, who
    score its observed tasks."""
    rows = list(rows)
    credit = MultipleCredit(content.get("multiple_credit", MultipleCredit.ALL_OR_NOTHING.value))
    per_area: dict[str, Decimal] = {}
    waiting: list[QuestionWait] = []
    total = Decimal(0)
    for entry in content["items"]:
        slot, weight = entry["slot"], Decimal(entry["points"])
        if "rubric" not in entry:  # an objective question of a theory paper
            item = _item_from_content(entry)
            earned = score_objective(item, _response(item.type, answers.get(slot)), None, credit)
            total += earned
            per_area[entry["area"]] = per_area.get(entry["area"], Decimal(0)) + earned
            continue
        maximum = sum((Decimal(m) for _, m in entry["rubric"]), Decimal(0))
        on_task = task_examiners(examiners, assigned or {}, entry["id"])
        # an observed task is scored by the examiners of the candidate's observation group
        scorers = observers if observers is not None and entry.get("mode") == TaskMode.OBSERVED.value else on_task
        totals = [
            sum((Decimal(v) for v in r.scores.values()), Decimal(0))
            for r in rows if r.target == f"slot:{slot}" and r.examiner_id in scorers
        ]  # fmt: skip
        if len(totals) < len(scorers):
            waiting.append(QuestionWait(slot, "examiners", scored=len(totals), needed=len(scorers)))
            continue
        agg = aggregate_examiner_scores(totals, spread_threshold=spread_threshold * maximum / 100)
        task_score = agg.score
        if agg.needs_arbitration:
            chief = [r for r in rows if r.target == f"slot:{slot}:{ARBITRATION}"]
            if not chief:
                waiting.append(QuestionWait(slot, "arbitration", totals=tuple(totals), spread=agg.spread))
                continue
            task_score = sum((Decimal(v) for v in chief[-1].scores.values()), Decimal(0))
        earned = weight * task_score / maximum
        total += earned
        per_area[entry["area"]] = per_area.get(entry["area"], Decimal(0)) + earned
    detail: dict[str, Any] = {area: str(stated(v)) for area, v in per_area.items()}
    if ended == "terminated":  # misconduct voids the paper
        total, detail = Decimal(0), {"terminated": True}
    return stated(total), detail, waiting


def _per_point(row: ExaminerScore, points: int) -> tuple[str, ...]:
    """One examiner's scores in rubric order, as text ("" for a point without one)."""
    return tuple(str(row.scores.get(str(index), "")) for index in range(points))


class ScoringService(Service):
    def __init__(self, db: Database, catalog: Catalog):
        super().__init__(db)
        self.catalog = catalog

    def _rules_of(self, session: ExamSession) -> tuple[Standard, Level]:
        std = self.catalog.standard(session.standard)
        return std, self.catalog.level(std, session.level, session.subtype)

    def _on_duty(self, s: Any, session_id: int, duty: str) -> set[int]:
        """The users assigned to a session with one duty."""
        return set(s.scalars(select(SessionStaff.user_id).where(SessionStaff.session_id == session_id,
                                                                SessionStaff.duty == duty)))  # fmt: skip

    @staticmethod
    def _assigned_tasks(s: Any, session_id: int) -> dict[int, frozenset[str]]:
        """Per-task duties of the session: examiner -> the skill tasks they score (examiners not
        listed score every task)."""
        out: dict[int, set[str]] = {}
        for user_id, task in s.execute(select(ExaminerTask.user_id, ExaminerTask.task)
                                       .where(ExaminerTask.session_id == session_id)):  # fmt: skip
            out.setdefault(user_id, set()).add(task)
        return {user: frozenset(tasks) for user, tasks in out.items()}

    def _require_task(self, s: Any, actor: Actor, session_id: int, entry: dict[str, Any]) -> None:
        """An examiner with per-task duties reads and scores only their tasks; the chief, every task."""
        if actor.role == "chief" and s.scalar(select(SessionStaff.id).where(
                SessionStaff.session_id == session_id, SessionStaff.user_id == actor.id,
                SessionStaff.duty == "chief")) is not None:  # fmt: skip
            return
        if not scores_task(actor.id, entry["id"], self._assigned_tasks(s, session_id)):
            raise PermissionDenied("skill task {task} is not among the tasks assigned to you", task=entry["id"])

    def assign_examiner_tasks(self, actor: Actor, session_id: int, user_id: int, tasks: list[str]) -> None:
        """The skill tasks an examiner of a skill session scores; an empty list: every task. The
        tasks are those the banks hold for the session's level. Refused once the examiner has
        scored in the session (the panels the scores were given in would change)."""
        require_role(actor, "admin")
        wanted = sorted(set(tasks))
        with self.action(actor, "session.examiner_tasks", f"session:{session_id}",
                         {"user": user_id, "tasks": wanted}) as s:  # fmt: skip
            session = unfrozen_session(s, session_id)
            if session.part != Part.SKILL.value:
                raise Conflict("session {code} is not a skill assessment: its examiners have no tasks to divide",
                               code=session.code)  # fmt: skip
            if s.scalar(select(SessionStaff.id).where(SessionStaff.session_id == session_id,
                                                      SessionStaff.user_id == user_id,
                                                      SessionStaff.duty == "examiner")) is None:  # fmt: skip
                raise Conflict("user {user} is not an examiner of session {code}", user=user_id, code=session.code)
            std, level = self._rules_of(session)
            known = {task.id for task in self.catalog.banks.tasks_for(std.code, session.subtype, level.level)}
            unknown = [task for task in wanted if task not in known]
            if unknown:
                raise ServiceError("no skill task {task} for session {code}", task=unknown[0], code=session.code)
            in_session = select(Attempt.id).where(Attempt.session_id == session_id)
            if s.scalar(select(ExaminerScore.id).where(ExaminerScore.examiner_id == user_id,
                                                       ExaminerScore.attempt_id.in_(in_session)).limit(1)):  # fmt: skip
                raise Conflict("user {user} has already scored in this session: the tasks stay", user=user_id)
            for row in s.scalars(select(ExaminerTask).where(ExaminerTask.session_id == session_id,
                                                            ExaminerTask.user_id == user_id)):  # fmt: skip
                s.delete(row)
            s.flush()
            s.add_all(ExaminerTask(session_id=session_id, user_id=user_id, task=task) for task in wanted)

    def session_skill_tasks(self, actor: Actor, session_id: int) -> list[tuple[str, str, str]]:
        """(task id, area, title) of the skill tasks the banks hold for a skill session's level."""
        require_role(actor, "admin")
        with self.db.reader() as s:
            session = s.get(ExamSession, session_id)
            if session is None:
                raise NotFound("no session {session}", session=session_id)
        if session.part != Part.SKILL.value:
            return []
        std, level = self._rules_of(session)
        return [(task.id, task.area, task.title) for task in self.catalog.banks.tasks_for(std.code, session.subtype,
                                                                                         level.level)]  # fmt: skip

    def examiner_tasks(self, actor: Actor, session_id: int) -> list[tuple[int, str]]:
        """(examiner's user id, task id) of the session's per-task duties."""
        require_role(actor, "admin", "chief")
        with self.db.reader() as s:
            if actor.role != "admin":
                require_duty(s, actor, session_id, "chief")
            rows = s.execute(select(ExaminerTask.user_id, ExaminerTask.task)
                             .where(ExaminerTask.session_id == session_id)
                             .order_by(ExaminerTask.user_id, ExaminerTask.task)).all()  # fmt: skip
        return [(user_id, task) for user_id, task in rows]

    def assign_staff(self, actor: Actor, session_id: int, user_id: int, duty: str) -> None:
        require_role(actor, "admin")
        if duty not in ("proctor", "examiner", "chief", "review"):
            raise ServiceError("unknown duty {duty}", duty=repr(duty))
        with self.action(actor, "session.assign", f"session:{session_id}", {"user": user_id, "duty": duty}) as s:
            unfrozen_session(s, session_id)
            user = s.get(User, user_id)
            if user is None:
                raise NotFound("no user {user}", user=user_id)
            if not user.active:
                raise Conflict("account {user} is deactivated: reactivate it before giving it a duty",
                               user=repr(user.username))  # fmt: skip
            if s.scalar(
                select(SessionStaff).where(
                    SessionStaff.session_id == session_id, SessionStaff.user_id == user_id, SessionStaff.duty == duty
                )
            ):
                raise Conflict("user {user} already has the duty {duty} in this session",
                               user=user_id, duty=duty)  # fmt: skip
            s.add(SessionStaff(session_id=session_id, user_id=user_id, duty=duty))

    def unassign_staff(self, actor: Actor, session_id: int, user_id: int, duty: str) -> None:
        """Take a duty in a session from someone (a plan changed, a name chosen by mistake). Refused
        once the session is closed, and for an examiner who has already scored in it (their scores
        count towards the results of the examiners on duty)."""
        require_role(actor, "admin")
        with self.action(actor, "session.unassign", f"session:{session_id}", {"user": user_id, "duty": duty}) as s:
            unfrozen_session(s, session_id)
            row = s.scalar(
                select(SessionStaff).where(
                    SessionStaff.session_id == session_id, SessionStaff.user_id == user_id, SessionStaff.duty == duty
                )
            )
            if row is None:
                raise NotFound("user {user} has no duty {duty} in this session", user=user_id, duty=duty)
            if duty in ("examiner", "chief"):
                in_session = select(Attempt.id).where(Attempt.session_id == session_id)
                mine = (ExaminerScore.examiner_id == user_id, ExaminerScore.attempt_id.in_(in_session))
                scored = s.scalar(select(ExaminerScore.id).where(*mine).limit(1))
                if scored is not None:
                    raise Conflict("user {user} has already scored in this session: the duty stays", user=user_id)
            if duty == "examiner":
                for task in s.scalars(select(ExaminerTask).where(ExaminerTask.session_id == session_id,
                                                                 ExaminerTask.user_id == user_id)):  # fmt: skip
                    s.delete(task)
            s.delete(row)

    def session_staff(self, actor: Actor, session_id: int) -> list[tuple[int, str]]:
        """(user id, duty) of everyone assigned to a session."""
        require_role(actor, "admin", "proctor", "chief")
        with self.db.reader() as s:
            if actor.role != "admin":  # a proctor or chief examiner of this session
                require_duty(s, actor, session_id, actor.role)
            rows = s.execute(
                select(SessionStaff.user_id, SessionStaff.duty)
                .where(SessionStaff.session_id == session_id).order_by(SessionStaff.id)
            ).all()  # fmt: skip
        return [(user_id, duty) for user_id, duty in rows]

    def session_level(self, actor: Actor, session_id: int) -> tuple[str, bool]:
        """For the session's examiners and review panel: (the level's name as its standard prints it,
        whether the level requires a comprehensive review); ("", False) when this centre no longer
        knows the session's standard (the screen shows the level's code)."""
        require_role(actor, "examiner", "chief")
        with self.db.reader() as s:
            session = require_duty(s, actor, session_id, "examiner", "chief", "review")
            try:
                _std, level = self._rules_of(session)
            except UserFacingError:
                return "", False
        return level.name, level.review_required

    # -- theory ----------------------------------------------------------------------------

    def grade_objective(self, actor: Actor, attempt_id: int, multiple_credit: MultipleCredit | None = None) -> Decimal:
        """Score a submitted theory attempt's objective items; the result is final for that part.
        Multiple-choice credit follows the paper's blueprint unless `multiple_credit` is given."""
        require_role(actor, "admin", "proctor", "chief", "system")
        with self.action(actor, "result.grade_objective", f"attempt:{attempt_id}", {"credit": multiple_credit}) as s:
            attempt = s.get(Attempt, attempt_id)
            if attempt is None:
                raise NotFound("no attempt {attempt}", attempt=attempt_id)
            unfrozen_session(s, attempt.session_id)
            if actor.role in ("proctor", "chief"):  # of this session
                require_duty(s, actor, attempt.session_id, actor.role)
            score = grade_objective_in(s, self.db, actor, attempt, multiple_credit)
            if score is None:
                raise Conflict("the candidate was absent: there is nothing to grade")
            return score

    # -- skill tasks -----------------------------------------------------------------------

    def worklist(self, actor: Actor, session_id: int) -> list[WorkItem]:
        """An examiner's tasks by anonymous code, never by name, with what the caller submitted for
        each; for the chief also every examiner's scores per rubric point, which questions need
        arbitration and which papers are finalized."""
        require_role(actor, "examiner", "chief")
        with self.db.reader() as s:
            require_duty(s, actor, session_id, "examiner", "chief")
            session = s.get(ExamSession, session_id)
            assert session is not None  # require_duty found its staff
            in_session = select(Attempt.id).where(Attempt.session_id == session_id)
            rows = list(s.scalars(select(ExaminerScore).where(ExaminerScore.attempt_id.in_(in_session))
                                  .order_by(ExaminerScore.id)))  # fmt: skip
            chief = actor.role == "chief"
            examiners = self._on_duty(s, session_id, "examiner")
            assigned = self._assigned_tasks(s, session_id)
            arbiter = actor.id in self._on_duty(s, session_id, "chief")  # sees every task
            names = {u.id: u.display_name for u in s.scalars(select(User).where(User.id.in_(examiners)))}
            recorded: dict[int, str] = {}
            if chief:
                sitting = select(Attempt.candidate_id).where(Attempt.session_id == session_id)
                for result in s.scalars(select(Result).where(Result.part == session.part,
                                                             Result.candidate_id.in_(sitting))):  # fmt: skip
                    recorded[result.candidate_id] = str(result.outcome["score"])
            logs = read_logs(s, in_session, kinds=_SUBMITS)
            observers_of = {c: set(g.members.get("examiners", [])) for g in groups_in(s, session_id)
                            for c in g.members.get("candidates", [])} if chief else {}  # fmt: skip
            out = []
            for attempt, candidate, code, content in s.execute(
                select(Attempt.id, Attempt.candidate_id, Candidate.anonymous_code, PaperInstance.content)
                .join(Candidate, Candidate.id == Attempt.candidate_id)
                .join(PaperInstance, PaperInstance.id == Attempt.paper_id)
                .where(Attempt.session_id == session_id)
                .order_by(Candidate.anonymous_code)
            ):
                ended = logs[attempt].ended
                if ended == ABSENT:  # nothing to score, ever
                    continue
                for entry in content["items"]:
                    if entry["type"] not in ("task", "short", "case"):
                        continue
                    if not arbiter and not scores_task(actor.id, entry["id"], assigned):
                        continue  # per-task duties: another examiner's task
                    if ended is None and entry.get("mode") not in LIVE_MODES:  # written: once handed in
                        continue
                    title, _, instructions = entry["stem"].partition("\n")
                    rubric = tuple((point, maximum) for point, maximum in entry.get("rubric", []))
                    target = f"slot:{entry['slot']}"
                    on_slot = [r for r in rows if r.attempt_id == attempt and r.target == target]
                    mine = next((r for r in on_slot if r.examiner_id == actor.id), None)
                    if chief and rubric:
                        mine = next((r for r in reversed(rows) if r.attempt_id == attempt and r.examiner_id == actor.id
                                     and r.target == f"{target}:{ARBITRATION}"), mine)  # fmt: skip
                    extra: dict[str, Any] = {}
                    if chief:
                        scorers = task_examiners(examiners, assigned, entry["id"])
                        if entry.get("mode") == TaskMode.OBSERVED.value and candidate in observers_of:
                            scorers = observers_of[candidate]  # an observed task: the candidate's group
                        scored = [r for r in on_slot if r.examiner_id in scorers]
                        extra["examiner_scores"] = tuple(
                            (names.get(r.examiner_id, str(r.examiner_id)), _per_point(r, len(rubric))) for r in scored
                        )
                        extra["final_score"] = recorded.get(candidate)
                        if rubric and len(scored) >= len(scorers) and candidate not in recorded:
                            maximum = sum((Decimal(m) for _, m in rubric), Decimal(0))
                            totals = [sum((Decimal(v) for v in r.scores.values()), Decimal(0)) for r in scored]
                            agg = aggregate_examiner_scores(
                                totals, spread_threshold=DEFAULT_SPREAD_THRESHOLD * maximum / 100
                            )
                            arbitrated = any(r.attempt_id == attempt and r.target == f"{target}:{ARBITRATION}"
                                             for r in rows)  # fmt: skip
                            extra["needs_arbitration"] = agg.needs_arbitration and not arbitrated
                    out.append(
                        WorkItem(
                            attempt, code, entry["slot"], title, instructions, rubric, mine is not None,
                            my_scores=_per_point(mine, len(rubric)) if mine is not None else (),
                            my_comment=(mine.comment or "") if mine is not None else "", **extra,
                            mode=entry.get("mode", TaskMode.WRITTEN.value), attempt_open=ended is None,
                        )
                    )  # fmt: skip
            return out

    def answer_for(self, actor: Actor, attempt_id: int, slot: int) -> Any:
        """What the candidate last saved for one question, for its examiners (no identity attached)."""
        require_role(actor, "examiner", "chief")
        with self.db.reader() as s:
            attempt = s.get(Attempt, attempt_id)
            if attempt is None:
                raise NotFound("no attempt {attempt}", attempt=attempt_id)
            require_duty(s, actor, attempt.session_id, "examiner", "chief")
            paper = s.get(PaperInstance, attempt.paper_id)
            entry = next((e for e in paper.content["items"] if e["slot"] == slot), None) if paper else None
            if entry is not None:
                self._require_task(s, actor, attempt.session_id, entry)
            log = read_log(s, attempt_id)
            if not log.submitted:
                raise Conflict("the attempt is still open")
            return log.answers.get(slot)

    def score_task(
        self, actor: Actor, attempt_id: int, slot: int, awarded: dict[int, Decimal], comment: str = "",
        *, arbitration: bool = False,
    ) -> Decimal:  # fmt: skip
        """One examiner's score for one task: points per rubric point, each within its bounds."""
        require_role(actor, "examiner", "chief")
        target = f"slot:{slot}" + (f":{ARBITRATION}" if arbitration else "")
        data = {"slot": slot, "awarded": {str(k): str(v) for k, v in awarded.items()}, "arbitration": arbitration}
        with self.action(actor, "score.task", f"attempt:{attempt_id}/{target}", data) as s:
            attempt = s.get(Attempt, attempt_id)
            if attempt is None:
                raise NotFound("no attempt {attempt}", attempt=attempt_id)
            unfrozen_session(s, attempt.session_id)
            if arbitration:
                require_duty(s, actor, attempt.session_id, "chief")
            require_duty(s, actor, attempt.session_id, "examiner", "chief")
            ended = read_log(s, attempt_id, kinds=_SUBMITS).ended
            paper = s.get(PaperInstance, attempt.paper_id)
            assert paper is not None  # attempt.paper_id is a foreign key (enforced)
            content = paper.content
            entry = next((e for e in content["items"] if e["slot"] == slot), None)
            live = entry is not None and entry.get("mode") in LIVE_MODES
            if ended is None and not live:  # observed and oral tasks are scored while the candidate performs
                raise Conflict("the attempt is still open")
            if ended == ABSENT:
                raise Conflict("the candidate was absent: there is nothing to grade")
            if entry is None or "rubric" not in entry:
                raise NotFound("question {n} has no rubric", n=slot + 1)
            if not arbitration:
                self._require_task(s, actor, attempt.session_id, entry)
            if live and not arbitration:
                require_observer(s, actor, attempt, entry)
            rubric = entry["rubric"]
            total = Decimal(0)
            for index in range(len(rubric)):
                if index not in awarded:
                    raise ServiceError("rubric point {n} ({point}) has no score", n=index + 1, point=rubric[index][0])
            for index, value in awarded.items():
                if not 0 <= index < len(rubric):
                    raise ServiceError("no rubric point {n}", n=index + 1)
                maximum = Decimal(rubric[index][1])
                if not Decimal(0) <= Decimal(value) <= maximum:
                    point = rubric[index][0]
                    raise ServiceError("rubric point {n} ({point}) allows 0..{maximum}, got {value}",
                                       n=index + 1, point=point, maximum=maximum, value=value)
                total += Decimal(value)
            already = s.scalar(
                select(ExaminerScore).where(
                    ExaminerScore.attempt_id == attempt_id, ExaminerScore.target == target,
                    ExaminerScore.examiner_id == actor.id,
                )
            )  # fmt: skip
            if already is not None:
                raise Conflict("you have already scored this task")
            s.add(
                ExaminerScore(
                    attempt_id=attempt_id, target=target, examiner_id=actor.id, wall=self.db.wall_now(),
                    scores={str(k): str(v) for k, v in awarded.items()}, comment=comment or None,
                )
            )  # fmt: skip
            return total

    def finalize(
        self, actor: Actor, attempt_id: int, *, spread_threshold: Decimal = DEFAULT_SPREAD_THRESHOLD,
    ) -> Decimal:  # fmt: skip
        """The part's result for a paper with examiner-scored questions: a skill assessment, or a
        theory paper with written answers (简答题, 案例分析题). Each such question counts
        `points x examiners' score / rubric maximum` (the chief's score where examiners disagree
        beyond the threshold); objective questions are scored from the answers by the paper's rules.
        A paper ended for misconduct scores 0.

        The examiners are the session's staff with the duty "examiner" (the chief arbitrates and
        does not count); every one of them must have scored each question. A skill session's
        examiners must meet the standard's 1.9.3 (at least 3, odd, 1 per N candidates); written
        answers of a theory paper need at least the standard's minimum of examiners."""
        require_role(actor, "chief", "admin")
        with self.action(actor, "result.finalize", f"attempt:{attempt_id}", {}) as s:
            attempt = s.get(Attempt, attempt_id)
            if attempt is None:
                raise NotFound("no attempt {attempt}", attempt=attempt_id)
            session = unfrozen_session(s, attempt.session_id)
            if actor.role == "chief":
                require_duty(s, actor, session.id, "chief")
            paper = s.get(PaperInstance, attempt.paper_id)
            assert paper is not None  # attempt.paper_id is a foreign key (enforced)
            content = paper.content
            examiners = self._on_duty(s, session.id, "examiner")
            assigned = self._assigned_tasks(s, session.id)
            self._check_examiners(s, session, examiners, assigned, [content])
            rows = s.scalars(select(ExaminerScore).where(ExaminerScore.attempt_id == attempt_id)).all()
            log = read_log(s, attempt_id)
            if log.ended is None:
                raise Conflict("the attempt is still open")
            if log.ended == ABSENT:
                raise Conflict("the candidate was absent: there is nothing to grade")
            group = group_of(s, session.id, attempt.candidate_id)
            observers = set(group.members.get("examiners", [])) if group is not None else None
            score, detail, waiting = examined_result(content, log.answers, log.ended, rows, examiners,
                                                     spread_threshold, assigned, observers)  # fmt: skip
            if waiting:
                raise Conflict("not ready: {waiting}", waiting=[w.message() for w in waiting])
            store_result(s, self.db, attempt.candidate_id, session.part, score, detail)
            return score

    def finalize_all(
        self, actor: Actor, session_id: int, *, spread_threshold: Decimal = DEFAULT_SPREAD_THRESHOLD,
    ) -> FinalizeAllSummary:  # fmt: skip
        """Finalize every paper of the session that is ready, as `finalize` would one by one, in one
        action with one audit entry that lists what was finalized and what was not, and why.

        The papers are those the examiners score (with a rubric question) that were submitted:
        already finalized ones are listed as such; those still open or waiting for examiners or
        for the chief's arbitration are listed with the questions they wait for. Candidates who
        never came have nothing to score and are not listed. Read in one snapshot, computed
        outside any lock, written in one short transaction that first checks nothing the
        snapshot relied on changed (else it reads again)."""
        require_role(actor, "chief", "admin")
        for _ in range(_FINALIZE_TRIES):
            plan = self._finalize_plan(actor, session_id, spread_threshold)
            try:
                with self.action(actor, "result.finalize_all", f"session:{session_id}", plan.summary.audit_data()) as s:
                    unfrozen_session(s, session_id)
                    if changes_since(s, plan.head, plan.scope):
                        raise _Moved  # rolls back: no audit entry
                    for candidate_id, score, detail in plan.results:
                        store_result(s, self.db, candidate_id, plan.part, score, detail)
            except _Moved:
                continue
            return plan.summary
        raise Conflict("session {code} kept changing while it was being finalized: finalize again", code=plan.code)

    def _finalize_plan(self, actor: Actor, session_id: int, spread_threshold: Decimal) -> _FinalizePlan:
        with snapshot(self.db) as s:
            session = s.get(ExamSession, session_id)
            if session is None:
                raise NotFound("no session {session}", session=session_id)
            if actor.role == "chief":
                require_duty(s, actor, session_id, "chief")
            unfrozen_session(s, session_id)
            head = audit_head(s)
            examiners = self._on_duty(s, session_id, "examiner")
            assigned = self._assigned_tasks(s, session_id)
            papers = s.execute(
                select(Attempt.id, Attempt.candidate_id, Candidate.anonymous_code, PaperInstance.content)
                .join(Candidate, Candidate.id == Attempt.candidate_id)
                .join(PaperInstance, PaperInstance.id == Attempt.paper_id)
                .where(Attempt.session_id == session_id)
                .order_by(Candidate.anonymous_code, Attempt.id)
            ).all()  # fmt: skip
            self._check_examiners(s, session, examiners, assigned, [p.content for p in papers])
            in_session = select(Attempt.id).where(Attempt.session_id == session_id)
            scores: dict[int, list[ExaminerScore]] = {}
            for row in s.scalars(select(ExaminerScore).where(ExaminerScore.attempt_id.in_(in_session))):
                scores.setdefault(row.attempt_id, []).append(row)
            sitting = select(Attempt.candidate_id).where(Attempt.session_id == session_id)
            recorded = set(s.scalars(select(Result.candidate_id).where(Result.part == session.part,
                                                                       Result.candidate_id.in_(sitting))))  # fmt: skip
            observers_of = {candidate: set(group.members.get("examiners", []))
                            for group in groups_in(s, session_id) for candidate in group.members.get("candidates", [])}
            examined = [p for p in papers if any("rubric" in entry for entry in p.content["items"])]
            logs = read_logs(s, [p.id for p in examined])  # the others are all objective: graded at closing
            outcomes, results = [], []
            for attempt_id, candidate_id, code, content in examined:
                answers, ended = logs[attempt_id].answers, logs[attempt_id].ended
                if ended == ABSENT:
                    continue
                if ended is None:
                    outcomes.append(CandidateFinal(attempt_id, code, OPEN))
                elif candidate_id in recorded:
                    outcomes.append(CandidateFinal(attempt_id, code, ALREADY))
                else:
                    score, detail, waiting = examined_result(content, answers, ended, scores.get(attempt_id, []),
                                                             examiners, spread_threshold, assigned,
                                                             observers_of.get(candidate_id))  # fmt: skip
                    if waiting:
                        outcomes.append(CandidateFinal(attempt_id, code, NOT_READY, waiting=tuple(waiting)))
                    else:
                        outcomes.append(CandidateFinal(attempt_id, code, FINALIZED, score))
                        results.append((candidate_id, score, detail))
            scope = Scope.of(session_id, [p[0] for p in papers], [p[1] for p in papers])
        return _FinalizePlan(session.code, session.part, head, scope, FinalizeAllSummary(session_id, tuple(outcomes)),
                             results)  # fmt: skip

    def _check_examiners(self, s: Any, session: ExamSession, on_duty: set[int], assigned: dict[int, frozenset[str]],
                         contents: Iterable[dict[str, Any]]) -> None:  # fmt: skip
        """Enough examiners for the session's part: the standard's 1.9.3 for a skill session, and
        with per-task duties for each task of these papers; for a theory paper's written answers,
        the standard's minimum number of examiners."""
        std, level = self._rules_of(session)
        examiners = len(on_duty)
        if session.part == Part.SKILL:
            candidates = len(set(s.scalars(select(Candidate.id).where(Candidate.session_id == session.id))))
            tasks = [e["id"] for c in contents for e in c["items"] if "rubric" in e]
            findings = with_task_panels(check_skill_examiners(std, level, candidates, examiners), std, level, on_duty,
                                        assigned, tasks)  # fmt: skip
            for group in groups_in(s, session.id):  # the ratio holds in each observation group too
                findings += check_observed_group(std, level, group.name, len(group.members.get("candidates", [])),
                                                 len(group.members.get("examiners", [])))  # fmt: skip
            if findings:
                raise Conflict(refusal(findings))
        elif examiners < std.staffing_for(level).min_examiners:
            raise Conflict("written answers are scored by at least {least} examiners, this session has {actual}",
                           least=std.staffing_for(level).min_examiners, actual=examiners)  # fmt: skip

    # the comprehensive review (综合评审) is app/services/review.py
