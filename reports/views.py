from django.http import Http404
from django.shortcuts import redirect, render

from plans.models import Plan
from reports import selectors


def _plans_for(request):
    return Plan.objects.visible_to(request.user).select_related("office", "fiscal_year")


def home(request):
    """Sends the user to the newest plan they may read; explains when there is none."""
    plan = _plans_for(request).filter(projects__isnull=False).order_by("-fiscal_year__year").first()
    if plan is None:
        return render(request, "reports/no_plan.html", status=200)
    return redirect("reports:plan_summary", year=plan.fiscal_year.year)


def plan_summary_page(request, year: int):
    plan = _plans_for(request).filter(fiscal_year__year=year).first()
    if plan is None:
        raise Http404("ไม่พบแผนปฏิบัติการของปีนี้")
    summary = selectors.plan_summary(plan)
    budget = selectors.office_budget(plan.office, plan.fiscal_year)
    years = list(
        _plans_for(request)
        .filter(office=plan.office, projects__isnull=False)
        .values_list("fiscal_year__year", flat=True)
        .distinct()
        .order_by("-fiscal_year__year")
    )
    return render(
        request,
        "reports/plan_summary.html",
        {"plan": plan, "summary": summary, "budget": budget, "years": years},
    )
