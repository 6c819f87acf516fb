"""The national frame a plan and its projects align with: OBEC's policy areas, the
national strategy, the master plans' issues and the minister's policies of a year."""

from __future__ import annotations

from django.db import models

from plans import thai
from plans.models.years import FiscalYear


class PolicyArea(models.Model):
    """OBEC's four policy areas (นโยบาย สพฐ. ๔ ด้าน)."""

    code = models.SlugField("รหัส", max_length=30, unique=True)
    number = models.PositiveSmallIntegerField("ลำดับ", unique=True)
    name = models.CharField("ชื่อด้านนโยบาย", max_length=100)

    class Meta:
        verbose_name = "ด้านนโยบาย สพฐ."
        verbose_name_plural = "ด้านนโยบาย สพฐ."
        ordering = ["number"]

    def __str__(self) -> str:
        return f"{thai.to_thai_digits(self.number)}. {self.name}"


class NationalStrategy(models.Model):
    """A pillar (ด้าน) of the 20-year national strategy."""

    number = models.PositiveSmallIntegerField("ด้านที่", unique=True)
    name = models.CharField("ชื่อ", max_length=200)

    class Meta:
        verbose_name = "ยุทธศาสตร์ชาติ"
        verbose_name_plural = "ยุทธศาสตร์ชาติ"
        ordering = ["number"]

    def __str__(self) -> str:
        return f"{thai.to_thai_digits(self.number)}. {self.name}"


class MasterPlanIssue(models.Model):
    """An issue (ประเด็น) of the master plans under the national strategy."""

    number = models.PositiveSmallIntegerField("ประเด็นที่", unique=True)
    name = models.CharField("ชื่อ", max_length=200)

    class Meta:
        verbose_name = "ประเด็นแผนแม่บท"
        verbose_name_plural = "ประเด็นแผนแม่บท"
        ordering = ["number"]

    def __str__(self) -> str:
        return f"ประเด็นที่ {thai.to_thai_digits(self.number)} {self.name}"


class MinisterPolicy(models.Model):
    """A policy of the Minister of Education for a fiscal year (นโยบาย รมว.ศธ.)."""

    fiscal_year = models.ForeignKey(FiscalYear, on_delete=models.PROTECT, verbose_name="ปีงบประมาณ")
    number = models.PositiveSmallIntegerField("ข้อ")
    name = models.CharField("ชื่อนโยบาย", max_length=400)
    tag = models.CharField("ประเภท", max_length=50, blank=True, help_text="เช่น Quick Win")
    minister = models.CharField("รัฐมนตรีว่าการกระทรวงศึกษาธิการ", max_length=200, blank=True)

    class Meta:
        verbose_name = "นโยบาย รมว.ศธ."
        verbose_name_plural = "นโยบาย รมว.ศธ."
        ordering = ["fiscal_year", "tag", "number"]
        constraints = [
            # The Quick Win list is numbered apart from the main list: both have a "๑".
            models.UniqueConstraint(
                fields=["fiscal_year", "tag", "number"], name="minister_policy_unique"
            )
        ]

    def __str__(self) -> str:
        tag = f" ({self.tag})" if self.tag else ""
        return f"{thai.to_thai_digits(self.number)}. {self.name}{tag}"
