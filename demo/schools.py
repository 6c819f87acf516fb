"""Fifty-seven SAMPLE schools whose numbers add up exactly to tables 1-5 of the FY2565
annual report (ข้อมูล DMC ปีการศึกษา ๒๕๖๕). The report publishes province totals only, so the
schools here are invented: codes DEMO-01 .. DEMO-57, names "โรงเรียนตัวอย่าง ๐๑" .. "๕๗" and
clusters "สหวิทยาเขตตัวอย่าง ๑" .. "๙", so that no one mistakes them for real schools.

Pure Python (no Django) and fully deterministic: no randomness, integer arithmetic only.

How the table is built, per province:

1. School totals: evenly spaced values inside a chosen range of each size band, then the
   difference to the province total is spread over the schools in proportion to their size
   (largest remainder), checking that every school stays in its band.
2. Students per (grade, sex): each school's total is apportioned over the still unallocated
   column totals of table 5 (largest remainder); the upper-secondary-only (m4_m6) schools go
   first, over the ม.๔-๖ columns only. The last school receives exactly the remainder.
3. Classrooms per grade and teachers per sex: table 5 / table 2 totals shared among the
   schools by the smallest-divisor (Adams) method with a minimum of 1 each, which keeps the
   largest students-per-classroom (per-teacher) ratio as low as possible.
"""

from __future__ import annotations

from dataclasses import dataclass

PHITSANULOK = "พิษณุโลก"
UTTARADIT = "อุตรดิตถ์"

M1_M6 = "m1_m6"
M4_M6 = "m4_m6"

LOWER_GRADES = (1, 2, 3)
UPPER_GRADES = (4, 5, 6)
ALL_GRADES = LOWER_GRADES + UPPER_GRADES

SMALL, MEDIUM, LARGE, EXTRA_LARGE = "small", "medium", "large", "extra_large"
SIZE_CLASSES = (SMALL, MEDIUM, LARGE, EXTRA_LARGE)
# OBEC size bands by total students (report table 1); None = no upper limit.
SIZE_BANDS: dict[str, tuple[int, int | None]] = {
    SMALL: (1, 499),
    MEDIUM: (500, 1499),
    LARGE: (1500, 2499),
    EXTRA_LARGE: (2500, None),
}

CODE_PREFIX = "DEMO-"
NAME_PREFIX = "โรงเรียนตัวอย่าง"
CLUSTER_PREFIX = "สหวิทยาเขตตัวอย่าง"

_THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


@dataclass(frozen=True)
class SchoolGrade:
    """One grade of a sample school: students by sex and classrooms."""

    grade: int
    male: int
    female: int
    classrooms: int

    @property
    def students(self) -> int:
        return self.male + self.female


@dataclass(frozen=True)
class SchoolRow:
    code: str
    name: str
    province: str
    cluster: str
    levels: str
    teachers_male: int
    teachers_female: int
    grades: tuple[SchoolGrade, ...]

    @property
    def students(self) -> int:
        return sum(row.students for row in self.grades)

    @property
    def teachers(self) -> int:
        return self.teachers_male + self.teachers_female


@dataclass(frozen=True)
class ProvinceTotals:
    """One province's column of report tables 1-5, plus the generator's own choices."""

    name: str
    schools_by_size: dict[str, int]  # table 1
    schools_listed: int  # table 2 (number of schools)
    students_male: int  # table 2
    students_female: int
    teachers_male: int
    teachers_female: int
    schools_m1_m6: int  # table 3
    schools_m4_m6: int
    students_lower: int  # table 4
    students_upper: int
    grades: dict[int, tuple[int, int, int]]  # table 5: grade -> (male, female, classrooms)
    # Generator choices (not from the report): cluster numbers, and the range inside each
    # size band over which the sample school totals are first spread evenly.
    clusters: tuple[int, ...]
    sample_ranges: dict[str, tuple[int, int]]

    @property
    def schools(self) -> int:
        return sum(self.schools_by_size.values())

    @property
    def students(self) -> int:
        return self.students_male + self.students_female


