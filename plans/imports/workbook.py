"""The files an import kind gives to download, written by the portal's one Excel helper
(plans/excel.py): its template (a title row, the Thai headers, an example row, and a sheet
explaining each column) and the office's current rows in the same layout, so that a file
exported here imports unchanged (the reader finds the header row under the title)."""

from __future__ import annotations

from plans import thai
from plans.excel import Column, Export, Kind, Table
from plans.imports.base import ImportKind
from plans.imports.reading import MAX_BYTES, MAX_ROWS


def _columns(kind: ImportKind, headers=None) -> list[Column]:
    by_header = {c.header: c for c in kind.columns}
    chosen = [by_header[h] for h in headers if h in by_header] if headers else kind.columns
    return [Column(c.header, Kind(c.kind)) for c in chosen]


def template_export(kind: ImportKind, *, office) -> Export:
    notes = (
        f"แถวแรกใต้หัวตารางของแผ่นงาน “{kind.sheet}” เป็นแถวตัวอย่าง กรุณาลบออกก่อนนำเข้า",
        "หัวตารางต้องตรงกับชื่อคอลัมน์ จะมีแถวชื่อเรื่องอยู่เหนือหัวตารางก็ได้ "
        "ลำดับคอลัมน์สลับกันได้ คอลัมน์อื่นที่ไม่รู้จักจะไม่ถูกอ่าน",
        "ตัวเลขพิมพ์เป็นเลขไทยหรือเลขอารบิก มีเครื่องหมายจุลภาคคั่นหลักพันได้ วันที่เป็น วัน/เดือน/ปี พ.ศ. แถวว่างจะถูกข้าม",
        f"ไฟล์ .xlsx หรือ .csv ขนาดไม่เกิน {thai.to_thai_digits(MAX_BYTES // (1024 * 1024))} MB "
        f"ไม่เกิน {thai.format_number(MAX_ROWS, 0)} แถวต่อไฟล์",
        "ถ้ามีแถวใดผิด จะไม่มีข้อมูลใดถูกนำเข้า ระบบจะแสดงทุกแถวที่ผิดให้แก้ก่อน",
        *kind.notes,
    )
    help_rows = [
        [c.header, "ต้องมี" if c.required else "ไม่บังคับ", c.help, c.example] for c in kind.all_columns
    ]
    help_columns = [
        Column("คอลัมน์"),
        Column("ต้องมี"),
        Column("ความหมายและวิธีกรอก", width=80),
        Column("ตัวอย่าง"),
    ]
    return Export(
        office_code=office.code,
        fiscal_year=None,
        name=f"{kind.file_stem or kind.key}-template",
        title=f"แบบฟอร์มนำเข้า{kind.title}",
        tables=[
            Table(
                kind.title,
                _columns(kind),
                [[c.example for c in kind.columns]],
                sheet=kind.sheet,
            ),
            Table("คำอธิบายคอลัมน์", help_columns, help_rows, sheet="คำอธิบาย", notes=notes),
        ],
    )


def data_export(kind: ImportKind, *, office, **options) -> Export:
    """The office's current rows of `kind`, in the template's layout."""
    resource = kind.resource_for(office=office)
    headers = [f.column_name for f in resource.get_export_fields()]
    rows = [resource.export_resource(obj) for obj in resource.export_objects(**options)]
    year = options.get("year")
    return Export(
        office_code=office.code,
        fiscal_year=year,
        name=kind.file_stem or kind.key,
        title=kind.title,
        tables=[
            Table(
                kind.title,
                _columns(kind, headers),
                rows,
                sheet=kind.sheet,
                notes=[
                    f"{office.name}" + (f" ปีการศึกษา {thai.to_thai_digits(year)}" if year else "")
                ],
            )
        ],
    )
