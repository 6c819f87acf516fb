"""The proposed budgets of a plan's projects as Excel (plans/excel.py): proposals, never
allocations, as the proposals page lists them. No queries here."""

from __future__ import annotations

from plans import thai
from plans.excel import Column, Export, Kind, Table, total
from plans.models import Plan
from plans.money import ZERO
from projects.models import Project


def _proposal(project: Project):
    return getattr(project, "budget_proposal", None)


def proposals_export(plan: Plan, projects: list[Project]) -> Export:
    rows = []
    for p in projects:
        proposal = _proposal(p)
        rows.append(
            [
                p.number,
                p.name,
                str(p.work_group or ""),
                proposal.amount if proposal else None,
                proposal.note if proposal else None,
            ]
        )
    proposed = sum((_proposal(p).amount for p in projects if _proposal(p)), ZERO)
    rows.append(total(None, "รวม", None, proposed, None))
    table = Table(
        f"งบประมาณที่เสนอของโครงการ {thai.fiscal_year_label(plan.fiscal_year.year)}",
        [
            Column("ที่", Kind.INTEGER),
            Column("โครงการ"),
            Column("กลุ่มงานที่รับผิดชอบ"),
            Column("งบประมาณที่เสนอ (บาท)", Kind.MONEY),
            Column("ที่มา"),
        ],
        rows,
        sheet="งบประมาณที่เสนอ",
        notes=[plan.office.name, "เป็นยอดที่เสนอเพื่อวางแผน ไม่ใช่ยอดจัดสรร"],
    )
    return Export(plan.office.code, plan.fiscal_year.year, "proposals", "งบประมาณที่เสนอ", [table])
