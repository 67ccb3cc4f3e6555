"""A dead PC's journal, brought to the proctor station as a sealed file and replayed at the centre.

`examdesk station export-journal` writes the unsent records of one candidate, sealed under the
station's journal key and bound to the station, the ticket and the attempt
(app/security/station_journal.py). The proctor of that candidate's session imports the file
(`ProctorApi.import_journal`): one action, one audit entry; it says how many steps were applied,
were held already, or were refused.

Replaying is idempotent and keeps the order: a record whose step id the store holds is skipped;
the others are appended in the order they were made. A record made on top of step `e` (its
expected seq) is superseded, and skipped, when the store holds a later step for the same question
(the same kind of step: answer/clear, flag/unflag) that this file did not bring: the candidate went
on at another PC, and what they did there is newer. A submission in the file is skipped when
anything but this file's own records followed its step (the candidate went on elsewhere). An
answer the grader could not read is skipped, as a save would refuse it. Heartbeats are recorded
as offline heartbeats. Nothing can be added to a submitted attempt: steps after the submission
would not count, so such a file is refused with the count of steps it still holds.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import insert, select

from app.api.types import FileData, JournalImported
from app.domain.attempt_state import StepKind
from app.domain.time_ledger import LedgerState, TimeEventKind
from app.security.station_journal import SealedFileError, export_header, open_export
from app.services.base import Actor, Conflict, PermissionDenied, ServiceError, require_duty
from app.services.exam_day import ExamDay
from app.store.models import Attempt, AttemptHeartbeat, AttemptStep, Candidate, StationLogin

_SLOT_KINDS = {"answer": ("answer", "clear"), "clear": ("answer", "clear"), "flag": ("flag", "unflag"),
               "unflag": ("flag", "unflag")}  # fmt: skip
_STEP_KINDS = {"answer": StepKind.ANSWER, "clear": StepKind.CLEAR, "flag": StepKind.FLAG, "unflag": StepKind.UNFLAG,
               "focus": StepKind.FOCUS_LOST, "submit": StepKind.SUBMIT}  # fmt: skip


class JournalImportService(ExamDay):
    def import_journal(self, actor: Actor, session_id: int, file: FileData) -> JournalImported:
        """Replay a dead PC's sealed journal file for a candidate of `session_id`."""
        if actor.role != "proctor":
            raise PermissionDenied("{role} may not import a station journal", role=actor.role)
        try:
            header = export_header(file.content)
            station, ticket, attempt_id = str(header["station"]), str(header["ticket"]), int(header["attempt_id"])
        except (SealedFileError, KeyError, TypeError, ValueError):
            raise ServiceError("{file} is not a station journal export", file=file.name) from None
        try:
            _header, records = open_export(self.db.cipher.journal_key(station), file.content)
        except SealedFileError:
            raise ServiceError("{file} was altered, or was not sealed by station {station} of this centre",
                               file=file.name, station=station) from None  # fmt: skip
        data = {"file": file.name, "station": station, "ticket": ticket, "records": len(records)}
        with self.action(actor, "attempt.import_journal", f"attempt:{attempt_id}", data) as s:
            require_duty(s, actor, session_id, "proctor")
            attempt = s.get(Attempt, attempt_id)
            candidate = None if attempt is None else s.get(Candidate, attempt.candidate_id)
            if attempt is None or candidate is None or attempt.session_id != session_id or candidate.ticket != ticket:
                raise Conflict("{file} holds the answers of ticket {ticket}, who is not a candidate of this session",
                               file=file.name, ticket=ticket)  # fmt: skip
            logged_here = s.scalar(select(StationLogin.id).where(StationLogin.candidate_id == candidate.id,
                                                                 StationLogin.station == station).limit(1))  # fmt: skip
            if logged_here is None:  # a station's key speaks only for candidates who sat at it
                raise Conflict("{file} comes from station {station}, where ticket {ticket} never logged in",
                               file=file.name, station=station, ticket=ticket)  # fmt: skip
            for record in records:
                if record.get("attempt_id") != attempt_id or record.get("ticket") != ticket:
                    raise ServiceError("{file} mixes the records of several candidates", file=file.name)
            done = self._replay(s, actor, Actor("candidate", candidate.id), attempt_id, records)
            data.update(applied=done.applied, duplicates=done.duplicates, refused=done.refused)
            return done

    def _replay(self, s: Any, proctor: Actor, candidate: Actor, attempt_id: int,
                records: list[dict[str, Any]]) -> JournalImported:  # fmt: skip
        c = s.connection()
        facts = self._facts(c, attempt_id)
        held = s.execute(select(AttemptStep.seq, AttemptStep.kind, AttemptStep.slot, AttemptStep.step_id)
                         .where(AttemptStep.attempt_id == attempt_id).order_by(AttemptStep.seq)).all()  # fmt: skip
        held_ids = {row.step_id for row in held if row.step_id}
        beats = set(s.scalars(select(AttemptHeartbeat.step_id).where(AttemptHeartbeat.attempt_id == attempt_id)))
        ours = {str(r.get("step_id")) for r in records}
        # steps the store holds that this file did not bring: (seq, kind, slot)
        foreign = [(row.seq, row.kind, row.slot) for row in held if row.step_id not in ours]
        todo: list[dict[str, Any]] = []
        duplicates = refused = 0
        for record in records:
            kind, step_id = record.get("kind"), str(record.get("step_id"))
            if kind == "heartbeat":
                if step_id not in beats:
                    todo.append(record)
                continue
            if kind not in _STEP_KINDS:
                refused += 1
                continue
            if step_id in held_ids:
                duplicates += 1
                continue
            after = int(record.get("expected_seq") or 0)
            slot = record.get("slot")
            if kind == "submit":
                if any(seq > after for seq, _k, _s in foreign):
                    refused += 1
                    continue  # the candidate went on elsewhere: this PC's submission is not theirs now
            elif kind in _SLOT_KINDS and any(seq > after and k in _SLOT_KINDS[kind] and sl == slot
                                             for seq, k, sl in foreign):  # fmt: skip
                refused += 1
                continue  # a newer step for this question
            if kind in ("answer", "clear", "flag", "unflag") and not (isinstance(slot, int) and
                                                                       0 <= slot < facts.slots):  # fmt: skip
                refused += 1
                continue
            if kind == "answer" and isinstance(slot, int) and facts.shapes[slot].problem(record.get("value")):
                refused += 1
                continue
            todo.append(record)
        steps = [r for r in todo if r.get("kind") != "heartbeat"]
        last_seq, checkpoints = self._steps_summary(c, attempt_id)
        ledger = self._ledger_of(c, facts, checkpoints, self._instant())
        if steps and ledger.state is LedgerState.SUBMITTED:
            raise Conflict("the attempt was submitted: the {count} steps this file still holds cannot be added",
                           count=len(steps))  # fmt: skip
        applied = heartbeats = 0
        for n, record in enumerate(todo):
            kind, step_id = record["kind"], str(record["step_id"])
            if kind == "heartbeat":
                heartbeats += 1
                mono = record.get("station_mono")
                c.execute(insert(AttemptHeartbeat), [{
                    "attempt_id": attempt_id, "step_id": step_id, "epoch": self.db.epoch, "mono": self.db.mono(),
                    "station_mono": None if mono is None else float(mono), "offline": True,
                    "wall": self.db.wall_now()}])  # fmt: skip
                continue
            step_kind = _STEP_KINDS[kind]
            data: Any = None
            if kind == "answer":
                data = {"value": record.get("value")}
            elif kind == "submit":
                data = {"reason": "candidate"}
            last_seq += 1
            self._append_step(c, attempt_id, last_seq, step_kind, record.get("slot"), data, candidate, step_id)
            if kind == "submit":
                self._time_event(s, facts.session_id, attempt_id, TimeEventKind.SUBMIT, proctor,
                                 reason="candidate (from the journal of a dead PC)")  # fmt: skip
            applied += 1
            if kind == "submit":  # nothing after a submission counts
                refused += sum(1 for later in todo[n + 1:] if later.get("kind") != "heartbeat")
                break
        return JournalImported(applied, duplicates, refused, heartbeats)
