"""A national-scale SYNTHETIC data set, for benchmarks only: offices, their plans with
projects, activities, indicators and quarterly results, budgets and disbursements, and
schools with their grade statistics. Nothing here is real; every name says "สังเคราะห์".

Deterministic: a seeded random.Random, so the same sizes give the same rows. Rows are written
with bulk_create in batches (a few queries per thousand rows) into the given database alias.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction

from budget.models import (
    BudgetCategory,
    OfficeAllocation,
    OfficeDisbursement,
    ProjectAllocation,
    ProjectDisbursement,
)
from indicators.models import Indicator, IndicatorResult, OnetScore, OnetSubject
from plans import audit, thai
from plans.models import (
    FiscalYear,
    GradeEnrolment,
    Membership,
    Office,
    PersonnelCount,
    Plan,
    PolicyArea,
    Province,
    Role,
    School,
    SchoolYear,
    WorkGroup,
)
from projects.models import Activity, Project

BATCH = 2000
YEAR = 2567
CODE_PREFIX = "syn-"
DIRECTOR = "bench-director"
DIRECTOR_PASSWORD = "bench-2567"  # noqa: S105 -- synthetic benchmark data only
GROUPS = ["นโยบายและแผน", "ส่งเสริมการจัดการศึกษา", "นิเทศ ติดตาม และประเมินผล", "บริหารงานบุคคล"]
CATEGORIES = [("personnel", "งบบุคลากร"), ("operating", "งบดำเนินงาน"), ("investment", "งบลงทุน")]
SUBJECTS = [("thai", "ภาษาไทย"), ("math", "คณิตศาสตร์"), ("science", "วิทยาศาสตร์")]
AREAS = [
    ("safety", 1, "ด้านความปลอดภัย"),
    ("opportunity", 2, "ด้านโอกาส"),
    ("quality", 3, "ด้านคุณภาพ"),
    ("efficiency", 4, "ด้านประสิทธิภาพ"),
]


@dataclass(frozen=True)
class Sizes:
    offices: int = 245
    projects: int = 20  # per office
    activities: int = 3  # per project
    indicators: int = 5  # per project
    schools: int = 30_000  # in all, shared out over the offices
    provinces: int = 77


@dataclass
class Counts:
    offices: int = 0
    projects: int = 0
    activities: int = 0
    indicators: int = 0
    results: int = 0
    allocations: int = 0
    disbursements: int = 0
    schools: int = 0
    grade_rows: int = 0

    def __str__(self) -> str:
        return ", ".join(f"{k} {v:,}" for k, v in vars(self).items())


class Generator:
    def __init__(self, sizes: Sizes, *, using: str = "default", seed: int = 2567) -> None:
        self.sizes = sizes
        self.using = using
        self.rng = random.Random(seed)  # noqa: S311 -- synthetic data, not security
        self.counts = Counts()

    def bulk(self, model, rows: list) -> list:
        created = model.objects.using(self.using).bulk_create(rows, batch_size=BATCH)
        return created

    def run(self) -> Counts:
        # Generated data is not anyone's edit: no audit entries.
        with transaction.atomic(using=self.using), audit.suppressed():
            self.reference()
            offices = self.offices()
            self.plans(offices)
            self.schools(offices)
            self.director(offices[0])
        return self.counts

    def get_or_create(self, model, defaults=None, **keys):
        return model.objects.using(self.using).get_or_create(defaults=defaults or {}, **keys)[0]

    def reference(self) -> None:
        self.year = self.get_or_create(FiscalYear, year=YEAR)
        self.areas = [
            self.get_or_create(PolicyArea, code=code, defaults={"number": n, "name": name})
            for code, n, name in AREAS
        ]
        self.categories = [
            self.get_or_create(
                BudgetCategory,
                code=f"{CODE_PREFIX}{code}",
                defaults={"name": f"{name} (สังเคราะห์)", "order": n},
            )
            for n, (code, name) in enumerate(CATEGORIES, start=1)
        ]
        self.subjects = [
            self.get_or_create(
                OnetSubject,
                code=f"{CODE_PREFIX}{code}",
                defaults={"name": f"{name} (สังเคราะห์)", "order": n},
            )
            for n, (code, name) in enumerate(SUBJECTS, start=1)
        ]
        existing = {p.name: p for p in Province.objects.using(self.using).all()}
        names = [
            f"จังหวัดสังเคราะห์ {thai.to_thai_digits(n)}" for n in range(1, self.sizes.provinces + 1)
        ]
        self.bulk(Province, [Province(name=n) for n in names if n not in existing])
        by_name = {p.name: p for p in Province.objects.using(self.using).filter(name__in=names)}
        self.provinces = [by_name[n] for n in names]

    def offices(self) -> list[Office]:
        rows = [
            Office(
                code=f"{CODE_PREFIX}{n:03d}",
                name=f"สำนักงานเขตพื้นที่การศึกษาสังเคราะห์ เขต {thai.to_thai_digits(n)}",
                short_name=f"สพท.สังเคราะห์ {thai.to_thai_digits(n)}",
            )
            for n in range(1, self.sizes.offices + 1)
        ]
        offices = self.bulk(Office, rows)
        links = Office.provinces.through
        self.bulk(
            links,
            [
                links(office_id=o.pk, province_id=self.provinces[i % len(self.provinces)].pk)
                for i, o in enumerate(offices)
            ],
        )
        self.groups: dict[int, list[WorkGroup]] = {}
        groups = self.bulk(
            WorkGroup,
            [
                WorkGroup(office=o, code=f"g{k}", name=f"กลุ่ม{name}", order=k)
                for o in offices
                for k, name in enumerate(GROUPS, start=1)
            ],
        )
        for g in groups:
            self.groups.setdefault(g.office_id, []).append(g)
        self.counts.offices = len(offices)
        return offices

    def plans(self, offices: list[Office]) -> None:
        rng, s = self.rng, self.sizes
        plans = self.bulk(Plan, [Plan(office=o, fiscal_year=self.year) for o in offices])
        projects = self.bulk(
            Project,
            [
                Project(
                    plan=plan,
                    number=n,
                    name=f"โครงการสังเคราะห์ที่ {thai.to_thai_digits(n)}",
                    policy_area=self.areas[n % len(self.areas)],
                    work_group=self.groups[plan.office_id][n % len(GROUPS)],
                )
                for plan in plans
                for n in range(1, s.projects + 1)
            ],
        )
        activities = self.bulk(
            Activity,
            [
                Activity(project=p, number=k, name=f"กิจกรรมสังเคราะห์ {thai.to_thai_digits(k)}")
                for p in projects
                for k in range(1, s.activities + 1)
            ],
        )
        by_project: dict[int, list[Activity]] = {}
        for a in activities:
            by_project.setdefault(a.project_id, []).append(a)
        indicators = []
        for p in projects:
            for k in range(1, s.indicators + 1):
                acts = by_project.get(p.pk) or [None]
                indicators.append(
                    Indicator(
                        project=p,
                        activity=acts[k % len(acts)] if k > 1 else None,
                        order=k,
                        text=f"ตัวชี้วัดสังเคราะห์ {thai.to_thai_digits(k)}",
                        target=Decimal(rng.choice([80, 90, 100])),
                        unit="ร้อยละ",
                    )
                )
        indicators = self.bulk(Indicator, indicators)
        results = [
            IndicatorResult(
                indicator=i,
                quarter=q,
                value=Decimal(rng.randint(60, 100)),
                unit="ร้อยละ",
            )
            for i in indicators
            for q in thai.FISCAL_QUARTERS
            if rng.random() < 0.9
        ]
        self.bulk(IndicatorResult, results)
        allocations = [
            ProjectAllocation(project=p, amount=Decimal(rng.randint(20, 500) * 1000))
            for p in projects
        ]
        self.bulk(ProjectAllocation, allocations)
        start = thai.fiscal_year_bounds(YEAR)[0]
        paid = [
            ProjectDisbursement(
                project_id=a.project_id,
                paid_on=start + timedelta(days=rng.randint(0, 364)),
                amount=(a.amount * Decimal(rng.randint(5, 30)) / 100).quantize(Decimal("0.01")),
            )
            for a in allocations
            for _ in range(3)
        ]
        self.bulk(ProjectDisbursement, paid)
        office_money = []
        office_paid = []
        for o in offices:
            for c in self.categories:
                amount = Decimal(rng.randint(1_000, 90_000) * 1000)
                office_money.append(
                    OfficeAllocation(
                        office=o, fiscal_year=self.year, category=c, number=1, amount=amount
                    )
                )
                for q in thai.FISCAL_QUARTERS:
                    office_paid.append(
                        OfficeDisbursement(
                            office=o,
                            fiscal_year=self.year,
                            category=c,
                            paid_on=thai.quarter_bounds(YEAR, q)[1]
                            - timedelta(days=rng.randint(0, 60)),
                            amount=(amount * Decimal(rng.randint(15, 24)) / 100).quantize(
                                Decimal("0.01")
                            ),
                        )
                    )
        self.bulk(OfficeAllocation, office_money)
        self.bulk(OfficeDisbursement, office_paid)
        self.counts.projects = len(projects)
        self.counts.activities = len(activities)
        self.counts.indicators = len(indicators)
        self.counts.results = len(results)
        self.counts.allocations = len(allocations) + len(office_money)
        self.counts.disbursements = len(paid) + len(office_paid)

    def schools(self, offices: list[Office]) -> None:
        rng, s = self.rng, self.sizes
        per_office = [s.schools // len(offices)] * len(offices)
        for i in range(s.schools - sum(per_office)):
            per_office[i] += 1
        schools = []
        for o, count in zip(offices, per_office, strict=True):
            province = self.provinces[(o.pk or 0) % len(self.provinces)]
            schools += [
                School(
                    office=o,
                    code=f"{CODE_PREFIX}{k:05d}",
                    name=f"โรงเรียนสังเคราะห์ {thai.to_thai_digits(k)}",
                    province=province,
                )
                for k in range(1, count + 1)
            ]
        schools = self.bulk(School, schools)
        years = self.bulk(
            SchoolYear,
            [
                SchoolYear(
                    school=school,
                    academic_year=YEAR,
                    data_as_of=date(YEAR - 543, 6, 10),
                    teachers_male=rng.randint(2, 40),
                    teachers_female=rng.randint(2, 60),
                )
                for school in schools
            ],
        )
        grades = []
        for year in years:
            size = rng.choice([20, 60, 150, 400])
            for grade in range(1, 7):
                grades.append(
                    GradeEnrolment(
                        school_year=year,
                        grade=grade,
                        male=rng.randint(size // 2, size),
                        female=rng.randint(size // 2, size),
                        classrooms=max(1, size // 35),
                    )
                )
        self.bulk(GradeEnrolment, grades)
        self.bulk(
            PersonnelCount,
            [
                PersonnelCount(
                    office=o, academic_year=YEAR, number=n, position=p, count=rng.randint(5, 900)
                )
                for o in offices
                for n, p in enumerate(["ผู้บริหารสถานศึกษา", "ครู", "บุคลากรทางการศึกษา"], start=1)
            ],
        )
        scores = []
        for o in offices:
            for grade in (3, 6):
                for subject in self.subjects:
                    for academic_year in (YEAR - 2, YEAR - 1):
                        for scope in (OnetScore.Scope.OFFICE, OnetScore.Scope.NATION):
                            scores.append(
                                OnetScore(
                                    office=o,
                                    scope=scope,
                                    grade=grade,
                                    academic_year=academic_year,
                                    subject=subject,
                                    score=Decimal(rng.randint(2000, 6000)) / 100,
                                )
                            )
        self.bulk(OnetScore, scores)
        self.counts.schools = len(schools)
        self.counts.grade_rows = len(grades)

    def director(self, office: Office) -> None:
        users = get_user_model().objects.db_manager(self.using)
        user = users.filter(username=DIRECTOR).first()
        if user is None:
            user = users.create_user(DIRECTOR, password=DIRECTOR_PASSWORD)
        Membership.objects.using(self.using).update_or_create(
            user=user, office=office, defaults={"role": Role.DIRECTOR}
        )
