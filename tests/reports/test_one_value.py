"""One value per quantity (issue 16): a figure that a text of the report quotes by name,
"{ตัวชี้วัดที่บรรลุ}", prints the number its table prints, so the FY2565 prose no longer
says "๔๗ ตัวชี้วัด จาก ๔๙" above a table of 49 of 51, nor "๔.๘๓" under a table 12 whose mean
is 4.86; the texts' page lists the figures and refuses an unknown name."""

import re

import pytest
from django.urls import reverse

from plans.models import ReportText, Role
from reports import printing, quantities, selectors
from tests import factories

pytestmark = pytest.mark.django_db


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_fy2565_prose_quotes_the_tables_figures(fy2565_db):
    report = selectors.annual_report(fy2565_db)
    figures = quantities.values(report)
    assert figures["จำนวนโครงการ"] == "14"
    assert figures["โครงการที่บรรลุทุกตัวชี้วัด"] == "12"  # projects 4 and 9 miss one each
    assert (figures["ตัวชี้วัดที่บรรลุ"], figures["จำนวนตัวชี้วัด"]) == ("49", "51")
    assert (figures["ร้อยละตัวชี้วัดที่บรรลุ"], figures["ร้อยละตัวชี้วัดที่ไม่บรรลุ"]) == (
        "96.08",
        "3.92",
    )
    assert figures["คะแนนเฉลี่ยตัวชี้วัด สพฐ."] == "4.86"
    text = _text(printing.annual_report_html(report))
    assert (
        "ดำเนินการบรรลุค่าเป้าหมายครบทุกตัวชี้วัด ๑๒ โครงการ บรรลุค่าเป้าหมาย ๔๙ ตัวชี้วัด จาก"
        " ๕๑ ตัวชี้วัด คิดเป็นร้อยละ ๙๖.๐๘ ไม่บรรลุค่าเป้าหมาย ๒ ตัวชี้วัด คิดเป็นร้อยละ ๓.๙๒"
    ) in text
    assert "คะแนนเฉลี่ยรวม ๔.๘๖ และมี ๑ ตัวชี้วัดที่ไม่ได้ประเมินระดับคุณภาพ" in text
    for typed in ("๔๗ ตัวชี้วัด จาก ๔๙", "๔.๘๓", "บรรลุทั้ง ๖ ตัวชี้วัด", "๔๑,๙๖๕", "{"):
        assert typed not in text, typed
    assert "จำนวนทั้งสิ้น ๔๒,๗๕๓ คน จาก ๕๗ โรงเรียน" in text  # project 1, as tables 2 and 4
    assert "อยู่ในระดับดีเยี่ยม คะแนน ๔.๘๖" in text  # project 9, as table 12


def test_the_onet_notes_and_project_3_quote_tables_10_and_11(fy2565_db):
    report = selectors.annual_report(fy2565_db)
    figures = quantities.values(report)
    assert figures["O-NET ม.๓ สูงกว่าระดับประเทศ (คะแนน)"] == "4.33"
    assert figures["O-NET ม.๓ สูงกว่าระดับประเทศ (ร้อยละ)"] == "12.53"  # typed 12.59
    assert figures["O-NET ม.๓ เพิ่มขึ้นหรือลดลง"] == "ลดลง"
    assert figures["O-NET ม.๓ เปลี่ยนจากปีก่อน (คะแนน)"] == "1.94"  # the table's -1.94
    assert figures["O-NET ม.๓ เปลี่ยนจากปีก่อน (ร้อยละ)"] == "4.75"  # typed 4.53
    assert figures["O-NET ม.๖ สูงกว่าระดับประเทศ (คะแนน)"] == "1.21"
    assert figures["O-NET ม.๖ เปลี่ยนจากปีก่อน (คะแนน)"] == "1.60"
    html = printing.annual_report_html(report)
    notes = _text(html.split('data-testid="onet-notes-3"')[1].split("</div>")[0])
    assert "สูงกว่าระดับประเทศ ๔.๓๓ คะแนน คิดเป็นร้อยละ ๑๒.๕๓" in notes
    assert "มีคะแนนเฉลี่ยลดลง ๑.๙๔ คะแนน คิดเป็นร้อยละ ๔.๗๕" in notes
    assert 'data-testid="onet-notes-6"' in html
    text = _text(html)
    for typed in ("ร้อยละ ๑๒.๕๙", "ร้อยละ ๔.๕๓", "ลดลง -๑.๖๐", "ร้อยละ ๔.๖๒"):
        assert typed not in text, typed
    assert "มีคะแนนเฉลี่ยลดลง ๑.๖๐ คะแนน คิดเป็นร้อยละ ๔.๖๓" in text  # project 3, ม.๖


def test_the_pdf_prints_each_quantity_once_and_project_9s_satang(fy2565_pdf_file):
    import subprocess

    from tests.reports.test_annual_report_chapters import PDFTOTEXT

    pages = subprocess.run(  # noqa: S603 - poppler's pdftotext on our own file
        [PDFTOTEXT, str(fy2565_pdf_file), "-"], capture_output=True, text=True, check=True
    ).stdout.split("\f")
    text = re.sub(r"\s+", " ", " ".join(pages))
    assert "๔๗ ตัวชี้วัด จาก ๔๙" not in text and "๔๙ ตัวชี้วัด จาก ๕๑" in text
    assert "ร้อยละ ๙๖.๐๘" in text and "ร้อยละ ๙๕.๙๒ ไม่บรรลุ" not in text
    assert "คะแนนเฉลี่ยรวม ๔.๘๓" not in text and "คะแนนเฉลี่ยรวม ๔.๘๖" in text
    assert "๑๒.๕๙" not in text and "ร้อยละ ๑๒.๕๓" in text
    project_9 = next(p for p in pages if "สี่หมื่นสามพันหนึ่งร้อยสามสิบห้าบาทยี่สิบสตางค์" in p)
    assert "๔๓,๑๓๕.๒๐ บาท" in project_9


def test_an_unknown_figure_is_refused_on_the_texts_page(client, office, plan):
    planner = factories.member(office, "planner", Role.PLANNING)
    client.force_login(planner)
    url = reverse("plan_manage:text_edit", args=[plan.fiscal_year.year, "chapter4_summary"])
    page = client.get(url).content.decode()
    assert 'data-testid="figures"' in page and "{ตัวชี้วัดที่บรรลุ}" in page
    response = client.post(url, {"title": "", "body": "บรรลุ {ตัวชี้วัดที่บรรรลุ} ตัวชี้วัด"})
    assert response.status_code == 200
    assert "ไม่รู้จักตัวเลข {ตัวชี้วัดที่บรรรลุ}" in response.content.decode()
    assert not ReportText.objects.filter(plan=plan, key="chapter4_summary").exists()
    client.post(url, {"title": "", "body": "บรรลุ {ตัวชี้วัดที่บรรลุ} ตัวชี้วัด"})
    assert ReportText.objects.get(plan=plan, key="chapter4_summary").body.startswith("บรรลุ {")


def test_a_figure_with_no_value_stays_as_typed():
    assert quantities.fill("ก {ไม่มีชื่อนี้} ข {จำนวนโครงการ}", {"จำนวนโครงการ": "3"}) == (
        "ก {ไม่มีชื่อนี้} ข 3"
    )
