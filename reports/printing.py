"""Renderers of the printed annual report: they format an AnnualReport and make no queries.

The table of contents and the list of tables are made here from the report's data, with
the anchors the chapter templates put on their headings and tables; WeasyPrint prints each
entry's page number with ``target-counter()`` (Thai digits; the front matter's pages are
lettered ก ข ค and chapter 1 starts again at ๑; see static/css/print.css)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.files.storage import default_storage
from django.template.loader import render_to_string

from plans.thai import to_thai_digits
from reports import charts
from reports.pdf import render_pdf, static_url_fetcher
from reports.selectors import AnnualReport

TEMPLATE = "reports/print/annual_report.html"

CHAPTER1_TEXTS = ["background", "objectives", "scope", "steps", "benefits", "definitions"]
CHAPTER4_MANAGEMENT = ["award", "obec_indicators_intro", "ita_result", "disbursement_award"]


@dataclass(frozen=True)
class TocEntry:
    anchor: str
    title: str
    level: int = 1
    front: bool = False  # front matter: its pages are lettered ก ข ค, as the reference prints


def _text_entries(report: AnnualReport, prefix: str, keys: list[str]) -> list[TocEntry]:
    return [
        TocEntry(f"{prefix}-{key}", report.texts[key].title, 2)
        for key in keys
        if key in report.texts and report.texts[key].title
    ]


def contents(report: AnnualReport) -> list[TocEntry]:
    """สารบัญ: chapters (level 1), their sections (2) and projects/highlights (3)."""
    year = to_thai_digits(report.fiscal_year)
    entries = [
        TocEntry("preface", "คำนำ", front=True),
        TocEntry("contents", "สารบัญ", front=True),
        TocEntry("tables", "สารบัญตาราง", front=True),
    ]
    entries.append(TocEntry("ch1", "บทที่ ๑ บทนำ"))
    entries += _text_entries(report, "ch1", CHAPTER1_TEXTS)
    entries.append(TocEntry("ch2", "บทที่ ๒ ข้อมูลและบริบทที่เกี่ยวข้อง"))
    entries += _text_entries(report, "ch2", ["office_background", "office_location"])
    entries += [
        TocEntry("ch2-vision", "วิสัยทัศน์ ค่านิยม พันธกิจ เป้าหมาย", 2),
        TocEntry("ch2-policy", _title(report, "policy_intro", "นโยบายและจุดเน้น"), 2),
        TocEntry("ch2-swot", _title(report, "swot_intro", "สภาพบริบทองค์กร"), 2),
        TocEntry(
            "ch2-alignment",
            f"ความสอดคล้องของโครงการ/กิจกรรม ประจำปีงบประมาณ พ.ศ. {year} กับแผน/นโยบาย ระดับต่าง ๆ",
            2,
        ),
        TocEntry("ch3", "บทที่ ๓ ผลการดำเนินงาน"),
    ]
    if report.highlights:
        entries.append(
            TocEntry(
                "ch3-highlights",
                _title(
                    report,
                    "highlights_intro",
                    "ผลการดำเนินงานระดับสำนักงานเขตพื้นที่การศึกษาที่ประสบความสำเร็จ",
                ),
                2,
            )
        )
        entries += [
            TocEntry(f"highlight-{h.number}", f"{to_thai_digits(h.number)}. {h.toc_title}", 3)
            for h in report.highlights
        ]
    entries.append(
        TocEntry(
            "ch3-projects",
            f"ผลการดำเนินงานตามแผนปฏิบัติการประจำปีงบประมาณ พ.ศ. {year}",
            2,
        )
    )
    for area in report.project_areas:
        entries.append(TocEntry(f"area-{area.number}", f"นโยบาย{area.name}", 2))
        entries += [
            TocEntry(f"project-{p.number}", f"{to_thai_digits(p.number)}. {p.name}", 3)
            for p in area.projects
        ]
    entries += _text_entries(
        report, "ch3", ["quality_results", "moral_results", "opportunity_results"]
    )
    entries.append(TocEntry("ch4", "บทที่ ๔ สรุปผลการดำเนินงาน"))
    entries.append(
        TocEntry("ch4-summary", f"สรุปผลการดำเนินโครงการตามแผนปฏิบัติการประจำปีงบประมาณ พ.ศ. {year}", 2)
    )
    entries += _text_entries(report, "ch4", ["management_intro"])
    entries += [
        TocEntry(e.anchor, e.title, 3)
        for e in _text_entries(report, "ch4", [*CHAPTER4_MANAGEMENT, "standards_intro"])
    ]
    entries.append(TocEntry("ch4-budget", "สรุปผลการบริหารจัดการงบประมาณ", 2))
    entries += _text_entries(report, "ch4", ["problems", "recommendations"])
    next_year = to_thai_digits(report.fiscal_year + 1)
    entries.append(TocEntry("ch5", f"บทที่ ๕ ทิศทางการพัฒนาปีงบประมาณ พ.ศ. {next_year}"))
    if report.direction:
        entries += [
            TocEntry("ch5-vision", "วิสัยทัศน์", 2),
            TocEntry("ch5-missions", "พันธกิจ", 2),
            TocEntry("ch5-goals", "เป้าประสงค์", 2),
            TocEntry("ch5-strategies", "กลยุทธ์", 2),
        ]
    if report.committee_order:
        entries.append(TocEntry("appendix", "ภาคผนวก"))
    if report.authors:
        entries.append(TocEntry("authors", "คณะผู้จัดทำ"))
    return entries


def _title(report: AnnualReport, key: str, default: str) -> str:
    section = report.texts.get(key)
    return section.title if section and section.title else default


def table_list(report: AnnualReport) -> list[TocEntry]:
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
    return [TocEntry(f"table-{n}", f"ตารางที่ {to_thai_digits(n)} {title}") for n, title in titles]


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
            "contents": contents(report),
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
