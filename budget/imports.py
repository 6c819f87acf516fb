"""Money imported from a spreadsheet (issue 13), through the budget's own services and their
rules (budget/services.py: the ledger, satang, dates inside the fiscal year and not after
today, what is left, the locks), never around them:

- a project's disbursements (ProjectDisbursement, finance's direct ledger entries:
  Right.CORRECT_LEDGER), by project number, optional activity number and document number,
  each written by `disbursement_record`;
- the office's budget by category of table 13 (finance: Right.OFFICE_BUDGET): its
  allocations in instalments (`office_allocation_add`) and its disbursements
  (`office_disbursement_record`).

The ledger is never edited in place, so an entry the office already has (the same key) is
left alone when the file says the same, and refused on its row when the file says
otherwise: finance reverses or corrects it on the ledger page. Importing the same file
again therefore changes nothing. The preview applies the money rules to the file's rows
together (what is left less the rows above), so a file that would overspend is refused
before anything is written; the confirmation's services check each entry again.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db.models import F, Sum
from import_export.fields import Field

from budget import selectors
from budget.models import (
    REPORT_REF_PREFIX,
    BudgetCategory,
    OfficeAllocation,
    OfficeDisbursement,
    ProjectDisbursement,
)
from budget.services import check_date
from plans import thai
from plans.access import Right
from plans.imports.base import Column, ImportKind, OfficeResource, register
from plans.imports.schools import _year_option
from plans.imports.widgets import DateWidget, DecimalWidget, LookupWidget, TextWidget, _key
from plans.imports.widgets import YearWidget as _YearWidget
from projects.imports import (
    ACTIVITY_HEADER,
    PROJECT_HEADER,
    YEAR_HEADER,
    OptionalNumberWidget,
    PlanRowResource,
    number_widget,
    project_column,
    year_column,
)

ZERO = Decimal("0.00")
CATEGORY_HEADER = "หมวดงบประมาณ"
DOCUMENT_HEADER = "เลขที่เอกสาร"
AMOUNT_HEADER = "จำนวนเงิน (บาท)"
RECORDED = (
    "รายการนี้บันทึกไว้แล้วโดยมี{what}ต่างจากในไฟล์ (ในระบบ: {stored}) "
    "รายการที่บันทึกแล้วแก้ไขผ่านการนำเข้าไม่ได้ ให้แก้ที่หน้าบัญชีคุมงบประมาณ"
)


def _money(value: Decimal) -> str:
    return f"{thai.format_money(value)} บาท"


def _shown(value) -> str:
    if value is None or value == "":
        return "ว่าง"
    if isinstance(value, Decimal):
        return thai.format_money(value)
    if hasattr(value, "year") and hasattr(value, "day"):
        return thai.format_thai_date(value)
    return str(value)


class CategoryWidget(LookupWidget):
    """A budget category of table 13 by its Thai name or its code."""

    def __init__(self):
        super().__init__(
            lambda: BudgetCategory.objects.all(),
            name=lambda c: c.name,
            missing="ไม่พบหมวดงบประมาณ “{value}” (ใช้ชื่อหมวด เช่น งบดำเนินงาน)",
        )

    def clean(self, value, row=None, **kwargs):
        if self._index is None:
            self._index = {}
            for category in self.rows():
                self._index[_key(category.code)] = category
                self._index[_key(category.name)] = category
        return super().clean(value, row, **kwargs)


def amount_widget() -> DecimalWidget:
    return DecimalWidget(positive=True)


class LedgerRowResource(PlanRowResource):
    """Rows of a ledger: new ones are written by a service, existing ones never changed."""

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        before = getattr(instance, "import_before", None)
        changed = getattr(instance, "import_changed", ())
        if before is not None and changed and not errors:
            for header in changed:
                field = self.field_of_header(header)
                errors[field.attribute] = RECORDED.format(
                    what=header, stored=_shown(before.get(header))
                )
        elif before is None and not errors:
            self.check_new(instance, errors)
        super().validate_instance(instance, errors)

    def check_new(self, instance, errors: dict) -> None:
        """The money and date rules of a new entry (errors keyed by field)."""


class ProjectDisbursementResource(LedgerRowResource):
    """One row: money paid out of a project's budget (or one of its activities'), identified
    by the project and its document number."""

    PARENT_COLUMNS = {**PlanRowResource.PARENT_COLUMNS, "activity": "activity_number"}

    fiscal_year_be = Field("fiscal_year_be", YEAR_HEADER, _YearWidget())
    project_number = Field("project_number", PROJECT_HEADER, number_widget())
    document_no = Field("document_no", DOCUMENT_HEADER, TextWidget(max_length=100))
    activity_number = Field("activity_number", ACTIVITY_HEADER, OptionalNumberWidget())
    paid_on = Field("paid_on", "วันที่เบิกจ่าย", DateWidget(required=True))
    amount = Field("amount", AMOUNT_HEADER, amount_widget())
    note = Field("note", "หมายเหตุ", TextWidget(required=False, max_length=300))

    class Meta(OfficeResource.Meta):
        model = ProjectDisbursement
        import_id_fields = ("fiscal_year_be", "project_number", "document_no")
        fields = (
            "fiscal_year_be",
            "project_number",
            "activity_number",
            "paid_on",
            "amount",
            "document_no",
            "note",
        )
        import_order = fields
        export_order = fields

    office_field = "project__plan__office"

    def __init__(self, *, office, user=None, **kwargs):
        super().__init__(office=office, user=user, **kwargs)
        self._left: dict = {}

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .filter(reverses__isnull=True)
            .exclude(document_no__startswith=REPORT_REF_PREFIX)
            .exclude(document_no="")
            .select_related("project__plan__fiscal_year", "activity")
            .annotate(
                fiscal_year_be=F("project__plan__fiscal_year__year"),
                project_number=F("project__number"),
                activity_number=F("activity__number"),
            )
            .order_by("project__plan__fiscal_year__year", "project__number", "paid_on", "pk")
        )

    def init_instance(self, row=None):
        return ProjectDisbursement()

    def export_objects(self, *, year: int | None = None, **options):
        """The year's direct entries (a report's postings belong to its report), less those
        reversed: what an empty office needs to show the same ledger."""
        return [e for e in super().export_objects(year=year) if not hasattr(e, "reversal")]

    def resolve(self, instance, row, errors):
        project = self.require_project(instance.fiscal_year_be, instance.project_number, errors)
        if project is None:
            return
        instance.project = project
        number = getattr(instance, "activity_number", None)
        instance.activity = self.require_activity(project, number, errors) if number else None

    def _remaining(self, key, compute) -> Decimal:
        if key not in self._left:
            self._left[key] = compute()
        return self._left[key]

    def check_new(self, instance, errors):
        project = instance.project
        try:
            check_date(instance, "paid_on", project.plan.fiscal_year)
        except ValidationError as error:
            errors.update(error.message_dict)
        amount = getattr(instance, "amount", None)
        if amount is None or "amount" in errors:
            return
        left = self._remaining(project.pk, lambda: selectors.project_amounts(project).remaining)
        if amount > left:
            errors["amount"] = f"เบิกจ่ายเกินงบประมาณคงเหลือของโครงการ (คงเหลือ {_money(left)})"
            return
        activity = instance.activity
        if activity is not None:
            amounts = self._remaining(
                ("a", activity.pk), lambda: selectors.activity_amounts(activity)
            )
            if amounts.has_budget:
                key = ("left", activity.pk)
                activity_left = self._remaining(key, lambda: amounts.remaining)
                if amount > activity_left:
                    errors["amount"] = (
                        f"เบิกจ่ายเกินงบประมาณคงเหลือของกิจกรรมที่ "
                        f"{thai.to_thai_digits(activity.number)} (คงเหลือ {_money(activity_left)})"
                    )
                    return
                self._left[key] = activity_left - amount
        self._left[project.pk] = left - amount

    def save_instance(self, instance, is_create, row, **kwargs):
        if self._is_dry_run(kwargs) or not is_create:
            return
        from budget.services import disbursement_record

        disbursement_record(
            project=instance.project,
            activity=instance.activity,
            amount=instance.amount,
            paid_on=instance.paid_on,
            document_no=instance.document_no,
            note=instance.note,
            user=self.user,
        )

    def row_label(self, instance) -> str:
        where = f"โครงการเลขที่ {thai.to_thai_digits(instance.project_number)}"
        if getattr(instance, "activity_number", None):
            where += f" กิจกรรมที่ {thai.to_thai_digits(instance.activity_number)}"
        return f"{instance.document_no} {where} {_money(instance.amount)}"


class OfficeMoneyResource(LedgerRowResource):
    """A row of the office's own money of a year in a category of table 13."""

    PARENT_COLUMNS = {"plan": "fiscal_year_be", "fiscal_year": "fiscal_year_be"}

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("fiscal_year", "category")
            .annotate(fiscal_year_be=F("fiscal_year__year"))
            .order_by("fiscal_year__year", "category__order", "pk")
        )

    def resolve(self, instance, row, errors):
        plan = self.require_plan(instance.fiscal_year_be, errors)
        if plan is not None:
            instance.plan = plan
            instance.fiscal_year = plan.fiscal_year

    def _sums(self, model) -> dict[tuple[int, int], Decimal]:
        rows = (
            model.objects.filter(office=self.office)
            .values("fiscal_year", "category")
            .annotate(total=Sum("amount"))
            .order_by()
        )
        return defaultdict(
            lambda: ZERO, {(r["fiscal_year"], r["category"]): r["total"] for r in rows}
        )


