"""Observed (现场操作, 模拟操作) and oral (现场问答) skill tasks, scored live by the examiners.

While the candidate performs, each examiner works on their own station: a task timer they start
and stop (the store's machine clock), notes per scoring point, the files the task produced
(attached by the candidate's station or by an examiner, kept encrypted, each recorded as an
"attach" step of the attempt with its SHA-256), and their score per point through
`ScoringService.score_task`, the same call, spread rule and arbitration as written tasks.

Independence: an examiner sees the others' scores (by seat, never by name) only after submitting
their own; the chief sees them all. Identity: an oral candidate is shown by anonymous code only;
an observed candidate performs in front of the examiners, so their identity cannot be hidden, and
the screen says so.

Observation groups: the candidates who perform observed tasks together and the examiners who
watch them. The standard's examiner ratio (1.9.3: 1:15 for 4-13-99-02, 1:2 for 4-07-03-01, at
least 3, odd) holds per group (`app.domain.staffing.check_observed_group`); an observed task is
scored live only by the examiners of the candidate's group.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.api.types import AttachedFile, LiveTask, ObservationGroupView
from app.banks.catalog import Catalog
from app.domain.attempt_state import StepKind
from app.domain.items import TaskMode
from app.domain.live_tasks import Epoch, Observation, TimerEvent, TimerReading, timed_seconds
from app.domain.staffing import check_observed_group, refusal
from app.domain.time_ledger import Instant
from app.services.answer_log import read_log, read_logs
from app.services.base import (
    Actor,
    Conflict,
    NotFound,
    PermissionDenied,
    Service,
    ServiceError,
    require_duty,
    require_role,
    unfrozen_session,
)
from app.store.database import Database
from app.store.models import (
    Attempt,
    AttemptFile,
    AttemptHeartbeat,
    AttemptStep,
    Candidate,
    ExaminerScore,
    LiveObservation,
    ObservationGroup,
    PaperInstance,
    SessionStaff,
    TimeEventRow,
    User,
)

MAX_TASK_FILE = 20 * 1024 * 1024  # bytes per attached file
MAX_NOTE = 2000  # characters per observation note
ABSENT = "absent"


def live_entry(s: Session, attempt: Attempt, slot: int) -> dict[str, Any]:
    """The paper's entry at `slot` when it is an observed or oral task."""
    paper = s.get(PaperInstance, attempt.paper_id)
    assert paper is not None  # attempt.paper_id is a foreign key (enforced)
    entry = next((e for e in paper.content["items"] if e["slot"] == slot), None)
    if entry is None:
        raise NotFound("no question {n} on this paper", n=slot + 1)
    if entry.get("mode") not in (TaskMode.OBSERVED.value, TaskMode.ORAL.value):
        raise Conflict("question {n} is not scored live (it is a written task)", n=slot + 1)
    return entry


def group_of(s: Session, session_id: int, candidate_id: int) -> ObservationGroup | None:
    for group in s.scalars(select(ObservationGroup).where(ObservationGroup.session_id == session_id)):
        if candidate_id in group.members.get("candidates", []):
            return group
    return None


def groups_in(s: Session, session_id: int) -> list[ObservationGroup]:
    return list(s.scalars(select(ObservationGroup).where(ObservationGroup.session_id == session_id)
                          .order_by(ObservationGroup.name)))  # fmt: skip


def require_observer(s: Session, actor: Actor, attempt: Attempt, entry: dict[str, Any]) -> ObservationGroup | None:
    """For an observed task: the candidate's observation group, when `actor` is one of its
    examiners (the chief of the session may act in every group); refused otherwise."""
    if entry.get("mode") != TaskMode.OBSERVED.value:
        return None
    group = group_of(s, attempt.session_id, attempt.candidate_id)
    code = s.scalar(select(Candidate.anonymous_code).where(Candidate.id == attempt.candidate_id))
    if group is None:
        raise Conflict("candidate {code} is in no observation group: the chief examiner forms the groups before "
                       "observed tasks are scored", code=code)  # fmt: skip
    if actor.role != "chief" and actor.id not in group.members.get("examiners", []):
        raise PermissionDenied("candidate {code} is observed by group {group}, and you are not one of its examiners",
                               code=code, group=group.name)  # fmt: skip
    return group


