"""Writes of the plan's projects, activities and indicators (the planning group's project
tree, projects/views.py). Each service checks the right again (`Right.MANAGE_PLAN` in the
project's office), validates with `full_clean` and writes in one transaction, named as its
user's in the audit trail (`@audit.authored`).

One rule for deleting a plan element (`delete_refusals`): a project, an activity or an
indicator is deleted only while nothing has been reported or paid against it: no
indicator result, no approved quarterly report, no money in the project's ledger
(allocations, transfers, disbursements). Once there is, the refusal says why, in Thai.

These services and the project tree page are the one place where `projects` reaches to its
right (indicators, budget, progress): the plan's tree edits indicators and must know what
has been reported against it before it deletes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, ProtectedError, Q, RestrictedError

from budget.models import BudgetTransfer, ProjectAllocation, ProjectDisbursement
from indicators.models import Indicator, IndicatorMilestone, IndicatorResult
from plans import audit, thai
from plans.access import Right, require
from plans.models import Plan, PolicyArea, WorkGroup
from progress.models import QuarterlyReport, ReportValue
from projects.models import Activity, Project, ProjectStatement

APPROVED = QuarterlyReport.Status.APPROVED


# -- the one rule of deleting a plan element ----------------------------------------------


def delete_refusals(obj: Project | Activity | Indicator) -> list[str]:
    """Why `obj` may not be deleted (Thai, one line per reason); empty when it may."""
    if isinstance(obj, Project):
        results = IndicatorResult.objects.filter(indicator__project=obj)
        reports = QuarterlyReport.objects.filter(project=obj, status=APPROVED)
        money = (
            ProjectAllocation.objects.filter(project=obj).exists()
            or ProjectDisbursement.objects.filter(project=obj).exists()
            or BudgetTransfer.objects.filter(Q(from_project=obj) | Q(to_project=obj)).exists()
        )
        what = "โครงการนี้"
    elif isinstance(obj, Activity):
        results = IndicatorResult.objects.filter(indicator__activity=obj)
        reports = QuarterlyReport.objects.filter(
            Q(values__indicator__activity=obj) | Q(disbursements__activity=obj), status=APPROVED
        )
        money = (
            ProjectAllocation.objects.filter(activity=obj).exists()
            or ProjectDisbursement.objects.filter(activity=obj).exists()
            or BudgetTransfer.objects.filter(Q(from_activity=obj) | Q(to_activity=obj)).exists()
        )
        what = "กิจกรรมนี้"
    else:
        results = IndicatorResult.objects.filter(indicator=obj)
        reports = QuarterlyReport.objects.filter(
            pk__in=ReportValue.objects.filter(indicator=obj).values("report"), status=APPROVED
        )
        money = False
        what = "ตัวชี้วัดนี้"
    reasons = []
    if results.exists():
        reasons.append(f"{what}มีผลการดำเนินงานของตัวชี้วัดบันทึกแล้ว")
    if reports.exists():
        reasons.append(f"{what}มีรายงานรายไตรมาสที่อนุมัติแล้ว")
    if money:
        reasons.append(f"{what}มีรายการงบประมาณในบัญชีคุมแล้ว (จัดสรร โอน หรือเบิกจ่าย)")
    return reasons


def _delete(obj, what: str) -> None:
    """Delete `obj` unless the rule refuses; a row elsewhere that protects it (a reference
    this rule does not know yet) is a Thai refusal too, never a server error."""
    reasons = delete_refusals(obj)
    if reasons:
        raise ValidationError(reasons, code="has_results")
    try:
        obj.delete()
    except (ProtectedError, RestrictedError) as error:
        message = f"{what}นี้ยังมีข้อมูลอื่นอ้างถึงอยู่ จึงลบไม่ได้"
        raise ValidationError(message, code="protected") from error


# -- projects ------------------------------------------------------------------------------


def _statements(project: Project, kind: str, lines: Sequence[str]) -> None:
    """Replace the project's statements of `kind` by `lines`, numbered from 1, keeping the
    rows whose text did not change (so the history shows only what changed)."""
    lines = [line.strip() for line in lines if line.strip()]
    existing = {s.number: s for s in ProjectStatement.objects.filter(project=project, kind=kind)}
    for number, text in enumerate(lines, start=1):
        statement = existing.pop(number, None) or ProjectStatement(
            project=project, kind=kind, number=number
        )
        if statement.text != text:
            statement.text = text
            statement.full_clean()
            statement.save()
    for statement in existing.values():
        statement.delete()


@dataclass(frozen=True)
class ProjectData:
    number: int
    name: str
    policy_area: PolicyArea
    work_group: WorkGroup | None
    owner: object | None
    owner_name: str
    supporting_groups: Sequence[WorkGroup]
    objectives: Sequence[str]
    target_groups: Sequence[str] = ()


def _check_unique(project: Project) -> None:
    others = Project.objects.filter(plan=project.plan).exclude(pk=project.pk)
    if others.filter(number=project.number).exists():
        number = thai.to_thai_digits(project.number)
        raise ValidationError({"number": f"แผนปีนี้มีโครงการลำดับที่ {number} แล้ว"})
    if others.filter(name=project.name).exists():
        raise ValidationError({"name": "แผนปีนี้มีโครงการชื่อนี้แล้ว"})


def _check_people(project: Project, data: ProjectData) -> None:
    office_id = project.plan.office_id
    groups = [data.work_group, *data.supporting_groups]
    if any(g is not None and g.office_id != office_id for g in groups):
        raise ValidationError({"work_group": "กลุ่มงานต้องอยู่ในสำนักงานเดียวกับแผน"})
    owner = data.owner
    if owner is not None and not owner.memberships.filter(office_id=office_id).exists():
        raise ValidationError({"owner": "ผู้รับผิดชอบต้องเป็นบุคลากรของสำนักงานนี้"})


def _save_project(project: Project, data: ProjectData) -> Project:
    project.number = data.number
    project.name = data.name.strip()
    project.policy_area = data.policy_area
    project.work_group = data.work_group
    project.owner = data.owner
    project.owner_name = data.owner_name.strip() or (
        (data.owner.get_full_name() or data.owner.get_username()) if data.owner else ""
    )
    _check_people(project, data)
    _check_unique(project)
    project.full_clean(validate_constraints=False)
    project.save()
    project.supporting_groups.set(data.supporting_groups)
    _statements(project, ProjectStatement.Kind.OBJECTIVE, data.objectives)
    _statements(project, ProjectStatement.Kind.TARGET_GROUP, data.target_groups)
    return project


@audit.authored
@transaction.atomic
def project_create(*, plan: Plan, data: ProjectData, user) -> Project:
    require(user, plan.office_id, Right.MANAGE_PLAN)
    return _save_project(Project(plan=plan), data)


@audit.authored
@transaction.atomic
def project_update(*, project: Project, data: ProjectData, user) -> Project:
    require(user, project.plan.office_id, Right.MANAGE_PLAN)
    return _save_project(project, data)


@audit.authored
@transaction.atomic
def project_delete(*, project: Project, user) -> None:
    require(user, project.plan.office_id, Right.MANAGE_PLAN)
    _delete(project, "โครงการ")


def next_project_number(plan: Plan) -> int:
    return (Project.objects.filter(plan=plan).aggregate(n=Max("number"))["n"] or 0) + 1


# -- activities ----------------------------------------------------------------------------


def _renumber(rows: Sequence[tuple[object, int]], field: str) -> None:
    """Give each row its new number under a (parent, number) unique constraint: rows whose
    number changes move out of the way first (to numbers past any in use), then to their
    own, so that two activities can swap places."""
    moving = [(row, number) for row, number in rows if getattr(row, field) != number]
    if not moving:
        return
    model = type(moving[0][0])
    parent = model._meta.get_field("project").attname
    top = model.objects.filter(**{parent: getattr(moving[0][0], parent)}).aggregate(m=Max(field))
    spare = max((top["m"] or 0), *(n for _, n in rows)) + 1
    for offset, (row, _) in enumerate(moving):
        setattr(row, field, spare + offset)
        row.save(update_fields=[field])
    for row, number in moving:
        setattr(row, field, number)
        row.save(update_fields=[field])


@dataclass(frozen=True)
class ActivityRow:
    activity: Activity
    number: int
    name: str


@audit.authored
@transaction.atomic
def activities_update(
    *, project: Project, rows: Sequence[ActivityRow], new: ActivityRow | None = None, user
) -> None:
    """Rename and renumber the project's activities (every one of them, as the page lists
    them) and add `new` (its `activity` unsaved). Numbers must differ."""
    require(user, project.plan.office_id, Right.MANAGE_PLAN)
    if any(row.activity.project_id != project.pk for row in rows):
        raise ValidationError("กิจกรรมไม่อยู่ในโครงการนี้")
    numbers = [row.number for row in rows] + ([new.number] if new else [])
    if len(set(numbers)) != len(numbers):
        raise ValidationError("ลำดับกิจกรรมซ้ำกัน กรุณากำหนดลำดับที่ไม่ซ้ำกัน")
    for row in rows:
        if row.activity.name != row.name.strip():
            row.activity.name = row.name.strip()
            row.activity.full_clean(exclude=["number"], validate_constraints=False)
            row.activity.save(update_fields=["name"])
    _renumber([(row.activity, row.number) for row in rows], "number")
    if new is not None:
        activity = Activity(project=project, number=new.number, name=new.name.strip())
        activity.full_clean()
        activity.save()


def next_activity_number(project: Project) -> int:
    return (Activity.objects.filter(project=project).aggregate(n=Max("number"))["n"] or 0) + 1


@audit.authored
@transaction.atomic
def activity_delete(*, activity: Activity, user) -> None:
    require(user, activity.project.plan.office_id, Right.MANAGE_PLAN)
    _delete(activity, "กิจกรรม")


# -- indicators and their milestones ---------------------------------------------------------


@dataclass(frozen=True)
class IndicatorData:
    order: int
    text: str
    unit: str
    target: Decimal | None
    direction: str
    aggregation: str
    activity: Activity | None
    milestones: dict[int, Decimal]  # quarter -> cumulative milestone; absent: none


def _save_indicator(indicator: Indicator, data: IndicatorData) -> Indicator:
    if data.activity is not None and data.activity.project_id != indicator.project_id:
        raise ValidationError({"activity": "กิจกรรมต้องอยู่ในโครงการเดียวกับตัวชี้วัด"})
    taken = Indicator.objects.filter(project=indicator.project_id, order=data.order)
    if taken.exclude(pk=indicator.pk).exists():
        order = thai.to_thai_digits(data.order)
        raise ValidationError({"order": f"โครงการนี้มีตัวชี้วัดลำดับที่ {order} แล้ว"})
    for field in ("order", "text", "unit", "target", "direction", "aggregation", "activity"):
        setattr(indicator, field, getattr(data, field))
    indicator.text = indicator.text.strip()
    indicator.full_clean(validate_constraints=False)
    indicator.save()
    existing = {m.quarter: m for m in IndicatorMilestone.objects.filter(indicator=indicator)}
    for quarter in range(1, 5):
        value = data.milestones.get(quarter)
        milestone = existing.get(quarter)
        if value is None:
            if milestone is not None:
                milestone.delete()
            continue
        milestone = milestone or IndicatorMilestone(indicator=indicator, quarter=quarter)
        if milestone.pk is None or milestone.value != value:
            milestone.value = value
            milestone.full_clean()
            milestone.save()
    return indicator


@audit.authored
@transaction.atomic
def indicator_create(*, project: Project, data: IndicatorData, user) -> Indicator:
    require(user, project.plan.office_id, Right.MANAGE_PLAN)
    return _save_indicator(Indicator(project=project), data)


@audit.authored
@transaction.atomic
def indicator_update(*, indicator: Indicator, data: IndicatorData, user) -> Indicator:
    require(user, indicator.project.plan.office_id, Right.MANAGE_PLAN)
    return _save_indicator(indicator, data)


@audit.authored
@transaction.atomic
def indicator_delete(*, indicator: Indicator, user) -> None:
    require(user, indicator.project.plan.office_id, Right.MANAGE_PLAN)
    _delete(indicator, "ตัวชี้วัด")


def next_indicator_order(project: Project) -> int:
    return (Indicator.objects.filter(project=project).aggregate(n=Max("order"))["n"] or 0) + 1
