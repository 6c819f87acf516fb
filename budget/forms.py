"""Budget forms: they read amounts and dates as Thai users type them (๐-๙, separators,
Buddhist-era dates) and validate; the services write. Every form that records money is a
plans.forms.OnceForm (a one-time token: a second post records nothing twice)."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError

from budget.models import REPORT_REF_PREFIX, BudgetCategory
from budget.selectors import ProjectBudget
from plans import thai
from plans.forms import (
    FormWithRows,
    OnceForm,
    RowForm,
    RowFormSet,
    ThaiDateField,
    ThaiDecimalField,
)
from projects.models import Activity, Project


class MoneyField(ThaiDecimalField):
    """Baht with at most two satang places, more than zero: "๑,๒๓๔.๕๐" -> Decimal("1234.50")."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", "จำนวนเงิน (บาท)")
        kwargs.setdefault("help_text", "พิมพ์ตัวเลขไทยหรืออารบิกได้ เช่น ๑,๒๓๔.๕๐")
        kwargs.setdefault("widget", forms.TextInput({"inputmode": "decimal"}))
        super().__init__(max_digits=15, decimal_places=2, **kwargs)

    def to_python(self, value):
        if isinstance(value, str) and value.strip():
            try:
                return thai.parse_money(value)
            except ValueError as error:
                raise ValidationError(str(error), code="invalid") from error
        return super().to_python(value)

    def validate(self, value):
        super().validate(value)
        if value is not None and value <= 0:
            raise ValidationError("จำนวนเงินต้องมากกว่าศูนย์", code="min_value")


class ActivityChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Activity) -> str:
        return str(obj)


