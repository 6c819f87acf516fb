"""The documents the portal prints for a plan, by name: one registry that the pages which
print, publish or list documents read, so that adding a document is one entry here.

A ``Document`` turns a plan into HTML and PDF through the same Thai print conventions as the
annual report (reports/printing.py); its renderers read the plan's data through the
document's own selector and make no other writes. ``slug`` is the stable name in URLs
(public addresses link to it: never rename one).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from plans.models import Plan
from reports import printing, selectors


@dataclass(frozen=True)
class Document:
    slug: str
    title: str  # Thai, as the document's cover names it
    html: Callable[[Plan], str]
    pdf: Callable[[Plan], bytes]

    def filename(self, plan: Plan, extension: str) -> str:
        return f"{self.slug}-{plan.fiscal_year.year}.{extension}"


def _annual_html(plan: Plan) -> str:
    return printing.annual_report_html(selectors.annual_report(plan))


def _annual_pdf(plan: Plan) -> bytes:
    return printing.annual_report_pdf(selectors.annual_report(plan))


DOCUMENTS: dict[str, Document] = {
    d.slug: d
    for d in [
        Document("annual-report", "รายงานผลการดำเนินงานประจำปี", _annual_html, _annual_pdf),
    ]
}


def document(slug: str) -> Document | None:
    return DOCUMENTS.get(slug)
