"""QTI 2.1 and 3.0, Moodle XML and GIFT banks: read, scored as their source scores them or listed as
unsupported with their place, written back, and read again to the same items (docs/bank-format.md).

The sample files (tests/bank_formats.py) are hand-made after the specifications, each naming its
section; no tool's own fixture could be fetched here."""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import replace
from decimal import Decimal

import pytest

from app.banks.bank_file import read_banks
from app.banks.catalog import Catalog
from app.banks.gift_format import read_gift, write_gift
from app.banks.interchange import convert, export_items, inspect_json, package_from_bytes, read_package
from app.banks.markup import XmlError, html_text, parse_xml
from app.banks.moodle_format import write_moodle
from app.banks.neutral import BankInfoRow, true_false
from app.banks.qti_format import write_qti
from app.cli import main
from app.errors import DataFileError
from tests import bank_formats as samples


@pytest.fixture(scope="module")
def catalog():
    return Catalog.load()


def read(name: str, data: bytes | str):
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return read_package(package_from_bytes(name, raw), {})


def shapes(result) -> list[tuple]:
    return [(it.source_id, it.type, it.stem, it.options, it.key, it.points) for it in result.items]


def reasons(result) -> dict[str, str]:
    return {f"{p.source}: {p.location}": p.message for p in result.unsupported}


# -- QTI ----------------------------------------------------------------------------------------------------


def test_a_qti21_choice_item_reads_with_its_key_points_and_media():
    result = read("choice.xml", samples.QTI21_CHOICE)
    assert result.problems == [] and result.unsupported == []
    (item,) = result.items
    assert item.type == "single" and item.source_id == "choice"
    assert item.stem == "Look at the text in the picture.\nWhat does it say?"
    assert item.key == ("You must stay with your luggage at all times.",) and item.points == 1  # match_correct: 1
    assert item.shuffle is False and item.media == ("images/sign.png",)
    assert [w.message for w in result.warnings] == ["media file not found: images/sign.png"]


def test_a_mapping_is_scored_as_the_source_scores_it_or_refused():
    # a right choice worth 2, a wrong one worth -1 clamped at 0: all or nothing, 2 points
    single = read("single.xml", samples.QTI21_SINGLE_MAPPED)
    assert shapes(single) == [
        (
            "penalty",
            "single",
            "消防安全标志中，表示“禁止”的颜色是（　）。",
            ("红色", "黄色", "绿色"),
            ("红色",),
            Decimal(2),
        )
    ]
    # the spec's water item gives 1 point for H, O and Cl together: neither all or nothing nor a share
    mapped = read("water.xml", samples.QTI21_MAPPED)
    assert mapped.items == [] and mapped.problems == []
    (reason,) = reasons(mapped).items()
    assert reason[0] == "water.xml: water.xml [choiceMultiple]" and "partial credit" in reason[1]


def test_a_share_per_right_option_reads_with_a_warning():
    proportional = samples.QTI21_MAPPED.replace('defaultValue="-2"', 'defaultValue="-2"').replace(
        'mappedValue="-1"', 'mappedValue="-2"'
    )
    result = read("water.xml", proportional)
    assert shapes(result) == [
        (
            "choiceMultiple",
            "multiple",
            "Which of the following elements are used to form water?",
            ("Hydrogen", "Helium", "Carbon", "Oxygen", "Nitrogen", "Chlorine"),
            ("Hydrogen", "Oxygen"),
            Decimal(2),
        )
    ]
    assert ["proportional credit" in w.message for w in result.warnings] == [True]


def test_a_qti30_package_reads_by_its_manifest_with_tests_sections_and_encodings():
    result = read("pkg.zip", samples.qti30_package())
    assert result.problems == []
    # the same item identifier in two files: kept apart by the manifest's resource identifiers
    assert shapes(result) == [
        ("RES-BLANKS", "fill_in", "中国的首都是____，最长的河流是 ____。", (), (("北京", "北京市"), ("Yangtze",)), 2),
        ("RES-ESSAY", "essay", "结合案例，论述职业指导中个体差异原则的应用。", (), (), 20),
    ]
    assert [it.category for it in result.items] == ["期末 / 第一部分 / 填空", "期末 / 第一部分 / 论述"]
    assert reasons(result) == {
        "pkg.zip: items/hotspot.xml [hotspot]": "hotspotInteraction is not supported; "
        "ExamDesk has choiceInteraction, textEntryInteraction and extendedTextInteraction"
    }
    # declared case sensitivity ExamDesk cannot keep is said
    assert [w.message for w in result.warnings] == [
        "the source compares 'Yangtze' with its letter case; ExamDesk accepts it in any case"
    ]


