"""Chapter 5: the next fiscal year's direction (vision, missions, goals, strategies with
their goals, indicator targets and guidelines)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch

from plans.models import Office, Plan, PlanStatement, StrategyGuideline
from reports.selectors.common import Point

# -- chapter 5 ------------------------------------------------------------------------------


@dataclass(frozen=True)
class TargetRow:
    number: int
    text: str
    qualifier: str
    value: Decimal | None
    unit: str
    per: str


@dataclass(frozen=True)
class GuidelineGroup:
    heading: str
    items: list[Point]


@dataclass(frozen=True)
class StrategyBlock:
    number: int
    name: str
    goals: list[Point]
    indicators: list[TargetRow]
    guidelines: list[GuidelineGroup]


@dataclass(frozen=True)
class NextYearDirection:
    """Chapter 5: the plan of the next fiscal year."""

    fiscal_year: int
    vision: str
    missions: list[Point]
    goals: list[Point]
    strategies: list[StrategyBlock]


def direction(office: Office, fiscal_year: int) -> NextYearDirection | None:
    """The office's plan for the year after `fiscal_year`, or None. Six queries when it
    exists, one when it does not."""
    plan = (
        Plan.objects.filter(office=office, fiscal_year__year=fiscal_year + 1)
        .select_related("fiscal_year")
        .prefetch_related(
            Prefetch(
                "statements",
                queryset=PlanStatement.objects.filter(
                    kind__in=[PlanStatement.Kind.MISSION, PlanStatement.Kind.GOAL]
                ).order_by("kind", "number"),
            ),
            "strategies__goals",
            "strategies__indicators",
            Prefetch(
                "strategies__guidelines", queryset=StrategyGuideline.objects.order_by("number")
            ),
        )
        .first()
    )
    if plan is None:
        return None
    statements = list(plan.statements.all())
    blocks = []
    for s in sorted(plan.strategies.all(), key=lambda s: s.number):
        groups: list[GuidelineGroup] = []
        for g in s.guidelines.all():
            if not groups or groups[-1].heading != g.heading:
                groups.append(GuidelineGroup(g.heading, []))
            groups[-1].items.append(Point(g.number, "", g.text))
        blocks.append(
            StrategyBlock(
                number=s.number,
                name=s.name,
                goals=[Point(g.number, "", g.text) for g in sorted(s.goals.all(), key=_number)],
                indicators=[
                    TargetRow(
                        i.number,
                        i.text,
                        i.target_qualifier,
                        i.target_value,
                        i.target_unit,
                        i.target_per,
                    )
                    for i in sorted(s.indicators.all(), key=_number)
                ],
                guidelines=groups,
            )
        )
    return NextYearDirection(
        fiscal_year=plan.fiscal_year.year,
        vision=plan.vision,
        missions=[
            Point(s.number, s.title, s.text)
            for s in statements
            if s.kind == PlanStatement.Kind.MISSION
        ],
        goals=[
            Point(s.number, s.title, s.text)
            for s in statements
            if s.kind == PlanStatement.Kind.GOAL
        ],
        strategies=blocks,
    )


def _number(row) -> int:
    return row.number
