"""Table 7 imported from a spreadsheet (issue 13): each project's alignment with the plans
above it, one row per project of the year's plan (by fiscal year and project number), the
items of each level as the numbers people read in the report ("1, 3"; a Quick Win policy
of the minister as "Quick Win 1"). Part of the plan's import (projects/imports.py), after
the projects: a fourth sheet of the same workbook. Written through
projects.alignment.services.project_alignment_save; a row gives the whole alignment of its
project (a blank cell: none at that level); projects absent from the file are left alone."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from django.db.models import F
from import_export import widgets
from import_export.fields import Field

from plans import thai
from plans.access import Right
from plans.imports.base import Column, ImportKind, OfficeResource, register
from plans.imports.schools import _year_option
from plans.imports.widgets import YearWidget as _YearWidget
from plans.imports.widgets import _key
from plans.models import MasterPlanIssue, MinisterPolicy, NationalStrategy, PolicyArea
from projects.imports import (
    PLAN_ORDER_NOTE,
    PROJECT_HEADER,
    YEAR_HEADER,
    PlanRowResource,
    number_widget,
    project_column,
    year_column,
)
from projects.models import Project

LEVELS = {
    "align_national": ("national_strategies", "ยุทธศาสตร์ชาติ (ด้านที่)"),
    "align_master": ("master_plan_issues", "แผนแม่บทภายใต้ยุทธศาสตร์ชาติ (ประเด็นที่)"),
    "align_minister": ("minister_policies", "นโยบาย รมว.ศธ. (ข้อ)"),
    "align_obec": ("obec_policies", "นโยบาย สพฐ. (ด้านที่)"),
}


def _item(obj) -> str:
    """An item as the cell names it: its number, after its list's tag if it has one."""
    tag = getattr(obj, "tag", "")
    return f"{tag} {obj.number}" if tag else str(obj.number)


def _order(obj) -> tuple:
    return (getattr(obj, "tag", ""), obj.number)


class ItemsWidget(widgets.Widget):
    """Items of one level by their numbers, separated by commas; a blank cell is none.
    `rows(row)` gives the items the row may name (read once per year)."""

    def __init__(self, rows: Callable[[dict], Iterable[Any]], what: str):
        super().__init__(coerce_to_string=True)
        self.rows, self.what = rows, what

    def clean(self, value, row=None, **kwargs):
        text = "" if value is None else str(value)
        if isinstance(value, float) and value.is_integer():
            text = str(int(value))
        parts = [p.strip() for p in re.split(r"[,;、]", text) if p.strip()]
        index = {_key(_item(obj)): obj for obj in self.rows(row or {})}
        found, missing = [], []
        for part in parts:
            obj = index.get(_key(part))
            if obj is None:
                missing.append(part)
            elif obj not in found:
                found.append(obj)
        if missing:
            names = ", ".join(f"“{m}”" for m in missing)
            raise ValueError(f"ไม่พบ{self.what} {names}")
        return sorted(found, key=_order)

    def render(self, value, obj=None, **kwargs):
        return ", ".join(_item(o) for o in value or [])


