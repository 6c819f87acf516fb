"""The director dashboards: each view resolves the plan and filters from the URL through the
user's own offices (another office's plan or project is a 404), calls one selector of
reports/dashboard/ and renders."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import wraps

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from indicators.rules import VERDICT_LABELS, Verdict
from plans import caching, thai
from plans.access import current_office, plan_choice, user_offices
from plans.excel import xlsx_response
from plans.models import Plan
from progress.selectors import reporting_quarter
from projects.models import Project
from reports import exports
from reports.dashboard import charts
from reports.dashboard.filters import Choice, Filters, filter_choices
from reports.dashboard.overview import Overview, overview_page
from reports.dashboard.project_detail import project_page
from reports.dashboard.rules import PROJECT_STATUS_LABELS, ProjectStatus
from reports.dashboard.schools import schools_page
from reports.dashboard.sets import by_policy_area, by_work_group

# What the dashboards read of the query string (plans.access reads `office`): a page is kept
# in the cache only for these (plans/caching.py).
QUERY = ("year", "quarter", "area", "group", "sort", "verdict", "status")


@dataclass(frozen=True)
class Scope:
    plan: Plan
    filters: Filters
    years: list[int]
    areas: list[Choice]
    groups: list[Choice]


def _int(value: str | None, allowed) -> int | None:
    try:
        number = int(value or "")
    except ValueError:
        return None
    return number if number in allowed else None


def _scope(request, year: int | None = None, office: str = "") -> Scope | None:
    """The plan and filters the URL asks for: the plan by plans.access.plan_choice (the one
    rule of every page with a year), the filters from the query string. None when the
    office has no plan; 404 for an office or a year that is not the user's."""
    offices = user_offices(request)
    if office:
        current = next((o for o in offices if o.code == office), None)
        if current is None:
            raise Http404("ไม่พบสำนักงานนี้")
    else:
        current = current_office(request)  # ?office=, else the session's (404: not theirs)
    plan, plans = plan_choice(request, year=year, office=current)
    if plan is None:
        return None
    code, years, year = current.code, [p.fiscal_year.year for p in plans], plan.fiscal_year.year
    quarter = _int(request.GET.get("quarter"), thai.FISCAL_QUARTERS) or reporting_quarter(
        plan.fiscal_year, timezone.localdate()
    )
    filters = Filters(
        year=year,
        quarter=quarter,
        area=_int(request.GET.get("area"), range(1, 100)),
        group=request.GET.get("group", "")[:50],
        sort=request.GET.get("sort", "")[:30],
        office=code if len(offices) > 1 else "",
    )
    areas, groups = filter_choices(plan.office)
    return Scope(plan, filters, years, areas, groups)


def _page(request, template: str, scope: Scope, **context):
    filters = scope.filters
    return render(
        request,
        template,
        {
            "plan": scope.plan,
            "filters": filters,
            "years": scope.years,
            "areas": scope.areas,
            "groups": scope.groups,
            "area_label": next((c.label for c in scope.areas if c.value == str(filters.area)), ""),
            "group_label": next((c.label for c in scope.groups if c.value == filters.group), ""),
            **context,
        },
    )


def _no_plan(request):
    return render(request, "reports/no_plan.html")


def _with_plan(view):
    """Resolve the plan and filters from the URL (the no-plan page when the user reads no
    plan) and hand the view the scope and the plan's overview at the chosen quarter."""

    @wraps(view)
    @caching.per_user_page(*QUERY)
    def wrapper(request):
        scope = _scope(request)
        if scope is None:
            return _no_plan(request)
        return view(request, scope, _overview(scope))

    return wrapper


def _overview(scope: Scope) -> Overview:
    """The plan's overview at the chosen quarter, computed once per change of the office's
    data and shared by everyone who reads it (plans/caching.py)."""
    plan, filters, years, today = scope.plan, scope.filters, scope.years, timezone.localdate()
    return caching.office_cached(
        "dashboard-overview",
        plan.office_id,
        (plan.pk, filters, years, today),
        lambda: overview_page(plan, filters, years, today=today),
    )


def _chosen(request, name: str, choices: type[StrEnum]) -> str:
    """The query string's ``name`` when it is one of ``choices``; else "" (all of them)."""
    value = request.GET.get(name, "")
    return value if value in choices.__members__.values() else ""


@_with_plan
def overview(request, scope: Scope, data: Overview):
    return _page(
        request,
        "reports/dashboard/overview.html",
        scope,
        data=data,
        charts=charts.overview_charts(data),
        tab="overview",
    )


def _filter_notes(scope: Scope, chosen: str) -> list[str]:
    """What a dashboard export was filtered by, in words, under its title."""
    filters = scope.filters
    parts = [scope.plan.office.name, f"ข้อมูลถึงสิ้น{filters.quarter_label}"]
    area = next((c.label for c in scope.areas if c.value == str(filters.area)), "")
    group = next((c.label for c in scope.groups if c.value == filters.group), "")
    parts += [f"ด้านนโยบาย {area}"] if area else []
    parts += [f"กลุ่มงาน {group}"] if group else []
    return [" · ".join(parts), f"แสดง: {chosen}"]


def _indicators(request, data: Overview):
    verdict = _chosen(request, "verdict", Verdict)
    items = [i for i in data.plan.indicators if not verdict or i.verdict == verdict]
    return verdict, VERDICT_LABELS.get(verdict, "ทั้งหมด"), items