REPORT_TOTALS: tuple[ProvinceTotals, ...] = (
    ProvinceTotals(
        name=PHITSANULOK,
        schools_by_size={SMALL: 23, MEDIUM: 11, LARGE: 3, EXTRA_LARGE: 2},
        schools_listed=39,
        students_male=13_168,
        students_female=15_493,
        teachers_male=434,
        teachers_female=1_065,
        schools_m1_m6=38,
        schools_m4_m6=1,
        students_lower=13_648,
        students_upper=15_013,
        grades={
            1: (2_333, 2_263, 137),
            2: (2_213, 2_383, 137),
            3: (2_172, 2_284, 134),
            4: (2_252, 3_103, 161),
            5: (2_183, 2_772, 156),
            6: (2_015, 2_688, 153),
        },
        clusters=(1, 2, 3, 4, 5, 6),
        sample_ranges={
            SMALL: (130, 460),
            MEDIUM: (520, 1_300),
            LARGE: (1_600, 2_300),
            EXTRA_LARGE: (2_700, 3_300),
        },
    ),
    ProvinceTotals(
        name=UTTARADIT,
        schools_by_size={SMALL: 9, MEDIUM: 6, LARGE: 1, EXTRA_LARGE: 2},
        schools_listed=18,
        students_male=6_072,
        students_female=8_020,
        teachers_male=242,
        teachers_female=525,
        schools_m1_m6=18,
        schools_m4_m6=0,
        students_lower=7_458,
        students_upper=6_634,
        grades={
            1: (1_116, 1_340, 75),
            2: (1_152, 1_279, 75),
            3: (1_159, 1_412, 77),
            4: (1_018, 1_357, 74),
            5: (841, 1_282, 72),
            6: (786, 1_350, 71),
        },
        clusters=(7, 8, 9),
        sample_ranges={
            SMALL: (120, 400),
            MEDIUM: (520, 980),
            LARGE: (1_600, 1_600),
            EXTRA_LARGE: (2_700, 2_950),
        },
    ),
)


def thai_digits(value: int | str) -> str:
    return str(value).translate(_THAI_DIGITS)


def size_class(students: int) -> str | None:
    """The size band of a school with this many students (None for no students)."""
    for name in SIZE_CLASSES:
        low, high = SIZE_BANDS[name]
        if students >= low and (high is None or students <= high):
            return name
    return None


def report_inconsistencies(provinces: tuple[ProvinceTotals, ...] = REPORT_TOTALS) -> list[str]:
    """Cross-check tables 1-5 against each other; returns one message per mismatch."""
    problems = []
    for f in provinces:
        male = sum(m for m, _, _ in f.grades.values())
        female = sum(w for _, w, _ in f.grades.values())
        lower = sum(sum(f.grades[g][:2]) for g in LOWER_GRADES)
        upper = sum(sum(f.grades[g][:2]) for g in UPPER_GRADES)
        checks = [
            ("ตารางที่ ๕ นักเรียนชาย เทียบตารางที่ ๒", male, f.students_male),
            ("ตารางที่ ๕ นักเรียนหญิง เทียบตารางที่ ๒", female, f.students_female),
            ("ตารางที่ ๕ ม.ต้น เทียบตารางที่ ๔", lower, f.students_lower),
            ("ตารางที่ ๕ ม.ปลาย เทียบตารางที่ ๔", upper, f.students_upper),
            ("ตารางที่ ๔ รวม เทียบตารางที่ ๒", f.students_lower + f.students_upper, f.students),
            ("ตารางที่ ๑ จำนวนโรงเรียน เทียบตารางที่ ๒", f.schools, f.schools_listed),
            (
                "ตารางที่ ๓ จำนวนโรงเรียน เทียบตารางที่ ๒",
                f.schools_m1_m6 + f.schools_m4_m6,
                f.schools_listed,
            ),
        ]
        for label, got, expected in checks:
            if got != expected:
                problems.append(f"{f.name}: {label}: {got:,} ≠ {expected:,}")
    return problems


# -- integer apportionment ---------------------------------------------------------------


