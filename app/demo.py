"""A demo centre, built through the same services a real exam day uses.

`examdesk demo --headless --data DIR --out OUTDIR` creates a store in DIR, schedules a theory
session and a skill session for 在线学习服务师 五级 with 31 candidates, lets them answer (some
pass, some fail, one is terminated for misconduct), lets three examiners score the skill tasks
(a wide disagreement goes to the chief examiner), holds a 二级 comprehensive review for one candidate
(register, defence, questions, three members' marks, the chair's result), and exports a signed
bundle per session and the centre's public key into OUTDIR.
"""

from __future__ import annotations

import io
import json
import os
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from app.banks.catalog import Catalog
from app.demo_login import DEMO_PASSPHRASE, DEMO_PASSWORDS
from app.domain.answers import LIVE_MODES
from app.domain.identity import check_digit
from app.domain.staffing import longest_tasks_minutes
from app.domain.standards import Part
from app.security.envelope import DEFAULT_KDF, KdfParams
from app.security.signing import public_pem
from app.services.accounts import AccountService
from app.services.base import Actor
from app.services.exam import ExamService
from app.services.export import ExportService
from app.services.keys import KeyService
from app.services.live_scoring import LiveScoringService
from app.services.papers import PaperService
from app.services.review import ReviewService
from app.services.scoring import ScoringService
from app.store.clock import MachineClock, WallClock, local_today
from app.store.database import Database, default_store_path, sqlite_url
from app.store.models import Attempt, Candidate, PaperInstance

STANDARD, LEVEL = "4-13-99-02", 5
CANDIDATES = 31
README_CANDIDATE = 5  # ticket 202650006 of the desktop demo: the README's candidate login
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹"
GIVEN = ("晓明", "丽华", "建国", "秀英", "志强", "婷", "子涵", "浩然", "雨欣", "俊杰", "欣怡", "宇航", "佳怡",
         "博文", "思远", "梓萱", "文静", "海峰", "桂兰", "明轩")  # fmt: skip


@dataclass(frozen=True)
class DemoResult:
    bundles: list[Path]
    public_key: Path
    data: Path

    def as_json(self) -> str:
        return json.dumps(
            {"bundles": [str(p) for p in self.bundles], "public_key": str(self.public_key), "data": str(self.data)},
            ensure_ascii=False,
        )


# desktop demo: a skill candidate (no theory sitting) still performing: the paper this ticket draws
# holds an observed and an oral task (scored live)
LIVE_INDEX = 13
LIVE_CANDIDATE = f"2026{LEVEL}{LIVE_INDEX + 1:04d}"
LIVE_STATION = "PC-46"  # a seat of the skill room no theory candidate of the demo takes

SKILL_DUTIES = {
    "proctor1": "proctor", "examiner1": "examiner", "examiner2": "examiner",
    "examiner3": "examiner", "chief": "chief",
}  # fmt: skip

STAFF = (
    ("proctor1", "proctor", "监考员甲"), ("proctor2", "proctor", "监考员乙"), ("proctor3", "proctor", "监考员丙"),
    ("examiner1", "examiner", "考评员一"), ("examiner2", "examiner", "考评员二"), ("examiner3", "examiner", "考评员三"),
    ("chief", "chief", "主考评员"),
)  # fmt: skip


def _centre_and_staff(accounts: AccountService, proctors: int) -> tuple[Actor, dict[str, Actor]]:
    """The demo centre, its admin, `proctors` proctors, three examiners and a chief examiner."""
    admin = accounts.set_up_centre(code="3701001", name="济南市示范职业技能等级认定考点",
                                   admin_username="admin", admin_password=DEMO_PASSWORDS["admin"])  # fmt: skip
    staff: dict[str, Actor] = {}
    for username, role, display in STAFF:
        if role == "proctor" and int(username[-1]) > proctors:
            continue
        password = DEMO_PASSWORDS["proctor" if role == "proctor" else "examiner"]
        view = accounts.create_user(admin, username=username, role=role, display_name=display, password=password)
        staff[username] = Actor(role, view.id)
    return admin, staff


