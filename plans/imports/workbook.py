"""The files an import kind gives to download: its template (Thai headers, an example row,
and a sheet explaining each column) and the office's current rows in the same layout, so
that a file exported here imports unchanged. Cells are written the one safe way
(plans/excel.py: text stays text, never a formula)."""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from plans import thai
from plans.excel import append_row, workbook_bytes
from plans.imports.base import ImportKind
from plans.imports.reading import MAX_BYTES, MAX_ROWS

HEADER_FILL = PatternFill("solid", fgColor="DDE7F0")
EXAMPLE_FONT = Font(italic=True, color="555555")


def _data_sheet(book: Workbook, kind: ImportKind, columns) -> object:
    sheet = book.active
    sheet.title = kind.sheet
    for cell in append_row(sheet, [c.header for c in columns]):
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(12, len(column.header) + 4)
    sheet.freeze_panes = "A2"
    return sheet


def template_bytes(kind: ImportKind) -> bytes:
    book = Workbook()
    sheet = _data_sheet(book, kind, kind.columns)
    for cell in append_row(sheet, [c.example for c in kind.columns]):
        cell.font = EXAMPLE_FONT
    help_sheet = book.create_sheet("คำอธิบาย")
    for cell in append_row(help_sheet, ["คอลัมน์", "ต้องมี", "ความหมายและวิธีกรอก", "ตัวอย่าง"]):
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
    for column in kind.all_columns:
        required = "ต้องมี" if column.required else "ไม่บังคับ"
        append_row(help_sheet, [column.header, required, column.help, column.example])
    append_row(help_sheet, [])
    notes = (
        f"แถวที่ ๒ ของแผ่นงาน “{kind.sheet}” เป็นแถวตัวอย่าง กรุณาลบออกก่อนนำเข้า",
        "หัวตารางต้องตรงกับชื่อคอลัมน์ข้างบน จะมีแถวชื่อเรื่องอยู่เหนือหัวตารางก็ได้ "
        "ลำดับคอลัมน์สลับกันได้ คอลัมน์อื่นที่ไม่รู้จักจะไม่ถูกอ่าน",
        "ตัวเลขพิมพ์เป็นเลขไทยหรือเลขอารบิก มีเครื่องหมายจุลภาคคั่นหลักพันได้ วันที่เป็น วัน/เดือน/ปี พ.ศ. แถวว่างจะถูกข้าม",
        f"ไฟล์ .xlsx หรือ .csv ขนาดไม่เกิน {thai.to_thai_digits(MAX_BYTES // (1024 * 1024))} MB "
        f"ไม่เกิน {thai.format_number(MAX_ROWS, 0)} แถวต่อไฟล์",
        "ถ้ามีแถวใดผิด จะไม่มีข้อมูลใดถูกนำเข้า ระบบจะแสดงทุกแถวที่ผิดให้แก้ก่อน",
        *kind.notes,
    )
    for note in notes:
        append_row(help_sheet, [note])
    for letter, width in zip("ABCD", (24, 10, 80, 24), strict=True):
        help_sheet.column_dimensions[letter].width = width
    return workbook_bytes(book)


def export_bytes(kind: ImportKind, *, office, **options) -> bytes:
    """The office's current rows of `kind`, one sheet in the template's layout."""
    resource = kind.resource_for(office=office)
    book = Workbook()
    headers = [f.column_name for f in resource.get_export_fields()]
    by_header = {c.header: c for c in kind.columns}
    sheet = _data_sheet(book, kind, [by_header[h] for h in headers if h in by_header])
    for obj in resource.export_objects(**options):
        append_row(sheet, resource.export_resource(obj))
    return workbook_bytes(book)
