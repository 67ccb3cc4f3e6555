"""What changed in a session, in the order the store recorded it: the audit log read as a feed.

Every action is one audit entry with a gap-free sequence number, so "everything after N" is exact
and survives a restart of the centre: a proctor console (or the centre's event stream, app/centre)
resumes from the last sequence number it saw. Entries name their target ("attempt:7",
"candidate:3", "session:2"); the feed keeps those of the asked session.
"""

from __future__ import annotations

from sqlalchemy import func, select

from app.api.types import Change, Changes
from app.services.base import Actor, PermissionDenied, Service, require_duty
from app.store.models import Attempt, AuditEntry, Candidate

FEED_PAGE = 2000  # entries read per call; a console far behind catches up in a few calls


class ChangeFeed(Service):
    def head(self) -> int:
        with self.db.read_connection() as c:
            return int(c.execute(select(func.coalesce(func.max(AuditEntry.seq), 0))).scalar_one())

    def changes(self, actor: Actor, session_id: int, after: int) -> Changes:
        """Changes to `session_id` after sequence number `after`, for its proctors and examiners
        (an admin: any session)."""
        if actor.role not in ("proctor", "chief", "examiner", "admin"):
            raise PermissionDenied("{role} may not follow a session", role=actor.role)
        with self.db.reader() as s:
            if actor.role != "admin":
                require_duty(s, actor, session_id, "proctor", "chief", "examiner")
            page = (select(AuditEntry.seq, AuditEntry.action, AuditEntry.target)
                    .where(AuditEntry.seq > after).order_by(AuditEntry.seq).limit(FEED_PAGE))  # fmt: skip
            rows = s.execute(page).all()
            if not rows:
                return Changes(max(after, 0), ())
            attempts: set[int] = set()
            candidates: set[int] = set()
            for _seq, _action, target in rows:
                kind, _, ident = target.partition(":")
                if ident.isdigit():
                    (attempts if kind == "attempt" else candidates if kind == "candidate" else set()).add(int(ident))
            of_attempt = dict(s.execute(select(Attempt.id, Attempt.candidate_id)
                                        .where(Attempt.id.in_(attempts), Attempt.session_id == session_id)).all()
                              ) if attempts else {}  # fmt: skip
            ours = set(s.scalars(select(Candidate.id)
                                 .where(Candidate.id.in_(candidates), Candidate.session_id == session_id)).all()
                       ) if candidates else set()  # fmt: skip
        found: list[Change] = []
        for seq, action, target in rows:
            kind, _, ident = target.partition(":")
            if not ident.isdigit():
                continue
            number = int(ident)
            if kind == "session" and number == session_id:
                found.append(Change(seq, action, None))
            elif kind == "attempt" and number in of_attempt:
                found.append(Change(seq, action, of_attempt[number]))
            elif kind == "candidate" and number in ours:
                found.append(Change(seq, action, number))
        return Changes(rows[-1][0], tuple(found))
