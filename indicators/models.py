"""Indicators of projects and activities with their quarterly results, and the external
assessments the annual report prints (O-NET, OBEC indicators, ITA, office standards)."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import OuterRef, Q, Subquery

from indicators.rules import Aggregation, Direction
from plans import thai
from plans.models import QUARTER_VALIDATORS, FiscalYear, Office, Province, quarter_1_to_4
from projects.models import Activity, Project

UNIT_CHOICES = [
    ("ร้อยละ", "ร้อยละ"),
    ("คน", "คน"),
    ("โรงเรียน", "โรงเรียน"),
    ("ห้อง", "ห้อง"),
    ("ราย", "ราย"),
    ("ครั้ง", "ครั้ง"),
    ("แห่ง", "แห่ง"),
    ("เรื่อง", "เรื่อง"),
    ("คะแนน", "คะแนน"),
]

QUALITY_LEVELS = {1: "ปรับปรุง", 2: "พอใช้", 3: "ดี", 4: "ดีมาก", 5: "ดีเยี่ยม"}


def quality_label(level: int | None) -> str:
    return QUALITY_LEVELS.get(level, "") if level is not None else ""


def _milestone_field(quarter: int) -> str:
    return f"milestone_{quarter}"


class IndicatorQuerySet(models.QuerySet):
    def with_milestones(self) -> IndicatorQuerySet:
        """Each indicator's milestone of every quarter as annotations, in the same query (read
        them with `Indicator.milestone_values`): no query per indicator, none added."""
        return self.annotate(
            **{
                _milestone_field(q): Subquery(
                    IndicatorMilestone.objects.filter(indicator=OuterRef("pk"), quarter=q).values(
                        "value"
                    )[:1]
                )
                for q in thai.FISCAL_QUARTERS
            }
        )


class Indicator(models.Model):
    """An indicator (ตัวชี้วัด) of a project, optionally under one of its activities."""

    class DirectionChoice(models.TextChoices):
        AT_LEAST = Direction.AT_LEAST.value, "ยิ่งมากยิ่งดี (ไม่น้อยกว่าค่าเป้าหมาย)"
        AT_MOST = Direction.AT_MOST.value, "ยิ่งน้อยยิ่งดี (ไม่เกินค่าเป้าหมาย)"

    class AggregationChoice(models.TextChoices):
        SUM = Aggregation.SUM.value, "รวมทุกไตรมาส"
        LATEST = Aggregation.LATEST.value, "ใช้ค่าล่าสุด"
        MAXIMUM = Aggregation.MAXIMUM.value, "ใช้ค่าสูงสุด"

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="indicators", verbose_name="โครงการ"
    )
    activity = models.ForeignKey(
        Activity,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="indicators",
        verbose_name="กิจกรรม",
    )
    order = models.PositiveSmallIntegerField("ลำดับในโครงการ")
    text = models.TextField("ตัวชี้วัด")
    target = models.DecimalField(
        "ค่าเป้าหมาย", max_digits=14, decimal_places=2, null=True, blank=True
    )
    unit = models.CharField("หน่วยของค่าเป้าหมาย", max_length=20, choices=UNIT_CHOICES)
    direction = models.CharField(
        "ทิศทาง", max_length=10, choices=DirectionChoice.choices, default=Direction.AT_LEAST
    )
    aggregation = models.CharField(
        "การรวมผลรายไตรมาส",
        max_length=10,
        choices=AggregationChoice.choices,
        default=Aggregation.LATEST,
    )

    objects = IndicatorQuerySet.as_manager()

    class Meta:
        verbose_name = "ตัวชี้วัด"
        verbose_name_plural = "ตัวชี้วัด"
        ordering = ["project", "order"]
        constraints = [
            models.UniqueConstraint(fields=["project", "order"], name="indicator_order_unique"),
            models.CheckConstraint(
                condition=Q(target__isnull=True) | Q(target__gte=0),
                name="indicator_target_not_negative",
                violation_error_message="ค่าเป้าหมายต้องไม่ติดลบ",
            ),
        ]

    def __str__(self) -> str:
        return self.text[:100]

    @property
    def milestone_values(self) -> dict[int, Decimal]:
        """The milestone of each quarter that has one (what indicators.rules.milestone
        reads): from `with_milestones`'s annotations when the indicator was read with them,
        else one query."""
        fields = {q: _milestone_field(q) for q in thai.FISCAL_QUARTERS}
        if all(hasattr(self, f) for f in fields.values()):
            values = {q: getattr(self, f) for q, f in fields.items()}
            return {q: v for q, v in values.items() if v is not None}
        return dict(self.milestones.values_list("quarter", "value"))

    def clean(self) -> None:
        if self.activity_id and self.activity.project_id != self.project_id:
            raise ValidationError({"activity": "กิจกรรมต้องอยู่ในโครงการเดียวกับตัวชี้วัด"})


class IndicatorMilestone(models.Model):
    """An indicator's milestone at the end of a quarter (เป้าหมาย ณ สิ้นไตรมาส), in the
    indicator's unit and combined as its results are (`aggregation`): what that quarter is
    judged against. An indicator without milestones is judged at the fourth quarter only,
    against its target (indicators.rules.milestone)."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="milestones", verbose_name="ตัวชี้วัด"
    )
    quarter = models.PositiveSmallIntegerField("ไตรมาส", validators=QUARTER_VALIDATORS)
    value = models.DecimalField("เป้าหมาย ณ สิ้นไตรมาส", max_digits=14, decimal_places=2)

    class Meta:
        verbose_name = "เป้าหมายรายไตรมาสของตัวชี้วัด"
        verbose_name_plural = "เป้าหมายรายไตรมาสของตัวชี้วัด"
        ordering = ["indicator", "quarter"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "quarter"], name="milestone_per_quarter"),
            quarter_1_to_4("milestone_quarter"),
            models.CheckConstraint(
                condition=Q(value__gte=0),
                name="milestone_not_negative",
                violation_error_message="เป้าหมายต้องไม่ติดลบ",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator}: {thai.quarter_label(self.quarter)} {self.value}"


