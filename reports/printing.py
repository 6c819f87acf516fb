"""Renderers of the printed annual report: they format an AnnualReport and make no queries.

The chapters and the table of contents iterate one outline (reports/outline.py), and the
list of tables and the tables' own anchors and captions read its declared tables
(`outline.tables`; the O-NET ones are paired here with the data each prints). WeasyPrint
prints each entry's page number with ``target-counter()`` (Thai digits; the front matter's
pages are lettered ก ข ค and chapter 1 starts again at ๑; see static/css/print.css)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.template.loader import render_to_string

from reports import charts
from reports.outline import Tables, outline, tables
from reports.selectors import AnnualReport

if TYPE_CHECKING:
    from reports.pdf import StaticURLFetcher

TEMPLATE = "reports/print/annual_report.html"


def report_charts(report: AnnualReport, numbered: Tables) -> dict[str, object]:
    """The report's charts as geometry (reports.charts), drawn by
    templates/reports/charts/_bar_chart.html; each O-NET comparison with its table's entry,
    its two charts (the office's change since the year before, then the office against the
    nation and OBEC) and the notes printed under it (report text onet_notes_<grade>)."""
    return {
        "onet": [
            (
                numbered[number],
                c,
                [charts.onet_change_chart(c), charts.onet_chart(c)],
                report.texts.get(f"onet_notes_{c.grade}"),
            )
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
    """The report as PDF; its static files and pictures are read through Django (below)."""
    return html_to_pdf(annual_report_html(report), base_url=base_url, files=report_files(report))


def report_files(report: AnnualReport) -> dict[str, str]:
    """URL path -> storage name of every picture the report shows: WeasyPrint reads them
    from the default storage (a folder, or S3), never over HTTP through the
    permission-checked /files/ views."""
    figures = [f for h in report.highlights for f in h.figures]
    figures += [f for p in report.projects for f in p.photos]
    figures += report.office.figures  # the emblem and the location map
    return figure_files(figures)


def figure_files(figures: list) -> dict[str, str]:
    """URL path -> storage name of the pictures of `figures` (chapter3.Figure) that have one:
    what :func:`html_to_pdf` reads from storage (the annual report's and every document's)."""
    return {f.image_url: f.image_name for f in figures if f.image_name}


def static_file(name: str) -> bytes:
    """A static file's bytes by the name ``{% static %}`` printed: the source file through
    Django's finders (the name as written, in development), else the collected file through
    the static files storage (hashed names of the manifest storage, in production; the
    stylesheet's url()s were rewritten to hashed names by collectstatic too)."""
    try:
        found = finders.find(name)
        if found:
            return Path(found).read_bytes()
        if staticfiles_storage.exists(name):
            with staticfiles_storage.open(name) as file:
                return file.read()
    except SuspiciousFileOperation:  # "../" and the like
        pass
    raise FileNotFoundError(name)


def _stored(name: str) -> Callable[[], bytes]:
    def read() -> bytes:
        with default_storage.open(name) as file:
            return file.read()

    return read


def html_to_pdf(
    html: str, *, base_url: str | None = None, files: dict[str, str] | None = None
) -> bytes:
    """``html`` as PDF, its files read by :func:`url_fetcher`. WeasyPrint is imported here,
    not with this module: the web processes, which render no PDF, do without its 22 MB."""
    from reports.pdf import render_pdf

    return render_pdf(html, base_url=base_url, url_fetcher=url_fetcher(files))


def url_fetcher(files: dict[str, str] | None = None) -> StaticURLFetcher:
    """WeasyPrint's fetcher for the portal's PDFs: static URLs read by :func:`static_file`,
    the URL paths of ``files`` from the default storage by name; nothing else is fetched."""
    from reports.pdf import StaticURLFetcher

    return StaticURLFetcher(
        static_file,
        prefix=urlsplit(settings.STATIC_URL).path,
        files={url: _stored(name) for url, name in (files or {}).items()},
    )


def annual_report_filename(report: AnnualReport, extension: str) -> str:
    return f"annual-report-{report.fiscal_year}.{extension}"
