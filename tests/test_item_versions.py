"""Item versions (issue 22): each paper records the bank and bank version every item came from;
statistics are kept per item version after a session's analysis; assembly uses calibrated
difficulty where enough candidates answered an item."""

from __future__ import annotations

import json
import math
from dataclasses import replace
from decimal import Decimal

from app.banks.catalog import Catalog
from app.domain.item_versions import (
    CALIBRATION_MINIMUM,
    bank_item_digest,
    calibrated_difficulty,
    calibrated_levels,
    difficulty_from_p,
)
from app.services.analysis import _Columns
from app.services.papers import content_builder


def test_a_paper_records_the_bank_and_bank_version_of_every_item():
    catalog = Catalog.load()
    versions = {info.bank: info.version for info in catalog.banks.banks}
    banks = {it.id: it.bank for it in catalog.banks.items}
    content = json.loads(content_builder(catalog, "4-13-99-02", "5", None, "theory")("202650001").plain)
    assert content["items"]
    for entry in content["items"]:
        assert entry["bank"] == banks[entry["id"]] and entry["bank"]
        assert entry["bank_version"] == versions[entry["bank"]] and entry["bank_version"]


def test_the_recorded_bank_version_names_the_item_version_and_older_papers_still_read():
    catalog = Catalog.load()
    entry = json.loads(content_builder(catalog, "4-13-99-02", "5", None, "theory")("202650001").plain)["items"][0]
    recorded, _ = _Columns(catalog).spec_for(entry)
    assert recorded.version.startswith(f"{entry['bank']}@{entry['bank_version']}/{entry['id']}#")
    older = {k: v for k, v in entry.items() if k not in ("bank", "bank_version")}  # a paper from before
    guessed, _ = _Columns(catalog).spec_for(older)
    assert guessed.version == recorded.version  # the item is unchanged in the bank in use
    # a bank released again since: the paper's own record wins over the bank in use
    moved, _ = _Columns(catalog).spec_for({**entry, "bank_version": "2020-01-01"})
    assert moved.version.startswith(f"{entry['bank']}@2020-01-01/{entry['id']}#")
    # without a catalogue an older paper still reads, its origin unknown
    unknown, _ = _Columns(None).spec_for(older)
    assert unknown.version.startswith(f"?@?/{entry['id']}#")


# -- calibrated difficulty (domain) ---------------------------------------------------------------


def test_difficulty_from_p_is_linear_on_the_banks_scale():
    assert [difficulty_from_p(p) for p in (1.0, 0.9, 0.875, 0.8, 0.625, 0.5, 0.3, 0.2, 0.125, 0.0)] == [
        1, 1, 2, 2, 3, 3, 4, 4, 5, 5,
    ]  # fmt: skip
    assert difficulty_from_p(1.5) == 1 and difficulty_from_p(-1) == 5


def test_calibration_needs_enough_candidates_pooled_over_sessions():
    assert CALIBRATION_MINIMUM == 100
    assert calibrated_difficulty([(99, 0.2)]) is None
    assert calibrated_difficulty([(60, 0.2), (40, 0.2)]) == 4
    # p pooled by n: 90 at 0.9 and 10 at 0.0 is 0.81 (level 2), not the sessions' plain mean 0.45 (level 3)
    assert calibrated_difficulty([(90, 0.9), (10, 0.0)]) == 2
    assert calibrated_difficulty([(0, 0.5), (150, math.nan)]) is None


def test_only_an_unchanged_item_keeps_its_data():
    catalog = Catalog.load()
    item = next(it for it in catalog.banks.items if it.type.value == "single")
    digest = bank_item_digest(item)
    assert calibrated_levels([item], {(item.bank, item.id, digest): (100, 0.1)}) == {item.id: 5}
    assert calibrated_levels([item], {(item.bank, item.id, digest): (99, 0.1)}) == {}
    edited = replace(item, stem=item.stem + "（修订）")  # a changed wording: its old figures do not apply
    assert calibrated_levels([edited], {(item.bank, item.id, digest): (500, 0.1)}) == {}
    assert calibrated_levels([item], {("other-bank", item.id, digest): (500, 0.1)}) == {}


def _observed_all_hard(catalog, level="5"):
    items = catalog.banks.items_for("4-13-99-02", None, level)
    return {(it.bank, it.id, bank_item_digest(it)): (120, 0.05 if n % 2 else 0.97) for n, it in enumerate(items)}


def test_assembly_with_calibrated_difficulty_keeps_the_points_exact_and_the_seed():
    catalog = Catalog.load()
    observed = _observed_all_hard(catalog)
    calibrated = catalog.assembler("4-13-99-02", 5, observed=observed)
    declared = catalog.assembler("4-13-99-02", 5)
    tickets = ("202650001", "202650002", "202650003")
    papers = [calibrated.build(t) for t in tickets]
    again = [catalog.assembler("4-13-99-02", 5, observed=observed).build(t) for t in tickets]
    assert [p.as_json() for p in papers] == [p.as_json() for p in again]  # seed-deterministic
    plain = [declared.build(t) for t in tickets]
    for paper in papers:  # the weight table's points, exactly, area by area
        earned: dict[str, Decimal] = {}
        for entry in paper.items:
            earned[entry.area] = earned.get(entry.area, Decimal(0)) + entry.points
        assert earned == dict(calibrated.blueprint.area_points)
    levels = {it.id: it.difficulty for row in calibrated.cells for cell in row for it in cell}
    assert set(levels.values()) == {1, 5}  # every item of the level was observed: 1 (p .97) or 5 (p .05)
    assert [p.difficulty for p in papers] != [p.difficulty for p in plain]
