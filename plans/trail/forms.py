"""The audit trail page's filter form (GET)."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model

from plans.forms import ThaiDateField
from plans.models import Office
from plans.trail.selectors import TrailFilter, object_types

UNTIL_BEFORE_SINCE = "วันที่สิ้นสุดต้องไม่ก่อนวันที่เริ่มต้น"


class TrailFilterForm(forms.Form):
    user = forms.ModelChoiceField(
        label="ผู้ดำเนินการ", queryset=None, required=False, empty_label="— ทุกคน —"
    )
    object_type = forms.ChoiceField(label="ประเภทข้อมูล", required=False)
    since = ThaiDateField(label="ตั้งแต่วันที่", required=False)
    until = ThaiDateField(label="ถึงวันที่", required=False)
    q = forms.CharField(label="คำค้น", required=False, max_length=100)

    def __init__(self, *args, office: Office, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = (
            get_user_model()
            .objects.filter(memberships__office=office)
            .order_by("first_name", "last_name", "username")
            .distinct()
        )
        self.fields["user"].label_from_instance = lambda u: u.get_full_name() or u.username
        self.fields["object_type"].choices = [("", "— ทุกประเภท —"), *object_types()]

    def clean(self):
        data = super().clean()
        since, until = data.get("since"), data.get("until")
        if since and until and until < since:
            self.add_error("until", UNTIL_BEFORE_SINCE)
        return data

    def chosen(self) -> TrailFilter:
        """The filter (nothing filtered when the form is not valid: the page says why)."""
        if not self.is_valid():
            return TrailFilter()
        data = self.cleaned_data
        return TrailFilter(
            user_id=data["user"].pk if data.get("user") else None,
            object_type=data.get("object_type", ""),
            since=data.get("since"),
            until=data.get("until"),
            text=data.get("q", "").strip(),
        )
