"""The base of the portal: offices, fiscal years, plans, people's roles, the strategy frame,
schools and their statistics, and the year's report texts.

`plans` imports no other app of the project; every other app builds on it.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from plans import thai


class Province(models.Model):
    name = models.CharField("ชื่อจังหวัด", max_length=100, unique=True)

    class Meta:
        verbose_name = "จังหวัด"
        verbose_name_plural = "จังหวัด"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class OfficeQuerySet(models.QuerySet):
    def visible_to(self, user) -> OfficeQuerySet:
        """The offices the user may read (plans/access.py: every role reads its office)."""
        from plans.access import Right, offices_with

        return self.filter(pk__in=offices_with(user, Right.READ).values("pk"))


class Office(models.Model):
    """An education service area office (สำนักงานเขตพื้นที่การศึกษา)."""

    code = models.SlugField("รหัส", max_length=50, unique=True)
    name = models.CharField("ชื่อสำนักงาน", max_length=200)
    short_name = models.CharField("ชื่อย่อ", max_length=100)
    parent_body = models.CharField("หน่วยงานต้นสังกัด", max_length=200, blank=True)
    ministry = models.CharField("กระทรวง", max_length=200, blank=True)
    address = models.CharField("ที่ตั้ง", max_length=300, blank=True)
    website = models.CharField("เว็บไซต์", max_length=200, blank=True)
    phone = models.CharField("โทรศัพท์", max_length=50, blank=True)
    fax = models.CharField("โทรสาร", max_length=50, blank=True)
    provinces = models.ManyToManyField(Province, verbose_name="จังหวัดในความรับผิดชอบ", blank=True)

    objects = OfficeQuerySet.as_manager()

    class Meta:
        verbose_name = "สำนักงานเขตพื้นที่การศึกษา"
        verbose_name_plural = "สำนักงานเขตพื้นที่การศึกษา"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.short_name or self.name


class FiscalYear(models.Model):
    """A Thai fiscal year, named by its Buddhist-era year: 1 Oct (year-1) to 30 Sep (year)."""

    year = models.PositiveIntegerField(
        "ปีงบประมาณ (พ.ศ.)",
        unique=True,
        validators=[MinValueValidator(2500), MaxValueValidator(2700)],
    )

    class Meta:
        verbose_name = "ปีงบประมาณ"
        verbose_name_plural = "ปีงบประมาณ"
        ordering = ["-year"]

    def __str__(self) -> str:
        return thai.fiscal_year_label(self.year)

    @property
    def starts_on(self) -> date:
        return thai.fiscal_year_bounds(self.year)[0]

    @property
    def ends_on(self) -> date:
        return thai.fiscal_year_bounds(self.year)[1]


def quarter_1_to_4(name: str) -> models.CheckConstraint:
    """A row's ``quarter`` is one of the fiscal year's four quarters."""
    return models.CheckConstraint(
        condition=Q(quarter__gte=1) & Q(quarter__lte=4),
        name=name,
        violation_error_message="ไตรมาสต้องเป็น ๑ ถึง ๔",
    )


class PolicyArea(models.Model):
    """OBEC's four policy areas (นโยบาย สพฐ. ๔ ด้าน)."""

    code = models.SlugField("รหัส", max_length=30, unique=True)
    number = models.PositiveSmallIntegerField("ลำดับ", unique=True)
    name = models.CharField("ชื่อด้านนโยบาย", max_length=100)

    class Meta:
        verbose_name = "ด้านนโยบาย สพฐ."
        verbose_name_plural = "ด้านนโยบาย สพฐ."
        ordering = ["number"]

    def __str__(self) -> str:
        return f"{thai.to_thai_digits(self.number)}. {self.name}"


class NationalStrategy(models.Model):
    """A pillar (ด้าน) of the 20-year national strategy."""

    number = models.PositiveSmallIntegerField("ด้านที่", unique=True)
    name = models.CharField("ชื่อ", max_length=200)

    class Meta:
        verbose_name = "ยุทธศาสตร์ชาติ"
        verbose_name_plural = "ยุทธศาสตร์ชาติ"
        ordering = ["number"]

    def __str__(self) -> str:
        return f"{thai.to_thai_digits(self.number)}. {self.name}"


