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
    StationInfo,
    StoreCopy,
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

    def candidate_sign_in(self, ticket: str, id_number: str, move_code: str = "") -> CandidateSession:
        """A candidate signs in on the calling station with ticket and ID number, at the seat a
        proctor checked them in to; at another station with the one-time code of a proctor's move
        (refused as `wrong_seat` without it). Failed logins slow the next ones (`login_delayed`)."""
        ...

    def public_keys(self) -> list[PublicKeyInfo]:
        """The centre's public signing keys: anyone may verify what the centre signed."""
        ...

    def clock(self) -> float:
        """The centre's wall clock now, POSIX seconds: a station measures its offset to it (t0, this, t1)."""
        ...

    def version(self) -> str:
        """The ExamDesk version the centre runs: a station of another version is not ready."""
        ...

    def report_readiness(self, report: ReadinessReport) -> Readiness:
        """The calling station's readiness check (app/station/readiness.py), kept as its latest; only
        from a station the centre admits (enrolled; single-station mode: this PC). Returns the
        status as the centre works it out (the worst check)."""
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

    def accept_rules(self) -> None:
        """The rules were read: once per attempt (a login after a move skips them)."""
        ...

    def settings(self) -> CandidateSettings:
        """The candidate's screen settings kept at the centre (they follow a move)."""
        ...

    def save_settings(self, settings: CandidateSettings) -> None:
        """Keep the screen settings (font size, contrast, current question) at the centre."""
        ...

    def attempt_view(self, attempt_id: int) -> AttemptView: ...

    def attempt_status(self, attempt_id: int) -> AttemptStatus:
        """The attempt's state, time left and last step, without the paper or the answers (a few
        indexed reads): what a station asks every few seconds; `attempt_view` once the last step is
        not the one it knows."""
        ...

    def save_answer(self, attempt_id: int, expected_seq: int, slot: int, answer: Any,
                    step_id: str | None = None) -> SaveAck:  # fmt: skip
        """`step_id` (uuid4().hex, made by the station): a step the centre already holds under it
        is not recorded again; its original acknowledgement comes back (so for every step call)."""
        ...

    def set_flag(self, attempt_id: int, expected_seq: int, slot: int, flagged: bool,
                 step_id: str | None = None) -> SaveAck: ...  # fmt: skip

    def report_focus_loss(self, attempt_id: int, expected_seq: int, step_id: str | None = None) -> SaveAck: ...

    def submit(self, attempt_id: int, step_id: str | None = None, expected_seq: int | None = None) -> int:
        """The submit step's seq. `expected_seq`: refused as stale unless the attempt is at that step."""
        ...

    def heartbeat(self, attempt_id: int, step_id: str | None = None, station_mono: float | None = None,
                  offline: bool = False) -> float:  # fmt: skip
        """Still answering (every ~15 s): a time-ledger checkpoint; `offline` ones come from the
        station's journal with its monotonic reading. The remaining time."""
        ...

    def submit_if_due(self, attempt_id: int) -> bool:
        """The station's countdown reached zero: submit now if the store agrees the time is up."""
        ...

    def draw_card(self, attempt_id: int, slot: int) -> OralCardView:
        """An oral task (现场问答): draw the question card, chosen by the paper's seed; drawing again
        shows the same card."""
        ...

    def attach_task_file(self, attempt_id: int, slot: int, filename: str, content: bytes) -> int:
        """A file an observed task produced, attached from this station (kept encrypted); its id."""
        ...


