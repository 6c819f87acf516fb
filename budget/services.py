"""Writes to the budget: allocations in instalments, transfers, disbursements and the
quarterly targets. Each service validates (full_clean, then the money rules) and writes, in
one transaction, inside `audit.acting`: the audit trail (plans/audit.py) records each row
written with its old and new values, under the service's user and reason.

Money rules, checked here against budget/selectors.py's amounts (the same arithmetic the
pages show): a disbursement may not exceed what is left of the project, nor of its
activity when the activity has money of its own; the office's own disbursements likewise
within a category of table 13; a transfer may not leave its source with less than it has
already disbursed, nor below zero.

Date rule (`check_date`, one rule for every entry): the date of a disbursement, an
allocation or a transfer lies within the plan's fiscal year and not after today (the
quarterly sums place each entry by its date).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from itertools import pairwise

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Model, Sum
from django.utils import timezone

from budget import selectors
from budget.models import (
    REPORT_REF_PREFIX,
    BudgetCategory,
    BudgetTransfer,
    DisbursementTarget,
    OfficeAllocation,
    OfficeDisbursement,
    ProjectAllocation,
    ProjectDisbursement,
)
from plans import audit, thai
from plans.access import Right, require
from plans.models import FiscalYear, Plan
from projects.models import Activity, Project


def _baht(value: Decimal) -> str:
    return f"{thai.format_money(value)} บาท"


def _no_float(amount: Decimal) -> None:
    if isinstance(amount, float):
        raise TypeError("Use Decimal for amounts, never float.")


def _lock(*projects: Project) -> None:
    """Lock the projects' rows (in pk order, so two writers cannot deadlock) so that two
    simultaneous writes cannot both pass the money checks."""
    pks = sorted({p.pk for p in projects})
    list(Project.objects.select_for_update().filter(pk__in=pks).order_by("pk"))


def _lock_plan(plan: Plan) -> None:
    """Lock the plan's row: office money of the year is written one writer at a time, even
    when there is no row of it yet to lock (two first instalments at once)."""
    list(Plan.objects.select_for_update().filter(pk=plan.pk))


def check_date(entry: Model, field: str, year: FiscalYear) -> None:
    """The one date rule of money entries (disbursements, allocations, transfers): a date,
    when given, lies within the plan's fiscal year and not after today. Refused on the
    date's own field, named by its label: "วันที่อนุมัติการโอนต้องอยู่ในปีงบประมาณ ..."."""
    value = getattr(entry, field)
    if value is None:
        return
    label = entry._meta.get_field(field).verbose_name
    if not year.starts_on <= value <= year.ends_on:
        first, last = (thai.format_thai_date(d) for d in (year.starts_on, year.ends_on))
        raise ValidationError({field: f"{label}ต้องอยู่ใน{year} ({first} ถึง {last})"})
    if value > timezone.localdate():
        raise ValidationError({field: f"{label}ต้องไม่เลยวันนี้"})


def _activity_name(activity: Activity) -> str:
    return f"กิจกรรมที่ {thai.to_thai_digits(activity.number)} {activity.name}"


def check_disbursements(*, project: Project, amounts: Mapping[Activity | None, Decimal]) -> None:
    """The money rule of disbursements, for one ledger entry or the several of a quarterly
    report (progress/services.py checks a report with it at save and submit, before its
    approval posts the entries): refused (ValidationError on "amount", Thai, with the
    amount left) when the amounts together exceed what is left of the project, or one exceeds
    what is left of its activity when the activity has its own allocation. `amounts` maps
    an activity (None: the project as a whole) to the new money. Arithmetic from
    budget/selectors.py's amounts, the same the pages show."""
    remaining = selectors.project_amounts(project).remaining
    if sum(amounts.values(), Decimal(0)) > remaining:
        raise ValidationError(
            {"amount": f"เบิกจ่ายเกินงบประมาณคงเหลือ (คงเหลือ {thai.format_money(remaining)} บาท)"}
        )
    for activity, amount in amounts.items():
        if activity is None:
            continue
        amounts = selectors.activity_amounts(activity)
        if amounts.has_budget and amount > amounts.remaining:
            left = thai.format_money(amounts.remaining)
            name = _activity_name(activity)
            raise ValidationError(
                {"amount": f"เบิกจ่ายเกินงบประมาณคงเหลือของ{name} (คงเหลือ {left} บาท)"}
            )


