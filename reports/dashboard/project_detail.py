"""The page of one project at a quarter: its row as the plan's pages show it, money paid per
quarter against the plan, the same project in the office's other years, and its quarterly
reports with their recent history."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from budget.models import ProjectDisbursement
from plans import thai
from plans.history import HistoryLine, history_of
from plans.history import lines as history_lines
from plans.money import ZERO, cents
from progress.models import QuarterlyReport
from progress.selectors import QuarterStatus, quarter_status, report_deadlines
from projects.models import Project
from reports.dashboard.filters import Filters
from reports.dashboard.queries import plan_projects
from reports.dashboard.rows import DashboardProject
from reports.dashboard.rules import plan_targets

RECENT_REPORT_LINES = 10  # the project page's recent report history


@dataclass(frozen=True)
class MoneyQuarter:
    quarter: int
    disbursed: Decimal  # paid in the quarter
    cumulative: Decimal
    planned: Decimal | None  # the allocation × the quarter's target; None without a target

    @property
    def label(self) -> str:
        return thai.quarter_label(self.quarter)


@dataclass(frozen=True)
class OtherYear:
    """The same project (by name) in another fiscal year of the office."""

    pk: int
    year: int
    number: int


@dataclass(frozen=True)
class ReportQuarter:
    """The project's report of one quarter: its status as the progress app computes it."""

    quarter: int
    status: QuarterStatus

    @property
    def label(self) -> str:
        return thai.quarter_label(self.quarter)


@dataclass(frozen=True)
class ProjectPage:
    project: DashboardProject
    money: list[MoneyQuarter]
    other_years: list[OtherYear]
    money_tracked: bool
    reports: list[ReportQuarter] = field(default_factory=list)
    history: list[HistoryLine] = field(default_factory=list)  # newest first, RECENT_REPORT_LINES


def project_reports(
    project: Project, *, today: date
) -> tuple[list[ReportQuarter], list[HistoryLine]]:
    """The project's four quarterly reports with their statuses on `today`, and the recent
    history of those reports (plans/history.py). Three queries: deadlines, reports, history."""
    deadlines = report_deadlines(project.plan.fiscal_year)
    reports = {r.quarter: r for r in QuarterlyReport.objects.filter(project=project)}
    quarters = [
        ReportQuarter(q, quarter_status(reports.get(q), deadlines[q], today))
        for q in thai.FISCAL_QUARTERS
    ]
    # The reports' own steps (saved, submitted, returned, approved), not their draft rows.
    entries = history_of(
        QuarterlyReport,
        [r.pk for r in reports.values()],
        office_id=project.plan.office_id,
        rows=False,
    )[:RECENT_REPORT_LINES]
    return quarters, history_lines(entries)


def project_page(project: Project, filters: Filters, *, today: date) -> ProjectPage:
    """One project at a quarter: its indicators with quarterly values, money paid per quarter
    against the plan, the same project in other years, and its reports' statuses and
    history on `today`. Eleven queries."""
    plan = project.plan
    one = Filters(year=filters.year, quarter=filters.quarter, office=filters.office)
    targets = plan_targets(plan)
    rows, money_tracked = plan_projects(plan, one, targets, today=today)
    row = next(r for r in rows if r.pk == project.pk)  # the plan's numbers, one rule
    year = plan.fiscal_year.year
    paid = [ZERO] * len(thai.FISCAL_QUARTERS)
    for entry in ProjectDisbursement.objects.filter(project=project).values("paid_on", "amount"):
        if thai.fiscal_year_of(entry["paid_on"]) == year:
            paid[thai.quarter_of(entry["paid_on"]) - 1] += entry["amount"]
    money, running = [], ZERO
    for q in thai.FISCAL_QUARTERS:
        running += paid[q - 1]
        money.append(
            MoneyQuarter(
                q,
                cents(paid[q - 1]),
                cents(running),
                cents(row.allocated * targets[q] / 100) if q in targets else None,
            )
        )
    others = [
        OtherYear(p.pk, p.plan.fiscal_year.year, p.number)
        for p in Project.objects.filter(plan__office=plan.office_id, name=project.name)
        .exclude(pk=project.pk)
        .select_related("plan__fiscal_year")
        .order_by("plan__fiscal_year__year")
    ]
    reports, history = project_reports(project, today=today)
    return ProjectPage(row, money, others, money_tracked, reports, history)
