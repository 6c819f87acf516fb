"""Writes to the budget ledgers. Each service validates, writes, and records the audit
entry in one transaction."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum

from budget.models import ProjectAllocation, ProjectDisbursement
from plans import audit, thai
from projects.models import Activity, Project


def project_remaining(project: Project) -> Decimal:
    allocated = ProjectAllocation.objects.filter(project=project).aggregate(s=Sum("amount"))["s"]
    paid = ProjectDisbursement.objects.filter(project=project).aggregate(s=Sum("amount"))["s"]
    return (allocated or Decimal(0)) - (paid or Decimal(0))


@transaction.atomic
def disbursement_record(
    *,
    project: Project,
    amount: Decimal,
    paid_on: date,
    user,
    activity: Activity | None = None,
    document_no: str = "",
    note: str = "",
) -> ProjectDisbursement:
    """Record money paid out of a project's budget. Refused (ValidationError, Thai message,
    nothing written) when it is more than what is left of the project's allocation."""
    # Lock the project row so that two simultaneous disbursements cannot both pass the check.
    Project.objects.select_for_update().filter(pk=project.pk).first()
    remaining = project_remaining(project)
    if amount > remaining:
        raise ValidationError(
            {"amount": f"เบิกจ่ายเกินงบประมาณคงเหลือ (คงเหลือ {thai.format_money(remaining)} บาท)"}
        )
    entry = ProjectDisbursement(
        project=project,
        activity=activity,
        amount=amount,
        paid_on=paid_on,
        document_no=document_no,
        note=note,
        created_by=user if getattr(user, "is_authenticated", False) else None,
    )
    entry.full_clean()
    entry.save()
    audit.record(
        office=project.plan.office,
        user=user,
        obj=project,
        action="บันทึกการเบิกจ่าย",
        changes={"เบิกจ่าย (บาท)": (None, amount), "เลขที่เอกสาร": (None, document_no)},
        note=note,
    )
    return entry