class MasterPlanIssue(models.Model):
    """An issue (ประเด็น) of the master plans under the national strategy."""

    number = models.PositiveSmallIntegerField("ประเด็นที่", unique=True)
    name = models.CharField("ชื่อ", max_length=200)

    class Meta:
        verbose_name = "ประเด็นแผนแม่บท"
        verbose_name_plural = "ประเด็นแผนแม่บท"
        ordering = ["number"]

    def __str__(self) -> str:
        return f"ประเด็นที่ {thai.to_thai_digits(self.number)} {self.name}"


class MinisterPolicy(models.Model):
    """A policy of the Minister of Education for a fiscal year (นโยบาย รมว.ศธ.)."""

    fiscal_year = models.ForeignKey(FiscalYear, on_delete=models.PROTECT, verbose_name="ปีงบประมาณ")
    number = models.PositiveSmallIntegerField("ข้อ")
    name = models.CharField("ชื่อนโยบาย", max_length=400)
    tag = models.CharField("ประเภท", max_length=50, blank=True, help_text="เช่น Quick Win")
    minister = models.CharField("รัฐมนตรีว่าการกระทรวงศึกษาธิการ", max_length=200, blank=True)

    class Meta:
        verbose_name = "นโยบาย รมว.ศธ."
        verbose_name_plural = "นโยบาย รมว.ศธ."
        ordering = ["fiscal_year", "tag", "number"]
        constraints = [
            # The Quick Win list is numbered apart from the main list: both have a "๑".
            models.UniqueConstraint(
                fields=["fiscal_year", "tag", "number"], name="minister_policy_unique"
            )
        ]

    def __str__(self) -> str:
        tag = f" ({self.tag})" if self.tag else ""
        return f"{thai.to_thai_digits(self.number)}. {self.name}{tag}"


class WorkGroup(models.Model):
    """A group or unit (กลุ่ม / หน่วย) of an office."""

    class Kind(models.TextChoices):
        GROUP = "group", "กลุ่ม"
        UNIT = "unit", "หน่วย"

    office = models.ForeignKey(
        Office, on_delete=models.CASCADE, related_name="work_groups", verbose_name="สำนักงาน"
    )
    code = models.SlugField("รหัส", max_length=50)
    name = models.CharField("ชื่อกลุ่มงาน", max_length=200)
    kind = models.CharField("ประเภท", max_length=10, choices=Kind.choices, default=Kind.GROUP)
    director_name = models.CharField("ผู้อำนวยการกลุ่ม", max_length=200, blank=True)
    order = models.PositiveSmallIntegerField("ลำดับ", default=0)

    class Meta:
        verbose_name = "กลุ่มงาน"
        verbose_name_plural = "กลุ่มงาน"
        ordering = ["office", "order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["office", "code"], name="work_group_code_unique"),
            models.UniqueConstraint(fields=["office", "name"], name="work_group_name_unique"),
        ]

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    STAFF = "staff", "เจ้าหน้าที่ผู้รับผิดชอบโครงการ"
    GROUP_DIRECTOR = "group_director", "ผู้อำนวยการกลุ่ม"
    PLANNING = "planning", "กลุ่มนโยบายและแผน (ผู้ดูแลแผน)"
    FINANCE = "finance", "กลุ่มบริหารงานการเงินและสินทรัพย์"
    DIRECTOR = "director", "ผู้อำนวยการ/รองผู้อำนวยการ สพท."
    ADMIN = "admin", "ผู้ดูแลระบบ"


