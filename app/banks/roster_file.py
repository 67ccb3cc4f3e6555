"""Candidate rosters in CSV or Excel: ticket number, name, ID number, optional photo file.

Headers may be Chinese or English (准考证号/ticket, 姓名/name, 身份证号/id_number, 照片/photo);
photo paths are relative to the roster file. Every problem is reported with its row number, and a
roster with any problem is not imported at all.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.domain.identity import id_number_problem, normalise_id_number
from app.errors import DataFileError, Problem

COLUMNS = {
    "ticket": ("准考证号", "ticket", "ticket number", "准考证"),
    "name": ("姓名", "name"),
    "id_number": ("身份证号", "id_number", "id number", "身份证号码", "证件号码"),
    "photo": ("照片", "photo", "photo file"),
}
MAX_PHOTO_BYTES = 2 * 1024 * 1024
PHOTO_MAGIC = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")


@dataclass(frozen=True)
class RosterRow:
    row: int  # as a spreadsheet shows it (header is row 1)
    ticket: str
    name: str
    id_number: str
    photo: bytes | None


def _table(path: Path) -> list[list[str]]:
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook

        sheet = load_workbook(path, read_only=True, data_only=True).active
        return [["" if v is None else str(v).strip() for v in row] for row in sheet.iter_rows(values_only=True)]
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):  # Excel in China saves CSV as GBK by default
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise DataFileError([Problem(str(path), None, "", "not UTF-8 or GB18030 text")])
    return [[cell.strip() for cell in row] for row in csv.reader(text.splitlines())]


def _cell(cells: list[str], i: int | None) -> str:
    return cells[i].strip() if i is not None and i < len(cells) else ""


def read_roster(path: Path, progress: Callable[[int, int], None] | None = None) -> list[RosterRow]:
    name = str(path)
    try:
        table = _table(path)
    except (OSError, ValueError, KeyError) as exc:
        raise DataFileError([Problem(name, None, "", f"cannot read: {exc}")]) from None
    table = [row for row in table if any(row)]
    if not table:
        raise DataFileError([Problem(name, None, "", "the roster is empty")])
    header = [h.lower() for h in table[0]]
    index: dict[str, int] = {}
    for key, names in COLUMNS.items():
        for i, h in enumerate(header):
            if h in names:
                index[key] = i
    missing = [COLUMNS[k][0] for k in ("ticket", "name", "id_number") if k not in index]
    if missing:
        found = "、".join(table[0])
        raise DataFileError([Problem(name, 1, "header", f"missing column(s) {'、'.join(missing)}; found: {found}")])
    problems: list[Problem] = []
    rows: list[RosterRow] = []
    seen_ticket: dict[str, int] = {}
    seen_id: dict[str, int] = {}
    body = table[1:]
    for n, cells in enumerate(body, start=2):
        fields = ("ticket", "name", "id_number", "photo")
        ticket, person, number, photo_ref = (_cell(cells, index.get(k)) for k in fields)
        for key, value in (("ticket", ticket), ("name", person), ("id_number", number)):
            if not value:
                problems.append(Problem(name, n, f"row {n}", f"{COLUMNS[key][0]} is empty"))
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
        if photo_ref:
            photo_path = (path.parent / photo_ref).resolve()
            if not photo_path.is_file():
                problems.append(Problem(name, n, f"row {n}", f"照片 {photo_ref}: file not found"))
            else:
                photo = photo_path.read_bytes()
                if len(photo) > MAX_PHOTO_BYTES:
                    problems.append(Problem(name, n, f"row {n}", f"照片 {photo_ref}: larger than 2 MB"))
                elif not photo.startswith(PHOTO_MAGIC):
                    problems.append(Problem(name, n, f"row {n}", f"照片 {photo_ref}: not a JPEG or PNG image"))
        rows.append(RosterRow(n, ticket, person, number, photo))
        if progress:
            progress(n - 1, len(body))
    if problems:
        raise DataFileError(problems)
    return rows
