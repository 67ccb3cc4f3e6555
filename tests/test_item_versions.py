"""Item versions (issue 22): each paper records the bank and bank version every item came from;
statistics are kept per item version after a session's analysis; assembly uses calibrated
difficulty where enough candidates answered an item."""

from __future__ import annotations

from app.banks.catalog import Catalog
from app.services.analysis import _Columns
from app.services.papers import content_builder


def test_a_paper_records_the_bank_and_bank_version_of_every_item():
    catalog = Catalog.load()
    versions = {info.bank: info.version for info in catalog.banks.banks}
    banks = {it.id: it.bank for it in catalog.banks.items}
    content = content_builder(catalog, "4-13-99-02", "5", None, "theory")("202650001")
    assert content["items"]
    for entry in content["items"]:
        assert entry["bank"] == banks[entry["id"]] and entry["bank"]
        assert entry["bank_version"] == versions[entry["bank"]] and entry["bank_version"]


def test_the_recorded_bank_version_names_the_item_version_and_older_papers_still_read():
    catalog = Catalog.load()
    entry = content_builder(catalog, "4-13-99-02", "5", None, "theory")("202650001")["items"][0]
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
