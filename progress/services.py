"""The quarterly report's workflow: save a draft, submit, return, approve, reopen.

    draft/returned --submit--> submitted --approve--> approved --reopen--> draft
                                         --return---> returned

Four eyes: the report's submitter never approves or returns it (progress/access.py
`is_submitter`); another director decides.

Each service locks the report row, refuses a stale `version` (the version the user's
page was built from: the lost-update guard), validates, writes and bumps the version, all
in one transaction; the audit trail (plans/audit.py) records each row written, under the
service's user and action (submit, return, approve, reopen) and reason. Each step also
writes its notices in the same transaction (progress/notices.py: who is told), e-mailed
once it commits.

Only approval writes outside `progress`: each value becomes the indicator's
`IndicatorResult` for the quarter (so results are approved values, what the annual report
and the dashboard read), and each amount is posted to the project's disbursement ledger
through `budget.services.disbursement_post_approved`, which refuses more than what is left.

Reopening keeps what was approved: the quarter's results and ledger entries stay until the
report is approved again. Re-approval then overwrites the results (removing those whose
value was cleared) and posts only the increase of each amount; a lower amount than already
posted is refused, since the ledger is never edited in place (finance reverses the entry,
budget.services.disbursement_reverse, and approval then posts the new amount).

The ledger belongs to the report: its entries (document number "progress:<pk>") cannot be
deleted from the ledger page, and money over what is left of the project or an activity is
refused already when the report is saved or submitted (`_check_money`), with the amount left.
"""

from __future__ import annotations

from collections.abc import Mapping, Set
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max, Sum
from django.utils import timezone

from budget.models import REPORT_REF_PREFIX, ProjectDisbursement
from budget.services import check_disbursements, disbursement_post_approved
from indicators.models import IndicatorResult
from indicators.units import kept_count_unit
from plans import audit, thai
from plans.access import Right, require
from plans.money import cents
from progress import narrative, notices
from progress.access import OWN_REPORT, is_submitter, report_access
from progress.models import (
    NarrativeEdit,
    PrintedPhoto,
    QuarterlyReport,
    ReportDisbursement,
    ReportPhoto,
    ReportValue,
)
from projects.models import Activity, Project

STALE = "มีผู้อื่นบันทึกรายงานนี้ก่อนท่าน สิ่งที่ท่านทำยังไม่ถูกบันทึก กรุณาตรวจดูรายงานฉบับล่าสุด แล้วทำรายการอีกครั้ง"
NOT_EDITABLE = "รายงานนี้ส่งแล้วหรืออนุมัติแล้ว จึงแก้ไขไม่ได้"


class StaleReport(ValidationError):
    """The report changed since the user's page was built."""

    def __init__(self) -> None:
        super().__init__(STALE, code="stale")


def _differs(old: Any, new: Any) -> bool:
    return (None if old is None else str(old)) != (None if new is None else str(new))


def _activity_label(activity: Activity | None) -> str:
    if activity is None:
        return "เบิกจ่าย ทั้งโครงการ"
    return f"เบิกจ่าย กิจกรรมที่ {thai.to_thai_digits(activity.number)}"


def _ledger_ref(report: QuarterlyReport) -> str:
    """The document number of the ledger entries an approval posts (finds them again)."""
    return f"{REPORT_REF_PREFIX}{report.pk}"


def _posted(report: QuarterlyReport) -> dict[int | None, Decimal]:
    """What the report's approvals have posted to the ledger, net of finance's reversals,
    per activity id (None: the project as a whole)."""
    return dict(
        ProjectDisbursement.objects.filter(project=report.project, document_no=_ledger_ref(report))
        .values("activity")
        .annotate(total=Sum("amount"))
        .values_list("activity", "total")
    )


def _check_money(report: QuarterlyReport) -> None:
    """Refuse, at save and at submit, a report whose money is more than what is left of its
    project or of an activity: the ledger's own rule (budget.services.check_disbursements),
    applied to what approval would post (each amount less what this report already posted),
    with the amount left in the message. Approval checks again, entry by entry."""
    posted = _posted(report)
    increase = {}
    for row in report.disbursements.select_related("activity"):
        more = row.amount - (posted.get(row.activity_id) or Decimal(0))
        if more > 0:
            increase[row.activity] = more
    try:
        check_disbursements(project=report.project, amounts=increase)
    except ValidationError as error:
        raise ValidationError(error.messages, code="over_budget") from error


