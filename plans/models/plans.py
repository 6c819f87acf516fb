"""An office's annual plan for a fiscal year and its strategic frame: statements
(vision, missions, goals, SWOT ...), policy items and strategies."""

from __future__ import annotations

from django.db import models

from plans import thai
from plans.models.frame import PolicyArea
from plans.models.offices import Office
from plans.models.years import FiscalYear


class PlanQuerySet(models.QuerySet):
    def visible_to(self, user) -> PlanQuerySet:
        return self.filter(office__in=Office.objects.visible_to(user))


class Plan(models.Model):
    """An office's annual action plan (แผนปฏิบัติการประจำปี) for one fiscal year, with the
    strategic frame the office set for that year."""

    office = models.ForeignKey(
        Office, on_delete=models.CASCADE, related_name="plans", verbose_name="สำนักงาน"
    )
    fiscal_year = models.ForeignKey(
        FiscalYear, on_delete=models.PROTECT, related_name="plans", verbose_name="ปีงบประมาณ"
    )
    vision = models.TextField("วิสัยทัศน์", blank=True)
    values_name = models.CharField("ชื่อค่านิยม", max_length=100, blank=True)

    objects = PlanQuerySet.as_manager()

    class Meta:
        verbose_name = "แผนปฏิบัติการประจำปี"
        verbose_name_plural = "แผนปฏิบัติการประจำปี"
        ordering = ["office", "-fiscal_year__year"]
        constraints = [
            models.UniqueConstraint(fields=["office", "fiscal_year"], name="plan_unique_per_year")
        ]

    def __str__(self) -> str:
        return f"แผนปฏิบัติการ{self.fiscal_year} {self.office}"


class PlanStatement(models.Model):
    """One numbered statement of a plan's strategic frame: a mission, a goal, a value,
    a focus point, a SWOT factor and the like."""

    class Kind(models.TextChoices):
        VALUE = "value", "ค่านิยม"
        MISSION = "mission", "พันธกิจ"
        GOAL = "goal", "เป้าประสงค์"
        GOAL_QUANTITATIVE = "goal_quantitative", "เป้าหมายเชิงปริมาณ"
        GOAL_QUALITATIVE = "goal_qualitative", "เป้าหมายเชิงคุณภาพ"
        FOCUS_POINT = "focus_point", "จุดเน้น"
        QUALITY_GOAL = "quality_goal", "เป้าหมายการพัฒนาคุณภาพการศึกษา"
        POLICY_DRIVE = "policy_drive", "การขับเคลื่อนนโยบายและจุดเน้นสู่การปฏิบัติ"
        STRENGTH = "strength", "จุดแข็ง (Strength)"
        WEAKNESS = "weakness", "จุดอ่อน (Weakness)"
        OPPORTUNITY = "opportunity", "โอกาส (Opportunity)"
        THREAT = "threat", "อุปสรรค (Threat)"

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="statements", verbose_name="แผน"
    )
    kind = models.CharField("ประเภท", max_length=30, choices=Kind.choices)
    number = models.PositiveSmallIntegerField("ลำดับ")
    title = models.CharField("หัวข้อ", max_length=200, blank=True)
    title_en = models.CharField("หัวข้อ (อังกฤษ)", max_length=200, blank=True)
    text = models.TextField("ข้อความ", blank=True)

    class Meta:
        verbose_name = "ข้อความของแผน"
        verbose_name_plural = "ข้อความของแผน"
        ordering = ["plan", "kind", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "kind", "number"], name="plan_statement_unique")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {thai.to_thai_digits(self.number)}"


class PolicyItem(models.Model):
    """A numbered item of the office's policy under one OBEC policy area (๒.๑, ๒.๒ ...)."""

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="policy_items", verbose_name="แผน"
    )
    area = models.ForeignKey(PolicyArea, on_delete=models.PROTECT, verbose_name="ด้านนโยบาย")
    number = models.PositiveSmallIntegerField("ข้อ")
    text = models.TextField("ข้อความ")

    class Meta:
        verbose_name = "นโยบายของสำนักงาน"
        verbose_name_plural = "นโยบายของสำนักงาน"
        ordering = ["plan", "area__number", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "area", "number"], name="policy_item_unique")
        ]

    def __str__(self) -> str:
        return f"{self.area.number}.{self.number}"


class Strategy(models.Model):
    """A strategy (กลยุทธ์) of a plan, with its goals, indicators and guidelines."""

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="strategies", verbose_name="แผน"
    )
    number = models.PositiveSmallIntegerField("กลยุทธ์ที่")
    name = models.TextField("ชื่อกลยุทธ์")

    class Meta:
        verbose_name = "กลยุทธ์"
        verbose_name_plural = "กลยุทธ์"
        ordering = ["plan", "number"]
        constraints = [models.UniqueConstraint(fields=["plan", "number"], name="strategy_unique")]

    def __str__(self) -> str:
        return f"กลยุทธ์ที่ {thai.to_thai_digits(self.number)} {self.name}"


class StrategyGoal(models.Model):
    strategy = models.ForeignKey(
        Strategy, on_delete=models.CASCADE, related_name="goals", verbose_name="กลยุทธ์"
    )
    number = models.PositiveSmallIntegerField("ข้อ")
    text = models.TextField("เป้าประสงค์เชิงกลยุทธ์")

    class Meta:
        verbose_name = "เป้าประสงค์เชิงกลยุทธ์"
        verbose_name_plural = "เป้าประสงค์เชิงกลยุทธ์"
        ordering = ["strategy", "number"]
        constraints = [
            models.UniqueConstraint(fields=["strategy", "number"], name="strategy_goal_unique")
        ]

    def __str__(self) -> str:
        return self.text[:80]


class StrategyIndicator(models.Model):
    strategy = models.ForeignKey(
        Strategy, on_delete=models.CASCADE, related_name="indicators", verbose_name="กลยุทธ์"
    )
    number = models.PositiveSmallIntegerField("ที่")
    text = models.TextField("ตัวชี้วัด")
    target_qualifier = models.CharField(
        "คำนำหน้าค่าเป้าหมาย", max_length=50, blank=True, help_text="เช่น ไม่น้อยกว่า"
    )
    target_value = models.DecimalField(
        "ค่าเป้าหมาย", max_digits=14, decimal_places=2, null=True, blank=True
    )
    target_unit = models.CharField("หน่วย", max_length=30, blank=True)
    target_per = models.CharField("ต่อ", max_length=30, blank=True, help_text="เช่น ปี")

    class Meta:
        verbose_name = "ตัวชี้วัดกลยุทธ์"
        verbose_name_plural = "ตัวชี้วัดกลยุทธ์"
        ordering = ["strategy", "number"]
        constraints = [
            models.UniqueConstraint(fields=["strategy", "number"], name="strategy_indicator_unique")
        ]

    def __str__(self) -> str:
        return self.text[:80]


class StrategyGuideline(models.Model):
    strategy = models.ForeignKey(
        Strategy, on_delete=models.CASCADE, related_name="guidelines", verbose_name="กลยุทธ์"
    )
    number = models.PositiveSmallIntegerField("ที่")
    heading = models.TextField("หัวข้อย่อย", blank=True)
    text = models.TextField("แนวทางการพัฒนา")

    class Meta:
        verbose_name = "แนวทางการพัฒนา"
        verbose_name_plural = "แนวทางการพัฒนา"
        ordering = ["strategy", "number"]
        constraints = [
            models.UniqueConstraint(fields=["strategy", "number"], name="strategy_guideline_unique")
        ]

    def __str__(self) -> str:
        return self.text[:80]