@dataclass
class _DemoCentre:
    """The services of a demo store, and the staff who use them."""

    catalog: Catalog
    exam: ExamService
    scoring: ScoringService
    papers: PaperService
    admin: Actor
    staff: dict[str, Actor]

    @classmethod
    def create(cls, db: Database, catalog: Catalog, proctors: int) -> _DemoCentre:
        admin, staff = _centre_and_staff(AccountService(db), proctors)
        return cls(
            catalog, ExamService(db, catalog), ScoringService(db, catalog), PaperService(db, catalog), admin, staff
        )

    def minutes_for(self, part: Part, standard: str, level: int) -> int:
        """90 minutes, or longer where the standard or (for a skill session) the longest tasks the
        bank could draw for the level ask for more."""
        std = self.catalog.standard(standard)
        lv = std.level(level)
        minutes = max(90, std.min_minutes_for(lv, part) or 0)
        if part is Part.SKILL:
            tasks = self.catalog.banks.tasks_for(std.code, None, lv.level)
            minutes = max(minutes, longest_tasks_minutes([(t.area, t.minutes) for t in tasks]))
        return minutes

    def session(self, code: str, room: str, part: Part, start: str, duties: dict[str, str],
                people: Sequence[tuple[str, str, str, float]], *, standard: str = STANDARD,
                level: int = LEVEL) -> tuple[int, dict[str, int]]:  # fmt: skip
        """Schedule a 90-minute session (the demo level unless told) with staff (username -> duty)
        and candidates, and fix their papers; returns the session id and each ticket's attempt id."""
        session_id = self.exam.schedule_session(
            self.admin, code=code, room=room, part=part.value, standard=standard, level=str(level),
            scheduled_start=start, duration_minutes=self.minutes_for(part, standard, level),
        )  # fmt: skip
        for username, duty in duties.items():
            self.scoring.assign_staff(self.admin, session_id, self.staff[username].id, duty)
        for n, (ticket, name, number, _ability) in enumerate(people):
            self.exam.add_candidate(self.admin, session_id, ticket=ticket, name=name, id_number=number,
                                    photo=demo_photo(n))  # fmt: skip
        self.papers.prepare_papers(self.admin, session_id)
        rows = self.exam.roster(self.admin, session_id)
        return session_id, {row.ticket: row.attempt_id for row in rows if row.attempt_id is not None}


def observation_group(centre: _DemoCentre, session_id: int, name: str, tickets: Sequence[str] | None = None) -> None:
    """The chief forms an observation group of the session's candidates (`tickets`, or all) with
    its three examiners: they watch and score the observed tasks of these candidates live."""
    with centre.exam.db.reader() as s:
        codes = [code for ticket, code in s.execute(select(Candidate.ticket, Candidate.anonymous_code)
                                                    .where(Candidate.session_id == session_id))
                 if tickets is None or ticket in tickets]  # fmt: skip
    examiners = [centre.staff[f"examiner{n}"].id for n in (1, 2, 3)]
    LiveScoringService(centre.exam.db, centre.catalog).set_observation_group(
        centre.staff["chief"], session_id, name, codes, examiners
    )


def check_in(centre: _DemoCentre, proctor: Actor, session_id: int, seats: dict[str, str]) -> None:
    """The proctor checks the session's candidates in (ticket -> station), as on the exam day:
    a candidate logs in only at the seat they were checked in to."""
    ids = {row.ticket: row.candidate_id for row in centre.exam.roster(centre.admin, session_id)}
    for ticket, station in seats.items():
        centre.exam.check_in(proctor, ids[ticket], station)


