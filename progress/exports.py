"""Renderers of progress data that make no queries: the follow-up table as Excel (rows
written through plans/excel.py: free text stays text, never a formula)."""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Font

from plans import thai
from plans.excel import append_row, workbook_bytes
from progress.selectors import FollowUpRow

HEADERS = [
    "ลำดับโครงการ",
    "โครงการ",
    "กลุ่มงานที่รับผิดชอบ",
    "ผู้รับผิดชอบ",
    "ไตรมาส",
    "สถานะ",
    "กำหนดส่ง",
    "เลยกำหนด",
    "เหตุผลล่าสุด",
]


def follow_up_xlsx(rows: list[FollowUpRow], *, title: str) -> bytes:
    """One sheet, one row per project and quarter, in the order given (overdue first)."""
    book = Workbook()
    sheet = book.active
    sheet.title = "การรายงานผล"
    append_row(sheet, [title])
    sheet["A1"].font = Font(bold=True)
    append_row(sheet, HEADERS)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for row in rows:
        append_row(
            sheet,
            [
                row.number,
                row.name,
                row.work_group,
                row.owner,
                row.quarter,
                row.status.label,
                thai.format_thai_date(row.status.deadline, thai_digits=False),
                "เลยกำหนด" if row.status.overdue else "",
                row.status.last_reason,
            ],
        )
    for column, width in zip("ABCDEFGHI", (10, 60, 30, 25, 8, 18, 18, 10, 40), strict=True):
        sheet.column_dimensions[column].width = width
    return workbook_bytes(book)