class DisbursementForm(OnceForm):
    paid_on = ThaiDateField(label="วันที่เบิกจ่าย")
    amount = MoneyField()
    activity = ActivityChoiceField(
        label="กิจกรรม",
        queryset=Activity.objects.none(),
        required=False,
        empty_label="ทั้งโครงการ (ไม่ระบุกิจกรรม)",
    )
    document_no = forms.CharField(label="เลขที่เอกสาร", max_length=100, required=False)
    note = forms.CharField(label="หมายเหตุ", max_length=300, required=False)

    def __init__(self, *args, project: Project, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activity"].queryset = Activity.objects.filter(project=project)

    def clean_document_no(self) -> str:
        value = self.cleaned_data["document_no"]
        if value.startswith(REPORT_REF_PREFIX):
            raise ValidationError("เลขที่เอกสารขึ้นต้นแบบนี้สงวนไว้สำหรับรายการจากรายงานรายไตรมาส")
        return value


class ReversalForm(forms.Form):
    """Finance's reason for reversing a ledger entry."""

    reason = forms.CharField(
        label="เหตุผลการกลับรายการ",
        max_length=300,
        widget=forms.Textarea({"rows": 3}),
        help_text="เช่น บันทึกซ้ำ หรือยอดในรายงานไม่ตรงกับหลักฐานการจ่าย",
    )


class ProjectAllocationForm(OnceForm):
    amount = MoneyField()
    activity = ActivityChoiceField(
        label="กิจกรรม",
        queryset=Activity.objects.none(),
        required=False,
        empty_label="ทั้งโครงการ (ไม่ระบุกิจกรรม)",
        help_text="เลือกกิจกรรมเมื่อจัดสรรให้กิจกรรมนั้นโดยเฉพาะ",
    )
    received_on = ThaiDateField(label="วันที่จัดสรร", required=False)
    letter_no = forms.CharField(label="เลขที่หนังสือ", max_length=100, required=False)
    note = forms.CharField(label="หมายเหตุ", max_length=300, required=False)

    def __init__(self, *args, project: Project, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activity"].queryset = Activity.objects.filter(project=project)


class OfficeMoneyForm(OnceForm):
    """What every entry of the office's budget has: a category of table 13 and an amount."""

    category = forms.ModelChoiceField(
        label="หมวดงบประมาณ", queryset=BudgetCategory.objects.all(), empty_label="— เลือกหมวดงบ —"
    )
    amount = MoneyField()


class OfficeAllocationForm(OfficeMoneyForm):
    received_on = ThaiDateField(label="วันที่ได้รับจัดสรร", required=False)
    letter_no = forms.CharField(label="เลขที่หนังสือ", max_length=100, required=False)
    note = forms.CharField(label="หมายเหตุ", max_length=300, required=False)


class OfficeDisbursementForm(OfficeMoneyForm):
    paid_on = ThaiDateField(label="วันที่เบิกจ่าย", required=False)
    document_no = forms.CharField(label="เลขที่เอกสาร", max_length=100, required=False)
    note = forms.CharField(label="หมายเหตุ", max_length=300, required=False)


class TargetForm(RowForm):
    """One quarter's cumulative target (ร้อยละ); `item` is the quarter (1 to 4)."""

    percent = ThaiDecimalField(
        label="ร้อยละสะสม",
        min_value=0,
        max_value=100,
        max_digits=5,
        decimal_places=2,
        widget=forms.TextInput({"inputmode": "decimal"}),
        help_text="ร้อยละของงบประมาณที่ควรเบิกจ่ายแล้วเมื่อสิ้นไตรมาส",
    )

    def __init__(self, *args, item: int | None = None, **kwargs):
        super().__init__(*args, item=item, **kwargs)
        if item is not None:
            self.fields["percent"].label = f"{thai.quarter_label(item)} (ร้อยละสะสม)"


class QuarterFormSet(RowFormSet):
    @staticmethod
    def key_of(item: int) -> str:
        return str(item)


TargetFormSet = forms.formset_factory(TargetForm, formset=QuarterFormSet, extra=0)


class TargetsForm(FormWithRows):
    """The four cumulative targets (ร้อยละ) of the year, one row per quarter."""

    def __init__(self, *args, initial_targets: dict[int, Decimal], **kwargs):
        super().__init__(*args, **kwargs)
        self.quarter_rows = TargetFormSet(
            self.data if self.is_bound else None,
            prefix="quarters",
            items=thai.FISCAL_QUARTERS,
            initial=[{"percent": initial_targets.get(quarter)} for quarter in thai.FISCAL_QUARTERS],
        )
        self.formsets = (self.quarter_rows,)

    def percents(self) -> dict[int, Decimal]:
        return {row.item: row.cleaned_data["percent"] for row in self.quarter_rows}


def _place_choices(budgets: list[ProjectBudget]) -> list[tuple[str, str]]:
    choices = [("", "— เลือก —")]
    for p in budgets:
        left = thai.format_money(p.remaining)
        choices.append((f"p{p.pk}", f"{p.label} (ทั้งโครงการ, คงเหลือ {left} บาท)"))
        for a in p.activities:
            left = thai.format_money(a.remaining)
            choices.append(
                (
                    f"a{a.pk}",
                    f"— กิจกรรมที่ {thai.to_thai_digits(a.number)} {a.name} (คงเหลือ {left} บาท)",
                )
            )
    return choices


class TransferForm(OnceForm):
    source = forms.ChoiceField(
        label="โอนจาก", help_text="โครงการหรือกิจกรรมต้นทาง (แสดงยอดคงเหลือปัจจุบัน)"
    )
    target = forms.ChoiceField(label="โอนไป", help_text="โครงการหรือกิจกรรมปลายทาง")
    amount = MoneyField()
    transferred_on = ThaiDateField(label="วันที่อนุมัติการโอน")
    reason = forms.CharField(label="เหตุผลการโอน", widget=forms.Textarea({"rows": 3}))
    approved_by = forms.CharField(
        label="ผู้อนุมัติ", max_length=200, help_text="ชื่อและตำแหน่ง เช่น ผู้อำนวยการ สพม."
    )
    letter_no = forms.CharField(label="เลขที่หนังสืออนุมัติ", max_length=100, required=False)

    def __init__(self, *args, budgets: list[ProjectBudget], **kwargs):
        super().__init__(*args, **kwargs)
        choices = _place_choices(budgets)
        self.fields["source"].choices = choices
        self.fields["target"].choices = choices

    def _place(self, value: str) -> tuple[Project, Activity | None]:
        """ "p12" -> (project 12, None); "a7" -> (its project, activity 7). The choices
        hold only the plan's projects and activities, so the value is one of them."""
        kind, pk = value[0], int(value[1:])
        if kind == "a":
            activity = Activity.objects.select_related("project").get(pk=pk)
            return activity.project, activity
        return Project.objects.get(pk=pk), None

    def clean(self):
        data = super().clean()
        if data.get("source") and data.get("target"):
            if data["source"] == data["target"]:
                raise ValidationError("ต้นทางและปลายทางต้องไม่ใช่รายการเดียวกัน")
            data["from_project"], data["from_activity"] = self._place(data["source"])
            data["to_project"], data["to_activity"] = self._place(data["target"])
        return data
