"""A plan copied into the next fiscal year, and the budget each copied project proposes.

A proposed budget (BudgetProposal) is a planning amount carried over from the year before,
kept apart from the budget's allocations: no page, total or report counts it as money
received; finance allocates the year's real budget in `budget` as before."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from plans.models import Plan
from plans.money import MONEY
from projects.models import Project


class PlanCopy(models.Model):
    """The copy of one year's plan into the next: which plan it filled and which projects it
    created, so that it can be undone while the new year has no results."""

    source = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="copies_made", verbose_name="แผนต้นทาง"
    )
    target = models.OneToOneField(
        Plan, on_delete=models.CASCADE, related_name="copied_from", verbose_name="แผนปีถัดไป"
    )
    created_plan = models.BooleanField("สร้างแผนปีถัดไปใหม่", default=False)
    projects = models.ManyToManyField(
        Project, blank=True, related_name="+", verbose_name="โครงการที่คัดลอก"
    )
    parts = models.CharField("ส่วนที่คัดลอก", max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="ผู้คัดลอก",
    )
    created_at = models.DateTimeField("คัดลอกเมื่อ", auto_now_add=True)

    class Meta:
        verbose_name = "การคัดลอกแผนสู่ปีถัดไป"
        verbose_name_plural = "การคัดลอกแผนสู่ปีถัดไป"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.source} → {self.target.fiscal_year}"


class BudgetProposal(models.Model):
    """A project's proposed budget for its year (งบประมาณที่เสนอ): never an allocation."""

    project = models.OneToOneField(
        Project,
        on_delete=models.CASCADE,
        related_name="budget_proposal",
        verbose_name="โครงการ",
    )
    amount = models.DecimalField("งบประมาณที่เสนอ (บาท)", **MONEY)
    note = models.CharField("ที่มา", max_length=300, blank=True)

    class Meta:
        verbose_name = "งบประมาณที่เสนอ"
        verbose_name_plural = "งบประมาณที่เสนอ"
        ordering = ["project"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gte=0),
                name="budget_proposal_not_negative",
                violation_error_message="งบประมาณที่เสนอต้องไม่ติดลบ",
            )
        ]

    def __str__(self) -> str:
        return f"{self.project}: {self.amount}"
