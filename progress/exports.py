"""Excel files of the progress lists (who has not reported, my projects, my work queue):
the selector's rows as tables of plans/excel.py, without a query."""

from __future__ import annotations

from plans import thai
from plans.excel import Column, Export, Kind, Table
from plans.models import Plan
from plans.templatetags.thai import person
from progress.selectors import FollowUpRow, ProjectQuarterRow, WorkQueue

GROUP = "กลุ่มงานที่รับผิดชอบ"


def _export(plan: Plan, name: str, title: str, table: Table) -> Export:
    return Export(plan.office.code, plan.fiscal_year.year, name, title, [table])


def follow_up_export(plan: Plan, rows: list[FollowUpRow], *, own_groups: bool) -> Export:
    """One row per project and quarter, in the page's order (overdue first)."""
    notes = [plan.office.name]
    if own_groups:
        notes.append("เฉพาะโครงการของกลุ่มที่ท่านรับผิดชอบ")
    table = Table(
        f"การรายงานผลรายไตรมาส {plan.fiscal_year}",
        [
            Column("ลำดับโครงการ", Kind.INTEGER),
            Column("โครงการ"),
            Column(GROUP),
            Column("ผู้รับผิดชอบ"),
            Column("ไตรมาส", Kind.INTEGER),
            Column("สถานะ"),
            Column("กำหนดส่ง", Kind.DATE),
            Column("เลยกำหนด"),
            Column("เหตุผลล่าสุด"),
        ],
        [
            [
                row.number,
                row.name,
                row.work_group,
                row.owner,
                row.quarter,
                row.status.label,
                row.status.deadline,
                "เลยกำหนด" if row.status.overdue else "",
                row.status.last_reason,
            ]
            for row in rows
        ],
        sheet="การรายงานผล",
        notes=notes,
    )
    return _export(plan, "follow-up", "การรายงานผล", table)


def my_projects_export(plan: Plan, rows: list[ProjectQuarterRow], *, quarter: int) -> Export:
    table = Table(
        f"โครงการของฉัน สถานะรายงาน{thai.quarter_label(quarter)} {plan.fiscal_year}",
        [
            Column("ที่", Kind.INTEGER),
            Column("โครงการ"),
            Column(GROUP),
            Column("สถานะ"),
            Column("กำหนดส่ง", Kind.DATE),
            Column("เลยกำหนด"),
            Column("เหตุผลล่าสุด"),
        ],
        [
            [
                row.project.number,
                row.project.name,
                str(row.project.work_group or ""),
                row.status.label,
                row.status.deadline,
                "เลยกำหนด" if row.status.overdue else "",
                row.status.last_reason,
            ]
            for row in rows
        ],
        sheet="โครงการของฉัน",
        notes=[plan.office.name],
    )
    return _export(plan, f"my-projects-q{quarter}", f"โครงการของฉัน-ไตรมาส{quarter}", table)


def work_queue_export(plan: Plan, queue: WorkQueue) -> Export:
    """The page's three lists in one table, in the page's order: what the first column
    says is the list."""
    rows = [
        [
            "ถูกส่งกลับให้แก้ไข",
            r.report.quarter,
            r.project.number,
            r.project.name,
            str(r.project.work_group or ""),
            r.report.last_reason,
            None,
            None,
            None,
        ]
        for r in queue.returned
    ]
    rows += [
        [
            "เลยกำหนดส่ง ยังไม่ได้ส่ง",
            r.quarter,
            r.project.number,
            r.project.name,
            str(r.project.work_group or ""),
            r.status.label,
            r.status.deadline,
            None,
            None,
        ]
        for r in queue.overdue
    ]
    rows += [
        [
            "รอพิจารณา",
            r.report.quarter,
            r.project.number,
            r.project.name,
            str(r.project.work_group or ""),
            r.report.get_status_display(),
            None,
            person(r.report.submitted_by, ""),
            r.report.submitted_at,
        ]
        for r in queue.waiting
    ]
    table = Table(
        f"งานที่รอฉัน {plan.fiscal_year}",
        [
            Column("รายการ"),
            Column("ไตรมาส", Kind.INTEGER),
            Column("ที่", Kind.INTEGER),
            Column("โครงการ"),
            Column(GROUP),
            Column("สถานะ/เหตุผลที่ส่งกลับ"),
            Column("กำหนดส่ง", Kind.DATE),
            Column("ผู้ส่ง"),
            Column("ส่งเมื่อ", Kind.DATE),
        ],
        rows,
        sheet="งานที่รอฉัน",
        notes=[plan.office.name],
    )
    return _export(plan, "work-queue", "งานที่รอฉัน", table)
