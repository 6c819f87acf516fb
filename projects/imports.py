"""A fiscal year's plan imported from a spreadsheet (issue 13): its projects and their
activities (registered here), and its indicators (indicators/imports.py).

The plan is three kinds, imported in this order, each from its own sheet: projects, then
activities, then indicators. Three short tables are simpler for a planner than one wide
sheet that repeats the project on every activity and indicator row: each sheet has only
the columns of its rows, each preview lists its own rows, and a mistake in an indicator
does not hold back the projects. One workbook serves all three: the reader takes the
first sheet whose header row has the kind's columns, so the planner may upload the same
file (three sheets) to each page in turn.

Every row names its plan by the fiscal year (ปีงบประมาณ พ.ศ.) and its project by number,
never by a database id; the plan must exist (จัดการแผน creates it). An import never
deletes: projects, activities and indicators absent from the file are left alone, and
the preview says so. A project's budget only grows through an import (a new instalment
of the difference, by budget.services.project_allocation_add); less than already
allocated is refused: money moves between projects by a transfer.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import DecimalField, F, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from import_export import widgets
from import_export.fields import Field

from plans import thai
from plans.access import Right
from plans.imports.base import Column, ImportKind, OfficeResource, register
from plans.imports.schools import _year_option
from plans.imports.widgets import DecimalWidget, IntegerWidget, LookupWidget, TextWidget, _key
from plans.imports.widgets import YearWidget as _YearWidget
from plans.models import Plan, PolicyArea, WorkGroup
from projects.models import Activity, Project

YEAR_HEADER = "ปีงบประมาณ (พ.ศ.)"
YEAR_ALIASES = ("ปีงบประมาณ", "ปีงบประมาณ พ.ศ.")
PROJECT_HEADER = "เลขที่โครงการ"
PROJECT_ALIASES = ("โครงการที่", "ลำดับโครงการ")
ACTIVITY_HEADER = "กิจกรรมที่"
NO_PLAN = "ยังไม่มีแผนปฏิบัติการปีงบประมาณ {year} ของสำนักงาน กรุณาสร้างแผนที่เมนู “จัดการแผน” ก่อน"
NO_PROJECT = "ไม่พบโครงการเลขที่ {number} ในแผนปีงบประมาณ {year} (นำเข้าโครงการก่อน)"
NO_ACTIVITY = "ไม่พบกิจกรรมที่ {number} ในโครงการเลขที่ {project} (นำเข้ากิจกรรมก่อน)"
NOTE = "นำเข้าจากไฟล์แผนปฏิบัติการ"
ZERO = Decimal("0.00")


def number_widget() -> IntegerWidget:
    return IntegerWidget(default=None, minimum=1, maximum=32767, out_of_range="ต้องเป็น ๑ ขึ้นไป")


class OptionalNumberWidget(IntegerWidget):
    """A number of 1 or more, or a blank cell: None (an indicator of no activity)."""

    def __init__(self):
        super().__init__(default=None, minimum=1, maximum=32767, out_of_range="ต้องเป็น ๑ ขึ้นไป")

    def clean(self, value, row=None, **kwargs):
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        return super().clean(value, row, **kwargs)


def year_column(example: int = 2565) -> Column:
    return Column(
        YEAR_HEADER,
        "ปีงบประมาณของแผน เป็น พ.ศ. ๔ หลัก เช่น ๒๕๖๕ ต้องมีแผนของปีนั้นแล้ว (เมนู จัดการแผน)",
        example=example,
        aliases=YEAR_ALIASES,
        kind="number",
    )


def project_column() -> Column:
    return Column(
        PROJECT_HEADER,
        "เลขที่ (ลำดับ) ของโครงการในแผนปีนั้น เช่น ๑",
        example=1,
        aliases=PROJECT_ALIASES,
        kind="number",
    )


def _digits(value: Any) -> str:
    return thai.to_thai_digits(value)


def money_sum(grouped):
    """The sum of `amount` over `grouped` (a queryset filtered by OuterRef and grouped by
    `.values(<the outer row's key>)`) as a Subquery: 0.00 when there is none."""
    total = grouped.order_by().annotate(t=Sum("amount")).values("t")[:1]
    money = DecimalField(max_digits=17, decimal_places=2)
    return Coalesce(Subquery(total, output_field=money), Value(ZERO), output_field=money)


class PlanRowResource(OfficeResource):
    """A row of the office's plan of one fiscal year: found by the year and the numbers
    people use, its plan, project and activity read once per import (never a query per
    row). Errors on a parent that is not there are named on that parent's column."""

    # A model field's error shown on the column that names it.
    PARENT_COLUMNS = {"plan": "fiscal_year_be", "project": "project_number"}

    def __init__(self, *, office, user=None, **kwargs):
        super().__init__(office=office, user=user, **kwargs)
        self._plans: dict[int, Plan] | None = None
        self._projects: dict[tuple[int, int], Project] | None = None
        self._activities: dict[tuple[int, int], Activity] | None = None

    # -- the office's plans, projects and activities, read once ---------------------------

    def plan_of(self, year: int | None) -> Plan | None:
        if self._plans is None:
            plans = Plan.objects.filter(office=self.office).select_related("fiscal_year")
            self._plans = {p.fiscal_year.year: p for p in plans}
        return self._plans.get(year)

    def project_of(self, year: int | None, number: int | None) -> Project | None:
        if self._projects is None:
            projects = Project.objects.filter(plan__office=self.office).select_related(
                "plan__fiscal_year", "plan__office"
            )
            self._projects = {(p.plan.fiscal_year.year, p.number): p for p in projects}
        return self._projects.get((year, number))

    def activity_of(self, project: Project | None, number: int | None) -> Activity | None:
        if project is None or number is None:
            return None
        if self._activities is None:
            rows = Activity.objects.filter(project__plan__office=self.office)
            self._activities = {(a.project_id, a.number): a for a in rows}
        return self._activities.get((project.pk, number))

    def require_plan(self, year, errors: dict) -> Plan | None:
        plan = self.plan_of(year)
        if plan is None and year is not None:
            errors["plan"] = NO_PLAN.format(year=_digits(year))
        return plan

    def require_project(self, year, number, errors: dict) -> Project | None:
        if self.require_plan(year, errors) is None or number is None:
            return None
        project = self.project_of(year, number)
        if project is None:
            errors["project"] = NO_PROJECT.format(number=_digits(number), year=_digits(year))
        return project

    def require_activity(self, project, number, errors: dict) -> Activity | None:
        activity = self.activity_of(project, number)
        if project is not None and number is not None and activity is None:
            errors["activity"] = NO_ACTIVITY.format(
                number=_digits(number), project=_digits(project.number)
            )
        return activity

    # -- the framework's hooks -------------------------------------------------------------

    def resolve(self, instance, row, errors: dict) -> None:
        """Set the row's parents from its key columns (errors keyed by model field)."""

    def import_instance(self, instance, row, **kwargs):
        errors: dict = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        self.resolve(instance, row, errors)
        if errors:
            raise ValidationError(errors)

    def header_of(self, name: str) -> str:
        return super().header_of(self.PARENT_COLUMNS.get(name, name))

    def absent_rows(self, result) -> int | None:
        """The office's rows of the years the file names that no row of it names (not
        counted while a row is wrong: it may name one of them)."""
        if result.has_validation_errors() or result.has_errors():
            return None
        found = {r.instance.pk for r in result.rows if r.instance is not None and r.instance.pk}
        years = {
            getattr(r.instance, "fiscal_year_be", None)
            for r in result.rows
            if r.instance is not None
        }
        years.discard(None)
        if not years:
            return None
        return self.get_queryset().filter(fiscal_year_be__in=years).count() - len(found)

    def export_objects(self, *, year: int | None = None, **options):
        rows = self.get_queryset()
        if year is None:
            year = rows.order_by("-fiscal_year_be").values_list("fiscal_year_be", flat=True).first()
        return list(rows.filter(fiscal_year_be=year))


