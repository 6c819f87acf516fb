"""Measures the full FY2565 annual report in one run: building the HTML (queries and
templates), the whole PDF (wall time and peak memory), and WeasyPrint alone on the same
HTML read from a file, then prints the portal's share of the PDF time (goal: under 30 %)
and whether the whole PDF takes under 15 s. Prints its measurements; asserts nothing.

Runs against a fresh SQLite file (or DATABASE_URL if set)."""

import os
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
workdir = Path(tempfile.mkdtemp(prefix="report-bench-"))
os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir}/bench.db")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

import weasyprint  # noqa: E402
from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from demo.loader import Loader  # noqa: E402
from reports import printing  # noqa: E402
from reports.pdf import static_url_fetcher  # noqa: E402
from reports.selectors import annual_report  # noqa: E402

PORTAL_SHARE_GOAL = 30
PDF_GOAL_SECONDS = 15


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main():
    print(f"database: {connection.vendor}")
    call_command("migrate", verbosity=0)
    plan = Loader().load()
    printing.annual_report_html(annual_report(plan))  # warm up: imports, template loading

    reset_queries()
    with CaptureQueriesContext(connection) as queries:
        start = time.perf_counter()
        html = printing.annual_report_html(annual_report(plan))
        html_time = time.perf_counter() - start
    print(f"HTML (selector + templates)   {html_time * 1000:8.0f} ms  {len(queries)} queries")

    tracemalloc.start()
    printing.annual_report_html(annual_report(plan))
    _, heap_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"HTML Python heap peak          {heap_peak / 1e6:6.0f} MB (under tracemalloc)")

    # WeasyPrint is pure Python: under tracemalloc it runs ten times slower, so the PDF's
    # memory is the process's peak RSS (getrusage), read after the PDF.
    rss_before = rss_mb()
    start = time.perf_counter()
    pdf = printing.annual_report_pdf(annual_report(plan))
    pdf_time = time.perf_counter() - start
    print(
        f"PDF, whole (portal + WeasyPrint) {pdf_time:6.2f} s  {len(pdf) / 1e6:.1f} MB,"
        f" peak RSS {rss_mb():.0f} MB (before: {rss_before:.0f} MB)"
    )

    source = workdir / "report.html"
    source.write_text(html, encoding="utf-8")
    fetcher = static_url_fetcher(settings.BASE_DIR / "static")
    start = time.perf_counter()
    document = weasyprint.HTML(filename=str(source), base_url="file:///", url_fetcher=fetcher)
    pages = document.render()
    pages.write_pdf()
    weasy_time = time.perf_counter() - start
    print(f"WeasyPrint alone, from a file  {weasy_time:6.2f} s  {len(pages.pages)} pages")

    share = max(pdf_time - weasy_time, 0) / pdf_time * 100
    print(
        f"portal's share of the PDF time: {share:.0f} %"
        f" ({'under' if share < PORTAL_SHARE_GOAL else 'OVER'} {PORTAL_SHARE_GOAL} %)"
    )
    print(f"whole PDF under {PDF_GOAL_SECONDS} s: {'yes' if pdf_time < PDF_GOAL_SECONDS else 'NO'}")


if __name__ == "__main__":
    main()