def simulated_keys(db: Database, attempt_id: int) -> list:
    """The keys of a running attempt's paper, for the demo's invented candidates to answer with
    their ability. Read from the store directly: no service gives keys before the session closes."""
    with db.reader() as s:
        paper = s.get(PaperInstance, s.get(Attempt, attempt_id).paper_id)
        return [item["key"] for item in paper.content["items"]]


def demo_photo(n: int) -> bytes:
    """A registration-photo stand-in (PNG, 3:4): a silhouette on a background that differs per
    candidate, so the proctor's check-in and the candidate's identity page show a photo."""
    from PIL import Image, ImageDraw

    backgrounds = ((219, 234, 254), (254, 226, 226), (220, 252, 231), (254, 249, 195), (237, 233, 254))
    image = Image.new("RGB", (240, 320), backgrounds[n % len(backgrounds)])
    draw = ImageDraw.Draw(image)
    tone = (90 + 7 * (n % 5), 96 + 5 * (n % 7), 110)
    draw.ellipse((75, 50, 165, 160), fill=tone)  # head
    draw.rounded_rectangle((35, 175, 205, 360), radius=70, fill=tone)  # shoulders
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def demo_people(count: int, rng: random.Random) -> list[tuple[str, str, str, float]]:
    """(ticket, name, ID number, ability) for `count` candidates; valid GB 11643 numbers."""
    people = []
    for n in range(count):
        name = SURNAMES[n % len(SURNAMES)] + GIVEN[(n * 7) % len(GIVEN)]
        born = f"{rng.randint(1975, 2003)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
        first17 = f"370102{born}{n % 1000:03d}"
        ability = 0.35 + 0.6 * (n % 10) / 9  # some fail, most pass
        people.append((f"2026{LEVEL}{n + 1:04d}", name, first17 + check_digit(first17), ability))
    return people


def _answer_for(entry: dict, ability: float, rng: random.Random):  # type: ignore[no-untyped-def]
    right = rng.random() < ability
    labels = [label for label, _ in entry.get("options", [])]
    if entry["type"] == "truefalse":
        return entry["key"] if right else not entry["key"]
    if entry["type"] == "single":
        return entry["key"] if right else rng.choice([x for x in labels if x != entry["key"]])
    if entry["type"] == "multiple":
        return sorted(entry["key"]) if right else sorted(rng.sample(labels, 2))
    return "（作答内容）"