class OfficeAllocationResource(OfficeMoneyResource):
    """One row: an instalment of the office's budget in a category (จัดสรรครั้งที่ n)."""

    fiscal_year_be = Field("fiscal_year_be", YEAR_HEADER, _YearWidget())
    category = Field("category", CATEGORY_HEADER, CategoryWidget())
    number = Field("number", "ครั้งที่", number_widget())
    received_on = Field("received_on", "วันที่ได้รับจัดสรร", DateWidget())
    letter_no = Field("letter_no", "เลขที่หนังสือ", TextWidget(required=False, max_length=100))
    amount = Field("amount", AMOUNT_HEADER, amount_widget())
    note = Field("note", "หมายเหตุ", TextWidget(required=False, max_length=300))

    class Meta(OfficeResource.Meta):
        model = OfficeAllocation
        import_id_fields = ("fiscal_year_be", "category", "number")
        fields = (
            "fiscal_year_be",
            "category",
            "number",
            "received_on",
            "letter_no",
            "amount",
            "note",
        )
        import_order = fields
        export_order = fields

    def __init__(self, *, office, user=None, **kwargs):
        super().__init__(office=office, user=user, **kwargs)
        self._next: dict[tuple[int, int], int] | None = None

    def check_new(self, instance, errors):
        try:
            check_date(instance, "received_on", instance.fiscal_year)
        except ValidationError as error:
            errors.update(error.message_dict)
        if self._next is None:
            self._next = defaultdict(lambda: 1)
            for allocation in OfficeAllocation.objects.filter(office=self.office):
                key = (allocation.fiscal_year_id, allocation.category_id)
                self._next[key] = max(self._next[key], allocation.number + 1)
        key = (instance.fiscal_year.pk, instance.category.pk)
        if instance.number != self._next[key]:
            errors["number"] = (
                f"ครั้งที่ต้องต่อจากที่บันทึกแล้ว: ครั้งถัดไปของ{instance.category.name}"
                f"คือครั้งที่ {thai.to_thai_digits(self._next[key])}"
            )
            return
        self._next[key] += 1

    def save_instance(self, instance, is_create, row, **kwargs):
        if self._is_dry_run(kwargs) or not is_create:
            return
        from budget.services import office_allocation_add

        saved = office_allocation_add(
            plan=instance.plan,
            category=instance.category,
            amount=instance.amount,
            received_on=instance.received_on,
            letter_no=instance.letter_no,
            note=instance.note,
            user=self.user,
        )
        if saved.number != instance.number:  # another writer came first: nothing is kept
            raise ValidationError({"number": "ครั้งที่นี้ถูกบันทึกไปแล้วระหว่างการนำเข้า"})

    def row_label(self, instance) -> str:
        return (
            f"{instance.category.name} ครั้งที่ {thai.to_thai_digits(instance.number)} "
            f"{_money(instance.amount)}"
        )