def store_task_file(s: Session, db: Database, attempt_id: int, slot: int, filename: str, content: bytes,
                    added_by: str, actor: Actor) -> int:  # fmt: skip
    """Keep a file an observed task produced (encrypted) and record it as an attach step of the
    attempt, inside the caller's transaction; its id."""
    name = filename.replace("\\", "/").rsplit("/", 1)[-1].strip()
    if not name:
        raise ServiceError("a file needs a name")
    if not content:
        raise ServiceError("file {name} is empty", name=name)
    if len(content) > MAX_TASK_FILE:
        raise ServiceError("file {name} is larger than {most} MB", name=name, most=MAX_TASK_FILE // (1024 * 1024))
    digest = hashlib.sha256(content).hexdigest()
    row = AttemptFile(attempt_id=attempt_id, slot=slot, filename=name, content=content, digest=digest,
                      size=len(content), added_by=added_by, wall=db.wall_now())  # fmt: skip
    s.add(row)
    s.flush()
    last = s.scalar(select(func.max(AttemptStep.seq)).where(AttemptStep.attempt_id == attempt_id)) or 0
    s.add(AttemptStep(attempt_id=attempt_id, seq=last + 1, kind=StepKind.ATTACH.value, slot=slot,
                      data={"file": row.id, "filename": name, "sha256": digest, "size": len(content), "by": added_by},
                      actor=actor.label, epoch=db.epoch, mono=db.mono(), wall=db.wall_now()))  # fmt: skip
    return row.id


def examiner_seats(s: Session, session_id: int) -> dict[int, int]:
    """Each examiner's seat (1, 2, ...) in the order they were assigned; the chief's is 0."""
    rows = s.execute(select(SessionStaff.user_id, SessionStaff.duty).where(SessionStaff.session_id == session_id)
                     .order_by(SessionStaff.id)).all()  # fmt: skip
    seats: dict[int, int] = {}
    for user_id, duty in rows:
        if duty == "examiner" and user_id not in seats:
            seats[user_id] = len(seats) + 1
    return seats


@dataclass(frozen=True)
class LiveRead:
    """One candidate's observed or oral task as the store records it (`live_task_record` makes it
    the bundle's record): the paper's entry, the card drawn, the attach steps' data, the examiners'
    timer events and notes (by seat), the candidate's observation group; and, for timers a restart
    of the machine cut, when the record was read and the last instant known of each boot."""

    entry: dict[str, Any]
    card: int | None
    attached: tuple[dict[str, Any], ...]
    observations: tuple[Observation, ...]
    group: str | None
    now: Instant
    known: dict[Epoch, float]


def known_instants(s: Session, attempts: Any, epoch_now: int) -> dict[int, dict[Epoch, float]]:
    """For each attempt (`attempts`: ids, or a select of them) and each clock epoch, the latest
    instant the store recorded on it: its steps, the station's heartbeats, its time events and the
    examiners' live records. An examiner's timer that a restart cut counts up to the one of its
    boot, as exam time does after a crash (its steps and heartbeats are the time ledger's
    checkpoints). A live record from before revision 0023 is read in `epoch_now`."""
    out: dict[int, dict[Epoch, float]] = {}
    for table, mono in ((AttemptStep, AttemptStep.mono), (AttemptHeartbeat, AttemptHeartbeat.mono),
                        (TimeEventRow, TimeEventRow.mono), (LiveObservation, LiveObservation.at)):  # fmt: skip
        rows = s.execute(select(table.attempt_id, table.epoch, func.max(mono))
                         .where(table.attempt_id.in_(attempts), mono.is_not(None))
                         .group_by(table.attempt_id, table.epoch))  # fmt: skip
        for attempt_id, epoch, last in rows:
            if attempt_id is None or last is None:
                continue
            known = out.setdefault(int(attempt_id), {})
            boot: Epoch = epoch_now if epoch is None else epoch
            known[boot] = max(known.get(boot, float(last)), float(last))
    return out


def timer_events(rows: Any, epoch_now: int) -> list[TimerEvent]:
    """(kind, epoch, at) rows of one examiner's live record, in order, as the timer's events; a row
    from before revision 0023 (no epoch) was read on the store's clock then, taken as `epoch_now`."""
    return [("start" if kind == "timer_start" else "stop", Instant(epoch_now if epoch is None else epoch, at))
            for kind, epoch, at in rows if kind in ("timer_start", "timer_stop") and at is not None]  # fmt: skip


def session_live_reads(s: Session, session_id: int, now: Instant) -> dict[int, list[LiveRead]]:
    """Candidate id -> the observed and oral tasks of their paper, in slot order (only candidates
    whose paper holds one). For a result bundle, read in the export's snapshot at `now`."""
    papers = s.execute(
        select(Attempt.id, Attempt.candidate_id, PaperInstance.content)
        .join(PaperInstance, PaperInstance.id == Attempt.paper_id)
        .where(Attempt.session_id == session_id)
    ).all()  # fmt: skip
    live = {(attempt_id, candidate_id): [e for e in content["items"]
                                         if e.get("mode") in (TaskMode.OBSERVED.value, TaskMode.ORAL.value)]
            for attempt_id, candidate_id, content in papers}  # fmt: skip
    live = {key: entries for key, entries in live.items() if entries}
    if not live:
        return {}
    attempt_ids = [attempt_id for attempt_id, _candidate in live]
    logs = read_logs(s, attempt_ids, kinds=(StepKind.DRAW, StepKind.ATTACH))
    seats = examiner_seats(s, session_id)
    observed: dict[tuple[int, int], list[Observation]] = {}
    in_session = select(Attempt.id).where(Attempt.session_id == session_id)
    for attempt_id, slot, examiner, kind, point, epoch, at, text in s.execute(
        select(LiveObservation.attempt_id, LiveObservation.slot, LiveObservation.examiner_id, LiveObservation.kind,
               LiveObservation.point, LiveObservation.epoch, LiveObservation.at, LiveObservation.text)
        .where(LiveObservation.attempt_id.in_(in_session)).order_by(LiveObservation.id)
    ):  # fmt: skip
        instant = None if at is None else Instant(now.epoch if epoch is None else epoch, at)
        observed.setdefault((attempt_id, slot), []).append(Observation(seats.get(examiner, 0), kind, instant, point,
                                                                       text))  # fmt: skip
    known = known_instants(s, in_session, int(now.epoch))
    groups = {c: g.name for g in groups_in(s, session_id) for c in g.members.get("candidates", [])}
    out: dict[int, list[LiveRead]] = {}
    for (attempt_id, candidate_id), entries in live.items():
        log = logs[attempt_id]
        out[candidate_id] = [
            LiveRead(entry, log.cards.get(entry["slot"]), tuple(log.attached.get(entry["slot"], [])),
                     tuple(observed.get((attempt_id, entry["slot"]), [])),
                     groups.get(candidate_id) if entry.get("mode") == TaskMode.OBSERVED.value else None,
                     now, known.get(attempt_id, {}))
            for entry in sorted(entries, key=lambda e: e["slot"])
        ]  # fmt: skip
    return out


class LiveScoringService(Service):
    def __init__(self, db: Database, catalog: Catalog):
        super().__init__(db)
        self.catalog = catalog

    # -- observation groups -------------------------------------------------------------------

    def set_observation_group(self, actor: Actor, session_id: int, name: str, candidates: list[str],
                              examiners: list[int]) -> None:  # fmt: skip
        """Form (or re-form) a group: candidates by anonymous code, examiners by user id. Refused when
        the group breaks the standard's examiner ratio (1.9.3), when a candidate is already in
        another group, or when someone is not on the session's roster or staff."""
        require_role(actor, "chief", "admin")
        name = name.strip()
        if not name:
            raise ServiceError("an observation group needs a name")
        if len(name) > 32:
            raise ServiceError("a group's name is at most {most} characters", most=32)
        data = {"group": name, "candidates": sorted(candidates), "examiners": sorted(examiners)}
        with self.action(actor, "session.observation_group", f"session:{session_id}", data) as s:
            session = unfrozen_session(s, session_id)
            if actor.role == "chief":
                require_duty(s, actor, session_id, "chief")
            if session.part != "skill":
                raise Conflict("observation groups are for skill sessions")
            ids_by_code = dict(s.execute(select(Candidate.anonymous_code, Candidate.id)
                                         .where(Candidate.session_id == session_id)).all())  # fmt: skip
            unknown = [c for c in candidates if c not in ids_by_code]
            if unknown:
                raise NotFound("no candidate {codes} in this session", codes=", ".join(unknown))
            on_duty = set(s.scalars(select(SessionStaff.user_id).where(SessionStaff.session_id == session_id,
                                                                       SessionStaff.duty == "examiner")))  # fmt: skip
            strangers = [str(e) for e in examiners if e not in on_duty]
            if strangers:
                raise Conflict("user {users} is not an examiner of this session", users=", ".join(strangers))
            member_ids = sorted({ids_by_code[c] for c in candidates})
            existing = {g.name: g for g in groups_in(s, session_id)}
            for other in existing.values():
                if other.name == name:
                    continue
                taken = sorted(code for code in candidates if ids_by_code[code] in other.members.get("candidates", []))
                if taken:
                    raise Conflict("candidate {codes} is already in group {group}", codes=", ".join(taken),
                                   group=other.name)  # fmt: skip
            std = self.catalog.standard(session.standard)
            level = self.catalog.level(std, session.level, session.subtype)
            findings = check_observed_group(std, level, name, len(member_ids), len(set(examiners)))
            if findings:
                raise Conflict(refusal(findings))
            members = {"candidates": member_ids, "examiners": sorted(set(examiners))}
            row = existing.get(name)
            if row is None:
                s.add(ObservationGroup(session_id=session_id, name=name, members=members, wall=self.db.wall_now()))
            else:
                row.members, row.wall = members, self.db.wall_now()

    def observation_groups(self, actor: Actor, session_id: int) -> list[ObservationGroupView]:
        require_role(actor, "examiner", "chief", "admin")
        with self.db.reader() as s:
            if actor.role != "admin":
                require_duty(s, actor, session_id, "examiner", "chief")
            codes = dict(s.execute(select(Candidate.id, Candidate.anonymous_code)
                                   .where(Candidate.session_id == session_id)).all())  # fmt: skip
            out = []
            for group in groups_in(s, session_id):
                ids = group.members.get("examiners", [])
                names = {u.id: u.display_name for u in s.scalars(select(User).where(User.id.in_(ids)))}
                out.append(ObservationGroupView(
                    group.name, tuple(sorted(codes.get(c, "?") for c in group.members.get("candidates", []))),
                    tuple((e, names.get(e, str(e))) for e in ids)))  # fmt: skip
            return out

    def session_examiners(self, actor: Actor, session_id: int) -> list[tuple[int, str]]:
        """(user id, display name) of the session's examiners, for the chief forming groups."""
        require_role(actor, "chief", "admin")
        with self.db.reader() as s:
            if actor.role == "chief":
                require_duty(s, actor, session_id, "chief")
            ids = list(s.scalars(select(SessionStaff.user_id).where(SessionStaff.session_id == session_id,
                                                                    SessionStaff.duty == "examiner")
                                 .order_by(SessionStaff.id)))  # fmt: skip
            names = {u.id: u.display_name for u in s.scalars(select(User).where(User.id.in_(ids)))}
            return [(i, names.get(i, str(i))) for i in ids]

    # -- the examiner's live record -------------------------------------------------------------

    def _live(self, s: Session, actor: Actor, attempt_id: int, slot: int,
              *, write: bool) -> tuple[Attempt, dict[str, Any], ObservationGroup | None]:  # fmt: skip
        require_role(actor, "examiner", "chief")
        attempt = s.get(Attempt, attempt_id)
        if attempt is None:
            raise NotFound("no attempt {attempt}", attempt=attempt_id)
        if write:
            unfrozen_session(s, attempt.session_id)
        require_duty(s, actor, attempt.session_id, "examiner", "chief")
        entry = live_entry(s, attempt, slot)
        group = require_observer(s, actor, attempt, entry)
        return attempt, entry, group

    def live_task(self, actor: Actor, attempt_id: int, slot: int) -> LiveTask:
        """One observed or oral task as this examiner scores it live."""
        with self.db.reader() as s:
            attempt, entry, group = self._live(s, actor, attempt_id, slot, write=False)
            code = s.scalar(select(Candidate.anonymous_code).where(Candidate.id == attempt.candidate_id)) or ""
            log = read_log(s, attempt_id)
            rubric = tuple((str(p), str(m)) for p, m in entry.get("rubric", []))
            card: dict[str, Any] = {}
            cards = entry.get("cards") or []
            if slot in log.cards and 0 <= log.cards[slot] < len(cards):
                question, expected = cards[log.cards[slot]]
                card = {"card_number": log.cards[slot] + 1, "card_pool": len(cards), "card_question": question,
                        "card_expected": tuple(expected)}  # fmt: skip
            elif cards:
                card = {"card_pool": len(cards)}
            mine = list(s.scalars(select(LiveObservation).where(
                LiveObservation.attempt_id == attempt_id, LiveObservation.slot == slot,
                LiveObservation.examiner_id == actor.id).order_by(LiveObservation.id)))  # fmt: skip
            timer = self._timer_reading(s, attempt_id, [(o.kind, o.epoch, o.at) for o in mine])
            notes = tuple((o.point if o.point is not None else -1, o.text or "") for o in mine if o.kind == "note")
            files = tuple(
                AttachedFile(f.id, f.filename, f.digest, f.size, f.added_by, f.wall)
                for f in s.scalars(select(AttemptFile).where(AttemptFile.attempt_id == attempt_id,
                                                             AttemptFile.slot == slot).order_by(AttemptFile.id))
            )  # fmt: skip
            scores = list(s.scalars(select(ExaminerScore).where(ExaminerScore.attempt_id == attempt_id,
                                                                ExaminerScore.target == f"slot:{slot}")
                                    .order_by(ExaminerScore.id)))  # fmt: skip
            own = next((r for r in scores if r.examiner_id == actor.id), None)
            per_point = len(rubric)
            others: tuple[tuple[int, tuple[str, ...]], ...] = ()
            if own is not None or actor.role == "chief":  # independent scoring: nothing before one's own
                seats = self._seats(s, attempt.session_id)
                others = tuple((seats.get(r.examiner_id, 0), tuple(str(r.scores.get(str(i), "")) for i in
                                                                   range(per_point)))
                               for r in scores if r.examiner_id != actor.id)  # fmt: skip
            title, _, instructions = entry["stem"].partition("\n")
            return LiveTask(
                attempt_id, slot, code, entry["mode"], entry.get("form", ""), title, instructions, rubric,
                identity_visible=entry["mode"] == TaskMode.OBSERVED.value, group=group.name if group else "",
                attempt_open=not log.submitted, **card, timer_seconds=round(timer.seconds, 1),
                timer_running=timer.running, timer_interrupted=timer.interrupted, notes=notes, files=files,
                scored_by_me=own is not None,
                my_scores=tuple(str(own.scores.get(str(i), "")) for i in range(per_point)) if own else (),
                others=others,
            )  # fmt: skip

    @staticmethod
    def _seats(s: Session, session_id: int) -> dict[int, int]:
        return examiner_seats(s, session_id)

    def _seat_label(self, s: Session, actor: Actor, session_id: int) -> str:
        if actor.role == "chief":
            return "chief examiner"
        return f"examiner seat {self._seats(s, session_id).get(actor.id, 0)}"

    def start_timer(self, actor: Actor, attempt_id: int, slot: int) -> None:
        """This examiner's timer for the task starts (on the centre's machine clock)."""
        self._timer(actor, attempt_id, slot, "timer_start")

    def stop_timer(self, actor: Actor, attempt_id: int, slot: int) -> float:
        """This examiner's timer stops; the seconds timed so far."""
        self._timer(actor, attempt_id, slot, "timer_stop")
        return self.live_task(actor, attempt_id, slot).timer_seconds

    def _timer_reading(self, s: Session, attempt_id: int, rows: Any) -> TimerReading:
        """This examiner's timer from their (kind, epoch, at) rows, as of now, on this boot's clock.
        Only a timer that ran through a restart needs the last instants known of earlier boots."""
        events, epoch = timer_events(rows, self.db.epoch), self.db.epoch
        known = None
        if any(at.epoch != epoch for _kind, at in events):
            known = known_instants(s, [attempt_id], epoch).get(attempt_id, {})
        return timed_seconds(events, Instant(epoch, self.db.mono()), known)

    def _timer(self, actor: Actor, attempt_id: int, slot: int, kind: str) -> None:
        with self.action(actor, f"live.{kind}", f"attempt:{attempt_id}/slot:{slot}", {}) as s:
            attempt, _entry, _group = self._live(s, actor, attempt_id, slot, write=True)
            rows = s.execute(select(LiveObservation.kind, LiveObservation.epoch, LiveObservation.at).where(
                LiveObservation.attempt_id == attempt_id, LiveObservation.slot == slot,
                LiveObservation.examiner_id == actor.id, LiveObservation.kind != "note")
                .order_by(LiveObservation.id)).all()  # fmt: skip
            timer = self._timer_reading(s, attempt_id, rows)
            # a timer a restart cut waits for its examiner: a stop ends it, a start begins a new interval
            if kind == "timer_start" and timer.running:
                raise Conflict("your timer for this task is already running")
            if kind == "timer_stop" and not (timer.running or timer.interrupted):
                raise Conflict("your timer for this task is not running")
            s.add(LiveObservation(attempt_id=attempt.id, slot=slot, examiner_id=actor.id, kind=kind,
                                  at=self.db.mono(), epoch=self.db.epoch, wall=self.db.wall_now()))  # fmt: skip

    def add_observation_note(self, actor: Actor, attempt_id: int, slot: int, point: int, text: str) -> None:
        """A note on one scoring point (index from 0), kept encrypted with the examiner's record."""
        text = text.strip()
        if not text:
            raise ServiceError("a note needs text")
        if len(text) > MAX_NOTE:
            raise ServiceError("a note is at most {most} characters", most=MAX_NOTE)
        with self.action(actor, "live.note", f"attempt:{attempt_id}/slot:{slot}", {"point": point}) as s:
            attempt, entry, _group = self._live(s, actor, attempt_id, slot, write=True)
            if not 0 <= point < len(entry.get("rubric", [])):
                raise ServiceError("no rubric point {n}", n=point + 1)
            s.add(LiveObservation(attempt_id=attempt.id, slot=slot, examiner_id=actor.id, kind="note", point=point,
                                  text=text, at=self.db.mono(), epoch=self.db.epoch,
                                  wall=self.db.wall_now()))  # fmt: skip

    def attach_task_file(self, actor: Actor, attempt_id: int, slot: int, filename: str, content: bytes) -> int:
        """An examiner attaches a file an observed task produced (a document the candidate made);
        kept encrypted, recorded as a step of the attempt. Its id."""
        data = {"slot": slot, "filename": filename, "sha256": hashlib.sha256(content).hexdigest()}
        with self.action(actor, "live.attach", f"attempt:{attempt_id}/slot:{slot}", data) as s:
            attempt, entry, _group = self._live(s, actor, attempt_id, slot, write=True)
            if entry["mode"] != TaskMode.OBSERVED.value:
                raise Conflict("files are attached to observed tasks only")
            if read_log(s, attempt_id, kinds=(StepKind.SUBMIT,)).ended == ABSENT:
                raise Conflict("the candidate was absent: there is nothing to grade")
            return store_task_file(s, self.db, attempt.id, slot, filename, content,
                                   self._seat_label(s, actor, attempt.session_id), actor)  # fmt: skip

    def task_file(self, actor: Actor, file_id: int) -> bytes:
        """An attached file's bytes, for the examiners of its task."""
        with self.db.reader() as s:
            row = s.get(AttemptFile, file_id)
            if row is None:
                raise NotFound("no file {file}", file=file_id)
            self._live(s, actor, row.attempt_id, row.slot, write=False)
            return bytes(row.content)