def run_demo(
    data: Path,
    out: Path,
    *,
    passphrase: str | None = None,
    kdf: KdfParams = DEFAULT_KDF,
    log: Callable[[str], None] = lambda _m: None,
    candidates: int = CANDIDATES,
) -> DemoResult:
    passphrase = passphrase or os.environ.get("EXAMDESK_PASSPHRASE") or DEMO_PASSPHRASE
    rng = random.Random(2026)
    out.mkdir(parents=True, exist_ok=True)
    db_path = default_store_path(data)
    if db_path.exists():
        raise FileExistsError(f"{data} already holds a store: use another --data folder")
    catalog = Catalog.load()
    db = Database.create(sqlite_url(db_path), passphrase, kdf=kdf)
    try:
        centre = _DemoCentre.create(db, catalog, proctors=3)
        exam, scoring, admin, staff = centre.exam, centre.scoring, centre.admin, centre.staff
        start = demo_start(db)  # the demo's day is the day it runs
        log("centre set up")
        people = demo_people(candidates, rng)
        terminated_ticket = people[3][0]

        # -- theory ------------------------------------------------------------------------
        theory_id, _attempts = centre.session(
            f"DEMO-T{LEVEL}", "第一考场（机房301）", Part.THEORY, start,
            {"proctor1": "proctor", "proctor2": "proctor", "proctor3": "proctor"}, people,
        )  # fmt: skip
        proctor = staff["proctor1"]
        check_in(centre, proctor, theory_id, {p[0]: f"PC-{n + 1:02d}" for n, p in enumerate(people)})
        exam.start_session(proctor, theory_id)
        log(f"theory session started: {len(people)} candidates")
        for n, (ticket, _name, number, ability) in enumerate(people):
            login = exam.candidate_login(ticket=ticket, id_number=number, station=f"PC-{n + 1:02d}")
            paper = exam.attempt_view(login.actor, login.attempt_id)
            keys = simulated_keys(db, login.attempt_id)
            seq = paper.last_seq
            for entry, key in zip(paper.items, keys, strict=True):
                if ticket == terminated_ticket and entry["slot"] > 20:
                    break
                answer = _answer_for({**entry, "key": key}, ability, rng)
                seq = exam.save_answer(login.actor, login.attempt_id, seq, entry["slot"], answer).seq
            if ticket == terminated_ticket:
                exam.terminate(proctor, login.attempt_id, "考试中使用手机查阅资料，经两名监考员确认")
            else:
                exam.submit(login.actor, login.attempt_id)
        exam.record_incident(proctor, theory_id, "environment.noise", "9:40 考场外施工噪音约5分钟，已协调停止")
        closed = exam.close_session(proctor, theory_id)  # grades the theory papers
        log(f"theory session closed: {closed['graded']} papers graded")

        # -- skill ---------------------------------------------------------------------------
        sitting = [p for p in people if p[0] != terminated_ticket]  # barred after misconduct
        skill_id, skill_attempts = centre.session(
            f"DEMO-S{LEVEL}",
            "技能考核室（机房302）",
            Part.SKILL,
            start,
            {**SKILL_DUTIES, "proctor2": "proctor"},
            sitting,
        )
        check_in(centre, proctor, skill_id, {p[0]: f"PC-{n + 1:02d}" for n, p in enumerate(sitting)})
        exam.start_session(proctor, skill_id)
        half = (len(sitting) + 1) // 2  # two observation groups: 1.9.3's ratio holds in each
        observation_group(centre, skill_id, "A", [p[0] for p in sitting[:half]])
        observation_group(centre, skill_id, "B", [p[0] for p in sitting[half:]])
        live = LiveScoringService(db, catalog)
        for n, (ticket, _name, number, _ability) in enumerate(sitting):
            login = exam.candidate_login(ticket=ticket, id_number=number, station=f"PC-{n + 1:02d}")
            view = exam.attempt_view(login.actor, login.attempt_id)
            seq = view.last_seq
            for entry in view.items:
                if entry.get("mode") == "oral":  # the candidate draws a card and answers aloud
                    exam.draw_card(login.actor, login.attempt_id, entry["slot"])
                    seq += 1  # the draw is a step of the attempt
                    continue
                if entry.get("mode") == "observed":  # watched and timed by the examiners, its product attached
                    live.start_timer(staff["examiner1"], login.attempt_id, entry["slot"])
                    live.add_observation_note(staff["examiner1"], login.attempt_id, entry["slot"], 0, "操作完整")
                    live.stop_timer(staff["examiner1"], login.attempt_id, entry["slot"])
                    exam.attach_task_file(login.actor, login.attempt_id, entry["slot"], "档案卡.pdf",
                                          f"%PDF-1.4 demo {ticket}".encode())  # fmt: skip
                    seq += 1  # so is the attached file
                    continue
                answer = "（操作记录与作答文本）"
                seq = exam.save_answer(login.actor, login.attempt_id, seq, entry["slot"], answer).seq
            exam.submit(login.actor, login.attempt_id)
        ability_of = {p[0]: p[3] for p in sitting}
        worklist = scoring.worklist(staff["examiner1"], skill_id)  # by anonymous code, never by name
        for ticket, attempt_id in skill_attempts.items():
            for slot_entry in [w for w in worklist if w.attempt_id == attempt_id]:
                rubric = slot_entry.rubric
                disputed = ticket == sitting[5][0] and slot_entry.slot == 0
                for e_index, examiner in enumerate(("examiner1", "examiner2", "examiner3")):
                    quality = ability_of[ticket] + rng.uniform(-0.05, 0.05)
                    if disputed:
                        quality = (0.35, 0.6, 0.95)[e_index]
                    awarded = {
                        i: min(Decimal(m), max(Decimal(0), (Decimal(m) * Decimal(str(round(quality, 2)))).quantize(
                            Decimal("1"))))
                        for i, (_point, m) in enumerate(rubric)
                    }  # fmt: skip
                    scoring.score_task(staff[examiner], attempt_id, slot_entry.slot, awarded, "")
                if disputed:
                    settled = {i: (Decimal(m) * Decimal("0.6")).quantize(Decimal("1"))
                               for i, (_p, m) in enumerate(rubric)}  # fmt: skip
                    scoring.score_task(staff["chief"], attempt_id, slot_entry.slot, settled,
                                       "三位考评员分差过大，经复核按要点重新评定", arbitration=True)  # fmt: skip
            scoring.finalize(staff["chief"], attempt_id)
        exam.close_session(proctor, skill_id)
        log("skill session scored and closed")

        # -- a second registration: the first candidate also sits 职业指导师 四级 theory ----------
        other_id = _other_registration(centre, people[:3], start, rng)
        log("职业指导师 四级 theory closed: one candidate holds two registrations")

        # -- a comprehensive review: 在线学习服务师 二级 -------------------------------------------
        review_id = _review(centre, db, start)
        log("在线学习服务师 二级 comprehensive review finalized by the chair")

        # -- export --------------------------------------------------------------------------
        exporter = ExportService(db, catalog)
        bundles = []
        for session_id, code in ((theory_id, f"DEMO-T{LEVEL}"), (skill_id, f"DEMO-S{LEVEL}"), (other_id, OTHER_CODE),
                                 (review_id, REVIEW_CODE)):  # fmt: skip
            path = out / f"{code}-results.zip"
            exporter.export_session(admin, session_id, path, mask=False,
                                    reason="demonstration: the candidates are invented")  # fmt: skip
            bundles.append(path)
        keys = KeyService(db)
        info = keys.public_keys()[-1]
        pem_path = out / f"centre-3701001-{info.fingerprint[:8]}.pub.pem"
        pem_path.write_bytes(public_pem(keys.public_key()))
        log("bundles exported")
    finally:
        db.close()
    return DemoResult(bundles, pem_path, data)


