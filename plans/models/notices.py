"""Notices to a person (การแจ้งเตือน): what happened to a report they submit or decide, a
deadline coming or passed, a password-reset link sent to them. Each is written by the
service that causes it, in its transaction (plans/notices/services.py `notify`), shown in
the user's list and e-mailed once after commit, as the user's preferences say."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from plans.models.offices import Office


class NoticeKind(models.TextChoices):
    REPORT_SUBMITTED = "report_submitted", "รายงานส่งมารอพิจารณา"
    REPORT_RETURNED = "report_returned", "รายงานถูกส่งกลับแก้ไข"
    REPORT_APPROVED = "report_approved", "รายงานได้รับอนุมัติ"
    REPORT_REOPENED = "report_reopened", "รายงานถูกเปิดให้แก้ไขอีกครั้ง"
    DEADLINE_SOON = "deadline_soon", "ใกล้ครบกำหนดส่งรายงาน"
    OVERDUE = "overdue", "เลยกำหนดส่งรายงาน"
    PASSWORD_RESET = "password_reset", "ส่งลิงก์ตั้งรหัสผ่านใหม่"


# Kinds whose e-mail is the thing itself, sent by its own code whatever the preferences
# (the password-reset link): the notice is the in-portal record only.
EMAILED_ELSEWHERE = frozenset({NoticeKind.PASSWORD_RESET})


class Notice(models.Model):
    """One notice to one person. `in_portal`: listed in their notices; `by_email`: to be
    e-mailed (once: `emailed_at` is set by the send, which never sends a notice twice)."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notices",
        verbose_name="ผู้รับ",
    )
    office = models.ForeignKey(
        Office, on_delete=models.CASCADE, related_name="+", verbose_name="สำนักงาน"
    )
    kind = models.CharField("ประเภท", max_length=20, choices=NoticeKind.choices)
    text = models.TextField("ข้อความ")
    link = models.CharField("ลิงก์", max_length=500, blank=True)
    created_at = models.DateTimeField("เมื่อ", default=timezone.now)
    read_at = models.DateTimeField("อ่านเมื่อ", null=True, blank=True)
    in_portal = models.BooleanField("แสดงในระบบ", default=True)
    by_email = models.BooleanField("ส่งทางอีเมล", default=False)
    emailed_at = models.DateTimeField("ส่งอีเมลเมื่อ", null=True, blank=True)

    class Meta:
        verbose_name = "การแจ้งเตือน"
        verbose_name_plural = "การแจ้งเตือน"
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["recipient", "-created_at"], name="notice_recipient_newest"),
            models.Index(
                fields=["by_email", "emailed_at"],
                condition=Q(by_email=True, emailed_at__isnull=True),
                name="notice_email_pending",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(in_portal=True) | Q(by_email=True),
                name="notice_goes_somewhere",
            ),
            models.CheckConstraint(
                condition=Q(by_email=True) | Q(emailed_at__isnull=True),
                name="notice_emailed_only_by_email",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.text[:60]}"

    @property
    def is_read(self) -> bool:
        return self.read_at is not None


class NoticePreference(models.Model):
    """A user's choice for one kind of notice, where it differs from the default (both on)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notice_preferences",
        verbose_name="ผู้ใช้",
    )
    kind = models.CharField("ประเภท", max_length=20, choices=NoticeKind.choices)
    in_portal = models.BooleanField("แสดงในระบบ", default=True)
    by_email = models.BooleanField("ส่งทางอีเมล", default=True)

    class Meta:
        verbose_name = "การตั้งค่าการแจ้งเตือน"
        verbose_name_plural = "การตั้งค่าการแจ้งเตือน"
        ordering = ["user", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="notice_preference_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_kind_display()}"
