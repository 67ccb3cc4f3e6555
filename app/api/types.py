"""The values that cross the service boundary: plain data, every one JSON-serialisable.

Screens and the command line receive these and only these from the services (app/api/contract.py
says which call returns which). Encodings on the wire (app/api/wire.py): Decimal as a string,
bytes as base64, enums by value, dates and times as ISO 8601 text, frozensets as lists.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import Any

from app.domain.time_ledger import LedgerState
from app.errors import Message, Problem

__all__ = [
    "ALREADY",
    "FINALIZED",
    "NOT_READY",
    "OPEN",
    "AttemptView",
    "AuditHeadStatus",
    "CandidateFinal",
    "CandidateRow",
    "CandidateSession",
    "CentreInfo",
    "Change",
    "Changes",
    "EnrolmentCode",
    "ExportResult",
    "FileData",
    "FinalizeAllSummary",
    "Identity",
    "JobStatus",
    "PublicKeyInfo",
    "QuestionWait",
    "ResultRow",
    "RosterEntry",
    "SaveAck",
    "SessionInfo",
    "StaffSession",
    "StandbyStatus",
    "StationHead",
    "StationInfo",
    "StoreCopy",
    "UserView",
    "WorkItem",
]  # fmt: skip


@dataclass(frozen=True)
class StaffSession:
    """A staff member signed in on one station: `token` goes with every call they make."""

    token: str
    user_id: int
    username: str
    role: str
    display_name: str
    expires_at: str  # ISO 8601, the store's wall clock


@dataclass(frozen=True)
class CandidateSession:
    """A candidate signed in on one station: `token` goes with every call their station makes."""

    token: str
    candidate_id: int
    attempt_id: int
    rules_read: bool = False  # the rules were read once for this attempt: a re-login (after a move) skips them


@dataclass(frozen=True)
class CandidateSettings:
    """The candidate's screen settings, kept at the centre so they follow the candidate to another
    station: font size (points; 0 is the screen's default), high contrast, the current question."""

    font_size: int = 0
    high_contrast: bool = False
    current: int = 0


@dataclass(frozen=True)
class LoginAlert:
    """Failed candidate logins of one ticket at one station, not yet cleared by a proctor."""

    ticket: str
    station: str
    failures: int
    last_wall: str  # when the last one failed (UTC, ISO 8601)
    wait_seconds: int  # how long the next login of this ticket or at this station waits now


@dataclass(frozen=True)
class JournalImported:
    """What importing a dead PC's journal file did (`ProctorApi.import_journal`)."""

    applied: int  # steps added to the attempt, in the order they were made
    duplicates: int  # steps the centre held already (sent before the PC died, or imported before)
    refused: int  # steps not added: a newer one came from another PC, an unreadable answer, after a submission
    heartbeats: int  # the PC's offline heartbeats recorded (they show how long it went on)


@dataclass(frozen=True)
class MoveCode:
    """A one-time code for a candidate to continue at another station, shown on the proctor's screen."""

    code: str
    valid_seconds: int


@dataclass(frozen=True)
class CentreInfo:
    code: str
    name: str


@dataclass(frozen=True)
class FileData:
    """A file by name and content: one the station sends (a bank, a standard) or one the service
    made for the caller to keep (a result bundle)."""

    name: str
    content: bytes


@dataclass(frozen=True)
class ExportResult:
    files: tuple[FileData, ...]
    candidates: int
    key_fingerprint: str


@dataclass(frozen=True)
class JobStatus:
    """Where a long piece of work (an import, paper preparation, an export, a close) stands.
    `result` is the finished job's value, encoded as its call's result type on the wire."""

    job_id: str
    method: str  # the call that started it, e.g. "admin.prepare_papers" (JOB_RESULTS: its result's type)
    state: str  # running | done | failed
    done: int
    total: int
    result: Any = None
    error: Any = None  # an ApiError as a dict (app/api/errors.py) when the job failed


@dataclass(frozen=True)
class SaveAck:
    seq: int
    remaining: float


@dataclass(frozen=True)
class RosterEntry:
    """One candidate of a session as the admin sees it: registered, with a paper or not."""

    candidate_id: int
    ticket: str
    name: str
    attempt_id: int | None


@dataclass(frozen=True)
class CandidateRow:
    """One line of the proctor's live grid."""

    candidate_id: int
    ticket: str
    name: str
    attempt_id: int | None
    station: str | None
    state: str  # absent | checked_in | logged_in | answering | paused | interrupted | submitted | terminated
    answered: int
    total: int  # the questions answered by typing: `total - answered` are unanswered
    flagged: int
    remaining: float | None
    since_save: float | None  # seconds since the last saved step, on the ledger clock
    focus_losses: int
    extra_seconds: float
    # seconds since the candidate's station was last heard from (a heartbeat or a saved answer) on
    # the centre's clock this boot; None before it was heard from at all
    heard: float | None = None
    # the observed and oral tasks on the paper (现场操作, 模拟操作, 现场问答): performed in front of the
    # examiners, never typed, so neither answered nor unanswered (not in `total`)
    live: int = 0


@dataclass(frozen=True)
class SessionInfo:
    id: int
    code: str
    room: str
    part: str
    standard: str
    subtype: str | None
    level: str
    scheduled_start: str
    duration_minutes: int
    state: str
    candidates: int
    surveillance: str | None = None  # why the room is under full electronic surveillance, if it is
    cancel_reason: str | None = None  # why the admin cancelled it (state "cancelled")


@dataclass(frozen=True)
class Identity:
    ticket: str
    name: str
    masked_id: str
    photo: bytes | None
    session: str
    room: str
    standard: str
    level: str
    duration_minutes: int
    part: str = ""
    subtype: str | None = None


@dataclass(frozen=True)
class AttemptView:
    attempt_id: int
    state: LedgerState
    remaining: float
    last_seq: int
    answers: dict[int, Any]
    flagged: frozenset[int]
    submitted: bool
    items: list[dict[str, Any]]  # what the candidate sees: no keys


@dataclass(frozen=True)
class AttemptStatus:
    """Where an attempt stands, without its paper or answers: what a station asks every few seconds."""

    attempt_id: int
    state: LedgerState
    remaining: float
    last_seq: int  # the attempt's last step at the centre: another than the station knows means fetch the view
    submitted: bool


@dataclass(frozen=True)
class WorkItem:
    attempt_id: int
    anonymous_code: str
    slot: int
    title: str
    instructions: str
    rubric: tuple[tuple[str, str], ...]  # (scoring point, maximum)
    scored_by_me: bool
    my_scores: tuple[str, ...] = ()  # what the caller submitted, per rubric point (empty: not yet)
    my_comment: str = ""
    # for the chief only: each examiner's scores per rubric point, (examiner's name, scores), and
    # the state of this question and of the paper
    examiner_scores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    needs_arbitration: bool = False  # the examiners disagree beyond the threshold and the chief has not scored
    final_score: str | None = None  # the paper's recorded result, once finalized
    mode: str = "written"  # written | observed | oral (TaskMode): observed and oral tasks are scored live
    attempt_open: bool = False  # the candidate is still performing (only live tasks are listed while open)


@dataclass(frozen=True)
class ResultRow:
    ticket: str
    name: str
    status: str
    parts: dict[str, dict[str, Any]]  # part -> {"score": "86.00", "passed": True, ...}
    result: str  # 合格 | 不合格 | 待定


@dataclass(frozen=True)
class UserView:
    id: int
    username: str
    role: str
    display_name: str
    locked: bool
    active: bool = True  # False: deactivated, cannot sign in; history and duties kept


@dataclass(frozen=True)
class PublicKeyInfo:
    fingerprint: str
    pem: bytes
    active: bool
    created: str


@dataclass(frozen=True)
class QuestionWait:
    """A question that keeps a paper from being finalized."""

    slot: int  # 0-based
    needs: str  # "examiners": not every examiner has scored it; "arbitration": their scores differ too much
    scored: int = 0  # examiners who have scored it, of `needed`
    needed: int = 0
    totals: tuple[Decimal, ...] = ()  # the examiners' totals, when they differ
    spread: Decimal | None = None

    def message(self) -> Message:
        if self.needs == "examiners":
            return Message("question {n}: {scored} of {needed} examiners have scored",
                           n=self.slot + 1, scored=self.scored, needed=self.needed)  # fmt: skip
        return Message("question {n}: scores {scores} differ by {spread}: the chief examiner must arbitrate",
                       n=self.slot + 1, scores=", ".join(str(t) for t in self.totals), spread=self.spread)  # fmt: skip

    def __str__(self) -> str:
        return str(self.message())


FINALIZED, ALREADY, NOT_READY, OPEN = "finalized", "already_final", "not_ready", "open"


@dataclass(frozen=True)
class CandidateFinal:
    """What `finalize_all` did with one paper (candidates by anonymous code only)."""

    attempt_id: int
    anonymous_code: str
    outcome: str  # FINALIZED (now) | ALREADY (before) | NOT_READY (see `waiting`) | OPEN (not submitted)
    score: Decimal | None = None  # FINALIZED: the part's score
    waiting: tuple[QuestionWait, ...] = ()  # NOT_READY: the questions it waits for

    @property
    def reason(self) -> str:
        """Why it was not finalized now, as `finalize` would refuse it ("" when it was); a Message,
        translated by its template."""
        if self.outcome == ALREADY:
            return Message("the result is already recorded")
        if self.outcome == OPEN:
            return Message("the attempt is still open")
        if self.outcome == NOT_READY:
            return Message("not ready: {waiting}", waiting=[w.message() for w in self.waiting])
        return ""


@dataclass(frozen=True)
class FinalizeAllSummary:
    session_id: int
    candidates: tuple[CandidateFinal, ...]  # by anonymous code

    def _having(self, *outcomes: str) -> tuple[CandidateFinal, ...]:
        return tuple(c for c in self.candidates if c.outcome in outcomes)

    @property
    def finalized(self) -> tuple[CandidateFinal, ...]:
        return self._having(FINALIZED)

    @property
    def already(self) -> tuple[CandidateFinal, ...]:
        return self._having(ALREADY)

    @property
    def not_finalized(self) -> tuple[CandidateFinal, ...]:
        """Waiting for examiners or arbitration, or still open."""
        return self._having(NOT_READY, OPEN)

    def audit_data(self) -> dict[str, Any]:
        """The audit entry's data: what was finalized, and what was not with the reason."""
        return {
            "finalized": [{"attempt": c.attempt_id, "score": str(c.score)} for c in self.finalized],
            "already": [c.attempt_id for c in self.already],
            "not_finalized": [{"attempt": c.attempt_id, "reason": c.reason} for c in self.not_finalized],
        }


@dataclass(frozen=True)
class BankSummary:
    """One question bank in use, bundled or imported: what it is and how much it holds, never its items."""

    bank: str
    title: str
    standard: str
    version: str
    item_count: int
    task_count: int


@dataclass(frozen=True)
class BankCheck:
    """What an import of bank files would bring, checked and kept nowhere (`AdminApi.check_banks`):
    the banks, and the item-writing lint's warnings (giveaways such as absolute wording keyed one way,
    one long option), each with its file and line or cell; `explained`: warnings a comment in the
    bank explains (docs/bank-format.md, "Item-writing lint")."""

    banks: tuple[BankSummary, ...]
    warnings: tuple[Problem, ...]
    explained: int


@dataclass(frozen=True)
class PreviewQuestion:
    """A question of a sample paper as a candidate would see it: no key, no explanation, no rubric."""

    id: str
    type: str  # an ItemType value, or "task"
    area: str
    points: Decimal
    text: str  # the stem (a skill task: its title and instructions)
    options: tuple[str, ...] = ()  # the option texts in the order the paper shows them


@dataclass(frozen=True)
class PaperPreview:
    """A sample paper the service built from the banks in use (app/api/contract.py AdminApi.paper_preview)."""

    standard: str
    subtype: str | None
    level: str
    part: str
    seed: str
    questions: tuple[PreviewQuestion, ...]
    total_points: Decimal
    difficulty: float | None


__all__ += ["BankSummary", "PaperPreview", "PreviewQuestion"]  # the admin's standards and banks


@dataclass(frozen=True)
class EnrolmentCode:
    """A one-time code for enrolling `station` in centre mode, until `expires_at` (ISO 8601). The
    admin's screen shows it with the centre CA's fingerprint (app/centre/tls.py display_code)."""

    station: str
    secret: str
    expires_at: str


@dataclass(frozen=True)
class StationInfo:
    name: str
    enrolled_at: str  # ISO 8601, as the centre's wall clock read it
    revoked: bool


@dataclass(frozen=True)
class Change:
    """One action recorded in a session: its audit sequence number, what was done and to whom."""

    seq: int
    action: str  # the audit entry's action, e.g. "attempt.answer", "session.pause"
    candidate_id: int | None  # None for a change to the whole session


@dataclass(frozen=True)
class Changes:
    """What changed in a session after a sequence number; `head` is where the next call starts
    (it moves past other sessions' entries too, so a quiet session costs nothing to follow)."""

    head: int
    changes: tuple[Change, ...]
class Readiness(StrEnum):
    """A station's readiness for the exam, or one check's: the worse, the later in this list."""

    READY = "ready"
    WARNING = "warning"
    NOT_READY = "not_ready"

    @property
    def rank(self) -> int:
        return _RANKS[self]


_RANKS = {Readiness.READY: 0, Readiness.WARNING: 1, Readiness.NOT_READY: 2}


def worst(statuses: Iterable[Readiness]) -> Readiness:
    """The worst of `statuses`; READY when there are none."""
    return max(statuses, key=lambda status: status.rank, default=Readiness.READY)


@dataclass(frozen=True)
class ReadinessCheck:
    """One check of a station's readiness (app/station/readiness.py): what was checked, its verdict
    and why in plain words: `reason` is an English template with {placeholders} (listed in
    app/ui/widgets/messages.py, so screens translate it) and `params` its values."""

    check: str  # centre | clock | disk | screen | fonts | virtual_machine | remote_session | version
    status: Readiness
    reason: str
    params: dict[str, str] = field(default_factory=dict)

    @property
    def message(self) -> Message:
        return Message(self.reason, **self.params)


@dataclass(frozen=True)
class ReadinessReport:
    """What a station found when it checked itself, as it reports it (PublicApi.report_readiness)."""

    status: Readiness  # the worst of the checks (the centre works it out again)
    checks: tuple[ReadinessCheck, ...]
    version: str  # this station's ExamDesk version
    checked_at: str  # the station's own wall clock, ISO 8601 (for people; the centre stamps its own)
    room: str = ""  # the room the station is set up in (`--room`), if it was told


@dataclass(frozen=True)
class SeatReadiness:
    """A seat as the proctor sees it: the station, who is seated there, and its last report."""

    station: str
    tickets: tuple[str, ...]  # candidates of the session checked in or logged in at this station
    status: Readiness | None  # None: the station has not reported
    checks: tuple[ReadinessCheck, ...] = ()
    reported_at: str = ""  # the centre's wall clock when the report arrived, ISO 8601
    version: str = ""
    room: str = ""


__all__ += ["Readiness", "ReadinessCheck", "ReadinessReport", "SeatReadiness", "worst"]  # station readiness


@dataclass(frozen=True)
class StationHead:
    """The centre's audit head as one station holds it (app/station/audit_head.py)."""

    station: str
    head: str  # SEQ:HASH, as the station presented it last


@dataclass(frozen=True)
class AuditHeadStatus:
    """The centre's audit head, told to every station, and what the stations hold (app/centre/heads.py)."""

    head: str  # the store's audit head now, SEQ:HASH
    rollback: str  # the first station head the store does not hold: it was put back; empty when none
    rollbacks: int  # how many presented heads showed a rollback since the service started
    stations: list[StationHead]  # the head each station presented last, since the service started


@dataclass(frozen=True)
class StoreCopy:
    """A SQLite centre's last copy of its store to a second disk (app/centre/backup.py)."""

    made_at: str  # ISO 8601; empty when no copy was made yet
    size_bytes: int
    audit_head: int  # the last audit entry the copy holds
    target: str  # where the copies go
    failure: str  # why the last try failed; empty when it worked


@dataclass(frozen=True)
class StandbyStatus:
    """A PostgreSQL centre's synchronous standby as the centre service sees it (app/centre/standby.py)."""

    state: str  # "ok"; "lost": commits wait for a standby that does not answer; "off": they wait for none;
    # "unknown": the replication state cannot be read
    since: str  # ISO 8601 UTC: since when it is in this state
    synchronous_names: str  # the primary's synchronous_standby_names ('' when off)
    detail: str  # the standbys connected, or why the state cannot be read


@dataclass(frozen=True)
class OwnerKeyView:
    """An exam owner's public key this centre trusts for sealed packages."""

    fingerprint: str  # SHA-256 of the raw Ed25519 public key, hex
    name: str
    trusted_wall: str


@dataclass(frozen=True)
class PackageView:
    """A sealed exam package held by the centre (docs/packages.md): nothing of its content until opened."""

    digest: str  # SHA-256 of the package file, hex: what the owner compares
    package_id: str
    session_code: str
    kind: str
    owner_fingerprint: str
    owner_name: str
    not_before: str  # UTC, ISO 8601
    imported_wall: str
    opened_wall: str | None = None
    banks: tuple[str, ...] = ()  # once opened: the banks it holds
    version: int = 1  # a replacement for the same session carries a higher one
    papers: int = 0  # once opened, a package of fixed papers: how many papers (forms) it holds
    revoked_wall: str | None = None  # when its owner's signed revocation arrived: it cannot be opened or used
    revoked_reason: str = ""


@dataclass(frozen=True)
class RevocationView:
    """The exam owner's signed revocation of a sealed package, as the centre recorded it."""

    package_id: str
    session_code: str
    owner_name: str
    reason: str
    revoked_at: str  # UTC, when the owner signed it
    received_wall: str
    imported: bool  # whether the centre holds the package (a revocation may arrive first)


__all__ += ["OwnerKeyView", "PackageView", "RevocationView"]  # sealed exam packages


# -- the comprehensive review (综合评审) ------------------------------------------------------------


@dataclass(frozen=True)
class ReviewCriterionView:
    name: str
    weight: Decimal  # percent of the review score
    description: str


@dataclass(frozen=True)
class ReviewCriteriaView:
    """The criteria a review session's panel scores against, as the admin's screen shows them."""

    name: str
    example: bool  # the file says it is an example (not the exam owner's)
    supplied: bool  # the exam owner's file was loaded for this session; False: the example is used
    spread: Decimal
    criteria: tuple[ReviewCriterionView, ...]


@dataclass(frozen=True)
class ReviewMaterialView:
    id: int
    kind: str  # application | work | employer_assessment
    title: str
    pages: int | None
    filename: str | None  # the attachment's name; None: registered without a file
    size: int  # the attachment's bytes
    digest: str | None  # its SHA-256
    status: str = "received"  # expected (listed, not yet in) | received | missing


@dataclass(frozen=True)
class ReviewNoteView:
    kind: str  # question | note
    text: str
    member: int  # the panel seat (1..), never a name; 0: not a panel member (the chair, an admin)
    wall: str


@dataclass(frozen=True)
class ReviewMemberScore:
    member: int  # the panel seat (1..), never a name
    score: Decimal
    marks: dict[str, Decimal]  # criterion -> mark out of 100
    comment: str


@dataclass(frozen=True)
class ReviewRecord:
    """One candidate's comprehensive review as a panel member sees it. Other members' scores are
    listed only once the caller has submitted their own (or to the chair)."""

    candidate_id: int
    anonymous_code: str
    criteria_name: str
    criteria_example: bool  # the criteria file says it is an example
    criteria_supplied: bool  # the exam owner supplied criteria for this session
    criteria: tuple[ReviewCriterionView, ...]
    spread: Decimal  # points between the highest and lowest score that flag a disagreement
    employer_assessment: bool  # the standard pairs representative works with the employer's assessment
    materials: tuple[ReviewMaterialView, ...]
    defence_minimum_minutes: int | None  # the standard's minimum per candidate (1.9.4)
    defence_started: bool
    defence_running: bool
    defence_seconds: float  # so far, on the centre's clock
    notes: tuple[ReviewNoteView, ...]
    panel_size: int
    submitted: int  # members who have scored
    my_score: ReviewMemberScore | None
    scores: tuple[ReviewMemberScore, ...]  # empty until the caller may see them
    flagged: bool  # the scores shown disagree beyond the spread
    chair: bool  # the caller finalizes
    my_seat: int  # the caller's seat on the panel (1..); 0: not a member (a chair who does not score)
    result: Decimal | None  # the finalized review score
    waiting: tuple[str, ...]  # what still stops finalizing, in English (the chair's list)
    # the centre's computer restarted while the defence ran: it stopped at its last recorded instant
    # before the restart and goes on when a member resumes it (start_defence)
    defence_interrupted: bool = False


@dataclass(frozen=True)
class OralCardView:
    """The question card a candidate drew for an oral task (现场问答): what the candidate sees."""

    slot: int
    number: int  # the card's place in the task's pool, from 1
    pool: int  # how many cards the pool holds
    question: str


@dataclass(frozen=True)
class AttachedFile:
    """A file an observed task produced, kept encrypted; its attach step holds the SHA-256."""

    id: int
    filename: str
    sha256: str
    size: int
    added_by: str  # "candidate" or "examiner seat N"
    wall: str


@dataclass(frozen=True)
class LiveTask:
    """An observed or oral task as one examiner scores it live. Other examiners' scores (by seat,
    never by name) are listed only once this examiner has submitted their own, or to the chief."""

    attempt_id: int
    slot: int
    anonymous_code: str
    mode: str  # observed | oral
    form: str  # an observed task's form (现场操作, 模拟操作)
    title: str
    instructions: str
    rubric: tuple[tuple[str, str], ...]
    identity_visible: bool  # an observed candidate performs in front of the examiners
    group: str  # the observation group of an observed candidate ("" for none)
    attempt_open: bool
    card_number: int = 0  # an oral task: the card the candidate drew (0: not drawn yet)
    card_pool: int = 0
    card_question: str = ""
    card_expected: tuple[str, ...] = ()  # the points the examiners expect (never shown to the candidate)
    timer_seconds: float = 0.0  # this examiner's timer, on the centre's clock
    timer_running: bool = False
    # running when the centre's machine restarted, and not stopped or started since: counted up to
    # the last instant recorded before the restart (the time after it is not counted)
    timer_interrupted: bool = False
    notes: tuple[tuple[int, str], ...] = ()  # this examiner's notes: (rubric point index, text), in order
    files: tuple[AttachedFile, ...] = ()
    scored_by_me: bool = False
    my_scores: tuple[str, ...] = ()
    others: tuple[tuple[int, tuple[str, ...]], ...] = ()  # (examiner seat, scores per point), once scored


@dataclass(frozen=True)
class ObservationGroupView:
    """Candidates (by anonymous code) who perform observed tasks together, and their examiners."""

    name: str
    candidates: tuple[str, ...]
    examiners: tuple[tuple[int, str], ...]  # (user id, display name)
