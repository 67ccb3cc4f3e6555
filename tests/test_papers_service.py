"""Preparing a session's papers: every paper built first, then all fixed in one audited action."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from app.banks.catalog import Catalog
from app.domain.blueprint import MultipleCredit
from app.domain.items import Item, ItemType, RubricPoint
from app.domain.paper_assembly import AssemblyError, Paper, PaperItem
from app.domain.paper_content import paper_content, paper_json, scoring_view
from app.domain.standards import MissingWeightsError, Part
from app.security.canonical import canonical_json
from app.services.base import Actor, Conflict, PermissionDenied, ServiceError
from app.services.papers import PaperService
from app.store.models import Attempt, AuditEntry, Candidate, PaperInstance
from tests.store_fixtures import SESSION_START, assign_proctors

TICKETS = {"P001": "11010519491231002X", "P002": "440524198001010013", "P003": "110101199003074514"}


@pytest.fixture(scope="module")
def catalog():
    return Catalog.load()


def _session(world, part="theory", level="5", code="PS", minutes=90):
    sid = world.exam.schedule_session(
        world.admin, code=code, room="201", part=part, standard="4-13-99-02", level=level,
        scheduled_start=SESSION_START, duration_minutes=minutes * len(TICKETS) if part == "review" else minutes,
    )  # fmt: skip
    ids = {t: world.exam.add_candidate(world.admin, sid, ticket=t, name="考生" + t, id_number=n)
           for t, n in TICKETS.items()}  # fmt: skip
    return sid, ids


def _count(world, model, **where):
    with world.db.reader() as s:
        query = select(func.count()).select_from(model)
        for key, value in where.items():
            query = query.where(getattr(model, key) == value)
        return s.scalar(query)


def test_every_candidate_without_a_paper_gets_one_in_a_single_audited_action(world, catalog):
    sid, _ids = _session(world)
    papers = PaperService(world.db, catalog)
    assign_proctors(world.db, world.admin, sid, ("proctor1",))  # a proctor prepares papers of their own session
    audit_before = _count(world, AuditEntry)
    seen = []
    assert papers.prepare_papers(world.proctor, sid, lambda done, total: seen.append((done, total))) == 3
    assert _count(world, AuditEntry) == audit_before + 1
    assert seen[-1] == (4, 4) and [d for d, _t in seen] == sorted(d for d, _t in seen)
    rows = {r.ticket: r for r in world.exam.session_overview(world.proctor, sid)}
    assert all(rows[t].attempt_id is not None and rows[t].total == 60 for t in TICKETS)
    # seeded by ticket: a paper can be rebuilt and checked later
    with world.db.reader() as s:
        seeds = set(s.scalars(select(PaperInstance.seed).where(PaperInstance.session_id == sid)))
    assert seeds == set(TICKETS)
    # a late candidate gets a paper; those who have one keep it
    world.exam.add_candidate(world.admin, sid, ticket="P004", name="考生P004", id_number="110101200001010010")
    assert papers.prepare_papers(world.admin, sid) == 1
    assert papers.prepare_papers(world.admin, sid) == 0
    assert _count(world, Attempt, session_id=sid) == 4


def test_extra_time_granted_before_papers_is_part_of_the_attempt(world, catalog):
    sid, ids = _session(world)
    with world.db.transaction() as s:  # an accommodation recorded on the candidate
        s.get(Candidate, ids["P002"]).extra_seconds = 900.0
    PaperService(world.db, catalog).prepare_papers(world.admin, sid)
    with world.db.reader() as s:
        durations = dict(s.execute(select(Attempt.candidate_id, Attempt.duration_seconds)
                                   .where(Attempt.session_id == sid)).all())  # fmt: skip
    assert durations[ids["P001"]] == 5400.0 and durations[ids["P002"]] == 6300.0


def test_a_bank_that_cannot_fill_a_paper_writes_nothing(world, catalog, monkeypatch):
    sid, _ids = _session(world)
    built = []

    def build_then_fail(*_args):
        def build(ticket):
            if built:
                raise AssemblyError("not enough items", [])
            built.append(ticket)
            return {"seed": ticket, "items": []}

        return build

    monkeypatch.setattr("app.services.papers.content_builder", build_then_fail)
    audit_before = _count(world, AuditEntry)
    with pytest.raises(AssemblyError):
        PaperService(world.db, catalog).prepare_papers(world.admin, sid)
    assert _count(world, Attempt, session_id=sid) == 0 and _count(world, AuditEntry) == audit_before


def test_refusals(world, catalog):
    papers = PaperService(world.db, catalog)
    review, _ids = _session(world, part="review", level="1", code="PR")
    with pytest.raises(ServiceError, match="no paper"):
        papers.prepare_papers(world.admin, review)
    sid, _ids = _session(world)
    examiner = world.accounts.create_user(world.admin, username="ex1", role="examiner", display_name="考评一",
                                          password="examiner-pass-1")  # fmt: skip
    with pytest.raises(PermissionDenied):
        papers.prepare_papers(Actor("examiner", examiner.id), sid)
    # a closed session takes no new papers
    world.exam.start_session(world.proctor, world.session_id)
    for attempt_id in world.attempts.values():
        world.exam.submit(world.proctor, attempt_id, reason="ended early for the test")
    world.exam.close_session(world.proctor, world.session_id)
    with pytest.raises(Conflict):
        papers.prepare_papers(world.admin, world.session_id)


def test_papers_steer_by_calibrated_difficulty_where_the_store_has_enough_figures(world, catalog):
    """Items answered by 100 or more candidates (pooled over sessions) take the difficulty their
    observed p gives; the papers are those the assembler builds from the same figures, seed by seed."""
    from app.domain.item_versions import bank_item_digest
    from app.services.analysis import observed_statistics
    from app.services.papers import content_builder
    from app.store.models import ItemStatistic

    sid, _ids = _session(world)
    items = catalog.banks.items_for("4-13-99-02", None, "5")
    with world.db.transaction() as s:  # two earlier sessions' figures, as record_statistics keeps them
        s.add_all(
            ItemStatistic(session_id=sid, item_version=f"{it.bank}@v{k}/{it.id}#{bank_item_digest(it)[:12]}",
                          bank=it.bank, bank_version=f"v{k}", item_id=it.id, digest=bank_item_digest(it),
                          max_score=float(it.points), n=60, p=0.05 if n % 2 else 0.97, d=None, r=None, omitted=0.0,
                          recorded_wall="2026-12-01T10:00:00")
            for n, it in enumerate(items) for k in (1, 2)
        )  # fmt: skip
    with world.db.reader() as s:
        observed = observed_statistics(s)
    assert observed[(items[1].bank, items[1].id, bank_item_digest(items[1]))] == (120, pytest.approx(0.05))
    assert PaperService(world.db, catalog).prepare_papers(world.admin, sid) == 3
    calibrated = content_builder(catalog, "4-13-99-02", "5", None, "theory", observed)
    declared = content_builder(catalog, "4-13-99-02", "5", None, "theory")
    with world.db.reader() as s:
        stored = {c.ticket: p.content for c, p in s.execute(
            select(Candidate, PaperInstance).join(PaperInstance, PaperInstance.candidate_id == Candidate.id)
            .where(PaperInstance.session_id == sid))}  # fmt: skip
    assert stored == {t: json.loads(calibrated(t).plain) for t in TICKETS}
    assert stored != {t: json.loads(declared(t).plain) for t in TICKETS}


def test_the_sample_paper_is_the_paper_a_candidate_of_that_ticket_gets(world, catalog):
    """The admin's preview steers by the same calibrated difficulty as prepare_papers."""
    from app.domain.item_versions import bank_item_digest
    from app.store.models import ItemStatistic

    sid, _ids = _session(world, code="PV")
    items = catalog.banks.items_for("4-13-99-02", None, "5")
    with world.db.transaction() as s:
        s.add_all(
            ItemStatistic(session_id=sid, item_version=f"{it.bank}@v/{it.id}#{bank_item_digest(it)[:12]}",
                          bank=it.bank, bank_version="v", item_id=it.id, digest=bank_item_digest(it),
                          max_score=float(it.points), n=150, p=0.05 if n % 3 else 0.97, d=None, r=None, omitted=0.0,
                          recorded_wall="2026-12-01T10:00:00")
            for n, it in enumerate(items)
        )  # fmt: skip
    papers = PaperService(world.db, catalog)
    preview = papers.preview(world.admin, "4-13-99-02", "5", "theory", "P001")
    papers.prepare_papers(world.admin, sid)
    with world.db.reader() as s:
        content = s.scalar(select(PaperInstance.content).join(Candidate, Candidate.id == PaperInstance.candidate_id)
                           .where(PaperInstance.session_id == sid, Candidate.ticket == "P001"))  # fmt: skip
    assert [q.id for q in preview.questions] == [e["id"] for e in content["items"]]
    assert [q.id for q in preview.questions] != [it.id for it in catalog.build_paper("4-13-99-02", 5, Part.THEORY,
                                                                                     "P001").items]  # fmt: skip