def _lock(report: QuarterlyReport, version: int) -> QuarterlyReport:
    # The project's row first, then the report's: the order every writer of a project's
    # reports and ledger takes (report_save_draft, the budget services), so that a save and
    # an approval of the same project wait for each other instead of deadlocking.
    list(Project.objects.select_for_update().filter(pk=report.project_id))
    locked = (
        # Lock the report row only (not the joined plan and office rows, on PostgreSQL).
        QuarterlyReport.objects.select_for_update(of=("self",))
        .select_related("project__plan__office", "project__plan__fiscal_year")
        .get(pk=report.pk)
    )
    if locked.version != version:
        raise StaleReport()
    return locked


def _status_change(report: QuarterlyReport, *, new: str) -> None:
    report.status = new
    report.version += 1
    report.full_clean()
    report.save()


@audit.authored
@transaction.atomic
def report_save_draft(
    *,
    project: Project,
    quarter: int,
    user,
    version: int,
    narrative: Mapping[str, str],
    values: Mapping[int, tuple],
    amounts: Mapping[int | None, Decimal],
    photo: UploadedFile | None = None,
    photo_caption: str = "",
) -> QuarterlyReport:
    """Save what the user typed for the quarter. `version` is 0 for a report not yet made.
    `values` maps an indicator id to (value, unit, count[, count's unit[, shortfall]]: the
    unit by indicators.units.kept_count_unit, never the value's percentage; the shortfall, of
    a result short of its target, in that unit); `amounts` an activity id (None:
    the project as a whole) to the money disbursed. Blank entries delete earlier ones."""
    if not report_access(user, project).can_edit:
        raise PermissionDenied
    # Lock the project so that two first saves of the same quarter cannot both create it.
    Project.objects.select_for_update().filter(pk=project.pk).first()
    report = QuarterlyReport.objects.filter(project=project, quarter=quarter).first()
    changed = False
    if report is None:
        if version != 0:
            raise StaleReport()
        report = QuarterlyReport(project=project, quarter=quarter, version=0)
    else:
        report = _lock(report, version)
        if not report.is_editable:
            raise ValidationError(NOT_EDITABLE, code="locked")
    for name in QuarterlyReport.NARRATIVE:
        new = narrative.get(name, "")
        changed |= _differs(getattr(report, name) or None, new or None)
        setattr(report, name, new)
    created = report.pk is None
    report.version += 1
    report.full_clean()
    report.save()

    indicators = {i.pk: i for i in project.indicators.all()}
    old_values = {v.indicator_id: v for v in report.values.all()}
    for indicator_id in sorted(set(old_values) | set(values)):
        indicator = indicators.get(indicator_id)
        if indicator is None:
            raise ValidationError("ตัวชี้วัดนี้ไม่อยู่ในโครงการ")
        old = old_values.get(indicator_id)
        if indicator_id not in values:
            old.delete()
            changed = True
            continue
        value, unit, count, *rest = values[indicator_id]
        chosen = rest[0] if rest else ""
        shortfall = rest[1] if len(rest) > 1 else None
        value = cents(value)
        count, shortfall = (n if n is None else cents(n) for n in (count, shortfall))
        of_count = kept_count_unit(unit, chosen or "", count=count, shortfall=shortfall)
        row = old or ReportValue(report=report, indicator=indicator)
        before = row.as_row()
        row.value, row.unit, row.count, row.count_unit = value, unit, count, of_count
        row.shortfall = shortfall
        row.full_clean()
        row.save()
        changed |= old is None or _differs(before, (value, unit, count, of_count, shortfall))

    activities = {a.pk: a for a in project.activities.all()}
    old_amounts = {d.activity_id: d for d in report.disbursements.all()}
    for activity_id in sorted(set(old_amounts) | set(amounts), key=lambda pk: pk or 0):
        if activity_id is not None and activity_id not in activities:
            raise ValidationError("กิจกรรมนี้ไม่อยู่ในโครงการ")
        activity = activities.get(activity_id) if activity_id else None
        old = old_amounts.get(activity_id)
        if activity_id not in amounts:
            old.delete()
            changed = True
            continue
        row = old or ReportDisbursement(report=report, activity=activity)
        before = row.amount if old else None
        row.amount = cents(amounts[activity_id])
        row.full_clean()
        row.save()
        changed |= _differs(before, row.amount)

    _check_money(report)

    if photo is not None:
        last = report.photos.aggregate(n=Max("order"))["n"] or 0
        row = ReportPhoto(report=report, image=photo, caption=photo_caption.strip(), order=last + 1)
        row.full_clean()
        row.save()
        changed = True

    if not created and not changed:
        # Nothing changed: the user keeps their version and the history no empty line.
        QuarterlyReport.objects.filter(pk=report.pk).update(version=version)
        report.version = version
    return report