class OfficeDisbursementResource(OfficeMoneyResource):
    """One row: money paid out of the office's budget in a category, by document number."""

    fiscal_year_be = Field("fiscal_year_be", YEAR_HEADER, _YearWidget())
    category = Field("category", CATEGORY_HEADER, CategoryWidget())
    document_no = Field("document_no", DOCUMENT_HEADER, TextWidget(max_length=100))
    paid_on = Field("paid_on", "วันที่เบิกจ่าย", DateWidget())
    amount = Field("amount", AMOUNT_HEADER, amount_widget())
    note = Field("note", "หมายเหตุ", TextWidget(required=False, max_length=300))

    class Meta(OfficeResource.Meta):
        model = OfficeDisbursement
        import_id_fields = ("fiscal_year_be", "category", "document_no")
        fields = ("fiscal_year_be", "category", "document_no", "paid_on", "amount", "note")
        import_order = fields
        export_order = fields

    def __init__(self, *, office, user=None, **kwargs):
        super().__init__(office=office, user=user, **kwargs)
        self._left: dict[tuple[int, int], Decimal] | None = None

    def get_queryset(self):
        return super().get_queryset().exclude(document_no="")

    def check_new(self, instance, errors):
        try:
            check_date(instance, "paid_on", instance.fiscal_year)
        except ValidationError as error:
            errors.update(error.message_dict)
        if "amount" in errors:
            return
        if self._left is None:
            allocated = self._sums(OfficeAllocation)
            disbursed = self._sums(OfficeDisbursement)
            self._left = defaultdict(
                lambda: ZERO,
                {k: allocated[k] - disbursed[k] for k in {*allocated, *disbursed}},
            )
        key = (instance.fiscal_year.pk, instance.category.pk)
        if instance.amount > self._left[key]:
            errors["amount"] = (
                f"เบิกจ่ายเกินงบประมาณคงเหลือของ{instance.category.name} "
                f"(คงเหลือ {_money(self._left[key])} นำเข้าการจัดสรรก่อน)"
            )
            return
        self._left[key] -= instance.amount

    def save_instance(self, instance, is_create, row, **kwargs):
        if self._is_dry_run(kwargs) or not is_create:
            return
        from budget.services import office_disbursement_record

        office_disbursement_record(
            plan=instance.plan,
            category=instance.category,
            amount=instance.amount,
            paid_on=instance.paid_on,
            document_no=instance.document_no,
            note=instance.note,
            user=self.user,
        )

    def row_label(self, instance) -> str:
        return f"{instance.category.name} {instance.document_no} {_money(instance.amount)}"