def test_a_paper_is_stored_as_its_content_encoded(world, catalog):
    """prepare_papers puts each paper's JSON together from its entries' JSON, shared between papers:
    the stored content is still exactly the paper the assembler draws for the ticket, as
    paper_content makes it (and the same bytes as canonical_json of that)."""
    sid, ids = _session(world)
    PaperService(world.db, catalog).prepare_papers(world.admin, sid)
    items = {it.id: it for it in catalog.banks.items}
    versions = {info.bank: info.version for info in catalog.banks.banks}
    assembler = catalog.assembler("4-13-99-02", 5)
    with world.db.reader() as s:
        stored = dict(s.execute(select(PaperInstance.candidate_id, PaperInstance.content)
                                .where(PaperInstance.session_id == sid)).all())  # fmt: skip
    assert {cid: stored[cid] for cid in ids.values()} == {
        cid: paper_content(assembler.build(ticket), items, bank_versions=versions) for ticket, cid in ids.items()
    }


def test_paper_json_is_the_canonical_json_of_the_content(catalog):
    """Every level's papers, and entries whose text needs escaping, in every option order."""
    items = {it.id: it for it in catalog.banks.items}
    shared: dict = {}
    for code, std in catalog.standards.items():
        for subtype in [None, *(st.name for st in std.subtypes)]:
            for lv in std.level_list(subtype):
                try:
                    assembler = catalog.assembler(code, lv.level, subtype=subtype)
                except MissingWeightsError:  # no weight table (570002): the exam owner supplies one
                    continue
                for seed in ("T-1", "T-2", 3):
                    paper = assembler.build(seed)
                    content = paper_content(paper, items)
                    assert paper_json(paper, items, shared) == (canonical_json(content),
                                                                canonical_json(scoring_view(content)))  # fmt: skip
    odd = 'a "quoted" \\ back\\slash, 换行\n, tab\t, \u2028, \x01 and emoji 🙂'
    hostile = {
        "H-1": Item(id="H-1", type=ItemType.SINGLE, area=odd, code="1.1", levels=(5,), difficulty=3,
                    points=Decimal("1.5"), stem=odd, options=(("A", odd), ("B", "b"), ("C", '"')), key="C"),
        "H-2": Item(id="H-2", type=ItemType.FILL, area="x", code="1.1", levels=(5,), difficulty=3,
                    points=Decimal(2), stem="____ and ____", key=(("一", '"1"'), ("二",))),
        "H-3": Item(id="H-3", type=ItemType.SHORT, area="x", code="1.1", levels=(5,), difficulty=3,
                    points=Decimal(10), stem=odd, rubric=(RubricPoint(odd, Decimal("4.5")),
                                                          RubricPoint("b", Decimal("5.5")))),
    }  # fmt: skip
    for n, order in enumerate([("A", "B", "C"), ("C", "A", "B"), ("A", "B", "C")]):
        paper = Paper(f"s{n}", "X", None, 5, Part.THEORY, (
            PaperItem("H-3", "short", "x", Decimal(10)),
            PaperItem("H-1", "single", odd, Decimal("1.5"), order),
            PaperItem("H-2", "fill", "x", Decimal(2)),
        ), {}, multiple_credit=MultipleCredit.PROPORTIONAL if n else MultipleCredit.ALL_OR_NOTHING)  # fmt: skip
        content = paper_content(paper, hostile)
        assert paper_json(paper, hostile, shared) == (canonical_json(content), canonical_json(scoring_view(content)))


