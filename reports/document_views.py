"""The plan's printable documents for signed-in readers of the plan (reports/documents.py):
the list, each as HTML and as PDF (rendered on request: the documents other than the
annual report are small; the annual report's PDF keeps its own job, reports/views.py)."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from plans import thai
from plans.access import Right, managed_plan, plan_for_user, rights_for
from reports import approvals
from reports.documents import ANNUAL_REPORT, DOCUMENTS, document_or_404
from reports.forms import PlanApprovalForm
from reports.selectors import plan_documents


def document_list(request, year: int):
    plan = plan_for_user(request, year)
    context = {
        "plan": plan,
        "documents": list(DOCUMENTS.values()),
        "annual_report": ANNUAL_REPORT,
        "approval": plan_documents.latest_approval(plan),
        "manages": Right.MANAGE_PLAN in rights_for(request.user, plan.office),
    }
    return render(request, "reports/document_list.html", context)


@require_http_methods(["GET", "POST"])
def plan_approval(request, year: int):
    """The planning group records the plan as approved (POST); the approvals so far (GET)."""
    plan = managed_plan(request, year)
    form = PlanApprovalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        approvals.plan_approval_record(plan=plan, user=request.user, **form.cleaned_data)
        day = thai.format_thai_date(form.cleaned_data["approved_on"])
        messages.success(request, f"บันทึกแผนตามที่ได้รับอนุมัติเมื่อ {day} แล้ว")
        return redirect("reports:documents", year=year)
    context = {"plan": plan, "form": form, "approvals": approvals.approvals_of(plan)}
    return render(request, "reports/plan_approval.html", context)


def document_html(request, year: int, slug: str):
    found = document_or_404(slug)
    return HttpResponse(found.html(plan_for_user(request, year)))


def document_pdf(request, year: int, slug: str):
    found = document_or_404(slug)
    plan = plan_for_user(request, year)
    if slug == ANNUAL_REPORT:  # a hundred pages and more: its background job
        return redirect("reports:annual_report_pdf", year=year)
    response = HttpResponse(found.pdf(plan), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{found.filename(plan, "pdf")}"'
    return response
