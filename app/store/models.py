"""The exam store's tables (SQLAlchemy 2). The same models run on SQLite and PostgreSQL.

Sensitive values use the Encrypted* column types: candidate identity and photos, item content and
keys, answers, scores, comments and incident texts. What stays in clear is what the store needs
to run: ids, sequence numbers, states, ledger instants, roles, digests.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from app.store.types import EncryptedBytes, EncryptedJSON, EncryptedText


class Base(DeclarativeBase):
    pass


class StoreMeta(Base):
    __tablename__ = "store_meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class KeyRecord(Base):
    """The wrapped data key (one active row) and later the centre's signing keys."""

    __tablename__ = "key_records"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    purpose: Mapped[str] = mapped_column(String(32))  # "data"
    key_id: Mapped[str] = mapped_column(String(64))
    salt: Mapped[bytes] = mapped_column(LargeBinary)
    kdf: Mapped[dict] = mapped_column(JSON)
    wrapped: Mapped[bytes] = mapped_column(LargeBinary)
    created_wall: Mapped[str] = mapped_column(String(40))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Centre(Base):
    __tablename__ = "centres"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(Text)


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[str] = mapped_column(String(16))  # admin | proctor | examiner | chief
    display_name: Mapped[str] = mapped_column(EncryptedText("users.display_name"))
    password_hash: Mapped[str] = mapped_column(Text)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    # a lockout (app/domain/lockout.py): until `locked_until` seconds on the machine clock of
    # `locked_epoch`; `locked_wall` (wall-clock POSIX seconds) only tells an old lock from a new one
    locked_until: Mapped[float] = mapped_column(Float, default=0.0)
    locked_epoch: Mapped[int | None] = mapped_column(Integer, nullable=True)
    locked_wall: Mapped[float | None] = mapped_column(Float, nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class StaffToken(Base):
    """A staff member's sign-in: the service keeps only the token's digest, the station it was
    issued to and when it stops being accepted (wall-clock POSIX seconds; see docs/store.md)."""

    __tablename__ = "staff_tokens"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_digest: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    station: Mapped[str] = mapped_column(String(64))
    issued_wall: Mapped[str] = mapped_column(String(40))
    expires_at: Mapped[float] = mapped_column(Float)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)


class EnrolmentCode(Base):
    """A one-time code an admin issued for enrolling one station (digest only; single use, expiring)."""

    __tablename__ = "enrolment_codes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code_digest: Mapped[str] = mapped_column(String(64), unique=True)
    station: Mapped[str] = mapped_column(String(64))
    issued_by: Mapped[str] = mapped_column(String(64))
    expires_at: Mapped[float] = mapped_column(Float)
    used: Mapped[bool] = mapped_column(Boolean, default=False)


class EnrolledStation(Base):
    """A PC enrolled in centre mode: its calls carry a station token whose digest is kept here. A
    station enrolled again gets a new row; only the newest unrevoked row of a name is accepted."""

    __tablename__ = "stations"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64), index=True)
    token_digest: Mapped[str] = mapped_column(String(64), unique=True)
    enrolled_wall: Mapped[str] = mapped_column(String(40))
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)


class ItemStatistic(Base):
    """One item version's figures from one session's item analysis, kept by the admin
    (AnalysisService.record_statistics; recording a session again replaces its rows). The item version
    is its bank, bank version, id and content digest (app/domain/item_analysis.py); assembly pools
    the rows of the same bank, id and digest into a calibrated difficulty."""

    __tablename__ = "item_statistics"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("exam_sessions.id"))
    item_version: Mapped[str] = mapped_column(String(255))  # bank@version/item#digest12
    bank: Mapped[str] = mapped_column(String(64))
    bank_version: Mapped[str] = mapped_column(String(64))
    item_id: Mapped[str] = mapped_column(String(64))
    digest: Mapped[str] = mapped_column(String(64))  # SHA-256 of the item's content, hex
    max_score: Mapped[float] = mapped_column(Float)  # the points the papers gave it
    n: Mapped[int] = mapped_column(Integer)  # candidates who had it
    p: Mapped[float | None] = mapped_column(Float, nullable=True)
    d: Mapped[float | None] = mapped_column(Float, nullable=True)  # upper minus lower 27%
    r: Mapped[float | None] = mapped_column(Float, nullable=True)  # corrected item-total (point-biserial)
    omitted: Mapped[float | None] = mapped_column(Float, nullable=True)
    recorded_wall: Mapped[str] = mapped_column(String(40))
    __table_args__ = (
        UniqueConstraint("session_id", "item_version", "max_score"),
        Index("ix_item_statistics_item", "bank", "item_id"),  # assembly looks items up by bank and id
    )


