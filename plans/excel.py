"""The portal's one way to write Excel: every export, and the admin's import-export files.

**Cells.** Free text is data, never a formula: openpyxl stores a string that starts with
"=" as a live formula, and a spreadsheet reads text that starts with "+", "-", "@", a tab
or a carriage return as one when the cell is edited. Such a string is written as a text
cell with Excel's quote prefix, so it shows exactly as typed. Characters that an .xlsx file
cannot hold (control characters) become "�" instead of failing the whole export.

**Tables.** An export is data, then rendering. An app's exports module turns a selector's
rows into an `Export` (one or more `Table`s: Thai column headers, each column's `Kind`,
rows of typed values); `workbook` renders it without a query and `xlsx_response` is the
one HTTP answer of every export view::

    table = Table(
        title="การโอนเปลี่ยนแปลงงบประมาณ ปีงบประมาณ พ.ศ. ๒๕๖๕",
        columns=[Column("วันที่อนุมัติ", Kind.DATE), Column("จำนวนเงิน (บาท)", Kind.MONEY)],
        rows=[(date(2022, 3, 4), Decimal("50.00"))],
    )
    return xlsx_response(Export(office_code="sec-plkutt", fiscal_year=2565,
                                name="transfers", title="การโอนงบประมาณ", tables=[table]))

Each sheet: the title in bold on row 1 (and its notes under it), the headers in bold on
the next row, frozen and filtered, then the rows; column widths from their content.
Numbers are numbers, never text: integers `#,##0`, money `#,##0.00` (baht with satang),
percentages as the page prints them (40.04 for ร้อยละ 40.04, `0.00`), so that a cell holds
the same figure as the page and the printed report.

**Dates** are written as B.E. text, "15/11/2565" (day/month/year, zero-padded, Arabic
digits): an Excel date cell holds a C.E. serial number and shows a B.E. year only under a
Thai-locale format code that other spreadsheets ignore, so a real date cell would print
2022 for some readers. The numeric form is the one the portal's forms and imports read
back (`plans.thai.parse_thai_date`), sorts within a month, and matches the Arabic digits
of the number cells beside it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from io import BytesIO
from urllib.parse import quote

from django.http import HttpResponse
from django.utils import timezone
from import_export.formats.base_formats import XLSX
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from plans.thai import be_year

FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")
CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


# -- cells ------------------------------------------------------------------------------


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
    """Append a row of values to `sheet` with every text cell made safe; returns its cells.
    The row's cells are fetched by position: `sheet.max_row` and `sheet[n]` scan every cell
    of the sheet, which made a 10,000-row export take a minute."""
    values = [_clean(v) for v in values]  # openpyxl refuses control characters
    sheet.append(values)
    number = sheet._current_row
    row = tuple(sheet.cell(row=number, column=i) for i in range(1, len(values) + 1))
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


# -- tables -----------------------------------------------------------------------------


class Kind(StrEnum):
    """What a column holds: how its cells are stored and shown."""

    TEXT = "text"
    INTEGER = "integer"  # counts: 1,234
    NUMBER = "number"  # a measured value with its own places (an indicator's target)
    MONEY = "money"  # baht: 1,234.50
    PERCENT = "percent"  # ร้อยละ, as printed: 40.04
    DATE = "date"  # B.E. text: 04/03/2565


NUMBER_FORMATS = {
    Kind.INTEGER: "#,##0",
    Kind.NUMBER: "General",
    Kind.MONEY: "#,##0.00",
    Kind.PERCENT: "0.00",
}
MIN_WIDTH, MAX_WIDTH = 6, 60
WRAP = Alignment(wrap_text=True, vertical="top")  # a text of several lines shows them all


@dataclass(frozen=True)
class Column:
    header: str  # Thai, as the page's table heads it
    kind: Kind = Kind.TEXT
    width: int | None = None  # characters; by default from the header and the values


@dataclass(frozen=True)
class Row:
    """A row with a look: `bold` for totals and group headings. A plain sequence is a row."""

    values: Sequence
    bold: bool = False


def total(*values) -> Row:
    return Row(values, bold=True)


@dataclass(frozen=True)
class Table:
    """One sheet: a title (the table's caption), notes under it (the office, "ข้อมูล ณ"),
    the columns and the rows (each as long as the columns, None for an empty cell)."""

    title: str
    columns: Sequence[Column]
    rows: Sequence[Row | Sequence]
    sheet: str = ""  # the tab's name; by default the title's start
    notes: Sequence[str] = ()


@dataclass(frozen=True)
class Export:
    """A workbook of one office (and fiscal year, B.E.; None for what has no year, the
    office's people): `name` is the ASCII end of the file name, `title` its Thai end."""

    office_code: str
    fiscal_year: int | None
    name: str
    title: str
    tables: Sequence[Table] = field(default_factory=list)

    def _stem(self, what: str) -> str:
        year = f"-{self.fiscal_year}" if self.fiscal_year else ""
        return f"{self.office_code}{year}-{what}.xlsx"

    @property
    def filename(self) -> str:
        """The Thai file name: sec-plkutt-2565-การโอนงบประมาณ.xlsx."""
        return self._stem(_safe_filename(self.title) or self.name)

    @property
    def ascii_filename(self) -> str:
        """For clients that do not read RFC 5987: sec-plkutt-2565-transfers.xlsx."""
        return _ascii(self._stem(self.name))


def be_date(value: date | datetime) -> str:
    """04/03/2565; a moment also has its local time: 04/03/2565 14:05."""
    if isinstance(value, datetime):
        local = timezone.localtime(value) if timezone.is_aware(value) else value
        return f"{be_date(local.date())} {local:%H:%M}"
    return f"{value.day:02d}/{value.month:02d}/{be_year(value.year)}"


def _cell_value(value, kind: Kind):
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return be_date(value)
    if kind in NUMBER_FORMATS and isinstance(value, int | Decimal | float):
        return value
    if isinstance(value, bool | int | Decimal | float | date):
        return str(value)
    return _clean(str(value))


def display_width(text: str) -> int:
    """Columns of a text as a spreadsheet shows it: Thai vowel and tone marks take none."""
    return sum(1 for ch in text if unicodedata.category(ch) not in ("Mn", "Me", "Cf"))


def _shown(value, kind: Kind) -> str:
    if isinstance(value, int | Decimal | float) and kind in (Kind.MONEY, Kind.PERCENT):
        return f"{value:,.2f}"
    if isinstance(value, int | Decimal | float):
        return f"{value:,}"
    return max(str(value).splitlines() or [""], key=display_width)


def _sheet_name(text: str, taken: set[str]) -> str:
    name = re.sub(r"[\[\]:*?/\\]", " ", text).strip()[:31] or "Sheet"
    base, n = name, 2
    while name in taken:
        suffix = f" ({n})"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(name)
    return name


def _write_table(sheet: Worksheet, table: Table) -> None:
    kinds = [c.kind for c in table.columns]
    widths = [display_width(c.header) for c in table.columns]
    title = append_row(sheet, [table.title])[0]
    title.font = Font(bold=True, size=14)
    for note in table.notes:
        append_row(sheet, [note])
    header_row = 2 + len(table.notes)
    for cell in append_row(sheet, [c.header for c in table.columns]):
        cell.font = Font(bold=True)
        cell.alignment = WRAP
    for row in table.rows:
        values, bold = (row.values, row.bold) if isinstance(row, Row) else (row, False)
        if len(values) > len(kinds):
            raise ValueError(f"a row of {len(values)} values for {len(kinds)} columns")
        cells = append_row(
            sheet, [_cell_value(v, kinds[i]) for i, v in enumerate(values)] or [None]
        )
        for i, cell in enumerate(cells):
            if cell.value is None:
                continue
            if cell.data_type == "n" and kinds[i] in NUMBER_FORMATS:
                cell.number_format = NUMBER_FORMATS[kinds[i]]
            widths[i] = max(widths[i], display_width(_shown(cell.value, kinds[i])))
            if isinstance(cell.value, str) and "\n" in cell.value:
                cell.alignment = WRAP
            if bold:
                cell.font = Font(bold=True)
    last = get_column_letter(max(len(kinds), 1))
    sheet.freeze_panes = f"A{header_row + 1}"
    sheet.auto_filter.ref = f"A{header_row}:{last}{header_row + len(table.rows)}"
    for i, column in enumerate(table.columns, start=1):
        width = column.width or min(max(widths[i - 1] + 2, MIN_WIDTH), MAX_WIDTH)
        sheet.column_dimensions[get_column_letter(i)].width = width


def workbook(export: Export) -> bytes:
    """The .xlsx file of an export: a sheet per table, in order. Makes no query."""
    book = Workbook()
    book.remove(book.active)
    taken: set[str] = set()
    for table in export.tables or [Table(export.title, [], [])]:
        sheet = book.create_sheet(_sheet_name(table.sheet or table.title, taken))
        _write_table(sheet, table)
    return workbook_bytes(book)


# -- the response ---------------------------------------------------------------------------


def _safe_filename(text: str) -> str:
    """A file name's part: no path separators, quotes or control characters."""
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C")
    return re.sub(r'[\\/:*?"<>|]+', "-", text).strip(" .-")


def _ascii(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-") or "export.xlsx"


def content_disposition(filename: str, fallback: str) -> str:
    """An attachment with a Thai name (RFC 6266 and 5987's filename*) and an ASCII one for
    clients that do not read it."""
    return f"attachment; filename=\"{_ascii(fallback)}\"; filename*=UTF-8''{quote(filename)}"


def xlsx_response(export: Export) -> HttpResponse:
    """The HTTP answer of every export view: the workbook as an attachment named by its
    office, fiscal year and contents."""
    response = HttpResponse(workbook(export), content_type=CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition(export.filename, export.ascii_filename)
    response["Cache-Control"] = "private, no-store"
    return response