@_with_plan
def indicator_list(request, scope: Scope, data: Overview):
    verdict, label, items = _indicators(request, data)
    return _page(
        request,
        "reports/dashboard/indicator_list.html",
        scope,
        data=data,
        items=items,
        verdict=verdict,
        verdict_label=label,
        export_query=scope.filters.query(sort=None, verdict=verdict or None),
        tab="indicators",
    )


@_with_plan
def indicator_list_xlsx(request, scope: Scope, data: Overview):
    _verdict, label, items = _indicators(request, data)
    title = f"ตัวชี้วัด {scope.plan.fiscal_year}"
    notes = _filter_notes(scope, label)
    return xlsx_response(
        exports.dashboard_indicators_export(scope.plan, items, title=title, notes=notes)
    )


def _projects(request, data: Overview):
    status = _chosen(request, "status", ProjectStatus)
    projects = [p for p in data.plan.projects if not status or p.status == status]
    return status, PROJECT_STATUS_LABELS.get(status, "ทั้งหมด"), projects


@_with_plan
def project_list(request, scope: Scope, data: Overview):
    status, label, projects = _projects(request, data)
    return _page(
        request,
        "reports/dashboard/project_list.html",
        scope,
        data=data,
        projects=projects,
        status=status,
        status_label=label,
        export_query=scope.filters.query(sort=None, status=status or None),
        tab="projects",
    )


@_with_plan
def project_list_xlsx(request, scope: Scope, data: Overview):
    _status, label, projects = _projects(request, data)
    title = f"โครงการ {scope.plan.fiscal_year}"
    notes = _filter_notes(scope, label)
    return xlsx_response(
        exports.dashboard_projects_export(scope.plan, projects, title=title, notes=notes)
    )


@_with_plan
def overdue_list(request, scope: Scope, data: Overview):
    """The projects whose report of the quarter is overdue: the list behind that tile."""
    return _page(
        request,
        "reports/dashboard/overdue_list.html",
        scope,
        data=data,
        rows=data.overdue,
        tab="overview",
    )


@_with_plan
def overdue_list_xlsx(request, scope: Scope, data: Overview):
    title = f"รายงาน{scope.filters.quarter_label}ที่เกินกำหนดส่ง {scope.plan.fiscal_year}"
    notes = _filter_notes(scope, "โครงการที่ส่งรายงานเกินกำหนด")
    return xlsx_response(
        exports.dashboard_overdue_export(scope.plan, data.overdue, title=title, notes=notes)
    )


@_with_plan
def budget(request, scope: Scope, data: Overview):
    return _page(
        request,
        "reports/dashboard/budget.html",
        scope,
        data=data,
        budget=data.money.budget,
        charts=charts.overview_charts(data)[2:],
        tab="budget",
    )


def _set_rows(scope: Scope, data: Overview, by: str):
    if by == "area":
        return by_policy_area(data.plan.projects, scope.filters.sort), "จำแนกตามด้านนโยบาย สพฐ."
    rows = by_work_group(data.plan.projects, scope.groups, scope.filters.sort)
    return rows, "จำแนกตามกลุ่มงาน"


def _sets(request, scope: Scope, data: Overview, by: str):
    rows, title = _set_rows(scope, data, by)
    return _page(
        request,
        "reports/dashboard/sets.html",
        scope,
        data=data,
        rows=rows,
        by=by,
        title=title,
        charts=[charts.sets_chart(f"chart-{by}", title, rows, data.money_tracked)],
        export_name=f"reports:dashboard_{by}s_xlsx",
        tab=by,
    )


def _sets_xlsx(scope: Scope, data: Overview, by: str):
    rows, title = _set_rows(scope, data, by)
    title = f"โครงการ{title} {scope.plan.fiscal_year}"
    return xlsx_response(
        exports.dashboard_sets_export(
            scope.plan, rows, by=by, title=title, notes=_filter_notes(scope, "ทุกโครงการ")
        )
    )


@_with_plan
def by_area(request, scope: Scope, data: Overview):
    return _sets(request, scope, data, "area")


@_with_plan
def by_area_xlsx(request, scope: Scope, data: Overview):
    return _sets_xlsx(scope, data, "area")


@_with_plan
def by_group(request, scope: Scope, data: Overview):
    return _sets(request, scope, data, "group")


@_with_plan
def by_group_xlsx(request, scope: Scope, data: Overview):
    return _sets_xlsx(scope, data, "group")


@caching.per_user_page(*QUERY)
def project_detail(request, pk: int):
    project = get_object_or_404(
        Project.objects.visible_to(request.user).select_related(
            "plan__office", "plan__fiscal_year"
        ),
        pk=pk,
    )
    scope = _scope(request, year=project.plan.fiscal_year.year, office=project.plan.office.code)
    if scope is None or scope.plan.pk != project.plan_id:
        raise Http404("ไม่พบโครงการ")
    today = timezone.localdate()
    page = caching.office_cached(
        "dashboard-project",
        project.plan.office_id,
        (project.pk, scope.filters, today),
        lambda: project_page(project, scope.filters, today=today),
    )
    return _page(
        request,
        "reports/dashboard/project_detail.html",
        scope,
        page=page,
        charts=charts.project_charts(page),
        tab="projects",
    )


@caching.per_user_page(*QUERY)
def schools(request):
    scope = _scope(request)
    if scope is None:
        return _no_plan(request)
    office, year = scope.plan.office, scope.filters.year
    page = caching.office_cached(
        "dashboard-schools", office.pk, (year,), lambda: schools_page(office, year)
    )
    return _page(
        request,
        "reports/dashboard/schools.html",
        scope,
        page=page,
        charts=charts.schools_charts(page),
        tab="schools",
    )
