"""An office's work groups and the people in them: each user's role in an office."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from plans.models.offices import Office


class WorkGroup(models.Model):
    """A group or unit (กลุ่ม / หน่วย) of an office."""

    class Kind(models.TextChoices):
        GROUP = "group", "กลุ่ม"
        UNIT = "unit", "หน่วย"

    office = models.ForeignKey(
        Office, on_delete=models.CASCADE, related_name="work_groups", verbose_name="สำนักงาน"
    )
    code = models.SlugField("รหัส", max_length=50)
    name = models.CharField("ชื่อกลุ่มงาน", max_length=200)
    kind = models.CharField("ประเภท", max_length=10, choices=Kind.choices, default=Kind.GROUP)
    director_name = models.CharField("ผู้อำนวยการกลุ่ม", max_length=200, blank=True)
    order = models.PositiveSmallIntegerField("ลำดับ", default=0)

    class Meta:
        verbose_name = "กลุ่มงาน"
        verbose_name_plural = "กลุ่มงาน"
        ordering = ["office", "order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["office", "code"], name="work_group_code_unique"),
            models.UniqueConstraint(fields=["office", "name"], name="work_group_name_unique"),
        ]

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    STAFF = "staff", "เจ้าหน้าที่ผู้รับผิดชอบโครงการ"
    GROUP_DIRECTOR = "group_director", "ผู้อำนวยการกลุ่ม"
    PLANNING = "planning", "กลุ่มนโยบายและแผน (ผู้ดูแลแผน)"
    FINANCE = "finance", "กลุ่มบริหารงานการเงินและสินทรัพย์"
    DIRECTOR = "director", "ผู้อำนวยการ/รองผู้อำนวยการ สพท."
    ADMIN = "admin", "ผู้ดูแลระบบ"


class Membership(models.Model):
    """Gives a user one role in one office, and for group roles, one work group."""

    GROUP_ROLES = {Role.STAFF, Role.GROUP_DIRECTOR}

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name="ผู้ใช้",
    )
    office = models.ForeignKey(
        Office, on_delete=models.CASCADE, related_name="memberships", verbose_name="สำนักงาน"
    )
    role = models.CharField("บทบาท", max_length=20, choices=Role.choices)
    work_group = models.ForeignKey(
        WorkGroup,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name="กลุ่มงาน",
    )
    position = models.CharField("ตำแหน่ง", max_length=200, blank=True)

    class Meta:
        verbose_name = "สิทธิ์การใช้งาน"
        verbose_name_plural = "สิทธิ์การใช้งาน"
        ordering = ["office", "role", "user__username"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "office"], name="membership_one_role_per_office"
            ),
            models.CheckConstraint(
                condition=~Q(role__in=["staff", "group_director"]) | Q(work_group__isnull=False),
                name="membership_group_role_needs_group",
                violation_error_message="บทบาทนี้ต้องระบุกลุ่มงาน",
            ),
        ]

    def __str__(self) -> str:
        group = f" ({self.work_group})" if self.work_group_id else ""
        return f"{self.user} – {self.get_role_display()}{group}"

    def clean(self) -> None:
        if self.role in self.GROUP_ROLES and not self.work_group_id:
            raise ValidationError({"work_group": "บทบาทนี้ต้องระบุกลุ่มงาน"})
        if self.work_group_id and self.work_group.office_id != self.office_id:
            raise ValidationError({"work_group": "กลุ่มงานต้องอยู่ในสำนักงานเดียวกัน"})