OTHER_STANDARD, OTHER_LEVEL, OTHER_CODE = "4-07-03-01", 4, "DEMO-T4G"


def demo_start(db: Database) -> str:
    """The demo's sessions start now, local time, to the minute: never on another day and never
    long before their scheduled time, whenever the demo runs."""
    return db.clock.now().astimezone().strftime("%Y-%m-%dT%H:%M")


def _other_registration(centre: _DemoCentre, people: Sequence[tuple[str, str, str, float]], start: str,
                        rng: random.Random) -> int:  # fmt: skip
    """A 职业指导师 四级 theory session for a few of the demo's people, under new tickets: the
    first of them now holds two registrations, and each result counts only its own sittings."""
    exam, proctor = centre.exam, centre.staff["proctor1"]
    sitting = [(f"2026G{n + 1:04d}", name, number, ability) for n, (_t, name, number, ability) in enumerate(people)]
    session_id, _attempts = centre.session(OTHER_CODE, "第二考场（机房303）", Part.THEORY, start,
                                           {"proctor1": "proctor", "proctor2": "proctor"}, sitting,
                                           standard=OTHER_STANDARD, level=OTHER_LEVEL)  # fmt: skip
    check_in(centre, proctor, session_id, {p[0]: f"PC-{40 + n}" for n, p in enumerate(sitting)})
    exam.start_session(proctor, session_id)
    for n, (ticket, _name, number, ability) in enumerate(sitting):
        login = exam.candidate_login(ticket=ticket, id_number=number, station=f"PC-{40 + n}")
        paper = exam.attempt_view(login.actor, login.attempt_id)
        keys = simulated_keys(centre.exam.db, login.attempt_id)
        seq = paper.last_seq
        for entry, key in zip(paper.items, keys, strict=True):
            answer = _answer_for({**entry, "key": key}, ability, rng)
            seq = exam.save_answer(login.actor, login.attempt_id, seq, entry["slot"], answer).seq
        exam.submit(login.actor, login.attempt_id)
    exam.close_session(proctor, session_id)
    return session_id


