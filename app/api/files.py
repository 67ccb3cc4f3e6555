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
from app.banks.interchange import OTHER_SUFFIXES
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


def read_bank_files(paths: Iterable[Path]) -> list[FileData]:
    """Bank files to send for an import: ExamDesk YAML as `read_files` reads it; a workbook or .zip as
    it is; a folder holding other formats (a package: workbooks and the media they name) as one
    .zip made here, so that the service finds the media beside the workbook."""
    import io
    import zipfile

    out: list[FileData] = []
    for path in paths:
        if path.is_dir() and any(p.suffix.lower() in OTHER_SUFFIXES for p in path.rglob("*") if p.is_file()):
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
                for p in sorted(path.rglob("*")):
                    if p.is_file():
                        archive.writestr(p.relative_to(path).as_posix(), p.read_bytes())
            out.append(FileData(f"{path.name}.zip", buffer.getvalue()))
        elif path.is_file() and path.suffix.lower() in (*OTHER_SUFFIXES, ".txt"):
            try:
                out.append(FileData(path.name, path.read_bytes()))
            except OSError as exc:
                raise DataFileError([Problem(str(path), None, "", f"cannot read: {exc.strerror or exc}")]) from None
        else:
            out += read_files([path])
    return out


def is_package_revocation(content: bytes) -> bool:
    """Whether a file is an exam owner's revocation of a sealed package rather than a package
    (docs/packages.md): the admin's screen sends it to `revoke_package`, not `import_package`."""
    from app.security.sealed_package import is_revocation

    return is_revocation(content)
