"""Reads for the budget pages and the Excel files: plain dataclasses with every total,
remainder, rate and pace computed here, in a fixed number of queries whatever the size of
the plan. Each sum is its own Subquery: joining two sums in one aggregate multiplies rows."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass, replace
from datetime import date
from decimal import Decimal

from django.db.models import (
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from budget.models import (
    BudgetCategory,
    BudgetTransfer,
    DisbursementTarget,
    OfficeAllocation,
    OfficeDisbursement,
    ProjectAllocation,
    ProjectDisbursement,
)
from budget.rules import PACE_LABELS, Pace, pace
from plans import thai
from plans.models import Plan
from plans.money import MONEY_FIELD, ZERO, cents, percent
from projects.models import Activity, Project


def _sum(queryset: QuerySet, group_by: str) -> Coalesce:
    """SUM(amount) of `queryset` (already filtered on OuterRef) as a scalar subquery."""
    total = queryset.order_by().values(group_by).annotate(total=Sum("amount")).values("total")
    return Coalesce(Subquery(total, output_field=MONEY_FIELD), Value(ZERO))


# -- the amounts of a project or an activity --------------------------------------------


@dataclass(frozen=True)
class BudgetAmounts:
    """Original allocation, transfers and disbursement; the rest is computed."""

    original: Decimal
    transferred_in: Decimal
    transferred_out: Decimal
    disbursed: Decimal

    @property
    def current(self) -> Decimal:
        return self.original + self.transferred_in - self.transferred_out

    @property
    def remaining(self) -> Decimal:
        return self.current - self.disbursed

    @property
    def rate(self) -> Decimal | None:
        return percent(self.disbursed, self.current)

    @property
    def has_budget(self) -> bool:
        """An activity "has its own allocation" once money was allocated or moved to it."""
        return bool(self.original or self.transferred_in or self.transferred_out)

    def __add__(self, other: BudgetAmounts) -> BudgetAmounts:
        return BudgetAmounts(
            self.original + other.original,
            self.transferred_in + other.transferred_in,
            self.transferred_out + other.transferred_out,
            self.disbursed + other.disbursed,
        )


NO_MONEY = BudgetAmounts(ZERO, ZERO, ZERO, ZERO)


def _original(by: str) -> Coalesce:
    """The allocations of the outer query's project or activity (`by`), as a subquery."""
    return _sum(ProjectAllocation.objects.filter(**{by: OuterRef("pk")}), by)


def with_original(rows: QuerySet, *, by: str) -> QuerySet:
    """Annotate `original` only, the allocations before any transfer (what the plan as
    approved prints), of projects (`by="project"`) or activities (`by="activity"`)."""
    return rows.annotate(original=_original(by))


def _budget_parts(up_to: date | None) -> dict:
    """A project's allocations and the transfers in and out of it (moves inside the project
    do not count), transfers approved up to `up_to` (all when None), as subqueries."""
    pk = OuterRef("pk")
    moved = Q() if up_to is None else Q(transferred_on__lte=up_to)
    return {
        "original": _original("project"),
        "transferred_in": _sum(
            BudgetTransfer.objects.filter(moved, to_project=pk).exclude(from_project=pk),
            "to_project",
        ),
        "transferred_out": _sum(
            BudgetTransfer.objects.filter(moved, from_project=pk).exclude(to_project=pk),
            "from_project",
        ),
    }


def with_project_amounts(projects: QuerySet[Project]) -> QuerySet[Project]:
    """Annotate original, transferred_in/out (moves inside the project do not count) and
    disbursed: four subqueries, one query."""
    pk = OuterRef("pk")
    return projects.annotate(
        **_budget_parts(None),
        disbursed=_sum(ProjectDisbursement.objects.filter(project=pk), "project"),
    )


def with_current_budget(projects: QuerySet[Project], *, up_to: date | None = None) -> QuerySet:
    """Annotate `current_budget`, the one rule of what a project's budget is: its
    allocations, plus what was transferred in and less what was transferred out (approved
    up to `up_to`, every transfer when None). The budget pages, the quarterly report page,
    the dashboard and the annual report all read it (`BudgetAmounts.current` is the same sum)."""
    parts = _budget_parts(up_to)
    return projects.annotate(
        current_budget=parts["original"] + parts["transferred_in"] - parts["transferred_out"]
    )


def with_activity_amounts(activities: QuerySet[Activity]) -> QuerySet[Activity]:
    pk = OuterRef("pk")
    return activities.annotate(
        original=_original("activity"),
        transferred_in=_sum(BudgetTransfer.objects.filter(to_activity=pk), "to_activity"),
        transferred_out=_sum(BudgetTransfer.objects.filter(from_activity=pk), "from_activity"),
        disbursed=_sum(ProjectDisbursement.objects.filter(activity=pk), "activity"),
    )


