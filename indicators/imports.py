"""The third step of a fiscal year's plan imported from a spreadsheet (projects/imports.py
says why the plan is three kinds): each indicator of a project, by project number and
indicator number (its order in the project), optionally under one of its activities, with
its text, unit, target, direction, how its quarters combine and its milestones at the end
of quarters 1 to 4. Written through projects.services.indicator_create/indicator_update,
the rules of the project tree's form. An import never deletes an indicator."""

from __future__ import annotations

from import_export.fields import Field

from indicators.models import UNIT_CHOICES, Indicator
from plans import thai
from plans.access import Right
from plans.imports.base import Column, ImportKind, OfficeResource, register
from plans.imports.schools import _year_option
from plans.imports.widgets import ChoiceWidget, DecimalWidget, TextWidget
from plans.imports.widgets import YearWidget as _YearWidget
from projects.imports import (
    ACTIVITY_HEADER,
    PLAN_ORDER_NOTE,
    PROJECT_HEADER,
    YEAR_HEADER,
    OptionalNumberWidget,
    PlanRowResource,
    number_widget,
    project_column,
    year_column,
)

INDICATOR_HEADER = "ตัวชี้วัดที่"
QUARTERS = thai.FISCAL_QUARTERS


def milestone_header(quarter: int) -> str:
    return f"เป้าหมาย ณ สิ้นไตรมาส {thai.to_thai_digits(quarter)}"


def _milestone_fields() -> dict[str, Field]:
    return {
        f"milestone_{q}": Field(
            f"milestone_{q}", milestone_header(q), DecimalWidget(required=False)
        )
        for q in QUARTERS
    }


class IndicatorResource(PlanRowResource):
    """One row: an indicator of a project of the year's plan."""

    PARENT_COLUMNS = {
        **PlanRowResource.PARENT_COLUMNS,
        "activity": "activity_number",
    }

    fiscal_year_be = Field("fiscal_year_be", YEAR_HEADER, _YearWidget())
    project_number = Field("project_number", PROJECT_HEADER, number_widget())
    order = Field("order", INDICATOR_HEADER, number_widget())
    activity_number = Field("activity_number", ACTIVITY_HEADER, OptionalNumberWidget())
    text = Field("text", "ตัวชี้วัด", TextWidget(max_length=2000))
    unit = Field("unit", "หน่วย", ChoiceWidget(UNIT_CHOICES))
    target = Field("target", "ค่าเป้าหมาย", DecimalWidget(required=False))
    direction = Field(
        "direction", "ทิศทาง", ChoiceWidget(Indicator.DirectionChoice.choices, required=False)
    )
    aggregation = Field(
        "aggregation",
        "การรวมผลรายไตรมาส",
        ChoiceWidget(Indicator.AggregationChoice.choices, required=False),
    )
    locals().update(_milestone_fields())

    class Meta(OfficeResource.Meta):
        model = Indicator
        import_id_fields = ("fiscal_year_be", "project_number", "order")
        fields = (
            "fiscal_year_be",
            "project_number",
            "order",
            "activity_number",
            "text",
            "unit",
            "target",
            "direction",
            "aggregation",
            *(f"milestone_{q}" for q in QUARTERS),
        )
        import_order = fields
        export_order = fields

    office_field = "project__plan__office"

    def get_queryset(self):
        from django.db.models import F

        return (
            Indicator.objects.with_milestones()
            .filter(project__plan__office=self.office)
            .select_related("project__plan__fiscal_year", "project__plan__office", "activity")
            .annotate(
                fiscal_year_be=F("project__plan__fiscal_year__year"),
                project_number=F("project__number"),
                activity_number=F("activity__number"),
            )
            .order_by("project__plan__fiscal_year__year", "project__number", "order")
        )

    def init_instance(self, row=None):
        return Indicator()

    def resolve(self, instance, row, errors):
        instance.direction = instance.direction or Indicator.DirectionChoice.AT_LEAST
        instance.aggregation = instance.aggregation or Indicator.AggregationChoice.LATEST
        project = self.require_project(instance.fiscal_year_be, instance.project_number, errors)
        if project is None:
            return
        instance.project = project
        number = getattr(instance, "activity_number", None)
        instance.activity = self.require_activity(project, number, errors) if number else None

    def save_instance(self, instance, is_create, row, **kwargs):
        if self._is_dry_run(kwargs):
            return
        from projects import services

        data = services.IndicatorData(
            order=instance.order,
            text=instance.text,
            unit=instance.unit,
            target=instance.target,
            direction=instance.direction,
            aggregation=instance.aggregation,
            activity=instance.activity,
            milestones={
                q: getattr(instance, f"milestone_{q}")
                for q in QUARTERS
                if getattr(instance, f"milestone_{q}", None) is not None
            },
        )
        if is_create:
            services.indicator_create(project=instance.project, data=data, user=self.user)
        else:
            services.indicator_update(indicator=instance, data=data, user=self.user)

    def row_label(self, instance) -> str:
        return (
            f"โครงการเลขที่ {thai.to_thai_digits(instance.project_number)} "
            f"ตัวชี้วัดที่ {thai.to_thai_digits(instance.order)} {instance.text[:80]}"
        )


