"""Quarterly indicator values imported from a spreadsheet (issue 13): one row per indicator
and quarter (project number, indicator number, quarter, value, and optionally the value's
unit, the count done with its unit and, of a result short of its target, how many fell
short), for the planning group (Right.EDIT_ALL_REPORTS,
who may enter every project's report).

Imported as what: the values of the quarter's report, as a draft. A value becomes a result
(IndicatorResult, what the annual report reads) only when a report is approved, by someone
other than its submitter (progress/services.py, four eyes), so the import writes the rows
a person would type on the report page, through the same service (`report_save_draft`: its
locks, version and money checks, the audit under the importer's name), keeping the
report's narrative, money and other values as they are. It never submits (a submission
needs the report's narrative, which a values file does not hold, and is the reporter's
statement on the report page) and never approves. A report already submitted or approved
is refused on each row that would change it, with a Thai reason (returned reports are
drafts again); a row that reads as the report already says is left alone, so the same file
imports again without changing anything, also after approval.
"""

from __future__ import annotations

from collections import defaultdict

from django.core.exceptions import ValidationError
from django.db.models import F
from import_export.fields import Field

from indicators.models import UNIT_CHOICES, Indicator
from indicators.units import kept_count_unit
from plans import thai
from plans.access import Right
from plans.imports.base import Column, ImportKind, OfficeResource, register
from plans.imports.schools import _year_option
from plans.imports.widgets import ChoiceWidget, DecimalWidget, IntegerWidget
from plans.imports.widgets import YearWidget as _YearWidget
from progress.models import QuarterlyReport, ReportValue
from projects.imports import (
    PROJECT_HEADER,
    YEAR_HEADER,
    PlanRowResource,
    number_widget,
    project_column,
    year_column,
)

INDICATOR_HEADER = "ตัวชี้วัดที่"
QUARTER_HEADER = "ไตรมาส"
APPROVED = (
    "รายงาน{quarter}ของโครงการนี้อนุมัติแล้ว จึงนำเข้าค่าไม่ได้ หากต้องแก้ไข ให้กลุ่มนโยบายและแผนเปิดรายงานให้แก้ไขก่อน"
)
SUBMITTED = "รายงาน{quarter}ของโครงการนี้ส่งแล้วและรอพิจารณา จึงนำเข้าค่าไม่ได้ จนกว่าผู้พิจารณาจะส่งกลับให้แก้ไข"
SHORTFALL_HEADER = "จำนวนที่ไม่บรรลุ"
NO_INDICATOR = "ไม่พบตัวชี้วัดที่ {number} ในโครงการเลขที่ {project} (นำเข้าตัวชี้วัดก่อน)"


