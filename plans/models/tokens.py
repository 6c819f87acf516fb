"""Forms' one-time submission tokens."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class SubmissionToken(models.Model):
    """A form's one-time token, used up by the write it allowed (plans/services.py
    `token_use`): the unique key makes a second post of the same form, or two parallel
    ones, record nothing twice."""

    key = models.CharField("รหัสแบบฟอร์ม", max_length=64, unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name="ผู้ใช้",
    )
    created_at = models.DateTimeField("ใช้เมื่อ", auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "รหัสแบบฟอร์มที่ใช้แล้ว"
        verbose_name_plural = "รหัสแบบฟอร์มที่ใช้แล้ว"

    def __str__(self) -> str:
        return self.key
