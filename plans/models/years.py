"""The Thai fiscal year every plan, budget and report belongs to, and its quarters."""

from __future__ import annotations

from datetime import date

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from plans import thai


class FiscalYear(models.Model):
    """A Thai fiscal year, named by its Buddhist-era year: 1 Oct (year-1) to 30 Sep (year)."""

    year = models.PositiveIntegerField(
        "ปีงบประมาณ (พ.ศ.)",
        unique=True,
        validators=[MinValueValidator(2500), MaxValueValidator(2700)],
    )

    class Meta:
        verbose_name = "ปีงบประมาณ"
        verbose_name_plural = "ปีงบประมาณ"
        ordering = ["-year"]

    def __str__(self) -> str:
        return thai.fiscal_year_label(self.year)

    @property
    def starts_on(self) -> date:
        return thai.fiscal_year_bounds(self.year)[0]

    @property
    def ends_on(self) -> date:
        return thai.fiscal_year_bounds(self.year)[1]


# A model's `quarter` is one of the fiscal year's quarters (thai.FISCAL_QUARTERS): its
# validators, and the check constraint below.
QUARTER_VALIDATORS = [
    MinValueValidator(min(thai.FISCAL_QUARTERS)),
    MaxValueValidator(max(thai.FISCAL_QUARTERS)),
]


def quarter_1_to_4(name: str) -> models.CheckConstraint:
    """A row's ``quarter`` is one of the fiscal year's four quarters."""
    return models.CheckConstraint(
        condition=Q(quarter__gte=min(thai.FISCAL_QUARTERS))
        & Q(quarter__lte=max(thai.FISCAL_QUARTERS)),
        name=name,
        violation_error_message="ไตรมาสต้องเป็น ๑ ถึง ๔",
    )
