"""The quarterly progress report of a project (รายงานความก้าวหน้ารายไตรมาส): its narrative,
the values and money it reports while in draft, its photos, and the deadlines.

`progress` sits above `projects`, `indicators` and `budget`: it refers to their models, and
only its approval service writes into them (approved values become `IndicatorResult`s, the
quarter's money becomes `ProjectDisbursement` ledger entries). Whether a report is overdue
is computed from the deadline, never stored.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from indicators.models import UNIT_CHOICES
from plans import files, thai
from plans.manage.texts import validate_figures
from plans.models import QUARTER_VALIDATORS, quarter_1_to_4
from plans.money import MONEY

QUARTER_CHOICES = [(q, thai.quarter_label(q)) for q in thai.FISCAL_QUARTERS]
# Default deadline: this many days after the quarter ends (planning may set another per year).
DEFAULT_DEADLINE_DAYS = 15
VALUE = {"max_digits": 14, "decimal_places": 2}


def default_deadline(year_be: int, quarter: int) -> date:
    return thai.quarter_bounds(year_be, quarter)[1] + timedelta(days=DEFAULT_DEADLINE_DAYS)


class ReportDeadline(models.Model):
    """The day a quarter's reports are due, where it differs from the default
    (15 days after the quarter ends)."""

    fiscal_year = models.ForeignKey(
        "plans.FiscalYear", on_delete=models.CASCADE, verbose_name="ปีงบประมาณ"
    )
    quarter = models.PositiveSmallIntegerField(
        "ไตรมาส", choices=QUARTER_CHOICES, validators=QUARTER_VALIDATORS
    )
    due_on = models.DateField("กำหนดส่ง")

    class Meta:
        verbose_name = "กำหนดส่งรายงานรายไตรมาส"
        verbose_name_plural = "กำหนดส่งรายงานรายไตรมาส"
        ordering = ["-fiscal_year__year", "quarter"]
        constraints = [
            models.UniqueConstraint(fields=["fiscal_year", "quarter"], name="deadline_unique"),
            quarter_1_to_4("deadline_quarter_1_to_4"),
        ]

    def __str__(self) -> str:
        return f"{self.fiscal_year} {thai.quarter_label(self.quarter)}"


class QuarterlyReport(models.Model):
    """One project's report for one quarter. Editable in draft and returned; locked once
    submitted (until returned) and once approved (until planning reopens it)."""

    class Status(models.TextChoices):
        DRAFT = "draft", "ร่าง"
        SUBMITTED = "submitted", "ส่งแล้ว รอพิจารณา"
        RETURNED = "returned", "ส่งกลับแก้ไข"
        APPROVED = "approved", "อนุมัติแล้ว"

    EDITABLE = (Status.DRAFT, Status.RETURNED)

    project = models.ForeignKey(
        "projects.Project",
        on_delete=models.CASCADE,
        related_name="quarterly_reports",
        verbose_name="โครงการ",
    )
    quarter = models.PositiveSmallIntegerField(
        "ไตรมาส", choices=QUARTER_CHOICES, validators=QUARTER_VALIDATORS
    )
    status = models.CharField("สถานะ", max_length=10, choices=Status.choices, default=Status.DRAFT)
    work_done = models.TextField("วิธีการดำเนินงาน/สิ่งที่ดำเนินการ", blank=True)
    quantitative_results = models.TextField("ผลการดำเนินงานเชิงปริมาณ", blank=True)
    qualitative_results = models.TextField("ผลการดำเนินงานเชิงคุณภาพ", blank=True)
    problems = models.TextField("ปัญหา/อุปสรรค", blank=True)
    corrective_action = models.TextField("แนวทางแก้ไข", blank=True)
    recommendations = models.TextField("แนวทางการพัฒนา/ข้อเสนอแนะ", blank=True)
    version = models.PositiveIntegerField("ฉบับที่", default=1)
    last_reason = models.TextField("เหตุผลล่าสุด", blank=True)
    updated_at = models.DateTimeField("แก้ไขล่าสุด", auto_now=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="ผู้ส่ง",
    )
    submitted_at = models.DateTimeField("ส่งเมื่อ", null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="ผู้อนุมัติ",
    )
    approved_at = models.DateTimeField("อนุมัติเมื่อ", null=True, blank=True)

    NARRATIVE = (
        "work_done",
        "quantitative_results",
        "qualitative_results",
        "problems",
        "corrective_action",
        "recommendations",
    )

    class Meta:
        verbose_name = "รายงานความก้าวหน้ารายไตรมาส"
        verbose_name_plural = "รายงานความก้าวหน้ารายไตรมาส"
        ordering = ["project", "quarter"]
        constraints = [
            models.UniqueConstraint(fields=["project", "quarter"], name="report_per_quarter"),
            quarter_1_to_4("report_quarter_1_to_4"),
            models.CheckConstraint(
                condition=Q(status__in=["draft", "submitted", "returned", "approved"]),
                name="report_status_known",
                violation_error_message="สถานะรายงานไม่ถูกต้อง",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.project} – {thai.quarter_label(self.quarter)}"

    @property
    def is_editable(self) -> bool:
        return self.status in self.EDITABLE


class ReportValue(models.Model):
    """An indicator's value as the report gives it for its quarter (draft until approved;
    on approval it is copied into `indicators.IndicatorResult`)."""

    report = models.ForeignKey(
        QuarterlyReport, on_delete=models.CASCADE, related_name="values", verbose_name="รายงาน"
    )
    indicator = models.ForeignKey(
        "indicators.Indicator", on_delete=models.CASCADE, related_name="+", verbose_name="ตัวชี้วัด"
    )
    value = models.DecimalField("ผลการดำเนินงาน", **VALUE)
    unit = models.CharField("หน่วยของผล", max_length=20, choices=UNIT_CHOICES)
    count = models.DecimalField("จำนวนที่ดำเนินการ", null=True, blank=True, **VALUE)
    count_unit = models.CharField("หน่วยของจำนวน", max_length=20, choices=UNIT_CHOICES, blank=True)
    # Of a result that does not reach the target: how many fell short, in count_unit (copied
    # on approval into IndicatorResult.shortfall, chapter 4's "ไม่บรรลุเป้าหมาย: จำนวน").
    shortfall = models.DecimalField("จำนวนที่ไม่บรรลุ", null=True, blank=True, **VALUE)

    class Meta:
        verbose_name = "ผลตัวชี้วัดในรายงาน"
        verbose_name_plural = "ผลตัวชี้วัดในรายงาน"
        ordering = ["report", "indicator__order"]
        constraints = [
            models.UniqueConstraint(fields=["report", "indicator"], name="report_value_unique"),
            models.CheckConstraint(
                condition=Q(value__gte=0),
                name="report_value_not_negative",
                violation_error_message="ผลการดำเนินงานต้องไม่ติดลบ",
            ),
            models.CheckConstraint(
                condition=Q(shortfall__gte=0),
                name="report_value_shortfall_not_negative",
                violation_error_message="จำนวนที่ไม่บรรลุต้องไม่ติดลบ",
            ),
        ]

    # What the report gives of an indicator, in the order report_save_draft takes it.
    ROW_FIELDS = ("value", "unit", "count", "count_unit", "shortfall")

    def __str__(self) -> str:
        return f"{self.indicator}: {self.value}"

    def as_row(self) -> tuple:
        """The value as report_save_draft takes it (ROW_FIELDS)."""
        return tuple(getattr(self, name) for name in self.ROW_FIELDS)

    def clean(self) -> None:
        if self.indicator.project_id != self.report.project_id:
            raise ValidationError({"indicator": "ตัวชี้วัดต้องอยู่ในโครงการของรายงาน"})


class ReportDisbursement(models.Model):
    """Money the report says was disbursed in its quarter, on an activity or (when the
    project has no activities) on the project as a whole."""

    report = models.ForeignKey(
        QuarterlyReport,
        on_delete=models.CASCADE,
        related_name="disbursements",
        verbose_name="รายงาน",
    )
    activity = models.ForeignKey(
        "projects.Activity",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="กิจกรรม",
    )
    amount = models.DecimalField("เบิกจ่ายในไตรมาส (บาท)", **MONEY)

    class Meta:
        verbose_name = "การเบิกจ่ายในรายงาน"
        verbose_name_plural = "การเบิกจ่ายในรายงาน"
        ordering = ["report", "activity__number"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "activity"],
                condition=Q(activity__isnull=False),
                name="report_disbursement_per_activity",
            ),
            models.UniqueConstraint(
                fields=["report"],
                condition=Q(activity__isnull=True),
                name="report_disbursement_per_project",
            ),
            models.CheckConstraint(
                condition=Q(amount__gt=0),
                name="report_disbursement_positive",
                violation_error_message="จำนวนเงินต้องมากกว่าศูนย์",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.activity or 'ทั้งโครงการ'}: {self.amount}"

    def clean(self) -> None:
        if self.activity_id and self.activity.project_id != self.report.project_id:
            raise ValidationError({"activity": "กิจกรรมต้องอยู่ในโครงการของรายงาน"})


class ReportPhoto(models.Model):
    """A captioned photo of the quarter's work (plans.files.validate_image: JPEG, PNG or
    WebP, at most 5 MB and 40 million pixels), stored under a random name."""

    report = models.ForeignKey(
        QuarterlyReport, on_delete=models.CASCADE, related_name="photos", verbose_name="รายงาน"
    )
    image = files.ImageField(
        "ภาพ", upload_to=files.PrivateName("progress"), url_name="files:progress_photo"
    )
    caption = models.CharField("คำบรรยายภาพ", max_length=500)
    order = models.PositiveSmallIntegerField("ลำดับ")

    class Meta:
        verbose_name = "ภาพกิจกรรมในรายงาน"
        verbose_name_plural = "ภาพกิจกรรมในรายงาน"
        ordering = ["report", "order"]
        constraints = [
            models.UniqueConstraint(fields=["report", "order"], name="report_photo_unique")
        ]

    def __str__(self) -> str:
        return self.caption


class NarrativeEdit(models.Model):
    """The planning group's text of one section of a project's printed narrative, replacing
    the text compiled from its approved quarterly reports (progress/narrative.py). Kept
    apart from the project's own texts (projects.ProjectStatement, Project.methods) so that
    the compiled text, the typed one and the edit each keep their source, and an edit can
    be dropped to follow the reports again. `compiled` is the text the edit was made from:
    the page warns when the reports have changed since."""

    class Section(models.TextChoices):
        METHODS = "methods", "วิธีการดำเนินงาน"
        QUANTITATIVE = "quantitative", "ผลการดำเนินงานเชิงปริมาณ"
        QUALITATIVE = "qualitative", "ผลการดำเนินงานเชิงคุณภาพ"
        PROBLEMS = "problems", "ปัญหา/อุปสรรค"
        RECOMMENDATIONS = "recommendations", "แนวทางการพัฒนา/ข้อเสนอแนะ"

    project = models.ForeignKey(
        "projects.Project",
        on_delete=models.CASCADE,
        related_name="narrative_edits",
        verbose_name="โครงการ",
    )
    section = models.CharField("หัวข้อ", max_length=20, choices=Section.choices)
    # Empty: the planning group chose to print the section as "ไม่มี" (none), whatever the
    # reports say (progress/narrative.py NONE).
    text = models.TextField("ข้อความที่พิมพ์ในรายงาน", blank=True)
    compiled = models.TextField("ข้อความจากรายงานรายไตรมาสขณะแก้ไข", blank=True)

    class Meta:
        verbose_name = "ข้อความโครงการที่แก้ไขก่อนพิมพ์"
        verbose_name_plural = "ข้อความโครงการที่แก้ไขก่อนพิมพ์"
        ordering = ["project", "section"]
        constraints = [
            models.UniqueConstraint(fields=["project", "section"], name="narrative_edit_unique")
        ]

    def __str__(self) -> str:
        return f"{self.project} – {self.get_section_display()}"

    def clean(self) -> None:
        validate_figures(text=self.text)


class PrintedPhoto(models.Model):
    """A quarterly report's photo the planning group chose for the printed report. It prints
    while its report is approved (a reopened report's photos wait for its approval)."""

    photo = models.OneToOneField(
        ReportPhoto, on_delete=models.CASCADE, related_name="printed", verbose_name="ภาพ"
    )
    order = models.PositiveSmallIntegerField(
        "ลำดับในรายงาน", default=0, help_text="ภาพเรียงตามลำดับนี้ ลำดับเท่ากันเรียงตามไตรมาส"
    )
    # Empty: the caption the staff wrote in the quarterly report.
    caption = models.CharField("คำบรรยายภาพในรายงาน", max_length=500, blank=True)

    class Meta:
        verbose_name = "ภาพที่เลือกพิมพ์ในรายงานประจำปี"
        verbose_name_plural = "ภาพที่เลือกพิมพ์ในรายงานประจำปี"
        ordering = ["order", "photo__report__quarter", "photo__order"]

    def __str__(self) -> str:
        return str(self.photo)


class ReminderSent(models.Model):
    """A deadline reminder sent for a project's quarter (progress/reminders.py): the record
    that makes `send_reminders` send each reminder once, however often it runs."""

    class Stage(models.TextChoices):
        BEFORE = "before", "ใกล้ครบกำหนด"
        OVERDUE = "overdue", "เลยกำหนด"

    project = models.ForeignKey(
        "projects.Project", on_delete=models.CASCADE, related_name="+", verbose_name="โครงการ"
    )
    quarter = models.PositiveSmallIntegerField(
        "ไตรมาส", choices=QUARTER_CHOICES, validators=QUARTER_VALIDATORS
    )
    stage = models.CharField("ช่วง", max_length=10, choices=Stage.choices)
    sent_on = models.DateField("ส่งเมื่อ")

    class Meta:
        verbose_name = "การเตือนกำหนดส่งรายงาน"
        verbose_name_plural = "การเตือนกำหนดส่งรายงาน"
        ordering = ["project", "quarter", "sent_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "quarter", "stage", "sent_on"], name="reminder_once_a_day"
            ),
            quarter_1_to_4("reminder_quarter_1_to_4"),
        ]

    def __str__(self) -> str:
        return f"{self.project} {thai.quarter_label(self.quarter)} {self.get_stage_display()}"
