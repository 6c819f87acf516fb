"""Reads that build the annual report's data: plain dataclasses with every total computed
here, in a fixed number of queries whatever the size of the plan. The HTML page, the PDF
and the dashboard format these; they never compute."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import DecimalField, OuterRef, Prefetch, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from budget.models import BudgetCategory, OfficeAllocation, OfficeDisbursement, ProjectAllocation
from indicators.models import Indicator, IndicatorResult
from indicators.rules import VERDICT_LABELS, Verdict, combine, verdict
from plans.models import (
    SIZE_CLASS_BANDS,
    Committee,
    CommitteeMember,
    CommitteeSection,
    FiscalYear,
    Office,
    Plan,
    PlanStatement,
    School,
    SchoolYear,
    SizeClass,
)
from projects.models import Activity, Project

ZERO = Decimal("0.00")
HUNDRED = Decimal(100)
MONEY_FIELD = DecimalField(max_digits=17, decimal_places=2)


def cents(value: Decimal) -> Decimal:
    """Sums come back from the database with the backend's own scale: keep satang."""
    return Decimal(value).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def percent(part: Decimal | int, whole: Decimal | int) -> Decimal | None:
    """part / whole × 100, rounded half-up to 2 places; None when whole is zero."""
    if not whole:
        return None
    return (Decimal(part) * HUNDRED / Decimal(whole)).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_UP
    )


@dataclass(frozen=True)
class VerdictCounts:
    achieved: int = 0
    not_achieved: int = 0
    not_reported: int = 0

    @property
    def total(self) -> int:
        return self.achieved + self.not_achieved + self.not_reported

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
        )

    @classmethod
    def of(cls, verdicts: list[Verdict]) -> VerdictCounts:
        return cls(
            achieved=verdicts.count(Verdict.ACHIEVED),
            not_achieved=verdicts.count(Verdict.NOT_ACHIEVED),
            not_reported=verdicts.count(Verdict.NOT_REPORTED),
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

    @property
    def verdict_label(self) -> str:
        return VERDICT_LABELS[self.verdict]


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

    @property
    def budget(self) -> Decimal:
        return sum((p.budget for p in self.projects), ZERO)

    @property
    def counts(self) -> VerdictCounts:
        return sum((p.counts for p in self.projects), VerdictCounts())


def _indicator_row(indicator: Indicator) -> IndicatorRow:
    results = list(indicator.results.all())
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
        verdict=verdict(
            target=indicator.target,
            target_unit=indicator.unit,
            result=value,
            result_unit=result_unit,
            direction=indicator.direction,
        ),
    )


