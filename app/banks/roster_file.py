"""Candidate rosters in CSV or Excel: ticket number, name, ID number, optional photo file.

Headers may be Chinese or English (准考证号/ticket, 姓名/name, 身份证号/id_number, 照片/photo);
photo paths are relative to the roster file. Every problem is reported with its row number (as the
spreadsheet numbers it), and a roster with any problem is not imported at all: a broken workbook
(not a zip, bad CRC, zlib error, zip version, compression method, encryption, a part over 64 MiB),
a control character in a cell (a NUL byte, a line break), a photo name over 255 characters.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.domain.identity import id_number_problem, normalise_id_number
from app.errors import DataFileError, Problem
from app.reports.zip_members import ZipMemberError, member_chunks, open_zip

COLUMNS = {
    "ticket": ("准考证号", "ticket", "ticket number", "准考证"),
    "name": ("姓名", "name"),
    "id_number": ("身份证号", "id_number", "id number", "身份证号码", "证件号码"),
    "photo": ("照片", "photo", "photo file"),
}
MAX_PHOTO_BYTES = 2 * 1024 * 1024
MAX_PHOTO_NAME = 255  # characters: the longest file name Windows and Linux allow
# a sheet of 10,000 candidates is about 2 MiB of XML; no part of a roster workbook needs more
MAX_XLSX_MEMBER = 64 * 1024 * 1024
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
PHOTO_MAGIC = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")


@dataclass(frozen=True)
class RosterRow:
    row: int  # as a spreadsheet shows it (header is row 1)
    ticket: str
    name: str
    id_number: str
    photo: bytes | None


def _workbook_rows(path: Path) -> list[list[str]]:
    """The first sheet's rows. The zip is checked member by member first (ZipMemberError names the
    member: not a zip, bad CRC, zlib error, zip version, compression method, encryption, a member that
    inflates past MAX_XLSX_MEMBER), so openpyxl only ever opens a sound archive."""
    from openpyxl import load_workbook

    with open_zip(path) as zf:
        for info in zf.infolist():
            for _chunk in member_chunks(zf, info, MAX_XLSX_MEMBER):
                pass
    try:
        sheet = load_workbook(path, read_only=True, data_only=True).active
        if sheet is None:
            raise ValueError("the workbook has no sheet")
        return [["" if v is None else str(v).strip() for v in row] for row in sheet.iter_rows(values_only=True)]
    except Exception as exc:  # openpyxl raises what its XML parsers raise on a malformed part
        reason = f"{type(exc).__name__}: {exc}"
        raise DataFileError([Problem(str(path), None, "", f"not a workbook Excel can read ({reason})")]) from None


def _table(path: Path) -> list[list[str]]:
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return _workbook_rows(path)
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):  # Excel in China saves CSV as GBK by default
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise DataFileError([Problem(str(path), None, "", "not UTF-8 or GB18030 text")])
    # newline="": a line break inside a quoted cell stays in its cell, and U+2028 or a form feed in
    # a name does not start a new row (str.splitlines would split there)
    try:
        return [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text, newline=""))]
    except csv.Error as exc:  # e.g. a cell longer than the csv module's field limit (128 KiB)
        raise DataFileError([Problem(str(path), None, "", f"not a CSV table Excel can read ({exc})")]) from None


def _photo(path: Path) -> tuple[bytes | None, str]:
    """The photo's bytes, or why not: "missing", "large", "image", or the system's reason."""
    try:
        if not path.is_file():
            return None, "missing"
        if path.stat().st_size > MAX_PHOTO_BYTES:
            return None, "large"
        with path.open("rb") as handle:
            data = handle.read(MAX_PHOTO_BYTES + 1)  # the file may grow after stat
    except OSError as exc:  # a name too long for the file system, a folder we may not read, ...
        return None, exc.strerror or str(exc)
    if len(data) > MAX_PHOTO_BYTES:
        return None, "large"
    if not data.startswith(PHOTO_MAGIC):
        return None, "image"
    return data, ""


def _cell(cells: list[str], i: int | None) -> str:
    return cells[i].strip() if i is not None and i < len(cells) else ""


def read_roster(path: Path, progress: Callable[[int, int], None] | None = None) -> list[RosterRow]:
    name = str(path)
    try:
        rows_read = _table(path)
    except ZipMemberError as exc:
        message = exc.message  # made in app/reports/zip_members.py, each with a template
        raise DataFileError([Problem(name, None, "", message)]) from None
    except OSError as exc:
        raise DataFileError([Problem(name, None, "", f"cannot read: {exc.strerror or exc}")]) from None
    # (spreadsheet row number, cells) of the rows with anything in them
    table = [(n, row) for n, row in enumerate(rows_read, start=1) if any(row)]
    if not table:
        raise DataFileError([Problem(name, None, "", "the roster is empty")])
    header_row, header_cells = table[0]
    header = [h.lower() for h in header_cells]
    index: dict[str, int] = {}
    for key, names in COLUMNS.items():
        for i, h in enumerate(header):
            if h in names:
                index[key] = i
    missing = [COLUMNS[k][0] for k in ("ticket", "name", "id_number") if k not in index]
    if missing:
        found = "、".join(CONTROL.sub("", h)[:40] for h in header_cells)
        raise DataFileError([Problem(name, header_row, "header",
                                     f"missing column(s) {'、'.join(missing)}; found: {found}")])  # fmt: skip
    problems: list[Problem] = []
    rows: list[RosterRow] = []
    seen_ticket: dict[str, int] = {}
    seen_id: dict[str, int] = {}
    body = table[1:]
    for done, (n, cells) in enumerate(body, start=1):
        fields = ("ticket", "name", "id_number", "photo")
        ticket, person, number, photo_ref = (_cell(cells, index.get(k)) for k in fields)
        controlled = False
        for key, value in (("ticket", ticket), ("name", person), ("id_number", number), ("photo", photo_ref)):
            if not value and key != "photo":
                problems.append(Problem(name, n, f"row {n}", f"{COLUMNS[key][0]} is empty"))
            found = CONTROL.search(value)
            if found:  # a NUL byte, a line break, an escape: never part of a name, number or file
                code = f"U+{ord(found.group()):04X}"
                problems.append(Problem(name, n, f"row {n}", f"{COLUMNS[key][0]} holds the control character {code}"))
                controlled = True
        if controlled:
            rows.append(RosterRow(n, ticket, person, number, None))
            continue
        if number:
            why = id_number_problem(number)
            if why:
                problems.append(Problem(name, n, f"row {n}", f"身份证号 {number}: {why}"))
            number = normalise_id_number(number)
            if number in seen_id:
                problems.append(Problem(name, n, f"row {n}", f"身份证号 already on row {seen_id[number]}"))
            seen_id.setdefault(number, n)
        if ticket:
            if ticket in seen_ticket:
                problems.append(Problem(name, n, f"row {n}", f"准考证号 {ticket} already on row {seen_ticket[ticket]}"))
            seen_ticket.setdefault(ticket, n)
        photo = None
        if len(photo_ref) > MAX_PHOTO_NAME:
            shown = photo_ref[:40] + "…"
            problems.append(Problem(name, n, f"row {n}", f"照片 {shown}: the name is longer than "
                                                          f"{MAX_PHOTO_NAME} characters"))  # fmt: skip
        elif photo_ref:
            photo, why = _photo(path.parent / photo_ref)
            if why == "missing":
                problems.append(Problem(name, n, f"row {n}", f"照片 {photo_ref}: file not found"))
            elif why == "large":
                problems.append(Problem(name, n, f"row {n}", f"照片 {photo_ref}: larger than 2 MB"))
            elif why == "image":
                problems.append(Problem(name, n, f"row {n}", f"照片 {photo_ref}: not a JPEG or PNG image"))
            elif why:
                problems.append(Problem(name, n, f"row {n}", f"照片 {photo_ref}: cannot read: {why}"))
        rows.append(RosterRow(n, ticket, person, number, photo))
        if progress:
            progress(done, len(body))
    if problems:
        raise DataFileError(problems)
    return rows