class ProctorApi(SignedInApi, Protocol):
    def sessions(self) -> list[SessionInfo]: ...

    def session_overview(self, session_id: int) -> list[CandidateRow]: ...

    def changes(self, session_id: int, after: int) -> Changes:
        """What changed in the session after sequence number `after` (0: from the start); a console
        refreshes only what changed. Centre mode streams the same as events (docs/centre.md)."""
        ...

    def identity(self, candidate_id: int) -> Identity: ...

    def check_in(self, candidate_id: int, station: str) -> None: ...

    def allow_move(self, candidate_id: int, reason: str) -> MoveCode:
        """Authorise a move to another station: a one-time code for the candidate to type there.
        The current station's login closes and the attempt's clock stops until they log in again."""
        ...

    def standby(self) -> StandbyStatus | None:
        """The centre's standby, when its store has one: "lost" means saves are held until the admin
        acts (docs/centre.md, "The standby"); None in single-station mode and on SQLite."""
        ...

    def login_alerts(self, session_id: int) -> list[LoginAlert]:
        """Failed candidate logins of the session's tickets or at its seats, not yet cleared."""
        ...

    def clear_login_alert(self, session_id: int, ticket: str, station: str) -> None:
        """Seen and checked: the failed logins of `ticket` at `station` no longer slow a login."""
        ...

    def import_journal(self, session_id: int, file: FileData) -> JournalImported:
        """A dead PC's unsent steps of one candidate of the session, as the sealed file
        `examdesk station export-journal` wrote: replayed idempotently; how many steps were
        applied, held already, or refused."""
        ...

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

    def sign_in_sheet(self, session_id: int) -> bytes:
        """签到表 (PDF): candidates with photos, seats once checked in, a column to sign. Audited."""
        ...

    def room_record(self, session_id: int) -> bytes:
        """考场记录 (PDF) of a closed session: times, incidents, papers submitted by a proctor,
        moves, absentees, proctors, and the audit head of its own printing. Audited."""
        ...

    def readiness(self, session_id: int) -> list[SeatReadiness]:
        """Each seat of the session (stations its candidates are checked in to or logged in at, and
        stations that reported from its room) with its last readiness report."""
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

    # -- observed and oral tasks, scored live (app/services/live_scoring.py)
    def live_task(self, attempt_id: int, slot: int) -> LiveTask:
        """An observed or oral task as I score it live: rubric, the oral card drawn with its expected
        points, my timer and notes, the attached files; the others' scores once I have submitted."""
        ...

    def start_timer(self, attempt_id: int, slot: int) -> None: ...

    def stop_timer(self, attempt_id: int, slot: int) -> float:
        """My timer for the task stops; the seconds timed so far on the centre's clock."""
        ...

    def add_observation_note(self, attempt_id: int, slot: int, point: int, text: str) -> None:
        """A note on one scoring point (index from 0)."""
        ...

    def attach_task_file(self, attempt_id: int, slot: int, filename: str, content: bytes) -> int:
        """A file an observed task produced, attached by an examiner (kept encrypted); its id."""
        ...

    def task_file(self, file_id: int) -> bytes: ...

    def observation_groups(self, session_id: int) -> list[ObservationGroupView]: ...

    def session_examiners(self, session_id: int) -> list[tuple[int, str]]:
        """The chief: (user id, name) of the session's examiners, to form observation groups."""
        ...

    def set_observation_group(self, session_id: int, name: str, candidates: list[str], examiners: list[int]) -> None:
        """The chief forms a group (candidates by anonymous code, examiners by user id); refused when it
        breaks the standard's examiner ratio (1.9.3)."""
        ...

    # -- the comprehensive review (综合评审): the panel and its chair
    def review_list(self, session_id: int) -> list[tuple[int, str, bool]]:
        """(candidate id, anonymous code, scored by me) for a review panel member or the chair."""
        ...

    def review_record(self, candidate_id: int) -> ReviewRecord:
        """One candidate's review: criteria, materials register, defence time, questions and notes,
        my score; the others' scores once I have submitted mine (the chair sees them all)."""
        ...

    def review_material(self, material_id: int) -> bytes:
        """A registered attachment's bytes."""
        ...

    def register_review_material(self, candidate_id: int, kind: str, title: str, pages: int | None = None,
                                 filename: str | None = None, content: bytes | None = None) -> int:  # fmt: skip
        """An entry of the materials register (kind: application, work, employer_assessment); its id."""
        ...

    def start_defence(self, candidate_id: int) -> None: ...

    def end_defence(self, candidate_id: int) -> float:
        """The defence ends; how long it lasted, in seconds on the centre's clock."""
        ...

    def add_review_note(self, candidate_id: int, kind: str, text: str) -> None:
        """A question asked at the defence (kind "question") or a note (kind "note")."""
        ...

    def score_review(self, candidate_id: int, marks: dict[str, Decimal], comment: str = "") -> Decimal:
        """My marks out of 100 per criterion; returns my weighted review score. Once."""
        ...

    def finalize_review(self, candidate_id: int, disagreement_note: str = "") -> Decimal:
        """The chair: the panel's mean becomes the review result; a flagged disagreement needs the note."""
        ...

    def session_results(self, session_id: int) -> list[ResultRow]: ...


