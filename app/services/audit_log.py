"""The store checked as a whole: is the audit chain intact, does every row match its seal, and is
the store at least as far on as a head held outside it? (app/store/audit.py keeps the chain,
app/store/seals.py the row seals.)"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from app.domain.audit_head import AuditHead, BadHead
from app.security.envelope import CorruptCiphertext
from app.services.answer_log import STEP_DATA_CONTEXT, raw
from app.services.base import Service
from app.store import audit
from app.store.audit import AuditReport
from app.store.models import AttemptStep, AuditEntry
from app.store.seals import SealReport
from app.store.types import step_row

__all__ = ["AuditHead", "AuditService", "BadHead", "StoreReport"]

# the candidate's own steps, each written with one audit entry whose digest is of {seq, slot, data,
# step_id}: the one kind of entry that records exactly a row it wrote (app/services/answers.py, _step)
STEP_ACTIONS = frozenset(f"attempt.{kind}" for kind in ("answer", "clear", "flag", "unflag", "focus"))
_IMPORT = "attempt.import_journal"


@dataclass(frozen=True)
class StepDigestReport:
    checked: int
    problem: str | None = None

    @property
    def intact(self) -> bool:
        return self.problem is None


def verify_step_digests(connection: Connection, cipher: Any) -> StepDigestReport:
    """Every candidate step against the digest its audit entry recorded when it was written: the
    row seals show a row changed without the passphrase; this shows a step that no longer says what
    its entry recorded even if someone with the passphrase resealed it (the chain itself cannot be
    rewritten without breaking the heads held outside the store), and a step that some path wrote
    without its entry. Steps a proctor imported from a dead PC's journal have one entry for the file
    (`attempt.import_journal`), so an attempt with one may hold steps no entry of their own records."""
    recorded: dict[tuple[int, str, str], list[int]] = {}
    imported: set[int] = set()
    for seq, action, target, digest in connection.execute(
        select(AuditEntry.seq, AuditEntry.action, AuditEntry.target, AuditEntry.data_digest)
        .where(AuditEntry.action.in_(sorted(STEP_ACTIONS | {_IMPORT})))
    ):  # fmt: skip
        prefix, _, attempt = target.partition(":")
        if prefix != "attempt" or not attempt.isdigit():
            return StepDigestReport(0, f"audit entry {seq} ({action}) names {target!r}, not an attempt")
        if action == _IMPORT:
            imported.add(int(attempt))
        else:
            recorded.setdefault((int(attempt), action, digest), []).append(seq)
    kinds = sorted(action.split(".", 1)[1] for action in STEP_ACTIONS)
    query = (select(AttemptStep.attempt_id, AttemptStep.seq, AttemptStep.kind, AttemptStep.slot,
                    raw(AttemptStep.__table__.c.data), AttemptStep.step_id)
             .where(AttemptStep.kind.in_(kinds)).order_by(AttemptStep.attempt_id, AttemptStep.seq))  # fmt: skip
    checked = 0
    for attempt_id, seq, kind, slot, sealed, step_id in connection.execution_options(yield_per=2000).execute(query):
        try:
            data = None if sealed is None else json.loads(
                cipher.decrypt(bytes(sealed), STEP_DATA_CONTEXT, step_row(attempt_id, seq)))  # fmt: skip
        except (CorruptCiphertext, ValueError) as exc:
            return StepDigestReport(checked, f"step {seq} of attempt {attempt_id} ({kind}) cannot be read: {exc}")
        said: dict[str, Any] = {"seq": seq, "slot": slot, "data": data}
        if step_id is not None:
            said["step_id"] = step_id
        key = (attempt_id, f"attempt.{kind}", audit.data_digest(cipher, said))
        entries = recorded.get(key)
        if entries:
            entries.pop()
            if not entries:
                del recorded[key]
            checked += 1
        elif attempt_id not in imported:
            problem = f"step {seq} of attempt {attempt_id} ({kind}) is not what any audit entry recorded"
            return StepDigestReport(checked, problem + ": it was changed, or written without its entry")
    if recorded:
        (attempt_id, action, _digest), seqs = min(recorded.items(), key=lambda item: min(item[1]))
        return StepDigestReport(checked, f"audit entry {min(seqs)} ({action}) recorded a step of attempt "
                                         f"{attempt_id} that the store no longer holds as it was written")  # fmt: skip
    return StepDigestReport(checked)


@dataclass(frozen=True)
class StoreReport:
    audit: AuditReport
    seals: SealReport
    rollback: str | None = None  # a later head, presented, that this store does not hold
    steps: StepDigestReport | None = None  # a full check's candidate steps against their entries

    @property
    def intact(self) -> bool:
        return self.audit.intact and self.seals.intact and self.rollback is None and \
            (self.steps is None or self.steps.intact)  # fmt: skip

    def lines(self) -> list[str]:
        out = [
            f"audit log intact: {self.audit.entries} entries" if self.audit.intact
            else f"audit log broken at entry {self.audit.first_broken}: {self.audit.reason}",
            f"row seals intact: {self.seals.rows} rows checked" if self.seals.intact
            else f"row seals broken: {self.seals.problem}",
        ]  # fmt: skip
        if self.steps is not None:
            out.append(f"candidate steps match their audit entries: {self.steps.checked} checked"
                       if self.steps.intact else f"candidate steps broken: {self.steps.problem}")  # fmt: skip
        if self.rollback:
            out.append(f"rolled back: {self.rollback}")
        return out


class AuditService(Service):
    def verify(self) -> AuditReport:
        """Every entry in order, each sealed to the one before: the first that fails is named.
        Whoever holds the passphrase may check it; it tells nothing but counts and a reason."""
        with self.db.reader() as session:
            return audit.verify(session, self.db.cipher)

    def head(self) -> AuditHead:
        """The chain's last entry now (0 and the genesis value for an empty chain)."""
        with self.db.reader() as session:
            newest = select(AuditEntry.seq, AuditEntry.mac).order_by(AuditEntry.seq.desc()).limit(1)
            last = session.execute(newest).first()
        return AuditHead(0, audit.GENESIS) if last is None else AuditHead(last[0], last[1])

    def verify_store(self, *, full: bool = True, later_head: AuditHead | None = None) -> StoreReport:
        """The chain, every row's seal (`full`; else the bulky tables only counted), and, given a head
        from outside the store (a bundle's, a closing record's, typed in), whether the store still
        holds it: a store put back to an earlier copy does not."""
        steps = None
        if full:
            with self.db.read_connection() as connection, connection.begin():
                steps = verify_step_digests(connection, self.db.cipher)
        return StoreReport(self.verify(), self.db.verify_seals(full=full),
                           None if later_head is None else self.rollback_against(later_head), steps)  # fmt: skip

    def rollback_against(self, later: AuditHead) -> str | None:
        with self.db.reader() as session:
            mac = session.scalar(select(AuditEntry.mac).where(AuditEntry.seq == later.seq))
            last = session.scalar(select(AuditEntry.seq).order_by(AuditEntry.seq.desc()).limit(1)) or 0
        if mac is None:
            return (f"the store's audit log ends at entry {last}, but a head at entry {later.seq} was presented: "
                    "the data folder was put back to an earlier copy, and what happened after entry "
                    f"{last} is missing")  # fmt: skip
        if not mac.startswith(later.mac):
            return (f"the store's audit entry {later.seq} is not the one presented: the store was put back to an "
                    "earlier copy and written again since, or the head is from another store")  # fmt: skip
        return None

    def entry(self, seq: int) -> tuple[str, str, str, str] | None:
        """(MAC, wall time, action, target) of audit entry `seq`, or None when the store has no such
        entry: a printed room record names its entry, and a store rolled back to an earlier copy
        lacks it or holds another MAC there."""
        with self.db.reader() as session:
            row = session.execute(select(AuditEntry.mac, AuditEntry.wall, AuditEntry.action, AuditEntry.target)
                                  .where(AuditEntry.seq == seq)).first()  # fmt: skip
        return None if row is None else (row[0], row[1], row[2], row[3])