class Membership(models.Model):
    """Gives a user one role in one office, and for group roles, one work group."""

    GROUP_ROLES = {Role.STAFF, Role.GROUP_DIRECTOR}

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name="ผู้ใช้",
    )
    office = models.ForeignKey(
        Office, on_delete=models.CASCADE, related_name="memberships", verbose_name="สำนักงาน"
    )
    role = models.CharField("บทบาท", max_length=20, choices=Role.choices)
    work_group = models.ForeignKey(
        WorkGroup,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name="กลุ่มงาน",
    )
    position = models.CharField("ตำแหน่ง", max_length=200, blank=True)

    class Meta:
        verbose_name = "สิทธิ์การใช้งาน"
        verbose_name_plural = "สิทธิ์การใช้งาน"
        ordering = ["office", "role", "user__username"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "office"], name="membership_one_role_per_office"
            ),
            models.CheckConstraint(
                condition=~Q(role__in=["staff", "group_director"]) | Q(work_group__isnull=False),
                name="membership_group_role_needs_group",
                violation_error_message="บทบาทนี้ต้องระบุกลุ่มงาน",
            ),
        ]

    def __str__(self) -> str:
        group = f" ({self.work_group})" if self.work_group_id else ""
        return f"{self.user} – {self.get_role_display()}{group}"

    def clean(self) -> None:
        if self.role in self.GROUP_ROLES and not self.work_group_id:
            raise ValidationError({"work_group": "บทบาทนี้ต้องระบุกลุ่มงาน"})
        if self.work_group_id and self.work_group.office_id != self.office_id:
            raise ValidationError({"work_group": "กลุ่มงานต้องอยู่ในสำนักงานเดียวกัน"})


class PlanQuerySet(models.QuerySet):
    def visible_to(self, user) -> PlanQuerySet:
        return self.filter(office__in=Office.objects.visible_to(user))


class Plan(models.Model):
    """An office's annual action plan (แผนปฏิบัติการประจำปี) for one fiscal year, with the
    strategic frame the office set for that year."""

    office = models.ForeignKey(
        Office, on_delete=models.CASCADE, related_name="plans", verbose_name="สำนักงาน"
    )
    fiscal_year = models.ForeignKey(
        FiscalYear, on_delete=models.PROTECT, related_name="plans", verbose_name="ปีงบประมาณ"
    )
    vision = models.TextField("วิสัยทัศน์", blank=True)
    values_name = models.CharField("ชื่อค่านิยม", max_length=100, blank=True)

    objects = PlanQuerySet.as_manager()

    class Meta:
        verbose_name = "แผนปฏิบัติการประจำปี"
        verbose_name_plural = "แผนปฏิบัติการประจำปี"
        ordering = ["office", "-fiscal_year__year"]
        constraints = [
            models.UniqueConstraint(fields=["office", "fiscal_year"], name="plan_unique_per_year")
        ]

    def __str__(self) -> str:
        return f"แผนปฏิบัติการ{self.fiscal_year} {self.office}"


class PlanStatement(models.Model):
    """One numbered statement of a plan's strategic frame: a mission, a goal, a value,
    a focus point, a SWOT factor and the like."""

    class Kind(models.TextChoices):
        VALUE = "value", "ค่านิยม"
        MISSION = "mission", "พันธกิจ"
        GOAL = "goal", "เป้าประสงค์"
        GOAL_QUANTITATIVE = "goal_quantitative", "เป้าหมายเชิงปริมาณ"
        GOAL_QUALITATIVE = "goal_qualitative", "เป้าหมายเชิงคุณภาพ"
        FOCUS_POINT = "focus_point", "จุดเน้น"
        QUALITY_GOAL = "quality_goal", "เป้าหมายการพัฒนาคุณภาพการศึกษา"
        POLICY_DRIVE = "policy_drive", "การขับเคลื่อนนโยบายและจุดเน้นสู่การปฏิบัติ"
        STRENGTH = "strength", "จุดแข็ง (Strength)"
        WEAKNESS = "weakness", "จุดอ่อน (Weakness)"
        OPPORTUNITY = "opportunity", "โอกาส (Opportunity)"
        THREAT = "threat", "อุปสรรค (Threat)"

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="statements", verbose_name="แผน"
    )
    kind = models.CharField("ประเภท", max_length=30, choices=Kind.choices)
    number = models.PositiveSmallIntegerField("ลำดับ")
    title = models.CharField("หัวข้อ", max_length=200, blank=True)
    title_en = models.CharField("หัวข้อ (อังกฤษ)", max_length=200, blank=True)
    text = models.TextField("ข้อความ", blank=True)

    class Meta:
        verbose_name = "ข้อความของแผน"
        verbose_name_plural = "ข้อความของแผน"
        ordering = ["plan", "kind", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "kind", "number"], name="plan_statement_unique")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {thai.to_thai_digits(self.number)}"


