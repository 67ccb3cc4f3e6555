"""Importing question banks into the store: all or nothing, encrypted, used for papers."""

from __future__ import annotations

import shutil

import pytest

from app.banks.catalog import Catalog
from app.errors import DataFileError
from app.services.backend import Backend
from app.services.base import PermissionDenied
from app.services.library import LibraryService
from tests.conftest import REPO
from tests.store_fixtures import build_world, fresh_url


@pytest.fixture
def library(world):
    return LibraryService(world.db)


def sample(tmp_path, name="level2-theory.yaml"):
    target = tmp_path / "import" / name
    target.parent.mkdir(exist_ok=True)
    text = (REPO / "question_banks" / "samples" / "4-13-99-02" / name).read_text(encoding="utf-8")
    # a new bank: other bank id and item ids, so it can stand beside the bundled one
    target.write_text(text.replace("bank: ols-", "bank: centre-").replace("id: OLS-", "id: CTR-"), encoding="utf-8")
    return target


def test_an_imported_bank_joins_the_pool_and_survives_reopening(world, library, tmp_path):
    catalog = Catalog.load()
    before = len(catalog.banks.items_for("4-13-99-02", None, 2))
    infos = library.import_banks(world.admin, catalog, [sample(tmp_path)])
    assert [i.bank for i in infos] == ["centre-l2-theory"]
    merged = catalog.with_imported(library.imported_sources())
    assert len(merged.banks.items_for("4-13-99-02", None, 2)) == before + infos[0].item_count
    forms = merged.assembler("4-13-99-02", 2).build_forms(3, "x")  # later forms prefer unused items
    assert any(it.id.startswith("CTR-L2-") for form in forms for it in form.items)
    w2 = world.reopen()
    assert [name for name, _ in LibraryService(w2.db).imported_sources()] == ["level2-theory.yaml"]
    w2.db.close()


def test_a_broken_or_duplicate_import_stores_nothing(world, library, tmp_path):
    catalog = Catalog.load()
    duplicate = tmp_path / "dup" / "level2-theory.yaml"
    duplicate.parent.mkdir()
    shutil.copy(REPO / "question_banks" / "samples" / "4-13-99-02" / "level2-theory.yaml", duplicate)
    broken = sample(tmp_path, "level3-theory.yaml")
    broken.write_text(broken.read_text(encoding="utf-8").replace("key: A", "key: Z", 1), encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        library.import_banks(world.admin, catalog, [duplicate, broken])
    text = str(err.value)
    assert "already used" in text and "level3-theory.yaml" in text and "key: Z is not among the options" in text
    assert library.imported_sources() == []
    with pytest.raises(PermissionDenied):
        library.import_banks(world.proctor, catalog, [sample(tmp_path)])


def test_imported_banks_are_encrypted_on_disk(tmp_path):
    """On the embedded SQLite file (the PostgreSQL server's files are not ours to read)."""
    w = build_world(fresh_url("sqlite", tmp_path))
    LibraryService(w.db).import_banks(w.admin, Catalog.load(), [sample(tmp_path)])
    raw = (tmp_path / "examdesk.db").read_bytes() + (tmp_path / "examdesk.db-wal").read_bytes()
    assert b"CTR-L2-" not in raw
    w.db.close()


# -- standards --------------------------------------------------------------------------------

BUNDLED_STANDARD = REPO / "question_banks" / "standards" / "4-13-99-02.yaml"


def standard_file(tmp_path, name, *replacements):
    text = BUNDLED_STANDARD.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    target = tmp_path / "std" / name
    target.parent.mkdir(exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target


def test_an_imported_standard_joins_the_catalogue_and_survives_reopening(world, library, tmp_path):
    new = standard_file(tmp_path, "4-13-99-99.yaml", ("code: 4-13-99-02", "code: 4-13-99-99"),
                        ("name: 在线学习服务师", "name: 在线学习规划师"))  # fmt: skip
    [std] = library.import_standards(world.admin, Catalog.load(), [new])
    assert (std.code, std.name) == ("4-13-99-99", "在线学习规划师")
    w2 = world.reopen()
    catalog = Backend.over(w2.db).catalog
    assert catalog.standard("4-13-99-99").name == "在线学习规划师"
    assert catalog.standard("4-13-99-02").name == "在线学习服务师"  # the bundled one stays
    w2.db.close()


def test_a_new_edition_replaces_the_one_in_use_if_every_bank_still_fits(world, library, tmp_path):
    catalog = Catalog.load()
    same = standard_file(tmp_path, "same.yaml")
    with pytest.raises(DataFileError, match="edition 2022 is already in use"):
        library.import_standards(world.admin, catalog, [same])
    breaking = standard_file(tmp_path, "breaking.yaml", ('edition: "2022"', 'edition: "2026"'),
                             ('code: "2.2.4"', 'code: "2.2.9"'))  # fmt: skip
    with pytest.raises(DataFileError) as err:  # the bundled banks cite 2.2.4
        library.import_standards(world.admin, catalog, [breaking])
    assert "2.2.4" in str(err.value) and "level" in str(err.value)
    assert library.imported_sources("standard") == []
    revised = standard_file(tmp_path, "revised.yaml", ('edition: "2022"', 'edition: "2026"'))
    library.import_standards(world.admin, catalog, [revised])
    merged = catalog.with_imported(library.imported_sources("bank"), library.imported_sources("standard"))
    assert merged.standard("4-13-99-02").edition == "2026"
    assert merged.assembler("4-13-99-02", 5).build("x").items  # papers still build from the banks


def test_a_broken_standard_file_is_named_and_nothing_is_stored(world, library, tmp_path):
    broken = standard_file(tmp_path, "broken.yaml", ("code: 4-13-99-02", "code: 4-13-99-98"),
                           ("pass_mark: 60", "pass_mark: sixty"))  # fmt: skip
    with pytest.raises(DataFileError) as err:
        library.import_standards(world.admin, Catalog.load(), [broken])
    assert "broken.yaml" in str(err.value) and "pass_mark" in str(err.value)
    assert library.imported_sources("standard") == []
    with pytest.raises(PermissionDenied):
        library.import_standards(world.proctor, Catalog.load(), [broken])


def test_a_standard_offered_as_a_bank_is_refused_by_name(world, library, tmp_path):
    wrong = standard_file(tmp_path, "4-13-99-99.yaml", ("code: 4-13-99-02", "code: 4-13-99-99"))
    with pytest.raises(DataFileError, match=r"4-13-99-99\.yaml: schema: not a question bank"):
        library.import_banks(world.admin, Catalog.load(), [wrong])
    assert library.imported_sources("bank") == []


def test_an_imported_standard_that_no_longer_loads_does_not_lock_the_store(world, library, tmp_path):
    from app.store.models import ImportedVersion

    new = standard_file(tmp_path, "4-13-99-99.yaml", ("code: 4-13-99-02", "code: 4-13-99-99"))
    library.import_standards(world.admin, Catalog.load(), [new])
    with world.db.transaction() as s:  # as if a newer ExamDesk checked it more strictly: now it is broken
        row = s.query(ImportedVersion).filter_by(kind="standard").one()
        row.content = {**row.content, "text": row.content["text"].replace("pass_mark: 60", "pass_mark: sixty")}
    backend = Backend.over(world.db)
    assert "4-13-99-99" not in backend.catalog.standards and "4-13-99-02" in backend.catalog.standards
    assert [p.source for p in backend.catalog_problems] == ["4-13-99-99.yaml"]
    assert "pass_mark" in str(backend.catalog_problems[0])