@audit.authored
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
    """Finance's direct entry on the ledger page (Right.CORRECT_LEDGER): money paid out of a
    project's budget outside any quarterly report, or a correction. Refused (ValidationError,
    Thai message, nothing written) by `check_disbursements` (more than what is left of the
    project, or of the activity when it has its own allocation) or by `check_date`.

    A project's money is otherwise spent through its quarterly report: staff enter it, and
    the approval posts it with `disbursement_post_approved` ("progress:<report>")."""
    require(user, project.plan.office_id, Right.CORRECT_LEDGER)
    return _post(
        project=project,
        amount=amount,
        paid_on=paid_on,
        user=user,
        activity=activity,
        document_no=document_no,
        note=note,
    )


@audit.authored
@transaction.atomic
def disbursement_post_approved(
    *,
    project: Project,
    amount: Decimal,
    paid_on: date,
    user,
    activity: Activity | None = None,
    document_no: str,
    note: str = "",
) -> ProjectDisbursement:
    """Post the money of an approved quarterly report to the ledger, by the approval's
    service (progress/services.py), which has checked the approver's right and four eyes
    first. The same money and date rules as a direct entry."""
    if not document_no.startswith(REPORT_REF_PREFIX):
        raise ValueError("a report's posting carries the report's reference")
    return _post(
        project=project,
        amount=amount,
        paid_on=paid_on,
        user=user,
        activity=activity,
        document_no=document_no,
        note=note,
    )


def _post(
    *,
    project: Project,
    amount: Decimal,
    paid_on: date,
    user,
    activity: Activity | None,
    document_no: str,
    note: str,
) -> ProjectDisbursement:
    _no_float(amount)
    entry = ProjectDisbursement(
        project=project,
        activity=activity,
        amount=amount,
        paid_on=paid_on,
        document_no=document_no,
        note=note,
        created_by=user if getattr(user, "is_authenticated", False) else None,
    )
    check_date(entry, "paid_on", project.plan.fiscal_year)
    _lock(project)
    entry.full_clean()
    check_disbursements(project=project, amounts={activity: amount})
    with audit.acting(note=note):
        entry.save()
    return entry


FROM_REPORT = (
    "รายการนี้ลงบัญชีจากรายงานความก้าวหน้ารายไตรมาสที่อนุมัติแล้ว จึงลบไม่ได้ "
    "หากยอดไม่ถูกต้อง ให้กลุ่มนโยบายและแผนเปิดรายงานให้แก้ไขอีกครั้ง แล้วอนุมัติใหม่ "
    "หรือให้กลุ่มบริหารงานการเงินฯ กลับรายการพร้อมระบุเหตุผล"
)


def _refuse_changed(disbursement: ProjectDisbursement) -> None:
    if disbursement.reverses_id is not None:
        raise ValidationError("รายการนี้เป็นรายการกลับรายการ จึงแก้ไขหรือลบไม่ได้")
    if ProjectDisbursement.objects.filter(reverses=disbursement).exists():
        raise ValidationError("รายการนี้กลับรายการไปแล้ว")


@audit.authored
@transaction.atomic
def disbursement_delete(*, disbursement: ProjectDisbursement, user) -> None:
    """Remove a mistaken direct entry of the ledger page; the audit entry keeps what it
    was. Refused for an entry posted by a quarterly report (FROM_REPORT: it changes only by
    reopening that report, or by a reversal), and for a reversal or a reversed entry."""
    project = disbursement.project
    require(user, project.plan.office_id, Right.CORRECT_LEDGER)
    _lock(project)
    if disbursement.from_report:
        raise ValidationError(FROM_REPORT, code="from_report")
    _refuse_changed(disbursement)
    disbursement.delete()


