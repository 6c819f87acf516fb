"""The monitoring reports of the plan and of its spending up to the end of a quarter: the
six-month report (รายงานการกำกับติดตาม รอบ ๖ เดือน, quarter 2) and, at quarter 4, the
year's spending results. The annual report's engine at a quarter:

- indicators: the approved results (``IndicatorResult``, written only when a quarterly
  report is approved, progress/services.py) of quarters up to ``quarter``, combined and
  judged by the report's own rule (reports.selectors.indicator_row) against the quarter's
  milestone (the half-year milestone at quarter 2) beside the year's target; a later
  quarter's value, or a draft or submitted report's, never reaches them;
- the work done, problems and corrective actions: the approved quarterly reports of those
  quarters, compiled by progress.narrative's rule, each item with its quarter;
- money: the ledger (``ProjectDisbursement``) paid up to the quarter's end, by quarter,
  against the budget at that date (budget.selectors.with_current_budget, transfers
  included) and the plan's cumulative disbursement target of the quarter
  (reports.dashboard.rules.plan_targets), judged by budget.rules.pace.

Seven queries whatever the plan's size (MONITORING_QUERIES).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Sum
from django.utils import timezone

from budget.models import ProjectDisbursement
from budget.rules import BEHIND_MARGIN, PACE_LABELS, Pace, pace
from budget.selectors import with_current_budget, with_original
from plans import thai
from plans.models import Plan
from plans.money import HUNDRED, ZERO, cents, percent
from progress import narrative
from progress.models import QuarterlyReport
from projects.models import Activity, Project
from reports.dashboard.queries import indicators_by_project, quarterly_values, results_by_indicator
from reports.dashboard.rules import plan_targets
from reports.selectors.annual import OfficeHeading, office_heading
from reports.selectors.summary import IndicatorRow, VerdictCounts, indicator_row

MONITORING_QUERIES = 7
HALF_YEAR = 2


@dataclass(frozen=True)
class MonitoredIndicator:
    row: IndicatorRow  # result so far, the quarter's milestone, the verdict
    values: list[Decimal | None]  # each quarter's approved value, quarters 1 to `quarter`
    year_end: bool  # `row.milestone` is the year's target: no separate milestone to print

    @property
    def milestone(self) -> Decimal | None:
        return self.row.milestone


class Spending:
    """Money up to the quarter's end, computed from what a project (or the plan) has:
    `budget`, `disbursed_by_quarter` and the cumulative `target` (ร้อยละ)."""

    budget: Decimal
    disbursed_by_quarter: list[Decimal]
    target: Decimal | None

    @property
    def disbursed(self) -> Decimal:
        return sum(self.disbursed_by_quarter, ZERO)

    @property
    def remaining(self) -> Decimal:
        return self.budget - self.disbursed

    @property
    def rate(self) -> Decimal | None:
        return percent(self.disbursed, self.budget)

    @property
    def planned(self) -> Decimal | None:
        """What the target asks to be disbursed by the quarter's end, in baht."""
        return None if self.target is None else cents(self.budget * self.target / HUNDRED)

    @property
    def pace(self) -> Pace:
        return pace(self.rate, self.target)

    @property
    def pace_label(self) -> str:
        return PACE_LABELS[self.pace]


@dataclass(frozen=True)
class MonitoredActivity:
    number: int
    name: str
    indicators: list[MonitoredIndicator]


@dataclass(frozen=True)
class MonitoredProject(Spending):
    number: int
    name: str
    work_group: str
    owner_name: str
    original: Decimal  # the allocation as planned, before transfers
    budget: Decimal  # at the quarter's end, transfers included
    disbursed_by_quarter: list[Decimal]  # quarters 1 to `quarter`
    target: Decimal | None  # the plan's cumulative ร้อยละ by the quarter's end
    indicators: list[MonitoredIndicator]
    activities: list[MonitoredActivity]
    work_done: list[narrative.Part]
    problems: list[narrative.Part]
    corrective_actions: list[narrative.Part]

    @property
    def all_indicators(self) -> list[MonitoredIndicator]:
        return self.indicators + [i for a in self.activities for i in a.indicators]

    @property
    def counts(self) -> VerdictCounts:
        return VerdictCounts.of([i.row.verdict for i in self.all_indicators])


@dataclass(frozen=True)
class MonitoredArea:
    number: int
    name: str
    projects: list[MonitoredProject]