def _category_column() -> Column:
    return Column(
        CATEGORY_HEADER,
        "ชื่อหมวดงบประมาณตามตารางที่ ๑๓ เช่น งบบุคลากร งบดำเนินงาน งบลงทุน งบอุดหนุน งบรายจ่ายอื่น งบกลาง",
        example="งบดำเนินงาน",
        aliases=("หมวดงบ", "หมวด"),
    )


def _amount_column(example) -> Column:
    return Column(
        AMOUNT_HEADER,
        "จำนวนเงิน มากกว่าศูนย์ ทศนิยมไม่เกิน ๒ ตำแหน่ง มีจุลภาคคั่นหลักพันได้",
        example=example,
        aliases=("จำนวนเงิน",),
        kind="money",
    )


NOTE_COLUMN = Column("หมายเหตุ", "ไม่บังคับ ไม่เกิน ๓๐๐ ตัวอักษร", example="", required=False)
LEDGER_NOTE = (
    "รายการที่บันทึกแล้ว (เลขที่เดียวกัน) จะไม่ถูกแก้ไข: ถ้าข้อมูลในไฟล์ตรงกันจะข้ามไป "
    "ถ้าต่างกันจะแจ้งเป็นแถวที่ผิด ให้แก้ที่หน้างบประมาณ การนำเข้าไม่ลบรายการใด",
    "วันที่ต้องอยู่ในปีงบประมาณนั้นและไม่เลยวันนี้ ยอดรวมต้องไม่เกินงบประมาณคงเหลือ",
)

PROJECT_DISBURSEMENTS = register(
    ImportKind(
        key="project-disbursements",
        title="การเบิกจ่ายงบประมาณโครงการ",
        lead=(
            "รายการเบิกจ่ายของโครงการที่กลุ่มบริหารงานการเงินบันทึกโดยตรงในบัญชีคุมงบประมาณ "
            "หนึ่งแถวต่อหนึ่งรายการ ระบุด้วยปีงบประมาณ เลขที่โครงการ และเลขที่เอกสาร "
            "(กิจกรรมไม่บังคับ) ตามกฎเดียวกับหน้าบัญชีคุมงบประมาณ: ไม่เกินงบประมาณคงเหลือ "
            "วันที่อยู่ในปีงบประมาณ รายการที่มีเลขที่เอกสารนี้แล้วจะไม่ถูกบันทึกซ้ำ "
            "การเบิกจ่ายตามรายงานรายไตรมาสบันทึกเมื่อรายงานได้รับอนุมัติ ไม่ใช่ที่นี่"
        ),
        resource=ProjectDisbursementResource,
        columns=(
            year_column(),
            project_column(),
            Column(
                ACTIVITY_HEADER,
                "ไม่บังคับ กิจกรรมของโครงการที่เบิกจ่าย ช่องว่างคือเบิกจ่ายของโครงการโดยรวม",
                example=1,
                required=False,
                kind="number",
            ),
            Column(
                "วันที่เบิกจ่าย",
                "วัน/เดือน/ปี พ.ศ. เช่น ๑๕/๑/๒๕๖๕ อยู่ในปีงบประมาณนั้น",
                example="15/1/2565",
            ),
            _amount_column(12500),
            Column(
                DOCUMENT_HEADER,
                "เลขที่เอกสารการเบิกจ่าย ไม่เกิน ๑๐๐ ตัวอักษร ใช้ระบุรายการ: เลขที่ที่บันทึกแล้วจะไม่บันทึกซ้ำ",
                example="บจ.001/2565",
                aliases=("เลขที่", "เลขที่ฎีกา"),
            ),
            NOTE_COLUMN,
        ),
        keys=(YEAR_HEADER, PROJECT_HEADER, DOCUMENT_HEADER),
        right=Right.CORRECT_LEDGER,
        sheet="การเบิกจ่ายโครงการ",
        file_stem="project-disbursements",
        export_options=_year_option,
        notes=LEDGER_NOTE,
    )
)