class AlignmentResource(PlanRowResource):
    """One row: a project of the year's plan and the items of each level it serves."""

    fiscal_year_be = Field("fiscal_year_be", YEAR_HEADER, _YearWidget())
    number = Field("number", PROJECT_HEADER, number_widget())

    class Meta(OfficeResource.Meta):
        model = Project
        import_id_fields = ("fiscal_year_be", "number")
        fields = ("fiscal_year_be", "number", *LEVELS)
        import_order = fields
        export_order = fields

    office_field = "plan__office"
    PARENT_COLUMNS = {"plan": "fiscal_year_be", "project": "number"}

    def __init__(self, *, office, user=None, **kwargs):
        super().__init__(office=office, user=user, **kwargs)
        self._items: dict[str, list] = {}
        self._minister: dict[int, list] = {}
        sources = {
            "align_national": lambda row: self._all("national", NationalStrategy),
            "align_master": lambda row: self._all("master", MasterPlanIssue),
            "align_minister": self._minister_policies,
            "align_obec": lambda row: self._all("obec", PolicyArea),
        }
        for name, (_, header) in LEVELS.items():
            what = header.split(" (")[0]
            self.fields[name] = Field(name, header, ItemsWidget(sources[name], what))

    def _all(self, key: str, model) -> list:
        if key not in self._items:
            self._items[key] = list(model.objects.all())
        return self._items[key]

    def _minister_policies(self, row: dict) -> list:
        try:
            year = self.fields["fiscal_year_be"].clean(row)
        except (ValueError, KeyError):
            return []
        if year not in self._minister:
            self._minister[year] = list(MinisterPolicy.objects.filter(fiscal_year__year=year))
        return self._minister[year]

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("plan__fiscal_year", "plan__office")
            .prefetch_related(*(relation for relation, _ in LEVELS.values()))
            .annotate(fiscal_year_be=F("plan__fiscal_year__year"))
            .order_by("plan__fiscal_year__year", "number")
        )

    @staticmethod
    def _fill(project: Project) -> Project:
        for name, (relation, _) in LEVELS.items():
            setattr(project, name, sorted(getattr(project, relation).all(), key=_order))
        return project

    def init_instance(self, row=None):
        return Project()

    def after_init_instance(self, instance, new, row, **kwargs):
        if not new:
            self._fill(instance)
        super().after_init_instance(instance, new, row, **kwargs)

    def resolve(self, instance, row, errors):
        if instance.pk is None and self.require_plan(instance.fiscal_year_be, errors):
            errors["project"] = (
                f"ไม่พบโครงการเลขที่ {thai.to_thai_digits(instance.number)} "
                f"ในแผนปีงบประมาณ {thai.to_thai_digits(instance.fiscal_year_be)} (นำเข้าโครงการก่อน)"
            )

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        from django.core.exceptions import ValidationError

        errors = dict(import_validation_errors or {})
        if errors:
            raise ValidationError({k: ValidationError(v).messages for k, v in errors.items()})

    def save_instance(self, instance, is_create, row, **kwargs):
        if self._is_dry_run(kwargs) or is_create:
            return
        from projects.alignment.services import project_alignment_save

        project_alignment_save(
            project=instance,
            user=self.user,
            national_strategies=instance.align_national,
            master_plan_issues=instance.align_master,
            minister_policies=instance.align_minister,
            obec_policies=instance.align_obec,
        )

    def export_objects(self, *, year: int | None = None, **options):
        return [self._fill(p) for p in super().export_objects(year=year, **options)]

    def row_label(self, instance) -> str:
        return f"โครงการเลขที่ {thai.to_thai_digits(instance.number)}"


def _help(level: str, example: str) -> str:
    return (
        f"คอลัมน์ต้องมี ช่องว่างได้: {level}ที่โครงการสอดคล้อง เป็นตัวเลขคั่นด้วยจุลภาค เช่น {example} "
        "ช่องว่างคือไม่มี (แถวหนึ่งคือความสอดคล้องทั้งหมดของโครงการ)"
    )


ALIGNMENT = register(
    ImportKind(
        key="plan-alignment",
        title="ความสอดคล้องของโครงการกับแผนระดับต่าง ๆ",
        lead=(
            "ขั้นที่ ๔ (ไม่บังคับ) ของการนำเข้าแผนปฏิบัติการประจำปี: ตารางที่ ๗ "
            "โครงการแต่ละโครงการสอดคล้องกับยุทธศาสตร์ชาติ แผนแม่บท นโยบาย รมว.ศธ. และนโยบาย สพฐ. ข้อใด "
            "หนึ่งแถวต่อหนึ่งโครงการที่มีอยู่แล้ว โครงการที่ไม่อยู่ในไฟล์จะคงไว้ตามเดิม"
        ),
        resource=AlignmentResource,
        columns=(
            year_column(),
            project_column(),
            Column(
                LEVELS["align_national"][1],
                _help("ด้านของยุทธศาสตร์ชาติ", "1, 3"),
                example="1, 3",
                required=True,
                aliases=("ยุทธศาสตร์ชาติ",),
            ),
            Column(
                LEVELS["align_master"][1],
                _help("ประเด็นแผนแม่บท", "12"),
                example="12",
                required=True,
                aliases=("แผนแม่บท", "ประเด็นแผนแม่บท"),
            ),
            Column(
                LEVELS["align_minister"][1],
                _help("ข้อของนโยบาย รมว.ศธ. ของปีงบประมาณนั้น", "1, 4, Quick Win 2")
                + " ข้อในรายการ Quick Win เขียนนำด้วย Quick Win",
                example="1, Quick Win 2",
                aliases=("นโยบาย รมว.ศธ.",),
            ),
            Column(
                LEVELS["align_obec"][1],
                _help("ด้านของนโยบาย สพฐ. (๑ ถึง ๔)", "3, 4"),
                example="3",
                required=True,
                aliases=("นโยบาย สพฐ.",),
            ),
        ),
        keys=(YEAR_HEADER, PROJECT_HEADER),
        right=Right.MANAGE_PLAN,
        sheet="ความสอดคล้อง",
        file_stem="plan-alignment",
        export_options=_year_option,
        notes=PLAN_ORDER_NOTE,
    )
)
