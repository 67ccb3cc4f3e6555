"""Roster import: CSV (UTF-8 or GBK) and Excel; every bad row named; all or nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.banks.roster_file import read_roster
from app.errors import DataFileError
from app.services.base import Conflict

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def write_csv(folder: Path, lines: list[str], encoding: str = "utf-8") -> Path:
    path = folder / "roster.csv"
    path.write_text("\n".join(lines) + "\n", encoding=encoding)
    return path


def test_csv_with_chinese_headers_and_photos(tmp_path):
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "a.png").write_bytes(PNG)
    path = write_csv(tmp_path, ["准考证号,姓名,身份证号,照片", "T1,张三,11010519491231002x,photos/a.png",
                                "T2,李四,440524198001010013,"], encoding="gb18030")  # fmt: skip
    rows = read_roster(path)
    assert [(r.row, r.ticket, r.name, r.id_number) for r in rows] == [
        (2, "T1", "张三", "11010519491231002X"), (3, "T2", "李四", "440524198001010013")]  # fmt: skip
    assert rows[0].photo == PNG and rows[1].photo is None


def test_every_bad_row_is_named_and_nothing_is_returned(tmp_path):
    (tmp_path / "x.txt").write_text("not an image")
    path = write_csv(tmp_path, [
        "ticket,name,id_number,photo",
        "T1,张三,11010519491231002X,",
        "T2,,440524198001010013,",
        "T1,王五,110105194912310021,",
        "T4,赵六,440524198001010013,x.txt",
        "T5,钱七,370102199001011231,missing.jpg",
    ])  # fmt: skip
    with pytest.raises(DataFileError) as err:
        read_roster(path)
    text = str(err.value)
    assert "roster.csv:3: row 3: 姓名 is empty" in text
    assert "roster.csv:4: row 4: 身份证号 110105194912310021: check digit is 1, expected X" in text
    assert "row 4: 准考证号 T1 already on row 2" in text
    assert "row 5: 身份证号 already on row 3" in text
    assert "row 5: 照片 x.txt: not a JPEG or PNG image" in text
    assert "row 6: 照片 missing.jpg: file not found" in text


def test_missing_columns_are_named(tmp_path):
    with pytest.raises(DataFileError, match=r"roster.csv:1: header: missing column\(s\) 身份证号"):
        read_roster(write_csv(tmp_path, ["准考证号,姓名", "T1,张三"]))


def test_excel_roster(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["准考证号", "姓名", "身份证号"])
    sheet.append(["T1", "张三", "11010519491231002X"])
    sheet.append([20260002, "李四", "440524198001010013"])
    book.save(tmp_path / "roster.xlsx")
    rows = read_roster(tmp_path / "roster.xlsx")
    assert [r.ticket for r in rows] == ["T1", "20260002"]


def test_import_is_all_or_nothing(world, tmp_path):
    lines = ["准考证号,姓名,身份证号", "T100,孙八,370102199001011231", "T001,重复,11010519491231002X"]
    path = write_csv(tmp_path, lines)
    rows = read_roster(path)
    before = len(world.exam.roster(world.admin, world.session_id))
    with pytest.raises(Conflict, match="row 3: ticket T001 is already in this session"):
        world.exam.import_roster(world.admin, world.session_id, rows, path.name)
    assert len(world.exam.roster(world.admin, world.session_id)) == before
    assert world.exam.import_roster(world.admin, world.session_id, rows[:1], path.name) == 1
    assert len(world.exam.roster(world.admin, world.session_id)) == before + 1