OFFICE_ALLOCATIONS = register(
    ImportKind(
        key="office-allocations",
        title="งบประมาณที่สำนักงานได้รับจัดสรรรายหมวด",
        lead=(
            "การจัดสรรงบประมาณของสำนักงานตามหมวดงบประมาณ (ตารางที่ ๑๓) เป็นรายครั้ง "
            "หนึ่งแถวต่อหนึ่งครั้งที่ได้รับจัดสรร ครั้งที่ใหม่ต้องต่อจากครั้งล่าสุดที่บันทึกแล้ว "
            "นำเข้าการจัดสรรก่อนการเบิกจ่าย"
        ),
        resource=OfficeAllocationResource,
        columns=(
            year_column(),
            _category_column(),
            Column(
                "ครั้งที่",
                "ครั้งที่ได้รับจัดสรรในหมวดนั้น (๑, ๒, ๓ …) ต่อจากครั้งที่บันทึกแล้ว",
                example=1,
                kind="number",
            ),
            Column(
                "วันที่ได้รับจัดสรร",
                "ไม่บังคับ วัน/เดือน/ปี พ.ศ. อยู่ในปีงบประมาณนั้น",
                example="1/11/2564",
                required=False,
            ),
            Column(
                "เลขที่หนังสือ", "ไม่บังคับ เลขที่หนังสือแจ้งจัดสรร", example="ศธ 04002/1234", required=False
            ),
            _amount_column(500000),
            NOTE_COLUMN,
        ),
        keys=(YEAR_HEADER, CATEGORY_HEADER, "ครั้งที่"),
        right=Right.OFFICE_BUDGET,
        sheet="การจัดสรร",
        file_stem="office-allocations",
        export_options=_year_option,
        notes=LEDGER_NOTE,
    )
)

OFFICE_DISBURSEMENTS = register(
    ImportKind(
        key="office-disbursements",
        title="การเบิกจ่ายงบประมาณของสำนักงานรายหมวด",
        lead=(
            "การเบิกจ่ายงบประมาณของสำนักงานตามหมวดงบประมาณ (ตารางที่ ๑๓) หนึ่งแถวต่อหนึ่งรายการ "
            "ระบุด้วยปีงบประมาณ หมวด และเลขที่เอกสาร ไม่เกินงบประมาณคงเหลือของหมวด "
            "(นำเข้าการจัดสรรก่อน) รายการที่มีเลขที่เอกสารนี้แล้วจะไม่ถูกบันทึกซ้ำ"
        ),
        resource=OfficeDisbursementResource,
        columns=(
            year_column(),
            _category_column(),
            Column(
                DOCUMENT_HEADER,
                "เลขที่เอกสารการเบิกจ่าย ไม่เกิน ๑๐๐ ตัวอักษร ใช้ระบุรายการ: เลขที่ที่บันทึกแล้วจะไม่บันทึกซ้ำ",
                example="บจ.100/2565",
                aliases=("เลขที่",),
            ),
            Column(
                "วันที่เบิกจ่าย",
                "ไม่บังคับ วัน/เดือน/ปี พ.ศ. อยู่ในปีงบประมาณนั้น ช่องว่างคือนับเป็นสิ้นปีงบประมาณ",
                example="28/2/2565",
                required=False,
            ),
            _amount_column(120000),
            NOTE_COLUMN,
        ),
        keys=(YEAR_HEADER, CATEGORY_HEADER, DOCUMENT_HEADER),
        right=Right.OFFICE_BUDGET,
        sheet="การเบิกจ่าย",
        file_stem="office-disbursements",
        export_options=_year_option,
        notes=LEDGER_NOTE,
    )
)
