"""The plan's projects at a quarter, as every dashboard page reads them: indicator verdicts
made by the report's own rule (`reports.selectors.indicator_row`) from the results up to the
quarter against the quarter's milestones (none: not judged yet), money up to the quarter's
end against the budget of that date, the status (`rules.project_status`) and the quarter's
report as progress judges it. A fixed number of queries whatever the size of the plan."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from django.db.models import OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from budget.models import ProjectDisbursement
from budget.selectors import with_current_budget
from indicators.models import Indicator, IndicatorResult
from plans import thai
from plans.models import Plan
from plans.money import MONEY_FIELD, ZERO, cents
from progress.models import QuarterlyReport
from progress.selectors import quarter_status, report_deadlines
from projects.models import Project
from reports.dashboard.filters import Filters
from reports.dashboard.rows import DashboardIndicator, DashboardProject
from reports.dashboard.rules import project_status
from reports.selectors import VerdictCounts, indicator_row

# What `indicator_row` reads of an indicator and of each of its results.
INDICATOR_FIELDS = (
    "project",
    "activity",
    "order",
    "text",
    "target",
    "unit",
    "direction",
    "aggregation",
)
RESULT_FIELDS = ("quarter", "value", "unit", "count", "count_unit", "shortfall")


def _disbursed(quarter_end: date) -> Coalesce:
    """A project's disbursements paid up to `quarter_end`, summed in a subquery."""
    return Coalesce(
        Subquery(
            ProjectDisbursement.objects.filter(project=OuterRef("pk"), paid_on__lte=quarter_end)
            .values("project")
            .annotate(total=Sum("amount"))
            .values("total"),
            output_field=MONEY_FIELD,
        ),
        Value(ZERO),
    )


def _report_of_quarter(project: Project) -> QuarterlyReport | None:
    """The quarter's report as annotated by `plan_projects` (status and reason only)."""
    if project.report_status is None:
        return None
    return QuarterlyReport(status=project.report_status, last_reason=project.report_reason)


def plan_projects(
    plan: Plan, filters: Filters, targets: dict[int, Decimal], *, today: date
) -> tuple[list[DashboardProject], bool]:
    """The plan's projects (of the filtered area and group) with indicator verdicts and money
    up to the quarter, the quarter's report status on `today` (progress's `quarter_status`),
    and whether the plan keeps a project disbursement ledger. Five queries: the quarter's
    deadline, projects with their money and report, indicators, results, and the ledger
    check."""
    year = plan.fiscal_year.year
    quarter_end = thai.quarter_bounds(year, filters.quarter)[1]
    reports = QuarterlyReport.objects.filter(project=OuterRef("pk"), quarter=filters.quarter)
    due = report_deadlines(plan.fiscal_year)[filters.quarter]  # progress's one rule
    projects = (
        with_current_budget(Project.objects.filter(plan=plan), up_to=quarter_end)
        .select_related("policy_area", "work_group")
        .annotate(
            disbursed=_disbursed(quarter_end),
            report_status=Subquery(reports.values("status")[:1]),
            report_reason=Subquery(reports.values("last_reason")[:1]),
        )
        .order_by("number")
    )
    if filters.area:
        projects = projects.filter(policy_area__number=filters.area)
    if filters.group:
        projects = projects.filter(work_group__code=filters.group)
    projects = list(projects)
    ids = [p.pk for p in projects]
    indicators = indicators_by_project(project__in=ids)
    results = results_by_indicator(indicator__project__in=ids, quarter__lte=filters.quarter)
    money_tracked = ProjectDisbursement.objects.filter(project__plan=plan).exists()
    rows = []
    for project in projects:
        items = [
            DashboardIndicator(
                pk=indicator.pk,
                project_pk=project.pk,
                project_number=project.number,
                project_name=project.name,
                activity=indicator.activity.name if indicator.activity else "",
                row=indicator_row(indicator, results[indicator.pk], quarter=filters.quarter),
                quarterly=quarterly_values(results[indicator.pk]),
            )
            for indicator in indicators[project.pk]
        ]
        allocated, disbursed = cents(project.current_budget), cents(project.disbursed)
        counts = VerdictCounts.of([i.verdict for i in items])
        rows.append(
            DashboardProject(
                pk=project.pk,
                number=project.number,
                name=project.name,
                policy_area_number=project.policy_area.number,
                policy_area=project.policy_area.name,
                work_group_code=project.work_group.code if project.work_group else "",
                work_group=project.work_group.name if project.work_group else "",
                indicators=items,
                allocated=allocated,
                disbursed=disbursed,
                status=project_status(
                    counts,
                    allocated,
                    disbursed,
                    targets.get(filters.quarter),
                    money_tracked=money_tracked,
                ),
                report=quarter_status(_report_of_quarter(project), due, today),
            )
        )
    return rows, money_tracked


# Indicators and their results are grouped here rather than prefetched: an instance and a
# related manager for every quarterly result were most of a dashboard page's time.


def indicators_by_project(**scope) -> dict[int, list[Indicator]]:
    """The indicators in ``scope`` (with what `indicator_row` reads, their milestones and the
    activity's name), grouped by project, in order. One query."""
    grouped: dict[int, list[Indicator]] = defaultdict(list)
    for indicator in (
        Indicator.objects.filter(**scope)
        .with_milestones()
        .select_related("activity")
        .only(*INDICATOR_FIELDS, "activity__name")
        .order_by("order")
    ):
        grouped[indicator.project_id].append(indicator)
    return grouped


def results_by_indicator(**scope) -> dict[int, list]:
    """The quarterly results in ``scope`` as rows (RESULT_FIELDS), grouped by indicator, in
    quarter order: what `indicator_row` and `quarterly_values` take. One query."""
    grouped: dict[int, list] = defaultdict(list)
    for result in (
        IndicatorResult.objects.filter(**scope)
        .order_by("quarter")
        .values_list("indicator_id", *RESULT_FIELDS, named=True)
    ):
        grouped[result.indicator_id].append(result)
    return grouped


def quarterly_values(results: Iterable) -> list[Decimal | None]:
    """The value of each quarter, from result rows of `results_by_indicator` (None: none)."""
    values: list[Decimal | None] = [None] * len(thai.FISCAL_QUARTERS)
    for result in results:
        values[result.quarter - 1] = result.value
    return values
