"""The form of a project's alignment: it only validates."""

from __future__ import annotations

from django import forms

from plans.models import MasterPlanIssue, MinisterPolicy, NationalStrategy, Plan, PolicyArea


def _choices(queryset, label: str) -> forms.ModelMultipleChoiceField:
    return forms.ModelMultipleChoiceField(
        queryset=queryset, label=label, required=False, widget=forms.CheckboxSelectMultiple
    )


class AlignmentForm(forms.Form):
    def __init__(self, *args, plan: Plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["national_strategies"] = _choices(
            NationalStrategy.objects.order_by("number"), "ยุทธศาสตร์ชาติ"
        )
        self.fields["master_plan_issues"] = _choices(
            MasterPlanIssue.objects.order_by("number"), "แผนแม่บทภายใต้ยุทธศาสตร์ชาติ (ประเด็น)"
        )
        self.fields["minister_policies"] = _choices(
            MinisterPolicy.objects.filter(fiscal_year=plan.fiscal_year).order_by("tag", "number"),
            f"นโยบาย รมว.ศธ. {plan.fiscal_year}",
        )
        self.fields["obec_policies"] = _choices(
            PolicyArea.objects.order_by("number"), "นโยบาย สพฐ."
        )
