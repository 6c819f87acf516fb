"""The plan's printable documents for signed-in readers of the plan (reports/documents.py):
the list, each as HTML and as PDF (rendered on request: the documents other than the
annual report are small; the annual report's PDF keeps its own job, reports/views.py)."""

from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render

from plans.access import plan_for_user
from reports.documents import DOCUMENTS, document

ANNUAL_REPORT = "annual-report"


def _document_or_404(slug: str):
    found = document(slug)
    if found is None:
        raise Http404("ไม่พบเอกสารนี้")
    return found


def document_list(request, year: int):
    plan = plan_for_user(request, year)
    return render(
        request,
        "reports/document_list.html",
        {"plan": plan, "documents": list(DOCUMENTS.values()), "annual_report": ANNUAL_REPORT},
    )


def document_html(request, year: int, slug: str):
    found = _document_or_404(slug)
    return HttpResponse(found.html(plan_for_user(request, year)))


def document_pdf(request, year: int, slug: str):
    found = _document_or_404(slug)
    plan = plan_for_user(request, year)
    if slug == ANNUAL_REPORT:  # a hundred pages and more: its background job
        return redirect("reports:annual_report_pdf", year=year)
    response = HttpResponse(found.pdf(plan), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{found.filename(plan, "pdf")}"'
    return response