class IndicatorResult(models.Model):
    """The value an indicator reached in one quarter of its plan's fiscal year."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="results", verbose_name="ตัวชี้วัด"
    )
    quarter = models.PositiveSmallIntegerField("ไตรมาส", validators=QUARTER_VALIDATORS)
    value = models.DecimalField("ผลการดำเนินงาน", max_digits=14, decimal_places=2)
    unit = models.CharField("หน่วยของผล", max_length=20, choices=UNIT_CHOICES)
    count = models.DecimalField(
        "จำนวนที่ดำเนินการ", max_digits=14, decimal_places=2, null=True, blank=True
    )
    count_unit = models.CharField("หน่วยของจำนวน", max_length=20, choices=UNIT_CHOICES, blank=True)
    # Of an indicator not achieved: how many fell short (the chapter 4 table's "ไม่บรรลุ
    # เป้าหมาย: จำนวน", e.g. 20 schools that did not take part), in count_unit.
    shortfall = models.DecimalField(
        "จำนวนที่ไม่บรรลุ", max_digits=14, decimal_places=2, null=True, blank=True
    )

    class Meta:
        verbose_name = "ผลตัวชี้วัดรายไตรมาส"
        verbose_name_plural = "ผลตัวชี้วัดรายไตรมาส"
        ordering = ["indicator", "quarter"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "quarter"], name="result_per_quarter"),
            quarter_1_to_4("result_quarter_1_to_4"),
            models.CheckConstraint(
                condition=Q(value__gte=0),
                name="result_not_negative",
                violation_error_message="ผลการดำเนินงานต้องไม่ติดลบ",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} – {thai.quarter_label(self.quarter)}"


class OnetSubject(models.Model):
    code = models.SlugField("รหัส", max_length=30, unique=True)
    name = models.CharField("กลุ่มสาระการเรียนรู้/วิชา", max_length=100, unique=True)
    order = models.PositiveSmallIntegerField("ลำดับ", default=0)

    class Meta:
        verbose_name = "วิชา O-NET"
        verbose_name_plural = "วิชา O-NET"
        ordering = ["order"]

    def __str__(self) -> str:
        return self.name


class OnetScore(models.Model):
    """A mean O-NET score of one subject, grade and academic year, for an office's province,
    the office as a whole, OBEC or the nation (the office keeps the benchmarks it compares
    against)."""

    class Scope(models.TextChoices):
        PROVINCE = "province", "จังหวัด"
        OFFICE = "office", "สำนักงานเขตพื้นที่การศึกษา"
        OBEC = "obec", "สพฐ."
        NATION = "nation", "ประเทศ"

    office = models.ForeignKey(
        Office, on_delete=models.CASCADE, related_name="onet_scores", verbose_name="สำนักงาน"
    )
    scope = models.CharField("ระดับ", max_length=10, choices=Scope.choices)
    province = models.ForeignKey(
        Province, on_delete=models.PROTECT, null=True, blank=True, verbose_name="จังหวัด"
    )
    grade = models.PositiveSmallIntegerField("ชั้น ม.", choices=[(3, "ม.๓"), (6, "ม.๖")])
    academic_year = models.PositiveIntegerField("ปีการศึกษา (พ.ศ.)")
    subject = models.ForeignKey(OnetSubject, on_delete=models.PROTECT, verbose_name="วิชา")
    score = models.DecimalField(
        "คะแนนเฉลี่ย",
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )

    class Meta:
        verbose_name = "คะแนน O-NET"
        verbose_name_plural = "คะแนน O-NET"
        ordering = ["office", "grade", "scope", "province", "academic_year", "subject__order"]
        constraints = [
            models.UniqueConstraint(
                fields=["office", "scope", "province", "grade", "academic_year", "subject"],
                condition=Q(province__isnull=False),
                name="onet_province_unique",
            ),
            models.UniqueConstraint(
                fields=["office", "scope", "grade", "academic_year", "subject"],
                condition=Q(province__isnull=True),
                name="onet_scope_unique",
            ),
            models.CheckConstraint(
                condition=(Q(scope="province") & Q(province__isnull=False))
                | (~Q(scope="province") & Q(province__isnull=True)),
                name="onet_province_iff_scope_province",
                violation_error_message="ต้องระบุจังหวัดเฉพาะคะแนนระดับจังหวัด",
            ),
            models.CheckConstraint(
                condition=Q(score__gte=0) & Q(score__lte=100),
                name="onet_score_0_100",
                violation_error_message="คะแนน O-NET ต้องอยู่ระหว่าง ๐ ถึง ๑๐๐",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.subject} ม.{self.grade} {self.academic_year}"


class ObecIndicatorRating(models.Model):
    """The office's rating on one of OBEC's action-plan indicators (report table 12)."""

    office = models.ForeignKey(Office, on_delete=models.CASCADE, verbose_name="สำนักงาน")
    fiscal_year = models.ForeignKey(FiscalYear, on_delete=models.PROTECT, verbose_name="ปีงบประมาณ")
    number = models.PositiveSmallIntegerField("ตัวชี้วัดที่")
    text = models.TextField("ตัวชี้วัด")
    level = models.PositiveSmallIntegerField(
        "ระดับคุณภาพ",
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
        help_text="เว้นว่างถ้าไม่ประเมินระดับคุณภาพ",
    )
    note = models.TextField("หมายเหตุ", blank=True)
    # An indicator not rated is judged by its provinces' results against this (ร้อยละ).
    target = models.DecimalField(
        "ค่าเป้าหมาย (ร้อยละ)", max_digits=6, decimal_places=2, null=True, blank=True
    )

    class Meta:
        verbose_name = "ผลการประเมินตัวชี้วัด สพฐ."
        verbose_name_plural = "ผลการประเมินตัวชี้วัด สพฐ."
        ordering = ["office", "fiscal_year", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["office", "fiscal_year", "number"], name="obec_rating_unique"
            ),
            models.CheckConstraint(
                condition=Q(level__isnull=True) | (Q(level__gte=1) & Q(level__lte=5)),
                name="obec_rating_level_1_5",
                violation_error_message="ระดับคุณภาพต้องอยู่ระหว่าง ๑ ถึง ๕",
            ),
        ]

    def __str__(self) -> str:
        return f"ตัวชี้วัดที่ {thai.to_thai_digits(self.number)}"

    @property
    def level_label(self) -> str:
        return quality_label(self.level)


class ObecIndicatorProvinceResult(models.Model):
    rating = models.ForeignKey(
        ObecIndicatorRating,
        on_delete=models.CASCADE,
        related_name="province_results",
        verbose_name="ตัวชี้วัด",
    )
    province = models.ForeignKey(Province, on_delete=models.PROTECT, verbose_name="จังหวัด")
    value = models.DecimalField("ผลการดำเนินงาน (ร้อยละ)", max_digits=6, decimal_places=2)

    class Meta:
        verbose_name = "ผลตัวชี้วัด สพฐ. รายจังหวัด"
        verbose_name_plural = "ผลตัวชี้วัด สพฐ. รายจังหวัด"
        constraints = [
            models.UniqueConstraint(fields=["rating", "province"], name="obec_province_unique")
        ]

    def __str__(self) -> str:
        return f"{self.province}: {self.value}"


class ItaAssessment(models.Model):
    """The integrity and transparency assessment (ITA Online) of an office for a year."""

    office = models.ForeignKey(Office, on_delete=models.CASCADE, verbose_name="สำนักงาน")
    fiscal_year = models.ForeignKey(FiscalYear, on_delete=models.PROTECT, verbose_name="ปีงบประมาณ")
    score = models.DecimalField(
        "คะแนน",
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    level = models.CharField("ระดับ", max_length=5)
    previous_score = models.DecimalField(
        "คะแนนปีก่อน", max_digits=5, decimal_places=2, null=True, blank=True
    )
    previous_level = models.CharField("ระดับปีก่อน", max_length=5, blank=True)

    class Meta:
        verbose_name = "ผลการประเมิน ITA"
        verbose_name_plural = "ผลการประเมิน ITA"
        ordering = ["office", "-fiscal_year__year"]
        constraints = [
            models.UniqueConstraint(fields=["office", "fiscal_year"], name="ita_unique"),
            models.CheckConstraint(
                condition=Q(score__gte=0) & Q(score__lte=100),
                name="ita_score_0_100",
                violation_error_message="คะแนน ITA ต้องอยู่ระหว่าง ๐ ถึง ๑๐๐",
            ),
        ]

    def __str__(self) -> str:
        return f"ITA {self.fiscal_year}: {self.score} ({self.level})"

    @property
    def change(self):
        return None if self.previous_score is None else self.score - self.previous_score


class StandardItem(models.Model):
    """A node of the office-standards assessment (มาตรฐานสำนักงานเขตพื้นที่การศึกษา):
    a standard, one of its indicators, or a sub-point, each rated 1 to 5 or left unrated."""

    class Kind(models.TextChoices):
        STANDARD = "standard", "มาตรฐาน"
        INDICATOR = "indicator", "ตัวบ่งชี้"
        POINT = "point", "ประเด็นพิจารณา"

    office = models.ForeignKey(Office, on_delete=models.CASCADE, verbose_name="สำนักงาน")
    fiscal_year = models.ForeignKey(FiscalYear, on_delete=models.PROTECT, verbose_name="ปีงบประมาณ")
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
        verbose_name="อยู่ภายใต้",
    )
    kind = models.CharField("ประเภท", max_length=10, choices=Kind.choices)
    order = models.PositiveSmallIntegerField("ลำดับ")
    label = models.CharField("เลขที่", max_length=30)
    name = models.TextField("ชื่อ")
    level = models.PositiveSmallIntegerField(
        "ระดับคุณภาพ", null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    note = models.CharField("หมายเหตุ", max_length=200, blank=True)

    class Meta:
        verbose_name = "ผลการประเมินมาตรฐานสำนักงานเขตพื้นที่"
        verbose_name_plural = "ผลการประเมินมาตรฐานสำนักงานเขตพื้นที่"
        ordering = ["office", "fiscal_year", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["office", "fiscal_year", "order"], name="standard_item_order_unique"
            ),
            models.CheckConstraint(
                condition=Q(level__isnull=True) | (Q(level__gte=1) & Q(level__lte=5)),
                name="standard_item_level_1_5",
                violation_error_message="ระดับคุณภาพต้องอยู่ระหว่าง ๑ ถึง ๕",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.label}"

    @property
    def level_label(self) -> str:
        return quality_label(self.level)