def plan_summary(plan: Plan) -> PlanSummary:
    """The chapter 4 summary of a plan: every project, activity and indicator with its
    verdict, and each project's budget. Five queries whatever the plan's size."""
    budget = (
        ProjectAllocation.objects.filter(project=OuterRef("pk"))
        .values("project")
        .annotate(total=Sum("amount"))
        .values("total")
    )
    indicators = Indicator.objects.order_by("order").prefetch_related(
        Prefetch("results", queryset=IndicatorResult.objects.order_by("quarter"))
    )
    projects = list(
        Project.objects.filter(plan=plan)
        .select_related("policy_area", "work_group")
        .annotate(budget=Coalesce(Subquery(budget, output_field=MONEY_FIELD), Value(ZERO)))
        .prefetch_related(
            Prefetch("activities", queryset=Activity.objects.order_by("number")),
            Prefetch("indicators", queryset=indicators),
        )
        .order_by("number")
    )
    rows = []
    for project in projects:
        by_activity: dict[int | None, list[IndicatorRow]] = defaultdict(list)
        for indicator in project.indicators.all():
            by_activity[indicator.activity_id].append(_indicator_row(indicator))
        rows.append(
            ProjectRow(
                pk=project.pk,
                number=project.number,
                name=project.name,
                policy_area=project.policy_area.name,
                policy_area_number=project.policy_area.number,
                work_group=project.work_group.name if project.work_group else "",
                owner_name=project.owner_name,
                budget=cents(project.budget),
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
    )


@dataclass(frozen=True)
class BudgetLine:
    number: int
    name: str
    allocated: Decimal
    disbursed: Decimal

    @property
    def remaining(self) -> Decimal:
        return self.allocated - self.disbursed

    @property
    def rate(self) -> Decimal | None:
        return percent(self.disbursed, self.allocated)


@dataclass(frozen=True)
class OfficeBudget:
    """Report table 13: the office's budget by category, the central fund apart."""

    lines: list[BudgetLine]
    central_fund: list[BudgetLine]

    @property
    def total(self) -> BudgetLine:
        return BudgetLine(
            number=0,
            name="รวมทั้งสิ้น",
            allocated=sum((line.allocated for line in self.lines), ZERO),
            disbursed=sum((line.disbursed for line in self.lines), ZERO),
        )


def office_budget(office: Office, fiscal_year: FiscalYear) -> OfficeBudget:
    """Allocations and disbursements summed per category with one subquery each (a join
    of both would multiply rows). One query."""
    scope = {"office": office, "fiscal_year": fiscal_year, "category": OuterRef("pk")}

    def total(model):
        return Coalesce(
            Subquery(
                model.objects.filter(**scope)
                .values("category")
                .annotate(total=Sum("amount"))
                .values("total"),
                output_field=MONEY_FIELD,
            ),
            Value(ZERO),
        )

    categories = (
        BudgetCategory.objects.annotate(
            allocated=total(OfficeAllocation), disbursed=total(OfficeDisbursement)
        )
        .filter(Q(allocated__gt=0) | Q(disbursed__gt=0))
        .order_by("order")
    )
    lines, central = [], []
    for category in categories:
        target = central if category.is_central_fund else lines
        target.append(
            BudgetLine(
                len(target) + 1, category.name, cents(category.allocated), cents(category.disbursed)
            )
        )
    return OfficeBudget(lines=lines, central_fund=central)


# -- the annual report ---------------------------------------------------------------------


@dataclass(frozen=True)
class ReportSection:
    """One editable text of the report; the body's paragraphs are split on blank lines."""

    key: str
    title: str
    paragraphs: list[str]
    signed_by: str


@dataclass(frozen=True)
class Statement:
    number: int
    title: str
    text: str


@dataclass(frozen=True)
class CountRow:
    """A labelled row of counts, one per column (a province, a level ...), with its total."""

    label: str
    counts: list[int]

    @property
    def total(self) -> int:
        return sum(self.counts)


def total_row(rows: list[CountRow], label: str = "รวมทั้งสิ้น") -> CountRow:
    width = max((len(row.counts) for row in rows), default=0)
    return CountRow(label, [sum(row.counts[i] for row in rows) for i in range(width)])


@dataclass(frozen=True)
class SizeRow(CountRow):
    """Table 1: schools of one size class per province; low/high bound the class."""

    low: int = 0
    high: int | None = None


@dataclass(frozen=True)
class ProvinceRow:
    """Table 2: one province's schools, students and teachers by sex."""

    name: str
    schools: int
    students_male: int
    students_female: int
    teachers_male: int
    teachers_female: int

    @property
    def students(self) -> int:
        return self.students_male + self.students_female

    @property
    def teachers(self) -> int:
        return self.teachers_male + self.teachers_female


@dataclass(frozen=True)
class GradeCells:
    male: int = 0
    female: int = 0
    classrooms: int = 0

    def __add__(self, other: GradeCells) -> GradeCells:
        return GradeCells(
            self.male + other.male,
            self.female + other.female,
            self.classrooms + other.classrooms,
        )


@dataclass(frozen=True)
class GradeRow:
    """Table 5: one grade (or a subtotal) with students and classrooms per province."""

    label: str
    cells: list[GradeCells]
    is_total: bool = False


@dataclass(frozen=True)
class SchoolStats:
    """Tables 1 to 5, computed from the schools' yearly statistics."""

    academic_year: int
    data_as_of: date | None
    provinces: list[str]
    sizes: list[SizeRow]
    by_province: list[ProvinceRow]
    levels: list[CountRow]
    stages: list[CountRow]  # per province: [lower secondary, upper secondary]
    grades: list[GradeRow]

    @property
    def sizes_total(self) -> CountRow:
        return total_row(self.sizes)

    @property
    def levels_total(self) -> CountRow:
        return total_row(self.levels)

    @property
    def stages_total(self) -> CountRow:
        return total_row(self.stages)

    @property
    def province_total(self) -> ProvinceRow:
        rows = self.by_province
        return ProvinceRow(
            name="รวมทั้งสิ้น",
            schools=sum(r.schools for r in rows),
            students_male=sum(r.students_male for r in rows),
            students_female=sum(r.students_female for r in rows),
            teachers_male=sum(r.teachers_male for r in rows),
            teachers_female=sum(r.teachers_female for r in rows),
        )

    @property
    def schools(self) -> int:
        return self.province_total.schools

    @property
    def students(self) -> int:
        return self.province_total.students


@dataclass(frozen=True)
class PersonnelRow:
    number: int
    position: str
    count: int


@dataclass(frozen=True)
class PersonnelTable:
    """Table 6."""

    rows: list[PersonnelRow]

    @property
    def total(self) -> int:
        return sum(row.count for row in self.rows)


@dataclass(frozen=True)
class CommitteeMemberRow:
    number: int
    name: str
    position: str
    role: str


@dataclass(frozen=True)
class CommitteeSectionRow:
    title: str
    duty: str
    members: list[CommitteeMemberRow]


@dataclass(frozen=True)
class CommitteeBlock:
    title: str
    number: str
    preamble: list[str]
    closing: str
    signed_on: date | None
    signed_by_name: str
    signed_by_position: str
    sections: list[CommitteeSectionRow]


@dataclass(frozen=True)
class OfficeHeading:
    name: str
    short_name: str
    parent_body: str
    ministry: str
    address: str
    website: str


@dataclass(frozen=True)
class AnnualReport:
    """Everything the printed annual report shows, chapters 1, 2 and 4 and the appendix."""

    office: OfficeHeading
    fiscal_year: int
    texts: dict[str, ReportSection]
    vision: str
    values_name: str
    values: list[Statement]
    missions: list[Statement]
    goals_quantitative: list[Statement]
    goals_qualitative: list[Statement]
    schools: SchoolStats
    personnel: PersonnelTable
    summary: PlanSummary
    budget: OfficeBudget
    committee_order: CommitteeBlock | None
    authors: CommitteeBlock | None


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]


