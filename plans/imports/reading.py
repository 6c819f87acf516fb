"""Reading an uploaded .xlsx or .csv file as a person means it.

The header row is found by its Thai column names (not assumed to be the first row), so a
title row, merged or not, above it is passed over; a header of two rows (a merged "ม.๑"
above "ชาย", "หญิง", "ห้องเรียน") is read as "ม.๑ ชาย" and so on. Headers are compared
without spaces, dots, brackets or stars and with Thai digits read as Arabic ones, so
"ม.1 ชาย" is "ม.๑ ชาย". Blank rows are skipped (the others keep the row numbers the
spreadsheet shows), text cells lose their stray spaces, and the file is read as a stream:
a file of more than MAX_ROWS rows is refused as soon as the row after the limit is read.

Everything that stops a file from being read at all (not a spreadsheet, an old .xls, an
empty file, a wrong sheet, a missing column, too many rows) is a `FileRefused` with a Thai
message naming what is wrong; never a traceback.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from xml.etree.ElementTree import ParseError

from openpyxl.utils.exceptions import InvalidFileException

from plans import thai

MAX_ROWS = 50_000  # data rows in one file: a national office's schools fit many times over
MAX_BYTES = 20 * 1024 * 1024
HEADER_SEARCH_ROWS = 30  # the header row is looked for in the first rows of each sheet

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls (Excel 97-2003) and other OLE files
EXTENSIONS = (".xlsx", ".csv")


NOT_A_WORKBOOK = (
    "เปิดไฟล์ Excel นี้ไม่ได้ ไฟล์อาจเสียหรือไม่ใช่ไฟล์ .xlsx กรุณาเปิดใน Excel แล้วบันทึกเป็น .xlsx อีกครั้ง"
)
# What opening or reading a damaged or foreign .xlsx raises (zip, XML, openpyxl).
UNREADABLE = (
    zipfile.BadZipFile,
    KeyError,
    OSError,
    ValueError,
    TypeError,
    IndexError,
    AttributeError,
    ParseError,
    InvalidFileException,
)


class FileRefused(Exception):
    """The file cannot be read as this kind of import: the message says why, in Thai."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def normalise_header(text: Any) -> str:
    """A header as compared: Arabic digits, no spaces, dots, brackets, stars or dashes,
    case-folded ("ปีการศึกษา (พ.ศ.)" -> "ปีการศึกษาพศ", "ม.๑ ชาย" -> "ม1ชาย")."""
    if text is None:
        return ""
    cleaned = thai.to_arabic_digits(str(text)).casefold()
    return re.sub(r"[\s.()\[\]*:\-–—_/]+", "", cleaned)


def clean_cell(value: Any) -> Any:
    """A cell's value as the resource's widgets receive it: text without stray spaces
    (inner runs of spaces become one; the lines of a cell of several lines are kept, without
    blank ones, for the widgets that read a list: a one-line widget joins them), "" for an
    empty cell, numbers and dates as they are."""
    if value is None:
        return ""
    if isinstance(value, str):
        return "\n".join(" ".join(line.split()) for line in value.splitlines() if line.strip())
    if isinstance(value, datetime):
        return value.date() if not value.time() else value
    return value


@dataclass(frozen=True)
class Header:
    """One column the import knows: its header in the template and other names it goes by."""

    text: str
    aliases: tuple[str, ...] = ()
    required: bool = True

    def names(self) -> set[str]:
        return {normalise_header(n) for n in (self.text, *self.aliases)}


@dataclass
class Table:
    """The rows of the file's data, keyed by the template's headers (the columns the file
    has), with the row number each has in the spreadsheet."""

    sheet: str
    headers: list[str]
    rows: list[dict[str, Any]] = field(default_factory=list)
    numbers: list[int] = field(default_factory=list)
    header_row: int = 1


