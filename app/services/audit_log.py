"""The audit log as a whole: is its chain intact? (app/store/audit.py keeps and checks the chain.)"""

from __future__ import annotations

from sqlalchemy import select

from app.services.base import Service
from app.store import audit
from app.store.audit import AuditReport
from app.store.models import AuditEntry


class AuditService(Service):
    def verify(self) -> AuditReport:
        """Every entry in order, each sealed to the one before: the first that fails is named.
        Whoever holds the passphrase may check it; it tells nothing but counts and a reason."""
        with self.db.reader() as session:
            return audit.verify(session, self.db.cipher)

    def entry(self, seq: int) -> tuple[str, str, str, str] | None:
        """(MAC, wall time, action, target) of audit entry `seq`, or None when the store has no such
        entry: a printed room record names its entry, and a store rolled back to an earlier copy
        lacks it or holds another MAC there."""
        with self.db.reader() as session:
            row = session.execute(select(AuditEntry.mac, AuditEntry.wall, AuditEntry.action, AuditEntry.target)
                                  .where(AuditEntry.seq == seq)).first()  # fmt: skip
        return None if row is None else (row[0], row[1], row[2], row[3])
