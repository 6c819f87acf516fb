"""Chapter 4's assessments: table 12 (OBEC indicators, computed average and quality
word), ITA with its change, the office-standards tree, and disbursement by quarter."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch, Sum

from budget.models import ProjectDisbursement
from indicators.models import (
    ItaAssessment,
    ObecIndicatorProvinceResult,
    ObecIndicatorRating,
    StandardItem,
    quality_label,
)
from plans import thai
from plans.models import Plan
from plans.money import ZERO, cents
from reports.selectors.common import difference, level_of, mean

# -- chapter 4: assessments -----------------------------------------------------------------


@dataclass(frozen=True)
class RatingRow:
    number: int
    text: str
    level: int | None
    note: str
    province_results: list[tuple[str, Decimal]]
    target: Decimal | None = None  # ร้อยละ, for an indicator judged by its provinces

    @property
    def label(self) -> str:
        return quality_label(self.level)

    @property
    def province_verdicts(self) -> list[tuple[str, Decimal, bool | None]]:
        """Each province's result and whether it reached the target (None: no target)."""
        return [
            (name, value, None if self.target is None else value >= self.target)
            for name, value in self.province_results
        ]


@dataclass(frozen=True)
class Ratings:
    """Table 12: the office's levels on OBEC's indicators, with the computed mean."""

    rows: list[RatingRow]

    @property
    def rated(self) -> list[RatingRow]:
        return [r for r in self.rows if r.level is not None]

    @property
    def unrated(self) -> list[RatingRow]:
        return [r for r in self.rows if r.level is None]

    @property
    def average(self) -> Decimal | None:
        return mean([Decimal(r.level) for r in self.rated])

    @property
    def average_label(self) -> str:
        return quality_label(level_of(self.average))


@dataclass(frozen=True)
class Ita:
    score: Decimal
    level: str
    previous_score: Decimal | None
    previous_level: str

    @property
    def change(self) -> Decimal | None:
        return difference(self.score, self.previous_score)


@dataclass(frozen=True)
class StandardRow:
    kind: str
    label: str
    name: str
    depth: int
    level: int | None
    note: str

    @property
    def level_label(self) -> str:
        return quality_label(self.level)

    @property
    def heading(self) -> str:
        prefix = {"standard": "มาตรฐานที่", "indicator": "ตัวบ่งชี้ที่"}.get(self.kind, "")
        label = thai.to_thai_digits(self.label)
        if prefix:
            return f"{prefix} {label} {self.name}"
        return f"{label} {self.name}".strip()


@dataclass(frozen=True)
class Standards:
    rows: list[StandardRow]

    @property
    def standards(self) -> list[StandardRow]:
        return [r for r in self.rows if r.depth == 0]

    @property
    def average(self) -> Decimal | None:
        return mean([Decimal(r.level) for r in self.standards if r.level is not None])

    @property
    def overall_level(self) -> int | None:
        return level_of(self.average)

    @property
    def overall_label(self) -> str:
        return quality_label(self.overall_level)


@dataclass(frozen=True)
class QuarterAmount:
    quarter: int
    amount: Decimal

    @property
    def label(self) -> str:
        return thai.quarter_label(self.quarter)


@dataclass(frozen=True)
class Assessments:
    ratings: Ratings
    ita: Ita | None
    standards: Standards
    quarters: list[QuarterAmount]  # empty when no disbursement has a date

    @property
    def disbursed_by_quarters(self) -> Decimal:
        return sum((q.amount for q in self.quarters), ZERO)


def assessments(plan: Plan) -> Assessments:
    """Table 12, ITA, the office standards and the projects' disbursement per quarter.
    Five queries."""
    office, year = plan.office, plan.fiscal_year
    ratings = [
        RatingRow(
            r.number,
            r.text,
            r.level,
            r.note,
            [(p.province.name, p.value) for p in r.province_results.all()],
            r.target,
        )
        for r in ObecIndicatorRating.objects.filter(office=office, fiscal_year=year)
        .order_by("number")
        .prefetch_related(
            Prefetch(
                "province_results",
                queryset=ObecIndicatorProvinceResult.objects.select_related("province").order_by(
                    "province__name"
                ),
            )
        )
    ]
    ita_row = ItaAssessment.objects.filter(office=office, fiscal_year=year).first()
    items = list(StandardItem.objects.filter(office=office, fiscal_year=year).order_by("order"))
    depth: dict[int, int] = {}
    standards = []
    for item in items:  # parents come before their children in `order`
        depth[item.pk] = depth[item.parent_id] + 1 if item.parent_id in depth else 0
        standards.append(
            StandardRow(item.kind, item.label, item.name, depth[item.pk], item.level, item.note)
        )
    return Assessments(
        ratings=Ratings(ratings),
        ita=Ita(ita_row.score, ita_row.level, ita_row.previous_score, ita_row.previous_level)
        if ita_row
        else None,
        standards=Standards(standards),
        quarters=disbursement_by_quarter(plan),
    )


def disbursement_by_quarter(plan: Plan) -> list[QuarterAmount]:
    """The plan's projects' disbursements summed per fiscal quarter of their paid_on date;
    empty when there are none. One query."""
    totals = dict.fromkeys(thai.FISCAL_QUARTERS, ZERO)
    rows = (
        ProjectDisbursement.objects.filter(project__plan=plan)
        .values("paid_on")
        .annotate(total=Sum("amount"))
        .order_by("paid_on")
    )
    found = False
    for row in rows:
        found = True
        totals[thai.quarter_of(row["paid_on"])] += cents(row["total"])
    return [QuarterAmount(q, amount) for q, amount in totals.items()] if found else []