LOWER_GRADES = (1, 2, 3)
UPPER_GRADES = (4, 5, 6)
GRADE_LABELS = {
    1: "ม.๑",
    2: "ม.๒",
    3: "ม.๓",
    4: "ม.๔ และ ปวช.๑",
    5: "ม.๕ และ ปวช.๒",
    6: "ม.๖ และ ปวช.๓",
}


def school_stats(office: Office, academic_year: int) -> SchoolStats:
    """Tables 1 to 5 for the office's schools in one academic year. Three queries."""
    provinces = [p.name for p in office.provinces.all()]
    years = list(
        SchoolYear.objects.filter(school__office=office, academic_year=academic_year)
        .select_related("school__province")
        .prefetch_related("grades")
        .order_by("school__code")
    )
    for year in years:  # a school outside the office's provinces still counts
        if year.school.province.name not in provinces:
            provinces.append(year.school.province.name)
    column = {name: i for i, name in enumerate(provinces)}
    width = len(provinces)

    sizes = {size: [0] * width for size in SizeClass}
    levels = {level: [0] * width for level in School.Levels}
    stages = [[0, 0] for _ in provinces]
    people = [[0] * 5 for _ in provinces]  # schools, students m/f, teachers m/f
    grades = {grade: [GradeCells() for _ in provinces] for grade in GRADE_LABELS}
    as_of = None
    for year in years:
        col = column[year.school.province.name]
        rows = list(year.grades.all())
        students = sum(g.male + g.female for g in rows)
        size = SizeClass.for_students(students)
        if size is not None:
            sizes[size][col] += 1
        levels[year.school.levels][col] += 1
        people[col][0] += 1
        people[col][3] += year.teachers_male
        people[col][4] += year.teachers_female
        for g in rows:
            people[col][1] += g.male
            people[col][2] += g.female
            stages[col][0 if g.grade in LOWER_GRADES else 1] += g.male + g.female
            grades[g.grade][col] += GradeCells(g.male, g.female, g.classrooms)
        as_of = as_of or year.data_as_of

    def subtotal(label: str, numbers: tuple[int, ...], is_total: bool = True) -> GradeRow:
        cells = [sum((grades[n][c] for n in numbers), GradeCells()) for c in range(width)]
        return GradeRow(label, cells, is_total)

    grade_rows = [GradeRow(GRADE_LABELS[n], grades[n]) for n in LOWER_GRADES]
    grade_rows.append(subtotal("รวม ม.ต้น", LOWER_GRADES))
    grade_rows += [GradeRow(GRADE_LABELS[n], grades[n]) for n in UPPER_GRADES]
    grade_rows.append(subtotal("รวม ม.ปลาย+ปวช.", UPPER_GRADES))
    grade_rows.append(subtotal("รวมทั้งสิ้น", LOWER_GRADES + UPPER_GRADES))

    return SchoolStats(
        academic_year=academic_year,
        data_as_of=as_of,
        provinces=provinces,
        sizes=[
            SizeRow(size.label, counts, SIZE_CLASS_BANDS[size][0], SIZE_CLASS_BANDS[size][1])
            for size, counts in sizes.items()
        ],
        by_province=[ProvinceRow(name, *people[column[name]]) for name in provinces],
        levels=[CountRow(level.label, counts) for level, counts in levels.items() if any(counts)],
        stages=[CountRow(name, stages[column[name]]) for name in provinces],
        grades=grade_rows,
    )


