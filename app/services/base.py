"""What every service shares: actors, errors, and the transaction that writes the audit entry."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from app.errors import UserFacingError
from app.store import audit
from app.store.database import Database
from app.store.models import ExamSession, SessionStaff


class ServiceError(UserFacingError):
    """A refused action, explained: `ServiceError(template, **params)` (see app/errors.py)."""

    code = "refused"


class PermissionDenied(ServiceError):
    code = "permission_denied"


class NotFound(ServiceError):
    code = "not_found"


class Conflict(ServiceError):
    """The action does not fit the current state (stale save, closed attempt, busy station...)."""

    code = "conflict"


STAFF_ROLES = ("admin", "proctor", "examiner", "chief")


@dataclass(frozen=True)
class Actor:
    role: str  # admin | proctor | examiner | chief | candidate | system
    id: int
    token: str = ""  # candidates: the login token of their current station

    @property
    def label(self) -> str:
        return f"{self.role}:{self.id}"


SYSTEM = Actor("system", 0)


def require_role(actor: Actor, *roles: str) -> None:
    if actor.role not in roles:
        raise PermissionDenied("{role} may not do this (needs {roles})", role=actor.role, roles=" or ".join(roles))


def unfrozen_session(s: Session, session_id: int) -> ExamSession:
    """The session, for an action that changes its records: an archived or cancelled session is frozen."""
    session = s.get(ExamSession, session_id)
    if session is None:
        raise NotFound("no session {session}", session=session_id)
    if session.state == "archived":
        raise Conflict("session {code} is archived: its records can no longer change", code=session.code)
    if session.state == "cancelled":
        raise Conflict("session {code} is cancelled: its records can no longer change", code=session.code)
    return session


def require_duty(s: Session, actor: Actor, session_id: int, *duties: str) -> ExamSession:
    """The session, when `actor` holds one of `duties` in it (a row of session_staff, assigned by an
    admin); PermissionDenied naming the duty and the session otherwise. A role says what someone
    may do, a duty where: a proctor of one session is nobody in another."""
    session = s.get(ExamSession, session_id)
    if session is None:
        raise NotFound("no session {session}", session=session_id)
    held = s.scalar(
        select(SessionStaff.duty).where(
            SessionStaff.session_id == session_id, SessionStaff.user_id == actor.id, SessionStaff.duty.in_(duties)
        ).limit(1)
    ) if actor.role in STAFF_ROLES else None  # fmt: skip
    if held is not None:
        return session
    code = session.code
    if set(duties) == {"proctor"}:
        raise PermissionDenied("you are not a proctor of session {code}", code=code)
    if set(duties) == {"examiner", "chief"}:
        raise PermissionDenied("you are not an examiner of session {code}", code=code)
    if set(duties) == {"chief"}:
        raise PermissionDenied("you are not the chief examiner of session {code}", code=code)
    if set(duties) == {"review"}:
        raise PermissionDenied("you are not on the review panel of session {code}", code=code)
    raise PermissionDenied("you have no duty in session {code} that allows this (needs {duties})",
                           code=code, duties=" or ".join(duties))


class Service:
    def __init__(self, db: Database):
        self.db = db

    @contextmanager
    def fast_action(self, actor: Actor, name: str, target: str, data: Any) -> Iterator[Connection | sqlite3.Connection]:
        """`action` without the ORM's unit of work, for the hot path (answer saves): on the embedded
        store a sqlite3 connection of its own, elsewhere a Core connection (`Database.write_connection`).
        Under the write lock, like every action."""
        with self.db.write_connection() as connection:
            yield connection
            audit.append(
                connection,
                self.db.cipher,
                wall=self.db.wall_now(),
                actor=actor.label,
                action=name,
                target=target,
                data=data,
            )

    @contextmanager
    def action(self, actor: Actor, name: str, target: str, data: Any) -> Iterator[Session]:
        """One transaction: the caller's writes and the audit entry commit together or not at all.
        It holds the store's write lock (`Database.transaction`): an action never opens inside
        another on the same thread (`NestedWrite`)."""
        with self.db.transaction() as session:
            yield session
            audit.append(
                session,
                self.db.cipher,
                wall=self.db.wall_now(),
                actor=actor.label,
                action=name,
                target=target,
                data=data,
            )
