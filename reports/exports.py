"""The annual report's tables as Excel (plans/excel.py): the chapter 4 summary, table 13
and tables 1 to 6, each from the selector the printed report reads (reports/selectors/),
with the caption the report prints (reports/outline.py's TABLES). No queries here."""

from __future__ import annotations

from budget.exports import office_budget_table
from plans import thai
from plans.excel import Column, Export, Kind, Row, Table, total
from plans.models import Plan
from reports.outline import TABLES, NumberedTable
from reports.selectors import OfficeBudget, PersonnelTable, PlanSummary, SchoolStats
from reports.selectors.summary import IndicatorRow, ProjectRow

SUMMARY_COLUMNS = [
    Column("ระดับ"),
    Column("ที่", Kind.INTEGER),
    Column("โครงการ/กิจกรรม/ตัวชี้วัด"),
    Column("กลุ่มงาน/ผู้รับผิดชอบ"),
    Column("ค่าเป้าหมาย", Kind.NUMBER),
    Column("หน่วย (ค่าเป้าหมาย)"),
    Column("เป้าหมาย ณ สิ้นไตรมาส", Kind.NUMBER),
    Column("ผลการดำเนินงาน", Kind.NUMBER),
    Column("หน่วย (ผลการดำเนินงาน)"),
    Column("จำนวน", Kind.NUMBER),
    Column("หน่วย (จำนวน)"),
    Column("ผลเทียบค่าเป้าหมาย"),
    Column("ตัวชี้วัดที่บรรลุ", Kind.INTEGER),
    Column("ตัวชี้วัดที่รายงานผล", Kind.INTEGER),
    Column("งบประมาณ (บาท)", Kind.MONEY),
]


def caption(number: int, year: int) -> str:
    """A numbered table's caption as the report prints it: "ตารางที่ ๑๓ แสดงผล…"."""
    declared = next(t for t in TABLES if t.number == number)
    return NumberedTable(number, declared.title.format(year=thai.to_thai_digits(year))).caption


def _export(plan: Plan, name: str, title: str, tables: list[Table]) -> Export:
    return Export(plan.office.code, plan.fiscal_year.year, name, title, tables)


def _indicator(row: IndicatorRow) -> list:
    milestone = row.milestone if row.quarter != 4 else None
    return [
        "ตัวชี้วัด",
        None,
        row.text,
        None,
        row.target,
        row.unit,
        milestone,
        row.result,
        row.result_unit if row.result is not None else None,
        row.count,
        row.count_unit or None,
        row.verdict_label,
        None,
        None,
        None,
    ]


def _project(p: ProjectRow) -> list[Row | list]:
    owner = "/".join(part for part in (p.work_group, p.owner_name) if part)
    rows: list[Row | list] = [
        Row(
            [
                "โครงการ",
                p.number,
                p.name,
                owner,
                *[None] * 7,
                f"บรรลุ {p.counts.achieved} จาก {p.counts.reported}",
                p.counts.achieved,
                p.counts.reported,
                p.budget,
            ],
            bold=True,
        )
    ]
    rows += [_indicator(i) for i in p.indicators]
    for activity in p.activities:
        rows.append(["กิจกรรม", activity.number, activity.name, *[None] * 12])
        rows += [_indicator(i) for i in activity.indicators]
    return rows


