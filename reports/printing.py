"""Renderers of the printed annual report: they format an AnnualReport and make no queries."""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string

from reports.pdf import render_pdf, static_url_fetcher
from reports.selectors import AnnualReport

TEMPLATE = "reports/print/annual_report.html"


def annual_report_html(report: AnnualReport) -> str:
    return render_to_string(TEMPLATE, {"report": report})


def annual_report_pdf(report: AnnualReport, *, base_url: str | None = None) -> bytes:
    """The report as PDF; /static/ URLs are read from the project's static folder."""
    return render_pdf(
        annual_report_html(report),
        base_url=base_url,
        url_fetcher=static_url_fetcher(settings.BASE_DIR / "static"),
    )


def annual_report_filename(report: AnnualReport, extension: str) -> str:
    return f"annual-report-{report.fiscal_year}.{extension}"
