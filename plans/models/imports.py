"""A file uploaded for import, kept privately between its preview and its confirmation, with
the state of its check and its import (each a task of the task queue)."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from plans.files import PrivateName
from plans.models.offices import Office


class ImportUpload(models.Model):
    """The one file a user has uploaded for one kind of import in one office (plans/imports/):
    the preview reads it, and the confirmation reads the same stored file again, so what is
    confirmed is never what the browser sends. A new upload replaces it; the confirmation
    deletes it. Machinery, not data: not in the audit trail (the import's own writes are).

    The check (the preview's dry run) and the import run as tasks (plans/tasks.py): `status`
    says where the work is, `outcome` keeps what the preview shows (bounded:
    plans.imports.running.Outcome.stored), `attempt` names the task that may write it now."""

    class Status(models.TextChoices):
        UPLOADED = "uploaded", "อัปโหลดแล้ว"
        CHECKING = "checking", "กำลังตรวจสอบไฟล์"
        CHECKED = "checked", "ตรวจสอบแล้ว พร้อมนำเข้า"
        REFUSED = "refused", "ไฟล์มีข้อผิดพลาด"
        IMPORTING = "importing", "กำลังนำเข้า"
        DONE = "done", "นำเข้าแล้ว"
        FAILED = "failed", "ไม่สำเร็จ"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name="ผู้อัปโหลด",
    )
    office = models.ForeignKey(
        Office, on_delete=models.CASCADE, related_name="+", verbose_name="สำนักงาน"
    )
    kind = models.CharField("ชนิดข้อมูล", max_length=50)
    file = models.FileField("ไฟล์", upload_to=PrivateName("imports"), max_length=200)
    name = models.CharField("ชื่อไฟล์เดิม", max_length=255)
    size = models.PositiveBigIntegerField("ขนาด (ไบต์)")
    digest = models.CharField("ค่าตรวจสอบ (SHA-256)", max_length=64)
    uploaded_at = models.DateTimeField("อัปโหลดเมื่อ", auto_now_add=True)
    status = models.CharField(
        "สถานะ", max_length=20, choices=Status.choices, default=Status.UPLOADED
    )
    outcome = models.JSONField("ผลการตรวจสอบหรือการนำเข้า", null=True, blank=True)
    attempt = models.PositiveIntegerField("ครั้งที่สั่งงาน", default=0)
    task_id = models.CharField("รหัสงานในคิว", max_length=64, blank=True)
    queued_at = models.DateTimeField("เข้าคิวเมื่อ", null=True, blank=True)
    started_at = models.DateTimeField("เริ่มเมื่อ", null=True, blank=True)
    finished_at = models.DateTimeField("เสร็จเมื่อ", null=True, blank=True)
    error = models.TextField("ข้อผิดพลาด", blank=True)

    class Meta:
        verbose_name = "ไฟล์ที่อัปโหลดเพื่อนำเข้า"
        verbose_name_plural = "ไฟล์ที่อัปโหลดเพื่อนำเข้า"
        constraints = [
            models.UniqueConstraint(fields=["user", "office", "kind"], name="import_upload_unique")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_working(self) -> bool:
        return self.status in (self.Status.UPLOADED, self.Status.CHECKING, self.Status.IMPORTING)