class WorkGroupWidget(widgets.Widget):
    """The office's work group by its Thai name or its code; blank is none."""

    def __init__(self, office):
        super().__init__(coerce_to_string=True)
        self.office = office
        self._index: dict[str, WorkGroup] | None = None

    def clean(self, value, row=None, **kwargs):
        text = " ".join(str(value or "").split())
        if not text:
            return None
        if self._index is None:
            self._index = {}
            for group in WorkGroup.objects.filter(office=self.office):
                self._index.setdefault(_key(group.code), group)
                self._index[_key(group.name)] = group
        found = self._index.get(_key(text))
        if found is None:
            raise ValueError(f"ไม่พบกลุ่มงาน “{text}” ในสำนักงานนี้ (ใช้ชื่อหรือรหัสของกลุ่มงาน)")
        return found

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else value.name


class LinesWidget(widgets.Widget):
    """A numbered list typed one item a line in one cell (Alt+Enter in Excel): the items,
    without a leading number of their own ("1." or "๑)"); a blank cell is None (kept)."""

    NUMBER = re.compile(r"^\s*[0-9๐-๙]{1,3}\s*[.)]\s*")

    def __init__(self, *, max_length: int = 5000):
        super().__init__(coerce_to_string=True)
        self.max_length = max_length

    def clean(self, value, row=None, **kwargs):
        text = "" if value is None else str(value)
        lines = [self.NUMBER.sub("", line).strip() for line in text.splitlines()]
        lines = [line for line in lines if line]
        if not lines:
            return None
        if any(len(line) > self.max_length for line in lines):
            raise ValueError(f"แต่ละข้อยาวเกิน {thai.to_thai_digits(self.max_length)} ตัวอักษร")
        return lines

    def render(self, value, obj=None, **kwargs):
        return "\n".join(value or [])


