"""Pages of the quarterly report. Each view fetches through a user-scoped queryset (another
office's data is a 404), checks the user's rights (a write without them is a 403), then
calls one selector or service."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from plans import thai
from plans.access import plan_choice
from plans.excel import xlsx_response
from progress import conflicts, exports, selectors, services
from progress.access import (
    OWN_REPORT,
    can_follow_up,
    follow_up_groups,
    is_submitter,
    report_access,
)
from progress.forms import ConfirmForm, ReasonForm, ReportForm
from progress.models import QuarterlyReport, ReportPhoto
from projects.models import Project

PAGE_SIZE = 25


def _project_or_404(request, project_id: int, quarter: int) -> Project:
    if quarter not in thai.FISCAL_QUARTERS:
        raise Http404("ไม่มีไตรมาสนี้")
    return get_object_or_404(
        Project.objects.visible_to(request.user).select_related(
            "plan__office", "plan__fiscal_year", "work_group"
        ),
        pk=project_id,
    )


def _my_projects(request):
    """The year's plan, the plans to choose from, the quarter asked for (else the one being
    reported) and the rows of the projects the user enters or decides."""
    plan, plans = plan_choice(request)
    if plan is None:
        return None, [], None, []
    quarter = request.GET.get("quarter")
    quarter = int(quarter) if quarter in {str(q) for q in thai.FISCAL_QUARTERS} else None
    today = timezone.localdate()
    quarter = quarter or selectors.reporting_quarter(plan.fiscal_year, today)
    rows = selectors.project_list_for_user(request.user, plan=plan, quarter=quarter, today=today)
    return plan, plans, quarter, rows


def project_list(request):
    """My projects: the quarter's status and deadline of each project I enter or decide."""
    plan, plans, quarter, rows = _my_projects(request)
    if plan is None:
        return render(request, "progress/project_list.html", {"plan": None, "section": "mine"})
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "progress/project_list.html",
        {
            "plan": plan,
            "years": sorted({p.fiscal_year.year for p in plans}, reverse=True),
            "quarter": quarter,
            "quarters": thai.FISCAL_QUARTERS,
            "quarter_label": thai.quarter_label(quarter),
            "page": page,
            "can_follow_up": can_follow_up(request.user, plan.office),
            "extra": f"&year={plan.fiscal_year.year}&quarter={quarter}",
            "export_url": f"{reverse('progress:project_list_export')}"
            f"?year={plan.fiscal_year.year}&quarter={quarter}",
            "section": "mine",
        },
    )


def project_list_export(request):
    plan, _plans, quarter, rows = _my_projects(request)
    if plan is None:
        raise Http404("ไม่พบแผนปฏิบัติการ")
    return xlsx_response(exports.my_projects_export(plan, rows, quarter=quarter))


def _report_form(page: selectors.ReportPage, **kwargs) -> ReportForm:
    return ReportForm(
        indicators=[line.indicator for line in page.indicators],
        activities=selectors.activities_of(page),
        **kwargs,
    )


def _report_context(request, page: selectors.ReportPage, form: ReportForm | None, access) -> dict:
    """The page with the form's rows paired to the indicator and activity lines (a post of
    other rows than the page's is refused, and shown as far as the two lists pair up)."""
    if form is not None:
        rows = list(zip(page.indicators, form.value_rows, strict=False))
        money = list(zip(page.activities, form.amount_rows, strict=False))
    else:
        rows, money = [], [(line, None) for line in page.activities]
    return {
        "page": page,
        "form": form,
        "access": access,
        "indicator_rows": rows,
        "money": money,
        "quarters": thai.FISCAL_QUARTERS,
        "section": "report",
        "can_follow_up": can_follow_up(request.user, page.project.plan.office),
        "own_submission": is_submitter(request.user, page.report),
        "own_report": OWN_REPORT,
        "conflict": getattr(form, "conflict", None),
    }


