"""The store checked as a whole: is the audit chain intact, does every row match its seal, and is
the store at least as far on as a head held outside it? (app/store/audit.py keeps the chain,
app/store/seals.py the row seals.)"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from app.services.base import Service
from app.store import audit
from app.store.audit import AuditHead, AuditReport, BadHead
from app.store.models import AuditEntry
from app.store.seals import SealReport

__all__ = ["AuditHead", "AuditService", "BadHead", "StoreReport"]

@dataclass(frozen=True)
class StoreReport:
    audit: AuditReport
    seals: SealReport
    rollback: str | None = None  # a later head, presented, that this store does not hold

    @property
    def intact(self) -> bool:
        return self.audit.intact and self.seals.intact and self.rollback is None

    def lines(self) -> list[str]:
        out = [
            f"audit log intact: {self.audit.entries} entries" if self.audit.intact
            else f"audit log broken at entry {self.audit.first_broken}: {self.audit.reason}",
            f"row seals intact: {self.seals.rows} rows checked" if self.seals.intact
            else f"row seals broken: {self.seals.problem}",
        ]  # fmt: skip
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
        return StoreReport(self.verify(), self.db.verify_seals(full=full),
                           None if later_head is None else self.rollback_against(later_head))  # fmt: skip

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
