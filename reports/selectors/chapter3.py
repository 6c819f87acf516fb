"""Chapter 3: the highlighted achievements, every project's narrative under its policy
area with its computed budget and baht text, and the O-NET tables 8 to 11 (averages and
differences computed from the stored scores)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch

from indicators.models import (
    OnetScore,
)
from plans import thai
from plans.models import Office, Plan
from plans.money import ZERO
from progress import narrative
from projects.models import HighlightFigure, HighlightSection, Project, ProjectStatement
from reports.selectors.common import difference, mean, paragraphs

# -- chapter 3: highlights and projects -----------------------------------------------------


@dataclass(frozen=True)
class Figure:
    number: int
    caption: str
    image_url: str  # only figures with a picture print (no empty frames)
    image_name: str = ""  # the file's name in storage: the PDF reads it from there


def figure_of(number: int, caption: str, image) -> Figure | None:
    """A picture as the report prints it, or None when none is uploaded."""
    return _figure(number, caption, image) if image else None


def _figure(number: int, caption: str, image) -> Figure:
    """A figure whose picture the screen loads from the permission-checked view /files/...
    (the field's ``.url``) and the PDF's URL fetcher reads from storage (reports/printing)."""
    return Figure(number, caption, image.url, image.name)


@dataclass(frozen=True)
class HighlightPart:
    heading: str
    paragraphs: list[str]


@dataclass(frozen=True)
class HighlightBlock:
    number: int
    title: str
    subtitle: str
    toc_title: str
    alignment: list[str]
    parts: list[HighlightPart]
    figures: list[Figure]


def highlights(plan: Plan) -> list[HighlightBlock]:
    """Chapter 3's opening: the year's highlighted achievements. Three queries."""
    rows = plan.highlights.order_by("number").prefetch_related(
        Prefetch("sections", queryset=HighlightSection.objects.order_by("order")),
        Prefetch("figures", queryset=HighlightFigure.objects.order_by("order")),
    )
    return [
        HighlightBlock(
            number=h.number,
            title=h.title,
            subtitle=h.subtitle,
            toc_title=h.toc_title or h.title,
            alignment=paragraphs(h.alignment),
            parts=[HighlightPart(s.heading, paragraphs(s.body)) for s in h.sections.all()],
            figures=[_figure(f.order, f.caption, f.image) for f in h.figures.all() if f.image],
        )
        for h in rows
    ]


@dataclass(frozen=True)
class ProjectDetail:
    """One project as chapter 3 prints it."""

    number: int
    name: str
    area_number: int
    area_name: str
    objectives: list[str]
    work_groups: list[str]
    methods: list[str]
    budget: Decimal
    quantitative: list[str]
    qualitative: list[str]
    problems: list[str]
    recommendations: list[str]
    photos: list[Figure]

    @property
    def budget_text(self) -> str:
        return thai.baht_text(self.budget)


@dataclass(frozen=True)
class ProjectArea:
    number: int
    name: str
    projects: list[ProjectDetail]


def project_queryset(plan: Plan):
    """The plan's projects with everything chapters 2 and 3 print: eleven queries (three
    for the narrative compiled from the approved quarterly reports, progress/narrative.py)."""
    return (
        Project.objects.filter(plan=plan)
        .select_related("policy_area", "work_group")
        .prefetch_related(
            "supporting_groups",
            Prefetch("statements", queryset=ProjectStatement.objects.order_by("kind", "number")),
            "photos",
            "national_strategies",
            "master_plan_issues",
            "minister_policies",
            "obec_policies",
            *narrative.PREFETCHES,
        )
        .order_by("number")
    )


def _order(photo) -> int:
    return photo.order


def project_details(projects: list[Project], budgets: dict[int, Decimal]) -> list[ProjectArea]:
    """Chapter 3's projects grouped under their policy area; no queries (prefetched). The
    narrative and the chosen photos of the quarterly reports follow progress/narrative.py."""
    areas: dict[int, ProjectArea] = {}
    for p in projects:
        texts: dict[str, list[str]] = defaultdict(list)
        for s in p.statements.all():
            texts[s.kind].append(s.text)
        story = narrative.project_narrative(p)
        # A photo prints only with its picture: a caption without one prints no empty frame.
        photos = [(ph.caption, ph.image) for ph in sorted(p.photos.all(), key=_order) if ph.image]
        photos += [(choice.caption, choice.image) for choice in story.printed_photos]
        groups = [p.work_group.name] if p.work_group else []
        groups += [g.name for g in p.supporting_groups.all() if g.name not in groups]
        area = areas.setdefault(
            p.policy_area.number, ProjectArea(p.policy_area.number, p.policy_area.name, [])
        )
        area.projects.append(
            ProjectDetail(
                number=p.number,
                name=p.name,
                area_number=p.policy_area.number,
                area_name=p.policy_area.name,
                objectives=texts[ProjectStatement.Kind.OBJECTIVE],
                work_groups=groups or ([p.responsible_text] if p.responsible_text else []),
                methods=story.section(narrative.Section.METHODS).items,
                budget=budgets.get(p.pk, ZERO),
                quantitative=story.section(narrative.Section.QUANTITATIVE).items,
                qualitative=story.section(narrative.Section.QUALITATIVE).items,
                problems=story.section(narrative.Section.PROBLEMS).items,
                recommendations=story.section(narrative.Section.RECOMMENDATIONS).items,
                photos=[
                    _figure(number, caption, image)
                    for number, (caption, image) in enumerate(photos, start=1)
                ],
            )
        )
    return [areas[n] for n in sorted(areas)]


# -- chapter 3: O-NET tables 8 to 11 --------------------------------------------------------


@dataclass(frozen=True)
class ScoreRow:
    subject: str
    scores: list[Decimal | None]


@dataclass(frozen=True)
class ProvinceScores:
    """Tables 8 and 9: mean scores per subject, one column per province and year."""

    grade: int
    provinces: list[str]
    years: list[int]
    rows: list[ScoreRow]

    @property
    def average(self) -> ScoreRow:
        width = len(self.provinces) * len(self.years)
        return ScoreRow(
            f"เฉลี่ย {thai.to_thai_digits(len(self.rows))} กลุ่มสาระฯ",
            [
                mean([r.scores[i] for r in self.rows if r.scores[i] is not None])
                for i in range(width)
            ],
        )


@dataclass(frozen=True)
class ComparisonRow:
    """Tables 10 and 11: the office's mean in two years against the nation and OBEC."""

    subject: str
    office_before: Decimal | None
    office: Decimal | None
    nation: Decimal | None
    obec: Decimal | None

    @property
    def change(self) -> Decimal | None:
        return difference(self.office, self.office_before)

    @property
    def above_nation(self) -> Decimal | None:
        return difference(self.office, self.nation)

    @property
    def above_obec(self) -> Decimal | None:
        return difference(self.office, self.obec)