@audit.authored
@transaction.atomic
def report_photo_remove(*, photo: ReportPhoto, user, version: int) -> QuarterlyReport:
    report = _lock(photo.report, version)
    if not report_access(user, report.project).can_edit:
        raise PermissionDenied
    if not report.is_editable:
        raise ValidationError(NOT_EDITABLE, code="locked")
    image = photo.image  # the file goes once the removal is committed, and not before
    photo.delete()
    transaction.on_commit(lambda: image.storage.delete(image.name))
    report.version += 1
    report.save(update_fields=["version", "updated_at"])
    return report


@audit.authored
@transaction.atomic
def report_submit(*, report: QuarterlyReport, user, version: int) -> QuarterlyReport:
    report = _lock(report, version)
    if not report_access(user, report.project).can_edit:
        raise PermissionDenied
    if not report.is_editable:
        raise ValidationError("ส่งได้เฉพาะรายงานที่เป็นร่างหรือถูกส่งกลับแก้ไข", code="status")
    if not report.work_done.strip():
        raise ValidationError(
            {"work_done": "กรุณากรอกวิธีการดำเนินงาน/สิ่งที่ดำเนินการก่อนส่งรายงาน"}, code="required"
        )
    _check_money(report)
    report.submitted_by = user
    report.submitted_at = timezone.now()
    with audit.acting(action=audit.Action.SUBMIT):
        _status_change(report, new=QuarterlyReport.Status.SUBMITTED)
    notices.report_submitted(report, user=user)
    return report


@audit.authored
@transaction.atomic
def report_return(*, report: QuarterlyReport, user, version: int, reason: str) -> QuarterlyReport:
    report = _lock(report, version)
    if not report_access(user, report.project).can_decide:
        raise PermissionDenied
    if is_submitter(user, report):
        raise ValidationError(OWN_REPORT, code="four_eyes")
    if report.status != QuarterlyReport.Status.SUBMITTED:
        raise ValidationError("ส่งกลับได้เฉพาะรายงานที่ส่งแล้วและรอพิจารณา", code="status")
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": "กรุณาระบุเหตุผล"}, code="required")
    report.last_reason = reason
    with audit.acting(action=audit.Action.RETURN, note=reason):
        _status_change(report, new=QuarterlyReport.Status.RETURNED)
    notices.report_returned(report, user=user, reason=reason)
    return report


def _approve_results(report: QuarterlyReport) -> None:
    """Copy the report's values into IndicatorResult for its quarter."""
    values = {v.indicator_id: v for v in report.values.select_related("indicator")}
    results = {
        r.indicator_id: r
        for r in IndicatorResult.objects.filter(
            indicator__project=report.project, quarter=report.quarter
        ).select_related("indicator")
    }
    for indicator_id in sorted(set(values) | set(results)):
        result, value = results.get(indicator_id), values.get(indicator_id)
        indicator = (value or result).indicator
        if value is None:
            result.delete()
            continue
        result = result or IndicatorResult(indicator=indicator, quarter=report.quarter)
        result.value, result.unit = value.value, value.unit
        result.count, result.count_unit = value.count, value.count_unit
        result.shortfall = value.shortfall
        result.full_clean()
        result.save()


def _approve_disbursements(report: QuarterlyReport, user) -> None:
    """Post each amount (or, after a reopen, its increase) to the project's ledger."""
    project, ref = report.project, _ledger_ref(report)
    posted = _posted(report)
    wanted = {d.activity_id: d for d in report.disbursements.select_related("activity")}
    year = project.plan.fiscal_year.year
    paid_on = min(thai.quarter_bounds(year, report.quarter)[1], timezone.localdate())
    for activity_id in sorted(set(posted) | set(wanted), key=lambda pk: pk or 0):
        row = wanted.get(activity_id)
        activity = row.activity if row else Activity.objects.filter(pk=activity_id).first()
        label = _activity_label(activity)
        difference = (row.amount if row else Decimal(0)) - (posted.get(activity_id) or Decimal(0))
        if difference < 0:
            raise ValidationError(
                f"{label}: ต่ำกว่ายอดที่อนุมัติและลงบัญชีไปแล้ว "
                f"({thai.format_money(posted[activity_id])} บาท) "
                "การลดยอดต้องให้กลุ่มบริหารงานการเงินฯ กลับรายการในบัญชีคุมงบประมาณก่อน"
            )
        if difference == 0:
            continue
        try:
            disbursement_post_approved(
                project=project,
                amount=difference,
                paid_on=paid_on,
                user=user,
                activity=activity,
                document_no=ref,
                note=f"ตามรายงานความก้าวหน้า{thai.quarter_label(report.quarter)}",
            )
        except ValidationError as error:
            raise ValidationError(f"{label}: {' '.join(error.messages)}") from error


