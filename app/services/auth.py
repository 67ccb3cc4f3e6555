"""Who is calling: opaque tokens issued at sign-in, bound to a station, expiring.

The services never take a caller's word for who it is. A staff member signs in with user name
and password and gets a random token; the store keeps only its SHA-256 digest, the station it was
issued to and when it expires. A candidate's token is their station login (AnswerService.
candidate_login), closed when they sign in elsewhere or a proctor moves them. Every call carries
the token and the calling station; `actor_for` turns them into the acting user or refuses.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, timedelta

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from app.api.types import StaffSession
from app.services.accounts import AccountService
from app.services.base import Actor, PermissionDenied, Service
from app.services.seating import moved_refusal
from app.store.models import StaffToken, StationLogin, User

STAFF_TOKEN_HOURS = 12  # one exam day: a proctor signs in once in the morning


class InvalidToken(PermissionDenied):
    """The call's token is unknown, expired, signed out, or from another station: sign in again."""

    code = "invalid_token"


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class AuthService(Service):
    def sign_in(self, username: str, password: str, station: str) -> StaffSession:
        """Check the password (with the lockout of AccountService.login) and issue a token."""
        token = secrets.token_urlsafe(32)
        now = self.db.clock.now()
        expires = now + timedelta(hours=STAFF_TOKEN_HOURS)

        def issue(s: Session, user: User) -> None:
            s.add(StaffToken(token_digest=token_digest(token), user_id=user.id, station=station,
                             issued_wall=self.db.wall_now(), expires_at=expires.timestamp(),
                             revoked=False))  # fmt: skip

        _actor, user = AccountService(self.db).login_with(username, password, station=station, on_success=issue)
        return StaffSession(token, user.id, user.username, user.role, user.display_name,
                            expires.astimezone(UTC).isoformat())  # fmt: skip

    def sign_out(self, token: str, station: str) -> None:
        actor = self.actor_for(token, station)
        if actor.role == "candidate":
            return  # a candidate's login ends when the attempt is submitted or the proctor moves them
        with self.action(actor, "user.sign_out", f"user:{actor.id}", {"station": station}) as s:
            row = s.scalar(select(StaffToken).where(StaffToken.token_digest == token_digest(token)))
            if row is not None:
                row.revoked = True

    def actor_for(self, token: str | None, station: str) -> Actor:
        """The user acting with `token` from `station`; InvalidToken otherwise. On every call of
        every station: two indexed reads with statements built once, no ORM session."""
        if not token:
            raise InvalidToken("sign in first")
        digest = token_digest(token)
        with self.db.read_connection() as c:
            login = c.execute(_CANDIDATE_BY_DIGEST, {"digest": digest}).first()
            staff = None if login is not None else c.execute(_STAFF_BY_DIGEST, {"digest": digest}).first()
        if login is not None:
            candidate_id, issued_to, still_open = login
            if not still_open:
                with self.db.engine.connect() as c:  # only on a closed login: did a proctor move them?
                    moved = moved_refusal(c, candidate_id)
                raise InvalidToken(moved or "this station's login is no longer valid: log in again")
            if issued_to != station:
                raise InvalidToken("this sign-in belongs to another station: sign in here")
            return Actor("candidate", candidate_id, token)
        if staff is None:
            raise InvalidToken("sign in first")
        expires_at, revoked, issued_to, user_id, role, active = staff
        if revoked or not active:
            raise InvalidToken("you have been signed out: sign in again")
        if expires_at <= self.db.clock.now().timestamp():
            raise InvalidToken("your sign-in has expired: sign in again")
        if issued_to != station:
            raise InvalidToken("this sign-in belongs to another station: sign in here")
        return Actor(role, user_id)


# built once: SQLAlchemy caches their compiled form
_CANDIDATE_BY_DIGEST = (
    select(StationLogin.candidate_id, StationLogin.station, StationLogin.open)
    .where(StationLogin.token_digest == bindparam("digest"))
    .order_by(StationLogin.id.desc())
    .limit(1)
)
_STAFF_BY_DIGEST = (
    select(StaffToken.expires_at, StaffToken.revoked, StaffToken.station, User.id, User.role, User.active)
    .join(User, User.id == StaffToken.user_id)
    .where(StaffToken.token_digest == bindparam("digest"))
)
