"""Renderers of the printed annual report: they format an AnnualReport and make no queries.

The chapters and the table of contents iterate one outline (reports/outline.py), and the
list of tables and the tables' own anchors and captions read its declared tables
(`outline.tables`; the O-NET ones are paired here with the data each prints). WeasyPrint
prints each entry's page number with ``target-counter()`` (Thai digits; the front matter's
pages are lettered ก ข ค and chapter 1 starts again at ๑; see static/css/print.css)."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.files.storage import default_storage
from django.template.loader import render_to_string

from reports import charts
from reports.outline import Tables, outline, tables
from reports.pdf import render_pdf, static_url_fetcher
from reports.selectors import AnnualReport

TEMPLATE = "reports/print/annual_report.html"


def report_charts(report: AnnualReport, numbered: Tables) -> dict[str, object]:
    """The report's charts as geometry (reports.charts), drawn by
    templates/reports/charts/_bar_chart.html; each O-NET comparison with its table's entry
    and the notes printed under it (report text onet_notes_<grade>)."""
    return {
        "onet": [
            (numbered[number], c, charts.onet_chart(c), report.texts.get(f"onet_notes_{c.grade}"))
            for number, c in report.onet.numbered_comparisons
        ],
        "achieved": charts.achieved_chart(report.summary),
        "disbursement": charts.disbursement_chart(report.assessments.quarters)
        if report.assessments.quarters
        else None,
    }


def annual_report_html(report: AnnualReport) -> str:
    numbered = tables(report)
    return render_to_string(
        TEMPLATE,
        {
            "report": report,
            "outline": outline(report),
            "tables": numbered,
            "onet_tables": [(numbered[n], t) for n, t in report.onet.numbered_provinces],
            "charts": report_charts(report, numbered),
        },
    )


def annual_report_pdf(report: AnnualReport, *, base_url: str | None = None) -> bytes:
    """The report as PDF; /static/ URLs are read from the project's static folder and the
    report's pictures from storage."""
    return html_to_pdf(annual_report_html(report), base_url=base_url, files=report_files(report))


def report_files(report: AnnualReport) -> dict[str, Path]:
    """URL path -> stored file of every picture the report shows: WeasyPrint reads them
    from storage, never over HTTP through the permission-checked /files/ views."""
    figures = [f for h in report.highlights for f in h.figures]
    figures += [f for p in report.projects for f in p.photos]
    return {f.image_url: Path(default_storage.path(f.image_name)) for f in figures if f.image_name}


def html_to_pdf(
    html: str, *, base_url: str | None = None, files: dict[str, Path] | None = None
) -> bytes:
    return render_pdf(
        html,
        base_url=base_url,
        url_fetcher=static_url_fetcher(settings.BASE_DIR / "static", files=files),
    )


def annual_report_filename(report: AnnualReport, extension: str) -> str:
    return f"annual-report-{report.fiscal_year}.{extension}"
