"""The values that cross the service boundary: plain data, every one JSON-serialisable.

Screens and the command line receive these and only these from the services (app/api/contract.py
says which call returns which). Encodings on the wire (app/api/wire.py): Decimal as a string,
bytes as base64, enums by value, dates and times as ISO 8601 text, frozensets as lists.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from app.domain.time_ledger import LedgerState
from app.errors import Message

__all__ = [
    "ALREADY",
    "FINALIZED",
    "NOT_READY",
    "OPEN",
    "AttemptView",
    "CandidateFinal",
    "CandidateRow",
    "CandidateSession",
    "CentreInfo",
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
    total: int
    flagged: int
    remaining: float | None
    since_save: float | None  # seconds since the last saved step, on the ledger clock
    focus_losses: int
    extra_seconds: float


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
