"""Forms of the planning group's project tree: they read numbers as Thai users type them
and validate; projects/services.py writes. Every choice is limited to the project's office
and names its year where an item of another year could look the same."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.contrib.auth import get_user_model

from indicators.models import UNIT_CHOICES, Indicator
from plans import thai
from plans.forms import (
    FormWithRows,
    OnceForm,
    RowForm,
    RowFormSet,
    ThaiDecimalField,
    ThaiIntegerField,
)
from plans.models import Plan, PolicyArea, WorkGroup
from plans.templatetags.thai import quantity
from projects.models import Activity, Project, ProjectStatement
from projects.services import ActivityRow, IndicatorData, ProjectData

NUMBER_HELP = "พิมพ์ตัวเลขไทยหรืออารบิกได้"


def _number_field(label: str, **kwargs) -> ThaiIntegerField:
    return ThaiIntegerField(
        label=label,
        min_value=1,
        max_value=9999,
        widget=forms.TextInput({"inputmode": "numeric", "size": 4}),
        **kwargs,
    )


class MemberChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.get_full_name() or obj.get_username()


def _lines(project: Project, kind: str) -> str:
    return "\n".join(s.text for s in project.statements.all() if s.kind == kind)


class ProjectForm(forms.Form):
    """A project's own data: number, name, objectives, policy area, groups and owner."""

    number = _number_field("ลำดับโครงการ")
    name = forms.CharField(label="ชื่อโครงการ", max_length=400)
    objectives = forms.CharField(
        label="วัตถุประสงค์",
        required=False,
        widget=forms.Textarea({"rows": 4}),
        help_text="ข้อละหนึ่งบรรทัด ระบบใส่เลขข้อให้ตามลำดับบรรทัด",
    )
    target_groups = forms.CharField(
        label="กลุ่มเป้าหมาย",
        required=False,
        widget=forms.Textarea({"rows": 3}),
        help_text="ข้อละหนึ่งบรรทัด เช่น ครูในสังกัด ๑๒๐ คน",
    )
    policy_area = forms.ModelChoiceField(
        label="ด้านนโยบาย", queryset=PolicyArea.objects.none(), empty_label="เลือกด้านนโยบาย"
    )
    work_group = forms.ModelChoiceField(
        label="กลุ่มงานที่รับผิดชอบ",
        queryset=WorkGroup.objects.none(),
        required=False,
        empty_label="ยังไม่ระบุ",
    )
    owner = MemberChoiceField(
        label="ผู้รับผิดชอบโครงการ",
        queryset=get_user_model().objects.none(),
        required=False,
        empty_label="ยังไม่ระบุ",
        help_text="บุคลากรของสำนักงานนี้",
    )
    owner_name = forms.CharField(
        label="ชื่อผู้รับผิดชอบที่พิมพ์ในรายงาน",
        max_length=200,
        required=False,
        help_text="เว้นว่างไว้เพื่อใช้ชื่อของผู้รับผิดชอบที่เลือก",
    )
    supporting_groups = forms.ModelMultipleChoiceField(
        label="กลุ่มงานร่วม",
        queryset=WorkGroup.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, plan: Plan, project: Project | None = None, **kwargs):
        if project is not None:
            kwargs["initial"] = {
                "number": thai.to_thai_digits(project.number),
                "name": project.name,
                "objectives": _lines(project, ProjectStatement.Kind.OBJECTIVE),
                "target_groups": _lines(project, ProjectStatement.Kind.TARGET_GROUP),
                "policy_area": project.policy_area_id,
                "work_group": project.work_group_id,
                "owner": project.owner_id,
                "owner_name": project.owner_name,
                "supporting_groups": [g.pk for g in project.supporting_groups.all()],
            }
        super().__init__(*args, **kwargs)
        groups = WorkGroup.objects.filter(office=plan.office_id).order_by("kind", "name")
        self.fields["policy_area"].queryset = PolicyArea.objects.order_by("number")
        self.fields["work_group"].queryset = groups
        self.fields["supporting_groups"].queryset = groups
        self.fields["owner"].queryset = (
            get_user_model()
            .objects.filter(memberships__office=plan.office_id, is_active=True)
            .distinct()
            .order_by("first_name", "last_name", "username")
        )

    def data_for_service(self) -> ProjectData:
        data = self.cleaned_data
        return ProjectData(
            number=data["number"],
            name=data["name"],
            policy_area=data["policy_area"],
            work_group=data["work_group"],
            owner=data["owner"],
            owner_name=data["owner_name"],
            supporting_groups=list(data["supporting_groups"]),
            objectives=data["objectives"].splitlines(),
            target_groups=data["target_groups"].splitlines(),
        )


class ProjectAddForm(OnceForm, ProjectForm):
    """The new project's form: one post creates one project (plans.forms.OnceForm)."""


class ActivityRowForm(RowForm):
    number = _number_field("กิจกรรมที่")
    name = forms.CharField(label="ชื่อกิจกรรม", widget=forms.Textarea({"rows": 2}))


ActivityFormSet = forms.formset_factory(ActivityRowForm, formset=RowFormSet, extra=0)


