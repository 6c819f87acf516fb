"""Reads behind the director dashboards: plain dataclasses with every total computed here,
each in a fixed number of queries whatever the size of the plan or the office.

The figures agree with the annual report because they come from the same places: the office
budget is `selectors.office_budget` (table 13) and every indicator's verdict is made by
`selectors.indicator_row` (the chapter 4 rule of `indicators/rules.py`) from the quarterly
results up to the chosen quarter; at the fourth quarter that is exactly `plan_summary`.

Project status (the one rule, `project_status`), at a quarter:
  * the indicator share is achieved / reported indicators (those not yet reported do not
    count against a project: many are measured at the year's end);
  * the money rate is the project's disbursement up to the quarter's end / its budget at
    that date (allocations and transfers, budget.selectors.with_current_budget),
    compared with the plan's cumulative disbursement target of the quarter (`plan_targets`:
    budget.DisbursementTarget, else budget.rules.DEFAULT_TARGETS). It counts only when the
    plan keeps a project ledger (some project of the plan has a disbursement recorded) and
    the project has a budget;
  * the money's verdict is the budget pages' own (budget.rules.pace): below the target by
    more than its margin is far behind, within it behind;
  * at risk (เสี่ยง): share below 50 %, or the money far behind;
  * behind (ล่าช้า): otherwise, share below 80 %, or the money behind;
  * on track (ตามแผน): everything else, including a project with nothing reported yet.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from urllib.parse import urlencode

from django.db.models import OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from budget.models import (
    DisbursementTarget,
    OfficeDisbursement,
    ProjectDisbursement,
)
from budget.rules import DEFAULT_TARGETS, Pace, pace
from budget.selectors import with_current_budget
from indicators.models import Indicator, IndicatorResult, OnetScore
from indicators.rules import PERCENT, VERDICT_LABELS, Verdict
from plans import audit, thai
from plans.models import AuditEntry, Office, PersonnelCount, Plan, PolicyArea, WorkGroup
from plans.money import MONEY_FIELD, ZERO, cents, percent
from progress.models import QuarterlyReport
from progress.selectors import QuarterStatus, quarter_status, report_deadlines
from projects.models import Project
from reports.selectors import (
    IndicatorRow,
    OfficeBudget,
    PersonnelRow,
    PersonnelTable,
    SchoolStats,
    VerdictCounts,
    indicator_row,
    office_budget,
    school_stats,
)

QUARTERS = (1, 2, 3, 4)
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
RESULT_FIELDS = ("quarter", "value", "unit", "count", "count_unit")
HISTORY_LINES = 10  # the project page's recent report history
ON_TRACK_SHARE = Decimal(80)
AT_RISK_SHARE = Decimal(50)


class Status(StrEnum):
    ON_TRACK = "on_track"
    BEHIND = "behind"
    AT_RISK = "at_risk"


STATUS_LABELS = {Status.ON_TRACK: "ตามแผน", Status.BEHIND: "ล่าช้า", Status.AT_RISK: "เสี่ยง"}


def project_status(
    counts: VerdictCounts,
    allocated: Decimal,
    disbursed: Decimal,
    target: Decimal,
    *,
    money_tracked: bool,
) -> Status:
    """The one rule of a project's status at a quarter (see the module's docstring); target is
    the quarter's cumulative disbursement target (ร้อยละ)."""
    share = counts.achieved_percent
    money = pace(percent(disbursed, allocated) if money_tracked else None, target)
    if (share is not None and share < AT_RISK_SHARE) or money == Pace.FAR_BEHIND:
        return Status.AT_RISK
    if (share is not None and share < ON_TRACK_SHARE) or money == Pace.BEHIND:
        return Status.BEHIND
    return Status.ON_TRACK


def plan_targets(plan: Plan) -> dict[int, Decimal]:
    """The plan's cumulative disbursement targets per quarter: those finance set for the
    plan, the budget app's defaults for the others. One query."""
    rows = DisbursementTarget.objects.filter(plan=plan).values_list("quarter", "cumulative_percent")
    return {**DEFAULT_TARGETS, **dict(rows)}


