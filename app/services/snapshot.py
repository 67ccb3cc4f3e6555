"""Long actions read in one short transaction, work outside any lock, and write in another.

What such an action read is a snapshot, named by the audit chain's head at that moment: every
change to the store is audited in its own transaction, so a change it did not see carries a later
sequence number. Before it writes, the action looks at the entries after that head (few: only
what was committed meanwhile) and refuses, or reads again, if one of them touches what it relied
on: its session, or an attempt or candidate of it.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.store.database import Database
from app.store.models import AuditEntry


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while a long action builds its many small objects (papers,
    answers, rows): each collection scans everything built so far, a quarter of the time spent.
    Reference counting still frees what is dropped; the collector runs again afterwards."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


@contextmanager
def snapshot(db: Database) -> Iterator[Session]:
    """A read-only session whose reads all see one committed state: SQLite's read transaction does
    (WAL), PostgreSQL's needs REPEATABLE READ (its default sees each statement's own)."""
    with db.reader() as s:
        if s.get_bind().dialect.name == "postgresql":
            s.connection(execution_options={"isolation_level": "REPEATABLE READ"})
        yield s


def audit_head(s: Session) -> int:
    """The sequence number of the last audit entry the snapshot holds (0: none yet)."""
    return s.scalar(select(func.max(AuditEntry.seq))) or 0


@dataclass(frozen=True)
class Scope:
    """What a session-wide action relies on: the session, its attempts and its candidates, as the
    audit log names them ("session:7", "attempt:3", "candidate:9")."""

    targets: frozenset[str]

    @staticmethod
    def of(session_id: int, attempts: Iterable[int], candidates: Iterable[int]) -> Scope:
        named = {f"session:{session_id}"} | {f"attempt:{a}" for a in attempts} | {f"candidate:{c}" for c in candidates}
        return Scope(frozenset(named))

    def covers(self, target: str) -> bool:
        """Whether an audit entry's target ("session:7/ticket:T1", "attempt:3/slot:0"...) is in scope."""
        return target.partition("/")[0] in self.targets


@dataclass(frozen=True)
class Change:
    seq: int
    action: str
    target: str

    def __str__(self) -> str:
        return f"{self.action} on {self.target} (audit entry {self.seq})"


def changes_since(s: Session, head: int, scope: Scope) -> list[Change]:
    """The audited changes to `scope` committed after the snapshot named by `head`."""
    rows = s.execute(
        select(AuditEntry.seq, AuditEntry.action, AuditEntry.target).where(AuditEntry.seq > head)
        .order_by(AuditEntry.seq)
    )  # fmt: skip
    return [Change(seq, action, target) for seq, action, target in rows if scope.covers(target)]
