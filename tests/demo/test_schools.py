"""The sample schools of demo/schools.py against report tables 1-5 (FY2565 annual report,
DMC ปีการศึกษา ๒๕๖๕). The expected numbers are typed in from the report here, independently
of the module's own constants. No Django db or settings needed; tests/conftest.py imports the
models, so without Django run `pytest tests/demo -p no:django --noconftest`."""

from collections import Counter, defaultdict

from demo.schools import (
    REPORT_TOTALS,
    SchoolGrade,
    SchoolRow,
    generate_schools,
    report_inconsistencies,
)

PHITSANULOK = "พิษณุโลก"
UTTARADIT = "อุตรดิตถ์"
THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"

# Table 1: schools by size class.
SIZE_COUNTS = {
    PHITSANULOK: {"small": 23, "medium": 11, "large": 3, "extra_large": 2},
    UTTARADIT: {"small": 9, "medium": 6, "large": 1, "extra_large": 2},
}
# Table 2: schools, students male / female, teachers male / female.
SCHOOLS = {PHITSANULOK: 39, UTTARADIT: 18}
STUDENTS = {PHITSANULOK: (13_168, 15_493), UTTARADIT: (6_072, 8_020)}
TEACHERS = {PHITSANULOK: (434, 1_065), UTTARADIT: (242, 525)}
# Table 3: schools teaching ม.๑-๖ / ม.๔-๖ only.
LEVELS = {PHITSANULOK: {"m1_m6": 38, "m4_m6": 1}, UTTARADIT: {"m1_m6": 18}}
# Table 4: students in lower (ม.๑-๓) / upper (ม.๔-๖) secondary.
LOWER_UPPER = {PHITSANULOK: (13_648, 15_013), UTTARADIT: (7_458, 6_634)}
# Table 5: grade -> (male, female, classrooms).
GRADES = {
    PHITSANULOK: {
        1: (2_333, 2_263, 137),
        2: (2_213, 2_383, 137),
        3: (2_172, 2_284, 134),
        4: (2_252, 3_103, 161),
        5: (2_183, 2_772, 156),
        6: (2_015, 2_688, 153),
    },
    UTTARADIT: {
        1: (1_116, 1_340, 75),
        2: (1_152, 1_279, 75),
        3: (1_159, 1_412, 77),
        4: (1_018, 1_357, 74),
        5: (841, 1_282, 72),
        6: (786, 1_350, 71),
    },
}


def students(school: SchoolRow) -> int:
    return sum(g.male + g.female for g in school.grades)


def size_class(total: int) -> str:
    if 1 <= total <= 499:
        return "small"
    if 500 <= total <= 1_499:
        return "medium"
    if 1_500 <= total <= 2_499:
        return "large"
    assert total >= 2_500
    return "extra_large"


def by_province() -> dict[str, list[SchoolRow]]:
    result = defaultdict(list)
    for school in generate_schools():
        result[school.province].append(school)
    return result


def test_report_tables_are_consistent():
    assert report_inconsistencies() == []
    for f in REPORT_TOTALS:
        grades = GRADES[f.name]
        assert sum(m for m, _, _ in grades.values()) == STUDENTS[f.name][0]
        assert sum(w for _, w, _ in grades.values()) == STUDENTS[f.name][1]
        assert sum(grades[g][0] + grades[g][1] for g in (1, 2, 3)) == LOWER_UPPER[f.name][0]
        assert sum(grades[g][0] + grades[g][1] for g in (4, 5, 6)) == LOWER_UPPER[f.name][1]
        assert sum(SIZE_COUNTS[f.name].values()) == SCHOOLS[f.name]
        assert sum(LEVELS[f.name].values()) == SCHOOLS[f.name]


def test_module_constants_match_the_report():
    provinces = {f.name: f for f in REPORT_TOTALS}
    assert set(provinces) == {PHITSANULOK, UTTARADIT}
    for name, f in provinces.items():
        assert f.schools_by_size == SIZE_COUNTS[name]
        assert (f.students_male, f.students_female) == STUDENTS[name]
        assert (f.teachers_male, f.teachers_female) == TEACHERS[name]
        assert (f.students_lower, f.students_upper) == LOWER_UPPER[name]
        assert f.grades == GRADES[name]


