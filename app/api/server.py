"""The services behind the contract: each call's token becomes the acting user, then one service call.

`Server.call` is the in-process entry; `Server.handle` takes and returns JSON text (app/api/wire.py),
as centre mode will over HTTPS. Every refusal leaves as an ApiError; anything else is logged here
in full and leaves as `internal`. The endpoint classes below implement the role interfaces of
app/api/contract.py (mypy checks them against the protocols): they only translate, the services
decide.
"""

from __future__ import annotations

import json
import logging
import secrets
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from app.api import wire
from app.api.contract import (
    INTERFACES,
    JOB_RESULTS,
    ROLES,
    AdminApi,
    CandidateApi,
    ExaminerApi,
    Incident,
    ProctorApi,
    PublicApi,
)
from app.api.errors import ApiError, refusal_of
from app.api.types import (
    AttemptView,
    BankSummary,
    CandidateRow,
    CandidateSession,
    CentreInfo,
    ExportResult,
    FileData,
    FinalizeAllSummary,
    Identity,
    JobStatus,
    PaperPreview,
    PublicKeyInfo,
    ResultRow,
    RosterEntry,
    SaveAck,
    SessionInfo,
    StaffSession,
    UserView,
    WorkItem,
)
from app.banks.roster_file import RosterRow
from app.domain.item_analysis import SessionAnalysis
from app.domain.standards import Standard
from app.errors import Problem, UserFacingError
from app.services.auth import AuthService
from app.services.backend import Backend
from app.services.base import Actor
from app.services.library import summary

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
KEPT_JOBS = 200  # finished jobs remembered for their callers to collect


class Server:
    def __init__(self, backend: Backend):
        self.backend = backend
        self.auth = AuthService(backend.db)
        self.jobs = Jobs()

    def call(self, method: str, token: str | None, station: str, arguments: dict[str, Any]) -> Any:
        """Run one call of the contract for the holder of `token` at `station`."""
        try:
            wire.signature(method)  # only what the contract declares can be called
            interface, _, name = method.partition(".")
            endpoint: Any
            if interface == "public":
                endpoint = PublicEndpoint(self, station)
            else:
                actor = self.auth.actor_for(token, station)
                allowed = ROLES[interface]
                if actor.role not in allowed:
                    raise ApiError("permission_denied", "{role} may not do this (needs {roles})",
                                   {"role": actor.role, "roles": " or ".join(sorted(allowed))})
                endpoint = ENDPOINTS[interface](self, actor, token or "", station)
            return getattr(endpoint, name)(**arguments)
        except Exception as exc:
            error = refusal_of(exc)
            if error.code == "internal":
                log.exception("%s failed", method)
            raise error from None

    def handle(self, request: str) -> str:
        """One call as JSON text in, its reply as JSON text out."""
        method = "?"
        try:
            data = json.loads(request)
            if not isinstance(data, dict) or not isinstance(data.get("method"), str):
                raise wire.BadRequest("a request names its method")
            method = data["method"]
            token, station = data.get("token"), data.get("station")
            if (token is not None and not isinstance(token, str)) or not isinstance(station, str):
                raise wire.BadRequest("{method}: token and station must be text", method=method)
            value = self.call(method, token, station, wire.decode_args(method, data.get("args", {})))
            return wire.reply_ok(method, value)
        except json.JSONDecodeError:
            return wire.reply_error(wire.BadRequest("the request is not JSON"))
        except ApiError as error:
            return wire.reply_error(error)
        except Exception:  # encoding a result failed: a fault of ours
            log.exception("%s: the reply could not be encoded", method)
            return wire.reply_error(refusal_of(RuntimeError()))


