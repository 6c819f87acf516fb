"""Forms of the reports app's pages."""

from __future__ import annotations

from django import forms

from plans.forms import ThaiDateField
from reports.publishing import REASON_REQUIRED


class WithdrawForm(forms.Form):
    """Why a published document is withdrawn: printed on its public address afterwards."""

    reason = forms.CharField(
        label="เหตุผลที่ถอนการเผยแพร่",
        help_text="ผู้ที่เปิดที่อยู่ของเอกสารจะเห็นเหตุผลนี้และวันที่ถอน",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": REASON_REQUIRED},
    )


class PlanApprovalForm(forms.Form):
    """The director's approval of the plan: its date and the order's reference."""

    approved_on = ThaiDateField(label="วันที่อนุมัติแผน")
    reference = forms.CharField(
        label="คำสั่งหรือหนังสืออนุมัติ",
        help_text="เช่น คำสั่งสำนักงานเขตพื้นที่การศึกษา ที่ ๑๒/๒๕๖๕ (ถ้ามี)",
        max_length=200,
        required=False,
    )
