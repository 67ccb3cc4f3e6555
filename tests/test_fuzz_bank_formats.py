"""Mutated QTI packages and items, Moodle XML and GIFT files: read or refused with clear problems naming
the file, never a traceback; a refused file converts to nothing, an accepted one to every question."""

from __future__ import annotations

from hypothesis import given

from app.banks.bank_file import read_banks
from app.banks.catalog import Catalog
from app.banks.interchange import convert, package_from_bytes, read_mapping, read_package, relocate
from app.errors import DataFileError
from tests import bank_formats as samples
from tests.fuzzing import fuzz, mutated_bytes, mutated_text, read_or_refuse

CATALOG = Catalog.load()
MAPPING = read_mapping(
    "map.yaml",
    "schema: examdesk-mapping/1\ndefaults: {area: 学情分析, code: '1.1', levels: [5], difficulty: 3, points: 2}\n",
)
TOKENS = ["<", ">", "&", "&amp;", "]]>", "{", "}", "=", "~", "#", "%-100%", "%50%", "::", "\\", "->", "</p>",
          "<!ENTITY x 'y'>", 'identifier="A"', "fraction=\"-50\"", "\u3000", "\x00", "题"]  # fmt: skip


def import_or_refuse(name: str, data: bytes) -> list | None:
    def run() -> list:
        found = read_package(package_from_bytes(name, data), CATALOG.standards)
        converted, _notes = convert(found, standard="4-13-99-02", mapping=MAPPING, skip_unsupported=True)
        try:
            items = read_banks([], CATALOG.standards, sources=[(c.name, c.text) for c in converted]).items
        except DataFileError as exc:
            raise DataFileError(relocate(exc.problems, converted)) from None
        # all or nothing: every question read is in the banks made from them
        assert len(items) == len(found.items)
        return items

    return read_or_refuse(run, lambda source: source.startswith(name))


# the store keeps no media yet (an item naming media is refused): the seeds without their images
MOODLE = samples.MOODLE.replace('<img src="@@PLUGINFILE@@/sign.png" alt="" width="20">', "")
CHOICE = samples.QTI21_CHOICE.replace('<p><img src="images/sign.png" alt="NEVER LEAVE LUGGAGE UNATTENDED"/></p>', "")


def test_the_seeds_import():
    for name, data in (("pkg.zip", samples.qti30_package()), ("m.xml", MOODLE.encode()),
                       ("q.gift", samples.GIFT.encode()), ("c.xml", CHOICE.encode())):  # fmt: skip
        assert import_or_refuse(name, data), name


@fuzz(60)
@given(mutated_bytes(samples.qti30_package()))
def test_a_damaged_qti_package_is_refused_clearly(data):
    import_or_refuse("pkg.zip", data)


@fuzz(100)
@given(mutated_text(CHOICE, TOKENS))
def test_a_mutated_qti_item_is_read_or_refused_clearly(text):
    import_or_refuse("item.xml", text.encode("utf-8", "surrogatepass"))


@fuzz(100)
@given(mutated_text(MOODLE, TOKENS))
def test_a_mutated_moodle_file_is_read_or_refused_clearly(text):
    import_or_refuse("quiz.xml", text.encode("utf-8", "surrogatepass"))


@fuzz(150)
@given(mutated_text(samples.GIFT, TOKENS))
def test_a_mutated_gift_file_is_read_or_refused_clearly(text):
    import_or_refuse("q.gift", text.encode("utf-8", "surrogatepass"))