def _amounts(row) -> BudgetAmounts:
    return BudgetAmounts(
        cents(row.original),
        cents(row.transferred_in),
        cents(row.transferred_out),
        cents(row.disbursed),
    )


def project_amounts(project: Project) -> BudgetAmounts:
    """One project's money now (one query). Services check against this."""
    row = with_project_amounts(Project.objects.filter(pk=project.pk)).get()
    return _amounts(row)


def activity_amounts(activity: Activity) -> BudgetAmounts:
    row = with_activity_amounts(Activity.objects.filter(pk=activity.pk)).get()
    return _amounts(row)


# -- quarterly targets ------------------------------------------------------------------


@dataclass(frozen=True)
class Targets:
    """The plan's cumulative targets per quarter and the one that applies today."""

    by_quarter: dict[int, Decimal]
    quarter: int | None

    @property
    def current(self) -> Decimal | None:
        return self.by_quarter.get(self.quarter) if self.quarter else None

    @property
    def quarter_label(self) -> str:
        return thai.quarter_label(self.quarter) if self.quarter else ""

    @property
    def rows(self) -> list[tuple[int, Decimal | None, bool]]:
        """(quarter, target, is the current quarter) for quarters 1 to 4."""
        return [(q, self.by_quarter.get(q), q == self.quarter) for q in thai.FISCAL_QUARTERS]


def targets_for(plan: Plan, *, today: date | None = None) -> Targets:
    day = today or timezone.localdate()
    rows = DisbursementTarget.objects.filter(plan=plan).values_list("quarter", "cumulative_percent")
    return Targets(dict(rows), thai.quarter_on(plan.fiscal_year.year, day))


# -- the plan's projects ----------------------------------------------------------------


@dataclass(frozen=True)
class ActivityBudget(BudgetAmounts):
    pk: int
    number: int
    name: str


@dataclass(frozen=True)
class ProjectBudget(BudgetAmounts):
    pk: int
    number: int
    name: str
    work_group: str
    activities: list[ActivityBudget]
    pace: Pace

    @property
    def pace_label(self) -> str:
        return PACE_LABELS[self.pace]

    @property
    def label(self) -> str:
        return f"{thai.to_thai_digits(self.number)}. {self.name}"


def project_budgets(
    plan: Plan, targets: Targets, *, project: Project | None = None
) -> list[ProjectBudget]:
    """Every project of the plan (or one) with its activities' money. Two queries."""
    projects = Project.objects.filter(plan=plan)
    activities = Activity.objects.filter(project__plan=plan)
    if project is not None:
        projects = projects.filter(pk=project.pk)
        activities = activities.filter(project=project)
    by_project: dict[int, list[ActivityBudget]] = {}
    for a in with_activity_amounts(activities).order_by("project", "number"):
        by_project.setdefault(a.project_id, []).append(
            ActivityBudget(**asdict(_amounts(a)), pk=a.pk, number=a.number, name=a.name)
        )
    rows = []
    for p in with_project_amounts(projects.select_related("work_group")).order_by("number"):
        amounts = _amounts(p)
        rows.append(
            ProjectBudget(
                **asdict(amounts),
                pk=p.pk,
                number=p.number,
                name=p.name,
                work_group=p.work_group.name if p.work_group else "",
                activities=by_project.get(p.pk, []),
                pace=pace(amounts.rate, targets.current),
            )
        )
    return rows


# -- the office's budget (report table 13) ------------------------------------------------


@dataclass(frozen=True)
class Instalment:
    number: int
    received_on: date | None
    letter_no: str
    amount: Decimal
    note: str

    @property
    def label(self) -> str:
        return f"จัดสรรครั้งที่ {thai.to_thai_digits(self.number)}"


@dataclass(frozen=True)
class CategoryLine:
    number: int
    name: str
    allocated: Decimal
    disbursed: Decimal
    instalments: list[Instalment]

    @property
    def remaining(self) -> Decimal:
        return self.allocated - self.disbursed

    @property
    def rate(self) -> Decimal | None:
        return percent(self.disbursed, self.allocated)


@dataclass(frozen=True)
class OfficeBudget:
    lines: list[CategoryLine]
    central_fund: list[CategoryLine]

    @property
    def total(self) -> CategoryLine:
        return CategoryLine(
            number=0,
            name="รวมทั้งสิ้น",
            allocated=sum((line.allocated for line in self.lines), ZERO),
            disbursed=sum((line.disbursed for line in self.lines), ZERO),
            instalments=[],
        )


