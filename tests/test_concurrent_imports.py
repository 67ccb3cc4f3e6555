"""Two bank imports at once (two stations, two windows): the second waits for the store's write
lock, then finds the store moved since it read the catalogue and is checked again; it ends in a
clear message or a clean import, never an IntegrityError, and never banks whose ids collide."""

from __future__ import annotations

import threading

import pytest

from app.banks.catalog import Catalog
from app.errors import DataFileError
from app.services.library import LibraryService
from tests.store_fixtures import build_world, fresh_url
from tests.test_library import sample


@pytest.fixture
def two_processes(tmp_path):
    """Two handles on one store, as two processes have: each with its own write-lock client."""
    first = build_world(fresh_url("sqlite", tmp_path))
    second = first.reopen()
    yield first, second
    second.db.close()
    first.db.close()


def test_the_same_bank_imported_by_two_threads_at_once_is_stored_once_with_a_clear_message(two_processes, tmp_path):
    first, second = two_processes
    catalog = Catalog.load()  # both read the catalogue before either imports
    bank = sample(tmp_path)
    start, outcomes = threading.Barrier(2), {}

    def run(name, world):
        start.wait()
        try:
            outcomes[name] = LibraryService(world.db).import_banks(world.admin, catalog, [bank])
        except Exception as exc:  # what each thread ended in is the point of the test
            outcomes[name] = exc

    threads = [threading.Thread(target=run, args=(n, w)) for n, w in (("a", first), ("b", second))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    ended = sorted(outcomes.values(), key=lambda o: isinstance(o, Exception))
    assert isinstance(ended[0], list) and [i.bank for i in ended[0]] == ["centre-l2-theory"]
    assert isinstance(ended[1], DataFileError), ended[1]
    assert "level2-theory.yaml" in str(ended[1]) and "imported meanwhile" in str(ended[1])
    assert [n for n, _ in LibraryService(first.db).imported_sources()] == ["level2-theory.yaml"]


def test_a_second_import_from_a_stale_catalogue_is_checked_against_what_the_store_now_holds(two_processes, tmp_path):
    first, second = two_processes
    stale = Catalog.load()
    LibraryService(first.db).import_banks(first.admin, stale, [sample(tmp_path)])
    # another file with the same items under another bank id: fine against the stale catalogue,
    # a collision of item ids against the store
    other = tmp_path / "import" / "copy.yaml"
    other.write_text(sample(tmp_path).read_text(encoding="utf-8").replace("bank: centre-", "bank: copy-"),
                     encoding="utf-8")  # fmt: skip
    with pytest.raises(DataFileError) as err:
        LibraryService(second.db).import_banks(second.admin, stale, [other])
    assert "copy.yaml" in str(err.value) and "CTR-" in str(err.value)
    assert [n for n, _ in LibraryService(second.db).imported_sources()] == ["level2-theory.yaml"]
    # with a fresh catalogue an unrelated import goes through
    fresh = stale.with_imported(LibraryService(second.db).imported_sources())
    l3 = sample(tmp_path, "level3-theory.yaml")
    assert [i.bank for i in LibraryService(second.db).import_banks(second.admin, fresh, [l3])]


def test_a_standard_imported_meanwhile_stops_a_second_standards_import_cleanly(two_processes, tmp_path):
    from tests.test_library import standard_file

    first, second = two_processes
    stale = Catalog.load()
    new = standard_file(tmp_path, "4-13-99-99.yaml", ("code: 4-13-99-02", "code: 4-13-99-99"))
    LibraryService(first.db).import_standards(first.admin, stale, [new])
    with pytest.raises(DataFileError, match="imported meanwhile"):
        LibraryService(second.db).import_standards(second.admin, stale, [new])
    assert len(LibraryService(second.db).imported_sources("standard")) == 1