REVIEW_CODE = "DEMO-R2"


class _FastForward:
    """The demo's machine clock moved forward through a 15-minute defence, so that the demo need not
    wait for it; only after every timed paper is closed, and only forward."""

    def __init__(self, inner: MachineClock):
        self.inner, self.offset = inner, 0.0

    def boot(self) -> str:
        return self.inner.boot()

    def now(self) -> float:
        return self.inner.now() + self.offset


def _review(centre: _DemoCentre, db: Database, start: str) -> int:
    """One 在线学习服务师 二级 candidate's comprehensive review: the register, the 15-minute defence
    with questions, three members' marks against the example criteria, the chair's result."""
    std = centre.catalog.standard(STANDARD)
    minutes = std.min_minutes_for(std.level(2), Part.REVIEW) or 15
    session_id = centre.exam.schedule_session(centre.admin, code=REVIEW_CODE, room="评审室（会议室 2）",
                                              part=Part.REVIEW.value, standard=STANDARD, level="2",
                                              scheduled_start=start, duration_minutes=minutes)  # fmt: skip
    for username, duty in (("examiner1", "review"), ("examiner2", "review"), ("examiner3", "review"),
                           ("chief", "chief")):  # fmt: skip
        centre.scoring.assign_staff(centre.admin, session_id, centre.staff[username].id, duty)
    centre.exam.add_candidate(centre.admin, session_id, ticket="202620001", name="韩梅梅",
                              id_number="11010519491231002X", photo=demo_photo(40))  # fmt: skip
    [row] = centre.exam.roster(centre.admin, session_id)
    review = ReviewService(db, centre.catalog)
    member, cid = centre.staff["examiner1"], row.candidate_id
    for kind, title, pages in (("application", "职业技能等级认定申报表", 4), ("application", "近三年工作业绩材料", 26),
                               ("work", "在线课程学习支持服务方案（代表作）", 18)):  # fmt: skip
        review.register_material(member, cid, kind, title, pages, f"{title}.pdf", f"（演示文件）{title}".encode())
    clock = _FastForward(db.machine)
    db.machine = clock
    try:
        review.start_defence(member, cid)
        review.add_note(member, cid, "question", "请说明方案中学习数据分析部分由你本人完成的内容")
        review.add_note(centre.staff["examiner2"], cid, "question", "如何评估该方案对学习者完成率的影响？")
        clock.offset += minutes * 60 + 30
        review.end_defence(member, cid)
    finally:
        db.machine = clock.inner
    criteria = [c.name for c in review.record(member, cid).criteria]
    for username, mark in (("examiner1", 84), ("examiner2", 80), ("examiner3", 88)):
        review.score(centre.staff[username], cid, {name: Decimal(mark) for name in criteria}, "材料完整，答辩思路清晰")
    review.finalize(centre.staff["chief"], cid)
    return session_id


