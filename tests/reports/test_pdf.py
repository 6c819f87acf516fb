"""The PDF text layer of Thai reports: what pdftotext extracts must be what the HTML says."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import weasyprint
from weasyprint.draw import text as draw_text_module

from reports.pdf import render_pdf, static_url_fetcher

STATIC_ROOT = Path(__file__).resolve().parents[2] / "static"

STYLE = """
@font-face { font-family: Sarabun; src: url(/static/fonts/Sarabun-Regular.ttf); }
@page {
  size: A4;
  @top-center { content: string(title); font-family: Sarabun; }
  @bottom-center { content: "หน้า " counter(page, thai); font-family: Sarabun; }
}
body { font-family: Sarabun; font-size: 14pt; }
h1 { string-set: title content(); font-size: 18pt; }
"""
TITLE = "สำนักงานเขตพื้นที่การศึกษา"
STRINGS = [TITLE, "น้ำ", "ที่", "ผู้อำนวยการ", "๓๑๘,๒๒๓,๙๓๘.๐๐ บาท"]
PARAGRAPH = "ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษา ขอความร่วมมือโรงเรียนที่ใช้น้ำประปา"


def page(body: str) -> str:
    return f'<html lang="th"><head><style>{STYLE}</style></head><body>{body}</body></html>'


REPORT = page(
    f"<h1>{TITLE}</h1>"
    "<p>น้ำ ที่ ผู้อำนวยการ</p>"
    "<p>งบประมาณทั้งสิ้น ๓๑๘,๒๒๓,๙๓๘.๐๐ บาท</p>" + f"<p>{PARAGRAPH}</p>" * 60
)


PDFTOTEXT = shutil.which("pdftotext") or "/usr/bin/pdftotext"  # Debian's poppler-utils.


def pdftotext(pdf: bytes, *options: str) -> str:
    command = [PDFTOTEXT, *options, "-", "-"]  # Fixed executable; the PDF goes to stdin.
    result = subprocess.run(command, input=pdf, capture_output=True, check=True)  # noqa: S603
    return result.stdout.decode()


@pytest.fixture(scope="module")
def fetcher():
    return static_url_fetcher(STATIC_ROOT)


@pytest.fixture(scope="module")
def report_pdf(fetcher) -> bytes:
    return render_pdf(REPORT, url_fetcher=fetcher)


@pytest.fixture(scope="module")
def report_text(report_pdf) -> str:
    return pdftotext(report_pdf)


def test_report_spans_pages_with_thai_header_and_page_numbers(report_text):
    pages = report_text.split("\f")[:-1]
    assert len(pages) >= 2
    for number, text in zip("๑๒๓๔๕๖๗๘๙", pages, strict=False):
        assert f"หน้า {number}" in text
        assert TITLE in text  # Running header (and h1 on page 1).


@pytest.mark.parametrize("expected", STRINGS)
def test_extracted_text_contains_thai_exactly(report_text, expected):
    assert expected in report_text


def test_layout_mode_extracts_the_same(report_pdf):
    text = pdftotext(report_pdf, "-layout")
    for expected in STRINGS:
        assert expected in text


def test_wrapped_paragraphs_extract_verbatim(report_text):
    """Apart from line breaks, every paragraph comes back character for character."""
    squashed = "".join(report_text.split())
    assert squashed.count("".join(PARAGRAPH.split())) == 60


def test_plain_weasyprint_garbles_thai(fetcher):
    """Without the fix, the glyph->text table of WeasyPrint corrupts Thai (see STACK.md)."""
    html = page("<p>สำนักงาน งาน น้ำ</p>")
    plain = weasyprint.HTML(string=html, base_url="file:///", url_fetcher=fetcher).write_pdf()
    plain_text = pdftotext(plain)
    assert "สำนักงาน" not in plain_text  # Typically "สำนักงำน งำน นำ".
    assert "สำนักงาน งาน น้ำ" not in plain_text
    assert "สำนักงาน งาน น้ำ" in pdftotext(render_pdf(html, url_fetcher=fetcher))


def test_patch_is_restored(fetcher):
    original = draw_text_module.draw_first_line
    html = page("<p>สำนักงาน งาน น้ำ</p>")
    render_pdf(html, url_fetcher=fetcher)
    assert draw_text_module.draw_first_line is original
    plain = weasyprint.HTML(string=html, base_url="file:///", url_fetcher=fetcher).write_pdf()
    assert "สำนักงาน" not in pdftotext(plain)  # Later plain renders are unaffected.


@pytest.mark.parametrize(
    "url",
    [
        "http://testserver/reports/x.css",
        "http://testserver/static/../config/settings.py",
        "file:///static/fonts/missing.ttf",
    ],
)
def test_static_fetcher_refuses_everything_else(fetcher, url):
    with pytest.raises((ValueError, FileNotFoundError)):
        fetcher(url)


def test_static_fetcher_serves_static_files(fetcher):
    response = fetcher("http://testserver/static/fonts/Sarabun-Regular.ttf")
    try:
        assert response.read() == (STATIC_ROOT / "fonts/Sarabun-Regular.ttf").read_bytes()
    finally:
        response.close()
