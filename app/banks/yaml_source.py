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


class _LocatingLoader(_SafeBase):  # type: ignore[misc, valid-type]
    pass


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
        out[key] = loader.construct_object(value_node, deep=True)
        out.key_lines[key] = key_node.start_mark.line + 1
    return out


def _construct_sequence(loader: _LocatingLoader, node: yaml.SequenceNode) -> LocatedList:
    out = LocatedList(loader.construct_object(child, deep=True) for child in node.value)
    out.line = node.start_mark.line + 1
    out.item_lines = [child.start_mark.line + 1 for child in node.value]
    return out


_LocatingLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LocatingLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


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
