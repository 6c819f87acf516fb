"""The plans app's own imports: the office's schools with one academic year's statistics
(one row per school: its code, name, province, cluster and levels, then students by grade
and sex, classrooms and teachers, as DMC reports them), and the office's personnel by
position (report table 6). Both are the planning group's (Right.MANAGE_PLAN)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from import_export import widgets
from import_export.fields import Field

from plans import audit, thai
from plans.access import Right
from plans.imports.base import Column, ImportKind, OfficeResource, register
from plans.imports.widgets import (
    REQUIRED,
    ChoiceWidget,
    DateWidget,
    IntegerWidget,
    LookupWidget,
    TextWidget,
    YearWidget,
)
from plans.models import GradeEnrolment, PersonnelCount, Province, School, SchoolCluster, SchoolYear

GRADES = (1, 2, 3, 4, 5, 6)
GRADE_PARTS = (("male", "ชาย"), ("female", "หญิง"), ("classrooms", "ห้องเรียน"))
YEAR_HEADER = "ปีการศึกษา (พ.ศ.)"
YEAR_ALIASES = ("ปีการศึกษา", "ปีการศึกษา พ.ศ.")
YEAR_FIELDS = ("data_as_of", "teachers_male", "teachers_female")


def grade_header(grade: int, part: str) -> str:
    return f"ม.{thai.to_thai_digits(grade)} {dict(GRADE_PARTS)[part]}"


def province_key(name: str) -> str:
    text = " ".join(str(name).split())
    for prefix in ("จังหวัด", "จ."):
        text = text.removeprefix(prefix).strip()
    return text


class YearStats:
    """A school's statistics of one academic year, as one row of the file holds them."""

    def __init__(self, academic_year: int | None = None):
        self.academic_year = academic_year
        self.data_as_of = None
        self.teachers_male = self.teachers_female = 0
        for grade in GRADES:
            for part, _ in GRADE_PARTS:
                setattr(self, f"m{grade}_{part}", 0)

    @classmethod
    def of(cls, year: SchoolYear | None, academic_year: int | None) -> YearStats:
        stats = cls(academic_year)
        if year is not None:
            for name in YEAR_FIELDS:
                setattr(stats, name, getattr(year, name))
            for enrolment in year.grades.all():
                for part, _ in GRADE_PARTS:
                    setattr(stats, f"m{enrolment.grade}_{part}", getattr(enrolment, part))
        return stats


class ClusterWidget(widgets.Widget):
    """A cluster of the office by its name; a name the office does not have yet is a new
    cluster, created with the first school that names it."""

    def __init__(self, office):
        super().__init__(coerce_to_string=True)
        self.office = office
        self._by_name: dict[str, SchoolCluster] | None = None

    def clean(self, value, row=None, **kwargs):
        name = " ".join(str(value or "").split())
        if not name:
            return None
        if len(name) > 200:
            raise ValueError("ยาวเกิน ๒๐๐ ตัวอักษร")
        if self._by_name is None:
            self._by_name = {c.name.casefold(): c for c in self.office.clusters.all()}
        key = name.casefold()
        if key not in self._by_name:
            self._by_name[key] = SchoolCluster(office=self.office, name=name)
        return self._by_name[key]

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else value.name


def _grade_fields() -> dict[str, Field]:
    return {
        f"m{grade}_{part}": Field(
            attribute=f"stats__m{grade}_{part}",
            column_name=grade_header(grade, part),
            widget=IntegerWidget(),
        )
        for grade in GRADES
        for part, _ in GRADE_PARTS
    }


GRADE_FIELD_NAMES = tuple(_grade_fields())
YEAR_MODEL_FIELDS = {n: SchoolYear._meta.get_field(n) for n in ("academic_year", *YEAR_FIELDS)}
GRADE_MODEL_FIELDS = {part: GradeEnrolment._meta.get_field(part) for part, _ in GRADE_PARTS}
SCHOOL_FIELDS = ("code", "name", "province", "cluster", "levels")
SCHOOL_HEADERS = {"รหัสโรงเรียน", "ชื่อโรงเรียน", "จังหวัด", "สหวิทยาเขต", "ระดับที่เปิดสอน"}
BATCH = 2000
STAT_FIELDS = (
    "academic_year",
    "data_as_of",
    *GRADE_FIELD_NAMES,
    "teachers_male",
    "teachers_female",
)