class ReportValueResource(PlanRowResource):
    """One row: an indicator's value in one quarter's report of its project."""

    PARENT_COLUMNS = {
        **PlanRowResource.PARENT_COLUMNS,
        "indicator": "indicator_order",
        "report": "quarter_number",
    }

    fiscal_year_be = Field("fiscal_year_be", YEAR_HEADER, _YearWidget())
    project_number = Field("project_number", PROJECT_HEADER, number_widget())
    indicator_order = Field("indicator_order", INDICATOR_HEADER, number_widget())
    quarter_number = Field(
        "quarter_number",
        QUARTER_HEADER,
        IntegerWidget(default=None, minimum=1, maximum=4, out_of_range="ต้องเป็น ๑ ถึง ๔"),
    )
    value = Field("value", "ผลการดำเนินงาน", DecimalWidget())
    unit = Field("unit", "หน่วยของผล", ChoiceWidget(UNIT_CHOICES, required=False))
    count = Field("count", "จำนวนที่ดำเนินการ", DecimalWidget(required=False))
    count_unit = Field("count_unit", "หน่วยของจำนวน", ChoiceWidget(UNIT_CHOICES, required=False))
    shortfall = Field("shortfall", SHORTFALL_HEADER, DecimalWidget(required=False))

    class Meta(OfficeResource.Meta):
        model = ReportValue
        import_id_fields = ("fiscal_year_be", "project_number", "indicator_order", "quarter_number")
        fields = (
            "fiscal_year_be",
            "project_number",
            "indicator_order",
            "quarter_number",
            "value",
            "unit",
            "count",
            "count_unit",
            "shortfall",
        )
        import_order = fields
        export_order = fields

    office_field = "report__project__plan__office"

    def __init__(self, *, office, user=None, **kwargs):
        super().__init__(office=office, user=user, **kwargs)
        self._indicators: dict[tuple[int, int], Indicator] | None = None
        self._reports: dict[tuple[int, int], QuarterlyReport] | None = None
        self._changes: dict[tuple[int, int], dict[int, ReportValue]] = defaultdict(dict)

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("report__project__plan__fiscal_year", "indicator")
            .annotate(
                fiscal_year_be=F("report__project__plan__fiscal_year__year"),
                project_number=F("report__project__number"),
                indicator_order=F("indicator__order"),
                quarter_number=F("report__quarter"),
            )
            .order_by(
                "report__project__plan__fiscal_year__year",
                "report__project__number",
                "report__quarter",
                "indicator__order",
            )
        )

    def init_instance(self, row=None):
        return ReportValue()

    def indicator_of(self, project, order) -> Indicator | None:
        if self._indicators is None:
            rows = Indicator.objects.filter(project__plan__office=self.office)
            self._indicators = {(i.project_id, i.order): i for i in rows}
        return self._indicators.get((project.pk, order))

    def report_of(self, project, quarter) -> QuarterlyReport | None:
        if self._reports is None:
            rows = QuarterlyReport.objects.filter(project__plan__office=self.office)
            self._reports = {(r.project_id, r.quarter): r for r in rows}
        return self._reports.get((project.pk, quarter))

    def resolve(self, instance, row, errors):
        project = self.require_project(instance.fiscal_year_be, instance.project_number, errors)
        if project is None or instance.indicator_order is None:
            return
        indicator = self.indicator_of(project, instance.indicator_order)
        if indicator is None:
            errors["indicator"] = NO_INDICATOR.format(
                number=thai.to_thai_digits(instance.indicator_order),
                project=thai.to_thai_digits(project.number),
            )
            return
        instance.indicator = indicator
        instance.project = project
        instance.unit = getattr(instance, "unit", "") or indicator.unit
        count, shortfall = getattr(instance, "count", None), getattr(instance, "shortfall", None)
        chosen = getattr(instance, "count_unit", "")
        before = getattr(instance, "import_before", None) or {}
        # A unit without a count or a shortfall is not kept (as on the report page), unless
        # it is what the report already holds: read back unchanged.
        if (
            count is not None
            or shortfall is not None
            or chosen != before.get(self.fields["count_unit"].column_name)
        ):
            instance.count_unit = kept_count_unit(
                instance.unit, chosen, count=count, shortfall=shortfall
            )

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        project = getattr(instance, "project", None)
        quarter = getattr(instance, "quarter_number", None)
        if project is not None and quarter is not None and "quarter_number" not in errors:
            report = self.report_of(project, quarter)
            label = thai.quarter_label(quarter)
            if report is not None and report.status == QuarterlyReport.Status.APPROVED:
                errors["quarter_number"] = APPROVED.format(quarter=label)
            elif report is not None and report.status == QuarterlyReport.Status.SUBMITTED:
                errors["quarter_number"] = SUBMITTED.format(quarter=label)
            else:
                # No report yet: the import makes a draft (in the confirmation, by the service).
                instance.report = report or QuarterlyReport(project=project, quarter=quarter)
        if errors:  # the model's own checks need the report and indicator the row names
            raise ValidationError({k: ValidationError(v).messages for k, v in errors.items()})
        super().validate_instance(instance, errors)

    def save_instance(self, instance, is_create, row, **kwargs):
        if self._is_dry_run(kwargs):
            return
        self._changes[(instance.project.pk, instance.quarter_number)][instance.indicator.pk] = (
            instance
        )

    def before_import(self, dataset, **kwargs):
        self._changes = defaultdict(dict)

    def after_import(self, dataset, result, **kwargs):
        if not self._is_dry_run(kwargs) and not result.has_validation_errors():
            self._write_reports()
        super().after_import(dataset, result, **kwargs)

    def _write_reports(self) -> None:
        """Each report's draft through the report page's service, with its narrative, money
        and other values as they are and the file's values in place of theirs."""
        from progress.services import report_save_draft

        for (project_id, quarter), rows in sorted(self._changes.items()):
            project = next(iter(rows.values())).project
            report = (
                QuarterlyReport.objects.filter(project_id=project_id, quarter=quarter)
                .prefetch_related("values", "disbursements")
                .first()
            )
            values = {}
            amounts = {}
            narrative = {}
            if report is not None:
                narrative = {name: getattr(report, name) for name in QuarterlyReport.NARRATIVE}
                values = {v.indicator_id: v.as_row() for v in report.values.all()}
                amounts = {d.activity_id: d.amount for d in report.disbursements.all()}
            for indicator_id, row in rows.items():
                values[indicator_id] = row.as_row()
            report_save_draft(
                project=project,
                quarter=quarter,
                user=self.user,
                version=report.version if report is not None else 0,
                narrative=narrative,
                values=values,
                amounts=amounts,
            )

    def row_label(self, instance) -> str:
        return (
            f"โครงการเลขที่ {thai.to_thai_digits(instance.project_number)} "
            f"ตัวชี้วัดที่ {thai.to_thai_digits(instance.indicator_order)} "
            f"{thai.quarter_label(instance.quarter_number)}"
        )