def office_budget(plan: Plan) -> OfficeBudget:
    """Table 13 for the plan's office and year: allocations (the sum of the instalments)
    and disbursements per category, the central fund apart. Two plain queries (the
    instalments with their categories; the disbursements summed by category) added up here:
    subqueries per category cost more to build than to run."""
    scope = {"office": plan.office_id, "fiscal_year": plan.fiscal_year_id}
    categories: dict[int, BudgetCategory] = {}
    instalments: dict[int, list[Instalment]] = defaultdict(list)
    for a in (
        OfficeAllocation.objects.filter(**scope)
        .select_related("category")
        .order_by("category", "number")
    ):
        categories[a.category_id] = a.category
        instalments[a.category_id].append(
            Instalment(a.number, a.received_on, a.letter_no, cents(a.amount), a.note)
        )
    disbursed: dict[int, Decimal] = {}
    for row in (
        OfficeDisbursement.objects.filter(**scope)
        .values("category", "category__name", "category__order", "category__is_central_fund")
        .annotate(total=Sum("amount"))
        .order_by()
    ):
        disbursed[row["category"]] = row["total"] or ZERO
        categories.setdefault(
            row["category"],
            BudgetCategory(
                pk=row["category"],
                name=row["category__name"],
                order=row["category__order"],
                is_central_fund=row["category__is_central_fund"],
            ),
        )
    lines: list[CategoryLine] = []
    central: list[CategoryLine] = []
    for c in sorted(categories.values(), key=lambda c: (c.order, c.pk)):
        allocated = sum((i.amount for i in instalments[c.pk]), ZERO)
        spent = disbursed.get(c.pk, ZERO)
        if allocated <= 0 and spent <= 0:
            continue
        target = central if c.is_central_fund else lines
        target.append(
            CategoryLine(len(target) + 1, c.name, cents(allocated), cents(spent), instalments[c.pk])
        )
    return OfficeBudget(lines=lines, central_fund=central)


# -- pages ------------------------------------------------------------------------------


@dataclass(frozen=True)
class BudgetOverview:
    office_name: str
    fiscal_year: int
    office: OfficeBudget
    projects: list[ProjectBudget]
    targets: Targets
    as_of: int | None = None  # the year is not over: its money so far (thai.as_of_quarter)

    @property
    def plan_total(self) -> BudgetAmounts:
        return sum(self.projects, NO_MONEY)

    @property
    def plan_pace(self) -> Pace:
        return pace(self.plan_total.rate, self.targets.current)

    @property
    def office_pace(self) -> Pace:
        return pace(self.office.total.rate, self.targets.current)

    @property
    def office_pace_label(self) -> str:
        return PACE_LABELS[self.office_pace]

    @property
    def plan_pace_label(self) -> str:
        return PACE_LABELS[self.plan_pace]


def budget_overview(plan: Plan, *, today: date | None = None) -> BudgetOverview:
    """The year's budget page: table 13 and the plan's projects side by side, as of the
    quarter the year is in on `today` (none once it is over). Five queries."""
    targets = targets_for(plan, today=today)
    year = plan.fiscal_year.year
    return BudgetOverview(
        office_name=plan.office.name,
        fiscal_year=year,
        office=office_budget(plan),
        projects=project_budgets(plan, targets),
        targets=targets,
        as_of=thai.as_of_quarter(year, today or timezone.localdate()),
    )


@dataclass(frozen=True)
class LedgerEntry:
    on: date | None
    kind: str  # allocation, transfer_in, transfer_within, transfer_out, disbursement, reversal
    label: str
    activity: str
    reference: str
    note: str
    amount: Decimal
    delta: Decimal  # its effect on the project's remaining
    balance: Decimal = ZERO  # the project's remaining after it (set once sorted)
    disbursement_pk: int | None = None
    recorded_by: str = ""
    from_report: bool = False  # posted by a quarterly report's approval: never deleted
    reversible: bool = False  # finance may reverse it (a disbursement not yet reversed)
    deletable: bool = False  # finance may delete it (a direct entry, never reversed)


@dataclass(frozen=True)
class ProjectLedger:
    office_name: str
    fiscal_year: int
    project: ProjectBudget
    entries: list[LedgerEntry]
    targets: Targets


# Entries of one day: money in before money out.
_KIND_ORDER = {
    "allocation": 0,
    "transfer_in": 1,
    "transfer_within": 2,
    "transfer_out": 3,
    "disbursement": 4,
    "reversal": 5,
}


def _user_name(user) -> str:
    return (user.get_full_name() or user.username) if user else ""