class SchoolYearResource(OfficeResource):
    """One row: a school of the office (found by its code) and its statistics of one
    academic year (SchoolYear with its GradeEnrolment rows). A grade with no students and
    no classrooms that the school does not have yet is not created."""

    code = Field("code", "รหัสโรงเรียน", TextWidget(max_length=20, digits=True))
    name = Field("name", "ชื่อโรงเรียน", TextWidget(max_length=200))
    province = Field(
        "province",
        "จังหวัด",
        LookupWidget(
            lambda: Province.objects.all(),
            name=lambda p: p.name,
            normalise=province_key,
            missing="ไม่พบจังหวัด “{value}” ในระบบ",
        ),
    )
    levels = Field("levels", "ระดับที่เปิดสอน", ChoiceWidget(School.Levels.choices))
    academic_year = Field("stats__academic_year", YEAR_HEADER, YearWidget())
    data_as_of = Field("stats__data_as_of", "ข้อมูล ณ วันที่", DateWidget())
    teachers_male = Field("stats__teachers_male", "ครูชาย", IntegerWidget())
    teachers_female = Field("stats__teachers_female", "ครูหญิง", IntegerWidget())
    locals().update(_grade_fields())

    class Meta(OfficeResource.Meta):
        model = School
        import_id_fields = ("code",)
        fields = (*SCHOOL_FIELDS, *STAT_FIELDS)
        import_order = fields
        export_order = fields

    def __init__(self, *, office, user=None, **kwargs):
        super().__init__(office=office, user=user, **kwargs)
        self.fields["cluster"] = Field("cluster", "สหวิทยาเขต", ClusterWidget(office))
        self._years: dict[tuple[int, int], SchoolYear] = {}
        self._new_schools: list[School] = []
        self._saved: list[School] = []

    def get_queryset(self):
        return super().get_queryset().select_related("province", "cluster")

    def _year_of(self, row) -> int | None:
        try:
            return self.fields["academic_year"].clean(row)
        except (ValueError, KeyError):
            return None

    def _load_years(self, dataset) -> dict[tuple[int, int], SchoolYear]:
        """The office's statistics of the years the file names, with their grades: read
        once, for every row."""
        years = {self._year_of(dict(zip(dataset.headers, r, strict=True))) for r in dataset}
        found = SchoolYear.objects.filter(
            school__office=self.office, academic_year__in=years - {None}
        ).prefetch_related("grades")
        return {(y.school_id, y.academic_year): y for y in found}

    def after_init_instance(self, instance, new, row, **kwargs):
        year = self._year_of(row)
        existing = None if new else self._years.get((instance.pk, year))
        instance.stats = YearStats.of(existing, year)
        super().after_init_instance(instance, new, row, **kwargs)

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        """The school by School's rules, its year's values by SchoolYear's fields and each
        grade's by GradeEnrolment's (the fields' own checks and validators, as full_clean
        runs them; the rows they belong to are the import's)."""
        errors = {
            key.removeprefix("stats__"): ValidationError(value).messages
            for key, value in (import_validation_errors or {}).items()
        }
        stats = instance.stats
        if stats.academic_year is None:
            errors.setdefault("academic_year", [REQUIRED])
        checks = [(name, field, getattr(stats, name)) for name, field in YEAR_MODEL_FIELDS.items()]
        for grade in GRADES:
            for part, field in GRADE_MODEL_FIELDS.items():
                name = f"m{grade}_{part}"
                checks.append((name, field, getattr(stats, name)))
        for name, field, value in checks:
            if name in errors:
                continue
            try:
                field.clean(value, None)
            except ValidationError as error:
                errors[name] = error.messages
        super().validate_instance(instance, errors)

    def header_of(self, name: str) -> str:
        if name.startswith("stats__"):
            name = name.removeprefix("stats__")
        return super().header_of(name) or super().header_of(f"stats__{name}")

    def save_instance(self, instance, is_create, row, **kwargs):
        """A changed school is saved at once; new schools and every year's statistics are
        written together after the last row (`after_import`), in a few statements."""
        if self._is_dry_run(kwargs):
            return
        cluster = instance.cluster
        if cluster is not None and cluster.pk is None:
            cluster.full_clean(validate_unique=False, validate_constraints=False)
            cluster.save()
            instance.cluster = cluster
        if is_create:
            self._new_schools.append(instance)
        elif set(getattr(instance, "import_changed", ())) & SCHOOL_HEADERS:
            super().save_instance(instance, is_create, row, **kwargs)
        self._saved.append(instance)

    def before_import(self, dataset, **kwargs):
        self._years = self._load_years(dataset)
        self._new_schools: list[School] = []
        self._saved: list[School] = []

    def after_import(self, dataset, result, **kwargs):
        if not self._is_dry_run(kwargs) and not result.has_validation_errors():
            self._write_all()
        super().after_import(dataset, result, **kwargs)

    def _write_all(self) -> None:
        School.objects.bulk_create(self._new_schools, batch_size=BATCH)
        audit.created_in_bulk(self._new_schools)
        new_years, years = [], {}
        for school in self._saved:
            stats = school.stats
            year = self._years.get((school.pk, stats.academic_year))
            if year is None:
                year = SchoolYear(school=school, academic_year=stats.academic_year)
                for name in YEAR_FIELDS:
                    setattr(year, name, getattr(stats, name))
                new_years.append(year)
            elif any(getattr(year, n) != getattr(stats, n) for n in YEAR_FIELDS):
                for name in YEAR_FIELDS:
                    setattr(year, name, getattr(stats, name))
                year.save()
            years[school.pk] = year
        SchoolYear.objects.bulk_create(new_years, batch_size=BATCH)
        audit.created_in_bulk(new_years)
        created = {id(y) for y in new_years}
        new_grades = []
        for school in self._saved:
            year = years[school.pk]
            existing = {} if id(year) in created else {g.grade: g for g in year.grades.all()}
            for grade in GRADES:
                values = {
                    part: getattr(school.stats, f"m{grade}_{part}") for part, _ in GRADE_PARTS
                }
                enrolment = existing.get(grade)
                if enrolment is None:
                    if any(values.values()):
                        new_grades.append(GradeEnrolment(school_year=year, grade=grade, **values))
                elif any(getattr(enrolment, part) != value for part, value in values.items()):
                    for part, value in values.items():
                        setattr(enrolment, part, value)
                    enrolment.save()
        GradeEnrolment.objects.bulk_create(new_grades, batch_size=BATCH)
        audit.created_in_bulk(new_grades)

    def row_label(self, instance) -> str:
        return f"{instance.code} {instance.name}"

    def export_objects(self, *, year: int | None = None, **options):
        years = SchoolYear.objects.filter(school__office=self.office)
        if year is None:
            year = years.order_by("-academic_year").values_list("academic_year", flat=True).first()
        schools = []
        for school_year in (
            years.filter(academic_year=year)
            .select_related("school__province", "school__cluster")
            .prefetch_related("grades")
            .order_by("school__code")
        ):
            school = school_year.school
            school.stats = YearStats.of(school_year, school_year.academic_year)
            schools.append(school)
        return schools


