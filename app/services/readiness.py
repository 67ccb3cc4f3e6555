"""Station readiness at the centre: each station's last report, and the seats of a session as the
proctor sees them (READY / WARNING / NOT READY with the reasons).

A station checks itself (app/station/readiness.py) and reports what it found: one row per station,
the next report replaces it (latest wins). The centre trusts the station's findings as findings (it
cannot look at the station's screen) but not its verdict: the status is worked out again here as
the worst of the checks. The report is stored under the calling station's name, never a name the
report gives, and only from a station the centre admits (`Server.enrolled`: in centre mode an
enrolled station; in single-station mode this PC).

A session's seats are the stations its candidates are checked in to or logged in at, plus the
stations that reported from the session's room (`ReadinessReport.room`, set with `--room` on the
station); a seat that never reported shows as such. A proctor sees the sessions they proctor; an
admin every session and every station.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.api.types import Readiness, ReadinessCheck, ReadinessReport, SeatReadiness, worst
from app.services.base import Actor, NotFound, PermissionDenied, Service, ServiceError, require_duty, require_role
from app.store.models import Candidate, CheckIn, ExamSession, StationLogin, StationReadiness

STATION_CHARS = 64  # as station names are stored everywhere (check-ins, logins, tokens)
ROOM_CHARS = 64
MAX_CHECKS = 32
MAX_TEXT = 1000  # a reason template or a value
MAX_PARAMS = 16


def _problem(station: str, report: ReadinessReport) -> str:
    """What no ExamDesk station sends ("" for a report that fits)."""
    if not station or len(station) > STATION_CHARS:
        return f"a station name has 1 to {STATION_CHARS} characters"
    if len(report.room.strip()) > ROOM_CHARS:
        return f"a room has at most {ROOM_CHARS} characters"
    if not report.checks or len(report.checks) > MAX_CHECKS:
        return f"a report has 1 to {MAX_CHECKS} checks"
    for check in report.checks:
        texts = [check.check, check.reason, *check.params, *check.params.values()]
        if len(check.params) > MAX_PARAMS or any(len(t) > MAX_TEXT for t in texts) or not check.check:
            return f"check {check.check[:40]!r} is too long or unnamed"
    if len(report.version) > 40 or len(report.checked_at) > 40:
        return "the version or the time is too long"
    return ""


def checked_report(station: str, report: ReadinessReport) -> tuple[str, ReadinessReport]:
    """The station's name and its report, bounded and with the status worked out again; a refusal
    for what no ExamDesk station sends."""
    name = station.strip()
    problem = _problem(name, report)
    if problem:
        raise ServiceError("the readiness report is malformed: {problem}", problem=problem)
    status = worst(c.status for c in report.checks)
    return name, ReadinessReport(status, report.checks, report.version, report.checked_at, report.room.strip())


def _stored(station: str, report: ReadinessReport) -> dict[str, Any]:
    return {
        "station": station,  # bound in: a report copied onto another station's row is ignored
        "checks": [[c.check, c.status.value, c.reason, dict(c.params)] for c in report.checks],
        "version": report.version,
        "checked_at": report.checked_at,
    }


def _seat(station: str, tickets: tuple[str, ...], row: StationReadiness | None) -> SeatReadiness:
    data = row.report if row is not None else None
    if row is None or data is None or data.get("station") != station:
        return SeatReadiness(station, tickets, None)
    checks = tuple(
        ReadinessCheck(str(name), Readiness(status), str(reason), {str(k): str(v) for k, v in params.items()})
        for name, status, reason, params in data.get("checks", [])
    )
    # the status as the checks say, not the clear column (which only serves lookups)
    return SeatReadiness(station, tickets, worst(c.status for c in checks), checks, row.reported_wall,
                         str(data.get("version", "")), row.room)  # fmt: skip


class ReadinessService(Service):
    def report(self, station: str, report: ReadinessReport) -> Readiness:
        """Keep `report` as `station`'s latest (the caller has admitted the station); its status as
        the centre works it out."""
        name, report = checked_report(station, report)
        actor = Actor("station", 0)
        with self.action(actor, "station.readiness", f"station:{name}",
                         {"status": report.status.value, "room": report.room}) as s:  # fmt: skip
            row = s.scalar(select(StationReadiness).where(StationReadiness.station == name))
            if row is None:
                row = StationReadiness(station=name)
                s.add(row)
            row.status, row.room, row.report = report.status.value, report.room, _stored(name, report)
            row.reported_wall = self.db.wall_now()
        return report.status

    def session_seats(self, actor: Actor, session_id: int) -> list[SeatReadiness]:
        """The seats of a session with their last reports: a proctor of the session, or an admin."""
        with self.db.reader() as s:
            if actor.role == "admin":
                session = s.get(ExamSession, session_id)
                if session is None:
                    raise NotFound("no session {session}", session=session_id)
            elif actor.role == "proctor":
                session = require_duty(s, actor, session_id, "proctor")
            else:
                raise PermissionDenied("{role} may not do this (needs {roles})", role=actor.role,
                                       roles="proctor or admin")  # fmt: skip
            seated = _seated(s, session_id)
            room = session.room.strip()
            at_seats = StationReadiness.station.in_(list(seated))
            where = (at_seats | (StationReadiness.room == room)) if room else at_seats
            rows = {r.station: r for r in s.scalars(select(StationReadiness).where(where))}
            stations = sorted(set(seated) | set(rows))
            return [_seat(station, tuple(sorted(seated.get(station, ()))), rows.get(station)) for station in stations]

    def all_stations(self, actor: Actor) -> list[SeatReadiness]:
        """Every station's last report (admin)."""
        require_role(actor, "admin")
        with self.db.reader() as s:
            rows = s.scalars(select(StationReadiness).order_by(StationReadiness.station)).all()
            return [_seat(row.station, (), row) for row in rows]


def _seated(s: Session, session_id: int) -> dict[str, set[str]]:
    """station -> tickets of the session's candidates there: the station a candidate is logged in at,
    else the one they were last checked in to."""
    tickets = dict(s.execute(select(Candidate.id, Candidate.ticket).where(Candidate.session_id == session_id)).all())
    if not tickets:
        return {}
    where: dict[int, str] = {}
    for candidate_id, station in s.execute(
        select(CheckIn.candidate_id, CheckIn.station)
        .where(CheckIn.candidate_id.in_(list(tickets)))
        .order_by(CheckIn.id)
    ):
        where[candidate_id] = station  # the latest check-in wins
    for candidate_id, station in s.execute(
        select(StationLogin.candidate_id, StationLogin.station).where(
            StationLogin.candidate_id.in_(list(tickets)), StationLogin.open
        )
    ):
        where[candidate_id] = station  # where they are logged in now
    seated: dict[str, set[str]] = {}
    for candidate_id, station in where.items():
        seated.setdefault(station, set()).add(tickets[candidate_id])
    return seated
