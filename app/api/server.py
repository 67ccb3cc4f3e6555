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
from typing import TYPE_CHECKING, Any

from app import __version__
from app.api import wire
from app.api.apart import export_apart
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
    AttemptStatus,
    AttemptView,
    AuditHeadStatus,
    BankCheck,
    BankSummary,
    CandidateRow,
    CandidateSession,
    CandidateSettings,
    CentreInfo,
    Changes,
    EnrolmentCode,
    ExportResult,
    FileData,
    FinalizeAllSummary,
    Identity,
    JobStatus,
    JournalImported,
    LiveTask,
    LoginAlert,
    MoveCode,
    ObservationGroupView,
    OralCardView,
    OwnerKeyView,
    PackageView,
    PaperPreview,
    PublicKeyInfo,
    Readiness,
    ReadinessReport,
    ResultRow,
    ReviewCriteriaView,
    ReviewMaterialView,
    ReviewRecord,
    RevocationView,
    RosterEntry,
    SaveAck,
    SeatReadiness,
    SessionInfo,
    StaffSession,
    StandbyStatus,
    StationHead,
    StationInfo,
    StoreCopy,
    UserView,
    WorkItem,
)
from app.banks.roster_file import RosterRow
from app.domain.item_analysis import SessionAnalysis
from app.domain.standards import Standard
from app.errors import Problem, UserFacingError
from app.services.auth import AuthService
from app.services.backend import Backend
from app.services.base import Actor, PermissionDenied
from app.services.changes import ChangeFeed
from app.services.journal_import import JournalImportService
from app.services.library import summary
from app.services.readiness import ReadinessService
from app.services.standby import StandbyService
from app.services.stations import StationService

if TYPE_CHECKING:
    from app.centre.backup import CopyReport
    from app.centre.heads import HeadWatch
    from app.centre.standby import StandbyWatch

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
KEPT_JOBS = 200  # finished jobs remembered for their callers to collect


class Server:
    def __init__(self, backend: Backend):
        self.backend = backend
        self.auth = AuthService(backend.db)
        self.stations = StationService(backend.db)
        self.feed = ChangeFeed(backend.db)
        self.listeners: list[Callable[[], None]] = []  # told after every call (centre mode's event stream)
        self.copier: CopyReport | None = None  # a SQLite centre's copies of its store (app/centre/backup.py)
        self.readiness = ReadinessService(backend.db)
        self.standby = StandbyService(backend.db)
        self.standby_watch: StandbyWatch | None = None  # a PostgreSQL centre's standby (app/centre/standby.py)
        self.heads: HeadWatch | None = None  # centre mode: the audit head told to and held by stations
        self.jobs = Jobs()
        # exports run in a process of their own (app/api/apart.py): where this process also takes
        # stations' saves (the centre service, the desktop app); tests and the command line keep them here
        self.export_apart = False
        # a centre served by several processes: another one imported banks or standards since this
        # one loaded its catalogue; this one did (app/centre/workers.py)
        self.catalog_stale: Callable[[], bool] = lambda: False
        self.catalog_reloaded: Callable[[], None] = lambda: None
        # which calling stations may report their readiness: single-station mode admits this PC's
        # every station; the centre service replaces it with its enrolment check
        # which stations may report their readiness: every call that reaches here in centre mode came
        # with a valid station token (app/centre/service.py checks it first); single-station mode has one
        self.enrolled: Callable[[str], bool] = lambda station: True

    def standby_report(self, fresh: bool = False) -> StandbyStatus | None:
        """The standby as the centre service watches it (`fresh`: read now, not at the last poll)."""
        watch = self.standby_watch
        if watch is None:
            return None
        report = watch.poll_now() if fresh else watch.report
        return StandbyStatus(report.state, report.since, report.synchronous_names, report.detail)

    def call(self, method: str, token: str | None, station: str, arguments: dict[str, Any]) -> Any:
        """Run one call of the contract for the holder of `token` at `station`."""
        actor: Actor | None = None
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
                if interface != "candidate" and self.catalog_stale():
                    self.backend.reload_catalog()
                endpoint = ENDPOINTS[interface](self, actor, token or "", station)
            try:
                return getattr(endpoint, name)(**arguments)
            finally:
                for listener in self.listeners:
                    listener()
        except Exception as exc:
            error = refusal_of(exc)
            if error.code == "internal":
                log.exception("%s failed", method)
            elif error.code == "permission_denied" and actor is not None:
                self._audit_refusal(actor, method, station, error)
            raise error from None

    def _audit_refusal(self, actor: Actor, method: str, station: str, error: ApiError) -> None:
        """A signed-in caller was refused a call (no role or no duty for it): one audit entry of
        action "refused" naming the call, the station and the refusal's template (not its values,
        which may be personal). Only permission refusals are recorded: they are rare for honest
        staff, and an unsigned caller (bad token) has no actor to record and is not written for."""
        data = {"station": station, "template": error.message.template}
        try:
            with self.backend.accounts.action(actor, "refused", method, data):
                pass
        except Exception:  # the refusal stands whether or not its record could be written
            log.exception("%s: the refusal could not be audited", method)

    def handle(self, request: str) -> str:
        """One call as JSON text in, its reply as JSON text out."""
        try:
            data = json.loads(request)
            if not isinstance(data, dict) or not isinstance(data.get("method"), str):
                raise wire.BadRequest("a request names its method")
            token, station = data.get("token"), data.get("station")
            if (token is not None and not isinstance(token, str)) or not isinstance(station, str):
                raise wire.BadRequest("{method}: token and station must be text", method=data["method"])
        except json.JSONDecodeError:
            return wire.reply_error(wire.BadRequest("the request is not JSON"))
        except ApiError as error:
            return wire.reply_error(error)
        return self.respond(data["method"], token, station, data.get("args", {}))[0]

    def respond(self, method: str, token: str | None, station: str, args: Any) -> tuple[str, ApiError | None]:
        """One call whose arguments are JSON data: (the reply as JSON text, the refusal if it was one)."""
        try:
            value = self.call(method, token, station, wire.decode_args(method, args))
            return wire.reply_ok(method, value), None
        except ApiError as error:
            return wire.reply_error(error), error
        except Exception:  # encoding a result failed: a fault of ours
            log.exception("%s: the reply could not be encoded", method)
            fault = refusal_of(RuntimeError())
            return wire.reply_error(fault), fault