@audit.authored
@transaction.atomic
def disbursement_reverse(
    *, disbursement: ProjectDisbursement, user, reason: str
) -> ProjectDisbursement:
    """Finance's correction of a ledger entry, a report's included: a counter entry of the
    same activity, date and document number for the negative amount, linked to the original
    (`reverses`), with the reason as its note and in the audit. The ledger stays append-only
    and every sum (budget/selectors.py sums `amount`) drops the original. The counter
    entry carries the original's date, so the quarter it was counted in is corrected, and its
    document number, so a reopened report re-approved later posts its amount again. Refused
    for a reversal, for an entry already reversed, and without a reason."""
    project = disbursement.project
    require(user, project.plan.office_id, Right.CORRECT_LEDGER)
    _lock(project)
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": "กรุณาระบุเหตุผลการกลับรายการ"}, code="required")
    _refuse_changed(disbursement)
    entry = ProjectDisbursement(
        project=project,
        activity=disbursement.activity,
        amount=-disbursement.amount,
        paid_on=disbursement.paid_on,
        document_no=disbursement.document_no,
        note=reason,
        reverses=disbursement,
        created_by=user if getattr(user, "is_authenticated", False) else None,
    )
    entry.full_clean()
    with audit.acting(action=audit.Action.REVERSE, note=reason):
        entry.save()
    return entry


def _check_source(source: selectors.BudgetAmounts, amount: Decimal, what: str) -> None:
    after = source.current - amount
    if after < 0:
        raise ValidationError(
            {"amount": f"โอนเกินงบประมาณของ{what}ต้นทาง (งบประมาณปัจจุบัน {_baht(source.current)})"}
        )
    if after < source.disbursed:
        raise ValidationError(
            {
                "amount": f"โอนไม่ได้: งบประมาณของ{what}ต้นทางหลังโอน ({_baht(after)}) "
                f"จะต่ำกว่ายอดที่เบิกจ่ายแล้ว ({_baht(source.disbursed)})"
            }
        )


@audit.authored
@transaction.atomic
def transfer_record(
    *,
    from_project: Project,
    to_project: Project,
    amount: Decimal,
    transferred_on: date,
    reason: str,
    approved_by: str,
    user,
    from_activity: Activity | None = None,
    to_activity: Activity | None = None,
    letter_no: str = "",
) -> BudgetTransfer:
    """Move money between two activities of a project or between two projects of a plan.
    Refused when the source would be left below zero or below what it has disbursed."""
    require(user, from_project.plan.office_id, Right.PLAN_BUDGET)
    _no_float(amount)
    _lock(from_project, to_project)
    transfer = BudgetTransfer(
        from_project=from_project,
        from_activity=from_activity,
        to_project=to_project,
        to_activity=to_activity,
        amount=amount,
        transferred_on=transferred_on,
        reason=reason,
        approved_by=approved_by,
        letter_no=letter_no,
        created_by=user if getattr(user, "is_authenticated", False) else None,
    )
    check_date(transfer, "transferred_on", from_project.plan.fiscal_year)
    transfer.full_clean()
    within = from_project.pk == to_project.pk
    if from_activity is not None:
        _check_source(selectors.activity_amounts(from_activity), amount, "กิจกรรม")
    if not within:
        _check_source(selectors.project_amounts(from_project), amount, "โครงการ")
    with audit.acting(action=audit.Action.TRANSFER, note=reason):
        transfer.save()
    return transfer


@audit.authored
@transaction.atomic
def project_allocation_add(
    *,
    project: Project,
    amount: Decimal,
    user,
    activity: Activity | None = None,
    received_on: date | None = None,
    letter_no: str = "",
    note: str = "",
) -> ProjectAllocation:
    """Add the next instalment (จัดสรรครั้งที่ n) to a project or one of its activities."""
    require(user, project.plan.office_id, Right.PLAN_BUDGET)
    _no_float(amount)
    _lock(project)
    last = ProjectAllocation.objects.filter(project=project, activity=activity).aggregate(
        n=Max("number")
    )["n"]
    allocation = ProjectAllocation(
        project=project,
        activity=activity,
        number=(last or 0) + 1,
        amount=amount,
        received_on=received_on,
        letter_no=letter_no,
        note=note,
    )
    check_date(allocation, "received_on", project.plan.fiscal_year)
    allocation.full_clean()
    with audit.acting(note=note):
        allocation.save()
    return allocation