def report_page(request, project_id: int, quarter: int):
    """The quarter's report: entry form while editable, read-only otherwise, and history."""
    project = _project_or_404(request, project_id, quarter)
    access = report_access(request.user, project)
    page = selectors.report_page(project, quarter, today=timezone.localdate())
    editable = access.can_edit and (page.report is None or page.report.is_editable)
    form = None
    if request.method == "POST":
        if not access.can_edit:
            raise PermissionDenied
        form = _report_form(page, data=request.POST, files=request.FILES)
        if form.is_valid():
            # A save after a conflict: the user's per-field choices against the version shown.
            conflicts.apply_choices(page.report, form, request.POST)
            if _save(request, project, quarter, form):
                return redirect("progress:report", project_id=project.pk, quarter=quarter)
    elif editable:
        form = _report_form(page, report=page.report)
    return render(
        request, "progress/report_page.html", _report_context(request, page, form, access)
    )


def _save(request, project: Project, quarter: int, form: ReportForm) -> bool:
    """Save the draft (and submit it when asked); on a refusal the errors go on the form."""
    submit = request.POST.get("action") == "submit"
    try:
        with transaction.atomic():
            report = services.report_save_draft(
                project=project,
                quarter=quarter,
                user=request.user,
                version=form.cleaned_data["version"],
                narrative=form.narrative(),
                values=form.values(),
                amounts=form.amounts(),
                photo=form.cleaned_data.get("photo"),
                photo_caption=form.cleaned_data.get("photo_caption", ""),
            )
            if submit:
                services.report_submit(report=report, user=request.user, version=report.version)
    except services.StaleReport:
        form.add_error(None, conflicts.MESSAGE)
        if form.cleaned_data.get("photo"):
            form.add_error("photo", "กรุณาเลือกไฟล์ภาพอีกครั้ง")
        # Saving again now is a deliberate choice made after seeing, field by field, what
        # the other person saved beside what this user typed (progress/conflicts.py).
        current = (
            QuarterlyReport.objects.filter(project=project, quarter=quarter)
            .prefetch_related("values", "disbursements")
            .first()
        )
        form.conflict = conflicts.conflict_of(current, form)
        form.data = form.data.copy()
        form.data["version"] = form.conflict.version
        return False
    except ValidationError as error:
        form.add_error(None, error)
        return False
    messages.success(request, "ส่งรายงานแล้ว" if submit else "บันทึกร่างแล้ว")
    return True


DECISIONS = {
    "return": {
        "right": "can_decide",
        "form": ReasonForm,
        "service": services.report_return,
        "title": "ส่งกลับแก้ไข",
        "done": "ส่งรายงานกลับให้แก้ไขแล้ว",
        "help": "รายงานจะกลับไปให้ผู้รับผิดชอบแก้ไข โปรดระบุสิ่งที่ต้องแก้",
    },
    "approve": {
        "right": "can_decide",
        "form": ConfirmForm,
        "service": services.report_approve,
        "title": "อนุมัติรายงาน",
        "done": "อนุมัติรายงานแล้ว",
        "help": "เมื่ออนุมัติ ผลตัวชี้วัดจะถูกบันทึกเป็นผลที่อนุมัติ ยอดเบิกจ่ายจะลงบัญชีเบิกจ่าย และรายงานจะถูกล็อกไม่ให้แก้ไข",
    },
    "reopen": {
        "right": "can_reopen",
        "form": ReasonForm,
        "service": services.report_reopen,
        "title": "เปิดให้แก้ไขอีกครั้ง",
        "done": "เปิดรายงานให้แก้ไขอีกครั้งแล้ว",
        "help": "รายงานจะกลับเป็นร่าง ผลที่อนุมัติไว้ยังคงอยู่จนกว่าจะอนุมัติใหม่",
    },
}


