"""The audit trail's entry (written through plans/audit.py)."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from plans.models.offices import Office


class AuditAction(models.TextChoices):
    """What happened, stored as the code; the label is what a history prints."""

    CREATE = "create", "เพิ่ม"
    UPDATE = "update", "แก้ไข"
    DELETE = "delete", "ลบ"
    SUBMIT = "submit", "ส่งรายงาน"
    APPROVE = "approve", "อนุมัติ"
    RETURN = "return", "ส่งกลับแก้ไข"
    REOPEN = "reopen", "เปิดให้แก้ไขอีกครั้ง"
    REVERSE = "reverse", "กลับรายการเบิกจ่าย"
    TRANSFER = "transfer", "โอนงบประมาณ"
    LOAD = "load", "โหลดข้อมูลตัวอย่าง"
    PUBLISH = "publish", "เผยแพร่"
    WITHDRAW = "withdraw", "ถอนการเผยแพร่"


class AuditEntry(models.Model):
    """One change to a row: who, when, what, and each field's old and new value, keyed by
    field name. Written by plans/audit.py for every save and delete, in the transaction that
    makes the change; entries written before that carry Thai labels as keys and actions."""

    # No database constraint: the trail outlives what it records, the office included (an
    # office's deletion writes entries in the transaction that deletes it).
    office = models.ForeignKey(
        Office,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="audit_entries",
        verbose_name="สำนักงาน",
        help_text="ว่างสำหรับข้อมูลกลางที่ไม่ได้เป็นของสำนักงานใด",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="audit_entries",
        verbose_name="ผู้ดำเนินการ",
    )
    # The author's name as it was, so that a deleted account's edits stay theirs.
    user_name = models.CharField("ชื่อผู้ดำเนินการ", max_length=150, blank=True)
    at = models.DateTimeField("เวลา", auto_now_add=True, db_index=True)
    object_type = models.CharField("ประเภทข้อมูล", max_length=100)
    object_id = models.PositiveBigIntegerField("รหัสข้อมูล")
    object_label = models.CharField("รายการ", max_length=300, blank=True)
    # The record whose history shows this change (a disbursement's project), if not itself.
    parent_type = models.CharField("ประเภทข้อมูลหลัก", max_length=100, blank=True)
    parent_id = models.PositiveBigIntegerField("รหัสข้อมูลหลัก", null=True, blank=True)
    action = models.CharField("การกระทำ", max_length=50, choices=AuditAction.choices)
    changes = models.JSONField("การเปลี่ยนแปลง", default=dict, blank=True)
    note = models.TextField("หมายเหตุ/เหตุผล", blank=True)

    class Meta:
        verbose_name = "ประวัติการเปลี่ยนแปลง"
        verbose_name_plural = "ประวัติการเปลี่ยนแปลง"
        ordering = ["-at", "-pk"]
        indexes = [
            models.Index(fields=["object_type", "object_id", "-at"]),
            models.Index(fields=["parent_type", "parent_id", "-at"]),
        ]

    def __str__(self) -> str:
        return f"{self.object_label} – {self.get_action_display()}"
