"""Money, per fiscal year: the office's budget by category (allocations received in
instalments and disbursements as ledger entries) and the action plan's allocations to
projects and activities. Totals, remainders and rates are computed, never stored."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from plans.models import FiscalYear, Office
from projects.models import Activity, Project

MONEY = {"max_digits": 15, "decimal_places": 2}


class BudgetCategory(models.Model):
    """A budget category of report table 13 (งบบุคลากร, งบดำเนินงาน ...). The central fund
    (งบกลาง) is shown apart from the office's total."""

    code = models.SlugField("รหัส", max_length=30, unique=True)
    name = models.CharField("หมวดงบประมาณ", max_length=100, unique=True)
    order = models.PositiveSmallIntegerField("ลำดับ")
    is_central_fund = models.BooleanField("งบกลาง (แสดงแยกจากยอดรวม)", default=False)

    class Meta:
        verbose_name = "หมวดงบประมาณ"
        verbose_name_plural = "หมวดงบประมาณ"
        ordering = ["order"]

    def __str__(self) -> str:
        return self.name


class OfficeAllocation(models.Model):
    """One instalment of money allocated to the office in a category (จัดสรรครั้งที่ ...)."""

    office = models.ForeignKey(
        Office, on_delete=models.CASCADE, related_name="allocations", verbose_name="สำนักงาน"
    )
    fiscal_year = models.ForeignKey(FiscalYear, on_delete=models.PROTECT, verbose_name="ปีงบประมาณ")
    category = models.ForeignKey(BudgetCategory, on_delete=models.PROTECT, verbose_name="หมวดงบ")
    number = models.PositiveSmallIntegerField("ครั้งที่")
    received_on = models.DateField("วันที่ได้รับจัดสรร", null=True, blank=True)
    letter_no = models.CharField("เลขที่หนังสือ", max_length=100, blank=True)
    amount = models.DecimalField("จำนวนเงิน (บาท)", **MONEY)
    note = models.CharField("หมายเหตุ", max_length=300, blank=True)

    class Meta:
        verbose_name = "การจัดสรรงบประมาณของสำนักงาน"
        verbose_name_plural = "การจัดสรรงบประมาณของสำนักงาน"
        ordering = ["office", "fiscal_year", "category__order", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["office", "fiscal_year", "category", "number"],
                name="office_allocation_unique",
            ),
            models.CheckConstraint(
                condition=Q(amount__gt=0),
                name="office_allocation_positive",
                violation_error_message="จำนวนเงินต้องมากกว่าศูนย์",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.category} ครั้งที่ {self.number}"


class OfficeDisbursement(models.Model):
    """A disbursement (เบิกจ่าย) from the office's budget in a category."""

    office = models.ForeignKey(
        Office, on_delete=models.CASCADE, related_name="disbursements", verbose_name="สำนักงาน"
    )
    fiscal_year = models.ForeignKey(FiscalYear, on_delete=models.PROTECT, verbose_name="ปีงบประมาณ")
    category = models.ForeignKey(BudgetCategory, on_delete=models.PROTECT, verbose_name="หมวดงบ")
    paid_on = models.DateField("วันที่เบิกจ่าย", null=True, blank=True)
    document_no = models.CharField("เลขที่เอกสาร", max_length=100, blank=True)
    amount = models.DecimalField("จำนวนเงิน (บาท)", **MONEY)
    note = models.CharField("หมายเหตุ", max_length=300, blank=True)

    class Meta:
        verbose_name = "การเบิกจ่ายงบประมาณของสำนักงาน"
        verbose_name_plural = "การเบิกจ่ายงบประมาณของสำนักงาน"
        ordering = ["office", "fiscal_year", "category__order", "paid_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gt=0),
                name="office_disbursement_positive",
                violation_error_message="จำนวนเงินต้องมากกว่าศูนย์",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.category} {self.amount}"


class ProjectAllocation(models.Model):
    """Money the action plan allocates to a project, or to one of its activities."""

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="allocations", verbose_name="โครงการ"
    )
    activity = models.ForeignKey(
        Activity,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="allocations",
        verbose_name="กิจกรรม",
    )
    number = models.PositiveSmallIntegerField("ครั้งที่", default=1)
    received_on = models.DateField("วันที่จัดสรร", null=True, blank=True)
    letter_no = models.CharField("เลขที่หนังสือ", max_length=100, blank=True)
    amount = models.DecimalField("จำนวนเงิน (บาท)", **MONEY)
    note = models.CharField("หมายเหตุ", max_length=300, blank=True)

    class Meta:
        verbose_name = "งบประมาณโครงการ"
        verbose_name_plural = "งบประมาณโครงการ"
        ordering = ["project", "activity", "number"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gt=0),
                name="project_allocation_positive",
                violation_error_message="จำนวนเงินต้องมากกว่าศูนย์",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.project} – {self.amount}"

    def clean(self) -> None:
        if self.activity_id and self.activity.project_id != self.project_id:
            raise ValidationError({"activity": "กิจกรรมต้องอยู่ในโครงการเดียวกัน"})


class ProjectDisbursement(models.Model):
    """A disbursement (เบิกจ่าย) of a project's money, on one of its activities or on the
    project as a whole: a ledger entry, never edited in place (see budget/services.py)."""

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="disbursements", verbose_name="โครงการ"
    )
    activity = models.ForeignKey(
        Activity,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="disbursements",
        verbose_name="กิจกรรม",
    )
    paid_on = models.DateField("วันที่เบิกจ่าย")
    amount = models.DecimalField("จำนวนเงิน (บาท)", **MONEY)
    document_no = models.CharField("เลขที่เอกสาร", max_length=100, blank=True)
    note = models.CharField("หมายเหตุ", max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="ผู้บันทึก",
    )
    created_at = models.DateTimeField("บันทึกเมื่อ", auto_now_add=True)

    class Meta:
        verbose_name = "การเบิกจ่ายงบประมาณโครงการ"
        verbose_name_plural = "การเบิกจ่ายงบประมาณโครงการ"
        ordering = ["project", "paid_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gt=0),
                name="project_disbursement_positive",
                violation_error_message="จำนวนเงินต้องมากกว่าศูนย์",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.project} – {self.amount}"