def default_quarter(year: int, today: date) -> int:
    """The quarter a director most likely wants: today's in a running year, else the fourth."""
    start, end = thai.fiscal_year_bounds(year)
    return thai.quarter_of(today) if start <= today <= end else 4


# -- filters ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Filters:
    """What the URL's query string chose: year, quarter, policy area number, group code,
    and for tables a sort key ("-rate" sorts descending)."""

    year: int
    quarter: int
    area: int | None = None
    group: str = ""
    sort: str = ""
    office: str = ""  # only for a user who reads several offices

    def query(self, **changes) -> str:
        """The query string of these filters with some changed (None drops a key)."""
        values = {
            "office": self.office,
            "year": self.year,
            "quarter": self.quarter,
            "area": self.area,
            "group": self.group,
            "sort": self.sort,
        }
        values.update(changes)
        return urlencode({k: v for k, v in values.items() if v not in (None, "")})

    @property
    def base_query(self) -> str:
        """The filters without sort or list-specific keys: what a link to another page keeps."""
        return self.query(sort=None)

    @property
    def quarter_label(self) -> str:
        return thai.quarter_label(self.quarter)


# -- the plan's projects at a quarter --------------------------------------------------


@dataclass(frozen=True)
class DashboardIndicator:
    pk: int
    project_pk: int
    project_number: int
    project_name: str
    activity: str
    row: IndicatorRow  # target, result so far and verdict, as the report makes them
    quarterly: list[Decimal | None]  # the value reported in each quarter (None: none)

    @property
    def verdict(self) -> Verdict:
        return self.row.verdict

    @property
    def percent_of_target(self) -> list[Decimal | None]:
        """Each quarter's value as a share of the target (a result given in ร้อยละ against a
        target in another unit is already that share)."""
        row = self.row
        out: list[Decimal | None] = []
        for value in self.quarterly:
            if value is None or row.target in (None, ZERO):
                out.append(None)
            elif row.unit != PERCENT and row.result_unit == PERCENT:
                out.append(value)
            else:
                out.append(percent(value, row.target))
        return out


@dataclass(frozen=True)
class DashboardProject:
    pk: int
    number: int
    name: str
    policy_area_number: int
    policy_area: str
    work_group_code: str
    work_group: str
    indicators: list[DashboardIndicator]
    allocated: Decimal
    disbursed: Decimal  # up to the quarter's end
    status: Status
    report: QuarterStatus  # the quarter's report, as the progress app judges it

    @property
    def counts(self) -> VerdictCounts:
        return VerdictCounts.of([i.verdict for i in self.indicators])

    @property
    def remaining(self) -> Decimal:
        return self.allocated - self.disbursed

    @property
    def rate(self) -> Decimal | None:
        return percent(self.disbursed, self.allocated)

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


@dataclass(frozen=True)
class StatusCounts:
    on_track: int = 0
    behind: int = 0
    at_risk: int = 0

    @property
    def total(self) -> int:
        return self.on_track + self.behind + self.at_risk

    def share(self, status: str) -> Decimal | None:
        return percent(getattr(self, status), self.total)

    @property
    def on_track_percent(self) -> Decimal | None:
        return self.share("on_track")

    @property
    def behind_percent(self) -> Decimal | None:
        return self.share("behind")

    @property
    def at_risk_percent(self) -> Decimal | None:
        return self.share("at_risk")

    @classmethod
    def of(cls, projects: Iterable[DashboardProject]) -> StatusCounts:
        statuses = [p.status for p in projects]
        return cls(*(statuses.count(s) for s in Status))


