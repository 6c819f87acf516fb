"""The printed annual report (HTML and PDF) made from the database alone: the FY2565 numbers
it must show, its access rule and its query count."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from plans.models import Role
from reports.selectors import annual_report
from tests import factories
from tests.queries import REQUEST_EXTRA

pytestmark = pytest.mark.django_db

PDFTOTEXT = shutil.which("pdftotext") or "/usr/bin/pdftotext"  # Debian's poppler-utils.
OFFICE = "สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาพิษณุโลก อุตรดิตถ์"
MAX_QUERIES = 45  # measured: 42 in the selector + session, user and plan lookups


def pdftotext(path, *options: str) -> str:
    command = [PDFTOTEXT, *options, str(path), "-"]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout  # noqa: S603


@pytest.fixture
def reader(fy2565_db):
    return factories.member(fy2565_db.office, "reader", Role.DIRECTOR)


def test_selector_computes_tables_1_to_6(fy2565_db):
    report = annual_report(fy2565_db)
    schools = report.schools
    assert schools.provinces == ["พิษณุโลก", "อุตรดิตถ์"]
    assert [row.counts for row in schools.sizes] == [[23, 9], [11, 6], [3, 1], [2, 2]]
    total = schools.province_total
    assert (total.schools, total.students_male, total.students_female) == (57, 19240, 23513)
    assert (total.teachers_male, total.teachers_female, total.teachers) == (676, 1590, 2266)
    assert [row.counts for row in schools.levels] == [[38, 18], [1, 0]]
    assert schools.stages_total.counts == [21106, 21647]
    grand = schools.grades[-1]
    assert grand.label == "รวมทั้งสิ้น"
    assert [(c.male, c.female, c.classrooms) for c in grand.cells] == [
        (13168, 15493, 878),
        (6072, 8020, 444),
    ]
    assert report.personnel.total == 2690
    assert len(report.missions) == 7
    assert report.committee_order is not None and report.committee_order.number == "146/2565"
    assert report.authors is not None


def test_html_shows_the_reports_numbers_in_thai_digits(client, fy2565_db, reader):
    client.force_login(reader)
    response = client.get(reverse("reports:annual_report", args=[2565]))
    assert response.status_code == 200
    html = response.content.decode()
    for text in [
        "๓๑๘,๒๒๓,๙๓๘.๐๐",  # table 13 total
        "ร้อยละ ๙๙.๗๗",  # its disbursement rate
        "๔๒,๗๕๓",  # students
        ">๕๗<",  # schools
        "๒,๖๙๐",  # personnel
        "๓๗๕,๐๐๐.๐๐",  # project 1's budget
        "บรรลุค่าเป้าหมาย ๔๙ ตัวชี้วัด",
        "สามร้อยสิบแปดล้าน",
        "รวมทั้งสิ้น",
        "คณะผู้จัดทำ",
        "ภาคผนวก",
    ]:
        assert text in html, text
    assert "css/print.css" in html and "css/app.css" not in html
    assert "style=" not in html


def test_plan_summary_links_to_the_report(client, fy2565_db, reader):
    client.force_login(reader)
    html = client.get(reverse("reports:plan_summary", args=[2565])).content.decode()
    assert reverse("reports:annual_report", args=[2565]) in html
    assert reverse("reports:annual_report_pdf", args=[2565]) in html


def test_outsider_gets_404(client, fy2565_db, outsider):
    client.force_login(outsider)
    assert client.get(reverse("reports:annual_report", args=[2565])).status_code == 404
    assert client.get(reverse("reports:annual_report_pdf", args=[2565])).status_code == 404


def test_report_page_runs_a_bounded_number_of_queries(
    client, fy2565_db, reader, django_assert_max_num_queries
):
    client.force_login(reader)
    with django_assert_max_num_queries(MAX_QUERIES + REQUEST_EXTRA):
        assert client.get(reverse("reports:annual_report", args=[2565])).status_code == 200


def test_small_plan_runs_the_same_queries(client, plan, director, django_assert_max_num_queries):
    factories.project(plan, 1, budget="1000.00")
    client.force_login(director)
    with django_assert_max_num_queries(MAX_QUERIES + REQUEST_EXTRA):
        response = client.get(reverse("reports:annual_report", args=[2565]))
    assert response.status_code == 200
    assert "ยังไม่มีข้อมูลงบประมาณของปีนี้" in response.content.decode()


def test_command_refuses_a_missing_year_or_office_in_thai(fy2565_db, tmp_path):
    with pytest.raises(CommandError, match=r"ไม่พบแผนปฏิบัติการปีงบประมาณ พ\.ศ\. ๒๕๙๙"):
        call_command("render_report", "2599", "--output", str(tmp_path / "r.pdf"))
    with pytest.raises(CommandError, match="ไม่พบสำนักงานรหัส"):
        call_command("render_report", "2565", "--office", "nope", "--output", str(tmp_path / "r"))


def test_command_writes_html(fy2565_db, tmp_path):
    output = tmp_path / "report.html"
    call_command("render_report", "2565", "--format", "html", "--output", str(output))
    assert "๓๑๘,๒๒๓,๙๓๘.๐๐" in output.read_text(encoding="utf-8")


def test_command_writes_a_searchable_pdf(fy2565_pdf_file):
    """fy2565_pdf_file is what `render_report 2565 --format pdf --office …` wrote."""
    text = pdftotext(fy2565_pdf_file)
    assert OFFICE in text  # ำ survives extraction (the /ActualText fix)
    assert "๓๑๘,๒๒๓,๙๓๘.๐๐" in text
    assert "สามร้อยสิบแปดล้าน" in text
    # Footers: the front matter lettered, the chapters in Thai digits from chapter 1's ๑.
    assert pdftotext(fy2565_pdf_file, "-f", "3", "-l", "3").split()[-1] == "ข"
    chapter_1 = pdftotext(fy2565_pdf_file, "-f", "6", "-l", "6")
    assert "บทที่ ๑ บทนำ" in chapter_1 and chapter_1.split()[-1] == "๑"


def test_pdf_download(client, plan, director, tmp_path, settings):
    """The view's own work (a small plan: the FY2565 PDF's pages are read above); the tests'
    task backend renders the job while the request waits."""
    settings.MEDIA_ROOT = settings.SENDFILE_ROOT = tmp_path / "media"
    factories.project(plan, 1, budget="375000.00")
    client.force_login(director)
    response = client.get(reverse("reports:annual_report_pdf", args=[2565]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="annual-report-test-office-2565.pdf"'
    )
    (tmp_path / "report.pdf").write_bytes(response.content)
    text = pdftotext(tmp_path / "report.pdf")
    assert plan.office.name in text and "๓๗๕,๐๐๐.๐๐" in text
