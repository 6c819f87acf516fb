"""Excel files of the budget pages: each takes the selector's data and only formats it
(no queries), so the workbook shows the same numbers as the page. Rows are written through
plans/excel.py, so free text (notes, reasons) stays text, never a formula."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from budget.rules import PACE_LABELS
from budget.selectors import BudgetAmounts, BudgetOverview, ProjectLedger, TransferRow
from plans import thai
from plans.excel import append_row, workbook_bytes

MONEY_FORMAT = "#,##0.00"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

AMOUNT_HEADERS = [
    "งบประมาณตามแผน (บาท)",
    "รับโอน (บาท)",
    "โอนออก (บาท)",
    "งบประมาณปัจจุบัน (บาท)",
    "เบิกจ่ายแล้ว (บาท)",
    "คงเหลือ (บาท)",
    "คงเหลือ (ตัวอักษร)",
    "ร้อยละการเบิกจ่าย",
]


def _row(sheet: Worksheet, values: Iterable, *, bold: bool = False) -> None:
    for cell in append_row(sheet, values):
        if isinstance(cell.value, Decimal):
            cell.number_format = MONEY_FORMAT
        elif isinstance(cell.value, date):
            cell.number_format = "dd/mm/yyyy"
        if bold:
            cell.font = Font(bold=True)


def _amounts(f: BudgetAmounts) -> list:
    return [
        f.original,
        f.transferred_in,
        f.transferred_out,
        f.current,
        f.disbursed,
        f.remaining,
        thai.baht_text(f.remaining),
        f.rate,
    ]


def overview_xlsx(overview: BudgetOverview) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "ตารางที่ 13"
    _row(sheet, [f"ผลการบริหารจัดการงบประมาณ {thai.fiscal_year_label(overview.fiscal_year)}"])
    _row(sheet, [overview.office_name])
    headers = ["ที่", "รายการ", "ได้รับจัดสรร (บาท)", "เบิกแล้ว (บาท)", "คงเหลือ (บาท)"]
    _row(sheet, [*headers, "ร้อยละการเบิกจ่าย", "ได้รับจัดสรร (ตัวอักษร)"], bold=True)
    office = overview.office
    for line in office.lines:
        _row(sheet, _line(line.number, line))
    _row(sheet, _line(None, office.total), bold=True)
    for line in office.central_fund:
        _row(sheet, _line(None, line))

    sheet = book.create_sheet("โครงการ")
    _row(sheet, [f"งบประมาณโครงการตามแผนปฏิบัติการ{thai.fiscal_year_label(overview.fiscal_year)}"])
    target = overview.targets.current
    _row(sheet, [f"เป้าหมายการเบิกจ่ายสะสม {overview.targets.quarter_label}", target])
    _row(sheet, ["ที่", "โครงการ/กิจกรรม", *AMOUNT_HEADERS, "สถานะ"], bold=True)
    for project in overview.projects:
        _row(sheet, [project.number, project.name, *_amounts(project), project.pace_label])
        for activity in project.activities:
            name = f"กิจกรรมที่ {activity.number} {activity.name}"
            _row(sheet, [None, name, *_amounts(activity), None])
    total = overview.plan_total
    _row(sheet, [None, "รวม", *_amounts(total), PACE_LABELS[overview.plan_pace]], bold=True)
    return workbook_bytes(book)


def _line(number, line) -> list:
    return [
        number,
        line.name,
        line.allocated,
        line.disbursed,
        line.remaining,
        line.rate,
        thai.baht_text(line.allocated),
    ]


def ledger_xlsx(ledger: ProjectLedger) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "บัญชีคุมงบประมาณ"
    project = ledger.project
    _row(sheet, [f"บัญชีคุมงบประมาณ โครงการ {project.label}"])
    _row(sheet, [f"{ledger.office_name} {thai.fiscal_year_label(ledger.fiscal_year)}"])
    _row(sheet, AMOUNT_HEADERS, bold=True)
    _row(sheet, _amounts(project))
    _row(sheet, [])
    headers = ["วันที่", "รายการ", "กิจกรรม", "เลขที่หนังสือ/เอกสาร", "หมายเหตุ"]
    _row(sheet, [*headers, "รับ (บาท)", "จ่าย/โอนออก (บาท)", "คงเหลือ (บาท)"], bold=True)
    for e in ledger.entries:
        received = e.amount if e.delta > 0 else None
        paid = e.amount if e.delta < 0 else None
        row = [e.on, e.label, e.activity, e.reference, e.note, received, paid, e.balance]
        _row(sheet, row)
    return workbook_bytes(book)


def transfers_xlsx(fiscal_year: int, rows: list[TransferRow]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "การโอนงบประมาณ"
    _row(sheet, [f"การโอนเปลี่ยนแปลงงบประมาณ {thai.fiscal_year_label(fiscal_year)}"])
    headers = ["วันที่อนุมัติ", "โอนจาก", "โอนไป", "จำนวนเงิน (บาท)", "จำนวนเงิน (ตัวอักษร)"]
    _row(sheet, [*headers, "เหตุผล", "ผู้อนุมัติ", "เลขที่หนังสือ", "ผู้บันทึก"], bold=True)
    for t in rows:
        _row(
            sheet,
            [
                t.on,
                t.source,
                t.target,
                t.amount,
                thai.baht_text(t.amount),
                t.reason,
                t.approved_by,
                t.letter_no,
                t.recorded_by,
            ],
        )
    return workbook_bytes(book)
