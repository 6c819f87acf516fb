from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render

from plans.models import Plan
from reports import printing, selectors


def _plans_for(request):
    return Plan.objects.visible_to(request.user).select_related("office", "fiscal_year")


def home(request):
    """Sends the user to the newest plan they may read; explains when there is none."""
    plan = _plans_for(request).filter(projects__isnull=False).order_by("-fiscal_year__year").first()
    if plan is None:
        return render(request, "reports/no_plan.html", status=200)
    return redirect("reports:plan_summary", year=plan.fiscal_year.year)


def _plan_or_404(request, year: int) -> Plan:
    plan = _plans_for(request).filter(fiscal_year__year=year).first()
    if plan is None:
        raise Http404("ไม่พบแผนปฏิบัติการของปีนี้")
    return plan


def plan_summary_page(request, year: int):
    plan = _plan_or_404(request, year)
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


def annual_report_page(request, year: int):
    """The printed annual report as one HTML page (the same markup the PDF is made of)."""
    report = selectors.annual_report(_plan_or_404(request, year))
    return HttpResponse(printing.annual_report_html(report))


def annual_report_pdf(request, year: int):
    """The annual report as a PDF download, rendered while the user waits."""
    report = selectors.annual_report(_plan_or_404(request, year))
    pdf = printing.annual_report_pdf(report, base_url=request.build_absolute_uri("/"))
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = printing.annual_report_filename(report, "pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
