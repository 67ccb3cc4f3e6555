"""The audit log as a whole: is its chain intact? (app/store/audit.py keeps and checks the chain.)"""

from __future__ import annotations

from app.services.base import Service
from app.store import audit
from app.store.audit import AuditReport


class AuditService(Service):
    def verify(self) -> AuditReport:
        """Every entry in order, each sealed to the one before: the first that fails is named.
        Whoever holds the passphrase may check it; it tells nothing but counts and a reason."""
        with self.db.reader() as session:
            return audit.verify(session, self.db.cipher)