STATEMENT_FIELDS = {"import_objectives": "objective", "import_target_groups": "target_group"}


def _policy_area_name(area: PolicyArea) -> str:
    return str(area.number)


class ProjectResource(PlanRowResource):
    """One row: a project of the year's plan, by its number, with the money the plan
    allocates to it as a whole (not to one of its activities)."""

    fiscal_year_be = Field("fiscal_year_be", YEAR_HEADER, _YearWidget())
    number = Field("number", PROJECT_HEADER, number_widget())
    name = Field("name", "ชื่อโครงการ", TextWidget(max_length=400))
    policy_area = Field(
        "policy_area",
        "ด้านนโยบาย สพฐ. (ลำดับ)",
        LookupWidget(
            lambda: PolicyArea.objects.all(),
            name=_policy_area_name,
            missing="ไม่พบด้านนโยบายลำดับที่ “{value}” (ต้องเป็น ๑ ถึง ๔)",
        ),
    )
    owner_name = Field("owner_name", "ผู้รับผิดชอบโครงการ", TextWidget(required=False, max_length=200))
    budget = Field(
        "import_budget",
        "งบประมาณทั้งโครงการ (บาท)",
        DecimalWidget(required=False),
    )
    objectives = Field("import_objectives", "วัตถุประสงค์", LinesWidget())
    target_groups = Field("import_target_groups", "กลุ่มเป้าหมาย", LinesWidget())

    class Meta(OfficeResource.Meta):
        model = Project
        import_id_fields = ("fiscal_year_be", "number")
        fields = (
            "fiscal_year_be",
            "number",
            "name",
            "policy_area",
            "work_group",
            "owner_name",
            "budget",
            "objectives",
            "target_groups",
        )
        import_order = fields
        export_order = fields

    office_field = "plan__office"

    def __init__(self, *, office, user=None, **kwargs):
        super().__init__(office=office, user=user, **kwargs)
        self.fields["work_group"] = Field("work_group", "กลุ่มงานที่รับผิดชอบ", WorkGroupWidget(office))
        self._names: dict[tuple[int, str], int] | None = None

    def get_queryset(self):
        from budget.models import ProjectAllocation

        allocated = money_sum(
            ProjectAllocation.objects.filter(project=OuterRef("pk"), activity__isnull=True).values(
                "project"
            )
        )
        return (
            super()
            .get_queryset()
            .select_related("plan__fiscal_year", "plan__office", "policy_area", "work_group")
            .prefetch_related("statements")
            .annotate(fiscal_year_be=F("plan__fiscal_year__year"), import_budget=allocated)
            .order_by("plan__fiscal_year__year", "number")
        )

    def init_instance(self, row=None):
        return Project()

    @staticmethod
    def _fill(project: Project, new: bool = False) -> Project:
        """The project's objectives and target groups as the file's cells hold them."""
        for name, kind in STATEMENT_FIELDS.items():
            items = [] if new else [s for s in project.statements.all() if s.kind == kind]
            texts = [s.text for s in sorted(items, key=lambda s: s.number)]
            setattr(project, name, texts)
            setattr(project, f"stored_{name}", texts)
        return project

    def after_init_instance(self, instance, new, row, **kwargs):
        instance.stored_budget = ZERO if new else instance.import_budget
        self._fill(instance, new)
        super().after_init_instance(instance, new, row, **kwargs)

    def export_objects(self, *, year: int | None = None, **options):
        return [self._fill(p) for p in super().export_objects(year=year, **options)]

    def resolve(self, instance, row, errors):
        if getattr(instance, "import_budget", None) is None:  # blank: the budget stays as it is
            instance.import_budget = instance.stored_budget
        for name in STATEMENT_FIELDS:  # blank: the list stays as it is
            if getattr(instance, name, None) is None:
                setattr(instance, name, getattr(instance, f"stored_{name}"))
        plan = self.require_plan(instance.fiscal_year_be, errors)
        if plan is not None:
            instance.plan = plan
        if instance.import_budget < instance.stored_budget and "import_budget" not in errors:
            errors["import_budget"] = (
                "น้อยกว่างบประมาณที่จัดสรรให้โครงการแล้ว "
                f"({thai.format_money(instance.stored_budget)} บาท) การนำเข้าเพิ่มงบประมาณได้เท่านั้น "
                "การลดงบประมาณให้ใช้การโอนเปลี่ยนแปลงงบประมาณ"
            )

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        if instance.plan_id and instance.name and "name" not in errors:
            if self._names is None:
                self._names = {
                    (p.plan_id, p.name): p.number
                    for p in Project.objects.filter(plan__office=self.office)
                }
            number = self._names.get((instance.plan_id, instance.name))
            if number is not None and number != instance.number:
                errors["name"] = f"ชื่อนี้เป็นของโครงการเลขที่ {_digits(number)} ในแผนปีนี้แล้ว"
            else:  # a later row of the file may not take it either
                self._names[(instance.plan_id, instance.name)] = instance.number
        super().validate_instance(instance, errors)

    def save_instance(self, instance, is_create, row, **kwargs):
        if self._is_dry_run(kwargs):
            return
        from budget.services import project_allocation_add
        from projects import services

        more = instance.import_budget - instance.stored_budget
        if is_create or set(getattr(instance, "import_changed", ())) - {
            self.fields["budget"].column_name
        }:
            existing = None if is_create else instance
            data = services.ProjectData(
                number=instance.number,
                name=instance.name,
                policy_area=instance.policy_area,
                work_group=instance.work_group,
                owner=None if existing is None else existing.owner,
                owner_name=instance.owner_name,
                supporting_groups=[]
                if existing is None
                else list(existing.supporting_groups.all()),
                objectives=instance.import_objectives,
                target_groups=instance.import_target_groups,
            )
            if is_create:
                instance = services.project_create(plan=instance.plan, data=data, user=self.user)
            else:
                services.project_update(project=instance, data=data, user=self.user)
        if more > 0:
            project_allocation_add(project=instance, amount=more, user=self.user, note=NOTE)

    def row_label(self, instance) -> str:
        return f"โครงการเลขที่ {_digits(instance.number)} {instance.name}"


