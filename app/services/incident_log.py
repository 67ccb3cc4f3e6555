"""A session's incident record as people read it: the incidents proctors recorded, and the reasons
they gave for the clock (pause, resume, extra time, a paper submitted for a candidate), in time
order, each with the staff member's name (not "proctor:2") and the candidate's ticket.

Read by the proctor's and the chief's incident log and written into a bundle's incidents.json."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.time_ledger import TimeEventKind
from app.store.models import Attempt, Candidate, Incident, TimeEventRow, User

# the clock's events that carry a proctor's reason, as categories of the record
CLOCK_CATEGORIES = {
    TimeEventKind.PAUSE.value: "clock.pause",
    TimeEventKind.RESUME.value: "clock.resume",
    TimeEventKind.EXTEND.value: "clock.extend",
    TimeEventKind.SUBMIT.value: "clock.submit",
}


def staff_names(s: Session) -> dict[str, str]:
    """An actor's label ("proctor:2") -> the staff member's name."""
    return {f"{u.role}:{u.id}": u.display_name for u in s.scalars(select(User))}


def incident_record(s: Session, session_id: int) -> list[dict[str, Any]]:
    """Every entry of the session's record, oldest first: at (wall time), ticket (or None for the
    room), category, text, by (the staff member's name), actor (their label), seconds (extra time)."""
    names = staff_names(s)
    tickets: dict[int | None, str] = dict(
        s.execute(select(Candidate.id, Candidate.ticket).where(Candidate.session_id == session_id)).all()
    )
    attempt_ticket: dict[int | None, str] = {
        attempt: ticket
        for attempt, ticket in s.execute(
            select(Attempt.id, Candidate.ticket)
            .join(Candidate, Candidate.id == Attempt.candidate_id)
            .where(Attempt.session_id == session_id)
        )
    }
    out: list[tuple[str, int, dict[str, Any]]] = []
    recorded = set()
    for i in s.scalars(select(Incident).where(Incident.session_id == session_id).order_by(Incident.id)):
        ticket = tickets.get(i.candidate_id)
        recorded.add((ticket, i.text))
        entry: dict[str, Any] = {"at": i.wall, "ticket": ticket, "category": i.category, "text": i.text,
                 "by": names.get(i.actor, i.actor), "actor": i.actor, "seconds": None}  # fmt: skip
        out.append((i.wall, 0, entry))
    events = s.scalars(
        select(TimeEventRow).where(TimeEventRow.session_id == session_id).order_by(TimeEventRow.id)
    )
    for e in events:
        category = CLOCK_CATEGORIES.get(e.kind)
        if category is None or not e.reason or e.actor not in names:  # the system's own (absent, time up)
            continue
        ticket = attempt_ticket.get(e.attempt_id)
        if e.kind == TimeEventKind.SUBMIT.value and (ticket, e.reason) in recorded:
            continue  # a termination: recorded as its incident already
        entry = {"at": e.wall, "ticket": ticket, "category": category, "text": e.reason,
                 "by": names[e.actor], "actor": e.actor, "seconds": e.seconds or None}  # fmt: skip
        out.append((e.wall, 1, entry))
    out.sort(key=lambda t: (t[0], t[1]))
    return [entry for _wall, _n, entry in out]
