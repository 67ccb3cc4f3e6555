"""Exporting a session's results as a signed bundle (one action, one audit entry)."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from app.api.types import ResultRow
from app.banks.catalog import Catalog
from app.domain.attempt_state import AttemptState, StepKind
from app.domain.identity import mask_id_number, mask_name
from app.domain.item_analysis import answered, column_key
from app.domain.live_tasks import task_record
from app.domain.registration import Registration, SittingResult, counting_results
from app.domain.scoring import Verdict, decide_parts, part_passed, required_parts, required_parts_for, stated
from app.domain.standards import Part
from app.domain.time_ledger import Instant
from app.reports import score_report
from app.reports.bundle import LIVE, MATRIX, Progress, Spool, pack_bundle, response_matrix_csv, results_csv
from app.security import qr_payload
from app.security.canonical import canonical_json
from app.security.canonical import digest as canonical_digest
from app.security.envelope import FieldCipher
from app.security.signing import SigningKey
from app.services.analysis import Responses, read_responses
from app.services.answer_log import read_logs
from app.services.base import Actor, Conflict, NotFound, Service, ServiceError, require_duty, require_role
from app.services.incident_log import incident_record
from app.services.keys import KeyService
from app.services.live_scoring import LiveRead, session_live_reads
from app.services.packages import session_package
from app.services.scoring import ABSENT
from app.services.snapshot import Scope, audit_head, changes_since, gc_paused, snapshot
from app.store import seals
from app.store.audit import GENESIS
from app.store.clock import local_today
from app.store.database import Database
from app.store.models import (
    Attempt,
    AuditEntry,
    Candidate,
    Centre,
    ExamSession,
    Result,
)


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


def _status(log: AttemptState | None) -> str:
    """A candidate's status from their attempt's log (how it ended, whether it began); None: no attempt."""
    if log is None:
        return "absent"
    if log.ended is not None:
        return log.ended if log.ended in ("terminated", ABSENT) else "submitted"
    return "open" if log.began else "not started"


ABSENT_MARK = "缺考"  # printed on a score report where the candidate did not sit the part


class ExportService(Service):
    def __init__(self, db: Database, catalog: Catalog | None = None):
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

    def _standing(self, s: Any, session: ExamSession, rules: _Rules) -> tuple[list[Any], dict[int, _Standing]]:
        """Candidates of a session (id, ticket, name, ID number, anonymous code; no photo) and, per
        candidate: status, the parts that count, overall result.

        Only the sittings of the same registration count (this person, this standard and 工种,
        this level); of several sittings of one part, the latest."""
        session_id = session.id
        candidates = s.execute(
            select(Candidate.id, Candidate.ticket, Candidate.name, Candidate.id_number, Candidate.id_index,
                   Candidate.anonymous_code)
            .where(Candidate.session_id == session_id).order_by(Candidate.ticket)
        ).all()  # fmt: skip
        attempts = dict(s.execute(select(Attempt.candidate_id, Attempt.id)
                                  .where(Attempt.session_id == session_id)).all())  # fmt: skip
        in_session = select(Attempt.id).where(Attempt.session_id == session_id)
        logs = read_logs(s, in_session, kinds=(StepKind.SUBMIT,))  # whether each began, and how it ended
        sittings: dict[str, list[tuple[SittingResult, dict[str, Any]]]] = {}
        for id_index, code, held, part, outcome in s.execute(
            select(Candidate.id_index, ExamSession.code, ExamSession.scheduled_start, Result.part, Result.outcome)
            .join(ExamSession, ExamSession.id == Candidate.session_id)
            .join(Result, Result.candidate_id == Candidate.id)
            .where(*_registration_of(session))
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
                status = _status(None if attempt is None else logs[attempt])
            standing[cand.id] = _Standing(status, parts, VERDICT_TEXT[outcome.verdict])
        return list(candidates), standing

    def session_results(self, actor: Actor, session_id: int) -> list[ResultRow]:
        """Per candidate: each part's score and pass, and the overall result by the domain rules."""
        require_role(actor, "admin", "proctor", "chief")
        with self.db.reader() as s:
            session = s.get(ExamSession, session_id)
            if session is None:
                raise NotFound("no session {session}", session=session_id)
            if actor.role != "admin":  # a proctor or chief examiner of this session
                require_duty(s, actor, session_id, actor.role)
            candidates, standing = self._standing(s, session, self._rules(session))
            return [ResultRow(c.ticket, c.name, standing[c.id].status, standing[c.id].parts, standing[c.id].result)
                    for c in candidates]  # fmt: skip

    def export_session(
        self, actor: Actor, session_id: int, out: Path, *, mask: bool = True, reason: str = "",
        progress: Progress | None = None, workers: int | None = None,
    ) -> ExportSummary:  # fmt: skip
        """Write the session's signed bundle to `out`: one action, one audit entry.

        Everything the bundle holds is read in one read-only transaction; the reports are rendered
        (by `workers` processes; default: every core for a large session) and streamed to disk
        outside any transaction; then one short write transaction checks that nothing the bundle
        relied on changed since the read, puts the bundle in place and appends the audit entry.
        If something did change (a score, an incident, a late result), the export is refused and
        nothing is written: exporting again includes it. Names and ID numbers are masked unless
        the admin gives a reason for showing them in full (audited with the export)."""
        require_role(actor, "admin")
        if not mask and not reason.strip():
            raise ServiceError("an export with names and ID numbers in full needs a reason")
        key = KeyService(self.db).signing_key()
        data = {"session": session_id, "mask": mask, "file": out.name}
        if not mask:
            data["reason"] = reason.strip()
        part_file = out.with_name(out.name + ".part")
        try:
            with Spool(out.parent) as spool:
                with gc_paused():
                    read = self._read_for_export(session_id, spool)
                described = self._render_into(read, spool, key, mask, progress, workers)

                def packing(done: int, total: int) -> None:
                    if progress:
                        n = len(read.candidates)
                        progress(n + done * n // max(1, total), n * 2)

                manifest = pack_bundle(part_file, header={**read.header, **described, "masked": mask}, spool=spool,
                                       key=key, progress=packing)  # fmt: skip
            data["manifest_sha256"] = canonical_digest(manifest)  # the entry names the very bundle it put in place
            with self.action(actor, "export.bundle", f"session:{session_id}", data) as s:
                code = read.header["session"]["code"]
                changed = changes_since(s, read.head, read.scope)
                if changed:
                    raise Conflict("session {code} changed while its bundle was being written ({action} on "
                                   "{target}): export again",
                                   code=code, action=changed[0].action, target=changed[0].target)  # fmt: skip
                if s.execute(_results_fingerprint(read.registration)).one() != read.results:
                    raise Conflict("session {code}: another session recorded a result of the same registration while "
                                   "its bundle was being written: export again",
                                   code=code)  # fmt: skip
            # Only once the audit entry is committed does the bundle get its final name: a crash in
            # between leaves the .part file and an entry naming a bundle that never appeared (export
            # again), never a bundle under its name that the audit log does not record.
            os.replace(part_file, out)
        finally:
            part_file.unlink(missing_ok=True)
        return ExportSummary(out, len(read.candidates), key.fingerprint)

    def _read_for_export(self, session_id: int, spool: Spool) -> _ExportRead:
        """Everything a bundle holds, from one snapshot; the session's audit entries go straight to
        the spool as audit.json (they are most of a bundle's rows)."""
        with snapshot(self.db) as s:
            session = s.get(ExamSession, session_id)
            if session is None:
                raise NotFound("no session {session}", session=session_id)
            if session.state == "cancelled":
                raise Conflict("session {code} is cancelled: it has no results to export", code=session.code)
            head = audit_head(s)
            # a bundle signs what the store says: never a store changed outside ExamDesk (docs/store.md)
            sealed = seals.verify_seals(s.connection(), self.db.cipher, full=False)
            if not sealed.intact:
                raise Conflict("the store was changed outside ExamDesk ({problem}): nothing was exported. Run "
                               "'examdesk store verify'", problem=sealed.message)  # fmt: skip
            centre = s.scalars(select(Centre)).first()
            rules = self._rules(session)
            candidates, standing = self._standing(s, session, rules)
            attempt_ids = s.scalars(select(Attempt.id).where(Attempt.session_id == session_id)).all()
            scope = Scope.of(session_id, attempt_ids, [c.id for c in candidates])
            incidents = incident_record(s, session_id)  # with staff names and the clock's reasons
            with spool.member("audit.json") as write:  # the canonical JSON of the list, a slice at a time
                write(b"[")
                separator, covers = b"", scope.targets.__contains__
                for rows in s.connection().execute(_AUDIT_ROWS).partitions():
                    entries = [
                        {"seq": seq, "at": wall, "actor": who, "action": action, "target": target,
                         "data_digest": digest, "prev_mac": prev, "mac": mac}
                        for seq, wall, who, action, target, digest, prev, mac in rows
                        if covers(target.partition("/")[0])
                    ]  # fmt: skip
                    if entries:
                        write(separator + canonical_json(entries)[1:-1])
                        separator = b","
                write(b"]")
            registration = _registration_of(session)
            # a theory session's answers, for the anonymised response matrix (docs/results.md)
            responses = read_responses(s, session, self.catalog) if session.part == Part.THEORY else None
            # a skill session's observed and oral tasks: the record behind their scores (live_tasks.json)
            live = session_live_reads(s, session_id, Instant(self.db.epoch, self.db.mono())) \
                if session.part == Part.SKILL else None  # fmt: skip
            return _ExportRead(
                head=head, scope=scope, registration=registration,
                results=s.execute(_results_fingerprint(registration)).one(),
                header={
                    "centre": {"code": centre.code if centre else "", "name": centre.name if centre else ""},
                    "session": {
                        "code": session.code, "room": session.room, "part": session.part,
                        "standard": session.standard, "subtype": session.subtype, "level": session.level,
                        "scheduled_start": session.scheduled_start,
                        # a theory room with fewer proctors than 1:15 under full electronic surveillance
                        # (4-07-03-01 1.9.3): why, as the admin recorded it; None where it was not
                        "surveillance": session.surveillance_reason,
                    },
                    "candidates": len(candidates),
                    "created": local_today(self.db.clock).isoformat(),
                    # where the store's audit chain stood: a store put back to an earlier copy no longer
                    # holds it (`examdesk store verify --head SEQ:HASH`; docs/store.md)
                    "audit_head": f"{head}:{s.scalar(select(AuditEntry.mac).where(AuditEntry.seq == head)) or GENESIS}",
                    # the sealed package the session's papers came from (docs/packages.md), or None
                    "package": _package_of(s, session.code),
                },
                rules=rules, candidates=candidates, standing=standing, incidents=incidents, responses=responses,
                live=live,
            )  # fmt: skip

    def _render_into(self, read: _ExportRead, spool: Spool, key: SigningKey, mask: bool,
                     progress: Progress | None, workers: int | None) -> dict[str, Any]:  # fmt: skip
        """Score reports (streamed to the spool as they come), results.json, results.csv,
        incidents.json, a theory session's response matrix and a skill session's live task records:
        no transaction, no lock. Returns what the manifest says of the matrix and the live records."""
        session, centre, rules = read.header["session"], read.header["centre"], read.rules
        today = read.header["created"]
        rows, reports = [], []
        # the record behind each observed and oral task's score; the notes' text only in a bundle
        # that names the candidates anyway (unmasked, for an audited reason)
        live = {cid: [task_record(r.entry, r.card, r.attached, r.observations, r.group, note_texts=not mask,
                                  now=r.now, known=r.known)
                      for r in reads] for cid, reads in (read.live or {}).items()}  # fmt: skip
        for cand in read.candidates:
            standing = read.standing[cand.id]
            status, parts, result = standing.status, standing.parts, standing.result
            missed = session["part"] if status == ABSENT else None  # the part a no-show did not sit
            name = mask_name(cand.name) if mask else cand.name
            id_number = mask_id_number(cand.id_number) if mask else cand.id_number
            record = {
                "ticket": cand.ticket, "masked_id": mask_id_number(cand.id_number),
                "standard": session["standard"], "subtype": session["subtype"], "level": session["level"],
                "scores": {p: parts[p]["score"] for p in parts},
                "sittings": {p: parts[p]["session"] for p in parts},
                "passed": result == "合格" if result != "待定" else None,
                "session": session["code"], "date": today, "centre": centre["code"],
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
            reports.append(score_report.ReportData(
                centre=centre["name"], session=f"{session['code']}（{session['room']}）",
                standard=rules.title, level=rules.level_name, name=name, ticket=cand.ticket,
                masked_id=mask_id_number(cand.id_number), parts=report_parts, overall=result, date=today,
                qr_payload=payload, key_fingerprint=key.fingerprint, pass_mark=rules.pass_mark,
                review_summary=score_report.review_summary(parts.get("review", {}).get("detail")),
                # the live tasks of this sitting, when it is the skill sitting that counts
                live_summary=score_report.live_summary(live.get(cand.id, [])
                                                       if parts.get("skill", {}).get("session") == session["code"]
                                                       else []),
            ))  # fmt: skip
        total = len(reports)
        processes = score_report.render_workers(total) if workers is None else workers
        for n, (report, pdf) in enumerate(zip(reports, score_report.render_all(reports, processes), strict=True), 1):
            spool.add(f"reports/{report.ticket}.pdf", pdf)
            if progress:
                progress(n, total * 2)
        spool.add("results.json", canonical_json(
            {
                "session": session["code"],
                "part": session["part"],
                "pass_mark": rules.pass_mark,
                "registration": Registration(session["standard"], session["subtype"], session["level"]).as_dict(),
                "required_parts": [p.value for p in rules.required],
                "candidates": rows,
            }
        ))  # fmt: skip
        spool.add("results.csv", results_csv(rows))
        spool.add("incidents.json", canonical_json(read.incidents))
        described: dict[str, Any] = {"response_matrix": None, "live_tasks": None}
        if read.live is not None:  # a skill session: its observed and oral tasks' records (docs/results.md)
            records = [{"ticket": cand.ticket, "anonymous_code": cand.anonymous_code, "tasks": live[cand.id]}
                       for cand in read.candidates if cand.id in live]  # fmt: skip
            spool.add(LIVE, canonical_json({"session": session["code"], "note_texts": not mask, "candidates": records}))
            tasks = sum(len(r["tasks"]) for r in records)
            described["live_tasks"] = {"member": LIVE, "candidates": len(records), "tasks": tasks,
                                       "note_texts": not mask}  # fmt: skip
        if read.responses is None:
            return described
        tickets = {c.id: c.ticket for c in read.candidates}
        while True:  # a fresh salt per export: two exports' codes do not match up
            made = response_matrix(read.responses, tickets, session["code"], secrets.token_bytes(16), self.db.cipher)
            if made is not None:  # (None: two candidates' 64-bit codes clashed; never in practice)
                break
        spool.add(MATRIX, made[0])
        return {**described, "response_matrix": made[1]}


@dataclass(frozen=True)
class _ExportRead:
    """What an export read from its snapshot."""

    head: int  # the audit head of the snapshot
    scope: Scope  # the session, its attempts and candidates: an audited change to them refuses the export
    registration: tuple[Any, ...]  # the filter of this registration's results, in every session
    results: Any  # (count, last id) of those results when read
    header: dict[str, Any]  # the manifest's centre, session, candidates and date
    rules: _Rules
    candidates: list[Any]
    standing: dict[int, _Standing]
    incidents: list[dict[str, Any]]
    responses: Responses | None  # a theory session's response matrix; None for skill and review
    live: dict[int, list[LiveRead]] | None  # a skill session's observed and oral tasks, per candidate


_AUDIT_ROWS = select(
    AuditEntry.seq, AuditEntry.wall, AuditEntry.actor, AuditEntry.action, AuditEntry.target, AuditEntry.data_digest,
    AuditEntry.prev_mac, AuditEntry.mac,
).order_by(AuditEntry.seq).execution_options(yield_per=500)  # fmt: skip  (short holds of the GIL)


def _registration_of(session: ExamSession) -> tuple[Any, ...]:
    """Where-clauses for the candidates of every session of this session's registration who are
    also candidates of this session (by ID number): whose results count towards its results."""
    return (
        Candidate.id_index.in_(select(Candidate.id_index).where(Candidate.session_id == session.id)),
        ExamSession.standard == session.standard,
        ExamSession.subtype.is_not_distinct_from(session.subtype),
        ExamSession.level == session.level,
    )


def _results_fingerprint(registration: tuple[Any, ...]) -> Any:
    """(count, last id) of the results that count for a session's candidates: results are never
    deleted or changed, so a new one changes this."""
    return (
        select(func.count(Result.id), func.max(Result.id))
        .join(Candidate, Candidate.id == Result.candidate_id)
        .join(ExamSession, ExamSession.id == Candidate.session_id)
        .where(*registration)
    )


def matrix_code(cipher: FieldCipher, salt: bytes, session_code: str, ticket: str) -> str:
    """A candidate's code in one export's response matrix: a keyed digest (HMAC-SHA256 under the
    store's data key) of the export's salt, the session and the ticket. Only someone holding the
    centre's data key can compute it (the salt is in the signed manifest), so the code names no one
    outside the centre; a fresh salt per export makes it a new code every time. It is never the
    anonymous code the examiners scored under."""
    message = salt + b"\x00" + session_code.encode("utf-8") + b"\x00" + ticket.encode("utf-8")
    return "R" + cipher.mac(message, b"response-matrix")[:16]


def _number(value: Any) -> str:
    """A score or maximum as plain decimal text: at most 4 places, no trailing zeros ("1", "0.5")."""
    text = format(Decimal(str(value)).quantize(Decimal("0.0001")).normalize(), "f")
    return "0" if text in ("-0", "") else text


def _response_text(item_type: str, response: Any) -> str:
    """What a candidate answered, for the matrix: choice items the item's own option labels (several
    joined by commas), true/false `true` or `false`, fill-in the blanks' texts as a JSON list.
    Written answers (简答, 案例) are not copied: free text may name the candidate; their scores are."""
    if response is None or item_type in ("short", "case"):
        return ""
    if isinstance(response, bool):
        return "true" if response else "false"
    if item_type in ("single", "multiple"):
        labels = [response] if isinstance(response, str) else [str(r) for r in response]
        return ",".join(sorted(labels))
    return canonical_json(response).decode("utf-8")


def response_matrix(responses: Responses, tickets: dict[int, str], session_code: str, salt: bytes,
                    cipher: FieldCipher) -> tuple[bytes, dict[str, Any]] | None:  # fmt: skip
    """The CSV member and its description in the manifest (None if two candidates' codes clash under
    this salt). Rows are ordered by candidate code, then item version, so their order says nothing
    about tickets or seating."""
    specs = {column_key(spec): spec for spec in responses.specs}
    by_code: dict[str, list[tuple[str, ...]]] = {}
    for candidate_id, answers in responses.rows:
        code = matrix_code(cipher, salt, session_code, tickets[candidate_id])
        mine = by_code.setdefault(code, [])
        for key, (score, response) in answers.items():
            spec = specs[key]
            mine.append((code, spec.version, spec.id, spec.area, spec.type, _number(score), _number(spec.max_score),
                         "0" if answered(response) else "1", _response_text(spec.type, response)))  # fmt: skip
        mine.sort(key=lambda r: r[1])
    if len(by_code) != len(responses.rows):  # a clash would merge two people
        return None
    # Sorted a candidate at a time, never as one list: one sort of every row (180,000 for 3,000
    # candidates) compares tuples in C without letting another thread run, which held up a
    # station's save in the same process for most of a second.
    rows = [row for code in sorted(by_code) for row in by_code[code]]
    described = {
        "member": MATRIX, "salt": salt.hex(), "candidates": len(by_code), "items": len(specs), "rows": len(rows),
        "left_out": dict(sorted(responses.excluded.items())),
    }  # fmt: skip
    return response_matrix_csv(rows), described


def _package_of(s: Any, session_code: str) -> dict[str, Any] | None:
    """The exam owner's package the session's papers came from: its digest (the SHA-256 of the file the
    owner sent), id, owner key fingerprint and when it was opened; None for a session without one."""
    row = session_package(s, session_code, revoked_too=True)  # papers drawn before a revocation stay named
    if row is None:
        return None
    return {"digest": row.digest, "id": row.package_id, "owner": row.owner_fingerprint, "opened": row.opened_wall}