def _format_of(name: str, content: bytes) -> str:
    lowered = name.lower()
    if not content:
        raise FileRefused("ไฟล์ว่างเปล่า ไม่มีข้อมูลให้นำเข้า")
    if content.startswith(OLE_MAGIC):
        raise FileRefused(
            "ไฟล์นี้เป็นไฟล์ Excel แบบเก่า (.xls) หรือไม่ใช่ไฟล์ตาราง "
            "กรุณาเปิดใน Excel แล้วบันทึกเป็น .xlsx หรือ .csv ก่อนอัปโหลด"
        )
    if content.startswith(ZIP_MAGIC):
        return "xlsx"
    if lowered.endswith(".xlsx"):
        raise FileRefused(
            "ไฟล์นี้ตั้งชื่อเป็น .xlsx แต่เนื้อไฟล์ไม่ใช่ไฟล์ Excel "
            "กรุณาเปิดไฟล์ใน Excel แล้วบันทึกเป็น .xlsx อีกครั้ง หรือใช้แบบฟอร์มจากหน้านี้"
        )
    if lowered.endswith(".csv"):
        if b"\x00" in content[:4096]:
            raise FileRefused("ไฟล์นี้ไม่ใช่ไฟล์ตาราง .csv ที่อ่านได้ กรุณาบันทึกจาก Excel เป็น .csv (UTF-8)")
        return "csv"
    raise FileRefused("รับเฉพาะไฟล์ .xlsx หรือ .csv")


def _xlsx_sheets(content: bytes) -> Iterator[tuple[str, Iterator[Sequence[Any]]]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except UNREADABLE as error:
        raise FileRefused(NOT_A_WORKBOOK) from error
    try:
        for sheet in book.worksheets:
            yield sheet.title, sheet.iter_rows(values_only=True)
    finally:
        book.close()


def _decode(content: bytes) -> str:
    for encoding in ("utf-8-sig", "cp874"):  # Excel's "CSV UTF-8", then Thai Windows
        try:
            return codecs.decode(content, encoding)
        except UnicodeDecodeError:
            continue
    raise FileRefused("อ่านตัวอักษรในไฟล์ .csv นี้ไม่ได้ กรุณาบันทึกจาก Excel เป็น “CSV UTF-8”")


def _csv_sheets(name: str, content: bytes) -> Iterator[tuple[str, Iterator[Sequence[Any]]]]:
    text = _decode(content)
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first.count)
    try:
        yield name, csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    except csv.Error as error:
        raise FileRefused("ไฟล์ .csv นี้มีรูปแบบที่อ่านไม่ได้") from error


def _match(cells: Sequence[Any], above: Sequence[Any], headers: Sequence[Header]) -> dict[int, str]:
    """Which column holds which header, in one candidate header row (with the row above it,
    its merged group titles filled across, for two-row headers)."""
    known = {}
    for header in headers:
        for name in header.names():
            known.setdefault(name, header.text)
    found: dict[int, str] = {}
    group = ""
    for index, cell in enumerate(cells):
        if index < len(above) and above[index] not in (None, ""):
            group = str(above[index])
        own = normalise_header(cell)
        if not own:
            # A header merged down over two rows is in the row above only.
            own = normalise_header(above[index]) if index < len(above) else ""
            text = known.get(own)
            if text and text not in found.values():
                found[index] = text
            continue
        text = known.get(own) or known.get(normalise_header(f"{group} {cell}"))
        if text and text not in found.values():
            found[index] = text
    return found


