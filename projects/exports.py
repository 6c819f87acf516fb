"""The plan's projects as Excel (plans/excel.py): the project list page's rows, then every
activity and every indicator with its target and quarterly milestones. No queries here."""

from __future__ import annotations

from plans import thai
from plans.excel import Column, Export, Kind, Table
from plans.models import Plan
from plans.templatetags.thai import person
from projects.selectors import PlanTree


def plan_tree_export(plan: Plan, tree: PlanTree) -> Export:
    year = thai.fiscal_year_label(plan.fiscal_year.year)
    notes = [plan.office.name]
    projects = Table(
        f"โครงการของแผนปฏิบัติการ {year}",
        [
            Column("ที่", Kind.INTEGER),
            Column("โครงการ"),
            Column("ด้านนโยบาย"),
            Column("กลุ่มงานที่รับผิดชอบ"),
            Column("ผู้รับผิดชอบ"),
            Column("กิจกรรม", Kind.INTEGER),
            Column("ตัวชี้วัด", Kind.INTEGER),
        ],
        [
            [
                p.number,
                p.name,
                p.policy_area.name,
                str(p.work_group or ""),
                person(p.owner, "") if p.owner_id else p.owner_name,
                p.activity_count,
                p.indicator_count,
            ]
            for p in tree.projects
        ],
        sheet="โครงการ",
        notes=notes,
    )
    activities = Table(
        f"กิจกรรมของโครงการ {year}",
        [Column("โครงการที่", Kind.INTEGER), Column("กิจกรรมที่", Kind.INTEGER), Column("กิจกรรม")],
        [[a.project.number, a.number, a.name] for a in tree.activities],
        sheet="กิจกรรม",
        notes=notes,
    )
    quarters = [thai.quarter_label(q) for q in thai.FISCAL_QUARTERS]
    indicators = Table(
        f"ตัวชี้วัดและค่าเป้าหมายรายไตรมาส {year}",
        [
            Column("โครงการที่", Kind.INTEGER),
            Column("กิจกรรมที่", Kind.INTEGER),
            Column("ลำดับ", Kind.INTEGER),
            Column("ตัวชี้วัด"),
            Column("ค่าเป้าหมาย", Kind.NUMBER),
            Column("หน่วย"),
            *[Column(f"เป้าหมายสะสม ณ สิ้น{q}", Kind.NUMBER) for q in quarters],
            Column("ทิศทาง"),
            Column("การรวมผลรายไตรมาส"),
        ],
        [
            [
                i.project.number,
                i.activity.number if i.activity_id else None,
                i.order,
                i.text,
                i.target,
                i.unit,
                *[i.milestone_values.get(q) for q in thai.FISCAL_QUARTERS],
                i.get_direction_display(),
                i.get_aggregation_display(),
            ]
            for i in tree.indicators
        ],
        sheet="ตัวชี้วัด",
        notes=notes,
    )
    return Export(
        plan.office.code,
        plan.fiscal_year.year,
        "projects",
        "โครงการ",
        [projects, activities, indicators],
    )
