"""Start next year: the planning group previews and confirms a copy of a year's plan into the
next, and undoes it while the new year has no results."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from nextyear import exports, selectors, services
from nextyear.forms import CopyForm, ProposalsForm, UndoForm
from nextyear.models import PlanCopy
from plans import thai
from plans.access import NOT_ALLOWED, Right, plan_choice, plan_for_user, rights_for
from plans.excel import xlsx_response
from plans.models import Plan
from plans.services import ALREADY_SUBMITTED, AlreadySubmitted, submit_once


def _manageable(request, year: int) -> Plan:
    """The current office's plan of `year`, for a user who manages the plan (else 403)."""
    plan = plan_for_user(request, year)
    if Right.MANAGE_PLAN not in rights_for(request.user, plan.office):
        raise PermissionDenied(NOT_ALLOWED)
    return plan


def _once(request, form, write, *, done: str) -> bool:
    """Run the confirmed write once: True when done now or by an earlier post."""
    try:
        submit_once(key=form.submission_key, user=request.user, write=write)
    except AlreadySubmitted:
        messages.info(request, ALREADY_SUBMITTED)
    except ValidationError as error:
        form.add_error(None, error.messages)
        return False
    else:
        messages.success(request, done)
    return True


def copy_home(request):
    """The newest year with projects, whose copy into the next year is offered."""
    _, plans = plan_choice(request)  # newest first
    if not plans:
        raise Http404("สำนักงานนี้ยังไม่มีแผนปฏิบัติการที่มีโครงการ")
    return redirect("nextyear:preview", year=plans[0].fiscal_year.year)


@require_http_methods(["GET", "POST"])
def copy_preview(request, year: int):
    source = _manageable(request, year)
    preview = selectors.copy_preview(source)
    form = CopyForm(
        request.POST if request.method == "POST" else None,
        user=request.user,
        offer_frame=preview.target is None,
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and _once(
            request,
            form,
            lambda: services.plan_copy(source=source, parts=form.parts(), user=request.user),
            done=f"สร้างแผนปฏิบัติการ{thai.fiscal_year_label(preview.target_year)} จากแผนปีนี้แล้ว",
        )
    ):
        return redirect("nextyear:preview", year=year)
    copies = selectors.copy_list(source.office_id)
    context = {
        "plan": source,
        "preview": preview,
        "form": form,
        "copies": copies,
        "done": next((c for c in copies if c.copy.source_id == source.pk), None),
    }
    return render(request, "nextyear/copy_preview.html", context)


@require_http_methods(["GET", "POST"])
def copy_undo(request, year: int):
    """Undo the copy that filled the plan of `year` (the new year)."""
    target = _manageable(request, year)
    copy = PlanCopy.objects.filter(target=target).select_related("source__fiscal_year").first()
    if copy is None:
        raise Http404("แผนปีนี้ไม่ได้สร้างจากการคัดลอก")
    form = UndoForm(request.POST if request.method == "POST" else None, user=request.user)
    if (
        request.method == "POST"
        and form.is_valid()
        and _once(
            request,
            form,
            lambda: services.plan_copy_undo(copy=copy, user=request.user),
            done=f"ยกเลิกการคัดลอกแผนสู่{target.fiscal_year} แล้ว",
        )
    ):
        return redirect("nextyear:preview", year=copy.source.fiscal_year.year)
    context = {
        "plan": target,
        "copy": copy,
        "projects": copy.projects.order_by("number").count(),
        "refusals": services.undo_refusals(copy),
        "form": form,
    }
    return render(request, "nextyear/copy_undo.html", context)


@require_http_methods(["GET", "POST"])
def proposals_edit(request, year: int):
    """The proposed budget of each project of the plan of `year` (never an allocation)."""
    plan = _manageable(request, year)
    projects = selectors.proposal_list(plan)
    form = ProposalsForm(request.POST if request.method == "POST" else None, projects=projects)
    if request.method == "POST" and form.is_valid():
        try:
            services.proposals_update(plan=plan, amounts=form.amounts(), user=request.user)
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(request, f"บันทึกงบประมาณที่เสนอของ{plan.fiscal_year} แล้ว")
            return redirect("nextyear:proposals", year=year)
    return render(request, "nextyear/proposals_form.html", {"plan": plan, "form": form})


def proposals_xlsx(request, year: int):
    plan = _manageable(request, year)
    return xlsx_response(exports.proposals_export(plan, selectors.proposal_list(plan)))