class ImportedVersion(Base):
    """A standard or bank version imported into this store; content kept for the record."""

    __tablename__ = "imported_versions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # standard | bank
    code: Mapped[str] = mapped_column(String(64))
    version: Mapped[str] = mapped_column(String(32))
    digest: Mapped[str] = mapped_column(String(64))
    content: Mapped[dict] = mapped_column(EncryptedJSON("imported_versions.content"))
    imported_wall: Mapped[str] = mapped_column(String(40))
    __table_args__ = (UniqueConstraint("kind", "code", "digest"),)


class ExamSession(Base):
    __tablename__ = "exam_sessions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    room: Mapped[str] = mapped_column(Text)
    part: Mapped[str] = mapped_column(String(16))
    standard: Mapped[str] = mapped_column(String(32))
    subtype: Mapped[str | None] = mapped_column(Text, nullable=True)
    level: Mapped[str] = mapped_column(String(16))
    scheduled_start: Mapped[str] = mapped_column(String(40))
    duration_minutes: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(16), default="scheduled")  # scheduled|open|closed|archived|cancelled
    retain_until: Mapped[str | None] = mapped_column(String(10), nullable=True)  # ISO date, set on archiving
    # why the room counts as under full electronic surveillance (全方位电子监控); None: it does not
    surveillance_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    # why the admin cancelled it (state "cancelled"); the session and all it holds are kept
    cancel_reason: Mapped[str | None] = mapped_column(Text, nullable=True)


class SessionStaff(Base):
    __tablename__ = "session_staff"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("exam_sessions.id"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    duty: Mapped[str] = mapped_column(String(16))  # proctor | examiner | chief | review
    __table_args__ = (UniqueConstraint("session_id", "user_id", "duty"),)


class ExaminerTask(Base):
    """A skill task an examiner of the session scores. An examiner of a session with no row here
    scores every task of it; with rows, only those (revision 0022)."""

    __tablename__ = "examiner_tasks"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("exam_sessions.id"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    task: Mapped[str] = mapped_column(String(64))  # the skill task's id in its bank
    __table_args__ = (UniqueConstraint("session_id", "user_id", "task"),)


class Candidate(Base):
    __tablename__ = "candidates"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("exam_sessions.id"))
    ticket: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(EncryptedText("candidates.name"))
    id_number: Mapped[str] = mapped_column(EncryptedText("candidates.id_number"))
    id_index: Mapped[str] = mapped_column(String(64))  # keyed digest of the ID number, for login
    photo: Mapped[bytes | None] = mapped_column(EncryptedBytes("candidates.photo"), nullable=True)
    anonymous_code: Mapped[str] = mapped_column(String(16))  # what examiners see instead of a name
    extra_seconds: Mapped[float] = mapped_column(Float, default=0.0)
    __table_args__ = (
        UniqueConstraint("session_id", "ticket"),
        UniqueConstraint("session_id", "anonymous_code"),
        Index("ix_candidates_ticket", "ticket"),  # login finds a candidate by ticket in any session
        Index("ix_candidates_id_index", "id_index"),  # a person's registrations across sessions
    )


class ClockEpoch(Base):
    """One row per boot of each machine that writes the store: ledger instants are (epoch, seconds
    on that boot's machine clock), which every process of the machine reads alike. Epoch ids
    increase, so (epoch, mono) orders every instant the store has recorded. Rows written before
    boots were recorded have no boot_id: each was one process."""

    __tablename__ = "clock_epochs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    started_wall: Mapped[str] = mapped_column(String(40))
    host: Mapped[str] = mapped_column(Text)
    boot_id: Mapped[str | None] = mapped_column(String(200), nullable=True)
    __table_args__ = (UniqueConstraint("host", "boot_id", name="uq_clock_epochs_host_boot_id"),)


class PaperInstance(Base):
    __tablename__ = "paper_instances"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("exam_sessions.id"))
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidates.id"), unique=True)
    seed: Mapped[str] = mapped_column(String(128))
    # the paper as the candidate sees it plus keys and points: stems, options in order, keys
    content: Mapped[dict] = mapped_column(EncryptedJSON("paper_instances.content"))
    # copies made when the paper is drawn (None for papers drawn before revision 0011): how many
    # slots it has (the proctor's overview), and what grading reads of it (paper_content.scoring_view)
    slots: Mapped[int | None] = mapped_column(Integer, nullable=True)
    scoring: Mapped[dict | None] = mapped_column(EncryptedJSON("paper_instances.scoring"), nullable=True)