class PolicyItem(models.Model):
    """A numbered item of the office's policy under one OBEC policy area (๒.๑, ๒.๒ ...)."""

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="policy_items", verbose_name="แผน"
    )
    area = models.ForeignKey(PolicyArea, on_delete=models.PROTECT, verbose_name="ด้านนโยบาย")
    number = models.PositiveSmallIntegerField("ข้อ")
    text = models.TextField("ข้อความ")

    class Meta:
        verbose_name = "นโยบายของสำนักงาน"
        verbose_name_plural = "นโยบายของสำนักงาน"
        ordering = ["plan", "area__number", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "area", "number"], name="policy_item_unique")
        ]

    def __str__(self) -> str:
        return f"{self.area.number}.{self.number}"


class Strategy(models.Model):
    """A strategy (กลยุทธ์) of a plan, with its goals, indicators and guidelines."""

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="strategies", verbose_name="แผน"
    )
    number = models.PositiveSmallIntegerField("กลยุทธ์ที่")
    name = models.TextField("ชื่อกลยุทธ์")

    class Meta:
        verbose_name = "กลยุทธ์"
        verbose_name_plural = "กลยุทธ์"
        ordering = ["plan", "number"]
        constraints = [models.UniqueConstraint(fields=["plan", "number"], name="strategy_unique")]

    def __str__(self) -> str:
        return f"กลยุทธ์ที่ {thai.to_thai_digits(self.number)} {self.name}"


class StrategyGoal(models.Model):
    strategy = models.ForeignKey(
        Strategy, on_delete=models.CASCADE, related_name="goals", verbose_name="กลยุทธ์"
    )
    number = models.PositiveSmallIntegerField("ข้อ")
    text = models.TextField("เป้าประสงค์เชิงกลยุทธ์")

    class Meta:
        verbose_name = "เป้าประสงค์เชิงกลยุทธ์"
        verbose_name_plural = "เป้าประสงค์เชิงกลยุทธ์"
        ordering = ["strategy", "number"]
        constraints = [
            models.UniqueConstraint(fields=["strategy", "number"], name="strategy_goal_unique")
        ]

    def __str__(self) -> str:
        return self.text[:80]


class StrategyIndicator(models.Model):
    strategy = models.ForeignKey(
        Strategy, on_delete=models.CASCADE, related_name="indicators", verbose_name="กลยุทธ์"
    )
    number = models.PositiveSmallIntegerField("ที่")
    text = models.TextField("ตัวชี้วัด")
    target_qualifier = models.CharField(
        "คำนำหน้าค่าเป้าหมาย", max_length=50, blank=True, help_text="เช่น ไม่น้อยกว่า"
    )
    target_value = models.DecimalField(
        "ค่าเป้าหมาย", max_digits=14, decimal_places=2, null=True, blank=True
    )
    target_unit = models.CharField("หน่วย", max_length=30, blank=True)
    target_per = models.CharField("ต่อ", max_length=30, blank=True, help_text="เช่น ปี")

    class Meta:
        verbose_name = "ตัวชี้วัดกลยุทธ์"
        verbose_name_plural = "ตัวชี้วัดกลยุทธ์"
        ordering = ["strategy", "number"]
        constraints = [
            models.UniqueConstraint(fields=["strategy", "number"], name="strategy_indicator_unique")
        ]

    def __str__(self) -> str:
        return self.text[:80]


