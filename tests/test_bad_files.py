"""Each bad file that once ended in a traceback now gets a clear problem naming file, line and field (issue 13)."""

from __future__ import annotations

import pytest

from app.banks.bank_file import read_banks
from app.banks.blueprint_file import read_blueprint
from app.banks.standard_file import read_standard_text
from app.errors import DataFileError
from tests.conftest import MINI_STANDARD, REPO, bank_text, choice_item, tf_item


@pytest.fixture(scope="module")
def stds():
    return {"T-01": read_standard_text(MINI_STANDARD, "T-01.yaml")}


def problems_of(stds, text: str, name: str = "bad.yaml") -> list[str]:
    with pytest.raises(DataFileError) as err:
        read_banks([], stds, sources=[(name, text)])
    return [str(p) for p in err.value.problems]


def test_a_date_that_is_not_real_is_named_with_its_field(stds):
    text = bank_text("b", [tf_item("Q-1", "甲功能", "1.1")]).replace("version: 1", "version: 2026-13-45")
    assert problems_of(stds, text) == [
        "bad.yaml:5: version: '2026-13-45' is not a real date; write text that only looks like a date in quotes"
    ]


def test_a_real_date_is_a_version(stds):
    text = bank_text("b", [tf_item("Q-1", "甲功能", "1.1")]).replace("version: 1", "version: 2026-01-15")
    assert read_banks([], stds, sources=[("ok.yaml", text)]).banks[0].version == "2026-01-15"


def test_a_duplicate_id_hides_none_of_the_items_other_problems(stds):
    items = [choice_item("Q-1", "甲功能", "1.1"), choice_item("Q-1", "戊功能", "1.1", difficulty=9, key="E")]
    assert problems_of(stds, bank_text("b", items)) == [
        "bad.yaml:17: items[1] (Q-1).id: duplicate id 'Q-1' (first in bad.yaml)",
        "bad.yaml:19: items[1] (Q-1).area: level 4 has no area '戊功能'",
        "bad.yaml:22: items[1] (Q-1).difficulty: must be 1..5, got 9",
        "bad.yaml:26: items[1] (Q-1).key: E is not among the options A/B/C/D",
    ]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("!!int '0xZZ'", "items[0].points: '0xZZ' cannot be read as !!int"),
        ("!!binary zz", "items[0].points: !!binary values are not used in ExamDesk files"),
        ("[" * 400 + "]" * 400, "items[0].points[0][0][0][0][0][0][0][0][0]...: nested more than 100 levels deep"),
        (".inf", "items[0] (Q-1).points: must be a number, got inf"),
        (".nan", "items[0] (Q-1).points: must be a number, got nan"),
        ("1e999999999", "items[0] (Q-1).points: must be at most 100, got '1e999999999'"),
    ],
)
def test_values_yaml_reads_but_no_reader_can_use(stds, value, expected):
    text = bank_text("b", [tf_item("Q-1", "甲功能", "1.1")]).replace("points: 1", f"points: {value}")
    assert [p.split(": ", 1)[1] for p in problems_of(stds, text)] == [expected]


def test_a_control_character_is_named_with_its_line(stds):
    text = bank_text("b", [tf_item("Q-1", "甲功能", "1.1")]).replace("判断 Q-1", "判断\x07")
    assert problems_of(stds, text) == [
        "bad.yaml:14: character U+0007 is not allowed in YAML text (a control or special character)"
    ]


def test_a_line_break_in_a_value_shows_in_the_message(stds):
    text = bank_text("b", [tf_item("Q-1", "甲功能", "1.1")]).replace("area: 甲功能", 'area: "甲\\n功能"')
    assert problems_of(stds, text) == ["bad.yaml:9: items[0] (Q-1).area: level 4 has no area '甲\\n功能'"]


def test_a_standard_whose_area_name_holds_brackets_is_named(tmp_path):
    text = MINI_STANDARD.replace("甲功能: 30, 乙功能: 30}", "甲功能: 30, 乙功能: 30, 'x[y': 5}")
    with pytest.raises(DataFileError) as err:
        read_standard_text(text, "T-01.yaml")
    assert [p.message for p in err.value.problems] == [
        "weights sum to 105, must be 100",
        "unknown area 'x[y'; this level has: 职业道德、基础知识、甲功能、乙功能",
    ]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("points: 2", "points: 1e300"), "sections[1].points: must be at most 100, got '1e300'"),
        (("points: 2", "points: .nan"), "sections[1].points: must be a number, got nan"),
        (("tolerance: 0.3", "tolerance: .nan"), "difficulty.tolerance: must be between 0 and 4"),
    ],
)
def test_blueprint_numbers_no_paper_can_use(tmp_path, change, expected):
    text = (REPO / "question_banks" / "blueprints" / "theory-default.yaml").read_text(encoding="utf-8")
    path = tmp_path / "bp.yaml"
    path.write_text(text.replace(*change, 1), encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        read_blueprint(path)
    assert [f"{p.location}: {p.message}" for p in err.value.problems] == [expected]
