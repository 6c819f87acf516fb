"""The planning group's project pages (Right.MANAGE_PLAN): the plan's projects and one
project's whole tree (its data, activities, indicators and their quarterly milestones).
Each view checks access, parses the form, calls one selector or service, and renders."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from budget.selectors import project_amounts
from indicators.models import Indicator
from plans import thai
from plans.access import managed_plan, office_plans, plan_choice
from plans.excel import xlsx_response
from plans.forms import show_errors
from plans.history import HISTORY_LINES, history_for
from plans.history import lines as history_lines
from plans.services import ALREADY_SUBMITTED, AlreadySubmitted, submit_once
from projects import exports, forms, selectors, services
from projects.models import Activity, Project

PAGE_SIZE = 50


def _project(request, year: int, pk: int) -> Project:
    plan = managed_plan(request, year)
    projects = Project.objects.visible_to(request.user).filter(plan=plan)
    project = get_object_or_404(projects, pk=pk)
    project.plan = plan
    return project


def _write(request, form, write, *, done: str, once: bool = False) -> bool:
    """Run a valid form's service call (once, for a create form): True when it was recorded
    now (or by an earlier post of the same create form), False when refused (the errors are
    on the form)."""
    try:
        if once:
            submit_once(key=form.submission_key, user=request.user, write=write)
        else:
            write()
    except AlreadySubmitted:
        messages.info(request, ALREADY_SUBMITTED)
    except ValidationError as error:
        show_errors(form, error)
        return False
    else:
        messages.success(request, done)
    return True


def _post(request):
    return request.POST if request.method == "POST" else None


def home(request):
    plan = plan_choice(request)[0] or office_plans(request).order_by("-fiscal_year__year").first()
    if plan is None:
        return render(request, "projects/no_plan.html")
    return redirect("projects:project_list", year=plan.fiscal_year.year)


def project_list(request, year: int):
    plan = managed_plan(request, year)
    rows = selectors.project_list_for_plan(plan)
    context = {
        "plan": plan,
        "years": list(office_plans(request).order_by("-fiscal_year__year")),
        "page": Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page")),
    }
    return render(request, "projects/project_list.html", context)


def project_list_export(request, year: int):
    """The project list, every activity and every indicator with its milestones."""
    plan = managed_plan(request, year)
    return xlsx_response(exports.plan_tree_export(plan, selectors.plan_tree(plan)))


@require_http_methods(["GET", "POST"])
def project_add(request, year: int):
    plan = managed_plan(request, year)
    form = forms.ProjectAddForm(
        _post(request),
        plan=plan,
        user=request.user,
        initial={"number": thai.to_thai_digits(services.next_project_number(plan))},
    )
    if request.method == "POST" and form.is_valid():
        created = []

        def write():
            created.append(
                services.project_create(plan=plan, data=form.data_for_service(), user=request.user)
            )

        if _write(request, form, write, done="เพิ่มโครงการแล้ว", once=True):
            if created:
                return redirect("projects:project_tree", year=year, pk=created[0].pk)
            return redirect("projects:project_list", year=year)
    return render(request, "projects/project_add.html", {"plan": plan, "form": form})


@require_http_methods(["GET", "POST"])
def project_tree(request, year: int, pk: int):
    """One project's whole tree: its data (this page's form), its activities (the form of
    activities_edit) and its indicators with their milestones, its budget read-only."""
    project = _project(request, year, pk)
    tree = selectors.project_tree(project)
    form = forms.ProjectForm(_post(request), plan=project.plan, project=tree.project)
    if (
        request.method == "POST"
        and form.is_valid()
        and _write(
            request,
            form,
            lambda: services.project_update(
                project=project, data=form.data_for_service(), user=request.user
            ),
            done="บันทึกข้อมูลโครงการแล้ว",
        )
    ):
        return redirect("projects:project_tree", year=year, pk=pk)
    context = {
        "plan": project.plan,
        "tree": tree,
        "form": form,
        "activities_form": _activities_form(None, tree.activities, project),
        "budget": project_amounts(project),
        "history": history_lines(history_for(project)[:HISTORY_LINES], project),
    }
    return render(request, "projects/project_tree.html", context)


def _activities_form(data, activities: list[Activity], project: Project):
    return forms.ActivitiesForm(
        data, activities=activities, next_number=services.next_activity_number(project)
    )


@require_http_methods(["GET", "POST"])
def activities_edit(request, year: int, pk: int):
    project = _project(request, year, pk)
    activities = list(project.activities.order_by("number"))
    form = _activities_form(_post(request), activities, project)
    if (
        request.method == "POST"
        and form.is_valid()
        and _write(
            request,
            form,
            lambda: services.activities_update(
                project=project,
                rows=form.rows_for_service(),
                new=form.new_for_service(),
                user=request.user,
            ),
            done="บันทึกกิจกรรมแล้ว",
        )
    ):
        return redirect(_tree_url(project, "activities"))
    context = {"plan": project.plan, "project": project, "form": form}
    return render(request, "projects/activities_form.html", context)


def _tree_url(project: Project, anchor: str) -> str:
    url = reverse("projects:project_tree", args=[project.plan.fiscal_year.year, project.pk])
    return f"{url}#{anchor}"


@require_http_methods(["GET", "POST"])
def indicator_add(request, year: int, pk: int):
    project = _project(request, year, pk)
    form = forms.IndicatorAddForm(
        _post(request),
        project=project,
        user=request.user,
        initial={"order": thai.to_thai_digits(services.next_indicator_order(project))},
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and _write(
            request,
            form,
            lambda: services.indicator_create(
                project=project, data=form.data_for_service(), user=request.user
            ),
            done="เพิ่มตัวชี้วัดแล้ว",
            once=True,
        )
    ):
        return redirect(_tree_url(project, "indicators"))
    context = {"plan": project.plan, "project": project, "form": form, "adding": True}
    return render(request, "projects/indicator_form.html", context)


@require_http_methods(["GET", "POST"])
def indicator_edit(request, year: int, pk: int, indicator: int):
    project = _project(request, year, pk)
    item = get_object_or_404(project.indicators.prefetch_related("milestones"), pk=indicator)
    form = forms.IndicatorForm(_post(request), project=project, indicator=item)
    if (
        request.method == "POST"
        and form.is_valid()
        and _write(
            request,
            form,
            lambda: services.indicator_update(
                indicator=item, data=form.data_for_service(), user=request.user
            ),
            done="บันทึกตัวชี้วัดแล้ว",
        )
    ):
        return redirect(_tree_url(project, "indicators"))
    context = {"plan": project.plan, "project": project, "form": form, "indicator": item}
    return render(request, "projects/indicator_form.html", context)


def _confirm_delete(request, project: Project, obj, delete, *, what: str, back: str):
    """Ask before deleting; refuse with the reasons (projects.services.delete_refusals)."""
    refusal = services.delete_refusals(obj)
    if request.method == "POST" and not refusal:
        try:
            delete()
        except ValidationError as error:
            refusal = error.messages
        else:
            messages.success(request, f"ลบ{what}แล้ว")
            return None
    context = {
        "plan": project.plan,
        "project": project,
        "obj": obj,
        "what": what,
        "refusal": refusal,
        "back": back,
    }
    return render(request, "projects/confirm_delete.html", context)


@require_http_methods(["GET", "POST"])
def project_delete(request, year: int, pk: int):
    project = _project(request, year, pk)
    back = _tree_url(project, "main")
    response = _confirm_delete(
        request,
        project,
        project,
        lambda: services.project_delete(project=project, user=request.user),
        what="โครงการ",
        back=back,
    )
    return response or redirect("projects:project_list", year=year)


@require_http_methods(["GET", "POST"])
def activity_delete(request, year: int, pk: int, activity: int):
    project = _project(request, year, pk)
    item = get_object_or_404(project.activities, pk=activity)
    back = _tree_url(project, "activities")
    response = _confirm_delete(
        request,
        project,
        item,
        lambda: services.activity_delete(activity=item, user=request.user),
        what="กิจกรรม",
        back=back,
    )
    return response or redirect(back)


@require_http_methods(["GET", "POST"])
def indicator_delete(request, year: int, pk: int, indicator: int):
    project = _project(request, year, pk)
    item = get_object_or_404(Indicator.objects.filter(project=project), pk=indicator)
    back = _tree_url(project, "indicators")
    response = _confirm_delete(
        request,
        project,
        item,
        lambda: services.indicator_delete(indicator=item, user=request.user),
        what="ตัวชี้วัด",
        back=back,
    )
    return response or redirect(back)