class StrategyGuideline(models.Model):
    strategy = models.ForeignKey(
        Strategy, on_delete=models.CASCADE, related_name="guidelines", verbose_name="กลยุทธ์"
    )
    number = models.PositiveSmallIntegerField("ที่")
    heading = models.TextField("หัวข้อย่อย", blank=True)
    text = models.TextField("แนวทางการพัฒนา")

    class Meta:
        verbose_name = "แนวทางการพัฒนา"
        verbose_name_plural = "แนวทางการพัฒนา"
        ordering = ["strategy", "number"]
        constraints = [
            models.UniqueConstraint(fields=["strategy", "number"], name="strategy_guideline_unique")
        ]

    def __str__(self) -> str:
        return self.text[:80]


class SchoolCluster(models.Model):
    """A cluster of schools (สหวิทยาเขต)."""

    office = models.ForeignKey(
        Office, on_delete=models.CASCADE, related_name="clusters", verbose_name="สำนักงาน"
    )
    name = models.CharField("ชื่อสหวิทยาเขต", max_length=200)

    class Meta:
        verbose_name = "สหวิทยาเขต"
        verbose_name_plural = "สหวิทยาเขต"
        ordering = ["office", "name"]
        constraints = [models.UniqueConstraint(fields=["office", "name"], name="cluster_unique")]

    def __str__(self) -> str:
        return self.name


class School(models.Model):
    class Levels(models.TextChoices):
        M1_M6 = "m1_m6", "ม.๑ – ม.๖"
        M4_M6 = "m4_m6", "ม.๔ – ม.๖"
        M1_M3 = "m1_m3", "ม.๑ – ม.๓"

    office = models.ForeignKey(
        Office, on_delete=models.CASCADE, related_name="schools", verbose_name="สำนักงาน"
    )
    code = models.CharField("รหัสโรงเรียน", max_length=20)
    name = models.CharField("ชื่อโรงเรียน", max_length=200)
    province = models.ForeignKey(Province, on_delete=models.PROTECT, verbose_name="จังหวัด")
    cluster = models.ForeignKey(
        SchoolCluster,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="schools",
        verbose_name="สหวิทยาเขต",
    )
    levels = models.CharField(
        "ระดับที่เปิดสอน", max_length=10, choices=Levels.choices, default=Levels.M1_M6
    )

    class Meta:
        verbose_name = "โรงเรียน"
        verbose_name_plural = "โรงเรียน"
        ordering = ["office", "code"]
        constraints = [
            models.UniqueConstraint(fields=["office", "code"], name="school_code_unique")
        ]

    def __str__(self) -> str:
        return self.name


class SizeClass(models.TextChoices):
    """School size by student count (ขนาดโรงเรียน), per OBEC's bands."""

    SMALL = "small", "ขนาดเล็ก"
    MEDIUM = "medium", "ขนาดกลาง"
    LARGE = "large", "ขนาดใหญ่"
    EXTRA_LARGE = "extra_large", "ขนาดใหญ่พิเศษ"

    @classmethod
    def for_students(cls, students: int) -> SizeClass | None:
        if students <= 0:
            return None
        if students < 500:
            return cls.SMALL
        if students < 1500:
            return cls.MEDIUM
        if students < 2500:
            return cls.LARGE
        return cls.EXTRA_LARGE


SIZE_CLASS_BANDS = {
    SizeClass.SMALL: (1, 499),
    SizeClass.MEDIUM: (500, 1499),
    SizeClass.LARGE: (1500, 2499),
    SizeClass.EXTRA_LARGE: (2500, None),
}


class SchoolYear(models.Model):
    """A school's statistics for one academic year (DMC, as of 10 June)."""

    school = models.ForeignKey(
        School, on_delete=models.CASCADE, related_name="years", verbose_name="โรงเรียน"
    )
    academic_year = models.PositiveIntegerField(
        "ปีการศึกษา (พ.ศ.)", validators=[MinValueValidator(2500), MaxValueValidator(2700)]
    )
    data_as_of = models.DateField("ข้อมูล ณ วันที่", null=True, blank=True)
    teachers_male = models.PositiveIntegerField("ครูชาย", default=0)
    teachers_female = models.PositiveIntegerField("ครูหญิง", default=0)

    class Meta:
        verbose_name = "ข้อมูลโรงเรียนรายปี"
        verbose_name_plural = "ข้อมูลโรงเรียนรายปี"
        ordering = ["school", "-academic_year"]
        constraints = [
            models.UniqueConstraint(fields=["school", "academic_year"], name="school_year_unique")
        ]

    def __str__(self) -> str:
        return f"{self.school} ปีการศึกษา {thai.to_thai_digits(self.academic_year)}"


