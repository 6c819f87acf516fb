"""Forms of the quarterly report. They validate and normalise (Thai or Arabic digits,
thousands separators; photos under plans.files' one image rule); services write. The
indicators' values and the activities' money are formsets, one row per indicator or
activity (plans.forms.RowFormSet)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.core.validators import MinValueValidator

from indicators.models import UNIT_CHOICES, Indicator
from indicators.rules import PERCENT
from indicators.units import count_unit, kept_count_unit
from plans import thai
from plans.files import ImageFormField
from plans.forms import (
    FormWithRows,
    OnceForm,
    RowForm,
    RowFormSet,
    ThaiDecimalField,
    ThaiIntegerField,
    initial_number,
)
from plans.manage import texts
from progress import narrative
from progress.models import QuarterlyReport, ReportValue
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


# What the report gives of each indicator: the fields of its row (IndicatorValueForm).
VALUE_ROW_FIELDS = ReportValue.ROW_FIELDS
# A count is of persons, schools, rooms...: never a percentage (indicators.units.count_unit).
COUNT_UNIT_CHOICES = [("", "–"), *(c for c in UNIT_CHOICES if c[0] != PERCENT)]


def indicator_key(name: str, indicator: Indicator) -> str:
    """The report's key of one of an indicator's fields (VALUE_ROW_FIELDS): "value_12"."""
    return f"{name}_{indicator.pk}"


def activity_key(activity: Activity | None) -> str:
    """The report's key of an activity's amount: "amount_7" ("amount_project": no activity)."""
    return f"amount_{activity.pk if activity else 'project'}"


class IndicatorValueForm(RowForm):
    """One indicator's row of the quarter (`item`: the indicator): its result, the unit of
    the result, the count, the count's unit and, of a result short of its target, how many
    fell short (in the count's unit)."""

    value = number_field("ผลการดำเนินงานไตรมาสนี้", help_text="เว้นว่างถ้ายังไม่มีผลในไตรมาสนี้")
    unit = forms.ChoiceField(label="หน่วยของผล", choices=UNIT_CHOICES)
    count = number_field("จำนวนที่ดำเนินการ (ถ้ามี)")
    count_unit = forms.ChoiceField(label="หน่วยของจำนวน", choices=COUNT_UNIT_CHOICES, required=False)
    shortfall = number_field(
        "จำนวนที่ไม่บรรลุ (ถ้ามี)",
        help_text="เป็นหน่วยเดียวกับจำนวนที่ดำเนินการ กรอกเฉพาะเมื่อผลไม่บรรลุค่าเป้าหมาย "
        "เช่น จำนวนโรงเรียนที่ไม่ได้เข้าร่วม",
    )


class AmountForm(RowForm):
    """Money disbursed in the quarter for one activity (`item`; None: the whole project)."""

    amount = number_field("เบิกจ่ายในไตรมาสนี้ (บาท)", help_text="เว้นว่างหรือ ๐ ถ้าไม่มีการเบิกจ่าย")


class ActivityFormSet(RowFormSet):
    @staticmethod
    def key_of(item: Activity | None) -> str:
        return str(item.pk) if item else "project"


IndicatorValueFormSet = forms.formset_factory(IndicatorValueForm, formset=RowFormSet, extra=0)
AmountFormSet = forms.formset_factory(AmountForm, formset=ActivityFormSet, extra=0)


class ReportForm(FormWithRows):
    """The whole quarter on one form: narrative, a row per indicator (`value_rows`), a row of
    money per activity (`amount_rows`) and one new photo. `version` is the report's version
    the user started from. Unbound, it shows `report` (the saved draft, if any), read by
    `saved_fields`: the report keyed by the report's keys (`indicator_key`, `activity_key`,
    the narrative's names), as progress.conflicts compares it with what was typed."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(
        self,
        *args,
        indicators: list[Indicator],
        activities: list[Activity | None],
        report: QuarterlyReport | None = None,
        **kwargs,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.indicators = indicators
        self.activities = activities
        if report is not None:
            self.initial = {**self.saved_fields(report), **self.initial}
        self.initial.setdefault("version", report.version if report else 0)
        for name in QuarterlyReport.NARRATIVE:
            label = QuarterlyReport._meta.get_field(name).verbose_name
            self.fields[name] = forms.CharField(
                label=label, required=False, widget=forms.Textarea(attrs={"rows": 3})
            )
        self.fields["photo"] = ImageFormField(
            label="เพิ่มภาพกิจกรรม",
            required=False,
            help_text="ไฟล์ JPEG, PNG หรือ WebP ขนาดไม่เกิน ๕ MB และไม่เกิน ๔๐ ล้านจุดภาพ",
        )
        self.fields["photo_caption"] = forms.CharField(
            label="คำบรรยายภาพ", required=False, max_length=500
        )
        data = self.data if self.is_bound else None
        self.value_rows = IndicatorValueFormSet(
            data,
            prefix="values",
            items=indicators,
            initial=[self._value_row(indicator) for indicator in indicators],
        )
        self.amount_rows = AmountFormSet(
            data,
            prefix="amounts",
            items=activities,
            initial=[{"amount": self.initial.get(activity_key(a))} for a in activities],
        )
        self.formsets = (self.value_rows, self.amount_rows)

    def _value_row(self, indicator: Indicator) -> dict[str, Any]:
        row = {name: self.initial.get(indicator_key(name, indicator)) for name in VALUE_ROW_FIELDS}
        row["unit"] = row["unit"] or indicator.unit
        row["count_unit"] = row["count_unit"] or count_unit(row["unit"])
        return row

    def saved_fields(self, report: QuarterlyReport | None) -> dict[str, Any]:
        """The saved report as this form's fields, by the report's keys (blank: "" for text,
        None otherwise). Reads the report's values and disbursements (prefetch them)."""
        out: dict[str, Any] = {
            name: (getattr(report, name) if report else "") or ""
            for name in QuarterlyReport.NARRATIVE
        }
        values = {v.indicator_id: v for v in report.values.all()} if report else {}
        for indicator in self.indicators:
            row = values.get(indicator.pk)
            for name in VALUE_ROW_FIELDS:
                out[indicator_key(name, indicator)] = getattr(row, name) if row else None
        amounts = {d.activity_id: d.amount for d in report.disbursements.all()} if report else {}
        for activity in self.activities:
            out[activity_key(activity)] = amounts.get(activity.pk if activity else None)
        return out

    @property
    def narrative_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in QuarterlyReport.NARRATIVE]

    def clean(self):
        data = super().clean()
        if data.get("photo") and not (data.get("photo_caption") or "").strip():
            self.add_error("photo_caption", "กรุณากรอกคำบรรยายภาพ")
        return data

    def keyed_fields(self) -> dict[str, tuple[forms.Form, str]]:
        """Each report key -> the form (this one or a row) and the field that holds it."""
        out: dict[str, tuple[forms.Form, str]] = {
            name: (self, name) for name in QuarterlyReport.NARRATIVE
        }
        for row in self.value_rows:
            for name in VALUE_ROW_FIELDS:
                out[indicator_key(name, row.item)] = (row, name)
        for row in self.amount_rows:
            out[activity_key(row.item)] = (row, "amount")
        return out

    def values(self) -> dict[int, tuple[Decimal, str, Decimal | None, str, Decimal | None]]:
        """Indicator id -> (value, unit, count, count's unit, shortfall) for every indicator
        given a value (the count's unit by indicators.units.count_unit, "" without a count
        or a shortfall)."""
        out = {}
        for row in self.value_rows:
            value = row.cleaned_data.get("value")
            if value is not None:
                unit = row.cleaned_data.get("unit") or row.item.unit
                count, shortfall = row.cleaned_data.get("count"), row.cleaned_data.get("shortfall")
                chosen = row.cleaned_data.get("count_unit") or ""
                of_count = kept_count_unit(unit, chosen, count=count, shortfall=shortfall)
                out[row.item.pk] = (value, unit, count, of_count, shortfall)
        return out

    def amounts(self) -> dict[int | None, Decimal]:
        """Activity id (None: the project as a whole) -> amount, zero and blank left out."""
        out = {}
        for row in self.amount_rows:
            amount = row.cleaned_data.get("amount")
            if amount:
                out[row.item.pk if row.item else None] = amount
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


