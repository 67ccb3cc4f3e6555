"""Files a station reads itself before sending: the roster on the admin's PC (its photos are found
relative to the roster file), and bank or standard files sent as `FileData` for an import.

The service never opens a path a station names: the station reads and checks the file, then sends
its rows (`AdminApi.import_roster`) or its bytes (`AdminApi.import_banks`, `import_standards`).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from app.api.types import FileData
from app.banks.bank_file import bank_files
from app.banks.roster_file import COLUMNS, RosterRow, read_roster
from app.errors import DataFileError, Problem

__all__ = ["COLUMNS", "RosterRow", "read_files", "read_roster"]


def read_files(paths: Iterable[Path]) -> list[FileData]:
    """Each file named, a folder as its *.yaml and *.yml files, as bytes to send; every file that
    cannot be read is a problem, reported together (DataFileError)."""
    out: list[FileData] = []
    problems: list[Problem] = []
    for path in bank_files(paths):
        try:
            out.append(FileData(path.name, path.read_bytes()))
        except OSError as exc:
            problems.append(Problem(str(path), None, "", f"cannot read: {exc.strerror or exc}"))
    if problems:
        raise DataFileError(problems)
    return out
