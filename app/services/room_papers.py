"""The room's papers: the sign-in sheet before the exam and the room record at the close (PDFs in
app/reports/room_papers.py), for the session's proctors and the admin.

Each printing is an action with its audit entry (the sheets carry names and photos). The room
record prints the audit head *including its own entry*: read from one snapshot, then one short
write checks that nothing the record relies on changed since, appends the entry and reads its MAC;
the PDF is drawn after, outside any transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.banks.catalog import Catalog
from app.domain.attempt_state import StepKind
from app.domain.identity import mask_id_number
from app.domain.time_ledger import TimeEventKind
from app.reports.room_papers import (
    CATEGORY_NAMES,
    RecordLine,
    RoomHeading,
    RoomRecord,
    SheetLine,
    render_room_record,
    render_sign_in_sheet,
)
from app.services.answer_log import read_logs
from app.services.base import Actor, Conflict, NotFound, Service, require_duty, require_role
from app.services.incident_log import incident_record, staff_names
from app.services.proctoring import MOVE_CATEGORY
from app.services.scoring import ABSENT
from app.services.snapshot import Scope, audit_head, changes_since, snapshot
from app.store import audit
from app.store.database import Database
from app.store.models import (
    Attempt,
    AuditEntry,
    Candidate,
    Centre,
    CheckIn,
    ExamSession,
    SessionStaff,
    StationMove,
    TimeEventRow,
    User,
)

MOVE_STATES = {"issued": "已发换机码，未使用", "used": "已在新考试机登录", "void": "作废"}
TIME_WORDS = {
    TimeEventKind.START.value: "开考",
    TimeEventKind.PAUSE.value: "暂停",
    TimeEventKind.RESUME.value: "恢复",
    TimeEventKind.EXTEND.value: "延长时间",
}


def local_time(wall: str, seconds: bool = True, day: str = "") -> str:
    """A record's UTC stamp in the centre's local time, as people write it; the time alone when it
    falls on `day` (the session's, named at the top of the paper)."""
    try:
        at = datetime.fromisoformat(wall).astimezone()
    except ValueError:
        return wall
    text = at.strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")
    return text[11:] if day and text.startswith(day) else text


@dataclass(frozen=True)
class _Read:
    head: int
    scope: Scope
    code: str
    data: dict[str, Any]


class RoomPapersService(Service):
    def __init__(self, db: Database, catalog: Catalog):
        super().__init__(db)
        self.catalog = catalog

    # -- the sign-in sheet ------------------------------------------------------------------------

    def sign_in_sheet(self, actor: Actor, session_id: int) -> bytes:
        """签到表 of a session not cancelled: every candidate with photo, ticket, name, masked ID,
        the seat once checked in, and a box to sign."""
        require_role(actor, "admin", "proctor")
        with self.action(actor, "session.sign_in_sheet", f"session:{session_id}", {}) as s:
            session = self._session(s, actor, session_id)
            if session.state == "cancelled":
                raise Conflict("session {code} is cancelled: it has no sign-in sheet", code=session.code)
            heading = self._heading(s, session, actor)
            seats = self._seats(s, session_id)
            lines = [
                SheetLine(c.ticket, c.name, mask_id_number(c.id_number), c.photo, *seats.get(c.id, ("", "")))
                for c in s.scalars(select(Candidate).where(Candidate.session_id == session_id)
                                   .order_by(Candidate.ticket))
            ]
        return render_sign_in_sheet(heading, lines)

    # -- the room record --------------------------------------------------------------------------

    def room_record(self, actor: Actor, session_id: int) -> bytes:
        """考场记录 of a closed (or archived) session, with the audit head of its own printing."""
        require_role(actor, "admin", "proctor")
        read = self._read_record(actor, session_id)
        with self.db.transaction() as s:
            changed = changes_since(s, read.head, read.scope)
            if changed:
                raise Conflict("session {code} changed while its room record was being read: print it again",
                               code=read.code)  # fmt: skip
            seq = audit.append(s, self.db.cipher, wall=self.db.wall_now(), actor=actor.label,
                               action="session.room_record", target=f"session:{session_id}", data={})  # fmt: skip
            mac = s.scalar(select(AuditEntry.mac).where(AuditEntry.seq == seq))
        return render_room_record(RoomRecord(**read.data, audit_seq=seq, audit_mac=str(mac)))

    def _read_record(self, actor: Actor, session_id: int) -> _Read:
        with snapshot(self.db) as s:
            session = self._session(s, actor, session_id)
            if session.state not in ("closed", "archived"):
                raise Conflict("session {code} is {state}: its room record is printed once it is closed",
                               code=session.code, state=session.state)  # fmt: skip
            head = audit_head(s)
            names = staff_names(s)
            day = session.scheduled_start[:10]

            def when(wall: str) -> str:
                return local_time(wall, day=day)

            candidates = {c.id: c for c in s.scalars(select(Candidate).where(Candidate.session_id == session_id))}
            attempts = dict(s.execute(select(Attempt.id, Attempt.candidate_id)
                                      .where(Attempt.session_id == session_id)).all())  # fmt: skip
            ticket_of_attempt = {a: candidates[c].ticket for a, c in attempts.items()}
            times: list[RecordLine] = []
            force_submits: list[RecordLine] = []
            absent: list[int] = []
            for e in s.scalars(select(TimeEventRow).where(TimeEventRow.session_id == session_id)
                               .order_by(TimeEventRow.id)):  # fmt: skip
                ticket = ticket_of_attempt.get(e.attempt_id, "") if e.attempt_id else ""
                by = names.get(e.actor, "系统")
                if e.kind in TIME_WORDS:
                    what = TIME_WORDS[e.kind]
                    if e.kind == TimeEventKind.EXTEND.value and e.seconds:
                        what += f" {round(e.seconds / 60, 1):g} 分钟"
                    times.append(RecordLine(when(e.wall), ticket, what, e.reason or "", by))
                elif e.kind == TimeEventKind.SUBMIT.value:
                    if e.reason == ABSENT and e.attempt_id is not None:
                        absent.append(e.attempt_id)
                    elif e.actor in names:  # a proctor's submit or termination; the system's (time up) is not
                        force_submits.append(RecordLine(when(e.wall), ticket, "监考员交卷", e.reason or "", by))
            closed = s.execute(select(AuditEntry.wall, AuditEntry.actor).where(
                AuditEntry.action == "session.close", AuditEntry.target == f"session:{session_id}")).first()
            if closed is not None:
                times.append(RecordLine(when(closed[0]), "", "结束场次", "", names.get(closed[1], closed[1])))
            incidents = [
                RecordLine(when(e["at"]), e["ticket"] or "", CATEGORY_NAMES.get(e["category"], e["category"]),
                           e["text"], e["by"])
                for e in incident_record(s, session_id)
                # the clock's reasons are in the times above, the moves below
                if not e["category"].startswith("clock.") and e["category"] != MOVE_CATEGORY
            ]  # fmt: skip
            moves = [
                RecordLine(when(m.wall), candidates[m.candidate_id].ticket,
                           f"{m.from_station or '—'} → {m.to_station or '?'}（{MOVE_STATES.get(m.state, m.state)}）",
                           m.reason, names.get(m.actor, m.actor))
                for m in s.scalars(select(StationMove).where(StationMove.candidate_id.in_(candidates))
                                   .order_by(StationMove.id))
            ]  # fmt: skip
            logs = read_logs(s, select(Attempt.id).where(Attempt.session_id == session_id), kinds=(StepKind.SUBMIT,))
            submitted = sum(1 for a, log in logs.items() if log.submitted and a not in absent)
            absentees = sorted((candidates[attempts[a]].ticket, candidates[attempts[a]].name) for a in absent)
            checked = self._seats(s, session_id)
            moved_to = {m.candidate_id: m.to_station for m in s.scalars(
                select(StationMove).where(StationMove.candidate_id.in_(candidates), StationMove.state == "used")
                .order_by(StationMove.id))}  # fmt: skip
            by_proctor = {line.ticket for line in force_submits}
            attempt_of = {c: a for a, c in attempts.items()}

            def ended(cid: int) -> str:
                aid = attempt_of.get(cid)
                if aid is None:
                    return "无试卷"
                if aid in absent:
                    return "缺考"
                if candidates[cid].ticket in by_proctor:
                    return "监考员交卷或终止"
                return "已交卷" if aid in logs and logs[aid].submitted else "未交卷"

            seats = []
            for cid, c in sorted(candidates.items(), key=lambda kv: kv[1].ticket):
                seat, at = checked.get(cid, ("", ""))
                if moved_to.get(cid):
                    seat = f"{seat or '—'} → {moved_to[cid]}"
                seats.append((c.ticket, c.name, seat, at, ended(cid)))
            data = {
                "heading": self._heading(s, session, actor),
                "state": session.state,
                "proctors": self._proctors(s, session_id),
                "candidates": len(candidates),
                "checked_in": len(checked),
                "seats": seats,
                "submitted": submitted,
                "times": times,
                "incidents": incidents,
                "force_submits": force_submits,
                "moves": moves,
                "absentees": absentees,
            }
            return _Read(head, Scope.of(session_id, attempts, candidates), session.code, data)

    # -- shared -----------------------------------------------------------------------------------

    def _session(self, s: Session, actor: Actor, session_id: int) -> ExamSession:
        if actor.role == "proctor":
            return require_duty(s, actor, session_id, "proctor")
        session = s.get(ExamSession, session_id)
        if session is None:
            raise NotFound("no session {session}", session=session_id)
        return session

    def _heading(self, s: Session, session: ExamSession, actor: Actor) -> RoomHeading:
        centre = s.scalars(select(Centre)).first()
        try:
            std = self.catalog.standard(session.standard)
            level = self.catalog.level(std, session.level, session.subtype)
            exam = f"{std.code} {std.name}" + (f"（{session.subtype}）" if session.subtype else "") + f" · {level.name}"
        except Exception:  # a standard no longer known here: its codes
            exam = f"{session.standard} {session.level}"
        printer = s.get(User, actor.id) if actor.role != "candidate" else None
        return RoomHeading(
            centre=centre.name if centre else "", session=session.code, room=session.room, exam=exam,
            part=session.part, start=session.scheduled_start.replace("T", " "), minutes=session.duration_minutes,
            printed=local_time(self.db.wall_now(), seconds=False),
            printed_by=printer.display_name if printer is not None else actor.label,
        )  # fmt: skip

    @staticmethod
    def _seats(s: Session, session_id: int) -> dict[int, tuple[str, str]]:
        """Each checked-in candidate's latest seat and when they were first checked in."""
        out: dict[int, tuple[str, str]] = {}
        rows = s.execute(select(CheckIn.candidate_id, CheckIn.station, CheckIn.wall)
                         .join(Candidate, Candidate.id == CheckIn.candidate_id)
                         .where(Candidate.session_id == session_id).order_by(CheckIn.id))  # fmt: skip
        for cid, station, wall in rows:
            first = out[cid][1] if cid in out else local_time(wall)[11:16]
            out[cid] = (station, first)
        return out

    @staticmethod
    def _proctors(s: Session, session_id: int) -> list[str]:
        rows = s.execute(select(User.display_name, User.active).join(SessionStaff, SessionStaff.user_id == User.id)
                         .where(SessionStaff.session_id == session_id, SessionStaff.duty == "proctor")
                         .order_by(User.id))  # fmt: skip
        return [name if active else f"{name}（账号已停用）" for name, active in rows]