def test_template_variables_and_tolerances_are_unsupported_with_their_item():
    assert list(reasons(read("t.xml", samples.QTI21_TEMPLATE)).items()) == [
        (
            "t.xml: t.xml [template]",
            "template variables (templateDeclaration): ExamDesk cannot make the item's values up",
        )
    ]
    assert list(reasons(read("pi.xml", samples.QTI21_TOLERANCE))) == ["pi.xml: pi.xml [pi]"]


def test_a_manifest_naming_a_missing_file_is_an_error_naming_it():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("imsmanifest.xml", samples.QTI30_MANIFEST)
        z.writestr("items/a/item.xml", samples.QTI30_BLANKS.encode("gbk"))
    result = read("pkg.zip", buffer.getvalue())
    assert {(p.location, p.message) for p in result.problems} == {
        ("imsmanifest.xml [RES-ESSAY]", "the manifest names items/b/item.xml, which is not in the package"),
        ("imsmanifest.xml [RES-HOTSPOT]", "the manifest names items/hotspot.xml, which is not in the package"),
    }


def test_xml_with_entity_declarations_or_broken_is_refused_by_name():
    bomb = b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x "xx"><!ENTITY y "&x;&x;">]><a>&y;</a>'
    with pytest.raises(XmlError, match="entities"):
        parse_xml(bomb)
    external = b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>'
    result = read("bomb.xml", external)
    assert [(p.source, p.message) for p in result.problems] == [
        ("bomb.xml", "not XML ExamDesk reads: it declares entities (<!ENTITY ...>), which are refused")
    ]
    broken = read("broken.xml", samples.QTI21_CHOICE[:300])
    assert broken.problems[0].source == "broken.xml" and "not well-formed XML" in broken.problems[0].message


# -- Moodle XML --------------------------------------------------------------------------------------------


def test_moodle_xml_reads_its_types_categories_files_and_entities():
    result = read("moodle.xml", samples.MOODLE)
    assert result.problems == []
    assert shapes(result) == [
        (
            "FIRE-1",
            "single",
            "消防安全标志中，表示“禁止”的颜色是（　）。",
            ("红色", "黄色", "绿色", '<a href="#">'),
            ("红色",),
            1,
        ),
        ("三原色", "multiple", "光的三原色是？", ("红", "绿", "蓝", "黄"), ("红", "绿", "蓝"), 3),
        ("TF", "true_false", "The earth is round.", (), ("true",), 1),
        ("Capital", "fill_in", "The capital of France is ____.", (), (("Paris", "París"),), 2),
        ("Sum", "fill_in", "2 + 2 = ?\n____", (), (("4",),), None),
        ("Essay", "essay", "论述安全生产的意义。", (), (), 10),
    ]
    first = result.items[0]
    # the script is gone, the escaped tag stays text, the embedded image is the item's media
    assert first.media == ("sign.png",) and first.explanation == "红色表示禁止。" and first.tags == ("重点",)
    assert {it.category for it in result.items} == {"Default for 安全/第一章"}
    assert result.items[-1].model_answer == "意义要点"
    assert sorted(reasons(result)) == [
        "moodle.xml: question 3 (Partial)",
        "moodle.xml: question 7 (Pi)",
        "moodle.xml: question 9 (Match)",
    ]


def test_html_is_cleaned_to_text_and_nothing_is_loaded():
    text, images = html_text(
        '<p>一<br>二</p><script>x()</script><style>p{}</style><img src="http://e/x.png">'
        "&lt;b&gt;三&lt;/b&gt;<iframe src='x'>内</iframe>"
    )
    assert text == "一\n二\n<b>三</b>" and images == ["http://e/x.png"]
    # QTI shows an image with <object data=...>: the object is the item's media, its fallback text is not shown
    item = samples.QTI21_CHOICE.replace(
        '<img src="images/sign.png" alt="NEVER LEAVE LUGGAGE UNATTENDED"/>',
        '<object type="image/png" data="./images/sign.png">a sign</object>',
    )
    (read_back,) = read("choice.xml", item).items
    assert read_back.media == ("images/sign.png",) and "a sign" not in read_back.stem


# -- GIFT -----------------------------------------------------------------------------------------------------


