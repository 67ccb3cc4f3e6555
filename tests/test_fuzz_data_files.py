"""Mutated banks, standards, weight files and blueprints: each reader names every problem, never a traceback.

See tests/fuzzing.py for the mutations and the oracle.
"""

from __future__ import annotations

import tempfile
from functools import cache
from pathlib import Path

from hypothesis import given

from app.banks.bank_file import read_banks
from app.banks.blueprint_file import read_blueprint
from app.banks.standard_file import read_standard, read_standard_text, read_weights
from app.domain.standards import Standard
from tests.conftest import MINI_STANDARD, REPO
from tests.fuzzing import fuzz, mutated_bytes, mutated_yaml, read_or_refuse

# A small standard with a subtype, and a bank with every item type, skill tasks, rubrics and enemies.
STANDARD = MINI_STANDARD + """\
subtypes:
  - name: 木工
    levels:
      - level: 4
        name: 四级木工
        review_required: false
        areas:
          - area: 丁功能
            number: 1
            contents:
              - {code: "1.1", name: 丁内容}
        theory_weights: {职业道德: 10, 基础知识: 30, 丁功能: 60}
        skill_weights: {丁功能: 100}
"""

BANK = """\
schema: examdesk-bank/1
bank: fuzz-bank
title: 变异测试题库
standard: T-01
version: 3
items:
  - id: F-1
    type: single
    area: 甲功能
    code: "1.1"
    levels: [4]
    difficulty: 2
    points: 2
    stem: 单选题（　）。
    options: {A: 甲, B: 乙, C: 丙, D: 丁}
    key: B
    explanation: 因为乙。
    enemies: [F-2]
  - id: F-2
    type: multiple
    area: 乙功能
    code: "2.1"
    levels: [4]
    difficulty: 3
    points: 2
    stem: 多选题（　）。
    options: {A: 甲, B: 乙, C: 丙, D: 丁}
    key: [A, C]
    fixed_order: true
  - id: F-3
    type: truefalse
    area: 职业道德
    code: "2.1.1"
    levels: [4, 2]
    difficulty: 1
    points: 1
    stem: 判断题。
    key: false
  - id: F-4
    type: fill
    area: 基础知识
    code: "2.2.1"
    levels: [4]
    difficulty: 4
    points: 2.5
    stem: 填空 ____ 与 ____。
    key: [[甲, 子], [乙]]
  - id: F-5
    type: short
    area: 丙功能
    code: "1.1"
    levels: [2]
    difficulty: 5
    points: 10
    stem: 简答题。
    key: 要点
    rubric:
      - {point: 第一点, max: 4}
      - {point: 第二点, max: 6}
tasks:
  - id: F-S1
    area: 甲功能
    code: "1.2"
    levels: [4]
    title: 技能任务
    minutes: 20
    instructions: |
      完成以下任务。
    rubric:
      - {point: 要点一, max: 40}
      - {point: 要点二, max: 60}
"""

OTHER_BANK = """\
schema: examdesk-bank/1
bank: fuzz-other
standard: T-01
subtype: 木工
items:
  - id: G-1
    type: truefalse
    area: 丁功能
    code: "1.1"
    levels: [4]
    difficulty: 3
    points: 1
    stem: 另一题库的判断题。
    key: true
"""

WEIGHTS = (REPO / "question_banks" / "weights" / "570002-example.yaml").read_text(encoding="utf-8")
BLUEPRINT = (REPO / "question_banks" / "blueprints" / "theory-default.yaml").read_text(encoding="utf-8")
FOLDER = Path(tempfile.mkdtemp(prefix="examdesk-fuzz-"))


@cache
def standards() -> dict[str, Standard]:
    return {"T-01": read_standard_text(STANDARD, "T-01.yaml")}


@cache
def standard_570002() -> Standard:
    return read_standard(REPO / "question_banks" / "standards" / "570002.yaml")


def test_the_seeds_are_valid():
    bankset = read_banks([], standards(), sources=[("bank.yaml", BANK), ("other.yaml", OTHER_BANK)])
    assert len(bankset.items) == 6 and len(bankset.tasks) == 1
    weights = FOLDER / "seed-weights.yaml"
    weights.write_text(WEIGHTS, encoding="utf-8")
    read_weights(weights, standard_570002())
    blueprint = FOLDER / "seed-blueprint.yaml"
    blueprint.write_text(BLUEPRINT, encoding="utf-8")
    read_blueprint(blueprint)


