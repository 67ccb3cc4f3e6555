"""`examdesk bank validate` and the bank reader: every problem, with file, line and field."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.banks.bank_file import read_banks
from app.banks.standard_file import read_standards
from app.cli import main
from app.errors import DataFileError
from tests.conftest import bank_text, choice_item, tf_item, write


@pytest.fixture
def stds(mini_standards):
    return read_standards(mini_standards)


def good_items() -> list[str]:
    return [
        choice_item("Q-1", "甲功能", "1.1"),
        choice_item("Q-2", "乙功能", "2.1", type_="multiple", key="[A, C]"),
        tf_item("Q-3", "职业道德", "2.1.1", levels="[4, 2]"),
    ]


def test_a_good_bank_reads_whole(tmp_path: Path, stds):
    path = write(tmp_path / "b.yaml", bank_text("b", good_items()))
    banks = read_banks([path], stds)
    assert [it.id for it in banks.items] == ["Q-1", "Q-2", "Q-3"]
    assert banks.items[1].key == ("A", "C")
    assert [it.id for it in banks.items_for("T-01", None, 2)] == ["Q-3"]


def problems_for(tmp_path: Path, stds, items: list[str]) -> str:
    path = write(tmp_path / "bad.yaml", bank_text("bad", items))
    with pytest.raises(DataFileError) as err:
        read_banks([path], stds)
    return str(err.value)


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        ([choice_item("Q-1", "甲功能", "1.1"), choice_item("Q-1", "乙功能", "2.1")],
         r"bad.yaml:\d+: items\[1\] \(Q-1\).id: duplicate id 'Q-1'"),
        ([choice_item("Q-1", "甲功能", "1.1", key="E")],
         r"items\[0\] \(Q-1\).key: E is not among the options A/B/C/D"),
        ([choice_item("Q-1", "戊功能", "1.1")], r"items\[0\] \(Q-1\).area: level 4 has no area '戊功能'"),
        ([choice_item("Q-1", "甲功能", "9.9")], r"items\[0\] \(Q-1\).code: no content '9.9' under 甲功能"),
        ([choice_item("Q-1", "甲功能", "1.1").replace("    points: 2\n", "")],
         r"items\[0\] \(Q-1\).points: missing"),
        ([choice_item("Q-1", "甲功能", "1.1", levels="[7]")], r"items\[0\] \(Q-1\).levels: level 7 does not exist"),
        ([choice_item("Q-1", "甲功能", "1.1", type_="multiple", key="[A]")], r"at least two correct options"),
        ([choice_item("Q-1", "甲功能", "1.1", type_="multiple", key="[A, B, C, D]")], r"every option is correct"),
        ([choice_item("Q-1", "甲功能", "1.1", type_="essay")], r"items\[0\] \(Q-1\).type: unknown type 'essay'"),
        ([choice_item("Q-1", "甲功能", "1.1", difficulty=9)], r"difficulty: must be 1..5, got 9"),
        ([choice_item("Q-1", "甲功能", "1.1").replace("points: 2", "points: 0.3")], r"positive multiple of 0.5"),
        ([tf_item("Q-1", "甲功能", "1.1").replace("key: true", "key: 对")], r"key: must be true or false"),
        ([choice_item("Q-1", "丙功能", "1.1", levels="[4, 2]")], r"level 4 has no area '丙功能'"),
    ],
)  # fmt: skip
def test_each_kind_of_problem_is_named(tmp_path: Path, stds, items, expected):
    assert re.search(expected, problems_for(tmp_path, stds, items))


def test_fill_in_and_written_items(tmp_path: Path, stds):
    fill = """\
  - id: F-1
    type: fill
    area: 甲功能
    code: "1.1"
    levels: [4]
    difficulty: 2
    points: 2
    stem: 学情数据分为____数据和____数据。
    key: [[结构化], [非结构化, 半结构化]]
"""
    short = """\
  - id: S-1
    type: short
    area: 甲功能
    code: "1.2"
    levels: [4]
    difficulty: 3
    points: 10
    stem: 简述学习档案管理的要求。
    rubric:
      - {point: 说明完整性要求, max: 5}
      - {point: 说明保密要求, max: 4}