def _units() -> str:
    return ", ".join(f"“{label}”" for _, label in UNIT_CHOICES)


VALUES = register(
    ImportKind(
        key="indicator-values",
        title="ผลตัวชี้วัดรายไตรมาส",
        lead=(
            "ผลการดำเนินงานของตัวชี้วัดรายไตรมาส หนึ่งแถวต่อหนึ่งตัวชี้วัดต่อหนึ่งไตรมาส "
            "นำเข้าเป็นค่าในรายงานความก้าวหน้าของไตรมาสนั้นในสถานะร่าง (สร้างรายงานร่างให้ถ้ายังไม่มี) "
            "ไม่ส่งและไม่อนุมัติแทนใคร: ผู้รายงานกรอกวิธีการดำเนินงานแล้วส่งที่หน้ารายงาน "
            "ผู้พิจารณาที่ไม่ใช่ผู้ส่งเป็นผู้อนุมัติ ค่าจึงเป็นผลของตัวชี้วัด "
            "รายงานที่ส่งแล้วหรืออนุมัติแล้วนำเข้าไม่ได้"
        ),
        resource=ReportValueResource,
        columns=(
            year_column(),
            project_column(),
            Column(
                INDICATOR_HEADER,
                "ลำดับของตัวชี้วัดในโครงการ (ตามแผน)",
                example=1,
                aliases=("ลำดับตัวชี้วัด",),
                kind="number",
            ),
            Column(
                QUARTER_HEADER,
                "ไตรมาสของปีงบประมาณ ๑ ถึง ๔ (ไตรมาส ๑ คือ ต.ค.–ธ.ค.)",
                example=1,
                aliases=("ไตรมาสที่",),
                kind="number",
            ),
            Column(
                "ผลการดำเนินงาน",
                "ค่าที่ได้ในไตรมาสนั้น ตัวเลข ไม่ติดลบ ทศนิยมไม่เกิน ๒ ตำแหน่ง",
                example=75.5,
                aliases=("ผล", "ค่าที่ได้"),
                kind="number",
            ),
            Column(
                "หน่วยของผล",
                "ไม่บังคับ หนึ่งใน " + _units() + " ช่องว่างคือหน่วยของค่าเป้าหมาย",
                example="ร้อยละ",
                required=False,
            ),
            Column(
                "จำนวนที่ดำเนินการ",
                "ไม่บังคับ จำนวนที่ดำเนินการ เช่น จำนวนคนหรือโรงเรียน (ตัวเลข ไม่ติดลบ)",
                example=32,
                required=False,
                kind="number",
            ),
            Column(
                "หน่วยของจำนวน",
                "ไม่บังคับ หน่วยของจำนวนที่ดำเนินการ ช่องว่างคือหน่วยของผล (ถ้าไม่ใช่ร้อยละ)",
                example="คน",
                required=False,
            ),
            Column(
                SHORTFALL_HEADER,
                "ไม่บังคับ เฉพาะผลที่ไม่บรรลุค่าเป้าหมาย: จำนวนที่ไม่บรรลุ เป็นหน่วยเดียวกับจำนวนที่ดำเนินการ "
                "(ตัวเลข ไม่ติดลบ)",
                example="",
                required=False,
                kind="number",
            ),
        ),
        keys=(YEAR_HEADER, PROJECT_HEADER, INDICATOR_HEADER, QUARTER_HEADER),
        right=Right.EDIT_ALL_REPORTS,
        sheet="ผลตัวชี้วัด",
        file_stem="indicator-values",
        export_options=_year_option,
        notes=(
            "ค่าที่นำเข้าเป็นร่างของรายงานรายไตรมาส จะเป็นผลของตัวชี้วัดเมื่อรายงานได้รับอนุมัติเท่านั้น",
            "แถวที่ค่าตรงกับในรายงานแล้วจะข้ามไป ตัวชี้วัดที่ไม่อยู่ในไฟล์คงค่าเดิมในรายงาน",
        ),
    )
)