def _committee_block(committee) -> CommitteeBlock:
    return CommitteeBlock(
        title=committee.title,
        number=committee.number,
        preamble=_paragraphs(committee.preamble),
        closing=committee.closing,
        signed_on=committee.signed_on,
        signed_by_name=committee.signed_by_name,
        signed_by_position=committee.signed_by_position,
        sections=[
            CommitteeSectionRow(
                section.title,
                section.duty,
                [
                    CommitteeMemberRow(number, m.name, m.position, m.role)
                    for number, m in enumerate(section.members.all(), start=1)
                ],
            )
            for section in committee.sections.all()
        ],
    )


def annual_report(plan: Plan) -> AnnualReport:
    """The annual report of a plan: texts, statements, tables 1-6, the chapter 4 summary,
    table 13 and the committees. A fixed number of queries (14) whatever the data's size;
    school statistics are those of the academic year named like the fiscal year."""
    office = plan.office
    year = plan.fiscal_year.year
    texts = {
        t.key: ReportSection(t.key, t.title, _paragraphs(t.body), t.signed_by)
        for t in plan.texts.order_by("order", "key")
    }
    statements: dict[str, list[Statement]] = defaultdict(list)
    for s in plan.statements.filter(
        kind__in=[
            PlanStatement.Kind.VALUE,
            PlanStatement.Kind.MISSION,
            PlanStatement.Kind.GOAL_QUANTITATIVE,
            PlanStatement.Kind.GOAL_QUALITATIVE,
        ]
    ).order_by("kind", "number"):
        statements[s.kind].append(Statement(s.number, s.title, s.text))
    personnel = PersonnelTable(
        [
            PersonnelRow(p.number, p.position, p.count)
            for p in office.personnel.filter(academic_year=year).order_by("number")
        ]
    )
    committees = {
        c.kind: _committee_block(c)
        for c in plan.committees.prefetch_related(
            Prefetch("sections", queryset=CommitteeSection.objects.order_by("order")),
            Prefetch("sections__members", queryset=CommitteeMember.objects.order_by("order")),
        )
    }
    return AnnualReport(
        office=OfficeHeading(
            office.name,
            office.short_name,
            office.parent_body,
            office.ministry,
            office.address,
            office.website,
        ),
        fiscal_year=year,
        texts=texts,
        vision=plan.vision,
        values_name=plan.values_name,
        values=statements[PlanStatement.Kind.VALUE],
        missions=statements[PlanStatement.Kind.MISSION],
        goals_quantitative=statements[PlanStatement.Kind.GOAL_QUANTITATIVE],
        goals_qualitative=statements[PlanStatement.Kind.GOAL_QUALITATIVE],
        schools=school_stats(office, year),
        personnel=personnel,
        summary=plan_summary(plan),
        budget=office_budget(office, plan.fiscal_year),
        committee_order=committees.get(Committee.Kind.ORDER),
        authors=committees.get(Committee.Kind.AUTHORS),
    )