class ActivitiesForm(FormWithRows):
    """Every activity of the project (rename, renumber) and one optional new one."""

    new_number = _number_field("กิจกรรมที่", required=False)
    new_name = forms.CharField(
        label="ชื่อกิจกรรมใหม่", required=False, widget=forms.Textarea({"rows": 2})
    )

    def __init__(self, *args, activities: list[Activity], next_number: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_number"].initial = thai.to_thai_digits(next_number)
        self.rows = ActivityFormSet(
            self.data if self.is_bound else None,
            items=activities,
            initial=[{"number": thai.to_thai_digits(a.number), "name": a.name} for a in activities],
            prefix="activities",
        )
        self.formsets = (self.rows,)

    def clean(self):
        data = super().clean()
        if data.get("new_name", "").strip() and not data.get("new_number"):
            self.add_error("new_number", "กรุณาระบุลำดับของกิจกรรมใหม่")
        return data

    def rows_for_service(self) -> list[ActivityRow]:
        return [
            ActivityRow(form.item, form.cleaned_data["number"], form.cleaned_data["name"])
            for form in self.rows
        ]

    def new_for_service(self) -> ActivityRow | None:
        name = self.cleaned_data.get("new_name", "").strip()
        if not name:
            return None
        return ActivityRow(None, self.cleaned_data["new_number"], name)


class ActivityChoiceField(forms.ModelChoiceField):
    """An activity named with its project and year, before its (shortened) name:
    "กิจกรรมที่ ๑ (โครงการที่ ๓ ปีงบประมาณ ๒๕๖๖) อบรมครู"."""

    def label_from_instance(self, obj: Activity) -> str:
        project = obj.project
        year = thai.to_thai_digits(project.plan.fiscal_year.year)
        where = f"โครงการที่ {thai.to_thai_digits(project.number)} ปีงบประมาณ {year}"
        name = obj.name if len(obj.name) <= 50 else f"{obj.name[:50]}…"
        return f"กิจกรรมที่ {thai.to_thai_digits(obj.number)} ({where}) {name}"


def _shown(value: Decimal | None) -> str | None:
    """A saved measure as the pages write it (๑๐๐, ๕๔.๓๙), not with the column's places."""
    return None if value is None else quantity(value)


class IndicatorForm(forms.Form):
    """An indicator and its cumulative milestones at the end of each quarter."""

    order = _number_field("ลำดับตัวชี้วัด")
    text = forms.CharField(label="ตัวชี้วัด", widget=forms.Textarea({"rows": 3}))
    activity = ActivityChoiceField(
        label="กิจกรรม",
        queryset=Activity.objects.none(),
        required=False,
        empty_label="ทั้งโครงการ (ไม่ระบุกิจกรรม)",
    )
    target = ThaiDecimalField(
        label="ค่าเป้าหมาย",
        max_digits=14,
        decimal_places=2,
        min_value=0,
        required=False,
        help_text=NUMBER_HELP,
        widget=forms.TextInput({"inputmode": "decimal", "size": 10}),
    )
    unit = forms.ChoiceField(label="หน่วย", choices=UNIT_CHOICES)
    direction = forms.ChoiceField(label="ทิศทาง", choices=Indicator.DirectionChoice.choices)
    aggregation = forms.ChoiceField(
        label="การรวมผลรายไตรมาส", choices=Indicator.AggregationChoice.choices
    )

    def __init__(self, *args, project: Project, indicator: Indicator | None = None, **kwargs):
        if indicator is not None:
            kwargs["initial"] = {
                "order": thai.to_thai_digits(indicator.order),
                "text": indicator.text,
                "activity": indicator.activity_id,
                "target": _shown(indicator.target),
                "unit": indicator.unit,
                "direction": indicator.direction,
                "aggregation": indicator.aggregation,
                **{f"q{m.quarter}": _shown(m.value) for m in indicator.milestones.all()},
            }
        super().__init__(*args, **kwargs)
        for quarter in range(1, 5):
            self.fields[f"q{quarter}"] = ThaiDecimalField(
                label=f"ณ สิ้นไตรมาสที่ {thai.to_thai_digits(quarter)}",
                max_digits=14,
                decimal_places=2,
                min_value=0,
                required=False,
                widget=forms.TextInput({"inputmode": "decimal", "size": 8}),
            )
        self.fields["activity"].queryset = Activity.objects.filter(project=project).select_related(
            "project__plan__fiscal_year"
        )

    @property
    def milestone_fields(self):
        return [self[f"q{quarter}"] for quarter in range(1, 5)]

    @property
    def main_fields(self):
        names = ("order", "text", "activity", "target", "unit", "direction", "aggregation")
        return [self[name] for name in names]

    def data_for_service(self) -> IndicatorData:
        data = self.cleaned_data
        return IndicatorData(
            order=data["order"],
            text=data["text"],
            unit=data["unit"],
            target=data["target"],
            direction=data["direction"],
            aggregation=data["aggregation"],
            activity=data["activity"],
            milestones={
                quarter: data[f"q{quarter}"]
                for quarter in range(1, 5)
                if data.get(f"q{quarter}") is not None
            },
        )


class IndicatorAddForm(OnceForm, IndicatorForm):
    """A new indicator: one post creates one (plans.forms.OnceForm)."""