class GradeEnrolment(models.Model):
    """Students by sex and classrooms of one grade (ม.๑ – ม.๖, ปวช. counted with ม.๔–๖)."""

    school_year = models.ForeignKey(
        SchoolYear, on_delete=models.CASCADE, related_name="grades", verbose_name="ปีการศึกษา"
    )
    grade = models.PositiveSmallIntegerField(
        "ชั้น ม.", validators=[MinValueValidator(1), MaxValueValidator(6)]
    )
    male = models.PositiveIntegerField("นักเรียนชาย", default=0)
    female = models.PositiveIntegerField("นักเรียนหญิง", default=0)
    classrooms = models.PositiveIntegerField("ห้องเรียน", default=0)

    class Meta:
        verbose_name = "จำนวนนักเรียนรายชั้น"
        verbose_name_plural = "จำนวนนักเรียนรายชั้น"
        ordering = ["school_year", "grade"]
        constraints = [
            models.UniqueConstraint(fields=["school_year", "grade"], name="grade_unique"),
            models.CheckConstraint(
                condition=Q(grade__gte=1) & Q(grade__lte=6),
                name="grade_between_1_and_6",
                violation_error_message="ชั้นเรียนต้องอยู่ระหว่าง ม.๑ ถึง ม.๖",
            ),
        ]

    def __str__(self) -> str:
        return f"ม.{thai.to_thai_digits(self.grade)}"


class PersonnelCount(models.Model):
    """Teachers and education personnel by position (report table 6)."""

    office = models.ForeignKey(
        Office, on_delete=models.CASCADE, related_name="personnel", verbose_name="สำนักงาน"
    )
    academic_year = models.PositiveIntegerField("ปีการศึกษา (พ.ศ.)")
    number = models.PositiveSmallIntegerField("ลำดับ")
    position = models.CharField("ตำแหน่ง", max_length=300)
    count = models.PositiveIntegerField("จำนวน (คน)")

    class Meta:
        verbose_name = "จำนวนบุคลากรตามตำแหน่ง"
        verbose_name_plural = "จำนวนบุคลากรตามตำแหน่ง"
        ordering = ["office", "-academic_year", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["office", "academic_year", "number"], name="personnel_unique"
            )
        ]

    def __str__(self) -> str:
        return self.position


class ReportText(models.Model):
    """An editable text of a year's annual report (preface, chapter 1 sections ...)."""

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="texts", verbose_name="แผน"
    )
    key = models.SlugField("รหัส", max_length=50)
    title = models.CharField("หัวข้อ", max_length=400, blank=True)
    body = models.TextField("เนื้อหา", blank=True)
    signed_by = models.CharField("ลงนามโดย", max_length=200, blank=True)
    order = models.PositiveSmallIntegerField("ลำดับ", default=0)

    class Meta:
        verbose_name = "ข้อความในรายงานประจำปี"
        verbose_name_plural = "ข้อความในรายงานประจำปี"
        ordering = ["plan", "order", "key"]
        constraints = [models.UniqueConstraint(fields=["plan", "key"], name="report_text_unique")]

    def __str__(self) -> str:
        return self.title or self.key