def summary_export(plan: Plan, summary: PlanSummary) -> Export:
    """Chapter 4's summary table (each policy area, project, activity and indicator with
    its verdict) and, on a second sheet, the counts by policy area behind its chart."""
    year = thai.to_thai_digits(summary.fiscal_year)
    notes = [summary.office_name]
    if summary.as_of:
        notes.append(thai.as_of_label(summary.as_of))
    rows: list[Row | list] = []
    for area in summary.policy_areas:
        rows.append(total("นโยบาย", area.number, f"นโยบาย{area.name}", *[None] * 12))
        for project in area.projects:
            rows += _project(project)
    counts = summary.counts
    rows.append(
        total(
            "รวม",
            None,
            f"รวม {len(summary.projects)} โครงการ ตัวชี้วัด {counts.total} ตัวชี้วัด",
            *[None] * 8,
            f"บรรลุ {counts.achieved} ไม่บรรลุ {counts.not_achieved}"
            f" ยังไม่รายงาน {counts.not_reported} ยังไม่ถึงกำหนดประเมิน {counts.not_due}",
            counts.achieved,
            counts.reported,
            summary.budget,
        )
    )
    table = Table(
        "สรุปผลการดำเนินงานโครงการ/กิจกรรม ตามแผนปฏิบัติการประจำปีงบประมาณ พ.ศ. " + year,
        SUMMARY_COLUMNS,
        rows,
        sheet="สรุปผลโครงการ",
        notes=notes,
    )
    areas = Table(
        "ตัวชี้วัดที่บรรลุค่าเป้าหมาย จำแนกตามนโยบาย",
        [
            Column("นโยบาย"),
            Column("โครงการ", Kind.INTEGER),
            Column("ตัวชี้วัด", Kind.INTEGER),
            Column("บรรลุ", Kind.INTEGER),
            Column("ไม่บรรลุ", Kind.INTEGER),
            Column("ยังไม่รายงาน", Kind.INTEGER),
            Column("ยังไม่ถึงกำหนดประเมิน", Kind.INTEGER),
            Column("ร้อยละที่บรรลุ", Kind.PERCENT),
            Column("งบประมาณ (บาท)", Kind.MONEY),
        ],
        [
            *[
                [
                    f"นโยบาย{a.name}",
                    len(a.projects),
                    a.counts.total,
                    a.counts.achieved,
                    a.counts.not_achieved,
                    a.counts.not_reported,
                    a.counts.not_due,
                    a.counts.achieved_percent,
                    a.budget,
                ]
                for a in summary.policy_areas
            ],
            total(
                "รวม",
                len(summary.projects),
                counts.total,
                counts.achieved,
                counts.not_achieved,
                counts.not_reported,
                counts.not_due,
                counts.achieved_percent,
                summary.budget,
            ),
        ],
        sheet="จำแนกตามนโยบาย",
        notes=notes,
    )
    return _export(plan, "summary", "สรุปผลการดำเนินโครงการ", [table, areas])


def budget_table_export(plan: Plan, budget: OfficeBudget) -> Export:
    """Table 13, as the report prints it (the budget page's workbook holds it too)."""
    table = office_budget_table(
        budget, title=caption(13, plan.fiscal_year.year), notes=[plan.office.name]
    )
    return _export(plan, "table-13", "ตารางที่13-งบประมาณ", [table])


def _count_table(number: int, year: int, notes, first: str, stats: SchoolStats, rows, total_row):
    columns = [
        Column(first),
        *[Column(f"จังหวัด{p}", Kind.INTEGER) for p in stats.provinces],
        Column("รวม", Kind.INTEGER),
    ]
    body: list[Row | list] = [[label, *r.counts, r.total] for label, r in rows]
    body.append(total(total_row.label, *total_row.counts, total_row.total))
    return Table(caption(number, year), columns, body, sheet=f"ตารางที่ {number}", notes=notes)


def _size_label(row) -> str:
    low = thai.format_number(row.low)
    if row.high:
        return f"{row.label} (นักเรียนตั้งแต่ {low} - {thai.format_number(row.high)} คน)"
    return f"{row.label} (นักเรียนตั้งแต่ {low} คนขึ้นไป)"