@dataclass(frozen=True)
class ProjectSet:
    """A set of projects with the same figures for each: the whole plan, or one row of the
    by-area and by-group tables."""

    key: str
    label: str
    projects: list[DashboardProject]

    @property
    def counts(self) -> VerdictCounts:
        return sum((p.counts for p in self.projects), VerdictCounts())

    @property
    def statuses(self) -> StatusCounts:
        return StatusCounts.of(self.projects)

    @property
    def allocated(self) -> Decimal:
        return sum((p.allocated for p in self.projects), ZERO)

    @property
    def disbursed(self) -> Decimal:
        return sum((p.disbursed for p in self.projects), ZERO)

    @property
    def remaining(self) -> Decimal:
        return self.allocated - self.disbursed

    @property
    def rate(self) -> Decimal | None:
        return percent(self.disbursed, self.allocated)

    @property
    def indicators(self) -> list[DashboardIndicator]:
        return [i for p in self.projects for i in p.indicators]


def _money(model, quarter_end: date | None) -> Coalesce:
    scope = Q(project=OuterRef("pk"))
    if quarter_end is not None:
        scope &= Q(paid_on__lte=quarter_end)
    return Coalesce(
        Subquery(
            model.objects.filter(scope)
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
            disbursed=_money(ProjectDisbursement, quarter_end),
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
    indicators = _indicators_by_project(project__in=ids)
    results = _results_by_indicator(indicator__project__in=ids, quarter__lte=filters.quarter)
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
                row=indicator_row(indicator, results[indicator.pk]),
                quarterly=_quarterly(results[indicator.pk]),
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
                    targets[filters.quarter],
                    money_tracked=money_tracked,
                ),
                report=quarter_status(_report_of_quarter(project), due, today),
            )
        )
    return rows, money_tracked


# Indicators and their results are grouped here rather than prefetched: an instance and a
# related manager for every quarterly result were most of a dashboard page's time.


def _indicators_by_project(**scope) -> dict[int, list[Indicator]]:
    """The indicators in ``scope`` (with what `indicator_row` reads and the activity's
    name), grouped by project, in order. One query."""
    grouped: dict[int, list[Indicator]] = defaultdict(list)
    for indicator in (
        Indicator.objects.filter(**scope)
        .select_related("activity")
        .only(*INDICATOR_FIELDS, "activity__name")
        .order_by("order")
    ):
        grouped[indicator.project_id].append(indicator)
    return grouped


def _results_by_indicator(**scope) -> dict[int, list]:
    """The quarterly results in ``scope`` as rows (RESULT_FIELDS), grouped by indicator, in
    quarter order: what `indicator_row` and `_quarterly` take. One query."""
    grouped: dict[int, list] = defaultdict(list)
    for result in (
        IndicatorResult.objects.filter(**scope)
        .order_by("quarter")
        .values_list("indicator_id", *RESULT_FIELDS, named=True)
    ):
        grouped[result.indicator_id].append(result)
    return grouped


def _quarterly(results: Iterable[IndicatorResult | tuple]) -> list[Decimal | None]:
    values: list[Decimal | None] = [None] * len(QUARTERS)
    for result in results:
        values[result.quarter - 1] = result.value
    return values


# -- the overview ----------------------------------------------------------------------


@dataclass(frozen=True)
class Choice:
    value: str
    label: str


@dataclass(frozen=True)
class OfficeQuarter:
    quarter: int
    disbursed: Decimal  # cumulative to the quarter's end
    rate: Decimal | None
    target: Decimal

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
    def target(self) -> Decimal:
        return self.targets[self.quarter]

    @property
    def target_amount(self) -> Decimal:
        return cents(self.allocated * self.target / 100)

    @property
    def quarters(self) -> list[OfficeQuarter]:
        return [
            OfficeQuarter(q, d, percent(d, self.allocated), self.targets[q])
            for q, d in zip(QUARTERS, self.disbursed_by_quarter, strict=True)
        ]

    @property
    def meets_target(self) -> bool:
        return self.rate is not None and self.rate >= self.target