class Committee(models.Model):
    """A named list of people printed in the report: the monitoring committee's order
    (appendix) or the report's authors (คณะผู้จัดทำ)."""

    class Kind(models.TextChoices):
        ORDER = "order", "คำสั่งแต่งตั้งคณะทำงาน"
        AUTHORS = "authors", "คณะผู้จัดทำ"

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="committees", verbose_name="แผน"
    )
    kind = models.CharField("ประเภท", max_length=20, choices=Kind.choices)
    number = models.CharField("เลขที่คำสั่ง", max_length=30, blank=True)
    title = models.TextField("เรื่อง", blank=True)
    preamble = models.TextField("ข้อความนำ", blank=True)
    closing = models.TextField("ข้อความท้าย", blank=True)
    signed_on = models.DateField("สั่ง ณ วันที่", null=True, blank=True)
    signed_by_name = models.CharField("ผู้ลงนาม", max_length=200, blank=True)
    signed_by_position = models.CharField("ตำแหน่งผู้ลงนาม", max_length=300, blank=True)

    class Meta:
        verbose_name = "คณะทำงาน/คณะผู้จัดทำ"
        verbose_name_plural = "คณะทำงาน/คณะผู้จัดทำ"
        ordering = ["plan", "kind"]
        constraints = [models.UniqueConstraint(fields=["plan", "kind"], name="committee_unique")]

    def __str__(self) -> str:
        return self.get_kind_display()


class CommitteeSection(models.Model):
    committee = models.ForeignKey(
        Committee, on_delete=models.CASCADE, related_name="sections", verbose_name="คณะ"
    )
    order = models.PositiveSmallIntegerField("ลำดับ")
    title = models.CharField("หัวข้อ", max_length=200)
    duty = models.TextField("หน้าที่", blank=True)

    class Meta:
        verbose_name = "กลุ่มในคณะ"
        verbose_name_plural = "กลุ่มในคณะ"
        ordering = ["committee", "order"]
        constraints = [
            models.UniqueConstraint(fields=["committee", "order"], name="committee_section_unique")
        ]

    def __str__(self) -> str:
        return self.title


class CommitteeMember(models.Model):
    section = models.ForeignKey(
        CommitteeSection, on_delete=models.CASCADE, related_name="members", verbose_name="กลุ่ม"
    )
    order = models.PositiveSmallIntegerField("ลำดับ")
    name = models.CharField("ชื่อ", max_length=200)
    position = models.CharField("ตำแหน่ง", max_length=300, blank=True)
    role = models.CharField("หน้าที่ในคณะ", max_length=200, blank=True)

    class Meta:
        verbose_name = "รายชื่อ"
        verbose_name_plural = "รายชื่อ"
        ordering = ["section", "order"]
        constraints = [
            models.UniqueConstraint(fields=["section", "order"], name="committee_member_unique")
        ]

    def __str__(self) -> str:
        return self.name


class AuditEntry(models.Model):
    """One change to a record: who, when, what, and each field's old and new value. Written
    by services inside the transaction that makes the change (see plans/audit.py)."""

    office = models.ForeignKey(
        Office, on_delete=models.CASCADE, related_name="audit_entries", verbose_name="สำนักงาน"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="audit_entries",
        verbose_name="ผู้ดำเนินการ",
    )
    at = models.DateTimeField("เวลา", auto_now_add=True, db_index=True)
    object_type = models.CharField("ประเภทข้อมูล", max_length=100)
    object_id = models.PositiveBigIntegerField("รหัสข้อมูล")
    object_label = models.CharField("รายการ", max_length=300, blank=True)
    action = models.CharField("การกระทำ", max_length=50)
    changes = models.JSONField("การเปลี่ยนแปลง", default=dict, blank=True)
    note = models.TextField("หมายเหตุ/เหตุผล", blank=True)

    class Meta:
        verbose_name = "ประวัติการเปลี่ยนแปลง"
        verbose_name_plural = "ประวัติการเปลี่ยนแปลง"
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["object_type", "object_id", "-at"])]

    def __str__(self) -> str:
        return f"{self.object_label} – {self.action}"


class SubmissionToken(models.Model):
    """A form's one-time token, used up by the write it allowed (plans/services.py
    `token_use`): the unique key makes a second post of the same form, or two parallel
    ones, record nothing twice."""

    key = models.CharField("รหัสแบบฟอร์ม", max_length=64, unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name="ผู้ใช้",
    )
    created_at = models.DateTimeField("ใช้เมื่อ", auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "รหัสแบบฟอร์มที่ใช้แล้ว"
        verbose_name_plural = "รหัสแบบฟอร์มที่ใช้แล้ว"

    def __str__(self) -> str:
        return self.key
