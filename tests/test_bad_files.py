"""Each bad file that once ended in a traceback now gets a clear problem naming file, line and field (issue 13)."""

from __future__ import annotations

import io

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
        (("tolerance: 0.1", "tolerance: .nan"), "difficulty.tolerance: must be between 0 and 4"),
    ],
)
def test_blueprint_numbers_no_paper_can_use(tmp_path, change, expected):
    text = (REPO / "question_banks" / "blueprints" / "theory-default.yaml").read_text(encoding="utf-8")
    path = tmp_path / "bp.yaml"
    path.write_text(text.replace(*change, 1), encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        read_blueprint(path)
    assert [f"{p.location}: {p.message}" for p in err.value.problems] == [expected]


# -- rosters --------------------------------------------------------------------------------------


def _xlsx(tmp_path) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["准考证号", "姓名", "身份证号"])
    wb.active.append(["T1", "张三", "11010519491231002X"])
    path = tmp_path / "good.xlsx"
    wb.save(path)
    return path.read_bytes()


def _central_patch(data: bytes, member: str, offset: int, packed: bytes) -> bytes:
    import struct
    import zipfile

    out = bytearray(data)
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo(member)
    local = {6: 4, 8: 6, 10: 8, 16: 14}[offset]  # the same field in the local header
    out[info.header_offset + local : info.header_offset + local + len(packed)] = packed
    entry = data.find(b"PK\x01\x02")
    while entry >= 0:
        n = struct.unpack("<H", data[entry + 28 : entry + 30])[0]
        if data[entry + 46 : entry + 46 + n] == member.encode():
            out[entry + offset : entry + offset + len(packed)] = packed
        entry = data.find(b"PK\x01\x02", entry + 4)
    return bytes(out)


SHEET = "xl/worksheets/sheet1.xml"


@pytest.mark.parametrize(
    ("damage", "expected"),
    [
        ("not a zip", "not a readable zip file (File is not a zip file)"),
        ("bad CRC", f"{SHEET} is corrupt (Bad CRC-32 for file '{SHEET}')"),
        ("zlib error", f"{SHEET} is corrupt (Error -3 while decompressing data: invalid stored block lengths)"),
        ("zip version", "not a readable zip file (zip file version 9.9)"),
        ("method", f"{SHEET} uses compression method 99; ExamDesk reads stored or deflated members"),
        ("encrypted", f"{SHEET} is encrypted; ExamDesk reads no encrypted zip members"),
    ],
)
def test_a_broken_excel_roster_is_named(tmp_path, damage, expected):
    import struct
    import zipfile

    from app.banks.roster_file import read_roster

    data = _xlsx(tmp_path)
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo(SHEET)
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    if damage == "not a zip":
        data = b"PK this is not a workbook"
    elif damage == "bad CRC":
        data = _central_patch(data, SHEET, 16, struct.pack("<I", info.CRC ^ 1))
    elif damage == "zlib error":
        data = data[:start] + b"\x00\x01\x00\x00\x00" + data[start + 5 :]  # a stored block whose lengths disagree
    elif damage == "zip version":
        data = _central_patch(data, SHEET, 6, struct.pack("<H", 99))
    elif damage == "method":
        data = _central_patch(data, SHEET, 10, struct.pack("<H", 99))
    else:
        data = _central_patch(data, SHEET, 8, struct.pack("<H", 1))
    path = tmp_path / "roster.xlsx"
    path.write_bytes(data)
    with pytest.raises(DataFileError) as err:
        read_roster(path)
    assert [str(p) for p in err.value.problems] == [f"{path}: {expected}"]


def test_a_nul_byte_and_an_over_long_photo_name_are_named_by_row(tmp_path):
    from app.banks.roster_file import read_roster

    path = tmp_path / "roster.csv"
    long_name = "照" * 300 + ".png"
    path.write_text("准考证号,姓名,身份证号,照片\n"
                    "T1,张\x00三,11010519491231002X,\n"
                    f"T2,李四,440524198001010013,{long_name}\n"
                    "T3,王五,370102199001011239,a\x00.png\n", encoding="utf-8")  # fmt: skip
    with pytest.raises(DataFileError) as err:
        read_roster(path)
    assert [str(p) for p in err.value.problems] == [
        f"{path}:2: row 2: 姓名 holds the control character U+0000",
        f"{path}:3: row 3: 照片 {'照' * 40}…: the name is longer than 255 characters",
        f"{path}:4: row 4: 照片 holds the control character U+0000",
    ]


def test_a_line_separator_in_a_name_does_not_start_a_row_and_blank_rows_keep_numbers(tmp_path):
    from app.banks.roster_file import read_roster

    path = tmp_path / "roster.csv"
    path.write_text("准考证号,姓名,身份证号\n\nT1,张\u2028三,11010519491231002X\n", encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        read_roster(path)
    assert [str(p) for p in err.value.problems] == [f"{path}:3: row 3: 姓名 holds the control character U+2028"]


def test_every_zip_and_roster_message_reads_in_chinese(chinese_messages):
    from app.ui.widgets.messages import translate_message

    english = [
        "not a readable zip file (File is not a zip file)",
        "xl/a.xml is corrupt (Bad CRC-32 for file 'xl/a.xml')",
        "xl/a.xml uses compression method 99; ExamDesk reads stored or deflated members",
        "xl/a.xml is encrypted; ExamDesk reads no encrypted zip members",
        "xl/a.xml needs zip version 9.9 to extract; ExamDesk reads up to 6.3",
        "manifest.json inflates to more than 16 MiB, the most ExamDesk reads",
        "姓名 holds the control character U+0000",
        "照片 a.png: the name is longer than 255 characters",
        "照片 a.png: cannot read: Permission denied",
        "not a workbook Excel can read (KeyError: 'x')",
        "not a CSV table Excel can read (field larger than field limit (131072))",
        "'2026-13-45' is not a real date; write text that only looks like a date in quotes",
        "manifest.json: JSON nested too deeply",
        "bad signature: manifest.json was changed or not signed by this key",
        "size mismatch: audit.json is 10002 bytes, manifest says 2",
    ]
    assert [text for text in english if translate_message(text) == text] == []


@pytest.fixture
def chinese_messages(qapp):
    from PySide6.QtCore import QTranslator

    from app import i18n

    translator = QTranslator()
    assert translator.load(str(i18n.qm_file("zh_CN")))
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)