class ActivityResource(PlanRowResource):
    """One row: an activity of a project of the year's plan, by project number and
    activity number, with the money the plan allocates to it (optional)."""

    fiscal_year_be = Field("fiscal_year_be", YEAR_HEADER, _YearWidget())
    project_number = Field("project_number", PROJECT_HEADER, number_widget())
    number = Field("number", ACTIVITY_HEADER, number_widget())
    name = Field("name", "ชื่อกิจกรรม", TextWidget(max_length=2000))
    budget = Field("import_budget", "งบประมาณของกิจกรรม (บาท)", DecimalWidget(required=False))

    class Meta(OfficeResource.Meta):
        model = Activity
        import_id_fields = ("fiscal_year_be", "project_number", "number")
        fields = ("fiscal_year_be", "project_number", "number", "name", "budget")
        import_order = fields
        export_order = fields

    office_field = "project__plan__office"

    def get_queryset(self):
        from budget.models import ProjectAllocation

        allocated = money_sum(
            ProjectAllocation.objects.filter(activity=OuterRef("pk")).values("activity")
        )
        return (
            super()
            .get_queryset()
            .select_related("project__plan__fiscal_year", "project__plan__office")
            .annotate(
                fiscal_year_be=F("project__plan__fiscal_year__year"),
                project_number=F("project__number"),
                import_budget=allocated,
            )
            .order_by("project__plan__fiscal_year__year", "project__number", "number")
        )

    def init_instance(self, row=None):
        return Activity()

    def after_init_instance(self, instance, new, row, **kwargs):
        instance.stored_budget = ZERO if new else instance.import_budget
        super().after_init_instance(instance, new, row, **kwargs)

    def resolve(self, instance, row, errors):
        if getattr(instance, "import_budget", None) is None:
            instance.import_budget = instance.stored_budget
        project = self.require_project(instance.fiscal_year_be, instance.project_number, errors)
        if project is not None:
            instance.project = project
        if instance.import_budget < instance.stored_budget and "import_budget" not in errors:
            errors["import_budget"] = (
                "น้อยกว่างบประมาณที่จัดสรรให้กิจกรรมแล้ว "
                f"({thai.format_money(instance.stored_budget)} บาท) การนำเข้าเพิ่มงบประมาณได้เท่านั้น"
            )

    def save_instance(self, instance, is_create, row, **kwargs):
        if self._is_dry_run(kwargs):
            return
        from budget.services import project_allocation_add
        from plans.access import require

        require(self.user, self.office, Right.MANAGE_PLAN)
        if is_create or set(getattr(instance, "import_changed", ())) - {
            self.fields["budget"].column_name
        }:
            instance.name = instance.name.strip()
            instance.full_clean(validate_constraints=False)
            instance.save()
        more = instance.import_budget - instance.stored_budget
        if more > 0:
            project_allocation_add(
                project=instance.project, activity=instance, amount=more, user=self.user, note=NOTE
            )

    def row_label(self, instance) -> str:
        return (
            f"โครงการเลขที่ {_digits(instance.project_number)} "
            f"กิจกรรมที่ {_digits(instance.number)} {instance.name}"
        )


