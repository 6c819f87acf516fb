"""The one table reports owns: PDF renderings of the annual report requested from the web
(the report itself is read from the other apps, never stored)."""

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
