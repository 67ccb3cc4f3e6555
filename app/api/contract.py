"""The service contract: one typed interface per role, plain data in and out.

A station holds a token from `PublicApi.sign_in` (staff) or `PublicApi.candidate_sign_in`; every
other call carries it, and the service derives who is acting from it (app/api/server.py). The
role's interface says what may be asked; the services still check duties (this proctor, this
session) on every call. Types in and out are those of app/api/types.py, the domain's value types
(standards, the item analysis) and builtins: all JSON-serialisable (app/api/wire.py). A refusal
is an `ApiError` (app/api/errors.py) with a code and parameters.

Long work (imports, paper preparation, exports) is a job: the call returns a `JobStatus` at once
and `job_status` reports its progress; `JOB_RESULTS` names the type of each job's result.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Protocol

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
from app.errors import Problem

Incident = tuple[str, str | None, str, str, str]  # wall time, candidate ticket, category, text, who recorded it


class PublicApi(Protocol):
    """What anyone at a station may ask before signing in."""

    def centre(self) -> CentreInfo:
        """This centre's code and name (empty before set-up): printed on every screen and report."""
        ...

    def set_up_centre(self, code: str, name: str, admin_username: str, admin_password: str) -> None:
        """First run only: the centre, its first administrator and signing key."""
        ...

    def sign_in(self, username: str, password: str) -> StaffSession:
        """A staff member signs in on the calling station (lockout after repeated failures)."""
        ...

    def candidate_sign_in(self, ticket: str, id_number: str) -> CandidateSession:
        """A candidate signs in on the calling station with ticket and ID number."""
        ...

    def public_keys(self) -> list[PublicKeyInfo]:
        """The centre's public signing keys: anyone may verify what the centre signed."""
        ...


class SignedInApi(Protocol):
    """What every signed-in station may ask."""

    def sign_out(self) -> None: ...

    def job_status(self, job_id: str) -> JobStatus:
        """A job this caller started: its progress, then its result or refusal."""
        ...


class CandidateApi(SignedInApi, Protocol):
    def identity(self) -> Identity: ...

    def exam_names(self) -> tuple[str, str]:
        """(occupation name, level name) of the candidate's exam as the standard names them; empty
        where the standard is not known at this centre (the screen shows the codes instead)."""
        ...

    def accept_rules(self) -> None: ...

    def attempt_view(self, attempt_id: int) -> AttemptView: ...

    def save_answer(self, attempt_id: int, expected_seq: int, slot: int, answer: Any) -> SaveAck: ...

    def set_flag(self, attempt_id: int, expected_seq: int, slot: int, flagged: bool) -> SaveAck: ...

    def report_focus_loss(self, attempt_id: int, expected_seq: int) -> SaveAck: ...

    def submit(self, attempt_id: int) -> int: ...

    def submit_if_due(self, attempt_id: int) -> bool:
        """The station's countdown reached zero: submit now if the store agrees the time is up."""
        ...


class ProctorApi(SignedInApi, Protocol):
    def sessions(self) -> list[SessionInfo]: ...

    def session_overview(self, session_id: int) -> list[CandidateRow]: ...

    def identity(self, candidate_id: int) -> Identity: ...

    def check_in(self, candidate_id: int, station: str) -> None: ...

    def allow_move(self, candidate_id: int, reason: str) -> None: ...

    def minutes_to_start(self, session_id: int) -> int: ...

    def start_session(self, session_id: int, early_ok: bool = False) -> None: ...

    def pause(self, session_id: int, attempt_id: int | None, reason: str) -> None: ...

    def resume(self, session_id: int, attempt_id: int | None, reason: str = "") -> None: ...

    def extend(self, session_id: int, attempt_id: int | None, seconds: float, reason: str) -> None: ...

    def terminate(self, attempt_id: int, reason: str) -> None: ...

    def submit(self, attempt_id: int, reason: str) -> int:
        """Force-submit a candidate's paper, with the reason on record."""
        ...

    def incidents(self, session_id: int) -> list[Incident]: ...

    def record_incident(self, session_id: int, category: str, text: str, candidate_id: int | None = None) -> None: ...

    def close_session(self, session_id: int) -> JobStatus:
        """Close the session and grade what the keys can grade, as a job (3,000 candidates take seconds);
        its result counts the papers by how they ended."""
        ...

    def session_results(self, session_id: int) -> list[ResultRow]: ...

    def exam_names(self, standard: str, level: str, subtype: str | None = None) -> tuple[str, str]:
        """(occupation name, level name) as the standard names them, for a session's header; empty
        where the standard is not known at this centre (the screen shows the codes instead)."""
        ...


class ExaminerApi(SignedInApi, Protocol):
    """Examiners and the chief examiner: scoring blind to identity."""

    def sessions(self) -> list[SessionInfo]: ...

    def session_level(self, session_id: int) -> tuple[str, bool]:
        """(the level's name as the session's standard prints it, whether that level requires a
        comprehensive review) for a session the caller scores or reviews in; ("", False) when the
        centre no longer knows the standard (the screen shows the level's code)."""
        ...

    def worklist(self, session_id: int) -> list[WorkItem]: ...

    def answer_for(self, attempt_id: int, slot: int) -> Any: ...

    def score_task(self, attempt_id: int, slot: int, awarded: dict[int, Decimal], comment: str = "",
                   arbitration: bool = False) -> Decimal: ...  # fmt: skip

    def finalize(self, attempt_id: int) -> Decimal: ...

    def finalize_all(self, session_id: int) -> FinalizeAllSummary:
        """The chief finalizes every paper of the session that is ready: one call, one audit entry;
        the summary says for each other paper what it waits for."""
        ...

    def review_list(self, session_id: int) -> list[tuple[int, str, bool]]: ...

    def score_review(self, candidate_id: int, score: Decimal, comment: str = "") -> None: ...

    def finalize_review(self, candidate_id: int) -> Decimal: ...

    def session_results(self, session_id: int) -> list[ResultRow]: ...


