"""Typed field access on loaded YAML that collects problems instead of stopping at the first."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from app.banks.yaml_source import LocatedList, line_at
from app.errors import Problem

Path_ = tuple[Any, ...]

_MISSING = object()


def path_text(path: Path_) -> str:
    out = ""
    for step in path:
        if isinstance(step, int):
            out += f"[{step}]"
        else:
            out += f".{step}" if out else str(step)
    return out


_STEP = re.compile(r"(?P<name>.*?)(?P<indexes>(?:\[\d+\])*)", re.DOTALL)


def parse_path(location: str) -> Path_:
    """'levels[2].theory_weights.学情分析' -> ('levels', 2, 'theory_weights', '学情分析').

    A key holding "[" or "." (an area name as a file writes it) stays text; the path then names the
    deepest step the file has, which is all a line number needs."""
    path: list[Any] = []
    for part in location.split("."):
        match = _STEP.fullmatch(part)
        assert match is not None  # the pattern fits any text
        if match["name"]:
            path.append(match["name"])
        path += [int(ix) for ix in re.findall(r"\d+", match["indexes"])]
    return tuple(path)


class FieldReader:
    """Reads fields of one loaded file, remembering every problem with its line."""

    def __init__(self, source: str, root: Any):
        self.source = source
        self.root = root
        self.problems: list[Problem] = []

    def problem(self, path: Path_, message: str, label: str | None = None) -> None:
        message = visible(message)
        location = visible(path_text(path))
        if label:
            # Name the item as well as its index: "items[3] (OLS-L5-1-004).key".
            head, _, rest = location.partition("].")
            location = f"{head}] ({label}).{rest}" if rest else f"{location} ({label})"
        self.problems.append(Problem(self.source, line_at(self.root, path), location, message))

    def node(self, path: Path_) -> Any:
        node = self.root
        for step in path:
            node = node[step]
        return node

    def get(
        self,
        mapping: Any,
        path: Path_,
        key: str,
        kind: type | tuple[type, ...],
        *,
        required: bool = True,
        default: Any = None,
        label: str | None = None,
    ) -> Any:
        if not isinstance(mapping, dict):
            return default
        value = mapping.get(key, _MISSING)
        if value is _MISSING or value is None:
            if required:
                self.problem((*path, key), "missing", label)
            return default
        kinds = kind if isinstance(kind, tuple) else (kind,)
        if required and isinstance(value, str) and not value.strip() and str in kinds:
            self.problem((*path, key), "empty", label)  # `id: ""` is as good as no id
            return default
        # bool is an int subclass in Python: accept it only where it is asked for
        if isinstance(value, kinds) and (bool in kinds or not isinstance(value, bool)):
            return value
        names = " or ".join(_kind_name(k) for k in kinds)
        self.problem((*path, key), f"must be {names}, got {_show(value)}", label)
        return default

    def mapping(self, value: Any, path: Path_, label: str | None = None) -> dict | None:
        if isinstance(value, dict):
            return value
        self.problem(path, f"must be a mapping, got {_show(value)}", label)
        return None

    def sequence(self, value: Any, path: Path_, label: str | None = None) -> LocatedList:
        if isinstance(value, LocatedList):
            return value
        if value is not None:
            self.problem(path, f"must be a list, got {_show(value)}", label)
        return LocatedList()

    def strings(self, value: Any, path: Path_, label: str | None = None) -> tuple[str, ...]:
        out = []
        for i, entry in enumerate(self.sequence(value, path, label)):
            if isinstance(entry, str | int | float) and not isinstance(entry, bool):
                out.append(str(entry))
            else:
                self.problem((*path, i), f"must be text, got {_show(entry)}", label)
        return tuple(out)


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def visible(text: str) -> str:
    """`text` on one line, each control character written as an escape: a value quoted in a message
    (an area name with a line break in it, say) shows what the file holds."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def _kind_name(kind: type) -> str:
    return {
        date: "a date",
        str: "text",
        int: "an integer",
        float: "a number",
        bool: "true or false",
        dict: "a mapping",
        list: "a list",
    }.get(kind, kind.__name__)


def _show(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