def test_fifty_seven_schools_with_sample_codes_and_names():
    schools = generate_schools()
    assert len(schools) == 57
    assert [s.code for s in schools] == [f"DEMO-{n:02d}" for n in range(1, 58)]
    names = [s.name for s in schools]
    assert len(set(names)) == 57
    assert all(name.startswith("โรงเรียนตัวอย่าง") for name in names)
    assert names[0] == "โรงเรียนตัวอย่าง ๐๑"
    assert names[-1] == "โรงเรียนตัวอย่าง ๕๗"
    for school in schools:
        digits = school.name.removeprefix("โรงเรียนตัวอย่าง ")
        assert len(digits) == 2 and all(d in THAI_DIGITS for d in digits)


def test_generation_is_deterministic():
    assert generate_schools() == generate_schools()


def test_schools_per_province():
    groups = by_province()
    assert {name: len(rows) for name, rows in groups.items()} == SCHOOLS


def test_size_classes_per_province():
    for name, rows in by_province().items():
        assert Counter(size_class(students(s)) for s in rows) == Counter(SIZE_COUNTS[name])


def test_levels_per_province():
    for name, rows in by_province().items():
        assert Counter(s.levels for s in rows) == Counter(LEVELS[name])
    for school in generate_schools():
        grades = [g.grade for g in school.grades]
        assert grades == ([4, 5, 6] if school.levels == "m4_m6" else [1, 2, 3, 4, 5, 6])


def test_students_per_province():
    for name, rows in by_province().items():
        male = sum(g.male for s in rows for g in s.grades)
        female = sum(g.female for s in rows for g in s.grades)
        assert (male, female) == STUDENTS[name]
        lower = sum(g.male + g.female for s in rows for g in s.grades if g.grade <= 3)
        upper = sum(g.male + g.female for s in rows for g in s.grades if g.grade >= 4)
        assert (lower, upper) == LOWER_UPPER[name]


def test_grades_and_classrooms_per_province():
    for name, rows in by_province().items():
        sums: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0])
        for school in rows:
            for g in school.grades:
                sums[g.grade][0] += g.male
                sums[g.grade][1] += g.female
                sums[g.grade][2] += g.classrooms
        assert {grade: tuple(v) for grade, v in sums.items()} == GRADES[name]


def test_teachers_per_province():
    for name, rows in by_province().items():
        male = sum(s.teachers_male for s in rows)
        female = sum(s.teachers_female for s in rows)
        assert (male, female) == TEACHERS[name]


def test_clusters_stay_within_one_province():
    provinces_of = defaultdict(set)
    for school in generate_schools():
        assert school.cluster.startswith("สหวิทยาเขตตัวอย่าง ")
        provinces_of[school.cluster].add(school.province)
    assert len(provinces_of) == 9
    assert all(len(p) == 1 for p in provinces_of.values())
    per_province = Counter(next(iter(p)) for p in provinces_of.values())
    assert per_province == {PHITSANULOK: 6, UTTARADIT: 3}
    assert sorted(provinces_of) == [f"สหวิทยาเขตตัวอย่าง {THAI_DIGITS[n]}" for n in range(1, 10)]


def test_plausible_classrooms():
    for school in generate_schools():
        for g in school.grades:
            assert isinstance(g, SchoolGrade)
            assert g.male > 0 and g.female > 0
            assert g.classrooms >= 1
            assert 15 <= (g.male + g.female) / g.classrooms <= 50, (school.code, g)


def test_plausible_teachers():
    for school in generate_schools():
        assert school.teachers_male >= 1 and school.teachers_female >= 1
        ratio = students(school) / (school.teachers_male + school.teachers_female)
        assert 12 <= ratio <= 25, (school.code, ratio)


def test_plausible_sizes():
    schools = generate_schools()
    for school in schools:
        total = students(school)
        assert total >= 100
        if size_class(total) == "extra_large":
            assert 2_600 <= total <= 3_600
    upper_only = [s for s in schools if s.levels == "m4_m6"]
    assert len(upper_only) == 1
    assert size_class(students(upper_only[0])) in {"small", "medium"}