PLAN_ORDER_NOTE = (
    "แผนปฏิบัติการนำเข้าเป็นขั้น ตามลำดับ: โครงการ แล้วกิจกรรม แล้วตัวชี้วัด "
    "(ความสอดคล้องตามตารางที่ ๗ นำเข้าได้หลังโครงการ) "
    "ใช้ไฟล์เดียวที่มีสามแผ่นงานได้ ระบบจะอ่านแผ่นงานที่มีหัวตารางของแต่ละขั้นเอง",
    "การนำเข้าไม่ลบข้อมูล: โครงการ กิจกรรม หรือตัวชี้วัดที่มีอยู่แต่ไม่อยู่ในไฟล์จะคงไว้ตามเดิม",
)

PROJECTS = register(
    ImportKind(
        key="plan-projects",
        title="โครงการของแผนปฏิบัติการ",
        lead=(
            "ขั้นที่ ๑ ของการนำเข้าแผนปฏิบัติการประจำปี: โครงการของแผน หนึ่งแถวต่อหนึ่งโครงการ "
            "(ปีงบประมาณ เลขที่โครงการ ชื่อ ด้านนโยบาย กลุ่มงานที่รับผิดชอบ ผู้รับผิดชอบ งบประมาณ "
            "วัตถุประสงค์ กลุ่มเป้าหมาย) แล้วจึงนำเข้ากิจกรรม ตัวชี้วัด และความสอดคล้อง "
            "แยกเป็นตารางเพื่อให้แต่ละตารางมีเฉพาะคอลัมน์ของตน และตรวจแก้ทีละขั้นได้ "
            "ใช้ไฟล์เดียวที่มีหลายแผ่นงานได้ โครงการที่ไม่อยู่ในไฟล์จะคงไว้ตามเดิม"
        ),
        resource=ProjectResource,
        columns=(
            year_column(),
            Column(
                PROJECT_HEADER,
                "เลขที่ (ลำดับ) ของโครงการในแผน เลขที่มีอยู่แล้วจะปรับปรุงโครงการนั้น",
                example=1,
                aliases=PROJECT_ALIASES,
                kind="number",
            ),
            Column(
                "ชื่อโครงการ",
                "ชื่อโครงการ ไม่เกิน ๔๐๐ ตัวอักษร ไม่ซ้ำกับโครงการอื่นในแผน",
                example="โครงการตัวอย่างพัฒนาคุณภาพการศึกษา",
            ),
            Column(
                "ด้านนโยบาย สพฐ. (ลำดับ)",
                "ลำดับของนโยบาย สพฐ.: ๑ ความปลอดภัย ๒ โอกาส ๓ คุณภาพ ๔ ประสิทธิภาพ",
                example=3,
                aliases=("ด้านนโยบาย", "นโยบาย สพฐ."),
                kind="number",
            ),
            Column(
                "กลุ่มงานที่รับผิดชอบ",
                "ไม่บังคับ ชื่อหรือรหัสของกลุ่มงานในสำนักงาน เช่น กลุ่มนโยบายและแผน",
                example="กลุ่มนโยบายและแผน",
                required=False,
                aliases=("กลุ่มงาน", "กลุ่มที่รับผิดชอบ"),
            ),
            Column(
                "ผู้รับผิดชอบโครงการ",
                "ไม่บังคับ ชื่อผู้รับผิดชอบตามที่พิมพ์ในรายงาน ไม่เกิน ๒๐๐ ตัวอักษร",
                example="นายตัวอย่าง ใจดี",
                required=False,
                aliases=("ผู้รับผิดชอบ",),
            ),
            Column(
                "งบประมาณทั้งโครงการ (บาท)",
                "ไม่บังคับ งบประมาณที่แผนจัดสรรให้โครงการโดยรวม (ไม่รวมที่จัดสรรให้กิจกรรม) "
                "ทศนิยมไม่เกิน ๒ ตำแหน่ง ถ้ามากกว่าที่จัดสรรแล้ว จะบันทึกส่วนที่เพิ่มเป็นการจัดสรรครั้งใหม่ "
                "น้อยกว่าไม่ได้ (ใช้การโอนเปลี่ยนแปลงงบประมาณ) ช่องว่างคือไม่เปลี่ยน",
                example=150000,
                required=False,
                aliases=("งบประมาณ (บาท)", "งบประมาณ"),
                kind="money",
            ),
            Column(
                "วัตถุประสงค์",
                "ไม่บังคับ วัตถุประสงค์ของโครงการ ข้อละบรรทัดในช่องเดียว (กด Alt+Enter ขึ้นบรรทัดใหม่) "
                "ไม่ต้องพิมพ์เลขข้อ ช่องว่างคือไม่เปลี่ยน",
                example="เพื่อพัฒนาคุณภาพผู้เรียน",
                required=False,
            ),
            Column(
                "กลุ่มเป้าหมาย",
                "ไม่บังคับ กลุ่มเป้าหมายของโครงการ ข้อละบรรทัดในช่องเดียว ช่องว่างคือไม่เปลี่ยน",
                example="โรงเรียนในสังกัด ๕๗ โรง",
                required=False,
            ),
        ),
        keys=(YEAR_HEADER, PROJECT_HEADER),
        right=Right.MANAGE_PLAN,
        sheet="โครงการ",
        file_stem="plan-projects",
        export_options=_year_option,
        notes=PLAN_ORDER_NOTE,
    )
)

