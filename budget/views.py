"""Budget pages: check access, parse the form, call one selector or service, render."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from budget import exports, forms, rules, selectors, services
from budget.access import access_for
from budget.models import ProjectDisbursement
from plans.access import office_plans, plan_choice, plan_for_user
from plans.excel import xlsx_response
from plans.forms import show_errors
from plans.history import HISTORY_LINES, history_for
from plans.history import lines as history_lines
from plans.models import Plan
from plans.services import ALREADY_SUBMITTED, AlreadySubmitted, submit_once
from projects.models import Project

LEDGER_PAGE_SIZE = 50


def _project_or_404(request, plan: Plan, pk: int) -> Project:
    projects = Project.objects.visible_to(request.user).filter(plan=plan)
    project = get_object_or_404(projects.select_related("work_group"), pk=pk)
    project.plan = plan  # already fetched with its office and year
    return project


def _editable(request, project: Project) -> bool:
    return Project.objects.editable_by(request.user).filter(pk=project.pk).exists()


def _refuse_unless(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied("ท่านไม่มีสิทธิ์แก้ไขข้อมูลนี้")


def _record_once(request, form, write, *, done: str) -> bool:
    """Run a valid form's service call once (plans.services.submit_once): True when it was
    recorded now or by an earlier post of the same form (then nothing is recorded and the
    user reads ALREADY_SUBMITTED), False when refused (the errors are on the form)."""
    try:
        submit_once(key=form.submission_key, user=request.user, write=write)
    except AlreadySubmitted:
        messages.info(request, ALREADY_SUBMITTED)
    except ValidationError as error:
        show_errors(form, error)
        return False
    else:
        messages.success(request, done)
    return True


def home(request):
    # The year every page opens at (plans.access.plan_choice); a plan that has no project
    # yet still has the office's budget.
    plan = plan_choice(request)[0] or office_plans(request).order_by("-fiscal_year__year").first()
    if plan is None:
        return render(request, "budget/no_plan.html")
    return redirect("budget:overview", year=plan.fiscal_year.year)


def budget_overview(request, year: int):
    plan = plan_for_user(request, year)
    context = {
        "plan": plan,
        "overview": selectors.budget_overview(plan),
        "section": "overview",
        "margin": rules.BEHIND_MARGIN,
        "access": access_for(request.user, plan.office),
        "history": history_lines(history_for(plan)[:HISTORY_LINES], plan),
    }
    return render(request, "budget/budget_overview.html", context)


def budget_overview_xlsx(request, year: int):
    plan = plan_for_user(request, year)
    return xlsx_response(exports.overview_export(plan, selectors.budget_overview(plan)))


@require_http_methods(["GET", "POST"])
def project_ledger(request, year: int, pk: int):
    """The project's ledger, and finance's form to record a disbursement directly (project
    staff record theirs in the quarterly report; see services.disbursement_record)."""
    plan = plan_for_user(request, year)
    project = _project_or_404(request, plan, pk)
    access = access_for(request.user, plan.office)
    editable = access.correct_ledger
    form = forms.DisbursementForm(
        request.POST if request.method == "POST" else None, project=project, user=request.user
    )
    if request.method == "POST":
        _refuse_unless(editable)
        if form.is_valid() and _record_once(
            request,
            form,
            lambda: services.disbursement_record(
                project=project, user=request.user, **form.cleaned_data
            ),
            done="บันทึกการเบิกจ่ายแล้ว",
        ):
            return redirect("budget:project_ledger", year=year, pk=pk)
    ledger = selectors.project_ledger(project)
    context = {
        "plan": plan,
        "ledger": ledger,
        "section": "overview",
        "page": Paginator(ledger.entries, LEDGER_PAGE_SIZE).get_page(request.GET.get("page")),
        "form": form if editable else None,
        "access": access,
        "project_staff": not editable and _editable(request, project),
        "history": history_lines(history_for(project)[:HISTORY_LINES], project),
    }
    return render(request, "budget/project_ledger.html", context)


def project_ledger_xlsx(request, year: int, pk: int):
    plan = plan_for_user(request, year)
    project = _project_or_404(request, plan, pk)
    return xlsx_response(exports.ledger_export(plan, selectors.project_ledger(project)))


def _ledger_entry(request, year: int, pk: int, entry: int):
    """The plan, project and one ledger entry, for finance only (403 for everyone else)."""
    plan = plan_for_user(request, year)
    project = _project_or_404(request, plan, pk)
    # The right first: whether an entry id exists is not told to those who may not see it.
    _refuse_unless(access_for(request.user, plan.office).correct_ledger)
    disbursement = get_object_or_404(
        ProjectDisbursement.objects.select_related("activity"), project=project, pk=entry
    )
    disbursement.project = project
    return plan, project, disbursement


@require_http_methods(["GET", "POST"])
def disbursement_delete(request, year: int, pk: int, entry: int):
    """Asks first; deletes a mistaken direct entry on POST. An entry posted by a quarterly
    report is refused with the way to change it (reopen the report, or reverse it)."""
    plan, project, disbursement = _ledger_entry(request, year, pk, entry)
    refusal = None
    if request.method == "POST":
        try:
            services.disbursement_delete(disbursement=disbursement, user=request.user)
        except ValidationError as error:
            refusal = error.messages
        else:
            messages.success(request, "ลบรายการเบิกจ่ายแล้ว")
            return redirect("budget:project_ledger", year=year, pk=pk)
    elif disbursement.from_report:
        refusal = [services.FROM_REPORT]
    context = {"plan": plan, "project": project, "disbursement": disbursement}
    context["refusal"] = refusal
    return render(request, "budget/disbursement_confirm_delete.html", context)


@require_http_methods(["GET", "POST"])
def disbursement_reverse(request, year: int, pk: int, entry: int):
    """Finance reverses a ledger entry (a report's too) with a reason: a counter entry."""
    plan, project, disbursement = _ledger_entry(request, year, pk, entry)
    form = forms.ReversalForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.disbursement_reverse(
                disbursement=disbursement, user=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, "กลับรายการเบิกจ่ายแล้ว")
            return redirect("budget:project_ledger", year=year, pk=pk)
    context = {"plan": plan, "project": project, "disbursement": disbursement, "form": form}
    return render(request, "budget/disbursement_reverse.html", context)


@require_http_methods(["GET", "POST"])
def project_allocation_add(request, year: int, pk: int):
    plan = plan_for_user(request, year)
    project = _project_or_404(request, plan, pk)
    _refuse_unless(access_for(request.user, plan.office).plan_budget)
    form = forms.ProjectAllocationForm(
        request.POST if request.method == "POST" else None, project=project, user=request.user
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and _record_once(
            request,
            form,
            lambda: services.project_allocation_add(
                project=project, user=request.user, **form.cleaned_data
            ),
            done="บันทึกการจัดสรรงบประมาณแล้ว",
        )
    ):
        return redirect("budget:project_ledger", year=year, pk=pk)
    title = f"จัดสรรงบประมาณโครงการ {project}"
    context = {"plan": plan, "form": form, "title": title, "project": project}
    return render(request, "budget/allocation_form.html", context)


def _office_entry(request, year: int, form_class, record, *, title: str, done: str, **context):
    """A form of the office's budget (finance only): on success, back to the overview."""
    plan = plan_for_user(request, year)
    _refuse_unless(access_for(request.user, plan.office).office_budget)
    form = form_class(request.POST if request.method == "POST" else None, user=request.user)
    if (
        request.method == "POST"
        and form.is_valid()
        and _record_once(
            request,
            form,
            lambda: record(plan=plan, user=request.user, **form.cleaned_data),
            done=done,
        )
    ):
        return redirect("budget:overview", year=year)
    context |= {"plan": plan, "form": form, "title": f"{title} {plan.fiscal_year}"}
    return render(request, "budget/allocation_form.html", context)


@require_http_methods(["GET", "POST"])
def office_allocation_add(request, year: int):
    return _office_entry(
        request,
        year,
        forms.OfficeAllocationForm,
        services.office_allocation_add,
        done="บันทึกการจัดสรรงบประมาณของสำนักงานแล้ว",
        title="จัดสรรงบประมาณของสำนักงาน",
    )


@require_http_methods(["GET", "POST"])
def office_disbursement_add(request, year: int):
    return _office_entry(
        request,
        year,
        forms.OfficeDisbursementForm,
        services.office_disbursement_record,
        done="บันทึกการเบิกจ่ายงบประมาณของสำนักงานแล้ว",
        title="เบิกจ่ายงบประมาณของสำนักงาน",
        intro="ยอดเบิกแล้วของแต่ละหมวดคำนวณจากผลรวมของทุกรายการ รายการที่ไม่ระบุวันที่นับเป็นยอด ณ สิ้นปีงบประมาณ",
        submit="บันทึกการเบิกจ่าย",
    )


@require_http_methods(["GET", "POST"])
def targets_edit(request, year: int):
    plan = plan_for_user(request, year)
    _refuse_unless(access_for(request.user, plan.office).plan_budget)
    targets = selectors.targets_for(plan)
    form = forms.TargetsForm(
        request.POST if request.method == "POST" else None, initial_targets=targets.by_quarter
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.targets_update(plan=plan, percents=form.percents(), user=request.user)
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, "บันทึกเป้าหมายการเบิกจ่ายแล้ว")
            return redirect("budget:overview", year=year)
    return render(request, "budget/targets_form.html", {"plan": plan, "form": form})


@require_http_methods(["GET", "POST"])
def transfer_add(request, year: int):
    """The transfer form (finance and planning) above the year's transfers (everyone)."""
    plan = plan_for_user(request, year)
    access = access_for(request.user, plan.office)
    targets = selectors.targets_for(plan)
    form = forms.TransferForm(
        request.POST if request.method == "POST" else None,
        budgets=selectors.project_budgets(plan, targets),
        user=request.user,
    )
    if request.method == "POST":
        _refuse_unless(access.plan_budget)
        if form.is_valid():
            data = {k: v for k, v in form.cleaned_data.items() if k not in ("source", "target")}
            if _record_once(
                request,
                form,
                lambda: services.transfer_record(user=request.user, **data),
                done="บันทึกการโอนงบประมาณแล้ว",
            ):
                return redirect("budget:transfer_add", year=year)
    context = {
        "plan": plan,
        "form": form if access.plan_budget else None,
        "section": "transfers",
        "transfers": selectors.transfer_list(plan),
    }
    return render(request, "budget/transfer_form.html", context)


def transfers_xlsx(request, year: int):
    plan = plan_for_user(request, year)
    return xlsx_response(exports.transfers_export(plan, selectors.transfer_list(plan)))
