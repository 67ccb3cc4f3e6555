"""The comprehensive review (综合评审): each candidate's register of materials, the defence with its
timer, questions and notes, the panel's scores per criterion, and the chair's finalizing.

Who does what. The panel is the session's staff with the duty "review" (1.9.3: at least 3, odd);
members register materials, run the defence timer, record questions and notes, and each scores
once, against the session's criteria, blind to the others until they have submitted. The chair (评审组长)
is the one the admin gives the duty "chief" in the review session (the staffing screen); while
nobody has it, a panel member whose role is chief examiner. The chair sees every score and
finalizes; a review session starts only with exactly one chair. An admin may register materials received by the centre.
The rules themselves are in app/domain/review.py.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from app.api.types import (
    ReviewCriteriaView,
    ReviewCriterionView,
    ReviewMaterialView,
    ReviewMemberScore,
    ReviewNoteView,
    ReviewRecord,
)
from app.banks.catalog import Catalog
from app.banks.review_criteria import example_criteria, read_review_criteria
from app.domain.review import (
    MATERIAL_KINDS,
    MATERIAL_STATES,
    NOTE_KINDS,
    Defence,
    DefenceEvent,
    ReviewCriteria,
    defence_of,
    finalize_problems,
    may_see_others,
    spread_flagged,
    weighted_score,
)
from app.domain.scoring import review_score, stated
from app.domain.staffing import check_review_chair, check_review_panel, refusal
from app.domain.standards import Level, Part, Standard
from app.errors import LINES, Message
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
from app.services.scoring import store_result
from app.store.database import Database
from app.store.models import (
    Candidate,
    ExamSession,
    Result,
    ReviewCriteriaFile,
    ReviewEvent,
    ReviewMaterial,
    ReviewScore,
    SessionStaff,
    User,
)

MAX_ATTACHMENT = 20 * 1024 * 1024  # bytes per registered file
MAX_TEXT = 4000  # characters of a title, question or note


def _duties(actor: Actor) -> tuple[str, ...]:
    """The duties that let `actor` work on a session's review: the panel's, and a chief's."""
    return ("review", "chief") if actor.role == "chief" else ("review",)


