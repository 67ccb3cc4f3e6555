"""Scoring: objective grading, examiners' rubric scores (blind), arbitration, part results.

Examiners see candidates only by anonymous code. Each examiner scores each task once, point by
point within the rubric's bounds; the task's score is the mean of the examiners' totals, and a
spread above the threshold needs the chief examiner's arbitration before the result is final.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from app.banks.catalog import Catalog
from app.domain.attempt_state import StepKind
from app.domain.blueprint import MultipleCredit
from app.domain.items import Item, ItemType
from app.domain.scoring import aggregate_examiner_scores, review_score, score_objective, stated
from app.domain.staffing import check_review_panel, check_skill_examiners, refusal
from app.domain.standards import Level, Part, Standard
from app.services.base import (
    Actor,
    Conflict,
    NotFound,
    PermissionDenied,
    Service,
    ServiceError,
    require_role,
    unfrozen_session,
)
from app.store.database import Database
from app.store.models import (
    Attempt,
    AttemptStep,
    Candidate,
    ExaminerScore,
    ExamSession,
    PaperInstance,
    Result,
    ReviewScore,
    SessionStaff,
    User,
)

ARBITRATION = "arbitration"
ABSENT = "absent"  # the submit reason of an attempt whose candidate never came
DEFAULT_SPREAD_THRESHOLD = Decimal(15)  # points of a task's total, out of the task's maximum


@dataclass(frozen=True)
class WorkItem:
    attempt_id: int
    anonymous_code: str
    slot: int
    title: str
    instructions: str
    rubric: tuple[tuple[str, str], ...]  # (scoring point, maximum)
    scored_by_me: bool


def _item_from_content(entry: dict[str, Any]) -> Item:
    kind = ItemType(entry["type"])
    key: Any = entry["key"]
    if kind is ItemType.MULTIPLE:
        key = tuple(key)
    elif kind is ItemType.FILL:
        key = tuple(tuple(blank) for blank in key)
    return Item(
        id=entry["id"], type=kind, area=entry["area"], code="", levels=(), difficulty=3,
        points=Decimal(entry["points"]), stem=entry["stem"],
        options=tuple((label, text) for label, text in entry.get("options", [])), key=key,
    )  # fmt: skip


def _response(kind: ItemType, value: Any) -> Any:
    if kind is ItemType.MULTIPLE and isinstance(value, list):
        return set(value)
    return value


def _answers_and_end(s: Any, attempt_id: int, *, with_seq: bool = False) -> Any:
    """The attempt's last saved answer per slot and how it ended (submit reason, None while open);
    with_seq: also its last step number and whether it has been graded."""
    answers: dict[int, Any] = {}
    last_seq, ended, graded = 0, None, False
    for step in s.scalars(select(AttemptStep).where(AttemptStep.attempt_id == attempt_id).order_by(AttemptStep.seq)):
        last_seq = step.seq
        if step.kind == StepKind.ANSWER.value:
            answers[step.slot] = (step.data or {}).get("value")
        elif step.kind == StepKind.CLEAR.value:
            answers.pop(step.slot, None)
        elif step.kind == StepKind.GRADE.value:
            graded = True
        elif step.kind == StepKind.SUBMIT.value:
            ended = (step.data or {}).get("reason")
    return (answers, ended, last_seq, graded) if with_seq else (answers, ended)


def grade_objective_in(
    s: Any, db: Database, actor: Actor, attempt: Attempt, multiple_credit: MultipleCredit | None = None
) -> Decimal | None:
    """Grade a submitted attempt inside the caller's transaction: a GRADE step and the part's
    result. None for an attempt closed because the candidate never came (no result is written)."""
    session = s.get(ExamSession, attempt.session_id)
    content = s.get(PaperInstance, attempt.paper_id).content
    credit = multiple_credit or MultipleCredit(content.get("multiple_credit", MultipleCredit.ALL_OR_NOTHING.value))
    answers, ended, last_seq, graded = _answers_and_end(s, attempt.id, with_seq=True)
    if graded:
        raise Conflict("the attempt is already graded")
    if ended is None:
        raise Conflict("the attempt is still open")
    if ended == ABSENT:
        return None
    total, per_area = Decimal(0), {}
    for entry in content["items"]:
        item = _item_from_content(entry)
        if item.type.examiner_scored:
            raise Conflict("this paper has examiner-scored items; score them before grading")
        earned = score_objective(item, _response(item.type, answers.get(entry["slot"])), None, credit)
        total += earned
        per_area[item.area] = per_area.get(item.area, Decimal(0)) + earned
    if ended == "terminated":  # misconduct voids the paper
        total, per_area = Decimal(0), {"terminated": True}
    score = stated(total)
    s.add(
        AttemptStep(
            attempt_id=attempt.id, seq=last_seq + 1, kind=StepKind.GRADE.value, slot=None,
            data={"score": str(score)}, actor=actor.label, epoch=db.epoch, mono=db.mono(), wall=db.wall_now(),
        )
    )  # fmt: skip
    detail = {a: v if isinstance(v, bool) else str(v) for a, v in per_area.items()}
    store_result(s, db, attempt.candidate_id, session.part, score, detail)
    return score


def grade_closed_theory(s: Any, db: Database, actor: Actor, session_id: int) -> dict[str, int]:
    """At closing: grade every submitted theory attempt of the session whose paper is all
    objective and not graded yet. Papers with written answers wait for the examiners."""
    graded = waiting = 0
    graded_ids = set(
        s.scalars(
            select(AttemptStep.attempt_id)
            .join(Attempt, Attempt.id == AttemptStep.attempt_id)
            .where(Attempt.session_id == session_id, AttemptStep.kind == StepKind.GRADE.value)
        )
    )
    for attempt in s.scalars(select(Attempt).where(Attempt.session_id == session_id).order_by(Attempt.id)):
        if attempt.id in graded_ids:
            continue
        items = s.get(PaperInstance, attempt.paper_id).content["items"]
        if any(ItemType(entry["type"]).examiner_scored for entry in items):
            waiting += 1
            continue
        if grade_objective_in(s, db, actor, attempt) is not None:
            graded += 1
    return {"graded": graded, "for_examiners": waiting}


def store_result(s: Any, db: Database, candidate_id: int, part: str, score: Decimal, detail: dict[str, Any]) -> None:
    if s.scalar(select(Result).where(Result.candidate_id == candidate_id, Result.part == part)):
        raise Conflict(f"the {part} result is already recorded")
    s.add(
        Result(
            candidate_id=candidate_id, part=part, wall=db.wall_now(),
            # whether it passes is the standard's pass mark's to decide, when results are read
            outcome={"score": str(score), "detail": detail},
        )
    )  # fmt: skip


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

    def assign_staff(self, actor: Actor, session_id: int, user_id: int, duty: str) -> None:
        require_role(actor, "admin")
        if duty not in ("proctor", "examiner", "chief", "review"):
            raise ServiceError(f"unknown duty {duty!r}")
        with self.action(actor, "session.assign", f"session:{session_id}", {"user": user_id, "duty": duty}) as s:
            unfrozen_session(s, session_id)
            if s.get(User, user_id) is None:
                raise NotFound(f"no user {user_id}")
            if s.scalar(
                select(SessionStaff).where(
                    SessionStaff.session_id == session_id, SessionStaff.user_id == user_id, SessionStaff.duty == duty
                )
            ):
                raise Conflict(f"user {user_id} already has the duty {duty} in this session")  # fmt: skip
            s.add(SessionStaff(session_id=session_id, user_id=user_id, duty=duty))

    def session_staff(self, actor: Actor, session_id: int) -> list[tuple[int, str]]:
        """(user id, duty) of everyone assigned to a session."""
        require_role(actor, "admin", "proctor", "chief")
        with self.db.reader() as s:
            rows = s.execute(
                select(SessionStaff.user_id, SessionStaff.duty)
                .where(SessionStaff.session_id == session_id).order_by(SessionStaff.id)
            ).all()  # fmt: skip
        return [(user_id, duty) for user_id, duty in rows]

    def _duty(self, s: Any, actor: Actor, session_id: int) -> set[str]:
        return set(
            s.scalars(
                select(SessionStaff.duty).where(SessionStaff.session_id == session_id, SessionStaff.user_id == actor.id)
            )
        )

    def _ended(self, s: Any, attempt_id: int) -> str | None:
        """How the attempt ended (the submit reason: candidate, time, terminated, absent...), None while open."""
        step = s.scalar(
            select(AttemptStep).where(AttemptStep.attempt_id == attempt_id, AttemptStep.kind == "submit")
        )  # fmt: skip
        return None if step is None else (step.data or {}).get("reason") or "submitted"

    def _submitted(self, s: Any, attempt_id: int) -> bool:
        return self._ended(s, attempt_id) is not None

    # -- theory ----------------------------------------------------------------------------

    def grade_objective(self, actor: Actor, attempt_id: int, multiple_credit: MultipleCredit | None = None) -> Decimal:
        """Score a submitted theory attempt's objective items; the result is final for that part.
        Multiple-choice credit follows the paper's blueprint unless `multiple_credit` is given."""
        require_role(actor, "admin", "proctor", "chief", "system")
        with self.action(actor, "result.grade_objective", f"attempt:{attempt_id}", {"credit": multiple_credit}) as s:
            attempt = s.get(Attempt, attempt_id)
            if attempt is None:
                raise NotFound(f"no attempt {attempt_id}")
            unfrozen_session(s, attempt.session_id)
            score = grade_objective_in(s, self.db, actor, attempt, multiple_credit)
            if score is None:
                raise Conflict("the candidate was absent: there is nothing to grade")
            return score

    # -- skill tasks -----------------------------------------------------------------------

    def worklist(self, actor: Actor, session_id: int) -> list[WorkItem]:
        """An examiner's tasks by anonymous code, never by name."""
        require_role(actor, "examiner", "chief")
        with self.db.reader() as s:
            if not self._duty(s, actor, session_id) & {"examiner", "chief"}:
                raise PermissionDenied("you are not an examiner of this session")
            mine = {
                (row.attempt_id, row.target)
                for row in s.scalars(select(ExaminerScore).where(ExaminerScore.examiner_id == actor.id))
            }
            out = []
            for attempt, code, content in s.execute(
                select(Attempt.id, Candidate.anonymous_code, PaperInstance.content)
                .join(Candidate, Candidate.id == Attempt.candidate_id)
                .join(PaperInstance, PaperInstance.id == Attempt.paper_id)
                .where(Attempt.session_id == session_id)
                .order_by(Candidate.anonymous_code)
            ):
                if self._ended(s, attempt) in (None, ABSENT):  # nothing to score yet, or ever
                    continue
                for entry in content["items"]:
                    if entry["type"] in ("task", "short", "case"):
                        title, _, instructions = entry["stem"].partition("\n")
                        rubric = tuple((point, maximum) for point, maximum in entry.get("rubric", []))
                        scored = (attempt, f"slot:{entry['slot']}") in mine
                        out.append(WorkItem(attempt, code, entry["slot"], title, instructions, rubric, scored))
            return out

    def answer_for(self, actor: Actor, attempt_id: int, slot: int) -> Any:
        """What the candidate last saved for one question, for its examiners (no identity attached)."""
        require_role(actor, "examiner", "chief")
        with self.db.reader() as s:
            attempt = s.get(Attempt, attempt_id)
            if attempt is None:
                raise NotFound(f"no attempt {attempt_id}")
            if not self._duty(s, actor, attempt.session_id) & {"examiner", "chief"}:
                raise PermissionDenied("you are not an examiner of this session")
            if not self._submitted(s, attempt_id):
                raise Conflict("the attempt is still open")
            last = s.scalars(
                select(AttemptStep)
                .where(AttemptStep.attempt_id == attempt_id, AttemptStep.slot == slot,
                       AttemptStep.kind.in_((StepKind.ANSWER.value, StepKind.CLEAR.value)))
                .order_by(AttemptStep.seq.desc())
                .limit(1)
            ).first()  # fmt: skip
            return None if last is None or last.kind == StepKind.CLEAR.value else (last.data or {}).get("value")

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
                raise NotFound(f"no attempt {attempt_id}")
            unfrozen_session(s, attempt.session_id)
            duties = self._duty(s, actor, attempt.session_id)
            if arbitration and "chief" not in duties:
                raise PermissionDenied("only the chief examiner arbitrates")
            if not duties & {"examiner", "chief"}:
                raise PermissionDenied("you are not an examiner of this session")
            ended = self._ended(s, attempt_id)
            if ended is None:
                raise Conflict("the attempt is still open")
            if ended == ABSENT:
                raise Conflict("the candidate was absent: there is nothing to grade")
            content = s.get(PaperInstance, attempt.paper_id).content
            entry = next((e for e in content["items"] if e["slot"] == slot), None)
            if entry is None or "rubric" not in entry:
                raise NotFound(f"question {slot + 1} has no rubric")
            rubric = entry["rubric"]
            total = Decimal(0)
            for index in range(len(rubric)):
                if index not in awarded:
                    raise ServiceError(f"rubric point {index + 1} ({rubric[index][0]}) has no score")
            for index, value in awarded.items():
                if not 0 <= index < len(rubric):
                    raise ServiceError(f"no rubric point {index + 1}")
                maximum = Decimal(rubric[index][1])
                if not Decimal(0) <= Decimal(value) <= maximum:
                    point = rubric[index][0]
                    raise ServiceError(f"rubric point {index + 1} ({point}) allows 0..{maximum}, got {value}")
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
                raise NotFound(f"no attempt {attempt_id}")
            session = unfrozen_session(s, attempt.session_id)
            content = s.get(PaperInstance, attempt.paper_id).content
            examiners = self._on_duty(s, session.id, "examiner")
            self._check_examiners(s, session, len(examiners))
            rows = s.scalars(select(ExaminerScore).where(ExaminerScore.attempt_id == attempt_id)).all()
            answers, ended = _answers_and_end(s, attempt_id)
            if ended is None:
                raise Conflict("the attempt is still open")
            if ended == ABSENT:
                raise Conflict("the candidate was absent: there is nothing to grade")
            credit = MultipleCredit(content.get("multiple_credit", MultipleCredit.ALL_OR_NOTHING.value))
            total, per_area, waiting = Decimal(0), {}, []
            for entry in content["items"]:
                slot, weight = entry["slot"], Decimal(entry["points"])
                if "rubric" not in entry:  # an objective question of a theory paper
                    item = _item_from_content(entry)
                    earned = score_objective(item, _response(item.type, answers.get(slot)), None, credit)
                    total += earned
                    per_area[entry["area"]] = per_area.get(entry["area"], Decimal(0)) + earned
                    continue
                maximum = sum((Decimal(m) for _, m in entry["rubric"]), Decimal(0))
                totals = [
                    sum((Decimal(v) for v in r.scores.values()), Decimal(0))
                    for r in rows if r.target == f"slot:{slot}" and r.examiner_id in examiners
                ]  # fmt: skip
                if len(totals) < len(examiners):
                    waiting.append(f"question {slot + 1}: {len(totals)} of {len(examiners)} examiners have scored")
                    continue
                agg = aggregate_examiner_scores(totals, spread_threshold=spread_threshold * maximum / 100)
                task_score = agg.score
                if agg.needs_arbitration:
                    chief = [r for r in rows if r.target == f"slot:{slot}:{ARBITRATION}"]
                    if not chief:
                        waiting.append(f"question {slot + 1}: scores {', '.join(str(t) for t in totals)} "
                                       f"differ by {agg.spread}: the chief examiner must arbitrate")  # fmt: skip
                        continue
                    task_score = sum((Decimal(v) for v in chief[-1].scores.values()), Decimal(0))
                earned = weight * task_score / maximum
                total += earned
                per_area[entry["area"]] = per_area.get(entry["area"], Decimal(0)) + earned
            if waiting:
                raise Conflict("not ready: " + "; ".join(waiting))
            detail: dict[str, Any] = {area: str(stated(v)) for area, v in per_area.items()}
            if ended == "terminated":  # misconduct voids the paper
                total, detail = Decimal(0), {"terminated": True}
            score = stated(total)
            store_result(s, self.db, attempt.candidate_id, session.part, score, detail)
            return score

    def _check_examiners(self, s: Any, session: ExamSession, examiners: int) -> None:
        """Enough examiners for the session's part: the standard's 1.9.3 for a skill session; for a
        theory paper's written answers, the standard's minimum number of examiners."""
        std, level = self._rules_of(session)
        if session.part == Part.SKILL:
            candidates = len(set(s.scalars(select(Candidate.id).where(Candidate.session_id == session.id))))
            findings = check_skill_examiners(std, level, candidates, examiners)
            if findings:
                raise Conflict(refusal(findings))
        elif examiners < std.staffing_for(level).min_examiners:
            raise Conflict(f"written answers are scored by at least {std.staffing_for(level).min_examiners} "
                           f"examiners, this session has {examiners}")  # fmt: skip

    # -- comprehensive review (综合评审) -------------------------------------------------------

    def review_list(self, actor: Actor, session_id: int) -> list[tuple[int, str, bool]]:
        """A review panel member's candidates: (candidate id, anonymous code, scored by me)."""
        require_role(actor, "examiner", "chief")
        with self.db.reader() as s:
            if "review" not in self._duty(s, actor, session_id):
                raise PermissionDenied("you are not on this session's review panel")
            mine = set(s.scalars(select(ReviewScore.candidate_id).where(ReviewScore.member_id == actor.id)))
            rows = s.execute(
                select(Candidate.id, Candidate.anonymous_code)
                .where(Candidate.session_id == session_id).order_by(Candidate.anonymous_code)
            ).all()  # fmt: skip
        return [(cid, code, cid in mine) for cid, code in rows]

    def score_review(self, actor: Actor, candidate_id: int, score: Decimal, comment: str = "") -> None:
        """A review panel member's score (out of 100) for one candidate."""
        require_role(actor, "examiner", "chief")
        if not Decimal(0) <= Decimal(score) <= 100:
            raise ServiceError(f"review scores are out of 100, got {score}")
        with self.action(actor, "score.review", f"candidate:{candidate_id}", {"score": str(score)}) as s:
            cand = s.get(Candidate, candidate_id)
            if cand is None:
                raise NotFound(f"no candidate {candidate_id}")
            unfrozen_session(s, cand.session_id)
            if "review" not in self._duty(s, actor, cand.session_id):
                raise PermissionDenied("you are not on this session's review panel")
            if s.scalar(select(ReviewScore).where(ReviewScore.candidate_id == candidate_id,
                                                  ReviewScore.member_id == actor.id)):  # fmt: skip
                raise Conflict("you have already scored this candidate")
            s.add(ReviewScore(candidate_id=candidate_id, member_id=actor.id, score=str(score),
                              comment=comment or None, wall=self.db.wall_now()))  # fmt: skip

    def finalize_review(self, actor: Actor, candidate_id: int) -> Decimal:
        """The panel's mean becomes the review result. The panel is the session's staff with the
        duty "review": at least 3 and odd (the standard's 1.9.3), and every member has scored."""
        require_role(actor, "chief", "admin")
        with self.action(actor, "result.finalize_review", f"candidate:{candidate_id}", {}) as s:
            cand = s.get(Candidate, candidate_id)
            if cand is None:
                raise NotFound(f"no candidate {candidate_id}")
            session = unfrozen_session(s, cand.session_id)
            std, level = self._rules_of(session)
            staffing = std.staffing_for(level)
            panel = self._on_duty(s, session.id, "review")
            findings = check_review_panel(std, level, len(panel))
            if findings:
                raise Conflict(refusal(findings))
            rows = s.scalars(select(ReviewScore).where(ReviewScore.candidate_id == candidate_id))
            scores = [Decimal(r.score) for r in rows if r.member_id in panel]
            if len(scores) < len(panel):
                raise Conflict(f"not ready: {len(scores)} of {len(panel)} review panel members have scored")
            try:
                score = stated(review_score(scores, min_members=staffing.min_review_members,
                                            odd=staffing.review_members_odd))  # fmt: skip
            except ValueError as exc:
                raise Conflict(str(exc)) from None
            store_result(s, self.db, candidate_id, "review", score, {"members": len(scores)})
            return score