def _choices(choices) -> str:
    return ", ".join(f"“{label}”" for _, label in choices)


INDICATORS = register(
    ImportKind(
        key="plan-indicators",
        title="ตัวชี้วัดของโครงการ",
        lead=(
            "ขั้นที่ ๓ ของการนำเข้าแผนปฏิบัติการประจำปี: ตัวชี้วัดของแต่ละโครงการ หนึ่งแถวต่อหนึ่งตัวชี้วัด "
            "พร้อมค่าเป้าหมายและเป้าหมาย ณ สิ้นแต่ละไตรมาส (นำเข้าโครงการและกิจกรรมก่อน) "
            "ตัวชี้วัดที่ไม่อยู่ในไฟล์จะคงไว้ตามเดิม"
        ),
        resource=IndicatorResource,
        columns=(
            year_column(),
            project_column(),
            Column(
                INDICATOR_HEADER,
                "ลำดับของตัวชี้วัดในโครงการ (๑, ๒, ๓ … นับต่อกันทั้งโครงการ) ลำดับที่มีอยู่แล้วจะปรับปรุงตัวชี้วัดนั้น",
                example=1,
                aliases=("ลำดับตัวชี้วัด",),
                kind="number",
            ),
            Column(
                ACTIVITY_HEADER,
                "ไม่บังคับ กิจกรรมที่ตัวชี้วัดนี้อยู่ภายใต้ ช่องว่างคือตัวชี้วัดของโครงการ",
                example=1,
                required=False,
                kind="number",
            ),
            Column("ตัวชี้วัด", "ข้อความของตัวชี้วัด", example="ร้อยละของโรงเรียนที่ได้รับการนิเทศ"),
            Column("หน่วย", "หน่วยของค่าเป้าหมาย หนึ่งใน " + _choices(UNIT_CHOICES), example="ร้อยละ"),
            Column(
                "ค่าเป้าหมาย",
                "ไม่บังคับ ตัวเลข ทศนิยมไม่เกิน ๒ ตำแหน่ง ไม่ติดลบ",
                example=80,
                required=False,
                aliases=("เป้าหมาย",),
                kind="number",
            ),
            Column(
                "ทิศทาง",
                "ไม่บังคับ หนึ่งใน " + _choices(Indicator.DirectionChoice.choices) + " ช่องว่างคือยิ่งมากยิ่งดี",
                example=Indicator.DirectionChoice.AT_LEAST.label,
                required=False,
            ),
            Column(
                "การรวมผลรายไตรมาส",
                "ไม่บังคับ หนึ่งใน "
                + _choices(Indicator.AggregationChoice.choices)
                + " ช่องว่างคือใช้ค่าล่าสุด",
                example=Indicator.AggregationChoice.LATEST.label,
                required=False,
            ),
            *(
                Column(
                    milestone_header(q),
                    f"ไม่บังคับ เป้าหมายสะสม ณ สิ้นไตรมาส {thai.to_thai_digits(q)} ในหน่วยของตัวชี้วัด "
                    "ช่องว่างคือไม่มีเป้าหมายของไตรมาสนั้น (ตัวชี้วัดที่ไม่มีเลยประเมินที่ไตรมาส ๔ กับค่าเป้าหมาย)",
                    example=(20, 40, 60, 80)[q - 1],
                    required=False,
                    aliases=(f"ไตรมาส {q}", f"Q{q}"),
                    kind="number",
                )
                for q in QUARTERS
            ),
        ),
        keys=(YEAR_HEADER, PROJECT_HEADER, INDICATOR_HEADER),
        right=Right.MANAGE_PLAN,
        sheet="ตัวชี้วัด",
        file_stem="plan-indicators",
        export_options=_year_option,
        notes=PLAN_ORDER_NOTE,
    )
)
