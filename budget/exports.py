"""Excel files of the budget pages: each turns the selector's data into tables of
plans/excel.py (no queries), so the workbook shows the same numbers as the page."""

from __future__ import annotations

from budget.rules import PACE_LABELS
from budget.selectors import (
    BudgetAmounts,
    BudgetOverview,
    CategoryLine,
    OfficeBudget,
    ProjectLedger,
    TransferRow,
)
from plans import thai
from plans.excel import Column, Export, Kind, Row, Table, total
from plans.models import Plan

AMOUNT_COLUMNS = [
    Column("งบประมาณตามแผน (บาท)", Kind.MONEY),
    Column("รับโอน (บาท)", Kind.MONEY),
    Column("โอนออก (บาท)", Kind.MONEY),
    Column("งบประมาณปัจจุบัน (บาท)", Kind.MONEY),
    Column("เบิกจ่ายแล้ว (บาท)", Kind.MONEY),
    Column("คงเหลือ (บาท)", Kind.MONEY),
    Column("คงเหลือ (ตัวอักษร)"),
    Column("ร้อยละการเบิกจ่าย", Kind.PERCENT),
]
TABLE_13_COLUMNS = [
    Column("ที่", Kind.INTEGER),
    Column("รายการ"),
    Column("ได้รับจัดสรร (บาท)", Kind.MONEY),
    Column("เบิกแล้ว (บาท)", Kind.MONEY),
    Column("คงเหลือ (บาท)", Kind.MONEY),
    Column("ร้อยละการเบิกจ่าย", Kind.PERCENT),
    Column("ได้รับจัดสรร (ตัวอักษร)"),
]


def _export(plan: Plan, name: str, title: str, tables: list[Table]) -> Export:
    return Export(plan.office.code, plan.fiscal_year.year, name, title, tables)


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


def _line(number: int | None, line: CategoryLine) -> list:
    return [
        number,
        line.name,
        line.allocated,
        line.disbursed,
        line.remaining,
        line.rate,
        thai.baht_text(line.allocated),
    ]


def office_budget_table(budget: OfficeBudget, *, title: str, notes=()) -> Table:
    """Table 13: the office's money by category, its total, then the central fund apart
    (the budget page and the annual report's table 13 export both write this)."""
    rows: list[Row | list] = [_line(line.number, line) for line in budget.lines]
    rows.append(total(*_line(None, budget.total)))
    rows += [_line(None, line) for line in budget.central_fund]
    return Table(title, TABLE_13_COLUMNS, rows, sheet="ตารางที่ 13", notes=notes)


def overview_export(plan: Plan, overview: BudgetOverview) -> Export:
    year = thai.fiscal_year_label(overview.fiscal_year)
    office = office_budget_table(
        overview.office,
        title=f"ผลการบริหารจัดการงบประมาณ {year}",
        notes=[overview.office_name],
    )
    rows: list[Row | list] = []
    for project in overview.projects:
        rows.append([project.number, project.name, *_amounts(project), project.pace_label])
        for activity in project.activities:
            name = f"กิจกรรมที่ {activity.number} {activity.name}"
            rows.append([None, name, *_amounts(activity), None])
    plan_total = overview.plan_total
    rows.append(total(None, "รวม", *_amounts(plan_total), PACE_LABELS[overview.plan_pace]))
    target = overview.targets.current
    notes = [overview.office_name]
    if target is not None:
        label = overview.targets.quarter_label
        notes.append(f"เป้าหมายการเบิกจ่ายสะสม {label} ร้อยละ {thai.format_percent(target)}")
    projects = Table(
        f"งบประมาณโครงการตามแผนปฏิบัติการ{year}",
        [
            Column("ที่", Kind.INTEGER),
            Column("โครงการ/กิจกรรม"),
            *AMOUNT_COLUMNS,
            Column("สถานะ"),
        ],
        rows,
        sheet="โครงการ",
        notes=notes,
    )
    instalments = Table(
        f"การจัดสรรงบประมาณของสำนักงานรายงวด {year}",
        [
            Column("หมวดงบประมาณ"),
            Column("ครั้งที่", Kind.INTEGER),
            Column("วันที่ได้รับ", Kind.DATE),
            Column("เลขที่หนังสือ"),
            Column("จำนวนเงิน (บาท)", Kind.MONEY),
            Column("หมายเหตุ"),
        ],
        [
            [line.name, i.number, i.received_on, i.letter_no, i.amount, i.note]
            for line in [*overview.office.lines, *overview.office.central_fund]
            for i in line.instalments
        ],
        sheet="การจัดสรรรายงวด",
        notes=[overview.office_name],
    )
    return _export(plan, "budget", "งบประมาณ", [office, projects, instalments])


def ledger_export(plan: Plan, ledger: ProjectLedger) -> Export:
    project = ledger.project
    rows = []
    for e in ledger.entries:
        received = e.amount if e.delta > 0 else None
        paid = e.amount if e.delta < 0 else None
        rows.append([e.on, e.label, e.activity, e.reference, e.note, received, paid, e.balance])
    table = Table(
        f"บัญชีคุมงบประมาณ โครงการ {project.label}",
        [
            Column("วันที่", Kind.DATE),
            Column("รายการ"),
            Column("กิจกรรม"),
            Column("เลขที่หนังสือ/เอกสาร"),
            Column("หมายเหตุ"),
            Column("รับ (บาท)", Kind.MONEY),
            Column("จ่าย/โอนออก (บาท)", Kind.MONEY),
            Column("คงเหลือ (บาท)", Kind.MONEY),
        ],
        rows,
        sheet="บัญชีคุมงบประมาณ",
        notes=[
            f"{ledger.office_name} {thai.fiscal_year_label(ledger.fiscal_year)}",
            f"งบประมาณปัจจุบัน {thai.format_money(project.current, thai_digits=False)} บาท"
            f" เบิกจ่ายแล้ว {thai.format_money(project.disbursed, thai_digits=False)} บาท"
            f" คงเหลือ {thai.format_money(project.remaining, thai_digits=False)} บาท",
        ],
    )
    name = f"ledger-{project.number}"
    return _export(plan, name, f"บัญชีคุมงบประมาณ-โครงการ{project.number}", [table])


def transfers_export(plan: Plan, transfers: list[TransferRow]) -> Export:
    table = Table(
        f"การโอนเปลี่ยนแปลงงบประมาณ {thai.fiscal_year_label(plan.fiscal_year.year)}",
        [
            Column("วันที่อนุมัติ", Kind.DATE),
            Column("โอนจาก"),
            Column("โอนไป"),
            Column("จำนวนเงิน (บาท)", Kind.MONEY),
            Column("จำนวนเงิน (ตัวอักษร)"),
            Column("เหตุผล"),
            Column("ผู้อนุมัติ"),
            Column("เลขที่หนังสือ"),
            Column("ผู้บันทึก"),
        ],
        [
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
            ]
            for t in transfers
        ],
        sheet="การโอนงบประมาณ",
        notes=[plan.office.name],
    )
    return _export(plan, "transfers", "การโอนงบประมาณ", [table])