"""
    text = problems_for(tmp_path, stds, [fill.replace("key: [[结构化], ", "key: ["), short])
    assert "items[0] (F-1).key: the stem has 2 blank(s) (____) but the key has 1" in text
    assert "items[1] (S-1).rubric: maxima add up to 9, but points is 10" in text
    path = write(tmp_path / "ok.yaml", bank_text("ok", [fill, short.replace("max: 4", "max: 5")]))
    items = read_banks([path], stds).items
    assert items[0].key == (("结构化",), ("非结构化", "半结构化"))


def test_every_problem_in_every_file_is_listed(tmp_path: Path, stds, capsys):
    write(tmp_path / "banks" / "a.yaml", bank_text("a", [choice_item("Q-1", "甲功能", "1.1", key="X")]))
    write(tmp_path / "banks" / "b.yaml", bank_text("b", [choice_item("Q-1", "甲功能", "1.1")]))
    write(tmp_path / "banks" / "c.yaml", "schema: examdesk-bank/1\nbank: [unclosed\n")
    code = main(["bank", "validate", str(tmp_path / "banks"), "--standards", str(tmp_path / "standards")])
    out = capsys.readouterr().out
    assert code == 1
    assert "a.yaml" in out and "key: X is not among the options" in out
    assert "b.yaml" in out and "duplicate id 'Q-1'" in out
    assert re.search(r"c.yaml:\d+: YAML syntax", out)


def test_valid_banks_exit_zero(tmp_path: Path, capsys):
    standards = tmp_path / "standards"
    from tests.conftest import MINI_STANDARD

    write(standards / "T-01.yaml", MINI_STANDARD)
    path = write(tmp_path / "b.yaml", bank_text("b", good_items()))
    assert main(["bank", "validate", str(path), "--standards", str(standards)]) == 0
    assert "all valid" in capsys.readouterr().out


def test_unknown_standard_and_subtype_are_named(tmp_path: Path, stds):
    path = write(tmp_path / "x.yaml", bank_text("x", good_items(), standard="T-99"))
    with pytest.raises(DataFileError, match=r"x.yaml:4: standard: unknown standard T-99"):
        read_banks([path], stds)
    text = bank_text("y", good_items()).replace("version: 1", "subtype: 不存在\nversion: 1")
    path = write(tmp_path / "y.yaml", text)
    with pytest.raises(DataFileError, match=r"subtype: unknown subtype '不存在'"):
        read_banks([path], stds)


def test_missing_media_file_is_named(tmp_path: Path, stds):
    item = choice_item("Q-1", "甲功能", "1.1") + "    media: [images/chart.png]\n"
    assert "media[0]: file not found: images/chart.png" in problems_for(tmp_path, stds, [item])
    write(tmp_path / "images" / "chart.png", "png")
    path = write(tmp_path / "ok.yaml", bank_text("ok", [item]))
    assert read_banks([path], stds).items[0].media == ("images/chart.png",)


def test_enemies_are_read_as_listed(tmp_path: Path, stds):
    items = [choice_item("Q-1", "甲功能", "1.1") + "    enemies: [Q-2, Q-3]\n", *good_items()[1:]]
    path = write(tmp_path / "b.yaml", bank_text("b", items))
    banks = read_banks([path], stds)
    assert [it.enemies for it in banks.items] == [("Q-2", "Q-3"), (), ()]


def test_enemy_problems_are_named_with_file_line_and_field(tmp_path: Path, stds):
    task = """\
tasks:
  - id: S-1
    area: 甲功能
    code: "1.1"
    levels: [4]
    title: 任务
    instructions: 完成任务。
    minutes: 20
    rubric: [{point: 要点, max: 100}]
"""
    items = [
        choice_item("Q-1", "甲功能", "1.1") + "    enemies: [Q-2, Q-9, Q-1]\n",
        choice_item("Q-2", "乙功能", "2.1") + "    enemies: [S-1]\n",
        choice_item("Q-3", "乙功能", "2.1") + "    enemies: Q-1\n",
    ]
    path = write(tmp_path / "bad.yaml", bank_text("bad", items) + task)
    with pytest.raises(DataFileError) as err:
        read_banks([path], stds)
    lines = path.read_text(encoding="utf-8").splitlines()
    enemies_line = next(n for n, line in enumerate(lines, 1) if "enemies: [Q-2, Q-9, Q-1]" in line)
    problems = {(p.location, p.message): p.line for p in err.value.problems}
    assert problems == {
        ("items[0] (Q-1).enemies[1]", "unknown item 'Q-9': no bank read with this one has it"): enemies_line,
        ("items[0] (Q-1).enemies[2]", "an item cannot be its own enemy"): enemies_line,
        ("items[1] (Q-2).enemies[0]", "'S-1' is a skill task; enemies are items"): enemies_line + 11,
        ("items[2] (Q-3).enemies", "must be a list, got 'Q-1'"): enemies_line + 22,
    }
    assert all(p.source == str(path) for p in err.value.problems)


def test_an_enemy_may_be_in_another_bank_read_together(tmp_path: Path, stds):
    """Files on disk and banks imported into the store are one set: an enemy may be in either."""
    first = write(tmp_path / "a.yaml", bank_text("a", [choice_item("A-1", "甲功能", "1.1") + "    enemies: [B-1]\n"]))
    imported = ("b.yaml", bank_text("b", [choice_item("B-1", "甲功能", "1.1") + "    enemies: [A-1]\n"]))
    banks = read_banks([first], stds, sources=[imported])
    assert {it.id: it.enemies for it in banks.items} == {"A-1": ("B-1",), "B-1": ("A-1",)}
    with pytest.raises(DataFileError, match=r"a.yaml:\d+: items\[0\] \(A-1\).enemies\[0\]: unknown item 'B-1'"):
        read_banks([first], stds)  # read alone, the enemy is unknown


def test_an_item_in_the_owners_own_area_must_cite_a_code_the_weight_file_gives(tmp_path):
    """Read without weights, an area 570002 does not define may be the exam owner's; once the weight
    file that defines it is applied (a paper, or bank validate with the file), codes are checked."""
    from app.banks.catalog import Catalog
    from app.domain.standards import Part
    from tests.conftest import REPO

    weights = REPO / "question_banks" / "weights" / "570002-example.yaml"
    item = tf_item("OWN-1", "职业素养", "0.9", levels="[初级]")
    bank = write(tmp_path / "own.yaml", bank_text("own", [item], standard='"570002"'))
    catalog = Catalog.load(bank_paths=[bank])
    assert [it.id for it in catalog.banks.items] == ["OWN-1"]  # no weight file: not refused
    expected = r"own.yaml:\d+: items\[0\] \(OWN-1\).code: no content '0.9' under 职业素养"
    with pytest.raises(DataFileError, match=expected):
        catalog.build_paper("570002", "初级", Part.THEORY, 1, weights_file=weights)
    assert main(["bank", "validate", str(bank), str(weights)]) == 1