class Attempt(Base):
    __tablename__ = "attempts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("exam_sessions.id"))
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidates.id"), unique=True)
    paper_id: Mapped[int] = mapped_column(ForeignKey("paper_instances.id"))
    duration_seconds: Mapped[float] = mapped_column(Float)
    __table_args__ = (Index("ix_attempts_session", "session_id"),)


class AttemptStep(Base):
    """Append-only (database triggers refuse UPDATE and DELETE). State derives from the steps."""

    __tablename__ = "attempt_steps"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempts.id"))
    seq: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))  # answer|clear|flag|unflag|submit|grade
    slot: Mapped[int | None] = mapped_column(Integer, nullable=True)
    data: Mapped[dict | None] = mapped_column(EncryptedJSON("attempt_steps.data", pad=True), nullable=True)
    actor: Mapped[str] = mapped_column(String(64))
    epoch: Mapped[int] = mapped_column(ForeignKey("clock_epochs.id"))
    mono: Mapped[float] = mapped_column(Float)
    wall: Mapped[str] = mapped_column(String(40))  # for people reading the record; never for time
    # the station's id of a candidate step (32 hex digits): a replay finds the original (migration 0008)
    step_id: Mapped[str | None] = mapped_column(String(32), nullable=True)
    __table_args__ = (
        UniqueConstraint("attempt_id", "seq"),
        Index("ux_attempt_steps_step_id", "attempt_id", "step_id", unique=True),
    )


class AttemptHeartbeat(Base):
    """A candidate station's "still answering" (every ~15 s): a checkpoint of the time ledger, not
    an audit entry. `station_mono`: the station's own monotonic reading; `offline`: journaled while
    the centre was unreachable and delivered later. Append-only."""

    __tablename__ = "attempt_heartbeats"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempts.id"))
    step_id: Mapped[str | None] = mapped_column(String(32), nullable=True)
    epoch: Mapped[int] = mapped_column(ForeignKey("clock_epochs.id"))
    mono: Mapped[float] = mapped_column(Float)
    station_mono: Mapped[float | None] = mapped_column(Float, nullable=True)
    offline: Mapped[bool] = mapped_column(Boolean, default=False)
    wall: Mapped[str] = mapped_column(String(40))
    __table_args__ = (
        Index("ux_attempt_heartbeats_step_id", "attempt_id", "step_id", unique=True),
        Index("ix_attempt_heartbeats_attempt_epoch", "attempt_id", "epoch", "mono"),
    )


class TimeEventRow(Base):
    """The time ledger: per attempt, or for a whole session (attempt_id NULL). Append-only."""

    __tablename__ = "time_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("exam_sessions.id"))
    attempt_id: Mapped[int | None] = mapped_column(ForeignKey("attempts.id"), nullable=True)
    kind: Mapped[str] = mapped_column(String(16))
    epoch: Mapped[int] = mapped_column(ForeignKey("clock_epochs.id"))
    mono: Mapped[float] = mapped_column(Float)
    seconds: Mapped[float] = mapped_column(Float, default=0.0)
    reason: Mapped[str | None] = mapped_column(EncryptedText("time_events.reason"), nullable=True)
    actor: Mapped[str] = mapped_column(String(64))
    wall: Mapped[str] = mapped_column(String(40))
    # every ledger read asks for one session's events of one attempt or of the whole room
    __table_args__ = (Index("ix_time_events_session_attempt", "session_id", "attempt_id"),)


class StationLogin(Base):
    """Which station a candidate is logged in on; at most one open row per candidate."""

    __tablename__ = "station_logins"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidates.id"))
    station: Mapped[str] = mapped_column(String(64))
    token_digest: Mapped[str] = mapped_column(String(64))
    open: Mapped[bool] = mapped_column(Boolean, default=True)
    wall: Mapped[str] = mapped_column(String(40))
    __table_args__ = (
        Index("ix_station_logins_candidate_open", "candidate_id", "open"),  # every save
        Index("ix_station_logins_token_digest", "token_digest"),  # every call of a candidate's station
    )


