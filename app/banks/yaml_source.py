"""YAML loading that remembers where each value came from, for error messages.

Mappings load as `Located` dicts and sequences as `LocatedList`s; both know the 1-based line
of each of their entries, so a problem found later in a nested field can still be reported
as `file.yaml:42: items[3].key: ...`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from app.errors import Problem


class Located(dict):
    """A mapping loaded from YAML, with the line of each key."""

    line: int = 0
    key_lines: dict[Any, int]

    def line_of(self, key: Any) -> int:
        return self.key_lines.get(key, self.line)


class LocatedList(list):
    line: int = 0
    item_lines: list[int]

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if 0 <= index < len(self.item_lines) else self.line


# libyaml's parser is about ten times faster than the pure-Python one; the constructors below
# (ours, in Python) work on the nodes either parser composes, marks included.
_SafeBase = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# Deep enough for any ExamDesk file (a bank nests six levels), shallow enough that constructing the
# values never exhausts Python's stack (libyaml itself stops at 1,000 levels).
MAX_DEPTH = 100


class _BadValue(Exception):
    """A value the YAML parser read but cannot be made into data; `path` is filled in on the way out."""

    def __init__(self, mark: Any, message: str):
        super().__init__(message)
        self.mark = mark
        self.message = message
        self.path: list[Any] = []


class _LocatingLoader(_SafeBase):  # type: ignore[misc, valid-type]
    depth = 0

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        if self.depth >= MAX_DEPTH:
            raise _BadValue(node.start_mark, f"nested more than {MAX_DEPTH} levels deep")
        self.depth += 1
        try:
            return super().construct_object(node, deep)
        except (_BadValue, yaml.YAMLError):
            raise
        except (ValueError, TypeError, AttributeError, OverflowError) as exc:
            # the parser's own constructors fail with these on values such as `!!int 0xZZ`
            shown = _shown(node)
            if node.tag == "tag:yaml.org,2002:timestamp":
                message = f"{shown} is not a real date; write text that only looks like a date in quotes"
            else:
                message = f"{shown} cannot be read as {_short_tag(node.tag)}"
            raise _BadValue(node.start_mark, message) from exc
        finally:
            self.depth -= 1


def _shown(node: yaml.Node) -> str:
    if isinstance(node, yaml.ScalarNode):
        return repr(node.value) if len(node.value) <= 40 else repr(node.value[:37]) + "..."
    return "a list" if isinstance(node, yaml.SequenceNode) else "a mapping"


def _short_tag(tag: str) -> str:
    return "!!" + tag.removeprefix("tag:yaml.org,2002:")


def _construct_mapping(loader: _LocatingLoader, node: yaml.MappingNode) -> Located:
    loader.flatten_mapping(node)
    out = Located()
    out.line = node.start_mark.line + 1
    out.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str | int | float | bool) and key is not None:
            raise yaml.constructor.ConstructorError(
                None, None, "a mapping key must be a plain value", key_node.start_mark
            )
        if key in out:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
        try:
            out[key] = loader.construct_object(value_node, deep=True)
        except _BadValue as exc:
            exc.path.insert(0, key)
            raise
        out.key_lines[key] = key_node.start_mark.line + 1
    return out


def _construct_sequence(loader: _LocatingLoader, node: yaml.SequenceNode) -> LocatedList:
    out = LocatedList()
    for i, child in enumerate(node.value):
        try:
            out.append(loader.construct_object(child, deep=True))
        except _BadValue as exc:
            exc.path.insert(0, i)
            raise
    out.line = node.start_mark.line + 1
    out.item_lines = [child.start_mark.line + 1 for child in node.value]
    return out


_LocatingLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LocatingLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def _construct_unused(loader: _LocatingLoader, node: yaml.Node) -> Any:
    # sets, ordered maps, pairs and binary data would reach the readers as Python types no
    # ExamDesk file holds; say so where the tag is written
    raise _BadValue(node.start_mark, f"{_short_tag(node.tag)} values are not used in ExamDesk files")


for _tag in ("set", "omap", "pairs", "binary"):
    _LocatingLoader.add_constructor(f"tag:yaml.org,2002:{_tag}", _construct_unused)


class YamlFileError(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(str(problem))


def load_yaml(path: Path, display: str | None = None) -> Any:
    """Parse one YAML file; raise YamlFileError naming the file and line on bad syntax."""
    name = display or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise YamlFileError(Problem(name, None, "", f"not UTF-8 text ({exc.reason})")) from exc
    except OSError as exc:
        raise YamlFileError(Problem(name, None, "", f"cannot read: {exc.strerror}")) from exc
    return parse_yaml(text, name)


def parse_yaml(text: str, name: str) -> Any:
    """Parse YAML text held in memory (e.g. a bank kept in the store) the same way."""
    try:
        return yaml.load(text, Loader=_LocatingLoader)
    except _BadValue as exc:
        steps = [f"[{step}]" if isinstance(step, int) else f".{step}" for step in exc.path]
        location = "".join(steps[:12]).lstrip(".") + ("..." if len(steps) > 12 else "")
        message = exc.message  # made above, where the value is constructed
        raise YamlFileError(Problem(name, exc.mark.line + 1, location, message)) from exc
    except yaml.reader.ReaderError as exc:  # its own text spans two lines and names no line
        # libyaml counts the position in bytes of UTF-8, the pure-Python parser in characters
        counted = text.encode("utf-8", "surrogatepass") if _SafeBase is not yaml.SafeLoader else text
        line = counted[: exc.position].count("\n" if isinstance(counted, str) else b"\n") + 1
        code = exc.character if isinstance(exc.character, int) else 0
        message = f"character U+{code:04X} is not allowed in YAML text (a control or special character)"
        raise YamlFileError(Problem(name, line, "", message)) from exc
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        what = exc.problem or str(exc)
        raise YamlFileError(Problem(name, line, "", f"YAML syntax: {what}")) from exc
    except yaml.YAMLError as exc:
        raise YamlFileError(Problem(name, None, "", f"YAML syntax: {exc}")) from exc


def line_at(root: Any, path: tuple[Any, ...]) -> int | None:
    """The line of the deepest part of `path` that exists in the loaded tree."""
    node, line = root, getattr(root, "line", None)
    for step in path:
        in_mapping = isinstance(node, Located) and step in node
        in_list = isinstance(node, LocatedList) and isinstance(step, int) and 0 <= step < len(node)
        if in_mapping or in_list:
            line = node.line_of(step)
            node = node[step]
        else:
            break
    return line