def test_what_grading_reads_of_a_paper_grades_it_as_the_whole_paper(world, catalog):
    """Closing grades from the scoring view stored with each paper: every answer, right, partly
    right, wrong or odd, scores the same against it as against the whole content."""
    import random

    from app.domain.blueprint import MultipleCredit
    from app.services.scoring import objective_grade, scoring_items

    sid, ids = _session(world)
    PaperService(world.db, catalog).prepare_papers(world.admin, sid)
    with world.db.reader() as s:
        papers = s.execute(select(PaperInstance.content, PaperInstance.scoring, PaperInstance.slots)
                           .where(PaperInstance.session_id == sid)).all()  # fmt: skip
    rng = random.Random(5)
    assert len(papers) == len(ids)
    for content, scoring, slots in papers:
        assert slots == len(content["items"]) == len(scoring["items"])
        assert [(n, it.type, it.area, it.points, it.key) for n, it in scoring_items(scoring, {})] == \
            [(n, it.type, it.area, it.points, it.key) for n, it in scoring_items(content)]  # fmt: skip
        for _ in range(20):
            answers = {}
            for e in content["items"]:
                choices = [e["key"], None, "A", ["A", "C"], [o[0] for o in e["options"]][:2], True, False, 7, {}]
                answers[e["slot"]] = rng.choice(choices)
            for ended in ("submitted", "time", "terminated"):
                for credit in (None, *MultipleCredit):
                    assert objective_grade(scoring, answers, ended, credit) == \
                        objective_grade(content, answers, ended, credit)  # fmt: skip