class ReviewService(Service):
    def __init__(self, db: Database, catalog: Catalog):
        super().__init__(db)
        self.catalog = catalog

    # -- reading ---------------------------------------------------------------------------

    def _rules_of(self, session: ExamSession) -> tuple[Standard, Level]:
        std = self.catalog.standard(session.standard)
        return std, self.catalog.level(std, session.level, session.subtype)

    @staticmethod
    def _panel(s: Any, session_id: int) -> list[int]:
        """The panel members' user ids, in seat order (1, 2, ...)."""
        return sorted(s.scalars(select(SessionStaff.user_id).where(SessionStaff.session_id == session_id,
                                                                   SessionStaff.duty == "review")))  # fmt: skip

    @staticmethod
    def _chairs(s: Any, session_id: int, panel: list[int]) -> set[int]:
        """The panel's chair(s): whoever has the duty "chief" in the session; while nobody has it,
        the panel members whose role is chief examiner (app/domain/staffing.py review_chairs)."""
        assigned = set(s.scalars(select(SessionStaff.user_id).where(SessionStaff.session_id == session_id,
                                                                    SessionStaff.duty == "chief")))  # fmt: skip
        if assigned:
            return assigned
        return set(s.scalars(select(User.id).where(User.id.in_(panel), User.role == "chief"))) if panel else set()

    def _is_chair(self, s: Any, actor: Actor, session_id: int, panel: list[int]) -> bool:
        return actor.role == "chief" and actor.id in self._chairs(s, session_id, panel)

    def _candidate(self, s: Any, actor: Actor, candidate_id: int, *, write: bool) -> tuple[Candidate, ExamSession]:
        """The candidate of a review session the caller may work on: its panel, its chair, or an
        admin (who only registers materials and reads)."""
        cand = s.get(Candidate, candidate_id)
        if cand is None:
            raise NotFound("no candidate {candidate}", candidate=candidate_id)
        session = unfrozen_session(s, cand.session_id) if write else s.get(ExamSession, cand.session_id)
        if actor.role != "admin":
            require_duty(s, actor, session.id, *_duties(actor))
        return cand, session

    def _panel_holds(self, s: Any, session: ExamSession) -> None:
        """The standard's panel (1.9.3: at least 3, odd) with exactly one chair, or a refusal that
        says what is missing: checked when a defence begins and when the chair finalizes."""
        std, level = self._rules_of(session)
        panel = self._panel(s, session.id)
        findings = check_review_panel(std, level, len(panel)) + \
            check_review_chair(std, level, len(self._chairs(s, session.id, panel)))  # fmt: skip
        if findings:
            raise Conflict(refusal(findings))

    def criteria_for(self, s: Any, session_id: int) -> ReviewCriteria:
        """The exam owner's criteria for the session, or the example (marked as such) when none
        was supplied."""
        row = s.scalar(select(ReviewCriteriaFile).where(ReviewCriteriaFile.session_id == session_id))
        return example_criteria() if row is None else ReviewCriteria.from_dict(row.content, supplied=True)

    def _defence(self, s: Any, candidate_id: int) -> Defence:
        """The defence from its instants on the store's clock, as read in this boot. Rows written
        before revision 0022 carry no boot: they were read on this one's clock then."""
        events = [DefenceEvent(kind, self.db.epoch if epoch is None else epoch, at)
                  for kind, epoch, at in s.execute(
                      select(ReviewEvent.kind, ReviewEvent.epoch, ReviewEvent.at)
                      .where(ReviewEvent.candidate_id == candidate_id, ReviewEvent.at.is_not(None))
                      .order_by(ReviewEvent.id))]  # fmt: skip
        return defence_of(events, self.db.epoch)

    def review_list(self, actor: Actor, session_id: int) -> list[tuple[int, str, bool]]:
        """A review panel member's (or the chair's) candidates: (candidate id, anonymous code, scored by me)."""
        require_role(actor, "examiner", "chief")
        with self.db.reader() as s:
            require_duty(s, actor, session_id, *_duties(actor))
            mine = set(s.scalars(select(ReviewScore.candidate_id).where(ReviewScore.member_id == actor.id)))
            rows = s.execute(
                select(Candidate.id, Candidate.anonymous_code)
                .where(Candidate.session_id == session_id).order_by(Candidate.anonymous_code)
            ).all()  # fmt: skip
        return [(cid, code, cid in mine) for cid, code in rows]

    def record(self, actor: Actor, candidate_id: int) -> ReviewRecord:
        """One candidate's review as the caller may see it."""
        require_role(actor, "examiner", "chief", "admin")
        with self.db.reader() as s:
            cand, session = self._candidate(s, actor, candidate_id, write=False)
            return self._record(s, actor, cand, session)

    def _record(self, s: Any, actor: Actor, cand: Candidate, session: ExamSession) -> ReviewRecord:
        std, level = self._rules_of(session)
        criteria = self.criteria_for(s, session.id)
        panel = self._panel(s, session.id)
        seat = {user: n + 1 for n, user in enumerate(panel)}
        chair = self._is_chair(s, actor, session.id, panel)
        materials = self._materials(s, cand.id)
        notes = tuple(
            ReviewNoteView(e.kind, e.text or "", seat.get(e.member_id, 0), e.wall)
            for e in s.scalars(select(ReviewEvent).where(ReviewEvent.candidate_id == cand.id,
                                                         ReviewEvent.kind.in_(NOTE_KINDS)).order_by(ReviewEvent.id))
        )  # fmt: skip
        defence = self._defence(s, cand.id)
        rows = [r for r in s.scalars(select(ReviewScore).where(ReviewScore.candidate_id == cand.id)
                                     .order_by(ReviewScore.id)) if r.member_id in seat]  # fmt: skip
        views = {r.member_id: ReviewMemberScore(seat[r.member_id], Decimal(r.score),
                                                {k: Decimal(v) for k, v in (r.marks or {}).items()},
                                                r.comment or "") for r in rows}  # fmt: skip
        mine = views.get(actor.id)
        visible = may_see_others(mine is not None, chair)
        shown = tuple(views[m] for m in panel if m in views) if visible else ()
        flagged = spread_flagged([v.score for v in shown], criteria.spread)
        result_row = s.scalar(select(Result).where(Result.candidate_id == cand.id, Result.part == "review"))
        result = Decimal(result_row.outcome["score"]) if result_row is not None else None
        waiting = self._waiting(s, std, level, session, cand.id, criteria, panel, rows, defence, "") if chair else []
        return ReviewRecord(
            candidate_id=cand.id, anonymous_code=cand.anonymous_code, criteria_name=criteria.name,
            criteria_example=criteria.example, criteria_supplied=criteria.supplied,
            criteria=tuple(ReviewCriterionView(c.name, c.weight, c.description) for c in criteria.criteria),
            spread=criteria.spread, employer_assessment=std.staffing_for(level).review_employer_assessment,
            materials=materials, defence_minimum_minutes=std.min_minutes_for(level, Part.REVIEW),
            defence_started=defence.began, defence_running=defence.running,
            defence_interrupted=defence.interrupted,
            defence_seconds=defence.seconds(self.db.mono()), notes=notes, panel_size=len(panel),
            submitted=len(rows), my_score=mine, scores=shown, flagged=flagged, chair=chair,
            my_seat=seat.get(actor.id, 0), result=result,
            waiting=tuple(str(w) for w in waiting),
        )  # fmt: skip

    @staticmethod
    def _states(s: Any, candidate_id: int) -> dict[int, str]:
        """Each register entry's state: its latest expected/received/missing event; an entry with
        none was registered as received (every entry before revision 0022)."""
        out: dict[int, str] = {}
        for material, kind in s.execute(select(ReviewEvent.material_id, ReviewEvent.kind).where(
                ReviewEvent.candidate_id == candidate_id, ReviewEvent.kind.in_(MATERIAL_STATES))
                .order_by(ReviewEvent.id)):  # fmt: skip
            out[material] = kind
        return out

    def _materials(self, s: Any, candidate_id: int) -> tuple[ReviewMaterialView, ...]:
        states = self._states(s, candidate_id)
        return tuple(
            ReviewMaterialView(m.id, m.kind, m.title, m.pages, m.filename,
                               len(m.attachment) if m.attachment is not None else 0, m.digest,
                               states.get(m.id, "received"))
            for m in s.scalars(select(ReviewMaterial).where(ReviewMaterial.candidate_id == candidate_id)
                               .order_by(ReviewMaterial.id))
        )  # fmt: skip

    def _waiting(self, s: Any, std: Standard, level: Level, session: ExamSession, candidate_id: int,
                 criteria: ReviewCriteria, panel: list[int], rows: list[ReviewScore], defence: Defence,
                 note: str) -> list[Message]:  # fmt: skip
        """Everything that stops the chair finalizing this candidate's review."""
        out: list[Message] = [Message(f.message) if not isinstance(f.message, Message) else f.message
                              for f in check_review_panel(std, level, len(panel)) +
                              check_review_chair(std, level, len(self._chairs(s, session.id, panel)))]  # fmt: skip
        if len(rows) < len(panel):
            out.append(Message("{scored} of {needed} review panel members have scored", scored=len(rows),
                               needed=len(panel)))  # fmt: skip
        materials = self._materials(s, candidate_id)
        out += finalize_problems(
            minimum_minutes=std.min_minutes_for(level, Part.REVIEW), defence=defence,
            employer_required=std.staffing_for(level).review_employer_assessment,
            kinds_registered=[m.kind for m in materials if m.status == "received"],
            flagged=spread_flagged([Decimal(r.score) for r in rows], criteria.spread), disagreement_note=note,
            awaited=[m.title for m in materials if m.status == "expected"],
        )  # fmt: skip
        return out

    def material_file(self, actor: Actor, material_id: int) -> bytes:
        """A registered attachment, for the panel to read."""
        require_role(actor, "examiner", "chief", "admin")
        with self.db.reader() as s:
            row = s.get(ReviewMaterial, material_id)
            if row is None or row.attachment is None:
                raise NotFound("no attachment {material}", material=material_id)
            self._candidate(s, actor, row.candidate_id, write=False)
            return bytes(row.attachment)

    # -- the exam owner's criteria ------------------------------------------------------------

    def criteria_view(self, actor: Actor, session_id: int) -> ReviewCriteriaView:
        """The criteria of a review session, for the admin's screen."""
        require_role(actor, "admin")
        with self.db.reader() as s:
            session = s.get(ExamSession, session_id)
            if session is None:
                raise NotFound("no session {session}", session=session_id)
            if session.part != Part.REVIEW.value:
                raise Conflict("session {code} is not a comprehensive review", code=session.code)
            c = self.criteria_for(s, session_id)
        return ReviewCriteriaView(c.name, c.example, c.supplied, c.spread,
                                  tuple(ReviewCriterionView(x.name, x.weight, x.description) for x in c.criteria))

    def set_criteria(self, actor: Actor, session_id: int, name: str, text: str) -> ReviewCriteria:
        """The exam owner's criteria file for a review session; the one that counts from now on.
        Refused once any member has scored (the scores were given against other criteria)."""
        require_role(actor, "admin")
        criteria = read_review_criteria(text, name)
        with self.action(actor, "review.criteria", f"session:{session_id}",
                         {"file": name, **criteria.as_dict()}) as s:  # fmt: skip
            session = unfrozen_session(s, session_id)
            if session.part != Part.REVIEW.value:
                raise Conflict("session {code} is not a comprehensive review", code=session.code)
            if criteria.standard is not None and criteria.standard != session.standard:
                raise Conflict("the review criteria are for standard {criteria}, session {code} is {standard}",
                               criteria=criteria.standard, code=session.code, standard=session.standard)  # fmt: skip
            scored = s.scalar(select(ReviewScore.id).join(Candidate, Candidate.id == ReviewScore.candidate_id)
                              .where(Candidate.session_id == session_id).limit(1))  # fmt: skip
            if scored is not None:
                raise Conflict("the panel has started scoring: the review criteria can no longer change")
            row = s.scalar(select(ReviewCriteriaFile).where(ReviewCriteriaFile.session_id == session_id))
            if row is None:
                s.add(ReviewCriteriaFile(session_id=session_id, content=criteria.as_dict(), wall=self.db.wall_now()))
            else:
                row.content, row.wall = criteria.as_dict(), self.db.wall_now()
        return criteria

    # -- the register, the defence, questions and notes -----------------------------------------

    def register_material(self, actor: Actor, candidate_id: int, kind: str, title: str, pages: int | None = None,
                          filename: str | None = None, content: bytes | None = None,
                          received: bool = True) -> int:  # fmt: skip
        """One entry of the candidate's register: application materials, a representative work or
        the employer's assessment; `content` is kept encrypted. `received`: False lists an entry
        the centre awaits (marked received or missing later, `mark_material`)."""
        require_role(actor, "examiner", "chief", "admin")
        if kind not in MATERIAL_KINDS:
            raise ServiceError("unknown kind of review material {kind}", kind=repr(kind))
        if not title.strip() or len(title) > MAX_TEXT:
            raise ServiceError("a review material needs a title of at most {most} characters", most=MAX_TEXT)
        if pages is not None and pages < 1:
            raise ServiceError("a review material has at least 1 page, got {pages}", pages=pages)
        if content is not None and len(content) > MAX_ATTACHMENT:
            raise ServiceError("an attachment is at most {most} MB", most=MAX_ATTACHMENT // (1024 * 1024))
        digest = hashlib.sha256(content).hexdigest() if content is not None else None
        with self.action(actor, "review.material", f"candidate:{candidate_id}",
                         {"kind": kind, "pages": pages, "digest": digest}) as s:  # fmt: skip
            self._candidate(s, actor, candidate_id, write=True)
            self._not_final(s, candidate_id)
            row = ReviewMaterial(candidate_id=candidate_id, kind=kind, title=title.strip(), pages=pages,
                                 filename=(filename or None) if content is not None else None, attachment=content,
                                 digest=digest, recorded_by=actor.id, wall=self.db.wall_now())  # fmt: skip
            s.add(row)
            s.flush()
            if not received:
                s.add(ReviewEvent(candidate_id=candidate_id, member_id=actor.id, kind="expected", material_id=row.id,
                                  wall=self.db.wall_now()))  # fmt: skip
            return row.id

    def mark_material(self, actor: Actor, material_id: int, state: str) -> None:
        """An entry of the register received, or known to be missing (or awaited again)."""
        require_role(actor, "examiner", "chief", "admin")
        if state not in MATERIAL_STATES:
            raise ServiceError("unknown state of a review material {state}", state=repr(state))
        with self.action(actor, "review.material_state", f"material:{material_id}", {"state": state}) as s:
            row = s.get(ReviewMaterial, material_id)
            if row is None:
                raise NotFound("no review material {material}", material=material_id)
            self._candidate(s, actor, row.candidate_id, write=True)
            self._not_final(s, row.candidate_id)
            if self._states(s, row.candidate_id).get(material_id, "received") == state:
                return  # already so: nothing to record
            s.add(ReviewEvent(candidate_id=row.candidate_id, member_id=actor.id, kind=state, material_id=material_id,
                              wall=self.db.wall_now()))  # fmt: skip

    def materials(self, actor: Actor, candidate_id: int) -> tuple[ReviewMaterialView, ...]:
        """A candidate's register, for the admin's screen (and the panel's)."""
        require_role(actor, "examiner", "chief", "admin")
        with self.db.reader() as s:
            cand, _session = self._candidate(s, actor, candidate_id, write=False)
            return self._materials(s, cand.id)

    @staticmethod
    def _not_final(s: Any, candidate_id: int) -> None:
        if s.scalar(select(Result.id).where(Result.candidate_id == candidate_id, Result.part == "review")):
            raise Conflict("the {part} result is already recorded", part="review")

    def _event(self, actor: Actor, candidate_id: int, kind: str, text: str | None = None) -> float:
        name = {"defence_start": "review.defence_start", "defence_end": "review.defence_end"}.get(kind, "review.note")
        data = {"kind": kind}  # the audit entry is written as the action ends: it says what was recorded
        with self.action(actor, name, f"candidate:{candidate_id}", data) as s:
            _cand, session = self._candidate(s, actor, candidate_id, write=True)
            if actor.role == "admin":
                raise PermissionDenied("you are not on the review panel of session {code}", code=session.code)
            self._not_final(s, candidate_id)
            defence = self._defence(s, candidate_id)
            if kind == "defence_start" and defence.interrupted:
                kind = data["kind"] = "defence_resume"  # the machine restarted while it ran: it goes on from now
            elif kind == "defence_start" and defence.began:
                raise Conflict("the defence has already started")
            if kind == "defence_start":  # the review begins: with a panel as the standard asks and its chair
                self._panel_holds(s, session)
            if kind == "defence_end":
                if not defence.began:
                    raise Conflict("the defence has not started")
                if defence.ended:
                    raise Conflict("the defence has already ended")
            # every event is an instant on the store's clock: a question asked while the defence
            # runs is also where a restart of the machine would find it last running
            now = self.db.mono()
            s.add(ReviewEvent(candidate_id=candidate_id, member_id=actor.id, kind=kind, at=now, epoch=self.db.epoch,
                              text=text, wall=self.db.wall_now()))  # fmt: skip
            s.flush()
            return self._defence(s, candidate_id).seconds(now)

    def start_defence(self, actor: Actor, candidate_id: int) -> None:
        """The defence (答辩) begins: its time is counted on the centre's clock."""
        require_role(actor, "examiner", "chief")
        self._event(actor, candidate_id, "defence_start")

    def end_defence(self, actor: Actor, candidate_id: int) -> float:
        """The defence ends; its length in seconds. A defence shorter than the standard's minimum
        per candidate is recorded as it was, and finalizing refuses it."""
        require_role(actor, "examiner", "chief")
        return self._event(actor, candidate_id, "defence_end")

    def add_note(self, actor: Actor, candidate_id: int, kind: str, text: str) -> None:
        """A question asked at the defence, or a note on the review."""
        require_role(actor, "examiner", "chief")
        if kind not in NOTE_KINDS:
            raise ServiceError("unknown kind of review note {kind}", kind=repr(kind))
        if not text.strip() or len(text) > MAX_TEXT:
            raise ServiceError("a question or note has 1 to {most} characters", most=MAX_TEXT)
        self._event(actor, candidate_id, kind, text.strip())

    # -- scoring and finalizing -------------------------------------------------------------------

    def score(self, actor: Actor, candidate_id: int, marks: Mapping[str, Decimal], comment: str = "") -> Decimal:
        """A panel member's marks (out of 100) per criterion; their weighted sum is the member's
        review score. Once per member; only members of the session's panel."""
        require_role(actor, "examiner", "chief")
        with self.action(actor, "score.review", f"candidate:{candidate_id}",
                         {"marks": {k: str(v) for k, v in marks.items()}}) as s:  # fmt: skip
            cand, session = self._candidate(s, actor, candidate_id, write=True)
            require_duty(s, actor, session.id, "review")
            self._not_final(s, candidate_id)
            if s.scalar(select(ReviewScore).where(ReviewScore.candidate_id == candidate_id,
                                                  ReviewScore.member_id == actor.id)):  # fmt: skip
                raise Conflict("you have already scored this candidate")
            criteria = self.criteria_for(s, session.id)
            try:
                score = stated(weighted_score(criteria, marks))
            except ValueError as exc:
                raise ServiceError(exc.args[0]) from None  # the domain's Message
            s.add(ReviewScore(candidate_id=cand.id, member_id=actor.id, score=str(score), comment=comment or None,
                              marks={k: str(Decimal(v)) for k, v in marks.items()},
                              wall=self.db.wall_now()))  # fmt: skip
            return score

    def finalize(self, actor: Actor, candidate_id: int, disagreement_note: str = "") -> Decimal:
        """The chair finalizes: the panel's mean becomes the review result, with the review record
        (materials register, defence time, questions, marks per criterion by seat) as its detail."""
        require_role(actor, "chief")
        with self.action(actor, "result.finalize_review", f"candidate:{candidate_id}",
                         {"note": disagreement_note or None}) as s:  # fmt: skip
            cand, session = self._candidate(s, actor, candidate_id, write=True)
            panel = self._panel(s, session.id)
            if not self._is_chair(s, actor, session.id, panel):
                raise PermissionDenied("only the review panel's chair finalizes a review")
            std, level = self._rules_of(session)
            self._panel_holds(s, session)
            criteria = self.criteria_for(s, session.id)
            rows = [r for r in s.scalars(select(ReviewScore).where(ReviewScore.candidate_id == candidate_id)
                                         .order_by(ReviewScore.id)) if r.member_id in panel]  # fmt: skip
            defence = self._defence(s, candidate_id)
            waiting = self._waiting(s, std, level, session, candidate_id, criteria, panel, rows, defence,
                                    disagreement_note)  # fmt: skip
            if waiting:
                raise Conflict("not ready: {waiting}", waiting=Message(LINES, lines=waiting))
            staffing = std.staffing_for(level)
            try:
                score = stated(review_score([Decimal(r.score) for r in rows], min_members=staffing.min_review_members,
                                            odd=staffing.review_members_odd))  # fmt: skip
            except ValueError as exc:
                raise Conflict(exc.args[0]) from None
            store_result(s, self.db, candidate_id, "review", score,
                         self._detail(s, cand.id, criteria, panel, rows, defence, disagreement_note))  # fmt: skip
            return score

    @staticmethod
    def _detail(s: Any, candidate_id: int, criteria: ReviewCriteria, panel: list[int], rows: list[ReviewScore],
                defence: Defence, note: str) -> dict[str, Any]:  # fmt: skip
        """The review record kept with the result and carried in the result bundle: no names."""
        seat = {user: n + 1 for n, user in enumerate(panel)}
        states = ReviewService._states(s, candidate_id)
        materials = [{"kind": m.kind, "title": m.title, "pages": m.pages, "file": m.filename, "sha256": m.digest,
                      "status": states.get(m.id, "received")}
                     for m in s.scalars(select(ReviewMaterial).where(ReviewMaterial.candidate_id == candidate_id)
                                        .order_by(ReviewMaterial.id))]  # fmt: skip
        events = list(
            s.scalars(
                select(ReviewEvent)
                .where(ReviewEvent.candidate_id == candidate_id, ReviewEvent.kind.in_(NOTE_KINDS))
                .order_by(ReviewEvent.id)
            )
        )
        return {
            "members": len(rows),
            "criteria": criteria.as_dict(),
            "materials": materials,
            "defence_minutes": str(stated(Decimal(str(defence.counted)) / 60)),
            "questions": [e.text for e in events if e.kind == "question"],
            "notes": len([e for e in events if e.kind == "note"]),
            "scores": [{"member": seat[r.member_id], "score": r.score, "marks": r.marks or {}} for r in rows],
            "disagreement_note": note or None,
        }