class Jobs:
    """Long work on a thread of its own; its starter polls `status` for progress and the result."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._jobs: OrderedDict[str, dict[str, Any]] = OrderedDict()

    def start(self, owner: Actor, method: str, work: Callable[[Progress], Any]) -> JobStatus:
        job_id = secrets.token_hex(8)
        job = {"owner": owner.label, "method": method, "state": "running", "done": 0, "total": 0,
               "result": None, "error": None}  # fmt: skip
        with self._lock:
            self._jobs[job_id] = job
            while len(self._jobs) > KEPT_JOBS:
                oldest = next(iter(self._jobs))
                if self._jobs[oldest]["state"] == "running":
                    break
                self._jobs.popitem(last=False)

        def progress(done: int, total: int) -> None:
            with self._lock:
                job["done"], job["total"] = done, total

        def run() -> None:
            try:
                result = wire.encode(JOB_RESULTS[method], work(progress))
                update = {"state": "done", "result": result}
            except Exception as exc:
                error = refusal_of(exc)
                if error.code == "internal":
                    log.exception("job %s (%s) failed", job_id, method)
                update = {"state": "failed", "error": error.to_json()}
            with self._lock:
                job.update(update)

        threading.Thread(target=run, name=f"job-{method}", daemon=True).start()
        return self.status(job_id, owner)

    def status(self, job_id: str, owner: Actor) -> JobStatus:
        with self._lock:
            job = self._jobs.get(job_id)
            if job is None or job["owner"] != owner.label:
                raise ApiError("not_found", "no job {job}", {"job": job_id})
            return JobStatus(job_id, job["method"], job["state"], job["done"], job["total"], job["result"],
                             job["error"])  # fmt: skip


class PublicEndpoint:
    def __init__(self, server: Server, station: str):
        self.server, self.backend, self.station = server, server.backend, station

    def centre(self) -> CentreInfo:
        return CentreInfo(*self.backend.accounts.centre())

    def set_up_centre(self, code: str, name: str, admin_username: str, admin_password: str) -> None:
        self.backend.accounts.set_up_centre(code=code, name=name, admin_username=admin_username,
                                            admin_password=admin_password)  # fmt: skip

    def sign_in(self, username: str, password: str) -> StaffSession:
        return self.server.auth.sign_in(username, password, self.station)

    def candidate_sign_in(self, ticket: str, id_number: str) -> CandidateSession:
        login = self.backend.exam.candidate_login(ticket=ticket, id_number=id_number, station=self.station)
        return CandidateSession(login.actor.token, login.candidate_id, login.attempt_id)

    def public_keys(self) -> list[PublicKeyInfo]:
        return self.backend.keys.public_keys()


class _Signed:
    def __init__(self, server: Server, actor: Actor, token: str, station: str):
        self.server, self.backend, self.actor = server, server.backend, actor
        self.token, self.station = token, station

    def sign_out(self) -> None:
        self.server.auth.sign_out(self.token, self.station)

    def job_status(self, job_id: str) -> JobStatus:
        return self.server.jobs.status(job_id, self.actor)


class CandidateEndpoint(_Signed):
    def identity(self) -> Identity:
        return self.backend.exam.identity(self.actor)

    def exam_names(self) -> tuple[str, str]:
        who = self.backend.exam.identity(self.actor)
        return _exam_names(self.backend, who.standard, who.level, who.subtype)

    def accept_rules(self) -> None:
        self.backend.exam.accept_rules(self.actor)

    def attempt_view(self, attempt_id: int) -> AttemptView:
        return self.backend.exam.attempt_view(self.actor, attempt_id)

    def save_answer(self, attempt_id: int, expected_seq: int, slot: int, answer: Any) -> SaveAck:
        return self.backend.exam.save_answer(self.actor, attempt_id, expected_seq, slot, answer)

    def set_flag(self, attempt_id: int, expected_seq: int, slot: int, flagged: bool) -> SaveAck:
        return self.backend.exam.set_flag(self.actor, attempt_id, expected_seq, slot, flagged)

    def report_focus_loss(self, attempt_id: int, expected_seq: int) -> SaveAck:
        return self.backend.exam.report_focus_loss(self.actor, attempt_id, expected_seq)

    def submit(self, attempt_id: int) -> int:
        return self.backend.exam.submit(self.actor, attempt_id)

    def submit_if_due(self, attempt_id: int) -> bool:
        self.backend.exam.attempt_view(self.actor, attempt_id)  # only the candidate's own attempt
        return self.backend.exam.auto_submit_if_due(attempt_id)


def _exam_names(backend: Backend, standard: str, level: str, subtype: str | None) -> tuple[str, str]:
    """(occupation name, level name) from the catalogue; empty for a standard this centre does not know."""
    catalog = backend.catalog
    try:
        found = catalog.standard(standard)
        return found.name, catalog.level(found, level, subtype).name
    except UserFacingError:  # a standard this centre no longer knows: the screen shows codes
        return "", ""


class _SessionsRead(_Signed):
    def sessions(self) -> list[SessionInfo]:
        return self.backend.exam.sessions(self.actor)

    def session_results(self, session_id: int) -> list[ResultRow]:
        return self.backend.export.session_results(self.actor, session_id)


class ProctorEndpoint(_SessionsRead):
    def session_overview(self, session_id: int) -> list[CandidateRow]:
        return self.backend.exam.session_overview(self.actor, session_id)

    def identity(self, candidate_id: int) -> Identity:
        return self.backend.exam.identity(self.actor, candidate_id)

    def check_in(self, candidate_id: int, station: str) -> None:
        self.backend.exam.check_in(self.actor, candidate_id, station)

    def allow_move(self, candidate_id: int, reason: str) -> None:
        self.backend.exam.allow_move(self.actor, candidate_id, reason)

    def minutes_to_start(self, session_id: int) -> int:
        return self.backend.exam.minutes_to_start(self.actor, session_id)

    def start_session(self, session_id: int, early_ok: bool = False) -> None:
        self.backend.exam.start_session(self.actor, session_id, early_ok=early_ok)

    def pause(self, session_id: int, attempt_id: int | None, reason: str) -> None:
        self.backend.exam.pause(self.actor, session_id, attempt_id, reason)

    def resume(self, session_id: int, attempt_id: int | None, reason: str = "") -> None:
        self.backend.exam.resume(self.actor, session_id, attempt_id, reason)

    def extend(self, session_id: int, attempt_id: int | None, seconds: float, reason: str) -> None:
        self.backend.exam.extend(self.actor, session_id, attempt_id, seconds, reason)

    def terminate(self, attempt_id: int, reason: str) -> None:
        self.backend.exam.terminate(self.actor, attempt_id, reason)

    def submit(self, attempt_id: int, reason: str) -> int:
        return self.backend.exam.submit(self.actor, attempt_id, reason=reason)

    def incidents(self, session_id: int) -> list[Incident]:
        return self.backend.exam.incidents(self.actor, session_id)

    def record_incident(self, session_id: int, category: str, text: str, candidate_id: int | None = None) -> None:
        self.backend.exam.record_incident(self.actor, session_id, category, text, candidate_id)

    def close_session(self, session_id: int) -> JobStatus:
        def work(_progress: Progress) -> dict[str, int]:
            return self.backend.exam.close_session(self.actor, session_id)

        return self.server.jobs.start(self.actor, "proctor.close_session", work)

    def exam_names(self, standard: str, level: str, subtype: str | None = None) -> tuple[str, str]:
        return _exam_names(self.backend, standard, level, subtype)


class ExaminerEndpoint(_SessionsRead):
    def session_level(self, session_id: int) -> tuple[str, bool]:
        return self.backend.scoring.session_level(self.actor, session_id)

    def worklist(self, session_id: int) -> list[WorkItem]:
        return self.backend.scoring.worklist(self.actor, session_id)

    def answer_for(self, attempt_id: int, slot: int) -> Any:
        return self.backend.scoring.answer_for(self.actor, attempt_id, slot)

    def score_task(self, attempt_id: int, slot: int, awarded: dict[int, Decimal], comment: str = "",
                   arbitration: bool = False) -> Decimal:  # fmt: skip
        return self.backend.scoring.score_task(self.actor, attempt_id, slot, awarded, comment,
                                               arbitration=arbitration)  # fmt: skip

    def finalize(self, attempt_id: int) -> Decimal:
        return self.backend.scoring.finalize(self.actor, attempt_id)

    def finalize_all(self, session_id: int) -> FinalizeAllSummary:
        return self.backend.scoring.finalize_all(self.actor, session_id)

    def review_list(self, session_id: int) -> list[tuple[int, str, bool]]:
        return self.backend.scoring.review_list(self.actor, session_id)

    def score_review(self, candidate_id: int, score: Decimal, comment: str = "") -> None:
        self.backend.scoring.score_review(self.actor, candidate_id, score, comment)

    def finalize_review(self, candidate_id: int) -> Decimal:
        return self.backend.scoring.finalize_review(self.actor, candidate_id)


class AdminEndpoint(_SessionsRead):
    def users(self) -> list[UserView]:
        return self.backend.accounts.users(self.actor)

    def create_user(self, username: str, role: str, display_name: str, password: str) -> UserView:
        return self.backend.accounts.create_user(self.actor, username=username, role=role,
                                                 display_name=display_name, password=password)  # fmt: skip

    def reset_password(self, user_id: int, new_password: str) -> None:
        self.backend.accounts.reset_password(self.actor, user_id, new_password)

    def unlock(self, user_id: int) -> None:
        self.backend.accounts.unlock(self.actor, user_id)

    def schedule_session(self, code: str, room: str, part: str, standard: str, level: str, scheduled_start: str,
                         duration_minutes: int, subtype: str | None = None) -> int:  # fmt: skip
        return self.backend.exam.schedule_session(
            self.actor, code=code, room=room, part=part, standard=standard, level=level,
            scheduled_start=scheduled_start, duration_minutes=duration_minutes, subtype=subtype,
        )  # fmt: skip

    def reschedule_session(self, session_id: int, scheduled_start: str, reason: str) -> None:
        self.backend.exam.reschedule_session(self.actor, session_id, scheduled_start, reason)

    def archive_session(self, session_id: int, retain_years: int | None = None) -> str:
        if retain_years is None:
            return self.backend.exam.archive_session(self.actor, session_id)
        return self.backend.exam.archive_session(self.actor, session_id, retain_years=retain_years)

    def roster(self, session_id: int) -> list[RosterEntry]:
        return self.backend.exam.roster(self.actor, session_id)

    def import_roster(self, session_id: int, rows: list[RosterRow], source: str) -> int:
        return self.backend.exam.import_roster(self.actor, session_id, rows, source)

    def assign_staff(self, session_id: int, user_id: int, duty: str) -> None:
        self.backend.scoring.assign_staff(self.actor, session_id, user_id, duty)

    def unassign_staff(self, session_id: int, user_id: int, duty: str) -> None:
        self.backend.scoring.unassign_staff(self.actor, session_id, user_id, duty)

    def session_staff(self, session_id: int) -> list[tuple[int, str]]:
        return self.backend.scoring.session_staff(self.actor, session_id)

    def record_surveillance(self, session_id: int, reason: str) -> None:
        self.backend.exam.record_surveillance(self.actor, session_id, reason)

    def prepare_papers(self, session_id: int) -> JobStatus:
        return self.server.jobs.start(self.actor, "admin.prepare_papers",
                                      lambda progress: self.backend.papers.prepare_papers(self.actor, session_id,
                                                                                          progress))  # fmt: skip

    def export_session(self, session_id: int, mask: bool = True, reason: str = "", file_name: str = "") -> JobStatus:
        name = Path(file_name).name or f"session-{session_id}-results.zip"  # a name, never a path here

        def work(progress: Progress) -> ExportResult:
            with tempfile.TemporaryDirectory(prefix="export-", dir=self._spool()) as folder:
                out = Path(folder) / name
                summary = self.backend.export.export_session(self.actor, session_id, out, mask=mask, reason=reason,
                                                             progress=progress)  # fmt: skip
                files = (FileData(summary.path.name, summary.path.read_bytes()),)
            return ExportResult(files, summary.candidates, summary.key_fingerprint)

        return self.server.jobs.start(self.actor, "admin.export_session", work)

    def _spool(self) -> str | None:
        """Export files are made beside the store (the folder ExamDesk writes to), not in /tmp."""
        url = self.backend.db.engine.url
        return str(Path(url.database).parent) if url.get_backend_name() == "sqlite" and url.database else None

    def session_analysis(self, session_id: int) -> SessionAnalysis:
        return self.backend.analysis.session_analysis(self.actor, session_id)

    def rotate_signing_key(self) -> str:
        return self.backend.keys.rotate(self.actor)

    def standards(self) -> list[Standard]:
        return sorted(self.backend.catalog.standards.values(), key=lambda s: s.code)

    def standards_problems(self) -> list[Problem]:
        return list(self.backend.catalog_problems)

    def import_standards(self, files: list[FileData]) -> JobStatus:
        def work(progress: Progress) -> list[Standard]:
            read = self.backend.library.import_standards(self.actor, self.backend.catalog, files, progress)
            self.backend.reload_catalog()
            return read

        return self.server.jobs.start(self.actor, "admin.import_standards", work)

    def import_banks(self, files: list[FileData]) -> JobStatus:
        def work(progress: Progress) -> list[BankSummary]:
            infos = self.backend.library.import_banks(self.actor, self.backend.catalog, files, progress)
            self.backend.reload_catalog()
            return [summary(info) for info in infos]

        return self.server.jobs.start(self.actor, "admin.import_banks", work)

    def imported_standards(self) -> list[str]:
        return self.backend.library.imported_standards(self.actor, self.backend.catalog)

    def banks(self) -> list[BankSummary]:
        return self.backend.library.banks(self.actor, self.backend.catalog)

    def skill_task_minutes(self, standard: str, level: str, subtype: str | None = None) -> list[tuple[str, int]]:
        return self.backend.papers.skill_task_minutes(self.actor, standard, level, subtype)

    def paper_preview(self, standard: str, level: str, part: str, seed: str,
                      subtype: str | None = None) -> PaperPreview:  # fmt: skip
        return self.backend.papers.preview(self.actor, standard, level, part, seed, subtype)


ENDPOINTS: dict[str, type[_Signed]] = {
    "candidate": CandidateEndpoint,
    "proctor": ProctorEndpoint,
    "examiner": ExaminerEndpoint,
    "admin": AdminEndpoint,
}
assert set(ENDPOINTS) | {"public"} == set(INTERFACES)



def _implements(candidate: CandidateEndpoint, proctor: ProctorEndpoint, examiner: ExaminerEndpoint,
                admin: AdminEndpoint, public: PublicEndpoint) -> tuple[CandidateApi, ProctorApi, ExaminerApi, AdminApi,
                                                                        PublicApi]:  # fmt: skip
    """Never called: mypy checks here that each endpoint implements its role's interface."""
    return candidate, proctor, examiner, admin, public
