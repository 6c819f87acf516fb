"""Spreadsheets for the import tests, made as a person would make them (openpyxl, csv)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

from openpyxl import Workbook

from plans.imports.schools import GRADE_PARTS, GRADES, PERSONNEL, SCHOOLS, grade_header

SCHOOL_HEADERS = [c.header for c in SCHOOLS.columns]
PERSONNEL_HEADERS = [c.header for c in PERSONNEL.columns]


def school(code: str, name: str, **values: Any) -> dict[str, Any]:
    """A school row with every column; grades default to 10 boys, 12 girls, 1 room."""
    row: dict[str, Any] = {
        "รหัสโรงเรียน": code,
        "ชื่อโรงเรียน": name,
        "จังหวัด": "พิษณุโลก",
        "สหวิทยาเขต": "สหวิทยาเขตทดสอบ",
        "ระดับที่เปิดสอน": "ม.๑ – ม.๖",
        "ปีการศึกษา (พ.ศ.)": 2565,
        "ข้อมูล ณ วันที่": "10/6/2565",
        "ครูชาย": 3,
        "ครูหญิง": 4,
    }
    for grade in GRADES:
        for part, _ in GRADE_PARTS:
            row[grade_header(grade, part)] = {"male": 10, "female": 12, "classrooms": 1}[part]
    row.update(values)
    return row


def table(rows: Iterable[dict[str, Any]], headers: Sequence[str] = SCHOOL_HEADERS) -> list[list]:
    return [list(headers), *[[row.get(h, "") for h in headers] for row in rows]]


def xlsx(
    cells: Iterable[Sequence[Any]], *, title: str = "ข้อมูล", above: int = 0, merged=False
) -> bytes:
    """An .xlsx file of `cells` (rows); `above` title rows first, merged across if asked."""
    book = Workbook()
    sheet = book.active
    sheet.title = title
    cells = list(cells)
    for number in range(above):
        sheet.append([f"ข้อมูลโรงเรียน ปีการศึกษา ๒๕๖๕ ({number + 1})" if number == 0 else None])
    for row in cells:
        sheet.append(list(row))
    if merged and above:
        width = max(len(r) for r in cells)
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def csv_bytes(cells: Iterable[Sequence[Any]]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(cells)
    return buffer.getvalue().encode("utf-8-sig")