def office_money(
    office: Office, plan: Plan, quarter: int, targets: dict[int, Decimal]
) -> OfficeMoney:
    """Two queries: table 13, and the office's disbursements summed up to each quarter's
    end (an entry without a date counts at the year's end, as table 13's totals do)."""
    year = plan.fiscal_year.year
    ends = {q: thai.quarter_bounds(year, q)[1] for q in QUARTERS}
    sums = OfficeDisbursement.objects.filter(
        office=office, fiscal_year=plan.fiscal_year, category__is_central_fund=False
    ).aggregate(
        **{f"q{q}": Sum("amount", filter=Q(paid_on__lte=ends[q])) for q in (1, 2, 3)},
        q4=Sum("amount"),
    )
    return OfficeMoney(
        budget=office_budget(plan),
        disbursed_by_quarter=[cents(sums[f"q{q}"] or ZERO) for q in QUARTERS],
        quarter=quarter,
        targets=targets,
    )


@dataclass(frozen=True)
class YearLine:
    """One fiscal year of the office in the year-against-year table (fourth quarter)."""

    year: int
    projects: int
    counts: VerdictCounts
    allocated: Decimal


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
    def statuses(self) -> StatusCounts:
        return self.plan.statuses


def filter_choices(office: Office) -> tuple[list[Choice], list[Choice]]:
    """Policy areas and the office's work groups for the filter form. Two queries."""
    areas = [
        Choice(str(a.number), f"{thai.to_thai_digits(a.number)}. {a.name}")
        for a in PolicyArea.objects.order_by("number")
    ]
    groups = [Choice(g.code, g.name) for g in WorkGroup.objects.filter(office=office)]
    return areas, groups


def year_lines(office: Office) -> list[YearLine]:
    """Every fiscal year of the office that has projects, at its year's end: projects,
    indicator verdicts and project budgets (with transfers). Three queries whatever the
    number of years."""
    projects = with_current_budget(Project.objects.filter(plan__office=office)).select_related(
        "plan__fiscal_year"
    )
    indicators = _indicators_by_project(project__plan__office=office)
    results = _results_by_indicator(indicator__project__plan__office=office)
    per_year: dict[int, list] = defaultdict(list)
    for project in projects:
        per_year[project.plan.fiscal_year.year].append(project)
    return [
        YearLine(
            year=year,
            projects=len(rows),
            counts=VerdictCounts.of(
                [indicator_row(i, results[i.pk]).verdict for p in rows for i in indicators[p.pk]]
            ),
            allocated=cents(sum((p.current_budget for p in rows), ZERO)),
        )
        for year, rows in sorted(per_year.items())
    ]


def overview(plan: Plan, filters: Filters, years: list[int], *, today: date) -> Overview:
    """The overview of a plan at a quarter, its reports judged overdue on `today`: seven
    queries whatever the plan's size (ten when the office has several years to compare)."""
    office = plan.office
    targets = plan_targets(plan)
    projects, money_tracked = plan_projects(plan, filters, targets, today=today)
    return Overview(
        office_name=office.name,
        filters=filters,
        plan=ProjectSet("plan", office.short_name, projects),
        money_tracked=money_tracked,
        money=office_money(office, plan, filters.quarter, targets),
        year_lines=year_lines(office) if len(years) > 1 else [],
    )


# -- by policy area and by work group --------------------------------------------------

SORT_KEYS: dict[str, Callable[[ProjectSet], object]] = {
    "name": lambda r: r.key,
    "projects": lambda r: len(r.projects),
    "achieved": lambda r: r.counts.achieved,
    "not_achieved": lambda r: r.counts.not_achieved,
    "not_reported": lambda r: r.counts.not_reported,
    "achieved_percent": lambda r: r.counts.achieved_percent or Decimal(-1),
    "allocated": lambda r: r.allocated,
    "disbursed": lambda r: r.disbursed,
    "rate": lambda r: r.rate if r.rate is not None else Decimal(-1),
    "on_track": lambda r: r.statuses.on_track,
    "behind": lambda r: r.statuses.behind,
    "at_risk": lambda r: r.statuses.at_risk,
}