def largest_remainder(total: int, weights: list[int]) -> list[int]:
    """Split a non-negative total in proportion to weights (Hamilton's method); ties go to
    the earlier position. If total equals sum(weights) the result is the weights."""
    weight_sum = sum(weights)
    if total < 0 or weight_sum <= 0:
        raise ValueError("cannot apportion")
    shares = [total * w // weight_sum for w in weights]
    remainders = [total * w % weight_sum for w in weights]
    order = sorted(range(len(weights)), key=lambda i: (-remainders[i], i))
    for i in order[: total - sum(shares)]:
        shares[i] += 1
    return shares


def smallest_divisor(total: int, weights: list[int]) -> list[int]:
    """Split total in proportion to weights with at least 1 each (Adams' method): every next
    unit goes to the largest weight-per-unit ratio, so the largest ratio ends up minimal.
    Ties go to the earlier position."""
    if total < len(weights):
        raise ValueError("total too small for a minimum of 1 each")
    shares = [1] * len(weights)
    for _ in range(total - len(weights)):
        best = 0
        for i in range(1, len(weights)):
            # weights[i] / shares[i] > weights[best] / shares[best], in integers
            if weights[i] * shares[best] > weights[best] * shares[i]:
                best = i
        shares[best] += 1
    return shares


# -- generation --------------------------------------------------------------------------


def _evenly_spaced(low: int, high: int, count: int) -> list[int]:
    if count == 1:
        return [(low + high) // 2]
    span = high - low
    # low + round(span * k / (count - 1)), rounding halves up
    return [low + (2 * span * k + count - 1) // (2 * (count - 1)) for k in range(count)]


def _school_totals(f: ProvinceTotals) -> list[tuple[str, int]]:
    """(size class, total students) of each school, hitting the province total exactly."""
    sizes: list[str] = []
    totals: list[int] = []
    for name in SIZE_CLASSES:
        count = f.schools_by_size[name]
        low, high = f.sample_ranges[name]
        sizes += [name] * count
        totals += _evenly_spaced(low, high, count)
    difference = f.students - sum(totals)
    adjustment = largest_remainder(abs(difference), totals)
    sign = 1 if difference >= 0 else -1
    totals = [t + sign * a for t, a in zip(totals, adjustment, strict=True)]
    for name, total in zip(sizes, totals, strict=True):
        if size_class(total) != name:
            raise ValueError(f"{f.name}: {total} students is not a {name} school")
    return list(zip(sizes, totals, strict=True))


@dataclass
class _Draft:
    province: str
    cluster: int
    levels: str
    total: int
    grades: tuple[int, ...]
    students: dict[tuple[int, int], int]  # (grade, 0 male / 1 female) -> students
    classrooms: dict[int, int]
    teachers: list[int]  # [male, female]


def _province_drafts(f: ProvinceTotals) -> list[_Draft]:
    schools = sorted(_school_totals(f), key=lambda item: -item[1])  # stable: biggest first

    # Upper-secondary-only schools: the largest small schools (plausible ~150/grade).
    m4_m6_ranks = {rank for rank, (size, _) in enumerate(schools) if size == SMALL}
    m4_m6_ranks = set(sorted(m4_m6_ranks)[: f.schools_m4_m6])

    # Deal schools over the province's clusters in snake order (1..n, n..1, ...), so
    # every cluster gets a mix of sizes; list each cluster biggest school first.
    width = len(f.clusters)
    drafts = []
    for rank, (_, total) in enumerate(schools):
        lap, position = divmod(rank, width)
        cluster = f.clusters[position if lap % 2 == 0 else width - 1 - position]
        levels = M4_M6 if rank in m4_m6_ranks else M1_M6
        drafts.append(
            _Draft(
                province=f.name,
                cluster=cluster,
                levels=levels,
                total=total,
                grades=UPPER_GRADES if levels == M4_M6 else ALL_GRADES,
                students={},
                classrooms={},
                teachers=[],
            )
        )
    drafts.sort(key=lambda d: (d.cluster, -d.total))

    # Students per (grade, sex): m4_m6 schools first, then in listing order.
    remaining = {(g, s): f.grades[g][s] for g in ALL_GRADES for s in (0, 1)}
    for draft in sorted(drafts, key=lambda d: d.levels != M4_M6):
        columns = [(g, s) for g in draft.grades for s in (0, 1)]
        shares = largest_remainder(draft.total, [remaining[c] for c in columns])
        for column, share in zip(columns, shares, strict=True):
            draft.students[column] = share
            remaining[column] -= share
    if any(remaining.values()):
        raise ValueError(f"{f.name}: students left unallocated")

    # Classrooms per grade, at least 1 wherever the grade is taught.
    for grade in ALL_GRADES:
        teaching = [d for d in drafts if grade in d.grades]
        weights = [d.students[(grade, 0)] + d.students[(grade, 1)] for d in teaching]
        for draft, rooms in zip(
            teaching, smallest_divisor(f.grades[grade][2], weights), strict=True
        ):
            draft.classrooms[grade] = rooms

    # Teachers per sex in proportion to students, at least 1 of each sex.
    weights = [d.total for d in drafts]
    male = smallest_divisor(f.teachers_male, weights)
    female = smallest_divisor(f.teachers_female, weights)
    for draft, m, w in zip(drafts, male, female, strict=True):
        draft.teachers = [m, w]
    return drafts


def generate_schools() -> list[SchoolRow]:
    """The 57 sample schools, DEMO-01 .. DEMO-57 (พิษณุโลก first, then อุตรดิตถ์)."""
    rows = []
    drafts = [d for f in REPORT_TOTALS for d in _province_drafts(f)]
    for number, draft in enumerate(drafts, start=1):
        rows.append(
            SchoolRow(
                code=f"{CODE_PREFIX}{number:02d}",
                name=f"{NAME_PREFIX} {thai_digits(f'{number:02d}')}",
                province=draft.province,
                cluster=f"{CLUSTER_PREFIX} {thai_digits(draft.cluster)}",
                levels=draft.levels,
                teachers_male=draft.teachers[0],
                teachers_female=draft.teachers[1],
                grades=tuple(
                    SchoolGrade(
                        grade=g,
                        male=draft.students[(g, 0)],
                        female=draft.students[(g, 1)],
                        classrooms=draft.classrooms[g],
                    )
                    for g in draft.grades
                ),
            )
        )
    return rows
