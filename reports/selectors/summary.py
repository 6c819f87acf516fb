"""Reads that build the annual report's data: plain dataclasses with every total computed
here, in a fixed number of queries whatever the size of the plan. The HTML page, the PDF
and the dashboard format these; they never compute."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Prefetch
from django.utils import timezone

from budget import selectors as budget_selectors
from indicators.models import Indicator, IndicatorResult
from indicators.rules import (
    LAST_QUARTER,
    PERCENT,
    VERDICT_LABELS,
    Verdict,
    combine,
    milestone,
    verdict,
)
from plans import thai
from plans.models import Plan
from plans.money import ZERO, cents, percent
from projects.models import Activity, Project


@dataclass(frozen=True)
class VerdictCounts:
    achieved: int = 0
    not_achieved: int = 0
    not_reported: int = 0
    not_due: int = 0  # not judged yet at the quarter (no milestone), counted apart

    @property
    def total(self) -> int:
        return self.achieved + self.not_achieved + self.not_reported + self.not_due

    @property
    def reported(self) -> int:
        return self.achieved + self.not_achieved

    @property
    def achieved_percent(self) -> Decimal | None:
        return percent(self.achieved, self.reported)

    @property
    def not_achieved_percent(self) -> Decimal | None:
        return percent(self.not_achieved, self.reported)

    def __add__(self, other: VerdictCounts) -> VerdictCounts:
        return VerdictCounts(
            self.achieved + other.achieved,
            self.not_achieved + other.not_achieved,
            self.not_reported + other.not_reported,
            self.not_due + other.not_due,
        )

    @classmethod
    def of(cls, verdicts: list[Verdict]) -> VerdictCounts:
        return cls(
            achieved=verdicts.count(Verdict.ACHIEVED),
            not_achieved=verdicts.count(Verdict.NOT_ACHIEVED),
            not_reported=verdicts.count(Verdict.NOT_REPORTED),
            not_due=verdicts.count(Verdict.NOT_DUE),
        )


@dataclass(frozen=True)
class IndicatorRow:
    text: str
    target: Decimal | None
    unit: str
    result: Decimal | None
    result_unit: str
    count: Decimal | None
    count_unit: str
    verdict: Verdict
    milestone: Decimal | None = None  # what the quarter is judged against (None: not judged)
    quarter: int = LAST_QUARTER  # the quarter judged
    shortfall: Decimal | None = None  # not achieved: how many fell short, in count_unit

    @property
    def verdict_label(self) -> str:
        return VERDICT_LABELS[self.verdict]

    # The chapter 4 table's columns, as the reference prints them: "บรรลุเป้าหมาย" (จำนวน,
    # คิดเป็นร้อยละ) holds what was reached, "ไม่บรรลุเป้าหมาย" what fell short.

    @property
    def reached_count(self) -> tuple[Decimal, str] | None:
        """The count reached with its unit: the result's count, else a result not in percent."""
        if self.count is not None:
            return self.count, self.count_unit
        if self.result is not None and self.result_unit != PERCENT:
            return self.result, self.result_unit
        return None

    @property
    def reached_percent(self) -> Decimal | None:
        return self.result if self.result_unit == PERCENT else None

    @property
    def short_count(self) -> tuple[Decimal, str] | None:
        if self.verdict != Verdict.NOT_ACHIEVED or self.shortfall is None:
            return None
        return self.shortfall, self.count_unit

    @property
    def short_percent(self) -> Decimal | None:
        """How far a percent result fell short of a percent target (90 − 67.85 = 22.15)."""
        if self.verdict != Verdict.NOT_ACHIEVED or self.result is None or self.target is None:
            return None
        if self.unit != PERCENT or self.result_unit != PERCENT:
            return None
        return abs(self.target - self.result)


@dataclass(frozen=True)
class ActivityRow:
    number: int
    name: str
    indicators: list[IndicatorRow]


@dataclass(frozen=True)
class ProjectRow:
    pk: int
    number: int
    name: str
    policy_area: str
    policy_area_number: int
    work_group: str
    owner_name: str
    budget: Decimal
    indicators: list[IndicatorRow]  # those on the project itself, not under an activity
    activities: list[ActivityRow]

    @property
    def all_indicators(self) -> list[IndicatorRow]:
        return self.indicators + [i for a in self.activities for i in a.indicators]

    @property
    def counts(self) -> VerdictCounts:
        return VerdictCounts.of([i.verdict for i in self.all_indicators])


@dataclass(frozen=True)
class PolicyAreaRow:
    number: int
    name: str
    projects: list[ProjectRow]

    @property
    def budget(self) -> Decimal:
        return sum((p.budget for p in self.projects), ZERO)

    @property
    def counts(self) -> VerdictCounts:
        return sum((p.counts for p in self.projects), VerdictCounts())


