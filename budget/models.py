"""Money, per fiscal year: the office's budget by category (allocations received in
instalments and disbursements as ledger entries) and the action plan's allocations to
projects and activities. Totals, remainders and rates are computed, never stored."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from plans import thai
from plans.models import FiscalYear, Office, Plan, quarter_1_to_4
from plans.money import MONEY
from projects.models import Activity, Project

# The document number of the ledger entries a quarterly report posts on approval
# ("progress:<report pk>", progress/services.py): such an entry belongs to its report.
REPORT_REF_PREFIX = "progress:"
REPORT_REF_LABEL = "รายงานรายไตรมาส"


def document_label(document_no: str) -> str:
    """A document number as people read it: a report's internal reference by its name."""
    text = str(document_no or "")
    return REPORT_REF_LABEL if text.startswith(REPORT_REF_PREFIX) else text


def positive_amount(name: str) -> models.CheckConstraint:
    """Every amount of money entered is more than zero (a correction is its own entry)."""
    return models.CheckConstraint(
        condition=Q(amount__gt=0), name=name, violation_error_message="จำนวนเงินต้องมากกว่าศูนย์"
    )


class ProjectMoney:
    """An amount on a project, or on one of its activities (allocations, disbursements)."""

    def __str__(self) -> str:
        return f"{self.project} – {self.amount}"

    def clean(self) -> None:
        if self.activity_id and self.activity.project_id != self.project_id:
            raise ValidationError({"activity": "กิจกรรมต้องอยู่ในโครงการเดียวกัน"})


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
            positive_amount("office_allocation_positive"),
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
            positive_amount("office_disbursement_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.category} {self.amount}"


class ProjectAllocation(ProjectMoney, models.Model):
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
            positive_amount("project_allocation_positive"),
        ]


class ProjectDisbursement(ProjectMoney, models.Model):
    """A disbursement (เบิกจ่าย) of a project's money, on one of its activities or on the
    project as a whole: a ledger entry, never edited in place (see budget/services.py).

    A reversal (กลับรายการ) is an entry of its own: the negative of the entry it `reverses`,
    with finance's reason as its note, so that every sum of `amount` stays right and the
    ledger keeps both lines. An entry is reversed at most once; a reversal is not reversed."""

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
    reverses = models.OneToOneField(
        "self",
        # RESTRICT, not PROTECT: an entry with its reversal cannot be deleted alone, but
        # both go when their project (or plan, or office) is deleted as a whole.
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="reversal",
        verbose_name="กลับรายการของ",
    )

    class Meta:
        verbose_name = "การเบิกจ่ายงบประมาณโครงการ"
        verbose_name_plural = "การเบิกจ่ายงบประมาณโครงการ"
        ordering = ["project", "paid_on", "pk"]
        constraints = [
            # An entry is more than zero; only a reversal is negative.
            models.CheckConstraint(
                condition=Q(amount__gt=0, reverses__isnull=True)
                | Q(amount__lt=0, reverses__isnull=False),
                name="project_disbursement_sign",
                violation_error_message="จำนวนเงินต้องมากกว่าศูนย์",
            ),
        ]

    @property
    def from_report(self) -> bool:
        """Posted by the approval of a quarterly report: it changes only through that report
        (reopen and approve again) or by finance's reversal."""
        return self.document_no.startswith(REPORT_REF_PREFIX)


class BudgetTransfer(models.Model):
    """Money moved (โอนเปลี่ยนแปลง) between two activities of a project, or between two
    projects of the same plan (optionally naming an activity at either end). Recorded by
    the planning or finance group once approved; see budget/services.py."""

    from_project = models.ForeignKey(
        Project,
        on_delete=models.CASCADE,
        related_name="transfers_out",
        verbose_name="โอนจากโครงการ",
    )
    from_activity = models.ForeignKey(
        Activity,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="transfers_out",
        verbose_name="โอนจากกิจกรรม",
    )
    to_project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="transfers_in", verbose_name="โอนไปโครงการ"
    )
    to_activity = models.ForeignKey(
        Activity,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="transfers_in",
        verbose_name="โอนไปกิจกรรม",
    )
    amount = models.DecimalField("จำนวนเงิน (บาท)", **MONEY)
    transferred_on = models.DateField("วันที่อนุมัติการโอน")
    reason = models.TextField("เหตุผลการโอน")
    approved_by = models.CharField(
        "ผู้อนุมัติ", max_length=200, help_text="ชื่อและตำแหน่งผู้อนุมัติ เช่น ผู้อำนวยการ สพม."
    )
    letter_no = models.CharField("เลขที่หนังสืออนุมัติ", max_length=100, blank=True)
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
        verbose_name = "การโอนเปลี่ยนแปลงงบประมาณ"
        verbose_name_plural = "การโอนเปลี่ยนแปลงงบประมาณ"
        ordering = ["transferred_on", "pk"]
        constraints = [
            positive_amount("budget_transfer_positive"),
            # Within one project, money moves between two different activities only.
            models.CheckConstraint(
                condition=~Q(from_project=models.F("to_project"))
                | (
                    Q(from_activity__isnull=False, to_activity__isnull=False)
                    & ~Q(from_activity=models.F("to_activity"))
                ),
                name="budget_transfer_moves_money",
                violation_error_message="ภายในโครงการเดียวกันต้องโอนระหว่างกิจกรรมสองกิจกรรมที่ต่างกัน",
            ),
        ]

    def __str__(self) -> str:
        return f"โอน {thai.format_money(self.amount)} บาท"

    def clean(self) -> None:
        errors = {}
        if self.from_activity_id and self.from_activity.project_id != self.from_project_id:
            errors["from_activity"] = "กิจกรรมต้องอยู่ในโครงการต้นทาง"
        if self.to_activity_id and self.to_activity.project_id != self.to_project_id:
            errors["to_activity"] = "กิจกรรมต้องอยู่ในโครงการปลายทาง"
        if (
            self.from_project_id
            and self.to_project_id
            and self.from_project.plan_id != self.to_project.plan_id
        ):
            errors["to_project"] = "โอนได้เฉพาะระหว่างโครงการในแผนปฏิบัติการเดียวกัน"
        if errors:
            raise ValidationError(errors)


class DisbursementTarget(models.Model):
    """The cumulative disbursement target (ร้อยละ) by the end of a quarter of the plan's
    fiscal year, against which each project and the office are measured."""

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="disbursement_targets", verbose_name="แผน"
    )
    quarter = models.PositiveSmallIntegerField("ไตรมาส")
    cumulative_percent = models.DecimalField(
        "เป้าหมายการเบิกจ่ายสะสม (ร้อยละ)", max_digits=5, decimal_places=2
    )

    class Meta:
        verbose_name = "เป้าหมายการเบิกจ่ายรายไตรมาส"
        verbose_name_plural = "เป้าหมายการเบิกจ่ายรายไตรมาส"
        ordering = ["plan", "quarter"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "quarter"], name="disbursement_target_unique"),
            quarter_1_to_4("disbursement_target_quarter"),
            models.CheckConstraint(
                condition=Q(cumulative_percent__gte=0, cumulative_percent__lte=100),
                name="disbursement_target_percent",
                violation_error_message="เป้าหมายต้องอยู่ระหว่างร้อยละ ๐ ถึง ๑๐๐",
            ),
        ]

    def __str__(self) -> str:
        percent = thai.format_percent(self.cumulative_percent)
        return f"{thai.quarter_label(self.quarter)} ร้อยละ {percent}"
