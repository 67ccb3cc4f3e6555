"""Which PC is calling, in centre mode: stations enrolled once with a one-time code.

An admin issues a code for a named station (the seat label the proctor sees, e.g. "R101-07"); the
PC presents it once, over TLS, and receives a random station token. From then on every call of
that PC carries the token, and the centre, not the PC, says which station it is: a station name in
a request is never taken on trust. Codes are single use and expire; the store keeps only digests.
"""

from __future__ import annotations

import secrets
from datetime import UTC, timedelta

from sqlalchemy import bindparam, select, update

from app.api.types import EnrolmentCode, StationInfo
from app.security import codes
from app.services.auth import token_digest
from app.services.base import SYSTEM, Actor, PermissionDenied, Service, ServiceError, require_role
from app.store.models import EnrolledStation
from app.store.models import EnrolmentCode as CodeRow

ENROLMENT_MINUTES = 15  # long enough to walk to the PC and type it, short enough to be useless later
_STATION_CHARS = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.")


class InvalidStation(PermissionDenied):
    """The call's station token is unknown or revoked: this PC must be enrolled (again)."""

    code = "invalid_station"


def station_problem(name: str) -> str:
    if not name or len(name) > 64:
        return "a station name has 1 to 64 characters"
    if not set(name) <= _STATION_CHARS:
        return "a station name uses only letters, digits, '-', '_' and '.'"
    return ""


class StationService(Service):
    def issue_code(self, actor: Actor, station: str) -> EnrolmentCode:
        require_role(actor, "admin")
        problem = station_problem(station)
        if problem:
            raise ServiceError("station {station}: {problem}", station=station, problem=problem)
        secret = codes.random_code(codes.ENROLMENT_SECRET_LENGTH)
        expires = self.db.clock.now() + timedelta(minutes=ENROLMENT_MINUTES)
        with self.action(actor, "station.enrolment_code", f"station:{station}", {"expires": expires.isoformat()}) as s:
            s.add(CodeRow(code_digest=token_digest(secret), station=station, issued_by=actor.label,
                          expires_at=expires.timestamp(), used=False))  # fmt: skip
        return EnrolmentCode(station, secret, expires.astimezone(UTC).isoformat())

    def enrol(self, secret: str, station: str) -> str:
        """The station token for the PC that presents a valid code for `station` (used up here)."""
        digest = token_digest(codes.normalise(secret))
        token = secrets.token_urlsafe(32)
        with self.action(SYSTEM, "station.enrol", f"station:{station}", {}) as s:
            row = s.scalar(select(CodeRow).where(CodeRow.code_digest == digest))
            if row is None or row.used or row.station != station:
                raise InvalidStation("this enrolment code is not valid for station {station}", station=station)
            if row.expires_at <= self.db.clock.now().timestamp():
                raise InvalidStation("this enrolment code has expired: ask the admin for a new one")
            row.used = True
            s.execute(update(EnrolledStation).where(EnrolledStation.name == station).values(revoked=True))
            s.add(EnrolledStation(name=station, token_digest=token_digest(token), enrolled_wall=self.db.wall_now(),
                                  revoked=False))  # fmt: skip
        return token

    def station_for(self, token: str | None) -> str:
        """The enrolled station holding `token`; InvalidStation otherwise (one indexed read)."""
        if not token:
            raise InvalidStation("this PC is not enrolled with the centre")
        with self.db.read_connection() as c:
            row = c.execute(_BY_DIGEST, {"digest": token_digest(token)}).first()
        if row is None or row.revoked:
            raise InvalidStation("this PC is not enrolled with the centre (or its enrolment was revoked)")
        return str(row.name)

    def stations(self, actor: Actor) -> list[StationInfo]:
        require_role(actor, "admin")
        with self.db.reader() as s:
            rows = s.scalars(select(EnrolledStation).order_by(EnrolledStation.name, EnrolledStation.id)).all()
            return [StationInfo(r.name, r.enrolled_wall, r.revoked) for r in rows]

    def revoke(self, actor: Actor, station: str) -> int:
        """Refuse every call of `station` from now on (a stolen or replaced PC); returns tokens revoked."""
        require_role(actor, "admin")
        with self.action(actor, "station.revoke", f"station:{station}", {}) as s:
            done = s.execute(update(EnrolledStation)
                             .where(EnrolledStation.name == station, EnrolledStation.revoked.is_(False))
                             .values(revoked=True))  # fmt: skip
            count = int(getattr(done, "rowcount", 0) or 0)
            if not count:
                raise ServiceError("station {station} is not enrolled", station=station)
            return count


_BY_DIGEST = select(EnrolledStation.name, EnrolledStation.revoked).where(
    EnrolledStation.token_digest == bindparam("digest")
)