@fuzz(300)
@given(mutated_yaml(BANK))
def test_a_mutated_bank_is_read_whole_or_refused_with_clear_problems(text):
    sources = [("bank.yaml", text), ("other.yaml", OTHER_BANK)]
    bankset = read_or_refuse(lambda: read_banks([], standards(), sources=sources), {"bank.yaml", "other.yaml"})
    if bankset is not None:  # nothing half-read: every bank whole, every id once
        ids = [it.id for it in bankset.items] + [t.id for t in bankset.tasks]
        assert len(ids) == len(set(ids))
        assert {b.bank for b in bankset.banks} == set(bankset.groups)


@fuzz(100)
@given(mutated_bytes(BANK.encode("utf-8")))
def test_a_bank_file_of_mutated_bytes_is_refused_with_clear_problems(data):
    path = FOLDER / "bytes-bank.yaml"
    path.write_bytes(data)
    read_or_refuse(lambda: read_banks([path], standards()), {str(path)})


@fuzz(300)
@given(mutated_yaml(STANDARD))
def test_a_mutated_standard_is_read_or_refused_with_clear_problems(text):
    read_or_refuse(lambda: read_standard_text(text, "T-01.yaml"), {"T-01.yaml"})


@fuzz(200)
@given(mutated_yaml(WEIGHTS))
def test_a_mutated_weight_file_is_read_or_refused_with_clear_problems(text):
    path = FOLDER / "weights.yaml"
    path.write_text(text, encoding="utf-8")
    read_or_refuse(lambda: read_weights(path, standard_570002()), {str(path)})


@fuzz(200)
@given(mutated_yaml(BLUEPRINT))
def test_a_mutated_blueprint_is_read_or_refused_with_clear_problems(text):
    path = FOLDER / "blueprint.yaml"
    path.write_text(text, encoding="utf-8")
    read_or_refuse(lambda: read_blueprint(path), {str(path)})


# -- imports into the store: all or nothing ---------------------------------------------------------

_WORLD: list = []


def _store():
    """One store for every example (building one per example would dominate the run)."""
    if not _WORLD:
        from app.store.database import sqlite_url
        from tests.store_fixtures import build_world

        _WORLD.append(build_world(sqlite_url(Path(tempfile.mkdtemp(prefix="examdesk-fuzz-store-")) / "examdesk.db")))
    return _WORLD[0]


def _snapshot(world) -> tuple[int, int]:
    from sqlalchemy import func, select

    from app.store.models import AuditEntry, ImportedVersion

    with world.db.reader() as s:
        return (s.scalar(select(func.count()).select_from(ImportedVersion)),
                s.scalar(select(func.count()).select_from(AuditEntry)))  # fmt: skip


@fuzz(100)
@given(mutated_yaml(BANK))
def test_a_refused_bank_import_changes_nothing_in_the_store(text):
    from app.banks.catalog import Catalog
    from app.services.library import LibraryService

    world = _store()
    path = FOLDER / "import" / "bank.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    library = LibraryService(world.db)
    # the catalogue as the admin screen has it: with every bank already imported (the first
    # valid mutation is imported; later ones then find their bank id in use)
    catalog = Catalog(standards(), [], [], imported=[("other.yaml", OTHER_BANK), *library.imported_sources()])
    before = _snapshot(world)
    infos = read_or_refuse(lambda: library.import_banks(world.admin, catalog, [path]),
                           {"bank.yaml", "other.yaml", str(path)})  # fmt: skip
    after = _snapshot(world)
    assert after == before if infos is None else after == (before[0] + 1, before[1] + 1)


@fuzz(100)
@given(mutated_yaml(STANDARD))
def test_a_refused_standard_import_changes_nothing_in_the_store(text):
    from app.banks.catalog import Catalog
    from app.services.library import LibraryService

    world = _store()
    path = FOLDER / "import" / "T-01.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    library = LibraryService(world.db)
    # the catalogue as the admin screen has it, with the standards imported so far
    catalog = Catalog({}, [], []).with_imported([], library.imported_sources("standard"))
    before = _snapshot(world)
    read = read_or_refuse(lambda: library.import_standards(world.admin, catalog, [path]),
                          {"T-01.yaml", str(path)})  # fmt: skip
    after = _snapshot(world)
    assert after == before if read is None else after == (before[0] + 1, before[1] + 1)
