"""Renderers of progress data that make no queries: the follow-up table as Excel."""

from __future__ import annotations

from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Font

from plans import thai
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
    sheet.append([title])
    sheet["A1"].font = Font(bold=True)
    sheet.append(HEADERS)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(
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
            ]
        )
    for column, width in zip("ABCDEFGHI", (10, 60, 30, 25, 8, 18, 18, 10, 40), strict=True):
        sheet.column_dimensions[column].width = width
    out = BytesIO()
    book.save(out)
    return out.getvalue()
