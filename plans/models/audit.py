"""The audit trail's entry (written through plans/audit.py)."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from plans.models.offices import Office


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
