"""Forms of the quarterly report. They validate and normalise (Thai or Arabic digits,
thousands separators; photos under plans.files' one image rule); services write."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.core.validators import MinValueValidator

from indicators.models import UNIT_CHOICES, Indicator
from plans import thai
from plans.files import ImageFormField
from plans.forms import ThaiDecimalField
from progress.models import QuarterlyReport
from projects.models import Activity

NUMBER_ERRORS = {
    "invalid": thai.NOT_A_NUMBER,
    "max_digits": "ตัวเลขยาวเกินไป",
    "max_whole_digits": "ตัวเลขยาวเกินไป",
    "max_decimal_places": "ตัวเลขต้องมีทศนิยมไม่เกิน ๒ ตำแหน่ง",
}
NOT_NEGATIVE = [MinValueValidator(Decimal(0), message="ตัวเลขต้องไม่ติดลบ")]
NUMBER_INPUT = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})


def number_field(label: str, **kwargs) -> ThaiDecimalField:
    return ThaiDecimalField(
        label=label,
        required=False,
        max_digits=14,
        decimal_places=2,
        validators=NOT_NEGATIVE,
        error_messages=NUMBER_ERRORS,
        widget=NUMBER_INPUT,
        **kwargs,
    )


def value_key(indicator: Indicator) -> str:
    return f"value_{indicator.pk}"


def activity_key(activity: Activity | None) -> str:
    return f"amount_{activity.pk if activity else 'project'}"


class ReportForm(forms.Form):
    """The whole quarter on one form: narrative, a value per indicator, money per activity
    and one new photo. `version` is the report's version the user started from."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(
        self,
        *args,
        indicators: list[Indicator],
        activities: list[Activity | None],
        **kwargs,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.indicators = indicators
        self.activities = activities
        for name in QuarterlyReport.NARRATIVE:
            label = QuarterlyReport._meta.get_field(name).verbose_name
            self.fields[name] = forms.CharField(
                label=label, required=False, widget=forms.Textarea(attrs={"rows": 3})
            )
        for indicator in indicators:
            key = value_key(indicator)
            self.fields[key] = number_field(
                "ผลการดำเนินงานไตรมาสนี้", help_text="เว้นว่างถ้ายังไม่มีผลในไตรมาสนี้"
            )
            self.fields[f"unit_{indicator.pk}"] = forms.ChoiceField(
                label="หน่วยของผล", choices=UNIT_CHOICES, initial=indicator.unit
            )
            self.fields[f"count_{indicator.pk}"] = number_field("จำนวนที่ดำเนินการ (ถ้ามี)")
        for activity in activities:
            self.fields[activity_key(activity)] = number_field(
                "เบิกจ่ายในไตรมาสนี้ (บาท)", help_text="เว้นว่างหรือ ๐ ถ้าไม่มีการเบิกจ่าย"
            )
        self.fields["photo"] = ImageFormField(
            label="เพิ่มภาพกิจกรรม",
            required=False,
            help_text="ไฟล์ JPEG, PNG หรือ WebP ขนาดไม่เกิน ๕ MB และไม่เกิน ๔๐ ล้านจุดภาพ",
        )
        self.fields["photo_caption"] = forms.CharField(
            label="คำบรรยายภาพ", required=False, max_length=500
        )

    def clean(self):
        data = super().clean()
        if data.get("photo") and not (data.get("photo_caption") or "").strip():
            self.add_error("photo_caption", "กรุณากรอกคำบรรยายภาพ")
        return data

    def values(self) -> dict[int, tuple[Decimal, str, Decimal | None]]:
        """Indicator id -> (value, unit, count) for every indicator given a value."""
        out = {}
        for indicator in self.indicators:
            value = self.cleaned_data.get(value_key(indicator))
            if value is not None:
                out[indicator.pk] = (
                    value,
                    self.cleaned_data.get(f"unit_{indicator.pk}") or indicator.unit,
                    self.cleaned_data.get(f"count_{indicator.pk}"),
                )
        return out

    def amounts(self) -> dict[int | None, Decimal]:
        """Activity id (None: the project as a whole) -> amount, zero and blank left out."""
        out = {}
        for activity in self.activities:
            amount = self.cleaned_data.get(activity_key(activity))
            if amount:
                out[activity.pk if activity else None] = amount
        return out

    def narrative(self) -> dict[str, str]:
        return {name: self.cleaned_data.get(name, "").strip() for name in QuarterlyReport.NARRATIVE}


class ReasonForm(forms.Form):
    """The reason a report is returned or reopened (required), with the version seen."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    reason = forms.CharField(
        label="เหตุผล",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        error_messages={"required": "กรุณาระบุเหตุผล"},
    )

    def clean_reason(self) -> str:
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError("กรุณาระบุเหตุผล")
        return reason


class ConfirmForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
