from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from plans.access import office_plans, plan_for_user
from plans.models import Plan
from reports import files, printing, selectors, services
from reports.models import ReportJob


def _plans_for(request):
    return office_plans(request)


def home(request):
    """Sends the user to the newest plan they may read; explains when there is none."""
    plan = _plans_for(request).filter(projects__isnull=False).order_by("-fiscal_year__year").first()
    if plan is None:
        return render(request, "reports/no_plan.html", status=200)
    return redirect("reports:plan_summary", year=plan.fiscal_year.year)


def _plan_or_404(request, year: int) -> Plan:
    return plan_for_user(request, year)


def plan_summary_page(request, year: int):
    plan = _plan_or_404(request, year)
    summary = selectors.plan_summary(plan)
    budget = selectors.office_budget(plan)
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
    """The annual report as a PDF download, rendered while the user waits in the immediate
    mode; in the background mode the user is sent to the page that queues it."""
    if services.report_pdf_mode() == services.BACKGROUND:
        _plan_or_404(request, year)
        return redirect("reports:report_job_request", year=year)
    report = selectors.annual_report(_plan_or_404(request, year))
    pdf = printing.annual_report_pdf(report, base_url=request.build_absolute_uri("/"))
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = printing.annual_report_filename(report, "pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_http_methods(["GET", "POST"])
def report_job_request_page(request, year: int):
    """Asks for the PDF: POST queues a job (run at once in the immediate mode)."""
    plan = _plan_or_404(request, year)
    if request.method == "POST":
        job = services.report_job_request(plan=plan, user=request.user)
        if services.report_pdf_mode() == services.IMMEDIATE:
            services.report_job_run(job_id=job.pk)
        return redirect("reports:report_job_status", year=year, job_id=job.pk)
    jobs = list(ReportJob.objects.filter(plan=plan).order_by("-created_at")[:5])
    return render(request, "reports/report_job_request.html", {"plan": plan, "jobs": jobs})


def _job_or_404(request, year: int, job_id: int) -> ReportJob:
    return get_object_or_404(
        ReportJob.objects.select_related("plan__office", "plan__fiscal_year"),
        pk=job_id,
        plan=_plan_or_404(request, year),
    )


def report_job_status_page(request, year: int, job_id: int):
    """The job's progress; the page reloads itself (meta refresh) until the job ends."""
    job = _job_or_404(request, year, job_id)
    return render(request, "reports/report_job_status.html", {"job": job, "year": year})


def report_job_download(request, year: int, job_id: int):
    """The job's PDF, fetched through the user's plans and served like every private file."""
    return files.report_job_response(request, _job_or_404(request, year, job_id))