def school_tables_export(plan: Plan, stats: SchoolStats, personnel: PersonnelTable) -> Export:
    """Tables 1 to 6 of chapter 2, a sheet each, with the same rows and totals as print."""
    year = plan.fiscal_year.year
    notes = [plan.office.name, f"ปีการศึกษา {thai.to_thai_digits(stats.academic_year)}"]
    if stats.data_as_of:
        notes[1] += f" ข้อมูล ณ วันที่ {thai.format_thai_date(stats.data_as_of)}"
    sizes = _count_table(
        1,
        year,
        notes,
        "ขนาดโรงเรียน",
        stats,
        [(_size_label(r), r) for r in stats.sizes],
        stats.sizes_total,
    )
    t = stats.province_total
    people = Table(
        caption(2, year),
        [
            Column("จังหวัด"),
            Column("จำนวนโรงเรียน", Kind.INTEGER),
            Column("นักเรียน ชาย (คน)", Kind.INTEGER),
            Column("นักเรียน หญิง (คน)", Kind.INTEGER),
            Column("นักเรียน รวม (คน)", Kind.INTEGER),
            Column("ครู ชาย (คน)", Kind.INTEGER),
            Column("ครู หญิง (คน)", Kind.INTEGER),
            Column("ครู รวม (คน)", Kind.INTEGER),
        ],
        [
            *[
                [
                    f"จังหวัด{r.name}",
                    r.schools,
                    r.students_male,
                    r.students_female,
                    r.students,
                    r.teachers_male,
                    r.teachers_female,
                    r.teachers,
                ]
                for r in stats.by_province
            ],
            total(
                t.name,
                t.schools,
                t.students_male,
                t.students_female,
                t.students,
                t.teachers_male,
                t.teachers_female,
                t.teachers,
            ),
        ],
        sheet="ตารางที่ 2",
        notes=notes,
    )
    levels = _count_table(
        3,
        year,
        notes,
        "ระดับที่เปิดทำการสอน",
        stats,
        [(r.label, r) for r in stats.levels],
        stats.levels_total,
    )
    stages_total = stats.stages_total
    stages = Table(
        caption(4, year),
        [
            Column("จังหวัด"),
            Column("มัธยมศึกษาตอนต้น", Kind.INTEGER),
            Column("มัธยมศึกษาตอนปลาย", Kind.INTEGER),
            Column("รวม", Kind.INTEGER),
        ],
        [
            *[[f"จังหวัด{r.label}", *r.counts, r.total] for r in stats.stages],
            total(stages_total.label, *stages_total.counts, stages_total.total),
        ],
        sheet="ตารางที่ 4",
        notes=notes,
    )
    grades = Table(
        caption(5, year),
        [
            Column("ระดับการศึกษา"),
            *[
                Column(f"จังหวัด{p} {part}", Kind.INTEGER)
                for p in stats.provinces
                for part in ("ชาย", "หญิง", "ห้องเรียน")
            ],
        ],
        [
            Row(
                [row.label, *[n for c in row.cells for n in (c.male, c.female, c.classrooms)]],
                bold=row.is_total,
            )
            for row in stats.grades
        ],
        sheet="ตารางที่ 5",
        notes=notes,
    )
    staff = Table(
        caption(6, year),
        [Column("ที่", Kind.INTEGER), Column("ตำแหน่ง"), Column("จำนวน (คน)", Kind.INTEGER)],
        [
            *[[r.number, r.position, r.count] for r in personnel.rows],
            total(None, "รวมทั้งสิ้น", personnel.total),
        ],
        sheet="ตารางที่ 6",
        notes=[plan.office.name, f"ปีการศึกษา {thai.to_thai_digits(year)}"],
    )
    return _export(
        plan, "tables-1-6", "ตารางที่1-6-ข้อมูลโรงเรียน", [sizes, people, levels, stages, grades, staff]
    )


# -- the directors' dashboards' lists --------------------------------------------------------


def _dashboard(plan: Plan, name: str, title: str, table: Table) -> Export:
    return _export(plan, f"dashboard-{name}", f"แดชบอร์ด-{title}", [table])


def dashboard_indicators_export(plan: Plan, items: list, *, title: str, notes) -> Export:
    """The dashboard's indicator list as filtered: each with its target, its milestone and
    result up to the chosen quarter, its verdict and the value reported in each quarter."""
    table = Table(
        title,
        [
            Column("โครงการที่", Kind.INTEGER),
            Column("โครงการ"),
            Column("กิจกรรม"),
            Column("ตัวชี้วัด"),
            Column("ค่าเป้าหมาย", Kind.NUMBER),
            Column("หน่วย"),
            Column("เป้าหมายถึงสิ้นไตรมาส", Kind.NUMBER),
            Column("ผลถึงสิ้นไตรมาส", Kind.NUMBER),
            Column("หน่วยของผล"),
            Column("ผล"),
            *[Column(f"ผล{thai.quarter_label(q)}", Kind.NUMBER) for q in thai.FISCAL_QUARTERS],
        ],
        [
            [
                i.project_number,
                i.project_name,
                i.activity,
                i.row.text,
                i.row.target,
                i.row.unit,
                i.row.milestone,
                i.row.result,
                i.row.result_unit if i.row.result is not None else None,
                i.row.verdict_label,
                *i.quarterly,
            ]
            for i in items
        ],
        sheet="ตัวชี้วัด",
        notes=notes,
    )
    return _dashboard(plan, "indicators", "ตัวชี้วัด", table)


