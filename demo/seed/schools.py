"""No seed file: the office's sample schools, their clusters and their DMC statistics, made
by demo/schools.py to add up to the report's tables 1-5 (the report publishes province
totals only)."""

from __future__ import annotations

from datetime import date

from demo.schools import generate_schools
from demo.seed.core import Seeder
from plans.models import GradeEnrolment, Office, Province, School, SchoolCluster, SchoolYear

# DMC statistics of academic year 2565, as of 10 June 2565 (report, chapter 2).
SCHOOL_DATA_YEAR = 2565
SCHOOL_DATA_AS_OF = date(2022, 6, 10)


def load_schools(loader: Seeder, office: Office) -> None:
    provinces = {p.name: p for p in Province.objects.all()}
    for row in generate_schools():
        cluster = loader.upsert(SchoolCluster, {"office": office, "name": row.cluster})
        school = loader.upsert(
            School,
            {"office": office, "code": row.code},
            {
                "name": row.name,
                "province": provinces[row.province],
                "cluster": cluster,
                "levels": row.levels,
            },
        )
        school_year = loader.upsert(
            SchoolYear,
            {"school": school, "academic_year": SCHOOL_DATA_YEAR},
            {
                "data_as_of": SCHOOL_DATA_AS_OF,
                "teachers_male": row.teachers_male,
                "teachers_female": row.teachers_female,
            },
        )
        for grade in row.grades:
            loader.upsert(
                GradeEnrolment,
                {"school_year": school_year, "grade": grade.grade},
                {"male": grade.male, "female": grade.female, "classrooms": grade.classrooms},
            )
