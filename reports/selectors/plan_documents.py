"""The annual action plan (แผนปฏิบัติการประจำปี) and the spending plan (แผนการใช้จ่าย
งบประมาณ) as printed documents: the plan as set at the start of the year.

Once the office has recorded its approval of the plan (reports.models.PlanApproval,
reports/approvals.py), the documents print the plan as approved, kept in the approval as
:func:`snapshot` made it (:func:`approved_plan_document`); before that, the plan's current
projects, activities, indicators and milestones, and each project's **original allocation**
(`ProjectAllocation`, before any transfer, budget.selectors.with_original), so that
money moved during the year does not change the plan's figures. The money by quarter of
the spending plan is the allocation spread by the plan's cumulative disbursement targets
(reports.dashboard.rules.plan_targets): quarter n plans the target of n less that of n - 1;
a quarter without a target (or after one without) plans nothing that can be printed.

Seven queries whatever the plan's size (ACTION_PLAN_QUERIES: the approval looked for, then
the plan's six), one for an approved plan.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Prefetch

from budget.selectors import with_original
from plans import thai
from plans.models import Plan, PlanStatement
from plans.money import HUNDRED, ZERO, cents
from projects.models import Activity, Project, ProjectStatement
from reports.dashboard.queries import indicators_by_project
from reports.dashboard.rules import plan_targets
from reports.models import PlanApproval
from reports.selectors.annual import OfficeHeading, Statement, office_heading

ACTION_PLAN_QUERIES = 7
QUARTERS = thai.FISCAL_QUARTERS
Amounts = list[Decimal | None]  # one per quarter (None: cannot be planned)


def spread(budget: Decimal, targets: dict[int, Decimal]) -> Amounts:
    """`budget` spread over the quarters by the cumulative targets (module docstring), in
    satang, so that the quarters add up to the budget times the last target exactly."""
    cumulative = [cents(budget * targets[q] / HUNDRED) if q in targets else None for q in QUARTERS]
    before: list[Decimal | None] = [ZERO, *cumulative[:-1]]
    return [
        None if c is None or b is None else c - b for c, b in zip(cumulative, before, strict=True)
    ]


def add(rows: list[Amounts]) -> Amounts:
    """Quarter by quarter sums of `rows` (None where any row has none)."""
    sums = []
    for i in range(len(QUARTERS)):
        column = [row[i] for row in rows]
        sums.append(None if any(v is None for v in column) else sum(column, ZERO))
    return sums


@dataclass(frozen=True)
class PlannedIndicator:
    text: str
    target: Decimal | None
    unit: str
    milestones: list[Decimal | None]  # at the end of quarters 1 to 4 (None: none set)


@dataclass(frozen=True)
class PlannedActivity:
    number: int
    name: str
    budget: Decimal  # its own original allocation (zero: money is the project's as a whole)
    quarters: Amounts
    indicators: list[PlannedIndicator]


@dataclass(frozen=True)
class PlannedProject:
    number: int
    name: str
    work_group: str
    owner_name: str
    objectives: list[str]
    budget: Decimal  # the original allocation, before transfers
    quarters: Amounts
    indicators: list[PlannedIndicator]  # the project's own, not under an activity
    activities: list[PlannedActivity]

    @property
    def budget_text(self) -> str:
        return thai.baht_text(self.budget)


@dataclass(frozen=True)
class PlannedArea:
    number: int
    name: str
    projects: list[PlannedProject]

    @property
    def budget(self) -> Decimal:
        return sum((p.budget for p in self.projects), ZERO)

    @property
    def quarters(self) -> Amounts:
        return add([p.quarters for p in self.projects])


@dataclass(frozen=True)
class PlanDocument:
    """The action plan and the spending plan of one fiscal year."""

    office: OfficeHeading
    fiscal_year: int
    starts: date
    ends: date
    vision: str
    missions: list[Statement]
    areas: list[PlannedArea]
    targets: list[Decimal | None]  # cumulative ร้อยละ by the end of quarters 1 to 4
    approved_on: date | None = None  # printed from the plan as approved on that day
    approval_reference: str = ""

    @property
    def projects(self) -> list[PlannedProject]:
        return [p for a in self.areas for p in a.projects]

    @property
    def budget(self) -> Decimal:
        return sum((a.budget for a in self.areas), ZERO)

    @property
    def budget_text(self) -> str:
        return thai.baht_text(self.budget)

    @property
    def quarters(self) -> Amounts:
        return add([a.quarters for a in self.areas])

    @property
    def indicator_count(self) -> int:
        return sum(
            len(p.indicators) + sum(len(a.indicators) for a in p.activities) for p in self.projects
        )


def _planned(indicator) -> PlannedIndicator:
    milestones = indicator.milestone_values
    return PlannedIndicator(
        indicator.text, indicator.target, indicator.unit, [milestones.get(q) for q in QUARTERS]
    )


def plan_document(plan: Plan) -> PlanDocument:
    """The plan as the action plan and the spending plan print it (module docstring)."""
    targets = plan_targets(plan)
    projects = list(
        with_original(Project.objects.filter(plan=plan), by="project")
        .select_related("policy_area", "work_group")
        .prefetch_related(
            Prefetch(
                "statements",
                queryset=ProjectStatement.objects.filter(
                    kind=ProjectStatement.Kind.OBJECTIVE
                ).order_by("number"),
                to_attr="objectives",
            )
        )
        .order_by("number")
    )
    activities: dict[int, list[Activity]] = defaultdict(list)
    for a in with_original(Activity.objects.filter(project__plan=plan), by="activity").order_by(
        "project", "number"
    ):
        activities[a.project_id].append(a)
    indicators = indicators_by_project(project__plan=plan)
    missions = [
        Statement(s.number, s.title, s.text)
        for s in plan.statements.filter(kind=PlanStatement.Kind.MISSION).order_by("number")
    ]
    areas: dict[int, PlannedArea] = {}
    for p in projects:
        by_activity: dict[int | None, list[PlannedIndicator]] = defaultdict(list)
        for indicator in indicators[p.pk]:
            by_activity[indicator.activity_id].append(_planned(indicator))
        budget = cents(p.original)
        row = PlannedProject(
            number=p.number,
            name=p.name,
            work_group=p.work_group.name if p.work_group else p.responsible_text,
            owner_name=p.owner_name,
            objectives=[s.text for s in p.objectives],
            budget=budget,
            quarters=spread(budget, targets),
            indicators=by_activity[None],
            activities=[
                PlannedActivity(
                    a.number,
                    a.name,
                    cents(a.original),
                    spread(cents(a.original), targets),
                    by_activity[a.pk],
                )
                for a in activities[p.pk]
            ],
        )
        area = areas.setdefault(
            p.policy_area.number, PlannedArea(p.policy_area.number, p.policy_area.name, [])
        )
        area.projects.append(row)
    starts, ends = thai.fiscal_year_bounds(plan.fiscal_year.year)
    return PlanDocument(
        office=office_heading(plan.office),
        fiscal_year=plan.fiscal_year.year,
        starts=starts,
        ends=ends,
        vision=plan.vision,
        missions=missions,
        areas=[areas[n] for n in sorted(areas)],
        targets=[targets.get(q) for q in QUARTERS],
    )


# -- the plan as approved: kept as JSON, printed again exactly -------------------------------


def _money(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _decimal(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def _indicator_json(i: PlannedIndicator) -> dict:
    return {
        "text": i.text,
        "target": _money(i.target),
        "unit": i.unit,
        "milestones": [_money(m) for m in i.milestones],
    }


def _indicator_of(data: dict) -> PlannedIndicator:
    milestones = [_decimal(m) for m in data["milestones"]]
    return PlannedIndicator(data["text"], _decimal(data["target"]), data["unit"], milestones)


def snapshot(document: PlanDocument) -> dict:
    """What :func:`approved_plan_document` prints again: the plan's part of `document`
    (the office's heading is read when printed), as JSON values (money as text)."""
    return {
        "fiscal_year": document.fiscal_year,
        "starts": document.starts.isoformat(),
        "ends": document.ends.isoformat(),
        "vision": document.vision,
        "missions": [[m.number, m.title, m.text, m.title_en] for m in document.missions],
        "targets": [_money(t) for t in document.targets],
        "areas": [
            {
                "number": area.number,
                "name": area.name,
                "projects": [
                    {
                        "number": p.number,
                        "name": p.name,
                        "work_group": p.work_group,
                        "owner_name": p.owner_name,
                        "objectives": p.objectives,
                        "budget": _money(p.budget),
                        "quarters": [_money(q) for q in p.quarters],
                        "indicators": [_indicator_json(i) for i in p.indicators],
                        "activities": [
                            {
                                "number": a.number,
                                "name": a.name,
                                "budget": _money(a.budget),
                                "quarters": [_money(q) for q in a.quarters],
                                "indicators": [_indicator_json(i) for i in a.indicators],
                            }
                            for a in p.activities
                        ],
                    }
                    for p in area.projects
                ],
            }
            for area in document.areas
        ],
    }


def _project_of(data: dict) -> PlannedProject:
    return PlannedProject(
        number=data["number"],
        name=data["name"],
        work_group=data["work_group"],
        owner_name=data["owner_name"],
        objectives=list(data["objectives"]),
        budget=Decimal(data["budget"]),
        quarters=[_decimal(q) for q in data["quarters"]],
        indicators=[_indicator_of(i) for i in data["indicators"]],
        activities=[
            PlannedActivity(
                a["number"],
                a["name"],
                Decimal(a["budget"]),
                [_decimal(q) for q in a["quarters"]],
                [_indicator_of(i) for i in a["indicators"]],
            )
            for a in data["activities"]
        ],
    )


def latest_approval(plan: Plan) -> PlanApproval | None:
    """The approval the documents print: the newest recorded (PlanApproval's ordering)."""
    return PlanApproval.objects.filter(plan=plan).first()


def approved_plan_document(plan: Plan) -> PlanDocument:
    """The plan as the office approved it (:func:`latest_approval`), else as it stands
    (:func:`plan_document`). One query for an approved plan."""
    approval = latest_approval(plan)
    if approval is None:
        return plan_document(plan)
    data = approval.snapshot
    return PlanDocument(
        office=office_heading(plan.office),
        fiscal_year=data["fiscal_year"],
        starts=date.fromisoformat(data["starts"]),
        ends=date.fromisoformat(data["ends"]),
        vision=data["vision"],
        missions=[Statement(*m) for m in data["missions"]],
        areas=[
            PlannedArea(a["number"], a["name"], [_project_of(p) for p in a["projects"]])
            for a in data["areas"]
        ],
        targets=[_decimal(t) for t in data["targets"]],
        approved_on=approval.approved_on,
        approval_reference=approval.reference,
    )