class PersonnelResource(OfficeResource):
    """One row: a position of the office's teachers and education personnel in one
    academic year, by its number in table 6 (ลำดับ)."""

    academic_year = Field("academic_year", YEAR_HEADER, YearWidget())
    number = Field(
        "number",
        "ลำดับ",
        IntegerWidget(default=None, minimum=1, maximum=32767, out_of_range="ต้องเป็น ๑ ขึ้นไป"),
    )
    position = Field("position", "ตำแหน่ง", TextWidget(max_length=300))
    count = Field("count", "จำนวน (คน)", IntegerWidget(default=None))

    class Meta(OfficeResource.Meta):
        model = PersonnelCount
        import_id_fields = ("academic_year", "number")
        fields = ("academic_year", "number", "position", "count")
        import_order = fields
        export_order = fields

    def row_label(self, instance) -> str:
        return f"{thai.to_thai_digits(instance.number)}. {instance.position}"

    def export_objects(self, *, year: int | None = None, **options):
        rows = self.get_queryset()
        if year is None:
            year = rows.order_by("-academic_year").values_list("academic_year", flat=True).first()
        return list(rows.filter(academic_year=year).order_by("number"))


def _school_columns() -> tuple[Column, ...]:
    grades = []
    example = {1: (120, 115, 6), 2: (118, 121, 6), 3: (110, 117, 6)}
    for grade in GRADES:
        for index, (part, word) in enumerate(GRADE_PARTS):
            what = "จำนวนห้องเรียน" if part == "classrooms" else f"จำนวนนักเรียน{word}"
            grades.append(
                Column(
                    grade_header(grade, part),
                    f"{what}ชั้น ม.{thai.to_thai_digits(grade)}"
                    + (" รวม ปวช." if grade >= 4 else "")
                    + " (จำนวนเต็ม ไม่ติดลบ ช่องว่างคือ ๐)",
                    example=example.get(grade, (95, 101, 4))[index],
                    aliases=(f"ม{grade}{part}",),
                    kind="integer",
                )
            )
    return (
        Column(
            "รหัสโรงเรียน",
            "รหัสที่ใช้ในระบบ DMC ไม่เกิน ๒๐ ตัว ใช้ระบุโรงเรียน: รหัสที่มีอยู่แล้วจะปรับปรุงข้อมูลของโรงเรียนนั้น",
            example="1065000001",
            aliases=("รหัส", "รหัสสถานศึกษา", "รหัส DMC"),
        ),
        Column(
            "ชื่อโรงเรียน",
            "ชื่อเต็มของโรงเรียน ไม่เกิน ๒๐๐ ตัวอักษร",
            example="โรงเรียนตัวอย่างวิทยา",
            aliases=("ชื่อสถานศึกษา", "โรงเรียน"),
        ),
        Column("จังหวัด", "ชื่อจังหวัดที่ตั้ง เช่น พิษณุโลก", example="พิษณุโลก"),
        Column(
            "สหวิทยาเขต",
            "ไม่บังคับ ชื่อสหวิทยาเขต ชื่อที่ยังไม่มีจะสร้างใหม่ให้ ช่องว่างคือไม่สังกัดสหวิทยาเขต",
            example="สหวิทยาเขตตัวอย่าง",
            required=False,
        ),
        Column(
            "ระดับที่เปิดสอน",
            "หนึ่งใน " + ", ".join(label for _, label in School.Levels.choices),
            example=School.Levels.M1_M6.label,
            aliases=("ระดับชั้นที่เปิดสอน",),
        ),
        Column(
            YEAR_HEADER,
            "ปีการศึกษาของข้อมูล เป็น พ.ศ. ๔ หลัก เช่น ๒๕๖๕ (ไม่ใช่ปีงบประมาณ)",
            example=2565,
            aliases=YEAR_ALIASES,
            kind="number",
        ),
        Column(
            "ข้อมูล ณ วันที่",
            "ไม่บังคับ วันที่ของข้อมูล วัน/เดือน/ปี พ.ศ. เช่น ๑๐/๖/๒๕๖๕",
            example="10/6/2565",
            required=False,
        ),
        *grades,
        Column("ครูชาย", "จำนวนครูชาย (จำนวนเต็ม ช่องว่างคือ ๐)", example=30, kind="integer"),
        Column("ครูหญิง", "จำนวนครูหญิง (จำนวนเต็ม ช่องว่างคือ ๐)", example=45, kind="integer"),
    )