def seed_desktop_demo(data: Path, *, passphrase: str = DEMO_PASSPHRASE, kdf: KdfParams = DEFAULT_KDF,
                      candidates: int = 8, clock: WallClock | None = None,
                      station: str | None = None) -> Path:  # fmt: skip
    """The centre `scripts/run.sh` opens: a theory session scheduled for today with candidates and
    papers (not started; the README's candidate, ticket 202650006, checked in at `station`, this
    PC, the others waiting for the proctor to check them in), and a skill session whose answers
    wait for the examiners. A demo centre made on an earlier day has its theory session brought
    forward to today."""
    db_path = default_store_path(data)
    if db_path.exists():
        bring_demo_forward(db_path, passphrase, clock=clock)
        return db_path
    rng = random.Random(7)
    catalog = Catalog.load()
    db = Database.create(sqlite_url(db_path), passphrase, kdf=kdf, clock=clock)
    try:
        centre = _DemoCentre.create(db, catalog, proctors=2)
        exam, staff = centre.exam, centre.staff
        people = demo_people(candidates, rng)
        start = demo_start(db)
        theory, _attempts = centre.session(f"DEMO-T{LEVEL}", "第一考场（机房301）", Part.THEORY, start,
                                           {"proctor1": "proctor", "proctor2": "proctor"}, people)  # fmt: skip
        live_person = demo_people(LIVE_INDEX + 1, random.Random(LIVE_INDEX))[LIVE_INDEX]  # skill only
        sitting = [*people[:5], live_person]
        skill, _attempts = centre.session(f"DEMO-S{LEVEL}", "技能考核室（机房302）", Part.SKILL, start,
                                          SKILL_DUTIES, sitting)  # fmt: skip
        seats = {p[0]: LIVE_STATION if p[0] == LIVE_CANDIDATE else f"PC-{n + 1:02d}" for n, p in enumerate(sitting)}
        check_in(centre, staff["proctor1"], skill, seats)
        exam.start_session(staff["proctor1"], skill)
        observation_group(centre, skill, "A")  # the examiners who watch the observed tasks (1.9.3 per group)
        for n, (ticket, _name, number, _ability) in enumerate(sitting):
            login = exam.candidate_login(ticket=ticket, id_number=number, station=seats[ticket])
            view = exam.attempt_view(login.actor, login.attempt_id)
            seq = view.last_seq
            if ticket == LIVE_CANDIDATE:  # still performing: an observed and an oral task, scored live
                continue
            for entry in view.items:
                if entry.get("mode") in LIVE_MODES:  # performed in front of the examiners, nothing typed
                    if entry["mode"] == "oral":
                        exam.draw_card(login.actor, login.attempt_id, entry["slot"])
                        seq += 1  # the draw is a step of the attempt
                    continue
                answer = (
                    f"一、情况分析：{entry['stem'].splitlines()[0]}。\n二、处理步骤：1. 核实信息；2. 制定方案；"
                    f"3. 跟进反馈。\n三、记录与总结：按规范填写记录表（第{n + 1}份作答）。"
                )
                seq = exam.save_answer(login.actor, login.attempt_id, seq, entry["slot"], answer).seq
            exam.submit(login.actor, login.attempt_id)
        if station and len(people) > README_CANDIDATE:  # the README's candidate logs in on this PC at once
            check_in(centre, staff["proctor1"], theory, {people[README_CANDIDATE][0]: station})
    finally:
        db.close()
    return db_path


def bring_demo_forward(db_path: Path, passphrase: str = DEMO_PASSPHRASE, *, clock: WallClock | None = None) -> bool:
    """Reschedule the demo's theory session to today when it was set up on an earlier day and has
    not started (a session starts only on its scheduled date). Changes nothing in a demo centre
    whose passphrase or admin password were changed. True when it moved the session."""
    from app.security.envelope import WrongPassphrase
    from app.services.backend import Backend
    from app.services.base import ServiceError

    try:
        backend = Backend.over(Database.open(sqlite_url(db_path), passphrase, clock=clock))
    except WrongPassphrase:
        return False
    try:
        admin = backend.accounts.login("admin", DEMO_PASSWORDS["admin"])
        today = local_today(backend.db.clock).isoformat()
        for info in backend.exam.sessions(admin):
            if info.code == f"DEMO-T{LEVEL}" and info.state == "scheduled" and info.scheduled_start[:10] < today:
                backend.exam.reschedule_session(admin, info.id, demo_start(backend.db), "演示考点：场次顺延至今天")
                return True
        return False
    except ServiceError:
        return False
    finally:
        backend.close()