class Jobs:
    """Long work on a thread of its own; its starter polls `status` for progress and the result.

    Kept in this process's memory; a centre served by several processes keeps them where each
    of its processes finds them (app/centre/workers.py overrides `_publish` and `_elsewhere`)."""

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
        self._publish(job_id, dict(job), final=True)

        def progress(done: int, total: int) -> None:
            with self._lock:
                job["done"], job["total"] = done, total
                copy = dict(job)
            self._publish(job_id, copy, final=False)

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
                ended = {**job, **update}
            try:  # published before this process says so: whoever sees it end here finds it ended everywhere
                self._publish(job_id, ended, final=True)
            except Exception:
                log.exception("job %s (%s): its end could not be published", job_id, method)
            with self._lock:
                job.update(update)

        threading.Thread(target=run, name=f"job-{method}", daemon=True).start()
        return self.status(job_id, owner)

    def status(self, job_id: str, owner: Actor) -> JobStatus:
        with self._lock:
            job = self._jobs.get(job_id)
            job = dict(job) if job is not None else None
        if job is None:
            job = self._elsewhere(job_id)
        if job is None or job["owner"] != owner.label:
            raise ApiError("not_found", "no job {job}", {"job": job_id})
        return JobStatus(job_id, job["method"], job["state"], job["done"], job["total"], job["result"],
                         job["error"])  # fmt: skip

    def _publish(self, job_id: str, job: dict[str, Any], *, final: bool) -> None:
        """The job's state changed (`final`: started or ended, else progress): in memory only here."""

    def _elsewhere(self, job_id: str) -> dict[str, Any] | None:
        """A job this process does not run: none here."""
        return None


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

    def candidate_sign_in(self, ticket: str, id_number: str, move_code: str = "") -> CandidateSession:
        login = self.backend.exam.candidate_login(ticket=ticket, id_number=id_number, station=self.station,
                                                  move_code=move_code)  # fmt: skip
        return CandidateSession(login.actor.token, login.candidate_id, login.attempt_id, login.rules_read)

    def public_keys(self) -> list[PublicKeyInfo]:
        return self.backend.keys.public_keys()

    def clock(self) -> float:
        return self.backend.db.clock.now().timestamp()

    def version(self) -> str:
        return __version__

    def report_readiness(self, report: ReadinessReport) -> Readiness:
        if not self.server.enrolled(self.station):
            raise PermissionDenied("station {station} is not enrolled at this centre", station=self.station)
        return self.server.readiness.report(self.station, report)


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

    def settings(self) -> CandidateSettings:
        return self.backend.exam.candidate_settings(self.actor)

    def save_settings(self, settings: CandidateSettings) -> None:
        self.backend.exam.save_settings(self.actor, settings)

    def attempt_view(self, attempt_id: int) -> AttemptView:
        return self.backend.exam.attempt_view(self.actor, attempt_id)

    def attempt_status(self, attempt_id: int) -> AttemptStatus:
        return self.backend.exam.attempt_status(self.actor, attempt_id)

    def save_answer(self, attempt_id: int, expected_seq: int, slot: int, answer: Any,
                    step_id: str | None = None) -> SaveAck:  # fmt: skip
        return self.backend.exam.save_answer(self.actor, attempt_id, expected_seq, slot, answer, step_id)

    def set_flag(self, attempt_id: int, expected_seq: int, slot: int, flagged: bool,
                 step_id: str | None = None) -> SaveAck:  # fmt: skip
        return self.backend.exam.set_flag(self.actor, attempt_id, expected_seq, slot, flagged, step_id)

    def report_focus_loss(self, attempt_id: int, expected_seq: int, step_id: str | None = None) -> SaveAck:
        return self.backend.exam.report_focus_loss(self.actor, attempt_id, expected_seq, step_id)

    def submit(self, attempt_id: int, step_id: str | None = None, expected_seq: int | None = None) -> int:
        return self.backend.exam.submit(self.actor, attempt_id, step_id=step_id, expected_seq=expected_seq)

    def heartbeat(self, attempt_id: int, step_id: str | None = None, station_mono: float | None = None,
                  offline: bool = False) -> float:  # fmt: skip
        return self.backend.exam.heartbeat(self.actor, attempt_id, step_id=step_id, station_mono=station_mono,
                                           offline=offline)  # fmt: skip

    def submit_if_due(self, attempt_id: int) -> bool:
        self.backend.exam.attempt_view(self.actor, attempt_id)  # only the candidate's own attempt
        return self.backend.exam.auto_submit_if_due(attempt_id)

    def draw_card(self, attempt_id: int, slot: int) -> OralCardView:
        return self.backend.exam.draw_card(self.actor, attempt_id, slot)

    def attach_task_file(self, attempt_id: int, slot: int, filename: str, content: bytes) -> int:
        return self.backend.exam.attach_task_file(self.actor, attempt_id, slot, filename, content)


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

    def changes(self, session_id: int, after: int) -> Changes:
        return self.server.feed.changes(self.actor, session_id, after)

    def identity(self, candidate_id: int) -> Identity:
        return self.backend.exam.identity(self.actor, candidate_id)

    def check_in(self, candidate_id: int, station: str) -> None:
        self.backend.exam.check_in(self.actor, candidate_id, station)

    def sign_in_sheet(self, session_id: int) -> bytes:
        return self.backend.room_papers.sign_in_sheet(self.actor, session_id)

    def room_record(self, session_id: int) -> bytes:
        return self.backend.room_papers.room_record(self.actor, session_id)

    def allow_move(self, candidate_id: int, reason: str) -> MoveCode:
        return self.backend.exam.allow_move(self.actor, candidate_id, reason)

    def standby(self) -> StandbyStatus | None:
        return self.server.standby.status(self.actor, self.server.standby_report)

    def login_alerts(self, session_id: int) -> list[LoginAlert]:
        return self.backend.exam.login_alerts(self.actor, session_id)

    def clear_login_alert(self, session_id: int, ticket: str, station: str) -> None:
        self.backend.exam.clear_login_alert(self.actor, session_id, ticket, station)

    def import_journal(self, session_id: int, file: FileData) -> JournalImported:
        return JournalImportService(self.backend.db).import_journal(self.actor, session_id, file)

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

    def readiness(self, session_id: int) -> list[SeatReadiness]:
        return self.server.readiness.session_seats(self.actor, session_id)


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
        return self.backend.review.review_list(self.actor, session_id)

    def review_record(self, candidate_id: int) -> ReviewRecord:
        return self.backend.review.record(self.actor, candidate_id)

    def live_task(self, attempt_id: int, slot: int) -> LiveTask:
        return self.backend.live.live_task(self.actor, attempt_id, slot)

    def start_timer(self, attempt_id: int, slot: int) -> None:
        self.backend.live.start_timer(self.actor, attempt_id, slot)

    def stop_timer(self, attempt_id: int, slot: int) -> float:
        return self.backend.live.stop_timer(self.actor, attempt_id, slot)

    def add_observation_note(self, attempt_id: int, slot: int, point: int, text: str) -> None:
        self.backend.live.add_observation_note(self.actor, attempt_id, slot, point, text)

    def attach_task_file(self, attempt_id: int, slot: int, filename: str, content: bytes) -> int:
        return self.backend.live.attach_task_file(self.actor, attempt_id, slot, filename, content)

    def task_file(self, file_id: int) -> bytes:
        return self.backend.live.task_file(self.actor, file_id)

    def observation_groups(self, session_id: int) -> list[ObservationGroupView]:
        return self.backend.live.observation_groups(self.actor, session_id)

    def session_examiners(self, session_id: int) -> list[tuple[int, str]]:
        return self.backend.live.session_examiners(self.actor, session_id)

    def set_observation_group(self, session_id: int, name: str, candidates: list[str], examiners: list[int]) -> None:
        self.backend.live.set_observation_group(self.actor, session_id, name, candidates, examiners)

    def review_material(self, material_id: int) -> bytes:
        return self.backend.review.material_file(self.actor, material_id)

    def register_review_material(self, candidate_id: int, kind: str, title: str, pages: int | None = None,
                                 filename: str | None = None, content: bytes | None = None) -> int:  # fmt: skip
        return self.backend.review.register_material(self.actor, candidate_id, kind, title, pages, filename, content)

    def start_defence(self, candidate_id: int) -> None:
        self.backend.review.start_defence(self.actor, candidate_id)

    def end_defence(self, candidate_id: int) -> float:
        return self.backend.review.end_defence(self.actor, candidate_id)

    def add_review_note(self, candidate_id: int, kind: str, text: str) -> None:
        self.backend.review.add_note(self.actor, candidate_id, kind, text)

    def score_review(self, candidate_id: int, marks: dict[str, Decimal], comment: str = "") -> Decimal:
        return self.backend.review.score(self.actor, candidate_id, marks, comment)

    def finalize_review(self, candidate_id: int, disagreement_note: str = "") -> Decimal:
        return self.backend.review.finalize(self.actor, candidate_id, disagreement_note)


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

    def deactivate_user(self, user_id: int) -> None:
        self.backend.accounts.set_active(self.actor, user_id, False)

    def reactivate_user(self, user_id: int) -> None:
        self.backend.accounts.set_active(self.actor, user_id, True)

    def schedule_session(self, code: str, room: str, part: str, standard: str, level: str, scheduled_start: str,
                         duration_minutes: int, subtype: str | None = None) -> int:  # fmt: skip
        return self.backend.exam.schedule_session(
            self.actor, code=code, room=room, part=part, standard=standard, level=level,
            scheduled_start=scheduled_start, duration_minutes=duration_minutes, subtype=subtype,
        )  # fmt: skip

    def reschedule_session(self, session_id: int, scheduled_start: str, reason: str) -> None:
        self.backend.exam.reschedule_session(self.actor, session_id, scheduled_start, reason)

    def edit_session(self, session_id: int, reason: str, room: str | None = None, scheduled_start: str | None = None,
                     duration_minutes: int | None = None) -> list[str]:  # fmt: skip
        return self.backend.exam.edit_session(self.actor, session_id, reason=reason, room=room,
                                              scheduled_start=scheduled_start, duration_minutes=duration_minutes)

    def cancel_session(self, session_id: int, reason: str) -> None:
        self.backend.exam.cancel_session(self.actor, session_id, reason)

    def sign_in_sheet(self, session_id: int) -> bytes:
        return self.backend.room_papers.sign_in_sheet(self.actor, session_id)

    def room_record(self, session_id: int) -> bytes:
        return self.backend.room_papers.room_record(self.actor, session_id)

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

    def session_skill_tasks(self, session_id: int) -> list[tuple[str, str, str]]:
        return self.backend.scoring.session_skill_tasks(self.actor, session_id)

    def assign_examiner_tasks(self, session_id: int, user_id: int, tasks: list[str]) -> None:
        self.backend.scoring.assign_examiner_tasks(self.actor, session_id, user_id, tasks)

    def examiner_tasks(self, session_id: int) -> list[tuple[int, str]]:
        return self.backend.scoring.examiner_tasks(self.actor, session_id)

    def record_surveillance(self, session_id: int, reason: str) -> None:
        self.backend.exam.record_surveillance(self.actor, session_id, reason)

    def set_review_criteria(self, session_id: int, name: str, text: str) -> None:
        self.backend.review.set_criteria(self.actor, session_id, name, text)

    def observation_groups(self, session_id: int) -> list[ObservationGroupView]:
        return self.backend.live.observation_groups(self.actor, session_id)

    def session_examiners(self, session_id: int) -> list[tuple[int, str]]:
        return self.backend.live.session_examiners(self.actor, session_id)

    def set_observation_group(self, session_id: int, name: str, candidates: list[str], examiners: list[int]) -> None:
        self.backend.live.set_observation_group(self.actor, session_id, name, candidates, examiners)

    def review_criteria(self, session_id: int) -> ReviewCriteriaView:
        return self.backend.review.criteria_view(self.actor, session_id)

    def review_materials(self, candidate_id: int) -> list[ReviewMaterialView]:
        return list(self.backend.review.materials(self.actor, candidate_id))

    def register_review_material(self, candidate_id: int, kind: str, title: str, pages: int | None = None,
                                 filename: str | None = None, content: bytes | None = None,
                                 received: bool = True) -> int:  # fmt: skip
        return self.backend.review.register_material(self.actor, candidate_id, kind, title, pages, filename, content,
                                                     received)  # fmt: skip

    def mark_review_material(self, material_id: int, state: str) -> None:
        self.backend.review.mark_material(self.actor, material_id, state)

    def prepare_papers(self, session_id: int) -> JobStatus:
        return self.server.jobs.start(self.actor, "admin.prepare_papers",
                                      lambda progress: self.backend.papers.prepare_papers(self.actor, session_id,
                                                                                          progress))  # fmt: skip

    def export_session(self, session_id: int, mask: bool = True, reason: str = "", file_name: str = "") -> JobStatus:
        name = Path(file_name).name or f"session-{session_id}-results.zip"  # a name, never a path here

        def work(progress: Progress) -> ExportResult:
            with tempfile.TemporaryDirectory(prefix="export-", dir=self._spool()) as folder:
                out = Path(folder) / name
                if self.server.export_apart:
                    summary = export_apart(self.backend.db, self.backend.catalog, self.actor, session_id, out,
                                           mask=mask, reason=reason, progress=progress)  # fmt: skip
                else:
                    summary = self.backend.export.export_session(self.actor, session_id, out, mask=mask,
                                                                 reason=reason, progress=progress)  # fmt: skip
                files = (FileData(summary.path.name, summary.path.read_bytes()),)
            return ExportResult(files, summary.candidates, summary.key_fingerprint)

        return self.server.jobs.start(self.actor, "admin.export_session", work)

    def _spool(self) -> str | None:
        """Export files are made beside the store (the folder ExamDesk writes to), not in /tmp."""
        url = self.backend.db.engine.url
        return str(Path(url.database).parent) if url.get_backend_name() == "sqlite" and url.database else None

    def session_analysis(self, session_id: int) -> SessionAnalysis:
        return self.backend.analysis.session_analysis(self.actor, session_id)

    def record_item_statistics(self, session_id: int) -> int:
        return self.backend.analysis.record_statistics(self.actor, session_id)

    def rotate_signing_key(self) -> str:
        return self.backend.keys.rotate(self.actor)

    def enrolment_code(self, station: str) -> EnrolmentCode:
        return self.server.stations.issue_code(self.actor, station)

    def stations(self) -> list[StationInfo]:
        return self.server.stations.stations(self.actor)

    def revoke_station(self, station: str) -> int:
        return self.server.stations.revoke(self.actor, station)

    def store_copy(self) -> StoreCopy | None:
        copier = self.server.copier
        if copier is None:
            return None
        last = copier.last
        return StoreCopy(last.made_at if last else "", last.bytes if last else 0, last.audit_head if last else 0,
                         str(copier.target_dir), copier.failure)  # fmt: skip

    def audit_head(self) -> AuditHeadStatus | None:
        heads = self.server.heads
        if heads is None:
            return None
        alarm = heads.first_alarm()
        return AuditHeadStatus(str(heads.current()), alarm.message if alarm else "", heads.alarm_count(),
                               [StationHead(s, h) for s, h in sorted(heads.held().items())])  # fmt: skip

    def standby(self) -> StandbyStatus | None:
        return self.server.standby.status(self.actor, self.server.standby_report)

    def detach_standby(self) -> StandbyStatus:
        return self.server.standby.detach(self.actor, self._fresh_standby)

    def attach_standby(self, name: str) -> StandbyStatus:
        return self.server.standby.attach(self.actor, name, self._fresh_standby)

    def _fresh_standby(self) -> StandbyStatus | None:
        return self.server.standby_report(fresh=True)

    def readiness(self, session_id: int | None = None) -> list[SeatReadiness]:
        if session_id is None:
            return self.server.readiness.all_stations(self.actor)
        return self.server.readiness.session_seats(self.actor, session_id)

    def standards(self) -> list[Standard]:
        return sorted(self.backend.catalog.standards.values(), key=lambda s: s.code)

    def standards_problems(self) -> list[Problem]:
        return list(self.backend.catalog_problems)

    def import_standards(self, files: list[FileData]) -> JobStatus:
        def work(progress: Progress) -> list[Standard]:
            read = self.backend.library.import_standards(self.actor, self.backend.catalog, files, progress)
            self.backend.reload_catalog()
            self.server.catalog_reloaded()
            return read

        return self.server.jobs.start(self.actor, "admin.import_standards", work)

    def import_banks(
        self, files: list[FileData], standard: str = "", mapping: FileData | None = None, skip_unsupported: bool = False
    ) -> JobStatus:
        def work(progress: Progress) -> list[BankSummary]:
            infos = self.backend.library.import_banks(self.actor, self.backend.catalog, files, progress,
                                                      standard=standard, mapping=mapping,
                                                      skip_unsupported=skip_unsupported)  # fmt: skip
            self.backend.reload_catalog()
            self.server.catalog_reloaded()
            return [summary(info) for info in infos]

        return self.server.jobs.start(self.actor, "admin.import_banks", work)

    def check_banks(
        self, files: list[FileData], standard: str = "", mapping: FileData | None = None, skip_unsupported: bool = False
    ) -> JobStatus:
        def work(progress: Progress) -> BankCheck:
            return self.backend.library.check_banks(self.actor, self.backend.catalog, files, progress,
                                                    standard=standard, mapping=mapping,
                                                    skip_unsupported=skip_unsupported)  # fmt: skip

        return self.server.jobs.start(self.actor, "admin.check_banks", work)

    def imported_standards(self) -> list[str]:
        return self.backend.library.imported_standards(self.actor, self.backend.catalog)

    def export_bank(self, bank: str, fmt: str, version: str = "", level: str | None = None) -> JobStatus:
        def work(progress: Progress) -> FileData:
            return self.backend.library.export_bank(self.actor, self.backend.catalog, bank, fmt, version, level,
                                                    progress)  # fmt: skip

        return self.server.jobs.start(self.actor, "admin.export_bank", work)

    def banks(self) -> list[BankSummary]:
        return self.backend.library.banks(self.actor, self.backend.catalog)

    def owner_keys(self) -> list[OwnerKeyView]:
        return self.backend.packages.owner_keys(self.actor)

    def trust_owner(self, key: FileData, name: str = "") -> OwnerKeyView:
        return self.backend.packages.trust_owner(self.actor, key, name)

    def packages(self) -> list[PackageView]:
        return self.backend.packages.packages(self.actor)

    def import_package(self, package: FileData) -> PackageView:
        return self.backend.packages.import_package(self.actor, package)

    def open_package(self, digest: str, release_key: str) -> PackageView:
        return self.backend.packages.open_package(self.actor, self.backend.catalog, digest, release_key)

    def revoke_package(self, revocation: FileData) -> RevocationView:
        return self.backend.packages.revoke_package(self.actor, revocation)

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
