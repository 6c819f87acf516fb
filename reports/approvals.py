"""Recording the plan as the office approved it (reports.models.PlanApproval): the action
plan and the spending plan print it from then on (reports.selectors.plan_documents).

The planning group records it once the director has signed the plan's order, with the order's
date and reference; a revised plan approved later is recorded again and printed instead.
Each recording is in the office's history with who, when and the order."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from plans import audit, versions
from plans.access import Right, require
from plans.models import Plan
from reports.models import PlanApproval
from reports.selectors import plan_documents

RECORDED_NOTE = "บันทึกแผนตามที่ได้รับอนุมัติ"


@transaction.atomic
def plan_approval_record(*, plan: Plan, user, approved_on: date, reference: str) -> PlanApproval:
    """Keep the plan as it stands as approved on `approved_on` (the planning group's)."""
    require(user, plan.office, Right.MANAGE_PLAN)
    approval = PlanApproval(
        plan=plan,
        approved_on=approved_on,
        reference=reference.strip(),
        snapshot=plan_documents.snapshot(plan_documents.plan_document(plan)),
        recorded_by=user,
    )
    approval.full_clean()
    approval.save()
    note = f"{RECORDED_NOTE} {approval.reference}".strip()
    audit.record(
        approval,
        user=user,
        note=note,
        action=audit.Action.APPROVE,
        changes={"approved_on": [None, approved_on]},
    )
    versions.bump(plan.office_id)  # the printed plan changed: kept PDFs and pages are old
    return approval


def approvals_of(plan: Plan) -> list[PlanApproval]:
    return list(PlanApproval.objects.filter(plan=plan).select_related("recorded_by"))
