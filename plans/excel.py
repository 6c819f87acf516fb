"""Excel cells written the one safe way, for every exporter of the portal (budget, progress,
and the admin's import-export files through `TextXLSX`).

Free text is data, never a formula: openpyxl stores a string that starts with "=" as a
live formula, and a spreadsheet reads text that starts with "+", "-", "@", a tab or a
carriage return as one when the cell is edited. Such a string is written as a text cell
with Excel's quote prefix, so it shows exactly as typed. Characters that an .xlsx file
cannot hold (control characters) become "�" instead of failing the whole export.
"""

from __future__ import annotations

from collections.abc import Iterable
from io import BytesIO

from import_export.formats.base_formats import XLSX
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")


def text_cell(cell: Cell) -> Cell:
    """Make the value of `cell` (already set) safe: text stays text."""
    value = cell.value
    if not isinstance(value, str):
        return cell
    cleaned = _clean(value)
    if cleaned != value:
        cell.value = value = cleaned
    if value.startswith(FORMULA_LEADS):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def _clean(value):
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("\N{REPLACEMENT CHARACTER}", value)
    return value


def append_row(sheet: Worksheet, values: Iterable) -> tuple[Cell, ...]:
    """Append a row of values to `sheet` with every text cell made safe; returns its cells."""
    sheet.append([_clean(v) for v in values])  # openpyxl refuses control characters
    row = sheet[sheet.max_row]
    for cell in row:
        text_cell(cell)
    return row


def workbook_bytes(book: Workbook) -> bytes:
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


class TextXLSX(XLSX):
    """django-import-export's Excel export written through `append_row` (settings'
    EXPORT_FORMATS): headers in bold, then one row per object, free text as text."""

    def export_data(self, dataset, **kwargs) -> bytes:
        book = Workbook()
        sheet = book.active
        if dataset.headers:
            for cell in append_row(sheet, dataset.headers):
                cell.font = Font(bold=True)
        for row in dataset:
            append_row(sheet, row)
        return workbook_bytes(book)