@dataclass(frozen=True)
class PlanSummary:
    office_name: str
    fiscal_year: int
    projects: list[ProjectRow]
    policy_areas: list[PolicyAreaRow] = field(default_factory=list)
    as_of: int | None = None  # the year is not over: judged at this quarter (thai.as_of_quarter)

    @property
    def budget(self) -> Decimal:
        return sum((p.budget for p in self.projects), ZERO)

    @property
    def counts(self) -> VerdictCounts:
        return sum((p.counts for p in self.projects), VerdictCounts())


def indicator_row(
    indicator: Indicator, results: Sequence[Any] | None = None, *, quarter: int = LAST_QUARTER
) -> IndicatorRow:
    """The chapter 4 row of an indicator at a quarter (by default the year's end): its
    target, its result so far combined from the quarterly results by its own rule, what the
    quarter is judged against (indicators.rules.milestone) and the verdict. ``results``
    (each with quarter, value, unit, count, count_unit; in quarter order, none after
    ``quarter``) default to ``indicator.results.all()``; a caller that fetched them as rows
    passes them here, so that the rule stays this one. The milestones are read from
    ``Indicator.milestone_values`` (annotated by ``with_milestones``: no query)."""
    results = list(indicator.results.all() if results is None else results)
    milestones = indicator.milestone_values
    value = combine([(r.quarter, r.value) for r in results], indicator.aggregation)
    last = results[-1] if results else None
    result_unit = last.unit if last else indicator.unit
    return IndicatorRow(
        text=indicator.text,
        target=indicator.target,
        unit=indicator.unit,
        result=value,
        result_unit=result_unit,
        count=last.count if last else None,
        count_unit=last.count_unit if last else "",
        shortfall=getattr(last, "shortfall", None),
        verdict=verdict(
            target=indicator.target,
            target_unit=indicator.unit,
            result=value,
            result_unit=result_unit,
            direction=indicator.direction,
            quarter=quarter,
            milestones=milestones,
        ),
        milestone=milestone(indicator.target, milestones, quarter),
        quarter=quarter,
    )


def plan_summary(plan: Plan, *, today: date | None = None) -> PlanSummary:
    """The chapter 4 summary of a plan: every project, activity and indicator with its
    verdict, and each project's current budget (budget.selectors.with_current_budget).
    A year not over on `today` (plans.thai.as_of_quarter: its latest quarter with results,
    else the calendar's) is judged at that quarter, against its milestones; a finished year
    at its end. Four queries whatever the plan's size."""
    indicators = (
        Indicator.objects.with_milestones()
        .order_by("order")
        .prefetch_related(Prefetch("results", queryset=IndicatorResult.objects.order_by("quarter")))
    )
    projects = list(
        budget_selectors.with_current_budget(Project.objects.filter(plan=plan))
        .select_related("policy_area", "work_group")
        .prefetch_related(
            Prefetch("activities", queryset=Activity.objects.order_by("number")),
            Prefetch("indicators", queryset=indicators),
        )
        .order_by("number")
    )
    reported = max(
        (r.quarter for p in projects for i in p.indicators.all() for r in i.results.all()),
        default=None,
    )
    as_of = thai.as_of_quarter(plan.fiscal_year.year, today or timezone.localdate(), reported)
    quarter = as_of or LAST_QUARTER
    rows = []
    for project in projects:
        by_activity: dict[int | None, list[IndicatorRow]] = defaultdict(list)
        for indicator in project.indicators.all():
            by_activity[indicator.activity_id].append(indicator_row(indicator, quarter=quarter))
        rows.append(
            ProjectRow(
                pk=project.pk,
                number=project.number,
                name=project.name,
                policy_area=project.policy_area.name,
                policy_area_number=project.policy_area.number,
                work_group=project.work_group.name if project.work_group else "",
                owner_name=project.owner_name,
                budget=cents(project.current_budget),
                indicators=by_activity[None],
                activities=[
                    ActivityRow(a.number, a.name, by_activity[a.pk])
                    for a in project.activities.all()
                ],
            )
        )
    areas: dict[int, PolicyAreaRow] = {}
    for row in rows:
        area = areas.setdefault(
            row.policy_area_number, PolicyAreaRow(row.policy_area_number, row.policy_area, [])
        )
        area.projects.append(row)
    return PlanSummary(
        office_name=plan.office.name,
        fiscal_year=plan.fiscal_year.year,
        projects=rows,
        policy_areas=[areas[number] for number in sorted(areas)],
        as_of=as_of,
    )


# Table 13 is computed once, by the budget app: the printed report, the plan summary page
# and the dashboard all show `budget.selectors.office_budget`.
OfficeBudget = budget_selectors.OfficeBudget
BudgetLine = budget_selectors.CategoryLine
office_budget = budget_selectors.office_budget
