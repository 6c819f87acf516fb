"""The overview page of a plan at a quarter: the plan's projects as one set, the office's
money (table 13 of the report, `reports.selectors.office_budget`, with its disbursement by
quarter's end) against the disbursement targets, and the office's years side by side."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Q, Sum
from django.utils import timezone

from budget.models import OfficeDisbursement
from budget.selectors import with_current_budget
from plans import thai
from plans.models import Office, Plan
from plans.money import ZERO, cents, percent
from projects.models import Project
from reports.dashboard.filters import Filters
from reports.dashboard.queries import indicators_by_project, plan_projects, results_by_indicator
from reports.dashboard.rows import DashboardProject, ProjectSet, ProjectStatusCounts
from reports.dashboard.rules import plan_targets
from reports.selectors import OfficeBudget, VerdictCounts, indicator_row, office_budget


@dataclass(frozen=True)
class OfficeQuarter:
    quarter: int
    disbursed: Decimal  # cumulative to the quarter's end
    rate: Decimal | None
    target: Decimal | None  # None: finance set no target for the quarter

    @property
    def label(self) -> str:
        return thai.quarter_label(self.quarter)


@dataclass(frozen=True)
class OfficeMoney:
    """Table 13 (from `office_budget`) and the office's disbursement by quarter's end."""

    budget: OfficeBudget
    disbursed_by_quarter: list[Decimal]  # cumulative, central fund apart, as table 13
    quarter: int
    targets: dict[int, Decimal]

    @property
    def allocated(self) -> Decimal:
        return self.budget.total.allocated

    @property
    def disbursed(self) -> Decimal:
        """Up to the quarter's end; at the fourth quarter, table 13's total."""
        return self.disbursed_by_quarter[self.quarter - 1]

    @property
    def remaining(self) -> Decimal:
        return self.allocated - self.disbursed

    @property
    def rate(self) -> Decimal | None:
        return percent(self.disbursed, self.allocated)

    @property
    def target(self) -> Decimal | None:
        return self.targets.get(self.quarter)

    @property
    def quarters(self) -> list[OfficeQuarter]:
        return [
            OfficeQuarter(q, d, percent(d, self.allocated), self.targets.get(q))
            for q, d in zip(thai.FISCAL_QUARTERS, self.disbursed_by_quarter, strict=True)
        ]

    @property
    def meets_target(self) -> bool:
        return self.rate is not None and self.target is not None and self.rate >= self.target


def office_money(
    office: Office, plan: Plan, quarter: int, targets: dict[int, Decimal]
) -> OfficeMoney:
    """Three queries: table 13 (two), and the office's disbursements summed up to each
    quarter's end (an entry without a date counts at the year's end, as table 13's totals
    do)."""
    year = plan.fiscal_year.year
    last = thai.FISCAL_QUARTERS[-1]  # every entry, dated or not
    ends = {q: thai.quarter_bounds(year, q)[1] for q in thai.FISCAL_QUARTERS}
    sums = OfficeDisbursement.objects.filter(
        office=office, fiscal_year=plan.fiscal_year, category__is_central_fund=False
    ).aggregate(
        **{
            f"q{q}": Sum("amount", filter=None if q == last else Q(paid_on__lte=ends[q]))
            for q in thai.FISCAL_QUARTERS
        }
    )
    return OfficeMoney(
        budget=office_budget(plan),
        disbursed_by_quarter=[cents(sums[f"q{q}"] or ZERO) for q in thai.FISCAL_QUARTERS],
        quarter=quarter,
        targets=targets,
    )


@dataclass(frozen=True)
class YearLine:
    """One fiscal year of the office in the year-against-year table: at its end, or at its
    reporting quarter while it is not over (`as_of`, plans.thai.as_of_quarter)."""

    year: int
    projects: int
    counts: VerdictCounts
    allocated: Decimal
    as_of: int | None = None


@dataclass(frozen=True)
class Overview:
    office_name: str
    filters: Filters
    plan: ProjectSet
    money_tracked: bool
    money: OfficeMoney
    year_lines: list[YearLine] = field(default_factory=list)

    @property
    def overdue(self) -> list[DashboardProject]:
        """The projects whose report of the quarter is overdue (progress's rule)."""
        return [p for p in self.plan.projects if p.report.overdue]

    @property
    def overdue_count(self) -> int:
        return len(self.overdue)

    @property
    def counts(self) -> VerdictCounts:
        return self.plan.counts

    @property
    def not_reported_percent(self) -> Decimal | None:
        return percent(self.counts.not_reported, self.counts.total)

    @property
    def statuses(self) -> ProjectStatusCounts:
        return self.plan.statuses


def year_lines(office: Office, *, today: date | None = None) -> list[YearLine]:
    """Every fiscal year of the office that has projects, at its year's end or, while it is
    not over on `today`, at its reporting quarter (plans.thai.as_of_quarter, against its
    milestones): projects, indicator verdicts and project budgets (with transfers). Three
    queries whatever the number of years."""
    projects = with_current_budget(Project.objects.filter(plan__office=office)).select_related(
        "plan__fiscal_year"
    )
    indicators = indicators_by_project(project__plan__office=office)
    results = results_by_indicator(indicator__project__plan__office=office)
    per_year: dict[int, list] = defaultdict(list)
    for project in projects:
        per_year[project.plan.fiscal_year.year].append(project)
    day = today or timezone.localdate()
    lines = []
    for year, rows in sorted(per_year.items()):
        judged = [i for p in rows for i in indicators[p.pk]]
        reported = max((r.quarter for i in judged for r in results[i.pk]), default=None)
        as_of = thai.as_of_quarter(year, day, reported)
        quarter = as_of or thai.FISCAL_QUARTERS[-1]
        lines.append(
            YearLine(
                year=year,
                projects=len(rows),
                counts=VerdictCounts.of(
                    [indicator_row(i, results[i.pk], quarter=quarter).verdict for i in judged]
                ),
                allocated=cents(sum((p.current_budget for p in rows), ZERO)),
                as_of=as_of,
            )
        )
    return lines


def overview_page(plan: Plan, filters: Filters, years: list[int], *, today: date) -> Overview:
    """The overview of a plan at a quarter, its reports judged overdue on `today`: nine
    queries whatever the plan's size (twelve when the office has several years to compare)."""
    office = plan.office
    targets = plan_targets(plan)
    projects, money_tracked = plan_projects(plan, filters, targets, today=today)
    return Overview(
        office_name=office.name,
        filters=filters,
        plan=ProjectSet("plan", office.short_name, projects),
        money_tracked=money_tracked,
        money=office_money(office, plan, filters.quarter, targets),
        year_lines=year_lines(office, today=today) if len(years) > 1 else [],
    )