def test_gift_reads_escapes_weights_categories_and_true_false():
    result = read("q.gift", samples.GIFT)
    assert result.problems == []
    assert shapes(result) == [
        ("G1", "single", "消防安全标志中，表示禁止的颜色是（　）。", ("红色", "黄色", "绿色"), ("红色",), None),
        ("Escapes", "single", "Which reads 1=1 {ok} ~ #1 a:b \\ ?", ("a = b", "c {d}", "e#f", "g:h"), ("a = b",), None),
        ("Weights", "multiple", "Which are primary colours?", ("红", "绿", "蓝", "黄"), ("红", "绿", "蓝"), None),
        ("TF1", "true_false", "地球是圆的。", (), ("T",), None),
        ("TF2", "true_false", "The sun is cold.", (), ("FALSE",), None),
        (
            "Short",
            "fill_in",
            "Who is buried in Grant's tomb?\n____",
            (),
            (("Grant", "Ulysses S. Grant", "Ulysses Grant"),),
            None,
        ),
        ("Missing", "fill_in", "中国的首都是 ____ ，位于华北。", (), (("北京", "北京市"),), None),
        ("Num", "fill_in", "2 + 2 =\n____", (), (("4",),), None),
        ("Essay", "essay", "Write **about** safety.", (), (), None),
    ]
    assert {it.category for it in result.items} == {"安全"} and result.items[2].explanation == "三原色是红、绿、蓝。"
    assert sorted(reasons(result)) == ["q.gift: line 30 (Tol)", "q.gift: line 34 (Match)", "q.gift: line 40 (Partial)"]
    assert "matching" in reasons(result)["q.gift: line 34 (Match)"]


def test_a_gift_file_that_is_no_utf8_or_has_an_open_brace_is_an_error_with_its_line():
    assert next(p.message for p in read_gift("x.gift", b"::A:: x {=\xff}").problems).startswith("not UTF-8")
    result = read_gift("x.gift", b"::A:: one {=a ~b}\n\n// note\n::B:: two {=b ~c")
    assert [(p.line, p.location, p.message) for p in result.problems] == [
        (4, "line 4 (B)", "the answers' opening brace has no closing one")
    ]
    assert [it.source_id for it in result.items] == ["A"]


def test_gift_as_moodle_writes_it_answer_formats_wrong_numbers_and_repeated_names():
    # hand-made after the shapes of Moodle's own GIFT test fixture (question/format/gift/tests/fixtures)
    text = (
        "::Q2:: What's between orange and green?\n{\n    =yellow # right\n    ~red # [html]wrong\n"
        "    ~[plain]blue # wrong\n}\n\n"
        "::Q5:: A number from 1 to 5? {#3:2~#Completely wrong}\n\n"
        "::Q6:: Two and two? {#4~#Completely wrong}\n\n"
        "::TSL::TSL is blablabla.{T}\n\n::TSL::TSL is blablabla.{TRUE}\n\n"
        "::Q1:: 42 is the answer.{FALSE#No.#Yes.\n####A reference.} (see the book)\n"
    )
    result = read_gift("q.gift", text.encode())
    assert result.problems == []
    assert [(it.source_id, it.has_id, it.type, it.stem, it.options, it.key) for it in result.items] == [
        ("Q2", True, "single", "What's between orange and green?", ("yellow", "red", "blue"), ("yellow",)),
        ("Q6", True, "fill_in", "Two and two?\n____", (), (("4",),)),
        ("TSL", False, "true_false", "TSL is blablabla.", (), ("T",)),  # a name twice is no id
        ("TSL", False, "true_false", "TSL is blablabla.", (), ("TRUE",)),
        ("Q1", True, "true_false", "42 is the answer. (see the book)", (), ("FALSE",)),
    ]
    assert result.items[-1].explanation == "A reference."
    assert [(p.location, p.message) for p in result.unsupported] == [
        ("line 8 (Q5)", "a numeric answer with a tolerance (±2): ExamDesk compares answers as written")
    ]


def test_a_moodle_cloze_reads_its_short_answer_blanks_and_refuses_others():
    quiz = (
        '<quiz><question type="cloze"><name><text>c1</text></name><questiontext format="html"><text><![CDATA['
        "<p>The capital of France is {1:SHORTANSWER:=Paris~=paris} and of Italy {1:SA:%100%Rome#ok}.</p>"
        ']]></text></questiontext></question><question type="cloze"><name><text>c2</text></name>'
        '<questiontext format="html"><text>Pick {1:MULTICHOICE:=a~b}</text></questiontext></question></quiz>'
    )
    result = read("cloze.xml", quiz)
    assert shapes(result) == [
        ("c1", "fill_in", "The capital of France is ____ and of Italy ____.", (), (("Paris", "paris"), ("Rome",)), None)
    ]
    assert [p.message for p in result.unsupported] == [
        "a cloze blank of kind MULTICHOICE; ExamDesk reads SHORTANSWER blanks only"
    ]