def _transfer_entry(t: BudgetTransfer, project: Project) -> LedgerEntry:
    if t.from_project_id == t.to_project_id:
        kind, delta = "transfer_within", ZERO
        label, activity = f"โอนระหว่างกิจกรรม ไปยัง{t.to_activity}", str(t.from_activity)
    elif t.from_project_id == project.pk:
        kind, delta = "transfer_out", -t.amount
        label, activity = f"โอนไปยังโครงการ {t.to_project}", str(t.from_activity or "")
    else:
        kind, delta = "transfer_in", t.amount
        label, activity = f"รับโอนจากโครงการ {t.from_project}", str(t.to_activity or "")
    return LedgerEntry(
        on=t.transferred_on,
        kind=kind,
        label=label,
        activity=activity,
        reference=t.letter_no,
        note=f"{t.reason} (ผู้อนุมัติ: {t.approved_by})",
        amount=cents(t.amount),
        delta=cents(delta),
        recorded_by=_user_name(t.created_by),
    )


def _disbursement_entry(d: ProjectDisbursement) -> LedgerEntry:
    """A disbursement (money out) or a reversal (its negative: money back, labelled)."""
    reversed_ = getattr(d, "reversal", None) is not None  # one-to-one: None when absent
    if d.reverses_id:
        label = "กลับรายการเบิกจ่าย"
    else:
        label = "เบิกจ่าย (กลับรายการแล้ว)" if reversed_ else "เบิกจ่าย"
    return LedgerEntry(
        on=d.paid_on,
        kind="reversal" if d.reverses_id else "disbursement",
        label=label,
        activity=str(d.activity or ""),
        reference=d.document_no,
        note=d.note,
        amount=abs(cents(d.amount)),
        delta=-cents(d.amount),
        disbursement_pk=d.pk,
        recorded_by=_user_name(d.created_by),
        from_report=d.from_report,
        reversible=not d.reverses_id and not reversed_,
        deletable=not d.reverses_id and not reversed_ and not d.from_report,
    )


def project_ledger(project: Project, *, today: date | None = None) -> ProjectLedger:
    """A project's allocations, transfers and disbursements in date order with the running
    remaining. Six queries whatever the number of entries."""
    plan = project.plan
    targets = targets_for(plan, today=today)
    (budget,) = project_budgets(plan, targets, project=project)
    keyed: list[tuple[tuple, LedgerEntry]] = []
    for a in ProjectAllocation.objects.filter(project=project).select_related("activity"):
        entry = LedgerEntry(
            on=a.received_on,
            kind="allocation",
            label=f"จัดสรรครั้งที่ {thai.to_thai_digits(a.number)}",
            activity=str(a.activity or ""),
            reference=a.letter_no,
            note=a.note,
            amount=cents(a.amount),
            delta=cents(a.amount),
        )
        keyed.append(((a.pk,), entry))
    transfers = BudgetTransfer.objects.filter(
        Q(from_project=project) | Q(to_project=project)
    ).select_related("from_project", "to_project", "from_activity", "to_activity", "created_by")
    keyed += [((t.pk,), _transfer_entry(t, project)) for t in transfers]
    disbursements = ProjectDisbursement.objects.filter(project=project).select_related(
        "activity", "created_by", "reversal"
    )
    for d in disbursements:
        keyed.append(((d.pk,), _disbursement_entry(d)))
    keyed.sort(key=lambda pair: (pair[1].on or date.min, _KIND_ORDER[pair[1].kind], pair[0]))
    balance = ZERO
    entries = []
    for _, entry in keyed:
        balance += entry.delta
        entries.append(replace(entry, balance=balance))
    return ProjectLedger(plan.office.name, plan.fiscal_year.year, budget, entries, targets)


@dataclass(frozen=True)
class TransferRow:
    pk: int
    on: date
    source: str
    target: str
    amount: Decimal
    reason: str
    approved_by: str
    letter_no: str
    recorded_by: str


def _place(project: Project, activity: Activity | None) -> str:
    return f"{project} / {activity}" if activity else str(project)


def transfer_list(plan: Plan) -> list[TransferRow]:
    """Every transfer of the plan, in date order. One query."""
    transfers = (
        BudgetTransfer.objects.filter(from_project__plan=plan)
        .select_related("from_project", "to_project", "from_activity", "to_activity", "created_by")
        .order_by("transferred_on", "pk")
    )
    return [
        TransferRow(
            pk=t.pk,
            on=t.transferred_on,
            source=_place(t.from_project, t.from_activity),
            target=_place(t.to_project, t.to_activity),
            amount=cents(t.amount),
            reason=t.reason,
            approved_by=t.approved_by,
            letter_no=t.letter_no,
            recorded_by=(t.created_by.get_full_name() or t.created_by.username)
            if t.created_by
            else "",
        )
        for t in transfers
    ]