def dashboard_projects_export(plan: Plan, projects: list, *, title: str, notes) -> Export:
    table = Table(
        title,
        [
            Column("ที่", Kind.INTEGER),
            Column("โครงการ"),
            Column("ด้านนโยบาย"),
            Column("กลุ่มงาน"),
            Column("ตัวชี้วัดที่บรรลุ", Kind.INTEGER),
            Column("ตัวชี้วัดที่รายงานผล", Kind.INTEGER),
            Column("งบประมาณ (บาท)", Kind.MONEY),
            Column("เบิกจ่าย (บาท)", Kind.MONEY),
            Column("ร้อยละการเบิกจ่าย", Kind.PERCENT),
            Column("สถานะ"),
            Column("สถานะรายงาน"),
        ],
        [
            [
                p.number,
                p.name,
                f"{p.policy_area_number}. {p.policy_area}",
                p.work_group,
                p.counts.achieved,
                p.counts.reported,
                p.allocated,
                p.disbursed,
                p.rate,
                p.status_label,
                p.report.label,
            ]
            for p in projects
        ],
        sheet="โครงการ",
        notes=notes,
    )
    return _dashboard(plan, "projects", "โครงการ", table)


def dashboard_overdue_export(plan: Plan, projects: list, *, title: str, notes) -> Export:
    table = Table(
        title,
        [
            Column("ที่", Kind.INTEGER),
            Column("โครงการ"),
            Column("กลุ่มงาน"),
            Column("สถานะรายงาน"),
            Column("กำหนดส่ง", Kind.DATE),
            Column("เหตุผลล่าสุด"),
        ],
        [
            [
                p.number,
                p.name,
                p.work_group,
                p.report.label,
                p.report.deadline,
                p.report.last_reason,
            ]
            for p in projects
        ],
        sheet="เกินกำหนดส่ง",
        notes=notes,
    )
    return _dashboard(plan, "overdue", "รายงานเกินกำหนด", table)


def dashboard_sets_export(plan: Plan, rows: list, *, by: str, title: str, notes) -> Export:
    """The by-policy-area or by-work-group table, in the page's sort order."""
    table = Table(
        title,
        [
            Column("ด้านนโยบาย" if by == "area" else "กลุ่มงาน"),
            Column("โครงการ", Kind.INTEGER),
            Column("บรรลุ", Kind.INTEGER),
            Column("ไม่บรรลุ", Kind.INTEGER),
            Column("ยังไม่รายงาน", Kind.INTEGER),
            Column("ร้อยละบรรลุ", Kind.PERCENT),
            Column("งบประมาณ (บาท)", Kind.MONEY),
            Column("เบิกจ่าย (บาท)", Kind.MONEY),
            Column("ร้อยละเบิกจ่าย", Kind.PERCENT),
            Column("ตามแผน", Kind.INTEGER),
            Column("ล่าช้า", Kind.INTEGER),
            Column("เสี่ยง", Kind.INTEGER),
        ],
        [
            [
                r.label,
                len(r.projects),
                r.counts.achieved,
                r.counts.not_achieved,
                r.counts.not_reported,
                r.counts.achieved_percent,
                r.allocated,
                r.disbursed,
                r.rate,
                r.statuses.on_track,
                r.statuses.behind,
                r.statuses.at_risk,
            ]
            for r in rows
        ],
        sheet="จำแนกตามด้านนโยบาย" if by == "area" else "จำแนกตามกลุ่มงาน",
        notes=notes,
    )
    name, thai_name = ("areas", "ด้านนโยบาย") if by == "area" else ("groups", "กลุ่มงาน")
    return _dashboard(plan, name, thai_name, table)


# -- the projects' printed narrative (the planning group's list) -------------------------------


def narratives_export(plan: Plan, rows: list) -> Export:
    """Each project's sections as the report prints them, with where each comes from."""
    table = Table(
        f"ข้อความของโครงการในรายงานประจำปี {thai.fiscal_year_label(plan.fiscal_year.year)}",
        [
            Column("ที่", Kind.INTEGER),
            Column("โครงการ"),
            Column("หัวข้อ"),
            Column("ที่มา"),
            Column("ข้อความที่พิมพ์", width=80),
        ],
        [
            [
                project.number,
                project.name,
                section.title,
                section.source or "ไม่มีข้อมูล",
                "\n".join(section.items) or None,
            ]
            for project, story in rows
            for section in story.sections
        ],
        sheet="ข้อความของโครงการ",
        notes=[plan.office.name],
    )
    return _export(plan, "narratives", "ข้อความของโครงการ", [table])