# -- round trips --------------------------------------------------------------------------------------------


def trimmed(item):
    key = item.key.strip() if isinstance(item.key, str) else item.key
    return replace(item, stem=item.stem.strip(), explanation=item.explanation.strip(), key=key)


@pytest.mark.parametrize("fmt", ["qti21", "qti30", "moodle", "gift"])
def test_every_sample_bank_exported_imports_to_the_same_items(catalog, fmt):
    suffix = {"qti21": "zip", "qti30": "zip", "moodle": "xml", "gift": "gift"}[fmt]

    def fits(it):  # GIFT has one blank per question
        return not (fmt == "gift" and it.type.value == "fill" and len(it.key) > 1)

    members = []
    for info in catalog.banks.banks:
        items = [it for it in catalog.banks.items if it.bank == info.bank and fits(it)]
        if items:
            row = BankInfoRow(info.bank, info.title, info.standard, info.subtypes[0] or "", info.version)
            members += package_from_bytes(f"{info.bank}.{suffix}", export_items(items, fmt, row))
    found = read_package(members, catalog.standards)
    assert found.problems == [] and found.unsupported == []
    converted, _notes = convert(found)
    got = read_banks([], catalog.standards, sources=[(c.name, c.text) for c in converted]).items
    assert got == [trimmed(it) for it in catalog.banks.items if fits(it)]


def test_gift_refuses_to_write_several_blanks_in_one_question(catalog):
    items = [it for it in catalog.banks.items if it.type.value == "fill" and len(it.key) > 1][:1]
    with pytest.raises(DataFileError, match="cannot be written in GIFT"):
        export_items(items, "gift", BankInfoRow("b"))


NEUTRAL = ("source_id", "type", "stem", "options", "key", "points", "explanation", "category")


def fields(result):
    """The items' fields; a true/false key by its value (T, TRUE and true are one answer, each tool writes its own)."""
    return [
        tuple(true_false(it.key[0]) if f == "key" and it.type == "true_false" else getattr(it, f) for f in NEUTRAL)
        for it in result.items
    ]


@pytest.mark.parametrize(
    ("name", "data", "write", "again"),
    [
        ("pkg.zip", samples.qti30_package(), lambda items: write_qti(items, version="3.0"), "again.zip"),
        ("pkg.zip", samples.qti30_package(), lambda items: write_qti(items, version="2.1"), "again.zip"),
        ("moodle.xml", samples.MOODLE.encode(), write_moodle, "again.xml"),
        ("q.gift", samples.GIFT.encode(), write_gift, "again.gift"),
    ],
    ids=["qti30", "qti21", "moodle", "gift"],
)
def test_read_write_read_gives_the_same_items(name, data, write, again):
    first = read(name, data)
    second = read(again, write(first.items))
    assert second.problems == [] and second.unsupported == []
    want = fields(first)
    if again.endswith(".zip"):  # a package's items are named by their resource; the category is the test's
        want = [(*w[:7], "") for w in want]
    assert fields(second) == want


# -- the commands -------------------------------------------------------------------------------------------


def test_inspect_a_qti_package_and_export_one(tmp_path, capsys):
    package = tmp_path / "pkg.zip"
    package.write_bytes(samples.qti30_package())
    assert main(["bank", "inspect", str(package), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [it["source_id"] for it in data["items"]] == ["RES-BLANKS", "RES-ESSAY"]
    assert data["unsupported"][0]["location"] == "pkg.zip: items/hotspot.xml [hotspot]"
    out = tmp_path / "out.zip"
    assert (
        main(
            [
                "bank",
                "export",
                "--format",
                "qti30",
                "--standard",
                "4-13-99-02",
                "--bank",
                "ols-l5-theory-a",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    with zipfile.ZipFile(out) as z:
        names = z.namelist()
        assert "imsmanifest.xml" in names and all(n.startswith("items/") for n in names if n != "imsmanifest.xml")
        assert b"qti-choice-interaction" in z.read(names[0])
    assert inspect_json(read("out.zip", out.read_bytes()))["errors"] == []