def _year_option(request) -> dict:
    text = thai.to_arabic_digits(request.GET.get("year", "")).strip()
    return {"year": int(text)} if text.isdigit() and len(text) == 4 else {}


SCHOOLS = register(
    ImportKind(
        key="schools",
        title="ข้อมูลโรงเรียนและนักเรียนรายปี",
        lead=(
            "โรงเรียนของสำนักงาน (รหัส ชื่อ จังหวัด สหวิทยาเขต ระดับที่เปิดสอน) "
            "กับจำนวนนักเรียนชาย หญิง และห้องเรียนรายชั้น และจำนวนครู ของปีการศึกษาหนึ่ง "
            "หนึ่งแถวต่อหนึ่งโรงเรียน ใช้ในตารางที่ ๑ ถึง ๕ ของรายงาน"
        ),
        resource=SchoolYearResource,
        columns=_school_columns(),
        keys=("รหัสโรงเรียน",),
        right=Right.MANAGE_PLAN,
        file_stem="schools",
        export_options=_year_option,
    )
)

PERSONNEL = register(
    ImportKind(
        key="personnel",
        title="จำนวนบุคลากรตามตำแหน่ง",
        lead=(
            "จำนวนข้าราชการครูและบุคลากรทางการศึกษาของสำนักงานแยกตามตำแหน่ง "
            "ของปีการศึกษาหนึ่ง หนึ่งแถวต่อหนึ่งตำแหน่ง ใช้ในตารางที่ ๖ ของรายงาน"
        ),
        resource=PersonnelResource,
        columns=(
            Column(
                YEAR_HEADER,
                "ปีการศึกษา พ.ศ. ๔ หลัก เช่น ๒๕๖๕",
                example=2565,
                aliases=YEAR_ALIASES,
                kind="number",
            ),
            Column(
                "ลำดับ",
                "ลำดับของตำแหน่งในตาราง (๑, ๒, ๓ …) ลำดับที่มีอยู่แล้วในปีนั้นจะปรับปรุงแถวนั้น",
                example=1,
                aliases=("ที่",),
                kind="number",
            ),
            Column("ตำแหน่ง", "ชื่อตำแหน่ง ไม่เกิน ๓๐๐ ตัวอักษร", example="ผู้อำนวยการสถานศึกษา"),
            Column(
                "จำนวน (คน)",
                "จำนวนคน (จำนวนเต็ม ไม่ติดลบ)",
                example=57,
                aliases=("จำนวน",),
                kind="integer",
            ),
        ),
        keys=(YEAR_HEADER, "ลำดับ"),
        right=Right.MANAGE_PLAN,
        file_stem="personnel",
        export_options=_year_option,
    )
)
