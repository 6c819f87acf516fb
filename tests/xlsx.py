"""Reading the portal's Excel exports back in tests (plans/excel.py writes them): each sheet
has its title on row 1, notes under it, then the frozen header row and the rows."""

from __future__ import annotations

from io import BytesIO

from openpyxl import load_workbook
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def book(response) -> Workbook:
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == XLSX
    return load_workbook(BytesIO(response.content))


def header_row(sheet: Worksheet) -> int:
    """The frozen header's row number."""
    return int(sheet.freeze_panes[1:]) - 1


def headers(sheet: Worksheet) -> list:
    return [c.value for c in sheet[header_row(sheet)]]


def body(sheet: Worksheet) -> list[list]:
    """The cells (not their values) of every row under the header."""
    return [list(row) for row in sheet.iter_rows(min_row=header_row(sheet) + 1)]


def values(sheet: Worksheet) -> list[list]:
    return [[c.value for c in row] for row in body(sheet)]
