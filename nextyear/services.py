"""Start the next fiscal year from this one: copy a plan's projects (and, as chosen, their
activities, objectives, indicators with targets and milestones, and budgets as proposals)
into the next year's plan, and undo that copy while the new year has no results.

Never copied: results, quarterly reports, money (allocations, disbursements, transfers),
photos, a project's narrative of the year (methods, results, problems, recommendations), the
minister's policies of the year (they belong to it) and the year's highlights.

The frame of the next year: when the office's plan of the next year exists, it is the
direction chapter 5 of this year's report prints (reports/selectors/chapter5.py reads the
plan of year + 1), and the copy keeps it as it is. When there is none, the copy creates the
plan and, if asked, copies this year's frame (vision, statements, policies, strategies).

The next FiscalYear is created when missing: it is reference data of no office that holds
nothing but its number, and the year after an existing one is a fact of the calendar, not a
choice an office makes.
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

from django.core.exceptions import ValidationError
from django.db import transaction

from budget.models import (
    BudgetTransfer,
    OfficeAllocation,
    OfficeDisbursement,
    ProjectAllocation,
    ProjectDisbursement,
)
from budget.selectors import with_current_budget
from indicators.models import Indicator, IndicatorMilestone, IndicatorResult
from nextyear.models import BudgetProposal, PlanCopy
from plans import audit, thai
from plans.access import Right, require
from plans.models import FiscalYear, Plan
from plans.money import cents
from progress.models import QuarterlyReport
from projects.models import Activity, Project, ProjectStatement


class Part(StrEnum):
    """The parts of a plan a copy may take (the projects themselves always)."""

    ACTIVITIES = "activities"
    OBJECTIVES = "objectives"
    INDICATORS = "indicators"  # with their targets and quarterly milestones
    BUDGETS = "budgets"  # each project's current budget, as a proposal
    FRAME = "frame"  # only when the next year has no plan yet


PART_LABELS = {
    Part.ACTIVITIES: "กิจกรรม",
    Part.OBJECTIVES: "วัตถุประสงค์ของโครงการ",
    Part.INDICATORS: "ตัวชี้วัด ค่าเป้าหมาย และเป้าหมายรายไตรมาส",
    Part.BUDGETS: "งบประมาณเป็นยอดที่เสนอ (ไม่ใช่ยอดจัดสรร)",
    Part.FRAME: "กรอบของแผน (วิสัยทัศน์ พันธกิจ เป้าประสงค์ นโยบาย SWOT กลยุทธ์)",
}

ALREADY_FILLED = "แผนปฏิบัติการ{year} มีโครงการอยู่แล้ว จึงคัดลอกซ้ำไม่ได้"
NOTHING_TO_COPY = "แผนปฏิบัติการ{year} ยังไม่มีโครงการให้คัดลอก"


def next_plan(source: Plan) -> Plan | None:
    """The office's plan of the year after `source`'s, if there is one."""
    return (
        Plan.objects.filter(
            office_id=source.office_id, fiscal_year__year=source.fiscal_year.year + 1
        )
        .select_related("office", "fiscal_year")
        .first()
    )


def copy_refusals(source: Plan) -> list[str]:
    """Why `source` cannot be copied into the next year now (Thai), or nothing."""
    reasons = []
    if not source.projects.exists():
        reasons.append(NOTHING_TO_COPY.format(year=source.fiscal_year))
    target = next_plan(source)
    if target is not None and target.projects.exists():
        reasons.append(ALREADY_FILLED.format(year=target.fiscal_year))
    return reasons


@audit.authored
@transaction.atomic
def plan_copy(*, source: Plan, parts: set[Part], user) -> PlanCopy:
    """Copy `source`'s projects and the chosen `parts` into the office's plan of the next
    fiscal year (created, with the year, when missing). Refused (Thai) when that plan
    already has projects or `source` has none."""
    require(user, source.office_id, Right.MANAGE_PLAN)
    list(Plan.objects.select_for_update().filter(pk=source.pk))  # one copy at a time
    reasons = copy_refusals(source)
    if reasons:
        raise ValidationError(reasons)
    year, _ = FiscalYear.objects.get_or_create(year=source.fiscal_year.year + 1)
    target = next_plan(source)
    created_plan = target is None
    if created_plan:
        target = Plan(office=source.office, fiscal_year=year)
        if Part.FRAME in parts:
            target.vision, target.values_name = source.vision, source.values_name
        target.full_clean()
        target.save()
        if Part.FRAME in parts:
            _copy_frame(source, target)
    copy = PlanCopy(
        source=source,
        target=target,
        created_plan=created_plan,
        parts=",".join(sorted(p.value for p in parts if created_plan or p != Part.FRAME)),
        created_by=user if getattr(user, "is_authenticated", False) else None,
    )
    copy.full_clean()
    copy.save()
    copy.projects.set(_copy_projects(source, target, parts))
    return copy


def _saved(row):
    row.full_clean()
    row.save()
    return row


def _copy_projects(source: Plan, target: Plan, parts: set[Part]) -> list[Project]:
    projects = list(
        with_current_budget(Project.objects.filter(plan=source))
        .prefetch_related(
            "supporting_groups",
            "national_strategies",
            "master_plan_issues",
            "obec_policies",
            "activities",
            "statements",
            "indicators__milestones",
        )
        .order_by("number")
    )
    made = []
    for old in projects:
        new = _saved(
            Project(
                plan=target,
                number=old.number,
                name=old.name,
                policy_area_id=old.policy_area_id,
                work_group_id=old.work_group_id,
                owner_id=old.owner_id,
                owner_name=old.owner_name,
                responsible_text=old.responsible_text,
            )
        )
        new.supporting_groups.set(old.supporting_groups.all())
        new.national_strategies.set(old.national_strategies.all())
        new.master_plan_issues.set(old.master_plan_issues.all())
        new.obec_policies.set(old.obec_policies.all())
        activities = {}
        if Part.ACTIVITIES in parts:
            for a in old.activities.all():
                activities[a.pk] = _saved(Activity(project=new, number=a.number, name=a.name))
        if Part.OBJECTIVES in parts:
            for s in old.statements.all():
                if s.kind == ProjectStatement.Kind.OBJECTIVE:
                    _saved(ProjectStatement(project=new, kind=s.kind, number=s.number, text=s.text))
        if Part.INDICATORS in parts:
            for i in old.indicators.all():
                indicator = _saved(
                    Indicator(
                        project=new,
                        activity=activities.get(i.activity_id),
                        order=i.order,
                        text=i.text,
                        target=i.target,
                        unit=i.unit,
                        direction=i.direction,
                        aggregation=i.aggregation,
                    )
                )
                for m in i.milestones.all():
                    _saved(
                        IndicatorMilestone(indicator=indicator, quarter=m.quarter, value=m.value)
                    )
        if Part.BUDGETS in parts and old.current_budget:
            _saved(
                BudgetProposal(
                    project=new,
                    amount=cents(old.current_budget),
                    note=f"งบประมาณของโครงการใน{source.fiscal_year}",
                )
            )
        made.append(new)
    return made


def _copy_frame(source: Plan, target: Plan) -> None:
    for s in source.statements.all():
        _saved(
            type(s)(
                plan=target,
                kind=s.kind,
                number=s.number,
                title=s.title,
                title_en=s.title_en,
                text=s.text,
            )
        )
    for p in source.policy_items.all():
        _saved(type(p)(plan=target, area_id=p.area_id, number=p.number, text=p.text))
    for s in source.strategies.prefetch_related("goals", "indicators", "guidelines"):
        strategy = _saved(type(s)(plan=target, number=s.number, name=s.name))
        for g in s.goals.all():
            _saved(type(g)(strategy=strategy, number=g.number, text=g.text))
        for i in s.indicators.all():
            _saved(
                type(i)(
                    strategy=strategy,
                    number=i.number,
                    text=i.text,
                    target_qualifier=i.target_qualifier,
                    target_value=i.target_value,
                    target_unit=i.target_unit,
                    target_per=i.target_per,
                )
            )
        for g in s.guidelines.all():
            _saved(type(g)(strategy=strategy, number=g.number, heading=g.heading, text=g.text))


def undo_refusals(copy: PlanCopy) -> list[str]:
    """Why a copy can no longer be undone (Thai): the new year has results, quarterly
    reports or money. Nothing when it can."""
    target = copy.target
    year = target.fiscal_year
    checks = [
        (IndicatorResult.objects.filter(indicator__project__plan=target), "ผลการดำเนินงานของตัวชี้วัด"),
        (QuarterlyReport.objects.filter(project__plan=target), "รายงานรายไตรมาส"),
        (ProjectAllocation.objects.filter(project__plan=target), "การจัดสรรงบประมาณให้โครงการ"),
        (ProjectDisbursement.objects.filter(project__plan=target), "การเบิกจ่ายของโครงการ"),
        (BudgetTransfer.objects.filter(from_project__plan=target), "การโอนงบประมาณ"),
        (
            OfficeAllocation.objects.filter(office_id=target.office_id, fiscal_year=year),
            "การจัดสรรงบประมาณของสำนักงาน",
        ),
        (
            OfficeDisbursement.objects.filter(office_id=target.office_id, fiscal_year=year),
            "การเบิกจ่ายของสำนักงาน",
        ),
    ]
    return [
        f"{year} มี{label}แล้ว {thai.to_thai_digits(count)} รายการ จึงยกเลิกการคัดลอกไม่ได้"
        for queryset, label in checks
        if (count := queryset.count())
    ]


@audit.authored
@transaction.atomic
def plan_copy_undo(*, copy: PlanCopy, user) -> None:
    """Delete what `copy` created: its projects (with their activities, indicators,
    milestones and proposals) and, when the copy created the next year's plan and nothing
    else was added to it, that plan. Refused (Thai) once the new year has results, quarterly
    reports or money."""
    require(user, copy.target.office_id, Right.MANAGE_PLAN)
    list(Plan.objects.select_for_update().filter(pk=copy.target_id))
    reasons = undo_refusals(copy)
    if reasons:
        raise ValidationError(reasons)
    target = copy.target
    for project in copy.projects.order_by("-number"):
        project.delete()
    if copy.created_plan and not target.projects.exists():
        target.delete()  # its frame and the copy's record go with it
    else:
        copy.delete()


@audit.authored
@transaction.atomic
def proposals_update(*, plan: Plan, amounts: dict[Project, Decimal | None], user) -> None:
    """Set the proposed budget of the plan's projects: an amount replaces the proposal,
    None removes it. A proposal is never an allocation (finance allocates in `budget`)."""
    require(user, plan.office_id, Right.MANAGE_PLAN)
    for project, amount in amounts.items():
        if project.plan_id != plan.pk:
            raise ValidationError("โครงการนี้ไม่อยู่ในแผนนี้")
        proposal = BudgetProposal.objects.filter(project=project).first()
        if amount is None:
            if proposal is not None:
                proposal.delete()
            continue
        if isinstance(amount, float):
            raise TypeError("Use Decimal for amounts, never float.")
        if proposal is None:
            proposal = BudgetProposal(project=project)
        elif proposal.amount == amount:
            continue
        proposal.amount = amount
        _saved(proposal)