@audit.authored
@transaction.atomic
def report_approve(*, report: QuarterlyReport, user, version: int) -> QuarterlyReport:
    report = _lock(report, version)
    if not report_access(user, report.project).can_decide:
        raise PermissionDenied
    if is_submitter(user, report):
        raise ValidationError(OWN_REPORT, code="four_eyes")
    if report.status != QuarterlyReport.Status.SUBMITTED:
        raise ValidationError("อนุมัติได้เฉพาะรายงานที่ส่งแล้วและรอพิจารณา", code="status")
    with audit.acting(action=audit.Action.APPROVE):
        _approve_results(report)
        _approve_disbursements(report, user)
        report.approved_by = user
        report.approved_at = timezone.now()
        report.last_reason = ""
        _status_change(report, new=QuarterlyReport.Status.APPROVED)
    notices.report_approved(report, user=user)
    return report


@audit.authored
@transaction.atomic
def report_reopen(*, report: QuarterlyReport, user, version: int, reason: str) -> QuarterlyReport:
    """Back to draft, with a reason. What was approved stays in the results and the ledger
    until the report is approved again (see the module's docstring)."""
    report = _lock(report, version)
    if not report_access(user, report.project).can_reopen:
        raise PermissionDenied
    if report.status != QuarterlyReport.Status.APPROVED:
        raise ValidationError("เปิดแก้ไขได้เฉพาะรายงานที่อนุมัติแล้ว", code="status")
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": "กรุณาระบุเหตุผล"}, code="required")
    report.last_reason = reason
    with audit.acting(action=audit.Action.REOPEN, note=reason):
        _status_change(report, new=QuarterlyReport.Status.DRAFT)
    notices.report_reopened(report, user=user, reason=reason)
    return report


UNKNOWN_PHOTO = "เลือกได้เฉพาะภาพจากรายงานรายไตรมาสที่อนุมัติแล้วของโครงการนี้"


@audit.authored
@transaction.atomic
def narrative_edit(
    *,
    project: Project,
    user,
    texts: Mapping[str, str],
    photos: Mapping[int, tuple[int, str]],
    cleared: Set[str] = frozenset(),
) -> None:
    """The planning group's text of the project's printed narrative and its choice of the
    approved reports' photos (progress/narrative.py). A section's text is kept as an edit
    only where it differs from what would print without one; an emptied or unchanged
    section follows its source again, and a `cleared` section prints "ไม่มี". `photos`:
    each chosen photo's place and caption ("" or the report's own: the report's caption).
    Photos must come from the project's approved reports."""
    require(user, project.plan.office_id, Right.MANAGE_PLAN)
    list(Project.objects.select_for_update().filter(pk=project.pk))
    _project, story = narrative.narrative_for(project.pk)
    choices = {c.photo.pk: c for c in story.photos}
    if not photos.keys() <= choices.keys():
        raise ValidationError({"photos": UNKNOWN_PHOTO}, code="unknown_photo")
    for section in story.sections:
        if section.key in cleared:
            text = ""
        elif section.key in texts:
            text = narrative.normal(section.key, texts[section.key])
            if not text or text == narrative.normal(section.key, section.baseline):
                if section.edit is not None:
                    section.edit.delete()
                continue
        else:
            continue
        edit = section.edit or NarrativeEdit(project=project, section=section.key)
        if edit.pk and edit.text == text and edit.compiled == section.compiled_text:
            continue
        edit.text = text
        edit.compiled = section.compiled_text
        edit.full_clean()
        edit.save()
    for pk, choice in choices.items():
        if pk not in photos:
            if choice.chosen:
                choice.photo.printed.delete()
            continue
        order, caption = photos[pk]
        caption = "" if caption.strip() == choice.photo.caption else caption.strip()
        printed = choice.photo.printed if choice.chosen else PrintedPhoto(photo=choice.photo)
        if printed.pk and (printed.order, printed.caption) == (order, caption):
            continue
        printed.order, printed.caption = order, caption
        printed.full_clean()
        printed.save()