@audit.authored
@transaction.atomic
def office_allocation_add(
    *,
    plan: Plan,
    category: BudgetCategory,
    amount: Decimal,
    user,
    received_on: date | None = None,
    letter_no: str = "",
    note: str = "",
) -> OfficeAllocation:
    """Add the next instalment of the office's budget in a category for the plan's year."""
    require(user, plan.office_id, Right.OFFICE_BUDGET)
    _no_float(amount)
    _lock_plan(plan)  # the first instalment has no row to lock yet
    scope = {"office": plan.office, "fiscal_year": plan.fiscal_year, "category": category}
    last = OfficeAllocation.objects.filter(**scope).aggregate(n=Max("number"))["n"]
    allocation = OfficeAllocation(
        **scope,
        number=(last or 0) + 1,
        amount=amount,
        received_on=received_on,
        letter_no=letter_no,
        note=note,
    )
    check_date(allocation, "received_on", plan.fiscal_year)
    allocation.full_clean()
    with audit.acting(note=note):
        allocation.save()
    return allocation


@audit.authored
@transaction.atomic
def office_disbursement_record(
    *,
    plan: Plan,
    category: BudgetCategory,
    amount: Decimal,
    user,
    paid_on: date | None = None,
    document_no: str = "",
    note: str = "",
) -> OfficeDisbursement:
    """Record money paid out of the office's budget in a category (table 13). Refused like
    a project's disbursement: more than what is left of the category this year, or dated
    outside the year or after today. An entry without a date counts at the year's end."""
    require(user, plan.office_id, Right.OFFICE_BUDGET)
    _no_float(amount)
    _lock_plan(plan)  # one writer of the office's money at a time, as for instalments
    scope = {"office": plan.office, "fiscal_year": plan.fiscal_year, "category": category}
    allocations = OfficeAllocation.objects.filter(**scope)
    allocated = sum((a for a in allocations.values_list("amount", flat=True)), Decimal("0.00"))
    disbursed = OfficeDisbursement.objects.filter(**scope).aggregate(total=Sum("amount"))["total"]
    remaining = allocated - (disbursed or Decimal("0.00"))
    entry = OfficeDisbursement(
        **scope, amount=amount, paid_on=paid_on, document_no=document_no, note=note
    )
    check_date(entry, "paid_on", plan.fiscal_year)
    entry.full_clean()
    if amount > remaining:
        left = thai.format_money(remaining)
        raise ValidationError(
            {"amount": f"เบิกจ่ายเกินงบประมาณคงเหลือของ{category.name} (คงเหลือ {left} บาท)"}
        )
    with audit.acting(note=note):
        entry.save()
    return entry


@audit.authored
@transaction.atomic
def targets_update(
    *, plan: Plan, percents: Mapping[int, Decimal], user
) -> list[DisbursementTarget]:
    """Set the plan's cumulative disbursement targets for quarters 1 to 4."""
    require(user, plan.office_id, Right.PLAN_BUDGET)
    if sorted(percents) != list(thai.FISCAL_QUARTERS):
        raise ValueError("percents must give quarters 1 to 4")
    values = [percents[q] for q in thai.FISCAL_QUARTERS]
    for value in values:
        _no_float(value)
    if any(later < earlier for earlier, later in pairwise(values)):
        raise ValidationError("เป้าหมายสะสมของไตรมาสหลังต้องไม่น้อยกว่าไตรมาสก่อนหน้า")
    current = {
        t.quarter: t for t in DisbursementTarget.objects.select_for_update().filter(plan=plan)
    }
    saved = []
    for quarter, value in zip(thai.FISCAL_QUARTERS, values, strict=True):
        target = current.get(quarter) or DisbursementTarget(plan=plan, quarter=quarter)
        target.cumulative_percent = value
        target.full_clean()
        target.save()
        saved.append(target)
    return saved
