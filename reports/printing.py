"""Renderers of the printed annual report: they format an AnnualReport and make no queries.

The chapters and the table of contents iterate one outline (reports/outline.py); the list of
tables is made here, with the anchors the chapter templates put on their tables. WeasyPrint
prints each entry's page number with ``target-counter()`` (Thai digits; the front matter's
pages are lettered ก ข ค and chapter 1 starts again at ๑; see static/css/print.css)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.files.storage import default_storage
from django.template.loader import render_to_string

from plans.thai import to_thai_digits
from reports import charts
from reports.outline import outline
from reports.pdf import render_pdf, static_url_fetcher
from reports.selectors import AnnualReport

TEMPLATE = "reports/print/annual_report.html"


@dataclass(frozen=True)
class TableEntry:
    anchor: str
    title: str


def table_list(report: AnnualReport) -> list[TableEntry]:
    """สารบัญตาราง: the numbered tables in print order."""
    year = to_thai_digits(report.fiscal_year)
    titles = [
        (1, "แสดงจำนวนโรงเรียนจำแนกตามขนาดโรงเรียน"),
        (2, "แสดงภาพรวมจำนวนโรงเรียน นักเรียน และครู"),
        (3, "แสดงจำนวนโรงเรียนจำแนกตามระดับการจัดการศึกษา"),
        (4, "แสดงจำนวนนักเรียนจำแนกตามระดับการจัดการศึกษา"),
        (5, "แสดงจำนวนนักเรียนและห้องเรียน จำแนกตามระดับชั้น"),
        (6, "แสดงจำนวนข้าราชการครูและบุคลากรทางการศึกษา"),
        (7, "แสดงความสอดคล้องของโครงการกับแผนระดับต่าง ๆ"),
    ]
    for number, table in report.onet.numbered_provinces:
        grade = to_thai_digits(table.grade)
        titles.append(
            (number, f"แสดงผลการทดสอบทางการศึกษาระดับชาติด้านพื้นฐาน (O-NET) ชั้นมัธยมศึกษาปีที่ {grade}")
        )
    for number, comparison in report.onet.numbered_comparisons:
        before, after = to_thai_digits(comparison.year - 1), to_thai_digits(comparison.year)
        titles.append(
            (
                number,
                f"เปรียบเทียบคะแนนเฉลี่ยจากผลการสอบ O-NET ปีการศึกษา {before} และ {after}"
                f" ชั้นมัธยมศึกษาปีที่ {to_thai_digits(comparison.grade)}",
            )
        )
    titles += [
        (12, f"ผลการประเมินตามตัวชี้วัดแผนปฏิบัติการของ สพฐ. ประจำปีงบประมาณ พ.ศ. {year}"),
        (13, f"แสดงผลการบริหารจัดการงบประมาณ ปีงบประมาณ พ.ศ. {year}"),
    ]
    return [TableEntry(f"table-{n}", f"ตารางที่ {to_thai_digits(n)} {title}") for n, title in titles]


def report_charts(report: AnnualReport) -> dict[str, object]:
    """The report's charts as geometry (reports.charts), drawn by
    templates/reports/charts/_bar_chart.html."""
    return {
        "onet": [
            (number, c, charts.onet_chart(c)) for number, c in report.onet.numbered_comparisons
        ],
        "achieved": charts.achieved_chart(report.summary),
        "disbursement": charts.disbursement_chart(report.assessments.quarters)
        if report.assessments.quarters
        else None,
    }


def annual_report_html(report: AnnualReport) -> str:
    return render_to_string(
        TEMPLATE,
        {
            "report": report,
            "outline": outline(report),
            "tables": table_list(report),
            "charts": report_charts(report),
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