def sort_rows(rows: list[ProjectSet], sort: str) -> list[ProjectSet]:
    """Rows sorted by a SORT_KEYS key, descending with a leading "-"; unknown keys keep the
    given order. Ties keep the given order too (a stable sort)."""
    key = SORT_KEYS.get(sort.removeprefix("-"))
    if key is None:
        return rows
    return sorted(rows, key=key, reverse=sort.startswith("-"))


def by_policy_area(projects: list[DashboardProject], sort: str = "") -> list[ProjectSet]:
    grouped: dict[int, ProjectSet] = {}
    for p in projects:
        label = f"{thai.to_thai_digits(p.policy_area_number)}. {p.policy_area}"
        grouped.setdefault(
            p.policy_area_number, ProjectSet(f"{p.policy_area_number:02d}", label, [])
        ).projects.append(p)
    return sort_rows([grouped[n] for n in sorted(grouped)], sort)


def by_work_group(
    projects: list[DashboardProject], groups: list[Choice], sort: str = ""
) -> list[ProjectSet]:
    order = {choice.value: i for i, choice in enumerate(groups)}
    grouped: dict[str, ProjectSet] = {}
    for p in projects:
        grouped.setdefault(
            p.work_group_code,
            ProjectSet(f"{order.get(p.work_group_code, 999):03d}", p.work_group or "ไม่ระบุกลุ่ม", []),
        ).projects.append(p)
    return sort_rows(sorted(grouped.values(), key=lambda r: r.key), sort)


# -- one project -----------------------------------------------------------------------


@dataclass(frozen=True)
class MoneyQuarter:
    quarter: int
    disbursed: Decimal  # paid in the quarter
    cumulative: Decimal
    planned: Decimal  # cumulative plan: the allocation × the quarter's target

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
    history: list[AuditEntry] = field(default_factory=list)  # newest first, HISTORY_LINES


def project_reports(
    project: Project, *, today: date
) -> tuple[list[ReportQuarter], list[AuditEntry]]:
    """The project's four quarterly reports with their statuses on `today`, and the recent
    audit entries of those reports. Three queries: deadlines, reports, history."""
    deadlines = report_deadlines(project.plan.fiscal_year)
    reports = {r.quarter: r for r in QuarterlyReport.objects.filter(project=project)}
    quarters = [
        ReportQuarter(q, quarter_status(reports.get(q), deadlines[q], today)) for q in QUARTERS
    ]
    # plans.audit.history_for, for the four reports in one query
    history = list(
        AuditEntry.objects.filter(
            object_type=audit.object_type(QuarterlyReport),
            object_id__in=[r.pk for r in reports.values()],
        ).select_related("user")[:HISTORY_LINES]
    )
    return quarters, history