class StationReadiness(Base):
    """The last readiness report of each station (app/station/readiness.py): one row per station,
    replaced by the next report. Authenticated (encrypted under the data key, bound to its column),
    so an edit of the file cannot turn a seat READY."""

    __tablename__ = "station_readiness"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    station: Mapped[str] = mapped_column(String(64), unique=True)
    status: Mapped[str] = mapped_column(String(16))  # ready | warning | not_ready (the worst check)
    room: Mapped[str] = mapped_column(String(64), default="")  # the room the station says it is in
    report: Mapped[dict] = mapped_column(EncryptedJSON("station_readiness.report"))  # checks, version, times
    reported_wall: Mapped[str] = mapped_column(String(40))  # the centre's wall clock on arrival


class CheckIn(Base):
    """A proctor confirmed the candidate's identity (photo, ID) and seated them at a station."""

    __tablename__ = "check_ins"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidates.id"))
    station: Mapped[str] = mapped_column(String(64))
    actor: Mapped[str] = mapped_column(String(64))
    wall: Mapped[str] = mapped_column(String(40))


class LoginFailure(Base):
    """A candidate login that failed (ticket and ID number did not match, or a wrong move code), at a
    station. Uncleared failures slow the next login of that ticket and at that station
    (app/domain/login_delay.py) and are the proctor's alerts until a proctor clears them. What was
    typed as the ID number is never kept."""

    __tablename__ = "login_failures"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ticket: Mapped[str] = mapped_column(String(64))
    station: Mapped[str] = mapped_column(String(64))
    epoch: Mapped[int] = mapped_column(ForeignKey("clock_epochs.id"))
    mono: Mapped[float] = mapped_column(Float)
    wall: Mapped[str] = mapped_column(String(40))
    cleared_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    __table_args__ = (
        Index("ix_login_failures_ticket", "ticket"),
        Index("ix_login_failures_station", "station"),
    )


class StationMove(Base):
    """A proctor's authorisation to continue an attempt at another station (换机续考): a one-time
    code, kept only as a keyed digest, valid for a few minutes on the machine clock, used once."""

    __tablename__ = "station_moves"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidates.id"))
    code_index: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(EncryptedText("station_moves.reason"))
    from_station: Mapped[str | None] = mapped_column(String(64), nullable=True)
    to_station: Mapped[str | None] = mapped_column(String(64), nullable=True)  # set when used
    paused: Mapped[bool] = mapped_column(Boolean, default=False)  # the move stopped the attempt's clock
    state: Mapped[str] = mapped_column(String(16), default="issued")  # issued | used | void
    actor: Mapped[str] = mapped_column(String(64))
    epoch: Mapped[int] = mapped_column(ForeignKey("clock_epochs.id"))
    mono: Mapped[float] = mapped_column(Float)
    wall: Mapped[str] = mapped_column(String(40))
    __table_args__ = (Index("ix_station_moves_candidate", "candidate_id"),)


class CandidateSettings(Base):
    """What a candidate's screen keeps at the centre so that it follows them to another station:
    their display settings and position (encrypted), and whether they have read the exam rules."""

    __tablename__ = "candidate_settings"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidates.id"), unique=True)
    settings: Mapped[dict | None] = mapped_column(EncryptedJSON("candidate_settings.settings"), nullable=True)
    rules_read_wall: Mapped[str | None] = mapped_column(String(40), nullable=True)
    wall: Mapped[str] = mapped_column(String(40))


class Incident(Base):
    __tablename__ = "incidents"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("exam_sessions.id"))
    candidate_id: Mapped[int | None] = mapped_column(ForeignKey("candidates.id"), nullable=True)
    category: Mapped[str] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(EncryptedText("incidents.text"))
    actor: Mapped[str] = mapped_column(String(64))
    epoch: Mapped[int] = mapped_column(ForeignKey("clock_epochs.id"))
    mono: Mapped[float] = mapped_column(Float)
    wall: Mapped[str] = mapped_column(String(40))


class ExaminerScore(Base):
    __tablename__ = "examiner_scores"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempts.id"))
    target: Mapped[str] = mapped_column(String(64))  # task or item id
    examiner_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    scores: Mapped[dict] = mapped_column(EncryptedJSON("examiner_scores.scores", pad=True))  # per rubric point
    comment: Mapped[str | None] = mapped_column(EncryptedText("examiner_scores.comment"), nullable=True)
    wall: Mapped[str] = mapped_column(String(40))