@dataclass(frozen=True)
class Monitoring(Spending):
    office: OfficeHeading
    fiscal_year: int
    quarter: int
    starts: date  # the year's first day
    ends: date  # the quarter's last day
    areas: list[MonitoredArea]
    target: Decimal | None  # the plan's cumulative ร้อยละ by the quarter's end
    as_of: int | None  # approved data reach only this quarter so far (None: up to `quarter`)

    @property
    def quarters(self) -> list[int]:
        return list(range(1, self.quarter + 1))

    @property
    def is_year_end(self) -> bool:
        """Judged at the year's end: against the targets, no milestone to print apart."""
        return self.quarter == thai.FISCAL_QUARTERS[-1]

    @property
    def indicator_columns(self) -> int:
        """The indicator table's columns: text, target, [milestone,] each quarter, so far,
        verdict."""
        return 4 + self.quarter + (0 if self.is_year_end else 1)

    @property
    def spending_columns(self) -> int:
        """The spending table's columns: number, project, budget, [planned,] each quarter,
        total, rate, pace, remaining."""
        return 7 + self.quarter + (0 if self.is_year_end else 1)

    @property
    def behind_margin(self) -> Decimal:
        return BEHIND_MARGIN

    @property
    def projects(self) -> list[MonitoredProject]:
        return [p for a in self.areas for p in a.projects]

    @property
    def counts(self) -> VerdictCounts:
        return sum((p.counts for p in self.projects), VerdictCounts())

    @property
    def original(self) -> Decimal:
        return sum((p.original for p in self.projects), ZERO)

    @property
    def budget(self) -> Decimal:
        return sum((p.budget for p in self.projects), ZERO)

    @property
    def disbursed_by_quarter(self) -> list[Decimal]:
        projects = self.projects
        return [
            sum((p.disbursed_by_quarter[i] for p in projects), ZERO) for i in range(self.quarter)
        ]


def _disbursed_by_quarter(plan: Plan, quarter: int) -> dict[int, list[Decimal]]:
    """Each project's ledger paid up to the quarter's end, per quarter (a payment dated
    before the year counts in its first quarter). One query."""
    year = plan.fiscal_year.year
    ends = thai.quarter_bounds(year, quarter)[1]
    by_project: dict[int, list[Decimal]] = defaultdict(lambda: [ZERO] * quarter)
    rows = (
        ProjectDisbursement.objects.filter(project__plan=plan, paid_on__lte=ends)
        .values("project_id", "paid_on")
        .annotate(total=Sum("amount"))
        .order_by()
    )
    for row in rows:
        q = thai.quarter_on(year, row["paid_on"]) or 1
        by_project[row["project_id"]][q - 1] += cents(row["total"])
    return by_project


def monitoring(plan: Plan, quarter: int = HALF_YEAR, *, today: date | None = None) -> Monitoring:
    """The plan and its money up to the end of `quarter` (module docstring)."""
    year = plan.fiscal_year.year
    ends = thai.quarter_bounds(year, quarter)[1]
    targets = plan_targets(plan)
    projects = list(
        with_current_budget(
            with_original(Project.objects.filter(plan=plan), by="project"), up_to=ends
        )
        .select_related("policy_area", "work_group")
        .order_by("number")
    )
    activities: dict[int, list[Activity]] = defaultdict(list)
    for a in Activity.objects.filter(project__plan=plan).order_by("project", "number"):
        activities[a.project_id].append(a)
    indicators = indicators_by_project(project__plan=plan)
    results = results_by_indicator(indicator__project__plan=plan, quarter__lte=quarter)
    reports: dict[int, list[QuarterlyReport]] = defaultdict(list)
    for r in QuarterlyReport.objects.filter(
        project__plan=plan, status=QuarterlyReport.Status.APPROVED, quarter__lte=quarter
    ).order_by("quarter"):
        reports[r.project_id].append(r)
    money = _disbursed_by_quarter(plan, quarter)

    areas: dict[int, MonitoredArea] = {}
    for p in projects:
        by_activity: dict[int | None, list[MonitoredIndicator]] = defaultdict(list)
        for indicator in indicators[p.pk]:
            rows = results[indicator.pk]
            by_activity[indicator.activity_id].append(
                MonitoredIndicator(
                    row=indicator_row(indicator, rows, quarter=quarter),
                    values=quarterly_values(rows)[:quarter],
                    year_end=quarter == thai.FISCAL_QUARTERS[-1]
                    or quarter not in indicator.milestone_values,
                )
            )
        approved = reports[p.pk]
        area = areas.setdefault(
            p.policy_area.number, MonitoredArea(p.policy_area.number, p.policy_area.name, [])
        )
        area.projects.append(
            MonitoredProject(
                number=p.number,
                name=p.name,
                work_group=p.work_group.name if p.work_group else p.responsible_text,
                owner_name=p.owner_name,
                original=cents(p.original),
                budget=cents(p.current_budget),
                disbursed_by_quarter=money[p.pk],
                target=targets.get(quarter),
                indicators=by_activity[None],
                activities=[
                    MonitoredActivity(a.number, a.name, by_activity[a.pk]) for a in activities[p.pk]
                ],
                work_done=narrative.compile_section(approved, narrative.Section.METHODS),
                problems=narrative.compile_section(approved, narrative.Section.PROBLEMS),
                corrective_actions=narrative.compile_field(
                    approved, "corrective_action", narrative.Section.PROBLEMS
                ),
            )
        )
    reported = max((r.quarter for rows in results.values() for r in rows), default=None)
    as_of = thai.as_of_quarter(year, today or timezone.localdate(), reported)
    return Monitoring(
        office=office_heading(plan.office),
        fiscal_year=year,
        quarter=quarter,
        starts=thai.fiscal_year_bounds(year)[0],
        ends=ends,
        areas=[areas[n] for n in sorted(areas)],
        target=targets.get(quarter),
        as_of=as_of if as_of is not None and as_of < quarter else None,
    )