def report_decide(request, project_id: int, quarter: int, decision: str):
    """Return, approve or reopen: a confirmation page (with the reason where one is needed),
    then the service on POST."""
    spec = DECISIONS[decision]
    project = _project_or_404(request, project_id, quarter)
    report = get_object_or_404(QuarterlyReport, project=project, quarter=quarter)
    if not getattr(report_access(request.user, project), spec["right"]):
        raise PermissionDenied
    if spec["right"] == "can_decide" and is_submitter(request.user, report):
        # Four eyes: the page explains who decides instead; the service refuses too.
        context = {"report": report, "spec": spec, "decision": decision, "refusal": OWN_REPORT}
        return render(request, "progress/report_decide.html", context, status=403)
    form = spec["form"](request.POST or None, initial={"version": report.version})
    if request.method == "POST" and form.is_valid():
        kwargs = {"reason": form.cleaned_data["reason"]} if "reason" in form.fields else {}
        try:
            spec["service"](
                report=report, user=request.user, version=form.cleaned_data["version"], **kwargs
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, spec["done"])
            return redirect("progress:report", project_id=project.pk, quarter=quarter)
    return render(
        request,
        "progress/report_decide.html",
        {"report": report, "form": form, "spec": spec, "decision": decision},
    )


def photo_delete(request, photo_id: int):
    """Remove a photo from a draft, after a confirmation page."""
    photo = get_object_or_404(
        ReportPhoto.objects.filter(
            report__project__in=Project.objects.visible_to(request.user)
        ).select_related("report__project__plan__office"),
        pk=photo_id,
    )
    report = photo.report
    if not report_access(request.user, report.project).can_edit:
        raise PermissionDenied
    form = ConfirmForm(request.POST or None, initial={"version": report.version})
    if request.method == "POST" and form.is_valid():
        try:
            services.report_photo_remove(
                photo=photo, user=request.user, version=form.cleaned_data["version"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "ลบภาพแล้ว")
            return redirect("progress:report", project_id=report.project_id, quarter=report.quarter)
    return render(request, "progress/photo_delete.html", {"photo": photo, "form": form})


def _follow_up_rows(request):
    """The year's plan, the plans to choose from, and the follow-up rows the user may read:
    the office's, or a group director's group's (progress.access.follow_up_groups)."""
    plan, plans = plan_choice(request)
    if plan is None:
        raise Http404("ไม่พบแผนปฏิบัติการ")
    groups = follow_up_groups(request.user, plan.office)
    if groups == frozenset():
        raise PermissionDenied
    rows = selectors.follow_up_rows(plan, today=timezone.localdate(), groups=groups)
    return plan, plans, rows, groups is not None


def follow_up_list(request):
    """Who has not reported: every project × quarter of the year, overdue first."""
    plan, plans, rows, own_groups = _follow_up_rows(request)
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "progress/follow_up_list.html",
        {
            "plan": plan,
            "years": sorted({p.fiscal_year.year for p in plans}, reverse=True),
            "page": page,
            "overdue": sum(1 for row in rows if row.status.overdue),
            "export_url": f"{reverse('progress:follow_up_export')}?year={plan.fiscal_year.year}",
            "extra": f"&year={plan.fiscal_year.year}",
            "section": "follow_up",
            "can_follow_up": True,
            "own_groups": own_groups,
        },
    )


def follow_up_export(request):
    plan, _, rows, own_groups = _follow_up_rows(request)
    return xlsx_response(exports.follow_up_export(plan, rows, own_groups=own_groups))


def work_queue(request):
    """What waits for me: my returned reports first, then my reports past their deadline,
    then the reports I decide, across the year's quarters (the year every page opens at,
    plans.access.plan_choice)."""
    plan, plans = plan_choice(request)
    context = {"plan": plan, "section": "queue"}
    if plan is not None:
        context.update(
            queue=selectors.work_queue_for_user(
                request.user, plan=plan, today=timezone.localdate()
            ),
            years=sorted({p.fiscal_year.year for p in plans}, reverse=True),
            can_follow_up=can_follow_up(request.user, plan.office),
            export_url=f"{reverse('progress:queue_export')}?year={plan.fiscal_year.year}",
        )
    return render(request, "progress/work_queue.html", context)


def work_queue_export(request):
    plan, _plans = plan_choice(request)
    if plan is None:
        raise Http404("ไม่พบแผนปฏิบัติการ")
    queue = selectors.work_queue_for_user(request.user, plan=plan, today=timezone.localdate())
    return xlsx_response(exports.work_queue_export(plan, queue))