class AdminApi(SignedInApi, Protocol):
    # -- people
    def users(self) -> list[UserView]: ...

    def create_user(self, username: str, role: str, display_name: str, password: str) -> UserView: ...

    def reset_password(self, user_id: int, new_password: str) -> None: ...

    def unlock(self, user_id: int) -> None: ...

    def deactivate_user(self, user_id: int) -> None:
        """The account can no longer sign in and its sign-ins stop at their next call; its history and
        duties stay (flagged on the staffing screen). Refused for the last active admin and oneself."""
        ...

    def reactivate_user(self, user_id: int) -> None: ...

    # -- sessions
    def sessions(self) -> list[SessionInfo]: ...

    def schedule_session(self, code: str, room: str, part: str, standard: str, level: str, scheduled_start: str,
                         duration_minutes: int, subtype: str | None = None) -> int: ...  # fmt: skip

    def reschedule_session(self, session_id: int, scheduled_start: str, reason: str) -> None: ...

    def edit_session(self, session_id: int, reason: str, room: str | None = None, scheduled_start: str | None = None,
                     duration_minutes: int | None = None) -> list[str]:  # fmt: skip
        """Change room, start or duration (None or the current value: no change), with a reason;
        returns the fields changed. Before papers all three; with papers room and start; once started
        the room only; never after the close. Code, standard, level and part never change."""
        ...

    def cancel_session(self, session_id: int, reason: str) -> None:
        """Cancel a session not yet started: everything it holds is kept, it shows as cancelled, and
        it can no longer be started, logged in to or exported."""
        ...

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

    def session_skill_tasks(self, session_id: int) -> list[tuple[str, str, str]]:
        """(task id, area, title) of every skill task the banks hold for a skill session's level:
        what its examiners may be assigned to score."""
        ...

    def assign_examiner_tasks(self, session_id: int, user_id: int, tasks: list[str]) -> None:
        """Per-task duties: the skill tasks this examiner of the session scores (empty: every task).
        Refused for an examiner who has scored in the session."""
        ...

    def examiner_tasks(self, session_id: int) -> list[tuple[int, str]]:
        """(examiner's user id, task id) of the session's per-task duties."""
        ...

    def record_surveillance(self, session_id: int, reason: str) -> None: ...

    def set_review_criteria(self, session_id: int, name: str, text: str) -> None:
        """The exam owner's review criteria file (examdesk-review-criteria/1) for a review session."""
        ...

    # -- observation groups of a skill session (`examdesk session groups`; the chief forms them on screen)
    def observation_groups(self, session_id: int) -> list[ObservationGroupView]: ...

    def session_examiners(self, session_id: int) -> list[tuple[int, str]]:
        """(user id, name) of the session's examiners, to form observation groups."""
        ...

    def set_observation_group(self, session_id: int, name: str, candidates: list[str], examiners: list[int]) -> None:
        """Form (or re-form) a group: candidates by anonymous code, examiners by user id; refused when it
        breaks the standard's examiner ratio (1.9.3). Audited as `session.observation_group`."""
        ...

    def review_criteria(self, session_id: int) -> ReviewCriteriaView:
        """The criteria a review session's panel scores against: the exam owner's file, or the example."""
        ...

    def review_materials(self, candidate_id: int) -> list[ReviewMaterialView]:
        """A review candidate's materials register, with each entry's state."""
        ...

    def register_review_material(self, candidate_id: int, kind: str, title: str, pages: int | None = None,
                                 filename: str | None = None, content: bytes | None = None,
                                 received: bool = True) -> int:  # fmt: skip
        """An entry of the register the centre received (or, `received` False, awaits); its id."""
        ...

    def mark_review_material(self, material_id: int, state: str) -> None:
        """An entry of the register marked expected, received or missing."""
        ...

    def prepare_papers(self, session_id: int) -> JobStatus: ...

    def sign_in_sheet(self, session_id: int) -> bytes:
        """The session's 签到表 (PDF), as the proctors print it."""
        ...

    def room_record(self, session_id: int) -> bytes:
        """The closed session's 考场记录 (PDF), as the proctors print it."""
        ...

    # -- results
    def session_results(self, session_id: int) -> list[ResultRow]: ...

    def export_session(self, session_id: int, mask: bool = True, reason: str = "", file_name: str = "") -> JobStatus:
        """The session's signed result bundle (masked unless `reason` says why not), as a job whose
        result carries the file; `file_name` is the name the caller keeps it under (audited)."""
        ...

    def session_analysis(self, session_id: int) -> SessionAnalysis: ...

    def record_item_statistics(self, session_id: int) -> int:
        """Keep the session's item statistics per item version (n, p, D, point-biserial, omitted
        rate), replacing those kept for it before; paper assembly calibrates difficulty from them.
        Returns how many item versions were kept."""
        ...

    def rotate_signing_key(self) -> str: ...

    # -- centre mode's stations (app/services/stations.py)
    def enrolment_code(self, station: str) -> EnrolmentCode:
        """A one-time code that enrols the PC at seat `station` (typed there within minutes)."""
        ...

    def stations(self) -> list[StationInfo]: ...

    def revoke_station(self, station: str) -> int:
        """Refuse every further call from `station` (a stolen or replaced PC)."""
        ...

    def store_copy(self) -> StoreCopy | None:
        """A SQLite centre's last copy of its store to a second disk; None where none is made."""
        ...

    def standby(self) -> StandbyStatus | None:
        """The centre's PostgreSQL standby as the centre service watches it; None when it is not watched."""
        ...

    def audit_head(self) -> AuditHeadStatus | None:
        """The centre's audit head and the heads its stations hold; a station holding a later head than
        the store's shows the store was put back to an earlier copy. None in single-station mode."""
        ...

    def detach_standby(self) -> StandbyStatus:
        """Commits stop waiting for the standby (it died): saves go on on the primary alone. Audited."""
        ...

    def attach_standby(self, name: str) -> StandbyStatus:
        """Commits wait for the standby `name` again (it streams from the primary now). Audited."""
        ...

    def readiness(self, session_id: int | None = None) -> list[SeatReadiness]:
        """The seats of one session with their last readiness reports, or (None) every station's."""
        ...

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

    def import_banks(
        self, files: list[FileData], standard: str = "", mapping: FileData | None = None, skip_unsupported: bool = False
    ) -> JobStatus:
        """Bank files the station read: checked together with every bank in use and kept, all or
        none; papers use them at once. The job's result: the banks imported. Files of other formats
        (an Excel workbook, a .zip package) become ExamDesk banks of `standard` first, through the
        `mapping` file (docs/bank-format.md); parts they cannot represent refuse the import unless
        `skip_unsupported`."""
        ...

    def check_banks(
        self, files: list[FileData], standard: str = "", mapping: FileData | None = None, skip_unsupported: bool = False
    ) -> JobStatus:
        """`import_banks` as a dry run: the same files checked the same way, kept nowhere. The job's
        result (BankCheck): the banks the import would bring and the item-writing lint's warnings,
        for the admin to see before confirming; a problem fails the job as it would the import."""
        ...

    def imported_standards(self) -> list[str]:
        """Codes of the standards in use whose edition was imported into this centre's store."""
        ...

    def export_bank(self, bank: str, fmt: str, version: str = "", level: str | None = None) -> JobStatus:
        """One bank in use (imported or bundled) in another format (xlsx, yaml, qti21, qti30,
        moodle, gift; docs/bank-format.md): all its questions or those of one `level`. `version`,
        when given, must be the one in use. The job's result: the file (FileData)."""
        ...

    def banks(self) -> list[BankSummary]:
        """Every question bank in use, bundled and imported: names and counts, no items."""
        ...

    def owner_keys(self) -> list[OwnerKeyView]:
        """The exam owners' public keys this centre trusts for sealed packages (docs/packages.md)."""
        ...

    def trust_owner(self, key: FileData, name: str = "") -> OwnerKeyView:
        """Trust an exam owner's Ed25519 public key (PEM); the reply's fingerprint is to be compared
        with the one the owner gave out of band."""
        ...

    def packages(self) -> list[PackageView]:
        """The sealed exam packages this centre holds, opened or not: nothing of their content."""
        ...

    def import_package(self, package: FileData) -> PackageView:
        """Keep a sealed package before the exam day: refused unless a trusted owner signed it and
        not a byte of it changed. Its content stays sealed."""
        ...

    def open_package(self, digest: str, release_key: str) -> PackageView:
        """Open the package of this digest with its release key, at or after its start time on the
        centre's clock; its banks (and fixed papers) are checked and become its session's only source
        of papers. Refused for a package its owner revoked."""
        ...

    def revoke_package(self, revocation: FileData) -> RevocationView:
        """Record the exam owner's signed revocation of a package (it may come before the package):
        the package is refused at import, opening and paper preparation from then on."""
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
# a candidate's steps: each commits at once, carries its own id (repeating it is safe) and is kept in
# the station's journal when the centre cannot take it now (app/api/https.py, app/centre/service.py)
STEP_CALLS = frozenset({"candidate.save_answer", "candidate.set_flag", "candidate.report_focus_loss",
                        "candidate.submit", "candidate.heartbeat"})  # fmt: skip
# the result type of each job, as `job_status(...).result` carries it once done
JOB_RESULTS: dict[str, Any] = {
    "proctor.close_session": dict[str, int],
    "admin.prepare_papers": int,
    "admin.export_session": ExportResult,
    "admin.import_standards": list[Standard],
    "admin.import_banks": list[BankSummary],
    "admin.export_bank": FileData,
    "admin.check_banks": BankCheck,
}