ACTIVITIES = register(
    ImportKind(
        key="plan-activities",
        title="กิจกรรมของโครงการ",
        lead=(
            "ขั้นที่ ๒ ของการนำเข้าแผนปฏิบัติการประจำปี: กิจกรรมของแต่ละโครงการ หนึ่งแถวต่อหนึ่งกิจกรรม "
            "ระบุโครงการด้วยปีงบประมาณและเลขที่โครงการ (นำเข้าโครงการก่อน) "
            "กิจกรรมที่ไม่อยู่ในไฟล์จะคงไว้ตามเดิม"
        ),
        resource=ActivityResource,
        columns=(
            year_column(),
            project_column(),
            Column(
                ACTIVITY_HEADER,
                "ลำดับของกิจกรรมในโครงการ (๑, ๒, ๓ …) ลำดับที่มีอยู่แล้วจะปรับปรุงกิจกรรมนั้น",
                example=1,
                aliases=("ลำดับกิจกรรม",),
                kind="number",
            ),
            Column("ชื่อกิจกรรม", "ชื่อกิจกรรม", example="ประชุมเชิงปฏิบัติการตัวอย่าง"),
            Column(
                "งบประมาณของกิจกรรม (บาท)",
                "ไม่บังคับ งบประมาณที่จัดสรรให้กิจกรรมนี้ ถ้ามากกว่าที่จัดสรรแล้วจะบันทึกส่วนที่เพิ่ม "
                "น้อยกว่าไม่ได้ ช่องว่างคือไม่เปลี่ยน",
                example=50000,
                required=False,
                aliases=("งบประมาณ (บาท)", "งบประมาณ"),
                kind="money",
            ),
        ),
        keys=(YEAR_HEADER, PROJECT_HEADER, ACTIVITY_HEADER),
        right=Right.MANAGE_PLAN,
        sheet="กิจกรรม",
        file_stem="plan-activities",
        export_options=_year_option,
        notes=PLAN_ORDER_NOTE,
    )
)