def read_table(
    name: str, content: bytes, headers: Sequence[Header], *, title: str, max_rows: int = MAX_ROWS
) -> Table:
    """The data of the first sheet whose header row has the import's headers; `title` (the
    import's Thai name) is used in the messages."""
    kind = _format_of(name, content)
    sheets = _xlsx_sheets(content) if kind == "xlsx" else _csv_sheets(name, content)
    try:
        seen: list[str] = []
        best: tuple[int, str, dict[int, str]] | None = None
        for sheet, rows in sheets:
            seen.append(sheet)
            table = _read_sheet(sheet, rows, headers, max_rows=max_rows)
            if isinstance(table, Table):
                return table
            if table is not None and (best is None or len(table[2]) > len(best[2])):
                best = table
    except (csv.Error, UnicodeDecodeError) as error:
        raise FileRefused("ไฟล์นี้มีรูปแบบที่อ่านไม่ได้ กรุณาใช้แบบฟอร์มจากหน้านี้") from error
    except UNREADABLE as error:  # a workbook whose sheets are damaged
        raise FileRefused(NOT_A_WORKBOOK) from error
    if best is not None:
        number, sheet, found = best
        missing = [h.text for h in headers if h.required and h.text not in found.values()]
        names = ", ".join(f"“{m}”" for m in missing)
        raise FileRefused(
            f"แผ่นงาน “{sheet}” ไม่มีคอลัมน์ {names} "
            f"(หัวตารางอยู่ที่แถวที่ {thai.to_thai_digits(number)}) "
            "กรุณาเพิ่มคอลัมน์นี้ หรือใช้แบบฟอร์มจากหน้านี้"
        )
    if not seen:
        raise FileRefused("ไฟล์นี้ไม่มีแผ่นงาน")
    sheets_text = ", ".join(f"“{s}”" for s in seen)
    required = ", ".join(f"“{h.text}”" for h in headers if h.required)
    raise FileRefused(
        f"ไม่พบตาราง{title}ในไฟล์นี้ (แผ่นงานในไฟล์: {sheets_text}) "
        f"แถวหัวตารางต้องมีคอลัมน์ {required} กรุณาตรวจว่าเลือกไฟล์ถูก หรือใช้แบบฟอร์มจากหน้านี้"
    )


def _read_sheet(
    sheet: str, rows: Iterable[Sequence[Any]], headers: Sequence[Header], *, max_rows: int
) -> Table | tuple[int, str, dict[int, str]] | None:
    """The sheet's Table when its header row has every required header; else the best
    partial header row found (row number, sheet, columns) when it has two or more of them,
    or None."""
    required = {h.text for h in headers if h.required}
    above: Sequence[Any] = ()
    best = None
    iterator = iter(rows)
    for number, cells in enumerate(iterator, start=1):
        if number > HEADER_SEARCH_ROWS:
            return best
        found = _match(cells, above, headers)
        if required <= set(found.values()):
            return _read_rows(sheet, number, found, iterator, max_rows=max_rows)
        if len(found) >= 2 and (best is None or len(found) > len(best[2])):
            best = (number, sheet, found)
        if any(c not in (None, "") for c in cells):
            above = cells
    return best


def _read_rows(
    sheet: str, header_row: int, found: dict[int, str], rows: Iterator, *, max_rows: int
) -> Table:
    table = Table(sheet=sheet, headers=list(found.values()), header_row=header_row)
    header_names = {normalise_header(text) for text in found.values()}
    first_index, first_header = next(iter(found.items()))
    first_name = normalise_header(first_header)
    for number, cells in enumerate(rows, start=header_row + 1):
        values = {
            text: clean_cell(cells[i] if i < len(cells) else None) for i, text in found.items()
        }
        if all(v == "" for v in values.values()):
            continue  # a blank row
        first = cells[first_index] if first_index < len(cells) else None
        repeated = isinstance(first, str) and normalise_header(first) == first_name
        if repeated and {normalise_header(v) for v in values.values() if v != ""} <= header_names:
            continue  # the header repeated (a printed page's)
        if len(table.rows) >= max_rows:
            raise FileRefused(
                f"ไฟล์มีข้อมูลเกิน {thai.format_number(max_rows, 0)} แถว "
                "ซึ่งเป็นจำนวนสูงสุดที่นำเข้าได้ในครั้งเดียว "
                "กรุณาแบ่งไฟล์เป็นหลายไฟล์แล้วนำเข้าทีละไฟล์"
            )
        table.rows.append(values)
        table.numbers.append(number)
    return table


def cell_text(value: Any) -> str:
    """A cell's value as the preview shows it."""
    if value is None:
        return ""
    if isinstance(value, date):
        return thai.to_thai_digits(f"{value.day}/{value.month}/{thai.be_year(value.year)}")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
