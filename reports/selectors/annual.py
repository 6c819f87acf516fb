"""The annual report's data: every chapter of the printed report as dataclasses, built in a
fixed number of queries whatever the size of the plan (see :func:`annual_report`)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date

from django.db.models import Prefetch

from plans.models import (
    SIZE_CLASS_BANDS,
    Committee,
    CommitteeMember,
    CommitteeSection,
    Office,
    Plan,
    PlanStatement,
    School,
    SchoolYear,
    SizeClass,
)
from reports import quantities
from reports.selectors import chapter2, chapter3, chapter4, chapter5
from reports.selectors.common import paragraphs
from reports.selectors.summary import OfficeBudget, PlanSummary, office_budget, plan_summary


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
    title_en: str = ""  # a value's English gloss: "ยึดมั่นธรรมาภิบาล (Good Governance)"


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
    phone: str = ""
    fax: str = ""
    email: str = ""
    emblem: chapter3.Figure | None = None  # the cover's, when uploaded
    location_map: chapter3.Figure | None = None  # chapter 2's, when uploaded

    @property
    def figures(self) -> list[chapter3.Figure]:
        return [f for f in (self.emblem, self.location_map) if f is not None]


@dataclass(frozen=True)
class AnnualReport:
    """Everything the printed annual report shows, from the preface to the authors."""

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
    context: chapter2.Context
    org_chart: chapter2.OrgChart
    highlights: list[chapter3.HighlightBlock]
    project_areas: list[chapter3.ProjectArea]
    onet: chapter3.Onet
    assessments: chapter4.Assessments
    direction: chapter5.NextYearDirection | None

    @property
    def projects(self) -> list[chapter3.ProjectDetail]:
        return [p for area in self.project_areas for p in area.projects]


def office_heading(office: Office) -> OfficeHeading:
    """The office as every printed document's cover and back cover name it. No query."""
    return OfficeHeading(
        office.name,
        office.short_name,
        office.parent_body,
        office.ministry,
        office.address,
        office.website,
        office.phone,
        office.fax,
        office.email,
        chapter3.figure_of(0, "ตราสัญลักษณ์", office.emblem),
        chapter3.figure_of(0, f"แผนที่ที่ตั้ง{office.name}", office.location_map),
    )


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


def personnel_table(office: Office, academic_year: int) -> PersonnelTable:
    """Table 6: the office's personnel by position in one academic year. One query."""
    return PersonnelTable(
        [
            PersonnelRow(p.number, p.position, p.count)
            for p in office.personnel.filter(academic_year=academic_year).order_by("number")
        ]
    )


def _committee_block(committee) -> CommitteeBlock:
    return CommitteeBlock(
        title=committee.title,
        number=committee.number,
        preamble=paragraphs(committee.preamble),
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
    """The annual report of a plan, every chapter. A fixed number of queries (QUERIES)
    whatever the data's size; school statistics are those of the academic year named like
    the fiscal year, O-NET those of the years before it, chapter 5 the next year's plan."""
    office = plan.office
    year = plan.fiscal_year.year
    texts = {
        t.key: ReportSection(t.key, t.title, paragraphs(t.body), t.signed_by)
        for t in plan.texts.order_by("order", "key")
    }
    statements: dict[str, list[Statement]] = defaultdict(list)
    context_rows = []
    for s in plan.statements.filter(
        kind__in=[
            PlanStatement.Kind.VALUE,
            PlanStatement.Kind.MISSION,
            PlanStatement.Kind.GOAL_QUANTITATIVE,
            PlanStatement.Kind.GOAL_QUALITATIVE,
            *chapter2.CONTEXT_KINDS,
        ]
    ).order_by("kind", "number"):
        if s.kind in chapter2.CONTEXT_KINDS:
            context_rows.append(s)
        else:
            statements[s.kind].append(Statement(s.number, s.title, s.text, s.title_en))
    committees = {
        c.kind: _committee_block(c)
        for c in plan.committees.prefetch_related(
            Prefetch("sections", queryset=CommitteeSection.objects.order_by("order")),
            Prefetch("sections__members", queryset=CommitteeMember.objects.order_by("order")),
        )
    }
    summary = plan_summary(plan)
    projects = list(chapter3.project_queryset(plan))
    budgets = {row.pk: row.budget for row in summary.projects}
    report = AnnualReport(
        office=office_heading(office),
        fiscal_year=year,
        texts=texts,
        vision=plan.vision,
        values_name=plan.values_name,
        values=statements[PlanStatement.Kind.VALUE],
        missions=statements[PlanStatement.Kind.MISSION],
        goals_quantitative=statements[PlanStatement.Kind.GOAL_QUANTITATIVE],
        goals_qualitative=statements[PlanStatement.Kind.GOAL_QUALITATIVE],
        schools=school_stats(office, year),
        personnel=personnel_table(office, year),
        summary=summary,
        budget=office_budget(plan),
        committee_order=committees.get(Committee.Kind.ORDER),
        authors=committees.get(Committee.Kind.AUTHORS),
        context=chapter2.context(plan, context_rows, projects),
        org_chart=chapter2.org_chart(office),
        highlights=chapter3.highlights(plan),
        project_areas=chapter3.project_details(projects, budgets),
        onet=chapter3.onet(office, year),
        assessments=chapter4.assessments(plan),
        direction=chapter5.direction(office, year),
    )
    return _with_quantities(report)


NARRATIVE = ("objectives", "methods", "quantitative", "qualitative", "problems", "recommendations")


def _with_quantities(report: AnnualReport) -> AnnualReport:
    """The report with the figures its texts quote by name filled in from its own tables
    (reports/quantities.py): the texts' paragraphs and the projects' typed narrative."""
    figures = quantities.values(report)
    texts = {
        key: replace(section, paragraphs=quantities.filled(section.paragraphs, figures))
        for key, section in report.texts.items()
    }

    def project(p):
        return replace(p, **{n: quantities.filled(getattr(p, n), figures) for n in NARRATIVE})

    areas = [
        replace(area, projects=[project(p) for p in area.projects]) for area in report.project_areas
    ]
    return replace(report, texts=texts, project_areas=areas)