class ReviewScore(Base):
    __tablename__ = "review_scores"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidates.id"))
    member_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    score: Mapped[str] = mapped_column(EncryptedText("review_scores.score"))
    comment: Mapped[str | None] = mapped_column(EncryptedText("review_scores.comment"), nullable=True)
    wall: Mapped[str] = mapped_column(String(40))
    # the member's mark out of 100 per criterion, {criterion name: "85"}; None for a bare score of old
    marks: Mapped[dict | None] = mapped_column(EncryptedJSON("review_scores.marks"), nullable=True)


class ReviewCriteriaFile(Base):
    """The exam owner's review criteria for one session (examdesk-review-criteria/1, as read)."""

    __tablename__ = "review_criteria"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("exam_sessions.id"), unique=True)
    content: Mapped[dict] = mapped_column(EncryptedJSON("review_criteria.content"))
    wall: Mapped[str] = mapped_column(String(40))


class ReviewMaterial(Base):
    """One entry of a candidate's review register: application materials, a representative work or
    the employer's assessment, with its attachment encrypted. Append-only."""

    __tablename__ = "review_materials"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidates.id"))
    kind: Mapped[str] = mapped_column(String(32))  # application | work | employer_assessment
    title: Mapped[str] = mapped_column(EncryptedText("review_materials.title"))
    pages: Mapped[int | None] = mapped_column(Integer, nullable=True)
    filename: Mapped[str | None] = mapped_column(EncryptedText("review_materials.filename"), nullable=True)
    attachment: Mapped[bytes | None] = mapped_column(EncryptedBytes("review_materials.attachment"), nullable=True)
    digest: Mapped[str | None] = mapped_column(String(64), nullable=True)  # SHA-256 of the attachment
    recorded_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    wall: Mapped[str] = mapped_column(String(40))


class ReviewEvent(Base):
    """The defence (答辩) timer, the questions and notes of one candidate's review, and the state of
    its register's entries. Append-only. kind: defence_start | defence_resume | defence_end |
    question | note (text), each at an instant of the store's machine clock (`at`, `epoch`); or
    expected | received | missing (`material_id`)."""

    __tablename__ = "review_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidates.id"))
    member_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    kind: Mapped[str] = mapped_column(String(16))
    at: Mapped[float | None] = mapped_column(Float, nullable=True)
    # the clock epoch `at` was read in (None: written before revision 0022, in the store's epoch then)
    epoch: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # kinds expected | received | missing: the entry of the materials register they mark (revision 0022)
    material_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    text: Mapped[str | None] = mapped_column(EncryptedText("review_events.text"), nullable=True)
    wall: Mapped[str] = mapped_column(String(40))


class Result(Base):
    __tablename__ = "results"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidates.id"))
    part: Mapped[str] = mapped_column(String(16))
    outcome: Mapped[dict] = mapped_column(EncryptedJSON("results.outcome", pad=True))  # score, passed, detail
    wall: Mapped[str] = mapped_column(String(40))
    __table_args__ = (UniqueConstraint("candidate_id", "part"),)


class RowSeal(Base):
    """The seal of one row of a sealed table (app/store/seals.py): its MAC under the data key and a
    short tag per column that names what changed. Written only by `seals.seal_pending`."""

    __tablename__ = "row_seals"
    tbl: Mapped[str] = mapped_column(String(64), primary_key=True)
    row_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    seal: Mapped[str] = mapped_column(Text)


class AuditEntry(Base):
    """Hash-chained (keyed) record of every state-changing action. Append-only."""

    __tablename__ = "audit_entries"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    wall: Mapped[str] = mapped_column(String(40))
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64))
    target: Mapped[str] = mapped_column(String(128))
    data_digest: Mapped[str] = mapped_column(String(64))
    prev_mac: Mapped[str] = mapped_column(String(64))
    mac: Mapped[str] = mapped_column(String(64))


class ObservationGroup(Base):
    """Candidates who perform observed tasks together and the examiners who watch and score them
    (the standard's examiner ratio holds per group). `members`: {"candidates": [ids], "examiners":
    [user ids]}. Setting a group again replaces its members."""

    __tablename__ = "observation_groups"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("exam_sessions.id"))
    name: Mapped[str] = mapped_column(String(32))
    members: Mapped[dict] = mapped_column(EncryptedJSON("observation_groups.members"))
    wall: Mapped[str] = mapped_column(String(40))
    __table_args__ = (UniqueConstraint("session_id", "name"),)


