"""The one root of errors that users see.

`UserFacingError` carries a message that is shown as it is (file, row or field named);
anything else escaping to the top level is a bug and is reported as such.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


class UserFacingError(Exception):
    """An error caused by input or environment, explained in its message."""


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with an input file: where it is and what is wrong."""

    source: str  # file path, or a description of the input
    line: int | None  # 1-based line in the source, when known
    location: str  # the field path inside the source, e.g. "items[3] (OLS-1).key"
    message: str

    def __str__(self) -> str:
        where = self.source if self.line is None else f"{self.source}:{self.line}"
        return f"{where}: {self.location}: {self.message}" if self.location else f"{where}: {self.message}"


class DataFileError(UserFacingError):
    """One or more problems in data files; nothing from them was used."""

    def __init__(self, problems: Sequence[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.source, p.line or 0, p.location))
        super().__init__("\n".join(str(p) for p in self.problems))