@dataclass(frozen=True)
class Comparison:
    grade: int
    year: int
    rows: list[ComparisonRow]

    @property
    def average(self) -> ComparisonRow:
        def column(name: str) -> Decimal | None:
            return mean([getattr(r, name) for r in self.rows if getattr(r, name) is not None])

        return ComparisonRow(
            f"เฉลี่ย {thai.to_thai_digits(len(self.rows))} กลุ่มสาระฯ",
            column("office_before"),
            column("office"),
            column("nation"),
            column("obec"),
        )


@dataclass(frozen=True)
class Onet:
    by_province: list[ProvinceScores]  # tables 8 (ม.๓) and 9 (ม.๖)
    comparisons: list[Comparison]  # tables 10 and 11

    FIRST_TABLE = 8

    @property
    def numbered_provinces(self) -> list[tuple[int, ProvinceScores]]:
        return list(enumerate(self.by_province, start=self.FIRST_TABLE))

    @property
    def numbered_comparisons(self) -> list[tuple[int, Comparison]]:
        return list(enumerate(self.comparisons, start=self.FIRST_TABLE + len(self.by_province)))


def onet(office: Office, fiscal_year: int) -> Onet:
    """O-NET of the academic years up to the one before the fiscal year's (the report of
    FY2565 prints 2562-2564). One query."""
    latest = fiscal_year - 1
    scores = list(
        OnetScore.objects.filter(
            office=office, academic_year__gte=latest - 2, academic_year__lte=latest
        )
        .select_related("subject", "province")
        # Provinces in the order they were entered, the report's column order: without it
        # PostgreSQL may return them in another order after the table's rows have moved.
        .order_by("grade", "subject__order", "province_id", "academic_year", "pk")
    )
    province_tables = []
    comparisons = []
    for grade in sorted({s.grade for s in scores}):
        rows = [s for s in scores if s.grade == grade]
        subjects = list(dict.fromkeys(s.subject.name for s in rows))
        cell = {
            (
                s.scope,
                s.province.name if s.province else "",
                s.academic_year,
                s.subject.name,
            ): s.score
            for s in rows
        }
        provinces = list(dict.fromkeys(s.province.name for s in rows if s.province))
        if provinces:
            years = sorted({s.academic_year for s in rows if s.province})
            province_tables.append(
                ProvinceScores(
                    grade,
                    provinces,
                    years,
                    [
                        ScoreRow(
                            subject,
                            [
                                cell.get((OnetScore.Scope.PROVINCE, p, y, subject))
                                for p in provinces
                                for y in years
                            ],
                        )
                        for subject in subjects
                    ],
                )
            )
        office_subjects = [
            subject for subject in subjects if (OnetScore.Scope.OFFICE, "", latest, subject) in cell
        ]
        if office_subjects:
            comparisons.append(
                Comparison(
                    grade,
                    latest,
                    [
                        ComparisonRow(
                            subject,
                            cell.get((OnetScore.Scope.OFFICE, "", latest - 1, subject)),
                            cell.get((OnetScore.Scope.OFFICE, "", latest, subject)),
                            cell.get((OnetScore.Scope.NATION, "", latest, subject)),
                            cell.get((OnetScore.Scope.OBEC, "", latest, subject)),
                        )
                        for subject in office_subjects
                    ],
                )
            )
    return Onet(province_tables, comparisons)
