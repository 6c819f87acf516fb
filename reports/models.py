"""The tables reports owns: PDF renderings of the annual report requested from the web, and
the documents published for the public (the report itself is read from the other apps,
never stored)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from plans import files


class ReportJob(models.Model):
    """One request for the annual report as PDF, rendered by a worker of the task queue (or
    at once by the immediate backend) so that a long report does not hold a web worker."""

    class Status(models.TextChoices):
        QUEUED = "queued", "รอคิว"
        RUNNING = "running", "กำลังจัดทำ"
        DONE = "done", "เสร็จแล้ว"
        FAILED = "failed", "ไม่สำเร็จ"

    plan = models.ForeignKey(
        "plans.Plan", on_delete=models.CASCADE, related_name="report_jobs", verbose_name="แผน"
    )
    status = models.CharField("สถานะ", max_length=10, choices=Status.choices, default="queued")
    progress = models.PositiveSmallIntegerField("ความคืบหน้า (ร้อยละ)", default=0)
    file = files.FileField(
        "ไฟล์ PDF", upload_to=files.PrivateName("reports"), url_name="files:report_pdf", blank=True
    )
    error = models.TextField("ข้อผิดพลาด", blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="ผู้ขอ",
    )
    created_at = models.DateTimeField("ขอเมื่อ", auto_now_add=True)
    finished_at = models.DateTimeField("เสร็จเมื่อ", null=True, blank=True)
    # The task queue's side (reports/services.py): which task runs it, how many times a
    # worker started it, and when the running worker last said it was alive.
    task_id = models.CharField("รหัสงานในคิว", max_length=64, blank=True)
    attempts = models.PositiveSmallIntegerField("จำนวนครั้งที่เริ่มจัดทำ", default=0)
    heartbeat_at = models.DateTimeField("สัญญาณล่าสุดจากเครื่องประมวลผล", null=True, blank=True)
    # plans.versions.data_version of the plan's office when the render started: while it
    # is still the office's version, this PDF is the report as it stands.
    data_version = models.CharField("รุ่นของข้อมูล", max_length=80, blank=True)

    class Meta:
        verbose_name = "งานจัดทำรายงาน PDF"
        verbose_name_plural = "งานจัดทำรายงาน PDF"
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(progress__gte=0) & Q(progress__lte=100),
                name="report_job_progress_0_100",
                violation_error_message="ความคืบหน้าต้องอยู่ระหว่าง ๐ ถึง ๑๐๐",
            )
        ]

    def __str__(self) -> str:
        return f"{self.plan} – {self.get_status_display()}"

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)


class PublicationQuerySet(models.QuerySet):
    def published(self):
        """Published versions, newest first: a document's first is its current version, the
        one its public address serves (or answers 410 for, once withdrawn)."""
        return self.filter(status=Publication.Status.PUBLISHED).order_by("-pk")


class Publication(models.Model):
    """One published version of a document of the registry (reports/documents.py) for a
    plan: a PDF stored when it was published (a snapshot: later edits of the data do not
    change it), readable without signing in at the plan's public address until it is
    withdrawn (with a reason) or replaced by a newer version (reports/publishing.py)."""

    class Status(models.TextChoices):
        PENDING = "pending", "กำลังจัดทำไฟล์"
        PUBLISHED = "published", "เผยแพร่แล้ว"
        FAILED = "failed", "จัดทำไฟล์ไม่สำเร็จ"

    plan = models.ForeignKey(
        "plans.Plan", on_delete=models.CASCADE, related_name="publications", verbose_name="แผน"
    )
    document = models.SlugField("เอกสาร", max_length=50)
    status = models.CharField("สถานะ", max_length=10, choices=Status.choices, default="pending")
    file = files.FileField(
        "ไฟล์ PDF",
        upload_to=files.PrivateName("published"),
        url_name="files:publication",
        blank=True,
    )
    size = models.PositiveBigIntegerField("ขนาดไฟล์ (ไบต์)", default=0)
    sha256 = models.CharField("ลายนิ้วมือของไฟล์ (SHA-256)", max_length=64, blank=True)
    # plans.versions.data_version of the office read before the document's data: while it
    # is still the office's version, the published file is the document as it stands.
    data_version = models.CharField("รุ่นของข้อมูล", max_length=80, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="ผู้เผยแพร่",
    )
    requested_at = models.DateTimeField("สั่งเผยแพร่เมื่อ", auto_now_add=True)
    published_at = models.DateTimeField("เผยแพร่เมื่อ", null=True, blank=True)
    withdrawn_at = models.DateTimeField("ถอนการเผยแพร่เมื่อ", null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="ผู้ถอนการเผยแพร่",
    )
    withdraw_reason = models.TextField("เหตุผลที่ถอนการเผยแพร่", blank=True)
    error = models.TextField("ข้อผิดพลาด", blank=True)

    objects = PublicationQuerySet.as_manager()

    class Meta:
        verbose_name = "การเผยแพร่เอกสาร"
        verbose_name_plural = "การเผยแพร่เอกสาร"
        ordering = ["-requested_at", "-pk"]
        indexes = [models.Index(fields=["plan", "document", "-id"], name="publication_latest")]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["pending", "published", "failed"]),
                name="publication_status_known",
            ),
            models.CheckConstraint(
                condition=~Q(status="published")
                | (Q(published_at__isnull=False) & ~Q(file="") & ~Q(sha256="")),
                name="publication_published_has_file",
                violation_error_message="เอกสารที่เผยแพร่แล้วต้องมีไฟล์และวันที่เผยแพร่",
            ),
            models.CheckConstraint(
                condition=(Q(withdrawn_at__isnull=True) & Q(withdraw_reason=""))
                | (Q(withdrawn_at__isnull=False, status="published") & ~Q(withdraw_reason="")),
                name="publication_withdrawn_with_reason",
                violation_error_message="การถอนการเผยแพร่ต้องระบุเหตุผล",
            ),
            models.UniqueConstraint(
                fields=["plan", "document"],
                condition=Q(status="pending"),
                name="publication_one_pending",
                violation_error_message="เอกสารนี้กำลังจัดทำไฟล์เพื่อเผยแพร่อยู่แล้ว",
            ),
        ]

    def __str__(self) -> str:
        from reports.documents import document

        found = document(self.document)
        title = found.title if found is not None else self.document
        return f"{title} {self.plan.fiscal_year}"

    @property
    def is_withdrawn(self) -> bool:
        return self.withdrawn_at is not None


class PlanApproval(models.Model):
    """The plan as the office approved it at the start of the year (the director's order),
    kept as printed: the action plan and the spending plan print it from here, whatever was
    edited, transferred or added during the year (reports/approvals.py). Recorded again when
    the office approves a revised plan; the newest is the one printed."""

    plan = models.ForeignKey(
        "plans.Plan", on_delete=models.CASCADE, related_name="approvals", verbose_name="แผน"
    )
    approved_on = models.DateField("วันที่อนุมัติแผน")
    reference = models.CharField("คำสั่งหรือหนังสืออนุมัติ", max_length=200, blank=True)
    snapshot = models.JSONField("แผนตามที่อนุมัติ")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="ผู้บันทึก",
    )
    recorded_at = models.DateTimeField("บันทึกเมื่อ", auto_now_add=True)

    class Meta:
        verbose_name = "แผนที่ได้รับอนุมัติ"
        verbose_name_plural = "แผนที่ได้รับอนุมัติ"
        ordering = ["-recorded_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.plan} – อนุมัติ {self.approved_on}"