def project_page(project: Project, filters: Filters, *, today: date) -> ProjectPage:
    """One project at a quarter: its indicators with quarterly values, money paid per quarter
    against the plan, the same project in other years, and its reports' statuses and
    history on `today`. Eleven queries."""
    plan = project.plan
    one = Filters(year=filters.year, quarter=filters.quarter, office=filters.office)
    targets = plan_targets(plan)
    rows, money_tracked = plan_projects(plan, one, targets, today=today)
    row = next(r for r in rows if r.pk == project.pk)  # the plan's figures, one rule
    year = plan.fiscal_year.year
    paid = [ZERO] * len(QUARTERS)
    for entry in ProjectDisbursement.objects.filter(project=project).values("paid_on", "amount"):
        if thai.fiscal_year_of(entry["paid_on"]) == year:
            paid[thai.quarter_of(entry["paid_on"]) - 1] += entry["amount"]
    money, running = [], ZERO
    for q in QUARTERS:
        running += paid[q - 1]
        money.append(
            MoneyQuarter(
                q,
                cents(paid[q - 1]),
                cents(running),
                cents(row.allocated * targets[q] / 100),
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


# -- schools ---------------------------------------------------------------------------


@dataclass(frozen=True)
class OnetLine:
    """One subject of one grade: the office's mean per academic year, and the nation's."""

    grade: int
    subject: str
    office: dict[int, Decimal]
    nation: dict[int, Decimal]


@dataclass(frozen=True)
class SchoolsPage:
    academic_year: int
    stats: SchoolStats
    previous: SchoolStats  # the academic year before (empty when there is none)
    personnel: PersonnelTable
    onet_years: list[int]
    onet: list[OnetLine]

    @property
    def has_previous(self) -> bool:
        return self.previous.schools > 0

    def onet_grade(self, grade: int) -> list[OnetLine]:
        return [line for line in self.onet if line.grade == grade]

    @property
    def onet_m3(self) -> list[OnetLine]:
        return self.onet_grade(3)

    @property
    def onet_m6(self) -> list[OnetLine]:
        return self.onet_grade(6)


def schools_page(office: Office, academic_year: int) -> SchoolsPage:
    """Tables 1 to 6 of the report, live (`school_stats`, as the report builds them), the
    year before for comparison, and O-NET against the nation. Eight queries."""
    personnel = PersonnelTable(
        [
            PersonnelRow(p.number, p.position, p.count)
            for p in PersonnelCount.objects.filter(
                office=office, academic_year=academic_year
            ).order_by("number")
        ]
    )
    lines: dict[tuple[int, str], OnetLine] = {}
    years: set[int] = set()
    scores = (
        OnetScore.objects.filter(
            office=office, scope__in=[OnetScore.Scope.OFFICE, OnetScore.Scope.NATION]
        )
        .select_related("subject")
        .order_by("grade", "subject__order", "academic_year")
    )
    for score in scores:
        line = lines.setdefault(
            (score.grade, score.subject.name), OnetLine(score.grade, score.subject.name, {}, {})
        )
        target = line.office if score.scope == OnetScore.Scope.OFFICE else line.nation
        target[score.academic_year] = score.score
        years.add(score.academic_year)
    return SchoolsPage(
        academic_year=academic_year,
        stats=school_stats(office, academic_year),
        previous=school_stats(office, academic_year - 1),
        personnel=personnel,
        onet_years=sorted(years),
        onet=list(lines.values()),
    )


# -- charts: data only, drawn by static/js/dashboard.js --------------------------------


@dataclass(frozen=True)
class Series:
    label: str
    values: list[Decimal | int | None]
    kind: str = "bar"  # or "line"


@dataclass(frozen=True)
class Chart:
    """A chart's data, sent to the page with json_script and shown as a table beside it."""

    id: str
    title: str
    labels: list[str]
    series: list[Series]
    unit: str = ""
    stacked: bool = False
    horizontal: bool = False

    def as_json(self) -> dict:
        def number(v):
            return None if v is None else float(v)  # drawing only; tables show the Decimals

        return {
            "title": self.title,
            "labels": self.labels,
            "unit": self.unit,
            "stacked": self.stacked,
            "horizontal": self.horizontal,
            "series": [
                {"label": s.label, "kind": s.kind, "values": [number(v) for v in s.values]}
                for s in self.series
            ],
        }

    @property
    def rows(self) -> list[tuple[str, list]]:
        """The data table: one row per label, one column per series."""

        def cell(v):
            return Decimal(v) if isinstance(v, int) else v

        return [
            (label, [cell(s.values[i]) for s in self.series]) for i, label in enumerate(self.labels)
        ]


def overview_charts(data: Overview) -> list[Chart]:
    counts, statuses, money = data.counts, data.statuses, data.money
    labels = [thai.quarter_label(q) for q in QUARTERS]
    return [
        Chart(
            "chart-verdicts",
            "ผลตัวชี้วัด",
            [VERDICT_LABELS[v] for v in Verdict],
            [Series("ตัวชี้วัด", [counts.achieved, counts.not_achieved, counts.not_reported])],
            unit="ตัวชี้วัด",
            horizontal=True,
        ),
        Chart(
            "chart-statuses",
            "สถานะโครงการ",
            [STATUS_LABELS[s] for s in Status],
            [Series("โครงการ", [statuses.on_track, statuses.behind, statuses.at_risk])],
            unit="โครงการ",
            horizontal=True,
        ),
        Chart(
            "chart-disbursement",
            "การเบิกจ่ายสะสมของสำนักงานเทียบเป้าหมาย (ร้อยละของงบที่ได้รับจัดสรร)",
            labels,
            [
                Series(
                    "เบิกจ่ายสะสม",
                    [percent(d, money.allocated) for d in money.disbursed_by_quarter],
                ),
                Series("เป้าหมายสะสม", [money.targets[q] for q in QUARTERS], "line"),
            ],
            unit="ร้อยละ",
        ),
    ]


def sets_chart(chart_id: str, title: str, rows: list[ProjectSet], money_tracked: bool) -> Chart:
    series = [Series("ตัวชี้วัดบรรลุ (ร้อยละ)", [r.counts.achieved_percent for r in rows])]
    if money_tracked:
        series.append(Series("เบิกจ่าย (ร้อยละ)", [r.rate for r in rows]))
    return Chart(
        chart_id,
        title,
        [r.label for r in rows],
        series,
        unit="ร้อยละ",
        horizontal=True,
    )


def project_charts(page: ProjectPage) -> list[Chart]:
    indicators = page.project.indicators
    labels = [thai.quarter_label(q) for q in QUARTERS]
    return [
        Chart(
            "chart-indicators",
            "ผลเทียบค่าเป้าหมายรายไตรมาส (ร้อยละของค่าเป้าหมาย)",
            [f"ตัวชี้วัด {thai.to_thai_digits(n)}" for n in range(1, len(indicators) + 1)],
            [Series("ค่าเป้าหมาย", [100 if i.row.target else None for i in indicators], "line")]
            + [
                Series(labels[q - 1], [i.percent_of_target[q - 1] for i in indicators])
                for q in QUARTERS
            ],
            unit="ร้อยละ",
        ),
        Chart(
            "chart-money",
            "การเบิกจ่ายรายไตรมาสเทียบแผน (บาท)",
            labels,
            [
                Series("เบิกจ่ายในไตรมาส", [m.disbursed for m in page.money]),
                Series("เบิกจ่ายสะสม", [m.cumulative for m in page.money], "line"),
                Series("แผนสะสม", [m.planned for m in page.money], "line"),
            ],
            unit="บาท",
        ),
    ]


def schools_charts(page: SchoolsPage) -> list[Chart]:
    stats = page.stats
    grades = [row for row in stats.grades if not row.is_total]
    charts = [
        Chart(
            "chart-sizes",
            "จำนวนโรงเรียนจำแนกตามขนาดและจังหวัด",
            [row.label for row in stats.sizes],
            [
                Series(name, [row.counts[i] for row in stats.sizes])
                for i, name in enumerate(stats.provinces)
            ],
            unit="โรงเรียน",
            stacked=True,
        ),
        Chart(
            "chart-grades",
            "จำนวนนักเรียนจำแนกตามชั้นและเพศ",
            [row.label for row in grades],
            [
                Series("ชาย", [sum(c.male for c in row.cells) for row in grades]),
                Series("หญิง", [sum(c.female for c in row.cells) for row in grades]),
            ],
            unit="คน",
        ),
    ]
    for grade, lines in ((3, page.onet_m3), (6, page.onet_m6)):
        if not lines:
            continue
        series = [
            Series(f"สำนักงาน {thai.to_thai_digits(y)}", [line.office.get(y) for line in lines])
            for y in page.onet_years
            if any(y in line.office for line in lines)
        ] + [
            Series(
                f"ประเทศ {thai.to_thai_digits(y)}", [line.nation.get(y) for line in lines], "line"
            )
            for y in page.onet_years
            if any(y in line.nation for line in lines)
        ]
        charts.append(
            Chart(
                f"chart-onet-m{grade}",
                f"คะแนนเฉลี่ย O-NET ม.{thai.to_thai_digits(grade)} เทียบระดับประเทศ",
                [line.subject for line in lines],
                series,
                unit="คะแนน",
            )
        )
    return charts
