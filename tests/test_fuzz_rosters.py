"""Mutated rosters (CSV text, CSV bytes, Excel workbooks and their zip): clear problems, never a traceback,
and a refused roster adds no candidate to the store."""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.banks.roster_file import RosterRow, read_roster
from app.services.base import Conflict, ServiceError
from app.store.database import sqlite_url
from app.store.models import Candidate
from tests.fuzzing import fuzz, mutated_bytes, mutated_text, patched_zip, read_or_refuse
from tests.store_fixtures import build_world

FOLDER = Path(tempfile.mkdtemp(prefix="examdesk-fuzz-roster-"))
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
(FOLDER / "photos").mkdir()
(FOLDER / "photos" / "a.png").write_bytes(PNG)
(FOLDER / "photos" / "not-an-image.png").write_bytes(b"GIF89a")

CSV = """\
准考证号,姓名,身份证号,照片
T101,张三,11010519491231002X,photos/a.png
T102,李四,440524198001010013,
"T103","王 五",370102199001011239,photos/not-an-image.png
"""
ROSTER_TOKENS = [
    "", ",", '"', '""', "\x00", "\r", "\n", "\t", "\x0c", "\u2028", "\ufeff", "T101", "11010519491231002X",
    "110105194912310021", "photos/a.png", "photos/missing.png", "photos", "../" * 40, "a" * 300,
    "a" * 200_000, "/dev/zero", "/proc/self/mem", "=HYPERLINK(1)", "准考证号", "身份证号", "姓名", "照片",
]  # fmt: skip


def _workbook(rows: list[list[object]]) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


XLSX = _workbook([["准考证号", "姓名", "身份证号"], ["T101", "张三", "11010519491231002X"],
                  [202650006, "李四", "440524198001010013"], [None, None, None], ["T103", 3.5, True]])  # fmt: skip

@st.composite
def rezipped(draw: st.DrawFn, data: bytes) -> bytes:
    """The workbook with one part's XML text mutated, or removed, or stored with another method."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        parts = {info.filename: zf.read(info) for info in zf.infolist()}
    name = draw(st.sampled_from(sorted(parts)))
    op = draw(st.sampled_from(["text", "text", "remove", "bomb"]))
    if op == "text":
        parts[name] = draw(mutated_text(parts[name].decode("utf-8"), ["<", ">", "</row>", '"', "&", "x" * 100,
                                                                      "<c r=\"A9\"><v>1</v></c>", "&#0;"]))  # fmt: skip
        parts[name] = parts[name].encode("utf-8") if isinstance(parts[name], str) else parts[name]
    elif op == "remove":
        del parts[name]
    else:  # a part that inflates to 65 MiB, past the 64 MiB a roster part may be
        parts[name] = parts[name] + b" " * (65 * 1024 * 1024)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for part, content in parts.items():
            zf.writestr(part, content)
    return out.getvalue()


def _read(data: bytes, suffix: str) -> list[RosterRow] | None:
    path = FOLDER / f"roster{suffix}"
    path.write_bytes(data)
    return read_or_refuse(lambda: read_roster(path), {str(path)})


@fuzz(300)
@given(mutated_text(CSV, ROSTER_TOKENS))
def test_a_mutated_csv_roster_is_read_or_refused_with_clear_problems(text):
    rows = _read(text.encode("utf-8"), ".csv")
    for row in rows or []:
        assert row.ticket and row.name and row.id_number
        assert not any(ch < " " for ch in row.ticket + row.name + row.id_number)


@fuzz(100)
@given(mutated_bytes(CSV.encode("gb18030")))
def test_csv_roster_bytes_in_any_encoding_are_read_or_refused(data):
    _read(data, ".csv")


@fuzz(150)
@given(st.one_of(mutated_bytes(XLSX), patched_zip(XLSX)))
def test_a_broken_excel_roster_is_refused_with_clear_problems(data):
    _read(data, ".xlsx")


@fuzz(100)
@given(rezipped(XLSX))
def test_an_excel_roster_with_mutated_parts_is_read_or_refused(data):
    _read(data, ".xlsx")


_WORLD = None


def _world():
    global _WORLD
    if _WORLD is None:
        _WORLD = build_world(sqlite_url(Path(tempfile.mkdtemp(prefix="examdesk-fuzz-store-")) / "examdesk.db"))
    return _WORLD


def _candidates() -> int:
    with _world().db.reader() as s:
        return s.scalar(select(func.count()).select_from(Candidate))


@fuzz(60)
@given(mutated_text(CSV, ROSTER_TOKENS))
def test_a_roster_is_imported_whole_or_not_at_all(text):
    rows = _read(text.encode("utf-8"), ".csv")
    world, before = _world(), _candidates()
    if rows is None:
        return
    try:
        added = world.exam.import_roster(world.admin, world.session_id, rows, "roster.csv")
    except (Conflict, ServiceError):
        assert _candidates() == before  # refused: not one candidate added
    else:
        assert _candidates() == before + added == before + len(rows)