class NarrativeForm(OnceForm):
    """The planning group's text of a project's printed narrative, one box per section
    (shown with what prints now) with a choice to print it as "ไม่มี", and which approved
    reports' photos print, in which order and with which caption."""

    def __init__(self, *args, story, **kwargs):
        super().__init__(*args, **kwargs)
        self.story = story
        for section in story.sections:
            self.fields[section.key] = forms.CharField(
                label=f"ข้อความที่พิมพ์: {section.title}",
                required=False,
                strip=True,
                initial="" if section.cleared else narrative.join(section.key, section.items),
                help_text="หนึ่งบรรทัดต่อหนึ่งข้อ (วิธีการดำเนินงาน: เว้นหนึ่งบรรทัดระหว่างย่อหน้า) "
                "ลบข้อความทั้งหมดเพื่อกลับไปใช้ข้อความจากแหล่งที่มา",
                widget=forms.Textarea(attrs={"rows": 6}),
            )
            self.fields[f"{section.key}_none"] = forms.BooleanField(
                label=f"พิมพ์หัวข้อ “{section.title}” ว่า “{narrative.NONE}”",
                required=False,
                initial=section.cleared,
                help_text="ไม่ใช้ข้อความจากรายงานรายไตรมาสหรือข้อความที่พิมพ์ไว้",
            )
        self.fields["photos"] = forms.TypedMultipleChoiceField(
            label="ภาพที่พิมพ์ในรายงาน",
            required=False,
            coerce=int,
            choices=[(c.photo.pk, c.photo.caption) for c in story.photos],
            initial=[c.photo.pk for c in story.photos if c.chosen],
            widget=forms.CheckboxSelectMultiple,
            error_messages={"invalid_choice": "ภาพที่เลือกไม่อยู่ในรายงานที่อนุมัติแล้วของโครงการนี้"},
        )
        for place, choice in enumerate(story.photos, start=1):
            pk = choice.photo.pk
            self.fields[f"order_{pk}"] = ThaiIntegerField(
                label="ลำดับ",
                required=False,
                min_value=1,
                max_value=99,
                initial=initial_number(choice.order or place, 0),
                widget=forms.TextInput(attrs={"inputmode": "numeric", "size": 3}),
            )
            self.fields[f"caption_{pk}"] = forms.CharField(
                label="คำบรรยายในรายงาน",
                required=False,
                max_length=500,
                initial=choice.caption,
                widget=forms.TextInput(attrs={"placeholder": choice.photo.caption}),
            )

    def photo_fields(self):
        """(choice, order field, caption field) of each photo, for the page."""
        return [
            (c, self[f"order_{c.photo.pk}"], self[f"caption_{c.photo.pk}"])
            for c in self.story.photos
        ]

    def clean(self):
        data = super().clean()
        try:  # the texts' one rule of figures in braces, on the boxes changed
            changed = [s.key for s in self.story.sections if s.key in self.changed_data]
            texts.validate_figures(**{key: data.get(key) for key in changed})
        except forms.ValidationError as error:
            self.add_error(None, error)
        photos = set(data.pop("photos", []))
        cleared = {s.key for s in self.story.sections if data.pop(f"{s.key}_none", False)}
        details = {}
        for place, choice in enumerate(self.story.photos, start=1):
            pk = choice.photo.pk
            order = data.pop(f"order_{pk}", None)
            caption = data.pop(f"caption_{pk}", "")
            if pk in photos:
                details[pk] = (order or place, caption)
        return {"texts": data, "cleared": cleared, "photos": details}
