"""The papers prepare_papers stores are fixed by their seed: making it faster must not change one byte.

The digests below are of papers drawn from the sample banks before prepare_papers was sped up
(issue 14): the bytes the content builder hands the store (seed, content and scoring view JSON, slot
count) for every level's theory and skill papers, many tickets of the level the benchmark uses, and
the same with calibrated difficulties; and what a real prepare_papers stored. A change here means
stored papers changed: only ever on purpose (a change to the sample banks moves them too).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace

import pytest
from sqlalchemy import select

from app.banks.catalog import Catalog
from app.domain.item_versions import CALIBRATION_MINIMUM, bank_item_digest
from app.domain.items import Item, ItemType
from app.domain.paper_assembly import PaperAssembler
from app.domain.standards import MissingWeightsError, Part
from app.security.canonical import canonical_json
from app.services.papers import DrawnPaper, PaperService, content_builder
from app.store.models import Candidate, PaperInstance
from tests.store_fixtures import SESSION_START

STANDARD, LEVEL = "4-13-99-02", "5"  # the benchmark's (bench/session_scale.py)
TICKETS = [f"2026{n:06d}" for n in range(1, 61)] + ["T-1", "T-2", "P001"]
PINNED = {
    "every level": "3e29f7afbb730d2c",
    "bench level": "758ae0f5cf11bed2",
    "calibrated": "bca431322fbdefa4",
    "stored": "190c9f44b2e86db8",
}


@pytest.fixture(scope="module")
def catalog():
    return Catalog.load()


def _digest(drawn: list[DrawnPaper]) -> str:
    h = hashlib.sha256()
    for d in drawn:
        for part in (d.seed.encode(), d.plain, d.scoring, str(d.slots).encode(), repr(d.minutes).encode()):
            h.update(len(part).to_bytes(8, "big") + part)
    return h.hexdigest()[:16]


def _every_level(catalog: Catalog) -> str:
    drawn = []
    for code, std in sorted(catalog.standards.items()):
        for subtype in [None, *(st.name for st in std.subtypes)]:
            for lv in std.level_list(subtype):
                for part in (Part.THEORY, Part.SKILL):
                    try:
                        build = content_builder(catalog, code, str(lv.level), subtype, part)
                        drawn += [build(seed) for seed in ("T-1", "T-2", "3")]
                    except MissingWeightsError:  # no weight table: the exam owner supplies one
                        continue
    return _digest(drawn)


def _calibrated(catalog: Catalog) -> str:
    """Every third item of the level answered often enough, at a spread of p values, so papers steer
    by calibrated difficulties; and a sealed package's digest recorded in each paper."""
    items = catalog.banks.items_for(STANDARD, None, int(LEVEL))
    observed = {
        (it.bank, it.id, bank_item_digest(it)): (CALIBRATION_MINIMUM + n, ((n * 37) % 90 + 5) / 100)
        for n, it in enumerate(sorted(items, key=lambda it: it.id))
        if n % 3 == 0
    }
    build = content_builder(catalog, STANDARD, LEVEL, None, Part.THEORY, observed, package="ab" * 32)
    return _digest([build(t) for t in TICKETS[:30]])


def test_the_builder_draws_the_papers_it_drew_before(catalog):
    build = content_builder(catalog, STANDARD, LEVEL, None, Part.THEORY)
    found = {
        "every level": _every_level(catalog),
        "bench level": _digest([build(t) for t in TICKETS]),
        "calibrated": _calibrated(catalog),
    }
    assert found == {k: v for k, v in PINNED.items() if k in found}


def test_prepare_papers_stores_the_papers_it_stored_before(world, catalog):
    sid = world.exam.schedule_session(
        world.admin, code="PIN", room="201", part="theory", standard=STANDARD, level=LEVEL,
        scheduled_start=SESSION_START, duration_minutes=90,
    )  # fmt: skip
    ids = ["11010519491231002X", "440524198001010013", "110101199003074514", "110101200001010010"]
    for n, id_number in enumerate(ids):
        world.exam.add_candidate(world.admin, sid, ticket=TICKETS[n * 7], name=f"考生{n}", id_number=id_number)
    assert PaperService(world.db, catalog).prepare_papers(world.admin, sid) == len(ids)
    with world.db.reader() as s:
        rows = s.execute(
            select(Candidate.ticket, PaperInstance.seed, PaperInstance.content, PaperInstance.scoring,
                   PaperInstance.slots)
            .join(Candidate, Candidate.id == PaperInstance.candidate_id)
            .where(PaperInstance.session_id == sid).order_by(Candidate.ticket)
        ).all()  # fmt: skip
    drawn = [DrawnPaper(seed, canonical_json(content), canonical_json(scoring), slots)
             for _ticket, seed, content, scoring, slots in rows]  # fmt: skip
    assert [r.ticket for r in rows] == sorted(TICKETS[n * 7] for n in range(len(ids)))
    assert _digest(drawn) == PINNED["stored"]


def _big_pool(catalog: Catalog, enemies: int) -> tuple[PaperAssembler, list[Item]]:
    """The bench level's blueprint over a synthetic pool of 200 items per area and type: buckets of
    40 items per difficulty (drawn by random probes, not scanned), three content codes,
    and `enemies` pairs."""
    real = catalog.assembler(STANDARD, int(LEVEL))
    items = []
    for area in real.areas:
        for section in real.sections:
            labels = "" if section.type is ItemType.TRUEFALSE else "ABCD"
            key = {ItemType.TRUEFALSE: True, ItemType.SINGLE: "B"}.get(section.type, ("A", "C"))
            for n in range(200):
                items.append(Item(
                    id=f"{area}-{section.type.value}-{n:03d}", type=section.type, area=area, code=f"1.{1 + n % 3}",
                    levels=(int(LEVEL),), difficulty=1 + (n * 7) % 5, points=section.points, stem=f"{area} {n}",
                    options=tuple((c, f"{n}{c}") for c in labels), key=key,
                ))  # fmt: skip
    pairs: dict[str, list[str]] = {}
    for n in range(enemies):  # item k and item k + 1 of a cell, spread over the pool
        a = items[(n * 37) % (len(items) - 1)]
        pairs.setdefault(a.id, []).append(items[(n * 37) % (len(items) - 1) + 1].id)
    items = [replace(it, enemies=tuple(pairs[it.id])) if it.id in pairs else it for it in items]
    return PaperAssembler(real.blueprint, items), items


BIG = {0: "06d16dbefc489c21", 300: "18b7bb5d1375ea62"}  # drawn by the assembler before issue 14's speed-up


@pytest.mark.parametrize("enemies", sorted(BIG))
def test_a_large_pool_draws_the_papers_it_drew_before(catalog, enemies):
    assembler, _items = _big_pool(catalog, enemies)
    papers = [*(assembler.build(t) for t in TICKETS[:20]), *assembler.build_forms(3, "F")]
    drawn = [{**p.as_json(), "difficulty": repr(p.difficulty)} for p in papers]
    assert hashlib.sha256(json.dumps(drawn, sort_keys=True).encode()).hexdigest()[:16] == BIG[enemies]
