"""Mutated data files for the property-based tests (hypothesis), and what a reader must do with them.

Two kinds of mutation, applied to a valid seed file:
- structural: the YAML (or JSON) tree is loaded, some nodes are replaced by odd values, deleted,
  duplicated or copied elsewhere, and the tree is written back: the validators see every shape;
- textual: lines are deleted, duplicated, swapped, re-indented or cut, and values and characters
  are replaced by tokens the YAML parser treats specially (dates that are not real, tags, anchors,
  deep nesting, control characters): the parser and the loader see every shape.

The oracle (`assert_clear`): a reader either returns or raises DataFileError whose problems each
name the file and have a message that a template in app/ui/widgets/messages.py matches.

Examples per test: a few hundred by default, in a fixed order (CI); `EXAMDESK_FUZZ_EXAMPLES=1000`
runs that many per test, drawn at random (a manual run).
"""

from __future__ import annotations

import copy
import datetime
import io
import os
import struct
import zipfile
from collections.abc import Callable, Iterable
from typing import Any

import yaml
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from app.errors import DataFileError

FUZZ_EXAMPLES = int(os.environ.get("EXAMDESK_FUZZ_EXAMPLES", "0") or 0)
settings.register_profile(
    "examdesk-ci",
    deadline=None,  # no test depends on timing
    derandomize=True,  # the same examples on every run: CI never turns red by chance
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "examdesk-fuzz",
    deadline=None,
    max_examples=FUZZ_EXAMPLES or 1000,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def fuzz(examples: int = 200) -> settings:
    """Settings for one property: `examples` by default, EXAMDESK_FUZZ_EXAMPLES when set."""
    if FUZZ_EXAMPLES:
        return settings(settings.get_profile("examdesk-fuzz"), max_examples=FUZZ_EXAMPLES)
    return settings(settings.get_profile("examdesk-ci"), max_examples=examples)


# Values the YAML parser treats specially, or readers might not expect, written as YAML text.
TOKENS = [
    "", "~", "null", "true", "no", "0", "-1", "1e400", "-1e400", ".inf", "-.inf", ".nan", "0x1F", "0o17",
    "1_000", "2026-13-45", "2026-02-30", "2026-01-15", "2026-01-15T25:61:00", "12:30:00", "[]", "{}",
    "[1, [2]]", "{a: 1}", "'", '"', "&a", "*a", "*undefined", "&a [*a]", "!!binary zz", "!!set {a}",
    "!!omap [a: 1]", "!!python/object:os.system x", "!!int x", "!!float y", "!!timestamp z", "!!map [1]",
    "!!str", "<<: 5", "<<: *a", "- ", ":", "? ", "#", "|", ">", "\t", "\x00", "\ufeff", "\u2028", "\x85",
    "\x1b", "A", "B", "E", "[A, C]", "[A, A]", "[[a], [b]]", "____", "1.1", '"1.1"', "9.9",
    "999999999999999999999", "-0.0", "0.25", "3.5", "2.5e-324", "100", "单项选择题", "x" * 300,
    "[" * 150 + "]" * 150, "{a: " * 120 + "1" + "}" * 120, "- " * 60, "%YAML 1.1", "---", "...",
    "examdesk-bank/1", "examdesk-standard/1", "examdesk-weights/1", "examdesk-blueprint/1",
]  # fmt: skip

ODD_STRINGS = [
    "", " ", "\x00", "a\x00b", "\t", "\n", "2026-13-45", "A", "B", "E", "____", "1.1", "0.0", "NaN", "inf",
    "-1", "x" * 5000, "../../etc/passwd", "单项选择题", "all_or_nothing", "proportional", "theory", "skill",
    "single", "multiple", "truefalse", "fill", "short", "case", "\ufeff", "\u2028", "=HYPERLINK(1)",
]  # fmt: skip

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.sampled_from([0, 1, -1, 2, 3, 5, 6, 9, 60, 100, 101, 2**63]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0.5, 1.5, 2.25, 1e-9, 1e300]),
    st.text(max_size=30),
    st.sampled_from(ODD_STRINGS),
    st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2100, 1, 1)),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.one_of(st.text(max_size=10), st.sampled_from(ODD_STRINGS[:12])), inner, max_size=4),
    ),
    max_leaves=8,
)


def _paths(tree: Any, here: tuple = ()) -> list[tuple]:
    out = [here]
    if isinstance(tree, dict):
        for key, value in tree.items():
            out += _paths(value, (*here, key))
    elif isinstance(tree, list):
        for i, value in enumerate(tree):
            out += _paths(value, (*here, i))
    return out


def _get(tree: Any, path: tuple) -> Any:
    for step in path:
        tree = tree[step]
    return tree


@st.composite
def mutated_tree(draw: st.DrawFn, seed: Any, max_ops: int = 4) -> Any:
    """The seed tree (plain dicts and lists) with a few nodes replaced, deleted, duplicated or copied."""
    tree = copy.deepcopy(seed)
    for _ in range(draw(st.integers(1, max_ops))):
        paths = _paths(tree)
        path = draw(st.sampled_from(paths))
        op = draw(st.sampled_from(["replace", "replace", "delete", "duplicate", "copy", "add", "rename"]))
        if not path:
            if op == "replace" and draw(st.booleans()):
                tree = draw(values)
            continue
        parent, last = _get(tree, path[:-1]), path[-1]
        if op == "replace":
            parent[last] = draw(values)
        elif op == "delete":
            del parent[last]
        elif op == "duplicate" and isinstance(parent, list):
            parent.insert(last, copy.deepcopy(parent[last]))
        elif op == "copy":
            parent[last] = copy.deepcopy(_get(tree, draw(st.sampled_from(paths))))
        elif op == "add" and isinstance(parent, dict):
            parent[draw(st.sampled_from([*ODD_STRINGS[:8], "extra", "key", "rubric", "options"]))] = draw(values)
        elif op == "rename" and isinstance(parent, dict):
            parent[draw(st.text(max_size=8))] = parent.pop(last)
    return tree