class LiveObservation(Base):
    """An examiner's live record of an observed or oral task. Append-only.
    kind: timer_start | timer_stop | note (point: the rubric point's index, text encrypted); each
    at an instant of the store's machine clock (`at`, `epoch`; a note written before revision 0023
    has none)."""

    __tablename__ = "live_observations"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempts.id"))
    slot: Mapped[int] = mapped_column(Integer)
    examiner_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    kind: Mapped[str] = mapped_column(String(16))
    point: Mapped[int | None] = mapped_column(Integer, nullable=True)
    at: Mapped[float | None] = mapped_column(Float, nullable=True)
    # the clock epoch `at` was read in (None: written before revision 0023, in the store's epoch then)
    epoch: Mapped[int | None] = mapped_column(Integer, nullable=True)
    text: Mapped[str | None] = mapped_column(EncryptedText("live_observations.text"), nullable=True)
    wall: Mapped[str] = mapped_column(String(40))
    __table_args__ = (Index("ix_live_observations_attempt", "attempt_id", "slot"),)


class AttemptFile(Base):
    """A file an observed task produced, attached by the candidate's station or an examiner; the
    attempt's "attach" step names it with its SHA-256. Append-only."""

    __tablename__ = "attempt_files"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempts.id"))
    slot: Mapped[int] = mapped_column(Integer)
    filename: Mapped[str] = mapped_column(EncryptedText("attempt_files.filename"))
    content: Mapped[bytes] = mapped_column(EncryptedBytes("attempt_files.content"))
    digest: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    added_by: Mapped[str] = mapped_column(String(64))  # "candidate" or "examiner seat N"
    wall: Mapped[str] = mapped_column(String(40))


# Rows of these tables may change state but are never deleted (records are kept >= 5 years).
KEPT_TABLES = ("exam_sessions", "candidates", "paper_instances", "attempts", "results", "users", "centres")
APPEND_ONLY_TABLES = (
    "attempt_steps", "time_events", "audit_entries", "incidents", "examiner_scores", "review_scores", "check_ins",
    "review_materials", "review_events", "live_observations", "attempt_files",
)  # fmt: skip


class OwnerKey(Base):
    """An exam owner's Ed25519 public key the admin registered (`examdesk owner trust`): a sealed
    package is imported only when one of these signed it (docs/packages.md)."""

    __tablename__ = "owner_keys"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)  # SHA-256 of the raw public key
    public_pem: Mapped[str] = mapped_column(Text)
    name: Mapped[str] = mapped_column(Text)
    trusted_wall: Mapped[str] = mapped_column(String(40))


class SealedPackage(Base):
    """A sealed exam package as it arrived (the owner's encrypted, signed file, kept as it is), and
    once opened with its release key its content, encrypted under the data key like every bank."""

    __tablename__ = "sealed_packages"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    digest: Mapped[str] = mapped_column(String(64), unique=True)  # SHA-256 of the package file
    package_id: Mapped[str] = mapped_column(String(32), unique=True)
    session_code: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(16))
    owner_fingerprint: Mapped[str] = mapped_column(String(64))
    not_before: Mapped[str] = mapped_column(String(40))  # UTC, ISO 8601
    package: Mapped[bytes] = mapped_column(LargeBinary)
    imported_wall: Mapped[str] = mapped_column(String(40))
    opened_wall: Mapped[str | None] = mapped_column(String(40), nullable=True)
    content: Mapped[dict | None] = mapped_column(EncryptedJSON("sealed_packages.content"), nullable=True)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")  # a replacement's is higher


class PackageNotice(Base):
    """A sealed package this centre must refuse: superseded by a newer version for its session (its
    row in sealed_packages became the newer one), or revoked by its owner (the signed revocation
    kept as it arrived, which may come before the package)."""

    __tablename__ = "package_notices"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    package_id: Mapped[str] = mapped_column(String(32), unique=True)
    digest: Mapped[str] = mapped_column(String(64))
    session_code: Mapped[str] = mapped_column(String(64))
    owner_fingerprint: Mapped[str] = mapped_column(String(64))
    version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    superseded_by: Mapped[str | None] = mapped_column(String(32), nullable=True)  # the newer package's id
    superseded_wall: Mapped[str | None] = mapped_column(String(40), nullable=True)
    revoked_wall: Mapped[str | None] = mapped_column(String(40), nullable=True)  # when the revocation arrived
    revoked_at: Mapped[str | None] = mapped_column(String(40), nullable=True)  # when the owner signed it (UTC)
    reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    revocation: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
