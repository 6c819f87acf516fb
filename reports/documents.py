"""The documents the portal prints for a plan, by name: one registry that the pages which
print, publish or list documents read, so that adding a document is one entry here.

A ``Document`` turns a plan into HTML and PDF through the same Thai print conventions as the
annual report (reports/printing.py); its renderers read the plan's data through the
document's own selector and make no other writes. ``slug`` is the stable name in URLs
(public addresses link to it: never rename one).

The documents an office publishes for ITA: the action plan and the spending plan as set at
the start of the year (reports.selectors.plan_documents), the six-month monitoring of each
(reports.selectors.monitoring at quarter 2: only approved values of quarters 1 and 2), and
the year's results of each: the annual report for the plan, and the spending results (the
monitoring selector at quarter 4) for the money, which the annual report gives only as the
office's totals (table 13) and not project by project against the targets.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import Http404
from django.template.loader import render_to_string
from django.utils import timezone

from plans import caching
from plans.models import Plan
from reports import printing, selectors
from reports.selectors import monitoring, plan_documents


@dataclass(frozen=True)
class Document:
    slug: str
    title: str  # Thai, as the document's cover names it
    html: Callable[[Plan], str]
    pdf: Callable[[Plan], bytes]

    def filename(self, plan: Plan, extension: str) -> str:
        return f"{self.slug}-{plan.fiscal_year.year}.{extension}"


# The annual report's slug: the one document with its own pages and background job.
ANNUAL_REPORT = "annual-report"


def _annual_html(plan: Plan) -> str:
    """Made once per change of the office's data and shared by its readers
    (plans/caching.py; the day is part of the key: a year not over is reported as of its
    latest quarter)."""
    return caching.office_cached(
        "annual-report-html",
        plan.office_id,
        (plan.pk, timezone.localdate()),
        lambda: printing.annual_report_html(selectors.annual_report(plan)),
    )


def _annual_pdf(plan: Plan) -> bytes:
    return printing.annual_report_pdf(selectors.annual_report(plan))


def _printed(
    slug: str, title: str, template: str, name: str, data: Callable[[Plan], Any], **context
) -> Document:
    """A document printed from one template: ``data(plan)`` (a selector's dataclass with an
    ``office`` heading) is the template's ``name``; ``context`` adds fixed words."""

    def html_of(value: Any) -> str:
        return render_to_string(f"reports/print/documents/{template}", {name: value, **context})

    def pdf(plan: Plan) -> bytes:
        value = data(plan)
        files = printing.figure_files(value.office.figures)
        return printing.html_to_pdf(html_of(value), files=files)

    return Document(slug, title, lambda plan: html_of(data(plan)), pdf)


def _year_end(plan: Plan) -> monitoring.Monitoring:
    return monitoring.monitoring(plan, 4)


SIX_MONTHS = "รอบ ๖ เดือน"

DOCUMENTS: dict[str, Document] = {
    d.slug: d
    for d in [
        Document(ANNUAL_REPORT, "รายงานผลการดำเนินงานประจำปี", _annual_html, _annual_pdf),
        _printed(
            "action-plan",
            "แผนปฏิบัติการประจำปี",
            "action_plan.html",
            "plan",
            plan_documents.approved_plan_document,
        ),
        _printed(
            "spending-plan",
            "แผนการใช้จ่ายงบประมาณประจำปี",
            "spending_plan.html",
            "plan",
            plan_documents.approved_plan_document,
        ),
        _printed(
            "six-month-report",
            "รายงานการกำกับติดตามการดำเนินงานตามแผนปฏิบัติการ รอบ ๖ เดือน",
            "monitoring_plan.html",
            "monitoring",
            monitoring.monitoring,
            kicker="รายงานการกำกับติดตามการดำเนินงานตามแผนปฏิบัติการ",
            round=SIX_MONTHS,
        ),
        _printed(
            "six-month-spending",
            "รายงานการกำกับติดตามการใช้จ่ายงบประมาณ รอบ ๖ เดือน",
            "monitoring_spending.html",
            "monitoring",
            monitoring.monitoring,
            kicker="รายงานการกำกับติดตามการใช้จ่ายงบประมาณ",
            round=SIX_MONTHS,
        ),
        _printed(
            "spending-results",
            "รายงานผลการใช้จ่ายงบประมาณประจำปี",
            "monitoring_spending.html",
            "monitoring",
            _year_end,
            kicker="รายงานผลการใช้จ่ายงบประมาณ",
        ),
    ]
}


def document(slug: str) -> Document | None:
    return DOCUMENTS.get(slug)


NO_SUCH_DOCUMENT = "ไม่พบเอกสารนี้"


def document_or_404(slug: str, message: str = NO_SUCH_DOCUMENT) -> Document:
    """The document a page's address names, or the page's 404 (with `message`)."""
    found = DOCUMENTS.get(slug)
    if found is None:
        raise Http404(message)
    return found
