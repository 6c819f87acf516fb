"""A year's editable report texts and the committees the report prints."""

from __future__ import annotations

from django.db import models

from plans.manage.texts import validate_figures
from plans.models.plans import Plan


class ReportText(models.Model):
    """An editable text of a year's annual report (preface, chapter 1 sections ...)."""

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="texts", verbose_name="แผน"
    )
    key = models.SlugField("รหัส", max_length=50)
    title = models.CharField("หัวข้อ", max_length=400, blank=True)
    body = models.TextField("เนื้อหา", blank=True)
    signed_by = models.CharField("ลงนามโดย", max_length=200, blank=True)
    order = models.PositiveSmallIntegerField("ลำดับ", default=0)

    class Meta:
        verbose_name = "ข้อความในรายงานประจำปี"
        verbose_name_plural = "ข้อความในรายงานประจำปี"
        ordering = ["plan", "order", "key"]
        constraints = [models.UniqueConstraint(fields=["plan", "key"], name="report_text_unique")]

    def __str__(self) -> str:
        return self.title or self.key

    def clean(self) -> None:
        validate_figures(body=self.body)


class Committee(models.Model):
    """A named list of people printed in the report: the monitoring committee's order
    (appendix) or the report's authors (คณะผู้จัดทำ)."""

    class Kind(models.TextChoices):
        ORDER = "order", "คำสั่งแต่งตั้งคณะทำงาน"
        AUTHORS = "authors", "คณะผู้จัดทำ"

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="committees", verbose_name="แผน"
    )
    kind = models.CharField("ประเภท", max_length=20, choices=Kind.choices)
    number = models.CharField("เลขที่คำสั่ง", max_length=30, blank=True)
    title = models.TextField("เรื่อง", blank=True)
    preamble = models.TextField("ข้อความนำ", blank=True)
    closing = models.TextField("ข้อความท้าย", blank=True)
    signed_on = models.DateField("สั่ง ณ วันที่", null=True, blank=True)
    signed_by_name = models.CharField("ผู้ลงนาม", max_length=200, blank=True)
    signed_by_position = models.CharField("ตำแหน่งผู้ลงนาม", max_length=300, blank=True)

    class Meta:
        verbose_name = "คณะทำงาน/คณะผู้จัดทำ"
        verbose_name_plural = "คณะทำงาน/คณะผู้จัดทำ"
        ordering = ["plan", "kind"]
        constraints = [models.UniqueConstraint(fields=["plan", "kind"], name="committee_unique")]

    def __str__(self) -> str:
        return self.get_kind_display()


class CommitteeSection(models.Model):
    committee = models.ForeignKey(
        Committee, on_delete=models.CASCADE, related_name="sections", verbose_name="คณะ"
    )
    order = models.PositiveSmallIntegerField("ลำดับ")
    title = models.CharField("หัวข้อ", max_length=200)
    duty = models.TextField("หน้าที่", blank=True)

    class Meta:
        verbose_name = "กลุ่มในคณะ"
        verbose_name_plural = "กลุ่มในคณะ"
        ordering = ["committee", "order"]
        constraints = [
            models.UniqueConstraint(fields=["committee", "order"], name="committee_section_unique")
        ]

    def __str__(self) -> str:
        return self.title


class CommitteeMember(models.Model):
    section = models.ForeignKey(
        CommitteeSection, on_delete=models.CASCADE, related_name="members", verbose_name="กลุ่ม"
    )
    order = models.PositiveSmallIntegerField("ลำดับ")
    name = models.CharField("ชื่อ", max_length=200)
    position = models.CharField("ตำแหน่ง", max_length=300, blank=True)
    role = models.CharField("หน้าที่ในคณะ", max_length=200, blank=True)

    class Meta:
        verbose_name = "รายชื่อ"
        verbose_name_plural = "รายชื่อ"
        ordering = ["section", "order"]
        constraints = [
            models.UniqueConstraint(fields=["section", "order"], name="committee_member_unique")
        ]

    def __str__(self) -> str:
        return self.name
