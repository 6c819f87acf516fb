"""A file uploaded for import, kept privately between its preview and its confirmation."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from plans.files import PrivateName
from plans.models.offices import Office


class ImportUpload(models.Model):
    """The one file a user has uploaded for one kind of import in one office (plans/imports/):
    the preview reads it, and the confirmation reads the same stored file again, so what is
    confirmed is never what the browser sends. A new upload replaces it; the confirmation
    deletes it. Machinery, not data: not in the audit trail (the import's own writes are)."""

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

    class Meta:
        verbose_name = "ไฟล์ที่อัปโหลดเพื่อนำเข้า"
        verbose_name_plural = "ไฟล์ที่อัปโหลดเพื่อนำเข้า"
        constraints = [
            models.UniqueConstraint(fields=["user", "office", "kind"], name="import_upload_unique")
        ]

    def __str__(self) -> str:
        return self.name
