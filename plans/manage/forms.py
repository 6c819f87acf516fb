"""Forms of the planning group's pages: they only validate and normalise."""

from __future__ import annotations

from django import forms

from plans.forms import ROWS_CHANGED, OnceForm, ThaiDateField, ThaiDecimalField, ThaiIntegerField
from plans.manage import texts
from plans.manage.services import ListRow

TEXTAREA = {"rows": 3}


class VisionForm(forms.Form):
    vision = forms.CharField(label="วิสัยทัศน์", widget=forms.Textarea(attrs=TEXTAREA), required=False)
    values_name = forms.CharField(
        label="ชื่อค่านิยม", max_length=100, required=False, help_text="เช่น ค่านิยมองค์กร"
    )


class ReportTextForm(forms.Form):
    title = forms.CharField(
        label="หัวข้อที่พิมพ์",
        max_length=400,
        required=False,
        help_text="เว้นว่างได้: รายงานจะพิมพ์หัวข้อตามที่กำหนดไว้ หรือพิมพ์เฉพาะเนื้อหา",
    )
    body = forms.CharField(
        label="เนื้อหา",
        widget=forms.Textarea(attrs={"rows": 14}),
        required=False,
        help_text="เว้นบรรทัดว่างระหว่างย่อหน้า",
    )
    signed_by = forms.CharField(
        label="ลงนามโดย", max_length=200, required=False, help_text="เฉพาะข้อความที่มีผู้ลงนาม เช่น คำนำ"
    )

    def clean_body(self):
        body = self.cleaned_data["body"]
        try:
            texts.validate_figures(body=body)
        except forms.ValidationError as error:
            raise forms.ValidationError(error.message_dict["body"]) from None
        return body


class CommitteeForm(forms.Form):
    number = forms.CharField(label="เลขที่คำสั่ง", max_length=30, required=False)
    title = forms.CharField(label="เรื่อง", widget=forms.Textarea(attrs=TEXTAREA), required=False)
    preamble = forms.CharField(
        label="ข้อความนำ", widget=forms.Textarea(attrs=TEXTAREA), required=False
    )
    closing = forms.CharField(
        label="ข้อความท้าย", widget=forms.Textarea(attrs=TEXTAREA), required=False
    )
    signed_on = ThaiDateField(label="สั่ง ณ วันที่", required=False)
    signed_by_name = forms.CharField(label="ผู้ลงนาม", max_length=200, required=False)
    signed_by_position = forms.CharField(label="ตำแหน่งผู้ลงนาม", max_length=300, required=False)


# -- edited lists -----------------------------------------------------------------------------


class ListRowForm(forms.Form):
    """One row of an edited list: `row` (hidden) names a stored row, empty for a new one; the
    formset adds "ลำดับ" (its place in the list) and "ลบรายการนี้"."""

    template_name = "forms/fields.html"
    row = forms.IntegerField(widget=forms.HiddenInput, required=False)


class StatementRowForm(ListRowForm):
    title = forms.CharField(label="หัวข้อ", max_length=200, required=False)
    text = forms.CharField(label="ข้อความ", widget=forms.Textarea(attrs=TEXTAREA))


class SectionRowForm(ListRowForm):
    title = forms.CharField(label="ชื่อกลุ่ม", max_length=200)
    duty = forms.CharField(label="หน้าที่", widget=forms.Textarea(attrs=TEXTAREA), required=False)


class MemberRowForm(ListRowForm):
    name = forms.CharField(label="ชื่อ-สกุล", max_length=200)
    position = forms.CharField(label="ตำแหน่ง", max_length=300, required=False)
    role = forms.CharField(label="หน้าที่ในคณะ", max_length=200, required=False)


class BaseListFormSet(forms.BaseFormSet):
    """The rows of a list, then blank rows to add (`extra`): a new row left blank is not
    saved; a row ticked "ลบรายการนี้" is removed; the rows are saved in the order of their
    "ลำดับ" (a blank one keeps its place at the end)."""

    default_error_messages = {
        "missing_management_form": ROWS_CHANGED,
        "too_many_forms": ROWS_CHANGED,
        "too_few_forms": ROWS_CHANGED,
    }

    def add_fields(self, form, index):
        super().add_fields(form, index)
        form.fields["ORDER"] = ThaiIntegerField(
            label="ลำดับ",
            required=False,
            min_value=1,
            max_value=999,
            widget=forms.TextInput({"inputmode": "numeric", "size": 4}),
        )
        form.fields["DELETE"] = forms.BooleanField(label="ลบรายการนี้", required=False)
        if index is None or index >= self.initial_form_count():
            del form.fields["DELETE"]  # a new row is removed by leaving it blank

    def rows(self) -> list[ListRow]:
        """The posted list in its new order, for plans.manage.services.numbered_list_save."""
        removed = [
            ListRow(pk=form.cleaned_data["row"], remove=True)
            for form in self.deleted_forms
            if form.cleaned_data.get("row")
        ]
        # ordered_forms leaves out the removed rows and the blank new ones.
        kept = [
            ListRow(
                pk=form.cleaned_data.get("row"),
                values={
                    k: v
                    for k, v in form.cleaned_data.items()
                    if k not in {"row", "ORDER", "DELETE"}
                },
            )
            for form in self.ordered_forms
        ]
        return removed + kept


def list_formset(form: type[ListRowForm], extra: int = 2) -> type[BaseListFormSet]:
    return forms.formset_factory(
        form, formset=BaseListFormSet, extra=extra, can_order=True, can_delete=True, max_num=500
    )


class PolicyRowForm(ListRowForm):
    text = forms.CharField(label="ข้อความ", widget=forms.Textarea(attrs=TEXTAREA))


class StrategyRowForm(ListRowForm):
    name = forms.CharField(label="ชื่อกลยุทธ์", widget=forms.Textarea(attrs=TEXTAREA))


class StrategyGoalRowForm(ListRowForm):
    text = forms.CharField(label="เป้าประสงค์", widget=forms.Textarea(attrs=TEXTAREA))


class StrategyIndicatorRowForm(ListRowForm):
    text = forms.CharField(label="ตัวชี้วัด", widget=forms.Textarea(attrs=TEXTAREA))
    target_qualifier = forms.CharField(
        label="คำนำหน้าค่าเป้าหมาย", max_length=50, required=False, help_text="เช่น ไม่น้อยกว่า"
    )
    target_value = ThaiDecimalField(
        label="ค่าเป้าหมาย", max_digits=14, decimal_places=2, required=False
    )
    target_unit = forms.CharField(label="หน่วย", max_length=30, required=False)
    target_per = forms.CharField(label="ต่อ", max_length=30, required=False, help_text="เช่น ปี")


class StrategyGuidelineRowForm(ListRowForm):
    heading = forms.CharField(
        label="หัวข้อย่อย", widget=forms.Textarea(attrs=TEXTAREA), required=False
    )
    text = forms.CharField(label="แนวทางการพัฒนา", widget=forms.Textarea(attrs=TEXTAREA))


class PlanCreateForm(OnceForm):
    """A new, empty plan of the office for a fiscal year (B.E., Thai digits accepted)."""

    year = ThaiIntegerField(
        label="ปีงบประมาณ (พ.ศ.)",
        min_value=2500,
        max_value=2700,
        help_text="เช่น ๒๕๗๐ แผนที่สร้างจะว่าง ถ้าต้องการเริ่มจากแผนปีก่อน ให้ใช้ “เริ่มแผนปีถัดไปจากปีนี้”",
    )
