"""Exporting a session's results as a signed bundle (one action, one audit entry)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.banks.catalog import Catalog
from app.domain.identity import mask_id_number, mask_name
from app.reports import score_report
from app.reports.bundle import Progress, results_csv, write_bundle
from app.security import qr_payload
from app.security.canonical import canonical_json
from app.services.base import Actor, NotFound, Service, require_role
from app.services.keys import KeyService
from app.services.scoring import ABSENT
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

    def _names(self, session: ExamSession) -> tuple[str, str, bool]:
        """(standard as printed, level name, whether the level requires a review)."""
        if self.catalog is None:
            return session.standard, session.level, False
        try:
            std = self.catalog.standard(session.standard)
            level = self.catalog.level(std, session.level, session.subtype)
        except Exception:  # a standard no longer bundled: print the codes
            return session.standard, session.level, False
        title = f"{std.code} {std.name}" + (f"（{session.subtype}）" if session.subtype else "")
        return title, level.name, level.review_required

    def _standing(
        self, s: Any, session: ExamSession
    ) -> tuple[list[Candidate], dict[int, tuple[str, dict[str, Any], str]], tuple[str, ...]]:
        """Candidates of a session and, per candidate: status, every part sat, overall result."""
        _title, _level, review = self._names(session)
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
        # every part a candidate has sat at this centre, matched across sessions by ID number
        people = {c.id_index for c in candidates}
        same_person = {
            c.id: c.id_index
            for c in s.scalars(select(Candidate).where(Candidate.id_index.in_(people)))
        }
        parts_by_person: dict[str, dict[str, dict[str, Any]]] = {}
        for result in s.scalars(select(Result).where(Result.candidate_id.in_(list(same_person)))):
            parts_by_person.setdefault(same_person[result.candidate_id], {})[result.part] = result.outcome
        required = ("theory", "skill", "review") if review else ("theory", "skill")
        standing = {}
        for cand in candidates:
            parts = parts_by_person.get(cand.id_index, {})
            attempt = attempts.get(cand.id)
            if session.part == "review":  # a panel scores the review: there is no paper to sit
                status = "reviewed" if "review" in parts else "awaiting review"
            else:
                status = _status(steps.get(attempt.id, []) if attempt else None)
            passed = [parts[p]["passed"] for p in required if p in parts]
            if passed and not all(passed):
                result = "不合格"
            elif len(passed) == len(required):
                result = "合格"
            else:
                result = "待定"
            standing[cand.id] = (status, parts, result)
        return list(candidates), standing, required

    def session_results(self, actor: Actor, session_id: int) -> list[ResultRow]:
        """Per candidate: each part's score and pass, and the overall result by the domain rules."""
        require_role(actor, "admin", "proctor", "chief")
        with self.db.reader() as s:
            session = s.get(ExamSession, session_id)
            if session is None:
                raise NotFound(f"no session {session_id}")
            candidates, standing, required = self._standing(s, session)
            return [
                ResultRow(c.ticket, c.name, standing[c.id][0],
                          {p: standing[c.id][1][p] for p in required if p in standing[c.id][1]}, standing[c.id][2])
                for c in candidates
            ]  # fmt: skip

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
            standard_title, level_name, _review = self._names(session)
            candidates, standing, required = self._standing(s, session)
            today = date.today().isoformat()
            rows, reports = [], {}
            for n, cand in enumerate(candidates, 1):
                status, parts, result = standing[cand.id]
                missed = session.part if status == ABSENT else None  # the part a no-show did not sit
                name = mask_name(cand.name) if mask else cand.name
                id_number = mask_id_number(cand.id_number) if mask else cand.id_number
                scores = {p: parts[p]["score"] for p in required if p in parts}
                record = {
                    "ticket": cand.ticket, "masked_id": mask_id_number(cand.id_number),
                    "standard": session.standard, "subtype": session.subtype, "level": session.level,
                    "scores": scores, "passed": result == "合格" if result != "待定" else None,
                    "session": session.code, "date": today, "centre": centre.code if centre else "",
                }  # fmt: skip
                payload = qr_payload.encode(record, key)
                rows.append(
                    {
                        "ticket": cand.ticket, "name": name, "id_number": id_number, "status": status,
                        "anonymous_code": cand.anonymous_code, "parts": parts, "result": result, "qr": payload,
                    }
                )  # fmt: skip
                reports[f"reports/{cand.ticket}.pdf"] = score_report.render(
                    score_report.ReportData(
                        centre=centre.name if centre else "", session=f"{session.code}（{session.room}）",
                        standard=standard_title, level=level_name, name=name, ticket=cand.ticket,
                        masked_id=mask_id_number(cand.id_number),
                        parts=[(p, parts[p]["score"] if p in parts else ABSENT_MARK if p == missed else None,
                                parts[p]["passed"] if p in parts else None) for p in required],
                        overall=result, date=today, qr_payload=payload, key_fingerprint=key.fingerprint,
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
                "results.json": canonical_json({"session": session.code, "part": session.part, "candidates": rows}),
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
                "created": date.today().isoformat(),
            }  # fmt: skip

            def packing(done: int, total: int) -> None:
                if progress:
                    progress(len(candidates) + done * len(candidates) // max(1, total), len(candidates) * 2)

            write_bundle(out, header=header, members=members, key=key, progress=packing)
        return ExportSummary(out, len(candidates), key.fingerprint)
