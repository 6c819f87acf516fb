"""Reads for the progress pages: a fixed number of queries whatever the number of projects.
Statuses and overdue flags are computed here, never stored."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Sum

from budget import selectors as budget_selectors
from budget.models import ProjectDisbursement
from indicators.models import Indicator, IndicatorResult
from indicators.rules import VERDICT_LABELS, Verdict, combine, milestone, verdict
from plans import thai
from plans.history import HISTORY_LINES, HistoryLine, history_for
from plans.history import lines as history_lines
from plans.models import FiscalYear, Plan
from plans.money import ZERO
from progress.access import decidable_by, group_projects, is_submitter, my_projects
from progress.models import (
    QuarterlyReport,
    ReportDeadline,
    ReportPhoto,
    ReportValue,
    default_deadline,
)
from projects.models import Activity, Project

NOT_STARTED = "not_started"
STATUS_LABELS = {NOT_STARTED: "ยังไม่เริ่ม", **dict(QuarterlyReport.Status.choices)}


@dataclass(frozen=True)
class QuarterStatus:
    code: str
    deadline: date
    overdue: bool
    last_reason: str = ""

    @property
    def label(self) -> str:
        return STATUS_LABELS[self.code]


def quarter_status(report: QuarterlyReport | None, deadline: date, today: date) -> QuarterStatus:
    code = report.status if report else NOT_STARTED
    done = code in (QuarterlyReport.Status.SUBMITTED, QuarterlyReport.Status.APPROVED)
    return QuarterStatus(
        code=code,
        deadline=deadline,
        overdue=not done and today > deadline,
        last_reason=report.last_reason if report else "",
    )


def report_deadlines(year: FiscalYear | int) -> dict[int, date]:
    """The due date of each quarter of a fiscal year: the default unless planning set one.
    Read once per FiscalYear object (a page that asks twice, for its default quarter and
    its statuses, makes one query)."""
    cached = getattr(year, "_report_deadlines", None)
    if cached is not None:
        return cached
    year_be = year if isinstance(year, int) else year.year
    deadlines = {q: default_deadline(year_be, q) for q in thai.FISCAL_QUARTERS}
    for row in ReportDeadline.objects.filter(fiscal_year__year=year_be):
        deadlines[row.quarter] = row.due_on
    if not isinstance(year, int):
        year._report_deadlines = deadlines
    return deadlines


def reporting_quarter(year: FiscalYear | int, today: date) -> int:
    """The quarter being reported now in a fiscal year: the quarter a progress page or the
    dashboard opens at (plans.thai.default_quarter, told the year's deadlines)."""
    year_be = year if isinstance(year, int) else year.year
    return thai.default_quarter(year_be, today, report_deadlines(year))


# -- my projects ------------------------------------------------------------------------


@dataclass(frozen=True)
class ProjectQuarterRow:
    project: Project
    status: QuarterStatus


def project_list_for_user(
    user, *, plan: Plan, quarter: int, today: date
) -> list[ProjectQuarterRow]:
    """The projects the user enters or decides, with their status for the quarter.
    Three queries: deadlines, projects, the quarter's reports."""
    deadline = report_deadlines(plan.fiscal_year)[quarter]
    projects = list(
        my_projects(user)
        .filter(plan=plan)
        .select_related("work_group")
        .prefetch_related(
            Prefetch(
                "quarterly_reports",
                queryset=QuarterlyReport.objects.filter(quarter=quarter),
                to_attr="quarter_reports",
            )
        )
        .order_by("number")
    )
    return [
        ProjectQuarterRow(p, quarter_status(next(iter(p.quarter_reports), None), deadline, today))
        for p in projects
    ]


# -- who has not reported ---------------------------------------------------------------


@dataclass(frozen=True)
class FollowUpRow:
    project_id: int
    number: int
    name: str
    work_group: str
    owner: str
    quarter: int
    status: QuarterStatus

    @property
    def quarter_label(self) -> str:
        return thai.quarter_label(self.quarter)


def follow_up_rows(
    plan: Plan, *, today: date, groups: frozenset[int] | None = None
) -> list[FollowUpRow]:
    """Every project × quarter of the plan (of the work groups `groups` only, unless None:
    progress.access.follow_up_groups) with its status, overdue first (then by quarter and
    project). Three queries whatever the plan's size."""
    deadlines = report_deadlines(plan.fiscal_year)
    projects = Project.objects.filter(plan=plan)
    if groups is not None:
        projects = projects.filter(work_group_id__in=groups)
    projects = list(
        projects.select_related("work_group")
        .prefetch_related("quarterly_reports")
        .order_by("number")
    )
    rows = []
    for project in projects:
        reports = {r.quarter: r for r in project.quarterly_reports.all()}
        for quarter in thai.FISCAL_QUARTERS:
            rows.append(
                FollowUpRow(
                    project_id=project.pk,
                    number=project.number,
                    name=project.name,
                    work_group=project.work_group.name if project.work_group else "",
                    owner=project.owner_name,
                    quarter=quarter,
                    status=quarter_status(reports.get(quarter), deadlines[quarter], today),
                )
            )
    rows.sort(key=lambda r: (not r.status.overdue, r.quarter, r.number))
    return rows


# -- the report page --------------------------------------------------------------------


@dataclass(frozen=True)
class IndicatorLine:
    indicator: Indicator
    so_far: Decimal | None  # by the indicator's rule, this quarter included
    so_far_unit: str
    approved: IndicatorResult | None  # the approved value of this quarter, if any
    reported: ReportValue | None  # what this quarter's report gives
    milestone: Decimal | None = None  # the target so far (indicators.rules.milestone)
    verdict: Verdict = Verdict.NOT_DUE  # so far against it (not judged without a milestone)

    @property
    def verdict_label(self) -> str:
        return VERDICT_LABELS[self.verdict]


@dataclass(frozen=True)
class ActivityLine:
    activity: Activity | None
    disbursed: Decimal  # posted to the ledger so far, every quarter
    reported: Decimal | None  # what this quarter's report gives

    @property
    def label(self) -> str:
        if self.activity is None:
            return "ทั้งโครงการ"
        return f"กิจกรรมที่ {thai.to_thai_digits(self.activity.number)} {self.activity.name}"


@dataclass
class ReportPage:
    project: Project
    quarter: int
    report: QuarterlyReport | None
    status: QuarterStatus
    indicators: list[IndicatorLine]
    activities: list[ActivityLine]
    allocated: Decimal
    disbursed: Decimal
    photos: list[ReportPhoto] = field(default_factory=list)
    history: list[HistoryLine] = field(default_factory=list)

    @property
    def remaining(self) -> Decimal:
        return self.allocated - self.disbursed

    @property
    def version(self) -> int:
        return self.report.version if self.report else 0

    @property
    def quarter_label(self) -> str:
        return thai.quarter_label(self.quarter)


def report_page(project: Project, quarter: int, *, today: date) -> ReportPage:
    """Everything the quarterly report page shows (the project's plan must be loaded)."""
    report = (
        QuarterlyReport.objects.filter(project=project, quarter=quarter)
        .prefetch_related("values", "disbursements")
        .first()
    )
    drafts = {v.indicator_id: v for v in report.values.all()} if report else {}
    amounts = {d.activity_id: d.amount for d in report.disbursements.all()} if report else {}
    indicators = list(
        Indicator.objects.filter(project=project)
        .with_milestones()
        .select_related("activity")
        .prefetch_related(
            Prefetch(
                "results",
                queryset=IndicatorResult.objects.filter(quarter__lte=quarter).order_by("quarter"),
            )
        )
        .order_by("order")
    )
    lines = []
    for indicator in indicators:
        results = list(indicator.results.all())
        approved = next((r for r in results if r.quarter == quarter), None)
        pairs = [(r.quarter, r.value, r.unit) for r in results if r.quarter < quarter]
        this = drafts.get(indicator.pk) or approved
        if this is not None:
            pairs.append((quarter, this.value, this.unit))
        so_far = combine([(q, v) for q, v, _ in pairs], indicator.aggregation)
        so_far_unit = pairs[-1][2] if pairs else indicator.unit
        milestones = indicator.milestone_values
        lines.append(
            IndicatorLine(
                indicator,
                so_far,
                so_far_unit,
                approved,
                drafts.get(indicator.pk),
                milestone=milestone(indicator.target, milestones, quarter),
                verdict=verdict(
                    target=indicator.target,
                    target_unit=indicator.unit,
                    result=so_far,
                    result_unit=so_far_unit,
                    direction=indicator.direction,
                    quarter=quarter,
                    milestones=milestones,
                ),
            )
        )
    paid = dict(
        ProjectDisbursement.objects.filter(project=project)
        .values("activity")
        .annotate(total=Sum("amount"))
        .values_list("activity", "total")
    )
    activities: list[Activity | None] = list(project.activities.order_by("number"))
    if not activities or None in paid or None in amounts:
        activities.append(None)
    allocated = budget_selectors.project_amounts(project).current  # with transfers
    return ReportPage(
        project=project,
        quarter=quarter,
        report=report,
        status=quarter_status(report, report_deadlines(project.plan.fiscal_year)[quarter], today),
        indicators=lines,
        activities=[
            ActivityLine(a, paid.get(a.pk if a else None) or ZERO, amounts.get(a.pk if a else None))
            for a in activities
        ],
        allocated=allocated or ZERO,
        disbursed=sum(paid.values(), ZERO),
        photos=list(report.photos.all()) if report else [],
        history=history_lines(history_for(report)[:HISTORY_LINES], report) if report else [],
    )


def activities_of(page: ReportPage) -> list[Activity | None]:
    return [line.activity for line in page.activities]


# -- my work queue ----------------------------------------------------------------------


@dataclass(frozen=True)
class QueueRow:
    report: QuarterlyReport
    project: Project

    @property
    def quarter_label(self) -> str:
        return thai.quarter_label(self.report.quarter)


@dataclass(frozen=True)
class OverdueRow:
    project: Project
    quarter: int
    status: QuarterStatus

    @property
    def quarter_label(self) -> str:
        return thai.quarter_label(self.quarter)


@dataclass(frozen=True)
class WorkQueue:
    returned: list[QueueRow]  # reports sent back to the user for correction, oldest first
    overdue: list[OverdueRow]  # quarters past their deadline not yet sent, oldest first
    waiting: list[QueueRow]  # submitted reports the user approves or returns, oldest first
    own_waiting: int  # submitted by the user and waiting for someone else (four eyes)

    @property
    def count(self) -> int:
        return len(self.returned) + len(self.overdue) + len(self.waiting)


def _overdue_for_user(user, *, plan: Plan, today: date) -> list[OverdueRow]:
    """The quarters past their deadline (report_deadlines, quarter_status: the follow-up
    page's rule) of the projects of the user's work group (progress.access.group_projects),
    not yet sent (returned ones are listed as returned). Three queries, none before the
    first deadline has passed."""
    deadlines = report_deadlines(plan.fiscal_year)
    due = [q for q in thai.FISCAL_QUARTERS if today > deadlines[q]]
    if not due:
        return []
    projects = list(
        group_projects(user)
        .filter(plan=plan)
        .select_related("work_group")
        .prefetch_related("quarterly_reports")
        .order_by("number")
    )
    reports = {p.pk: {r.quarter: r for r in p.quarterly_reports.all()} for p in projects}
    rows = []
    for quarter in due:
        for project in projects:
            report = reports[project.pk].get(quarter)
            status = quarter_status(report, deadlines[quarter], today)
            if status.overdue and status.code != QuarterlyReport.Status.RETURNED:
                rows.append(OverdueRow(project=project, quarter=quarter, status=status))
    return rows


def _queue_reports(user, **scope) -> QuerySet[QuarterlyReport]:
    """The returned and submitted reports of `scope` that concern the user: `mine` (of
    their work group's projects, or that they submitted) or `deciding` (they approve or
    return it)."""
    return (
        QuarterlyReport.objects.filter(
            status__in=(QuarterlyReport.Status.RETURNED, QuarterlyReport.Status.SUBMITTED),
            **scope,
        )
        .annotate(
            mine=Exists(group_projects(user).filter(pk=OuterRef("project_id")))
            | Q(submitted_by=user.pk),
            deciding=Exists(decidable_by(user).filter(pk=OuterRef("project_id"))),
        )
        .filter(Q(mine=True) | Q(deciding=True))
    )


@dataclass(frozen=True)
class Waiting:
    """The menu's count of the work queue (`work_queue_for_user`'s returned reports and the
    reports to decide) of one fiscal year, the year its link opens."""

    year: int
    count: int


def waiting_for_user(user, *, office_id: int, today: date) -> Waiting | None:
    """What the menu says waits for the user in the office: of the current fiscal year if
    anything waits in it, else of the newest year where something does (None: nothing). One
    query, whatever the number of years."""
    counts = dict(
        _queue_reports(user, project__plan__office_id=office_id)
        .filter(
            Q(status=QuarterlyReport.Status.RETURNED, mine=True)
            | Q(status=QuarterlyReport.Status.SUBMITTED, deciding=True)
        )
        .exclude(status=QuarterlyReport.Status.SUBMITTED, submitted_by=user.pk)  # four eyes
        .values_list("project__plan__fiscal_year__year")
        .annotate(count=Count("pk"))
        .order_by()
    )
    if not counts:
        return None
    year = thai.fiscal_year_of(today)
    year = year if year in counts else max(counts)
    return Waiting(year, counts[year])


def work_queue_for_user(user, *, plan: Plan, today: date) -> WorkQueue:
    """What waits for the user across the year's quarters: their returned reports first
    (of their work group's projects, or that they submitted), then their group's reports
    past the deadline, then the submitted reports they decide (never their own
    submissions: progress.access.is_submitter). At most four queries whatever the plan's
    size."""
    reports = list(
        _queue_reports(user, project__plan=plan)
        .select_related("project__work_group", "submitted_by")
        .order_by("updated_at", "project__number", "quarter")
    )
    returned, waiting, own_waiting = [], [], 0
    for report in reports:
        row = QueueRow(report=report, project=report.project)
        if report.status == QuarterlyReport.Status.RETURNED:
            if report.mine:
                returned.append(row)
        elif report.deciding:
            if is_submitter(user, report):
                own_waiting += 1
            else:
                waiting.append(row)
    return WorkQueue(
        returned=returned,
        overdue=_overdue_for_user(user, plan=plan, today=today),
        waiting=waiting,
        own_waiting=own_waiting,
    )
