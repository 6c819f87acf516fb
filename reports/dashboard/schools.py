"""The schools page: tables 1 to 6 of the report, live (`reports.selectors.school_stats`, as
the report builds them), the academic year before for comparison, and O-NET against the
nation."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from indicators.models import OnetScore
from plans.models import Office
from reports.selectors import PersonnelTable, SchoolStats, personnel_table, school_stats


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
    year before for comparison, and O-NET against the nation. At most eight queries (three
    per year's tables, personnel, O-NET)."""
    personnel = personnel_table(office, academic_year)
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
