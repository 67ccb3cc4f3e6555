"""Exporting a session's results as a signed bundle (one action, one audit entry)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.banks.catalog import Catalog
from app.domain.identity import mask_id_number, mask_name
from app.domain.registration import Registration, SittingResult, counting_results
from app.domain.scoring import Verdict, decide_parts, part_passed, required_parts, required_parts_for, stated
from app.domain.standards import Part
from app.reports import score_report
from app.reports.bundle import Progress, results_csv, write_bundle
from app.security import qr_payload
from app.security.canonical import canonical_json
from app.services.base import Actor, NotFound, Service, require_role
from app.services.keys import KeyService
from app.services.scoring import ABSENT
from app.store.clock import local_today
from app.store.models import (
    Attempt,
    AttemptStep,
    AuditEntry,
    Candidate,
    Centre,
    ExamSession,
    Incident,
    Result,
)


@dataclass(frozen=True)
class ResultRow:
    ticket: str
    name: str
    status: str
    parts: dict[str, dict[str, Any]]  # part -> {"score": "86.00", "passed": True, ...}
    result: str  # 合格 | 不合格 | 待定


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    candidates: int
    key_fingerprint: str


@dataclass(frozen=True)
class _Rules:
    title: str  # the standard as printed
    level_name: str
    required: tuple[Part, ...]
    pass_mark: int


@dataclass(frozen=True)
class _Standing:
    status: str
    parts: dict[str, dict[str, Any]]  # the parts that count, each with the sitting it comes from
    result: str  # 合格 | 不合格 | 待定


VERDICT_TEXT = {Verdict.PASS: "合格", Verdict.FAIL: "不合格", Verdict.PENDING: "待定"}
DEFAULT_PASS_MARK = 60


def _status(steps: list[AttemptStep] | None) -> str:
    if steps is None:
        return "absent"
    for step in steps:
        if step.kind == "submit":
            reason = (step.data or {}).get("reason")
            return reason if reason in ("terminated", ABSENT) else "submitted"
    return "open" if steps else "not started"


ABSENT_MARK = "缺考"  # printed on a score report where the candidate did not sit the part


class ExportService(Service):
    def __init__(self, db, catalog: Catalog | None = None):  # type: ignore[no-untyped-def]
        super().__init__(db)
        self.catalog = catalog

    def _rules(self, session: ExamSession) -> _Rules:
        """How the session's standard prints, which parts its level requires and its pass mark."""
        national_defaults = _Rules(session.standard, session.level, required_parts_for(False), DEFAULT_PASS_MARK)
        if self.catalog is None:
            return national_defaults
        try:
            std = self.catalog.standard(session.standard)
            level = self.catalog.level(std, session.level, session.subtype)
        except Exception:  # a standard no longer bundled: print the codes, apply the national defaults
            return national_defaults
        title = f"{std.code} {std.name}" + (f"（{session.subtype}）" if session.subtype else "")
        return _Rules(title, level.name, required_parts(level), std.pass_mark_for(level))

    def _standing(self, s: Any, session: ExamSession, rules: _Rules) -> tuple[list[Candidate], dict[int, _Standing]]:
        """Candidates of a session and, per candidate: status, the parts that count, overall result.

        Only the sittings of the same registration count (this person, this standard and 工种,
        this level); of several sittings of one part, the latest."""
        session_id = session.id
        candidates = s.scalars(
            select(Candidate).where(Candidate.session_id == session_id).order_by(Candidate.ticket)
        ).all()
        attempts = {a.candidate_id: a for a in s.scalars(select(Attempt).where(Attempt.session_id == session_id))}
        steps: dict[int, list[AttemptStep]] = {}
        for step in s.scalars(
            select(AttemptStep)
            .where(AttemptStep.attempt_id.in_([a.id for a in attempts.values()]))
            .order_by(AttemptStep.attempt_id, AttemptStep.seq)
        ):
            steps.setdefault(step.attempt_id, []).append(step)
        sittings: dict[str, list[tuple[SittingResult, dict[str, Any]]]] = {}
        for id_index, code, held, part, outcome in s.execute(
            select(Candidate.id_index, ExamSession.code, ExamSession.scheduled_start, Result.part, Result.outcome)
            .join(ExamSession, ExamSession.id == Candidate.session_id)
            .join(Result, Result.candidate_id == Candidate.id)
            .where(
                Candidate.id_index.in_({c.id_index for c in candidates}),
                ExamSession.standard == session.standard,
                ExamSession.subtype.is_not_distinct_from(session.subtype),
                ExamSession.level == session.level,
            )
        ):
            sitting = SittingResult(Part(part), held, code, Decimal(outcome["score"]))
            sittings.setdefault(id_index, []).append((sitting, outcome))
        standing = {}
        for cand in candidates:
            recorded = dict(sittings.get(cand.id_index, []))
            counting = counting_results(recorded)
            outcome = decide_parts(rules.required, {p: r.score for p, r in counting.items()}, rules.pass_mark)
            parts = {}
            for part, sitting in counting.items():
                passed = outcome.part(part)
                parts[part.value] = {
                    "score": str(stated(sitting.score)),
                    "passed": passed.passed if passed else part_passed(sitting.score, rules.pass_mark),
                    "session": sitting.session_code,
                    "held": sitting.held[:10],
                    "detail": recorded[sitting].get("detail", {}),
                }
            attempt = attempts.get(cand.id)
            if session.part == "review":  # a panel scores the review: there is no paper to sit
                status = "reviewed" if "review" in parts else "awaiting review"
            else:
                status = _status(steps.get(attempt.id, []) if attempt else None)
            standing[cand.id] = _Standing(status, parts, VERDICT_TEXT[outcome.verdict])
        return list(candidates), standing

    def session_results(self, actor: Actor, session_id: int) -> list[ResultRow]:
        """Per candidate: each part's score and pass, and the overall result by the domain rules."""
        require_role(actor, "admin", "proctor", "chief")
        with self.db.reader() as s:
            session = s.get(ExamSession, session_id)
            if session is None:
                raise NotFound(f"no session {session_id}")
            candidates, standing = self._standing(s, session, self._rules(session))
            return [ResultRow(c.ticket, c.name, standing[c.id].status, standing[c.id].parts, standing[c.id].result)
                    for c in candidates]  # fmt: skip

    def export_session(
        self, actor: Actor, session_id: int, out: Path, *, mask: bool = False, progress: Progress | None = None
    ) -> ExportSummary:
        require_role(actor, "admin")
        key = KeyService(self.db).signing_key()
        data = {"session": session_id, "mask": mask, "file": out.name}
        with self.action(actor, "export.bundle", f"session:{session_id}", data) as s:
            session = s.get(ExamSession, session_id)
            if session is None:
                raise NotFound(f"no session {session_id}")
            centre = s.scalars(select(Centre)).first()
            rules = self._rules(session)
            candidates, standing = self._standing(s, session, rules)
            today = local_today(self.db.clock).isoformat()
            rows, reports = [], {}
            for n, cand in enumerate(candidates, 1):
                status, parts, result = standing[cand.id].status, standing[cand.id].parts, standing[cand.id].result
                missed = session.part if status == ABSENT else None  # the part a no-show did not sit
                name = mask_name(cand.name) if mask else cand.name
                id_number = mask_id_number(cand.id_number) if mask else cand.id_number
                record = {
                    "ticket": cand.ticket, "masked_id": mask_id_number(cand.id_number),
                    "standard": session.standard, "subtype": session.subtype, "level": session.level,
                    "scores": {p: parts[p]["score"] for p in parts},
                    "sittings": {p: parts[p]["session"] for p in parts},
                    "passed": result == "合格" if result != "待定" else None,
                    "session": session.code, "date": today, "centre": centre.code if centre else "",
                }  # fmt: skip
                payload = qr_payload.encode(record, key)
                rows.append(
                    {
                        "ticket": cand.ticket, "name": name, "id_number": id_number, "status": status,
                        "anonymous_code": cand.anonymous_code, "parts": parts, "result": result, "qr": payload,
                    }
                )  # fmt: skip
                report_parts = [
                    score_report.PartLine(p.value, parts[p]["score"], parts[p]["passed"], parts[p]["session"])
                    if p in parts else score_report.PartLine(p.value, ABSENT_MARK if p == missed else None, None, None)
                    for p in rules.required
                ]  # fmt: skip
                reports[f"reports/{cand.ticket}.pdf"] = score_report.render(
                    score_report.ReportData(
                        centre=centre.name if centre else "", session=f"{session.code}（{session.room}）",
                        standard=rules.title, level=rules.level_name, name=name, ticket=cand.ticket,
                        masked_id=mask_id_number(cand.id_number), parts=report_parts, overall=result, date=today,
                        qr_payload=payload, key_fingerprint=key.fingerprint, pass_mark=rules.pass_mark,
                    )
                )  # fmt: skip
                if progress:
                    progress(n, len(candidates) * 2)
            incidents = [
                {
                    "category": i.category,
                    "ticket": next((c.ticket for c in candidates if c.id == i.candidate_id), None),
                    "text": i.text, "by": i.actor, "at": i.wall,
                }
                for i in s.scalars(select(Incident).where(Incident.session_id == session_id).order_by(Incident.id))
            ]  # fmt: skip
            attempt_ids = s.scalars(select(Attempt.id).where(Attempt.session_id == session_id)).all()
            targets = {f"session:{session_id}"} | {f"attempt:{a}" for a in attempt_ids}
            targets |= {f"candidate:{c.id}" for c in candidates}
            audit_rows = [
                {"seq": e.seq, "at": e.wall, "actor": e.actor, "action": e.action, "target": e.target,
                 "data_digest": e.data_digest, "prev_mac": e.prev_mac, "mac": e.mac}
                for e in s.scalars(select(AuditEntry).order_by(AuditEntry.seq))
                if e.target.split("/")[0] in targets or e.target.startswith(f"session:{session_id}/")
            ]  # fmt: skip
            members = {
                "results.json": canonical_json(
                    {
                        "session": session.code,
                        "part": session.part,
                        "pass_mark": rules.pass_mark,
                        "registration": Registration(session.standard, session.subtype, session.level).as_dict(),
                        "required_parts": [p.value for p in rules.required],
                        "candidates": rows,
                    }
                ),
                "results.csv": results_csv(rows),
                "incidents.json": canonical_json(incidents),
                "audit.json": canonical_json(audit_rows),
                **reports,
            }
            header = {
                "centre": {"code": centre.code if centre else "", "name": centre.name if centre else ""},
                "session": {
                    "code": session.code, "room": session.room, "part": session.part, "standard": session.standard,
                    "subtype": session.subtype, "level": session.level, "scheduled_start": session.scheduled_start,
                },
                "candidates": len(candidates),
                "masked": mask,
                "created": today,
            }  # fmt: skip

            def packing(done: int, total: int) -> None:
                if progress:
                    progress(len(candidates) + done * len(candidates) // max(1, total), len(candidates) * 2)

            write_bundle(out, header=header, members=members, key=key, progress=packing)
        return ExportSummary(out, len(candidates), key.fingerprint)