class AdminApi(SignedInApi, Protocol):
    # -- people
    def users(self) -> list[UserView]: ...

    def create_user(self, username: str, role: str, display_name: str, password: str) -> UserView: ...

    def reset_password(self, user_id: int, new_password: str) -> None: ...

    def unlock(self, user_id: int) -> None: ...

    # -- sessions
    def sessions(self) -> list[SessionInfo]: ...

    def schedule_session(self, code: str, room: str, part: str, standard: str, level: str, scheduled_start: str,
                         duration_minutes: int, subtype: str | None = None) -> int: ...  # fmt: skip

    def reschedule_session(self, session_id: int, scheduled_start: str, reason: str) -> None: ...

    def archive_session(self, session_id: int, retain_years: int | None = None) -> str: ...

    def roster(self, session_id: int) -> list[RosterEntry]: ...

    def import_roster(self, session_id: int, rows: list[RosterRow], source: str) -> int:
        """The rows of a roster file the station has read and checked (app/api/files.py), with
        their photos; `source` names the file in the audit log and in any refusal."""
        ...

    def assign_staff(self, session_id: int, user_id: int, duty: str) -> None: ...

    def unassign_staff(self, session_id: int, user_id: int, duty: str) -> None:
        """Take the duty back (refused once the session is closed, or for an examiner who has scored)."""
        ...

    def session_staff(self, session_id: int) -> list[tuple[int, str]]:
        """(user id, duty) of everyone assigned to the session."""
        ...

    def record_surveillance(self, session_id: int, reason: str) -> None: ...

    def prepare_papers(self, session_id: int) -> JobStatus: ...

    # -- results
    def session_results(self, session_id: int) -> list[ResultRow]: ...

    def export_session(self, session_id: int, mask: bool = True, reason: str = "", file_name: str = "") -> JobStatus:
        """The session's signed result bundle (masked unless `reason` says why not), as a job whose
        result carries the file; `file_name` is the name the caller keeps it under (audited)."""
        ...

    def session_analysis(self, session_id: int) -> SessionAnalysis: ...

    def rotate_signing_key(self) -> str: ...

    # -- standards and banks
    def standards(self) -> list[Standard]:
        """Every standard the centre can examine: bundled and imported (no banks, no keys)."""
        ...

    def standards_problems(self) -> list[Problem]:
        """Imported standards left out because they no longer load, and why."""
        ...

    def import_standards(self, files: list[FileData]) -> JobStatus:
        """Standard files the station read (app/api/files.py): checked with every bank in use and
        kept, all or none; the service uses them at once. The job's result: the standards read."""
        ...

    def import_banks(self, files: list[FileData]) -> JobStatus:
        """Bank files the station read: checked together with every bank in use and kept, all or
        none; papers use them at once. The job's result: the banks imported."""
        ...

    def imported_standards(self) -> list[str]:
        """Codes of the standards in use whose edition was imported into this centre's store."""
        ...

    def banks(self) -> list[BankSummary]:
        """Every question bank in use, bundled and imported: names and counts, no items."""
        ...

    def skill_task_minutes(self, standard: str, level: str, subtype: str | None = None) -> list[tuple[str, int]]:
        """(area, minutes) of every skill task the banks hold for the level: a skill session must last
        as long as the longest tasks a paper may draw (app/domain/staffing.py longest_tasks_minutes)."""
        ...

    def paper_preview(self, standard: str, level: str, part: str, seed: str,
                      subtype: str | None = None) -> PaperPreview:  # fmt: skip
        """A sample paper built from the banks in use, as the service would build it for a ticket
        `seed`; nothing is kept. It shows what a candidate sees (stems and options in the drawn
        order) and never the keys, explanations or rubrics: keys stay in the service even for the
        admin, who checks keys in the bank files, not on screen. Refused when the banks cannot fill
        the paper (code "assembly") or the level has no weight table (code "missing_weights")."""
        ...


INTERFACES: dict[str, type] = {
    "public": PublicApi,
    "candidate": CandidateApi,
    "proctor": ProctorApi,
    "examiner": ExaminerApi,
    "admin": AdminApi,
}
# who may hold each interface (the services check duties within it)
ROLES: dict[str, frozenset[str]] = {
    "candidate": frozenset({"candidate"}),
    "proctor": frozenset({"proctor"}),
    "examiner": frozenset({"examiner", "chief"}),
    "admin": frozenset({"admin"}),
}
# the result type of each job, as `job_status(...).result` carries it once done
JOB_RESULTS: dict[str, Any] = {
    "proctor.close_session": dict[str, int],
    "admin.prepare_papers": int,
    "admin.export_session": ExportResult,
    "admin.import_standards": list[Standard],
    "admin.import_banks": list[BankSummary],
}
