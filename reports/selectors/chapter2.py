"""Chapter 2 beyond tables 1-6: the office's policies by area, focus points, quality goals,
policy drive, SWOT, and table 7 (each project's alignment with the plans above it)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from plans.models import Office, Plan, PlanStatement, WorkGroup
from projects.models import Project
from reports.selectors.common import Point

# -- chapter 2 ------------------------------------------------------------------------------


@dataclass(frozen=True)
class PolicyGroup:
    """The office's policy items under one OBEC policy area (นโยบาย ๑. ด้านความปลอดภัย)."""

    number: int
    name: str
    items: list[Point]


@dataclass(frozen=True)
class AlignmentRow:
    """Table 7: one project and the plans of each level it serves."""

    number: int
    name: str
    national_strategies: list[str]
    master_plan_issues: list[str]
    minister_policies: list[str]
    obec_policies: list[str]


@dataclass(frozen=True)
class Context:
    policies: list[PolicyGroup]
    focus_points: list[Point]
    quality_goals: list[Point]
    policy_drive: list[Point]
    swot: list[Point]
    minister_name: str
    alignment: list[AlignmentRow]


SWOT_LABELS = {
    PlanStatement.Kind.STRENGTH: "ปัจจัยภายในที่เป็นจุดแข็ง (Strength)",
    PlanStatement.Kind.WEAKNESS: "ปัจจัยภายในที่เป็นจุดอ่อน (Weakness)",
    PlanStatement.Kind.OPPORTUNITY: "ปัจจัยภายนอกที่เป็นโอกาส (Opportunity)",
    PlanStatement.Kind.THREAT: "ปัจจัยภายนอกที่เป็นอุปสรรค (Threat)",
}
CONTEXT_KINDS = [
    PlanStatement.Kind.FOCUS_POINT,
    PlanStatement.Kind.QUALITY_GOAL,
    PlanStatement.Kind.POLICY_DRIVE,
    *SWOT_LABELS,
]


def context(plan: Plan, statements: list[PlanStatement], projects: list[Project]) -> Context:
    """Chapter 2 after the statements. One query (policy items); `statements` and
    `projects` come prefetched from :func:`project_details`' query."""
    by_kind: dict[str, list[Point]] = defaultdict(list)
    for s in statements:
        by_kind[s.kind].append(Point(s.number, s.title, s.text))
    groups: dict[int, PolicyGroup] = {}
    for item in plan.policy_items.select_related("area").order_by("area__number", "number"):
        group = groups.setdefault(
            item.area.number, PolicyGroup(item.area.number, item.area.name, [])
        )
        group.items.append(Point(item.number, "", item.text))
    swot = [
        Point(number, SWOT_LABELS[kind], point.text)
        for number, kind in enumerate(SWOT_LABELS, start=1)
        for point in by_kind[kind]
    ]
    minister = ""
    alignment = []
    for project in projects:
        ministers = list(project.minister_policies.all())
        minister = minister or next((m.minister for m in ministers if m.minister), "")
        alignment.append(
            AlignmentRow(
                number=project.number,
                name=project.name,
                national_strategies=[str(s) for s in project.national_strategies.all()],
                master_plan_issues=[str(i) for i in project.master_plan_issues.all()],
                minister_policies=[str(m) for m in ministers],
                obec_policies=[str(p) for p in project.obec_policies.all()],
            )
        )
    return Context(
        policies=[groups[n] for n in sorted(groups)],
        focus_points=by_kind[PlanStatement.Kind.FOCUS_POINT],
        quality_goals=by_kind[PlanStatement.Kind.QUALITY_GOAL],
        policy_drive=by_kind[PlanStatement.Kind.POLICY_DRIVE],
        swot=swot,
        minister_name=minister,
        alignment=alignment,
    )


# -- the organisation chart -----------------------------------------------------------------


@dataclass(frozen=True)
class OrgUnit:
    name: str
    director: str  # the group director's name as held (WorkGroup.director_name), or ""


@dataclass(frozen=True)
class OrgChart:
    """The office's structure as the portal holds it: its director and deputies (positions),
    over its groups (กลุ่ม) and units (หน่วย) in their order, each with its director."""

    office: str
    groups: list[OrgUnit]
    units: list[OrgUnit]


def org_chart(office: Office) -> OrgChart:
    """One query."""
    rows = list(WorkGroup.objects.filter(office=office).order_by("order", "name"))
    return OrgChart(
        office.name,
        [OrgUnit(g.name, g.director_name) for g in rows if g.kind == WorkGroup.Kind.GROUP],
        [OrgUnit(g.name, g.director_name) for g in rows if g.kind == WorkGroup.Kind.UNIT],
    )