def dump_yaml(tree: Any) -> str:
    return yaml.safe_dump(tree, allow_unicode=True, sort_keys=False, default_flow_style=None, width=10_000)


@st.composite
def mutated_text(draw: st.DrawFn, seed: str, tokens: list[str] = TOKENS, max_ops: int = 4) -> str:
    """The seed text with a few lines or characters changed."""
    lines = seed.split("\n")
    for _ in range(draw(st.integers(1, max_ops))):
        if not lines:
            lines = [""]
        n = draw(st.integers(0, len(lines) - 1))
        line = lines[n]
        token = draw(st.one_of(st.sampled_from(tokens), st.text(max_size=6)))
        op = draw(st.sampled_from(["value", "value", "value", "delete", "duplicate", "swap", "indent", "insert",
                                   "char", "cut"]))  # fmt: skip
        if op == "value":
            head, sep, _value = line.partition(": ")
            if not sep:
                head, sep, _value = line.partition("- ")
            lines[n] = head + (sep or ": ") + token
        elif op == "delete":
            del lines[n]
        elif op == "duplicate":
            lines.insert(draw(st.integers(0, len(lines))), line)
        elif op == "swap":
            m = draw(st.integers(0, len(lines) - 1))
            lines[n], lines[m] = lines[m], lines[n]
        elif op == "indent":
            lines[n] = (" " * draw(st.sampled_from([1, 2, 4]))) + line if draw(st.booleans()) else line.lstrip()
        elif op == "insert":
            lines.insert(n, " " * draw(st.integers(0, 6)) + token)
        elif op == "char":
            at = draw(st.integers(0, len(line)))
            lines[n] = line[:at] + token + line[at + draw(st.integers(0, 2)):]
        elif op == "cut":
            text = "\n".join(lines)
            lines = text[: draw(st.integers(0, len(text)))].split("\n")
    return "\n".join(lines)


def mutated_yaml(seed_text: str) -> st.SearchStrategy[str]:
    """A mutation of a YAML file: of its tree, of its text, or of both."""
    tree = yaml.safe_load(seed_text)
    structural = mutated_tree(tree).map(dump_yaml)
    return st.one_of(structural, mutated_text(seed_text), structural.flatmap(mutated_text))


@st.composite
def mutated_bytes(draw: st.DrawFn, seed: bytes, max_ops: int = 3) -> bytes:
    """The seed bytes with a few bytes flipped, replaced, inserted, deleted, or the end cut off."""
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, max_ops))):
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        op = draw(st.sampled_from(["flip", "set", "insert", "delete", "cut"]))
        if op == "flip" and data:
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif op == "set" and data:
            data[at] = draw(st.sampled_from([0, 1, 0x7F, 0x80, 0xFF, 0x20, 0x0A]))
        elif op == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=8))
        elif op == "delete":
            del data[at : at + draw(st.integers(1, 16))]
        elif op == "cut":
            del data[at:]
    return bytes(data)


# offsets of fields in a zip's local header and central directory entry (APPNOTE 4.3.7, 4.3.12)
FIELDS = {"version": (4, 6), "flags": (6, 8), "method": (8, 10), "crc": (14, 16), "size": (22, 24),
          "name_length": (26, 28)}  # fmt: skip


@st.composite
def patched_zip(draw: st.DrawFn, data: bytes) -> bytes:
    """A zip with one header field of one member changed in its local header, its central entry, or both."""
    out = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        info = draw(st.sampled_from(zf.infolist()))
    field = draw(st.sampled_from(sorted(FIELDS)))
    local, central = FIELDS[field]
    width = 4 if field in ("crc", "size") else 2
    value = draw(st.one_of(st.sampled_from([0, 1, 8, 9, 12, 14, 20, 45, 63, 99, 0xFFFF]),
                           st.integers(0, 2 ** (8 * width) - 1)))  # fmt: skip
    packed = struct.pack("<I" if width == 4 else "<H", value)
    where = draw(st.sampled_from(["local", "central", "both"]))
    if where in ("local", "both"):
        out[info.header_offset + local : info.header_offset + local + width] = packed
    if where in ("central", "both"):
        entry = data.find(b"PK\x01\x02")
        while entry >= 0:  # find this member's central directory entry
            n = struct.unpack("<H", data[entry + 28 : entry + 30])[0]
            if data[entry + 46 : entry + 46 + n] == info.filename.encode():
                out[entry + central : entry + central + width] = packed
            entry = data.find(b"PK\x01\x02", entry + 4)
    return bytes(out)


def assert_clear(exc: DataFileError, sources: Iterable[str] | Callable[[str], bool]) -> None:
    """Every problem names one of the files read and has a message a template in messages.py fits."""
    from app.ui.widgets.messages import match_message

    named = sources if callable(sources) else set(sources).__contains__
    assert exc.problems, "a DataFileError with no problem"
    for problem in exc.problems:
        assert named(problem.source), f"names no file read: {problem}"
        assert problem.message.strip(), f"no message: {problem}"
        assert match_message(problem.message) is not None, f"no template for: {problem.message!r}"


def read_or_refuse(read: Callable[[], Any], sources: Iterable[str] | Callable[[str], bool]) -> Any:
    """`read()`'s value, or None when it refused the input with clear problems; anything else fails."""
    try:
        return read()
    except DataFileError as exc:
        assert_clear(exc, sources)
        return None
